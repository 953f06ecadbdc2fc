/// The kinds of tokens the parser recognises; each token has an exact byte range.
public enum TokenKind: String, Sendable, HashedByCase {
    case keyword, headerKey, headerValue
    case tableID, tableTitle, columnName, sideSwitch
    case code, label, number, percentage, emptyCell, badCell
    case comment, prose, title
    case performanceKey, fieldKey, fieldValue, indicatorName
    case term, definition
    case reference, operatorSign, comparator
    case unknown
}

public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// The inline text's length; `Token.largeText` when the text is in `large`. (Next to `kind`
    /// and the range's two 32-bit ends, so that all four share two words: a token is 40 bytes.)
    @usableFromInline var smallCount: UInt8
    // The range as 32-bit offsets: documents are at most 32 MiB (`Analysis.maximumDocumentBytes`),
    // and a row's tokens, copied and freed by the thousand, are a sixth smaller (issue 15).
    @usableFromInline var rangeStart: Int32
    @usableFromInline var rangeEnd: Int32
    public var range: SourceRange {
        @inlinable get { SourceRange(start: Int(rangeStart), end: Int(rangeEnd)) }
        @inlinable set {
            rangeStart = Int32(clamping: newValue.start)
            rangeEnd = Int32(clamping: newValue.end)
        }
    }
    // The text is kept as UTF-8, never as a `String` made per token (issue 15): up to 16 bytes
    // (figures, codes, short names) inline in `word0` and `word1`, so that copying and freeing
    // the token touches no reference count; a longer text is read from `large`, the document's
    // own bytes (or the text a token was made with), between the offsets in `word0` and `word1`.
    // The text is kept apart from `range`: moving a token keeps its text.
    @usableFromInline var word0: UInt64
    @usableFromInline var word1: UInt64
    @usableFromInline var large: [UInt8]?

    @usableFromInline static var largeText: UInt8 { 0xFF }
    @usableFromInline static var inlineCapacity: Int { 16 }

    public init(kind: TokenKind, range: SourceRange, text: String) {
        let bytes = Array(text.utf8)
        self.init(kind: kind, range: range, textIn: bytes, SourceRange(start: 0, end: bytes.count))
    }

    /// A token whose text is `source[range]` (the parser's tokens).
    @inlinable
    public init(kind: TokenKind, range: SourceRange, source: __shared [UInt8]) {
        self.init(kind: kind, range: range, textIn: source, range)
    }

    @inlinable
    init(kind: TokenKind, range: SourceRange, textIn bytes: __shared [UInt8], _ textRange: SourceRange) {
        self.kind = kind
        rangeStart = Int32(clamping: range.start)
        rangeEnd = Int32(clamping: range.end)
        let count = textRange.length
        if count <= Token.inlineCapacity {
            (word0, word1) = Token.inlineWords(bytes, textRange)
            smallCount = UInt8(count)
            large = nil
        } else {
            word0 = UInt64(textRange.start)
            word1 = UInt64(textRange.end)
            smallCount = Token.largeText
            large = bytes
        }
    }

    /// The at most 16 bytes of `bytes[range]` as the two inline words, the bytes past the text
    /// zero. Where 16 bytes can be read from the text's start, they are read as two words and
    /// the surplus masked off (a call to `memcpy` per token was a fortieth of the parse).
    @inlinable @inline(__always)
    static func inlineWords(_ bytes: __shared [UInt8], _ range: SourceRange) -> (UInt64, UInt64) {
        let count = range.length
        return bytes.withUnsafeBytes { source in
            precondition(range.start >= 0 && count >= 0 && count <= inlineCapacity && range.end <= source.count)
            guard range.start + 16 <= source.count else {
                var words: (UInt64, UInt64) = (0, 0)
                withUnsafeMutableBytes(of: &words) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[range.start..<range.end]))
                }
                return words
            }
            let start = source.baseAddress! + range.start
            // Read as little-endian numbers, so that the text's first byte is the lowest.
            var low = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self))
            var high = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if count < 8 {
                low &= (1 &<< UInt64(count &* 8)) &- 1
                high = 0
            } else if count < 16 {
                high &= (1 &<< UInt64((count &- 8) &* 8)) &- 1
            }
            return (low.littleEndian, high.littleEndian)
        }
    }

    /// The text as written (decoded on each access: keep it if used often).
    public var text: String {
        get { withTextBytes { String(decoding: $0, as: UTF8.self) } }
        set { self = Token(kind: kind, range: range, text: newValue) }
    }

    /// The text's UTF-8 length, without decoding it.
    @inlinable public var textUTF8Count: Int { smallCount == Token.largeText ? Int(word1 - word0) : Int(smallCount) }

    /// Calls `body` with the text's UTF-8 bytes, without making a `String`.
    @inlinable
    public func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if smallCount == Token.largeText, let large {
            return try large.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[Int(word0)..<Int(word1)])) }
        }
        var words = (word0, word1)
        let count = Int(smallCount)
        return try withUnsafeBytes(of: &words) { raw in
            try body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    public static func == (a: Token, b: Token) -> Bool {
        // Bytes first; canonically equivalent spellings are equal, as they were as `String`s.
        a.kind == b.kind && a.range == b.range && (a.withTextBytes { x in b.withTextBytes { x.elementsEqual($0) } } || a.text == b.text)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(range)
        hasher.combine(text)
    }
}

