import JuesuanModel
import JuesuanSyntax

/// X409: a user `校验` does not hold; X410: a reference in a `校验` names nothing
/// (reported on exactly the part that does not resolve).
enum UserCheck: ReportCheck {
    static let rules = [
        Rule("X409", .error, "用户“校验”不成立"),
        Rule("X410", .error, "“校验”中的引用找不到对应的表、行或列"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for check in context.report.syntax.checks {
            guard let comparator = check.comparator, !check.left.isEmpty, !check.right.isEmpty else { continue }
            var resolved = true
            var sides: [DecimalNumber] = []
            var count = 0
            var related: [RelatedLocation] = []
            for terms in [check.left, check.right] {
                var sum = DecimalNumber.zero
                for term in terms {
                    let value: DecimalNumber
                    switch term.operand {
                    case .number(let number, _):
                        value = number
                    case .reference(let reference):
                        switch resolve(reference, in: context.report) {
                        case .success(let figure):
                            value = figure.value
                            count += 1
                            related.append(RelatedLocation(range: figure.cell.token.range, message: "\(reference.token.text) = \(figure.value)"))
                        case .failure(let problem):
                            // An empty message: the cell is not a number (S102/S112 said so); nothing to check.
                            if !problem.message.isEmpty { findings.append(Diagnostic(code: "X410", severity: .error, range: problem.range, message: problem.message)) }
                            resolved = false
                            continue
                        }
                    }
                    sum += term.negative ? -value : value
                }
                sides.append(sum)
            }
            guard resolved else { continue }
            let (left, right) = (sides[0], sides[1])
            let allowed = context.report.header.tolerance * DecimalNumber(max(count, 1) + 1)
            let difference = left - right
            let holds: Bool
            let withinRounding: Bool
            switch comparator.text {
            case "<=", "≤":
                holds = left <= right
                withinRounding = difference <= allowed
            case ">=", "≥":
                holds = left >= right
                withinRounding = -difference <= allowed
            default:
                holds = difference.isZero
                withinRounding = difference.magnitude <= allowed
            }
            guard !holds else { continue }
            let scale = max(left.scale, right.scale)
            let range = SourceRange(start: check.keyword.range.end, end: context.report.source.lineContentRange(check.line).end)
            let body = context.report.source.string(range).trimmingBlanks
            let text = "“\(body)”：左边 \(left.formatted(scale: scale))，右边 \(right.formatted(scale: scale))，差额 \(CheckContext.signed(difference, scale: scale))"
            if withinRounding {
                findings.append(Diagnostic(code: "A290", severity: .information, range: comparator.range,
                                           message: "尾数误差：校验\(text)，在容差 ±\(allowed.trimmed) 以内（X409）", related: related))
            } else {
                findings.append(Diagnostic(code: "X409", severity: .error, range: comparator.range, message: "校验不成立：\(text)", related: related))
            }
        }
        return findings
    }

    struct Problem: Error {
        var range: SourceRange
        var message: String
    }

    /// `table.row.column`: the table by id (`公开01`, `01表`, a custom name), the row by code or
    /// label, the column by name (optional for the first column).
    static func resolve(_ reference: ReferenceSyntax, in report: Report) -> Result<Figure, Problem> {
        let tableText = reference.table.text
        let id = StandardTableSpec.number(fromID: tableText).map(StandardTableSpec.id) ?? tableText
        guard let table = report.table(id) else {
            let known = report.tables.map(\.id).joined(separator: "、")
            return .failure(Problem(range: reference.table.range, message: "找不到表“\(tableText)”；本报告中的表有 \(known.isEmpty ? "（无）" : known)"))
        }
        guard let rowToken = reference.row else {
            return .failure(Problem(range: reference.token.range, message: "引用应写作“表.行.列”，缺少行"))
        }
        let selector: RowSelector = rowToken.text.allSatisfy({ $0.isASCII && $0.isNumber }) && [3, 5, 7].contains(rowToken.text.count)
            ? .code(rowToken.text)
            : (["合计", "总计"].contains(rowToken.text) && table.spec?.rowKind != .labels ? .total : .label(rowToken.text))
        guard let section = table.sections.first(where: { $0.row(selector) != nil }), let row = section.row(selector) else {
            return .failure(Problem(range: rowToken.range, message: "\(table.id) 中没有名为“\(rowToken.text)”的行"))
        }
        let columnIndex: Int
        if let columnToken = reference.column {
            guard let index = section.column(named: LabelKey.make(columnToken.text)) else {
                let names = section.columns.map(\.name).joined(separator: "、")
                return .failure(Problem(range: columnToken.range, message: "\(table.id) 没有名为“\(columnToken.text)”的列；列为 \(names)"))
            }
            columnIndex = index
        } else {
            guard !section.columns.isEmpty else {
                return .failure(Problem(range: rowToken.range, message: "\(table.id) 没有列"))
            }
            columnIndex = 0
        }
        // A cell that is not a checkable number (S102/S112 said so): nothing to check, nothing more to say.
        if row.isUnknown(columnIndex) { return .failure(Problem(range: rowToken.range, message: "")) }
        guard let cell = row.cell(columnIndex) else {
            // An empty cell is zero, as in every sum.
            let empty = Cell(value: .empty, token: Token(kind: .emptyCell, range: row.nameRange, text: ""))
            return .success(Figure(value: .zero, cell: empty, row: row, tableID: table.id, columnName: section.columns[columnIndex].name))
        }
        return .success(Figure(value: cell.number ?? .zero, cell: cell, row: row, tableID: table.id, columnName: section.columns[columnIndex].name))
    }
}
