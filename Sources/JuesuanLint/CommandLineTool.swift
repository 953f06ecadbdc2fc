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

    /// The process's own streams. A write that fails (`> /dev/full`, a closed stdout, a reader
    /// that went away) is remembered, never a trap; `finish(_:)` turns it into exit status 2.
    public static func system() -> CommandIO {
        _ = signal(SIGPIPE, SIG_IGN)  // a vanished reader is an EPIPE error, not a silent death
        return CommandIO(writeOutput: { StandardStreams.output.write($0) },
                  // Messages quote paths and report text: no control character reaches the terminal.
                  writeError: { StandardStreams.error.write(TerminalText.visibleKeepingLines($0)) },
                  readStandardInput: FileInput.readStandardInput,
                  outputIsTerminal: isatty(STDOUT_FILENO) != 0,
                  environment: consultedEnvironment())
    }

    /// The environment variables the commands consult (`LintCommand`'s colour choice), read
    /// one by one: copying the whole environment into a dictionary cost a fifth of a
    /// millisecond on every run.
    static let consultedVariables = [LintCommand.noColorVariable, LintCommand.terminalVariable]

    static func consultedEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in consultedVariables {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}

/// stdout or stderr, written with write(2): a failure is recorded and later writes skipped.
public final class StandardStreams: @unchecked Sendable {
    public static let output = StandardStreams(descriptor: STDOUT_FILENO, name: "标准输出")
    public static let error = StandardStreams(descriptor: STDERR_FILENO, name: "标准错误")

    let descriptor: Int32
    let name: String
    private let lock = NSLock()
    /// errno of the first failed write, if any.
    public private(set) var failure: Int32?

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    public func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// The exit status after a command: 2 with a message (on stderr, if it still works) when
    /// the output could not be written, else `status`.
    public static func finish(_ status: Int32) -> Int32 {
        guard let code = output.failure ?? error.failure else { return status }
        let which = output.failure != nil ? output.name : error.name
        let reason = switch code {
        case ENOSPC: "设备已满"
        case EBADF: "已关闭"
        case EPIPE: "读取的一方已关闭"
        case EIO: "输入输出错误"
        default: String(cString: strerror(code))
        }
        error.write("juesuan: 无法写入\(which)（\(reason)），输出不完整\n")
        return ExitStatus.usageOrIO
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
