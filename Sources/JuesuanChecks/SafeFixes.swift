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
    public var analysis: Analysis
}

/// Applies the safe fixes of a document (`Fix.isSafe`: nothing but the one figure or name
/// changes), the way a careful drafter would, so that fixing one total never breaks another:
///
/// - fixes are tried one at a time, names first, then totals bottom-up (a parent code row
///   from its children before the 合计 from its 类, sums before column relations, copies
///   between tables and sides last); after each one the document is analysed again;
/// - a fix is kept only if its finding disappears and every finding it brings up is
///   itself safely fixable without touching a figure already fixed; each figure is fixed
///   at most once, so the process ends (and is bounded by `maxTrials` analyses).
///
/// Findings whose fix would only move the error elsewhere are left for the drafter.
public enum SafeFixer {
    public static func fix(text: String, catalogue: Catalogue = .embedded, maxTrials: Int = 300) -> SafeFixResult {
        var source = SourceText(text)
        var analysis = Analysis(syntax: Parser.parse(source), catalogue: catalogue)
        var locked: [SourceRange] = []
        var applied: [AppliedFix] = []
        var trials = 0
        outer: while trials < maxTrials {
            let candidates = analysis.diagnostics
                .filter { isCandidate($0, locked: locked) }
                .sorted { priority($0, analysis) < priority($1, analysis) }
            var progressed = false
            for diagnostic in candidates {
                trials += 1
                if trials > maxTrials { break outer }
                let edits = styled(diagnostic.fix!.edits, in: source)
                let (next, map) = apply(edits, to: source)
                let nextAnalysis = Analysis(syntax: Parser.parse(next), catalogue: catalogue)
                var nextLocked = locked.map { SourceRange(start: map($0.start), end: map($0.end)) }
                nextLocked += edits.map { SourceRange(start: map($0.range.start), end: map($0.range.start) + $0.replacement.utf8.count) }
                let before = Set(analysis.diagnostics.filter(counts).map { Key(code: $0.code, start: map($0.range.start)) })
                let target = Key(code: diagnostic.code, start: map(diagnostic.range.start))
                let stillThere = nextAnalysis.diagnostics.contains { Key(code: $0.code, start: $0.range.start) == target }
                let introduced = nextAnalysis.diagnostics.filter { counts($0) && !before.contains(Key(code: $0.code, start: $0.range.start)) }
                let acceptable = !stillThere && introduced.allSatisfy { isCandidate($0, locked: nextLocked) }
                guard acceptable else { continue }
                for edit in edits {
                    applied.append(AppliedFix(code: diagnostic.code, line: source.line(containing: edit.range.start),
                                              old: source.string(edit.range), new: edit.replacement, title: diagnostic.fix!.title))
                }
                source = next
                analysis = nextAnalysis
                locked = nextLocked
                progressed = true
                break
            }
            if !progressed { break }
        }
        return SafeFixResult(text: String(decoding: source.bytes, as: UTF8.self), applied: applied, analysis: analysis)
    }

    struct Key: Hashable {
        var code: String
        var start: Int
    }

    /// Findings that count when judging a fix: errors and warnings.
    static func counts(_ d: Diagnostic) -> Bool { d.severity == .error || d.severity == .warning }

    /// A finding with a safe fix on one line that touches no figure fixed before.
    static func isCandidate(_ d: Diagnostic, locked: [SourceRange]) -> Bool {
        guard let fix = d.fix, fix.isSafe, !fix.edits.isEmpty else { return false }
        for edit in fix.edits {
            if edit.replacement.contains(where: { $0 == "\n" || $0 == "\r" }) { return false }
            if locked.contains(where: { $0.start < edit.range.end && edit.range.start < $0.end || $0 == edit.range }) { return false }
        }
        return true
    }

    /// Names first; then code trees from the deepest parent up; label trees; column
    /// relations; 公开07's identity; performance; copies across tables and sides; prose last.
    static func priority(_ d: Diagnostic, _ analysis: Analysis) -> (Int, Int, Int) {
        let rank: Int
        switch d.code {
        case "C302", "S110": rank = 0
        case "A201": rank = 1
        case "A202": rank = 2
        case "A204": rank = 3
        case "A203": rank = 4
        case "A206": rank = 5
        case let code where code.hasPrefix("A"): rank = 6
        case let code where code.hasPrefix("P"): rank = 7
        case let code where code.hasPrefix("X"): rank = 8
        case "A205": rank = 9
        case let code where code.hasPrefix("N"): rank = 10
        default: rank = 11
        }
        let line = analysis.source.line(containing: d.range.start)
        let lines = analysis.report.syntax.lines
        let depth = line < lines.count ? (lines[line].tokens.first { $0.kind == .code }?.text.count ?? 0) : 0
        return (rank, -depth, d.range.start)
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
        let shifts = sorted.map { ($0.range.start, $0.range.end, $0.replacement.utf8.count - $0.range.length) }
        let map: @Sendable (Int) -> Int = { offset in
            var delta = 0
            for (start, end, shift) in shifts {
                if offset >= end && !(offset == start && start == end) { delta += shift }
                else if offset > start { return start + delta }
            }
            return offset + delta
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
