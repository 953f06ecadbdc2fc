import JuesuanModel
import JuesuanSyntax

/// N503: changes. `比上年增加A万元，增长r%` (previous = current ∓ A, r = A ÷ previous), the
/// direction words, `与预算相比减少X` (X = budget − actual), and `无变化 / 持平` (no difference).
enum NarrativeChangeCheck {
    static func run(_ reading: inout ProseReading) {
        for index in reading.claims.indices where !reading.claims[index].isEcho {
            switch reading.claims[index].kind {
            case .changeAmount(let increase): changeAmount(index, increase: increase, &reading)
            case .changeRate(let increase): rate(index, increase: increase, &reading)
            case .budgetDifference(let increase): budgetDifference(index, increase: increase, &reading)
            case .pointChange(let increase): pointChange(index, increase: increase, &reading)
            default: break
            }
        }
        for statement in reading.prose.statements { noChange(statement, &reading) }
    }

    /// The claims of the sentence before `index`, nearest first.
    static func sentenceBefore(_ index: Int, _ reading: ProseReading) -> [Int] {
        let claim = reading.claims[index]
        var result: [Int] = []
        var k = index - 1
        while k >= 0, index - k <= 60, reading.claims[k].paragraph == claim.paragraph, reading.claims[k].sentence == claim.sentence {
            result.append(k)
            k -= 1
        }
        return result
    }

    /// What a figure may be about, nearest first: in a respectively run its own item (`基本支出A万元、
    /// 项目支出B万元，分别比上年增加a万元和b万元`: a is A's change), nothing when the run is not
    /// paired; otherwise the claims of the sentence before it.
    static func about(_ index: Int, _ reading: ProseReading) -> [Int] {
        let claim = reading.claims[index]
        if claim.isInRespectivelyRun { return claim.respectivelyOf.map { [$0] } ?? [] }
        return sentenceBefore(index, reading)
    }

    /// The amount a change is of: the nearest this-year amount before it at its depth, else the
    /// subject of the sentence before (`…支出5.60万元。比上年增加…`).
    static func current(before change: Int, _ reading: ProseReading) -> Int? {
        let claims = reading.claims
        var amounts = about(change, reading).filter { claims[$0].isPlainAmount && claims[$0].depth == claims[change].depth }
        // `一般公共预算财政拨款收入1386.45万元，占…的99.77%（同比增加92.59万元，增长7.16%）`: a change
        // alone in a bracket is of the amount outside it.
        if amounts.isEmpty, claims[change].depth > 0 {
            amounts = about(change, reading).filter { claims[$0].isPlainAmount && claims[$0].depth == claims[change].depth - 1 }
        }
        // `其中，A较2023年度的3,015.60万元增加270.80万元…；城乡医疗救助较2023年度增加164.31万元`: a
        // change that names its own amount is not of a figure before a `；`.
        // (Also when no table prints what it names: it is still not the figure before.)
        if let named = claims[change].quantity, claims[change].quantitySource == .ownClause, !claims[change].isInRespectivelyRun,
           named.isKnown || namesSubject(claims[change].label) {
            amounts = amounts.filter { !separatedBySemicolon($0, change, claims) }
            // `人员经费277.95万元，公用经费34.70万元，人员经费比上年增加13.07万元`: not of another
            // known item written between.
            if named.isKnown {
                amounts = amounts.filter { k in claims[k].quantity.map { !$0.isKnown || ProseReading.same($0, named) } ?? true }
            }
            if amounts.isEmpty { return named.isKnown ? latestActual(of: named, before: change, reading, reachingSection: true) : nil }
        }
        // `公用经费包括商品和服务支出93.11万元和资本性支出3.80万元，比上年增加3.53万元`: after the
        // parts of a whole named with no figure, a change naming nothing is the whole's (its amount
        // written before, else not judged), not the last part's.
        if amounts.count >= 2, !namesSubject(claims[change].label), let whole = wholeNamedBeforeParts(of: change, claims),
           !amounts.contains(where: { claims[$0].quantity.map { ProseReading.same($0, whole) } ?? false }) {
            return latestActual(of: whole, before: change, reading, reachingSection: true)
        }
        // `基本支出502.86万元，人员经费和公用经费分别为439.66万元和63.20万元，较上年增加15.94万元`: after
        // a respectively run of the parts of the amount before it, a change naming nothing is that
        // whole's; after another run, it may be the last item's or the sentence's: not judged.
        if amounts.count >= 2, !namesSubject(claims[change].label), claims[change].quantity?.isKnown != true, !claims[change].isInRespectivelyRun,
           claims[amounts[0]].quantitySource == .respectively, claims[amounts[1]].quantitySource == .respectively,
           // (Not one figure read twice: `收入支出总计3,826.80万元，较上年增加…`.)
           claims[amounts[0]].range != claims[amounts[1]].range {
            let run = amounts.prefix { claims[$0].quantitySource == .respectively }
            guard let whole = amounts.dropFirst(run.count).first, let wholeName = claims[whole].quantity?.name,
                  run.allSatisfy({ claims[$0].quantity.map { Identities.ancestors(of: $0.name).contains(wholeName) } ?? false }) else { return nil }
            return whole
        }
        // `支出25.30万元，完成全年预算38.00万元的66.58%，较上年减少4.70万元`: the budget a completion is
        // measured against is not what changed; a budget alone in its sentence is.
        if let k = amounts.first(where: { !claims[$0].measure.isBudget }) { return k }
        // (Not when the sentence measures an actual against those budgets: `年初预算为A万元，调整预算为
        // B万元，支出决算占调整预算的94.70%；…比上年增加C万元` changed the actual it does not write.)
        if let k = amounts.first, !about(change, reading).contains(where: { if case .completion = claims[$0].kind { true } else { false } }) { return k }
        if !amounts.isEmpty { return nil }
        if claims[change].isInRespectivelyRun { return nil }
        // `收、支总计均为4,181.00万元。其中：本年收入…。与上年相比，收、支总计各减少219.00万元`: a
        // change that names its quantity is of that quantity's amount written before it.
        if let named = claims[change].quantity, named.isKnown, let latest = latestActual(of: named, before: change, reading, reachingSection: true) { return latest }
        // `财政拨款收入总计A万元，支出总额A万元。…收支总计各增加…`: a change written once for two
        // quantities (its claims side by side, one range) is of either's amount written before.
        for twin in max(0, change - 3)..<min(claims.count, change + 4) where twin != change && claims[twin].range == claims[change].range {
            if let named = claims[twin].quantity, named.isKnown, let latest = latestActual(of: named, before: change, reading) { return latest }
        }
        // `事业收入全部为…委托检验收入，同比增加8.74万元`: a sentence opened by what changed is of
        // that amount (when written before; else of none written).
        if !namesSubject(claims[change].label), claims[change].quantity?.isKnown != true, let named = openingName(of: change, claims) {
            return latestActual(of: named, before: change, reading, reachingSection: true)
        }
        let before = amountsOfSentenceBefore(change, reading)
        // The first amount of that sentence that is this year's actual
        // (`预算16.00万元，支出决算10.00万元。…比上年度减少2.50万元`), else its first amount.
        return before.first { !claims[$0].measure.isBudget && claims[$0].period == .current } ?? before.first
            ?? subjectOfParagraphBefore(change, reading)
    }

    /// `2025年度一般公共预算财政拨款支出3417.44万元，…。⏎ 支出比上年多，主要原因是…。因此较上年
    /// 增加208.67万元`: a change with no amount before it in its paragraph is of the first amount
    /// of the paragraph before in its section, when that amount's name is known.
    static func subjectOfParagraphBefore(_ change: Int, _ reading: ProseReading) -> Int? {
        let claims = reading.claims
        let paragraph = claims[change].paragraph, section = claims[change].section
        var k = change - 1
        while k >= 0, claims[k].paragraph == paragraph {
            // (Nor when a figure before it in its sentence names a known item: `上级补助收入同比下降
            // 28.00%，减少33.60万元`, `人员经费比上年增加…，公用经费比上年增加…`.)
            if claims[k].isPlainAmount { return nil }
            if claims[k].sentence == claims[change].sentence, claims[k].quantitySource == .ownClause, claims[k].quantity?.isKnown == true { return nil }
            k -= 1
        }
        if claims[change].quantitySource == .ownClause, claims[change].quantity?.isKnown == true { return nil }
        var first: Int?
        while k >= 0, change - k <= 60, claims[k].paragraph == paragraph - 1, claims[k].section == section {
            if claims[k].isPlainAmount, !claims[k].isEcho { first = k }
            k -= 1
        }
        guard let first, claims[first].depth == 0, claims[first].period == .current, !claims[first].measure.isBudget,
              claims[first].averageMark == nil, claims[first].quantity?.isKnown == true else { return nil }
        return first
    }

