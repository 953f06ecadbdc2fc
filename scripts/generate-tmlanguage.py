#!/usr/bin/env python3
"""Generates grammar/juesuan.tmLanguage.json, the TextMate grammar of the 决算 language.

The regular expressions share fragments (blanks, numbers, cells, trailing comments), so the
grammar is written here once and expanded into JSON. Run after editing:

    python3 scripts/generate-tmlanguage.py            # rewrite the grammar
    python3 scripts/generate-tmlanguage.py --check    # exit 1 if the committed file is stale

Scopes follow the TextMate naming conventions so that every colour theme shows something
sensible; editors/README.md lists them.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "grammar" / "juesuan.tmLanguage.json"
# The VS Code extension's own copy: its package.json names a path inside the extension, which
# must exist in the repository too (running the extension from source), not only in the .vsix.
VSCODE_COPY = ROOT / "editors" / "vscode" / "syntaxes" / "juesuan.tmLanguage.json"

# ---------------------------------------------------------------- fragments (Oniguruma)
B = r"[ \t\x{3000}]"                      # one blank: space, tab, ideographic space
NB = r"[^ \t\x{3000}]"                    # one non-blank
END_OF_TOKEN = rf"(?={B}|$)"
NUM = r"[-－−]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
EMPTY = r"(?:---|--|——|-|—|－)"
CELL = rf"(?:{NUM}[%％]?|{EMPTY})"
# What may follow a label: the trailing run of cells, a trailing comment, the end of line.
# A figure-like word that is no number (`36O.00`) still ends the label and is a bad cell
# (grammar/DECISIONS.md), so the tail accepts any word that starts like a figure.
FIGURE_LIKE = rf"(?:{CELL}|[-－−]?[0-9０-９][^ \t\x{{3000}}]*)"
TAIL = rf"(?=(?:{B}+{FIGURE_LIKE}{END_OF_TOKEN})*(?:{B}+//.*)?{B}*$)"
LABEL = rf"{NB}(?:.*?{NB})??"            # shortest label that leaves a valid tail
CODE = r"(?:[0-9]{7}|[0-9]{5}|[0-9]{3})"

BLOCK_WORDS = r"(?:表|说明|绩效|名词解释|校验|(?i:table|text|perf|glossary|check))"
BLOCK_END = rf"^(?={BLOCK_WORDS}(?:{B}|$))"

STD_ID_06 = r"(?:公开06表?|06表|公开6)"
STD_ID = r"(?:公开(?:0[1-9]|10)表?|(?:0[1-9]|10)表|公开[1-9])"

TOTAL_LABEL = rf"{NB}*?(?:合计|总计|小计)"

S = ".juesuan"


def scope(name):
    return " ".join(part + S for part in name.split())


def rule_comment_line():
    return {
        "name": scope("comment.line.double-slash"),
        "begin": rf"^{B}*(//)",
        "beginCaptures": {"1": {"name": scope("punctuation.definition.comment")}},
        "end": "$",
        "patterns": [{"include": "#suppression"}],
    }


def rule_trailing_comment():
    return {
        "name": scope("comment.line.double-slash"),
        "begin": rf"(?<={B})(//)",
        "beginCaptures": {"1": {"name": scope("punctuation.definition.comment")}},
        "end": "$",
        "patterns": [{"include": "#suppression"}],
    }


def rule_suppression():
    return {
        "match": rf"(?<=//){B}*(juesuan:){B}+(allow-file|allow)((?:(?:{B}+|{B}*,{B}*)[A-Za-z][0-9]{{3}})+)",
        "captures": {
            "1": {"name": scope("keyword.other.suppression")},
            "2": {"name": scope("keyword.control.directive.suppression")},
            "3": {"patterns": [{"match": r"[A-Za-z][0-9]{3}", "name": scope("constant.other.rule-code")}]},
        },
    }


def line_rule(begin, captures, patterns, name=None):
    """A rule for one line: `begin` at the start of the line, then `patterns` to its end."""
    rule = {"begin": begin, "beginCaptures": captures, "end": "$", "patterns": patterns}
    if name:
        rule = {"name": name, **rule}
    return rule


VALUE = rf"{NB}(?:.*?{NB})?(?=(?:{B}+//.*)?{B}*$)"   # text up to a trailing comment


def header_rules():
    key = scope("support.type.property-name.header")
    def header(words, value_patterns):
        return line_rule(rf"^({words}){END_OF_TOKEN}", {"1": {"name": key}},
                         [{"include": "#trailing-comment"}] + value_patterns, name=scope("meta.header"))
    return [
        header(r"部门|(?i:dept)", [{"match": VALUE, "name": scope("string.unquoted.department")}]),
        header(r"年度|(?i:year)", [{"match": r"(?<=[ \t\x{3000}])[0-9]{4}" + END_OF_TOKEN,
                                   "name": scope("constant.numeric.integer.year")}]),
        header(r"单位|(?i:unit)", [{"match": r"(?<=[ \t\x{3000}])(?:亿元|万元|千元|元)" + END_OF_TOKEN,
                                   "name": scope("support.constant.unit")}]),
        header(r"预算代码|(?i:code)", [{"match": rf"(?<=[ \t\x{{3000}}]){NB}+",
                                     "name": scope("constant.other.budget-code")}]),
        header(r"容差|(?i:tolerance)", [{"include": "#number"}]),
        header(r"科目|(?i:subject)", [
            {"match": rf"(?<=[ \t\x{{3000}}]){CODE}{END_OF_TOKEN}", "name": scope("constant.other.code.functional")},
            {"match": VALUE, "name": scope("entity.name.label")},
        ]),
        # Any other `key value` line before the first block is kept and shown, not checked.
        line_rule(rf"^([^\x00-\x7f /]{NB}*){END_OF_TOKEN}",
                  {"1": {"name": scope("support.type.property-name.header.other")}},
                  [{"include": "#trailing-comment"}, {"match": VALUE, "name": scope("string.unquoted.header-value")}],
                  name=scope("meta.header")),
    ]


def table_block(id_regex, code_scope, id_optional=False):
    id_part = rf"(?:{B}+({id_regex}))" + ("?" if id_optional else "")
    return {
        "name": scope("meta.block.table"),
        "begin": rf"^(表|(?i:table)){id_part}(?={B}|$)",
        "beginCaptures": {
            "1": {"name": scope("keyword.control.block.table")},
            "2": {"name": scope("entity.name.type.table")},
        },
        "end": BLOCK_END,
        "patterns": [
            {"include": "#table-title"},
            {"include": "#comment-line"},
            {"include": "#columns-line"},
            {"include": "#side-line"},
            {"include": "#total-row"},
            {"include": "#detail-row"},
            line_rule(rf"^{B}*({CODE}){END_OF_TOKEN}(?:{B}+({LABEL}))?{TAIL}",
                      {"1": {"name": scope(code_scope)}, "2": {"name": scope("entity.name.label")}},
                      [{"include": "#cells"}], name=scope("meta.row.code")),
            {"include": "#label-row"},
        ],
    }


def rules():
    repo = {}
    repo["comment-line"] = rule_comment_line()
    repo["trailing-comment"] = rule_trailing_comment()
    repo["suppression"] = rule_suppression()
    repo["number"] = {"patterns": [
        {"match": rf"(?<![0-9.,]){NUM}[%％]", "name": scope("constant.numeric.percentage")},
        {"match": rf"(?<![0-9.,]){NUM}", "name": scope("constant.numeric.decimal")},
    ]}
    repo["cells"] = {"patterns": [
        {"include": "#trailing-comment"},
        {"match": rf"(?<=^|{B}){NUM}[%％]{END_OF_TOKEN}", "name": scope("constant.numeric.percentage")},
        {"match": rf"(?<=^|{B}){NUM}{END_OF_TOKEN}", "name": scope("constant.numeric.decimal")},
        {"match": rf"(?<=^|{B}){EMPTY}{END_OF_TOKEN}", "name": scope("constant.language.empty-cell")},
        {"match": rf"{NB}+", "name": scope("invalid.illegal.cell")},
    ]}
    repo["header"] = {"patterns": header_rules()}

    # ---- tables
    repo["table-title"] = {
        # the rest of the table line: a title and an optional trailing comment
        "match": rf"\G(?:{B}+({VALUE}))?(?:{B}+(//.*))?{B}*$",
        "captures": {
            "1": {"name": scope("entity.name.section.table-title")},
            "2": {"patterns": [{"include": "#trailing-comment-captured"}]},
        },
    }
    repo["trailing-comment-captured"] = {
        "name": scope("comment.line.double-slash"),
        "begin": "(//)",
        "beginCaptures": {"1": {"name": scope("punctuation.definition.comment")}},
        "end": "$",
        "patterns": [{"include": "#suppression"}],
    }
    repo["table-standard-06"] = table_block(STD_ID_06, "constant.other.code.economic")
    repo["table-standard"] = table_block(STD_ID, "constant.other.code.functional")
    repo["table-custom"] = table_block(rf"(?!//){NB}+", "constant.other.code", id_optional=True)
    repo["columns-line"] = line_rule(
        rf"^{B}*(列|(?i:columns)){END_OF_TOKEN}", {"1": {"name": scope("keyword.other.columns")}},
        [
            {"include": "#trailing-comment"},
            {"match": r"[;；]", "name": scope("punctuation.separator.relations")},
            {"match": r"[=＝]", "name": scope("keyword.operator.comparison")},
            {"match": r"(?<=[ \t\x{3000}])[+＋\-－−](?=[ \t\x{3000}])", "name": scope("keyword.operator.arithmetic")},
            {"match": rf"[^ \t\x{{3000}};；=＝+＋]+", "name": scope("variable.other.column")},
        ],
        name=scope("meta.columns"),
    )
    repo["side-line"] = {
        "match": rf"^{B}*(收入|支出){B}*(?:{B}//.*)?$",
        "captures": {"1": {"name": scope("keyword.other.side")}},
    }
    repo["total-row"] = line_rule(
        rf"^{B}*({TOTAL_LABEL}){TAIL}", {"1": {"name": scope("keyword.other.total")}},
        [{"include": "#cells"}], name=scope("meta.row.total"))
    repo["detail-row"] = line_rule(
        rf"^{B}*(其中[：:])({LABEL})?{TAIL}",
        {"1": {"name": scope("keyword.other.detail")}, "2": {"name": scope("entity.name.label.detail")}},
        [{"include": "#cells"}], name=scope("meta.row.detail"))
    repo["label-row"] = line_rule(
        rf"^{B}*({LABEL}){TAIL}", {"1": {"name": scope("entity.name.label")}},
        [{"include": "#cells"}], name=scope("meta.row.label"))

    # ---- narrative
    repo["narrative"] = {
        "name": scope("meta.block.narrative"),
        "begin": rf"^(说明|(?i:text))(?:{B}+(.*?))?{B}*$",
        "beginCaptures": {
            "1": {"name": scope("keyword.control.block.narrative")},
            "2": {"name": scope("entity.name.section.narrative-title markup.heading")},
        },
        "end": BLOCK_END,
        "patterns": [{"include": "#comment-line"}, {"include": "#claims"}],
    }
    repo["claims"] = {"patterns": [
        {   # an amount with its money unit: 363.59万元
            "match": rf"(?<![0-9.,])({NUM})(亿元|万元|千元|元)",
            "name": scope("meta.claim.amount"),
            "captures": {"1": {"name": scope("constant.numeric.amount")},
                         "2": {"name": scope("keyword.other.unit.money")}},
        },
        {   # a share, a rate: 54.89%
            "match": rf"(?<![0-9.,]){NUM}[%％]",
            "name": scope("meta.claim.percentage constant.numeric.percentage"),
        },
        {   # a count: 3批, 28人次, 0辆, 6个, 14人
            "match": rf"(?<![0-9.,])({NUM})(人次|批次|批|辆|个|人|项|次|场|家|名|台|套|户|件)",
            "name": scope("meta.claim.count"),
            "captures": {"1": {"name": scope("constant.numeric.count")},
                         "2": {"name": scope("keyword.other.unit.count")}},
        },
        {   # a score: 94分, 90.4分
            "match": rf"(?<![0-9.,])({NUM})(分)",
            "name": scope("meta.claim.score"),
            "captures": {"1": {"name": scope("constant.numeric.score")},
                         "2": {"name": scope("keyword.other.unit.score")}},
        },
        {"match": r"增加|减少|增长|下降|持平|占|完成", "name": scope("keyword.other.claim")},
    ]}

    # ---- performance self-evaluation
    perf_key = scope("support.type.property-name.performance")
    field = scope("variable.parameter.field")
    perf_values = [
        {"include": "#trailing-comment"},
        {"match": r"(?<=^|[ \t\x{3000}])(年初预算数|全年预算数|全年执行数|到位数|执行率|分值|得分)(?=[ \t\x{3000}]|$)", "name": field},
        {"match": rf"(?<=^|{B}){NUM}[%％]?{END_OF_TOKEN}", "name": scope("constant.numeric.decimal")},
    ]
    repo["performance"] = {
        "name": scope("meta.block.performance"),
        "begin": rf"^(绩效|(?i:perf))(?:{B}+({VALUE}))?(?:{B}+(//.*))?{B}*$",
        "beginCaptures": {
            "1": {"name": scope("keyword.control.block.performance")},
            "2": {"name": scope("entity.name.section.project")},
            "3": {"patterns": [{"include": "#trailing-comment-captured"}]},
        },
        "end": BLOCK_END,
        "patterns": [
            {"include": "#comment-line"},
            line_rule(rf"^{B}*(主管部门|实施单位){END_OF_TOKEN}", {"1": {"name": perf_key}},
                      [{"include": "#trailing-comment"}, {"match": VALUE, "name": scope("string.unquoted.unit-name")}]),
            line_rule(rf"^{B}*(资金|执行率|总分){END_OF_TOKEN}", {"1": {"name": perf_key}}, perf_values),
            line_rule(rf"^{B}*(其中)(?:{B}+((?!//){NB}+))?",
                      {"1": {"name": perf_key}, "2": {"name": scope("entity.name.label.fund-source")}}, perf_values),
            line_rule(rf"^{B}*(年度目标){END_OF_TOKEN}", {"1": {"name": perf_key}},
                      [{"include": "#trailing-comment"},
                       {"match": rf"(?<={B})(完成情况|完成率)(?={B}|$)", "name": field},
                       {"match": rf"(?<={B}){NUM}[%％]?{END_OF_TOKEN}", "name": scope("constant.numeric.decimal")}]),
            line_rule(rf"^{B}*(等级){END_OF_TOKEN}", {"1": {"name": perf_key}},
                      [{"include": "#trailing-comment"},
                       {"match": r"(?<=[ \t\x{3000}])(?:优|良|中|差)(?=[ \t\x{3000}]|$)", "name": scope("constant.language.grade")}]),
            line_rule(rf"^{B}*(指标)(?:{B}+((?!//){NB}+))?",
                      {"1": {"name": perf_key},
                       "2": {"name": scope("entity.name.label.indicator"),
                             "patterns": [{"match": r"[/／]", "name": scope("punctuation.separator.path")}]}},
                      [
                          {"include": "#trailing-comment"},
                          {"match": rf"(?<={B})(原因)(?:{B}+({VALUE}))?",
                           "captures": {"1": {"name": field}, "2": {"name": scope("string.unquoted.reason")}}},
                          {"match": r"(?<=[ \t\x{3000}])(目标|实际|分值|得分|完成)(?=[ \t\x{3000}]|$)", "name": field},
                          {"match": r"(?<=[ \t\x{3000}])(?:未完成|完成)(?=[ \t\x{3000}]|$)", "name": scope("constant.language.completion")},
                          {"match": r"<=|>=|[≥≤=＝<>＜＞]", "name": scope("keyword.operator.comparison")},
                          {"match": rf"(?<![0-9.,]){NUM}[%％]", "name": scope("constant.numeric.percentage")},
                          {"match": rf"(?<![0-9.,]){NUM}", "name": scope("constant.numeric.decimal")},
                      ], name=scope("meta.indicator")),
        ],
    }

    # ---- glossary
    repo["glossary"] = {
        "name": scope("meta.block.glossary"),
        "begin": rf"^(名词解释|(?i:glossary))(?={B}|$)",
        "beginCaptures": {"1": {"name": scope("keyword.control.block.glossary")}},
        "end": BLOCK_END,
        "patterns": [
            {"include": "#comment-line"},
            {"match": r"^[ \t\x{3000}]*([^：:。；！？ \t\x{3000}][^：:。；！？]*?)([：:])",
             "captures": {"1": {"name": scope("entity.name.term")},
                          "2": {"name": scope("punctuation.separator.key-value")}}},
        ],
    }

    # ---- user checks
    name_chars = r"[^ \t\x{3000}.．+＋\-－−=＝<>≤≥/]"
    repo["check"] = {
        "name": scope("meta.block.check"),
        "begin": rf"^(校验|(?i:check)){END_OF_TOKEN}",
        "beginCaptures": {"1": {"name": scope("keyword.control.block.check")}},
        "end": BLOCK_END,
        "patterns": [
            {"include": "#comment-line"},
            {"include": "#trailing-comment"},
            {   # a number operand (before references, so that 0.5 is no table.row)
                "match": rf"(?<=^|{B}|[+＋\-－−=＝<>≤≥]){NUM}(?={B}|$|[+＋\-－−=＝<>≤≥])",
                "name": scope("constant.numeric.decimal"),
            },
            {   # table.row.column (the last dot starts the column) or table.row
                "match": rf"({name_chars}+)([.．])(?:((?:{name_chars}|[.．])+)([.．])({name_chars}+)|({name_chars}+))",
                "name": scope("meta.reference"),
                "captures": {
                    "1": {"name": scope("entity.name.type.table")},
                    "2": {"name": scope("punctuation.accessor")},
                    "3": {"name": scope("variable.other.member.row")},
                    "4": {"name": scope("punctuation.accessor")},
                    "5": {"name": scope("variable.other.property.column")},
                    "6": {"name": scope("variable.other.member.row")},
                },
            },
            {"match": r"<=|>=|[≤≥=＝]", "name": scope("keyword.operator.comparison")},
            {"match": r"[+＋\-－−]", "name": scope("keyword.operator.arithmetic")},
            {"include": "#number"},
        ],
    }

    repo["blocks"] = {"patterns": [
        {"include": "#table-standard-06"},
        {"include": "#table-standard"},
        {"include": "#table-custom"},
        {"include": "#narrative"},
        {"include": "#performance"},
        {"include": "#glossary"},
        {"include": "#check"},
    ]}
    return repo


def grammar():
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "Juesuan",
        "scopeName": "source.juesuan",
        "fileTypes": ["juesuan"],
        "comment": "Generated by scripts/generate-tmlanguage.py; edit that file, not this one.",
        "patterns": [
            {"include": "#comment-line"},
            {"include": "#blocks"},
            {"include": "#header"},
        ],
        "repository": rules(),
    }


def render():
    return json.dumps(grammar(), ensure_ascii=False, indent=2) + "\n"


def main():
    text = render()
    if "--check" in sys.argv[1:]:
        for out in (OUT, VSCODE_COPY):
            if not out.exists() or out.read_text(encoding="utf-8") != text:
                print(f"{out.relative_to(ROOT)} is stale: run scripts/generate-tmlanguage.py", file=sys.stderr)
                return 1
        return 0
    for out in (OUT, VSCODE_COPY):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
