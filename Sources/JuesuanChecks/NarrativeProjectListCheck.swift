import JuesuanModel
import JuesuanSyntax

/// N514 (warning, domain-rules N-16, §7 S4-4): a sentence that counts the projects (`共 9 个项目`)
/// and may give their budget (`预算金额 4949.74 万元`), followed at once by a numbered list of
/// them (`1、…0.9 万元；` `2、…40 万元；`). The list should have as many items as the count and
/// its first amounts should add up to the stated budget.
enum NarrativeProjectListCheck: ReportCheck {
    static let rules = [Rule("N514", .warning, "说明中列出的项目个数或金额之和与所述项目数、预算金额不符")]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let text = context.hygieneText
        let tolerance = context.report.header.tolerance
        var findings: [Diagnostic] = []
        for (index, span) in text.spans.enumerated() where span.kind == .prose {
            guard let count = statedCount(span) else { continue }
            // The numbered lines right after it, 1、2、3…
            var items: [(span: TextSpan, amount: (DecimalNumber, Int, Int)?)] = []
            var next = index + 1
            while next < text.spans.count, text.spans[next].kind == .prose, text.spans[next].block == span.block,
                  let number = ordinal(text.spans[next]), number == items.count + 1 {
                items.append((text.spans[next], firstAmount(text.spans[next])))
                next += 1
            }
            guard items.count >= 2 else { continue }
            if items.count != count.value {
                findings.append(Diagnostic(code: "N514", severity: .warning, range: span.range(count.start, count.end),
                                           message: "写的是共 \(count.value) 个项目，下面逐项列出的是 \(items.count) 个，两处不一致",
                                           related: [RelatedLocation(range: items.last!.span.range(0, min(2, items.last!.span.count)), message: "列出的第 \(items.count) 项")]))
            }
            if let budget = statedBudget(span), items.allSatisfy({ $0.amount != nil }) {
                let amounts = items.map { $0.amount!.0 }
                let sum = amounts.reduce(DecimalNumber.zero, +)
                if (sum - budget.value).magnitude > tolerance * DecimalNumber(amounts.count + 1) {
                    findings.append(Diagnostic(code: "N514", severity: .warning, range: span.range(budget.start, budget.end),
                                               message: "写的预算金额为 \(budget.value)，下面列出的 \(amounts.count) 个项目金额之和为 \(sum)，差额 \(CheckContext.signed(budget.value - sum, scale: max(sum.scale, budget.value.scale)))",
                                               related: items.compactMap { item in item.amount.map { RelatedLocation(range: item.span.range($0.1, $0.2), message: "\($0.0)") } }))
                }
            }
            if let spending = statedSpending(span) {
                // What the items say was spent: at least this much.
                let spent = items.compactMap { item in item.amount.flatMap { spentAtLeast(item.span, amount: $0) } }
                let floor = spent.map(\.value).reduce(DecimalNumber.zero, +)
                if !spent.isEmpty, floor - spending.value > tolerance * DecimalNumber(spent.count + 1) {
                    findings.append(Diagnostic(code: "N514", severity: .warning, range: span.range(spending.start, spending.end),
                                               message: "写的支出为 \(spending.value) 万元，下面逐项写明已支出（已全部支出、支出或已上缴）的 \(spent.count) 个项目合计 \(floor) 万元，已超过所写支出，差额 \(CheckContext.signed(spending.value - floor, scale: max(floor.scale, spending.value.scale)))",
                                               related: spent.map { RelatedLocation(range: $0.span.range($0.start, $0.end), message: "已支出 \($0.value)") }))
                }
            }
        }
        return findings
    }

    /// Words asked at every scalar, made once (not an array per scalar).
    static let notSpendingWords = ["预算", "计划", "基本", "人员", "公用", "该项目"]
    static let totalWords = ["合计为", "总额为", "合计", "总额", "共计", "为", "共"]
    static let spendingVerbs = ["已支出", "支出", "已使用", "使用", "已上缴", "上缴"]

    /// `支出 4700.96 万元` in the count's line: the spending of the listed projects. Not a
    /// budget (`预算支出`, `计划支出`), not basic spending, not one project's (`该项目支出`).
    static func statedSpending(_ span: TextSpan) -> (value: DecimalNumber, start: Int, end: Int)? {
        var found: (DecimalNumber, Int, Int)?
        for i in 0..<span.count where span.has("支出", at: i) && span.hasAny(notSpendingWords, endingAt: i) == nil {
            var k = span.skipBlanks(from: i + 2)
            if let word = span.hasAny(totalWords, at: k) { k = span.skipBlanks(from: k + word.unicodeScalars.count) }
            guard ProseText.isDigit(span[k]), let (value, end) = ScorecardProseCheck.number(span, at: k),
                  span.has("万元", at: span.skipBlanks(from: end)) else { continue }
            if found != nil { return nil }  // two spending figures: which is the list's is not certain
            found = (value, k, end)
        }
        return found
    }

    /// What one item says it spent, as a floor: its amount when `已全部支出` (or 全部使用,
    /// 支出完毕…), else the largest figure written as `支出 X 万元`, `已使用 X 万元` or `已上缴 X 万元`
    /// — a payment passed on, as item 7 of seed 004 counts its 上缴 within 已全部支出 — but not in a
    /// clause about a balance returned (结余, 剩余, 收回, 退回, 国库, 上缴财政…). Nil when the item says
    /// neither, or says nothing was spent or received (未支出, 未拨付).
    static func spentAtLeast(_ span: TextSpan, amount: (DecimalNumber, Int, Int)) -> (span: TextSpan, value: DecimalNumber, start: Int, end: Int)? {
        let rest = amount.2
        if span.containsAny(["未支出", "未使用", "尚未支出", "未拨付", "未到位"], from: rest, to: span.count) { return nil }
        if span.containsAny(["已全部支出", "全部支出", "全额支出", "全部使用", "支出完毕", "使用完毕", "已全部使用"], from: rest, to: span.count) {
            return (span, amount.0, amount.1, amount.2)
        }
        var best: (DecimalNumber, Int, Int)?
        for i in rest..<span.count {
            guard let verb = span.hasAny(spendingVerbs, at: i) else { continue }
            var k = span.skipBlanks(from: i + verb.unicodeScalars.count)
            if span.has("了", at: k) { k = span.skipBlanks(from: k + 1) }
            guard ProseText.isDigit(span[k]), let (value, end) = ScorecardProseCheck.number(span, at: k),
                  span.has("万元", at: span.skipBlanks(from: end)) else { continue }
            let clause = (span.clauseStart(i), span.clauseEnd(end))
            if span.containsAny(["结余", "剩余", "余额", "收回", "退回", "退还", "国库", "上缴财政", "未使用", "未用"], from: clause.0, to: clause.1) { continue }
            if best == nil || value > best!.0 { best = (value, k, end) }
        }
        return best.map { (span, $0.0, $0.1, $0.2) }
    }

    /// `共`, which a count of projects follows: looked for in one pass (issue 15).
    static let totalMark: ScalarSet = ["共"]

    /// `共 9 个项目` (the last in the line), else `项目共 9 个`.
    static func statedCount(_ span: TextSpan) -> (value: Int, start: Int, end: Int)? {
        var found: (Int, Int, Int)?
        for i in span.indices(of: Self.totalMark) {
            let k = span.skipBlanks(from: i + 1)
            guard let (value, end) = ScorecardProseCheck.number(span, at: k), value.scale == 0, let n = Int(value.description) else { continue }
            let after = span.skipBlanks(from: end)
            if span.has("个项目", at: after) || span.has("项项目", at: after) { found = (n, k, end) }
            else if found == nil, span.has("项目", endingAt: i), span.has("个", at: after) { found = (n, k, end) }
        }
        return found
    }

    /// `预算金额 4949.74 万元` / `预算金额为…`.
    static func statedBudget(_ span: TextSpan) -> (value: DecimalNumber, start: Int, end: Int)? {
        for i in 0..<span.count where span.has("预算金额", at: i) || span.has("预算总金额", at: i) {
            var k = span.skipBlanks(from: i + (span.has("预算金额", at: i) ? 4 : 5))
            if span.has("为", at: k) || span.has("共", at: k) { k = span.skipBlanks(from: k + 1) }
            if let (value, end) = ScorecardProseCheck.number(span, at: k), span.has("万元", at: span.skipBlanks(from: end)) { return (value, k, end) }
        }
        return nil
    }

    /// The number of a line that starts `1、` / `2.` / `3．`.
    static func ordinal(_ span: TextSpan) -> Int? {
        let start = span.skipBlanks(from: 0)
        var k = start
        while let s = span[k], ProseText.isDigit(s) { k += 1 }
        guard k > start, k - start <= 2, let mark = span[k], mark == "、" || mark == "．" || (mark == "." && !(span[k + 1].map(ProseText.isDigit) ?? false)) else { return nil }
        return Int(span.string(start, k))
    }

    /// The first `N 万元` of an item line, after its ordinal.
    static func firstAmount(_ span: TextSpan) -> (DecimalNumber, Int, Int)? {
        var i = span.skipBlanks(from: 0)
        while let s = span[i], ProseText.isDigit(s) { i += 1 }
        while i < span.count {
            if let s = span[i], ProseText.isDigit(s), !(span[i - 1].map { ProseText.isDigit($0) || $0 == "." } ?? false),
               let (value, end) = ScorecardProseCheck.number(span, at: i) {
                if span.has("万元", at: span.skipBlanks(from: end)) { return (value, i, end) }
                i = end
                continue
            }
            i += 1
        }
        return nil
    }
}
