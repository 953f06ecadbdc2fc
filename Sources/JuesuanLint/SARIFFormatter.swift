import JuesuanChecks
import JuesuanSyntax

/// `--format sarif`: a SARIF 2.1.0 log with one run, for code-scanning dashboards.
///
/// Columns count Unicode scalars (`"columnKind": "unicodeCodePoints"`), and
/// `endColumn` is exclusive as SARIF defines it. Relative paths are written as
/// relative URIs against `%SRCROOT%`; absolute paths as `file://` URIs. Paths
/// that could not be read are listed as tool execution notifications.
public struct SARIFFormatter: Sendable {
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public init() {}

    public func format(_ result: LintResult) -> String {
        document(result).serialized() + "\n"
    }

    public func document(_ result: LintResult) -> JSONOutput {
        let rules = CheckRegistry.rules
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.code] = index }
        let driver: JSONOutput = .object([
            ("name", .string(ToolInfo.name)),
            ("version", .string(ToolInfo.version)),
            ("informationUri", .string(ToolInfo.informationURI)),
            ("rules", .array(rules.map(rule))),
        ])
        var results: [JSONOutput] = []
        for file in result.files {
            for diagnostic in file.diagnostics {
                results.append(self.result(diagnostic, in: file, ruleIndex: ruleIndex[diagnostic.code]))
            }
        }
        let notifications: [JSONOutput] = result.problems.map { problem in
            .object([
                ("level", .string("error")),
                ("message", .object([("text", .string("\(problem.path)：\(problem.message)"))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(problem.path))]))])])),
            ])
        }
        var invocation: [(String, JSONOutput)] = [("executionSuccessful", .bool(result.problems.isEmpty))]
        if !notifications.isEmpty { invocation.append(("toolExecutionNotifications", .array(notifications))) }
        return .object([
            ("$schema", .string(Self.schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("invocations", .array([.object(invocation)])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
    }

    func rule(_ rule: Rule) -> JSONOutput {
        .object([
            ("id", .string(rule.code)),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
            ("helpUri", .string(ToolInfo.helpURI(for: rule))),
        ])
    }

    func result(_ diagnostic: Diagnostic, in file: LintedFile, ruleIndex: Int?) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("ruleId", .string(diagnostic.code))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array([location(file, diagnostic.range)])),
        ]
        if !diagnostic.related.isEmpty {
            members.append(("relatedLocations", .array(diagnostic.related.enumerated().map { index, related in
                .object([
                    ("id", .int(index)),
                    ("physicalLocation", physicalLocation(file, related.range)),
                    ("message", .object([("text", .string(related.message))])),
                ])
            })))
        }
        if let fix = diagnostic.fix {
            members.append(("fixes", .array([.object([
                ("description", .object([("text", .string(fix.title))])),
                ("artifactChanges", .array([.object([
                    ("artifactLocation", artifact(file.path)),
                    ("replacements", .array(fix.edits.map { edit in
                        .object([
                            ("deletedRegion", region(file.source, edit.range)),
                            ("insertedContent", .object([("text", .string(edit.replacement))])),
                        ])
                    })),
                ])])),
            ])])))
        }
        return .object(members)
    }

    func location(_ file: LintedFile, _ range: SourceRange) -> JSONOutput {
        .object([("physicalLocation", physicalLocation(file, range))])
    }

    func physicalLocation(_ file: LintedFile, _ range: SourceRange) -> JSONOutput {
        .object([
            ("artifactLocation", artifact(file.path)),
            ("region", region(file.source, range)),
        ])
    }

    func region(_ source: SourceText, _ range: SourceRange) -> JSONOutput {
        let lint = source.lintRange(range)
        return .object([
            ("startLine", .int(lint.start.line)),
            ("startColumn", .int(lint.start.column)),
            ("endLine", .int(lint.end.line)),
            ("endColumn", .int(lint.end.column)),
        ])
    }

    func artifact(_ path: String) -> JSONOutput {
        if path.hasPrefix("/") {
            return .object([("uri", .string("file://" + Self.percentEncoded(path)))])
        }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return .object([
            ("uri", .string(Self.percentEncoded(String(relative)))),
            ("uriBaseId", .string("%SRCROOT%")),
        ])
    }

    /// SARIF levels: information and hint are both `note`.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .information, .hint: "note"
        }
    }

    /// A path as a URI reference: every byte but unreserved characters and `/`
    /// is percent-encoded (so Chinese file names become `%E5%86%B3…`).
    public static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
