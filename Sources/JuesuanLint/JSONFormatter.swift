import JuesuanChecks
import JuesuanSyntax

/// `--format json`: the schema documented in docs/lint.md.
///
/// Lines and columns are 1-based; columns count Unicode scalars; `endLine`/
/// `endColumn` are exclusive (the position just after the range). Keys are
/// always written in the same order.
public struct JSONFormatter: Sendable {
    public init() {}

    public func format(_ result: LintResult) -> String {
        document(result).serialized() + "\n"
    }

    public func document(_ result: LintResult) -> JSONOutput {
        .object([
            ("files", .array(result.files.map(file))),
            ("summary", .object([
                ("files", .int(result.files.count)),
                ("errors", .int(result.errorCount)),
                ("warnings", .int(result.warningCount)),
                ("information", .int(result.informationCount)),
                ("hints", .int(result.hintCount)),
            ])),
        ])
    }

    func file(_ file: LintedFile) -> JSONOutput {
        .object([
            ("path", .string(file.path)),
            ("diagnostics", .array(file.diagnostics.map { diagnostic($0, file.source) })),
        ])
    }

    func diagnostic(_ diagnostic: Diagnostic, _ source: SourceText) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("code", .string(diagnostic.code)),
            ("severity", .string(diagnostic.severity.rawValue)),
        ]
        members += Self.range(source.lintRange(diagnostic.range))
        members.append(("message", .string(diagnostic.message)))
        if let fix = diagnostic.fix {
            members.append(("fix", .object([
                ("title", .string(fix.title)),
                ("edits", .array(fix.edits.map { edit in
                    .object(Self.range(source.lintRange(edit.range)) + [("newText", .string(edit.replacement))])
                })),
            ])))
        } else {
            members.append(("fix", .null))
        }
        members.append(("related", .array(diagnostic.related.map { related in
            .object(Self.range(source.lintRange(related.range)) + [("message", .string(related.message))])
        })))
        return .object(members)
    }

    static func range(_ range: LintRange) -> [(String, JSONOutput)] {
        [
            ("line", .int(range.start.line)),
            ("column", .int(range.start.column)),
            ("endLine", .int(range.end.line)),
            ("endColumn", .int(range.end.column)),
        ]
    }
}