    /// `政府采购支出总额86.45万元，其中：货物支出32.18万元、服务支出54.27万元，比上年减少25.85万元`:
    /// a change right after a list of two or more parts, naming nothing, may be of the whole as
    /// well as of the last part: the whole, when `part` (the amount the change was taken to be
    /// of) is such a list's last part.
    static func wholeOfList(endingWith part: Int, change: Int, _ reading: ProseReading) -> Int? {
        let claims = reading.claims
        guard let whole = claims[part].listWhole, whole < part, !claims[change].isInRespectivelyRun,
              claims[change].quantitySource != .ownClause || claims[change].quantity?.isKnown != true,
              !namesSubject(claims[change].label) || rateWords.contains(claims[change].label),
              claims[whole].paragraph == claims[change].paragraph, claims[whole].sentence == claims[change].sentence,
              claims[whole].depth == claims[change].depth, claims[whole].isPlainAmount, claims[whole].period == .current,
              !claims[whole].measure.isBudget else { return nil }
        let parts = (whole + 1..<change).filter { claims[$0].listWhole == whole }.count
        return parts >= 2 ? whole : nil
    }

    /// What changed, when the change was taken to be of `part`: the whole of the list `part`
    /// ends (`wholeOfList`), unless `partHolds` says the figure written holds of the part.
    static func whole(orPart part: Int, change: Int, _ reading: ProseReading, partHolds: (Int) -> Bool) -> Int {
        guard let whole = wholeOfList(endingWith: part, change: change, reading), !partHolds(part) else { return part }
        return whole
    }

    /// Words of a rate alone (`降幅23.02%`), naming nothing that changed.
    static let rateWords: Set<String> = ["降幅", "增幅", "减幅", "涨幅", "增长率", "下降率", "降低率"].reduce(into: []) { words, word in
        words.formUnion([word, word + "为", word + "是", word + "达"])
    }

    /// Whether a change's words name what changed before the comparison (`城乡医疗救助较2023年度增加`,
    /// not `比2023年度增加` or `增加`).
    static func namesSubject(_ label: String) -> Bool {
        // `因此较上年增加`, `同时比上年减少`: a connective names nothing.
        var label = Substring(label)
        // (Compared as bytes: the generic `hasPrefix` of a substring walks characters, and this is
        // asked of every change.)
        for connective in connectives where label.utf8HasPrefix(connective) { label = Substring(label.utf8.dropFirst(connective.utf8.count)); break }
        // `…支出决算9.68万元…；决算数较上年减少1.26万元`: the actual's measure alone names the amount
        // the sentence spoke of, no other subject.
        for measure in actualMeasureWords where label.utf8HasPrefix(measure) { label = Substring(label.utf8.dropFirst(measure.utf8.count)); break }
        guard let first = label.unicodeScalars.first, first != "比", first != "较", first != "同", first != "与" else { return false }
        return !ProseReader.isDirectionOnly(String(label))
    }

    static let actualMeasureWords = ["支出决算数", "支出决算", "决算支出数", "决算支出", "决算数", "决算", "实际支出数", "实际支出"]

    static let connectives = ["因此", "因而", "所以", "从而", "同时", "另外", "此外", "总体上", "总体", "整体上", "整体", "全年", "本年", "本年度", "当年", "今年"]

    /// Whether a `；` stands between two figures of one sentence (`earlier` before `later`).
    static func separatedBySemicolon(_ earlier: Int, _ later: Int, _ claims: [Claim]) -> Bool {
        let before = claims[earlier].sentencePrefix, after = claims[later].sentencePrefix
        guard after.utf8.count > before.utf8.count, after.utf8HasPrefix(before) else { return false }
        return String(after.utf8.dropFirst(before.utf8.count))?.utf8Contains("；") == true
    }

    /// The amounts of the sentence before `index`'s in its paragraph, in order; past a sentence
    /// whose amounts are all averages (`平均每批次0.27万元，人均400.00元` say what each batch and
    /// guest cost, not what changed), those of the sentence before that.
    static func amountsOfSentenceBefore(_ index: Int, _ reading: ProseReading) -> [Int] {
        let claims = reading.claims
        let claim = claims[index]
        var k = index - 1
        var sentence = claim.sentence - 1
        while sentence >= claim.sentence - 2 {
            // Down to the sentence's last claim, then through its claims.
            while k >= 0, index - k <= 60, claims[k].paragraph == claim.paragraph, claims[k].sentence > sentence { k -= 1 }
            var found: [Int] = []
            var averages = false
            while k >= 0, index - k <= 60, claims[k].paragraph == claim.paragraph, claims[k].sentence == sentence {
                if claims[k].isPlainAmount, !claims[k].isEcho {
                    if claims[k].averageMark == nil { found.append(k) } else { averages = true }
                }
                k -= 1
            }
            guard found.isEmpty, averages else { return found.reversed() }
            sentence -= 1
        }
        return []
    }

    /// `年末结转和结余90.00万元，比年初减少110.00万元`: a closing balance's change from the opening
    /// balance of the same name (written before in the section, else printed in a table).
    static func changeFromOpening(_ index: Int, increase: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        let claim = claims[index]
        guard let (end, closingText, start) = closingAndOpening(before: index, reading) else { return }
        let written = reading.operand(index)
        let difference = end.value - start.value
        let related = [RelatedLocation(range: end.range, message: "年末数 \(closingText)"), RelatedLocation(range: start.range, message: "年初数 \(start.value)")]
        func consistent(_ path: KeyPath<Operand, Interval>) -> Bool {
            let change = increase ? end[keyPath: path] - start[keyPath: path] : start[keyPath: path] - end[keyPath: path]
            return change.overlaps(written[keyPath: path])
        }
        guard ProseReading.verdict(consistent) == .fails else { return }
        reading.contradicted.insert(index)
        let scale = max(claim.value.scale, difference.magnitude.scale)
        let word = difference.isNegative ? "减少" : "增加"
        reading.report("N503", .error, on: claim.range,
                       "比年初应为\(word) \(difference.magnitude.formatted(scale: scale))（年末 \(end.value) − 年初 \(start.value)），说明中写的是\(increase ? "增加" : "减少") \(claim.text)",
                       related: related)
    }

    /// Last year's amount alone in a bracket right after the change `index` (`增加42.84万元（上年为
    /// 1,068.32万元）`), or nil.
    static func previousYearInBracket(after index: Int, _ reading: ProseReading) -> Int? {
        let claims = reading.claims
        let next = index + 1
        guard next < claims.count, claims[next].paragraph == claims[index].paragraph, claims[next].sentence == claims[index].sentence,
              claims[next].depth == claims[index].depth + 1, claims[next].isPlainAmount, claims[next].period == .previous,
              !claims[next].measure.isBudget, !claims[next].isEcho else { return nil }
        // (The bracket holds nothing else: `（上年为A万元、B万元）` is not one amount.)
        if next + 1 < claims.count, claims[next + 1].paragraph == claims[next].paragraph, claims[next + 1].sentence == claims[next].sentence,
           claims[next + 1].depth > claims[index].depth { return nil }
        return next
    }

    /// The nearest this-year actual amount of `quantity` before `index` in its paragraph (not an
    /// average, and not one already found to differ from its table: that is the error, and the
    /// change is not judged on it a second time).
    /// `reachingSection`: in the paragraphs before of its section too (`…2025年度收入总计
    /// 3634.15万元。⏎ 与2024年度相比，收、支总计各增加221.29万元`; `政府采购支出总额61.05万元…。⏎ …⏎
    /// 政府采购支出总额比上年增加6.85万元`).
    static func latestActual(of quantity: Quantity, before index: Int, _ reading: ProseReading, reachingSection: Bool = false) -> Int? {
        let claims = reading.claims
        var k = index - 1
        let paragraph = claims[index].paragraph, section = claims[index].section
        while k >= 0, index - k <= 60,
              claims[k].paragraph == paragraph || (reachingSection && claims[k].section == section) {
            // An echo counts: `收、支总计均为4,181.00万元` states 支出总计 as well.
            // (Not an approximate restatement: `（约3.56亿元）`.)
            if claims[k].isPlainAmount, !claims[k].isApproximate, !claims[k].isRestatement, !reading.contradicted.contains(k), claims[k].period == .current, claims[k].measure == .actual,
               claims[k].averageMark == nil, let other = claims[k].quantity, other.isKnown, ProseReading.same(other, quantity) { return k }
            k -= 1
        }
        return nil
    }

