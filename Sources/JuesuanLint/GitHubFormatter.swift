import JuesuanChecks
import JuesuanSyntax

/// `--format github`: GitHub Actions workflow commands, one per finding, which
/// the Actions runner shows as annotations on the pull request:
///
/// `::error file=a.juesuan,line=5,col=37,endLine=5,endColumn=43,title=A202::message`
///
/// errors are `error`, warnings `warning`, information and hints `notice`.
/// Columns count Unicode scalars. The message escapes `%`, CR and LF; property
/// values also escape `:` and `,`. Paths that could not be read become
/// `::error file=…::…`; the summary line closes the output.
public struct GitHubFormatter: Sendable {
    public init() {}

    public func format(_ result: LintResult) -> String {
        var out = ""
        for problem in result.problems {
            out += "::error file=\(Self.escapeProperty(problem.path)),title=\(Self.escapeProperty("无法读取"))::\(Self.escapeData(problem.message))\n"
        }
        for file in result.files {
            for diagnostic in file.diagnostics {
                out += command(diagnostic, in: file) + "\n"
            }
        }
        out += result.summaryLine + "\n"
        return out
    }

    public func command(_ diagnostic: Diagnostic, in file: LintedFile) -> String {
        let range = file.source.lintRange(diagnostic.range)
        let properties = [
            "file=" + Self.escapeProperty(file.path),
            "line=\(range.start.line)",
            "col=\(range.start.column)",
            "endLine=\(range.end.line)",
            "endColumn=\(range.end.column)",
            "title=" + Self.escapeProperty(diagnostic.code),
        ]
        var message = diagnostic.message
        if let fix = diagnostic.fix { message += "\n修复：\(fix.title)" }
        return "::\(Self.command(diagnostic.severity)) \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    public static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .information, .hint: "notice"
        }
    }

    /// Escaping of a command's message.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case _ where TerminalText.needsEscape(scalar): out += TerminalText.visible(String(scalar))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escaping of a command's property value.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":": out += "%3A"
            case ",": out += "%2C"
            case _ where TerminalText.needsEscape(scalar): out += TerminalText.visible(String(scalar))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
