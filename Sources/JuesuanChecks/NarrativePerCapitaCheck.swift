import JuesuanModel
import JuesuanSyntax

/// N516: an amount per person (`人均接待费176.53元`) is the amount it is of (公务接待费 3.46万元)
/// ÷ the people it served (196人次), both written before it in its paragraph. So is an amount per
/// vehicle (`平均每辆2.53万元` ÷ 3辆) or per batch (`平均每批次1,500元` ÷ 16批次).
enum NarrativePerCapitaCheck {
    static let rules = [Rule("N516", .error, "人均（每辆、每批）金额 ≠ 金额 ÷ 人数（辆数、批数）")]

    static func run(_ reading: inout ProseReading) {
        let claims = reading.claims
        for index in claims.indices where claims[index].isPlainAmount && !claims[index].isEcho {
            guard let mark = claims[index].averageMark, let unit = claims[index].moneyUnit else { continue }
            // `人均接待费用` is of 公务接待费: the word after 人均, without 用 or 支出.
            let written = String(claims[index].label[mark.range.upperBound...])
            var what = written
            for suffix in ["支出", "用"] where what.hasSuffix(suffix) { what.removeLast(suffix.count) }
            // `人均176.53元` alone is of the amount before it.
            guard what.isEmpty || what.count >= 2, let (counted, countUnit) = count(of: mark.countUnits, named: mark.ofCountsNamed, before: index, claims) else { continue }
            guard let total = amount(named: what.isEmpty ? mark.ofAmountsNamed : [what], before: index, depth: claims[index].depth, claims)
                    ?? (written.isEmpty || written.hasSuffix("支出") ? ofTopicItem(index, claims) : nil) else {
                // (In a paragraph about an item, the tables' totals are not what it is of.)
                if claims[index].topic?.code == nil { fromTables(index, of: written, count: counted, countUnit: countUnit, unit: unit, &reading) }
                continue
            }
            guard let amount = reading.operand(total).converted(to: unit) else { continue }
            judge(index, subject: String(claims[index].label[mark.range]), amounts: [amount], amountMessage: "金额 \(claims[total].text)",
                  count: counted, countUnit: countUnit, unit: unit, &reading)
        }
    }

    /// `按在职人员96人计算，人均基本支出16.68万元`: an amount per head of a quantity the tables print
    /// and the paragraph does not write, divided by a count of its own sentence, is that figure ÷
    /// the count (any of the figures the name may be; the first reported).
    static func fromTables(_ index: Int, of what: String, count counted: Int, countUnit: String, unit: MoneyUnit, _ reading: inout ProseReading) {
        let claims = reading.claims
        guard !what.isEmpty, claims[counted].sentence == claims[index].sentence, claims[counted].value.mantissa > 0,
              let quantity = QuantityNames.namedWhole(by: what), quantity.isKnown, LabelKey.make(quantity.description) == LabelKey.make(what) else { return }
        let figures = reading.tableFigures(quantity, sentence: reading.context(of: index))
        guard !figures.isEmpty else { return }
        let mark = claims[index].averageMark.map { String(claims[index].label[$0.range]) } ?? "人均"
        let amounts = figures.map { reading.operand($0, in: unit) }
        judge(index, subject: mark + what, amounts: amounts, amountMessage: amounts[0].name, count: counted, countUnit: countUnit, unit: unit, &reading)
    }

    /// Reports an amount per head that none of `amounts` (the first reported) ÷ the count allows.
    static func judge(_ index: Int, subject: String, amounts: [Operand], amountMessage: String, count counted: Int, countUnit: String, unit: MoneyUnit,
                      _ reading: inout ProseReading) {
        let claims = reading.claims
        let count = Interval.exact(claims[counted].value), target = Interval.written(claims[index].value)
        guard let amount = amounts.first, claims[counted].value.mantissa > 0, !amounts.contains(where: { amount in
            ProseReading.verdict { Interval.quotientMayLie(numerator: amount[keyPath: $0], denominator: count, in: target) } != .fails
        }), let expected = amount.value.divided(by: claims[counted].value, scale: max(claims[index].value.scale, 2)) else { return }
        let scale = max(claims[index].value.scale, expected.scale)
        reading.report("N516", .error, on: claims[index].range,
                       "\(subject)应为 \(amount.name) ÷ \(claims[counted].text)\(countUnit) = \(expected.formatted(scale: scale))\(unit.rawValue)，说明中写的是 \(claims[index].text)\(unit.rawValue)，差额 \(CheckContext.signed(claims[index].value - expected, scale: scale))",
                       fix: Fix(title: "改为 \(expected.formatted(scale: scale))", edits: [TextEdit(range: claims[index].range, replacement: expected.formatted(scale: scale))], isSafe: false),
                       related: [RelatedLocation(range: amount.range, message: amountMessage),
                                 RelatedLocation(range: claims[counted].range, message: "数量 \(claims[counted].text)\(countUnit)")])
    }

