import JuesuanModel
import JuesuanSyntax

/// N512 (warning, domain-rules §7 S2-4): a project funded, by its name, from last year's balance
/// (`2024年上年结余资金`, `2023年单位结余`, `上年结转资金`) while 公开01 says the year opened with no
/// balance (年初结转和结余 0.00). Either the balance was swept back and budgeted anew — and the
/// project is current-year money under a misleading name — or 公开01 misses the carry-over.
enum CarryOverWordingCheck: ReportCheck {
    static let rules = [Rule("N512", .warning, "项目以上年结余（结转）资金安排，而公开01 年初结转和结余为 0")]

    static let words = ["上年结余", "单位结余", "结余资金", "上年结转", "结转资金", "以前年度结余"]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let report = context.report
        guard let opening = report.figure("公开01", .label("年初结转和结余"), side: .income), opening.value.isZero else { return [] }
        // Where the narrative says so in words (`无结余`), shown alongside.
        var saying: RelatedLocation?
        for block in report.syntax.blocks {
            guard case .narrative(let narrative) = block, saying == nil else { continue }
            for line in narrative.proseLines {
                let text = report.source.lineString(line)
                if text.containsText("无结余") {
                    saying = RelatedLocation(range: report.source.lineContentRange(line), message: "说明写“无结余”")
                    break
                }
            }
        }
        var findings: [Diagnostic] = []
        for performance in report.syntax.performances {
            guard let name = performance.name, let word = words.first(where: { name.text.containsText($0) }) else { continue }
            var related = [RelatedLocation(range: opening.cell.token.range, message: "\(opening.description)：\(opening.value)")]
            if let saying { related.append(saying) }
            findings.append(Diagnostic(code: "N512", severity: .warning, range: name.range,
                                       message: "项目「\(name.text)」写明以“\(word)”安排，但公开01 年初结转和结余为 \(opening.value)：若结余已收回重新安排，应按本年预算写项目名称；否则公开01 漏列了年初结转和结余",
                                       related: related))
        }
        return findings
    }
}
