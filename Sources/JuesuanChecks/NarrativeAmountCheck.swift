import JuesuanModel
import JuesuanSyntax

/// N501 and N506: an amount in prose that names a table figure must be that figure — in the
/// table's unit, and to the precision it is written with (narrative.md §4).
enum NarrativeAmountCheck {
    static func run(_ reading: inout ProseReading) {
        for index in reading.claims.indices {
            // Fields read in place: most claims are not judged here, and a copy retains a dozen strings.
            guard reading.claims[index].isPlainAmount, reading.claims[index].period == .current, let unit = reading.claims[index].moneyUnit,
                  reading.claims[index].quantity?.isKnown == true,
                  // (An amount restated in another unit is judged with the amount: N518 compares the two.)
                  reading.claims[index].restated == nil,
                  // (Nor an item under a topic of income: `（二）本年收入。…分项看，地方重大水利工程建设520.00万元`.)
                  reading.claims[index].quantity?.code == nil || reading.claims[index].topic.map({ !$0.name.utf8HasSuffix("收入") && !$0.name.utf8HasSuffix("收入合计") }) ?? true
            else { continue }
            // A budget is published only in 公开09; an executed amount is an actual.
            let figures = reading.tableFigures(reading.claims[index].quantity, measure: reading.claims[index].measure, sentence: reading.context(of: index))
            guard let first = figures.first else { continue }
            if ofAllFundsBasicSpending(index, reading) { continue }
            check(index, unit: unit, figures: figures, first: first, &reading)
        }
    }

    /// `基本支出402.14万元（…），包括人员经费352.68万元和公用经费49.46万元`: the parts of the basic
    /// spending of every fund (公开03's), when that is more than the appropriations' (公开05's):
    /// not 公开06's 人员经费 and 公用经费, which are the appropriations' only.
    static func ofAllFundsBasicSpending(_ index: Int, _ reading: ProseReading) -> Bool {
        let claims = reading.claims
        guard let named = claims[index].quantity, named.qualifier.isEmpty, named.name == "人员经费" || named.name == "公用经费",
              let whole = claims[index].listWhole, let wholeName = claims[whole].quantity, wholeName.qualifier.isEmpty, wholeName.name == "基本支出",
              let all = reading.tableFigures(wholeName).first,
              let appropriations = reading.tableFigures(Quantity(name: "一般公共预算财政拨款基本支出", isKnown: true)).first else { return false }
        return all.value != appropriations.value
    }

