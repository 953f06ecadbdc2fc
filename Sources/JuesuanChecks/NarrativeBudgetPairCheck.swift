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
        let claims = reading.claims.filter { $0.isPlainAmount && !$0.isEcho && !$0.isApproximate && $0.period == .current }
        let tolerance = reading.report.header.tolerance
        // (budget, spending) pairs: a budget amount followed in its sentence by a spending amount.
        var pairs: [(budget: Claim, spent: Claim)] = []
        for (index, claim) in claims.enumerated() where isBudget(claim) && !kinds.contains(where: claim.label.contains) {
            guard index + 1 < claims.count else { continue }
            let next = claims[index + 1]
            guard next.line == claim.line, next.sentence == claim.sentence, isSpending(next) else { continue }
            pairs.append((claim, next))
        }
        for (k, later) in pairs.enumerated() {
            guard let earlier = pairs[..<k].first(where: { $0.spent.value == later.spent.value && $0.budget.line != later.budget.line }),
                  (earlier.budget.value - later.budget.value).magnitude > tolerance * DecimalNumber(2) else { continue }
            reading.findings.append(Diagnostic(
                code: "N515", severity: .warning, range: later.budget.range,
                message: "同为支出 \(later.spent.text) 万元，这里写的预算是 \(later.budget.text) 万元，前面写的是 \(earlier.budget.text) 万元，两处不一致",
                related: [RelatedLocation(range: earlier.budget.range, message: "前文：\(earlier.budget.label) \(earlier.budget.text)"),
                          RelatedLocation(range: earlier.spent.range, message: "前文：\(earlier.spent.label) \(earlier.spent.text)")]))
        }
        // One project's budget above the budget of all projects.
        guard let total = pairs.first(where: { $0.budget.label.containsText("项目支出") })?.budget else { return }
        for claim in claims where claim.line != total.line && claim.measure.isBudget && claim.label.containsText("该项目") && claim.value > total.value + tolerance {
            reading.findings.append(Diagnostic(
                code: "N515", severity: .warning, range: claim.range,
                message: "一个项目的预算 \(claim.text) 万元大于项目支出预算总数 \(total.text) 万元",
                related: [RelatedLocation(range: total.range, message: "\(total.label) \(total.text)")]))
        }
    }

    static func isBudget(_ claim: Claim) -> Bool {
        claim.label.containsText("预算") && !claim.label.containsText("执行") && !claim.label.containsText("支出总")
    }

    static func isSpending(_ claim: Claim) -> Bool {
        claim.label.containsText("支出") && !claim.label.containsText("预算")
    }
}
