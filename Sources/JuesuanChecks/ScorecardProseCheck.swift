import JuesuanModel
import JuesuanSyntax

/// P611 (warning, domain-rules SE-9): a scorecard written as prose (部门绩效管理考核评分表
/// explained item by item: `（三）、结果应用，…的，得4分；…的，得2分。该项得10分。`). An item's
/// stated score (`该项得N分`) may not exceed the most its scoring rules award; a section's
/// items may not award more or less in all than its header's `总分为N分`.
///
/// What an item can award: `最高得N分` when written; otherwise the `得N分` awards (the same
/// figure twice is one award stated for two alternative conditions, `发现问题…得4分；未发现
/// 问题…得4分`) plus every `加N分` and `×N分`. Deductions (`扣N分`) lower a score, never the maximum.
enum ScorecardProseCheck: ReportCheck {
    static let rules = [Rule("P611", .warning, "评分说明中某项得分超过其评分办法的满分，或各项满分之和不等于该部分总分")]

    static let numerals: ScalarSet = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Words asked at every scalar of an item, made once (not an array per scalar).
    static let scoreWords = ["该项得分为", "本项得分为", "该项得分", "该项得", "本项得"]
    static let extraWords = ["加", "×", "*", "\\times", "乘以"]
    /// The first scalars of every word an item is read for (`scoreWords`, 最高得, 最多得, 得, `extraWords`).
    static let itemWordFirsts = ScalarSet((scoreWords + ["最高得", "最多得", "得"] + extraWords).map { $0.unicodeScalars.first! })

    struct Item {
        var label: String
        var maximum: DecimalNumber?
        var terms: [DecimalNumber]
        var score: (value: DecimalNumber, range: SourceRange)?
    }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let text = context.hygieneText
        var findings: [Diagnostic] = []
        var index = 0
        while index < text.spans.count {
            let block = text.spans[index].block
            var header: (value: DecimalNumber, range: SourceRange)?
            var items: [Item] = []
            while index < text.spans.count, text.spans[index].block == block {
                let span = text.spans[index]
                if span.kind == .title, let total = sectionMaximum(span) { header = total }
                if span.kind == .prose { items += self.items(span) }
                index += 1
            }
            let scored = items.filter { $0.score != nil }
            guard !scored.isEmpty else { continue }
            for item in scored {
                guard let maximum = item.maximum, let score = item.score, score.value > maximum else { continue }
                let basis = item.terms.count > 1 ? item.terms.map { $0.trimmed.description }.joined(separator: " + ") + " = " : ""
                findings.append(Diagnostic(code: "P611", severity: .warning, range: score.range,
                                           message: "评分项“\(item.label)”写的是得 \(score.value.trimmed) 分，但按其评分办法最多得 \(basis)\(maximum.trimmed) 分，超出 \((score.value - maximum).trimmed) 分"))
            }
            // The section's items, when every one states its maximum, make the header's 总分.
            if let header, scored.count == items.count, items.count >= 2 {
                let maxima = items.compactMap(\.maximum)
                guard maxima.count == items.count else { continue }
                let sum = maxima.reduce(DecimalNumber.zero, +)
                if sum != header.value {
                    findings.append(Diagnostic(code: "P611", severity: .warning, range: header.range,
                                               message: "这一部分的总分写的是 \(header.value.trimmed) 分，但各项评分办法的满分之和为 \(maxima.map { $0.trimmed.description }.joined(separator: " + ")) = \(sum.trimmed) 分，差额 \(CheckContext.signed(header.value - sum, scale: 0).trimmedZeros)"))
                }
            }
        }
        return findings
    }

    /// `总分为 20 分` / `总分16分` in a section title.
    static func sectionMaximum(_ span: TextSpan) -> (value: DecimalNumber, range: SourceRange)? {
        for i in 0..<span.count where span.has("总分", at: i) && !span.has("总得分", at: i - 1) {
            var k = span.skipBlanks(from: i + 2)
            if span.has("为", at: k) { k = span.skipBlanks(from: k + 1) }
            if let (value, end) = number(span, at: k), span.has("分", at: span.skipBlanks(from: end)) {
                return (value, span.range(k, end))
            }
        }
        return nil
    }

    /// The items `（一）…（二）…` of a prose line, each with its awards and its stated score.
    static func items(_ span: TextSpan) -> [Item] {
        var starts: [(index: Int, label: Int)] = []
        var i = 0
        while i < span.count {
            if span[i] == "（", let n = span[i + 1], numerals.contains(n) {
                var k = i + 1
                while let s = span[k], numerals.contains(s) { k += 1 }
                if span[k] == "）" {
                    var label = k + 1
                    if span[label] == "、" { label += 1 }
                    starts.append((i, label))
                    i = label
                    continue
                }
            }
            i += 1
        }
        var items: [Item] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1].index : span.count
            items.append(item(span, from: start.label, to: end))
        }
        return items
    }

    static func item(_ span: TextSpan, from start: Int, to end: Int) -> Item {
        var labelEnd = start
        while labelEnd < end, let s = span[labelEnd], !Scalars.clauseEnds.contains(s), s != "、" { labelEnd += 1 }
        var item = Item(label: span.string(start, labelEnd), maximum: nil, terms: [], score: nil)
        var awards: [DecimalNumber] = []
        var extras: [DecimalNumber] = []
        var ceiling: DecimalNumber?
        var i = start
        while i < end {
            // Every word below starts with one of these: other scalars are passed at once.
            guard let scalar = span[i], itemWordFirsts.contains(scalar) else { i += 1; continue }
            // The stated score: 该项得N分 / 该项得分为N分 / 本项得N分.
            if let word = span.hasAny(scoreWords, at: i) {
                var k = span.skipBlanks(from: i + word.unicodeScalars.count)
                if span.has("为", at: k) { k = span.skipBlanks(from: k + 1) }
                if let (value, numberEnd) = number(span, at: k), span.has("分", at: span.skipBlanks(from: numberEnd)) {
                    item.score = (value, span.range(k, numberEnd))
                    i = numberEnd
                    continue
                }
            }
            if span.has("最高得", at: i) || span.has("最多得", at: i), let (value, numberEnd) = points(span, at: i + 3) {
                ceiling = value
                i = numberEnd
                continue
            }
            if span.has("得", at: i), !span.has("得分", at: i), let (value, numberEnd) = points(span, at: i + 1) {
                if !awards.contains(value) { awards.append(value) }
                i = numberEnd
                continue
            }
            if let word = span.hasAny(extraWords, at: i), let (value, numberEnd) = points(span, at: i + word.unicodeScalars.count) {
                extras.append(value)
                i = numberEnd
                continue
            }
            i += 1
        }
        item.terms = ceiling.map { [$0] } ?? awards + extras
        item.maximum = ceiling ?? (item.terms.isEmpty ? nil : item.terms.reduce(DecimalNumber.zero, +))
        return item
    }

    /// `N分` at `i` (blanks allowed): the value and where the number ends.
    static func points(_ span: TextSpan, at i: Int) -> (DecimalNumber, Int)? {
        let k = span.skipBlanks(from: i)
        guard let (value, end) = number(span, at: k), span.has("分", at: span.skipBlanks(from: end)) else { return nil }
        return (value, end)
    }

    static func number(_ span: TextSpan, at i: Int) -> (DecimalNumber, Int)? {
        var k = i
        while let s = span[k], ProseText.isDigit(s) || (s == "." && k > i) { k += 1 }
        guard k > i, let value = DecimalNumber(Substring(span.string(i, k))) else { return nil }
        return (value, k)
    }
}
