import JuesuanCatalogue
import JuesuanChecks

/// Output formats of `juesuan lint`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case human, json, sarif, github, html
}

/// The options of `juesuan lint`, as parsed from the command line.
public struct LintOptions: Sendable, Equatable {
    public enum ColorChoice: Sendable, Equatable { case auto, always, never }

    public var format: OutputFormat = .human
    public var catalogPath: String?
    public var errorsOnly = false
    public var color: ColorChoice = .auto
    public var standardInputName = "<stdin>"
    public var paths: [String] = []
    public var showHelp = false
    /// Apply the safe fixes in place before linting (`--fix`).
    public var fix = false
    /// With `--fix`: print the changes as a unified diff, write nothing (`--diff`).
    public var diff = false
    /// `-o FILE`: write the report there instead of standard output.
    public var outputPath: String?
    /// `--config FILE`: this project file for every report, no search.
    public var configPath: String?
    /// `--no-config`: ignore every `juesuan.toml`.
    public var noConfig = false

    public init() {}

    public struct UsageError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses the arguments after `lint`. Options and paths may be mixed; `--`
    /// ends the options; `-` alone is standard input. `--opt value` and
    /// `--opt=value` are both accepted.
    public static func parse(_ arguments: [String]) throws(UsageError) -> LintOptions {
        var options = LintOptions()
        var index = 0
        var optionsEnded = false
        func value(for name: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else { throw UsageError(message: "选项 \(name) 需要一个值") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                options.paths.append(argument)
                continue
            }
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            func noValue() throws(UsageError) {
                if inline != nil { throw UsageError(message: "选项 \(name) 不带值") }
            }
            switch name {
            case "--":
                optionsEnded = true
            case "--help", "-h":
                options.showHelp = true
            case "--format", "-f":
                let text = try value(for: name, inline: inline)
                guard let format = OutputFormat(rawValue: text) else {
                    throw UsageError(message: "未知的输出格式“\(text)”（可用：\(OutputFormat.allCases.map(\.rawValue).joined(separator: "、"))）")
                }
                options.format = format
            case "--catalog":
                options.catalogPath = try value(for: name, inline: inline)
            case "--quiet", "-q":
                try noValue()
                options.errorsOnly = true
            case "--color":
                try noValue()
                options.color = .always
            case "--no-color":
                try noValue()
                options.color = .never
            case "--fix":
                try noValue()
                options.fix = true
            case "--diff":
                try noValue()
                options.diff = true
            case "--config":
                options.configPath = try value(for: name, inline: inline)
            case "--output", "-o":
                options.outputPath = try value(for: name, inline: inline)
            case "--no-config":
                try noValue()
                options.noConfig = true
            case "--stdin-filename":
                options.standardInputName = try value(for: name, inline: inline)
            default:
                throw UsageError(message: "未知的选项“\(argument)”")
            }
        }
        if options.diff && !options.fix {
            throw UsageError(message: "--diff 只能与 --fix 一起使用（预览修正）")
        }
        if !options.showHelp && options.paths.isEmpty {
            throw UsageError(message: "请给出要检查的文件、目录，或用 - 表示标准输入")
        }
        return options
    }
}

/// `juesuan lint [options] PATH…`
public enum LintCommand {
    public static let help = """
    用法：juesuan lint [选项] 路径…

    检查 .juesuan 文件。路径可以是文件、目录（递归查找 *.juesuan，按名称排序；
    跳过以 . 开头的名称；不跟随指向目录的符号链接，也不检查指向目录之外的文件链接），
    或 -（读取标准输入）。

    选项：
      -f, --format 格式       输出格式：human（默认）、json、sarif、github、html（一个独立的网页：
                              各报告的摘要与条形图、按规则的图表、画出的表格，问题标在单元格旁）
      -o, --output 文件       把结果写入文件，而不是标准输出
          --catalog 文件      叠加一份科目表（TSV：编码、名称、级次），覆盖内置科目表中
                              相同编码的名称；以 2 开头的编码为支出功能分类，以 3 或 5
                              开头的为支出经济分类
          --fix               先原地写入可安全修正的问题（计算出的合计、目录名称、标准标题……，
                              只改那一个数字或名称），列出改动（路径:行: 原值 → 新值），再检查。
                              每处修正都对照原来的检查结果：它自己的问题消失、其他问题一个也
                              不变才采用；会把错误挪到别处的、在两个不一致的数字之间做选择的，
                              一律不改
          --diff              与 --fix 同用：以统一差异格式（diff -u）显示将要作出的修正，
                              不写文件、不再检查；有修正时退出状态为 1
      -q, --quiet             只列出错误（警告、提示和建议只在末行计数）
          --config 文件       用这份项目配置检查所有文件（不再逐级查找 juesuan.toml）
          --no-config         不读取任何 juesuan.toml
          --color             总是使用颜色（human 格式）
          --no-color          不使用颜色（默认只在输出到终端且未设置 NO_COLOR 时使用）
          --stdin-filename 名称
                              标准输入在输出中显示的名称（默认 <stdin>）
      -h, --help              显示本帮助
          --                  之后的参数都是路径

    项目配置：每个文件从所在目录起逐级向上查找最近的 juesuan.toml（选择或忽略规则、
    调整级别、容差、科目表、按路径覆盖），见 docs/configuration.md。--catalog 优先于
    配置中的 catalog。

    位置：行号、列号从 1 开始，列按 Unicode 字符（标量）计。

    退出状态：
      0  没有错误（可能有警告、提示）
      1  发现错误
      2  用法错误，有路径无法读取或目录中没有报告，或配置文件有误（其余文件照常检查；
         2 优先于 1）

    """

