#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A half-open range of UTF-8 byte offsets into a document.
public struct SourceRange: Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }
    public func contains(_ offset: Int) -> Bool { start <= offset && offset < end }
    public func covers(_ offset: Int) -> Bool { start <= offset && offset <= end }
    public static func < (a: SourceRange, b: SourceRange) -> Bool { (a.start, a.end) < (b.start, b.end) }
    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}

/// A point in a document in every unit a tool may need; lines and columns are 0-based.
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    /// UTF-8 bytes from the line start.
    public var utf8Column: Int
    /// UTF-16 code units from the line start (what LSP clients count by default).
    public var utf16Column: Int
    /// Unicode scalars from the line start (what `lint` prints).
    public var scalarColumn: Int
    /// Terminal columns from the line start (CJK characters are two wide).
    public var displayColumn: Int
}

/// The text of a document as UTF-8 bytes with a table of line starts.
///
/// Lines end at LF, CRLF or a lone CR; the terminator belongs to the line it ends.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset where each line starts; the first is 0.
    public let lineStarts: [Int]
    /// Byte offset where each line's content ends (before its terminator).
    public let lineContentEnds: [Int]
    /// Column counts every `checkpointStride` bytes of each long line, so that a position in a
    /// 1 MB line is found without walking the line from its start each time.
    let longLineCheckpoints: [Int: [ColumnCheckpoint]]
    static let checkpointStride = 4096

    /// The columns of a byte offset within its line, in every unit.
    public struct ColumnCheckpoint: Sendable {
        public var byte: Int
        public var utf16: Int
        public var scalars: Int
        public var display: Int
    }

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// `bytes` must be valid UTF-8; use `SourceText.decoding(_:)` for untrusted input.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var ends: [Int] = []
        let count = bytes.count
        starts.reserveCapacity(count / 32 + 1)
        ends.reserveCapacity(count / 32 + 1)
        SourceText.scanLines(bytes, from: 0, to: count, starts: &starts, ends: &ends)
        ends.append(count)
        lineStarts = starts
        lineContentEnds = ends
        var checkpoints: [Int: [ColumnCheckpoint]] = [:]
        for line in 0..<starts.count where SourceText.hasCheckpoints(from: starts[line], to: ends[line]) {
            checkpoints[line] = SourceText.checkpoints(bytes, from: starts[line], to: ends[line])
        }
        longLineCheckpoints = checkpoints
    }

    /// Records the line breaks in `bytes[from..<to]`: for each, where its line's content ends
    /// and where the next line starts (a CRLF is one break, even when its LF is at `to`).
    static func scanLines(_ bytes: [UInt8], from: Int, to: Int, starts: inout [Int], ends: inout [Int]) {
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, from < to else { return }
            // Without a CR in the range (most documents), lines end at LFs, found by `memchr`
            // many bytes at a time instead of one test per byte (issue 15, session 4).
            if memchr(base + from, 0x0D, to - from) == nil {
                var index = from
                while index < to, let found = memchr(base + index, 0x0A, to - index) {
                    let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    ends.append(at)
                    starts.append(at + 1)
                    index = at + 1
                }
                return
            }
            var index = from
            while index < to {
                let byte = buffer[index]
                // Most bytes are neither LF nor CR: skip them without further tests.
                if byte > 0x0D { index += 1; continue }
                if byte == 0x0A {
                    ends.append(index)
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    ends.append(index)
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
    }

    /// Whether a line with this content has column checkpoints: longer than `checkpointStride`.
    @inline(__always)
    static func hasCheckpoints(from start: Int, to end: Int) -> Bool { end - start > checkpointStride }

    /// Column counts along a long line, one every `checkpointStride` bytes (at scalar starts).
    static func checkpoints(_ bytes: [UInt8], from start: Int, to end: Int) -> [ColumnCheckpoint] {
        var result = [ColumnCheckpoint(byte: start, utf16: 0, scalars: 0, display: 0)]
        var current = result[0]
        var next = start + checkpointStride
        bytes.withUnsafeBufferPointer { buffer in
            while current.byte < end {
                if current.byte >= next {
                    result.append(current)
                    next = current.byte + checkpointStride
                }
                step(&current, in: buffer, wordsBefore: min(next, end), before: end)
            }
        }
        return result
    }

    /// Moves `point` (before `limit`) over eight printable ASCII bytes or two wide Han ideographs
    /// ending at or before `wordLimit`, or else one scalar. The lead byte says which test can
    /// succeed: the others are not tried (issue 15: a walk tried all three before each scalar).
    @inline(__always)
    static func step(_ point: inout ColumnCheckpoint, in buffer: UnsafeBufferPointer<UInt8>, wordsBefore wordLimit: Int, before limit: Int) {
        let byte = buffer[point.byte]
        if byte < 0x80 {
            if skipPrintableASCII(&point, in: UnsafeRawBufferPointer(buffer), before: wordLimit) { return }
        } else if byte & 0xF0 == 0xE0, skipWideHan(&point, in: buffer, before: wordLimit) || skipThreeByteScalar(&point, in: buffer, before: limit) {
            return
        }
        advance(&point, over: buffer, limit: limit)
    }

    /// Moves `point` over the next eight bytes when they are printable ASCII (one column each
    /// in every unit) and end at or before `limit`; false, and `point` unchanged, otherwise.
    /// Long lines of figures and Latin text are walked a word at a time, not a byte.
    @inline(__always)
    static func skipPrintableASCII(_ point: inout ColumnCheckpoint, in raw: UnsafeRawBufferPointer, before limit: Int) -> Bool {
        limit - point.byte >= 8 && skipPrintableASCII(&point, word: raw.loadUnaligned(fromByteOffset: point.byte, as: UInt64.self))
    }

    /// `skipPrintableASCII` on the eight bytes at `point`, loaded (by a walk that knows eight are left).
    @inline(__always)
    static func skipPrintableASCII(_ point: inout ColumnCheckpoint, word: UInt64) -> Bool {
        guard isPrintableASCII(word) else { return false }
        point.byte += 8; point.utf16 += 8; point.scalars += 8; point.display += 8
        return true
    }

    /// Moves `point` over the next two scalars when they are CJK ideographs of U+5000–U+9FFF
    /// (two columns wide, one UTF-16 unit each) ending at or before `limit`; false otherwise.
    /// Chinese text is walked two characters at a time, without decoding them.
    @inline(__always)
    static func skipWideHan(_ point: inout ColumnCheckpoint, in buffer: UnsafeBufferPointer<UInt8>, before limit: Int) -> Bool {
        limit - point.byte >= 8 && skipWideHan(&point, word: UTF8Scalars.word(buffer, at: point.byte))
    }

    /// `skipWideHan` on the eight bytes at `point`, loaded.
    @inline(__always)
    static func skipWideHan(_ point: inout ColumnCheckpoint, word: UInt64) -> Bool {
        guard UTF8Scalars.twoThreeByteSequences(word, leads: UTF8Scalars.wideHanLeadNibbles) else { return false }
        point.byte += 6; point.utf16 += 2; point.scalars += 2; point.display += 4
        return true
    }

    /// Moves `point` over a three-byte scalar (CJK punctuation, full-width forms, ideographs
    /// the pair test left), its width from the table: without `advance`'s general decoding.
    /// The text is valid UTF-8, so an E-lead with two continuation bytes is one scalar of U+0800
    /// or more.
    @inline(__always)
    static func skipThreeByteScalar(_ point: inout ColumnCheckpoint, in buffer: UnsafeBufferPointer<UInt8>, before limit: Int) -> Bool {
        let k = point.byte
        guard limit - k >= 3, buffer[k] & 0xF0 == 0xE0, UTF8Scalars.twoContinuationBytes(buffer, after: k) else { return false }
        point.display += DisplayWidth.tableWidth(UTF8Scalars.threeByteScalar(buffer, at: k).value)
        point.byte += 3; point.utf16 += 1; point.scalars += 1
        return true
    }

    /// Whether all eight bytes of `word` are in 0x20...0x7E: below 0x80, at least 0x20 (adding
    /// 0x60 sets each high bit) and not 0x7F (adding 1 sets none). No byte carries into the next.
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        return word & high == 0 && (word &+ 0x6060_6060_6060_6060) & high == high && (word &+ 0x0101_0101_0101_0101) & high == 0
    }

    /// Moves `point` over one scalar.
    @inline(__always)
    static func advance(_ point: inout ColumnCheckpoint, over bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
        let byte = bytes[point.byte]
        if byte < 0x80 {
            point.utf16 += 1; point.scalars += 1; point.display += byte < 0x20 || byte == 0x7F ? 0 : 1
            point.byte += 1
            return
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value: UInt32
        switch length {
        case 2: value = UInt32(byte & 0x1F)
        case 3: value = UInt32(byte & 0x0F)
        default: value = UInt32(byte & 0x07)
        }
        for k in 1..<length where point.byte + k < bytes.count { value = value << 6 | UInt32(bytes[point.byte + k] & 0x3F) }
        point.utf16 += length == 4 ? 2 : 1
        point.scalars += 1
        point.display += Unicode.Scalar(value).map { DisplayWidth.of($0) } ?? 1
        point.byte = min(point.byte + length, max(limit, point.byte + 1))
    }

    /// The columns at the last checkpoint of `line` at or before `offset` (the line start for
    /// ordinary lines).
    public func checkpoint(line: Int, atOrBefore offset: Int) -> ColumnCheckpoint {
        // A line too short for checkpoints needs no dictionary lookup.
        guard SourceText.hasCheckpoints(from: lineStarts[line], to: lineContentEnds[line]), let points = longLineCheckpoints[line] else {
            return ColumnCheckpoint(byte: lineStarts[line], utf16: 0, scalars: 0, display: 0)
        }
        var low = 0
        var high = points.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if points[mid].byte <= offset { low = mid } else { high = mid - 1 }
        }
        return points[low]
    }

    /// Decodes untrusted bytes: invalid UTF-8 sequences become U+FFFD, and the lines (0-based)
    /// where that happened are returned so a tool can report them.
    /// - Parameter inParallel: test a document of `Parser.parallelThreshold` bytes or more for
    ///   valid UTF-8 on two threads (`juesuan lint`: the test was 2 % of a 1 MB lint's
    ///   instructions, all of them before the two-thread parse could start).
    public static func decoding(_ raw: [UInt8], inParallel: Bool = false) -> (text: SourceText, invalidLines: [Int]) {
        // Where the bytes stop being valid: every line that ends before it is valid.
        let firstInvalid: Int
        if inParallel, raw.count >= Parser.parallelThreshold {
            guard !isValidUTF8InTwoHalves(raw) else { return (SourceText(bytes: raw), []) }
            firstInvalid = raw.withUnsafeBufferPointer { firstInvalidUTF8Offset($0) } ?? 0
        } else {
            guard let offset = raw.withUnsafeBufferPointer({ firstInvalidUTF8Offset($0) }) else {
                // Valid: the bytes are the text; no second copy through the string's UTF-8 view.
                return (SourceText(bytes: raw), [])
            }
            firstInvalid = offset
        }
        let repaired = String(decoding: raw, as: UTF8.self)
        let text = SourceText(repaired)
        // Line breaks are ASCII, so the raw bytes and the repaired text have the same lines.
        var invalid: [Int] = []
        // A line (up to a LF, or a CR not followed by one) holds an invalid sequence exactly
        // when it is not valid on its own: no valid sequence holds a line break, and validation
        // starts over after one. So the bytes are validated once: from the first invalid
        // sequence's line break on to the next invalid sequence, and so on; the breaks between
        // are found with the C library's `memchr` (issue 15: a test a byte here, then a second
        // validation of every line, was most of an invalid input's cost).
        raw.withUnsafeBufferPointer { raw in
            guard let base = raw.baseAddress else { return }
            let count = raw.count
            func offset(_ pointer: UnsafeMutableRawPointer) -> Int { UnsafeRawPointer(base).distance(to: UnsafeRawPointer(pointer)) }
            var nextInvalid = firstInvalid
            var start = 0
            var line = 0
            while true {
                var end = memchr(base + start, 0x0A, count - start).map(offset) ?? count
                var from = start
                while let cr = memchr(base + from, 0x0D, end - from).map(offset) {
                    // The CR of a CRLF is not a break of its own.
                    if cr + 1 < count, raw[cr + 1] == 0x0A { from = cr + 1; continue }
                    end = cr
                    break
                }
                if nextInvalid < end {
                    invalid.append(line)
                    // The next invalid sequence after this line's break (the break is valid).
                    guard let next = firstInvalidUTF8Offset(UnsafeBufferPointer(rebasing: raw[end...])) else { break }
                    nextInvalid = end + next
                }
                if end >= count { break }
                start = end + 1
                line += 1
            }
        }
        return (text, invalid)
    }

    /// `isValidUTF8`, each half on its own thread when `bytes` are `Parser.parallelThreshold`
    /// or more. The halves meet at a byte that starts a sequence (not a continuation byte): no
    /// valid sequence crosses it, so the whole is valid exactly when both halves are.
    static func isValidUTF8InTwoHalves(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= Parser.parallelThreshold else { return isValidUTF8(bytes) }
        // At most three continuation bytes follow a lead byte; four in a row are invalid, and
        // the test on one thread says so.
        let middle = bytes.count / 2
        guard let split = (middle - 3...middle).reversed().first(where: { bytes[$0] & 0xC0 != 0x80 }) else {
            return isValidUTF8(bytes)
        }
        let valid = TwoThreads.map { half in
            bytes.withUnsafeBufferPointer { buffer in
                isValidUTF8(UnsafeBufferPointer(rebasing: half == 0 ? buffer[..<split] : buffer[split...]))
            }
        }
        return valid.0 && valid.1
    }

    /// Whether `bytes` are valid UTF-8 (as `String(validating:as:)` says, without making the
    /// string: a copy of the whole document and a second pass, issue 15). Eight ASCII bytes at a time.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidUTF8Offset(buffer) == nil
    }

    /// Where the first invalid sequence of `buffer` starts; nil when it is valid UTF-8.
    static func firstInvalidUTF8Offset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = buffer.count
        guard buffer.baseAddress != nil else { return nil }
        var i = 0
        // While eight bytes are left (tested once a step): eight ASCII bytes, or two Han
        // ideographs (E4–E9 leads take any continuation bytes), at a time.
        while count - i >= 8 {
            let word = UTF8Scalars.word(buffer, at: i)
            if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            if UTF8Scalars.twoThreeByteSequences(word, leads: UTF8Scalars.hanLeadNibbles) { i += 6; continue }
            let length = validSequenceStep(buffer, at: i)
            if length == 0 { return i }
            i += length
        }
        while i < count {
            let length = validSequenceStep(buffer, at: i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// The length of the valid sequence at `i`, or 0: ASCII, then a three-byte sequence whose
    /// lead byte allows any continuation bytes (E1–EC, EE–EF: most Chinese text), which needs
    /// no more than its two continuation bytes checked, then any other.
    @inline(__always)
    static func validSequenceStep(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = buffer[i]
        if lead < 0x80 { return 1 }
        if lead &- 0xE1 < 12 || lead &- 0xEE < 2, UTF8Scalars.twoContinuationBytes(buffer, after: i) { return 3 }
        return validSequenceLength(buffer, at: i)
    }

    /// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid.
    @inline(__always)
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        UTF8Scalars.scalar(in: bytes, at: i, end: bytes.count)?.1 ?? 0
    }

    public var lineCount: Int { lineStarts.count }

    /// The line (0-based) holding `offset`; an offset at a line's terminator belongs to that line.
    public func line(containing offset: Int) -> Int { lineStarts.lastIndex(atMost: offset) }

    /// The content of a line without its terminator.
    public func lineContentRange(_ line: Int) -> SourceRange {
        SourceRange(start: lineStarts[line], end: lineContentEnds[line])
    }

    /// The whole line including its terminator.
    public func lineRange(_ line: Int) -> SourceRange {
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        return SourceRange(start: lineStarts[line], end: end)
    }

    public func string(_ range: SourceRange) -> String {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public func lineString(_ line: Int) -> String { string(lineContentRange(line)) }

    /// The position of a byte offset, in every unit; offsets are clamped to the document.
    public func position(of offset: Int) -> SourcePosition {
        let offset = max(0, min(offset, bytes.count))
        let line = line(containing: offset)
        let end = min(offset, lineContentEnds[line])
        return position(line: line, walking: checkpoint(line: line, atOrBefore: end), to: end)
    }

    /// The positions of many offsets (in their order), as `position(of:)` gives each: a line
    /// is walked once for all the offsets on it, not from its start for each (a finding's range,
    /// its related ranges and its fixes mostly stand on one line).
    public func positions(of offsets: [Int]) -> [SourcePosition] {
        let clamped = offsets.map { max(0, min($0, bytes.count)) }
        var result = [SourcePosition](repeating: SourcePosition(line: 0, utf8Column: 0, utf16Column: 0, scalarColumn: 0, displayColumn: 0),
                                      count: offsets.count)
        var walked: (line: Int, point: ColumnCheckpoint)?
        for index in clamped.indices.sorted(by: { clamped[$0] < clamped[$1] }) {
            let line = line(containing: clamped[index])
            let end = min(clamped[index], lineContentEnds[line])
            var point = checkpoint(line: line, atOrBefore: end)
            // Go on from the offset before when it is on the line, past the checkpoint and at
            // a scalar's start (a walk to the middle of one counts that scalar whole).
            if let walked, walked.line == line, walked.point.byte > point.byte { point = walked.point }
            result[index] = position(line: line, walking: point, to: end)
            walked = end < bytes.count && bytes[end] & 0xC0 == 0x80 ? nil
                : (line, ColumnCheckpoint(byte: end, utf16: result[index].utf16Column,
                                          scalars: result[index].scalarColumn, display: result[index].displayColumn))
        }
        return result
    }

    /// The position of `end` on `line`, from the columns at `point` (a scalar start at or before it).
    private func position(line: Int, walking point: ColumnCheckpoint, to end: Int) -> SourcePosition {
        var point = point
        bytes.withUnsafeBufferPointer { buffer in
            // While eight bytes are left (tested once a step): printable ASCII eight bytes at a
            // time, wide Han ideographs two at a time, from one load.
            while end - point.byte >= 8 {
                let word = UTF8Scalars.word(buffer, at: point.byte)
                if !SourceText.skipPrintableASCII(&point, word: word), !SourceText.skipWideHan(&point, word: word),
                   !SourceText.skipThreeByteScalar(&point, in: buffer, before: end) {
                    SourceText.advance(&point, over: buffer, limit: end)
                }
            }
            while point.byte < end { SourceText.step(&point, in: buffer, wordsBefore: end, before: end) }
        }
        return SourcePosition(line: line, utf8Column: end - lineStarts[line], utf16Column: point.utf16, scalarColumn: point.scalars, displayColumn: point.display)
    }
}

extension Array where Element == Int {
    /// In an ascending array of starts (of lines, pieces, chunks): the index of the last start at
    /// most `value`, i.e. of the run that holds it (0 when none is). Binary search.
    @inlinable
    public func lastIndex(atMost value: Int) -> Int {
        var low = 0
        var high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if self[middle] <= value { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
