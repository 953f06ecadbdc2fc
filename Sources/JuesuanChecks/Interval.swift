import JuesuanSyntax

/// The values a written figure stands for: `13.80` is [13.795, 13.805] (spec 9.4).
/// Derived figures are judged on intervals, so no report is flagged for its own rounding.
public struct Interval: Sendable, Hashable {
    public var lower: DecimalNumber
    public var upper: DecimalNumber

    public init(lower: DecimalNumber, upper: DecimalNumber) {
        self.lower = lower
        self.upper = upper
    }

    /// The interval of values that round to `written` at its written precision.
    public static func written(_ value: DecimalNumber) -> Interval {
        Interval(lower: value - value.halfUnitOfLastDigit, upper: value + value.halfUnitOfLastDigit)
    }

    public static func exact(_ value: DecimalNumber) -> Interval { Interval(lower: value, upper: value) }

    public static func + (a: Interval, b: Interval) -> Interval { Interval(lower: a.lower + b.lower, upper: a.upper + b.upper) }
    public static func - (a: Interval, b: Interval) -> Interval { Interval(lower: a.lower - b.upper, upper: a.upper - b.lower) }

    public func scaled(by factor: DecimalNumber) -> Interval {
        factor.isNegative ? Interval(lower: upper * factor, upper: lower * factor) : Interval(lower: lower * factor, upper: upper * factor)
    }

    public func overlaps(_ other: Interval) -> Bool { lower <= other.upper && other.lower <= upper }

    /// Whether some `n ÷ d × factor` with n, d in the intervals lies in `target`; true when the
    /// denominator may be zero or negative (nothing can be concluded then).
    public static func quotientMayLie(numerator n: Interval, denominator d: Interval, factor: DecimalNumber = DecimalNumber(1), in target: Interval) -> Bool {
        guard d.lower.mantissa > 0 else { return true }
        let scaled = n.scaled(by: factor)
        // With d > 0: lowest quotient = lower / (upper d if lower ≥ 0 else lower d); likewise the highest.
        let lowDenominator = scaled.lower.isNegative ? d.lower : d.upper
        let highDenominator = scaled.upper.isNegative ? d.upper : d.lower
        // low ≤ target.upper  ⇔  scaled.lower ≤ target.upper × lowDenominator
        let lowOK = scaled.lower <= target.upper * lowDenominator
        // high ≥ target.lower  ⇔  scaled.upper ≥ target.lower × highDenominator
        let highOK = scaled.upper >= target.lower * highDenominator
        return lowOK && highOK
    }
}