    /// The first this-year actual amount of the sentence just before `index`'s, in its paragraph
    /// (`“三公”经费全年预算5.00万元，决算3.20万元。…与上年3.60万元相比减少0.40万元`: 3.20).
    /// The known amount whose name opens the sentence of `index` (the longest), when its first
    /// clause holds no figure before it: `本年支出全部为…，比上年…` → 本年支出合计.
    static func openingName(of index: Int, _ claims: [Claim]) -> Quantity? {
        // (Of the part of the sentence after its last `；`: `事业收入主要是…，比上年增加…；经营收入为…，
        // 较上年减少…` opens twice.)
        var prefix = Substring(claims[index].sentencePrefix)
        if let semicolon = prefix.lastIndex(where: { $0 == "；" || $0 == ";" }) { prefix = prefix[prefix.index(after: semicolon)...] }
        guard var comma = prefix.firstIndex(where: { $0 == "，" || $0 == "," }) else { return nil }
        // (After a point of view: `从支出结构看，基本支出主要用于…，同比增加21.25万元`.)
        let first = prefix[..<comma]
        if first.count <= 10, first.hasPrefix("从") || first.hasPrefix("按"), first.hasSuffix("看") || first.hasSuffix("分") {
            prefix = prefix[prefix.index(after: comma)...]
            guard let next = prefix.firstIndex(where: { $0 == "，" || $0 == "," }) else { return nil }
            comma = next
        }
        let clause = prefix[..<comma]
        // (No figure: digits of a name are none, `12345热线`.)
        guard !holdsFigure(clause) else { return nil }
        var best: Quantity?
        var end = clause.startIndex
        var length = 0
        while end < clause.endIndex, length < 16 {
            end = clause.index(after: end)
            length += 1
            guard length >= 2 else { continue }
            let words = String(clause[..<end])
            if let (quantity, matchEnd) = QuantityNames.match(in: words), matchEnd == words.endIndex, quantity.qualifier.isEmpty { best = quantity }
        }
        return best
    }

    /// Whether a rate's words name both directions (`增幅、降幅分别为`, `增长和下降分别为`).
    static func namesBothDirections(_ words: String) -> Bool {
        (words.contains("增幅") || words.contains("增长")) && (words.contains("降幅") || words.contains("下降") || words.contains("减幅"))
    }

    /// Whether words hold a figure: digits followed by a unit of money or a percent sign.
    static func holdsFigure(_ words: Substring) -> Bool {
        var afterDigit = false
        for character in words {
            if character.isNumber || (afterDigit && (character == "." || character == ",")) { afterDigit = true; continue }
            if afterDigit, "万元亿%％".contains(character) { return true }
            afterDigit = false
        }
        return false
    }

    /// The known amount a sentence opens with before the words that list its parts (`公用经费包括…`,
    /// `机关运行经费主要包括…`), or nil.
    static func wholeNamedBeforeParts(of index: Int, _ claims: [Claim]) -> Quantity? {
        var prefix = Substring(claims[index].sentencePrefix)
        if let semicolon = prefix.lastIndex(where: { $0 == "；" || $0 == ";" }) { prefix = prefix[prefix.index(after: semicolon)...] }
        // (By bytes: Foundation's search cost a third of a million instructions a sentence.)
        guard let marker = prefix.utf8FirstOffset(of: "包括"), marker <= 48 else { return nil }
        var words = Substring(String(decoding: prefix.utf8.prefix(marker), as: UTF8.self))
        for filler in ["主要", "具体"] where words.hasSuffix(filler) { words = words.dropLast(filler.count) }
        guard !words.contains(where: { $0.isNumber }), let named = QuantityNames.known(in: String(words)),
              LabelKey.make(named.description) == LabelKey.make(String(words)) else { return nil }
        return named
    }

    static func subjectOfSentenceBefore(_ index: Int, _ reading: ProseReading) -> Int? {
        let claims = reading.claims
        guard claims[index].sentence > 0 else { return nil }
        return amountsOfSentenceBefore(index, reading).first { claims[$0].depth == 0 && claims[$0].period == .current && !claims[$0].measure.isBudget }
    }

    static func rate(_ index: Int, increase: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        let rate = claims[index]
        // In a respectively run the rate is of its own item: that change (`…，分别增长x%和y%`
        // after `分别增加a万元和b万元`), or that amount, whose change is not written.
        let before = about(index, reading)
        // The nearest difference before it decides: `比年初预算减少0.58万元，降低9.67%` is a rate of
        // the budget, `比上年减少…，下降…` of the previous year.
        // `比年初预算节约1.80万元，同比下降20.00%，减少0.80万元`: a rate that names the previous year
        // in its own words is not the budget's.
        // `比年初下降55.00%` with no change written before it: of the opening balance.
        if rate.comparesWithOpening, !before.contains(where: { if case .changeAmount = claims[$0].kind { true } else { false } }) {
            rateFromOpening(index, increase: increase, &reading)
            return
        }
        let ofPreviousYear = ProseReader.namesPreviousYear(rate.label)
        // A difference is the rate's only when no amount of this year stands between them
        // (`卫生健康支出56.82万元，较上年增加1.46万元；住房保障支出78.36万元，较上年增长2.81%`).
        // Nor when last year's amount stands between (`节约1.14万元，…；比上年4.15万元下降6.99%`).
        let subject = rate.isInRespectivelyRun ? nil : before.firstIndex { claims[$0].isPlainAmount && claims[$0].depth == rate.depth }
        var differenceIndex = before[..<(subject ?? before.endIndex)].first { switch claims[$0].kind { case .changeAmount: true; case .budgetDifference: !ofPreviousYear; default: false } }
        // `卫生健康支出增加2.18万元，住房保障支出增长2.68%`: a rate that names its own item is not
        // of another item's change.
        if let difference = differenceIndex, namesAnotherItem(index, than: difference, claims) { differenceIndex = nil }
        // `…分别增加212.45万元、减少14.50万元，分别增长5.72%和下降2.78%`: a run of rates right after a
        // run of as many changes pairs with them in order.
        if let paired = pairedChange(of: index, claims) { differenceIndex = paired }
        // `较上年增长7.00%，增加210.60万元`: the rate first, its change right after it.
        if differenceIndex == nil, !rate.isInRespectivelyRun, let next = following(index, reading) { differenceIndex = next }
        // `年末结转和结余362.33万元，比年初结转和结余增加78.83万元，增长27.81%`: the rate of a change
        // from the opening balance named in full is of the opening balance (the name would
        // otherwise make the opening balance the change's subject). (`比年初减少110.00万元，下降
        // 55.00%` is judged on the change, as any change's rate.)
        if let differenceIndex, claims[differenceIndex].comparesWithOpening,
           claims[differenceIndex].label.utf8Contains("年初结转") || claims[differenceIndex].label.utf8Contains("年初结余") {
            rateFromOpening(index, increase: increase, &reading)
            return
        }
        if let differenceIndex, case .budgetDifference(let differenceIncrease) = claims[differenceIndex].kind {
            budgetRate(index, increase: increase, difference: differenceIndex, differenceIncrease: differenceIncrease, &reading)
            return
        }
        guard let changeIndex = differenceIndex, case .changeAmount(let amountIncrease) = claims[changeIndex].kind else {
            rateFromTwoYears(index, increase: increase, before: before, &reading)
            return
        }
        // A change that contradicts both years written beside it: the rate is judged on the years.
        if reading.contradicted.contains(changeIndex) {
            rateFromTwoYears(index, increase: increase, before: before, &reading)
            return
        }
        let change = claims[changeIndex]
        // `…分别比上年增加24.85万元、减少3.65万元，增幅、降幅分别为7.14%、5.04%`: rates whose words name
        // both directions take each its change's.
        var increase = increase
        if amountIncrease != increase, namesBothDirections(String(claims[index].sentencePrefix.split(whereSeparator: { $0 == "，" || $0 == "," }).last ?? "")) { increase = amountIncrease }
        if amountIncrease != increase {
            reading.report("N503", .error, on: rate.fullRange,
                           "增减方向不一致：金额写的是“\(amountIncrease ? "增加" : "减少")”\(change.text)，比率写的是“\(increase ? "增长" : "下降")”\(rate.text)%")
            return
        }
        // A change in a bracket after the rate is of the amount before the rate; a rate in a bracket
        // after its change (`比上年减少0.05万元（增减变动-3.31%）`), of the change's amount.
        guard var currentIndex = current(before: claims[changeIndex].depth <= rate.depth ? changeIndex : index, reading) else {
            rateOfTableAmount(index, increase: increase, change: changeIndex, &reading)
            return
        }
        let changeOperand = reading.operand(changeIndex)
        /// This year's amount and last year's as the change makes it, when `currentIndex` is what changed.
        func years(_ currentIndex: Int) -> (current: Operand, previous: Operand, isPrevious: Bool)? {
            // `公务接待费1.84万元，比上年减少15,844.00元`: both in the change's unit.
            let current = claims[changeIndex].moneyUnit.flatMap { reading.operand(currentIndex, in: $0) } ?? reading.operand(currentIndex)
            // `与上年度1409.09万元相比`: the amount named is the previous year's itself.
            let isPrevious = claims[currentIndex].period == .previous
            func previous(_ path: KeyPath<Operand, Interval>) -> Interval {
                isPrevious ? current[keyPath: path] : increase ? current[keyPath: path] - changeOperand[keyPath: path] : current[keyPath: path] + changeOperand[keyPath: path]
            }
            let previousValue = isPrevious ? current.value : increase ? current.value - change.value : current.value + change.value
            guard previous(\.lax).lower.mantissa > 0, previousValue.mantissa > 0 else { return nil }
            return (current, Operand(value: previousValue, strict: previous(\.strict), lax: previous(\.lax), name: "上年 \(previousValue)", range: claims[currentIndex].range), isPrevious)
        }
        // After a list of parts the change may be the last part's or the whole's: the whole's
        // unless it holds of the part.
        currentIndex = whole(orPart: currentIndex, change: changeIndex, reading) { part in
            guard let years = years(part) else { return false }
            let target = Interval.written(rate.value)
            return ProseReading.verdict { path in
                Interval.quotientMayLie(numerator: changeOperand[keyPath: path], denominator: years.previous[keyPath: path], factor: ProseReading.hundred, in: target)
            } != .fails
        }
        guard let (current, previousOperand, isPrevious) = years(currentIndex) else { return }
        let previousValue = previousOperand.value
        reading.judgeRatio(code: "N503", claim: index, numerator: changeOperand, denominator: previousOperand,
                           formula: "\(isPrevious ? "上年" : "本年") \(current.value)，\(increase ? "增加" : "减少") \(change.text)，上年为 \(previousValue)；\(increase ? "增长" : "下降")率 \(change.text) ÷ \(previousValue)",
                           related: [RelatedLocation(range: claims[currentIndex].range, message: "\(isPrevious ? "上年数" : "本年数") \(claims[currentIndex].text)"),
                                     RelatedLocation(range: change.range, message: "增减额 \(change.text)")])
    }

