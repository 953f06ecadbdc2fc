import JuesuanModel
import JuesuanSyntax

/// T801: a stale year — `20xx年` / `20xx年度` naming a past year where the text speaks of
/// the report's own year (a sentence copied from an older report or template).
///
/// - A year two or more before 年度 is flagged unless the text shows why it is there: it is
///   in 《…》 or “…”, in a document name (关于…的通知, 下达…, …号), in a comparison (与/较/比…,
///   …相比/同期), in a span (2021—2025年, 十四五), a date or point in time (2019年3月,
///   2021年以来, 2021年结转的…), history (成立, 组建, 机构改革, 前身, 创办, 更名…), or its sentence also names a
///   later past year (医保中心2022年支出了2021年结转的…: a story about the past).
/// - The year just before 年度 is normal (comparisons, last year's bills, carry-overs) and is
///   flagged only where it can only mean this year: `纳入2023年度…`, `2023年度部门决算…`,
///   `截至2023年12月31日` / `年底` / `年末` in a 2024 report.
/// - Later years (plans) are never flagged.
enum StaleYearRule {
    static func run(_ text: HygieneText) -> [Diagnostic] {
        guard let year = text.year else { return [] }
        var findings: [Diagnostic] = []
        for span in text.spans where span.kind != .performanceName && span.kind != .performanceUnit {
            for mention in mentions(in: span) where mention.year < year && isStale(mention, in: span, reportYear: year) {
                let written = span.written(mention.start, mention.yearWordEnd)
                findings.append(Diagnostic(
                    code: "T801", severity: .warning, range: span.range(mention.start, mention.digitsEnd),
                    message: "“\(written)”不是本报告的年度（\(year) 年）：这里说的是本年度的情况，疑为沿用旧报告或模板的年份，应为 \(year) 年",
                    fix: Fix(title: "改为 \(year)", edits: [TextEdit(range: span.range(mention.start, mention.digitsEnd), replacement: String(year))], isSafe: false)))
            }
        }
        return findings
    }

    struct Mention {
        var year: Int
        var start: Int
        var digitsEnd: Int
        /// Just after `年` or `年度`.
        var yearWordEnd: Int
    }

    /// Every `dddd年` / `dddd 年度` (blanks allowed before 年) with a year 1990–2099.
    static func mentions(in span: TextSpan) -> [Mention] {
        var found: [Mention] = []
        for number in span.numbers where number.scale == 0 && number.end - number.start == 4 {
            let digits = span.string(number.start, number.end)
            guard let value = Int(digits), (1990...2099).contains(value) else { continue }
            let k = span.skipBlanks(from: number.end)
            guard span[k] == "年" else { continue }
            let end = span[k + 1] == "度" ? k + 2 : k + 1
            found.append(Mention(year: value, start: number.start, digitsEnd: number.end, yearWordEnd: end))
        }
        return found
    }

    /// Words right before a year that make it a comparison, a citation or a point in history.
    static let exemptBefore = ["与", "较", "比", "同比", "对比", "相比", "相较", "较之", "自", "从", "于", "早在", "下达", "关于",
                               "根据", "依据", "按照", "参照", "依照", "印发", "出台", "截至", "截止", "截止到", "截至到", "至", "到",
                               "—", "-", "－", "–", "～", "~"]
    /// Words right after `年`/`年度` that make it a span, a date or a past point in time.
    static let exemptAfter = ["以来", "起", "开始", "以前", "之前", "前", "以后", "之后", "后", "至今", "结转", "结余", "底", "末", "初",
                              "上半年", "下半年", "同期", "代", "至", "到", "—", "-", "－", "–", "～", "~"]
        // `是2022年购置的智能立体书库`: when a thing the report lists was bought or built (not
        // `2023年购置车辆…`, which may be last year's sentence left in).
        + ["购置", "购买", "购入", "采购", "建成", "建设", "竣工", "启用", "投入使用", "交付使用"].map { $0 + "的" }
    /// Words in the rest of the clause that make it a comparison or a document's name.
    static let exemptClauseAfter = ["相比", "对比", "同期", "相较", "比较", "的通知", "通知", "文件", "办法", "意见", "方案", "规定", "规划", "号"]
    /// Words in the sentence that make it history or a multi-year plan.
    static let historyWords = ["成立", "组建", "挂牌", "设立", "机构改革", "十四五", "十三五", "十五五",
                               // (`学院前身为…，2003年经批准改建为高等职业院校`: a school's history.)
                               "前身", "创办", "创建", "始建", "建校", "改建为", "更名", "升格", "合并", "并入"]
    /// Words after `截至 dddd年` that name a year's end.
    static let yearEnd = ["12月31日", "12 月 31 日", "12月末", "12月底", "底", "末"]

    static func isStale(_ mention: Mention, in span: TextSpan, reportYear: Int) -> Bool {
        let before = span.skipBlanks(before: mention.start)
        let after = span.skipBlanks(from: mention.yearWordEnd)
        if span.isQuoted(mention.start) { return false }
        // `截至2023年12月31日` / `截至2023年底` names the year-end of the figures: this year's.
        if span.hasAny(["截至", "截止", "截止到", "截至到"], endingAt: before) != nil {
            return span.hasAny(yearEnd, at: after) != nil && !comparison(mention, in: span)
        }
        if mention.year == reportYear - 1 {
            let ownYear = span.hasAny(["纳入"], endingAt: before) != nil
                || (span.has("年度", at: span.skipBlanks(from: mention.digitsEnd)) && span.hasAny(["部门决算", "本部门决算"], at: after) != nil)
            return ownYear && !comparison(mention, in: span)
        }
        if span.hasAny(exemptBefore, endingAt: before) != nil { return false }
        if span.hasAny(exemptAfter, at: after) != nil { return false }
        // A date: `2019年3月`, `2019年三月`.
        var k = after
        while let s = span[k], ProseText.isDigit(s) || "一二三四五六七八九十".unicodeScalars.contains(s) || Scalars.isBlank(s) { k += 1 }
        if k > after, span[k] == "月" { return false }
        if comparison(mention, in: span) { return false }
        let sentence = span.sentenceStart(mention.start)..<span.sentenceEnd(mention.yearWordEnd)
        if span.containsAny(historyWords, from: sentence.lowerBound, to: sentence.upperBound) { return false }
        // A sentence that also names a later past year tells a story about the past.
        let later = mentions(in: span).contains {
            $0.start >= sentence.lowerBound && $0.start < sentence.upperBound && $0.year > mention.year && $0.year < reportYear
        }
        return !later
    }

    /// `与2022年度相比`, `较2022年`, `2022年同期`, or a document's name after the year in its clause.
    static func comparison(_ mention: Mention, in span: TextSpan) -> Bool {
        let before = span.skipBlanks(before: mention.start)
        if span.hasAny(["与", "较", "比", "同比", "对比", "相比", "相较", "较之"], endingAt: before) != nil { return true }
        return span.containsAny(exemptClauseAfter, from: mention.yearWordEnd, to: span.clauseEnd(mention.yearWordEnd))
    }
}
