'use strict';
// The client against a scripted server (test/support/fake-server.js): every capability the
// server advertises becomes a provider, results are converted to vscode types, server → client
// requests are answered, and nothing is registered that the server did not advertise.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const fake = require('./support/fake-vscode');
const { waitFor } = require('./support/helpers');

const SERVER = path.join(__dirname, 'support', 'fake-server.js');

async function startClient(env = {}) {
  const vscode = fake.install();
  const { JuesuanClient } = require('../lib/client');
  Object.assign(process.env, env);
  const output = vscode.window.createOutputChannel('Juesuan');
  const client = new JuesuanClient(vscode, { command: process.execPath, args: [SERVER], output, version: '9.9.9' });
  await client.start();
  for (const key of Object.keys(env)) delete process.env[key];
  return { vscode, client, output };
}

const provider = (vscode, kind) => vscode.__test.registrations[kind][0].provider;
const token = (vscode) => new vscode.CancellationTokenSource().token;

test('every advertised feature is registered and converts its results', { timeout: 30000 }, async (t) => {
  const { vscode, client, output } = await startClient();
  const document = vscode.__test.open('/tmp/fake.juesuan', '表 公开01\n合计 1\n208 x 1\n本年收入合计 363.59\n');
  const pos = new vscode.Position(0, 1);

  await t.test('registrations', () => {
    for (const kind of ['completion', 'hover', 'definition', 'references', 'documentHighlight', 'documentSymbol',
      'workspaceSymbol', 'codeAction', 'codeLens', 'formatting', 'rangeFormatting', 'rename', 'foldingRange',
      'signatureHelp', 'inlayHint', 'semanticTokens']) {
      assert.equal((vscode.__test.registrations[kind] || []).length, 1, kind);
    }
    assert.ok(vscode.__test.commands.has('juesuan.fake.command'));
    assert.deepEqual(vscode.__test.registrations.completion[0].rest, ['.']);
  });

  await t.test('diagnostics with tags', async () => {
    const list = await waitFor(() => vscode.__test.collections[0].get(document.uri), 5000, 'diagnostics');
    assert.equal(list[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(list[0].code, 'A201');
    assert.deepEqual(list[0].tags, [vscode.DiagnosticTag.Unnecessary]);
  });

  await t.test('completion and resolve', async () => {
    const list = await provider(vscode, 'completion').provideCompletionItems(document, pos, token(vscode), { triggerKind: 1, triggerCharacter: '.' });
    assert.equal(list.items.length, 2);
    assert.equal(list.items[0].kind, vscode.CompletionItemKind.Constant);
    assert.ok(list.items[0].documentation instanceof vscode.MarkdownString);
    assert.ok(list.items[1].insertText instanceof vscode.SnippetString);
    const resolved = await provider(vscode, 'completion').resolveCompletionItem(list.items[0], token(vscode));
    assert.equal(resolved.detail, 'resolved');
  });

  await t.test('hover, definition, references, highlights', async () => {
    const hover = await provider(vscode, 'hover').provideHover(document, pos, token(vscode));
    assert.equal(hover.contents[0].value, '**悬停**');
    const definition = await provider(vscode, 'definition').provideDefinition(document, pos, token(vscode));
    assert.equal(definition[0].range.start.line, 1);
    const references = await provider(vscode, 'references').provideReferences(document, pos, { includeDeclaration: true }, token(vscode));
    assert.equal(references.length, 2);
    const highlights = await provider(vscode, 'documentHighlight').provideDocumentHighlights(document, pos, token(vscode));
    assert.equal(highlights[0].kind, 1);
  });

  await t.test('symbols, folding, code lenses, semantic tokens, inlay hints', async () => {
    const symbols = await provider(vscode, 'documentSymbol').provideDocumentSymbols(document, token(vscode));
    assert.equal(symbols[0].name, '公开01');
    assert.equal(symbols[0].kind, vscode.SymbolKind.Class);
    assert.equal(symbols[0].children[0].name, '合计');
    const workspaceSymbols = await provider(vscode, 'workspaceSymbol').provideWorkspaceSymbols('公开', token(vscode));
    assert.equal(workspaceSymbols[0].location.range.end.character, 4);
    const folds = await provider(vscode, 'foldingRange').provideFoldingRanges(document, {}, token(vscode));
    assert.equal(folds[0].end, 9);
    assert.equal(folds[0].kind, vscode.FoldingRangeKind.Region);
    const lenses = await provider(vscode, 'codeLens').provideCodeLenses(document, token(vscode));
    assert.equal(lenses[0].command.title, '3 个检查');
    const tokens = await provider(vscode, 'semanticTokens').provideDocumentSemanticTokens(document, token(vscode));
    assert.deepEqual([...tokens.data], [0, 0, 3, 0, 0]);
    const hints = await provider(vscode, 'inlayHint').provideInlayHints(document, new vscode.Range(0, 0, 5, 0), token(vscode));
    assert.equal(hints[0].label, '= 363.60');
    const help = await provider(vscode, 'signatureHelp').provideSignatureHelp(document, pos, token(vscode));
    assert.equal(help.signatures[0].parameters[0].label, 'a');
  });

  await t.test('code actions carry the diagnostics and a workspace edit', async () => {
    const diagnostics = vscode.__test.collections[0].get(document.uri);
    const actions = await provider(vscode, 'codeAction').provideCodeActions(document, new vscode.Range(3, 10, 3, 16),
      { diagnostics, triggerKind: 1 }, token(vscode));
    assert.equal(actions[0].title, '改为 363.60');
    assert.equal(actions[0].kind.value, 'quickfix');
    assert.ok(actions[0].isPreferred);
    assert.equal(actions[0].edit.entries()[0][1][0].newText, '363.60');
    const received = await client.connection.request('test/received', null);
    const request = received.find((m) => m.method === 'textDocument/codeAction');
    assert.equal(request.params.context.diagnostics[0].code, 'A201', 'the original LSP diagnostic is sent back');
  });

  await t.test('formatting, rename, commands', async () => {
    const edits = await provider(vscode, 'formatting').provideDocumentFormattingEdits(document, { tabSize: 4, insertSpaces: true }, token(vscode));
    assert.equal(edits[0].newText, '表');
    const ranged = await provider(vscode, 'rangeFormatting').provideDocumentRangeFormattingEdits(document, new vscode.Range(0, 0, 1, 0), { tabSize: 2, insertSpaces: true }, token(vscode));
    assert.equal(ranged.length, 1);
    const prepared = await provider(vscode, 'rename').prepareRename(document, pos, token(vscode));
    assert.equal(prepared.placeholder, '合计');
    const rename = await provider(vscode, 'rename').provideRenameEdits(document, pos, '总计', token(vscode));
    assert.equal(rename.entries()[0][1][0].newText, '总计');
    assert.equal(await vscode.commands.executeCommand('juesuan.fake.command', 1), 'executed');
  });

  await t.test('full sync sends the whole text, save includes the text', async () => {
    vscode.__test.edit(document, new vscode.Range(1, 3, 1, 4), '2');
    vscode.__test.save(document);
    // notifications and this request travel in order on one pipe
    const received = await client.connection.request('test/received', null);
    const change = received.find((m) => m.method === 'textDocument/didChange');
    assert.deepEqual(change.params.contentChanges, [{ text: document.getText() }]);
    assert.equal(change.params.textDocument.version, 2);
    const save = received.find((m) => m.method === 'textDocument/didSave');
    assert.equal(save.params.text, document.getText());
  });

  await t.test('answers the server\'s requests', async () => {
    const received = await client.connection.request('test/received', null);
    const responses = received.filter((m) => m.response).map((m) => m.response);
    const configuration = responses.find((r) => r.id === 1000);
    assert.equal(configuration.result.length, 2);
    assert.equal(configuration.result[0].serverPath, 'juesuan');
    assert.equal(configuration.result[1], '');
    assert.equal(responses.find((r) => r.id === 1001).result, null);
    assert.equal(responses.find((r) => r.id === 1002).error.code, -32601);
    assert.ok(output.lines.includes('fake server says hello'));
    const init = received.find((m) => m.method === 'initialize').params;
    assert.equal(init.clientInfo.version, '9.9.9');
    assert.equal(init.locale, 'zh-cn');
    assert.deepEqual(init.capabilities.general.positionEncodings, ['utf-16']);
  });

  await t.test('cancellation sends $/cancelRequest', async () => {
    const source = new vscode.CancellationTokenSource();
    const pending = client.connection.request('test/slow', null, source.token).catch((e) => e);
    source.cancel();
    const received = await client.connection.request('test/received', null);
    assert.ok(received.some((m) => m.method === '$/cancelRequest'));
    await client.stop();
    assert.ok((await pending) instanceof Error, 'the pending request fails when the server stops');
  });
});

test('only advertised capabilities are registered', { timeout: 20000 }, async () => {
  const { vscode, client } = await startClient({ FAKE_CAPS: 'textDocumentSync,hoverProvider' });
  assert.deepEqual(client.registered, ['hover']);
  assert.equal(vscode.__test.registrations.all.length, 1);
  await client.stop();
});
