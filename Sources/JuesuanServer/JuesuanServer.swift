import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JuesuanLanguageService
import JuesuanSyntax
import LanguageServerProtocol

/// The Juesuan language server: LSP 3.17 methods ↔ the language service.
///
/// Threads: the transport's reader thread hands every event to `receive(_:)`, which answers
/// `$/cancelRequest` at once and queues everything else, in arrival order, on one serial
/// queue (`main`). Document edits are applied there; the quick re-check of an edit runs on a
/// second serial queue, requests on a concurrent one, and full analyses on `BackgroundThreads`
/// at a lower priority; each publishes only if its version is still the newest when it finishes.
public final class JuesuanServer: @unchecked Sendable {
    public typealias Output = @Sendable (Message) -> Void

    enum State { case uninitialized, running, shutDown }

    typealias RequestHandler = @Sendable (JuesuanServer, RequestInput) throws(ResponseError) -> JSONValue
    typealias NotificationHandler = @Sendable (JuesuanServer, JSONValue?) -> Void

    private let output: Output
    private let exitHandler: @Sendable (Int32) -> Void
    let log: @Sendable (String) -> Void

    /// Message handling, in arrival order.
    let main = DispatchQueue(label: "juesuan.server.main")
    /// Quick re-checks of the edited block, one per version, in order: on a thread of their own,
    /// a little below the priority of requests (nice +5 on Linux), so that a request sent right
    /// after the keystroke does not wait for a core while the re-check runs (its "before" time,
    /// 1–2 ms on two cores, was most of such a request). One thread for the process.
    var analysisQueue: BackgroundThreads { JuesuanServer.quickCheckThread }
    static let quickCheckThread = BackgroundThreads(name: "juesuan-quick", count: 1, niceness: 5)
    /// Full analyses, newest version only (stale ones dropped), one at a time; each but a
    /// document's first runs on `BackgroundThreads.shared`, below the priority of requests and
    /// quick re-checks.
    let fullAnalysisQueue = DispatchQueue(label: "juesuan.server.full-analysis")
    /// Where superseded snapshots are freed, in order, at the background threads' priority
    /// (one thread for the process, whatever the number of servers: tests and fuzzing make many).
    var releaseThread: BackgroundThreads { BackgroundThreads.serial }

    // Touched only on `main`.
    private(set) var state = State.uninitialized
    private(set) var unit = ColumnUnit.utf16
    private var documentationBase = JuesuanServer.defaultDocumentationBase
    /// Workspace folders (paths) and the catalogue the client's settings name (`initializationOptions.catalog`).
    private var workspaceFolders: [String] = []
    private var clientCatalog: String?
    /// The text formats the client reads (Markdown only when it says so).
    private var hoverMarkdown = false
    private var documentationMarkdown = false
    /// Problems with project files already shown to the user (each once).
    private var shownProblems: Set<String> = []
    /// Whether the client watches files for the server when asked (`client/registerCapability`).
    private var clientWatchesFiles = false

    /// Finds each document's `juesuan.toml` and catalogue; set by the program that starts the
    /// server (the server itself reads no file). Nil: every document uses the defaults.
    public var projectSetup: ProjectSetupProvider?

    /// Open documents and what was last published; guarded by `lock` (main and analysis queues).
    private let lock = NSLock()
    private var documents: [String: DocumentSnapshot] = [:]
    /// The revision last published in full, per document. A revision counts every text the
    /// server received (open or change), so the same version sent twice still gets analysed.
    private var published: [String: Int] = [:]
    private var revisions: [String: Int] = [:]
    private var nextRevision = 1
    /// The newest state the quick path can build on, per document, with its version.
    private var quickStates: [String: (version: Int, state: FindingsState)] = [:]
    /// The revision (not the version: a client may send one version twice) those states are of.
    private var quickRevisions: [String: Int] = [:]
    /// The last version of each document whose full analysis is done, and the view of a newer
    /// version through it (see `editedView(for:)`).
    private var lastAnalysed: [String: DocumentSnapshot] = [:]
    private var editedViews: [String: EditedView] = [:]
    /// The JSON of the findings last published per document, reused by the next publication.
    private var publishedDiagnostics: [String: PublishedDiagnostics] = [:]
    /// The last semantic tokens sent per document, for `semanticTokens/full/delta`.
    private var semanticTokenResults: [String: (id: String, data: SemanticTokenIntegers)] = [:]
    /// The outline last answered per document, to reuse its JSON (`OutlineJSON`).
    private var outlines: [String: OutlineJSON] = [:]
    private var nextSemanticTokensID = 1
    /// Requests received but not answered yet, and those of them the client cancelled.
    private var pending: Set<RequestID> = []
    private var cancelled: Set<RequestID> = []
    /// Requests running off the message queue, answered when done unless cancelled; by id,
    /// how many are running (a careless client may send one id twice: each gets its answer).
    private var detached: [RequestID: Int] = [:]
    /// Where requests run, off the message queue (see `runOffTheLoop`).
    let requestQueue = DispatchQueue(label: "juesuan.server.requests", qos: .userInitiated, attributes: .concurrent)
    /// Slow requests that must not hold up the others: fix-all of a large report.
    let backgroundQueue = DispatchQueue(label: "juesuan.server.background", qos: .utility, attributes: .concurrent)
    /// Log analysis timings (environment variable JUESUAN_LSP_TRACE=1).
    let trace = ProcessInfo.processInfo.environment["JUESUAN_LSP_TRACE"] == "1"
    /// Serialises writes so frames never interleave.
    private let outputLock = NSLock()

