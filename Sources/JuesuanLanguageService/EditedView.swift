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
    public func semanticTokenData(unit: ColumnUnit) -> EncodedSemanticTokens {
        memo("semanticTokenData.\(unit.rawValue)") { EncodedSemanticTokens(semanticTokens(), in: source, unit: unit) }
    }
    public func outline() -> [OutlineSymbol] { LanguageService.outline(self) }
    public func foldingRanges() -> [FoldingRegion] { LanguageService.foldingRanges(self) }
}

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
    /// The last analysed version, or a view of a version after it (typing in two places
    /// before the analysis caught up).
    public let base: any FeatureSource
    /// The header and the edited block of `current`, as a document of its own.
    public let block: DocumentSnapshot
    public let edited: EditedBlock

    /// Nil when `base` is a snapshot not analysed, or the edits since it are not inside one block.
    public init?(current: DocumentSnapshot, base: any FeatureSource) {
        if let snapshot = base as? DocumentSnapshot, !snapshot.isAnalysed { return nil }
        guard let edited = EditedBlock(old: base.source, blockStartLines: base.blockStartLines, new: current.source) else { return nil }
        self.current = current
        self.base = base
        self.edited = edited
        block = current.blockAlone(edited)
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
    func answer<Result>(at offset: Int, _ ask: (any FeatureSource, Int) -> Result,
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

    public func definition(at offset: Int) -> [SourceRange] {
        answer(at: offset, { $0.definition(at: $1) }) { ranges, map in ranges.compactMap(map) }
    }

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
            local = SourceRange(start: start, end: edited.toBlockAlone(min(range.end, edited.newBlock.end)) ?? start)
            map = { self.fromBlock($0) }
        case .base(let start):
            side = base
            local = SourceRange(start: start, end: max(start, edited.toOld(range.end) ?? start))
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

    /// Hints outside the edited block from the base, inside it from the block alone.
    public func inlayHints(in range: SourceRange) -> [InlayHint] {
        var hints: [InlayHint] = []
        if range.start < edited.newBlock.start || range.end > edited.newBlock.end {
            let old = SourceRange(start: edited.toOld(min(range.start, edited.newBlock.start)) ?? 0,
                                  end: edited.toOld(max(range.end, edited.newBlock.end)) ?? base.source.bytes.count)
            for hint in base.inlayHints(in: old) {
                guard let position = fromBase(SourceRange(start: hint.position, end: hint.position))?.start,
                      range.start <= position, position <= range.end else { continue }
                hints.append(InlayHint(position: position, label: hint.label, tooltip: hint.tooltip))
            }
        }
        if range.end >= edited.newBlock.start && range.start <= edited.newBlock.end {
            let whole = SourceRange(start: edited.headerEnd, end: block.source.bytes.count)
            for hint in block.inlayHints(in: whole) {
                let position = edited.fromBlockAlone(hint.position)
                guard range.start <= position, position <= range.end else { continue }
                hints.append(InlayHint(position: position, label: hint.label, tooltip: hint.tooltip))
            }
        }
        return hints.sorted { $0.position < $1.position }
    }

    public func semanticTokens() -> [SemanticToken] {
        // Memoised apart from the version's own tokens, which its full analysis gives later.
        current.memo("semanticTokens.edited") {
            let start = edited.newBlock.start
            var before: [SemanticToken] = [], after: [SemanticToken] = []
            for var token in base.semanticTokens() {
                guard let range = fromBase(token.range) else { continue }
                token.range = range
                if range.start < start { before.append(token) } else { after.append(token) }
            }
            let inside = block.semanticTokens().filter { isInBlock($0.range) }.map { token in
                var token = token
                token.range = fromBlock(token.range)
                return token
            }
            return before + inside + after
        }
    }

    /// The base's encoding for the blocks before and after the edited one (only the first token
    /// after it is encoded again, relative to the new token before it), the edited block's
    /// tokens encoded afresh: the same as encoding `semanticTokens()`, in the time of one block.
    public func semanticTokenData(unit: ColumnUnit) -> EncodedSemanticTokens {
        current.memo("semanticTokenData.edited.\(unit.rawValue)") {
            let old = base.semanticTokenData(unit: unit)
            let before = old.firstIndex(startingAtOrAfter: edited.oldBlock.start)
            let after = old.firstIndex(startingAtOrAfter: edited.oldBlock.end)
            var data = EncodedSemanticTokens()
            data.append(old, 0..<before, byteDelta: 0, lineDelta: 0)
            let inside = block.semanticTokens().filter { isInBlock($0.range) }.map { token in
                var token = token
                token.range = fromBlock(token.range)
                return token
            }
            data.append(inside, in: current.source, unit: unit)
            data.append(old, after..<old.count, byteDelta: edited.delta, lineDelta: edited.lineDelta)
            return data
        }
    }

    public func outline() -> [OutlineSymbol] {
        current.memo("outline.edited") {
            func moved(_ symbol: OutlineSymbol, _ map: (SourceRange) -> SourceRange?) -> OutlineSymbol? {
                guard let range = map(symbol.range), let selection = map(symbol.selectionRange) else { return nil }
                var symbol = symbol
                symbol.range = range
                symbol.selectionRange = selection
                symbol.children = symbol.children.compactMap { moved($0, map) }
                return symbol
            }
            let outer = base.outline().compactMap { moved($0, fromBase) }
            let inner = block.outline().filter { isInBlock($0.range) }.compactMap { moved($0, fromBlock) }
            return (outer + inner).sorted { $0.range.start < $1.range.start }
        }
    }

    public func foldingRanges() -> [FoldingRegion] {
        var regions: [FoldingRegion] = []
        for region in base.foldingRanges() {
            guard let start = edited.fromOld(line: region.startLine, in: base.source),
                  let end = edited.fromOld(line: region.endLine, in: base.source) else { continue }
            regions.append(FoldingRegion(startLine: start, endLine: end, kind: region.kind))
        }
        let headerLines = block.source.line(containing: edited.headerEnd)
        for region in block.foldingRanges() where region.startLine >= headerLines {
            regions.append(FoldingRegion(startLine: lineFromBlock(region.startLine), endLine: lineFromBlock(region.endLine), kind: region.kind))
        }
        return regions.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }
}
