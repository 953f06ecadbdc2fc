import JuesuanSyntax

/// A replacement of a byte range of the original text (UTF-8 offsets), as an LSP
/// `TextEdit` needs it once the range is turned into positions (`SourceText.position(of:)`).
public struct TextEdit: Sendable, Hashable {
    public var range: SourceRange
    public var newText: String

    public init(range: SourceRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// The result of formatting: the new text and the minimal edits that turn the old text into it.
public struct FormatResult: Sendable {
    public var text: String
    /// Non-overlapping, in document order, against the original text.
    public var edits: [TextEdit]
    public var changed: Bool { !edits.isEmpty }
}

/// The formatter of `.juesuan` documents (`juesuan fmt`, LSP formatting).
///
/// It changes only blanks and blank lines:
/// - inside each table block, rows are aligned by display width (CJK characters count two
///   columns): codes in their own column, labels left-aligned, figures right-aligned on the
///   decimal point (integer parts right-aligned, fractional parts left-aligned), empty cells
///   right-aligned with the end of their column, trailing comments two blanks after the row;
/// - between blocks, exactly one blank line.
/// Prose, labels, figures, comments and header values are never changed; every line keeps its
/// own terminator (LF, CRLF or CR); a byte-order mark is kept. Formatting is idempotent.
public enum Formatter {
    /// Formats the whole document, or with `lines` (0-based, inclusive) only the tables that
    /// touch those lines (LSP range formatting; blank lines between blocks are then left alone).
    public static func format(_ text: String, lines: ClosedRange<Int>? = nil) -> FormatResult {
        let source = SourceText(text)
        let tree = Parser.parse(source)
        var plan = Plan(source: source, tree: tree)
        for block in tree.blocks {
            guard case .table(let table) = block else { continue }
            if let lines, !lines.overlaps(table.lines) { continue }
            plan.alignTable(table)
        }
        if lines == nil { plan.normaliseGaps() }
        let edits = plan.edits()
        if edits.isEmpty { return FormatResult(text: text, edits: []) }
        return FormatResult(text: apply(edits, to: source.bytes), edits: edits)
    }

    /// True when formatting would change nothing.
    public static func isFormatted(_ text: String) -> Bool { !format(text).changed }

    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var position = 0
        for edit in edits {
            output.append(contentsOf: bytes[position..<edit.range.start])
            output.append(contentsOf: Array(edit.newText.utf8))
            position = edit.range.end
        }
        output.append(contentsOf: bytes[position...])
        return String(decoding: output, as: UTF8.self)
    }
}

/// What the formatter will do to each line.
private struct Plan {
    let source: SourceText
    let tree: SyntaxTree
    /// New content (without terminator) for rewritten lines.
    var rewritten: [Int: String] = [:]
    var deleted: Set<Int> = []
    /// Lines before which one blank line is inserted.
    var blankBefore: Set<Int> = []

    init(source: SourceText, tree: SyntaxTree) {
        self.source = source
        self.tree = tree
    }

    func content(_ line: Int) -> String {
        var range = source.lineContentRange(line)
        if line == 0 { range.start += tree.byteOrderMarkLength }
        return source.string(range)
    }

    // MARK: Tables

    struct CellPiece {
        var integer: String
        var fraction: String
        /// Empty and malformed cells are aligned as a whole, to the right edge of the column.
        var whole: Bool
    }

    struct RowLayout {
        var line: Int
        var code: String?
        var label: String?
        var cells: [CellPiece]
        var comment: String?
        var indent: String
    }

    static func piece(_ token: Token) -> CellPiece {
        switch token.kind {
        case .number, .percentage:
            let text = token.text
            if let dot = text.firstIndex(of: ".") {
                return CellPiece(integer: String(text[..<dot]), fraction: String(text[dot...]), whole: false)
            }
            if text.hasSuffix("%") || text.hasSuffix("％") {
                let suffix = String(text.last!)
                return CellPiece(integer: String(text.dropLast()), fraction: suffix, whole: false)
            }
            return CellPiece(integer: text, fraction: "", whole: false)
        default:
            return CellPiece(integer: token.text, fraction: "", whole: true)
        }
    }

