import Foundation
import JuesuanImport
import JuesuanLint

/// `juesuan import FILE|- [-o FILE]`
public enum ImportCommand {
    public static let help = """
    用法：juesuan import [选项] 文件|-

    把已公开的部门决算报告（纯文本，或 .pdf、.docx 文件）转换为 .juesuan 文件，写到标准
    输出（或 -o 指定的文件），并在标准错误上报告识别到的内容和数字的归位情况。
    .pdf 经 pdftotext -layout 读取（需安装 poppler-utils），.docx 经 unzip 读取其正文。

    识别：表头（部门、年度、金额单位），公开01–10 各标准表（按表名或表号；去掉栏次、
    行次列；01/04 表的收支两方拆开，06 表的三组并列展开为一列），情况说明各节（说明），
    项目支出绩效自评表（绩效），名词解释。数字照录原文，空单元格写作 -；不能归类的
    行保留为说明文字或 // 注释，不丢弃任何一行。

    检查一份已公开的报告：

      juesuan import report.txt | juesuan lint -

    选项：
      -o, --output 文件   写到文件而不是标准输出
      -q, --quiet         不在标准错误上报告识别结果
      -h, --help          显示本帮助

    退出状态：0 成功；2 用法错误或文件无法读取、写入。

    """

    public static let subcommand = Subcommand(
        name: "import",
        summary: "把已公开报告的纯文本转换为 .juesuan 文件",
        help: help,
        run: run)

    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        var input: String?
        var output: String?
        var quiet = false
        var index = 0
        func usage(_ message: String) -> Int32 {
            io.writeError("juesuan import: \(message)\n运行 juesuan help import 查看用法。\n")
            return ExitStatus.usageOrIO
        }
        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            switch argument {
            case "-h", "--help":
                io.writeOutput(help)
                return ExitStatus.success
            case "-q", "--quiet":
                quiet = true
            case "-o", "--output":
                index += 1
                guard index < arguments.count else { return usage("选项 \(argument) 需要一个文件名") }
                output = arguments[index]
            default:
                if argument.hasPrefix("--output=") {
                    output = String(argument.dropFirst("--output=".count))
                } else if argument.hasPrefix("-") && argument != "-" {
                    return usage("未知的选项“\(argument)”")
                } else if input != nil {
                    return usage("只能给出一个输入文件")
                } else {
                    input = argument
                }
            }
        }
        guard let input else { return usage("请给出报告的文本文件，或用 - 表示标准输入") }
        let text: String
        let kind = input == "-" ? .text : DocumentReaders.kind(ofPath: input)
        if kind != .text {
            // A PDF or .docx: its text through pdftotext / unzip (the file must be readable first).
            if case .failure(let problem) = FileInput.read(input) {
                io.writeError("juesuan import: \(problem.path)：\(problem.message)\n")
                return ExitStatus.usageOrIO
            }
            switch kind == .pdf ? DocumentReaders.pdfText(path: input) : DocumentReaders.docxText(path: input) {
            case .failure(let failure):
                io.writeError("juesuan import: \(input)：\(failure.message)\n")
                return ExitStatus.usageOrIO
            case .success(let extracted):
                text = extracted
            }
        } else {
            switch input == "-" ? io.readStandardInput() : FileInput.read(input) {
            case .failure(let problem):
                io.writeError("juesuan import: \(input == "-" ? "标准输入" : problem.path)：\(problem.message)\n")
                return ExitStatus.usageOrIO
            case .success(let read):
                // GBK and UTF-16 text is detected and decoded, or refused with a reason (issue 17).
                switch TextEncoding.decode(read) {
                case .utf8(let decoded):
                    text = decoded
                case .converted(let decoded, let encoding):
                    text = decoded
                    io.writeError("juesuan import: \(input == "-" ? "标准输入" : input)：按 \(encoding) 编码读取（不是 UTF-8）\n")
                case .refused(let reason):
                    io.writeError("juesuan import: \(input == "-" ? "标准输入" : input)：\(reason)\n")
                    return ExitStatus.usageOrIO
                }
            }
        }
        let result = Importer.importReport(text)
        if let output {
            do {
                try SafeFileWriter.write(result.document, to: output)
            } catch {
                io.writeError("juesuan import: \(output)：\(error.message)\n")
                return ExitStatus.usageOrIO
            }
        } else {
            io.writeOutput(result.document)
        }
        if !quiet { io.writeError(result.summary.description) }
        return ExitStatus.success
    }
}
