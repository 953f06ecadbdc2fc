'use strict';
// A stand-in for the `vscode` module: just the API surface the extension uses, with enough
// behaviour (documents, events, registries) for the tests to drive the client. Installed with
// `install()`, which makes `require('vscode')` resolve to this file.

const Module = require('module');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');

class Emitter {
  constructor() { this.listeners = new Set(); this.event = (listener) => { this.listeners.add(listener); return new Disposable(() => this.listeners.delete(listener)); }; }
  fire(value) { for (const l of [...this.listeners]) l(value); }
}

class Disposable {
  constructor(fn) { this.fn = fn; }
  dispose() { if (this.fn) { this.fn(); this.fn = null; } }
  static from(...items) { return new Disposable(() => items.forEach((d) => d.dispose())); }
}

class Uri {
  constructor(scheme, fsPath, raw) { this.scheme = scheme; this.fsPath = fsPath; this.raw = raw; this.path = fsPath; }
  static file(p) { return new Uri('file', p, pathToFileURL(p).href); }
  static parse(s) {
    const scheme = s.slice(0, s.indexOf(':'));
    return new Uri(scheme, scheme === 'file' ? fileURLToPath(s) : s, s);
  }
  toString() { return this.raw; }
}

class Position {
  constructor(line, character) { this.line = line; this.character = character; }
  isEqual(o) { return o.line === this.line && o.character === this.character; }
  isBefore(o) { return this.line < o.line || (this.line === o.line && this.character < o.character); }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); } else { this.start = a; this.end = b; }
  }
  contains(p) { return !p.isBefore(this.start) && !this.end.isBefore(p); }
}

class Location { constructor(uri, range) { this.uri = uri; this.range = range; } }

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 };
class Diagnostic { constructor(range, message, severity = 0) { this.range = range; this.message = message; this.severity = severity; } }
class DiagnosticRelatedInformation { constructor(location, message) { this.location = location; this.message = message; } }

class MarkdownString {
  constructor(value = '') { this.value = value; }
  appendText(t) { this.value += t.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); return this; }
  appendMarkdown(t) { this.value += t; return this; }
  appendCodeblock(code, lang = '') { this.value += `\n\`\`\`${lang}\n${code}\n\`\`\`\n`; return this; }
}
class Hover { constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; } }

const CompletionItemKind = {};
['Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module', 'Property', 'Unit', 'Value',
  'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember', 'Constant', 'Struct', 'Event', 'Operator',
  'TypeParameter'].forEach((name, i) => { CompletionItemKind[name] = i; });
const CompletionItemTag = { Deprecated: 1 };
class CompletionItem { constructor(label, kind) { this.label = label; this.kind = kind; } }
class CompletionList { constructor(items = [], isIncomplete = false) { this.items = items; this.isIncomplete = isIncomplete; } }
class SnippetString { constructor(value) { this.value = value; } }
class TextEdit { constructor(range, newText) { this.range = range; this.newText = newText; } }

class WorkspaceEdit {
  constructor() { this.entries_ = []; this.fileOps = []; }
  set(uri, edits) { this.entries_.push([uri, edits]); }
  entries() { return this.entries_; }
  createFile(uri, options) { this.fileOps.push(['create', uri, options]); }
  renameFile(from, to, options) { this.fileOps.push(['rename', from, to, options]); }
  deleteFile(uri, options) { this.fileOps.push(['delete', uri, options]); }
}

class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
class CodeAction { constructor(title, kind) { this.title = title; this.kind = kind; } }
class CodeLens { constructor(range, command) { this.range = range; this.command = command; } }

const SymbolKind = {};
['File', 'Module', 'Namespace', 'Package', 'Class', 'Method', 'Property', 'Field', 'Constructor', 'Enum', 'Interface', 'Function',
  'Variable', 'Constant', 'String', 'Number', 'Boolean', 'Array', 'Object', 'Key', 'Null', 'EnumMember', 'Struct', 'Event',
  'Operator', 'TypeParameter'].forEach((name, i) => { SymbolKind[name] = i; });
