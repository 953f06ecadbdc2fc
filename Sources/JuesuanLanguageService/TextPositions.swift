import JuesuanSyntax

/// How a column is counted: the LSP position encodings, without any JSON.
public enum ColumnUnit: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 bytes.
    case utf8 = "utf-8"
    /// UTF-16 code units (the LSP default).
    case utf16 = "utf-16"
    /// Unicode scalars.
    case utf32 = "utf-32"

    @inline(__always)
    func width(ofScalarWithUTF8Length length: Int) -> Int {
        switch self {
        case .utf8: length
        case .utf16: length == 4 ? 2 : 1
        case .utf32: 1
        }
    }
}

/// A zero-based line and a column counted in some `ColumnUnit`.
public struct LineColumn: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: LineColumn, b: LineColumn) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// A range of line/column positions (start inclusive, end exclusive); may arrive reversed.
public struct LineColumnRange: Sendable, Hashable, CustomStringConvertible {
    public var start: LineColumn
    public var end: LineColumn

    public init(start: LineColumn, end: LineColumn) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }
}

@inline(__always)
private func scalarLength(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
}

extension SourceText {
    /// The byte offset of a line/column position, clamped: a line past the end gives the end
    /// of the document, a column past the line's end gives the end of its content, and a
    /// column inside a character (between UTF-16 surrogates, inside a UTF-8 sequence) gives
    /// that character's start.
    public func offset(of position: LineColumn, unit: ColumnUnit) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineCount { return bytes.count }
        let end = lineContentEnds[position.line]
        let target = max(0, position.column)
        var index = lineStarts[position.line]
        var units = 0
        while index < end && units < target {
            let length = min(scalarLength(bytes[index]), end - index)
            let width = unit.width(ofScalarWithUTF8Length: length)
            if units + width > target { break }
            units += width
            index += length
        }
        return index
    }

    /// The line/column of a byte offset, clamped to the document; an offset inside a
    /// character or a line terminator maps to that character's start or the line's end.
    public func lineColumn(of offset: Int, unit: ColumnUnit) -> LineColumn {
        var offset = min(max(0, offset), bytes.count)
        while offset > 0 && offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        let line = line(containing: offset)
        let target = min(offset, lineContentEnds[line])
        if unit == .utf8 { return LineColumn(line: line, column: target - lineStarts[line]) }
        // Long lines carry checkpoints: start from the nearest one instead of the line start.
        let point = checkpoint(line: line, atOrBefore: target)
        var index = point.byte
        var units = unit == .utf16 ? point.utf16 : point.scalars
        while index < target {
            let length = scalarLength(bytes[index])
            units += unit.width(ofScalarWithUTF8Length: length)
            index += length
        }
        return LineColumn(line: line, column: units)
    }

    /// The byte range of a line/column range, clamped and put in order.
    public func offsets(of range: LineColumnRange, unit: ColumnUnit) -> SourceRange {
        let a = offset(of: range.start, unit: unit)
        let b = offset(of: range.end, unit: unit)
        return SourceRange(start: min(a, b), end: max(a, b))
    }

    /// The line/column range of a byte range.
    public func lineColumnRange(of range: SourceRange, unit: ColumnUnit) -> LineColumnRange {
        LineColumnRange(start: lineColumn(of: range.start, unit: unit), end: lineColumn(of: range.end, unit: unit))
    }
}

/// Line/column positions of offsets visited mostly in increasing order (semantic tokens,
/// outlines), in one pass over the text instead of a search per offset. An offset before the
/// previous one is answered by the search, and the pass goes on from there.
public struct PositionSweep {
    let source: SourceText
    let unit: ColumnUnit
    private var line = 0
    private var byte = 0
    private var units = 0

    public init(_ source: SourceText, unit: ColumnUnit) {
        self.source = source
        self.unit = unit
    }

    public mutating func lineColumn(of rawOffset: Int) -> LineColumn {
        let bytes = source.bytes
        var offset = min(max(0, rawOffset), bytes.count)
        while offset > 0 && offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        let starts = source.lineStarts
        if offset < byte || (line + 1 < starts.count && offset >= starts[line + 1] && offset - byte > 4096) {
            // Backwards, or far ahead: search, then go on from there.
            let found = source.lineColumn(of: offset, unit: unit)
            line = found.line
            byte = min(offset, source.lineContentEnds[line])
            units = found.column
            return found
        }
        while line + 1 < starts.count && starts[line + 1] <= offset {
            line += 1
            byte = starts[line]
            units = 0
        }
        let target = min(offset, source.lineContentEnds[line])
        while byte < target {
            let length = scalarLength(bytes[byte])
            units += unit.width(ofScalarWithUTF8Length: length)
            byte += length
        }
        return LineColumn(line: line, column: units)
    }
}

/// One change of a `didChange`: a ranged replacement, or the whole text when `range` is nil.
public struct TextChange: Sendable, Hashable {
    public var range: LineColumnRange?
    public var text: String

    public init(range: LineColumnRange?, text: String) {
        self.range = range
        self.text = text
    }
}

extension SourceText {
    /// The text after applying `changes` in order; each change's positions refer to the text
    /// left by the changes before it. Out-of-range positions are clamped, never trusted.
    public func applying(_ changes: [TextChange], unit: ColumnUnit) -> SourceText {
        var current = self
        for change in changes {
            guard let range = change.range else {
                current = SourceText(bytes: Array(change.text.utf8))
                continue
            }
            // Offsets fall on scalar boundaries, so the result is valid UTF-8.
            current = current.replacing(current.offsets(of: range, unit: unit), with: Array(change.text.utf8))
        }
        return current
    }
}
