import JuesuanChecks
import JuesuanSyntax

/// What the language features answer of one version of a document: a snapshot (from its
/// analysis) or an `EditedView` of a version not analysed yet.
public protocol FeatureSource: AnyObject, Sendable {
    var source: SourceText { get }
    /// The first line of every block, in order.
    var blockStartLines: [Int] { get }
    /// How many edited views lie between this and an analysed snapshot (0 for a snapshot).
    var viewDepth: Int { get }
    func hover(at offset: Int) -> HoverResult?
    func definition(at offset: Int) -> [SourceRange]
    func references(at offset: Int, includeDeclaration: Bool) -> [SourceRange]
    func highlights(at offset: Int) -> [DocumentHighlight]
    func codeActions(range: SourceRange, only: [String]?, diagnostics: [(code: String, range: SourceRange)]?) -> [CodeAction]
    func inlayHints(in range: SourceRange) -> [InlayHint]
    func semanticTokens() -> [SemanticToken]
    /// The semantic tokens encoded for the LSP, positions in `unit`.
    func semanticTokenData(unit: ColumnUnit) -> EncodedSemanticTokens
    func outline() -> [OutlineSymbol]
    /// The outline as sent to an editor: at most `LanguageService.outlineLimit` symbols.
    func limitedOutline() -> [OutlineSymbol]
    func foldingRanges() -> [FoldingRegion]
}

extension DocumentSnapshot: FeatureSource {
    public var blockStartLines: [Int] { memo("blockStartLines") { report.syntax.blockStartLines } }
    public var viewDepth: Int { 0 }
    public func hover(at offset: Int) -> HoverResult? { LanguageService.hover(self, at: offset) }
    public func definition(at offset: Int) -> [SourceRange] { LanguageService.definition(self, at: offset) }
    public func references(at offset: Int, includeDeclaration: Bool) -> [SourceRange] {
        LanguageService.references(self, at: offset, includeDeclaration: includeDeclaration)
    }
    public func highlights(at offset: Int) -> [DocumentHighlight] { LanguageService.highlights(self, at: offset) }
    public func codeActions(range: SourceRange, only: [String]?, diagnostics: [(code: String, range: SourceRange)]?) -> [CodeAction] {
        LanguageService.codeActions(self, range: range, only: only, diagnostics: diagnostics)
    }
    public func inlayHints(in range: SourceRange) -> [InlayHint] { LanguageService.inlayHints(self, in: range) }
    public func semanticTokens() -> [SemanticToken] { LanguageService.semanticTokens(self) }
    public func semanticTokenData(unit: ColumnUnit) -> EncodedSemanticTokens { semanticTokenData(unit: unit, sharingWith: nil) }

    /// This version's encoded semantic tokens, taken from `view` when it is a view of this very
    /// version: its encoding keeps the pieces of the version it was built on (the same tokens),
    /// so the next keystroke's view, and a delta between the two, share memory with the one
    /// the client was last sent. Encoded afresh when the pieces grew many (views of views of
    /// views…), or without a view.
    public func semanticTokenData(unit: ColumnUnit, sharingWith view: EditedView?) -> EncodedSemanticTokens {
        memo("semanticTokenData.\(unit.rawValue)") {
            if let view, view.current === self {
                let shared = view.semanticTokenData(unit: unit)
                if shared.pieceCount <= EncodedSemanticTokens.maximumPieces { return shared }
            }
            return EncodedSemanticTokens(semanticTokens(), in: source, unit: unit)
        }
    }
    public func outline() -> [OutlineSymbol] { LanguageService.outline(self) }
    public func limitedOutline() -> [OutlineSymbol] { memo("limitedOutline") { LanguageService.limited(outline()) } }
    public func foldingRanges() -> [FoldingRegion] { LanguageService.foldingRanges(self) }
}

