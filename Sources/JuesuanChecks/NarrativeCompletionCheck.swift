import JuesuanModel
import JuesuanSyntax

/// N505: a completion rate (`完成预算的x%`, `完成年初预算的x%`, `预算执行率x%`) is actual ÷ budget,
/// the quantity's 决算数 and 预算数 stated earlier in the paragraph (the same sentence first) or
/// printed in its table (narrative.md §2.6).
enum NarrativeCompletionCheck {
    static func run(_ reading: inout ProseReading) {
        // (Last year's rate, `预算完成率较上年的88.20%提高2.61个百分点`, is of figures not written.)
        for index in reading.claims.indices where reading.claims[index].kind == .completion && !reading.claims[index].isEcho
            && reading.claims[index].period == .current {
            completion(index, &reading)
        }
    }

    static func completion(_ index: Int, _ reading: inout ProseReading) {
        let claims = reading.claims
        let claim = claims[index]
        // `…决算分别为3.26万元、9.62万元、4.81万元，均完成调整预算的100%`: one rate of each item listed, not
        // of one amount (not judged).
        if claim.label.utf8HasPrefix("均") || claim.label.utf8HasPrefix("都") || claim.label.utf8HasPrefix("各") { return }
        let asked = claim.measure
        func budgetMatches(_ measure: Measure) -> Bool { asked == .budget ? measure.isBudget : measure == asked || measure == .budget }
        // Figures before it in the paragraph, nearest first.
        var earlier: [Int] = []
        var k = index - 1
        while k >= 0, index - k <= 60, claims[k].paragraph == claim.paragraph {
            if claims[k].isPlainAmount && claims[k].period == .current { earlier.append(k) }
            k -= 1
        }
        // Figures written after the rate in its sentence (`完成年初预算的120%，年初预算为1000万元`) come last.
        var later: [Int] = []
        k = index + 1
        while k < claims.count, k - index <= 20, claims[k].paragraph == claim.paragraph, claims[k].sentence == claim.sentence {
            if claims[k].isPlainAmount && claims[k].period == .current { later.append(k) }
            k += 1
        }
        var sameSentence = earlier.filter { claims[$0].sentence == claim.sentence } + later
        // `…A支出完成年初预算的105.93%（年初预算…、决算…）；B支出完成年初预算的530.71%（年初预算…、决算…）`:
        // a rate of a named amount is of that amount's figures, when the sentence writes them.
        if let own = claim.quantity, own.isKnown, claim.quantitySource == .ownClause {
            let ofOwn = sameSentence.filter { k in claims[k].quantity.map { $0.isKnown && ProseReading.same($0, own) } ?? false }
            if ofOwn.contains(where: { budgetMatches(claims[$0].measure) }) && ofOwn.contains(where: { !claims[$0].measure.isBudget }) { sameSentence = ofOwn }
        }
        // A budget in a bracket (`全年预算数A元（年初预算B元）`) is an aside: the one at the rate's depth first.
        // (The budget of the very kind asked first: `年初预算、全年预算各为4.50万元、4.00万元，…完成年初预算…`.)
        var budgetIndex = (asked != .budget ? sameSentence.first { claims[$0].measure == asked && claims[$0].depth == claim.depth } : nil)
            ?? sameSentence.first { budgetMatches(claims[$0].measure) && claims[$0].depth == claim.depth }
            ?? sameSentence.first { budgetMatches(claims[$0].measure) } ?? earlier.first { budgetMatches(claims[$0].measure) }
        // `“三公”经费全年预算10.70万元，其中：…公务接待费1.50万元，预算执行率92.52%`: after the parts of a
        // budget listed in its sentence, the rate is of the whole.
        if let part = budgetIndex, part < index, let whole = claims[part].listWhole, whole < part, claims[whole].sentence == claim.sentence,
           budgetMatches(claims[whole].measure), claims[whole].depth == claim.depth {
            budgetIndex = whole
        }
        var quantity = budgetIndex.flatMap { claims[$0].quantity } ?? claim.quantity
        func sameQuantity(_ i: Int) -> Bool {
            guard let quantity, let other = claims[i].quantity else { return true }
            return ProseReading.same(other, quantity)
        }
        var actualIndex: Int?
        if claim.isInRespectivelyRun {
            // `A、B分别完成预算的x%和y%`: the actual is its own item, the budget that item's.
            guard let item = claim.respectivelyOf, claims[item].isPlainAmount, !claims[item].measure.isBudget, let itemQuantity = claims[item].quantity else { return }
            actualIndex = item
            quantity = itemQuantity
            budgetIndex = earlier.first { budgetMatches(claims[$0].measure) && sameQuantity($0) }
        } else if !sameSentence.contains(where: { budgetMatches(claims[$0].measure) }),
                  let own = earlier.first(where: { claims[$0].sentence == claim.sentence && claims[$0].depth == claim.depth && !claims[$0].measure.isBudget }),
                  let ownQuantity = claims[own].quantity, ownQuantity.isKnown {
            // `公务用车购置及运行维护费18.90万元，…，完成预算的78.75%`: no budget in the sentence —
            // the rate is of its sentence's amount, against that amount's budget (stated earlier
            // or printed), not against the budget of another amount stated before.
            actualIndex = own
            quantity = ownQuantity
            budgetIndex = earlier.first { budgetMatches(claims[$0].measure) && sameQuantity($0) }
        } else {
            let isActual: (Int) -> Bool = { i in !claims[i].measure.isBudget && i != budgetIndex && sameQuantity(i) }
            // (After the rate, only an amount that names its quantity: `…完成年初预算的96.93%，未达到的
            // 主要原因是…，300.00万元结转下年` is no actual.)
            actualIndex = sameSentence.first { isActual($0) && ($0 < index || claims[$0].quantity?.isKnown == true) }
            if actualIndex == nil, let budgetIndex { actualIndex = earlier.first { isActual($0) && claims[$0].sentence == claims[budgetIndex].sentence } }
            // (Of no known quantity, only in the budget's or the rate's sentence: `…年末结转和结余32.00万元。
            // 本年支出同比增加…；年初预算330.00万元，完成年初预算的110.9%` is not of the balance.)
            if actualIndex == nil, quantity != nil || budgetIndex == nil { actualIndex = earlier.first(where: isActual) }
        }

        // A figure already found to differ from its table (N501) is not judged again through the rate.
        if let actualIndex, reading.contradicted.contains(actualIndex) { return }
        if let budgetIndex, reading.contradicted.contains(budgetIndex) { return }
        var budgets: [Operand] = budgetIndex.map { [reading.operand($0)] } ?? []
        var actuals: [Operand] = actualIndex.map { [reading.operand($0)] } ?? []
        let tableQuantity = quantity ?? actualIndex.flatMap { claims[$0].quantity }
        // Table figures in the unit of the figure they are divided with or by (a table in 元, prose in 万元).
        let actualUnit = actualIndex.flatMap { claims[$0].moneyUnit }, budgetUnit = budgetIndex.flatMap { claims[$0].moneyUnit }
        // `支出决算数为1,240.10万元，比年初预算增加40.10万元，完成预算的103.3%`: no budget written, but
        // the difference from it is: the budget is the actual less (or plus) the difference.
        // (Only of an actual before the rate: one written after it has no difference between them.)
        if budgets.isEmpty, let actual = actuals.first, let actualIndex, actualIndex < index,
           let difference = earlier.isEmpty ? nil : (actualIndex + 1..<index).last(where: {
               if case .budgetDifference = claims[$0].kind { claims[$0].sentence == claim.sentence && claims[$0].depth == claims[actualIndex].depth } else { false }
           }), case .budgetDifference(let increase) = claims[difference].kind, !claims[difference].isApproximate,
           // (A difference from the 年初预算 gives no 调整预算.)
           // (Nor one from a budget stated right before it: `比年初预算125.50万元增加10.69万元`.)
           budgetMatches(ProseReader.budgetsNamed(in: claims[difference].label).last
                         ?? (difference > 0 && claims[difference - 1].isPlainAmount && claims[difference - 1].measure.isBudget
                             && claims[difference - 1].sentence == claims[difference].sentence ? claims[difference - 1].measure : .budget)) {
            let written = actualUnit.flatMap { reading.operand(difference, in: $0) } ?? reading.operand(difference)
            let value = increase ? actual.value - written.value : actual.value + written.value
            if value.mantissa > 0 {
                budgets = [Operand(value: value, strict: increase ? actual.strict - written.strict : actual.strict + written.strict,
                                   lax: increase ? actual.lax - written.lax : actual.lax + written.lax,
                                   name: "预算 \(value)（\(actual.value) \(increase ? "−" : "+") \(written.value)）", range: claims[difference].range)]
            }
        }
        if budgets.isEmpty { budgets = reading.tableBudgets(tableQuantity, measure: asked).map { reading.operand($0, in: actualUnit) } }
        if actuals.isEmpty { actuals = reading.tableFigures(tableQuantity, sentence: claim.sentencePrefix).map { reading.operand($0, in: budgetUnit) } }
        guard let budget = budgets.first, let actual = actuals.first, budget.value.mantissa > 0 else { return }
        // With several table figures for one quantity, the rate may be of any of them.
        if budgets.count > 1 || actuals.count > 1 {
            let target = Interval.written(claim.value)
            if budgets.contains(where: { b in actuals.contains { a in Interval.quotientMayLie(numerator: a.lax, denominator: b.lax, factor: ProseReading.hundred, in: target) } }) { return }
        }
        reading.judgeRatio(code: "N505", claim: index, numerator: actual, denominator: budget,
                           formula: "\(actual.name) ÷ \(budget.name)",
                           related: [RelatedLocation(range: actual.range, message: actual.name), RelatedLocation(range: budget.range, message: budget.name)])
    }
}
