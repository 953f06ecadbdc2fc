import Foundation
import XCTest
@testable import JuesuanServer
import LanguageServerProtocol
#if canImport(Glibc)
import Glibc
#endif

/// Runs a server in-process behind real pipes and talks to it as a client would:
/// frames written to one pipe, responses read from the other by a reader thread.
final class PipeClient: @unchecked Sendable {
    /// State shared with the server's callbacks and the reader thread.
    final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var received: [Message] = []
        var exitCode: Int32?
    }

    let server: JuesuanServer
    private let toServer: (read: Int32, write: Int32)
    private let fromServer: (read: Int32, write: Int32)
    private let shared = Shared()
    private var condition: NSCondition { shared.condition }
    private var nextID = 1
    private var inputClosed = false

    init() {
        var a: [Int32] = [0, 0], b: [Int32] = [0, 0]
        precondition(pipe(&a) == 0 && pipe(&b) == 0)
        toServer = (a[0], a[1])
        fromServer = (b[0], b[1])
        let transport = Transport(input: a[0], output: b[1])
        let shared = self.shared
        server = JuesuanServer(
            output: { message in try? transport.send(message) },
            exit: { code in
                shared.condition.lock()
                if shared.exitCode == nil { shared.exitCode = code }
                shared.condition.broadcast()
                shared.condition.unlock()
            },
            log: { _ in })
        let server = self.server
        transport.start(onEvent: { server.receive($0) }, onClose: { server.inputClosed() })
        let readEnd = b[0]
        Thread {
            var framer = MessageFramer()
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if n <= 0 { return }
                framer.append(chunk[0..<n])
                while case .body(let body)? = framer.next() {
                    guard let message = try? Message(bytes: body) else { continue }
                    shared.condition.lock()
                    shared.received.append(message)
                    shared.condition.broadcast()
                    shared.condition.unlock()
                }
            }
        }.start()
    }

    deinit {
        if !inputClosed { close(toServer.write) }
        close(fromServer.write)
    }

    static let example: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/zhushan-2024.juesuan")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    func writeRaw(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(toServer.write, $0.baseAddress, $0.count) }
            precondition(n > 0)
            offset += n
        }
    }

    func send(_ message: Message) { writeRaw(message.framed()) }

    func closeInput() {
        inputClosed = true
        close(toServer.write)
    }

    @discardableResult
    func request(_ method: String, _ params: JSONValue? = nil, file: StaticString = #filePath, line: UInt = #line) -> Message {
        let id = RequestID.int(nextID)
        nextID += 1
        send(.request(id: id, method: method, params: params))
        return waitForResponse(id, file: file, line: line)
    }

    func notify(_ method: String, _ params: JSONValue? = nil) {
        send(.notification(method: method, params: params))
    }

    func initialize(_ capabilities: JSONValue = [:]) -> JSONValue {
        let response = request("initialize", ["processId": .null, "rootUri": .null, "capabilities": capabilities])
        notify("initialized", [:])
        guard case .response(_, let result) = response else { XCTFail("initialize failed: \(response)"); return .null }
        return result
    }

    /// Waits for the first message (in arrival order) that matches, and removes it.
    func wait(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line, _ matches: (Message) -> Bool) -> Message? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = shared.received.firstIndex(where: matches) { return shared.received.remove(at: index) }
            if !condition.wait(until: deadline) {
                XCTFail("timed out waiting for a message", file: file, line: line)
                return nil
            }
        }
    }

    func waitForResponse(_ id: RequestID?, file: StaticString = #filePath, line: UInt = #line) -> Message {
        wait(file: file, line: line) { message in
            switch message {
            case .response(let rid, _): return rid == id
            case .errorResponse(let rid, _): return rid == id
            default: return false
            }
        } ?? .errorResponse(id: nil, error: .internalError("no response"))
    }

    /// The next publishDiagnostics for `uri` (with `version`, when given).
    func diagnostics(_ uri: String, version: Int? = nil, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
        wait(file: file, line: line) { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message,
                  params["uri"]?.stringValue == uri else { return false }
            return version == nil || params["version"]?.intValue == version
        }?.params
    }

    /// Whether a message received so far (and not yet taken by `wait`) matches.
    func hasReceived(_ matches: (Message) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return shared.received.contains(where: matches)
    }

    /// Every message received so far that is a publishDiagnostics.
    func drainDiagnostics() -> [JSONValue] {
        condition.lock()
        defer { condition.unlock() }
        var result: [JSONValue] = []
        shared.received.removeAll { message in
            if case .notification("textDocument/publishDiagnostics", let params?) = message { result.append(params); return true }
            return false
        }
        return result
    }

    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while shared.exitCode == nil {
            if !condition.wait(until: deadline) { return nil }
        }
        return shared.exitCode
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "juesuan", "version": .int(version), "text": .string(text)]])
    }
}

func errorCode(_ message: Message) -> ErrorCode? {
    if case .errorResponse(_, let error) = message { return error.code }
    return nil
}

func result(_ message: Message) -> JSONValue? {
    if case .response(_, let result) = message { return result }
    return nil
}

/// Line and UTF-16 column of the first occurrence of `needle` (plus `add` characters).
func position(of needle: String, in text: String, add: Int = 0, utf8: Bool = false) -> JSONValue {
    let lines = text.components(separatedBy: "\n")
    for (index, line) in lines.enumerated() {
        if let range = line.range(of: needle) {
            let prefix = String(line[..<range.lowerBound]) + String(needle.prefix(add))
            return ["line": .int(index), "character": .int(utf8 ? prefix.utf8.count : prefix.utf16.count)]
        }
    }
    fatalError("\(needle) not found")
}
