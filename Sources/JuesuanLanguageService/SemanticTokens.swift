import Foundation
import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// The token types of the semantic-token legend, in legend order (standard LSP names).
public enum SemanticTokenType: Int, Sendable, Hashable, CaseIterable {
    /// Block keywords, header keys, 列, 收入/支出, 绩效 keys.
    case keyword
    /// Figures: cells, numbers in 校验, claims in prose (amounts, shares, counts, scores).
    case number
    /// Titles and header values.
    case string
    case comment
    /// Table ids (公开03) and the table part of a 校验 reference.
    case namespace
    /// Column names (`列` line, the column part of a reference).
    case type
    /// Glossary terms.
    case property
    /// Row labels and 绩效 indicator names.
    case variable
    /// Classification codes.
    case enumMember
    /// Empty cells, operators and comparators of 校验.
    case `operator`

    public var name: String {
        switch self {
        case .keyword: "keyword"
        case .number: "number"
        case .string: "string"
        case .comment: "comment"
        case .namespace: "namespace"
        case .type: "type"
        case .property: "property"
        case .variable: "variable"
        case .enumMember: "enumMember"
        case .operator: "operator"
        }
    }
}

/// Token modifiers, as bits in legend order.
public struct SemanticTokenModifiers: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// A glossary term where it is defined; a code declared by `科目`.
    public static let declaration = SemanticTokenModifiers(rawValue: 1 << 0)
    /// A code of the embedded (or given) classification catalogue.
    public static let defaultLibrary = SemanticTokenModifiers(rawValue: 1 << 1)
    /// The label and figures of a total row (合计, 总计, 本年收入合计…).
    public static let total = SemanticTokenModifiers(rawValue: 1 << 2)
    /// A figure (or name) that fails a check: an error or warning sits on it.
    public static let failing = SemanticTokenModifiers(rawValue: 1 << 3)
    /// A figure in prose (a claim the narrative checks read).
    public static let claim = SemanticTokenModifiers(rawValue: 1 << 4)

    /// The legend's names, bit 0 first ("declaration" and "defaultLibrary" are standard LSP
    /// modifiers; "total", "failing" and "claim" are Juesuan's own).
    public static let names = ["declaration", "defaultLibrary", "total", "failing", "claim"]
}

/// One token: a range on a single line, its type and modifiers.
public struct SemanticToken: Sendable, Hashable {
    public var range: SourceRange
    public var type: SemanticTokenType
    public var modifiers: SemanticTokenModifiers
}

extension LanguageService {
    /// Every semantic token of the document, in order, non-overlapping, each on one line.
    public static func semanticTokens(_ snapshot: DocumentSnapshot) -> [SemanticToken] {
        snapshot.memo("semanticTokens") { computeSemanticTokens(snapshot) }
    }

