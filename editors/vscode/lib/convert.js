'use strict';
// LSP ↔ vscode type conversions. Positions need no re-encoding: both count UTF-16 code units
// (the server is asked for, and advertises, positionEncoding "utf-16").

function createConverter(vscode) {
  // ---- vscode → LSP
  const asPosition = (p) => ({ line: p.line, character: p.character });
  const asRange = (r) => ({ start: asPosition(r.start), end: asPosition(r.end) });
  const asTextDocumentIdentifier = (document) => ({ uri: document.uri.toString() });
  const asTextDocumentPositionParams = (document, position) => ({
    textDocument: asTextDocumentIdentifier(document),
    position: asPosition(position),
  });
  const asTextDocumentItem = (document) => ({
    uri: document.uri.toString(),
    languageId: document.languageId,
    version: document.version,
    text: document.getText(),
  });
  const asContentChange = (change) => ({
    range: asRange(change.range),
    rangeLength: change.rangeLength,
    text: change.text,
  });
  const asFormattingOptions = (options) => ({
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
  });

  // ---- LSP → vscode
  const toPosition = (p) => new vscode.Position(p.line, p.character);
  const toRange = (r) => (r ? new vscode.Range(toPosition(r.start), toPosition(r.end)) : undefined);
  const toUri = (s) => vscode.Uri.parse(s);
  const toLocation = (l) => new vscode.Location(toUri(l.uri), toRange(l.range));

  const severities = {
    1: vscode.DiagnosticSeverity.Error,
    2: vscode.DiagnosticSeverity.Warning,
    3: vscode.DiagnosticSeverity.Information,
    4: vscode.DiagnosticSeverity.Hint,
  };

  // the LSP diagnostic behind each vscode diagnostic, for code action contexts
  const lspDiagnostics = new WeakMap();

  function toDiagnostic(d) {
    const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message,
      severities[d.severity] !== undefined ? severities[d.severity] : vscode.DiagnosticSeverity.Error);
    if (d.code !== undefined && d.code !== null) {
      diagnostic.code = d.codeDescription && d.codeDescription.href
        ? { value: d.code, target: toUri(d.codeDescription.href) }
        : d.code;
    }
    if (d.source) diagnostic.source = d.source;
    if (Array.isArray(d.relatedInformation)) {
      diagnostic.relatedInformation = d.relatedInformation.map(
        (info) => new vscode.DiagnosticRelatedInformation(toLocation(info.location), info.message));
    }
    if (Array.isArray(d.tags)) {
      diagnostic.tags = d.tags
        .map((tag) => (tag === 1 ? vscode.DiagnosticTag.Unnecessary : tag === 2 ? vscode.DiagnosticTag.Deprecated : undefined))
        .filter((tag) => tag !== undefined);
    }
    lspDiagnostics.set(diagnostic, d);
    return diagnostic;
  }

  function asDiagnostic(diagnostic) {
    const original = lspDiagnostics.get(diagnostic);
    if (original) return original;
    const severity = { [vscode.DiagnosticSeverity.Error]: 1, [vscode.DiagnosticSeverity.Warning]: 2,
      [vscode.DiagnosticSeverity.Information]: 3, [vscode.DiagnosticSeverity.Hint]: 4 }[diagnostic.severity];
    const code = diagnostic.code && typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return { range: asRange(diagnostic.range), message: diagnostic.message, severity, code, source: diagnostic.source };
  }

  function toMarkdown(content) {
    if (content === undefined || content === null) return undefined;
    if (typeof content === 'string') return new vscode.MarkdownString(content);
    if (content.kind === 'markdown') return new vscode.MarkdownString(content.value);
    if (content.kind === 'plaintext') {
      const md = new vscode.MarkdownString();
      md.appendText(content.value);
      return md;
    }
    if (content.language !== undefined) { // MarkedString { language, value }
      const md = new vscode.MarkdownString();
      md.appendCodeblock(content.value, content.language);
      return md;
    }
    return new vscode.MarkdownString(String(content.value || ''));
  }

  function toHover(hover) {
    if (!hover) return undefined;
    const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
    return new vscode.Hover(contents.map(toMarkdown).filter(Boolean), toRange(hover.range));
  }

  function toDocumentation(doc) {
    if (doc === undefined || doc === null) return undefined;
    if (typeof doc === 'string') return doc;
    if (doc.kind === 'markdown') return new vscode.MarkdownString(doc.value);
    return doc.value;
  }

  function toTextEdit(edit) {
    return new vscode.TextEdit(toRange(edit.range), edit.newText);
  }

  function toCompletionItem(item, defaults) {
    const result = new vscode.CompletionItem(
      item.labelDetails ? { label: item.label, detail: item.labelDetails.detail, description: item.labelDetails.description } : item.label);
    // LSP CompletionItemKind is 1-based, vscode's enum 0-based in the same order
    if (typeof item.kind === 'number' && item.kind >= 1 && item.kind <= 25) result.kind = item.kind - 1;
    if (item.detail) result.detail = item.detail;
    const documentation = toDocumentation(item.documentation);
    if (documentation !== undefined) result.documentation = documentation;
    if (item.sortText) result.sortText = item.sortText;
    if (item.filterText) result.filterText = item.filterText;
    if (item.preselect) result.preselect = true;
    const snippet = (item.insertTextFormat || (defaults && defaults.insertTextFormat)) === 2;
    const text = (t) => (snippet ? new vscode.SnippetString(t) : t);
    if (item.textEdit) {
      if (item.textEdit.range) {
        result.range = toRange(item.textEdit.range);
      } else { // InsertReplaceEdit
        result.range = { inserting: toRange(item.textEdit.insert), replacing: toRange(item.textEdit.replace) };
      }
      result.insertText = text(item.textEdit.newText);
    } else if (item.insertText !== undefined) {
      result.insertText = text(item.insertText);
      const editRange = defaults && defaults.editRange;
      if (editRange) {
        result.range = editRange.start
          ? toRange(editRange)
          : { inserting: toRange(editRange.insert), replacing: toRange(editRange.replace) };
      }
    }
    if (Array.isArray(item.additionalTextEdits)) result.additionalTextEdits = item.additionalTextEdits.map(toTextEdit);
    if (Array.isArray(item.commitCharacters)) result.commitCharacters = item.commitCharacters;
    if (item.command) result.command = toCommand(item.command);
    if (Array.isArray(item.tags) && item.tags.includes(1)) result.tags = [vscode.CompletionItemTag.Deprecated];
    return result;
  }

  function toCompletionList(result) {
    if (!result) return undefined;
    if (Array.isArray(result)) return new vscode.CompletionList(result.map((i) => toCompletionItem(i)), false);
    const defaults = result.itemDefaults;
    return new vscode.CompletionList((result.items || []).map((i) => toCompletionItem(i, defaults)), !!result.isIncomplete);
  }

  function toCommand(command) {
    return { title: command.title, command: command.command, arguments: command.arguments };
  }

  function toWorkspaceEdit(edit) {
    const result = new vscode.WorkspaceEdit();
    if (!edit) return result;
    if (edit.changes) {
      for (const uri of Object.keys(edit.changes)) result.set(toUri(uri), edit.changes[uri].map(toTextEdit));
    }
    if (Array.isArray(edit.documentChanges)) {
      for (const change of edit.documentChanges) {
        if (change.kind === 'create') result.createFile(toUri(change.uri), change.options);
        else if (change.kind === 'rename') result.renameFile(toUri(change.oldUri), toUri(change.newUri), change.options);
        else if (change.kind === 'delete') result.deleteFile(toUri(change.uri), change.options);
        else result.set(toUri(change.textDocument.uri), change.edits.map(toTextEdit));
      }
    }
    return result;
  }

  function toCodeActionKind(kind) {
    if (!kind) return undefined;
    return vscode.CodeActionKind.Empty.append(kind);
  }

  function toCodeAction(action) {
    if (action.command !== undefined && typeof action.command === 'string') { // a bare Command
      const result = new vscode.CodeAction(action.title);
      result.command = toCommand(action);
      return result;
    }
    const result = new vscode.CodeAction(action.title, toCodeActionKind(action.kind));
    if (action.edit) result.edit = toWorkspaceEdit(action.edit);
    if (action.command) result.command = toCommand(action.command);
    if (Array.isArray(action.diagnostics)) result.diagnostics = action.diagnostics.map(toDiagnostic);
    if (action.isPreferred) result.isPreferred = true;
    if (action.disabled) result.disabled = action.disabled;
    return result;
  }

  function toSymbolKind(kind) { return (typeof kind === 'number' ? kind : 13) - 1; }

  function toDocumentSymbols(result) {
    if (!Array.isArray(result)) return undefined;
    if (result.length && result[0].location) { // SymbolInformation[]
      return result.map((s) => new vscode.SymbolInformation(s.name, toSymbolKind(s.kind), s.containerName || '', toLocation(s.location)));
    }
    const convert = (s) => {
      const symbol = new vscode.DocumentSymbol(s.name, s.detail || '', toSymbolKind(s.kind), toRange(s.range), toRange(s.selectionRange));
      symbol.children = (s.children || []).map(convert);
      return symbol;
    };
    return result.map(convert);
  }

  function toLocations(result) {
    if (!result) return undefined;
    const list = Array.isArray(result) ? result : [result];
    return list.map((l) => (l.targetUri
      ? { originSelectionRange: toRange(l.originSelectionRange), targetUri: toUri(l.targetUri),
        targetRange: toRange(l.targetRange), targetSelectionRange: toRange(l.targetSelectionRange) }
      : toLocation(l)));
  }

  function toFoldingRange(r) {
    const kinds = { comment: vscode.FoldingRangeKind.Comment, imports: vscode.FoldingRangeKind.Imports, region: vscode.FoldingRangeKind.Region };
    return new vscode.FoldingRange(r.startLine, r.endLine, kinds[r.kind]);
  }

  function toSignatureHelp(help) {
    if (!help) return undefined;
    const result = new vscode.SignatureHelp();
    result.activeSignature = help.activeSignature || 0;
    result.activeParameter = help.activeParameter || 0;
    result.signatures = (help.signatures || []).map((s) => {
      const signature = new vscode.SignatureInformation(s.label, toDocumentation(s.documentation));
      signature.parameters = (s.parameters || []).map((p) => new vscode.ParameterInformation(p.label, toDocumentation(p.documentation)));
      if (s.activeParameter !== undefined) signature.activeParameter = s.activeParameter;
      return signature;
    });
    return result;
  }

  function toInlayHint(hint) {
    const label = typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
    const result = new vscode.InlayHint(toPosition(hint.position), label, hint.kind);
    if (hint.paddingLeft) result.paddingLeft = true;
    if (hint.paddingRight) result.paddingRight = true;
    if (hint.tooltip) result.tooltip = toDocumentation(hint.tooltip);
    return result;
  }

  function toDocumentHighlight(h) {
    return new vscode.DocumentHighlight(toRange(h.range), typeof h.kind === 'number' ? h.kind - 1 : undefined);
  }

  return {
    asPosition, asRange, asTextDocumentIdentifier, asTextDocumentPositionParams, asTextDocumentItem,
    asContentChange, asFormattingOptions, asDiagnostic,
    toPosition, toRange, toUri, toLocation, toDiagnostic, toHover, toMarkdown, toCompletionItem,
    toCompletionList, toTextEdit, toWorkspaceEdit, toCodeAction, toCommand, toDocumentSymbols,
    toLocations, toFoldingRange, toSignatureHelp, toInlayHint, toDocumentHighlight, toSymbolKind,
  };
}

module.exports = { createConverter };