    /// Whether a change names in its own words a known item other than the one `other` names.
    static func namesAnotherItem(_ index: Int, than other: Int, _ claims: [Claim]) -> Bool {
        func ownOrHeads(_ k: Int) -> Bool { claims[k].quantitySource == .ownClause || claims[k].quantitySource == .respectively }
        guard ownOrHeads(index), let own = claims[index].quantity, own.isKnown,
              ownOrHeads(other), let theirs = claims[other].quantity, theirs.isKnown else { return false }
        return !ProseReading.same(own, theirs)
    }

    /// `财政拨款收入较2023年增加73.42万元，增长3.27%`: the amount that changed is named, not
    /// written: the rate is the change ÷ (the table's amount − the change). Of several figures the
    /// name may be (公开03's 基本支出 or 公开05's), any one that makes the rate hold will do.
    static func rateOfTableAmount(_ index: Int, increase: Bool, change changeIndex: Int, _ reading: inout ProseReading) {
        let claims = reading.claims
        // (Or the amount whose name opens the sentence: `事业收入主要是…收入，比上年增加…，增长…`.)
        // (Or the head a respectively clause gives it: `A和B分别比上年增加a万元，增长x%和减少b万元…`.)
        let own = claims[changeIndex].quantitySource == .ownClause || claims[changeIndex].quantitySource == .respectively ? claims[changeIndex].quantity.flatMap { $0.isKnown ? $0 : nil } : nil
        guard let quantity = own ?? (namesSubject(claims[changeIndex].label) ? nil : openingName(of: changeIndex, claims)),
              !claims[changeIndex].isApproximate, !claims[index].isApproximate else { return }
        let changeOperand = reading.operand(changeIndex)
        let target = Interval.written(claims[index].value)
        var first: (current: Operand, previous: Operand, value: DecimalNumber)?
        for figure in reading.tableFigures(quantity, sentence: reading.context(of: changeIndex)) {
            let current = reading.operand(figure, in: claims[changeIndex].moneyUnit)
            func previous(_ path: KeyPath<Operand, Interval>) -> Interval {
                increase ? current[keyPath: path] - changeOperand[keyPath: path] : current[keyPath: path] + changeOperand[keyPath: path]
            }
            let previousValue = increase ? current.value - changeOperand.value : current.value + changeOperand.value
            guard previous(\.lax).lower.mantissa > 0, previousValue.mantissa > 0 else { continue }
            let verdict = ProseReading.verdict { path in
                Interval.quotientMayLie(numerator: changeOperand[keyPath: path], denominator: previous(path), factor: ProseReading.hundred, in: target)
            }
            if verdict != .fails { return }
            if first == nil {
                first = (current, Operand(value: previousValue, strict: previous(\.strict), lax: previous(\.lax), name: "上年 \(previousValue)", range: current.range), previousValue)
            }
        }
        guard let (current, previous, previousValue) = first else { return }
        let change = claims[changeIndex]
        reading.judgeRatio(code: "N503", claim: index, numerator: changeOperand, denominator: previous,
                           formula: "本年 \(current.name)，\(increase ? "增加" : "减少") \(change.text)，上年为 \(previousValue)；\(increase ? "增长" : "下降")率 \(change.text) ÷ \(previousValue)",
                           related: [RelatedLocation(range: current.range, message: "本年数 \(current.value)"),
                                     RelatedLocation(range: change.range, message: "增减额 \(change.text)")])
    }

    /// The change written right after a rate, in its sentence and at its depth, whose words are
    /// its direction alone (`增长7.00%，增加210.60万元`), if any.
    static func following(_ index: Int, _ reading: ProseReading) -> Int? {
        let claims = reading.claims
        // Past the rate's echoes (`收入总计、支出总计各增长9.87%，增加238.00万元`: one rate for both heads).
        var next = index + 1
        while next < claims.count, claims[next].isEcho, claims[next].range == claims[index].range { next += 1 }
        guard next < claims.count, claims[next].paragraph == claims[index].paragraph, claims[next].sentence == claims[index].sentence,
              // (Or in a bracket right after it: `均比2023年度增长6.69%（增加68.31万元）`.)
              claims[next].depth == claims[index].depth || claims[next].depth == claims[index].depth + 1, !claims[next].isInRespectivelyRun,
              ProseReader.isDirectionOnly(claims[next].label) else { return nil }
        switch claims[next].kind {
        case .changeAmount, .budgetDifference: return next
        default: return nil
        }
    }

    /// `机关运行经费支出5.42万元，比年初预算减少0.58万元，降低9.67%`: the rate is the difference ÷
    /// the budget, which is the actual ± the difference (narrative.md §3).
    static func budgetRate(_ index: Int, increase: Bool, difference: Int, differenceIncrease: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        if differenceIncrease != increase {
            reading.report("N503", .error, on: claims[index].fullRange,
                           "增减方向不一致：与预算相比写的是“\(differenceIncrease ? "增加" : "减少")”\(claims[difference].text)，比率写的是“\(increase ? "增长" : "下降")”\(claims[index].text)%")
            return
        }
        guard let actualIndex = about(difference, reading).first(where: { claims[$0].isPlainAmount && !claims[$0].measure.isBudget && claims[$0].period == .current }) else { return }
        let actual = reading.operand(actualIndex), change = reading.operand(difference)
        func budget(_ path: KeyPath<Operand, Interval>) -> Interval { increase ? actual[keyPath: path] - change[keyPath: path] : actual[keyPath: path] + change[keyPath: path] }
        let budgetValue = increase ? actual.value - change.value : actual.value + change.value
        guard budget(\.lax).lower.mantissa > 0, budgetValue.mantissa > 0 else { return }
        let budgetOperand = Operand(value: budgetValue, strict: budget(\.strict), lax: budget(\.lax), name: "预算 \(budgetValue)", range: claims[actualIndex].range)
        reading.judgeRatio(code: "N503", claim: index, numerator: change, denominator: budgetOperand,
                           formula: "决算 \(actual.value)，比预算\(increase ? "增加" : "减少") \(claims[difference].text)，预算为 \(budgetValue)；\(increase ? "增长" : "下降")率 \(claims[difference].text) ÷ \(budgetValue)",
                           related: [RelatedLocation(range: claims[actualIndex].range, message: "决算数 \(claims[actualIndex].text)"),
                                     RelatedLocation(range: claims[difference].range, message: "与预算的差额 \(claims[difference].text)")])
    }

