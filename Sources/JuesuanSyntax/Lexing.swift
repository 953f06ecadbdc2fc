#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers shared by the parser: blanks, words, punctuation equivalences.
public enum Lexing {
    /// ASCII space, tab, or the ideographic space U+3000 (E3 80 80). Returns the blank's byte length, or 0.
    @inline(__always)
    public static func blankLength(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xE3, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// The blank-separated words of `range`, as byte ranges.
    static func words(_ bytes: [UInt8], _ range: SourceRange) -> [SourceRange] {
        var result: [SourceRange] = []
        // A row has a code, a label and a few cells: one allocation instead of four growths.
        result.reserveCapacity(8)
        forEachWord(bytes, range) { result.append($0) }
        return result
    }

    /// Calls `body` with each blank-separated word of `range`, in order (the parser collects a
    /// table line's words into a buffer it reuses).
    @inline(__always)
    static func forEachWord(_ bytes: [UInt8], _ range: SourceRange, _ body: (SourceRange) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var i = range.start
            var wordStart = -1
            while i < range.end {
                let b = buffer[i]
                // Most bytes are neither blanks nor the first byte of U+3000.
                if b > 0x20 && b != 0xE3 {
                    if wordStart < 0 { wordStart = i }
                    // The rest of the word eight bytes at a time: labels are long runs of bytes
                    // that cannot start a blank.
                    i = Lexing.nextPossibleBlankStart(buffer, from: i + 1, end: range.end)
                    continue
                }
                let blank = b == 0x20 || b == 0x09 ? 1
                    : b == 0xE3 && i + 2 < range.end && buffer[i + 1] == 0x80 && buffer[i + 2] == 0x80 ? 3 : 0
                if blank > 0 {
                    if wordStart >= 0 { body(SourceRange(start: wordStart, end: i)); wordStart = -1 }
                    i += blank
                } else {
                    if wordStart < 0 { wordStart = i }
                    i += 1
                }
            }
            if wordStart >= 0 { body(SourceRange(start: wordStart, end: range.end)) }
        }
    }

