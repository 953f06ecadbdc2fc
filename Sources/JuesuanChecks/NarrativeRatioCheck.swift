import JuesuanModel
import JuesuanSyntax

/// N522: this year's amount as a ratio of last year's (`是上年的107.42%`, `相当于上年52.34万元的
/// 101.55%`, `决算数为上年（4.77万元）的86.79%`, `本年项目支出为上年的1.21倍`) is this year's amount ÷
/// last year's. Last year's is the amount written in the ratio's words, or the nearest of last
/// year's before it in its sentence; this year's is the amount of what the ratio names (written
/// before it in its paragraph, else printed in the tables), or, when it names nothing, the
/// nearest of this year's before last year's in the paragraph.
enum NarrativeRatioCheck {
    static let rules = [Rule("N522", .error, "“是上年的x%”“为上年的x倍” ≠ 本年数 ÷ 上年数")]

    static func run(_ reading: inout ProseReading) {
        for index in reading.claims.indices {
            // Most claims are no percentage nor a bare number: the fields are read in place.
            let unit = reading.claims[index].unit
            let times = unit == nil && reading.claims[index].followingWords.utf8HasPrefix("倍")
            guard unit == .percent || times, !reading.claims[index].isApproximate else { continue }
            if let base = base(of: index, reading.claims) {
                judge(index, base: base, times: times, &reading)
            } else if wordsBeforeRatio(reading.claims[index].label) != nil {
                fromChange(index, times: times, &reading)
            }
        }
    }

    /// `本年收入合计2250.90万元，比上年增加98.86万元，同比增长4.59%，为上年的104.59%`: last year's
    /// amount is this year's less the change stated before the ratio in its sentence.
    static func fromChange(_ index: Int, times: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        var change: Int?
        var k = index - 1
        while k >= 0, index - k <= 20, claims[k].sentence == claims[index].sentence, claims[k].paragraph == claims[index].paragraph {
            if case .changeAmount = claims[k].kind, claims[k].depth == claims[index].depth { change = k; break }
            // (Past a share or another ratio: the change is then of something else.)
            if claims[k].unit == .percent, !claims[k].kind.isChange { return }
            k -= 1
        }
        guard let change, case .changeAmount(let increase) = claims[change].kind, !reading.contradicted.contains(change),
              let unit = claims[change].moneyUnit else { return }
        // This year's: the nearest amount before the change in the sentence, at the ratio's depth.
        var current: Operand?
        if let k = nearest(before: change, claims, while: { claims[$0].sentence == claims[index].sentence && claims[$0].paragraph == claims[index].paragraph },
                           where: { isThisYearsAmount($0, claims) && claims[$0].depth == claims[index].depth }) {
            guard !reading.contradicted.contains(k) else { return }
            current = reading.operand(k, in: unit)
        } else if let named = claims[change].quantity, named.isKnown {
            // `人员经费比上年增加34.13万元，…为上年的104.94%`: of what the change names, written before
            // in the paragraph, else printed in the tables (the first of its figures).
            if let k = nearest(before: change, claims, while: { change - $0 <= 40 && claims[$0].paragraph == claims[index].paragraph },
                               where: { isThisYearsAmount($0, claims) && claims[$0].quantity.map { ProseReading.same($0, named) } == true }) {
                if !reading.contradicted.contains(k) { current = reading.operand(k, in: unit) }
            } else if let figure = reading.tableFigures(named, sentence: reading.context(of: index)).first {
                current = reading.operand(figure, in: unit)
            }
        }
        guard let current else { return }
        let difference = reading.operand(change)
        let previous = Operand(value: increase ? current.value - difference.value : current.value + difference.value,
                               strict: increase ? current.strict - difference.strict : current.strict + difference.strict,
                               lax: increase ? current.lax - difference.lax : current.lax + difference.lax,
                               name: "上年 \(current.value) \(increase ? "−" : "+") \(difference.value)", range: claims[change].range)
        guard previous.value.mantissa > 0, !previous.lax.lower.isNegative, !previous.lax.lower.isZero else { return }
        report(index, currents: [current], previous: previous, previousText: "\(previous.value)（本年 − 增减额）", times: times, &reading)
    }

