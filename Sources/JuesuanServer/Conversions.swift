import JuesuanLanguageService
import JuesuanSyntax
import LanguageServerProtocol

/// Converting between the language service's byte offsets and plain types and LSP JSON.
struct Converter {
    let source: SourceText
    let unit: ColumnUnit
    let uri: String
    let documentationBase: String
    /// Whether the client reads Markdown in hovers (`hover.contentFormat`) and in completion
    /// documentation (`completionItem.documentationFormat`); plain text otherwise.
    var hoverMarkdown = true
    var documentationMarkdown = true

    func position(_ offset: Int) -> JSONValue {
        let p = source.lineColumn(of: offset, unit: unit)
        return ["line": .int(p.line), "character": .int(p.column)]
    }

    func range(_ range: SourceRange) -> JSONValue {
        ["start": position(range.start), "end": position(range.end)]
    }

    func offset(_ position: Position) -> Int {
        source.offset(of: LineColumn(line: position.line, column: position.character), unit: unit)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .information: 3
        case .hint: 4
        }
    }

    func diagnostic(_ d: Diagnostic) -> JSONValue {
        var members: [String: JSONValue] = [
            "range": range(d.range),
            "severity": .int(Converter.severity(d.severity)),
            "code": .string(d.code),
            "source": "juesuan",
            "message": .string(d.message),
            "codeDescription": ["href": .string(LanguageService.documentationURL(forCode: d.code, base: documentationBase))],
        ]
        if !d.related.isEmpty {
            members["relatedInformation"] = .array(d.related.map { related in
                ["location": ["uri": .string(uri), "range": range(related.range)], "message": .string(related.message)]
            })
        }
        if let fix = d.fix {
            // Carried for code actions: the edit that makes the finding go away.
            members["data"] = ["fix": [
                "title": .string(fix.title),
                "isSafe": .bool(fix.isSafe),
                "edits": .array(fix.edits.map { ["range": range($0.range), "newText": .string($0.replacement)] }),
            ]]
        }
        return .object(members)
    }

    static func completionKind(_ kind: CompletionItemKind) -> Int {
        switch kind {
        case .keyword: 14
        case .table: 7
        case .column: 5
        case .code: 21
        case .row: 10
        case .term: 1
        case .reference: 18
        case .value: 12
        }
    }

    func completionList(_ list: CompletionList) -> JSONValue {
        let items: [JSONValue] = list.items.map { item in
            var members: [String: JSONValue] = [
                "label": .string(item.label),
                "kind": .int(Converter.completionKind(item.kind)),
                "sortText": .string(item.sortText),
                "textEdit": ["range": range(item.range), "newText": .string(item.newText)],
            ]
            if let detail = item.detail { members["detail"] = .string(detail) }
            if let documentation = item.documentation { members["documentation"] = markup(documentation, markdown: documentationMarkdown) }
            if let filterText = item.filterText { members["filterText"] = .string(filterText) }
            if let description = item.labelDescription { members["labelDetails"] = ["description": .string(description)] }
            return .object(members)
        }
        return ["isIncomplete": .bool(list.isIncomplete), "items": .array(items)]
    }

    func hover(_ hover: HoverResult) -> JSONValue {
        ["contents": markup(hover.markdown, markdown: hoverMarkdown), "range": range(hover.range)]
    }

    /// MarkupContent in the client's format.
    func markup(_ markdown: String, markdown isMarkdown: Bool) -> JSONValue {
        isMarkdown ? ["kind": "markdown", "value": .string(markdown)] : ["kind": "plaintext", "value": .string(PlainText.fromMarkdown(markdown))]
    }
}
