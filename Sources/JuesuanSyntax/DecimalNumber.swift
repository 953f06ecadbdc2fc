/// An exact decimal number as written in a report: `mantissa × 10^-scale`.
///
/// Money is never a binary floating-point value. `scale` is the written
/// precision (`13.80` has scale 2), which the rounding rules need.
public struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored as two machine words and a 32-bit scale, not as an `Int128` and an `Int`: 24 bytes
    // at 8-byte alignment instead of 32 at 16, so a cell's value (`CellValue?`) is 24 bytes, an
    // optional figure 24 instead of 48, and arrays of them are allocated by plain `malloc`
    // rather than `posix_memalign` (issue 15: a 1 MB report's syntax tree is mostly rows).
    @usableFromInline var mantissaLow: UInt64
    @usableFromInline var mantissaHigh: Int64
    @usableFromInline var storedScale: Int32

    public var mantissa: Int128 {
        @inlinable get { Int128(mantissaHigh) << 64 | Int128(mantissaLow) }
        @inlinable set {
            mantissaLow = UInt64(truncatingIfNeeded: newValue)
            mantissaHigh = Int64(truncatingIfNeeded: newValue >> 64)
        }
    }

    /// Every scale a computation reaches fits 32 bits by far (a figure has at most
    /// `maximumScale` decimals and arithmetic keeps scales within 38 of each other); one that
    /// did not would be clamped, never a trap.
    public var scale: Int {
        @inlinable get { Int(storedScale) }
        @inlinable set { storedScale = Int32(clamping: newValue) }
    }

    /// The largest scale kept; more digits than this are not a figure a report would publish.
    public static let maximumScale = 12
    /// The most integer digits a checkable figure has (10^18 is far beyond any budget in 元).
    /// Longer figures are reported (S112) and not checked: spec is silent, see DECISIONS.md.
    public static let maximumIntegerDigits = 18

    @inlinable
    public init(mantissa: Int128, scale: Int) {
        mantissaLow = UInt64(truncatingIfNeeded: mantissa)
        mantissaHigh = Int64(truncatingIfNeeded: mantissa >> 64)
        storedScale = Int32(clamping: scale)
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

    /// Parses the UTF-8 form; the minus sign may be `-`, `－` or `−`. Nil for anything that
    /// is not a number and for a number beyond the checkable limits (see `classify`).
    public init?<C: Collection<UInt8>>(utf8 bytes: C) {
        guard case .number(let value) = DecimalNumber.classify(utf8: bytes) else { return nil }
        self = value
    }

    /// What a written word is: a checkable number, a number too large or too precise to check
    /// (more than `maximumIntegerDigits` integer digits or `maximumScale` decimals), or no number.
    public enum Reading: Sendable, Hashable {
        case number(DecimalNumber)
        case oversized
        case notANumber
    }

    /// Reads `[-]digits[.digits]` with optional thousands separators (no `%`).
    public static func classify<S: StringProtocol>(_ text: S) -> Reading { classify(utf8: text.utf8) }

    public static func classify<C: Collection<UInt8>>(utf8 bytes: C) -> Reading {
        if let plain = bytes.withContiguousStorageIfAvailable(plainNumber), let number = plain { return .number(number) }
        var negative = false
        var mantissa: Int128 = 0
        // Digits are gathered 18 at a time in a machine word, then moved into the Int128:
        // one wide multiplication per 18 digits instead of one per digit (issue 15).
        var chunk: UInt64 = 0
        var chunkDigits = 0
        var scale = 0
        var sawDigit = false
        var afterPoint = false
        var digitsSinceSeparator = -1 // -1: no separator seen yet
        var digitsBeforeFirstSeparator = 0
        var integerDigits = 0 // significant: leading zeros do not count
        var index = bytes.startIndex
        // A leading minus: ASCII, full-width (EF BC 8D) or the minus sign (E2 88 92).
        if index != bytes.endIndex {
            let b0 = bytes[index]
            if b0 == 0x2D {
                negative = true
                index = bytes.index(after: index)
            } else if b0 == 0xEF || b0 == 0xE2 {
                var probe = bytes.index(after: index)
                guard probe != bytes.endIndex else { return .notANumber }
                let b1 = bytes[probe]
                probe = bytes.index(after: probe)
                guard probe != bytes.endIndex else { return .notANumber }
                let b2 = bytes[probe]
                guard (b0 == 0xEF && b1 == 0xBC && b2 == 0x8D) || (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) else { return .notANumber }
                negative = true
                index = bytes.index(after: probe)
            }
        }
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            switch byte {
            case 0x30...0x39:
                let digit = byte &- 0x30
                if afterPoint { scale += 1 } else if mantissa != 0 || chunk != 0 || digit != 0 { integerDigits += 1 }
                // Stop accumulating past the limits (the word is still read to the end for its shape):
                // within them the mantissa has at most 30 digits, far inside Int128.
                if integerDigits <= maximumIntegerDigits && scale <= maximumScale {
                    chunk = chunk &* 10 &+ UInt64(digit)
                    chunkDigits += 1
                    if chunkDigits == 18 {
                        mantissa = mantissa * 1_000_000_000_000_000_000 + Int128(chunk)
                        chunk = 0
                        chunkDigits = 0
                    }
                }
                sawDigit = true
                if !afterPoint { if digitsSinceSeparator >= 0 { digitsSinceSeparator += 1 } else { digitsBeforeFirstSeparator += 1 } }
            case 0x2C:
                // A thousands separator: 1–3 digits before the first, exactly 3 between.
                guard !afterPoint, sawDigit else { return .notANumber }
                if digitsSinceSeparator == -1 {
                    guard digitsBeforeFirstSeparator <= 3 else { return .notANumber }
                } else if digitsSinceSeparator != 3 { return .notANumber }
                digitsSinceSeparator = 0
            case 0x2E:
                guard !afterPoint, sawDigit else { return .notANumber }
                if digitsSinceSeparator >= 0 && digitsSinceSeparator != 3 { return .notANumber }
                afterPoint = true
                sawDigit = false
            default:
                return .notANumber
            }
        }
        guard sawDigit else { return .notANumber }
        if !afterPoint, digitsSinceSeparator >= 0, digitsSinceSeparator != 3 { return .notANumber }
        guard integerDigits <= maximumIntegerDigits, scale <= maximumScale else { return .oversized }
        if chunkDigits > 0 { mantissa = mantissa * powerOfTen(chunkDigits) + Int128(chunk) }
        return .number(DecimalNumber(mantissa: negative ? -mantissa : mantissa, scale: scale))
    }

    /// The common figure, `[-]digits[.digits]` with at most 18 digits and 12 decimals, read in
    /// one machine word; nil for anything else (separators, other minus signs, more digits),
    /// which the general reading above takes, giving the same number for these (issue 15: the
    /// general reading was a sixth of the parse).
    @inline(__always)
    static func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> DecimalNumber? {
        let count = bytes.count
        guard count > 0, count <= 20 else { return nil }
        let negative = bytes[0] == 0x2D
        var index = negative ? 1 : 0
        // The integer digits, then the decimals after a point, each in a loop of its own: one
        // test a byte (at most 20 digits; a value that wrapped is refused by the count below).
        var value: UInt64 = 0
        let integerStart = index
        while index < count, case let digit = bytes[index] &- 0x30, digit < 10 {
            value = value &* 10 &+ UInt64(digit)
            index += 1
        }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return nil }
        var scale = 0
        if index < count {
            guard bytes[index] == 0x2E else { return nil }
            index += 1
            let decimalsStart = index
            while index < count, case let digit = bytes[index] &- 0x30, digit < 10 {
                value = value &* 10 &+ UInt64(digit)
                index += 1
            }
            scale = index - decimalsStart
            guard scale > 0, index == count else { return nil }
        }
        guard integerDigits + scale <= 18, scale <= maximumScale else { return nil }
        let mantissa = Int128(value)
        return DecimalNumber(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    // MARK: Arithmetic that cannot trap
    //
    // Every result is exact when it fits an Int128 mantissa. When it does not (only for
    // figures far beyond `maximumIntegerDigits`, or products of such), the mantissa is rounded
    // half away from zero to the most digits that fit, lowering the scale (possibly below 0):
    // a close approximation, never a trap. Comparisons are always exact.

    static let maxMagnitude = UInt128(Int128.max)

    /// 10^exponent, or nil past 10^38 (the largest power of ten below 2^127).
    static func power(_ exponent: Int) -> UInt128? {
        guard exponent >= 0, exponent <= 38 else { return nil }
        return powers[exponent]
    }

    static let powers: [UInt128] = {
        var table: [UInt128] = [1]
        for _ in 1...38 { table.append(table[table.count - 1] * 10) }
        return table
    }()

    /// 10^exponent as an Int128, saturating at Int128.max past 10^38.
    public static func powerOfTen(_ exponent: Int) -> Int128 {
        power(max(0, exponent)).map { Int128($0) } ?? Int128.max
    }

    /// A 256-bit magnitude with a sign and scale, rounded into a DecimalNumber.
    static func fitting(negative: Bool, high: UInt128, low: UInt128, scale: Int) -> DecimalNumber {
        var high = high, low = low, scale = scale
        var roundUp = false
        while high != 0 || low > maxMagnitude {
            let (qh, rh) = high.quotientAndRemainder(dividingBy: 10)
            let (ql, rl) = UInt128(10).dividingFullWidth((rh, low))
            high = qh
            low = ql
            scale -= 1
            // The last digit dropped is the most significant of those dropped: half away from zero.
            roundUp = rl >= 5
        }
        if roundUp {
            low += 1
            if low > maxMagnitude { low = (low + 5) / 10; scale -= 1 }
        }
        let m = Int128(low)
        return DecimalNumber(mantissa: negative ? -m : m, scale: scale)
    }

    /// The mantissa's magnitude; Int128.min (never produced here) saturates.
    var unsignedMagnitude: UInt128 { mantissa == .min ? DecimalNumber.maxMagnitude : mantissa.magnitude }

    /// The same value at `newScale`, or nil when the mantissa would not fit.
    public func rescaledExactly(to newScale: Int) -> DecimalNumber? {
        guard newScale > scale else { return newScale == scale ? self : nil }
        guard let factor = DecimalNumber.power(newScale - scale) else { return mantissa == 0 ? DecimalNumber(mantissa: 0, scale: newScale) : nil }
        let (result, overflow) = mantissa.multipliedReportingOverflow(by: Int128(factor))
        return overflow || result == .min ? nil : DecimalNumber(mantissa: result, scale: newScale)
    }

    /// The same value at a larger scale (more trailing zeros); unchanged when that would not fit.
    public func rescaled(to newScale: Int) -> DecimalNumber {
        guard newScale > scale else { return self }
        return rescaledExactly(to: newScale) ?? self
    }

    /// Rounds half away from zero to `newScale` digits (the way published figures are rounded).
    public func rounded(toScale newScale: Int) -> DecimalNumber {
        guard newScale < scale else { return rescaled(to: newScale) }
        guard let divisor = DecimalNumber.power(scale - newScale) else { return DecimalNumber(mantissa: 0, scale: newScale) }
        let magnitude = unsignedMagnitude
        var quotient = magnitude / divisor
        if (magnitude % divisor) * 2 >= divisor { quotient += 1 }
        let m = Int128(quotient) // quotient ≤ magnitude / 10 + 1: fits
        return DecimalNumber(mantissa: mantissa < 0 ? -m : m, scale: newScale)
    }

    /// Cuts off digits beyond `newScale` (towards zero).
    public func truncated(toScale newScale: Int) -> DecimalNumber {
        guard newScale < scale else { return rescaled(to: newScale) }
        guard let divisor = DecimalNumber.power(scale - newScale) else { return DecimalNumber(mantissa: 0, scale: newScale) }
        return DecimalNumber(mantissa: mantissa / Int128(divisor), scale: newScale)
    }

    /// Both mantissas at one scale, when they fit (the fast, common case).
    @inline(__always)
    static func aligned(_ a: DecimalNumber, _ b: DecimalNumber) -> (Int128, Int128, Int)? {
        // The figures of one table share a scale: nothing to rescale.
        if a.storedScale == b.storedScale { return (a.mantissa, b.mantissa, a.scale) }
        // A sum starts at `.zero` (scale 0): zero at any smaller scale is zero at the other's.
        if a.mantissaLow == 0, a.mantissaHigh == 0, a.storedScale < b.storedScale { return (0, b.mantissa, b.scale) }
        if b.mantissaLow == 0, b.mantissaHigh == 0, b.storedScale < a.storedScale { return (a.mantissa, 0, a.scale) }
        let scale = max(a.scale, b.scale)
        guard let x = a.rescaledExactly(to: scale), let y = b.rescaledExactly(to: scale) else { return nil }
        return (x.mantissa, y.mantissa, scale)
    }

    /// `a + b` (or `a - b`) through 256-bit magnitudes, rounded to fit.
    static func wideSum(_ a: DecimalNumber, _ b: DecimalNumber, subtract: Bool) -> DecimalNumber {
        var a = a, b = b
        // Keep the scales within 38 of each other so either mantissa times 10^k fits 256 bits.
        if a.scale > b.scale + 38 { a = a.rounded(toScale: b.scale + 38) }
        if b.scale > a.scale + 38 { b = b.rounded(toScale: a.scale + 38) }
        let scale = max(a.scale, b.scale)
        func widened(_ x: DecimalNumber) -> (UInt128, UInt128) {
            let w = x.unsignedMagnitude.multipliedFullWidth(by: power(scale - x.scale) ?? 1)
            return (w.high, w.low)
        }
        let (ah, al) = widened(a), (bh, bl) = widened(b)
        let aNegative = a.mantissa < 0
        let bNegative = (b.mantissa < 0) != subtract
        if aNegative == bNegative {
            let (low, carry) = al.addingReportingOverflow(bl)
            let high = ah &+ bh &+ (carry ? 1 : 0) // each below 2^255: no overflow
            return fitting(negative: aNegative, high: high, low: low, scale: scale)
        }
        // Opposite signs: the larger magnitude minus the smaller.
        let aLarger = (ah, al) >= (bh, bl)
        let (xh, xl, yh, yl) = aLarger ? (ah, al, bh, bl) : (bh, bl, ah, al)
        let (low, borrow) = xl.subtractingReportingOverflow(yl)
        let high = xh &- yh &- (borrow ? 1 : 0)
        return fitting(negative: aLarger ? aNegative : bNegative, high: high, low: low, scale: scale)
    }

    public static func + (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        if let (x, y, scale) = aligned(a, b) {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow && sum != .min { return DecimalNumber(mantissa: sum, scale: scale) }
        }
        return wideSum(a, b, subtract: false)
    }

    public static func - (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        if let (x, y, scale) = aligned(a, b) {
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if !overflow && difference != .min { return DecimalNumber(mantissa: difference, scale: scale) }
        }
        return wideSum(a, b, subtract: true)
    }

    public static func * (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        let product = a.unsignedMagnitude.multipliedFullWidth(by: b.unsignedMagnitude)
        let negative = (a.mantissa < 0) != (b.mantissa < 0) && product != (0, 0)
        return fitting(negative: negative, high: product.high, low: product.low, scale: a.scale + b.scale).normalizedScale()
    }

    public static prefix func - (a: DecimalNumber) -> DecimalNumber {
        DecimalNumber(mantissa: a.mantissa == .min ? .max : -a.mantissa, scale: a.scale)
    }

    public static func += (a: inout DecimalNumber, b: DecimalNumber) { a = a + b }
    public static func -= (a: inout DecimalNumber, b: DecimalNumber) { a = a - b }

    /// Keeps products from growing without bound: more than 24 decimals are rounded away.
    func normalizedScale() -> DecimalNumber {
        scale > 24 ? rounded(toScale: 24) : self
    }

    /// `self ÷ divisor`, rounded half away from zero to `scale` digits; nil when dividing by zero.
    /// Long division, so no intermediate value can overflow.
    public func divided(by divisor: DecimalNumber, scale resultScale: Int) -> DecimalNumber? {
        guard divisor.mantissa != 0 else { return nil }
        let negative = (mantissa < 0) != (divisor.mantissa < 0)
        let n = unsignedMagnitude, d = divisor.unsignedMagnitude
        // (m1/10^s1) / (m2/10^s2) = m1 * 10^(s2 - s1) / m2; keep one guard digit for rounding.
        let guardScale = resultScale + 1
        var shift = guardScale + divisor.scale - scale
        var high: UInt128 = 0, low: UInt128 = 0, quotientScale = guardScale
        if shift <= 0 {
            // floor(floor(n / 10^k) / d) = floor(n / (10^k d)) for positive integers.
            if let p = DecimalNumber.power(-shift) { low = (n / p) / d }
        } else {
            var r: UInt128
            (low, r) = n.quotientAndRemainder(dividingBy: d)
            // One decimal digit at a time: r < d, so r·10 ÷ d < 10 always fits.
            while shift > 0 {
                if high >= UInt128(1) << 120 { quotientScale -= shift; break } // enough digits: the rest is rounding
                let (digit, rest) = d.dividingFullWidth(r.multipliedFullWidth(by: 10))
                r = rest
                let wide = low.multipliedFullWidth(by: 10)
                let (newLow, carry) = wide.low.addingReportingOverflow(digit)
                high = high &* 10 &+ wide.high &+ (carry ? 1 : 0)
                low = newLow
                shift -= 1
            }
        }
        let isNegative = negative && (high != 0 || low != 0)
        let guarded = DecimalNumber.fitting(negative: isNegative, high: high, low: low, scale: quotientScale)
        return guarded.rounded(toScale: resultScale)
    }

    public var magnitude: DecimalNumber { mantissa < 0 ? -self : self }
    public var isZero: Bool { mantissa == 0 }
    public var isNegative: Bool { mantissa < 0 }

    /// Half a unit of the last written digit: the rounding interval's half-width (`13.80` → 0.005).
    public var halfUnitOfLastDigit: DecimalNumber { DecimalNumber(mantissa: 5, scale: scale + 1) }

    /// -1, 0 or 1 as a is below, equal to or above b; exact at any scales, never overflows.
    static func compare(_ a: DecimalNumber, _ b: DecimalNumber) -> Int {
        if let (x, y, _) = aligned(a, b) { return x < y ? -1 : (x == y ? 0 : 1) }
        // a at the coarser scale: a·10^k against b, via b = q·10^k + r (r has b's sign, |r| < 10^k).
        if a.scale > b.scale { return -compare(b, a) }
        let k = b.scale - a.scale
        let q: Int128, r: Int128
        if let p = power(k) { (q, r) = b.mantissa.quotientAndRemainder(dividingBy: Int128(p)) } else { (q, r) = (0, b.mantissa) }
        if a.mantissa != q { return a.mantissa < q ? -1 : 1 }
        return r > 0 ? -1 : (r == 0 ? 0 : 1)
    }

    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool { compare(a, b) < 0 }

    public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool { compare(a, b) == 0 }

    public func hash(into hasher: inout Hasher) {
        // Equal values at different scales must hash alike: strip every trailing zero.
        var m = mantissa
        var s = scale
        if m == 0 { s = 0 }
        while m != 0, m % 10 == 0 { m /= 10; s -= 1 }
        hasher.combine(m)
        hasher.combine(s)
    }

    /// Plain digits with exactly `scale` decimals, no separators: `363.60`, `-0.01`.
    public var description: String {
        let negative = mantissa < 0
        let digits = String(mantissa.magnitude)
        guard scale > 0 else {
            // A negative scale (a rounded huge value) is written with its trailing zeros.
            return mantissa == 0 ? "0" : (negative ? "-" : "") + digits + String(repeating: "0", count: min(-scale, 4096))
        }
        let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        // Strings joined, not a string and substrings (`+` on a substring is generic: the first
        // in a process cost the run-time's search of every protocol conformance, issue 15).
        return (negative ? "-" : "") + String(padded[..<split]) + "." + String(padded[split...])
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
