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
        for message in sink.messages {
            switch message {
            case .response(let id, _), .errorResponse(let id?, _): answered[id, default: 0] += 1
            default: break
            }
        }
        return (sent, answered, sink.messages)
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
                XCTAssertEqual(try? Message(bytes: message.serialized()), message, "\(file): does not round-trip: \(message)")
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
