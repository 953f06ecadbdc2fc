import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax
#if canImport(Glibc)
import Glibc
#endif

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
            blockStartLines = analysis.report.syntax.blockStartLines
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
    /// `analyseBlock`, when given, analyses the header and the edited block alone (a caller
    /// that caches it shares the work with others); by default they are analysed here. So does
    /// `analyseRows` for the small document of a row-level re-check (`RowScope`); `rowLevel`
    /// false re-checks the whole block always.
    public static func update(_ previous: State, newSource: SourceText, catalogue: Catalogue = .embedded,
                              settings: ProjectConfiguration.Settings = .init(),
                              analyseBlock: ((EditedBlock) -> Analysis)? = nil, analyseRows: ((RowScope) -> Analysis)? = nil,
                              rowLevel: Bool = true) -> State? {
        if previous.source.bytes == newSource.bytes {
            return State(source: newSource, blockStartLines: previous.blockStartLines, diagnostics: previous.diagnostics)
        }
        guard let edited = EditedBlock(old: previous.source, blockStartLines: previous.blockStartLines, new: newSource) else { return nil }
        // A figure typed in one row of a large table: that row's dependants, checked on a small
        // document of the rows they rest on (`RowScope`); otherwise the whole block.
        let scope = rowLevel ? RowScope(edited, old: previous.source, new: newSource) : nil
        let mini: Analysis
        let fromMini: (SourceRange) -> SourceRange
        /// Whether a finding of the small document (at this range of it) is one it recomputes.
        let recomputes: (SourceRange) -> Bool
        /// Whether a finding of the previous version inside the edited block is replaced.
        let replaces: (SourceRange) -> Bool
        if let scope {
            let small = analyseRows?(scope) ?? Analysis(bytes: scope.bytes, catalogue: catalogue, settings: settings)
            let changing = scope.changingLines(in: small.report)
            mini = small
            fromMini = { scope.range($0, small: small.source, new: newSource) }
            recomputes = { changing.contains(scope.origin[small.source.line(containing: $0.start)]) }
            replaces = { changing.contains(previous.source.line(containing: $0.start)) }
        } else {
            mini = analyseBlock?(edited) ?? Analysis(bytes: edited.blockAlone(newSource), catalogue: catalogue, settings: settings)
            fromMini = { edited.fromBlockAlone($0) }
            recomputes = { $0.start >= edited.headerEnd }
            replaces = { _ in true }
        }

        var result: [Diagnostic] = []
        // Findings inside the edited block, from the block (or the rows) checked alone.
        var recomputed: Set<String> = []
        for diagnostic in mini.diagnostics where recomputes(diagnostic.range) {
            let mapped = diagnostic.moved(fromMini)
            recomputed.insert("\(mapped.code) \(mapped.range.start) \(mapped.range.end)")
            result.append(mapped)
        }
        // Findings of the edited block that rest on another block (they point into it) cannot
        // come from the block checked alone. Unless the edit touches what they rest on, they
        // stay as they were until the full analysis: dropping them would make a real error
        // blink off at every keystroke nearby.
        // A finding's message quotes its sentence, and what a sentence says carries into the
        // ones after it (topics, facts stated earlier): an edit reaches from the start of its
        // sentence to the end of its paragraph.
        let edit = reach(of: edited.oldEdit, in: previous.source)
        func touchesEdit(_ range: SourceRange) -> Bool { range.start <= edit.end && range.end >= edit.start }
        func inBlock(_ range: SourceRange) -> Bool { range.start >= edited.oldBlock.start && range.end <= edited.oldBlock.end }
        /// A range of a kept finding of the edited block: moved by the edit when after it there,
        /// as everywhere else when outside the block.
        func keptRange(_ range: SourceRange) -> SourceRange {
            guard inBlock(range) else { return edited.fromOld(range) ?? range }
            return range.start >= edit.end ? SourceRange(start: range.start + edited.delta, end: range.end + edited.delta) : range
        }
        /// A finding of the edited block kept as it was, its ranges moved by the edit.
        func keptInBlock(_ diagnostic: Diagnostic) -> Diagnostic { diagnostic.moved(keptRange) }
        // Findings outside the edited block: kept, moved by the edit when after it.
        for diagnostic in previous.diagnostics {
            var kept = diagnostic
            if let range = edited.fromOld(diagnostic.range) {
                kept.range = range
                kept.related = diagnostic.related.compactMap { related in
                    edited.fromOld(related.range).map { RelatedLocation(range: $0, message: related.message) }
                }
                if var fix = kept.fix {
                    let edits = fix.edits.compactMap { edit in edited.fromOld(edit.range).map { TextEdit(range: $0, replacement: edit.replacement) } }
                    if edits.count == fix.edits.count { fix.edits = edits; kept.fix = fix } else { kept.fix = nil }
                }
            } else if !replaces(diagnostic.range) {
                // A row the row-level re-check leaves alone: its findings stay, moved by the edit.
                kept = keptInBlock(diagnostic)
            } else {
                let restsOnAnotherBlock = diagnostic.related.contains { !inBlock($0.range) && $0.range.start >= edited.headerEnd }
                let untouched = !touchesEdit(diagnostic.range) && !diagnostic.related.contains { touchesEdit($0.range) }
                    && !(diagnostic.fix?.edits.contains { touchesEdit($0.range) } ?? false)
                guard restsOnAnotherBlock, untouched, inBlock(diagnostic.range) else { continue }
                kept = keptInBlock(diagnostic)
                guard !recomputed.contains("\(kept.code) \(kept.range.start) \(kept.range.end)") else { continue }
            }
            result.append(kept)
        }
        result.sort { ($0.range.start, $0.range.end, $0.code, $0.message) < ($1.range.start, $1.range.end, $1.code, $1.message) }
        return State(source: newSource, blockStartLines: edited.newBlockStartLines(previous.blockStartLines), diagnostics: result)
    }

    /// The lengths of the common prefix and (not overlapping it) the common suffix of two texts,
    /// compared eight bytes at a time.
    static func commonEnds(_ old: [UInt8], _ new: [UInt8]) -> (prefix: Int, suffix: Int) {
        old.withUnsafeBytes { a in
            new.withUnsafeBytes { b in
                let shorter = min(a.count, b.count)
                // Whole blocks by memcmp first (a keystroke in a 1 MB report leaves ~1 MB equal),
                // then words, then bytes.
                let block = 4096
                var prefix = 0
                while prefix + block <= shorter, memcmp(a.baseAddress! + prefix, b.baseAddress! + prefix, block) == 0 { prefix += block }
                while prefix + 8 <= shorter, a.loadUnaligned(fromByteOffset: prefix, as: UInt64.self) == b.loadUnaligned(fromByteOffset: prefix, as: UInt64.self) { prefix += 8 }
                while prefix < shorter, a[prefix] == b[prefix] { prefix += 1 }
                var suffix = 0
                let room = shorter - prefix
                while suffix + block <= room,
                      memcmp(a.baseAddress! + (a.count - suffix - block), b.baseAddress! + (b.count - suffix - block), block) == 0 { suffix += block }
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

    /// `range` widened back to the start of its sentence (after 。！？!?, or the line's start) and
    /// on to the end of its line.
    static func reach(of range: SourceRange, in source: SourceText) -> SourceRange {
        let bytes = source.bytes
        func terminatorEnds(at i: Int) -> Bool {
            if i >= 1, bytes[i - 1] == 0x21 || bytes[i - 1] == 0x3F { return true }
            guard i >= 3 else { return false }
            let (a, b, c) = (bytes[i - 3], bytes[i - 2], bytes[i - 1])
            return (a, b, c) == (0xE3, 0x80, 0x82) || (a, b, c) == (0xEF, 0xBC, 0x81) || (a, b, c) == (0xEF, 0xBC, 0x9F)
        }
        let lineStart = source.lineContentRange(source.line(containing: range.start)).start
        let lineEnd = source.lineContentRange(source.line(containing: range.end)).end
        var start = min(range.start, bytes.count)
        while start > lineStart, !terminatorEnds(at: start) { start -= 1 }
        return SourceRange(start: start, end: max(lineEnd, start))
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

/// Where an edit lies: the one block (from its keyword line to the line before the next one)
/// that holds it, in the old and the new text, and how offsets move. What the quick re-check
/// and the language features of a version not yet analysed build on.
public struct EditedBlock: Sendable {
    /// The changed bytes in the old text (empty for an insertion).
    public let oldEdit: SourceRange
    /// The edited block in the old and the new text.
    public let oldBlock: SourceRange
    public let newBlock: SourceRange
    /// The end of the header: everything before the first block, which every block depends on.
    public let headerEnd: Int
    /// New length minus old length.
    public let delta: Int
    /// The index of the edited block, and the lines the edit added (negative: removed).
    public let blockIndex: Int
    public let lineDelta: Int

    /// Nil when the texts are the same or the edit is not inside one block (it touches the
    /// header or a keyword line, or starts a new block): then only a full analysis will do.
    public init?(old: SourceText, blockStartLines starts: [Int], new newSource: SourceText) {
        let oldBytes = old.bytes
        let new = newSource.bytes
        // The edit: the bytes between the common prefix and the common suffix.
        var (prefix, suffix) = IncrementalAnalysis.commonEnds(oldBytes, new)
        // An insertion or a deletion next to equal bytes has several places; the common prefix
        // puts it as late as possible, which for a line break typed at the end of a paragraph is
        // the start of the next block's keyword line. Slid back, it stays in the block typed in.
        let inserted = prefix == oldBytes.count - suffix, removed = prefix == new.count - suffix
        if inserted && removed { return nil }
        if inserted != removed {
            let run = inserted ? new : oldBytes  // holds the changed bytes, prefix..<run.count - suffix
            while prefix > 0, prefix < run.count - suffix,
                  starts.contains(where: { old.lineStarts[$0] == prefix }),
                  oldBytes[prefix - 1] == run[run.count - suffix - 1] {
                prefix -= 1
                suffix += 1
            }
        }
        let oldEdit = SourceRange(start: prefix, end: oldBytes.count - suffix)
        let delta = new.count - oldBytes.count

        // The old block holding the whole edit; its first line (the keyword line) must be untouched.
        let firstEditLine = old.line(containing: oldEdit.start)
        let lastEditLine = old.line(containing: oldEdit.end)
        // A block's segment runs from its keyword line to the line before the next keyword line,
        // so blank lines after a table (where new rows are typed) belong to it.
        guard let index = starts.lastIndex(where: { $0 < firstEditLine }) else { return nil }
        let segmentLast = index + 1 < starts.count ? starts[index + 1] - 1 : old.lineCount - 1
        guard lastEditLine <= segmentLast else { return nil }
        let oldBlockStart = old.lineStarts[starts[index]]
        let oldBlockEnd = old.lineRange(segmentLast).end
        let newBlockStart = oldBlockStart
        let newBlockEnd = oldBlockEnd + delta
        guard newBlockEnd >= newBlockStart, newBlockEnd <= new.count else { return nil }
        // The edited lines must not start a new block. (A block after the edited one that now
        // merges into it, its keyword line lost, is caught above.)
        let firstNewLine = newSource.line(containing: prefix)
        let lastNewLine = newSource.line(containing: max(prefix, new.count - suffix))
        for line in firstNewLine...lastNewLine where line > newSource.line(containing: newBlockStart) {
            if IncrementalAnalysis.startsBlock(newSource, line) { return nil }
        }
        let headerEnd = starts.first.map { old.lineStarts[$0] } ?? 0
        guard headerEnd <= newBlockStart else { return nil }
        self.oldEdit = oldEdit
        oldBlock = SourceRange(start: oldBlockStart, end: oldBlockEnd)
        newBlock = SourceRange(start: newBlockStart, end: newBlockEnd)
        self.headerEnd = headerEnd
        self.delta = delta
        blockIndex = index
        lineDelta = newSource.lineCount - old.lineCount
    }

    /// The header and the edited block of the new text, on their own: a small document.
    public func blockAlone(_ new: SourceText) -> [UInt8] {
        Array(new.bytes[0..<headerEnd]) + Array(new.bytes[newBlock.start..<newBlock.end])
    }

    /// An offset of the new text in `blockAlone`; nil outside the header and the edited block.
    public func toBlockAlone(_ offset: Int) -> Int? {
        if offset < headerEnd { return offset }
        if offset >= newBlock.start && offset <= newBlock.end { return offset - newBlock.start + headerEnd }
        return nil
    }

    /// An offset of `blockAlone` in the new text.
    public func fromBlockAlone(_ offset: Int) -> Int { offset < headerEnd ? offset : offset - headerEnd + newBlock.start }
    public func fromBlockAlone(_ range: SourceRange) -> SourceRange {
        SourceRange(start: fromBlockAlone(range.start), end: fromBlockAlone(range.end))
    }

    /// An offset of the new text in the old one; nil inside the edited block.
    public func toOld(_ offset: Int) -> Int? {
        if offset < newBlock.start { return offset }
        if offset >= newBlock.end { return offset - delta }
        return nil
    }

    /// A range of the old text in the new one; nil when it reaches into the edited block.
    public func fromOld(_ range: SourceRange) -> SourceRange? {
        IncrementalAnalysis.moved(range, oldBlock.start, oldBlock.end, delta)
    }

    /// The old text's block start lines in the new one: those after the edited block moved by
    /// the lines the edit added or removed.
    public func newBlockStartLines(_ old: [Int]) -> [Int] {
        old.enumerated().map { $0.offset > blockIndex ? $0.element + lineDelta : $0.element }
    }

    /// A line of the old text in the new one; nil inside the edited block.
    public func fromOld(line: Int, in old: SourceText) -> Int? {
        let blockFirst = old.line(containing: oldBlock.start), blockLast = old.line(containing: max(oldBlock.start, oldBlock.end - 1))
        if line < blockFirst { return line }
        if line > blockLast { return line + lineDelta }
        return nil
    }
}

extension Diagnostic {
    /// This finding with its range, related locations and fix edits moved by `map`.
    func moved(_ map: (SourceRange) -> SourceRange) -> Diagnostic {
        var moved = self
        moved.range = map(range)
        moved.related = related.map { RelatedLocation(range: map($0.range), message: $0.message) }
        if var fix {
            fix.edits = fix.edits.map { TextEdit(range: map($0.range), replacement: $0.replacement) }
            moved.fix = fix
        }
        return moved
    }
}
