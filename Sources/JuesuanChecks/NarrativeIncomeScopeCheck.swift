import JuesuanModel
import JuesuanSyntax

/// N513 (warning, domain-rules N-04, §7 S3-2): 本年收入合计 stated as what is in fact 收入总计 —
/// the year's income plus the opening balance. Without 公开01 (N501 compares against it), the
/// evidence is a funds table that splits the money into 财政拨款 and 年初结转(结余): the stated
/// 本年收入合计 equals their sum, not the 财政拨款 alone, while the opening balance is not 0.
enum NarrativeIncomeScopeCheck {
    static let rules = [Rule("N513", .warning, "说明中的“本年收入合计”含了年初结转和结余（实为收入总计）")]

    static func run(_ reading: inout ProseReading) {
        let report = reading.report
        guard report.table("公开01") == nil else { return }
        // The first funds row with a 财政拨款 and a 年初结转… column, the balance above 0.
        var split: (grant: Cell, balance: Cell, balanceName: String)?
        search: for table in report.tables where table.spec == nil {
            for section in table.sections {
                guard let grantColumn = section.columns.firstIndex(where: { $0.name == "财政拨款" || $0.name == "财政拨款收入" }),
                      let balanceColumn = section.columns.firstIndex(where: { $0.name.hasPrefix("年初结转") || $0.name.hasPrefix("上年结转") }) else { continue }
                for row in section.rows {
                    guard let grant = row.cell(grantColumn), grant.number != nil, let balance = row.cell(balanceColumn),
                          let value = balance.number, value > .zero else { continue }
                    split = (grant, balance, section.columns[balanceColumn].name)
                    break search
                }
            }
        }
        guard let split, let grant = split.grant.number, let balance = split.balance.number else { return }
        let total = grant + balance
        let tolerance = report.header.tolerance
        for claim in reading.claims where claim.isPlainAmount && !claim.isEcho && claim.label.hasSuffix("本年收入合计") {
            guard (claim.value - total).magnitude <= tolerance, (claim.value - grant).magnitude > tolerance else { continue }
            reading.findings.append(Diagnostic(
                code: "N513", severity: .warning, range: claim.range,
                message: "“本年收入合计”写的是 \(claim.text)，等于财政拨款 \(grant) + \(split.balanceName) \(balance) = \(total)，即收入总计；本年收入合计不含年初结转和结余，应为 \(grant)",
                related: [RelatedLocation(range: split.grant.token.range, message: "财政拨款：\(grant)"),
                          RelatedLocation(range: split.balance.token.range, message: "\(split.balanceName)：\(balance)")]))
        }
    }
}
