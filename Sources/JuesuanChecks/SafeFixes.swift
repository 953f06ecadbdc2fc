import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// One change `SafeFixer` made: which finding, where, and the text before and after.
public struct AppliedFix: Sendable, Hashable {
    public var code: String
    /// 0-based line (safe fixes never add or remove lines).
    public var line: Int
    public var old: String
    public var new: String
    public var title: String
}

/// The outcome of `SafeFixer.fix`: the fixed text, what changed, and its analysis.
public struct SafeFixResult: Sendable {
    public var text: String
    public var applied: [AppliedFix]
    /// The analysis of `text`.
    public var analysis: Analysis
    /// Safe fixes offered but not applied: their figure disagrees with another fix of the same
    /// cell, or applying them would change some other finding (the error would move).
    public var declined: Int
    /// Full analyses of the whole text made to prove the fixes (the original one not counted).
    public var fullAnalyses: Int
}

/// Applies the safe fixes of a document (`Fix.isSafe`: nothing but the one figure or name
/// changes) without ever cascading:
///
/// - every fix is judged against the ORIGINAL findings: it is kept only if its own finding
///   disappears and no other finding appears or changes (message, severity or place). A fix
///   that only moves the error (a total corrected while the total above it was written from
///   the wrong one) is declined, and so is everything that would have become "safe" after it;
/// - two fixes that write different figures into the same cell disagree: neither is applied;
/// - findings that disappear as well are welcome (the corrected figure satisfies another
///   identity too: 210's 项目支出 from its children also settles the row and the 合计).
///
/// Cost: each candidate is first screened on its own block (with the header), which is all a
/// table fix can touch locally; then the surviving set is checked by one full analysis of the
/// fixed text. Only when that finds a change (a figure copied in another table, two fixes that
/// are fine alone but not together) is the set split in halves to find the culprits, within a
/// budget of full analyses; fixes still unproven when the budget is spent are declined.
public enum SafeFixer {
    /// - Parameter isCancelled: asked between the screening of each line and each full
    ///   analysis; once it says yes, nothing more is tried and nothing is applied (the editor
    ///   that asked has moved on, so the work stops instead of running to its end).
    public static func fix(text: String, catalogue: Catalogue = .embedded, settings: ProjectConfiguration.Settings = .init(),
                           maxFullAnalyses: Int = 24, isCancelled: () -> Bool = { false }) -> SafeFixResult {
        let source = SourceText(text)
        let original = Analysis(syntax: Parser.parse(source), catalogue: catalogue, settings: settings)
        let (candidates, conflicting) = candidates(original)
        let blocks = BlockScreen(original, catalogue: catalogue, settings: settings)
        // A row whose totals are all wrong (a 合计 row copied from an old draft) can only be fixed
        // as a whole: each cell alone would break the row's own relation. So the fixes of one
        // line are tried together first, then one by one.
        var screened: [Candidate] = []
        var byLine: [Int: [Candidate]] = [:]
        for candidate in candidates { byLine[source.line(containing: candidate.edits[0].range.start), default: []].append(candidate) }
        for line in byLine.keys.sorted() {
            if isCancelled() { screened.removeAll(); break }
            let group = byLine[line]!
            if group.count > 1 {
                let whole = Candidate(diagnostics: group.flatMap(\.diagnostics), edits: group.flatMap(\.edits), owners: group.flatMap(\.owners))
                if blocks.passes(whole) { screened.append(whole); continue }
            }
            screened += group.filter { blocks.passes($0) }
        }
        // Who wins when two fixes hold alone but not together: names, then the deepest totals.
        screened.sort { priority($0, original) < priority($1, original) }

        var budget = maxFullAnalyses
        var lastGood: (text: SourceText, analysis: Analysis)?
        func holds(_ set: [Candidate]) -> Bool {
            if isCancelled() { budget = 0; lastGood = nil; return false }
            budget -= 1
            let (next, map) = apply(set.flatMap(\.edits), to: source)
            let analysis = Analysis(syntax: Parser.parse(next), catalogue: catalogue, settings: settings)
            guard judge(analysis.diagnostics, against: original.diagnostics, fixes: set, map: map) else { return false }
            lastGood = (next, analysis)
            return true
        }
        // The largest part of `group` that holds together with `base` (which holds).
        func solve(_ base: [Candidate], _ group: ArraySlice<Candidate>) -> [Candidate] {
            guard !group.isEmpty, budget > 0 else { return [] }
            if holds(base + group) { return Array(group) }
            guard group.count > 1 else { return [] }
            let middle = group.startIndex + group.count / 2
            let left = solve(base, group[..<middle])
            return left + solve(base + left, group[middle...])
        }
        let accepted = isCancelled() ? [] : solve([], screened[...])

        guard let (fixedSource, analysis) = lastGood, !accepted.isEmpty, !isCancelled() else {
            return SafeFixResult(text: text, applied: [], analysis: original, declined: candidates.count + conflicting,
                                 fullAnalyses: maxFullAnalyses - budget)
        }
        var applied: [AppliedFix] = []
        for candidate in accepted.sorted(by: { $0.edits[0].range.start < $1.edits[0].range.start }) {
            for (edit, diagnostic) in zip(candidate.edits, candidate.owners) {
                applied.append(AppliedFix(code: diagnostic.code, line: source.line(containing: edit.range.start),
                                          old: source.string(edit.range), new: edit.replacement, title: diagnostic.fix!.title))
            }
        }
        return SafeFixResult(text: String(decoding: fixedSource.bytes, as: UTF8.self), applied: applied, analysis: analysis,
                             declined: candidates.count + conflicting - accepted.reduce(0) { $0 + $1.diagnostics.count },
                             fullAnalyses: maxFullAnalyses - budget)
    }

