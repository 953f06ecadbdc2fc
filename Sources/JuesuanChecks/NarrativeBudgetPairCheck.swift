import Foundation
import JuesuanModel
import JuesuanSyntax

/// N515 (warning, domain-rules N-16, §7 S3-4): the project budget stated twice for the same
/// spending — `项目支出预算收入总数588.62万元，支出总数为588.14万元` and later `涉及预算总金额
/// 983.93万元，年底总支出为588.14万元` — with two different budgets; and one project's budget
/// (`该项目经费年初预算700万元`) above the stated budget of all projects.
enum NarrativeBudgetPairCheck {
    static let rules = [Rule("N515", .warning, "同一笔支出前后写了不同的预算数，或单个项目的预算大于项目支出预算总数")]

    /// Budgets of different kinds (年初 and 调整后) may differ for the same spending.
    static let kinds = ["年初", "调整", "全年", "追加", "上年"]

    static func run(_ reading: inout ProseReading) {
        // Indices, not copies of the claims (a copy retains a dozen strings; issue 15).
        let all = reading.claims
        let claims = all.indices.filter { all[$0].isPlainAmount && !all[$0].isEcho && !all[$0].isApproximate && all[$0].period == .current }
        let tolerance = reading.report.header.tolerance
        // (budget, spending) pairs: a budget amount followed in its sentence by a spending amount.
        var pairs: [(budget: Int, spent: Int)] = []
        for (position, index) in claims.enumerated() {
            // Each label is searched for several words: its simplicity is found once (issue 15).
            // (A fund's name holds 预算: `一般公共预算财政拨款支出` is no budget.)
            let label = SearchedText(withoutFundNames(all[index].label))
            guard isBudget(label) && !kinds.contains(where: label.contains) else { continue }
            guard position + 1 < claims.count else { continue }
            let next = claims[position + 1]
            guard all[next].line == all[index].line, all[next].sentence == all[index].sentence, isSpending(SearchedText(all[next].label)) else { continue }
            pairs.append((index, next))
        }
        for (k, later) in pairs.enumerated() {
            guard let earlier = pairs[..<k].first(where: { all[$0.spent].value == all[later.spent].value && all[$0.budget].line != all[later.budget].line }),
                  (all[earlier.budget].value - all[later.budget].value).magnitude > tolerance * DecimalNumber(2) else { continue }
            let earlierBudget = all[earlier.budget], earlierSpent = all[earlier.spent], laterBudget = all[later.budget]
            reading.findings.append(Diagnostic(
                code: "N515", severity: .warning, range: laterBudget.range,
                message: "同为支出 \(all[later.spent].text) 万元，这里写的预算是 \(laterBudget.text) 万元，前面写的是 \(earlierBudget.text) 万元，两处不一致",
                related: [RelatedLocation(range: earlierBudget.range, message: "前文：\(earlierBudget.label) \(earlierBudget.text)"),
                          RelatedLocation(range: earlierSpent.range, message: "前文：\(earlierSpent.label) \(earlierSpent.text)")]))
        }
        // One project's budget above the budget of all projects.
        guard let totalIndex = pairs.first(where: { all[$0.budget].label.containsText("项目支出") })?.budget else { return }
        let total = all[totalIndex]
        for index in claims where all[index].line != total.line && all[index].measure.isBudget && all[index].label.containsText("该项目") && all[index].value > total.value + tolerance {
            let claim = all[index]
            reading.findings.append(Diagnostic(
                code: "N515", severity: .warning, range: claim.range,
                message: "一个项目的预算 \(claim.text) 万元大于项目支出预算总数 \(total.text) 万元",
                related: [RelatedLocation(range: total.range, message: "\(total.label) \(total.text)")]))
        }
    }

    static let fundNames = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算"]

    static func withoutFundNames(_ label: String) -> String {
        guard label.utf8Contains("预算") else { return label }
        var words = label
        for fund in fundNames where words.utf8Contains(fund) { words = words.utf8Replacing(fund, with: "") }
        return words
    }

    static func isBudget(_ label: SearchedText) -> Bool {
        label.contains("预算") && !label.contains("执行") && !label.contains("支出总")
    }

    static func isSpending(_ label: SearchedText) -> Bool {
        label.contains("支出") && !label.contains("预算")
    }
}
