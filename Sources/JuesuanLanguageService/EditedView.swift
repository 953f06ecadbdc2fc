import JuesuanChecks
import JuesuanSyntax

/// A version whose full analysis is not done yet, read through two analysed documents: the
/// last analysed version, for every block the edits left alone (its results moved by the
/// edit), and the edited block checked on its own with the header. Requests sent right after
/// a keystroke are answered from it in the time the edited block takes, not the whole report;
/// the full analysis replaces it a moment later.
///
/// What it cannot know until then is what the edit changes in other blocks (a cross-table
/// finding, a prose figure's table value when the table is the one being edited) and, inside
/// the edited block, what rests on other blocks: the same bounds as the quick diagnostics
/// (`IncrementalAnalysis`).
public final class EditedView: @unchecked Sendable {
    /// The version asked about.
    public let current: DocumentSnapshot
    /// The last analysed version.
    public let base: DocumentSnapshot
    /// The header and the edited block of `current`, as a document of its own.
    public let block: DocumentSnapshot
    public let edited: EditedBlock

    /// Nil when `base` is not analysed or the edits since it are not inside one block.
    public init?(current: DocumentSnapshot, base: DocumentSnapshot) {
        guard let analysis = base.storedAnalysis,
              let edited = EditedBlock(old: base.source, blockStartLines: analysis.report.syntax.blocks.map(\.lines.lowerBound),
                                       new: current.source) else { return nil }
        self.current = current
        self.base = base
        self.edited = edited
        block = DocumentSnapshot(uri: current.uri, version: current.version, source: SourceText(bytes: edited.blockAlone(current.source)),
                                 catalogue: current.catalogue, settings: current.settings)
    }

    /// Where to ask about an offset of `current`: the edited block (header and block alone),
    /// or the analysed version; with the offset there.
    enum Place {
        case block(Int)
        case base(Int)
    }

    func place(_ offset: Int) -> Place {
        if offset >= edited.newBlock.start && offset <= edited.newBlock.end, let local = edited.toBlockAlone(offset) { return .block(local) }
        return .base(edited.toOld(offset) ?? offset)
    }

    /// A range found in the analysed version, in `current`; nil when it lies in the edited block.
    func fromBase(_ range: SourceRange) -> SourceRange? { edited.fromOld(range) }

    /// A range found in the block alone, in `current`.
    func fromBlock(_ range: SourceRange) -> SourceRange { edited.fromBlockAlone(range) }

    /// Whether a range of the block alone lies in the block (not in the header, which the
    /// analysed version answers for).
    func isInBlock(_ range: SourceRange) -> Bool { range.start >= edited.headerEnd }

    /// Answers a question about one offset from wherever it lies; `map` moves the answer's
    /// ranges into `current` (nil drops them).
    func answer<Result>(at offset: Int, _ ask: (DocumentSnapshot, Int) -> Result,
                        _ map: (Result, (SourceRange) -> SourceRange?) -> Result) -> Result {
        switch place(offset) {
        case .block(let local): return map(ask(block, local), { self.fromBlock($0) })
        case .base(let old): return map(ask(base, old), { self.fromBase($0) })
        }
    }

    /// A line of `current` for a line of the block alone.
    func lineFromBlock(_ line: Int) -> Int {
        let headerLines = block.source.line(containing: edited.headerEnd)
        return line - headerLines + current.source.line(containing: edited.newBlock.start)
    }
}

extension LanguageService {
    public static func hover(_ view: EditedView, at offset: Int) -> HoverResult? {
        view.answer(at: offset, { hover($0, at: $1) }) { result, map in
            guard var result, let range = map(result.range) else { return nil }
            result.range = range
            return result
        }
    }

    public static func definition(_ view: EditedView, at offset: Int) -> [SourceRange] {
        view.answer(at: offset, { definition($0, at: $1) }) { ranges, map in ranges.compactMap(map) }
    }

    public static func references(_ view: EditedView, at offset: Int, includeDeclaration: Bool) -> [SourceRange] {
        view.answer(at: offset, { references($0, at: $1, includeDeclaration: includeDeclaration) }) { ranges, map in ranges.compactMap(map) }
    }

    public static func highlights(_ view: EditedView, at offset: Int) -> [DocumentHighlight] {
        view.answer(at: offset, { highlights($0, at: $1) }) { found, map in
            found.compactMap { highlight in map(highlight.range).map { DocumentHighlight(range: $0, kind: highlight.kind) } }
        }
    }

