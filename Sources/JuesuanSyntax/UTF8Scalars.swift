/// The one UTF-8 decoder of the byte-level readers (validation, prose, simple-text tests): a
/// scalar from bytes, or nil where they are not valid UTF-8.
public enum UTF8Scalars {
    /// Whether the two bytes after `k` are both UTF-8 continuation bytes (10xxxxxx): with a
    /// lead byte that takes any continuation, a whole three-byte sequence.
    /// Read as one 16-bit word: one comparison instead of four (issue 15: under the fuzzer's
    /// instrumentation every comparison is a call, and this is asked at each Han character).
    @inlinable @inline(__always)
    public static func twoContinuationBytes(_ b: UnsafeBufferPointer<UInt8>, after k: Int) -> Bool {
        guard k + 2 < b.count else { return false }
        return UnsafeRawPointer(b.baseAddress! + (k + 1)).loadUnaligned(as: UInt16.self) & 0xC0C0 == 0x8080
    }

    /// Lead bytes E4–E9 as bits of a nibble: with two continuation bytes, a Han ideograph of
    /// U+4000–U+9FFF (every one simple, every one valid UTF-8).
    @inlinable public static var hanLeadNibbles: UInt64 { 0b11_1111_0000 }
    /// Lead bytes E5–E9 as bits of a nibble: U+5000–U+9FFF, CJK Unified Ideographs of display
    /// width 2 (U+4000–U+4FFF holds the Yijing hexagram symbols, of width 1).
    @inlinable public static var wideHanLeadNibbles: UInt64 { 0b11_1110_0000 }

    /// Whether the six bytes from `k` (before `end`) are two three-byte sequences whose lead
    /// bytes' low nibbles are bits of `leads` (an E-lead each): one eight-byte load and two
    /// comparisons for two characters, where decoding them took a dozen (issue 15).
    @inlinable @inline(__always)
    public static func twoThreeByteSequences(_ b: UnsafeBufferPointer<UInt8>, at k: Int, end: Int, leads: UInt64) -> Bool {
        guard end - k >= 8 else { return false }
        return twoThreeByteSequences(word(b, at: k), leads: leads)
    }

    /// `twoThreeByteSequences` of the eight bytes `word` (loaded by `word(_:at:)`), for a scan
    /// that tests once that eight bytes are left.
    @inlinable @inline(__always)
    public static func twoThreeByteSequences(_ word: UInt64, leads: UInt64) -> Bool {
        // Bytes 0 and 3 are 1110xxxx, bytes 1, 2, 4 and 5 are 10xxxxxx; 6 and 7 are not read.
        guard word & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 else { return false }
        return (leads >> (word & 0x0F)) & (leads >> (word >> 24 & 0x0F)) & 1 != 0
    }

    /// The eight bytes from `k` (at least eight left), the first in the low byte.
    @inlinable @inline(__always)
    public static func word(_ b: UnsafeBufferPointer<UInt8>, at k: Int) -> UInt64 {
        UnsafeRawPointer(b.baseAddress! + k).loadUnaligned(as: UInt64.self).littleEndian
    }

    /// The scalar of the three-byte sequence at `k` whose lead byte is E1–EC or EE–EF (any
    /// continuation bytes make a valid scalar with these; the caller has checked them), or any
    /// E-lead in text known to be valid UTF-8 (a `SourceText`'s).
    @inlinable @inline(__always)
    public static func threeByteScalar(_ b: UnsafeBufferPointer<UInt8>, at k: Int) -> Unicode.Scalar {
        let value = UInt32(b[k] & 0x0F) << 12 | UInt32(b[k + 1] & 0x3F) << 6 | UInt32(b[k + 2] & 0x3F)
        // U+1000–U+CFFF and U+E000–U+FFFF: no surrogate, so the value is a scalar as it is.
        return unsafeBitCast(value, to: Unicode.Scalar.self)
    }