    /// The nearest count in one of `units` before `index` in its paragraph (named by one of
    /// `names`, unless there are none).
    static func count(of units: [String], named names: [String], before index: Int, _ claims: [Claim]) -> (Int, String)? {
        guard let k = nearest(before: index, claims, where: { claim in
            // A change of a count (`比上年减少37人次`) is not what the amount is divided by.
            // Nor is last year's count (`（上年接待28批231人）`), nor an average count
            // (`平均每批次5.75人次`).
            // Nor a part in a bracket (`4辆公务用车（含机要通信用车1辆）`).
            // Nor a count per something (`每团4.5人`).
            if case .count(let unit)? = claim.unit, case .count = claim.kind, claim.period == .current, claim.averageMark == nil,
               claim.value.scale == 0, !NarrativeCountCheck.isCountPerSomething(claim),
               claim.depth <= claims[index].depth, names.isEmpty || names.contains(where: { claim.label.containsText($0) }) {
                units.contains(unit)
            } else { false }
        }), case .count(let unit)? = claims[k].unit else { return nil }
        return (k, unit)
    }

    /// The nearest amount before `index` in its paragraph whose words hold one of `words`
    /// (`公务接待费` for 接待费; any, when there are none), not itself an average.
    static func amount(named words: [String], before index: Int, depth: Int, _ claims: [Claim]) -> Int? {
        nearest(before: index, claims) { claim in
            // Not a part in a bracket (`6.12万元（基本支出4.86万元、项目支出1.26万元）`).
            claim.depth <= depth &&
            // Last year's amount compared with (`比上年（6.45万元）减少…`) is not this year's average's.
            // (Nor an amount per something else: `次均接待费用900.00元`, `生均支出19,363.96元`.)
            claim.isPlainAmount && !claim.measure.isBudget && claim.averageMark == nil && claim.period == .current && !claim.label.utf8Contains("均")
                // (By its quantity only when no part of a list: `…其中基本支出列支12.36万元、项目支出列支
                // 3.50万元` are no 运行维护费 per vehicle, nor `机关运行经费…其中：公务用车运行维护费…` the
                // running cost per head.)
                // (Nor a part named under it as a topic: `机关运行经费中，…公务用车运行维护费16.45万元`.)
                && (words.isEmpty || words.contains { word in
                    claim.label.containsText(word) || (claim.listWhole == nil && claim.quantity.map { $0.name.containsText(word) && !$0.name.containsText(word + "中") } == true)
                })
        }
    }

    /// In a paragraph about an item (`小学教育（项）：…决算数17,583.21万元…按小学在校生14,583人计算，
    /// 生均一般公共预算财政拨款支出12,057.33元`), the item's actual amount written before it: what
    /// an amount per head of spending (`生均支出`, or no name) is of.
    static func ofTopicItem(_ index: Int, _ claims: [Claim]) -> Int? {
        guard let item = claims[index].topic, let code = item.code else { return nil }
        return nearest(before: index, claims) { claim in
            claim.isPlainAmount && claim.measure == .actual && claim.period == .current && claim.depth == 0 && claim.averageMark == nil
                && claim.quantity?.code == code
        }
    }

    /// The nearest claim before `index` in its paragraph (20 figures back at most) that passes `test`.
    static func nearest(before index: Int, _ claims: [Claim], where test: (Claim) -> Bool) -> Int? {
        var k = index - 1
        while k >= 0, index - k <= 20, claims[k].paragraph == claims[index].paragraph {
            if test(claims[k]) { return k }
            k -= 1
        }
        return nil
    }
}
