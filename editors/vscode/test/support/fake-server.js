'use strict';
// A scripted language server for the client's tests: advertises every capability the client
// knows (or those listed in FAKE_CAPS), answers each request with a fixed result, echoes what
// it received through `test/received`, and sends one server → client request of each kind.

const { MessageReader, frame } = require('../../lib/connection');

const ALL = {
  textDocumentSync: { openClose: true, change: 1, save: { includeText: true } },
  completionProvider: { triggerCharacters: ['.'], resolveProvider: true },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix'] },
  codeLensProvider: {},
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  renameProvider: { prepareProvider: true },
  foldingRangeProvider: true,
  signatureHelpProvider: { triggerCharacters: ['('] },
  inlayHintProvider: true,
  semanticTokensProvider: { legend: { tokenTypes: ['number'], tokenModifiers: [] }, full: true },
  executeCommandProvider: { commands: ['juesuan.fake.command'] },
};

const only = process.env.FAKE_CAPS ? process.env.FAKE_CAPS.split(',') : null;
const capabilities = only ? Object.fromEntries(Object.entries(ALL).filter(([k]) => only.includes(k))) : ALL;

const range = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const uri = 'file:///tmp/fake.juesuan';

const results = {
  'textDocument/completion': { isIncomplete: false, items: [
    { label: '20805', kind: 21, detail: '行政事业单位养老支出（款）', documentation: { kind: 'markdown', value: '**20805**' },
      textEdit: { range: range(0, 0, 0, 3), newText: '20805' } },
    { label: 'snippet', insertText: '表 ${1:公开01}', insertTextFormat: 2 },
  ] },
  'completionItem/resolve': { label: '20805', detail: 'resolved' },
  'textDocument/hover': { contents: { kind: 'markdown', value: '**悬停**' }, range: range(0, 0, 0, 5) },
  'textDocument/definition': [{ uri, range: range(1, 0, 1, 3) }],
  'textDocument/references': [{ uri, range: range(1, 0, 1, 3) }, { uri, range: range(2, 0, 2, 3) }],
  'textDocument/documentHighlight': [{ range: range(0, 0, 0, 1), kind: 2 }],
  'textDocument/documentSymbol': [{ name: '公开01', detail: '收入支出决算总表', kind: 5, range: range(0, 0, 9, 0),
    selectionRange: range(0, 2, 0, 6), children: [{ name: '合计', kind: 13, range: range(1, 0, 1, 10), selectionRange: range(1, 0, 1, 2) }] }],
  'workspace/symbol': [{ name: '公开01', kind: 5, location: { uri, range: range(0, 0, 0, 4) } }],
  'textDocument/codeAction': [{ title: '改为 363.60', kind: 'quickfix', isPreferred: true,
    edit: { changes: { [uri]: [{ range: range(3, 10, 3, 16), newText: '363.60' }] } } }],
  'textDocument/codeLens': [{ range: range(0, 0, 0, 1), command: { title: '3 个检查', command: 'juesuan.fake.command' } }],
  'textDocument/formatting': [{ range: range(0, 0, 0, 2), newText: '表' }],
  'textDocument/rangeFormatting': [{ range: range(0, 0, 0, 2), newText: '表' }],
  'textDocument/prepareRename': { range: range(0, 0, 0, 2), placeholder: '合计' },
  'textDocument/rename': { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: range(0, 0, 0, 2), newText: '总计' }] }] },
  'textDocument/foldingRange': [{ startLine: 0, endLine: 9, kind: 'region' }],
  'textDocument/signatureHelp': { signatures: [{ label: 'f(a)', parameters: [{ label: 'a' }] }], activeSignature: 0, activeParameter: 0 },
  'textDocument/inlayHint': [{ position: { line: 0, character: 3 }, label: '= 363.60', paddingLeft: true }],
  'textDocument/semanticTokens/full': { data: [0, 0, 3, 0, 0] },
  'workspace/executeCommand': 'executed',
};

const received = [];
let nextId = 1000;
const send = (message) => process.stdout.write(frame(message));
const reader = new MessageReader();
process.stdin.on('data', (chunk) => {
  for (const body of reader.push(chunk)) {
    const message = JSON.parse(body);
    if (message.method === undefined) { received.push({ response: message }); continue; }
    received.push({ method: message.method, params: message.params });
    if (message.method === 'initialize') {
      send({ jsonrpc: '2.0', id: message.id, result: { capabilities, serverInfo: { name: 'fake', version: '1' } } });
    } else if (message.method === 'initialized') {
      send({ jsonrpc: '2.0', id: nextId++, method: 'workspace/configuration', params: { items: [{ section: 'juesuan' }, { section: 'juesuan.catalog' }] } });
      send({ jsonrpc: '2.0', id: nextId++, method: 'client/registerCapability', params: { registrations: [] } });
      send({ jsonrpc: '2.0', id: nextId++, method: 'no/suchMethod', params: {} });
      send({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'fake server says hello' } });
    } else if (message.method === 'textDocument/didOpen' || message.method === 'textDocument/didChange') {
      const textDocument = message.params.textDocument;
      send({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: textDocument.uri, version: textDocument.version,
        diagnostics: [{ range: range(0, 0, 0, 2), severity: 1, code: 'A201', source: 'fake', message: '错误', tags: [1] }] } });
    } else if (message.method === 'test/received') {
      send({ jsonrpc: '2.0', id: message.id, result: received });
    } else if (message.method === 'test/slow') {
      // never answered: the client must cancel it
    } else if (message.method === 'shutdown') {
      send({ jsonrpc: '2.0', id: message.id, result: null });
    } else if (message.method === 'exit') {
      process.exit(0);
    } else if (message.id !== undefined) {
      if (message.method in results) send({ jsonrpc: '2.0', id: message.id, result: results[message.method] });
      else send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `fake: ${message.method}` } });
    }
  }
});
process.stdin.on('end', () => process.exit(1));
