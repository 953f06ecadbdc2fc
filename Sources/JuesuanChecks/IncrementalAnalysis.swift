import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// Fast re-analysis after an edit: the block that holds the edit is checked again on its own
/// (with the header, which every block depends on), and every finding outside it is reused
/// from the previous analysis, moved by the edit. The work grows with the edited block, not
/// with the report.
///
/// Findings that depend on other blocks (X4xx across tables, N5xx against tables, P607, S107,
/// G7xx across glossaries) are not recomputed for the edited block here; a full `Analysis` of
/// the new text, run afterwards, brings them up to date. This is how an editor can show the
/// consequences of a keystroke at once on a report of any size.
public enum IncrementalAnalysis {
    /// What the quick path needs of an earlier version: its text, where its blocks start and
    /// its findings. Made from a full analysis, or from an earlier quick update.
    public struct State: Sendable {
        public let source: SourceText
        /// The first line of every block, in order.
        public let blockStartLines: [Int]
        public let diagnostics: [Diagnostic]

        public init(_ analysis: Analysis) {
            source = analysis.source
            blockStartLines = analysis.report.syntax.blocks.map(\.lines.lowerBound)
            diagnostics = analysis.diagnostics
        }

        init(source: SourceText, blockStartLines: [Int], diagnostics: [Diagnostic]) {
            self.source = source
            self.blockStartLines = blockStartLines
            self.diagnostics = diagnostics
        }
    }

    /// The findings of `newSource`, or nil when the edit is not confined to one block (it
    /// touches the header or a block's keyword line), and a full analysis is needed.
    public static func quickDiagnostics(previous: Analysis, newSource: SourceText, catalogue: Catalogue = .embedded,
                                        settings: ProjectConfiguration.Settings = .init()) -> [Diagnostic]? {
        update(State(previous), newSource: newSource, catalogue: catalogue, settings: settings)?.diagnostics
    }

    /// The state of `newSource`, from the state of the version before it; nil when a full
    /// analysis is needed.
    public static func update(_ previous: State, newSource: SourceText, catalogue: Catalogue = .embedded,
                              settings: ProjectConfiguration.Settings = .init()) -> State? {
        let old = previous.source.bytes
        let new = newSource.bytes
        // The edit: the bytes between the common prefix and the common suffix.
        let (prefix, suffix) = commonEnds(old, new)
        let oldEdit = SourceRange(start: prefix, end: old.count - suffix)
        let delta = new.count - old.count
        if oldEdit.isEmpty && delta == 0 { return State(source: newSource, blockStartLines: previous.blockStartLines, diagnostics: previous.diagnostics) }

        // The old block holding the whole edit; its first line (the keyword line) must be untouched.
        let firstEditLine = previous.source.line(containing: oldEdit.start)
        let lastEditLine = previous.source.line(containing: oldEdit.end)
        // A block's segment runs from its keyword line to the line before the next keyword line,
        // so blank lines after a table (where new rows are typed) belong to it.
        let starts = previous.blockStartLines
        guard let index = starts.lastIndex(where: { $0 < firstEditLine }) else { return nil }
        let segmentLast = index + 1 < starts.count ? starts[index + 1] - 1 : previous.source.lineCount - 1
        guard lastEditLine <= segmentLast else { return nil }
        let oldBlockStart = previous.source.lineStarts[starts[index]]
        let oldBlockEnd = previous.source.lineRange(segmentLast).end
        let newBlockStart = oldBlockStart
        let newBlockEnd = oldBlockEnd + delta
        guard newBlockEnd >= newBlockStart, newBlockEnd <= new.count else { return nil }
        // The edited lines must not start a new block.
        let firstNewLine = newSource.line(containing: prefix)
        let lastNewLine = newSource.line(containing: max(prefix, new.count - suffix))
        for line in firstNewLine...lastNewLine where line > newSource.line(containing: newBlockStart) {
            if startsBlock(newSource, line) { return nil }
        }
        // A block after the edited one that now merges into it (its keyword line lost) is caught
        // above; a block keyword typed at the end of the edited block is caught too.

        // The header (everything before the first block) and the edited block, checked alone.
        let headerEnd = starts.first.map { previous.source.lineStarts[$0] } ?? 0
        guard headerEnd <= newBlockStart else { return nil }
        let miniBytes = Array(new[0..<headerEnd]) + Array(new[newBlockStart..<newBlockEnd])
        let mini = Analysis(bytes: miniBytes, catalogue: catalogue, settings: settings)
        func fromMini(_ offset: Int) -> Int { offset < headerEnd ? offset : offset - headerEnd + newBlockStart }
        func mapMini(_ range: SourceRange) -> SourceRange { SourceRange(start: fromMini(range.start), end: fromMini(range.end)) }

        var result: [Diagnostic] = []
        // Findings outside the edited block: kept, moved by the edit when after it.
        for diagnostic in previous.diagnostics {
            guard let range = moved(diagnostic.range, oldBlockStart, oldBlockEnd, delta) else { continue }
            var kept = diagnostic
            kept.range = range
            kept.related = diagnostic.related.compactMap { related in
                moved(related.range, oldBlockStart, oldBlockEnd, delta).map { RelatedLocation(range: $0, message: related.message) }
            }
            if var fix = kept.fix {
                let edits = fix.edits.compactMap { edit in moved(edit.range, oldBlockStart, oldBlockEnd, delta).map { TextEdit(range: $0, replacement: edit.replacement) } }
                if edits.count == fix.edits.count { fix.edits = edits; kept.fix = fix } else { kept.fix = nil }
            }
            result.append(kept)
        }
        // Findings inside the edited block, from the block checked alone.
        for diagnostic in mini.diagnostics where diagnostic.range.start >= headerEnd {
            var mapped = diagnostic
            mapped.range = mapMini(diagnostic.range)
            mapped.related = diagnostic.related.map { RelatedLocation(range: mapMini($0.range), message: $0.message) }
            if var fix = mapped.fix {
                fix.edits = fix.edits.map { TextEdit(range: mapMini($0.range), replacement: $0.replacement) }
                mapped.fix = fix
            }
            result.append(mapped)
        }
        result.sort { ($0.range.start, $0.range.end, $0.code, $0.message) < ($1.range.start, $1.range.end, $1.code, $1.message) }
        // Blocks after the edited one moved by the lines the edit added or removed.
        let lineDelta = newSource.lineCount - previous.source.lineCount
        let newStarts = starts.enumerated().map { $0.offset > index ? $0.element + lineDelta : $0.element }
        return State(source: newSource, blockStartLines: newStarts, diagnostics: result)
    }

