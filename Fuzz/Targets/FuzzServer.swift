// Fuzz target (c): the language server's dispatch, in process. The input is a sequence of
// JSON-RPC bodies separated by NUL bytes (NUL cannot occur in JSON text); each is decoded as
// the transport would and handed to `JuesuanServer.receive`, and the server's queues (the
// requests it runs off the message queue too) are drained after each so the run is deterministic. Unless the input starts with NUL, an
// `initialize` (UTF-16 positions for even-sized inputs, UTF-8 for odd) and `initialized` go
// first, so the fuzzer spends its time on documents and requests.
// Invariants: the server never crashes, answers every request exactly once, and writes only
// messages that serialise and parse back.
import Dispatch
import Foundation
@testable import JuesuanServer
import LanguageServerProtocol

final class Sink: @unchecked Sendable {
    let lock = NSLock()
    var messages: [Message] = []
    func append(_ message: Message) { lock.lock(); messages.append(message); lock.unlock() }
    /// What was written so far: a full analysis scheduled after the typing pause may still
    /// publish while the run reads it.
    var written: [Message] { lock.lock(); defer { lock.unlock() }; return messages }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var bodies = bytes.split(separator: 0, omittingEmptySubsequences: true).map(Array.init)
    if bytes.first != 0 {
        let encodings: JSONValue = size % 2 == 0 ? ["utf-16"] : ["utf-8", "utf-16"]
        let initialize = Message.request(id: .string("fuzz-init"), method: "initialize",
                                         params: ["processId": .null, "rootUri": .null,
                                                  "capabilities": ["general": ["positionEncodings": encodings]]])
        bodies.insert(contentsOf: [initialize.serialized(), Message.notification(method: "initialized", params: [:]).serialized()], at: 0)
    }
    let sink = Sink()
    let server = JuesuanServer(output: { sink.append($0) }, exit: { _ in }, log: { _ in })
    var requests: [RequestID: Int] = [:]
    for body in bodies {
        let event: IncomingEvent
        do {
            let message = try Message(bytes: body)
            event = .message(message)
            if case .request(let id, _, _) = message {  // every request, even one named $/cancelRequest, is answered
                requests[id, default: 0] += 1
            }
        } catch {
            event = .invalidMessage(error)
            if error.error.code != .parseError, let id = error.id { requests[id, default: 0] += 1 }
        }
        server.receive(event)
        server.waitUntilIdle()
        if case .message(.notification("exit", _)) = event { break }
    }
    server.waitUntilIdle()
    server.releaseThread.sync {}

    var responses: [RequestID: Int] = [:]
    for message in sink.written {
        switch message {
        case .response(let id, _), .errorResponse(let id?, _):
            responses[id, default: 0] += 1
        case .notification(let method, let params):
            if method == "$/progress" { break }  // a request that ran past a second
            precondition(method == "textDocument/publishDiagnostics", "unexpected notification \(method)")
            for diagnostic in params?["diagnostics"]?.arrayValue ?? [] {
                for end in ["start", "end"] {
                    let line = diagnostic["range"]?[end]?["line"]?.intValue ?? -1
                    let character = diagnostic["range"]?[end]?["character"]?.intValue ?? -1
                    precondition(line >= 0 && character >= 0, "bad diagnostic position \(diagnostic)")
                }
            }
        default:
            break
        }
        // Read back and written again, the same bytes (a message may hold parts kept
        // serialized, `JSONValue.preserialized`, which read back as the values they stand for).
        let bytes = message.serialized()
        let again = try? Message(bytes: bytes)
        precondition(again?.serialized() == bytes, "the server wrote a message that does not round-trip: \(message)")
    }
    for (id, count) in requests {
        precondition(responses[id, default: 0] == count, "request \(id) sent \(count)× answered \(responses[id, default: 0])×")
    }
    return 0
}