    /// Where rule codes are documented: `<base>docs/rules.md#a201` (what `juesuan explain`
    /// prints). The repository by default; `juesuan lsp` passes the installed copy
    /// (`share/juesuan/`) when there is one; clients may point elsewhere with
    /// `initializationOptions.documentationBaseURL`.
    public static let defaultDocumentationBase = LanguageService.repositoryDocumentationBase
    /// The base used when the client names none (set before `initialize`).
    public var fallbackDocumentationBase = JuesuanServer.defaultDocumentationBase
    public static let name = "juesuan"
    public static let version = "0.1.0"

    /// - Parameters:
    ///   - output: writes one message; called from several threads, one call at a time.
    ///   - exit: called once with the exit code (0 after shutdown, else 1).
    ///   - log: a line for the log (stderr in production).
    public init(output: @escaping Output, exit: @escaping @Sendable (Int32) -> Void,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.output = output
        self.exitHandler = exit
        self.log = log
    }

    // MARK: Registry

    static let requestHandlers: [String: RequestHandler] = [
        "textDocument/completion": { server, request throws(ResponseError) in try server.completion(request) },
        "textDocument/hover": { server, request throws(ResponseError) in try server.hover(request) },
        "textDocument/codeAction": { server, request throws(ResponseError) in try server.codeAction(request) },
        "textDocument/documentSymbol": { server, request throws(ResponseError) in try server.documentSymbol(request) },
        "textDocument/foldingRange": { server, request throws(ResponseError) in try server.foldingRange(request) },
        "textDocument/definition": { server, request throws(ResponseError) in try server.definition(request) },
        "textDocument/references": { server, request throws(ResponseError) in try server.references(request) },
        "textDocument/documentHighlight": { server, request throws(ResponseError) in try server.documentHighlight(request) },
        "textDocument/inlayHint": { server, request throws(ResponseError) in try server.inlayHint(request) },
        "textDocument/semanticTokens/full": { server, request throws(ResponseError) in try server.semanticTokensFull(request) },
        "textDocument/semanticTokens/full/delta": { server, request throws(ResponseError) in try server.semanticTokensDelta(request) },
        "textDocument/diagnostic": { server, request throws(ResponseError) in try server.pullDiagnostics(request) },
        "textDocument/formatting": { server, request throws(ResponseError) in try server.formatting(request) },
        "textDocument/rangeFormatting": { server, request throws(ResponseError) in try server.rangeFormatting(request) },
        "workspace/symbol": { server, request throws(ResponseError) in try server.workspaceSymbol(request) },
    ]

    static let notificationHandlers: [String: NotificationHandler] = [
        "initialized": { server, _ in server.watchProjectFiles() },
        "textDocument/didOpen": { server, params in server.didOpen(params) },
        "textDocument/didChange": { server, params in server.didChange(params) },
        "textDocument/didClose": { server, params in server.didClose(params) },
        // The text is already current; a save is the moment a client without file watching
        // gets an edited juesuan.toml or catalogue applied.
        "textDocument/didSave": { server, _ in server.refreshProjectSetups() },
        "workspace/didChangeWatchedFiles": { server, _ in server.refreshProjectSetups() },
    ]

    /// Methods of the lifecycle, handled before the registry.
    static let lifecycleMethods: Set<String> = ["initialize", "shutdown", "exit", "$/cancelRequest"]

    /// What the server can do; each entry is backed by handlers (see `capabilityMethods`).
    func capabilities() -> JSONValue {
        [
            "positionEncoding": .string(unit.rawValue),
            "textDocumentSync": [
                "openClose": true,
                "change": 2,  // incremental
                "save": ["includeText": false],
            ],
            "completionProvider": [
                "triggerCharacters": [" ", ".", "．"],
                "resolveProvider": false,
            ],
            "hoverProvider": true,
            "codeActionProvider": [
                "codeActionKinds": ["quickfix", "source.fixAll.juesuan"],
                "resolveProvider": false,
            ],
            "documentSymbolProvider": ["label": "决算"],
            "foldingRangeProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentHighlightProvider": true,
            "inlayHintProvider": ["resolveProvider": false],
            "semanticTokensProvider": [
                "legend": JuesuanServer.semanticTokensLegend,
                "full": ["delta": true],
                "range": false,
            ],
            "documentFormattingProvider": true,
            "documentRangeFormattingProvider": true,
            "workspaceSymbolProvider": true,
            "diagnosticProvider": [
                "identifier": "juesuan",
                "interFileDependencies": false,
                "workspaceDiagnostics": false,
            ],
        ]
    }

    /// The methods each advertised capability obliges the server to handle.
    static let capabilityMethods: [String: [String]] = [
        "textDocumentSync": ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave"],
        "completionProvider": ["textDocument/completion"],
        "hoverProvider": ["textDocument/hover"],
        "codeActionProvider": ["textDocument/codeAction"],
        "documentSymbolProvider": ["textDocument/documentSymbol"],
        "foldingRangeProvider": ["textDocument/foldingRange"],
        "definitionProvider": ["textDocument/definition"],
        "referencesProvider": ["textDocument/references"],
        "documentHighlightProvider": ["textDocument/documentHighlight"],
        "inlayHintProvider": ["textDocument/inlayHint"],
        "semanticTokensProvider": ["textDocument/semanticTokens/full", "textDocument/semanticTokens/full/delta"],
        "diagnosticProvider": ["textDocument/diagnostic"],
        "documentFormattingProvider": ["textDocument/formatting"],
        "documentRangeFormattingProvider": ["textDocument/rangeFormatting"],
        "workspaceSymbolProvider": ["workspace/symbol"],
        "positionEncoding": [],
    ]

