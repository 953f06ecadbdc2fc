'use strict';
// The extension, loaded under a stand-in `vscode` module, against the REAL `juesuan lsp`:
// activate, open the example report, receive diagnostics, edit, complete, hover, close, stop.
// Skips (with the reason) while the binary has no working `lsp` subcommand.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const fake = require('./support/fake-vscode');
const { ROOT, BINARY, serverUnavailable, waitFor, locate } = require('./support/helpers');

const unavailable = serverUnavailable();
if (unavailable) console.log(`# SKIP real-server tests: ${unavailable}`);
const options = { skip: unavailable || false, timeout: 60000 };

const EXAMPLE = path.join(ROOT, 'examples', 'zhushan-2024.juesuan');
const TEXT = fs.readFileSync(EXAMPLE, 'utf8');

test('the extension against the real server', options, async (t) => {
  const vscode = fake.install();
  vscode.__test.settings.juesuan.serverPath = BINARY;
  const extension = require('../extension');
  const context = { subscriptions: [], extension: { packageJSON: { version: '0.1.0' } } };
  const api = await extension.activate(context);
  const { client } = api;
  assert.ok(client, `the client started (${JSON.stringify(vscode.__test.messages)})`);
  const output = vscode.window.channels.find((c) => c.name === 'Juesuan');

  await t.test('registers exactly the advertised features', () => {
    const caps = client.capabilities;
    assert.ok(caps.completionProvider, 'server advertises completion');
    assert.ok(caps.hoverProvider, 'server advertises hover');
    assert.equal(vscode.__test.registrations.completion.length, 1);
    assert.equal(vscode.__test.registrations.hover.length, 1);
    const expected = {
      definitionProvider: 'definition', referencesProvider: 'references', documentSymbolProvider: 'documentSymbol',
      codeActionProvider: 'codeAction', documentFormattingProvider: 'formatting', renameProvider: 'rename',
      foldingRangeProvider: 'foldingRange', documentHighlightProvider: 'documentHighlight', inlayHintProvider: 'inlayHint',
    };
    for (const [capability, kind] of Object.entries(expected)) {
      assert.equal((vscode.__test.registrations[kind] || []).length, caps[capability] ? 1 : 0, `${kind} registered iff advertised`);
    }
    // completion trigger characters are passed through
    const triggers = vscode.__test.registrations.completion[0].rest;
    assert.deepEqual(triggers, caps.completionProvider.triggerCharacters || []);
    assert.ok(output.lines.some((l) => l.startsWith('features: ')), 'logs the features');
  });

  const document = vscode.__test.open(EXAMPLE, TEXT);
  const collection = vscode.__test.collections[0];

  await t.test('publishes diagnostics for the opened document', async () => {
    const diagnostics = await waitFor(() => collection.get(document.uri), 30000, 'diagnostics');
    const c302 = diagnostics.find((d) => (d.code && d.code.value ? d.code.value : d.code) === 'C302');
    assert.ok(c302, `C302 among ${diagnostics.map((d) => JSON.stringify(d.code)).join(', ')}`);
    assert.equal(c302.range.start.line, 118, 'C302 on line 119 (30111 公务员医疗补助缴款)');
    assert.equal(c302.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(c302.message.length > 0);
    assert.equal(c302.source, 'juesuan');
    const rounding = diagnostics.find((d) => (d.code && d.code.value) === 'A290');
    assert.ok(rounding, 'A290 rounding information');
    assert.equal(rounding.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(rounding.code.target && /a290/i.test(rounding.code.target.toString()), 'codeDescription becomes a link');
    assert.ok(rounding.relatedInformation.length >= 2, 'related information (the addends)');
    assert.ok(rounding.relatedInformation[0].location instanceof vscode.Location);
  });

  await t.test('an incremental edit is re-checked (a wrong figure adds an error)', async () => {
    const errors = (list) => (list || []).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const before = errors(collection.get(document.uri));
    const at = locate(TEXT, '30101  基本工资                      53.74');
    const column = '30101  基本工资                      '.length;
    const range = new vscode.Range(at.line, column, at.line, column + 5);
    collection.delete(document.uri);
    vscode.__test.edit(document, range, '99.74');
    await waitFor(() => errors(collection.get(document.uri)) > before, 30000, 'a new error after the edit');
    // undo: back to the errors of before, proving the server applied both increments in order
    collection.delete(document.uri);
    vscode.__test.edit(document, range, '53.74');
    await waitFor(() => collection.get(document.uri) && errors(collection.get(document.uri)) === before, 30000,
      'the original diagnostics after the undo');
    assert.equal(document.getText(), TEXT);
  });

  await t.test('completes classification codes', async () => {
    const at = locate(TEXT, '20805    行政事业单位养老支出', 3);
    const { provider } = vscode.__test.registrations.completion[0];
    const source = new vscode.CancellationTokenSource();
    const list = await provider.provideCompletionItems(document, new vscode.Position(at.line, at.character), source.token,
      { triggerKind: 0 });
    assert.ok(list && list.items.length > 0, 'some completions');
    const item = list.items.find((i) => i.label === '20805');
    assert.ok(item, `20805 among ${list.items.slice(0, 10).map((i) => i.label).join(' ')}`);
    assert.match(String(item.detail || ''), /行政事业单位养老支出/);
    assert.ok(item.range, 'the textEdit range is kept');
    assert.equal(item.insertText, '20805');
    assert.equal(typeof item.kind, 'number');
  });

  await t.test('hovers a code with its catalogue name', async () => {
    const at = locate(TEXT, '20805    行政事业单位养老支出', 2);
    const { provider } = vscode.__test.registrations.hover[0];
    const hover = await provider.provideHover(document, new vscode.Position(at.line, at.character), new vscode.CancellationTokenSource().token);
    assert.ok(hover, 'a hover');
    const text = hover.contents.map((c) => c.value).join('\n');
    assert.match(text, /行政事业单位养老支出/);
    assert.ok(hover.range instanceof vscode.Range);
    assert.equal(hover.range.start.line, at.line);
  });

  await t.test('closing the document clears its diagnostics', async () => {
    vscode.__test.close(document);
    await waitFor(() => !collection.get(document.uri) || collection.get(document.uri).length === 0, 10000, 'cleared diagnostics');
  });

  await t.test('deactivate shuts the server down', async () => {
    const child = client.connection.process;
    await extension.deactivate();
    assert.ok(client.connection.closed, 'the process ended');
    assert.equal(child.exitCode, 0, 'exit code 0 after shutdown/exit');
    assert.deepEqual(vscode.__test.messages.filter(([kind]) => kind === 'error'), []);
  });
});

test('a missing server is reported, not thrown', { timeout: 20000 }, async () => {
  const vscode = fake.install();
  vscode.__test.settings.juesuan.serverPath = path.join(ROOT, 'no-such-dir', 'juesuan');
  const extension = require('../extension');
  const api = await extension.activate({ subscriptions: [] });
  assert.equal(api.client, null);
  assert.equal(vscode.__test.messages.length, 1);
  assert.match(vscode.__test.messages[0][1], /juesuan\.serverPath/);
  await extension.deactivate();
});