/// A version whose full analysis is not done yet, read through two analysed documents: the
/// last analysed version, for everything the edits left alone (its results moved by the edit),
/// and a small document checked on its own for what they changed: the header and the edited
/// block, or — for a figure typed in a row of a large table — the header and the rows that
/// figure counts in (`RowScope`), whose lines it answers for. Requests sent right after a
/// keystroke are answered from it in the time the small document takes, not the whole report;
/// the full analysis replaces it a moment later.
///
/// What it cannot know until then is what the edit changes in other blocks (a cross-table
/// finding, a prose figure's table value when the table is the one being edited) and, inside
/// the edited block, what rests on other blocks: the same bounds as the quick diagnostics
/// (`IncrementalAnalysis`).
public final class EditedView: @unchecked Sendable {
    /// The version asked about.
    public let current: DocumentSnapshot
    /// The last analysed version, or a view of a version after it (typing in two places
    /// before the analysis caught up).
    public let base: any FeatureSource
    /// The small document: the header and the edited block, or the rows of a row-level view.
    public let block: DocumentSnapshot
    public let edited: EditedBlock
    /// Which parts of `current` the small document answers for, and how offsets map.
    let splice: Splice
    /// Whether the small document holds the rows a figure counts in rather than the whole block.
    public let isRowLevel: Bool

    /// Nil when `base` is a snapshot not analysed, or the edits since it are not inside one block.
    public init?(current: DocumentSnapshot, base: any FeatureSource) {
        if let snapshot = base as? DocumentSnapshot, !snapshot.isAnalysed { return nil }
        guard let edited = EditedBlock(old: base.source, blockStartLines: base.blockStartLines, new: current.source) else { return nil }
        self.current = current
        self.base = base
        self.edited = edited
        let scope = RowScope(edited, old: base.source, new: current.source)
        isRowLevel = scope != nil
        if let scope {
            block = current.rowsAlone(scope)
            splice = Splice(rows: scope, lines: scope.changingLines(in: block.report), edited: edited,
                            old: base.source, new: current.source, small: block.source)
        } else {
            block = current.blockAlone(edited)
            splice = Splice(block: edited, old: base.source, new: current.source, small: block.source)
        }
    }

    /// Where to ask about an offset of `current`: the small document or the analysed version;
    /// with the offset there.
    enum Place {
        case block(Int)
        case base(Int)
    }

    func place(_ offset: Int) -> Place {
        if let local = splice.toSmall(offset) { return .block(local) }
        return .base(splice.toBase(offset))
    }

    /// A range found in the analysed version, in `current`; nil when the small document
    /// answers for it.
    func fromBase(_ range: SourceRange) -> SourceRange? { splice.fromBase(range) }

    /// A range found in the small document, in `current` (its lines are copies of lines of
    /// `current`: a hover's range or a highlighted addend may lie on any of them).
    func fromBlock(_ range: SourceRange) -> SourceRange { splice.fromSmall(range) }

    /// A range of the small document in what it answers for (not the header, nor the rows copied
    /// only for their figures), in `current`: its tokens, symbols and hints there are the view's.
    func answeredByBlock(_ range: SourceRange) -> SourceRange? { splice.answers(range) ? splice.fromSmall(range) : nil }

    /// Answers a question about one offset from wherever it lies; `map` moves the answer's
    /// ranges into `current` (nil drops them).
    func answer<Result>(at offset: Int, _ ask: (any FeatureSource, Int) -> Result,
                        _ map: (Result, (SourceRange) -> SourceRange?) -> Result) -> Result {
        switch place(offset) {
        case .block(let local): return map(ask(block, local), { self.fromBlock($0) })
        case .base(let old): return map(ask(base, old), { self.fromBase($0) })
        }
    }
}

/// How an edited view is put together: the byte ranges of the new text (whole lines, in order)
/// that the small document answers for, and the offset maps between the new text, the small
/// document and the analysed version. Everything outside the ranges comes from the analysed
/// version.
struct Splice {
    /// In the new text, and the same ranges in the old one.
    let regions: [SourceRange]
    let oldRegions: [SourceRange]
    /// The index of the region that holds the edit: what lies after it moved by the edit.
    let editRegion: Int
    let toSmall: (Int) -> Int?
    let fromSmall: (SourceRange) -> SourceRange
    /// Whether a range of the small document lies in what it answers for.
    let answers: (SourceRange) -> Bool
    /// An offset of the new text in the old one (inside the edit: its start).
    let toBase: (Int) -> Int
    let fromBase: (SourceRange) -> SourceRange?
    let lineFromBase: (Int) -> Int?
    let lineFromSmall: (Int) -> Int?