    /// Last year's amount a ratio is of, when the ratio's words say it is one.
    static func base(of index: Int, _ claims: [Claim]) -> Int? {
        let claim = claims[index]
        // `是上年的107.42%`, `本年项目支出为上年的1.21倍`: the ratio's own words end on last year.
        if let words = wordsBeforeRatio(claim.label) {
            let subject = subject(of: index, words: words, claims)
            var k = index - 1
            while k >= 0, index - k <= 20, claims[k].paragraph == claim.paragraph, claims[k].sentence == claim.sentence {
                // (Not last year's amount of another in a bracket: `A100万元（上年80万元），B50万元，是上年的…`.)
                if claims[k].isPlainAmount, claims[k].period == .previous, !claims[k].measure.isBudget, claims[k].depth <= claim.depth,
                   subject.map({ subject in claims[k].quantity.map { ProseReading.same($0, subject) } ?? false }) ?? true { return k }
                k -= 1
            }
            return nil
        }
        // `相当于上年52.34万元的101.55%`, `为上年（4.77万元）的86.79%`: last year's amount in the words,
        // the ratio right after it.
        guard index > 0, claim.label == "的", claims[index - 1].paragraph == claim.paragraph, claims[index - 1].sentence == claim.sentence,
              claims[index - 1].isPlainAmount, claims[index - 1].period == .previous else { return nil }
        let before = claims[index - 1]
        if before.depth == claim.depth, wordsBeforeRatio(before.label + "的") != nil { return index - 1 }
        if before.depth == claim.depth + 1, before.label.isEmpty, before.sentencePrefix.utf8HasSuffix("（") || before.sentencePrefix.utf8HasSuffix("("),
           wordsBeforeRatio(String(before.sentencePrefix.unicodeScalars.dropLast()) + "的") != nil { return index - 1 }
        return nil
    }

    /// What a ratio is of, when it names it: the figure's quantity, or the known name its words
    /// hold before the ratio's (`一般公共服务支出是上年的` → 一般公共服务支出).
    static func subject(of index: Int, words: Substring, _ claims: [Claim]) -> Quantity? {
        if let quantity = claims[index].quantity, quantity.isKnown { return quantity }
        var name = words
        for word in ["本年度", "本年", "今年", "全年"] where name.utf8HasPrefix(word) { name = name.dropFirst(word.count); break }
        guard name.count >= 2, let quantity = QuantityNames.namedWhole(by: String(name)), quantity.isKnown else { return nil }
        return quantity
    }

    /// The words before a copula and last year that words end on (`基本支出是上年的` → 基本支出,
    /// `相当于上年度决算数的` → ``, `为2023年的`), or nil when they do not end so.
    static func wordsBeforeRatio(_ words: String) -> Substring? {
        guard words.utf8HasSuffix("的") else { return nil }
        var rest = Substring(words).dropLast()
        for measure in ["决算数", "决算", "支出数", "同期数", "同期"] where rest.utf8HasSuffix(measure) { rest = rest.dropLast(measure.count); break }
        guard let year = previousYearWords.first(where: { rest.utf8HasSuffix($0) }) ?? fourDigitYear(rest) else { return nil }
        rest = rest.dropLast(year.count)
        guard let copula = copulas.first(where: { rest.utf8HasSuffix($0) }) else { return nil }
        return rest.dropLast(copula.count)
    }

    static let previousYearWords = ["上年度", "上一年度", "上一年", "上年", "去年"]
    static let copulas = ["是", "为", "相当于", "达到", "达"]

