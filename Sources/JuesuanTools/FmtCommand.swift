import Foundation
import JuesuanFormat
import JuesuanLint
import JuesuanSyntax

/// `juesuan fmt [--check] [--diff] PATH…`
public enum FmtCommand {
    public static let help = """
    用法：juesuan fmt [选项] 路径…

    整理 .juesuan 文件的版式：表内各列按显示宽度对齐（汉字占两格），科目编码与行名
    左对齐，数字按小数点对齐；块与块之间空一行。只改动空白，不改动说明文字、行名、
    数字和注释；换行符（LF 或 CRLF）与 BOM 保持原样。路径可以是文件、目录（递归查找
    *.juesuan），或 -（读取标准输入，结果写到标准输出）。

    选项：
          --check   不改写文件；列出需要整理的文件，有则退出状态为 1
          --diff    不改写文件；显示会改动的行
      -h, --help    显示本帮助

    退出状态：
      0  成功（--check：所有文件都已整理好）
      1  --check 或 --diff：有文件需要整理
      2  用法错误，或有路径无法读取、写入

    """

    public static let subcommand = Subcommand(
        name: "fmt",
        summary: "整理 .juesuan 文件的版式（表格对齐、块间空行）",
        help: help,
        run: run)

    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        var check = false
        var diff = false
        var paths: [String] = []
        var optionsEnded = false
        for argument in arguments {
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                paths.append(argument)
                continue
            }
            switch argument {
            case "--": optionsEnded = true
            case "--check": check = true
            case "--diff": diff = true
            case "--help", "-h":
                io.writeOutput(help)
                return ExitStatus.success
            default:
                io.writeError("juesuan fmt: 未知的选项“\(argument)”\n运行 juesuan help fmt 查看用法。\n")
                return ExitStatus.usageOrIO
            }
        }
        guard !paths.isEmpty else {
            io.writeError("juesuan fmt: 请给出要整理的文件、目录，或用 - 表示标准输入\n运行 juesuan help fmt 查看用法。\n")
            return ExitStatus.usageOrIO
        }
        var status = ExitStatus.success
        var problems = false
        var unformatted: [String] = []
        for path in paths {
            if path == "-" {
                switch io.readStandardInput() {
                case .failure(let problem):
                    io.writeError("juesuan fmt: 标准输入：\(problem.message)\n")
                    problems = true
                case .success(let bytes):
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        io.writeError("juesuan fmt: 标准输入不是有效的 UTF-8，未整理\n")
                        problems = true
                        continue
                    }
                    let result = Formatter.format(text)
                    if check || diff {
                        if result.changed {
                            unformatted.append("<stdin>")
                            if diff { io.writeOutput(renderDiff(path: "<stdin>", old: text, new: result.text)) }
                        }
                    } else {
                        io.writeOutput(result.text)
                    }
                }
                continue
            }
            let expansion = FileInput.expand(path)
            for problem in expansion.problems {
                io.writeError("juesuan fmt: \(problem.path)：\(problem.message)\n")
                problems = true
            }
            for name in expansion.undecodable {
                io.writeError("juesuan fmt: \(name)：文件名不是有效的 UTF-8，未整理\n")
                problems = true
            }
            for file in expansion.files {
                // Refused before reading when the file would be rewritten: a FIFO is never opened.
                if !check && !diff, let refusal = SafeFileWriter.refusal(for: file) {
                    io.writeError("juesuan fmt: \(file)：\(refusal.message)\n")
                    problems = true
                    continue
                }
                switch FileInput.read(file) {
                case .failure(let problem):
                    io.writeError("juesuan fmt: \(problem.path)：\(problem.message)\n")
                    problems = true
                case .success(let bytes):
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        io.writeError("juesuan fmt: \(file)：不是有效的 UTF-8，未整理\n")
                        problems = true
                        continue
                    }
                    let result = Formatter.format(text)
                    guard result.changed else { continue }
                    unformatted.append(file)
                    if diff { io.writeOutput(renderDiff(path: file, old: text, new: result.text)) }
                    if !check && !diff {
                        do {
                            try SafeFileWriter.write(result.text, to: file)
                        } catch {
                            io.writeError("juesuan fmt: \(file)：\(error.message)\n")
                            problems = true
                        }
                    }
                }
            }
        }
        if check {
            for file in unformatted { io.writeOutput(TerminalText.visible(file) + "\n") }
            if !unformatted.isEmpty {
                io.writeError("juesuan fmt: \(unformatted.count) 个文件需要整理（运行 juesuan fmt 改写）\n")
            }
        }
        if (check || diff), !unformatted.isEmpty { status = ExitStatus.findings }
        if problems { status = ExitStatus.usageOrIO }
        return status
    }

    /// A plain line diff: the changed lines with their 1-based numbers in the old and new text.
    static func renderDiff(path: String, old: String, new: String) -> String {
        func lines(_ text: String) -> [String] {
            let source = SourceText(text)
            return (0..<source.lineCount).map { source.lineString($0) }
        }
        let a = lines(old)
        let b = lines(new)
        // Longest common subsequence on lines; documents are small enough for O(n·m) on the changed middle.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count
        var endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        let midA = Array(a[start..<endA])
        let midB = Array(b[start..<endB])
        var table = Array(repeating: Array(repeating: 0, count: midB.count + 1), count: midA.count + 1)
        if midA.count * midB.count <= 4_000_000 {
            for i in stride(from: midA.count - 1, through: 0, by: -1) {
                for j in stride(from: midB.count - 1, through: 0, by: -1) {
                    table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var output = "--- \(path)\n+++ \(path)（整理后）\n"
        var i = 0
        var j = 0
        while i < midA.count || j < midB.count {
            if i < midA.count, j < midB.count, midA[i] == midB[j] {
                i += 1; j += 1
            } else if i < midA.count, j == midB.count || table[i + 1][j] >= table[i][j + 1] {
                output += "-\(start + i + 1): \(midA[i])\n"
                i += 1
            } else {
                output += "+\(start + j + 1): \(midB[j])\n"
                j += 1
            }
        }
        return output
    }
}
