import JuesuanModel
import JuesuanSyntax

/// T805: an amount with no unit where one is expected (`支出决算数为1066.43，`): a decimal
/// figure written right after a word that introduces an amount or a rate (为, 是, 合计, 支出,
/// 占, 增长… — blanks and a colon between allowed, a tab not: that is a pasted table) and
/// followed by a clause mark (，。；) or the end of the paragraph, with no unit between, in a
/// clause about money (支出, 收入, 经费, 预算…) or a rate (率, 占, 增长…: the unit is %). A
/// line that ends with the figure is read on into the next prose line (`…为1.60` / `万元…`).
/// Whole numbers (years, counts, codes) and scores (得分, 分值) are not amounts here; a figure
/// in a list with a shared unit (`分别为1.20、3.40万元`) is followed by `、`, not flagged.
enum MissingUnitRule {
    static let amountWords = ["为", "是", "合计", "总计", "小计", "共计", "累计", "收入", "支出", "经费", "资金", "金额", "预算", "决算",
                              "结余", "结转", "达到", "达", "占", "增加", "减少", "增长", "下降", "降低"]
    static let amountWordList = WordList(amountWords)
    static let moneyWords = ["支出", "收入", "经费", "资金", "金额", "预算", "决算", "结余", "结转", "费", "拨款", "成本", "款", "资产",
                             "合计", "总计", "总额", "增加", "减少"]
    static let rateWords = ["率", "占", "比重", "比例", "增长", "下降", "降低", "百分比"]
    static let scoreWords = ["得分", "评分", "分值", "总分", "分数", "打分"]
    static let clauseMarks: ScalarSet = ["，", ",", "。", "；", ";"]

    static func run(_ text: HygieneText) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let moneyUnit = text.report.header.unit.rawValue
        for (index, span) in text.spans.enumerated() where span.isFreeText || span.kind == .performanceReason {
            for number in span.numbers where number.scale > 0 {
                var before = number.start
                while let s = span[before - 1], s == " " || s == "\u{3000}" || s == "：" || s == ":" { before -= 1 }
                guard before > 0, span.hasAny(amountWordList, endingAt: before) != nil else { continue }
                let after = span.skipBlanks(from: number.end)
                if after < span.count {
                    guard let next = span[after], clauseMarks.contains(next) else { continue }
                    if next == ",", let digit = span[after + 1], ProseText.isDigit(digit) { continue }
                } else if let next = text.continuation(of: index) {
                    // The paragraph goes on in the next line: a unit may start it.
                    let first = next.skipBlanks(from: 0)
                    if let s = next[first], !clauseMarks.contains(s) { continue }
                }
                let clause = span.clauseStart(before)
                if span.containsAny(scoreWords, from: clause, to: number.start) { continue }
                let isRate = span.containsAny(rateWords, from: max(clause, number.start - 8), to: number.start)
                // `系数为1.2`: only money or a rate expects a unit.
                guard isRate || span.containsAny(moneyWords, from: clause, to: number.start) else { continue }
                let unit = isRate ? "%" : moneyUnit
                let written = span.written(number.start, number.end)
                let range = span.range(number.start, number.end)
                findings.append(Diagnostic(
                    code: "T805", severity: .warning, range: range,
                    message: isRate ? "“\(written)”没有写单位：这里是比率，应写作“\(written)%”"
                                    : "“\(written)”没有写单位：这里是金额，应写明单位，如“\(written)\(unit)”",
                    fix: Fix(title: "补上“\(unit)”", edits: [TextEdit(range: SourceRange(start: range.end, end: range.end), replacement: unit)], isSafe: false)))
            }
        }
        return findings
    }
}
