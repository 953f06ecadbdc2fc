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
public struct EncodedSemanticTokens: Sendable {
    public private(set) var data: [Int] = []
    private(set) var starts: [Int] = []
    private(set) var lines: [Int] = []
    private(set) var columns: [Int] = []

    public var count: Int { starts.count }

    public init(_ tokens: [SemanticToken], in source: SourceText, unit: ColumnUnit) {
        append(tokens, in: source, unit: unit)
    }

    init() {}

    /// Encodes `tokens` (in order, after the tokens already here) at their places in `source`.
    /// A token that is empty or runs over a line end is left out, as the LSP requires.
    mutating func append(_ tokens: [SemanticToken], in source: SourceText, unit: ColumnUnit) {
        data.reserveCapacity(data.count + tokens.count * 5)
        var sweep = PositionSweep(source, unit: unit)
        for token in tokens {
            let start = sweep.lineColumn(of: token.range.start)
            let end = sweep.lineColumn(of: token.range.end)
            guard end.line == start.line, end.column > start.column else { continue }
            append(start: token.range.start, line: start.line, column: start.column,
                   rest: [end.column - start.column, token.type.rawValue, token.modifiers.rawValue])
        }
    }

    private mutating func append(start: Int, line: Int, column: Int, rest: some Collection<Int>) {
        let previousLine = lines.last ?? 0
        let deltaLine = line - previousLine
        data.append(deltaLine)
        data.append(deltaLine == 0 ? column - (columns.last ?? 0) : column)
        data.append(contentsOf: rest)
        starts.append(start)
        lines.append(line)
        columns.append(column)
    }

    /// The index of the first token starting at or after `offset`.
    func firstIndex(startingAtOrAfter offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The tokens `range` of `other`, which lie after the tokens here, `byteDelta` bytes and
    /// `lineDelta` lines further on, on lines the edit left as they were (same columns).
    mutating func append(_ other: EncodedSemanticTokens, _ range: Range<Int>, byteDelta: Int, lineDelta: Int) {
        guard !range.isEmpty else { return }
        let first = range.lowerBound
        // The first one's deltas are relative to the token before it, which may have changed.
        append(start: other.starts[first] + byteDelta, line: other.lines[first] + lineDelta, column: other.columns[first],
               rest: other.data[(first * 5 + 2)..<(first * 5 + 5)])
        let rest = (first + 1)..<range.upperBound
        data.append(contentsOf: other.data[(rest.lowerBound * 5)..<(rest.upperBound * 5)])
        starts.append(contentsOf: other.starts[rest].lazy.map { $0 + byteDelta })
        lines.append(contentsOf: other.lines[rest].lazy.map { $0 + lineDelta })
        columns.append(contentsOf: other.columns[rest])
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
        let (prefix, suffix) = commonEnds(old, new)
        if prefix == old.count && prefix == new.count { return [] }
        // Whole tokens (five integers each) from here on.
        let tokenSize = 5, window = 64, run = 8
        var i = prefix / tokenSize, j = prefix / tokenSize
        let oldEnd = (old.count - suffix + tokenSize - 1) / tokenSize, newEnd = (new.count - suffix + tokenSize - 1) / tokenSize
        func equal(_ a: Int, _ b: Int) -> Bool {
            old[(a * tokenSize)..<(a * tokenSize + tokenSize)] == new[(b * tokenSize)..<(b * tokenSize + tokenSize)]
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
            edits.append(SemanticTokenEdit(start: start, deleteCount: oldStop - start, data: new[(j * tokenSize)..<newStop]))
            i = a; j = b
            while i < oldEnd, j < newEnd, equal(i, j) { i += 1; j += 1 }
        }
        return edits
    }

    /// The lengths of the common prefix and (not overlapping it) the common suffix of two token
    /// encodings, compared a block of integers at a time: after a keystroke all but a few of
    /// the half-million integers of a large report's tokens are equal.
    static func commonEnds(_ a: [Int], _ b: [Int]) -> (prefix: Int, suffix: Int) {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return (0, 0) }
                let shorter = min(x.count, y.count), block = 256
                var prefix = 0
                while prefix + block <= shorter, memcmp(p + prefix, q + prefix, block * MemoryLayout<Int>.stride) == 0 { prefix += block }
                while prefix < shorter, x[prefix] == y[prefix] { prefix += 1 }
                let room = shorter - prefix
                var suffix = 0
                while suffix + block <= room,
                      memcmp(p + x.count - suffix - block, q + y.count - suffix - block, block * MemoryLayout<Int>.stride) == 0 { suffix += block }
                while suffix < room, x[x.count - 1 - suffix] == y[y.count - 1 - suffix] { suffix += 1 }
                return (prefix, suffix)
            }
        }
    }
}
