import JuesuanLanguageService
import JuesuanSyntax
import LanguageServerProtocol
#if canImport(Glibc)
import Glibc
#endif

/// The JSON of the outline a document last answered `textDocument/documentSymbol` with, kept to
/// be reused: a keystroke changes one row of a large report's 2,000 symbols, and building every
/// symbol's object and converting its two ranges to line/column positions again was most of
/// the request right after the keystroke.
///
/// A symbol's JSON (with its children's) is reused when the symbol is the same and the text of
/// its lines is byte for byte where it was, on the same line numbers: then every position in it
/// is the same for the client too. Otherwise its object is built again, reusing what it can of
/// its children.
struct OutlineJSON {
    struct Node {
        let symbol: OutlineSymbol
        /// The symbol's JSON, serialized: a reused symbol costs a copy of its bytes.
        let json: JSONValue
        let children: [Node]
    }

    let source: SourceText
    let unit: ColumnUnit
    let nodes: [Node]
    /// How many top-level symbols were reused whole (for the trace).
    let reusedWhole: Int

    var json: JSONValue { .array(nodes.map(\.json)) }

    init(_ symbols: [OutlineSymbol], converter: Converter, previous: OutlineJSON?) {
        source = converter.source
        unit = converter.unit
        let previous = previous?.unit == converter.unit ? previous : nil
        var reused = 0
        nodes = symbols.enumerated().map { index, symbol in
            let old = previous.flatMap { index < $0.nodes.count ? $0.nodes[index] : nil }
            let (node, isReused) = OutlineJSON.node(symbol, old: old, previousSource: previous?.source, converter: converter)
            if isReused { reused += 1 }
            return node
        }
        reusedWhole = reused
    }

    /// `old` when it stands for `symbol`, else the symbol's JSON made again (reusing what it can
    /// of its children); and which of the two.
    private static func node(_ symbol: OutlineSymbol, old: Node?, previousSource: SourceText?, converter: Converter) -> (Node, reused: Bool) {
        if let old, let previousSource, reusable(old, for: symbol, from: previousSource, to: converter.source) { return (old, true) }
        let children = symbol.children.enumerated().map { index, child in
            node(child, old: old.flatMap { index < $0.children.count ? $0.children[index] : nil }, previousSource: previousSource, converter: converter).0
        }
        var members: [String: JSONValue] = [
            "name": .string(symbol.name.isEmpty ? " " : symbol.name),
            "kind": .int(Converter.symbolKind(symbol.kind)),
            "range": converter.range(symbol.range),
            "selectionRange": converter.range(symbol.selectionRange),
        ]
        if let detail = symbol.detail, !detail.isEmpty { members["detail"] = .string(detail) }
        if !children.isEmpty { members["children"] = .array(children.map(\.json)) }
        return (Node(symbol: symbol, json: .preserialized(JSONValue.object(members).serialized()), children: children), false)
    }

    /// Whether `old` stands for `symbol` (the same symbol, maybe moved by an edit on an earlier
    /// line that added no line) at the same line/column positions.
    private static func reusable(_ old: Node, for symbol: OutlineSymbol, from previousSource: SourceText, to source: SourceText) -> Bool {
        let shift = symbol.range.start - old.symbol.range.start
        return same(old.symbol, symbol, shift: shift) && linesUnchanged(symbol.range, shift: shift, from: previousSource, to: source)
    }

    /// Whether `a`, moved `shift` bytes, is `b` (children too).
    static func same(_ a: OutlineSymbol, _ b: OutlineSymbol, shift: Int) -> Bool {
        func moved(_ range: SourceRange) -> SourceRange { SourceRange(start: range.start + shift, end: range.end + shift) }
        return a.kind == b.kind && a.rowLevel == b.rowLevel && moved(a.range) == b.range && moved(a.selectionRange) == b.selectionRange
            && a.name == b.name && a.detail == b.detail && a.children.count == b.children.count
            && zip(a.children, b.children).allSatisfy { same($0, $1, shift: shift) }
    }

    /// Whether the lines that hold `range` in the new text are the same bytes, on the same line
    /// numbers, as those `shift` bytes earlier in the old text (an edit on an earlier line may
    /// have moved them): then every position inside it is the same.
    static func linesUnchanged(_ range: SourceRange, shift: Int, from old: SourceText, to new: SourceText) -> Bool {
        guard range.start >= 0, range.start <= range.end, range.end <= new.bytes.count else { return false }
        let line = new.line(containing: range.start)
        let start = new.lineStarts[line]
        let end = new.lineRange(new.line(containing: range.end)).end
        // The old line of that number starts there (line starts ascend: so it is the same line).
        guard start - shift >= 0, end - shift <= old.bytes.count, line < old.lineCount,
              old.lineStarts[line] == start - shift else { return false }
        if end == start { return true }
        return old.bytes.withUnsafeBufferPointer { a in
            new.bytes.withUnsafeBufferPointer { b in memcmp(a.baseAddress! + (start - shift), b.baseAddress! + start, end - start) == 0 }
        }
    }
}
