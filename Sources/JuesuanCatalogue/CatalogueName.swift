/// Normalisation of subject names, for comparing a label printed in a
/// report with the catalogue's official name.
public enum CatalogueName {
    /// `name` in a canonical form:
    /// - full-width ASCII forms (U+FF01…U+FF5E) become ASCII, so `（）` → `()`,
    ///   `＂` → `"`, `％` → `%`, full-width digits and letters → ASCII;
    /// - the quotes `“ ” „ ‟ 〝 〞 〟` become `"`, and `‘ ’ ‚ ‛` become `'`;
    /// - white space (ASCII blanks, U+3000 ideographic space, no-break
    ///   spaces, line breaks) and zero-width characters (U+200B…U+200D,
    ///   U+2060, U+FEFF) are removed.
    ///
    /// Other characters (including 、，。 and 「」) are kept as they are.
    @inlinable
    public static func normalized(_ name: some StringProtocol) -> String {
        // Most names are already in canonical form: return them without rebuilding.
        if isNormalized(name) { return String(name) }
        if let normalized = name.utf8.withContiguousStorageIfAvailable({ normalizedUTF8($0) }) { return normalized }
        return normalizedByScalars(name)
    }

    /// `normalized` scalar by scalar: the reference `normalizedUTF8` is tested against.
    @inlinable
    static func normalizedByScalars(_ name: some StringProtocol) -> String {
        // Encoded into bytes and made a string once (appending to a scalar view scalar by scalar was slow).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if let mapped = map(scalar) { UTF8.encode(mapped) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `normalized(name)` is `name` itself.
    @inlinable
    public static func isNormalized(_ name: some StringProtocol) -> Bool {
        if let answer = name.utf8.withContiguousStorageIfAvailable({ isNormalizedUTF8($0) }) { return answer }
        return name.unicodeScalars.allSatisfy { map($0) == $0 }
    }

    /// `isNormalized` on the valid UTF-8 of a string: printable ASCII but the space, and
    /// U+4000–U+9FFF (lead bytes E4–E9), map to themselves and are passed without decoding
    /// (issue 15: a label's check decoded and switched on every scalar); the others are decoded
    /// and mapped.
    @inlinable
    static func isNormalizedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        let end = bytes.count
        while k < end {
            let lead = bytes[k]
            if lead &- 0x21 < 0x5F { k += 1; continue }
            if lead &- 0xE4 < 6 { k += 3; continue }
            guard let (scalar, width) = scalar(bytes, at: k), map(scalar) == scalar else { return false }
            k += width
        }
        return true
    }

    /// The scalar whose valid UTF-8 (a string's) starts at `k` and its width, the lead byte
    /// saying the width; nil where the bytes end before it does.
    @inlinable @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[k]
        var value = UInt32(lead)
        var width = 1
        if lead >= 0xF0 { value &= 0x07; width = 4 } else if lead >= 0xE0 { value &= 0x0F; width = 3 } else if lead >= 0xC0 { value &= 0x1F; width = 2 }
        guard k + width <= bytes.count else { return nil }
        if width > 1 { for j in 1..<width { value = value << 6 | UInt32(bytes[k + j] & 0x3F) } }
        return Unicode.Scalar(value).map { ($0, width) }
    }

    /// `normalized` on the valid UTF-8 of a string, written straight into the new string: the
    /// scalars `isNormalizedUTF8` passes without decoding are copied as bytes, the others
    /// decoded and mapped (issue 15: a label of another form was rebuilt a byte append at a time).
    /// No scalar maps to a longer one (full-width forms and quotes become ASCII), so the
    /// string is at most as long as `bytes`.
    @inlinable
    static func normalizedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var k = 0
            var n = 0
            let end = bytes.count
            while k < end {
                let lead = bytes[k]
                if lead &- 0x21 < 0x5F { out[n] = lead; n += 1; k += 1; continue }
                // U+4000–U+9FFF map to themselves, as `isNormalizedUTF8` passes them.
                if lead &- 0xE4 < 6, k + 3 <= end {
                    out[n] = lead; out[n + 1] = bytes[k + 1]; out[n + 2] = bytes[k + 2]
                    n += 3; k += 3
                    continue
                }
                guard let (scalar, width) = scalar(bytes, at: k) else { break }
                if let mapped = map(scalar) {
                    if mapped == scalar {
                        for j in 0..<width { out[n + j] = bytes[k + j] }
                        n += width
                    } else {
                        precondition(UTF8.width(mapped) <= width, "a name's scalar mapped to a longer one")
                        UTF8.encode(mapped) { out[n] = $0; n += 1 }
                    }
                }
                k += width
            }
            return n
        }
    }

    /// Whether two names are equal after `normalized(_:)`.
    public static func matches(_ lhs: some StringProtocol, _ rhs: some StringProtocol) -> Bool {
        normalized(lhs) == normalized(rhs)
    }

    @inlinable @inline(__always)
    static func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x09...0x0D, 0x20: return nil
            default: return scalar
            }
        }
        switch value {
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(value - 0xFF01 + 0x21)
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x301D, 0x301E, 0x301F:
            return "\""
        case 0x2018, 0x2019, 0x201A, 0x201B:
            return "'"
        case 0x200B...0x200D, 0x2060, 0xFEFF:
            return nil
        case 0x3400...0x9FFF, 0x3001...0x303F, 0x2010...0x2027:
            return scalar  // CJK ideographs and punctuation, dashes and quotes: no white space here, skip the property lookup
        default:
            return isWhitespace(scalar) ? nil : scalar
        }
    }

    /// `scalar.properties.isWhitespace` without the property lookup (the Unicode White_Space
    /// characters, unchanged since Unicode 6.3; a test compares every scalar): what a label
    /// made of other scalars than CJK ideographs and punctuation paid for each (issue 15).
    @inlinable @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