    static func check(_ index: Int, unit: MoneyUnit, figures: [Figure], first: Figure, _ reading: inout ProseReading) {
        let claim = reading.claims[index]
        let tableUnit = reading.report.header.unit
        let inTableUnit = convert(claim.value, from: unit, to: tableUnit)
        let name = claim.label.isEmpty ? (claim.quantity?.description ?? "") : claim.label
        let related = figures.map { RelatedLocation(range: $0.cell.token.range, message: "\($0.description)：\($0.value)") }
        if let inTableUnit, figures.contains(where: { $0.value == inTableUnit }) { return }
        // `全年项目支出超过300万元` of 311.97, `公用经费近60万元` of 58.57: bounds that hold.
        if let bound = claim.approximateBound, let inTableUnit, figures.contains(where: { figure in
            bound == .atLeast ? figure.value >= inTableUnit - inTableUnit.halfUnitOfLastDigit : figure.value <= inTableUnit + inTableUnit.halfUnitOfLastDigit
        }) { return }
        // `公务接待费支出24,615.00元` of a table in 万元 (2.46): the table's figure is the prose's
        // amount rounded to the table's decimals (2.4615 → 2.46).
        if let inTableUnit, unit != tableUnit,
           figures.contains(where: { inTableUnit.scale > $0.value.scale && Interval.written($0.value).overlaps(.exact(inTableUnit)) }) { return }
        // `12.65万元` of a table in 元 (126,540.00): the table's figure in the prose's unit, rounded
        // to the prose's decimals, is how a report in 元 writes 万元.
        if unit != tableUnit, figures.contains(where: { figure in
            guard let converted = convert(figure.value, from: tableUnit, to: unit), claim.value.scale < converted.scale else { return false }
            return converted.rounded(toScale: claim.value.scale) == claim.value
        }) { return }
        // Written with fewer decimals than the table figure: equal once the table's figure is rounded.
        if let inTableUnit, let rounded = figures.first(where: { inTableUnit.scale < $0.value.scale && $0.value.rounded(toScale: inTableUnit.scale) == inTableUnit }) {
            let usual = reading.usualScale[unit] ?? rounded.value.scale
            if claim.isApproximate || claim.value.scale >= usual {
                reading.report("N590", .information, on: claim.fullRange, "“\(name)”写作 \(claim.text)，是\(rounded.description) \(rounded.value) 舍入后的数", related: related)
            } else {
                reading.report("N501", .warning, on: claim.range,
                               "“\(name)”写作 \(claim.text)，少于报告通常的 \(usual) 位小数：按 \(claim.value.rescaled(to: usual)) 与\(rounded.description) \(rounded.value) 不符，只有作为舍入后的数才一致，请写出完整的数 \(rounded.value)",
                               fix: Fix(title: "改为 \(rounded.value)", edits: [TextEdit(range: claim.range, replacement: rounded.value.description)], isSafe: false),
                               related: related)
                reading.contradicted.insert(index)
            }
            return
        }
        if unit != tableUnit, let same = figures.first(where: { $0.value == claim.value }) {
            reading.report("N506", .warning, on: claim.unitRange,
                           "“\(name)” \(claim.text) 与\(same.description)相同，但单位写成了“\(unit.rawValue)”，表中单位是“\(tableUnit.rawValue)”",
                           fix: Fix(title: "改为“\(tableUnit.rawValue)”", edits: [TextEdit(range: claim.unitRange, replacement: tableUnit.rawValue)]),
                           related: related)
            reading.contradicted.insert(index)
            return
        }
        if claim.isApproximate, let inTableUnit, figures.contains(where: { Interval.written(inTableUnit).overlaps(Interval.exact($0.value)) }) { return }
        // Of the figures the name may be, one much nearer what is written than the first looked up
        // is the one meant (a slip in one digit): the message and the fix name it.
        let first = inTableUnit.map { written in ProseReading.clearlyNearest(figures, to: written) { $0.value } } ?? first
        var expected = unit == tableUnit ? first.value : (convert(first.value, from: tableUnit, to: unit) ?? first.value)
        // (`1,235,600.00元` in 万元 is 123.56, not 123.560000: trailing zeros of the shift dropped.)
        while expected.scale > max(claim.value.scale, first.value.scale), expected.rounded(toScale: expected.scale - 1) == expected {
            expected = expected.rounded(toScale: expected.scale - 1)
        }
        let scale = max(claim.value.scale, expected.scale)
        let expectedText = expected.formatted(scale: scale)
        reading.report("N501", .error, on: claim.range,
                       "“\(name)”应为\(first.description) \(expectedText)\(unit.rawValue)，说明中写的是 \(claim.text)\(unit.rawValue)，差额 \(CheckContext.signed(claim.value - expected, scale: scale))",
                       fix: Fix(title: "改为 \(expectedText)", edits: [TextEdit(range: claim.range, replacement: expectedText)], isSafe: false),
                       related: related)
        reading.contradicted.insert(index)
    }

    /// Exact conversion between money units; nil when it would need more digits than a figure has.
    static func convert(_ value: DecimalNumber, from: MoneyUnit, to: MoneyUnit) -> DecimalNumber? {
        let shift = from.exponent - to.exponent
        if shift == 0 { return value }
        if shift > 0 { return value * DecimalNumber(mantissa: DecimalNumber.powerOfTen(shift), scale: 0) }
        return DecimalNumber(mantissa: value.mantissa, scale: value.scale - shift)
    }
}