    /// The closing balance a change from the year's start is of (the amount before it in its
    /// sentence, at its depth, a known `年末…` quantity) and the opening balance of the same name
    /// (written before in the section, else printed alike in every table); nil when either is
    /// unknown or either figure is approximate or contradicted.
    static func closingAndOpening(before index: Int, _ reading: ProseReading) -> (closing: Operand, closingText: String, opening: Operand)? {
        let claims = reading.claims
        let claim = claims[index]
        guard !claim.isApproximate else { return nil }
        let closing: Quantity, closingOperand: Operand, closingText: String
        if let closingIndex = sentenceBefore(index, reading).first(where: { claims[$0].isPlainAmount && claims[$0].depth == claim.depth }),
           let quantity = claims[closingIndex].quantity, quantity.isKnown, quantity.name.hasPrefix("年末") {
            guard !reading.contradicted.contains(closingIndex), !claims[closingIndex].isApproximate else { return nil }
            (closing, closingOperand, closingText) = (quantity, claim.moneyUnit.flatMap { reading.operand(closingIndex, in: $0) } ?? reading.operand(closingIndex), claims[closingIndex].text)
        } else if let quantity = claim.quantity, quantity.isKnown, quantity.name.hasPrefix("年末") {
            // `年末结转和结余比年初增加1.01万元`: the closing balance is named, not written: the table's.
            let figures = reading.tableFigures(quantity, sentence: reading.context(of: index))
            guard let first = figures.first, figures.allSatisfy({ $0.value == first.value }) else { return nil }
            (closing, closingOperand, closingText) = (quantity, reading.operand(first, in: claim.moneyUnit), "\(first.value)")
        } else {
            return nil
        }
        let opening = Quantity(name: "年初" + closing.name.dropFirst(2), qualifier: closing.qualifier, isKnown: true)
        // (`年初结转和结余83.92万元（政府性基金预算财政拨款40.00万元）`: the one of the closing
        // balance's own fund, or of none, first.)
        if let stated = reading.earlierFact(opening, measure: { !$0.isBudget }, before: index, sameQualifier: true)
            ?? reading.earlierFact(opening, measure: { !$0.isBudget }, before: index) {
            // (In the change's unit: `年初…380,160.00元` beside `较年初减少25.36万元`.)
            return (closingOperand, closingText, claim.moneyUnit.flatMap { reading.operand(stated, in: $0) } ?? reading.operand(stated))
        }
        // (In a section of one fund, the fund's balance or the department's: judged only when they agree.)
        let figures = reading.tableFigures(opening, sentence: reading.context(of: index))
        guard let first = figures.first, figures.allSatisfy({ $0.value == first.value }) else { return nil }
        return (closingOperand, closingText, reading.operand(first, in: claim.moneyUnit))
    }

    /// `年末结转和结余90.00万元，比年初下降55.00%`: the rate of a closing balance's change from the
    /// opening balance of the same name, (年末 − 年初) ÷ 年初.
    static func rateFromOpening(_ index: Int, increase: Bool, _ reading: inout ProseReading) {
        guard let (end, closingText, start) = closingAndOpening(before: index, reading), start.value.mantissa > 0 else { return }
        func change(_ path: KeyPath<Operand, Interval>) -> Interval {
            increase ? end[keyPath: path] - start[keyPath: path] : start[keyPath: path] - end[keyPath: path]
        }
        let value = increase ? end.value - start.value : start.value - end.value
        let changeOperand = Operand(value: value, strict: change(\.strict), lax: change(\.lax), name: "年初年末之差 \(value)", range: reading.claims[index].range)
        let difference = increase ? "\(end.value) − \(start.value)" : "\(start.value) − \(end.value)"
        reading.judgeRatio(code: "N503", claim: index, numerator: changeOperand, denominator: start,
                           formula: "年末 \(end.value)，年初 \(start.value)；\(increase ? "增长" : "下降")率 (\(difference)) ÷ \(start.value)",
                           related: [RelatedLocation(range: end.range, message: "年末数 \(closingText)"),
                                     RelatedLocation(range: start.range, message: "年初数 \(start.value)")])
    }

    /// `本年收入合计363.59万元，上年349.79万元，增加13.80万元` (or `与上年349.79万元相比，增加…`,
    /// `上年…，本年…，增加…`): with both years written just before it, a change is this year −
    /// last year (narrative.md §3). Only the two amounts nearest before it in its sentence, one of
    /// each year, of one quantity and in one `其中` list, are taken; anything else is not judged.
    static func changeAmount(_ index: Int, increase: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        let claim = claims[index]
        // (`…增加1.46万元，主要原因是人员减少1人`: a change of a count is no change of an amount.)
        guard !claim.isInRespectivelyRun else { return }
        if case .count? = claim.unit { return }
        if claim.comparesWithOpening { changeFromOpening(index, increase: increase, &reading); return }
        // Budgets are passed over (a pair with one is not judged): `决算数为4,200.00万元，为年初预算
        // 4,000.00万元的105.00%；与上年决算数3,980.00万元相比，增加220.00万元` is 4,200.00 − 3,980.00.
        // (`比上年（3,000.00万元）增加…`: the previous year's amount alone in a bracket counts; so does
        // one named only by its year, `基本支出2,481.23万元（上年2,400.00万元），比上年增加…`.)
        let amounts = Array(sentenceBefore(index, reading).lazy.filter {
            claims[$0].isPlainAmount && !claims[$0].isEcho && !claims[$0].measure.isBudget
                && (claims[$0].depth == claim.depth || (claims[$0].depth == claim.depth + 1 && claims[$0].period == .previous
                                                          && (claims[$0].label.isEmpty || claims[$0].quantity?.isKnown != true || namesYearOnly(claims[$0].label))))
        }.prefix(2))
        let previousIndex: Int
        var currentIndex: Int
        var ofBracketed = false
        var previousInBracketAfter = false
        if amounts.count == 2, let previous = amounts.first(where: { claims[$0].period == .previous }),
           let current = amounts.first(where: { claims[$0].period == .current }) {
            (previousIndex, currentIndex) = (previous, current)
        } else if let previous = previousYearInBracket(after: index, reading),
                  let current = amounts.first ?? claim.quantity.flatMap({ named in
                      named.isKnown && claim.quantitySource == .ownClause ? latestActual(of: named, before: index, reading, reachingSection: true) : nil
                  }), claims[current].period == .current {
            // `总计均为1,111.16万元，同比增加42.84万元（上年为1,068.32万元）`: last year's amount in a
            // bracket right after the change (`人员经费同比增加24.95万元（上年为671.20万元）`: of
            // the amount the change names, written before).
            (previousIndex, currentIndex) = (previous, current)
            ofBracketed = true
            previousInBracketAfter = true
        } else if amounts.count == 1, claims[amounts[0]].period == .previous, claims[amounts[0]].quantity?.isKnown != true,
                  let named = claim.quantity, named.isKnown, let latest = latestActual(of: named, before: amounts[0], reading) {
            // `本年收入合计5,150.00万元。…与上年4,700.00万元相比，本年收入合计增加450.00万元`: the
            // change names what changed; this year's amount is the latest written of it.
            (previousIndex, currentIndex) = (amounts[0], latest)
        } else if amounts.count == 1, claims[amounts[0]].period == .previous, claim.depth > 0,
                  let outer = sentenceBefore(index, reading).first(where: { claims[$0].depth == claim.depth - 1 }),
                  claims[outer].isPlainAmount, claims[outer].period == .current, !claims[outer].measure.isBudget {
            // `本年财政拨款收入5,862.66万元（比上年5,325.33万元增加537.33万元）`: a change in a bracket
            // is of the amount the bracket follows (a part of a list, as the year before is not).
            (previousIndex, currentIndex) = (amounts[0], outer)
            ofBracketed = true
        } else if amounts.count == 1, claims[amounts[0]].period == .previous, claims[amounts[0]].quantity?.isKnown != true,
                  let named = openingName(of: amounts[0], claims), let latest = latestActual(of: named, before: amounts[0], reading) {
            // `本年支出548.30万元。本年支出全部为…的支出，用于…，比上年415.80万元增加132.50万元`: the
            // sentence opens with what changed, its amount written before.
            (previousIndex, currentIndex) = (amounts[0], latest)
        } else if amounts.count == 1, claims[amounts[0]].period == .previous, claims[amounts[0]].quantity?.isKnown != true,
                  let subject = subjectOfSentenceBefore(index, reading) {
            // `收入总计5,640.00万元。与上年的5,100.00万元相比，增加540.00万元`: this year's amount is the
            // subject of the sentence before.
            (previousIndex, currentIndex) = (amounts[0], subject)
        } else if amounts.count == 1, claims[amounts[0]].period == .previous, let quantity = claims[amounts[0]].quantity, quantity.isKnown,
                  let latest = latestActual(of: quantity, before: amounts[0], reading) {
            // `事业收入8,630.50万元，占74.40%。事业收入上年为7,700.00万元，本年增加930.50万元`: a known
            // quantity's previous year is compared with its this-year amount written before it.
            (previousIndex, currentIndex) = (amounts[0], latest)
        } else {
            return
        }
        // `其中：货物支出A万元、服务支出B万元，较2024年的P万元减少D万元`: the whole's change, unless
        // the last part's holds.
        if !ofBracketed, claims[previousIndex].listWhole == nil {
            currentIndex = whole(orPart: currentIndex, change: index, reading) { part in
                let this = reading.operand(part), last = reading.operand(previousIndex), written = reading.operand(index)
                return ProseReading.verdict { path in
                    (increase ? this[keyPath: path] - last[keyPath: path] : last[keyPath: path] - this[keyPath: path]).overlaps(written[keyPath: path])
                } != .fails
            }
        }
        let current = claims[currentIndex], previousClaim = claims[previousIndex]
        // `事业收入由上年的238.10万元增至275.51万元；其他收入同比增加3.14万元`: a change that names
        // another known item is not of these years' amounts.
        if claim.quantitySource == .ownClause, let named = claim.quantity, named.isKnown, let a = current.quantity, a.isKnown, !ProseReading.same(a, named) { return }
        guard !current.measure.isBudget, !previousClaim.measure.isBudget, ofBracketed || current.listWhole == previousClaim.listWhole,
              !current.isApproximate, !previousClaim.isApproximate, !claim.isApproximate else { return }
        if let a = current.quantity, let b = previousClaim.quantity, a.isKnown, b.isKnown, !ProseReading.same(a, b) { return }
        let this = reading.operand(currentIndex), last = reading.operand(previousIndex), written = reading.operand(index)
        let difference = this.value - last.value
        let related = [RelatedLocation(range: this.range, message: "本年数 \(current.text)"), RelatedLocation(range: last.range, message: "上年数 \(previousClaim.text)")]
        if !difference.isZero, difference.isNegative == increase, ProseReading.verdict({ (this[keyPath: $0] - last[keyPath: $0]).overlaps(.exact(.zero)) }) == .fails {
            reading.contradicted.insert(index)
            reading.report("N503", .error, on: claim.fullRange,
                           "增减方向不一致：本年 \(this.value)，上年 \(last.value)，应为“\(difference.isNegative ? "减少" : "增加")”，说明中写的是“\(increase ? "增加" : "减少")”",
                           related: related)
            return
        }
        func consistent(_ path: KeyPath<Operand, Interval>) -> Bool {
            let change = increase ? this[keyPath: path] - last[keyPath: path] : last[keyPath: path] - this[keyPath: path]
            return change.overlaps(written[keyPath: path])
        }
        let verdict = ProseReading.verdict(consistent)
        if verdict == .holds { return }
        if previousInBracketAfter, verdict == .fails {
            // Last year's amount after the change is the one derived from the two before it:
            // it is reported, and the change's rate is still judged on the change.
            let previousValue = increase ? this.value - written.value : this.value + written.value
            let scale = max(previousClaim.value.scale, previousValue.scale)
            reading.contradicted.insert(previousIndex)
            reading.report("N503", .error, on: previousClaim.range,
                           "上年数应为 \(previousValue.formatted(scale: scale))（本年 \(this.value) \(increase ? "−" : "+") \(increase ? "增加" : "减少") \(claim.text)），说明中写的是 \(previousClaim.text)，差额 \(CheckContext.signed(last.value - previousValue, scale: scale))",
                           fix: Fix(title: "改为 \(previousValue.formatted(scale: scale))", edits: [TextEdit(range: previousClaim.range, replacement: previousValue.formatted(scale: scale))], isSafe: false),
                           related: [RelatedLocation(range: this.range, message: "本年数 \(current.text)"), RelatedLocation(range: claim.range, message: "增减额 \(claim.text)")])
            return
        }
        reading.contradicted.insert(index)
        let expected = difference.magnitude
        let scale = max(claim.value.scale, expected.scale)
        let word = increase ? "增加" : "减少"
        if verdict == .laxOnly {
            reading.report("N503", .warning, on: claim.range,
                           "比上年\(word)应为 \(expected)（本年 \(this.value) − 上年 \(last.value)），说明中写的是 \(claim.text)；只有当\(ProseReading.shortNames([this, last, written]))是舍入后的数时才成立",
                           related: related)
            return
        }
        reading.report("N503", .error, on: claim.range,
                       "比上年\(word)应为 \(expected.formatted(scale: scale))（本年 \(this.value) − 上年 \(last.value) = \(CheckContext.signed(difference, scale: scale))），说明中写的是\(word) \(claim.text)，差额 \(CheckContext.signed(claim.value - expected, scale: scale))",
                       fix: Fix(title: "改为 \(expected.formatted(scale: scale))", edits: [TextEdit(range: claim.range, replacement: expected.formatted(scale: scale))], isSafe: false),
                       related: related)
    }

