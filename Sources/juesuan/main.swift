import Foundation
import JuesuanLanguageService
import JuesuanLint
import JuesuanModel
import JuesuanServer
import JuesuanSyntax
import JuesuanTools

// The table of subcommands; a module that adds one (lsp, fmt, import) appends its `Subcommand`.
/// `file:///…/share/juesuan/` when this binary was installed by scripts/install.sh (its rule
/// documentation is then at hand offline), else nil (the repository's is linked).
func installedDocumentationBase() -> String? {
    guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
    let share = URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/juesuan", isDirectory: true)
    guard FileManager.default.fileExists(atPath: share.appendingPathComponent("docs/rules.md").path) else { return nil }
    return share.absoluteString
}

let subcommand = CommandLine.arguments.dropFirst().first

// A lint of a large report spent a fifth of its time in the kernel, faulting in and growing the
// allocator's heaps a little at a time (issue 15, sessions 12 and 18): glibc grows them 32 MiB at
// a time and keeps what is freed for the next stage. (The server bounds its caching instead.)
if subcommand == "lint" {
    GlibcMalloc.set(.topPad, to: 32 << 20)
    GlibcMalloc.set(.trimThreshold, to: 64 << 20)
    // Large blocks (a report's bytes, its rows) come from the heaps too, not from mappings of
    // their own faulted in page by page; and every heap a lint uses is in huge pages (session
    // 18: 5,200 → 1,750 page faults, a 1 MB lint's median 51 → 46 ms).
    GlibcMalloc.set(.mmapThreshold, to: 32 << 20)
    // Each thread the first time it takes a half of `TwoThreads` or a file of a folder — the
    // main thread too, so a small report, checked on one thread, pays nothing for huge pages
    // (zeroing a 2 MiB page at its first touch cost it about half a millisecond).
    WorkerThreads.preparation = { HugePages.adviseThisThreadsHeap(growingBy: 24 << 20) }
}

// The catalogue and the model's name tables are built on another thread while the arguments
// are read and the file parsed, or the server waits for its client's `initialize` (issue 15: a
// lint of a small report is mostly start-up).
if subcommand == "lint" || subcommand == "lsp" {
    ModelTables.warmUp()
}

let tool = CommandLineTool(subcommands: [
    LintCommand.subcommand,
    RulesCommand.rulesSubcommand,
    RulesCommand.explainSubcommand,
    FmtCommand.subcommand,
    ImportCommand.subcommand,
    RenderCommand.subcommand,
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
        let projectSetup: ProjectSetupProvider = { path, folders, clientCatalog in
            let setup = ProjectFiles.editorSetup(documentPath: path, workspaceFolders: folders, clientCatalog: clientCatalog)
            return ProjectSetup(settings: setup.settings, catalogue: setup.catalogue, problem: setup.problem)
        }
        JuesuanServer.runStdio(projectSetup: projectSetup, documentationBase: installedDocumentationBase())
    },
])
let status = StandardStreams.finish(tool.run(Array(CommandLine.arguments.dropFirst()), io: .system()))
// A lint has written everything with write(2) (`StandardStreams`): it leaves at once, without the
// exit handlers of the runtime and Foundation (a few tenths of a millisecond of a small report's
// lint, issue 15). Every other subcommand exits as usual.
if subcommand == "lint" { _exit(status) }
exit(status)
