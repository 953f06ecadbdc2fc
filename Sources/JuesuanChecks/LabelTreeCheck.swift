import JuesuanModel
import JuesuanSyntax

/// A204: the label trees of the standard tables (公开01 本年收入合计 and 总计, 公开04, 公开06
/// 人员经费合计 / 公用经费合计, 公开09, 公开10 车辆数合计).
enum LabelTreeCheck: ReportCheck {
    static let rules = [Rule("A204", .error, "标准表的合计行不等于其组成行之和")]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in context.report.tables {
            for section in table.sections {
                guard let spec = section.spec else { continue }
                for tree in spec.trees {
                    guard let totalIndex = section.rows.firstIndex(where: { $0.standardName == tree.total && !$0.isDetail }) else { continue }
                    let parts = tree.parts.flatMap { rows(for: $0, in: section) }
                    guard !parts.isEmpty else { continue }
                    let total = section.rows[totalIndex]
                    let basis = tree.parts.count == 1 && isCategoryRows(tree.parts[0]) ? "各类之和" : describe(tree)
                    for (column, columnInfo) in section.columns.enumerated() {
                        guard !total.isUnknown(column), !parts.contains(where: { section.rows[$0].isUnknown(column) }) else { continue }
                        let values = parts.map { section.rows[$0].cell(column)?.number }
                        guard values.contains(where: { $0 != nil }) else { continue }
                        let expected = values.reduce(DecimalNumber.zero) { $0 + ($1 ?? .zero) }
                        let cell = total.cell(column)
                        if let finding = context.sumFinding(
                            rule: "A204", cell: cell, fallbackRange: total.nameRange, written: cell?.number ?? .zero, expected: expected,
                            addendCount: values.compactMap { $0 }.count, counting: total.isCount || table.spec?.isCountTable == true,
                            subject: CheckContext.subject(total, columnInfo, in: section, table: table), basis: basis,
                            related: parts.map { context.addendLocation(section.rows[$0], section.rows[$0].cell(column)) }) {
                            findings.append(finding)
                        }
                    }
                }
            }
        }
        return findings
    }

    static func isCategoryRows(_ part: PartSpec) -> Bool {
        if case .categoryRows = part { return true }
        return false
    }

    static func rows(for part: PartSpec, in section: TableSection) -> [Int] {
        let indices = section.rows.indices.filter { !section.rows[$0].isDetail }
        switch part {
        case .label(let name):
            return indices.filter { section.rows[$0].standardName == name }.prefix(1).map { $0 }
        case .categoryRows:
            return indices.filter { section.rows[$0].categoryCode != nil }
        case .economicClass(let code):
            if let classRow = indices.first(where: { section.rows[$0].code == code }) { return [classRow] }
            return indices.filter { section.rows[$0].code.map { $0.count == 5 && $0.hasPrefix(code) } ?? false }
        }
    }

    /// `301 + 303 之和`, or `一般公共预算财政拨款收入等 8 项之和` when the list is long.
    static func describe(_ tree: TreeSpec) -> String {
        let names = tree.parts.map { part in
            switch part {
            case .label(let name): name
            case .categoryRows: "各类"
            case .economicClass(let code): code
            }
        }
        return names.count > 4 ? "\(names[0])等 \(names.count) 项之和" : names.joined(separator: " + ") + " 之和"
    }
}
