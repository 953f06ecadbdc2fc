import JuesuanModel
import JuesuanSyntax

/// A207: a `其中：` row is part of the row above it and cannot exceed it. Rounding is monotonic,
/// so a rounded part never exceeds its rounded whole: any excess is an error.
enum DetailRowCheck: ReportCheck {
    static let rules = [Rule("A207", .error, "“其中”行大于其所属的行")]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in context.report.tables {
            for section in table.sections {
                var owner: Row?
                for row in section.rows {
                    guard row.isDetail else { owner = row; continue }
                    guard let owner else { continue }
                    for (column, info) in section.columns.enumerated() {
                        guard let cell = row.cell(column), let part = cell.number else { continue }
                        let whole = owner.cell(column)?.number ?? .zero
                        guard part > whole else { continue }
                        let scale = max(part.scale, whole.scale)
                        findings.append(Diagnostic(
                            code: "A207", severity: .error, range: cell.token.range,
                            message: "\(CheckContext.subject(row, info, in: section, table: table))是「\(owner.displayName)」的其中数，不能大于它：其中数 \(part.formatted(scale: scale))，所属行 \(whole.formatted(scale: scale))，超出 \((part - whole).formatted(scale: scale))",
                            related: [context.addendLocation(owner, owner.cell(column))]))
                    }
                }
            }
        }
        return findings
    }
}