    /// The edited block checked alone with the header.
    init(block edited: EditedBlock, old: SourceText, new: SourceText, small: SourceText) {
        regions = [edited.newBlock]
        oldRegions = [edited.oldBlock]
        editRegion = 0
        toSmall = { offset in
            offset >= edited.newBlock.start && offset <= edited.newBlock.end ? edited.toBlockAlone(offset) : nil
        }
        fromSmall = { edited.fromBlockAlone($0) }
        answers = { $0.start >= edited.headerEnd }
        toBase = { offset in offset < edited.oldEdit.start ? offset : max(edited.oldEdit.start, offset - edited.delta) }
        fromBase = { edited.fromOld($0) }
        lineFromBase = { edited.fromOld(line: $0, in: old) }
        let headerLines = small.line(containing: edited.headerEnd)
        let firstLine = new.line(containing: edited.newBlock.start)
        lineFromSmall = { $0 >= headerLines ? $0 - headerLines + firstLine : nil }
    }

    /// A row-level view: `lines` (of the new text, the same in the old: the edit adds none)
    /// answered by the small document of `rows`.
    init(rows: RowScope, lines: Set<Int>, edited: EditedBlock, old: SourceText, new: SourceText, small: SourceText) {
        let sorted = lines.sorted()
        regions = sorted.map { new.lineRange($0) }
        oldRegions = sorted.map { old.lineRange($0) }
        let editLine = old.line(containing: edited.oldEdit.start)
        editRegion = sorted.firstIndex(of: editLine) ?? 0
        var smallLine: [Int: Int] = [:]
        for (index, line) in rows.origin.enumerated() where lines.contains(line) { smallLine[line] = index }
        let edit = edited.oldEdit, delta = edited.delta
        /// An old offset in the new text (lines are the same; only the edited line changed).
        func moved(_ offset: Int) -> Int { offset < edit.start ? offset : offset >= edit.end ? offset + delta : edit.start }
        toSmall = { offset in
            let line = new.line(containing: offset)
            guard let local = smallLine[line] else { return nil }
            return small.lineStarts[local] + offset - new.lineStarts[line]
        }
        func fromSmall(_ offset: Int) -> Int {
            let line = small.line(containing: offset)
            return new.lineStarts[rows.origin[line]] + offset - small.lineStarts[line]
        }
        self.fromSmall = { SourceRange(start: fromSmall($0.start), end: fromSmall($0.end)) }
        answers = { range in
            lines.contains(rows.origin[small.line(containing: range.start)]) && lines.contains(rows.origin[small.line(containing: range.end)])
        }
        toBase = { offset in offset < edit.start ? offset : max(edit.start, offset - delta) }
        fromBase = { range in
            // What lies within one of the lines answered by the small document is its to answer.
            let first = old.line(containing: range.start)
            if lines.contains(first) && old.line(containing: range.end) == first { return nil }
            return SourceRange(start: moved(range.start), end: moved(range.end))
        }
        lineFromBase = { $0 }
        lineFromSmall = { _ in nil }
    }

    /// The region of the new text that holds `offset` (regions of adjacent lines touch: the
    /// one that starts there holds it), if any.
    func region(holding offset: Int) -> SourceRange? {
        regions.last { $0.start <= offset }.flatMap { offset <= $0.end ? $0 : nil }
    }
}

extension EditedView: FeatureSource {
    public var source: SourceText { current.source }

    /// The base's blocks, those after the edited one moved by the lines the edit added.
    public var blockStartLines: [Int] {
        current.memo("blockStartLines.edited") { edited.newBlockStartLines(base.blockStartLines) }
    }

    public var viewDepth: Int { base.viewDepth + 1 }

    public func hover(at offset: Int) -> HoverResult? {
        answer(at: offset, { $0.hover(at: $1) }) { result, map in
            guard var result, let range = map(result.range) else { return nil }
            result.range = range
            return result
        }
    }

    /// From the small document, or — when it knows of nothing there (a glossary term, a code
    /// defined in another table) — from the analysed version.
    public func definition(at offset: Int) -> [SourceRange] {
        let found = answer(at: offset, { $0.definition(at: $1) }) { ranges, map in ranges.compactMap(map) }
        guard found.isEmpty, case .block = place(offset) else { return found }
        return base.definition(at: splice.toBase(offset)).compactMap(fromBase)
    }

    /// On what the small document answers for, within what it holds (the edited block): the
    /// same rows in other tables come with the full analysis a moment later.
    public func references(at offset: Int, includeDeclaration: Bool) -> [SourceRange] {
        answer(at: offset, { $0.references(at: $1, includeDeclaration: includeDeclaration) }) { ranges, map in ranges.compactMap(map) }
    }

    public func highlights(at offset: Int) -> [DocumentHighlight] {
        answer(at: offset, { $0.highlights(at: $1) }) { found, map in
            found.compactMap { highlight in map(highlight.range).map { DocumentHighlight(range: $0, kind: highlight.kind) } }
        }
    }

