import Foundation
import LanguageServerProtocol
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `juesuan` binary of the current build, or a skip when it has not been built.
func builtBinary() throws -> String {
    if let explicit = ProcessInfo.processInfo.environment["JUESUAN_BINARY"] { return explicit }
    // The test bundle sits next to the binary it was built with.
    let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent().path
    for candidate in [bundleDirectory + "/juesuan",
                      repositoryRoot.path + "/.build/debug/juesuan",
                      repositoryRoot.path + "/.build/release/juesuan"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
    }
    throw XCTSkip("the juesuan binary is not built (swift build --product juesuan)")
}

/// A fresh temporary directory, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-hardening-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url.resolvingSymlinksInPath()
}

/// Runs `juesuan ARGS` to completion; stdout, stderr and the exit status.
func runBinary(_ arguments: [String], stdin: [UInt8]? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try builtBinary())
    process.arguments = arguments
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin)) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so a full stderr cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// `juesuan lsp` as a child process, driven over its stdin/stdout like an editor would.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var received: [Message] = []
    private var nextID = 1000
    private(set) var stderrText = ""

    init(_ test: XCTestCase, workingDirectory: URL? = nil) throws {
        _ = signal(SIGPIPE, SIG_IGN)  // a server that died must fail the test, not kill the runner
        process.executableURL = URL(fileURLWithPath: try builtBinary())
        process.arguments = ["lsp"]
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.standardInput = input
        process.standardOutput = output
        let errorPipe = Pipe()
        process.standardError = errorPipe
        try process.run()
        let handle = output.fileHandleForReading
        Thread { [self] in
            var framer = MessageFramer()
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                framer.append(Array(data))
                while let next = framer.next() {
                    guard case .body(let body) = next, let message = try? Message(bytes: body) else { continue }
                    condition.lock()
                    received.append(message)
                    condition.broadcast()
                    condition.unlock()
                }
            }
            condition.lock(); condition.broadcast(); condition.unlock()
        }.start()
        let errorHandle = errorPipe.fileHandleForReading
        Thread { [self] in
            while true {
                let data = errorHandle.availableData
                if data.isEmpty { break }
                condition.lock()
                if stderrText.utf8.count < 1 << 20 { stderrText += String(decoding: data, as: UTF8.self) }
                condition.unlock()
            }
        }.start()
        test.addTeardownBlock { [self] in
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Peak resident memory of the server (VmHWM), in KiB.
    var peakMemoryKiB: Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
        }
        return -1
    }

    func writeRaw(_ bytes: [UInt8]) {
        try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    func writeRaw(_ text: String) { writeRaw(Array(text.utf8)) }

    func send(_ message: Message) { writeRaw(message.framed()) }

    func closeInput() { try? input.fileHandleForWriting.close() }

    func notify(_ method: String, _ params: JSONValue? = nil) {
        send(.notification(method: method, params: params))
    }

    /// Sends a request and waits for its answer.
    @discardableResult
    func request(_ method: String, _ params: JSONValue? = nil, timeout: TimeInterval = 20,
                 file: StaticString = #filePath, line: UInt = #line) -> Message? {
        let id = RequestID.int(nextID)
        nextID += 1
        send(.request(id: id, method: method, params: params))
        return waitForResponse(id, timeout: timeout, file: file, line: line)
    }

    func initialize(_ capabilities: JSONValue = [:]) {
        let response = request("initialize", ["processId": .null, "rootUri": .null, "capabilities": capabilities])
        XCTAssertNotNil(response.flatMap(resultOf), "initialize was not answered")
        notify("initialized", [:])
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "juesuan",
                                                          "version": .int(version), "text": .string(text)]])
    }

    /// Waits for the first received message that matches, and removes it.
    func wait(timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
              _ matches: (Message) -> Bool) -> Message? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
            if !condition.wait(until: deadline) {
                XCTFail("timed out waiting for a message from the server", file: file, line: line)
                return nil
            }
        }
    }

    /// Whether a message that matches has been received (it stays there).
    func peek(_ matches: (Message) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return received.contains(where: matches)
    }

    func waitForResponse(_ id: RequestID?, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) -> Message? {
        wait(timeout: timeout, file: file, line: line) { message in
            switch message {
            case .response(let rid, _): return rid == id
            case .errorResponse(let rid, _): return rid == id
            default: return false
            }
        }
    }

    /// The next publishDiagnostics for `uri` (with `version`, when given).
    func diagnostics(_ uri: String, version: Int? = nil, timeout: TimeInterval = 30,
                     file: StaticString = #filePath, line: UInt = #line) -> [JSONValue]? {
        wait(timeout: timeout, file: file, line: line) { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message,
                  params["uri"]?.stringValue == uri else { return false }
            return version == nil || params["version"]?.intValue == version
        }.flatMap { message -> [JSONValue]? in
            guard case .notification(_, let params?) = message else { return nil }
            return params["diagnostics"]?.arrayValue
        }
    }

    /// Waits for the process to end; its status, or nil on timeout.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// A hover anywhere: answered (result or error) while the server is healthy.
    func assertAnswers(_ uri: String = "file:///probe.juesuan", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(isRunning, "the server exited", file: file, line: line)
        let response = request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": 0, "character": 0]],
                               file: file, line: line)
        XCTAssertNotNil(response, "the server stopped answering", file: file, line: line)
        XCTAssertTrue(isRunning, "the server exited", file: file, line: line)
    }
}

func errorCodeOf(_ message: Message?) -> ErrorCode? {
    if case .errorResponse(_, let error)? = message { return error.code }
    return nil
}

func resultOf(_ message: Message) -> JSONValue? {
    if case .response(_, let result) = message { return result }
    return nil
}

func codes(_ diagnostics: [JSONValue]?) -> [String] {
    (diagnostics ?? []).compactMap { $0["code"]?.stringValue }
}
