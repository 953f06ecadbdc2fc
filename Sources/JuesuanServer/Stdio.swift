import Foundation
import LanguageServerProtocol
import JuesuanLanguageService
#if canImport(Glibc)
import Glibc
#endif

extension JuesuanServer {
    /// Serves LSP over stdin/stdout until `exit` or end of input; what `juesuan lsp` calls.
    /// Stdout carries nothing but protocol: fd 1 is pointed at stderr before anything runs.
    ///
    /// No thread ever blocks on output: messages and log lines are queued and written by their
    /// own threads, so a client that sends many requests before reading, a stderr nobody reads
    /// or a closed stderr cannot stop the reader (issue 17). Log lines past 1 MB unwritten are
    /// dropped (and counted); after a failed write to stderr the log is off.
    public static func runStdio(projectSetup: ProjectSetupProvider? = nil, documentationBase: String? = nil) -> Never {
        boundMallocCaching()
        let transport = Transport.standardIO()
        let logWriter = BackgroundWriter(descriptor: STDERR_FILENO, limit: 1 << 20, name: "juesuan.log")
        let log: @Sendable (String) -> Void = { line in
            // Milliseconds on the monotonic clock (a client's can be compared with it).
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let milliseconds = String(format: "%.3f", Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6)
            logWriter.enqueue(Array("juesuan lsp: [\(milliseconds)] \(line)\n".utf8))
        }
        let protocolWriter = BackgroundWriter(descriptor: transport.outputDescriptor, limit: nil, name: "juesuan.output") { code in
            log("write failed: errno \(code); the client has gone away")
        }
        let server = JuesuanServer(
            // Serialized on the writer's thread: a sender (often holding the server's lock, so
            // that messages keep their order) only queues the message, however large.
            output: { message in protocolWriter.enqueue { MessageFramer.frame(message.serialized()) } },
            exit: { code in
                protocolWriter.drain(timeout: 2)  // the last answers go out before the process ends
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

/// Writes byte chunks to a descriptor on a thread of its own, in order, so callers never block
/// on a full pipe. With a `limit`, chunks that would queue more than that many bytes are
/// dropped; after a failed write everything is dropped (`onFailure` is told once).
final class BackgroundWriter: @unchecked Sendable {
    private let condition = NSCondition()
    /// Chunks to write, each the bytes or what makes them (on the writer's thread).
    private var queue: [Chunk] = []
    private enum Chunk {
        case bytes([UInt8])
        case deferred(@Sendable () -> [UInt8])
    }
    private var queuedBytes = 0
    private var busy = false
    private var failed = false
    private(set) var dropped = 0
    private let descriptor: Int32
    private let limit: Int?
    private let onFailure: @Sendable (Int32) -> Void

    init(descriptor: Int32, limit: Int?, name: String, onFailure: @escaping @Sendable (Int32) -> Void = { _ in }) {
        self.descriptor = descriptor
        self.limit = limit
        self.onFailure = onFailure
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ bytes: [UInt8]) {
        condition.lock()
        defer { condition.unlock() }
        guard !failed else { return }
        if let limit, queuedBytes + bytes.count > limit {
            dropped += 1
            return
        }
        queue.append(.bytes(bytes))
        queuedBytes += bytes.count
        condition.signal()
    }

    /// Queues the bytes `make` returns, made on the writer's thread when their turn comes (not
    /// counted against `limit`).
    func enqueue(_ make: @escaping @Sendable () -> [UInt8]) {
        condition.lock()
        defer { condition.unlock() }
        guard !failed else { return }
        queue.append(.deferred(make))
        condition.signal()
    }

    /// Waits until everything queued is written (or failed), at most `timeout` seconds.
    func drain(timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while (!queue.isEmpty || busy) && !failed {
            if !condition.wait(until: deadline) { return }
        }
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let batch = queue
            queue.removeAll(keepingCapacity: true)
            busy = true
            condition.unlock()
            var error: Int32?
            var counted = 0
            for chunk in batch where error == nil {
                switch chunk {
                case .bytes(let bytes):
                    counted += bytes.count
                    error = writeAll(bytes)
                case .deferred(let make): error = writeAll(make())
                }
            }
            condition.lock()
            queuedBytes -= counted
            busy = false
            if let error, !failed {
                failed = true
                queue.removeAll()
                queuedBytes = 0
                condition.unlock()
                onFailure(error)
                condition.lock()
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func writeAll(_ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
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
