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

/// The JSON of the findings a document last published, by what the client sees of each: a
/// keystroke changes few of a large report's findings, so its publication converts only those
/// (building the JSON objects of hundreds of findings took 5 ms a keystroke). Insertions move
/// the byte offsets of every later finding but not what the client sees, so the key holds the
/// line/column positions, not the offsets.
struct PublishedDiagnostics {
    private var json: [Key: JSONValue] = [:]
    /// What the JSON was made with besides the findings and the text.
    private var unit: ColumnUnit?
    private var documentationBase = ""
    /// How many findings the last call took from the call before (for tests).
    private(set) var reusedLastTime = 0

    struct Key: Hashable {
        /// The finding with every range set to zero.
        let content: Diagnostic
        /// Line and column of each start and end: the range, the related places, the fix's edits.
        let positions: [Int]

        init(_ diagnostic: Diagnostic, converter: Converter) {
            var positions: [Int] = []
            positions.reserveCapacity(4 * (1 + diagnostic.related.count + (diagnostic.fix?.edits.count ?? 0)))
            var content = diagnostic
            func take(_ range: inout SourceRange) {
                let start = converter.source.lineColumn(of: range.start, unit: converter.unit)
                let end = converter.source.lineColumn(of: range.end, unit: converter.unit)
                positions.append(start.line)
                positions.append(start.column)
                positions.append(end.line)
                positions.append(end.column)
                range = SourceRange(start: 0, end: 0)
            }
            take(&content.range)
            for index in content.related.indices { take(&content.related[index].range) }
            if content.fix != nil {
                for index in content.fix!.edits.indices { take(&content.fix!.edits[index].range) }
            }
            self.content = content
            self.positions = positions
        }

        // By the UTF-8 bytes of the texts: String's own hashing normalises Chinese text first,
        // which cost more than the JSON it saves.
        static func == (a: Key, b: Key) -> Bool {
            let x = a.content, y = b.content
            return a.positions == b.positions && x.severity == y.severity && same(x.code, y.code) && same(x.message, y.message)
                && x.related.count == y.related.count && zip(x.related, y.related).allSatisfy { same($0.message, $1.message) }
                && x.fix?.isSafe == y.fix?.isSafe && same(x.fix?.title ?? "", y.fix?.title ?? "")
                && x.fix?.edits.count == y.fix?.edits.count
                && zip(x.fix?.edits ?? [], y.fix?.edits ?? []).allSatisfy { same($0.replacement, $1.replacement) }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(positions)
            hasher.combine(content.severity)
            Key.hash(content.code, into: &hasher)
            Key.hash(content.message, into: &hasher)
            for place in content.related { Key.hash(place.message, into: &hasher) }
            if let fix = content.fix {
                hasher.combine(fix.isSafe)
                Key.hash(fix.title, into: &hasher)
                for edit in fix.edits { Key.hash(edit.replacement, into: &hasher) }
            }
        }

        private static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

        private static func hash(_ text: String, into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(text.utf8.count)
        }
    }

    /// The JSON of `diagnostics`, reusing what the last call made; what it made this time is
    /// kept for the next.
    mutating func convert(_ diagnostics: [Diagnostic], with converter: Converter) -> [JSONValue] {
        if unit != converter.unit || documentationBase != converter.documentationBase {
            json = [:]
            unit = converter.unit
            documentationBase = converter.documentationBase
        }
        var made: [Key: JSONValue] = [:]
        made.reserveCapacity(diagnostics.count)
        reusedLastTime = 0
        let values = diagnostics.map { diagnostic -> JSONValue in
            let key = Key(diagnostic, converter: converter)
            if let value = json[key] ?? made[key] {
                reusedLastTime += 1
                made[key] = value
                return value
            }
            let value = converter.diagnostic(diagnostic)
            made[key] = value
            return value
        }
        json = made
        return values
    }
}