    // MARK: Input

    /// Called by the transport's reader thread for each incoming event.
    public func receive(_ event: IncomingEvent) {
        switch event {
        case .message(.notification("$/cancelRequest", let params)):
            if let raw = params?["id"], let id = RequestID(json: raw) {
                lock.lock()
                if pending.contains(id) { cancelled.insert(id) }
                let running = detached.removeValue(forKey: id) ?? 0
                lock.unlock()
                // A request running off the queue is answered at once; its result, when it
                // comes, is dropped.
                for _ in 0..<running { reply(id, .failure(ResponseError(code: .requestCancelled, message: "request \(id) was cancelled"))) }
            }
        case .message(let message):
            if case .request(let id, _, _) = message {
                lock.lock()
                pending.insert(id)
                lock.unlock()
            }
            main.async { self.process(message) }
        case .invalidMessage(let error):
            main.async { self.invalid(error) }
        case .framingError(let error):
            log("framing error: \(error); resynchronised on the next header")
        }
    }

    /// Called once when input ends: EOF is treated as `exit`.
    public func inputClosed() {
        main.async {
            self.log("input closed")
            self.finish()
        }
    }

    /// Waits until the server has handled everything it was given: the message queue, the quick
    /// re-checks, and the requests it runs off the message queue (barriers on the concurrent
    /// queues). For the fuzz target and the tests that replay its findings.
    func waitUntilIdle() {
        main.sync {}
        analysisQueue.sync {}
        requestQueue.sync(flags: .barrier) {}
        backgroundQueue.sync(flags: .barrier) {}
    }

    /// Waits until the requests already running off the message queue are answered (not fix-all,
    /// which may run long and is answered at once when cancelled).
    private func finishRequests() {
        requestQueue.sync(flags: .barrier) {}
    }

    private func finish() {
        // Requests that arrived before `exit` (or the end of input) still get their answer.
        finishRequests()
        // Let a running analysis publish nothing more once we are gone.
        lock.lock()
        documents.removeAll()
        lock.unlock()
        exitHandler(state == .shutDown ? 0 : 1)
    }

    func send(_ message: Message) {
        outputLock.lock()
        output(message)
        outputLock.unlock()
    }

    private func reply(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) {
        lock.lock()
        pending.remove(id)
        cancelled.remove(id)
        lock.unlock()
        switch result {
        case .success(let value): send(.response(id: id, result: value))
        case .failure(let error): send(.errorResponse(id: id, error: error))
        }
    }

    /// The one answer to a detached request: by whichever comes first, its result or a cancel.
    private func replyDetached(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) {
        lock.lock()
        guard let running = detached[id] else {
            lock.unlock()
            return
        }
        detached[id] = running > 1 ? running - 1 : nil
        lock.unlock()
        reply(id, result)
    }

    private func invalid(_ error: MessageDecodingError) {
        log("invalid message: \(error)")
        // Bad JSON or a bad shape: answer with the id when it could be read, else null.
        if error.error.code == .parseError {
            send(.errorResponse(id: nil, error: error.error))
        } else if error.id != nil || error.method != nil {
            if let id = error.id {
                reply(id, .failure(error.error))
            } else {
                send(.errorResponse(id: nil, error: error.error))
            }
        } else {
            send(.errorResponse(id: nil, error: error.error))
        }
    }

    // MARK: Dispatch (on `main`)

    func process(_ message: Message) {
        switch message {
        case .request(let id, let method, let params):
            lock.lock()
            let wasCancelled = cancelled.contains(id)
            lock.unlock()
            if wasCancelled {
                reply(id, .failure(ResponseError(code: .requestCancelled, message: "request \(id) was cancelled")))
                return
            }
            if state == .running, let handler = JuesuanServer.requestHandlers[method] {
                runOffTheLoop(id, method: method, handler, RequestInput(params: params, document: pinnedDocument(params)))
                return
            }
            reply(id, handleRequest(method, params))
        case .notification(let method, let params):
            handleNotification(method, params)
        case .response, .errorResponse:
            break  // the server sends no requests
        }
    }

    /// The document a request names, as it is when the request arrives: the request's positions
    /// refer to that version, whatever edits arrive while it runs.
    func pinnedDocument(_ params: JSONValue?) -> DocumentSnapshot? {
        params?["textDocument"]?["uri"]?.stringValue.flatMap(snapshot)
    }

