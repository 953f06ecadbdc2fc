'use strict';
// `Juesuan: Render Report`: the open report (its current text, saved or not) through
// `juesuan render`, written next to it as NAME.html. Independent of `vscode`, so it is tested
// under plain Node against the real binary.

const { spawn } = require('child_process');
const path = require('path');

/** The HTML file written for a report at `fsPath`. */
function outputPath(fsPath) {
  const parsed = path.parse(fsPath);
  return path.join(parsed.dir, `${parsed.name}.html`);
}

/** The arguments of `juesuan render` for the text of `fsPath` given on standard input. */
function renderArgs(fsPath) {
  return ['render', '-', '--stdin-filename', fsPath, '--allow-errors', '-o', outputPath(fsPath)];
}

/**
 * Runs `command render …` with `text` on standard input. Resolves to
 * { output, status, stderr }; rejects when the program cannot be started (error.code ENOENT).
 */
function renderReport(command, fsPath, text, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, renderArgs(fsPath), { cwd: cwd || path.dirname(fsPath), stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ output: outputPath(fsPath), status, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(text, 'utf8');
  });
}

module.exports = { outputPath, renderArgs, renderReport };
