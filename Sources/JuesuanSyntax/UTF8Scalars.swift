/// The one UTF-8 decoder of the byte-level readers (validation, prose, simple-text tests): a
/// scalar from bytes, or nil where they are not valid UTF-8.
public enum UTF8Scalars {
    /// Whether the two bytes after `k` are both UTF-8 continuation bytes (10xxxxxx): with a
    /// lead byte that takes any continuation, a whole three-byte sequence.
    @inlinable @inline(__always)
    public static func twoContinuationBytes(_ b: UnsafeBufferPointer<UInt8>, after k: Int) -> Bool {
        k + 2 < b.count && b[k + 1] & 0xC0 == 0x80 && b[k + 2] & 0xC0 == 0x80
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