    /// The lengths of the common prefix and (not overlapping it) the common suffix of two texts,
    /// compared eight bytes at a time.
    static func commonEnds(_ old: [UInt8], _ new: [UInt8]) -> (prefix: Int, suffix: Int) {
        old.withUnsafeBytes { a in
            new.withUnsafeBytes { b in
                let shorter = min(a.count, b.count)
                var prefix = 0
                while prefix + 8 <= shorter, a.loadUnaligned(fromByteOffset: prefix, as: UInt64.self) == b.loadUnaligned(fromByteOffset: prefix, as: UInt64.self) { prefix += 8 }
                while prefix < shorter, a[prefix] == b[prefix] { prefix += 1 }
                var suffix = 0
                let room = shorter - prefix
                while suffix + 8 <= room,
                      a.loadUnaligned(fromByteOffset: a.count - suffix - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: b.count - suffix - 8, as: UInt64.self) { suffix += 8 }
                while suffix < room, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
                return (prefix, suffix)
            }
        }
    }

    /// A range of the old text in the new one: unchanged before the block, moved after it,
    /// nil inside it (the block's findings come from checking it again).
    static func moved(_ range: SourceRange, _ blockStart: Int, _ blockEnd: Int, _ delta: Int) -> SourceRange? {
        if range.end <= blockStart && range.start < blockStart { return range }
        if range.start >= blockEnd { return SourceRange(start: range.start + delta, end: range.end + delta) }
        return nil
    }

    /// Whether a line starts with a block keyword at column 0.
    static func startsBlock(_ source: SourceText, _ line: Int) -> Bool {
        let range = source.lineContentRange(line)
        var end = range.start
        while end < range.end, source.bytes[end] != 0x20, source.bytes[end] != 0x09, !(source.bytes[end] == 0xE3 && end + 2 < range.end && source.bytes[end + 1] == 0x80 && source.bytes[end + 2] == 0x80) {
            end += 1
        }
        guard end > range.start else { return false }
        return BlockKeyword(word: source.string(SourceRange(start: range.start, end: end))) != nil
    }
}
