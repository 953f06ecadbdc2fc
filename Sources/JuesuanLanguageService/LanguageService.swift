import JuesuanChecks
import JuesuanSyntax

/// The language features over a document snapshot. Positions are byte offsets into the
/// snapshot's text; the server converts them from and to the negotiated LSP encoding.
/// Knows nothing of JSON.
public enum LanguageService {
    /// The findings to publish for a snapshot (computes its analysis if needed).
    public static func diagnostics(_ snapshot: DocumentSnapshot) -> [Diagnostic] {
        snapshot.analysis.diagnostics
    }

    /// The repository's copy of the rule documentation (`docs/rules.md`).
    public static let repositoryDocumentationBase = Rule.repositoryDocumentationBase

    /// Where a rule is documented: `docs/rules.md#a201` resolved against `base`.
    public static func documentationURL(forCode code: String, base: String) -> String {
        base + (Rule("\(code)", .error, "").documentationPath)
    }
}