/// What a physical line is.
public enum LineKind: String, Sendable {
    case blank, comment, header, blockStart, columns, sideSwitch, row, prose
    case performance, glossaryEntry, glossaryContinuation, check, unknown
}

/// Part of a buffer shared with other lines or rows, indexed from 0 like an array: the rows of
/// a table keep their tokens and values in one buffer per table, not two arrays per row (a
/// row's two allocations and frees were a fifth of the parse, issue 15).
public struct SharedSlice<Element>: RandomAccessCollection, ExpressibleByArrayLiteral {
    @usableFromInline let storage: [Element]
    @usableFromInline let start: Int
    public let count: Int

    /// Nothing: a row's tokens and values until its table closes.
    @inlinable public init() { self.init(storage: [], range: 0..<0) }
    /// `storage[range]`, sharing the buffer.
    @inlinable public init(storage: [Element], range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= storage.count)
        self.storage = storage
        start = range.lowerBound
        count = range.count
    }
    @inlinable public init(_ elements: [Element]) { self.init(storage: elements, range: 0..<elements.count) }
    @inlinable public init(arrayLiteral elements: Element...) { self.init(elements) }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "index out of range")
        return storage[start + position]
    }

    /// Calls `body` with the elements in place (indexed from 0).
    @inlinable public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }
}

extension SharedSlice: Sendable where Element: Sendable {}

/// One physical line: its kind, its tokens, and its trailing comment.
public struct Line: Sendable {
    public var index: Int
    public var kind: LineKind
    /// A table row's tokens are its `RowSyntax.tokens`, in its table's buffer.
    public var tokens: SharedSlice<Token>
    public var trailingComment: Token?
}

public struct HeaderLine: Sendable {
    public var line: Int
    public var key: Token
    /// The canonical key, or nil for a free-form header line (kept, not checked).
    public var canonicalKey: HeaderKey?
    public var values: [Token]
    /// The whole value text (everything after the key, without a trailing comment).
    public var value: Token?
}

public enum TableSide: String, Sendable, HashedByCase {
    case income = "收入"
    case expenditure = "支出"
}

public struct CellSyntax: Sendable {
    public var token: Token
    /// nil when the token is not a number (S102).
    public var value: CellValue?

    @inlinable init(token: Token, value: CellValue?) {
        self.token = token
        self.value = value
    }
}