    /// Runs a request on a worker so the message loop goes on reading edits, cancellations and
    /// other requests. Requests start in arrival order; each is answered once: with its result,
    /// or with RequestCancelled as soon as the client cancels it (its result is then dropped).
    /// Work that runs past a second reports `$/progress` when the client gave a token.
    func runOffTheLoop(_ id: RequestID, method: String, _ handler: @escaping RequestHandler, _ input: RequestInput) {
        lock.lock()
        detached[id, default: 0] += 1
        lock.unlock()
        // Fix-all rewrites the whole report and may take long: it must not hold up the others.
        let queue = method == "textDocument/codeAction" && JuesuanServer.asksForFixAll(input.params) ? backgroundQueue : requestQueue
        queue.async {
            self.lock.lock()
            let stillWanted = self.detached[id] != nil
            self.lock.unlock()
            guard stillWanted else { return }
            var input = input
            // A strong capture: the closure lives only as long as the request runs (and a weak
            // reference's side table reads as a leak to LeakSanitizer in the fuzz target).
            input.isCancelled = {
                self.lock.lock()
                defer { self.lock.unlock() }
                return self.detached[id] == nil
            }
            let progress = input.params?["workDoneToken"].flatMap { WorkDoneProgress(token: $0, server: self, after: JuesuanServer.progressDelay) }
            let started = DispatchTime.now().uptimeNanoseconds
            let startedOnThisThread = self.trace ? JuesuanServer.threadCPUTime() : 0
            let result: Result<JSONValue, ResponseError>
            do throws(ResponseError) { result = .success(try handler(self, input)) } catch { result = .failure(error) }
            progress?.end()
            if self.trace {
                let how = input.document.map { $0.isAnalysed ? "analysed" : "not analysed" } ?? "-"
                // The thread's own time beside the wall-clock time: less means it waited (a lock,
                // or the cores were busy with other work).
                let cpu = JuesuanServer.threadCPUTime() - startedOnThisThread
                self.log("request \(method) (\(how) v\(input.document?.version ?? 0)) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms (\(cpu) ms on its thread)")
            }
            self.replyDetached(id, result)
        }
    }

