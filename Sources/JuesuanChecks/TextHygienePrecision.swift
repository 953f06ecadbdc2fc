import JuesuanModel
import JuesuanSyntax

/// T806 (hint): a figure written with fewer decimals than the rest of the report's figures of
/// its kind (`478.3万元` among amounts written to the cent, `8.8%` among `87.02%`).
///
/// Over the prose of all `说明` blocks (not lines with two or more tabs: a pasted table), the figures with a decimal point are counted per kind
/// (万元, 元, 亿元, 千元, %); when one precision holds at least 80% of a kind and at least 5
/// figures, a figure of that kind with fewer decimals is flagged. Whole numbers (budgets
/// such as `40 万元`, `100%`) are no statement of precision and are neither counted nor
/// flagged; a figure with more decimals (`26.005 万元`, exact to the 元) is not flagged either:
/// it loses nothing, and rounding it would break its agreement with the 绩效 table. Nor is a
/// figure written as a `绩效` block writes it (`人均能耗同比下降2.3%` of an indicator whose 实际
/// is `2.3`): it is quoted at the precision it was measured to, not computed.
enum PrecisionRule {
    static let minimumCount = 5
    static let minimumShare = 0.8

    struct Figure {
        var span: Int
        var number: WrittenNumber
        var kind: String
    }

    static func run(_ text: HygieneText) -> [Diagnostic] {
        var figures: [Figure] = []
        for (index, span) in text.spans.enumerated() where span.kind == .prose && !span.looksLikeTable {
            for number in span.numbers where number.scale > 0 {
                if let kind = kind(after: number, in: span) { figures.append(Figure(span: index, number: number, kind: kind)) }
            }
        }
        var findings: [Diagnostic] = []
        var quoted: Set<String>?
        for (kind, group) in Dictionary(grouping: figures, by: \.kind) {
            let counts = Dictionary(grouping: group, by: \.number.scale).mapValues(\.count)
            guard let (dominant, count) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }),
                  count >= minimumCount, Double(count) >= minimumShare * Double(group.count) else { continue }
            let what = kind == "%" ? "百分比" : "以\(kind)为单位的金额"
            for figure in group where figure.number.scale < dominant {
                let span = text.spans[figure.span]
                let written = span.written(figure.number.start, figure.number.end)
                if quoted == nil { quoted = performanceValues(text.report) }
                if quoted!.contains(written) { continue }
                findings.append(Diagnostic(
                    code: "T806", severity: .hint, range: span.range(figure.number.start, figure.number.end),
                    message: "“\(written)”只写到 \(figure.number.scale) 位小数，而本报告的\(what)通常写到 \(dominant) 位小数（\(group.count) 处中有 \(count) 处）；请核对并统一写到 \(dominant) 位小数"))
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// Every number the report's `绩效` blocks write (keys' values and fields' values), without
    /// a `%` after it; made only when there is a figure to flag.
    static func performanceValues(_ report: Report) -> Set<String> {
        var values: Set<String> = []
        for block in report.syntax.performances {
            for item in block.items {
                for token in item.values + item.fields.flatMap(\.values) {
                    var text = token.text
                    while text.hasSuffix("%") || text.hasSuffix("％") { text.removeLast() }
                    if !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) { values.insert(text) }
                }
            }
        }
        return values
    }

    /// The unit right after a figure: `万元`, `万` (not `万人`), `亿元`, `千元`, `元`, `%`.
    static func kind(after number: WrittenNumber, in span: TextSpan) -> String? {
        var k = number.end
        while let s = span[k], s == " " || s == "\u{3000}" { k += 1 }
        if span[k] == "%" || span[k] == "％" { return "%" }
        for unit in ["万元", "亿元", "千元", "元"] where span.has(unit, at: k) { return unit }
        for (prefix, unit) in [("万", "万元"), ("亿", "亿元")] where span.has(prefix, at: k) {
            if let next = span[k + 1], Scalars.isHan(next) { return nil } // 万人, 万户
            return unit
        }
        return nil
    }
}