/// A table row. Its tokens (code, label, then cells) are the same as its line's `tokens`, and
/// both they and its cells' values are slices of buffers shared by every row of its table: a
/// row was stored three times over (the line's tokens, the syntax's cells, the model's cells),
/// two thirds of a report's memory, and then in two arrays of its own (issue 15).
public struct RowSyntax: Sendable {
    public var line: Int
    /// The code's, the label's and the cells' tokens, in that order.
    public internal(set) var tokens: SharedSlice<Token>
    /// One per cell: nil when its text is not a number (S102).
    public internal(set) var values: SharedSlice<CellValue?>
    /// Where the cells start in `tokens`: 0, 1 or 2 (after the code and the label).
    @usableFromInline let cellStart: UInt8
    @usableFromInline let hasCode: Bool
    /// The side of a two-sided table in force at this row.
    public var side: TableSide
    /// A `其中：` row: a detail of the row above, never an addend.
    public var isDetail: Bool
    public var range: SourceRange

    /// `tokens` holds the code (when `hasCode`), the label (when `cellStart` says there is one),
    /// then one token per value.
    init(line: Int, tokens: SharedSlice<Token>, values: SharedSlice<CellValue?>, hasCode: Bool, cellStart: Int, side: TableSide, isDetail: Bool, range: SourceRange) {
        // The parser gives a row its tokens and values when its table closes (both empty until then).
        assert(tokens.count == cellStart + values.count || tokens.isEmpty && values.isEmpty)
        assert(cellStart - (hasCode ? 1 : 0) <= 1)
        self.line = line
        self.tokens = tokens
        self.values = values
        self.cellStart = UInt8(cellStart)
        self.hasCode = hasCode
        self.side = side
        self.isDetail = isDetail
        self.range = range
    }

    @inlinable public var code: Token? { hasCode ? tokens[0] : nil }
    @inlinable public var label: Token? {
        let labelIndex = hasCode ? 1 : 0
        return Int(cellStart) > labelIndex ? tokens[labelIndex] : nil
    }
    @inlinable public var cells: RowCells { RowCells(tokens: tokens, values: values, cellStart: Int(cellStart)) }
    /// The token of cell `index` (`cells[index].token` without making the cell).
    @inlinable public func cellToken(_ index: Int) -> Token { tokens[Int(cellStart) + index] }
}

/// A row's cells, read from its tokens and values in place.
public struct RowCells: RandomAccessCollection, Sendable {
    @usableFromInline let tokens: SharedSlice<Token>
    @usableFromInline let values: SharedSlice<CellValue?>
    @usableFromInline let cellStart: Int

    @inlinable init(tokens: SharedSlice<Token>, values: SharedSlice<CellValue?>, cellStart: Int) {
        self.tokens = tokens
        self.values = values
        self.cellStart = cellStart
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { values.count }
    @inlinable public subscript(position: Int) -> CellSyntax {
        CellSyntax(token: tokens[cellStart + position], value: values[position])
    }
}

/// `合计 = 甲 + 乙` after the `;` of a column line.
public struct ColumnRelationSyntax: Sendable {
    public var result: Token
    public var terms: [(negative: Bool, column: Token)]
    public var range: SourceRange
}

public struct ColumnsSyntax: Sendable {
    public var line: Int
    public var keyword: Token
    public var names: [Token]
    public var relations: [ColumnRelationSyntax]
}

public struct TableSyntax: Sendable {
    public var line: Int
    public var keyword: Token
    public var id: Token?
    public var title: Token?
    public var columns: ColumnsSyntax?
    public var rows: [RowSyntax]
    /// Lines of the block, keyword line to last line.
    public var lines: ClosedRange<Int>
}

public struct NarrativeSyntax: Sendable {
    public var line: Int
    public var keyword: Token
    public var title: Token?
    /// The prose lines (kept verbatim), by line index.
    public var proseLines: [Int]
    public var lines: ClosedRange<Int>
}

/// `key value` pairs of a performance line: `全年预算数 26.005`, `得分 8.25`.
public struct PerformanceField: Sendable {
    public var key: Token
    public var values: [Token]
}

public struct PerformanceLine: Sendable {
    public var line: Int
    public var key: Token
    /// For `指标` lines, the indicator path `一级/二级/三级`.
    public var indicator: Token?
    /// Values written directly after the key (`总分 100 88.5`, `等级 良`).
    public var values: [Token]
    public var fields: [PerformanceField]

