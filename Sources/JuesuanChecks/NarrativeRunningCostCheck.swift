import JuesuanModel
import JuesuanSyntax

/// N519 (warning): the department's 机关运行经费 in prose above 公开06's 公用经费合计
/// (domain-rules N-10). The running cost of the offices is bought with the basic expenditure's
/// goods and services, so it cannot exceed them; no table prints it, so this is its only check
/// against the tables. A warning, not an error: since the 2021 template some provinces count
/// project money in it too (domain-rules §5). Equality (expected when every unit is 行政 or
/// 参公) is not asked: the report does not say what its units are.
enum NarrativeRunningCostCheck {
    static let rules = [Rule("N519", .warning, "说明中的机关运行经费超过公开06 的公用经费合计")]

    static let runningCost = "机关运行经费"

    static func run(_ reading: inout ProseReading) {
        var wholeFigures: [Figure]?
        for index in reading.claims.indices {
            // Fields read in place: almost no claim is of the running cost.
            guard reading.claims[index].isPlainAmount, reading.claims[index].period == .current, reading.claims[index].measure == .actual,
                  !reading.claims[index].isEcho, let unit = reading.claims[index].moneyUnit,
                  let quantity = reading.claims[index].quantity, quantity.isKnown, quantity.qualifier.isEmpty, quantity.code == nil,
                  ByteKey(quantity.name) == ByteKey(runningCost), !reading.contradicted.contains(index) else { continue }
            if wholeFigures == nil { wholeFigures = reading.tableFigures(Quantity(name: "公用经费", isKnown: true)) }
            guard let whole = wholeFigures?.first,
                  let inTableUnit = NarrativeAmountCheck.convert(reading.claims[index].value, from: unit, to: reading.report.header.unit) else { continue }
            // Judged at the written digits: `820.0` may be any of [819.95, 820.05].
            let written = Interval.written(inTableUnit)
            // And the table's at its digits: `2,485,724.37元` is 公用经费合计 248.57 unrounded.
            guard written.lower > Interval.written(whole.value).upper else { continue }
            let claim = reading.claims[index]
            let scale = max(inTableUnit.scale, whole.value.scale)
            reading.report("N519", .warning, on: claim.range,
                           "机关运行经费 \(claim.text)\(unit.rawValue) 超过\(whole.description) \(whole.value)\(reading.report.header.unit.rawValue)，差额 \(CheckContext.signed(inTableUnit - whole.value, scale: scale))：机关运行经费是基本支出中公用经费的一部分，不应超过它（个别地区把项目支出也计入时除外）",
                           related: [RelatedLocation(range: whole.cell.token.range, message: "\(whole.description)：\(whole.value)")])
        }
    }
}