    static func computeSemanticTokens(_ snapshot: DocumentSnapshot) -> [SemanticToken] {
        let analysis = snapshot.analysis
        let report = analysis.report
        let syntax = report.syntax
        let source = snapshot.source
        var failing: Set<Int> = []
        for d in analysis.diagnostics where d.severity == .error || d.severity == .warning { failing.insert(d.range.start) }
        var totalLines: Set<Int> = []
        var rowKinds: [Int: RowKind] = [:]
        for table in report.tables {
            for row in table.allRows where row.isTotal { totalLines.insert(row.line) }
            if let kind = table.rowKind { for line in table.syntax.lines { rowKinds[line] = kind } }
        }
        let declared = Set(report.header.localCodes.map(\.code))
        var tokens: [SemanticToken] = []
        func add(_ range: SourceRange, _ type: SemanticTokenType, _ modifiers: SemanticTokenModifiers = []) {
            guard !range.isEmpty else { return }
            var modifiers = modifiers
            if failing.contains(range.start) { modifiers.insert(.failing) }
            tokens.append(SemanticToken(range: range, type: type, modifiers: modifiers))
        }
        func isNumeric(_ text: String) -> Bool { LanguageService.isFigure(text) }

        for line in syntax.lines {
            let total: SemanticTokenModifiers = totalLines.contains(line.index) ? .total : []
            if line.kind == .prose {
                for claim in ClaimScanner.claims(line: line.index, range: source.lineContentRange(line.index), source: source) {
                    var modifiers: SemanticTokenModifiers = [.claim]
                    if failing.contains(claim.range.start) || failing.contains(claim.fullRange.start) { modifiers.insert(.failing) }
                    add(claim.fullRange, .number, modifiers)
                }
                continue
            }
            for token in line.tokens {
                switch token.kind {
                case .keyword, .headerKey, .sideSwitch, .performanceKey, .fieldKey:
                    add(token.range, .keyword)
                case .headerValue, .fieldValue:
                    add(token.range, isNumeric(token.text) ? .number : .string)
                case .tableID:
                    add(token.range, .namespace)
                case .tableTitle, .title:
                    add(token.range, .string)
                case .columnName:
                    add(token.range, .type)
                case .code:
                    var modifiers: SemanticTokenModifiers = total
                    let kind: ClassificationKind = rowKinds[line.index] == .economicCodes ? .economic : .functional
                    if declared.contains(token.text) { modifiers.insert(.declaration) }
                    else if report.catalogue.contains(code: token.text, kind: kind) { modifiers.insert(.defaultLibrary) }
                    add(token.range, .enumMember, modifiers)
                case .label:
                    add(token.range, .variable, total)
                case .number, .percentage, .badCell:
                    add(token.range, .number, total)
                case .emptyCell, .operatorSign, .comparator:
                    add(token.range, .operator)
                case .comment:
                    add(token.range, .comment)
                case .indicatorName:
                    add(token.range, .variable)
                case .term:
                    add(token.range, .property, .declaration)
                case .reference:
                    referenceTokens(token, source: source, add: add)
                case .prose, .definition, .unknown:
                    break
                }
            }
            if let comment = line.trailingComment { add(comment.range, .comment) }
        }
        tokens.sort { $0.range.start < $1.range.start }
        // Never overlapping: a token that starts inside the one before is dropped.
        var result: [SemanticToken] = []
        result.reserveCapacity(tokens.count)
        for token in tokens where result.last.map({ token.range.start >= $0.range.end }) ?? true { result.append(token) }
        return result
    }

    /// `公开06.30217.决算数`: table part, row part (a code or a label), column part.
    static func referenceTokens(_ token: Token, source: SourceText, add: (SourceRange, SemanticTokenType, SemanticTokenModifiers) -> Void) {
        // Split on ASCII and full-width dots.
        let bytes = source.bytes
        var parts: [SourceRange] = []
        var start = token.range.start
        var i = start
        while i < token.range.end {
            if bytes[i] == 0x2E {
                parts.append(SourceRange(start: start, end: i)); i += 1; start = i; continue
            }
            if bytes[i] == 0xEF, i + 2 < token.range.end, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x8E {
                parts.append(SourceRange(start: start, end: i)); i += 3; start = i; continue
            }
            i += 1
        }
        parts.append(SourceRange(start: start, end: token.range.end))
        for (index, part) in parts.enumerated() {
            switch index {
            case 0: add(part, .namespace, [])
            case 1 where parts.count > 1:
                let text = source.string(part)
                let isCode = [3, 5, 7].contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                add(part, isCode ? .enumMember : .variable, [])
            default: add(part, .type, [])
            }
        }
    }
}

/// Semantic tokens in the LSP's relative encoding (five integers a token: line delta, start
/// delta, length, type, modifiers), with each encoded token's byte start, line and column, so
/// that an `EditedView` reuses the encoding of every block the edit left alone.
///
/// Stored as pieces: runs encoded here, and runs kept from another encoding, which share its
/// arrays (an `ArraySlice` copies nothing) and say how far their tokens moved. A view of a
/// keystroke in a 1 MB report keeps all but a few of the base's 100,000 tokens: copying them
/// (half a million integers and three arrays of starts, lines and columns) was most of a
/// semantic-tokens request right after the keystroke.
public struct EncodedSemanticTokens: Sendable {
    private struct Piece: Sendable {
        var data: ArraySlice<Int>
        var starts: ArraySlice<Int>
        var lines: ArraySlice<Int>
        var columns: ArraySlice<Int>
        /// How far a kept run moved (0 for a run encoded here).
        var byteDelta = 0, lineDelta = 0

        var count: Int { starts.count }
        func start(_ index: Int) -> Int { starts[starts.startIndex + index] + byteDelta }
        func line(_ index: Int) -> Int { lines[lines.startIndex + index] + lineDelta }
        func column(_ index: Int) -> Int { columns[columns.startIndex + index] }

