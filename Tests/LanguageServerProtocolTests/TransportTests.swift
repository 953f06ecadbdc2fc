import Foundation
import XCTest
@testable import LanguageServerProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose ends are closed when the test finishes.
private final class Pipe: @unchecked Sendable {
    let readEnd: Int32
    var writeEnd: Int32

    init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0)
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(writeEnd, $0.baseAddress, $0.count) }
            precondition(n > 0)
            offset += n
        }
    }

    func closeWriteEnd() {
        if writeEnd >= 0 { close(writeEnd); writeEnd = -1 }
    }

    /// Reads framed bodies until `count` arrived or EOF; a framing error counts as an empty body.
    func readBodies(_ count: Int = .max) -> [[UInt8]] {
        var framer = MessageFramer()
        var bodies: [[UInt8]] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bodies.count < count {
            let n = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            framer.append(chunk[0..<n])
            while let output = framer.next() {
                if case .body(let body) = output { bodies.append(body) } else { bodies.append([]) }
            }
        }
        return bodies
    }

    deinit {
        close(readEnd)
        closeWriteEnd()
    }
}

/// Hands bodies from the reader queue back to the test after `wait`.
private final class BodiesBox: @unchecked Sendable {
    var bodies: [[UInt8]] = []
}

/// Collects events from the reader thread.
private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [IncomingEvent] = []
    var events: [IncomingEvent] { lock.lock(); defer { lock.unlock() }; return storage }
    func append(_ event: IncomingEvent) { lock.lock(); storage.append(event); lock.unlock() }
}

final class TransportTests: XCTestCase {
    private func startTransport(input: Pipe, output: Pipe, log: EventLog) -> (Transport, XCTestExpectation) {
        let closed = expectation(description: "onClose")
        let transport = Transport(input: input.readEnd, output: output.writeEnd)
        transport.start(onEvent: { log.append($0) }, onClose: { closed.fulfill() })
        return (transport, closed)
    }

    func testReceivesTwoRequestsWrittenTogetherThenCloses() {
        let input = Pipe(), output = Pipe(), log = EventLog()
        let (_, closed) = startTransport(input: input, output: output, log: log)
        let first = Message.request(id: 1, method: "initialize", params: ["capabilities": [:]])
        let second = Message.request(id: "二", method: "textDocument/hover", params: ["text": "收入𠀋支出"])
        input.write(first.framed() + second.framed())
        input.closeWriteEnd()
        wait(for: [closed], timeout: 5)
        XCTAssertEqual(log.events, [.message(first), .message(second)])
    }

