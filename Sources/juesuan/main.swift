import Foundation
import JuesuanLint
import JuesuanServer
import JuesuanTools

// The table of subcommands; a module that adds one (lsp, fmt, import) appends its `Subcommand`.
let tool = CommandLineTool(subcommands: [
    LintCommand.subcommand,
    FmtCommand.subcommand,
    ImportCommand.subcommand,
    Subcommand(name: "lsp", summary: JuesuanServer.commandSummary, help: JuesuanServer.commandHelp) { _, _ in JuesuanServer.runStdio() },
])
exit(StandardStreams.finish(tool.run(Array(CommandLine.arguments.dropFirst()), io: .system())))