    /// A finding and the edits of its safe fix (figures written in the drafter's style).
    struct Candidate {
        /// The findings it fixes (several when one line's fixes go together).
        var diagnostics: [Diagnostic]
        var edits: [TextEdit]
        /// For each edit, the finding it comes from.
        var owners: [Diagnostic]

        init(diagnostic: Diagnostic, edits: [TextEdit]) {
            diagnostics = [diagnostic]
            self.edits = edits
            owners = edits.map { _ in diagnostic }
        }

        init(diagnostics: [Diagnostic], edits: [TextEdit], owners: [Diagnostic]) {
            self.diagnostics = diagnostics
            self.edits = edits
            self.owners = owners
        }

        init(diagnostics: [Diagnostic], edits: [TextEdit]) {
            self.init(diagnostics: diagnostics, edits: edits, owners: [])
        }
    }

    /// Names first; then code rows from the deepest up; label trees, column relations, the rest.
    static func priority(_ candidate: Candidate, _ analysis: Analysis) -> (Int, Int, Int) {
        let rank: Int
        switch candidate.diagnostics[0].code {
        case "C302", "S110": rank = 0
        case "A201": rank = 1
        case "A202": rank = 2
        case "A204": rank = 3
        case "A203": rank = 4
        case let code where code.hasPrefix("A"): rank = 5
        case let code where code.hasPrefix("P"): rank = 6
        default: rank = 7
        }
        let start = candidate.edits[0].range.start
        let line = analysis.source.line(containing: start)
        let lines = analysis.report.syntax.lines
        let depth = line < lines.count ? (lines[line].tokens.first { $0.kind == .code }?.text.count ?? 0) : 0
        return (rank, -depth, start)
    }

