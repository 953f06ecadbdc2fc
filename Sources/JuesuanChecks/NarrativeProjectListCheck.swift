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
        }
        return findings
    }

    /// `共 9 个项目` (the last in the line), else `项目共 9 个`.
    static func statedCount(_ span: TextSpan) -> (value: Int, start: Int, end: Int)? {
        var found: (Int, Int, Int)?
        for i in 0..<span.count where span.has("共", at: i) {
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
