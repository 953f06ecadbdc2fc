import JuesuanCatalogue
import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// One answer to `workspace/symbol` (issue 18): a row of an open report, or a catalogue code
/// that no open report uses yet.
public struct WorkspaceSymbol: Sendable {
    public enum Kind: Sendable, Hashable {
        /// A row with a code in an open report.
        case codeRow
        /// A row with only a label in an open report.
        case labelRow
        /// A catalogue code no open report uses; located at the table where it would be written.
        case catalogueCode
    }

    public var name: String
    /// Where it is: the table of a row; the catalogue path of a code.
    public var containerName: String?
    public var kind: Kind
    /// The document the range is in.
    public var document: DocumentSnapshot
    public var range: SourceRange
}

extension LanguageService {
    /// Most answers to one `workspace/symbol` query.
    public static let maximumWorkspaceSymbols = 200

    /// Rows of the open `documents` whose code starts with `query` or whose label contains it,
    /// in document order; then catalogue codes (of the first document's catalogue) whose code
    /// starts with `query` or whose name contains it, ranked as completion ranks them, that no
    /// open report uses: a catalogue entry has no place of its own, so it points at the first
    /// open table of its classification (where it would be written). An empty query gives the
    /// code rows only. Names are compared after `CatalogueName.normalized(_:)`.
    public static func workspaceSymbols(_ query: String, in documents: [DocumentSnapshot],
                                        limit: Int = maximumWorkspaceSymbols) -> [WorkspaceSymbol] {
        let key = CatalogueName.normalized(query)
        let isCode = !key.isEmpty && key.allSatisfy { $0.isASCII && $0.isNumber }
        var result: [WorkspaceSymbol] = []
        var used: [ClassificationKind: Set<String>] = [:]
        var homes: [ClassificationKind: (DocumentSnapshot, SourceRange)] = [:]
        let documents = documents.sorted { $0.uri < $1.uri }
        for document in documents {
            let report = document.analysis.report
            for table in report.tables {
                let kind: ClassificationKind? = switch table.rowKind {
                case .functionalCodes?: .functional
                case .economicCodes?: .economic
                default: nil
                }
                let heading = table.syntax.keyword.range.union(table.syntax.title?.range ?? table.syntax.id?.range ?? table.syntax.keyword.range)
                if let kind, homes[kind] == nil { homes[kind] = (document, heading) }
                let container = [table.id, table.syntax.title?.text ?? table.spec?.title].compactMap { $0 }.joined(separator: " ")
                for row in table.allRows {
                    if let code = row.code, let kind { used[kind, default: []].insert(code) }
                    let matches: Bool
                    if key.isEmpty {
                        matches = row.code != nil
                    } else if isCode {
                        matches = row.code?.hasPrefix(key) ?? false
                    } else {
                        matches = CatalogueName.normalized(row.label).contains(key)
                    }
                    guard matches, result.count < limit else { continue }
                    result.append(WorkspaceSymbol(name: row.displayName, containerName: container,
                                                  kind: row.code != nil ? .codeRow : .labelRow, document: document, range: row.nameRange))
                }
            }
        }
        guard !key.isEmpty, let catalogue = documents.first?.analysis.report.catalogue else { return result }
        for kind in ClassificationKind.allCases {
            guard let (document, heading) = homes[kind] else { continue }
            let entries = isCode ? catalogue.entries(withPrefix: key, kind: kind)
                                 : catalogue.entries(nameContaining: key, kind: kind).map(\.entry)
            for entry in entries where !(used[kind]?.contains(entry.code) ?? false) {
                guard result.count < limit else { return result }
                let parents = catalogue.path(of: entry.code, kind: kind).filter { $0.code != entry.code }.map(\.name)
                result.append(WorkspaceSymbol(name: "\(entry.code) \(entry.name)",
                                              containerName: ([kind.displayName] + parents).joined(separator: " › ") + "（本报告未用）",
                                              kind: .catalogueCode, document: document, range: heading))
            }
        }
        return result
    }
}