class DocumentSymbol {
  constructor(name, detail, kind, range, selectionRange) { Object.assign(this, { name, detail, kind, range, selectionRange, children: [] }); }
}
class SymbolInformation { constructor(name, kind, containerName, location) { Object.assign(this, { name, kind, containerName, location }); } }
class DocumentHighlight { constructor(range, kind) { this.range = range; this.kind = kind; } }
const FoldingRangeKind = { Comment: 1, Imports: 2, Region: 3 };
class FoldingRange { constructor(start, end, kind) { Object.assign(this, { start, end, kind }); } }
class SignatureHelp { constructor() { this.signatures = []; this.activeSignature = 0; this.activeParameter = 0; } }
class SignatureInformation { constructor(label, documentation) { this.label = label; this.documentation = documentation; this.parameters = []; } }
class ParameterInformation { constructor(label, documentation) { this.label = label; this.documentation = documentation; } }
class InlayHint { constructor(position, label, kind) { Object.assign(this, { position, label, kind }); } }
class SemanticTokens { constructor(data, resultId) { this.data = data; this.resultId = resultId; } }
class SemanticTokensLegend { constructor(tokenTypes, tokenModifiers = []) { this.tokenTypes = tokenTypes; this.tokenModifiers = tokenModifiers; } }

class CancellationTokenSource {
  constructor() {
    const emitter = new Emitter();
    this.emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() { this.token.isCancellationRequested = true; this.emitter.fire(); }
  dispose() {}
}

/** A text document with LSP-style edits (UTF-16 positions, like VS Code's). */
class TextDocument {
  constructor(uri, languageId, text) { this.uri = uri; this.languageId = languageId; this.text = text; this.version = 1; this.isClosed = false; }
  getText() { return this.text; }
  get lineCount() { return this.text.split('\n').length; }
  offsetAt(position) {
    const lines = this.text.split('\n');
    let offset = 0;
    for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
    return offset + position.character;
  }
  positionAt(offset) {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  lineAt(line) { const text = this.text.split('\n')[line]; return { text, lineNumber: line }; }
}

function createFakeVscode() {
  const events = {
    open: new Emitter(), change: new Emitter(), close: new Emitter(), save: new Emitter(), config: new Emitter(),
  };
  const settings = { juesuan: { serverPath: 'juesuan', catalog: '', 'trace.server': 'off' } };
  const registrations = { completion: [], hover: [], all: [] };
  const messages = [];
  const collections = [];
  const commands = new Map();
  const documents = [];

  const register = (kind) => (selector, provider, ...rest) => {
    const entry = { kind, selector, provider, rest };
    (registrations[kind] = registrations[kind] || []).push(entry);
    registrations.all.push(entry);
    return new Disposable(() => {
      registrations[kind].splice(registrations[kind].indexOf(entry), 1);
      registrations.all.splice(registrations.all.indexOf(entry), 1);
    });
  };

  const vscode = {
    Uri, Position, Range, Location, Diagnostic, DiagnosticSeverity, DiagnosticTag, DiagnosticRelatedInformation,
    MarkdownString, Hover, CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, SnippetString, TextEdit,
    WorkspaceEdit, CodeAction, CodeActionKind, CodeLens, SymbolKind, DocumentSymbol, SymbolInformation, DocumentHighlight,
    FoldingRange, FoldingRangeKind, SignatureHelp, SignatureInformation, ParameterInformation, InlayHint, SemanticTokens,
    SemanticTokensLegend, CancellationTokenSource, Disposable, EventEmitter: Emitter,
    env: { language: 'zh-cn', openExternal: async () => true },
    languages: {
      createDiagnosticCollection(name) {
        const map = new Map();
        const collection = {
          name,
          set(uri, diagnostics) { map.set(uri.toString(), diagnostics); },
          get(uri) { return map.get(uri.toString()); },
          delete(uri) { map.delete(uri.toString()); },
          clear() { map.clear(); },
          dispose() { map.clear(); collection.disposed = true; },
          forEach(fn) { map.forEach((d, u) => fn(Uri.parse(u), d)); },
        };
        collections.push(collection);
        return collection;
      },
      registerCompletionItemProvider: register('completion'),
      registerHoverProvider: register('hover'),
      registerDefinitionProvider: register('definition'),
      registerDeclarationProvider: register('declaration'),
      registerTypeDefinitionProvider: register('typeDefinition'),
      registerImplementationProvider: register('implementation'),
      registerReferenceProvider: register('references'),
      registerDocumentHighlightProvider: register('documentHighlight'),
      registerDocumentSymbolProvider: register('documentSymbol'),
      registerWorkspaceSymbolProvider: (provider) => register('workspaceSymbol')(null, provider),
      registerCodeActionsProvider: register('codeAction'),
      registerCodeLensProvider: register('codeLens'),
      registerDocumentFormattingEditProvider: register('formatting'),
      registerDocumentRangeFormattingEditProvider: register('rangeFormatting'),
      registerRenameProvider: register('rename'),
      registerFoldingRangeProvider: register('foldingRange'),
      registerSignatureHelpProvider: register('signatureHelp'),
      registerInlayHintsProvider: register('inlayHint'),
      registerDocumentSemanticTokensProvider: register('semanticTokens'),
    },
    workspace: {
      workspaceFolders: [],
      get textDocuments() { return documents.filter((d) => !d.isClosed); },
      onDidOpenTextDocument: events.open.event,
      onDidChangeTextDocument: events.change.event,
      onDidCloseTextDocument: events.close.event,
      onDidSaveTextDocument: events.save.event,
      onDidChangeConfiguration: events.config.event,
      getConfiguration(section) {
        const values = settings[section] || {};
        return { get: (key, fallback) => (values[key] !== undefined ? values[key] : fallback), has: (key) => key in values };
      },
      async applyEdit(edit) { vscode.workspace.appliedEdits.push(edit); return true; },
      appliedEdits: [],
      async openTextDocument(uri) { return documents.find((d) => d.uri.toString() === uri.toString()); },
    },
    window: {
      createOutputChannel(name) {
        const channel = { name, lines: [], appendLine(l) { channel.lines.push(l); if (process.env.JUESUAN_TEST_VERBOSE) console.error(`[${name}] ${l}`); }, append(t) { channel.lines.push(t); }, show() {}, dispose() {} };
        vscode.window.channels.push(channel);
        return channel;
      },
      channels: [],
      showErrorMessage: async (m) => { messages.push(['error', m]); return undefined; },
      showWarningMessage: async (m) => { messages.push(['warning', m]); return undefined; },
      showInformationMessage: async (m) => { messages.push(['info', m]); return undefined; },
      showTextDocument: async () => ({}),
    },
    commands: {
      registerCommand(id, fn) { commands.set(id, fn); return new Disposable(() => commands.delete(id)); },
      async executeCommand(id, ...args) { const fn = commands.get(id); return fn ? fn(...args) : undefined; },
    },
  };

  // test controls, not part of the vscode API
  vscode.__test = {
    settings, registrations, messages, collections, commands, documents,
    open(filePath, text, languageId = 'juesuan') {
      const document = new TextDocument(Uri.file(filePath), languageId, text);
      documents.push(document);
      events.open.fire(document);
      return document;
    },
    /** Replaces `range` by `text`, fires an incremental change event like VS Code's. */
    edit(document, range, text) {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      document.text = document.text.slice(0, start) + text + document.text.slice(end);
      document.version += 1;
      events.change.fire({ document, contentChanges: [{ range, rangeOffset: start, rangeLength: end - start, text }] });
    },
    save(document) { events.save.fire(document); },
    close(document) { document.isClosed = true; events.close.fire(document); },
    changeConfiguration(section, key, value) {
      settings[section][key] = value;
      events.config.fire({ affectsConfiguration: (name) => name === `${section}.${key}` || name === section });
    },
  };
  return vscode;
}

let installed = null;

/** Makes `require('vscode')` return a fresh fake; returns it. */
function install() {
  const fake = createFakeVscode();
  installed = fake;
  const fakePath = path.join(__dirname, '__vscode_stand_in__.js');
  if (!Module.__juesuanPatched) {
    const original = Module._resolveFilename;
    Module._resolveFilename = function resolve(request, ...rest) {
      if (request === 'vscode') return fakePath;
      return original.call(this, request, ...rest);
    };
    Module.__juesuanPatched = true;
  }
  require.cache[fakePath] = { id: fakePath, filename: fakePath, loaded: true, exports: fake };
  // the extension caches `vscode` at load: drop it so the next require sees this fake
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(path.join(__dirname, '..', '..')) && !key.includes(`${path.sep}test${path.sep}`)) delete require.cache[key];
  }
  return fake;
}

module.exports = { install, createFakeVscode, TextDocument, get current() { return installed; } };