    /// The fixes worth trying, in document order, and how many were dropped because another
    /// fix writes a different text into the same place. Two findings fixed by the same edit
    /// (A201 and A203 on one cell, both asking for the same figure) become one candidate.
    static func candidates(_ analysis: Analysis) -> ([Candidate], Int) {
        var all: [Candidate] = []
        for diagnostic in analysis.diagnostics {
            guard let fix = diagnostic.fix, fix.isSafe, !fix.edits.isEmpty,
                  fix.edits.allSatisfy({ edit in
                      !edit.replacement.contains(where: { $0 == "\n" || $0 == "\r" })
                          && !analysis.source.string(edit.range).contains(where: { $0 == "\n" || $0 == "\r" })
                  }) else { continue }
            all.append(Candidate(diagnostic: diagnostic, edits: styled(fix.edits, in: analysis.source)))
        }
        // Groups of candidates whose edits overlap, found by a sweep over the edits in order.
        let spans = all.indices.flatMap { index in all[index].edits.map { (start: $0.range.start, end: $0.range.end, owner: index) } }
            .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var group = Array(all.indices)   // union-find parents
        func root(_ i: Int) -> Int { var i = i; while group[i] != i { group[i] = group[group[i]]; i = group[i] }; return i }
        var reach = Int.min, reachOwner = -1
        var previous: (start: Int, end: Int, owner: Int)?
        for span in spans {
            let sameRange = previous.map { $0.start == span.start && $0.end == span.end } ?? false
            if reachOwner >= 0, span.start < reach || sameRange { group[root(span.owner)] = root(sameRange ? previous!.owner : reachOwner) }
            if span.end > reach { reach = span.end; reachOwner = span.owner }
            previous = span
        }
        var members: [Int: [Int]] = [:]
        for index in all.indices { members[root(index), default: []].append(index) }
        var kept: [Candidate] = []
        var dropped = 0
        for (_, indices) in members {
            let first = Set(all[indices[0]].edits)
            if indices.allSatisfy({ Set(all[$0].edits) == first }) { kept.append(all[indices[0]]) } else { dropped += indices.count }
        }
        kept.sort { ($0.edits.map(\.range.start).min() ?? 0) < ($1.edits.map(\.range.start).min() ?? 0) }
        return (kept, dropped)
    }

    /// A finding's identity for comparing two analyses: everything but its related locations.
    struct Key: Hashable {
        var code: String
        var severity: Severity
        var start: Int
        var end: Int
        var message: String
    }

    /// Whether `after` (the findings once `fixes` are applied) is the original findings minus
    /// some: each fix's own finding gone, nothing new, nothing changed. `map` moves an offset
    /// of the original text to the fixed one.
    static func judge(_ after: [Diagnostic], against before: [Diagnostic], fixes: [Candidate], map: (Int) -> Int,
                      considering: (Diagnostic) -> Bool = { _ in true }) -> Bool {
        let allowed = Set(before.filter(considering).map { Key(code: $0.code, severity: $0.severity, start: map($0.range.start), end: map($0.range.end), message: $0.message) })
        var present = Set<String>()
        for diagnostic in after where considering(diagnostic) {
            let key = Key(code: diagnostic.code, severity: diagnostic.severity, start: diagnostic.range.start, end: diagnostic.range.end, message: diagnostic.message)
            guard allowed.contains(key) else { return false }
            present.insert("\(diagnostic.code)@\(diagnostic.range.start)")
        }
        return fixes.allSatisfy { fix in fix.diagnostics.allSatisfy { !present.contains("\($0.code)@\(map($0.range.start))") } }
    }

    /// Rules whose findings depend on more than one block (copies across tables, prose against
    /// tables, the glossary, the department's own names): a block checked alone cannot judge them.
    static func isCrossBlock(_ code: String) -> Bool {
        code.hasPrefix("X") || code.hasPrefix("N") || code.hasPrefix("G") || code.hasPrefix("T") || code == "P607" || code == "P617" || code == "S107"
    }

    /// The quick screen: a fix inside a block is tried on that block alone (with the header),
    /// against the same block alone before the fix. Fixes it cannot screen (a block's title
    /// line, edits in two blocks, the header) pass on to the full check.
    struct BlockScreen {
        let source: SourceText
        let catalogue: Catalogue
        let settings: ProjectConfiguration.Settings
        let headerEnd: Int
        /// Each block's segment: from its keyword line to the line before the next block.
        let segments: [(keywordLineEnd: Int, range: SourceRange)]
        private let cache = Cache()

        final class Cache {
            var before: [Int: [Diagnostic]] = [:]
        }

        init(_ analysis: Analysis, catalogue: Catalogue, settings: ProjectConfiguration.Settings) {
            self.settings = settings
            let source = analysis.source
            self.source = source
            self.catalogue = catalogue
            let starts = analysis.report.syntax.blockStartLines
            headerEnd = starts.first.map { source.lineStarts[$0] } ?? source.bytes.count
            segments = starts.enumerated().map { index, line in
                let last = index + 1 < starts.count ? starts[index + 1] - 1 : source.lineCount - 1
                return (source.lineRange(line).end, SourceRange(start: source.lineStarts[line], end: source.lineRange(last).end))
            }
        }