    /// Milliseconds of CPU time the calling thread has used.
    static func threadCPUTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
    }

    /// How long a request runs before the server reports progress on it.
    static let progressDelay = 1.0

    func handleRequest(_ method: String, _ params: JSONValue?) -> Result<JSONValue, ResponseError> {
        if state == .shutDown {
            return .failure(.invalidRequest("the server is shut down; only exit is accepted"))
        }
        if method == "initialize" {
            guard state == .uninitialized else { return .failure(.invalidRequest("initialize was already called")) }
            return .success(initialize(params))
        }
        guard state == .running else {
            return .failure(ResponseError(code: .serverNotInitialized, message: "initialize must be the first request"))
        }
        if method == "shutdown" {
            state = .shutDown
            // Every request sent before it is answered first (they run off this queue).
            finishRequests()
            return .success(.null)
        }
        guard let handler = JuesuanServer.requestHandlers[method] else {
            return .failure(.methodNotFound(method))
        }
        do {
            return .success(try handler(self, RequestInput(params: params, document: pinnedDocument(params))))
        } catch {
            return .failure(error)
        }
    }

    /// Whether a codeAction request asks for source actions (fix-all), per `context.only`.
    static func asksForFixAll(_ params: JSONValue?) -> Bool {
        guard let only = params?["context"]?["only"]?.arrayValue else { return false }
        return only.contains { $0.stringValue.map { $0 == "source" || $0.hasPrefix("source.fixAll") } ?? false }
    }

    func handleNotification(_ method: String, _ params: JSONValue?) {
        if method == "exit" {
            finish()
            return
        }
        // Before initialize and after shutdown, notifications are dropped (LSP 3.17).
        guard state == .running else { return }
        // Unknown notifications ($/setTrace, …) are ignored.
        JuesuanServer.notificationHandlers[method]?(self, params)
    }

    func initialize(_ params: JSONValue?) -> JSONValue {
        unit = PositionEncoding.negotiate(initializeParams: params) == .utf8 ? .utf8 : .utf16
        if let base = params?["initializationOptions"]?["documentationBaseURL"]?.stringValue, !base.isEmpty {
            documentationBase = base.hasSuffix("/") ? base : base + "/"
        } else {
            documentationBase = fallbackDocumentationBase
        }
        if let catalog = params?["initializationOptions"]?["catalog"]?.stringValue, !catalog.isEmpty { clientCatalog = catalog }
        clientWatchesFiles = params?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue == true
        let textDocument = params?["capabilities"]?["textDocument"]
        hoverMarkdown = textDocument?["hover"]?["contentFormat"]?.arrayValue?.contains("markdown") == true
        documentationMarkdown = textDocument?["completion"]?["completionItem"]?["documentationFormat"]?.arrayValue?.contains("markdown") == true
        if let folders = params?["workspaceFolders"]?.arrayValue {
            workspaceFolders = folders.compactMap { $0["uri"]?.stringValue.flatMap(JuesuanServer.filePath(fromURI:)) }
        } else if let root = params?["rootUri"]?.stringValue.flatMap(JuesuanServer.filePath(fromURI:)) {
            workspaceFolders = [root]
        }
        state = .running
        return [
            "capabilities": capabilities(),
            "serverInfo": ["name": .string(JuesuanServer.name), "version": .string(JuesuanServer.version)],
        ]
    }

    // MARK: Documents

    /// Every open document's newest version (for `workspace/symbol`).
    func openSnapshots() -> [DocumentSnapshot] {
        lock.lock()
        defer { lock.unlock() }
        return Array(documents.values)
    }

    func snapshot(_ uri: String) -> DocumentSnapshot? {
        lock.lock()
        defer { lock.unlock() }
        return documents[uri]
    }

    func didOpen(_ params: JSONValue?) {
        guard let document = params?["textDocument"], let uri = document["uri"]?.stringValue,
              let text = document["text"]?.stringValue else {
            log("didOpen without textDocument.uri/text ignored")
            return
        }
        let setup = projectSetup?(JuesuanServer.filePath(fromURI: uri), workspaceFolders, clientCatalog) ?? ProjectSetup()
        if let problem = setup.problem, shownProblems.insert(problem).inserted {
            send(.notification(method: "window/showMessage", params: ["type": 2, "message": .string("Juesuan：\(problem)")]))
        }
        let started = trace ? DispatchTime.now().uptimeNanoseconds : 0
        let snapshot = DocumentSnapshot(uri: uri, version: document["version"]?.intValue ?? 0, text: text,
                                        catalogue: setup.catalogue, settings: setup.settings)
        if trace { log("opened \(uri) (\(snapshot.source.bytes.count) bytes) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms") }
        lock.lock()
        documents[uri] = snapshot
        revisions[uri] = nextRevision
        nextRevision += 1
        published[uri] = nil
        quickStates[uri] = nil
        quickRevisions[uri] = nil
        lock.unlock()
        scheduleAnalysis(uri)
    }

    /// Asks the client to report changes to project files (`juesuan.toml`, catalogue files), so
    /// open documents are checked again with the new settings without being reopened.
    func watchProjectFiles() {
        guard clientWatchesFiles else { return }
        let watchers: [JSONValue] = JuesuanServer.projectFilePatterns.map { ["globPattern": .string($0)] }
        send(.request(id: .string("juesuan/watchProjectFiles"), method: "client/registerCapability", params: [
            "registrations": [[
                "id": "juesuan-project-files",
                "method": .string(JuesuanServer.dynamicallyRegisteredMethods.first!),
                "registerOptions": ["watchers": .array(watchers)],
            ]],
        ]))
    }

    /// Notifications the server asks for with `client/registerCapability` rather than advertising.
    static let dynamicallyRegisteredMethods: Set<String> = ["workspace/didChangeWatchedFiles"]

    /// The files whose change may change how an open document is checked.
    static let projectFilePatterns = ["**/juesuan.toml", "**/*.tsv"]

    /// Reads each open document's project setup again; a document whose settings or catalogue
    /// changed gets a new snapshot of the same text and is checked again.
    func refreshProjectSetups() {
        guard let projectSetup else { return }
        for current in openSnapshots() {
            let setup = projectSetup(JuesuanServer.filePath(fromURI: current.uri), workspaceFolders, clientCatalog)
            if let problem = setup.problem, shownProblems.insert(problem).inserted {
                send(.notification(method: "window/showMessage", params: ["type": 2, "message": .string("Juesuan：\(problem)")]))
            }
            guard setup.settings != current.settings || setup.catalogue != current.catalogue else { continue }
            let snapshot = DocumentSnapshot(uri: current.uri, version: current.version, source: current.source,
                                            catalogue: setup.catalogue, settings: setup.settings)
            lock.lock()
            // Only if no edit replaced the document meanwhile (edits come on this same loop).
            guard documents[current.uri] === current else { lock.unlock(); continue }
            documents[current.uri] = snapshot
            revisions[current.uri] = nextRevision
            nextRevision += 1
            quickStates[current.uri] = nil
            quickRevisions[current.uri] = nil
            lock.unlock()
            scheduleAnalysis(current.uri)
        }
    }

    func didChange(_ params: JSONValue?) {
        guard let document = params?["textDocument"], let uri = document["uri"]?.stringValue,
              let rawChanges = params?["contentChanges"]?.arrayValue else {
            log("didChange without textDocument.uri/contentChanges ignored")
            return
        }
        guard let current = snapshot(uri) else {
            log("didChange for a document that is not open: \(uri)")
            return
        }
        var changes: [TextChange] = []
        for raw in rawChanges {
            guard let change = TextDocumentContentChange(json: raw) else {
                log("malformed content change ignored in didChange for \(uri); the document may be out of sync")
                continue
            }
            let range = change.range.map {
                LineColumnRange(start: LineColumn(line: $0.start.line, column: $0.start.character),
                                end: LineColumn(line: $0.end.line, column: $0.end.character))
            }
            changes.append(TextChange(range: range, text: change.text))
        }
        let version = document["version"]?.intValue ?? current.version + 1
        let started = DispatchTime.now().uptimeNanoseconds
        let next = current.applying(changes, unit: unit, version: version)
        if trace { log("applied \(changes.count) change(s) to \(uri) v\(version) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms") }
        lock.lock()
        let previous = documents.updateValue(next, forKey: uri)
        revisions[uri] = nextRevision
        nextRevision += 1
        lock.unlock()
        scheduleAnalysis(uri)
        // Free the old version's tree on another thread: releasing a large tree takes a while
        // and must not delay the next analysis.
        if let previous { releaseThread.async { withExtendedLifetime(previous) {} } }
    }

    func didClose(_ params: JSONValue?) {
        guard let uri = params?["textDocument"]?["uri"]?.stringValue else { return }
        lock.lock()
        // Moved straight into the box: a local copy would keep the document alive on this thread
        // until the function returns, and the release queue's trim could run before that.
        let box = ReleaseBox((documents.removeValue(forKey: uri), quickStates.removeValue(forKey: uri),
                              lastAnalysed.removeValue(forKey: uri), editedViews.removeValue(forKey: uri)))
        quickRevisions[uri] = nil
        revisions[uri] = nil
        published[uri] = nil
        semanticTokenResults[uri] = nil
        outlines[uri] = nil
        publishedDiagnostics[uri] = nil
        // Under the lock, so no analysis can publish after the clearing.
        send(.notification(method: "textDocument/publishDiagnostics", params: ["uri": .string(uri), "diagnostics": []]))
        lock.unlock()
        // Free the document, then hand the freed pages back to the system: malloc keeps them
        // otherwise, and a closed 20 MB report would hold its peak for the rest of the session.
        // The box is emptied inside the block: a captured value would only be freed after the
        // block returns, i.e. after the trim.
        releaseThread.async {
            box.empty()
            GlibcMalloc.trim()
        }
        // An analysis still running holds the document a little longer: trim again after it.
        fullAnalysisQueue.async { self.releaseThread.async { GlibcMalloc.trim() } }
        analysisQueue.async { self.releaseThread.async { GlibcMalloc.trim() } }
    }

    /// Fixes glibc's thresholds so large blocks are mapped on their own (and unmapped when
    /// freed) and free tops of every arena are trimmed; otherwise, after a large document, malloc
    /// raises both dynamically and keeps up to 64 MiB per thread arena for good. Called once at
    /// start-up by `runStdio`.
    ///
    /// The mapping threshold is 8 MiB, not lower: the text, line index and semantic tokens of a
    /// 1 MB report (1–4 MiB each) are copied at every keystroke, and a block mapped on its own
    /// is fresh zeroed pages each time (hundreds of page faults, 2–3 ms a request right after a
    /// keystroke); from the heap they reuse the last keystroke's memory.
    public static func boundMallocCaching() {
        GlibcMalloc.set(.mmapThreshold, to: 8 << 20)  // blocks of 8 MiB and more get their own mapping
        GlibcMalloc.set(.trimThreshold, to: 1 << 20)  // return a free top past 1 MiB
    }

    /// Queues the analyses of the newest version of `uri`. First the quick path re-checks only
    /// the edited block and publishes at once (its cost does not grow with the report); then a
    /// full analysis of the newest version brings the findings that span blocks up to date.
    /// Runs that find their version superseded or already published do nothing.
    func scheduleAnalysis(_ uri: String) {
        let base = documentationBase
        let unit = self.unit
        analysisQueue.async {
            guard let snapshot = self.snapshot(uri) else { return }
            self.lock.lock()
            let previous = self.quickStates[uri]
            let handled = self.quickRevisions[uri] != nil && self.quickRevisions[uri] == self.revisions[uri]
            self.lock.unlock()
            // An earlier run already handled this text (runs coalesce on the newest one) and
            // scheduled its full analysis after the typing pause: analysing now would compete
            // with the next keystroke. The same version with another text is not handled.
            if handled { return }
            var quick = false
            if let previous, previous.version < snapshot.version {
                let started = DispatchTime.now().uptimeNanoseconds
                if let updated = previous.state.updated(to: snapshot) {
                    quick = true
                    if self.trace {
                        self.log("quick re-check of \(uri) v\(snapshot.version) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms")
                    }
                    self.publish(updated.diagnostics, of: snapshot, unit: unit, base: base, full: false) {
                        self.quickStates[uri] = (snapshot.version, updated)
                        self.quickRevisions[uri] = self.revisions[uri]
                    }
                }
            }
            // While the user types, the quick findings are up to date for the edited block; the
            // full analysis waits for a pause, so it does not compete with the next keystroke.
            self.scheduleFullAnalysis(uri, unit: unit, base: base, after: quick ? JuesuanServer.typingPause : 0, version: snapshot.version)
        }
    }

    /// How long the full analysis waits after a quick re-check for the user to stop typing.
    static let typingPause = 0.25

    func scheduleFullAnalysis(_ uri: String, unit: ColumnUnit, base: String, after delay: Double, version: Int) {
        fullAnalysisQueue.asyncAfter(deadline: .now() + delay) {
            self.lock.lock()
            let first = self.published[uri] == nil
            self.lock.unlock()
            // A document's first findings are what the user who opened it waits for, and no
            // keystroke competes yet: at normal priority (on both cores), so that other work on
            // the machine does not hold them up. Later analyses yield to requests and typing.
            if first {
                self.fullAnalysis(uri, unit: unit, base: base, after: delay, version: version)
            } else {
                BackgroundThreads.shared.sync { self.fullAnalysis(uri, unit: unit, base: base, after: delay, version: version) }
            }
        }
    }

    /// A full analysis of the newest version of `uri` and what the requests after the next
    /// keystroke need of it (on whichever thread `scheduleFullAnalysis` chose).
    private func fullAnalysis(_ uri: String, unit: ColumnUnit, base: String, after delay: Double, version: Int) {
        guard let snapshot = self.snapshot(uri) else { return }
        // A newer version arrived during the pause: its own run will analyse it.
        if delay > 0, snapshot.version != version { return }
        self.lock.lock()
        let done = self.documents[uri] === snapshot && self.published[uri] != nil && self.published[uri] == self.revisions[uri]
        self.lock.unlock()
        if done { return }
        let started = DispatchTime.now().uptimeNanoseconds
        // A newer version (or a close) makes this analysis stale: it stops between stages,
        // and the newer version's own run takes over.
        guard let state = FindingsState(fullAnalysisOf: snapshot, inParallel: true, unlessCancelled: { self.snapshot(uri) !== snapshot }) else {
            if self.trace { self.log("analysis of \(uri) v\(snapshot.version) stopped: a newer version arrived") }
            return
        }
        if self.trace {
            self.log("analysed \(uri) v\(snapshot.version) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms")
        }
        var published = false
        // What this version replaces is freed on the release thread, not under the lock: the
        // last reference to an earlier version's analysis takes milliseconds to free, and a
        // request waiting for the lock would wait for it (issue 15).
        let replaced = ReleaseBox<[Any]>([])
        self.publish(state.diagnostics, of: snapshot, unit: unit, base: base, full: true) {
            published = true
            if (self.quickStates[uri]?.version ?? Int.min) <= snapshot.version {
                replaced.keep(self.quickStates.updateValue((snapshot.version, state), forKey: uri))
                self.quickRevisions[uri] = self.revisions[uri]
            }
        }
        defer { releaseThread.async { replaced.empty() } }
        guard published else { return }
        // Editors ask for the semantic tokens and the outline after every change; on a large
        // report the requests after the next keystroke build on this version's (an
        // `EditedView`), so they are made now, while the user pauses, and only then do the
        // views build on this version: a request never waits for them.
        if snapshot.source.bytes.count >= JuesuanServer.editedViewThreshold {
            self.lock.lock()
            let view = self.editedViews[uri]
            self.lock.unlock()
            _ = snapshot.semanticTokenData(unit: unit, sharingWith: view)
            // The outline's JSON too: the first outline asked for after a keystroke then reuses
            // every symbol but the edited one's (made from nothing, it took ~8 ms).
            rememberOutline(OutlineJSON(snapshot.limitedOutline(), converter: converter(for: snapshot), previous: lastOutline(uri: uri)), uri: uri)
        }
        self.lock.lock()
        if self.documents[uri] != nil {
            replaced.keep(self.lastAnalysed.updateValue(snapshot, forKey: uri))
            replaced.keep(self.editedViews.removeValue(forKey: uri))
        }
        self.lock.unlock()
    }

    /// Publishes `diagnostics` of `snapshot` unless a newer version arrived or the document
    /// closed; `whilePublishing` runs under the lock when it does.
    func publish(_ diagnostics: [Diagnostic], of snapshot: DocumentSnapshot, unit: ColumnUnit, base: String, full: Bool, whilePublishing: () -> Void) {
        let started = DispatchTime.now().uptimeNanoseconds
        let converter = Converter(source: snapshot.source, unit: unit, uri: snapshot.uri, documentationBase: base)
        lock.lock()
        var converted = publishedDiagnostics[snapshot.uri] ?? PublishedDiagnostics()
        lock.unlock()
        let params: JSONValue = [
            "uri": .string(snapshot.uri),
            "version": .int(snapshot.version),
            "diagnostics": .array(converted.convert(diagnostics, with: converter)),
        ]
        if trace {
            log("converted \(diagnostics.count) finding(s) of \(snapshot.uri) v\(snapshot.version) (\(converted.reusedLastTime) reused) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms")
        }
        lock.lock()
        defer { lock.unlock() }
        // Stale: a newer version arrived (its own runs are queued) or the document closed.
        guard documents[snapshot.uri] === snapshot else { return }
        publishedDiagnostics[snapshot.uri] = converted
        if full { published[snapshot.uri] = revisions[snapshot.uri] }
        whilePublishing()
        send(.notification(method: "textDocument/publishDiagnostics", params: params))
    }

    // MARK: Features

    func document(_ request: RequestInput) throws(ResponseError) -> (DocumentSnapshot, Converter, Int) {
        guard let position = request.params?["position"].flatMap(Position.init(json:)) else {
            throw .invalidParams("expected textDocument.uri and position")
        }
        let (snapshot, converter) = try openDocument(request)
        return (snapshot, converter, converter.offset(position))
    }

    /// Reports at least this large (bytes) are answered through an `EditedView` while their
    /// newest version is not analysed: analysing them whole would make a request sent right
    /// after a keystroke wait for it.
    static let editedViewThreshold = 64 * 1024

    /// Where the features of `snapshot` are answered from: an edited view (see
    /// `editedView(for:)`), else the snapshot itself (from its analysis).
    func features(of snapshot: DocumentSnapshot) -> any FeatureSource {
        if let twin = analysedTwin(of: snapshot) { return twin }
        return editedView(for: snapshot) ?? snapshot
    }

    /// The last analysed version when `snapshot` has its very text (a keystroke undone, a figure
    /// typed back): every answer of that version is this one's. There is no edit to view
    /// through, and analysing the same text again would make the request wait for it.
    func analysedTwin(of snapshot: DocumentSnapshot) -> DocumentSnapshot? {
        guard !snapshot.isAnalysed, snapshot.source.bytes.count >= JuesuanServer.editedViewThreshold else { return nil }
        lock.lock()
        let analysed = lastAnalysed[snapshot.uri]
        lock.unlock()
        return JuesuanServer.twin(of: snapshot, analysed: analysed)
    }

    /// `analysed` when it is another, analysed version with `snapshot`'s text, settings and catalogue.
    static func twin(of snapshot: DocumentSnapshot, analysed: DocumentSnapshot?) -> DocumentSnapshot? {
        guard let analysed, analysed !== snapshot, analysed.isAnalysed, analysed.settings == snapshot.settings else { return nil }
        // Asked before every request on an unanalysed version: compared a block at a time.
        let same = analysed.source.bytes.withUnsafeBufferPointer { a in
            snapshot.source.bytes.withUnsafeBufferPointer { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
        return same && analysed.catalogue == snapshot.catalogue ? analysed : nil
    }

    /// How many views may stand between a version and the last analysed one (typing in that
    /// many places before an analysis caught up); past it, a request waits for the analysis.
    static let maximumViewDepth = 4

    /// The view of `snapshot` through the last analysed version of its document, or through the
    /// view of the version before (typing in another block before the analysis caught up); nil
    /// when the snapshot is analysed or small, or the edits are not inside one block.
    func editedView(for snapshot: DocumentSnapshot) -> EditedView? {
        guard !snapshot.isAnalysed, snapshot.source.bytes.count >= JuesuanServer.editedViewThreshold else { return nil }
        lock.lock()
        let analysed = lastAnalysed[snapshot.uri]
        let cached = editedViews[snapshot.uri]
        lock.unlock()
        if let cached, cached.current === snapshot { return cached }
        var bases: [any FeatureSource] = []
        if let analysed, analysed !== snapshot { bases.append(analysed) }
        if let cached, cached.viewDepth < JuesuanServer.maximumViewDepth, cached.current.version < snapshot.version { bases.append(cached) }
        guard let view = bases.lazy.compactMap({ EditedView(current: snapshot, base: $0) }).first else {
            if trace {
                let tried = bases.map { base in "v\((base as? DocumentSnapshot)?.version ?? (base as? EditedView)?.current.version ?? 0)" }.joined(separator: ", ")
                log("no edited view of \(snapshot.uri) v\(snapshot.version): the edits since \(tried.isEmpty ? "the last analysis" : tried) are not inside one block")
            }
            return nil
        }
        lock.lock()
        if documents[snapshot.uri] === snapshot { editedViews[snapshot.uri] = view }
        lock.unlock()
        return view
    }

    func converter(for snapshot: DocumentSnapshot) -> Converter {
        Converter(source: snapshot.source, unit: unit, uri: snapshot.uri, documentationBase: documentationBase,
                  hoverMarkdown: hoverMarkdown, documentationMarkdown: documentationMarkdown)
    }

    func rememberSemanticTokens(uri: String, data: SemanticTokenIntegers) -> String {
        lock.lock()
        defer { lock.unlock() }
        let id = "\(nextSemanticTokensID)"
        nextSemanticTokensID += 1
        semanticTokenResults[uri] = (id, data)
        return id
    }

    func lastAnalysedVersion(of uri: String) -> DocumentSnapshot? {
        lock.lock()
        defer { lock.unlock() }
        return lastAnalysed[uri]
    }

    func lastOutline(uri: String) -> OutlineJSON? {
        lock.lock()
        defer { lock.unlock() }
        return outlines[uri]
    }

    func rememberOutline(_ outline: OutlineJSON, uri: String) {
        lock.lock()
        defer { lock.unlock() }
        // Only while the document is open (a request may end after its didClose).
        if documents[uri] != nil { outlines[uri] = outline }
    }

    func previousSemanticTokens(uri: String, resultId: String) -> SemanticTokenIntegers? {
        lock.lock()
        defer { lock.unlock() }
        guard let previous = semanticTokenResults[uri], previous.id == resultId else { return nil }
        return previous.data
    }

    func completion(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let (snapshot, converter, offset) = try document(request)
        let started = DispatchTime.now().uptimeNanoseconds
        // For a keystroke undone, from the analysed version with this very text; right after a
        // figure or name typed in a large table, from the analysed version where that is exact
        // (found without making an edited view: typing a name in a new row needs none).
        let list: CompletionList
        if let twin = analysedTwin(of: snapshot) {
            list = LanguageService.completion(twin, at: offset)
        } else if !snapshot.isAnalysed, snapshot.source.bytes.count >= JuesuanServer.editedViewThreshold,
                  let analysed = lastAnalysedVersion(of: snapshot.uri),
                  let through = LanguageService.completion(snapshot, at: offset, editedFrom: analysed) {
            list = through
        } else {
            list = LanguageService.completion(snapshot, at: offset)
        }
        let converted = converter.completionList(list)
        if trace { log("completion in \(snapshot.uri) v\(snapshot.version) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms") }
        return converted
    }

    func hover(_ request: RequestInput) throws(ResponseError) -> JSONValue {
        let (snapshot, converter, offset) = try document(request)
        let found = features(of: snapshot).hover(at: offset)
        return found.map(converter.hover) ?? .null
    }
}

/// A request as its handler sees it: its parameters and the document it names as it was when
/// the request arrived.
struct RequestInput: @unchecked Sendable {
    let params: JSONValue?
    let document: DocumentSnapshot?
    /// Whether the client has cancelled the request (or the server is finishing): long work
    /// asks this and stops.
    var isCancelled: @Sendable () -> Bool = { false }
}

/// `$/progress` for one request whose client gave a `workDoneToken`: `begin` once the request
/// has run for `after` seconds, `end` when it is answered (nothing when it ends sooner).
final class WorkDoneProgress: @unchecked Sendable {
    private let token: JSONValue
    private let server: JuesuanServer
    private let lock = NSLock()
    private var began = false
    private var ended = false

    init?(token: JSONValue, server: JuesuanServer, after delay: Double) {
        guard token.stringValue != nil || token.intValue != nil else { return nil }
        self.token = token
        self.server = server
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard !ended else { return }
            began = true
            server.send(.notification(method: "$/progress", params: ["token": token, "value": [
                "kind": "begin", "title": "决算", "message": "正在分析报告…", "cancellable": false,
            ]]))
        }
    }

    func end() {
        lock.lock()
        defer { lock.unlock() }
        ended = true
        if began { server.send(.notification(method: "$/progress", params: ["token": token, "value": ["kind": "end"]])) }
    }
}

/// Holds what a closed document (or a version's replaced state) left behind until the release
/// queue frees it.
final class ReleaseBox<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: Value) { self.value = value }
    func empty() { value = nil }
}

extension ReleaseBox where Value == [Any] {
    /// Adds `replaced` (when there is one) to what the release queue frees. Called by one thread
    /// at a time (the box's owner, under the server's lock or after it), before `empty()` is queued.
    func keep(_ replaced: Any?) {
        if let replaced { value?.append(replaced) }
    }
}
