import Foundation
import JuesuanChecks
@testable import JuesuanServer
import LanguageServerProtocol
import XCTest

/// Every input the fuzzers (Fuzz/, scripts/fuzz.sh) found a problem with, replayed through the
/// same harness as the fuzz target, in process. Inputs live in FuzzFindings/.
final class FuzzRegressionTests: XCTestCase {
    static let findings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzFindings")

    final class Sink: @unchecked Sendable {
        let lock = NSLock()
        var messages: [Message] = []
        func append(_ message: Message) { lock.lock(); messages.append(message); lock.unlock() }
        /// What was written so far (a full analysis after the typing pause may still publish).
        var written: [Message] { lock.lock(); defer { lock.unlock() }; return messages }
    }

    /// The server fuzz target's harness (Fuzz/Targets/FuzzServer.swift): NUL-separated bodies,
    /// an implicit initialize, the queues drained after each message. Returns each request id
    /// with how often it was sent and answered.
    static func replayServer(_ bytes: [UInt8]) -> (sent: [RequestID: Int], answered: [RequestID: Int], messages: [Message]) {
        var bodies = bytes.split(separator: 0, omittingEmptySubsequences: true).map(Array.init)
        if bytes.first != 0 {
            let encodings: JSONValue = bytes.count % 2 == 0 ? ["utf-16"] : ["utf-8", "utf-16"]
            let initialize = Message.request(id: .string("fuzz-init"), method: "initialize",
                                             params: ["processId": .null, "rootUri": .null, "capabilities": ["general": ["positionEncodings": encodings]]])
            bodies.insert(contentsOf: [initialize.serialized(), Message.notification(method: "initialized", params: [:]).serialized()], at: 0)
        }
        let sink = Sink()
        let server = JuesuanServer(output: { sink.append($0) }, exit: { _ in }, log: { _ in })
        var sent: [RequestID: Int] = [:]
        for body in bodies {
            let event: IncomingEvent
            do {
                let message = try Message(bytes: body)
                event = .message(message)
                if case .request(let id, _, _) = message { sent[id, default: 0] += 1 }  // a request named $/cancelRequest too
            } catch {
                event = .invalidMessage(error)
                if error.error.code != .parseError, let id = error.id { sent[id, default: 0] += 1 }
            }
            server.receive(event)
            server.waitUntilIdle()
            if case .message(.notification("exit", _)) = event { break }
        }
        server.waitUntilIdle()
        server.releaseThread.sync {}
        var answered: [RequestID: Int] = [:]
        let written = sink.written
        for message in written {
            switch message {
            case .response(let id, _), .errorResponse(let id?, _): answered[id, default: 0] += 1
            default: break
            }
        }
        return (sent, answered, written)
    }

    /// Found by the server target (session 6, an out-of-memory stop after 13,586 inputs): each
    /// server made a thread of its own to free documents on, which never ended. Servers made one
    /// after another must not add threads to the process.
    func testServersMadeOneAfterAnotherAddNoThreads() throws {
        #if os(Linux)
        // Dispatch's own workers (named after their queue's QoS) come and go with the load: not counted.
        func threadCount() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").filter { task in
                let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? ""
                return !name.contains("qos")
            }.count
        }
        let text = "# 测试\n单位：测试单位\n年度：2024\n"
        // The harness adds initialize; the document is opened, edited and analysed.
        let open = Message.notification(method: "textDocument/didOpen", params: ["textDocument": [
            "uri": "file:///t.juesuan", "languageId": "juesuan", "version": 1, "text": .string(text)]]).serialized()
            + [0] + Message.notification(method: "textDocument/didChange", params: [
                "textDocument": ["uri": "file:///t.juesuan", "version": 2], "contentChanges": [["text": .string(text + "说明\n")]]]).serialized()
        _ = Self.replayServer(open)  // threads made once per process (pools, Dispatch) are made here
        let before = try threadCount()
        for _ in 0..<40 { _ = Self.replayServer(open) }
        XCTAssertLessThan(try threadCount() - before, 4, "threads left behind by 40 servers")
        #else
        throw XCTSkip("counts /proc/self/task")
        #endif
    }

    func testEveryServerFindingReplaysCleanly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.findings.path).filter { $0.hasPrefix("server-") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let bytes = Array(try Data(contentsOf: Self.findings.appendingPathComponent(file)))
            let (sent, answered, messages) = Self.replayServer(bytes)
            for (id, count) in sent {
                XCTAssertEqual(answered[id, default: 0], count, "\(file): request \(id) sent \(count)×, answered \(answered[id, default: 0])×")
            }
            for message in messages {
                // Read back and written again, the same bytes (parts kept serialized read back
                // as the values they stand for).
                let bytes = message.serialized()
                XCTAssertEqual(try? Message(bytes: bytes).serialized(), bytes, "\(file): does not round-trip: \(message)")
            }
        }
    }

    func testEveryAnalysisFindingReplaysCleanly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.findings.path).filter { $0.hasPrefix("analysis-") }.sorted()
        for file in files {
            let bytes = Array(try Data(contentsOf: Self.findings.appendingPathComponent(file)))
            let analysis = Analysis(bytes: bytes)
            for diagnostic in analysis.diagnostics {
                XCTAssertLessThanOrEqual(diagnostic.range.end, analysis.source.bytes.count, file)
            }
        }
    }
}
