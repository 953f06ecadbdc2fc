'use strict';
// A minimal LSP client for VS Code: starts the server, keeps it in sync with the open
// `juesuan` documents, shows its diagnostics, and registers a provider for every feature the
// server advertises in its `initialize` result (and only for those).

const path = require('path');
const { Connection } = require('./connection');
const { createConverter } = require('./convert');

const LANGUAGE_ID = 'juesuan';

class JuesuanClient {
  /**
   * @param vscode the vscode API (injected so that tests can pass a stand-in)
   * @param options { command, args, cwd, output (OutputChannel), initializationOptions, trace }
   */
  constructor(vscode, options) {
    this.vscode = vscode;
    this.options = options;
    this.c2p = createConverter(vscode);
    this.selector = [{ language: LANGUAGE_ID }];
    this.disposables = [];
    this.capabilities = null;
    this.registered = []; // names of the features registered, for tests and the log
    this.diagnostics = vscode.languages.createDiagnosticCollection(LANGUAGE_ID);
    this.openDocuments = new Set();
    this.syncKind = 1;
  }

  log(line) {
    if (this.options.output) this.options.output.appendLine(line);
  }

  async start() {
    const { vscode } = this;
    const connection = new Connection(this.options.command, this.options.args || ['lsp'], {
      cwd: this.options.cwd,
      log: (line) => this.log(line),
      trace: this.options.trace ? (direction, message) => this.log(`[${direction}] ${JSON.stringify(message)}`) : null,
    });
    this.connection = connection;
    await connection.start();
    connection.onClose((code, signal) => {
      if (!this.stopping) {
        this.log(`juesuan lsp stopped unexpectedly (code ${code}, signal ${signal})`);
        vscode.window.showErrorMessage(`Juesuan language server stopped (code ${code}). Run "Juesuan: Restart Language Server" to start it again.`);
      }
      this.diagnostics.clear();
    });
    this.handleServerMessages();

    const folders = vscode.workspace.workspaceFolders || [];
    const result = await connection.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'juesuan-vscode', version: this.options.version || '0.0.0' },
      locale: vscode.env && vscode.env.language,
      rootUri: folders.length ? folders[0].uri.toString() : null,
      workspaceFolders: folders.map((f) => ({ uri: f.uri.toString(), name: f.name })),
      initializationOptions: this.options.initializationOptions,
      capabilities: clientCapabilities(),
    });
    this.capabilities = (result && result.capabilities) || {};
    this.serverInfo = result && result.serverInfo;
    connection.notify('initialized', {});
    this.log(`juesuan lsp started: ${JSON.stringify(this.serverInfo || {})}`);

    this.registerDocumentSync();
    this.registerFeatures();
    return this.capabilities;
  }

  handleServerMessages() {
    const { vscode, connection, c2p } = this;
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const uri = c2p.toUri(params.uri);
      this.diagnostics.set(uri, (params.diagnostics || []).map(c2p.toDiagnostic));
      if (this.onDiagnostics) this.onDiagnostics(params);
    });
    connection.onNotification('window/logMessage', (params) => this.log(params.message));
    connection.onNotification('window/showMessage', (params) => showMessage(vscode, params.type, params.message));
    connection.onNotification('$/progress', () => {});
    connection.onNotification('telemetry/event', () => {});
    connection.onRequest('window/showMessageRequest', async (params) => {
      const titles = (params.actions || []).map((a) => a.title);
      const chosen = await showMessage(vscode, params.type, params.message, titles);
      return chosen ? { title: chosen } : null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/configuration', (params) => (params.items || []).map((item) => {
      const section = item.section || LANGUAGE_ID;
      const [head, ...rest] = section.split('.');
      const config = vscode.workspace.getConfiguration(head);
      if (!rest.length) return configurationObject(config);
      const value = config.get(rest.join('.'));
      return value === undefined ? null : value;
    }));
    connection.onRequest('workspace/workspaceFolders', () => (vscode.workspace.workspaceFolders || [])
      .map((f) => ({ uri: f.uri.toString(), name: f.name })));
    connection.onRequest('workspace/applyEdit', async (params) => {
      const applied = await vscode.workspace.applyEdit(c2p.toWorkspaceEdit(params.edit));
      return { applied: !!applied };
    });
    connection.onRequest('window/showDocument', async (params) => {
      try {
        if (params.external && vscode.env.openExternal) {
          return { success: !!(await vscode.env.openExternal(c2p.toUri(params.uri))) };
        }
        const document = await vscode.workspace.openTextDocument(c2p.toUri(params.uri));
        await vscode.window.showTextDocument(document, { preserveFocus: !params.takeFocus, selection: c2p.toRange(params.selection) });
        return { success: true };
      } catch (_) {
        return { success: false };
      }
    });
  }

  // ---- document synchronisation
  registerDocumentSync() {
    const { vscode, connection, c2p } = this;
    const sync = this.capabilities.textDocumentSync;
    const options = typeof sync === 'number' ? { openClose: sync > 0, change: sync } : (sync || {});
    this.syncKind = options.change === undefined ? 0 : options.change;
    const openClose = options.openClose !== false && (options.openClose || this.syncKind > 0);
    if (!openClose) return;
    this.syncSave = options.save;
    const wanted = (document) => document.languageId === LANGUAGE_ID && document.uri.scheme !== 'git';

    const didOpen = (document) => {
      if (!wanted(document)) return;
      const key = document.uri.toString();
      if (this.openDocuments.has(key)) return;
      this.openDocuments.add(key);
      connection.notify('textDocument/didOpen', { textDocument: c2p.asTextDocumentItem(document) });
    };
    this.disposables.push(vscode.workspace.onDidOpenTextDocument(didOpen));
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((event) => {
      const { document } = event;
      if (!this.openDocuments.has(document.uri.toString()) || !event.contentChanges.length) return;
      if (this.syncKind === 0) return;
      const contentChanges = this.syncKind === 2
        ? event.contentChanges.map(c2p.asContentChange)
        : [{ text: document.getText() }];
      connection.notify('textDocument/didChange', {
        textDocument: { uri: document.uri.toString(), version: document.version },
        contentChanges,
      });
    }));
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      if (!this.openDocuments.delete(key)) return;
      connection.notify('textDocument/didClose', { textDocument: { uri: key } });
      this.diagnostics.delete(document.uri);
    }));
    if (this.syncSave) {
      const includeText = typeof this.syncSave === 'object' && this.syncSave.includeText;
      this.disposables.push(vscode.workspace.onDidSaveTextDocument((document) => {
        if (!this.openDocuments.has(document.uri.toString())) return;
        const params = { textDocument: { uri: document.uri.toString() } };
        if (includeText) params.text = document.getText();
        connection.notify('textDocument/didSave', params);
      }));
    }
    for (const document of vscode.workspace.textDocuments || []) didOpen(document);
  }

  // ---- language features, one per advertised capability
  registerFeatures() {
    const { vscode, capabilities: caps, selector, c2p } = this;
    const request = (method, params, token) => this.connection.request(method, params, token)
      .catch((error) => {
        if (error && error.code === -32800) return null; // cancelled
        this.log(`${method} failed: ${error.message}`);
        return null;
      });
    const register = (name, disposable) => {
      this.registered.push(name);
      this.disposables.push(disposable);
    };
    const position = (document, pos) => c2p.asTextDocumentPositionParams(document, pos);
    const doc = (document) => c2p.asTextDocumentIdentifier(document);

    if (caps.completionProvider) {
      const options = caps.completionProvider;
      register('completion', vscode.languages.registerCompletionItemProvider(selector, {
        provideCompletionItems: async (document, pos, token, context) => {
          const params = position(document, pos);
          if (context) {
            params.context = { triggerKind: (context.triggerKind || 0) + 1 };
            if (context.triggerCharacter) params.context.triggerCharacter = context.triggerCharacter;
          }
          const result = await request('textDocument/completion', params, token);
          const list = c2p.toCompletionList(result);
          if (list && options.resolveProvider) {
            const raw = Array.isArray(result) ? result : result.items;
            list.items.forEach((item, i) => { item.__lsp = raw[i]; });
          }
          return list;
        },
        resolveCompletionItem: options.resolveProvider
          ? async (item, token) => {
            if (!item.__lsp) return item;
            const resolved = await request('completionItem/resolve', item.__lsp, token);
            return resolved ? c2p.toCompletionItem(resolved) : item;
          }
          : undefined,
      }, ...(options.triggerCharacters || [])));
    }
    if (caps.hoverProvider) {
      register('hover', vscode.languages.registerHoverProvider(selector, {
        provideHover: async (document, pos, token) => c2p.toHover(await request('textDocument/hover', position(document, pos), token)),
      }));
    }
    const locationFeature = (cap, name, method, registrar, providerMethod) => {
      if (!caps[cap] || !vscode.languages[registrar]) return;
      register(name, vscode.languages[registrar](selector, {
        [providerMethod]: async (document, pos, token) => c2p.toLocations(await request(method, position(document, pos), token)),
      }));
    };
    locationFeature('definitionProvider', 'definition', 'textDocument/definition', 'registerDefinitionProvider', 'provideDefinition');
    locationFeature('declarationProvider', 'declaration', 'textDocument/declaration', 'registerDeclarationProvider', 'provideDeclaration');
    locationFeature('typeDefinitionProvider', 'typeDefinition', 'textDocument/typeDefinition', 'registerTypeDefinitionProvider', 'provideTypeDefinition');
    locationFeature('implementationProvider', 'implementation', 'textDocument/implementation', 'registerImplementationProvider', 'provideImplementation');
    if (caps.referencesProvider) {
      register('references', vscode.languages.registerReferenceProvider(selector, {
        provideReferences: async (document, pos, context, token) => {
          const params = { ...position(document, pos), context: { includeDeclaration: !!(context && context.includeDeclaration) } };
          return c2p.toLocations(await request('textDocument/references', params, token));
        },
      }));
    }
    if (caps.documentHighlightProvider) {
      register('documentHighlight', vscode.languages.registerDocumentHighlightProvider(selector, {
        provideDocumentHighlights: async (document, pos, token) => {
          const result = await request('textDocument/documentHighlight', position(document, pos), token);
          return result ? result.map(c2p.toDocumentHighlight) : undefined;
        },
      }));
    }
    if (caps.documentSymbolProvider) {
      register('documentSymbol', vscode.languages.registerDocumentSymbolProvider(selector, {
        provideDocumentSymbols: async (document, token) =>
          c2p.toDocumentSymbols(await request('textDocument/documentSymbol', { textDocument: doc(document) }, token)),
      }));
    }
    if (caps.workspaceSymbolProvider) {
      register('workspaceSymbol', vscode.languages.registerWorkspaceSymbolProvider({
        provideWorkspaceSymbols: async (query, token) => {
          const result = await request('workspace/symbol', { query }, token);
          return (result || []).filter((s) => s.location && s.location.range).map((s) =>
            new vscode.SymbolInformation(s.name, c2p.toSymbolKind(s.kind), s.containerName || '', c2p.toLocation(s.location)));
        },
      }));
    }
    if (caps.codeActionProvider) {
      const kinds = typeof caps.codeActionProvider === 'object' && caps.codeActionProvider.codeActionKinds;
      register('codeAction', vscode.languages.registerCodeActionsProvider(selector, {
        provideCodeActions: async (document, range, context, token) => {
          const params = {
            textDocument: doc(document),
            range: c2p.asRange(range),
            context: {
              diagnostics: (context.diagnostics || []).map(c2p.asDiagnostic),
              only: context.only ? [context.only.value] : undefined,
              triggerKind: context.triggerKind,
            },
          };
          const result = await request('textDocument/codeAction', params, token);
          return result ? result.map(c2p.toCodeAction) : undefined;
        },
      }, kinds ? { providedCodeActionKinds: kinds.map((k) => vscode.CodeActionKind.Empty.append(k)) } : undefined));
    }
    if (caps.codeLensProvider) {
      register('codeLens', vscode.languages.registerCodeLensProvider(selector, {
        provideCodeLenses: async (document, token) => {
          const result = await request('textDocument/codeLens', { textDocument: doc(document) }, token);
          return (result || []).map((lens) => new vscode.CodeLens(c2p.toRange(lens.range), lens.command && c2p.toCommand(lens.command)));
        },
      }));
    }
    if (caps.documentFormattingProvider) {
      register('formatting', vscode.languages.registerDocumentFormattingEditProvider(selector, {
        provideDocumentFormattingEdits: async (document, options, token) => {
          const result = await request('textDocument/formatting', { textDocument: doc(document), options: c2p.asFormattingOptions(options) }, token);
          return result ? result.map(c2p.toTextEdit) : undefined;
        },
      }));
    }
    if (caps.documentRangeFormattingProvider) {
      register('rangeFormatting', vscode.languages.registerDocumentRangeFormattingEditProvider(selector, {
        provideDocumentRangeFormattingEdits: async (document, range, options, token) => {
          const result = await request('textDocument/rangeFormatting',
            { textDocument: doc(document), range: c2p.asRange(range), options: c2p.asFormattingOptions(options) }, token);
          return result ? result.map(c2p.toTextEdit) : undefined;
        },
      }));
    }
    if (caps.renameProvider) {
      const prepare = typeof caps.renameProvider === 'object' && caps.renameProvider.prepareProvider;
      register('rename', vscode.languages.registerRenameProvider(selector, {
        provideRenameEdits: async (document, pos, newName, token) =>
          c2p.toWorkspaceEdit(await request('textDocument/rename', { ...position(document, pos), newName }, token)),
        prepareRename: prepare
          ? async (document, pos, token) => {
            const result = await request('textDocument/prepareRename', position(document, pos), token);
            if (!result) throw new Error('这里不能重命名');
            if (result.start) return c2p.toRange(result);
            if (result.range) return { range: c2p.toRange(result.range), placeholder: result.placeholder };
            return undefined;
          }
          : undefined,
      }));
    }
    if (caps.foldingRangeProvider) {
      register('foldingRange', vscode.languages.registerFoldingRangeProvider(selector, {
        provideFoldingRanges: async (document, context, token) => {
          const result = await request('textDocument/foldingRange', { textDocument: doc(document) }, token);
          return result ? result.map(c2p.toFoldingRange) : undefined;
        },
      }));
    }
    if (caps.signatureHelpProvider) {
      const options = caps.signatureHelpProvider;
      register('signatureHelp', vscode.languages.registerSignatureHelpProvider(selector, {
        provideSignatureHelp: async (document, pos, token) =>
          c2p.toSignatureHelp(await request('textDocument/signatureHelp', position(document, pos), token)),
      }, ...(options.triggerCharacters || [])));
    }
    if (caps.inlayHintProvider && vscode.languages.registerInlayHintsProvider) {
      register('inlayHint', vscode.languages.registerInlayHintsProvider(selector, {
        provideInlayHints: async (document, range, token) => {
          const result = await request('textDocument/inlayHint', { textDocument: doc(document), range: c2p.asRange(range) }, token);
          return result ? result.map(c2p.toInlayHint) : undefined;
        },
      }));
    }
    if (caps.semanticTokensProvider && caps.semanticTokensProvider.legend && caps.semanticTokensProvider.full) {
      const { legend } = caps.semanticTokensProvider;
      register('semanticTokens', vscode.languages.registerDocumentSemanticTokensProvider(selector, {
        provideDocumentSemanticTokens: async (document, token) => {
          const result = await request('textDocument/semanticTokens/full', { textDocument: doc(document) }, token);
          return result ? new vscode.SemanticTokens(Uint32Array.from(result.data), result.resultId) : undefined;
        },
      }, new vscode.SemanticTokensLegend(legend.tokenTypes, legend.tokenModifiers)));
    }
    if (caps.executeCommandProvider && Array.isArray(caps.executeCommandProvider.commands)) {
      for (const command of caps.executeCommandProvider.commands) {
        register(`command:${command}`, vscode.commands.registerCommand(command, (...args) =>
          request('workspace/executeCommand', { command, arguments: args })));
      }
    }
    this.log(`features: ${this.registered.join(', ') || '(none)'}`);
  }

  async stop() {
    this.stopping = true;
    for (const d of this.disposables.splice(0)) {
      try { d.dispose(); } catch (_) { /* already gone */ }
    }
    this.openDocuments.clear();
    if (this.connection) await this.connection.stop();
    this.diagnostics.clear();
    this.diagnostics.dispose();
  }
}

