import JuesuanLanguageService
import LanguageServerProtocol

/// `workspace/symbol` (issue 18): rows of the open reports and codes of the catalogue.
extension JuesuanServer {
    static func symbolKind(_ kind: WorkspaceSymbol.Kind) -> Int {
        switch kind {
        case .codeRow: 22         // EnumMember, as the outline shows code rows
        case .labelRow: 8         // Field
        case .catalogueCode: 14   // Constant
        }
    }

    func workspaceSymbol(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let params = request.params
        guard let query = params?["query"]?.stringValue else { throw .invalidParams("expected query") }
        let symbols = LanguageService.workspaceSymbols(query, in: openSnapshots())
        var converters: [String: Converter] = [:]
        return .array(symbols.map { symbol in
            let uri = symbol.document.uri
            let converter = converters[uri] ?? converter(for: symbol.document)
            converters[uri] = converter
            var members: [String: JSONValue] = [
                "name": .string(symbol.name.isEmpty ? " " : symbol.name),
                "kind": .int(JuesuanServer.symbolKind(symbol.kind)),
                "location": ["uri": .string(uri), "range": converter.range(symbol.range)],
            ]
            if let container = symbol.containerName, !container.isEmpty { members["containerName"] = .string(container) }
            return .object(members)
        })
    }
}