    /// The change a rate of a `分别` run of rates is of, when as many changes stand right before the run.
    static func pairedChange(of index: Int, _ claims: [Claim]) -> Int? {
        func isRate(_ k: Int) -> Bool { if case .changeRate = claims[k].kind { claims[k].sentence == claims[index].sentence } else { false } }
        func isChange(_ k: Int) -> Bool { if case .changeAmount = claims[k].kind { claims[k].sentence == claims[index].sentence } else { false } }
        var first = index
        while first > 0, isRate(first - 1) { first -= 1 }
        var last = index
        while last + 1 < claims.count, isRate(last + 1) { last += 1 }
        guard last > first, claims[first].label.utf8Contains("分别") else { return nil }
        var changes = first
        while changes > 0, isChange(changes - 1) { changes -= 1 }
        guard first - changes == last - first + 1 else { return nil }
        return changes + (index - first)
    }

    /// Whether a label names a year and nothing else (`2023年度`, `2023年为`): last year's amount in
    /// a bracket after this year's (`98.64万元（2023年度为101.27万元）`).
    static func namesYearOnly(_ label: String) -> Bool {
        var rest = Substring(label)
        for tail in ["为", "是"] where rest.hasSuffix(tail) { rest = rest.dropLast() }
        if rest.hasSuffix("年度") { rest = rest.dropLast(2) } else if rest.hasSuffix("年") { rest = rest.dropLast() } else { return false }
        return rest.utf8.count == 4 && rest.utf8.allSatisfy { $0 &- 0x30 < 10 }
    }

    /// `占比为79.49%，上年为75.20%，比上年提高4.29个百分点`, `由上年的75.20%提高到79.49%，提高4.29个百分点`:
    /// the points between this year's and last year's percentage written before it in its
    /// sentence. Not judged when either year's is not written.
    static func pointChange(_ index: Int, increase: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        let claim = claims[index]
        guard !claim.isApproximate, !claim.isInRespectivelyRun else { return }
        let percentages = sentenceBefore(index, reading).filter { k in
            guard claims[k].unit == .percent, !claims[k].isEcho, !claims[k].isApproximate, claims[k].depth == claim.depth else { return false }
            // `财政拨款收入所占比重由75.55%提高到77.03%…；事业收入所占比重下降2.26个百分点`: not of
            // another item's percentages.
            if let own = claim.quantity, own.isKnown, let theirs = claims[k].quantity, theirs.isKnown, !ProseReading.same(own, theirs) { return false }
            switch claims[k].kind {
            case .share, .percentage, .completion: return true
            default: return false
            }
        }
        // The percentages of the point change's own statement when it has any (after the last `；`:
        // `…；社会保障和就业支出…所占比重较上年的10.32%降低0.36个百分点` is of no share before it).
        let own = percentages.filter { !separatedBySemicolon($0, index, claims) }
        let candidates = own.isEmpty ? percentages : own
        guard let thisYear = candidates.first(where: { claims[$0].period == .current }),
              let lastYear = candidates.first(where: { claims[$0].period == .previous }),
              // A percentage already found wrong is the error, not the points computed from it.
              !reading.contradicted.contains(thisYear), !reading.contradicted.contains(lastYear) else { return }
        let this = Interval.written(claims[thisYear].value), last = Interval.written(claims[lastYear].value)
        let written = Interval.written(claim.value)
        let difference = claims[thisYear].value - claims[lastYear].value
        let related = [RelatedLocation(range: claims[thisYear].range, message: "本年 \(claims[thisYear].text)%"),
                       RelatedLocation(range: claims[lastYear].range, message: "上年 \(claims[lastYear].text)%")]
        if !difference.isZero, difference.isNegative == increase, !(this - last).overlaps(.exact(.zero)) {
            reading.report("N503", .error, on: claim.fullRange,
                           "增减方向不一致：本年 \(claims[thisYear].text)%，上年 \(claims[lastYear].text)%，应为“\(difference.isNegative ? "下降" : "提高")”，说明中写的是“\(increase ? "提高" : "下降")”",
                           related: related)
            return
        }
        let change = increase ? this - last : last - this
        if change.overlaps(written) { return }
        let scale = max(claim.value.scale, claims[thisYear].value.scale, claims[lastYear].value.scale)
        let expected = difference.magnitude
        let word = increase ? "提高" : "下降"
        reading.report("N503", .error, on: claim.range,
                       "比上年\(word)应为 \(expected.formatted(scale: scale)) 个百分点（本年 \(claims[thisYear].text)% − 上年 \(claims[lastYear].text)%），说明中写的是 \(claim.text) 个百分点，差 \(CheckContext.signed(claim.value - expected, scale: scale))",
                       fix: Fix(title: "改为 \(expected.formatted(scale: scale))", edits: [TextEdit(range: claim.range, replacement: expected.formatted(scale: scale))], isSafe: false),
                       related: related)
    }

