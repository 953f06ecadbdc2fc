import Foundation
import JuesuanChecks
import JuesuanLint
import JuesuanModel
import JuesuanRender

/// `juesuan render FILE [-o OUT.html|OUT.docx] [--allow-errors]`
public enum RenderCommand {
    public static let help = """
    用法：juesuan render [选项] 文件|-

    把 .juesuan 报告排成公开的版式：一个独立的 HTML 页面（A4 打印版式，不联网），含封面、
    目录、公开01–10 各表（表名、表号、栏次、金额单位，空单元格印作 -，01/04 表收支两方
    并排）、情况说明各节、项目支出绩效自评表和名词解释。用浏览器打开后打印（或另存为
    PDF）即可公开。-o 文件名以 .docx 结尾时写出 Word 文档（同样的内容，表格为 Word 表格）。

    报告有错误时，页面顶部印出醒目的提示，退出状态为 1；加 --allow-errors 则照常退出 0
    （提示仍在）。

    选项：
      -o, --output 文件   写到文件：.html 或 .docx（默认：与输入同名的 .html；输入为 -
                          时写到标准输出）
          --allow-errors  报告有错误时也以状态 0 退出
          --no-config     不读取 juesuan.toml
          --stdin-filename 文件
                          输入为 - 时，标准输入代表的文件：按它找 juesuan.toml，默认输出为
                          同名的 .html（编辑器渲染未保存的内容时使用）
      -h, --help          显示本帮助

    退出状态：0 成功；1 报告有错误（页面已写出）；2 用法错误或文件无法读取、写入。

    """

    public static let subcommand = Subcommand(
        name: "render",
        summary: "把报告排成公开版式的页面（HTML，或 Word .docx）",
        help: help,
        run: run)

    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        var input: String?
        var output: String?
        var allowErrors = false
        var noConfig = false
        var stdinFilename: String?
        var index = 0
        func usage(_ message: String) -> Int32 {
            io.writeError("juesuan render: \(message)\n运行 juesuan help render 查看用法。\n")
            return ExitStatus.usageOrIO
        }
        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            switch argument {
            case "-h", "--help":
                io.writeOutput(help)
                return ExitStatus.success
            case "--allow-errors":
                allowErrors = true
            case "--no-config":
                noConfig = true
            case "--stdin-filename":
                index += 1
                guard index < arguments.count else { return usage("选项 \(argument) 需要一个文件名") }
                stdinFilename = arguments[index]
            case "-o", "--output":
                index += 1
                guard index < arguments.count else { return usage("选项 \(argument) 需要一个文件名") }
                output = arguments[index]
            default:
                if argument.hasPrefix("--output=") {
                    output = String(argument.dropFirst("--output=".count))
                } else if argument.hasPrefix("--stdin-filename=") {
                    stdinFilename = String(argument.dropFirst("--stdin-filename=".count))
                } else if argument.hasPrefix("-") && argument != "-" {
                    return usage("未知的选项“\(argument)”")
                } else if input != nil {
                    return usage("只能给出一个输入文件")
                } else {
                    input = argument
                }
            }
        }
        guard let input else { return usage("请给出 .juesuan 文件，或用 - 表示标准输入") }
        if let output, output != "-", !["html", "htm", "docx"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) {
            return usage("只能写出 .html 或 .docx 文件（“\(output)”）")
        }
        let bytes: [UInt8]
        switch input == "-" ? io.readStandardInput() : FileInput.read(input) {
        case .failure(let problem):
            io.writeError("juesuan render: \(input == "-" ? "标准输入" : problem.path)：\(problem.message)\n")
            return ExitStatus.usageOrIO
        case .success(let read):
            bytes = read
        }
        // The same settings and catalogue as `juesuan lint` would use for this file.
        var settings = ProjectConfiguration.Settings()
        var catalogue = Catalogue.embedded
        // The file whose juesuan.toml applies: the input, or the name standard input stands for.
        let sourcePath = input == "-" ? stdinFilename : input
        if let sourcePath {
            switch ProjectFiles(disabled: noConfig).resolve(file: sourcePath) {
            case .failure(let problem):
                io.writeError("juesuan render: \(problem.path)：\(problem.message)\n")
                return ExitStatus.usageOrIO
            case .success(let resolved):
                settings = resolved.settings
                if let own = resolved.catalogue { catalogue = own }
            }
        }
        let analysis = Analysis(bytes: bytes, catalogue: catalogue, settings: settings)
        let destination = output ?? sourcePath.map(defaultOutput(for:)) ?? "-"
        if destination == "-" {
            io.writeOutput(HTMLRenderer().render(analysis))
        } else {
            let isDocx = URL(fileURLWithPath: destination).pathExtension.lowercased() == "docx"
            let bytes = isDocx ? DocxRenderer().render(analysis) : Array(HTMLRenderer().render(analysis).utf8)
            do {
                try SafeFileWriter.write(bytes, to: destination)
            } catch {
                io.writeError("juesuan render: \(destination)：无法写入（\(error.message)）\n")
                return ExitStatus.usageOrIO
            }
            io.writeError("juesuan render: 已写入 \(destination)\n")
        }
        let errors = analysis.errorCount
        if errors > 0 {
            io.writeError("juesuan render: 报告有 \(errors) 个错误，页面顶部已印出提示（juesuan lint \(sourcePath ?? "-") 查看详情）\n")
            return allowErrors ? ExitStatus.success : ExitStatus.findings
        }
        return ExitStatus.success
    }

    /// `report.juesuan` → `report.html`, next to it.
    static func defaultOutput(for input: String) -> String {
        let url = URL(fileURLWithPath: input)
        return url.deletingPathExtension().appendingPathExtension("html").path
    }
}