    /// The value and width of the scalar whose UTF-8 starts at `k` in valid UTF-8 (a string's):
    /// the lead byte says the width, three bytes (Chinese text) tested first, an `if` chain, not a
    /// `switch` (each case a comparison under the fuzzer's instrumentation, issue 15).
    @inlinable @inline(__always)
    public static func validScalar(_ b: UnsafeBufferPointer<UInt8>, at k: Int) -> (value: UInt32, width: Int) {
        let lead = UInt32(b[k])
        if lead &- 0xE0 < 0x10 { return ((lead & 0x0F) << 12 | UInt32(b[k + 1] & 0x3F) << 6 | UInt32(b[k + 2] & 0x3F), 3) }
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(b[k + 1] & 0x3F), 2) }
        return ((lead & 0x07) << 18 | UInt32(b[k + 1] & 0x3F) << 12 | UInt32(b[k + 2] & 0x3F) << 6 | UInt32(b[k + 3] & 0x3F), 4)
    }

    /// The Han ideograph of U+4000–U+9FFF at `k` (a lead byte E4–E9 and two continuation bytes
    /// before `end`), or nil: most of a report's text, read without the general decoder.
    @inlinable @inline(__always)
    public static func hanIdeograph(_ b: UnsafeBufferPointer<UInt8>, at k: Int, end: Int) -> Unicode.Scalar? {
        guard b[k] &- 0xE4 < 6, k + 2 < end, twoContinuationBytes(b, after: k) else { return nil }
        return threeByteScalar(b, at: k)
    }

    /// Whether `scalars` from `i` start with the scalars the valid UTF-8 `bytes` encode (an empty
    /// word is everywhere, a negative `i` nowhere else): decoded as compared, with no string view
    /// or index validation (issue 15: asked at every place a word may start).
    @inlinable
    public static func scalars(_ scalars: [Unicode.Scalar], at i: Int, startWith bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return true }
        guard i >= 0 else { return false }
        var j = 0
        var k = i
        let n = bytes.count
        while j < n {
            guard k < scalars.count else { return false }
            let (value, width) = validScalar(bytes, at: j)
            j += width
            guard scalars[k].value == value else { return false }
            k += 1
        }
        return true
    }

    /// The number of bytes of `start..<end` that start a scalar (are not continuation bytes
    /// 10xxxxxx), eight at a time: a byte starts one when its top bit is clear or its next bit set.
    @inlinable
    public static func scalarStarts(in b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        var k = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        while end - k >= 8 {
            let word = UnsafeRawPointer(b.baseAddress! + k).loadUnaligned(as: UInt64.self)
            count += ((~word >> 7 | word >> 6) & ones).nonzeroBitCount
            k += 8
        }
        while k < end {
            if b[k] & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        return count
    }

    /// Whether the eight bytes from `k` (before `end`) are ASCII.
    @inlinable @inline(__always)
    public static func eightASCIIBytes(_ b: UnsafeBufferPointer<UInt8>, at k: Int, end: Int) -> Bool {
        end - k >= 8 && UnsafeRawPointer(b.baseAddress! + k).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    }

    /// Whether one of the eight bytes of `word` (all ASCII) is `byte` (ASCII): the zero-byte
    /// test on `word ^ byte…` — exact as a yes or no.
    @inlinable @inline(__always)
    public static func asciiWord(_ word: UInt64, contains byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The scalar whose UTF-8 starts at `k` (before `end`) and its width in bytes, or nil where
    /// the bytes are not valid UTF-8 (truncated sequences, overlong forms and surrogates included).
    @inlinable @inline(__always)
    public static func scalar(in b: UnsafeBufferPointer<UInt8>, at k: Int, end: Int) -> (Unicode.Scalar, Int)? {
        @inline(__always) func continuation(_ i: Int) -> UInt32? {
            guard i < end else { return nil }
            let byte = b[i]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        let b0 = b[k]
        let value: UInt32
        let width: Int
        if b0 < 0x80 {
            value = UInt32(b0); width = 1
        } else if b0 >= 0xC2 && b0 <= 0xDF {
            guard let c1 = continuation(k + 1) else { return nil }
            value = UInt32(b0 & 0x1F) << 6 | c1; width = 2
        } else if b0 >= 0xE0 && b0 <= 0xEF {
            guard let c1 = continuation(k + 1), let c2 = continuation(k + 2) else { return nil }
            value = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2; width = 3
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
        } else if b0 >= 0xF0 && b0 <= 0xF4 {
            guard let c1 = continuation(k + 1), let c2 = continuation(k + 2), let c3 = continuation(k + 3) else { return nil }
            value = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3; width = 4
            guard value >= 0x10000, value <= 0x10FFFF else { return nil }
        } else {
            return nil
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, width)
    }
}
