/// An exact decimal number as written in a report: `mantissa × 10^-scale`.
///
/// Money is never a binary floating-point value. `scale` is the written
/// precision (`13.80` has scale 2), which the rounding rules need.
public struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var mantissa: Int128
    public var scale: Int

    /// The largest scale kept; more digits than this are not a figure a report would publish.
    public static let maximumScale = 12
    static let limit: Int128 = 10_000_000_000_000_000_000_000_000 // 10^28: room to multiply without overflow

    public init(mantissa: Int128, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(mantissa: Int128(integer), scale: 0)
    }

    public static let zero = DecimalNumber(0)

    /// Parses `[-]digits[.digits]` with optional thousands separators; no `%`.
    /// Returns nil for anything else, or for a number too long to be a figure.
    public init?<S: StringProtocol>(_ text: S) {
        self.init(utf8: text.utf8)
    }

    /// Parses the UTF-8 form; the minus sign may be `-`, `－` or `−`.
    public init?<C: Collection<UInt8>>(utf8 bytes: C) {
        var negative = false
        var mantissa: Int128 = 0
        var scale = 0
        var sawDigit = false
        var afterPoint = false
        var digitsSinceSeparator = -1 // -1: no separator seen yet
        var digitsBeforeFirstSeparator = 0
        var totalDigits = 0
        var index = bytes.startIndex
        // A leading minus: ASCII, full-width (EF BC 8D) or the minus sign (E2 88 92).
        if index != bytes.endIndex {
            let b0 = bytes[index]
            if b0 == 0x2D {
                negative = true
                index = bytes.index(after: index)
            } else if b0 == 0xEF || b0 == 0xE2 {
                var probe = bytes.index(after: index)
                guard probe != bytes.endIndex else { return nil }
                let b1 = bytes[probe]
                probe = bytes.index(after: probe)
                guard probe != bytes.endIndex else { return nil }
                let b2 = bytes[probe]
                guard (b0 == 0xEF && b1 == 0xBC && b2 == 0x8D) || (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) else { return nil }
                negative = true
                index = bytes.index(after: probe)
            }
        }
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            switch byte {
            case 0x30...0x39:
                let digit = Int128(byte - 0x30)
                totalDigits += 1
                if totalDigits > 30 { return nil }
                mantissa = mantissa * 10 + digit
                sawDigit = true
                if afterPoint { scale += 1 } else if digitsSinceSeparator >= 0 { digitsSinceSeparator += 1 } else { digitsBeforeFirstSeparator += 1 }
            case 0x2C:
                // A thousands separator: 1–3 digits before the first, exactly 3 between.
                guard !afterPoint, sawDigit else { return nil }
                if digitsSinceSeparator == -1 {
                    guard digitsBeforeFirstSeparator <= 3 else { return nil }
                } else if digitsSinceSeparator != 3 { return nil }
                digitsSinceSeparator = 0
            case 0x2E:
                guard !afterPoint, sawDigit else { return nil }
                if digitsSinceSeparator >= 0 && digitsSinceSeparator != 3 { return nil }
                afterPoint = true
                sawDigit = false
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        if !afterPoint, digitsSinceSeparator >= 0, digitsSinceSeparator != 3 { return nil }
        guard scale <= DecimalNumber.maximumScale else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    /// The same value at a larger scale (more trailing zeros).
    public func rescaled(to newScale: Int) -> DecimalNumber {
        guard newScale > scale else { return self }
        return DecimalNumber(mantissa: mantissa * DecimalNumber.powerOfTen(newScale - scale), scale: newScale)
    }

    /// Rounds half away from zero to `newScale` digits (the way published figures are rounded).
    public func rounded(toScale newScale: Int) -> DecimalNumber {
        guard newScale < scale else { return rescaled(to: newScale) }
        let divisor = DecimalNumber.powerOfTen(scale - newScale)
        var quotient = mantissa / divisor
        let remainder = mantissa % divisor
        if remainder.magnitude * 2 >= divisor.magnitude { quotient += mantissa < 0 ? -1 : 1 }
        return DecimalNumber(mantissa: quotient, scale: newScale)
    }

    /// Cuts off digits beyond `newScale` (towards zero).
    public func truncated(toScale newScale: Int) -> DecimalNumber {
        guard newScale < scale else { return rescaled(to: newScale) }
        return DecimalNumber(mantissa: mantissa / DecimalNumber.powerOfTen(scale - newScale), scale: newScale)
    }

    public static func powerOfTen(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }

    static func aligned(_ a: DecimalNumber, _ b: DecimalNumber) -> (Int128, Int128, Int) {
        let scale = max(a.scale, b.scale)
        return (a.rescaled(to: scale).mantissa, b.rescaled(to: scale).mantissa, scale)
    }

    public static func + (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        let (x, y, scale) = aligned(a, b)
        return DecimalNumber(mantissa: x + y, scale: scale)
    }

    public static func - (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        let (x, y, scale) = aligned(a, b)
        return DecimalNumber(mantissa: x - y, scale: scale)
    }

    public static func * (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        DecimalNumber(mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale).normalizedScale()
    }

    public static prefix func - (a: DecimalNumber) -> DecimalNumber {
        DecimalNumber(mantissa: -a.mantissa, scale: a.scale)
    }

    public static func += (a: inout DecimalNumber, b: DecimalNumber) { a = a + b }

    /// Keeps products from growing without bound: more than 24 decimals are rounded away.
    func normalizedScale() -> DecimalNumber {
        scale > 24 ? rounded(toScale: 24) : self
    }

    /// `self ÷ divisor`, rounded half away from zero to `scale` digits; nil when dividing by zero.
    public func divided(by divisor: DecimalNumber, scale resultScale: Int) -> DecimalNumber? {
        guard divisor.mantissa != 0 else { return nil }
        // (m1/10^s1) / (m2/10^s2) = m1 * 10^(s2 - s1) / m2; keep one guard digit for rounding.
        let shift = resultScale + 1 + divisor.scale - scale
        var numerator = mantissa
        var denominator = divisor.mantissa
        if shift >= 0 { numerator *= DecimalNumber.powerOfTen(shift) } else { denominator *= DecimalNumber.powerOfTen(-shift) }
        let guarded = DecimalNumber(mantissa: numerator / denominator, scale: resultScale + 1)
        return guarded.rounded(toScale: resultScale)
    }

    public var magnitude: DecimalNumber { DecimalNumber(mantissa: mantissa < 0 ? -mantissa : mantissa, scale: scale) }
    public var isZero: Bool { mantissa == 0 }
    public var isNegative: Bool { mantissa < 0 }

    /// Half a unit of the last written digit: the rounding interval's half-width (`13.80` → 0.005).
    public var halfUnitOfLastDigit: DecimalNumber { DecimalNumber(mantissa: 5, scale: scale + 1) }

    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
        let (x, y, _) = aligned(a, b)
        return x < y
    }

    public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
        let (x, y, _) = aligned(a, b)
        return x == y
    }

    public func hash(into hasher: inout Hasher) {
        // Equal values at different scales must hash alike.
        var m = mantissa
        var s = scale
        while s > 0, m % 10 == 0 { m /= 10; s -= 1 }
        hasher.combine(m)
        hasher.combine(s)
    }

    /// Plain digits with exactly `scale` decimals, no separators: `363.60`, `-0.01`.
    public var description: String {
        let negative = mantissa < 0
        let digits = String(mantissa.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    /// The value written at `scale` digits (rounded when fewer).
    public func formatted(scale newScale: Int) -> String {
        (newScale >= scale ? rescaled(to: newScale) : rounded(toScale: newScale)).description
    }

    /// Drops trailing fractional zeros: `88.50` → `88.5`, `10.00` → `10`.
    public var trimmed: DecimalNumber {
        var result = self
        while result.scale > 0, result.mantissa % 10 == 0 {
            result = DecimalNumber(mantissa: result.mantissa / 10, scale: result.scale - 1)
        }
        return result
    }
}