        /// Tokens `range` (indices in this piece), moved a further `byteDelta` and `lineDelta`.
        func kept(_ range: Range<Int>, byteDelta: Int, lineDelta: Int) -> Piece {
            Piece(data: data[(data.startIndex + range.lowerBound * 5)..<(data.startIndex + range.upperBound * 5)],
                  starts: starts[(starts.startIndex + range.lowerBound)..<(starts.startIndex + range.upperBound)],
                  lines: lines[(lines.startIndex + range.lowerBound)..<(lines.startIndex + range.upperBound)],
                  columns: columns[(columns.startIndex + range.lowerBound)..<(columns.startIndex + range.upperBound)],
                  byteDelta: self.byteDelta + byteDelta, lineDelta: self.lineDelta + lineDelta)
        }
    }

    private var pieces: [Piece] = []
    var pieceCount: Int { pieces.count }
    /// Past this many pieces a version's tokens are encoded afresh rather than kept from a view.
    static let maximumPieces = 48
    /// The index of each piece's first token.
    private var pieceStarts: [Int] = []
    public private(set) var count = 0

    public init(_ tokens: [SemanticToken], in source: SourceText, unit: ColumnUnit) {
        append(tokens, in: source, unit: unit)
    }

    init() {}

    /// The integers the client is sent (or a delta is computed from), sharing the pieces' arrays.
    public var integers: SemanticTokenIntegers { SemanticTokenIntegers(chunks: pieces.map(\.data)) }

    /// All the integers in one array.
    public var data: [Int] { integers.array }

    private var last: (line: Int, column: Int)? {
        guard let piece = pieces.last else { return nil }
        return (piece.line(piece.count - 1), piece.column(piece.count - 1))
    }

    private mutating func add(_ piece: Piece) {
        guard piece.count > 0 else { return }
        pieces.append(piece)
        pieceStarts.append(count)
        count += piece.count
    }

    /// Encodes `tokens` (in order, after the tokens already here) at their places in `source`.
    /// A token that is empty or runs over a line end is left out, as the LSP requires.
    mutating func append(_ tokens: [SemanticToken], in source: SourceText, unit: ColumnUnit) {
        var run = Run(after: last)
        run.reserve(tokens.count)
        var sweep = PositionSweep(source, unit: unit)
        for token in tokens {
            let start = sweep.lineColumn(of: token.range.start)
            let end = sweep.lineColumn(of: token.range.end)
            guard end.line == start.line, end.column > start.column else { continue }
            run.append(start: token.range.start, line: start.line, column: start.column,
                       length: end.column - start.column, type: token.type.rawValue, modifiers: token.modifiers.rawValue)
        }
        add(run.piece)
    }

    /// Tokens encoded here, relative to the token before them.
    private struct Run {
        var data: [Int] = [], starts: [Int] = [], lines: [Int] = [], columns: [Int] = []
        var previous: (line: Int, column: Int)

        init(after previous: (line: Int, column: Int)?) { self.previous = previous ?? (0, 0) }

        mutating func reserve(_ tokens: Int) {
            data.reserveCapacity(tokens * 5)
            starts.reserveCapacity(tokens)
            lines.reserveCapacity(tokens)
            columns.reserveCapacity(tokens)
        }

        mutating func append(start: Int, line: Int, column: Int, length: Int, type: Int, modifiers: Int) {
            let deltaLine = line - previous.line
            data.append(deltaLine)
            data.append(deltaLine == 0 ? column - previous.column : column)
            data.append(length)
            data.append(type)
            data.append(modifiers)
            starts.append(start)
            lines.append(line)
            columns.append(column)
            previous = (line, column)
        }

        var piece: Piece { Piece(data: data[...], starts: starts[...], lines: lines[...], columns: columns[...]) }
    }

    /// The piece holding token `index`, and the token's index in it.
    private func locate(_ index: Int) -> (piece: Int, offset: Int) {
        let piece = pieceStarts.lastIndex(atMost: index)
        return (piece, index - pieceStarts[piece])
    }

    private func start(_ index: Int) -> Int {
        let (piece, offset) = locate(index)
        return pieces[piece].start(offset)
    }