    /// The actions of the findings in `range`, from the side the range starts in.
    public func codeActions(range: SourceRange, only: [String]? = nil, diagnostics requested: [(code: String, range: SourceRange)]? = nil) -> [CodeAction] {
        let local: SourceRange
        let map: (SourceRange) -> SourceRange?
        let side: any FeatureSource
        switch place(range.start) {
        case .block(let start):
            side = block
            let regionEnd = splice.region(holding: range.start)?.end ?? range.start
            local = SourceRange(start: start, end: max(start, splice.toSmall(min(range.end, regionEnd)) ?? start))
            map = { self.fromBlock($0) }
        case .base(let start):
            side = base
            local = SourceRange(start: start, end: max(start, splice.toBase(range.end)))
            map = { self.fromBase($0) }
        }
        // Findings the client sent are in `current`: moved to the side asked.
        let moved = requested?.map { item -> (code: String, range: SourceRange) in
            switch place(item.range.start) {
            case .block(let start), .base(let start): return (item.code, SourceRange(start: start, end: start + item.range.end - item.range.start))
            }
        }
        return side.codeActions(range: local, only: only, diagnostics: moved).compactMap { action in
            var action = action
            let edits = action.edits.compactMap { edit in map(edit.range).map { TextEdit(range: $0, replacement: edit.replacement) } }
            guard edits.count == action.edits.count else { return nil }
            action.edits = edits
            if var diagnostic = action.diagnostic {
                guard let range = map(diagnostic.range) else { return nil }
                diagnostic.range = range
                diagnostic.related = diagnostic.related.compactMap { related in map(related.range).map { RelatedLocation(range: $0, message: related.message) } }
                diagnostic.fix = nil
                action.diagnostic = diagnostic
            }
            return action
        }
    }

    /// Hints from the base where it answers, from the small document where it does.
    public func inlayHints(in range: SourceRange) -> [InlayHint] {
        var hints: [InlayHint] = []
        let old = SourceRange(start: splice.toBase(range.start), end: max(splice.toBase(range.start), splice.toBase(range.end)))
        for hint in base.inlayHints(in: old) {
            guard let position = fromBase(SourceRange(start: hint.position, end: hint.position))?.start,
                  range.start <= position, position <= range.end else { continue }
            hints.append(InlayHint(position: position, label: hint.label, tooltip: hint.tooltip))
        }
        if splice.regions.contains(where: { $0.end >= range.start && $0.start <= range.end }) {
            for hint in block.inlayHints(in: SourceRange(start: 0, end: block.source.bytes.count)) {
                guard let position = answeredByBlock(SourceRange(start: hint.position, end: hint.position))?.start,
                      range.start <= position, position <= range.end else { continue }
                hints.append(InlayHint(position: position, label: hint.label, tooltip: hint.tooltip))
            }
        }
        return hints.sorted { $0.position < $1.position }
    }

    public func semanticTokens() -> [SemanticToken] {
        // Memoised apart from the version's own tokens, which its full analysis gives later.
        current.memo("semanticTokens.edited") {
            var fromBase: [SemanticToken] = []
            for var token in base.semanticTokens() {
                guard let range = self.fromBase(token.range) else { continue }
                token.range = range
                fromBase.append(token)
            }
            return merged(fromBase, smallTokens())
        }
    }

    /// The small document's tokens in what it answers for, in `current`, in order.
    func smallTokens() -> [SemanticToken] {
        block.semanticTokens().compactMap { token in
            guard let range = answeredByBlock(token.range) else { return nil }
            var token = token
            token.range = range
            return token
        }
    }

    /// The base's encoding between the regions (only the first token after each region is
    /// encoded again, relative to the new token before it), the small document's tokens in the
    /// regions encoded afresh: the same as encoding `semanticTokens()`, in the time of the
    /// small document.
    public func semanticTokenData(unit: ColumnUnit) -> EncodedSemanticTokens {
        current.memo("semanticTokenData.edited.\(unit.rawValue)") {
            let old = base.semanticTokenData(unit: unit)
            let inside = smallTokens()
            var data = EncodedSemanticTokens()
            var cursor = 0, next = 0
            for (index, (region, oldRegion)) in zip(splice.regions, splice.oldRegions).enumerated() {
                let before = old.firstIndex(startingAtOrAfter: oldRegion.start)
                let moved = index > splice.editRegion
                data.append(old, cursor..<max(cursor, before), byteDelta: moved ? edited.delta : 0, lineDelta: moved ? edited.lineDelta : 0)
                var end = next
                while end < inside.count, inside[end].range.start < region.end { end += 1 }
                data.append(Array(inside[next..<end]), in: current.source, unit: unit)
                next = end
                cursor = max(cursor, old.firstIndex(startingAtOrAfter: oldRegion.end))
            }
            data.append(old, cursor..<old.count, byteDelta: edited.delta, lineDelta: edited.lineDelta)
            return data
        }
    }