function clientCapabilities() {
  const markup = ['markdown', 'plaintext'];
  return {
    general: { positionEncodings: ['utf-16'] },
    workspace: { configuration: true, applyEdit: true, workspaceFolders: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
    window: { showMessage: {}, showDocument: { support: true }, workDoneProgress: false },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
      completion: {
        completionItem: { snippetSupport: true, documentationFormat: markup, insertReplaceSupport: true,
          labelDetailsSupport: true, deprecatedSupport: true, tagSupport: { valueSet: [1] } },
        contextSupport: true,
        completionList: { itemDefaults: ['editRange', 'insertTextFormat'] },
      },
      hover: { contentFormat: markup },
      definition: { linkSupport: true },
      references: {},
      documentHighlight: {},
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
        isPreferredSupport: true, disabledSupport: true },
      codeLens: {},
      formatting: {},
      rangeFormatting: {},
      rename: { prepareSupport: true },
      foldingRange: {},
      signatureHelp: { signatureInformation: { documentationFormat: markup } },
      inlayHint: {},
      semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
    },
  };
}

function configurationObject(config) {
  // a WorkspaceConfiguration is a plain object of its settings plus methods; keep the settings
  const result = {};
  for (const key of ['serverPath', 'catalog', 'trace.server', 'locale']) {
    const value = config.get(key);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function showMessage(vscode, type, message, items = []) {
  const show = type === 1 ? vscode.window.showErrorMessage : type === 2 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  return show.call(vscode.window, message, ...items);
}

/** The command to start: the setting, resolved against the workspace when it is a relative path. */
function resolveServerPath(setting, workspaceRoot) {
  const value = (setting || '').trim() || 'juesuan';
  if (value.startsWith('~/') && process.env.HOME) return path.join(process.env.HOME, value.slice(2));
  if (!path.isAbsolute(value) && value.includes('/') && workspaceRoot) return path.join(workspaceRoot, value);
  return value; // a bare name is looked up on PATH by spawn
}

/**
 * A machine-scoped setting: the user's (global) value or the default, never a workspace's or a
 * folder's. package.json declares `juesuan.serverPath` with `"scope": "machine"`, and this reads
 * it so even where a workspace value slipped in (an old VS Code), a cloned repository cannot
 * choose the program the extension starts.
 */
function machineSetting(config, key, fallback) {
  if (config && typeof config.inspect === 'function') {
    const value = config.inspect(key);
    if (value) {
      if (value.globalValue !== undefined) return value.globalValue;
      if (value.defaultValue !== undefined) return value.defaultValue;
      return fallback;
    }
  }
  return config.get(key, fallback);
}

module.exports = { JuesuanClient, clientCapabilities, resolveServerPath, machineSetting, LANGUAGE_ID };
