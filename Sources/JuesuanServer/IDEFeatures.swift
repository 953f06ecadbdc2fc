import JuesuanLanguageService
import JuesuanSyntax
import LanguageServerProtocol

/// The LSP glue of the IDE features (issue 6): code actions, outline, folding, navigation,
/// inlay hints, semantic tokens and pull diagnostics.
extension JuesuanServer {
    /// The document a request names (no position needed).
    func openDocument(_ request: RequestInput) throws(ResponseError) -> (DocumentSnapshot, Converter) {
        guard let uri = request.params?["textDocument"]?["uri"]?.stringValue else {
            throw .invalidParams("expected textDocument.uri")
        }
        guard let snapshot = request.document else {
            throw ResponseError(code: .requestFailed, message: "document is not open: \(uri)")
        }
        return (snapshot, converter(for: snapshot))
    }

    func byteRange(_ json: JSONValue?, _ converter: Converter) -> SourceRange? {
        guard let json, let range = PositionRange(json: json) else { return nil }
        let a = converter.offset(range.start), b = converter.offset(range.end)
        return SourceRange(start: min(a, b), end: max(a, b))
    }

    // MARK: Code actions

    func codeAction(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let params = request.params
        let (snapshot, converter) = try openDocument(request)
        guard let range = byteRange(params?["range"], converter) else { throw .invalidParams("expected range") }
        let only = params?["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        var requested: [(code: String, range: SourceRange)]?
        if let sent = params?["context"]?["diagnostics"]?.arrayValue, !sent.isEmpty {
            requested = sent.compactMap { d in
                guard d["source"]?.stringValue ?? "juesuan" == "juesuan",
                      let code = d["code"]?.stringValue, let range = byteRange(d["range"], converter) else { return nil }
                return (code, range)
            }
        }
        let actions: [CodeAction]
        if JuesuanServer.asksForFixAll(params) {
            // Fix-all runs full analyses of the whole report: it stops once cancelled.
            actions = LanguageService.codeActions(snapshot, range: range, only: only, diagnostics: requested,
                                                  isCancelled: request.isCancelled)
            if request.isCancelled() { throw ResponseError(code: .requestCancelled, message: "fix-all was cancelled") }
        } else {
            actions = features(of: snapshot).codeActions(range: range, only: only, diagnostics: requested)
        }
        return .array(actions.map { action in
            var members: [String: JSONValue] = [
                "title": .string(action.title),
                "kind": .string(action.kind.rawValue),
                "edit": ["changes": [snapshot.uri: .array(action.edits.map(converter.textEdit))]],
            ]
            if let diagnostic = action.diagnostic { members["diagnostics"] = [converter.diagnostic(diagnostic)] }
            if action.isPreferred { members["isPreferred"] = true }
            return .object(members)
        })
    }

    // MARK: Outline and folding

    func documentSymbol(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let (snapshot, converter) = try openDocument(request)
        let symbols = features(of: snapshot).limitedOutline()
        let outline = OutlineJSON(symbols, converter: converter, previous: lastOutline(uri: snapshot.uri))
        rememberOutline(outline, uri: snapshot.uri)
        if trace { log("outline of \(snapshot.uri) v\(snapshot.version): \(outline.reusedWhole) of \(symbols.count) top-level symbol(s) reused") }
        return outline.json
    }

    func foldingRange(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let (snapshot, _) = try openDocument(request)
        let regions = features(of: snapshot).foldingRanges()
        return .array(regions.map { region in
            ["startLine": .int(region.startLine), "endLine": .int(region.endLine), "kind": .string(region.kind.rawValue)]
        })
    }

    // MARK: Navigation

    func definition(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let (snapshot, converter, offset) = try document(request)
        let found = features(of: snapshot).definition(at: offset)
        return .array(found.map(converter.location))
    }

    func references(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let params = request.params
        let (snapshot, converter, offset) = try document(request)
        let include = params?["context"]?["includeDeclaration"]?.boolValue ?? true
        let found = features(of: snapshot).references(at: offset, includeDeclaration: include)
        return .array(found.map(converter.location))
    }

    func documentHighlight(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let (snapshot, converter, offset) = try document(request)
        let found = features(of: snapshot).highlights(at: offset)
        return .array(found.map { ["range": converter.range($0.range), "kind": .int($0.kind.rawValue)] })
    }

    // MARK: Inlay hints

    func inlayHint(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let params = request.params
        let (snapshot, converter) = try openDocument(request)
        let range = byteRange(params?["range"], converter) ?? SourceRange(start: 0, end: snapshot.source.bytes.count)
        let hints = features(of: snapshot).inlayHints(in: range)
        return .array(hints.map { hint in
            ["position": converter.position(hint.position), "label": .string(hint.label), "paddingLeft": true,
             "tooltip": .string(hint.tooltip)]
        })
    }

    // MARK: Semantic tokens

    static let semanticTokensLegend: JSONValue = [
        "tokenTypes": .array(SemanticTokenType.allCases.map { .string($0.name) }),
        "tokenModifiers": .array(SemanticTokenModifiers.names.map { .string($0) }),
    ]

    /// LSP's relative encoding: per token Δline, Δstart (from the previous token on the same
    /// line), length, type, modifier bits; columns in the negotiated encoding.
    func semanticTokensFull(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let (snapshot, converter) = try openDocument(request)
        let data = features(of: snapshot).semanticTokenData(unit: converter.unit).integers
        let id = rememberSemanticTokens(uri: snapshot.uri, data: data)
        return ["resultId": .string(id), "data": .array(data.array.map { .int($0) })]
    }

    /// One edit replacing the part that differs from the previous result (common prefix and
    /// suffix kept), or the full tokens when the previous result is unknown.
    func semanticTokensDelta(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let params = request.params
        let (snapshot, converter) = try openDocument(request)
        let data = features(of: snapshot).semanticTokenData(unit: converter.unit).integers
        let previousID = params?["previousResultId"]?.stringValue
        let previous = previousID.flatMap { previousSemanticTokens(uri: snapshot.uri, resultId: $0) }
        let id = rememberSemanticTokens(uri: snapshot.uri, data: data)
        guard let previous else { return ["resultId": .string(id), "data": .array(data.array.map { .int($0) })] }
        let edits = SemanticTokenEdit.edits(from: previous, to: data)
        return ["resultId": .string(id), "edits": .array(edits.map { edit in
            ["start": .int(edit.start), "deleteCount": .int(edit.deleteCount), "data": .array(edit.data.map { .int($0) })]
        })]
    }

    // MARK: Formatting

    func formatting(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let (snapshot, converter) = try openDocument(request)
        return .array(LanguageService.formatting(snapshot).map(converter.textEdit))
    }

    /// Formats the tables that touch the range's lines (a range ending at column 0 of a line
    /// does not include that line).
    func rangeFormatting(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let params = request.params
        let (snapshot, converter) = try openDocument(request)
        guard let raw = params?["range"], let range = PositionRange(json: raw) else { throw .invalidParams("expected range") }
        // Every line from a client is clamped into the document: a negative or past-the-end
        // range formats the nearest lines instead of forming an invalid range.
        let lastLine = max(0, snapshot.source.lineCount - 1)
        func clamp(_ line: Int) -> Int { min(max(line, 0), lastLine) }
        let first = clamp(min(range.start.line, range.end.line))
        var last = clamp(max(range.start.line, range.end.line))
        if last > first && range.end.character <= 0 && range.end.line <= lastLine { last -= 1 }
        return .array(LanguageService.formatting(snapshot, lines: first...last).map(converter.textEdit))
    }

    // MARK: Pull diagnostics

    /// `textDocument/diagnostic` (LSP 3.17): a full report with a result id that names the
    /// text (its version and a hash of its bytes), or `unchanged` when the client already has it.
    func pullDiagnostics(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let params = request.params
        let (snapshot, converter) = try openDocument(request)
        let id = "\(snapshot.version)-\(JuesuanServer.contentHash(snapshot.source.bytes))"
        if params?["previousResultId"]?.stringValue == id { return ["kind": "unchanged", "resultId": .string(id)] }
        return ["kind": "full", "resultId": .string(id),
                "items": .array(LanguageService.diagnostics(snapshot).map(converter.diagnostic))]
    }

    /// FNV-1a, 64 bits, in hex.
    static func contentHash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}

extension Converter {
    func textEdit(_ edit: TextEdit) -> JSONValue {
        ["range": range(edit.range), "newText": .string(edit.replacement)]
    }

    func location(_ range: SourceRange) -> JSONValue {
        ["uri": .string(uri), "range": self.range(range)]
    }

    static func symbolKind(_ kind: OutlineSymbol.Kind) -> Int {
        switch kind {
        case .header: 2          // Module
        case .headerEntry: 20    // Key
        case .table: 23          // Struct
        case .side: 3            // Namespace
        case .codeRow: 22        // EnumMember
        case .labelRow: 8        // Field
        case .narrative: 15      // String
        case .performance: 19    // Object
        case .indicator: 7       // Property
        case .glossary: 18       // Array
        case .term: 20           // Key
        case .check: 25          // Operator
        }
    }

}