    public func outline() -> [OutlineSymbol] {
        current.memo("outline.edited") { spliced(base.outline()) }
    }

    /// The limit (`LanguageService.limited`) applied to the outline. A row-level view leaves the
    /// rows and their levels as they were, so it splices the base's limited outline: the rows
    /// the small document answers for go in where the base had them.
    public func limitedOutline() -> [OutlineSymbol] {
        current.memo("limitedOutline.edited") {
            isRowLevel ? spliced(base.limitedOutline(), onlyWhereTheBaseHadThem: true) : LanguageService.limited(outline())
        }
    }

    /// `outline` of the base moved into `current`, with the small document's symbols in what it
    /// answers for (a whole block, or rows), each under the symbol that holds it; with
    /// `onlyWhereTheBaseHadThem`, only those whose place the base's outline had a symbol in.
    func spliced(_ outline: [OutlineSymbol], onlyWhereTheBaseHadThem: Bool = false) -> [OutlineSymbol] {
        // The lines where the base had a symbol that the small document answers for (a row-level
        // view adds no line, so they are the same lines in `current`).
        var answeredLines: Set<Int> = []
        func moved(_ symbol: OutlineSymbol, _ map: (SourceRange) -> SourceRange?) -> OutlineSymbol? {
            guard let range = map(symbol.range), let selection = map(symbol.selectionRange) else {
                answeredLines.insert(base.source.line(containing: symbol.range.start))
                return nil
            }
            var symbol = symbol
            symbol.range = range
            symbol.selectionRange = selection
            symbol.children = symbol.children.compactMap { moved($0, map) }
            return symbol
        }
        var result = outline.compactMap { moved($0, fromBase) }
        func answered(_ symbols: [OutlineSymbol]) -> [OutlineSymbol] {
            symbols.flatMap { symbol in moved(symbol, answeredByBlock).map { [$0] } ?? answered(symbol.children) }
        }
        for symbol in answered(block.outline()) where !onlyWhereTheBaseHadThem || answeredLines.contains(current.source.line(containing: symbol.range.start)) {
            graft(symbol, into: &result)
        }
        return result
    }

    /// Puts `symbol` among `symbols`, under the innermost one whose range holds it, in order.
    func graft(_ symbol: OutlineSymbol, into symbols: inout [OutlineSymbol]) {
        if let parent = symbols.firstIndex(where: { $0.range.start <= symbol.range.start && symbol.range.end <= $0.range.end && $0.range != symbol.range }) {
            graft(symbol, into: &symbols[parent].children)
        } else {
            let index = symbols.firstIndex { $0.range.start > symbol.range.start } ?? symbols.count
            symbols.insert(symbol, at: index)
        }
    }

    public func foldingRanges() -> [FoldingRegion] {
        var regions: [FoldingRegion] = []
        for region in base.foldingRanges() {
            guard let start = splice.lineFromBase(region.startLine), let end = splice.lineFromBase(region.endLine) else { continue }
            regions.append(FoldingRegion(startLine: start, endLine: end, kind: region.kind))
        }
        for region in block.foldingRanges() {
            guard let start = splice.lineFromSmall(region.startLine), let end = splice.lineFromSmall(region.endLine) else { continue }
            regions.append(FoldingRegion(startLine: start, endLine: end, kind: region.kind))
        }
        return regions.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }
}

/// Two lists of tokens, each in order and not overlapping the other, as one list in order.
func merged(_ a: [SemanticToken], _ b: [SemanticToken]) -> [SemanticToken] {
    var result: [SemanticToken] = []
    result.reserveCapacity(a.count + b.count)
    var i = 0, j = 0
    while i < a.count || j < b.count {
        if j == b.count || (i < a.count && a[i].range.start <= b[j].range.start) { result.append(a[i]); i += 1 } else { result.append(b[j]); j += 1 }
    }
    return result
}