    mutating func alignTable(_ table: TableSyntax) {
        var rows: [RowLayout] = []
        for index in table.lines where index < tree.lines.count {
            let line = tree.lines[index]
            guard line.kind == .row else { continue }
            var layout = RowLayout(line: index, code: nil, label: nil, cells: [], comment: line.trailingComment?.text, indent: "")
            for token in line.tokens {
                switch token.kind {
                case .code: layout.code = token.text
                case .label: layout.label = token.text
                case .number, .percentage, .emptyCell, .badCell: layout.cells.append(Plan.piece(token))
                default: break
                }
            }
            let firstWord = layout.code ?? layout.label.map { String($0.prefix { $0 != " " && $0 != "\t" && $0 != "\u{3000}" }) } ?? ""
            // A row that starts with a block keyword must stay indented, or it would open a block.
            if BlockKeyword(word: firstWord) != nil { layout.indent = "  " }
            rows.append(layout)
        }
        guard !rows.isEmpty else { return }
        let codeWidth = rows.compactMap { $0.code.map { DisplayWidth.of($0) } }.max() ?? 0
        func prefix(_ row: RowLayout) -> String {
            var text = row.indent
            if let code = row.code {
                text += code
                if let label = row.label {
                    text += String(repeating: " ", count: codeWidth - DisplayWidth.of(code) + 2) + label
                }
            } else if let label = row.label {
                text += label
            }
            return text
        }
        let prefixes = rows.map(prefix)
        let prefixWidth = prefixes.map { DisplayWidth.of($0) }.max() ?? 0
        let columnCount = rows.map(\.cells.count).max() ?? 0
        var integerWidth = Array(repeating: 0, count: columnCount)
        var fractionWidth = Array(repeating: 0, count: columnCount)
        var wholeWidth = Array(repeating: 0, count: columnCount)
        for row in rows {
            for (j, cell) in row.cells.enumerated() {
                if cell.whole {
                    wholeWidth[j] = max(wholeWidth[j], DisplayWidth.of(cell.integer))
                } else {
                    integerWidth[j] = max(integerWidth[j], DisplayWidth.of(cell.integer))
                    fractionWidth[j] = max(fractionWidth[j], DisplayWidth.of(cell.fraction))
                }
            }
        }
        let columnWidth = (0..<columnCount).map { max(integerWidth[$0] + fractionWidth[$0], wholeWidth[$0]) }
        for (k, row) in rows.enumerated() {
            var text = prefixes[k]
            if !row.cells.isEmpty {
                text += String(repeating: " ", count: prefixWidth - DisplayWidth.of(prefixes[k]))
            }
            for (j, cell) in row.cells.enumerated() {
                text += "  "
                if cell.whole {
                    text += String(repeating: " ", count: columnWidth[j] - DisplayWidth.of(cell.integer)) + cell.integer
                } else {
                    let integerEnd = columnWidth[j] - fractionWidth[j]
                    text += String(repeating: " ", count: integerEnd - DisplayWidth.of(cell.integer)) + cell.integer + cell.fraction
                    text += String(repeating: " ", count: fractionWidth[j] - DisplayWidth.of(cell.fraction))
                }
            }
            while text.last == " " { text.removeLast() }
            if let comment = row.comment { text += "  " + comment }
            if text != content(row.line) { rewritten[row.line] = text }
        }
    }

    // MARK: Blank lines between blocks

    mutating func normaliseGaps() {
        let blocks = tree.blocks
        guard let first = blocks.first else { return }
        var gaps: [Range<Int>] = []
        // Between the header (if any content precedes the first block) and the first block.
        var lastContent = -1
        for index in 0..<first.lines.lowerBound where index < tree.lines.count {
            let kind = tree.lines[index].kind
            if kind != .blank && kind != .comment { lastContent = index }
        }
        if lastContent >= 0 { gaps.append((lastContent + 1)..<first.lines.lowerBound) }
        for k in 1..<max(1, blocks.count) {
            gaps.append((blocks[k - 1].lines.upperBound + 1)..<blocks[k].lines.lowerBound)
        }
        for gap in gaps {
            var sawBlank = false
            var previousBlank = false
            for index in gap {
                if tree.lines[index].kind == .blank {
                    if previousBlank {
                        deleted.insert(index)
                    } else if !content(index).isEmpty {
                        rewritten[index] = ""
                    }
                    previousBlank = true
                    sawBlank = true
                } else {
                    previousBlank = false
                }
            }
            if !sawBlank { blankBefore.insert(gap.lowerBound) }
        }
    }

    // MARK: Edits

    func terminator(_ line: Int) -> String {
        guard line >= 0, line < source.lineCount else { return "" }
        let whole = source.lineRange(line)
        return source.string(SourceRange(start: source.lineContentEnds[line], end: whole.end))
    }

    func edits() -> [TextEdit] {
        var result: [TextEdit] = []
        for line in 0..<source.lineCount {
            if blankBefore.contains(line) {
                var ending = terminator(line - 1)
                if ending.isEmpty { ending = terminator(line) }
                if ending.isEmpty { ending = "\n" }
                let start = source.lineStarts[line]
                result.append(TextEdit(range: SourceRange(start: start, end: start), newText: ending))
            }
            if deleted.contains(line) {
                result.append(TextEdit(range: source.lineRange(line), newText: ""))
                continue
            }
            guard let new = rewritten[line] else { continue }
            var range = source.lineContentRange(line)
            if line == 0 { range.start += tree.byteOrderMarkLength }
            result.append(minimalEdit(range: range, old: Array(source.bytes[range.start..<range.end]), new: Array(new.utf8)))
        }
        return result
    }

    /// The smallest replacement of `range` (whose bytes are `old`) that gives `new`, cut at
    /// character boundaries.
    func minimalEdit(range: SourceRange, old: [UInt8], new: [UInt8]) -> TextEdit {
        func isBoundary(_ bytes: [UInt8], _ i: Int) -> Bool { i >= bytes.count || bytes[i] & 0xC0 != 0x80 }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        while prefix > 0, !(isBoundary(old, prefix) && isBoundary(new, prefix)) { prefix -= 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while suffix > 0, !(isBoundary(old, old.count - suffix) && isBoundary(new, new.count - suffix)) { suffix -= 1 }
        let replacement = String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self)
        return TextEdit(range: SourceRange(start: range.start + prefix, end: range.end - suffix), newText: replacement)
    }
}