    /// The index of the first token starting at or after `offset`.
    func firstIndex(startingAtOrAfter offset: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if start(middle) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The tokens `range` of `other`, which lie after the tokens here, `byteDelta` bytes and
    /// `lineDelta` lines further on, on lines the edit left as they were (same columns): kept,
    /// not copied, but for the first, whose deltas are relative to the token before it, which
    /// may have changed.
    mutating func append(_ other: EncodedSemanticTokens, _ range: Range<Int>, byteDelta: Int, lineDelta: Int) {
        guard !range.isEmpty else { return }
        let (firstPiece, firstOffset) = other.locate(range.lowerBound)
        let first = other.pieces[firstPiece]
        var run = Run(after: last)
        let integers = first.data.startIndex + firstOffset * 5
        run.append(start: first.start(firstOffset) + byteDelta, line: first.line(firstOffset) + lineDelta, column: first.column(firstOffset),
                   length: first.data[integers + 2], type: first.data[integers + 3], modifiers: first.data[integers + 4])
        add(run.piece)
        var index = range.lowerBound + 1
        var pieceIndex = firstPiece
        while index < range.upperBound {
            while other.pieceStarts[pieceIndex] + other.pieces[pieceIndex].count <= index { pieceIndex += 1 }
            let piece = other.pieces[pieceIndex]
            let from = index - other.pieceStarts[pieceIndex]
            let to = min(piece.count, range.upperBound - other.pieceStarts[pieceIndex])
            add(piece.kept(from..<to, byteDelta: byteDelta, lineDelta: lineDelta))
            index += to - from
        }
    }
}

/// The integers of an encoding, as the chunks it is stored in (shared, not copied).
public struct SemanticTokenIntegers: Sendable, Equatable {
    private let chunks: [ArraySlice<Int>]
    /// The index of each chunk's first integer.
    private let chunkStarts: [Int]
    public let count: Int

    init(chunks: [ArraySlice<Int>]) {
        let kept = chunks.filter { !$0.isEmpty }
        self.chunks = kept
        var starts: [Int] = [], total = 0
        for chunk in kept {
            starts.append(total)
            total += chunk.count
        }
        chunkStarts = starts
        count = total
    }

    public init(_ integers: [Int]) { self.init(chunks: [integers[...]]) }

    public var array: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        for chunk in chunks { result.append(contentsOf: chunk) }
        return result
    }

    public static func == (a: SemanticTokenIntegers, b: SemanticTokenIntegers) -> Bool {
        a.count == b.count && SemanticTokenEdit.commonEnds(a, b).prefix == a.count
    }

    private func chunk(containing index: Int) -> Int { chunkStarts.lastIndex(atMost: index) }

    public subscript(index: Int) -> Int {
        let c = chunks.count == 1 ? 0 : chunk(containing: index)
        return chunks[c][chunks[c].startIndex + index - chunkStarts[c]]
    }

    /// The integers `range`, in one array.
    func integers(_ range: Range<Int>) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let c = chunk(containing: index)
            let from = chunks[c].startIndex + index - chunkStarts[c]
            let to = min(chunks[c].endIndex, from + range.upperBound - index)
            result.append(contentsOf: chunks[c][from..<to])
            index += to - from
        }
        return result
    }

    /// `body` on the integers from `index` to the end of the chunk that holds it (in place).
    fileprivate func withRun<T>(startingAt index: Int, _ body: (UnsafeBufferPointer<Int>) -> T) -> T {
        let c = chunk(containing: index), from = index - chunkStarts[c]
        return chunks[c].withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[from...])) }
    }

    /// `body` on the integers from the start of the chunk that holds integer `end - 1` up to
    /// `end` (in place).
    fileprivate func withRun<T>(endingAt end: Int, _ body: (UnsafeBufferPointer<Int>) -> T) -> T {
        let c = chunk(containing: end - 1), to = end - chunkStarts[c]
        return chunks[c].withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<to])) }
    }
}

/// One edit of a semantic-token delta: in the previous result's integers, `deleteCount` from
/// `start` replaced by `data`.
public struct SemanticTokenEdit: Sendable, Equatable {
    public var start: Int
    public var deleteCount: Int
    public var data: ArraySlice<Int>

    /// The edits that turn `old` into `new` (each at its place in `old`, in order): one per
    /// changed place. Between two keystrokes in distant tables everything between them is
    /// equal, only shifted when a line gained or lost a token, so after each difference the
    /// two are brought in step again on a run of equal tokens nearby; a single edit of
    /// everything in between would send half the report's tokens again.
    public static func edits(from old: [Int], to new: [Int]) -> [SemanticTokenEdit] {
        edits(from: SemanticTokenIntegers(old), to: SemanticTokenIntegers(new))
    }

