import JuesuanModel
import JuesuanSyntax

/// A203: a column relation (本年支出合计 = 基本支出 + 项目支出 + …) holds in every row;
/// A206: 公开07's 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出.
enum ColumnRelationCheck: ReportCheck {
    static let rules = [
        Rule("A203", .error, "行内各列关系不成立（如 本年支出合计 ≠ 基本支出 + 项目支出 + …）"),
        Rule("A206", .error, "公开07：年末结转和结余 ≠ 年初结转和结余 + 本年收入 − 本年支出"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in context.report.tables {
            for section in table.sections {
                for relation in section.relations {
                    for row in section.rows {
                        guard !row.isUnknown(relation.result), !relation.terms.contains(where: { row.isUnknown($0.column) }) else { continue }
                        // Summed in place, in term order: an array of parts per row and relation was
                        // a large share of the check (issue 15).
                        var expected = DecimalNumber.zero
                        var writtenParts = 0
                        for term in relation.terms {
                            let part = row.number(term.column).map { term.negative ? -$0 : $0 }
                            if part != nil { writtenParts += 1 }
                            expected = expected + (part ?? .zero)
                        }
                        guard writtenParts > 0 else { continue }
                        if let finding = context.sumFinding(
                            rule: relation.rule, cell: row.cell(relation.result), fallbackRange: row.nameRange, written: row.number(relation.result) ?? .zero,
                            expected: expected, addendCount: writtenParts, counting: row.isCount,
                            subject: CheckContext.subject(row, section.columns[relation.result], in: section, table: table), basis: formula(relation, section),
                            related: relation.terms.map { term in
                                RelatedLocation(range: row.cell(term.column)?.token.range ?? row.nameRange,
                                                message: "\(section.columns[term.column].name)：\(row.cell(term.column)?.number?.description ?? "空")")
                            }) {
                            findings.append(finding)
                        }
                    }
                }
            }
        }
        return findings
    }

    /// `基本支出 + 项目支出` as the message shows the rule.
    static func formula(_ relation: ColumnRelation, _ section: TableSection) -> String {
        var text = ""
        for (index, term) in relation.terms.enumerated() {
            let name = "“\(section.columns[term.column].name)”"
            text += index == 0 ? (term.negative ? "−" + name : name) : (term.negative ? " − " : " + ") + name
        }
        return text + " ="
    }
}
