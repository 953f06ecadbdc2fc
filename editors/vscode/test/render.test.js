'use strict';
// `Juesuan: Render Report`: lib/render.js against the REAL `juesuan render`, then the command
// through the extension under the stand-in vscode module (the page is opened in the browser).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, BINARY, serverUnavailable } = require('./support/helpers');
const { outputPath, renderArgs, renderReport } = require('../lib/render');

const unavailable = serverUnavailable();
const options = { skip: unavailable || false, timeout: 60000 };
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'zhushan-2024.juesuan'), 'utf8');

function scratch() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-render-'));
}

test('the output is NAME.html next to the report; the text goes on standard input', () => {
  assert.equal(outputPath('/a/b/报告.juesuan'), '/a/b/报告.html');
  assert.deepEqual(renderArgs('/a/b/r.juesuan'), ['render', '-', '--stdin-filename', '/a/b/r.juesuan', '--allow-errors', '-o', '/a/b/r.html']);
});

test('renders the unsaved text, not the file on disk', options, async () => {
  const dir = scratch();
  const file = path.join(dir, 'r.juesuan');
  fs.writeFileSync(file, '部门 磁盘上的旧内容\n');
  const result = await renderReport(BINARY, file, EXAMPLE.replaceAll('景德镇市珠山区医疗保障局', '编辑器里的新名称'));
  assert.equal(result.status, 0, result.stderr);
  const html = fs.readFileSync(result.output, 'utf8');
  assert.match(html, /<h3 class="table-title">收入支出决算总表<\/h3>/);
  assert.match(html, /编辑器里的新名称/);
  assert.doesNotMatch(html, /磁盘上的旧内容/);
  assert.match(result.stderr, /个错误/, 'the example has one error, reported but allowed');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a missing program rejects with ENOENT', async () => {
  await assert.rejects(renderReport(path.join(os.tmpdir(), 'no-such-juesuan'), '/tmp/x.juesuan', ''), (e) => e.code === 'ENOENT');
});

test('the command renders the active report and opens the page', options, async () => {
  const fake = require('./support/fake-vscode');
  const vscode = fake.install();
  vscode.__test.settings.juesuan.serverPath = BINARY;
  const opened = [];
  vscode.env.openExternal = async (uri) => { opened.push(uri.fsPath); return true; };
  const extension = require('../extension');
  const context = { subscriptions: [], extension: { packageJSON: { version: '0.1.0' } } };
  await extension.activate(context);
  try {
    // Nothing open: a warning, no page.
    vscode.window.activeTextEditor = undefined;
    assert.equal(await vscode.commands.executeCommand('juesuan.render'), undefined);
    assert.ok(vscode.__test.messages.some(([kind, m]) => kind === 'warning' && /juesuan/.test(m)));

    const dir = scratch();
    const file = path.join(dir, 'report.juesuan');
    fs.writeFileSync(file, EXAMPLE);
    const document = vscode.__test.open(file, EXAMPLE);
    vscode.window.activeTextEditor = { document };
    const written = await vscode.commands.executeCommand('juesuan.render');
    assert.equal(written, path.join(dir, 'report.html'));
    assert.deepEqual(opened, [written]);
    assert.match(fs.readFileSync(written, 'utf8'), /公开01表/);
    fs.rmSync(dir, { recursive: true, force: true });
  } finally {
    await extension.deactivate();
  }
});
