"""The render commands of Neovim (:JuesuanRender) and Emacs (M-x juesuan-render): each sends the
buffer's text (an edit not yet saved included) to the real `juesuan render`, which writes
NAME.html next to the file, and hands that path to the page opener (replaced here by a recorder).

    .venv-editors/bin/python -m unittest Tests/editors/test_render_commands.py
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("JUESUAN_BIN", ROOT / ".build" / "debug" / "juesuan"))
EXAMPLE = ROOT / "examples" / "zhushan-2024.juesuan"
NVIM = shutil.which("nvim")
EMACS = shutil.which("emacs")


def render_available():
    if not BINARY.exists():
        return f"no binary at {BINARY}"
    run = subprocess.run([str(BINARY), "help", "render"], capture_output=True, text=True, timeout=10)
    return None if "juesuan render" in run.stdout + run.stderr else f"{BINARY} has no render subcommand"


UNAVAILABLE = render_available()


def q(value):
    """A Lisp (and Lua) string literal."""
    return json.dumps(str(value), ensure_ascii=False)


class RenderCommandCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)
        self.report = self.dir / "报告.juesuan"
        shutil.copy(EXAMPLE, self.report)
        self.page = self.dir / "报告.html"
        self.opened = self.dir / "opened.txt"

    def tearDown(self):
        self.tmp.cleanup()

    def check_page(self):
        self.assertEqual(self.opened.read_text(encoding="utf-8").strip(), str(self.page))
        html = self.page.read_text(encoding="utf-8")
        self.assertIn('<h3 class="table-title">收入支出决算总表</h3>', html)
        # The unsaved edit is rendered; the file on disk is left as it was.
        self.assertIn("未存盘的新部门名", html)
        self.assertNotIn("未存盘的新部门名", self.report.read_text(encoding="utf-8"))


@unittest.skipIf(NVIM is None, "nvim is not installed")
@unittest.skipIf(UNAVAILABLE is not None, UNAVAILABLE or "")
class NeovimRenderTests(RenderCommandCase):
    def test_juesuan_render_command(self):
        script = self.dir / "render.lua"
        script.write_text(f"""
vim.g.juesuan_autostart = false
vim.opt.runtimepath:prepend({str(ROOT / 'editors' / 'nvim')!r})
vim.cmd('runtime plugin/juesuan.lua')
local juesuan = require('juesuan')
juesuan.config.cmd = {{ {str(BINARY)!r}, 'lsp' }}
juesuan.config.render_open = function(path)
  local f = io.open({str(self.opened)!r}, 'w'); f:write(path); f:close()
end
vim.cmd('edit ' .. vim.fn.fnameescape({str(self.report)!r}))
vim.cmd([[%s/景德镇市珠山区医疗保障局/未存盘的新部门名/g]])
vim.cmd('JuesuanRender')
vim.cmd('qall!')
""", encoding="utf-8")
        run = subprocess.run([NVIM, "--headless", "-n", "-i", "NONE", "-u", "NONE", "-c", f"luafile {script}"],
                             capture_output=True, text=True, timeout=120, cwd=str(self.dir))
        self.assertTrue(self.opened.exists(), f"nothing opened (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")
        self.check_page()


@unittest.skipIf(EMACS is None, "emacs is not installed")
@unittest.skipIf(UNAVAILABLE is not None, UNAVAILABLE or "")
class EmacsRenderTests(RenderCommandCase):
    def test_juesuan_render_command(self):
        lisp = f"""
(progn
  (load {q(ROOT / 'editors' / 'emacs' / 'juesuan-mode.el')} nil t)
  (setq juesuan-server-command (list {q(BINARY)} "lsp"))
  (setq juesuan-render-open-function
        (lambda (path) (with-temp-file {q(self.opened)} (insert path))))
  (find-file {q(self.report)})
  (goto-char (point-min))
  (while (search-forward "景德镇市珠山区医疗保障局" nil t) (replace-match "未存盘的新部门名"))
  (princ (format "RESULT %s" (juesuan-render))))
"""
        run = subprocess.run([EMACS, "--batch", "-Q", "--eval", lisp], capture_output=True, text=True, timeout=120,
                             cwd=str(self.dir))
        self.assertTrue(self.opened.exists(), f"nothing opened (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")
        self.assertIn(f"RESULT {self.page}", run.stdout)
        self.check_page()

    def test_a_buffer_without_a_file_is_refused(self):
        lisp = f"""
(progn
  (load {q(ROOT / 'editors' / 'emacs' / 'juesuan-mode.el')} nil t)
  (with-temp-buffer
    (juesuan-mode)
    (condition-case err (juesuan-render) (user-error (princ (format "REFUSED %s" (cadr err)))))))
"""
        run = subprocess.run([EMACS, "--batch", "-Q", "--eval", lisp], capture_output=True, text=True, timeout=60)
        self.assertIn("REFUSED juesuan: 请先给报告存盘", run.stdout, run.stderr)


if __name__ == "__main__":
    unittest.main()