    /// The field named `name` (a field keyword, simple text).
    public func field(_ name: String) -> PerformanceField? { fields.first { $0.key.text.equals(keyword: name) } }
}

public struct PerformanceSyntax: Sendable {
    public var line: Int
    public var keyword: Token
    public var name: Token?
    public var items: [PerformanceLine]
    public var lines: ClosedRange<Int>
}

public struct GlossaryEntrySyntax: Sendable {
    public var line: Int
    public var term: Token
    /// The definition's text, continuation lines joined without a separator.
    public var definition: String
    public var definitionRanges: [SourceRange]
}

public struct GlossarySyntax: Sendable {
    public var line: Int
    public var keyword: Token
    public var entries: [GlossaryEntrySyntax]
    public var lines: ClosedRange<Int>
}

/// `公开01.本年收入合计` — table, row and column parts, each with its own range.
public struct ReferenceSyntax: Sendable {
    public var token: Token
    public var table: Token
    public var row: Token?
    public var column: Token?
}

public enum CheckOperand: Sendable {
    case reference(ReferenceSyntax)
    case number(DecimalNumber, Token)
}

public struct CheckTerm: Sendable {
    public var negative: Bool
    public var operand: CheckOperand
}

public struct CheckSyntax: Sendable {
    public var line: Int
    public var keyword: Token
    public var left: [CheckTerm]
    public var comparator: Token?
    public var right: [CheckTerm]
    public var lines: ClosedRange<Int>
}

public enum Block: Sendable {
    case table(TableSyntax)
    case narrative(NarrativeSyntax)
    case performance(PerformanceSyntax)
    case glossary(GlossarySyntax)
    case check(CheckSyntax)

    public var lines: ClosedRange<Int> {
        switch self {
        case .table(let b): b.lines
        case .narrative(let b): b.lines
        case .performance(let b): b.lines
        case .glossary(let b): b.lines
        case .check(let b): b.lines
        }
    }

    public var keyword: Token {
        switch self {
        case .table(let b): b.keyword
        case .narrative(let b): b.keyword
        case .performance(let b): b.keyword
        case .glossary(let b): b.keyword
        case .check(let b): b.keyword
        }
    }
}

/// The lossless syntax tree of a document: every byte belongs to exactly one line,
/// and every token keeps its exact range, so printing the tree gives back the input.
public struct SyntaxTree: Sendable {
    public let source: SourceText
    public var lines: [Line]
    public var header: [HeaderLine]
    public var blocks: [Block]
    public var diagnostics: [Diagnostic]
    /// Byte length of a leading byte-order mark (0 or 3); it is kept, and ignored.
    public var byteOrderMarkLength: Int

    /// The first line of every block, in order.
    public var blockStartLines: [Int] { blocks.map(\.lines.lowerBound) }

    /// The document, printed back from the tree's lines.
    public var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.bytes.count)
        for line in lines {
            let range = source.lineRange(line.index)
            bytes.append(contentsOf: source.bytes[range.start..<range.end])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var tables: [TableSyntax] { blocks.compactMap { if case .table(let t) = $0 { t } else { nil } } }
    public var narratives: [NarrativeSyntax] { blocks.compactMap { if case .narrative(let n) = $0 { n } else { nil } } }
    public var performances: [PerformanceSyntax] { blocks.compactMap { if case .performance(let p) = $0 { p } else { nil } } }
    public var glossaries: [GlossarySyntax] { blocks.compactMap { if case .glossary(let g) = $0 { g } else { nil } } }
    public var checks: [CheckSyntax] { blocks.compactMap { if case .check(let c) = $0 { c } else { nil } } }
}
