"""Neovim end to end: Debian's Neovim (0.7.2) runs headless on an example report with
editors/nvim on its runtimepath; editors/nvim/test/e2e.lua records what the editor shows
(filetype, syntax groups, and the diagnostics, hover and completion from `juesuan lsp`) and
this driver checks it.

    .venv-editors/bin/python -m unittest Tests/editors/test_nvim.py
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NVIM_DIR = ROOT / "editors" / "nvim"
BINARY = Path(os.environ.get("JUESUAN_BIN", ROOT / ".build" / "debug" / "juesuan"))
EXAMPLE = ROOT / "examples" / "zhushan-2024.juesuan"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "constructs.juesuan"
NVIM = shutil.which("nvim")


def lsp_unavailable():
    """Why `juesuan lsp` cannot be used, or None."""
    if not BINARY.exists():
        return f"no server binary at {BINARY}"
    try:
        help_text = subprocess.run([str(BINARY), "--help"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{BINARY} --help failed: {error}"
    if "lsp" not in help_text.stdout + help_text.stderr:
        return f"{BINARY} has no 'lsp' subcommand yet"
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"processId": None, "rootUri": None, "capabilities": {}}}).encode()
    try:
        run = subprocess.run([str(BINARY), "lsp"], input=b"Content-Length: %d\r\n\r\n" % len(body) + body,
                             capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        return "'juesuan lsp' did not answer initialize within 10 s"
    if b'"capabilities"' not in run.stdout:
        return "'juesuan lsp' did not answer initialize"
    return None


def line_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path.name}")


# Completion by name (issue 18): (anchor row, text typed on a new row below it, the row expected
# after <C-x><C-o> and accepting the first item).
TYPED = [
    ["21015    医疗保障管理事务", "一般行政", "2101502  一般行政管理事务"],
    ["2210201  住房公积金", "提租补贴", "2210202  提租补贴"],
    ["30101  基本工资", "办公费", "30201  办公费"],
    ["2080505  机关事业单位", "20805事业单位离退", "2080502  事业单位离退休"],
]


def run_nvim(file, probes, lsp, path_has_juesuan=False, typed=()):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env = dict(os.environ, JUESUAN_ROOT=str(ROOT), JUESUAN_BIN=str(BINARY), JUESUAN_FILE=str(file),
                   JUESUAN_TYPE=json.dumps([t[:2] for t in typed], ensure_ascii=False),
                   JUESUAN_OUT=str(out), JUESUAN_PROBES=json.dumps(probes, ensure_ascii=False),
                   JUESUAN_LSP=("auto" if path_has_juesuan else "1") if lsp else "0",
                   XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp)
        if path_has_juesuan:
            bindir = Path(tmp) / "bin"
            bindir.mkdir()
            (bindir / "juesuan").symlink_to(BINARY)
            env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
        run = subprocess.run([NVIM, "--headless", "-n", "-i", "NONE", "-u", str(NVIM_DIR / "test" / "minimal_init.lua"),
                              "-c", f"luafile {NVIM_DIR / 'test' / 'e2e.lua'}"],
                             env=env, capture_output=True, text=True, timeout=120, cwd=str(ROOT))
        if not out.exists():
            raise AssertionError(f"nvim wrote no result (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")
        return json.loads(out.read_text(encoding="utf-8"))


EXAMPLE_PROBES = [
    [1, "//", "juesuanComment"],
    [5, "部门", "juesuanHeaderKey"],
    [7, "万元", "juesuanUnit"],
    [line_of(EXAMPLE, "表 公开01"), "表", "juesuanTableWord"],
    [line_of(EXAMPLE, "表 公开01"), "公开01", "juesuanTableId"],
    [line_of(EXAMPLE, "表 公开01"), "收入支出决算总表", "juesuanTitle"],
    [line_of(EXAMPLE, "表 公开01") + 1, "收入", "juesuanSide"],
    [line_of(EXAMPLE, "本年收入合计 "), "本年收入合计", "juesuanTotal"],
    [line_of(EXAMPLE, "2080505  机关"), "2080505", "juesuanFunctionalCode"],
    [line_of(EXAMPLE, "2080505  机关"), "22.98", "juesuanNumber"],
    [line_of(EXAMPLE, "30101  基本工资"), "30101", "juesuanEconomicCode"],
    [line_of(EXAMPLE, "30111"), "// the published", "juesuanTrailingComment"],
    [line_of(EXAMPLE, "列 年初预算数"), "列", "juesuanColumns"],
    [line_of(EXAMPLE, "其中：外事接待费"), "其中：", "juesuanDetail"],
    [line_of(EXAMPLE, "其中：外事接待费"), "-", "juesuanEmpty"],
    [line_of(EXAMPLE, "说明 一、收入决算情况说明"), "说明", "juesuanBlock"],
    [line_of(EXAMPLE, "说明 一、收入决算情况说明"), "一、", "juesuanHeading"],
    [line_of(EXAMPLE, "本部门2024年度收入总计"), "363.59", "juesuanAmount"],
    [line_of(EXAMPLE, "本部门2024年度收入总计"), "万元", "juesuanClaimUnit"],
    [line_of(EXAMPLE, "本部门2024年度收入总计"), "3.94%", "juesuanClaimPercent"],
    [line_of(EXAMPLE, "本部门2024年度收入总计"), "增加", "juesuanChange"],
    [line_of(EXAMPLE, "全年国内公务接待3批"), "3批", "juesuanCount"],
    [line_of(EXAMPLE, "全年国内公务接待3批"), "28人次", "juesuanCount"],
    [line_of(EXAMPLE, "绩效 居民医保工作经费1"), "居民医保工作经费1", "juesuanProject"],
    [line_of(EXAMPLE, "产出指标/数量指标/参保率"), "指标", "juesuanPerfKey"],
    [line_of(EXAMPLE, "产出指标/数量指标/参保率"), "得分", "juesuanField"],
    [line_of(EXAMPLE, "产出指标/数量指标/参保率"), "100%", "juesuanPercent"],
    [line_of(EXAMPLE, "财政拨款收入：本级"), "财政拨款收入", "juesuanTerm"],
]

FIXTURE_PROBES = [
    [line_of(FIXTURE, "allow-file"), "juesuan:", "juesuanSuppression"],
    [line_of(FIXTURE, "allow-file"), "N506", "juesuanRuleCode"],
    [line_of(FIXTURE, "dept "), "dept", "juesuanHeaderKey"],
    [line_of(FIXTURE, "Table 公开6"), "Table", "juesuanTableWord"],
    [line_of(FIXTURE, "301    工资福利支出"), "301", "juesuanEconomicCode"],
    [line_of(FIXTURE, "301    工资福利支出"), "1,192.80", "juesuanNumber"],
    [line_of(FIXTURE, "2129999  其他"), "2129999", "juesuanFunctionalCode"],
    [line_of(FIXTURE, "2129999  其他"), "12.50%", "juesuanPercent"],
    [line_of(FIXTURE, "check 公开01"), "check", "juesuanBlock"],
    [line_of(FIXTURE, "check 公开01"), "公开02", "juesuanReference"],
    [line_of(FIXTURE, "check 公开01"), "=", "juesuanComparator"],
    [line_of(FIXTURE, "等级 良"), "良", "juesuanGrade"],
    [line_of(FIXTURE, "text 二、说明"), "text", "juesuanBlock"],
]


@unittest.skipIf(NVIM is None, "nvim is not installed (scripts/test-editors.sh installs Debian's neovim)")
class NeovimSyntaxTests(unittest.TestCase):
    """Filetype detection and highlighting: no language server needed."""

    def check_probes(self, result):
        self.assertNotIn("error", result, result.get("error"))
        for (line, needle, group), (_, _, actual) in zip(self.probes, result["syntax"]):
            with self.subTest(line=line, needle=needle):
                self.assertEqual(actual, group)

    def test_example_report(self):
        self.probes = EXAMPLE_PROBES
        result = run_nvim(EXAMPLE, [p[:2] for p in EXAMPLE_PROBES], lsp=False)
        self.assertEqual(result["filetype"], "juesuan")
        self.assertEqual(result["syntax_name"], "juesuan")
        self.assertEqual(result["commentstring"], "// %s")
        self.check_probes(result)

    def test_every_construct(self):
        self.probes = FIXTURE_PROBES
        self.check_probes(run_nvim(FIXTURE, [p[:2] for p in FIXTURE_PROBES], lsp=False))


REASON = lsp_unavailable()


@unittest.skipIf(NVIM is None, "nvim is not installed")
@unittest.skipIf(REASON is not None, f"juesuan lsp unavailable: {REASON}")
class NeovimLanguageServerTests(unittest.TestCase):
    """The server started by lua/juesuan (vim.lsp.start_client on 0.7, vim.lsp.start on 0.8+)."""

    @classmethod
    def setUpClass(cls):
        cls.result = run_nvim(EXAMPLE, [], lsp=True, typed=TYPED)

    def test_no_error_in_the_editor(self):
        self.assertNotIn("error", self.result, self.result.get("error"))
        self.assertEqual(self.result["clients"], ["juesuan"])
        self.assertEqual(self.result["omnifunc"], "v:lua.require'juesuan.complete'.omnifunc")
        self.assertTrue(self.result["k_mapped"], "K shows the hover")

    def test_diagnostics(self):
        diagnostics = self.result["diagnostics"]
        c302 = [d for d in diagnostics if d["code"] == "C302"]
        self.assertEqual(len(c302), 1, diagnostics)
        self.assertEqual(c302[0]["lnum"], 118, "C302 on line 119")
        self.assertEqual(c302[0]["severity"], 2, "a warning")
        self.assertIn("30111", c302[0]["message"])
        self.assertTrue(any(d["code"] == "A290" and d["severity"] == 3 for d in diagnostics))

    def test_hover(self):
        hover = self.result.get("hover")
        self.assertIsNotNone(hover)
        contents = hover["contents"]
        text = contents["value"] if isinstance(contents, dict) else json.dumps(contents, ensure_ascii=False)
        self.assertIn("行政事业单位养老支出", text)

    def test_completion(self):
        labels = {item["label"]: item for item in self.result["completion"]}
        self.assertIn("20805", labels)
        self.assertIn("行政事业单位养老支出", labels["20805"].get("detail") or "")

    def test_typing_a_name_and_accepting_the_first_item(self):
        """Typed names become rows with the code and the official name (through the omnifunc)."""
        typed = self.result.get("typed") or []
        self.assertEqual(len(typed), len(TYPED), self.result.get("error"))
        for (anchor, text, expected), got in zip(TYPED, typed):
            with self.subTest(text=text):
                self.assertEqual(got["line"], expected)
                # The server has the new row: its code's hover names the official name.
                code, name = expected.split()
                self.assertIn(f"{code} {name}", got.get("hover") or "")
                self.assertRegex(got.get("hover") or "", "已核实|未核实")

    def test_zero_config_with_juesuan_on_path(self):
        """Only editors/nvim on the runtimepath and juesuan on PATH: plugin/juesuan.lua starts it."""
        result = run_nvim(EXAMPLE, [], lsp=True, path_has_juesuan=True)
        self.assertNotIn("error", result, result.get("error"))
        self.assertEqual(result["clients"], ["juesuan"])
        self.assertTrue(any(d["code"] == "C302" and d["lnum"] == 118 for d in result["diagnostics"]))

    def test_edit_is_rechecked(self):
        self.assertGreater(len(self.result.get("after_edit") or []), self.result.get("errors_before", 0),
                           "a new error diagnostic after changing 53.74 to 99.74")


if __name__ == "__main__":
    unittest.main()