    public static func edits(from old: SemanticTokenIntegers, to new: SemanticTokenIntegers) -> [SemanticTokenEdit] {
        let (prefix, suffix) = commonEnds(old, new)
        if prefix == old.count && prefix == new.count { return [] }
        // Whole tokens (five integers each) from here on.
        let tokenSize = 5, window = 64, run = 8
        var i = prefix / tokenSize, j = prefix / tokenSize
        let oldEnd = (old.count - suffix + tokenSize - 1) / tokenSize, newEnd = (new.count - suffix + tokenSize - 1) / tokenSize
        func equal(_ a: Int, _ b: Int) -> Bool {
            (0..<tokenSize).allSatisfy { old[a * tokenSize + $0] == new[b * tokenSize + $0] }
        }
        func runs(_ a: Int, _ b: Int) -> Bool {
            guard a + run <= oldEnd, b + run <= newEnd else { return false }
            return (0..<run).allSatisfy { equal(a + $0, b + $0) }
        }
        var edits: [SemanticTokenEdit] = []
        while i < oldEnd || j < newEnd {
            // The nearest place where both go on equal for a run of tokens.
            var found: (Int, Int)?
            search: for distance in 1...(2 * window) {
                for di in max(0, distance - window)...min(distance, window) {
                    let dj = distance - di
                    if runs(i + di, j + dj) { found = (i + di, j + dj); break search }
                }
            }
            let (a, b) = found ?? (oldEnd, newEnd)
            let start = i * tokenSize, oldStop = min(a * tokenSize, old.count), newStop = min(b * tokenSize, new.count)
            edits.append(SemanticTokenEdit(start: start, deleteCount: oldStop - start, data: new.integers((j * tokenSize)..<newStop)[...]))
            i = a; j = b
            let same = equalRun(old, from: i * tokenSize, new, from: j * tokenSize, limit: min(oldEnd - i, newEnd - j) * tokenSize) / tokenSize
            i += same; j += same
        }
        return edits
    }

    /// The lengths of the common prefix and (not overlapping it) the common suffix of two token
    /// encodings. After a keystroke all but a few of the half-million integers of a large
    /// report's tokens are equal, and most are the very same memory (kept from the same
    /// encoding): those are skipped without reading them, the rest compared a block at a time.
    static func commonEnds(_ a: SemanticTokenIntegers, _ b: SemanticTokenIntegers) -> (prefix: Int, suffix: Int) {
        let shorter = min(a.count, b.count)
        let prefix = equalRun(a, from: 0, b, from: 0, limit: shorter)
        let room = shorter - prefix
        var suffix = 0
        while suffix < room {
            let (equal, compared) = a.withRun(endingAt: a.count - suffix) { x in
                b.withRun(endingAt: b.count - suffix) { y in
                    let n = min(x.count, y.count, room - suffix)
                    return (equalIntegers(x, y, n, fromTheEnd: true), n)
                }
            }
            suffix += equal
            if equal < compared { break }
        }
        return (prefix, suffix)
    }

    /// How many integers of `a` from `i` on equal those of `b` from `j` on (at most `limit`).
    static func equalRun(_ a: SemanticTokenIntegers, from i: Int, _ b: SemanticTokenIntegers, from j: Int, limit: Int) -> Int {
        var length = 0
        while length < limit {
            let (equal, compared) = a.withRun(startingAt: i + length) { x in
                b.withRun(startingAt: j + length) { y in
                    let n = min(x.count, y.count, limit - length)
                    return (equalIntegers(x, y, n, fromTheEnd: false), n)
                }
            }
            length += equal
            if equal < compared { break }
        }
        return length
    }

    /// How many of the first (or last) `n` integers of `x` and `y` are equal before the first
    /// that differs.
    private static func equalIntegers(_ x: UnsafeBufferPointer<Int>, _ y: UnsafeBufferPointer<Int>, _ n: Int, fromTheEnd: Bool) -> Int {
        guard n > 0, let p = x.baseAddress, let q = y.baseAddress else { return 0 }
        let p0 = fromTheEnd ? p + x.count - n : p, q0 = fromTheEnd ? q + y.count - n : q
        if p0 == q0 { return n }  // the same memory
        let block = 256, stride = MemoryLayout<Int>.stride
        var k = 0
        if fromTheEnd {
            while k + block <= n, memcmp(p0 + n - k - block, q0 + n - k - block, block * stride) == 0 { k += block }
            while k < n, p0[n - 1 - k] == q0[n - 1 - k] { k += 1 }
        } else {
            while k + block <= n, memcmp(p0 + k, q0 + k, block * stride) == 0 { k += block }
            while k < n, p0[k] == q0[k] { k += 1 }
        }
        return k
    }
}
