import JuesuanFormat
import JuesuanSyntax

extension LanguageService {
    /// The edits that format the document (`JuesuanFormat`: tables aligned by display width,
    /// one blank line between blocks; prose, figures, labels and comments untouched), or with
    /// `lines` (0-based, inclusive) only the tables touching those lines.
    public static func formatting(_ snapshot: DocumentSnapshot, lines: ClosedRange<Int>? = nil) -> [JuesuanSyntax.TextEdit] {
        JuesuanFormat.Formatter.format(snapshot.text, lines: lines).edits.map {
            JuesuanSyntax.TextEdit(range: $0.range, replacement: $0.newText)
        }
    }
}