    /// `本年支出100万元，上年支出80万元，增长25%`: the rate from the two years' amounts.
    static func rateFromTwoYears(_ index: Int, increase: Bool, before: [Int], _ reading: inout ProseReading) {
        let claims = reading.claims
        guard let previousIndex = before.first(where: { claims[$0].isPlainAmount && claims[$0].period == .previous }),
              var currentIndex = before.first(where: { claims[$0].isPlainAmount && claims[$0].period == .current && $0 != previousIndex
                  && (claims[$0].quantity?.isKnown != true || claims[previousIndex].quantity?.isKnown != true
                      || claims[$0].quantity!.name == claims[previousIndex].quantity!.name) }) else { return }
        let previous = reading.operand(previousIndex)
        // After a list of parts, last year's amount may be the whole's: the whole's unless the
        // rate holds of the last part.
        if claims[previousIndex].listWhole == nil {
            currentIndex = whole(orPart: currentIndex, change: index, reading) { part in
                let this = reading.operand(part), target = Interval.written(claims[index].value)
                return ProseReading.verdict { path in
                    Interval.quotientMayLie(numerator: absolute(this[keyPath: path] - previous[keyPath: path]), denominator: previous[keyPath: path],
                                            factor: ProseReading.hundred, in: target)
                } != .fails
            }
        }
        let current = reading.operand(currentIndex)
        let difference = current.value - previous.value
        if !difference.isZero, difference.isNegative == increase {
            reading.report("N503", .error, on: claims[index].fullRange,
                           "增减方向不一致：本年 \(current.value)，上年 \(previous.value)，应为“\(difference.isNegative ? "下降" : "增长")”，说明中写的是“\(increase ? "增长" : "下降")”")
            return
        }
        let change = Operand(value: difference.magnitude, strict: absolute(current.strict - previous.strict), lax: absolute(current.lax - previous.lax),
                             name: "增减额 \(difference.magnitude)", range: claims[currentIndex].range)
        reading.judgeRatio(code: "N503", claim: index, numerator: change, denominator: previous,
                           formula: "（本年 \(current.value) − 上年 \(previous.value)）÷ 上年 \(previous.value)",
                           related: [RelatedLocation(range: claims[currentIndex].range, message: "本年数 \(claims[currentIndex].text)"),
                                     RelatedLocation(range: claims[previousIndex].range, message: "上年数 \(claims[previousIndex].text)")])
    }

    static func absolute(_ interval: Interval) -> Interval {
        if !interval.lower.isNegative { return interval }
        if !interval.upper.isNegative && !interval.upper.isZero { return Interval(lower: .zero, upper: max(interval.upper, -interval.lower)) }
        return Interval(lower: -interval.upper, upper: -interval.lower)
    }

    /// The budget `actual` is compared with: stated earlier in the paragraph (before `limit`: the
    /// budget may stand between the actual and the comparison, `财政拨款支出A万元，较年初预算B万元
    /// 增加C万元`), else printed in 公开09.
    static func budget(for actual: Int, measure: Measure, before limit: Int? = nil, _ reading: ProseReading) -> Operand? {
        let claims = reading.claims
        let limit = limit ?? actual
        if let quantity = claims[actual].quantity ?? claims[actual].topic,
           let stated = reading.earlierFact(quantity, measure: { measure == .budget ? $0.isBudget : $0 == measure }, before: limit) {
            return reading.operand(stated)
        }
        // (Of the budget named: `全年预算…1,180.00万元，比年初预算增加280.00万元` is not of the 全年预算.)
        if let stated = sentenceBefore(limit, reading).first(where: { claims[$0].isPlainAmount && claims[$0].measure.isBudget
            && (measure == .budget || claims[$0].measure == measure) }) {
            return reading.operand(stated)
        }
        return nil
    }

    /// A budget's difference from another (`调整预算比年初预算增加98.00万元`): both the nearest of
    /// their measures written before it in its paragraph; not judged when either is not.
    static func budgetAgainstBudget(_ index: Int, subject: Measure, other: Measure, increase: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        let claim = claims[index]
        func nearest(_ measure: Measure) -> Int? {
            var k = index - 1
            while k >= 0, claims[k].paragraph == claim.paragraph {
                if claims[k].isPlainAmount, !claims[k].isEcho, claims[k].period == .current, claims[k].measure == measure { return k }
                k -= 1
            }
            return nil
        }
        guard let a = nearest(subject), let b = nearest(other), !reading.contradicted.contains(a), !reading.contradicted.contains(b) else { return }
        let first = reading.operand(a), second = reading.operand(b), written = reading.operand(index)
        if ProseReading.verdict({ path in
            (increase ? first[keyPath: path] - second[keyPath: path] : second[keyPath: path] - first[keyPath: path]).overlaps(written[keyPath: path])
        }) != .fails { return }
        let expected = increase ? first.value - second.value : second.value - first.value
        let scale = max(claim.value.scale, expected.scale)
        reading.report("N503", .error, on: claim.range,
                       "\(increase ? "增加" : "减少")应为 \(expected.formatted(scale: scale))（\(first.value) 与 \(second.value) 之差），说明中写的是 \(claim.text)",
                       related: [RelatedLocation(range: first.range, message: first.name), RelatedLocation(range: second.range, message: second.name)])
    }

    /// The budgets a sentence names by kind, the last named first (`.budget` when it names none).
    static func budgetMeasures(_ sentence: String) -> [Measure] {
        var measures: [Measure] = []
        for measure in ProseReader.budgetsNamed(in: sentence).reversed() where measure != .budget && !measures.contains(measure) { measures.append(measure) }
        return measures.isEmpty ? [.budget] : measures
    }

