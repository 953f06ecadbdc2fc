import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// N517: a name written with its code in brackets (`行政运行（2010301）`) is that code's name, in the
/// catalogue or in a row of the report's tables. Otherwise the name or the code is wrong, and the
/// figures after it are about neither for certain (the reader leaves them unchecked).
enum NarrativeItemCodeCheck {
    static let rules = [Rule("N517", .warning, "说明中括号内的科目编码与其前面的科目名称不符")]

    static func run(_ reading: inout ProseReading) {
        // Whether the name is the code's was decided as the prose was read (`ProseReader.nameAgrees`).
        for statement in reading.prose.statements {
            guard case .namedCode(let name, let code, agrees: false) = statement.kind else { continue }
            // The report's own row of the code is certain: its tables name the code otherwise.
            if let row = reading.report.tables.lazy.filter({ $0.rowKind == .functionalCodes }).flatMap(\.allRows).first(where: { $0.code == code && !$0.label.isEmpty }) {
                reading.report("N517", .warning, on: statement.range,
                               "编码 \(code) 在表中是“\(row.label)”，说明中写在“\(name)”之后；名称或编码必有一错，其后的数字未与表中核对",
                               related: row.labelToken.map { [RelatedLocation(range: $0.range, message: "\(code) \(row.label)")] } ?? [])
                continue
            }
            guard let entry = reading.report.catalogue.entry(code: code, kind: .functional) else { continue }
            // Only names seen in a real published document are certain (as for C302).
            let certain = entry.isVerified
            let doubt = certain ? "" : "（目录中的这一条未经核实，请对照当年《政府收支分类科目》）"
            reading.report("N517", certain ? .warning : .information, on: statement.range,
                           "编码 \(code) 的科目名称是“\(entry.name)”，说明中写在“\(name)”之后\(doubt)；其后的数字未与表中核对")
        }
    }
}
