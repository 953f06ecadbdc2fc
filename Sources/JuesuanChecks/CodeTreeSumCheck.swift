import JuesuanModel
import JuesuanSyntax

/// A201: a parent code row equals the sum of its child rows; A202: the total row equals the
/// sum of the top-level rows (in a custom table of label rows, of all other rows). Per column,
/// with the rounding tolerance of spec 9.2.
enum CodeTreeSumCheck: ReportCheck {
    static let rules = [
        Rule("A201", .error, "上级科目行不等于下级科目行之和"),
        Rule("A202", .error, "合计行不等于各顶层科目行之和"),
        Rule("A290", .information, "尾数误差：差额在舍入容差以内"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in context.report.tables {
            for section in table.sections {
                let tree = CodeTree(section)
                guard !tree.codeRows.isEmpty else {
                    // A custom table of label rows: its 合计 row is the sum of the other rows.
                    if table.spec == nil {
                        let addends = section.rows.indices.filter { !section.rows[$0].isTotal && !section.rows[$0].isDetail }
                        for total in section.rows.indices where section.rows[total].isTotal && !addends.isEmpty {
                            check(parent: total, addends: addends, rule: "A202", basis: "其余各行之和", table, section, context, &findings)
                        }
                    }
                    continue
                }
                for parent in tree.codeRows where !(tree.children[parent] ?? []).isEmpty {
                    check(parent: parent, addends: tree.children[parent]!, rule: "A201", basis: "下级科目之和", table, section, context, &findings)
                }
                let topBasis = tree.topLevel.allSatisfy { section.rows[$0].code?.count == 3 } ? "各类之和" : "各顶层科目之和"
                for total in section.rows.indices where section.rows[total].isTotal && section.rows[total].code == nil {
                    check(parent: total, addends: tree.topLevel, rule: "A202", basis: topBasis, table, section, context, &findings)
                }
            }
        }
        return findings
    }

    static func check(parent: Int, addends: [Int], rule: String, basis: String, _ table: Table, _ section: TableSection, _ context: CheckContext, _ findings: inout [Diagnostic]) {
        let row = section.rows[parent]
        for (column, columnInfo) in section.columns.enumerated() {
            guard !row.isUnknown(column), !addends.contains(where: { section.rows[$0].isUnknown(column) }) else { continue }
            // Summed in place, in addend order (no array of parts per parent and column).
            var expected = DecimalNumber.zero
            var writtenParts = 0
            for addend in addends {
                let part = section.rows[addend].number(column)
                if part != nil { writtenParts += 1 }
                expected = expected + (part ?? .zero)
            }
            // Every part empty: the parent reported no breakdown in this column (spec 9.2).
            guard writtenParts > 0 else { continue }
            let cell = row.cell(column)
            if let finding = context.sumFinding(
                rule: rule, cell: cell, fallbackRange: row.nameRange, written: cell?.number ?? .zero, expected: expected,
                addendCount: writtenParts, counting: row.isCount,
                subject: CheckContext.subject(row, columnInfo, in: section, table: table), basis: basis,
                related: addends.map { context.addendLocation(section.rows[$0], section.rows[$0].cell(column)) }) {
                findings.append(finding)
            }
        }
    }
}

/// The code rows of a section as a tree by prefix: a row's parent is its nearest present ancestor.
struct CodeTree {
    var codeRows: [Int] = []
    var children: [Int: [Int]] = [:]
    var topLevel: [Int] = []
    var indexByCode: [String: Int] = [:]

    init(_ section: TableSection) {
        for (index, row) in section.rows.enumerated() where !row.isDetail {
            guard let code = row.code, indexByCode[code] == nil else { continue }
            indexByCode[code] = index
            codeRows.append(index)
        }
        for index in codeRows {
            let code = section.rows[index].code!
            if let parent = parent(of: code) {
                children[parent, default: []].append(index)
            } else {
                topLevel.append(index)
            }
        }
    }

    /// The row of the nearest ancestor code that is present (款 for a 项, else 类).
    /// Codes are ASCII digits (the parser's `isCode`), so bytes count characters; no array of
    /// lengths is built per row (issue 15).
    func parent(of code: String) -> Int? {
        let length = code.utf8.count
        if length > 5, let index = indexByCode[String(code.prefix(5))] { return index }
        if length > 3, let index = indexByCode[String(code.prefix(3))] { return index }
        return nil
    }
}
