import JuesuanSyntax

/// Whole numbers written in Chinese numerals, as counts are in prose: `三`, `十五`, `两`, `二十一`,
/// `一百零八`. Up to 千 (a count of 万 is money's unit and is not read).
public enum ChineseNumeral {
    static let numerals = "零〇一二两三四五六七八九十百千"
    static let scalars = ScalarSet(numerals)

    /// The value of the numerals from `start`, and where they end; nil when they are no well-formed
    /// number (`十十`, `三两`, a multiplier after a larger one's missing digit, more than 9,999).
    public static func read(_ text: [Unicode.Scalar], from start: Int) -> (value: Int, end: Int)? {
        var total = 0
        var digit: Int?
        var lastMultiplier = 10_000
        var sawZero = false
        var i = start
        while i < text.count, i - start < 12, scalars.contains(text[i]) {
            let scalar = text[i]
            if let d = digitValue(scalar) {
                if d == 0 {
                    // `一百零八`: a zero only between a multiplier and a digit.
                    guard digit == nil, total > 0, !sawZero else { return nil }
                    sawZero = true
                } else {
                    guard digit == nil else { return nil }  // `三四`: a range, no number
                    // `两` counts (`两辆`) but is no digit after a multiplier (`十两`).
                    if scalar == "两", total > 0 { return nil }
                    digit = d
                }
            } else {
                let multiplier = scalar == "十" ? 10 : scalar == "百" ? 100 : 1_000
                guard multiplier < lastMultiplier else { return nil }
                // `十五`: 十 alone at the start is one ten.
                guard digit != nil || (multiplier == 10 && total == 0 && !sawZero) else { return nil }
                total += (digit ?? 1) * multiplier
                digit = nil
                sawZero = false
                lastMultiplier = multiplier
            }
            i += 1
        }
        guard i > start else { return nil }
        if let digit { total += digit } else if sawZero { return nil }
        return (total, i)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }
}
