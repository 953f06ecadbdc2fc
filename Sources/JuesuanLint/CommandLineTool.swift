import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a subcommand may touch of the process: its output streams, standard
/// input and environment. Tests pass their own to run commands in process.
public struct CommandIO {
    public var writeOutput: (String) -> Void
    public var writeError: (String) -> Void
    public var readStandardInput: () -> Result<[UInt8], LintProblem>
    public var outputIsTerminal: Bool
    public var environment: [String: String]

    public init(writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
                readStandardInput: @escaping () -> Result<[UInt8], LintProblem>,
                outputIsTerminal: Bool = false, environment: [String: String] = [:]) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.readStandardInput = readStandardInput
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
    }

    /// The process's own streams.
    public static func system() -> CommandIO {
        CommandIO(writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
                  writeError: { FileHandle.standardError.write(Data($0.utf8)) },
                  readStandardInput: FileInput.readStandardInput,
                  outputIsTerminal: isatty(STDOUT_FILENO) != 0,
                  environment: ProcessInfo.processInfo.environment)
    }
}

/// One subcommand of `juesuan`: `lint`, and later `lsp`, `fmt`, `import`.
public struct Subcommand: Sendable {
    public var name: String
    /// One line for the command list of `juesuan --help`.
    public var summary: String
    /// The text of `juesuan help NAME` and `juesuan NAME --help`.
    public var help: String
    /// Runs with the arguments after the subcommand's name; returns the exit status.
    public var run: @Sendable ([String], CommandIO) -> Int32

    public init(name: String, summary: String, help: String, run: @escaping @Sendable ([String], CommandIO) -> Int32) {
        self.name = name
        self.summary = summary
        self.help = help
        self.run = run
    }
}

/// Exit statuses shared by the subcommands.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// Findings of error severity.
    public static let findings: Int32 = 1
    /// A usage error, or a file that could not be read.
    public static let usageOrIO: Int32 = 2
}

/// The `juesuan` command: a table of subcommands, dispatched by the first argument.
///
/// `main.swift` builds the table; a module that adds a subcommand exposes a
/// `Subcommand` value and `main.swift` lists it.
public struct CommandLineTool {
    public var subcommands: [Subcommand]

    public init(subcommands: [Subcommand] = [LintCommand.subcommand, RulesCommand.rulesSubcommand, RulesCommand.explainSubcommand]) {
        self.subcommands = subcommands
    }

    public func subcommand(named name: String) -> Subcommand? {
        subcommands.first { $0.name == name }
    }

    public var usage: String {
        let width = subcommands.map(\.name.count).max() ?? 0
        var text = """
        juesuan \(ToolInfo.version) — 部门决算公开报告（.juesuan）的检查工具

        用法：
          juesuan <子命令> [选项] [参数…]
          juesuan help <子命令>
          juesuan --help | --version

        子命令：

        """
        for command in subcommands {
            text += "  " + command.name + String(repeating: " ", count: width - command.name.count + 2) + command.summary + "\n"
        }
        text += "\n运行 juesuan help <子命令> 查看子命令的选项。\n"
        return text
    }

    /// Runs with the arguments after the program name; returns the exit status.
    public func run(_ arguments: [String], io: CommandIO) -> Int32 {
        guard let first = arguments.first else {
            io.writeError(usage)
            return ExitStatus.usageOrIO
        }
        switch first {
        case "--help", "-h":
            io.writeOutput(usage)
            return ExitStatus.success
        case "--version", "-V", "version":
            io.writeOutput("\(ToolInfo.name) \(ToolInfo.version)\n")
            return ExitStatus.success
        case "help":
            guard arguments.count > 1 else {
                io.writeOutput(usage)
                return ExitStatus.success
            }
            guard let command = subcommand(named: arguments[1]) else {
                io.writeError("juesuan: 没有子命令“\(arguments[1])”\n\n" + usage)
                return ExitStatus.usageOrIO
            }
            io.writeOutput(command.help)
            return ExitStatus.success
        default:
            if let command = subcommand(named: first) {
                return command.run(Array(arguments.dropFirst()), io)
            }
            let what = first.hasPrefix("-") ? "未知的选项“\(first)”" : "未知的子命令“\(first)”"
            io.writeError("juesuan: \(what)\n\n" + usage)
            return ExitStatus.usageOrIO
        }
    }
}
