import Foundation
import JuesuanLanguageService
import JuesuanLint
import JuesuanServer
import JuesuanTools

// The table of subcommands; a module that adds one (lsp, fmt, import) appends its `Subcommand`.
let tool = CommandLineTool(subcommands: [
    LintCommand.subcommand,
    FmtCommand.subcommand,
    ImportCommand.subcommand,
    Subcommand(name: "lsp", summary: JuesuanServer.commandSummary, help: JuesuanServer.commandHelp) { arguments, io in
        // Help (or a mistyped option) answers at once instead of waiting for a client on stdin.
        if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
            io.writeOutput(JuesuanServer.commandHelp + "\n")
            return ExitStatus.success
        }
        // Other arguments (`--stdio`, a client's `--clientProcessId=…`) are accepted: a client
        // that adds one must still get its server. Anything but --stdio is mentioned on stderr.
        for argument in arguments where argument != "--stdio" {
            io.writeError("juesuan lsp: 忽略参数“\(argument)”（juesuan help lsp 查看用法）\n")
        }
        JuesuanServer.runStdio { path, folders, clientCatalog in
            let setup = ProjectFiles.editorSetup(documentPath: path, workspaceFolders: folders, clientCatalog: clientCatalog)
            return ProjectSetup(settings: setup.settings, catalogue: setup.catalogue, problem: setup.problem)
        }
    },
])
exit(tool.run(Array(CommandLine.arguments.dropFirst()), io: .system()))
