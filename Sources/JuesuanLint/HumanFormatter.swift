import JuesuanChecks
import JuesuanSyntax

/// The default output: one block per finding, for a person at a terminal.
///
/// ```
/// examples/bad.juesuan:5:37: error[A202] 「合计」的“本年支出合计”应为各类之和 90.00，填写为 100.00，差额 +10.00
///     5 | 合计  100.00  100.00
///       |       ^~~~~~
///       = 修复：改为 90.00
///       = 参见 6:18：208 社会保障和就业支出：90.00
///
/// 检查了 1 个文件：1 个错误，0 个警告，0 个提示
/// ```
///
/// A blank line follows each finding. Related locations (`= 参见 行:列：…`)
/// are shown for errors and warnings, at most `maxRelated` of them.
///
/// Columns in the location are Unicode scalars (1-based). The caret line is
/// measured in terminal columns: CJK and other wide characters take two,
/// tabs are expanded to the next multiple of `tabWidth`.
public struct HumanFormatter: Sendable {
    public var color: Bool
    public var tabWidth = 4
    /// Related locations shown per finding; the rest are counted.
    public var maxRelated = 5

    public init(color: Bool = false) {
        self.color = color
    }

    public func format(_ result: LintResult) -> String {
        // Each file's findings are rendered on any core, then joined in file order.
        let files = result.files
        let perFile = concurrentMap(files.count) { [self] index in
            files[index].diagnostics.reduce(into: "") { $0 += format($1, in: files[index]) }
        }
        var out = perFile.joined()
        out += paint(result.summaryLine, result.errorCount > 0 ? "1;31" : "1") + "\n"
        return out
    }

    public func format(_ diagnostic: Diagnostic, in file: LintedFile) -> String {
        let source = file.source
        let start = source.lintPosition(of: diagnostic.range.start)
        let severity = diagnostic.severity
        var out = paint("\(TerminalText.visible(file.path)):\(start.line):\(start.column):", "1") + " "
        out += paint("\(severity.rawValue)[\(diagnostic.code)]", Self.colorCode(severity)) + " "
        out += TerminalText.visible(diagnostic.message) + "\n"

        let line = start.line - 1
        let gutter = String(start.line)
        let pad = String(repeating: " ", count: max(4, gutter.count))
        let lineNumber = String(repeating: " ", count: pad.count - gutter.count) + gutter
        let rendered = render(source, line: line)
        let lineStart = source.lineStarts[line]
        let contentEnd = source.lineContentEnds[line]
        let startByte = min(max(diagnostic.range.start, lineStart), contentEnd) - lineStart
        let endByte = min(max(diagnostic.range.end, diagnostic.range.start), contentEnd) - lineStart
        let startColumn = rendered.column(at: startByte)
        let width = max(1, rendered.column(at: max(endByte, startByte)) - startColumn)
        let caret = String(repeating: " ", count: startColumn) + "^" + String(repeating: "~", count: width - 1)
        out += paint(" \(lineNumber) |", "34") + (rendered.text.isEmpty ? "" : " " + rendered.text) + "\n"
        out += paint(" \(pad) |", "34") + " " + paint(caret, Self.colorCode(severity)) + "\n"

        if let fix = diagnostic.fix {
            out += paint(" \(pad) =", "34") + " 修复：\(TerminalText.visible(fix.title))\n"
        }
        // Related locations explain errors and warnings; for rounding notes they are noise.
        let related = severity <= .warning ? diagnostic.related : []
        for related in related.prefix(maxRelated) {
            let position = source.lintPosition(of: related.range.start)
            out += paint(" \(pad) =", "34") + " 参见 \(position.line):\(position.column)：\(TerminalText.visible(related.message))\n"
        }
        if related.count > maxRelated {
            out += paint(" \(pad) =", "34") + " 另有 \(related.count - maxRelated) 处相关位置\n"
        }
        return out + "\n"
    }

    /// A source line as printed, and the terminal column of each byte offset in it.
    struct RenderedLine {
        var text: String
        /// `columns[i]` is the display column where the scalar at byte `i` starts;
        /// the last entry is the width of the whole line.
        var columns: [Int]

        func column(at byte: Int) -> Int {
            guard !columns.isEmpty else { return 0 }
            var index = max(0, min(byte, columns.count - 1))
            // Inside a scalar (never for a well-formed range): round down to its start.
            while index > 0, columns[index] < 0 { index -= 1 }
            return max(0, columns[index])
        }
    }

    /// Tabs become spaces up to the next tab stop; other control characters
    /// become their visible symbols (␀…␟, ␡), a BOM disappears.
    func render(_ source: SourceText, line: Int) -> RenderedLine {
        let content = source.lineString(line)
        var text = ""
        var columns = [Int](repeating: -1, count: content.utf8.count + 1)
        var column = 0
        var byte = 0
        for scalar in content.unicodeScalars {
            columns[byte] = column
            byte += UTF8.width(scalar)
            switch scalar.value {
            case 0x09:
                let next = (column / tabWidth + 1) * tabWidth
                text += String(repeating: " ", count: next - column)
                column = next
            case 0x00..<0x20:
                text.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
                column += 1
            case 0x7F:
                text += "\u{2421}"
                column += 1
            case 0xFEFF:
                break
            case _ where TerminalText.needsEscape(scalar):
                // C1 controls and bidirectional overrides: shown as <U+XXXX>, never obeyed.
                let shown = TerminalText.visible(String(scalar))
                text += shown
                column += shown.count
            default:
                text.unicodeScalars.append(scalar)
                column += DisplayWidth.of(scalar)
            }
        }
        columns[byte] = column
        return RenderedLine(text: text, columns: columns)
    }

    static func colorCode(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .information: "1;36"
        case .hint: "1;32"
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