    public static let subcommand = Subcommand(
        name: "lint",
        summary: "检查 .juesuan 文件，报告结构、算术和科目问题",
        help: help,
        run: run)

    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        let options: LintOptions
        do {
            options = try LintOptions.parse(arguments)
        } catch {
            io.writeError("juesuan lint: \(error.message)\n运行 juesuan help lint 查看用法。\n")
            return ExitStatus.usageOrIO
        }
        if options.showHelp {
            io.writeOutput(help)
            return ExitStatus.success
        }
        return run(options, io: io)
    }

    public static func run(_ options: LintOptions, io: CommandIO) -> Int32 {
        // nil: the embedded catalogue, fetched once a report is parsed (`LintRunner.catalogue`).
        var catalogue: Catalogue?
        if let path = options.catalogPath {
            switch LintRunner.loadCatalogue(path: path) {
            case .success(let loaded): catalogue = loaded
            case .failure(let problem):
                io.writeError("juesuan lint: --catalog \(problem.path)：\(problem.message)\n")
                return ExitStatus.usageOrIO
            }
        }
        if let path = options.configPath {
            // A named configuration must exist and parse: say so before checking anything.
            if case .failure(let problem) = ProjectFiles(explicitPath: path).configuration(at: ProjectFiles.absolute(path)) {
                io.writeError("juesuan lint: --config \(problem.path)：\(problem.message)\n")
                return ExitStatus.usageOrIO
            }
        }
        let projectFiles = ProjectFiles(explicitPath: options.configPath, disabled: options.noConfig)
        var runner = LintRunner(catalogue: catalogue, errorsOnly: options.errorsOnly,
                                standardInputName: options.standardInputName,
                                projectFiles: projectFiles, catalogueFromCommandLine: options.catalogPath != nil)
        runner.keepReports = options.format == .html
        let (inputs, pathProblems, notes) = LintRunner.inputs(for: options.paths)
        let setupFor: (String) -> (settings: ProjectConfiguration.Settings, catalogue: Catalogue)? = { path in
            try? runner.setup(for: path).get()
        }
        if options.fix && options.diff {
            let (files, problems) = LintFix.compute(inputs, catalogue: runner.catalogue, setupFor: setupFor)
            io.writeOutput(LintFix.diff(files))
            for problem in pathProblems + problems { io.writeError("juesuan: \(problem.path)：\(problem.message)\n") }
            if !pathProblems.isEmpty || problems.contains(where: { $0.path != "-" }) { return ExitStatus.usageOrIO }
            return files.contains { !$0.result.applied.isEmpty } ? ExitStatus.findings : ExitStatus.success
        }
        if options.fix {
            let (changes, problems) = LintFix.apply(inputs, catalogue: runner.catalogue, setupFor: setupFor)
            let text = changes.map { TerminalText.visible($0) + "\n" }.joined()
            // Machine-readable formats keep stdout for the report.
            if options.format == .human { io.writeOutput(text) } else { io.writeError(text) }
            for problem in problems { io.writeError(TerminalText.visible("juesuan: \(problem.path)：\(problem.message)") + "\n") }
        }
        var result = runner.run(inputs, readStandardInput: io.readStandardInput)
        result.problems = pathProblems + result.problems

        for note in notes { io.writeError(TerminalText.visible("juesuan: \(note)") + "\n") }
        for problem in result.problems { io.writeError(TerminalText.visible("juesuan: \(problem.path)：\(problem.message)") + "\n") }

        let output: String
        switch options.format {
        case .human:
            output = HumanFormatter(color: options.outputPath == nil && useColor(options.color, io: io)).format(result)
        case .json:
            output = JSONFormatter().format(result)
        case .sarif:
            output = SARIFFormatter().format(result)
        case .github:
            output = GitHubFormatter().format(result)
        case .html:
            output = HTMLFormatter().format(result)
        }
        guard let outputPath = options.outputPath else {
            io.writeOutput(output)
            return result.exitStatus
        }
        do {
            // The same writer as --fix: one place decides how files are written.
            try LintFix.writeInPlace(outputPath, Array(output.utf8))
        } catch {
            io.writeError("juesuan lint: 无法写入 \(outputPath)：\((error as? LintFix.WriteProblem)?.message ?? error.localizedDescription)\n")
            return ExitStatus.usageOrIO
        }
        io.writeError("juesuan: 已写入 \(outputPath)（\(result.summaryLine)）\n")
        return result.exitStatus
    }

    /// The environment variables the colour choice reads (`CommandIO.system()` reads these).
    static let noColorVariable = "NO_COLOR"
    static let terminalVariable = "TERM"

    static func useColor(_ choice: LintOptions.ColorChoice, io: CommandIO) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = io.environment[noColorVariable], !noColor.isEmpty { return false }
            if io.environment[terminalVariable] == "dumb" { return false }
            return io.outputIsTerminal
        }
    }
}