    /// `2023年`, `2023年度` at the end of `words` (which year is not asked: a ratio is of an earlier one).
    static func fourDigitYear(_ words: Substring) -> String? {
        for tail in ["年度", "年"] where words.utf8HasSuffix(tail) {
            let digits = words.dropLast(tail.count).suffix(4)
            if digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return String(digits) + tail }
        }
        return nil
    }

    static func judge(_ index: Int, base: Int, times: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        guard claims[base].value.mantissa > 0, !reading.contradicted.contains(base), let unit = claims[base].moneyUnit else { return }
        let previous = reading.operand(base)
        // This year's: of what the ratio names, or what last year's amount names; of nothing
        // named, the nearest of this year's in the sentence.
        let named = wordsBeforeRatio(claims[index].label).flatMap { subject(of: index, words: $0, claims) }
            // (Its own name only: a topic the reader lent it may be another's, `基本支出415.41万元，为上年（400.00万元）的…`.)
            ?? claims[base].quantity.flatMap { $0.isKnown && (claims[base].quantitySource == .ownClause || claims[base].quantitySource == .respectively) ? $0 : nil }
        var currents: [Operand] = []
        if let k = nearest(before: index, claims, while: { k in index - k <= 40 && claims[k].paragraph == claims[index].paragraph && (named != nil || claims[k].sentence == claims[index].sentence) },
                           where: { k in k != base && isThisYearsAmount(k, claims) && claims[k].depth <= claims[index].depth
                                    && named.map { named in claims[k].quantity.map { ProseReading.same($0, named) } ?? false } ?? true }),
           !reading.contradicted.contains(k), let operand = reading.operand(k, in: unit) {
            currents = [operand]
        }
        if currents.isEmpty, let named {
            currents = reading.tableFigures(named, sentence: reading.context(of: index)).map { reading.operand($0, in: unit) }
        }
        report(index, currents: currents, previous: previous, previousText: claims[base].text, times: times, &reading)
    }

    /// A plain amount of this year: no budget, echo or amount per head.
    static func isThisYearsAmount(_ k: Int, _ claims: [Claim]) -> Bool {
        claims[k].isPlainAmount && claims[k].period == .current && !claims[k].measure.isBudget && !claims[k].isEcho && claims[k].averageMark == nil
    }

    /// The nearest claim before `start` that passes `test`, going back while `within` holds.
    static func nearest(before start: Int, _ claims: [Claim], while within: (Int) -> Bool, where test: (Int) -> Bool) -> Int? {
        var k = start - 1
        while k >= 0, within(k) {
            if test(k) { return k }
            k -= 1
        }
        return nil
    }

    /// Reports the ratio unless one of this year's candidate amounts (the first reported) makes it
    /// within what the amounts' rounding allows.
    static func report(_ index: Int, currents: [Operand], previous: Operand, previousText: String, times: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        let factor = times ? DecimalNumber(1) : ProseReading.hundred
        let target = Interval.written(claims[index].value)
        guard let current = currents.first, !currents.contains(where: { current in
            ProseReading.verdict { Interval.quotientMayLie(numerator: current[keyPath: $0], denominator: previous[keyPath: $0], factor: factor, in: target) } != .fails
        }) else { return }
        let scale = max(claims[index].value.scale, 2)
        guard let expected = (current.value * factor).divided(by: previous.value, scale: scale) else { return }
        let sign = times ? "倍" : "%"
        reading.report("N522", .error, on: claims[index].range,
                       "本年 \(current.name) ÷ 上年 \(previousText) = \(expected)\(sign)，说明中写的是 \(claims[index].text)\(sign)，差 \(CheckContext.signed(claims[index].value - expected, scale: scale))",
                       fix: Fix(title: "改为 \(expected)", edits: [TextEdit(range: claims[index].range, replacement: expected.description)], isSafe: false),
                       related: [RelatedLocation(range: current.range, message: "本年 \(current.name)"),
                                 RelatedLocation(range: previous.range, message: "上年 \(previousText)")])
    }
}
