import Foundation
import LanguageServerProtocol
import JuesuanLanguageService
#if canImport(Glibc)
import Glibc
#endif

extension JuesuanServer {
    /// Serves LSP over stdin/stdout until `exit` or end of input; what `juesuan lsp` calls.
    /// Stdout carries nothing but protocol: fd 1 is pointed at stderr before anything runs.
    public static func runStdio(projectSetup: ProjectSetupProvider? = nil, documentationBase: String? = nil) -> Never {
        let transport = Transport.standardIO()
        let log: @Sendable (String) -> Void = { line in
            FileHandle.standardError.write(Data("juesuan lsp: \(line)\n".utf8))
        }
        let server = JuesuanServer(
            output: { message in
                do { try transport.send(message) } catch { log("write failed: \(error)") }
            },
            exit: { code in
                fflush(nil)
                _exit(code)
            },
            log: log)
        server.projectSetup = projectSetup
        if let documentationBase { server.fallbackDocumentationBase = documentationBase }
        transport.start(onEvent: { server.receive($0) }, onClose: { server.inputClosed() })
        while true { sleep(3600) }
    }
}

extension JuesuanServer {
    /// One line for `juesuan --help`.
    public static let commandSummary = "language server over stdio (LSP 3.17) for editors"
    /// The text of `juesuan help lsp`.
    public static let commandHelp = """
        用法：juesuan lsp [--stdio]

        Speaks the Language Server Protocol (JSON-RPC 2.0, LSP 3.17) on stdin/stdout:
        live and pulled diagnostics, completion of codes, tables, columns, rows, glossary terms
        and 校验 references, hover for codes, totals and glossary terms, quick fixes (the
        computed figure, the official name, "allow this here") and fix-all, formatting,
        outline and folding, go to definition / references / highlight (claims in prose,
        校验 references, codes, the cells of a total), inlay hints with computed values, and
        semantic tokens. Logs go to stderr.
        The process exits with 0 after shutdown + exit, 1 on exit without shutdown or at
        end of input without shutdown. `--stdio` is accepted and ignored (stdio is the only transport).
        """
}
