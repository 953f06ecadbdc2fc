// Converts between UTF-8 byte offsets and LSP positions. Building the index is one O(n)
// pass over the bytes; each conversion is a binary search plus a walk along one line.
// Client positions are clamped, never trusted: out-of-range positions after a desync are
// the most common way language servers crash on CJK text.

/// Line starts of a text, for position/offset conversion in any `PositionEncoding`.
public struct LineIndex: Sendable {
    /// The indexed text.
    public let text: String
    /// The text's UTF-8 bytes; offsets index into this.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; LF, CRLF and lone CR all end a line.
    private let lineStarts: [Int]

    /// Indexes `text`.
    public init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        // Scan bytes, not Characters: Swift treats "\r\n" as one Character.
        var starts = [0]
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == 0x0A {
                starts.append(i)
            } else if byte == 0x0D {
                if i < bytes.count && bytes[i] == 0x0A { i += 1 }
                starts.append(i)
            }
        }
        self.lineStarts = starts
    }

    /// Number of lines; a trailing line break starts one more, empty line.
    public var lineCount: Int { lineStarts.count }

    /// Byte range of `line`'s content, without its line break (clamped to the document).
    public func lineContent(_ line: Int) -> Range<Int> {
        guard line >= 0 else { return 0..<contentEnd(of: 0) }
        guard line < lineStarts.count else { return bytes.count..<bytes.count }
        return lineStarts[line]..<contentEnd(of: line)
    }

    private func contentEnd(of line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        let next = lineStarts[line + 1]
        if bytes[next - 1] == 0x0A && next - 2 >= lineStarts[line] && bytes[next - 2] == 0x0D { return next - 2 }
        return next - 1
    }

    /// Byte length of the scalar whose first byte is `lead` (the text is valid UTF-8).
    @inline(__always)
    private func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The byte offset for `position`, clamped: a line past the end gives the end of the
    /// document, a character past the line's end gives the end of the line, and a position
    /// inside a character (e.g. between UTF-16 surrogates) gives that character's start.
    public func offset(of position: Position, in encoding: PositionEncoding) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineStarts.count { return bytes.count }
        let end = contentEnd(of: position.line)
        let target = max(0, position.character)
        var i = lineStarts[position.line]
        var units = 0
        while i < end && units < target {
            let length = min(scalarLength(bytes[i]), end - i)
            let width = encoding.width(ofScalarWithUTF8Length: length)
            if units + width > target { break }
            units += width
            i += length
        }
        return i
    }

    /// The position of byte `offset`, clamped to the document; an offset inside a
    /// multi-byte character or a CRLF maps to that character's start or the line's end.
    public func position(ofOffset offset: Int, in encoding: PositionEncoding) -> Position {
        var offset = min(max(0, offset), bytes.count)
        while offset > 0 && offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        // Last line whose start is <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let line = low
        let target = min(offset, contentEnd(of: line))
        var i = lineStarts[line]
        var units = 0
        while i < target {
            let length = scalarLength(bytes[i])
            units += encoding.width(ofScalarWithUTF8Length: length)
            i += length
        }
        return Position(line: line, character: units)
    }

    /// The byte range for `range`, clamped; a reversed range is put in order.
    public func offsets(of range: PositionRange, in encoding: PositionEncoding) -> Range<Int> {
        let a = offset(of: range.start, in: encoding)
        let b = offset(of: range.end, in: encoding)
        return min(a, b)..<max(a, b)
    }

    /// The LSP range covering the byte range `offsets`.
    public func range(ofOffsets offsets: Range<Int>, in encoding: PositionEncoding) -> PositionRange {
        PositionRange(start: position(ofOffset: offsets.lowerBound, in: encoding),
                      end: position(ofOffset: offsets.upperBound, in: encoding))
    }

    /// The text after replacing `range` (nil: the whole document) with `newText`.
    public func applyChange(range: PositionRange?, text newText: String, encoding: PositionEncoding) -> String {
        guard let range else { return newText }
        let replaced = offsets(of: range, in: encoding)
        var result = [UInt8]()
        result.reserveCapacity(bytes.count - replaced.count + newText.utf8.count)
        result.append(contentsOf: bytes[..<replaced.lowerBound])
        result.append(contentsOf: newText.utf8)
        result.append(contentsOf: bytes[replaced.upperBound...])
        // Offsets always fall on scalar boundaries, so this is valid UTF-8.
        return String(decoding: result, as: UTF8.self)
    }

    /// Applies `didChange` content changes in order, re-indexing between them.
    public static func applying(_ changes: [TextDocumentContentChange], to text: String,
                                encoding: PositionEncoding) -> String {
        var current = text
        for change in changes {
            current = LineIndex(current).applyChange(range: change.range, text: change.text, encoding: encoding)
        }
        return current
    }
}