    /// The comparator (`<=`, `>=`, `≤`, `≥`, `＝`, `=`, `＜`, `＞`, `<`, `>`) or sign (`+`, `＋`,
    /// `－`, `−`) that starts at `i` (before `end`), with its byte length; nil for anything else,
    /// the ASCII hyphen included. Decided on the lead byte: the spellings differ from their first
    /// bytes on, but for `<=` and `>=`, which are taken before `<` and `>`.
    static func expressionOperator(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (TokenKind, Int)? {
        let byte = buffer[i]
        switch byte {
        case 0x3C, 0x3E: return (.comparator, i + 1 < end && buffer[i + 1] == 0x3D ? 2 : 1)
        case 0x3D: return (.comparator, 1)
        case 0x2B: return (.operatorSign, 1)
        case 0xE2, 0xEF:
            guard i + 2 < end else { return nil }
            let second = buffer[i + 1], third = buffer[i + 2]
            if byte == 0xE2 {
                if second == 0x89 && (third == 0xA4 || third == 0xA5) { return (.comparator, 3) }  // ≤ ≥
                if second == 0x88 && third == 0x92 { return (.operatorSign, 3) }  // −
            } else if second == 0xBC {
                if third == 0x9C || third == 0x9D || third == 0x9E { return (.comparator, 3) }  // ＜ ＝ ＞
                if third == 0x8B || third == 0x8D { return (.operatorSign, 3) }  // ＋ －
            }
            return nil
        default: return nil
        }
    }

    /// The first offset from `start` whose byte may start a blank (`blankStartMask`), or the
    /// first within the last seven bytes before `end`: the caller looks at the bytes from
    /// there one by one. Eight bytes at a time.
    @inline(__always)
    static func nextPossibleBlankStart(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var i = start
        while i + 8 <= end {
            let mask = blankStartMask(UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)))
            if mask != 0 { return i + mask.trailingZeroBitCount >> 3 }
            i += 8
        }
        return i
    }

    /// A bit set in the byte of `chunk` (read little-endian) that is below 0x21 or equal to E3,
    /// the bytes a blank (space, tab, U+3000) can start with: zero when there is none. The
    /// lowest bit set marks the first such byte exactly; bytes above it may be marked wrongly.
    @inline(__always)
    static func blankStartMask(_ chunk: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below21 = (chunk &- ones &* 0x21) & ~chunk & highs
        let e3 = chunk ^ (ones &* 0xE3)
        let isE3 = (e3 &- ones) & ~e3 & highs
        return below21 | isE3
    }

    /// The first blank-separated word of a range that does not start with a blank (the whole
    /// range when it has no blank), without building the list of every word.
    static func firstWord(_ bytes: [UInt8], _ range: SourceRange) -> SourceRange {
        bytes.withUnsafeBufferPointer { buffer in
            var i = range.start
            while i < range.end {
                // Eight bytes at a time up to the first byte that may start a blank (a line of
                // prose is one long word until its first blank).
                i = nextPossibleBlankStart(buffer, from: i, end: range.end)
                if i == range.end || blankLength(bytes, i, range.end) > 0 { break }
                i += 1
            }
            return SourceRange(start: range.start, end: i)
        }
    }

    /// The first word of `range` when it may be a block keyword, else nil, so that most lines
    /// (rows, prose) make no string for their first word: every keyword and alias is at most 12
    /// UTF-8 bytes, even spelled with the Kelvin sign that lowercases to `k`, and none starts
    /// with a digit. The line is read no further than such a word and a blank after it (15
    /// bytes), not to the end of a row's label or of a line of prose.
    static func blockKeywordCandidate(_ bytes: [UInt8], _ range: SourceRange) -> SourceRange? {
        guard range.start < range.end, !(bytes[range.start] >= 0x30 && bytes[range.start] <= 0x39) else { return nil }
        let word = firstWord(bytes, SourceRange(start: range.start, end: min(range.end, range.start + 15)))
        return word.length <= 12 ? word : nil
    }

    /// The range without leading and trailing blanks.
    static func trimmed(_ bytes: [UInt8], _ range: SourceRange) -> SourceRange {
        var start = range.start
        var end = range.end
        while start < end {
            let blank = blankLength(bytes, start, end)
            if blank == 0 { break }
            start += blank
        }
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1; continue }
            if end - start >= 3, bytes[end - 3] == 0xE3, bytes[end - 2] == 0x80, bytes[end - 1] == 0x80 { end -= 3; continue }
            break
        }
        return SourceRange(start: start, end: end)
    }

    /// Where a trailing comment (` //` — a blank, then `//`) starts in the range, if any.
    static func trailingCommentStart(_ bytes: [UInt8], _ range: SourceRange) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var i = range.start
            while i + 1 < range.end {
                // Most lines have no `/`: `memchr` skips to the next one many bytes at a time.
                guard let slash = memchr(base + i, 0x2F, range.end - 1 - i) else { return nil }
                i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(slash))
                if bytes[i + 1] == 0x2F, i > range.start {
                    let previous = bytes[i - 1]
                    if previous == 0x20 || previous == 0x09 { return i }
                    if i - range.start >= 3, bytes[i - 3] == 0xE3, bytes[i - 2] == 0x80, previous == 0x80 { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// Whether `range` starts with `//` (compared without a literal array, made on every line).
    @inline(__always)
    static func startsComment(_ bytes: [UInt8], _ range: SourceRange) -> Bool {
        range.length >= 2 && bytes[range.start] == 0x2F && bytes[range.start + 1] == 0x2F
    }

    static func string(_ bytes: [UInt8], _ range: SourceRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// True when the text holds a CJK ideograph or full-width form (a label, not a figure).
    static func containsWideCharacter(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x2E80 }
    }
}

/// The textual forms of numbers and empty cells in tables.
public enum CellText {
    /// The spellings of an empty cell ("nothing reported").
    public static let emptySpellings: Set<String> = ["-", "—", "--", "---", "——", "－", "─"]

    static let emptySpellingBytes: [[UInt8]] = emptySpellings.map { Array($0.utf8) }

    /// Parses a cell: an empty cell, a number, or a percentage; nil when it is neither.
    public static func parse(_ text: Substring) -> CellValue? {
        parse(Array(text.utf8)[...])
    }

    /// The same from UTF-8 bytes, without building a string.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> CellValue? {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    /// The cell at `range` of a document (the parser's hot path: no slice, no retain).
    static func parse(_ bytes: [UInt8], _ range: SourceRange) -> CellValue? {
        bytes.withUnsafeBufferPointer { parse(UnsafeBufferPointer(rebasing: $0[range.start..<range.end])) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellValue? {
        guard let first = bytes.first else { return nil }
        let isDigit = first >= 0x30 && first <= 0x39
        // The common cell, `digits[.digits]`, read at once: the general reading below gives the
        // same number for it (issue 15: its layers were a tenth of the parse).
        if isDigit, let number = DecimalNumber.plainNumber(bytes) { return .number(number) }
        // Every cell starts with a digit or a dash of some kind.
        guard isDigit || first == 0x2D || first == 0xE2 || first == 0xEF else { return nil }
        // No spelling of an empty cell starts with a digit.
        if !isDigit, bytes.count <= 6, emptySpellingBytes.contains(where: { $0.elementsEqual(bytes) }) { return .empty }
        let (body, percent) = withoutPercentSign(bytes)
        guard case .number(let number) = DecimalNumber.classify(utf8: body) else { return nil }
        return percent ? .percentage(number) : .number(number)
    }

    /// The bytes without a trailing `%` or `％`, and whether there was one.
    @inline(__always)
    static func withoutPercentSign(_ bytes: UnsafeBufferPointer<UInt8>) -> (UnsafeBufferPointer<UInt8>, Bool) {
        let count = bytes.count
        if count > 0, bytes[count - 1] == 0x25 { return (UnsafeBufferPointer(rebasing: bytes[0..<(count - 1)]), true) }
        if count > 3, bytes[count - 3] == 0xEF, bytes[count - 2] == 0xBC, bytes[count - 1] == 0x85 { // ％
            return (UnsafeBufferPointer(rebasing: bytes[0..<(count - 3)]), true)
        }
        return (bytes, false)
    }

    /// Whether a cell is a number (or percentage) too large or too precise to check (S112).
    public static func isOversized(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { DecimalNumber.classify(utf8: withoutPercentSign($0).0) == .oversized }
    }
}

/// What a table cell holds.
public enum CellValue: Sendable, Hashable {
    case empty
    case number(DecimalNumber)
    case percentage(DecimalNumber)

    /// The number, with an empty cell as nil.
    public var number: DecimalNumber? {
        switch self {
        case .empty: nil
        case .number(let n), .percentage(let n): n
        }
    }
}