        func passes(_ candidate: Candidate) -> Bool {
            let first = candidate.edits.map(\.range.start).min()!
            let last = candidate.edits.map(\.range.end).max()!
            guard let index = segments.lastIndex(where: { $0.range.start <= first }),
                  first >= segments[index].keywordLineEnd, last <= segments[index].range.end else { return true }
            let segment = segments[index].range
            let shift = headerEnd - segment.start
            let header = Array(source.bytes[0..<headerEnd])
            let miniSource = SourceText(bytes: header + Array(source.bytes[segment.start..<segment.end]))
            let before: [Diagnostic]
            if let cached = cache.before[index] {
                before = cached
            } else {
                before = Analysis(syntax: Parser.parse(miniSource), catalogue: catalogue, settings: settings).diagnostics
                cache.before[index] = before
            }
            let moved = Candidate(diagnostics: candidate.diagnostics.map { shifted($0, by: shift) },
                                  edits: candidate.edits.map { TextEdit(range: SourceRange(start: $0.range.start + shift, end: $0.range.end + shift), replacement: $0.replacement) })
            let (next, map) = SafeFixer.apply(moved.edits, to: miniSource)
            let after = Analysis(syntax: Parser.parse(next), catalogue: catalogue, settings: settings).diagnostics
            let inBlock: (Diagnostic) -> Bool = { !isCrossBlock($0.code) && $0.range.start >= headerEnd }
            return judge(after, against: before, fixes: [moved], map: map, considering: inBlock)
        }

        func shifted(_ diagnostic: Diagnostic, by shift: Int) -> Diagnostic {
            var moved = diagnostic
            moved.range = SourceRange(start: diagnostic.range.start + shift, end: diagnostic.range.end + shift)
            return moved
        }
    }

    /// Applies non-overlapping edits; returns the new text and how old offsets move.
    public static func apply(_ edits: [TextEdit], to source: SourceText) -> (SourceText, @Sendable (Int) -> Int) {
        let sorted = edits.sorted { $0.range.start < $1.range.start }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.bytes.count + 16)
        var cursor = 0
        for edit in sorted where edit.range.start >= cursor {
            bytes.append(contentsOf: source.bytes[cursor..<edit.range.start])
            bytes.append(contentsOf: Array(edit.replacement.utf8))
            cursor = edit.range.end
        }
        bytes.append(contentsOf: source.bytes[cursor...])
        // Offsets move by the edits before them: a binary search over the running shifts.
        var ends: [Int] = []
        var starts: [Int] = []
        var cumulative: [Int] = []
        var total = 0
        for edit in sorted {
            starts.append(edit.range.start)
            ends.append(edit.range.end)
            total += edit.replacement.utf8.count - edit.range.length
            cumulative.append(total)
        }
        let map: @Sendable (Int) -> Int = { [starts, ends, cumulative] offset in
            // The last edit that starts before `offset` (a point where an edit starts stays put).
            var low = 0, high = starts.count
            while low < high {
                let mid = (low + high) / 2
                if starts[mid] < offset { low = mid + 1 } else { high = mid }
            }
            guard low > 0 else { return offset }
            let edit = low - 1
            let before = edit > 0 ? cumulative[edit - 1] : 0
            if offset >= ends[edit] { return offset + cumulative[edit] }
            return starts[edit] + before   // inside a replaced range: its start
        }
        return (SourceText(bytes: bytes), map)
    }

    /// A computed figure written in the style of the figure it replaces: thousands
    /// separators kept when the drafter used them (`1,310.50` → `1,300.50`).
    public static func styled(_ edits: [TextEdit], in source: SourceText) -> [TextEdit] {
        edits.map { edit in
            let old = source.string(edit.range)
            guard old.contains(","), !edit.replacement.contains(","), DecimalNumber(edit.replacement) != nil else { return edit }
            return TextEdit(range: edit.range, replacement: grouped(edit.replacement))
        }
    }

    /// `-1234567.50` → `-1,234,567.50`.
    public static func grouped(_ number: String) -> String {
        var text = Substring(number)
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text = text.dropFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return sign + out + (parts.count > 1 ? "." + parts[1] : "")
    }
}
