import JuesuanSyntax

/// Hover and completion texts are written in a small Markdown (bold, italics, tables, rules,
/// lists). A client that does not offer Markdown (`contentFormat` without "markdown": Emacs
/// eglot without markdown-mode, plain terminals) gets this plain rendering instead, so it
/// never shows raw `**` or `|---|`.
public enum PlainText {
    public static func fromMarkdown(_ markdown: String) -> String {
        var output: [String] = []
        var table: [[String]] = []
        var alignRight: [Bool] = []
        func flushTable() {
            guard !table.isEmpty else { return }
            let columns = table.map(\.count).max() ?? 0
            var widths = Array(repeating: 0, count: columns)
            for row in table { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
            for row in table {
                var line = ""
                for (i, cell) in row.enumerated() {
                    let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                    let right = i < alignRight.count && alignRight[i]
                    line += (i == 0 ? "" : "  ") + (right ? pad + cell : cell + (i == row.count - 1 ? "" : pad))
                }
                output.append(line)
            }
            table.removeAll()
            alignRight.removeAll()
        }
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: " ")
            if trimmed.hasPrefix("|") && trimmed.hasSuffix("|") && trimmed.count >= 2 {
                let cells = splitRow(trimmed)
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }) {
                    alignRight = cells.map { $0.hasSuffix(":") }
                    continue
                }
                table.append(cells.map(inline))
                continue
            }
            flushTable()
            if trimmed == "---" || trimmed == "***" {
                output.append(String(repeating: "─", count: 20))
            } else if trimmed.hasPrefix("- ") {
                output.append("• " + inline(String(trimmed.dropFirst(2))))
            } else {
                output.append(inline(line))
            }
        }
        flushTable()
        return output.joined(separator: "\n")
    }

    /// `| a | b \| c |` → ["a", "b | c"].
    static func splitRow(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var chars = Array(row.dropFirst().dropLast())[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\\", chars.first == "|" { current.append("|"); chars = chars.dropFirst(); continue }
            if c == "|" { cells.append(current.trimmingCharacters(in: " ")); current = ""; continue }
            current.append(c)
        }
        cells.append(current.trimmingCharacters(in: " "))
        return cells
    }

    /// Emphasis and code marks dropped, escapes resolved.
    static func inline(_ text: String) -> String {
        var out = ""
        var chars = Array(text)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "\\":
                if let next = chars.first, "\\`*_|[]#-".contains(next) { out.append(next); chars = chars.dropFirst() } else { out.append(c) }
            case "*", "`":
                // Emphasis (`**`, `*`) and code spans: the marks go, the words stay. A lone
                // `*` between spaces (a multiplication) is kept.
                let isolated = (out.last == " " || out.isEmpty) && (chars.first == " " || chars.isEmpty)
                if c == "*" && isolated { out.append(c) }
            default:
                out.append(c)
            }
        }
        return out
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
