import JuesuanChecks
import JuesuanSyntax

/// A short label shown after a figure: the value it should have.
public struct InlayHint: Sendable, Hashable {
    /// Byte offset the hint is shown at (the end of the figure).
    public var position: Int
    public var label: String
    /// The finding's message, shown on hover.
    public var tooltip: String
}

extension LanguageService {
    /// After every figure whose finding carries a computed replacement — a total that does not
    /// hold (A2xx: the computed sum), a copy that differs from its source (X4xx), a share or
    /// rate in prose that differs from the computed one (N5xx), a score (P6xx) — the value
    /// the fix would write: `= 363.60`. Built from `Diagnostic.fix`, so every family that
    /// computes a figure gets hints. Only hints inside `range` (byte offsets).
    public static func inlayHints(_ snapshot: DocumentSnapshot, in range: SourceRange) -> [InlayHint] {
        let source = snapshot.source
        var byPosition: [Int: [(String, Diagnostic)]] = [:]
        for diagnostic in snapshot.analysis.diagnostics {
            guard let fix = diagnostic.fix, fix.edits.count == 1 else { continue }
            let edit = fix.edits[0]
            guard edit.range.end >= range.start, edit.range.end <= range.end else { continue }
            let old = source.string(edit.range)
            guard isFigure(old), isFigure(edit.replacement), old != edit.replacement else { continue }
            byPosition[edit.range.end, default: []].append((edit.replacement, diagnostic))
        }
        var hints: [InlayHint] = []
        for (position, entries) in byPosition.sorted(by: { $0.key < $1.key }) {
            let distinct = Set(entries.map(\.0))
            for (value, diagnostic) in entries {
                let label = distinct.count > 1 ? "= \(value)（\(diagnostic.code)）" : "= \(value)"
                if hints.contains(where: { $0.position == position && $0.label == label }) { continue }
                hints.append(InlayHint(position: position, label: label, tooltip: "[\(diagnostic.code)] \(diagnostic.message)"))
            }
        }
        return hints
    }

    /// A number as tables and prose write it: `1,234.50`, `-3`, `54.89%`.
    static func isFigure(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasSuffix("%") || body.hasSuffix("％") { body = body.dropLast() }
        return !body.isEmpty && DecimalNumber(body.replacingCommas()) != nil
    }
}

extension Substring {
    fileprivate func replacingCommas() -> String { String(self.filter { $0 != "," }) }
}
