"""The TextMate grammar (grammar/juesuan.tmLanguage.json) under a TextMate engine, and the
formal grammar (grammar/juesuan.ebnf) against the keywords the parser knows.

Needs textmate-grammar-python (a Python port of the engine VS Code uses):
    scripts/test-editors.sh            # sets up .venv-editors and runs everything
    .venv-editors/bin/python -m unittest Tests/editors/test_grammar.py
"""
import json
import logging
import re
import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = ROOT / "grammar" / "juesuan.tmLanguage.json"
EBNF = ROOT / "grammar" / "juesuan.ebnf"
KEYWORDS = ROOT / "Sources" / "JuesuanSyntax" / "Keywords.swift"
EXAMPLES = sorted((ROOT / "examples").glob("*.juesuan"))
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "constructs.juesuan"

try:
    from textmate_grammar.parsers.base import LanguageParser
    from textmate_grammar.utils.logger import LOGGER
    import onigurumacffi
except ImportError:  # pragma: no cover - reported as a skip
    LanguageParser = None


class Tokens:
    """The tokens of one text: for each line, a list of (column, text, scopes)."""

    _parser = None

    def __init__(self, text):
        if Tokens._parser is None:
            LOGGER.logger.setLevel(logging.ERROR)
            Tokens._parser = LanguageParser(json.loads(GRAMMAR.read_text(encoding="utf-8")))
        self.lines = text.split("\n")
        self.by_line = {}
        element = Tokens._parser.parse_string(text)
        for (line, column), content, scopes in element.flatten():
            # a name may hold several scopes separated by blanks (as VS Code reads it)
            flat = [part for name in scopes for part in name.split()]
            self.by_line.setdefault(line, []).append((column, content, flat))

    def scopes(self, line, text, occurrence=1):
        """The scopes of the token that covers the `occurrence`-th `text` on 1-based `line`."""
        source = self.lines[line - 1]
        start = -1
        for _ in range(occurrence):
            start = source.find(text, start + 1)
            if start < 0:
                raise AssertionError(f"{text!r} not on line {line}: {source!r}")
        for column, content, scopes in self.by_line.get(line - 1, []):
            if column <= start < column + len(content):
                return scopes
        return []

    def token(self, line, text, occurrence=1):
        """The text of the token that starts at `text` (to check where tokens end)."""
        source = self.lines[line - 1]
        start = -1
        for _ in range(occurrence):
            start = source.find(text, start + 1)
        for column, content, _ in self.by_line.get(line - 1, []):
            if column <= start < column + len(content):
                return content
        return None

    def all_scopes(self):
        return {s for tokens in self.by_line.values() for _, _, scopes in tokens for s in scopes}


def line_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path.name}")