    /// The actions of the findings in `range`, from the side the range starts in.
    public static func codeActions(_ view: EditedView, range: SourceRange, only: [String]? = nil,
                                   diagnostics requested: [(code: String, range: SourceRange)]? = nil) -> [CodeAction] {
        let local: SourceRange
        let map: (SourceRange) -> SourceRange?
        let snapshot: DocumentSnapshot
        switch view.place(range.start) {
        case .block(let start):
            snapshot = view.block
            local = SourceRange(start: start, end: view.edited.toBlockAlone(min(range.end, view.edited.newBlock.end)) ?? start)
            map = { view.fromBlock($0) }
        case .base(let start):
            snapshot = view.base
            local = SourceRange(start: start, end: max(start, view.edited.toOld(range.end) ?? start))
            map = { view.fromBase($0) }
        }
        // Findings the client sent are in `current`: moved to the side asked.
        let moved = requested?.compactMap { item -> (code: String, range: SourceRange)? in
            switch view.place(item.range.start) {
            case .block(let start): return (item.code, SourceRange(start: start, end: start + item.range.end - item.range.start))
            case .base(let start): return (item.code, SourceRange(start: start, end: start + item.range.end - item.range.start))
            }
        }
        return codeActions(snapshot, range: local, only: only, diagnostics: moved).compactMap { action in
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

    /// Hints outside the edited block from the analysed version, inside it from the block alone.
    public static func inlayHints(_ view: EditedView, in range: SourceRange) -> [InlayHint] {
        let edited = view.edited
        var hints: [InlayHint] = []
        if range.start < edited.newBlock.start || range.end > edited.newBlock.end {
            let old = SourceRange(start: edited.toOld(min(range.start, edited.newBlock.start)) ?? 0,
                                  end: edited.toOld(max(range.end, edited.newBlock.end)) ?? view.base.source.bytes.count)
            for hint in inlayHints(view.base, in: old) {
                guard let position = view.fromBase(SourceRange(start: hint.position, end: hint.position))?.start,
                      range.start <= position, position <= range.end else { continue }
                hints.append(InlayHint(position: position, label: hint.label, tooltip: hint.tooltip))
            }
        }
        if range.end >= edited.newBlock.start && range.start <= edited.newBlock.end {
            let whole = SourceRange(start: edited.headerEnd, end: view.block.source.bytes.count)
            for hint in inlayHints(view.block, in: whole) {
                let position = view.edited.fromBlockAlone(hint.position)
                guard range.start <= position, position <= range.end else { continue }
                hints.append(InlayHint(position: position, label: hint.label, tooltip: hint.tooltip))
            }
        }
        return hints.sorted { $0.position < $1.position }
    }

    public static func semanticTokens(_ view: EditedView) -> [SemanticToken] {
        // Memoised apart from the version's own tokens, which its full analysis gives later.
        view.current.memo("semanticTokens.edited") {
            let start = view.edited.newBlock.start
            var before: [SemanticToken] = [], after: [SemanticToken] = []
            for var token in semanticTokens(view.base) {
                guard let range = view.fromBase(token.range) else { continue }
                token.range = range
                if range.start < start { before.append(token) } else { after.append(token) }
            }
            let inside = semanticTokens(view.block).filter { view.isInBlock($0.range) }.map { token in
                var token = token
                token.range = view.fromBlock(token.range)
                return token
            }
            return before + inside + after
        }
    }

    public static func outline(_ view: EditedView) -> [OutlineSymbol] {
        view.current.memo("outline.edited") {
            func moved(_ symbol: OutlineSymbol, _ map: (SourceRange) -> SourceRange?) -> OutlineSymbol? {
                guard let range = map(symbol.range), let selection = map(symbol.selectionRange) else { return nil }
                var symbol = symbol
                symbol.range = range
                symbol.selectionRange = selection
                symbol.children = symbol.children.compactMap { moved($0, map) }
                return symbol
            }
            let outer = outline(view.base).compactMap { moved($0, view.fromBase) }
            let inner = outline(view.block).filter { view.isInBlock($0.range) }.compactMap { moved($0, view.fromBlock) }
            return (outer + inner).sorted { $0.range.start < $1.range.start }
        }
    }

    public static func foldingRanges(_ view: EditedView) -> [FoldingRegion] {
        let oldSource = view.base.source
        var regions: [FoldingRegion] = []
        for region in foldingRanges(view.base) {
            guard let start = view.edited.fromOld(line: region.startLine, in: oldSource),
                  let end = view.edited.fromOld(line: region.endLine, in: oldSource) else { continue }
            regions.append(FoldingRegion(startLine: start, endLine: end, kind: region.kind))
        }
        let headerLines = view.block.source.line(containing: view.edited.headerEnd)
        for region in foldingRanges(view.block) where region.startLine >= headerLines {
            regions.append(FoldingRegion(startLine: view.lineFromBlock(region.startLine), endLine: view.lineFromBlock(region.endLine), kind: region.kind))
        }
        return regions.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }
}