    func testBadInputIsReportedAndReadingContinues() {
        let input = Pipe(), output = Pipe(), log = EventLog()
        let (_, closed) = startTransport(input: input, output: output, log: log)
        let good = Message.notification(method: "initialized", params: [:])
        input.write(Array("Content-Length: zz\r\n\r\n".utf8))
        input.write(MessageFramer.frame(Array("{not json".utf8)))
        input.write(MessageFramer.frame(Array(#"{"jsonrpc":"2.0","id":3,"method":4}"#.utf8)))
        input.write(good.framed())
        input.closeWriteEnd()
        wait(for: [closed], timeout: 5)
        let events = log.events
        XCTAssertEqual(events.count, 4, "\(events)")
        XCTAssertEqual(events.first, .framingError(.invalidContentLength("zz")))
        guard events.count == 4,
              case .invalidMessage(let parse) = events[1],
              case .invalidMessage(let shape) = events[2] else { return XCTFail("\(events)") }
        XCTAssertEqual(parse.error.code, .parseError)
        XCTAssertEqual(shape.error.code, .invalidRequest)
        XCTAssertEqual(shape.id, 3)
        XCTAssertEqual(events[3], .message(good))
    }

    func testSlowByteByByteInput() {
        let input = Pipe(), output = Pipe(), log = EventLog()
        let (_, closed) = startTransport(input: input, output: output, log: log)
        let message = Message.notification(method: "textDocument/didOpen", params: ["text": "表 公开01"])
        for byte in message.framed() { input.write([byte]) }
        input.closeWriteEnd()
        wait(for: [closed], timeout: 5)
        XCTAssertEqual(log.events, [.message(message)])
    }

    func testSendWritesOneFramedMessage() throws {
        let input = Pipe(), output = Pipe()
        let transport = Transport(input: input.readEnd, output: output.writeEnd)
        let reply = Message.response(id: 1, result: ["capabilities": ["positionEncoding": "utf-8"], "名": "决算"])
        try transport.send(reply)
        output.closeWriteEnd()
        let bodies = output.readBodies(2)
        XCTAssertEqual(bodies.count, 1)
        XCTAssertEqual(try Message(bytes: bodies[0]), reply)
    }

    func testConcurrentSendsNeverInterleave() throws {
        let input = Pipe(), output = Pipe()
        let transport = Transport(input: input.readEnd, output: output.writeEnd)
        let count = 200
        // Bodies larger than PIPE_BUF force partial writes, so only the lock keeps frames whole.
        let payload = String(repeating: "收入支出", count: 600)
        let reader = DispatchQueue(label: "reader")
        let box = BodiesBox()
        let done = expectation(description: "read all")
        reader.async {
            // Drain to EOF so that garbled frames make the test fail rather than block the writers.
            box.bodies = output.readBodies()
            done.fulfill()
        }
        DispatchQueue.concurrentPerform(iterations: count) { k in
            try? transport.send(.notification(method: "n", params: ["k": .int(k), "p": .string(payload)]))
        }
        output.closeWriteEnd()
        wait(for: [done], timeout: 20)
        let received = box.bodies
        XCTAssertEqual(received.count, count)
        var seen = Set<Int>()
        for body in received {
            let message = try Message(bytes: body)
            XCTAssertEqual(message.params?["p"]?.stringValue, payload)
            if let k = message.params?["k"]?.intValue { seen.insert(k) }
        }
        XCTAssertEqual(seen, Set(0..<count))
    }

    func testWritingToClosedPipeThrowsInsteadOfKilling() {
        let input = Pipe(), output = Pipe()
        close(output.readEnd)
        let transport = Transport(input: input.readEnd, output: output.writeEnd)
        XCTAssertThrowsError(try transport.send(.notification(method: "exit", params: nil))) { error in
            XCTAssertEqual(error as? TransportError, .writeFailed(errno: EPIPE))
        }
    }

    func testDivertOutputMovesStrayWritesToTheLog() throws {
        let protocolPipe = Pipe(), logPipe = Pipe()
        let stdoutStandIn = protocolPipe.writeEnd
        let privateDescriptor = try XCTUnwrap(Transport.divertOutput(protocolDescriptor: stdoutStandIn,
                                                                     logDescriptor: logPipe.writeEnd))
        XCTAssertNotEqual(privateDescriptor, stdoutStandIn)
        XCTAssertTrue(fcntl(privateDescriptor, F_GETFD) & FD_CLOEXEC != 0)

        // A stray write to the old descriptor number now lands in the log…
        _ = Array("stray".utf8).withUnsafeBytes { write(stdoutStandIn, $0.baseAddress, $0.count) }
        // …while the transport's private descriptor still reaches the client.
        let transport = Transport(input: -1, output: privateDescriptor)
        try transport.send(.notification(method: "ok", params: nil))

        logPipe.closeWriteEnd()
        protocolPipe.closeWriteEnd()  // closes the stand-in (now the log's duplicate)
        close(privateDescriptor)
        var logBytes = [UInt8](repeating: 0, count: 64)
        let n = logBytes.withUnsafeMutableBytes { read(logPipe.readEnd, $0.baseAddress, $0.count) }
        XCTAssertEqual(String(decoding: logBytes[0..<max(0, n)], as: UTF8.self), "stray")
        let bodies = protocolPipe.readBodies(2)
        XCTAssertEqual(bodies.count, 1)
        XCTAssertEqual(try Message(bytes: bodies[0]), .notification(method: "ok", params: nil))
    }
}