    /// `与预算相比减少0.20万元`: the difference is budget − actual.
    static func budgetDifference(_ index: Int, increase: Bool, _ reading: inout ProseReading) {
        let claims = reading.claims
        let claim = claims[index]
        // `调整预算比年初预算增加98.00万元`: one budget against another, not the actual.
        let named = ProseReader.budgetsNamed(in: claim.label)
        if named.count >= 2, let subject = named.first, let other = named.last, subject != other {
            budgetAgainstBudget(index, subject: subject, other: other, increase: increase, &reading)
            return
        }
        // `调整预算为1068.40万元（较年初预算增加65.90万元）`: alone in a bracket right after another
        // budget, the difference is of that budget.
        if claim.depth > 0, let other = named.last, index > 0, claims[index - 1].isPlainAmount, claims[index - 1].depth == claim.depth - 1,
           claims[index - 1].sentence == claim.sentence, claims[index - 1].period == .current,
           claims[index - 1].measure.isBudget, claims[index - 1].measure != other, claims[index - 1].measure != .budget {
            budgetAgainstBudget(index, subject: claims[index - 1].measure, other: other, increase: increase, &reading)
            return
        }
        // In a respectively run the difference is of its own item (`A、B分别比预算减少a和b万元`).
        let sentence = about(index, reading)
        // (Not last year's amount beside it: `支出决算846.18万元（上年798.64万元），…比调整预算减少6.12万元`.)
        var found = sentence.first(where: { claims[$0].isPlainAmount && !claims[$0].measure.isBudget && claims[$0].period == .current })
        // `与年初预算相比，“三公”经费支出减少16.67万元`: a difference that names its amount is of that
        // amount, not of another item written before it.
        if let named = claim.quantity, named.isKnown, claim.quantitySource == .ownClause, !claim.isInRespectivelyRun,
           found.flatMap({ claims[$0].quantity }).map({ !$0.isKnown || ProseReading.same($0, named) }) != true,
           let latest = latestActual(of: named, before: index, reading, reachingSection: true) {
            found = latest
        }
        // `…支出4,056.40万元。与年初预算3,800.00万元相比，增加256.40万元`: the actual written before
        // the sentence — of the budget's quantity, else the sentence before's subject.
        if found == nil, !claim.isInRespectivelyRun {
            let budget = sentence.first(where: { claims[$0].isPlainAmount && claims[$0].measure.isBudget })
            found = budget.flatMap { claims[$0].quantity }.flatMap { $0.isKnown ? latestActual(of: $0, before: index, reading) : nil }
                ?? subjectOfSentenceBefore(index, reading)
        }
        // `财政拨款本年收入合计完成年初预算的105.30%，较年初预算10,737.80万元增加569.00万元`: an actual
        // the sentence names (by its rate's words) but does not write is the tables'.
        if found == nil, !claim.isInRespectivelyRun {
            fromTables(index, increase: increase, sentence: sentence, &reading)
            return
        }
        // (An actual already found to differ from its table is the error: not judged again here.)
        guard let actualIndex = found, !reading.contradicted.contains(actualIndex) else { return }
        // The budget the difference's own words name (`年初预算1.30万元，全年预算1.10万元，决算0.96万元，
        // 较全年预算节约0.14万元`), else the one its sentence names.
        // With none named in its own words, each budget its sentence names may be the one, the last
        // named first (`比年初预算50.00万元增加2.18万元…；比调整预算55.00万元减少2.82万元`).
        let measures = ProseReader.budgetsNamed(in: claim.label).last.map { [$0] } ?? budgetMeasures(claim.sentencePrefix)
        var budgets: [Operand] = []
        for measure in measures {
            if let stated = budget(for: actualIndex, measure: measure, before: index, reading) { budgets.append(stated) }
            else { budgets += reading.tableBudgets(claims[actualIndex].quantity, measure: measure).map { reading.operand($0, in: claims[actualIndex].moneyUnit) } }
        }
        // All in the difference's unit (`全年预算为3.50万元，支出决算为24,615.00元，节约10,385.00元`).
        if let unit = claim.moneyUnit { budgets = budgets.map { $0.unit == nil ? $0 : ($0.converted(to: unit) ?? $0) } }
        guard !budgets.isEmpty else { return }
        let actual = claim.moneyUnit.flatMap { reading.operand(actualIndex, in: $0) } ?? reading.operand(actualIndex)
        judge(index, increase: increase, actual: actual, budgets: budgets, &reading)
    }

    /// The actual of a difference from a written budget, named by the completion rate of its
    /// sentence (or the budget's own name) and printed in the tables; judged when one is.
    static func fromTables(_ index: Int, increase: Bool, sentence: [Int], _ reading: inout ProseReading) {
        let claims = reading.claims
        guard let budgetIndex = sentence.first(where: { claims[$0].isPlainAmount && claims[$0].measure.isBudget && $0 < index }),
              !reading.contradicted.contains(budgetIndex), let unit = claims[index].moneyUnit ?? claims[budgetIndex].moneyUnit else { return }
        let rateName = sentence.first(where: { if case .completion = claims[$0].kind { $0 < index } else { false } }).flatMap { claims[$0].quantity }
        guard let named = rateName.flatMap({ $0.isKnown ? $0 : nil }) else { return }
        let actuals = reading.tableFigures(named, sentence: reading.context(of: index)).map { reading.operand($0, in: unit) }
        guard let budget = reading.operand(budgetIndex, in: unit), !actuals.isEmpty else { return }
        let written = reading.operand(index)
        if actuals.contains(where: { actual in
            ProseReading.verdict { path in
                (increase ? actual[keyPath: path] - budget[keyPath: path] : budget[keyPath: path] - actual[keyPath: path]).overlaps(written[keyPath: path])
            } != .fails
        }) { return }
        judge(index, increase: increase, actual: actuals[0], budgets: [budget], &reading)
    }

    /// Reports a difference from a budget that no budget allows.
    static func judge(_ index: Int, increase: Bool, actual: Operand, budgets: [Operand], _ reading: inout ProseReading) {
        let claim = reading.claims[index]
        let first = budgets[0]
        let written = reading.operand(index)
        func consistent(_ budget: Operand, _ path: KeyPath<Operand, Interval>) -> Bool {
            let difference = increase ? actual[keyPath: path] - budget[keyPath: path] : budget[keyPath: path] - actual[keyPath: path]
            return difference.overlaps(written[keyPath: path])
        }
        let verdicts = budgets.map { budget in ProseReading.verdict { consistent(budget, $0) } }
        if verdicts.contains(where: { if case .holds = $0 { true } else { false } }) { return }
        let expected = increase ? actual.value - first.value : first.value - actual.value
        let word = increase ? "增加" : "减少"
        let related = [RelatedLocation(range: actual.range, message: "决算数 \(actual.name)"), RelatedLocation(range: first.range, message: "预算数 \(first.name)")]
        if verdicts.contains(where: { if case .laxOnly = $0 { true } else { false } }) {
            reading.report("N503", .warning, on: claim.range,
                           "与预算相比\(word)应为 \(expected)（决算 \(actual.value)，预算 \(first.value)），说明中写的是 \(claim.text)；只有当\(ProseReading.shortNames([actual, first, written]))是舍入后的数时才成立",
                           related: related)
            return
        }
        let scale = max(claim.value.scale, expected.scale)
        if expected.isNegative {
            // `决算数小于预算数40.10万元` of an actual above its budget: the direction is wrong.
            reading.report("N503", .error, on: claim.fullRange,
                           "增减方向不一致：决算 \(actual.value)，预算 \(first.value)，决算比预算\(increase ? "少" : "多") \(expected.magnitude.formatted(scale: scale))，说明中写的是“\(word)”",
                           related: related)
            return
        }
        reading.report("N503", .error, on: claim.range,
                       "与预算相比\(word)应为 \(expected.formatted(scale: scale))（决算 \(actual.value) − 预算 \(first.value) = \(CheckContext.signed(actual.value - first.value, scale: scale))），说明中写的是\(word) \(claim.text)，差额 \(CheckContext.signed(claim.value - expected, scale: scale))",
                       fix: Fix(title: "改为 \(expected.formatted(scale: scale))", edits: [TextEdit(range: claim.range, replacement: expected.formatted(scale: scale))], isSafe: false),
                       related: related)
    }

    /// `与年初预算相比无变化`, `与上年持平`: the two figures must be equal.
    static func noChange(_ statement: ProseStatement, _ reading: inout ProseReading) {
        let claims = reading.claims
        guard statement.kind == .noChange, let subject = statement.subject else { return }
        let actual = reading.operand(subject)
        if let measure = statement.comparedWithBudget {
            var budgets: [Operand] = []
            if let stated = budget(for: subject, measure: measure, reading) { budgets = [stated] }
            else { budgets = reading.tableBudgets(claims[subject].quantity, measure: measure).map { reading.operand($0, in: claims[subject].moneyUnit) } }
            guard let first = budgets.first else { return }
            if budgets.contains(where: { budget in ProseReading.verdict { actual[keyPath: $0].overlaps(budget[keyPath: $0]) } != .fails }) { return }
            reading.report("N503", .error, on: statement.range,
                           "说“与预算相比无变化”，但决算 \(actual.value) 与预算 \(first.value) 相差 \(CheckContext.signed(actual.value - first.value, scale: max(actual.value.scale, first.value.scale)))",
                           related: [RelatedLocation(range: actual.range, message: "决算数 \(actual.name)"), RelatedLocation(range: first.range, message: "预算数 \(first.name)")])
            return
        }
        // Previous year: a change written in the same sentence, or the previous year's amount.
        // What stands between the figure and the statement: `本年支出合计0.00万元，与上年持平`.
        let sentence = claims.indices.filter { $0 > subject - 40 && $0 < subject + 40 && claims[$0].paragraph == claims[subject].paragraph
            && claims[$0].sentence == claims[subject].sentence && claims[$0].range.start < statement.range.start }
        if let change = sentence.first(where: { index in
            if case .changeAmount = claims[index].kind { return index > subject && !claims[index].value.isZero } else { return false } }) {
            reading.report("N503", .error, on: statement.range, "说“与上年持平/无变化”，但同一句写了增减额 \(claims[change].text)",
                           related: [RelatedLocation(range: claims[change].range, message: "增减额 \(claims[change].text)")])
            return
        }
        if let previous = sentence.first(where: { claims[$0].isPlainAmount && claims[$0].period == .previous }) {
            let before = reading.operand(previous)
            if ProseReading.verdict({ actual[keyPath: $0].overlaps(before[keyPath: $0]) }) == .fails {
                reading.report("N503", .error, on: statement.range, "说“与上年持平/无变化”，但本年 \(actual.value) 与上年 \(before.value) 不同",
                               related: [RelatedLocation(range: before.range, message: "上年数 \(before.name)")])
            }
        }
    }
}
