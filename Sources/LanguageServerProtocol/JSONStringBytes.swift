/// The bytes a JSON string cannot hold as they are — a quote, a backslash, a control character —
/// found eight at a time: the parser skips the runs between them, the serializer copies them
/// whole (a didOpen, or an edit, carries a whole report in one string).
enum JSONStringBytes {
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20
    }

    /// The offset of the first special byte in `bytes` at or after `start`, or `bytes.count`.
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        if let base = bytes.baseAddress {
            while count - index >= 8, !hasSpecialByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
        }
        while index < count, !isSpecial(bytes[index]) { index += 1 }
        return index
    }

    /// Whether any byte of `word` is special. Each test is the exact "some byte is zero" (or
    /// "below n") test: a borrow can only follow a byte that matched.
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        return ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | control) & high != 0
    }
}
