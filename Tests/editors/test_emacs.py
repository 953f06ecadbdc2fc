"""Emacs: editors/emacs/juesuan-mode.el byte-compiles without a warning, highlights an example
report, and — with Debian's elpa-eglot on Emacs 28 — eglot starts `juesuan lsp` and flymake
receives its diagnostics (editors/emacs/test/e2e.el records what Emacs shows).

    .venv-editors/bin/python -m unittest Tests/editors/test_emacs.py
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from test_nvim import BINARY, EXAMPLE, FIXTURE, ROOT, line_of, lsp_unavailable

EMACS = shutil.which("emacs")
MODE = ROOT / "editors" / "emacs" / "juesuan-mode.el"
E2E = ROOT / "editors" / "emacs" / "test" / "e2e.el"


def run_emacs(file, probes, lsp):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env = dict(os.environ, JUESUAN_ROOT=str(ROOT), JUESUAN_BIN=str(BINARY), JUESUAN_FILE=str(file),
                   JUESUAN_OUT=str(out), JUESUAN_PROBES=json.dumps(probes, ensure_ascii=False),
                   JUESUAN_LSP="1" if lsp else "0", HOME=tmp)
        # no -Q: Debian's site-start puts the elpa-* packages (eglot) on the load-path
        run = subprocess.run([EMACS, "--batch", "-l", str(E2E)], env=env, capture_output=True, text=True,
                             timeout=120, cwd=str(ROOT))
        if not out.exists():
            raise AssertionError(f"emacs wrote no result (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")
        return json.loads(out.read_text(encoding="utf-8"))


def eglot_unavailable():
    if EMACS is None:
        return "emacs is not installed"
    run = subprocess.run([EMACS, "--batch", "--eval", "(progn (require 'eglot) (princ \"eglot-ok\"))"],
                         capture_output=True, text=True, timeout=60)
    if "eglot-ok" not in run.stdout:
        return f"eglot does not load on this Emacs: {run.stderr.strip()[-300:]}"
    return None


FACE_PROBES = [
    [1, "//", "font-lock-comment"],
    [5, "部门", "font-lock-variable-name-face"],
    [line_of(EXAMPLE, "表 公开01"), "表", "font-lock-keyword-face"],
    [line_of(EXAMPLE, "表 公开01"), "公开01", "font-lock-type-face"],
    [line_of(EXAMPLE, "表 公开01"), "收入支出决算总表", "font-lock-function-name-face"],
    [line_of(EXAMPLE, "本年收入合计 "), "本年收入合计", "juesuan-total-face"],
    [line_of(EXAMPLE, "2080505  机关"), "2080505", "font-lock-constant-face"],
    [line_of(EXAMPLE, "2080505  机关"), "22.98", "font-lock-constant-face"],
    [line_of(EXAMPLE, "30101  基本工资"), "30101", "font-lock-builtin-face"],
    [line_of(EXAMPLE, "30111"), "// the published", "font-lock-comment"],
    [line_of(EXAMPLE, "其中：外事接待费"), "其中：", "font-lock-builtin-face"],
    [line_of(EXAMPLE, "其中：外事接待费"), "-", "juesuan-empty-cell-face"],
    [line_of(EXAMPLE, "本部门2024年度收入总计"), "363.59", "juesuan-claim-face"],
    [line_of(EXAMPLE, "本部门2024年度收入总计"), "3.94%", "juesuan-claim-face"],
    [line_of(EXAMPLE, "全年国内公务接待3批"), "28人次", "juesuan-claim-face"],
    [line_of(EXAMPLE, "产出指标/数量指标/参保率"), "指标", "font-lock-variable-name-face"],
    [line_of(EXAMPLE, "财政拨款收入：本级"), "财政拨款收入", "font-lock-variable-name-face"],
]


@unittest.skipIf(EMACS is None, "emacs is not installed (scripts/test-editors.sh installs Debian's emacs-nox)")
class EmacsModeTests(unittest.TestCase):
    def test_byte_compiles_without_warnings(self):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / MODE.name
            shutil.copy(MODE, copy)
            run = subprocess.run([EMACS, "--batch", "-Q", "--eval", "(setq byte-compile-error-on-warn t)",
                                  "-f", "batch-byte-compile", str(copy)], capture_output=True, text=True, timeout=60)
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertNotIn("Warning", run.stderr)
            self.assertTrue(copy.with_suffix(".elc").exists())

    def test_mode_and_faces(self):
        result = run_emacs(EXAMPLE, [p[:2] for p in FACE_PROBES], lsp=False)
        self.assertNotIn("error", result, result.get("error"))
        self.assertEqual(result["mode"], "juesuan-mode")
        self.assertEqual(result["comment_start"], "// ")
        for (line, needle, face), (_, _, actual) in zip(FACE_PROBES, result["faces"]):
            with self.subTest(line=line, needle=needle):
                self.assertIn(face, actual)

    def test_suppression_comment(self):
        line = line_of(FIXTURE, "allow-file")
        result = run_emacs(FIXTURE, [[line, "juesuan:"], [line, "N506"]], lsp=False)
        self.assertIn("font-lock-preprocessor-face", result["faces"][0][2])
        self.assertIn("font-lock-constant-face", result["faces"][1][2])


LSP_REASON = lsp_unavailable()
EGLOT_REASON = eglot_unavailable()


@unittest.skipIf(EGLOT_REASON is not None, f"no eglot: {EGLOT_REASON}")
@unittest.skipIf(LSP_REASON is not None, f"juesuan lsp unavailable: {LSP_REASON}")
class EglotTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.result = run_emacs(EXAMPLE, [], lsp=True)

    def test_server_registered_and_started(self):
        self.assertNotIn("error", self.result, self.result.get("error"))
        self.assertTrue(self.result["registered"], "juesuan-mode is in eglot-server-programs")
        self.assertTrue(self.result["server"])

    def test_flymake_diagnostics(self):
        diagnostics = self.result["diagnostics"]
        c302 = [d for d in diagnostics if "C302" in d[2]]
        self.assertEqual(len(c302), 1, diagnostics)
        self.assertEqual(c302[0][0], 119)
        self.assertEqual(c302[0][1], "eglot-warning")
        self.assertTrue(any("A290" in d[2] and d[1] == "eglot-note" for d in diagnostics))

    def test_hover_and_completion(self):
        self.assertIn("行政事业单位养老支出", self.result["hover"])
        self.assertIn("20805", self.result["completion"])

    def test_hover_without_markup_when_eglot_reads_no_markdown(self):
        # eglot offers Markdown only when markdown-mode (gfm-view-mode) is installed; Debian's
        # emacs-nox + elpa-eglot has none, so the server must send plain text.
        if self.result.get("markdown_mode") is True:
            self.assertEqual(self.result["total_hover_kind"], "markdown")
            return
        self.assertEqual(self.result["total_hover_kind"], "plaintext")
        for text in (self.result["total_hover"], self.result["total_hover_shown"]):
            self.assertIn("计算合计", text)
            self.assertNotIn("**", text)
            self.assertNotIn("|---", text)
            self.assertNotIn("| ", text)


if __name__ == "__main__":
    unittest.main()