@unittest.skipIf(LanguageParser is None, "textmate-grammar-python is not installed (run scripts/test-editors.sh)")
class TextMateGrammarTests(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.zhushan = Tokens((ROOT / "examples" / "zhushan-2024.juesuan").read_text(encoding="utf-8"))
        cls.errors = Tokens((ROOT / "examples" / "deliberate-errors.juesuan").read_text(encoding="utf-8"))
        cls.constructs = Tokens(FIXTURE.read_text(encoding="utf-8"))

    def assertScope(self, tokens, line, text, expected, occurrence=1):
        scopes = tokens.scopes(line, text, occurrence)
        self.assertIn(expected, scopes, f"line {line} {text!r}: {scopes}")

    # -- the file itself
    def test_grammar_is_generated_from_the_script(self):
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate-tmlanguage.py"), "--check"],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_header_and_every_regex_compiles(self):
        grammar = json.loads(GRAMMAR.read_text(encoding="utf-8"))
        self.assertEqual(grammar["scopeName"], "source.juesuan")
        self.assertIn("juesuan", grammar["fileTypes"])
        count = 0

        def walk(node):
            nonlocal count
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("match", "begin", "end", "while"):
                        onigurumacffi.compile(value)
                        count += 1
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)
        walk(grammar)
        self.assertGreater(count, 40)

    def test_every_example_tokenises_without_illegal_cells(self):
        self.assertTrue(EXAMPLES, "no example reports")
        for path in EXAMPLES:
            with self.subTest(example=path.name):
                tokens = Tokens(path.read_text(encoding="utf-8"))
                self.assertNotIn("invalid.illegal.cell.juesuan", tokens.all_scopes())
                # every non-blank line outside comments got at least one juesuan scope
                for number, line in enumerate(tokens.lines):
                    if line.strip():
                        self.assertTrue(any(s.endswith(".juesuan") for _, _, scopes in tokens.by_line.get(number, [])
                                            for s in scopes), f"{path.name}:{number + 1} has no scope: {line!r}")

    # -- zhushan-2024: every construct of a real report
    def test_comments(self):
        t = self.zhushan
        self.assertScope(t, 1, "//", "punctuation.definition.comment.juesuan")
        self.assertScope(t, 1, "景德镇", "comment.line.double-slash.juesuan")
        line = line_of(ROOT / "examples" / "zhushan-2024.juesuan", "30111")
        self.assertScope(t, line, "// the published", "comment.line.double-slash.juesuan")
        self.assertScope(t, line, "0.00", "constant.numeric.decimal.juesuan")
        self.assertNotIn("comment.line.double-slash.juesuan", t.scopes(line, "0.00"))

    def test_header_keys(self):
        t = self.zhushan
        self.assertScope(t, 5, "部门", "support.type.property-name.header.juesuan")
        self.assertScope(t, 5, "景德镇市珠山区医疗保障局", "string.unquoted.department.juesuan")
        self.assertScope(t, 6, "2024", "constant.numeric.integer.year.juesuan")
        self.assertScope(t, 7, "万元", "support.constant.unit.juesuan")

    def test_block_keywords_and_titles(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        line = line_of(path, "表 公开01")
        self.assertScope(t, line, "表", "keyword.control.block.table.juesuan")
        self.assertScope(t, line, "公开01", "entity.name.type.table.juesuan")
        self.assertEqual(t.token(line, "公开01"), "公开01")
        self.assertScope(t, line, "收入支出决算总表", "entity.name.section.table-title.juesuan")
        line = line_of(path, "说明 一、收入决算情况说明")
        self.assertScope(t, line, "说明", "keyword.control.block.narrative.juesuan")
        self.assertScope(t, line, "一、收入决算情况说明", "markup.heading.juesuan")
        line = line_of(path, "绩效 居民医保工作经费1")
        self.assertScope(t, line, "绩效", "keyword.control.block.performance.juesuan")
        self.assertScope(t, line, "居民医保工作经费1", "entity.name.section.project.juesuan")
        self.assertScope(t, line_of(path, "名词解释"), "名词解释", "keyword.control.block.glossary.juesuan")

    def test_side_lines(self):
        t = self.zhushan
        self.assertScope(t, 14, "收入", "keyword.other.side.juesuan")
        self.assertScope(t, 27, "支出", "keyword.other.side.juesuan")

    def test_functional_and_economic_codes(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        line = line_of(path, "2080505  机关事业单位基本养老保险缴费支出")
        self.assertScope(t, line, "2080505", "constant.other.code.functional.juesuan")
        self.assertEqual(t.token(line, "2080505"), "2080505")
        self.assertScope(t, line, "机关事业单位基本养老保险缴费支出", "entity.name.label.juesuan")
        self.assertEqual(t.token(line, "机关"), "机关事业单位基本养老保险缴费支出")
        self.assertScope(t, line, "22.98", "constant.numeric.decimal.juesuan")
        line = line_of(path, "30101  基本工资")
        self.assertScope(t, line, "30101", "constant.other.code.economic.juesuan")
        self.assertScope(t, line, "基本工资", "meta.row.code.juesuan")

    def test_label_rows_keep_digits_in_the_label(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        line = line_of(path, "单价100万元（含）以上设备")
        self.assertEqual(t.token(line, "单价"), "单价100万元（含）以上设备（不含车辆）")
        self.assertScope(t, line, "单价", "entity.name.label.juesuan")
        line = line_of(path, "1.因公出国（境）费")
        self.assertEqual(t.token(line, "1.因公"), "1.因公出国（境）费")

    def test_total_rows(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        for label in ("本年收入合计", "人员经费合计", "车辆数合计"):
            line = line_of(path, label + " ")
            self.assertScope(t, line, label, "keyword.other.total.juesuan")
            self.assertScope(t, line, label, "meta.row.total.juesuan")
        line = line_of(path, "合计                                        363.59  363.59")
        self.assertScope(t, line, "合计", "keyword.other.total.juesuan")
        self.assertScope(t, line, "363.59", "meta.row.total.juesuan", occurrence=2)
        self.assertScope(t, 26, "总计", "keyword.other.total.juesuan")

    def test_detail_rows_and_empty_cells(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        line = line_of(path, "其中：外事接待费")
        self.assertScope(t, line, "其中：", "keyword.other.detail.juesuan")
        self.assertScope(t, line, "外事接待费", "entity.name.label.detail.juesuan")
        self.assertScope(t, line, "-", "constant.language.empty-cell.juesuan")
        self.assertScope(t, line, "0.00", "meta.row.detail.juesuan")

    def test_columns_line(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        line = line_of(path, "列 年初预算数")
        self.assertScope(t, line, "列", "keyword.other.columns.juesuan")
        self.assertScope(t, line, "决算数", "variable.other.column.juesuan")

    def test_prose_claims(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        line = line_of(path, "本部门2024年度收入总计363.59万元")
        self.assertScope(t, line, "363.59", "constant.numeric.amount.juesuan")
        self.assertScope(t, line, "万元", "keyword.other.unit.money.juesuan")
        self.assertScope(t, line, "363.59", "meta.claim.amount.juesuan")
        self.assertScope(t, line, "3.94%", "constant.numeric.percentage.juesuan")
        self.assertEqual(t.token(line, "3.94%"), "3.94%")
        self.assertScope(t, line, "增加", "keyword.other.claim.juesuan")
        self.assertNotIn("constant.numeric.amount.juesuan", t.scopes(line, "2024"))
        line = line_of(path, "全年国内公务接待3批")
        self.assertScope(t, line, "3批", "constant.numeric.count.juesuan")
        self.assertScope(t, line, "批", "keyword.other.unit.count.juesuan", occurrence=1)
        self.assertScope(t, line, "28人次", "meta.claim.count.juesuan")
        self.assertEqual(t.token(line, "人次"), "人次")
        self.assertScope(t, line, "0辆", "constant.numeric.count.juesuan")
        line = line_of(path, "实有人员14人")
        self.assertScope(t, line, "14人", "constant.numeric.count.juesuan")
        line = line_of(path, "平均分为90.4分")
        self.assertScope(t, line, "90.4分", "constant.numeric.score.juesuan")
        self.assertScope(t, line, "6个", "meta.claim.count.juesuan")

    def test_performance_lines(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        line = line_of(path, "资金 年初预算数 27")
        self.assertScope(t, line, "资金", "support.type.property-name.performance.juesuan")
        self.assertScope(t, line, "全年执行数", "variable.parameter.field.juesuan")
        self.assertScope(t, line, "26.005", "constant.numeric.decimal.juesuan")
        line = line_of(path, "产出指标/数量指标/参保率")
        self.assertScope(t, line, "指标", "support.type.property-name.performance.juesuan")
        self.assertScope(t, line, "数量指标", "entity.name.label.indicator.juesuan")
        self.assertScope(t, line, "/", "punctuation.separator.path.juesuan")
        self.assertScope(t, line, "=", "keyword.operator.comparison.juesuan")
        self.assertScope(t, line, "100%", "constant.numeric.percentage.juesuan")
        self.assertScope(t, line, "得分", "variable.parameter.field.juesuan")
        self.assertScope(t, line, "绩效目标设置不合理", "string.unquoted.reason.juesuan")
        self.assertScope(t, line_of(path, "总分 100 88.5"), "88.5", "constant.numeric.decimal.juesuan")

    def test_glossary_terms(self):
        t, path = self.zhushan, ROOT / "examples" / "zhushan-2024.juesuan"
        line = line_of(path, "财政拨款收入：本级")
        self.assertScope(t, line, "财政拨款收入", "entity.name.term.juesuan")
        self.assertScope(t, line, "：", "punctuation.separator.key-value.juesuan")
        self.assertNotIn("entity.name.term.juesuan", t.scopes(line, "本级财政"))

    # -- deliberate-errors: thousands separators and trailing comments with rule codes
    def test_thousands_separators_and_trailing_comments(self):
        t, path = self.errors, ROOT / "examples" / "deliberate-errors.juesuan"
        line = line_of(path, "本年收入合计                        1,310.50")
        self.assertEqual(t.token(line, "1,310.50"), "1,310.50")
        self.assertScope(t, line, "1,310.50", "constant.numeric.decimal.juesuan")
        self.assertScope(t, line, "// A204", "comment.line.double-slash.juesuan")
        line = line_of(path, "2101588")
        self.assertScope(t, line, "不存在的科目", "entity.name.label.juesuan")
        self.assertScope(t, line, "C301", "comment.line.double-slash.juesuan")

    # -- the fixture: aliases, suppressions, checks, odd cells
    def test_ascii_aliases(self):
        t, path = self.constructs, FIXTURE
        for word in ("dept", "year", "unit", "tolerance", "subject"):
            self.assertScope(t, line_of(path, word + " "), word, "support.type.property-name.header.juesuan")
        self.assertScope(t, line_of(path, "Table 公开6"), "Table", "keyword.control.block.table.juesuan")
        self.assertScope(t, line_of(path, "table 06表"), "06表", "entity.name.type.table.juesuan")
        self.assertScope(t, line_of(path, "columns "), "columns", "keyword.other.columns.juesuan")
        self.assertScope(t, line_of(path, "text 二、说明"), "text", "keyword.control.block.narrative.juesuan")
        self.assertScope(t, line_of(path, "perf 项目甲"), "perf", "keyword.control.block.performance.juesuan")
        self.assertScope(t, line_of(path, "glossary"), "glossary", "keyword.control.block.glossary.juesuan")
        self.assertScope(t, line_of(path, "check 公开01"), "check", "keyword.control.block.check.juesuan")

    def test_other_header_lines(self):
        t, path = self.constructs, FIXTURE
        line = line_of(path, "subject 2129999")
        self.assertScope(t, line, "2129999", "constant.other.code.functional.juesuan")
        line = line_of(path, "编制单位")
        self.assertScope(t, line, "编制单位", "support.type.property-name.header.other.juesuan")
        self.assertScope(t, line, "某局财务科", "string.unquoted.header-value.juesuan")
        self.assertScope(t, line_of(path, "预算代码"), "450", "constant.other.budget-code.juesuan")

    def test_table_id_variants_choose_the_code_kind(self):
        t, path = self.constructs, FIXTURE
        self.assertScope(t, line_of(path, "301    工资福利支出"), "301", "constant.other.code.economic.juesuan")
        self.assertScope(t, line_of(path, "302    商品和服务支出"), "302", "constant.other.code.economic.juesuan")
        self.assertScope(t, line_of(path, "2129999  其他城乡社区支出"), "2129999", "constant.other.code.functional.juesuan")
        line = line_of(path, "101  某行")
        self.assertScope(t, line, "101", "constant.other.code.juesuan")
        self.assertNotIn("constant.other.code.functional.juesuan", t.scopes(line, "101"))
        self.assertScope(t, line_of(path, "表 自定义表"), "自定义表", "entity.name.type.table.juesuan")

    def test_suppression_comments(self):
        t, path = self.constructs, FIXTURE
        line = line_of(path, "allow-file")
        self.assertScope(t, line, "juesuan:", "keyword.other.suppression.juesuan")
        self.assertScope(t, line, "allow-file", "keyword.control.directive.suppression.juesuan")
        self.assertScope(t, line, "N506", "constant.other.rule-code.juesuan")
        self.assertScope(t, line, "C301", "constant.other.rule-code.juesuan")
        line = line_of(path, "人员经费合计")
        self.assertScope(t, line, "A204", "constant.other.rule-code.juesuan")
        self.assertScope(t, line, "1,192.80", "constant.numeric.decimal.juesuan")
        # a comment that merely mentions it is no suppression
        self.assertNotIn("keyword.other.suppression.juesuan", t.scopes(1, "juesuan:"))

    def test_cells(self):
        t, path = self.constructs, FIXTURE
        line = line_of(path, "小计")
        self.assertScope(t, line, "小计", "keyword.other.total.juesuan")
        self.assertEqual(t.token(line, "-12.50"), "-12.50")
        self.assertScope(t, line, "-12.50", "constant.numeric.decimal.juesuan")
        self.assertScope(t, line, "—", "constant.language.empty-cell.juesuan")
        self.assertScope(t, line, "--", "constant.language.empty-cell.juesuan")
        line = line_of(path, "2129999  其他城乡社区支出")
        self.assertScope(t, line, "12.50%", "constant.numeric.percentage.juesuan")
        self.assertScope(t, line, "---", "constant.language.empty-cell.juesuan")
        line = line_of(path, "36O.00")
        self.assertEqual(t.token(line, "单价"), "单价100万元（含）以上设备")
        self.assertScope(t, line, "36O.00", "invalid.illegal.cell.juesuan")
        self.assertScope(t, line, "3 ", "constant.numeric.decimal.juesuan")

    def test_prose_units(self):
        t, path = self.constructs, FIXTURE
        line = line_of(path, "亦可写作")
        self.assertScope(t, line, "12345元", "constant.numeric.amount.juesuan")
        self.assertEqual(t.token(line, "元"), "元")
        self.assertScope(t, line, "亿元", "keyword.other.unit.money.juesuan")
        line = line_of(path, "共涉及资金1,151.01万元")
        self.assertEqual(t.token(line, "1,151.01"), "1,151.01")
        self.assertScope(t, line, "94分", "constant.numeric.score.juesuan")

    def test_performance_grade_and_completion(self):
        t, path = self.constructs, FIXTURE
        self.assertScope(t, line_of(path, "等级 良"), "良", "constant.language.grade.juesuan")
        line = line_of(path, "完成 未完成")
        self.assertScope(t, line, "未完成", "constant.language.completion.juesuan")
        self.assertScope(t, line, "≥", "keyword.operator.comparison.juesuan")
        self.assertScope(t, line, "// 注释", "comment.line.double-slash.juesuan")
        self.assertScope(t, line, "客观原因", "string.unquoted.reason.juesuan")
        self.assertNotIn("string.unquoted.reason.juesuan", t.scopes(line, "// 注释"))

    def test_check_references(self):
        t, path = self.constructs, FIXTURE
        line = line_of(path, "check 公开01")
        self.assertScope(t, line, "公开01", "entity.name.type.table.juesuan")
        self.assertScope(t, line, "本年收入合计", "variable.other.member.row.juesuan")
        self.assertScope(t, line, "本年收入合计", "variable.other.property.column.juesuan", occurrence=2)
        self.assertScope(t, line, ".", "punctuation.accessor.juesuan")
        self.assertScope(t, line, "=", "keyword.operator.comparison.juesuan")
        self.assertScope(t, line, "+", "keyword.operator.arithmetic.juesuan")
        self.assertScope(t, line, "0.5", "constant.numeric.decimal.juesuan")
        self.assertScope(t, line, "// 说明", "comment.line.double-slash.juesuan")
        line = line_of(path, "校验 公开09")
        self.assertScope(t, line, "校验", "keyword.control.block.check.juesuan")
        self.assertScope(t, line, "<=", "keyword.operator.comparison.juesuan")
        self.assertScope(t, line, "30217", "variable.other.member.row.juesuan")

    def test_glossary_with_ordinal_and_continuation(self):
        t, path = self.constructs, FIXTURE
        self.assertScope(t, line_of(path, "1.基本支出："), "基本支出", "entity.name.term.juesuan")
        self.assertNotIn("entity.name.term.juesuan", t.scopes(line_of(path, "续行"), "续行"))


class FormalGrammarTests(unittest.TestCase):
    """Every keyword and alias the parser knows (Sources/JuesuanSyntax/Keywords.swift) is a
    terminal of grammar/juesuan.ebnf and is highlighted by the TextMate grammar."""

    @classmethod
    def setUpClass(cls):
        cls.source = KEYWORDS.read_text(encoding="utf-8")
        cls.ebnf = EBNF.read_text(encoding="utf-8")
        cls.tm = GRAMMAR.read_text(encoding="utf-8")

    def literals(self):
        found = set(re.findall(r'"((?:[^"\\]|\\.)*)"', self.source))
        self.assertGreater(len(found), 30, "Keywords.swift changed shape: update this test")
        return found

    def test_every_keyword_is_a_terminal_of_the_ebnf(self):
        missing = sorted(word for word in self.literals() if f'"{word}"' not in self.ebnf)
        self.assertEqual(missing, [], "keywords the parser knows but grammar/juesuan.ebnf lacks")

    def test_block_keywords_and_aliases_are_in_the_textmate_grammar(self):
        words = re.findall(r'case \w+ = "([^"]+)"', self.source)
        aliases = re.findall(r'case \.\w+: "([^"]+)"', self.source)
        self.assertGreaterEqual(len(words), 11)
        self.assertGreaterEqual(len(aliases), 11)
        for word in words + aliases:
            self.assertIn(word, self.tm, f"{word!r} is not highlighted")
        for word in ("列", "columns", "收入", "支出", "其中", "juesuan:", "主管部门", "实施单位", "资金",
                     "执行率", "指标", "总分", "等级", "目标", "实际", "分值", "得分", "完成", "原因"):
            self.assertIn(word, self.tm)


if __name__ == "__main__":
    unittest.main()
