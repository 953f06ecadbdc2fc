import Foundation
import LanguageServerProtocol
import XCTest

/// Hostile input to `juesuan lsp`, the built binary over pipes: malformed frames, wrong
/// JSON-RPC types, out-of-range edits, requests after shutdown, a 10 MB document. The server
/// answers with the right error, keeps serving (checked with a following request), never exits
/// unless asked, and its memory stays bounded. Skipped when the binary is not built.
final class HostileInputServerTests: XCTestCase {
    static let uri = "file:///hostile/a.juesuan"
    static let header = HostileInputAnalysisTests.header
    static let wrongTotal = HostileInputAnalysisTests.wrongTotal

    func hover(_ server: ServerProcess, _ uri: String = HostileInputServerTests.uri, line: Int = 0, character: Int = 0) -> Message? {
        server.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]])
    }

    func testMalformedFrames() throws {
        let server = try ServerProcess(self)
        server.initialize()

        // No Content-Length at all: a framing error, logged; nothing to answer.
        server.writeRaw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}")
        server.assertAnswers()
        // Invalid values: negative, hexadecimal, empty, a number with a sign or spaces inside.
        for value in ["-5", "0x10", "", "+3", "1 2", "١٢"] {
            server.writeRaw("Content-Length: \(value)\r\n\r\n{}")
            server.assertAnswers()
        }
        // A header line without a colon, and a non-ASCII header.
        server.writeRaw("Content-Length 2\r\n\r\n{}")
        server.writeRaw("Content-Länge: 2\r\n\r\n{}")
        server.assertAnswers()
        // A header block that never ends (64 KiB without a blank line).
        server.writeRaw("X-Filler: " + String(repeating: "x", count: 64 << 10))
        server.writeRaw("\r\n\r\n")
        server.assertAnswers()

        // A lying short length: the body is cut inside the JSON → ParseError (id null), and the
        // rest of the real body is skipped up to the next header.
        let body = #"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}"#
        server.writeRaw("Content-Length: 10\r\n\r\n" + body)
        XCTAssertEqual(errorCodeOf(server.waitForResponse(nil)), .parseError)
        server.assertAnswers()

        // A lying long length: the next frame is swallowed into this body → ParseError; the
        // frame after that is served.
        let swallowed = Message.notification(method: "$/setTrace", params: ["value": "off"]).framed()
        server.writeRaw(Array("Content-Length: \(2 + swallowed.count)\r\n\r\n{}".utf8) + swallowed)
        XCTAssertEqual(errorCodeOf(server.waitForResponse(nil)), .parseError)
        server.assertAnswers()

        // A huge declared length, past the 64 MiB cap and past Int: refused, not allocated.
        server.writeRaw("Content-Length: 1000000000\r\n\r\n{}")
        server.writeRaw("Content-Length: 99999999999999999999999999\r\n\r\n{}")
        server.assertAnswers()
        XCTAssertLessThan(server.peakMemoryKiB, 200 << 10, "a declared length must not be allocated up front")

        // Bodies that are not JSON, or not UTF-8: ParseError with a null id.
        for junk in [Array("hello".utf8), [0xFF, 0xFE, 0x00], Array("{\"id\":1,".utf8), Array("{}}".utf8), [UInt8](repeating: 0x5B, count: 100_000)] {
            server.writeRaw(MessageFramer.frame(junk))
            XCTAssertEqual(errorCodeOf(server.waitForResponse(nil)), .parseError, String(decoding: junk.prefix(20), as: UTF8.self))
        }
        server.assertAnswers()

        // JSON-RPC with wrong types: InvalidRequest, echoing the id when it can be read.
        server.writeRaw(MessageFramer.frame(Array(#"{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"}"#.utf8)))
        XCTAssertEqual(errorCodeOf(server.waitForResponse(nil)), .invalidRequest, "id as object")
        server.writeRaw(MessageFramer.frame(Array(#"{"jsonrpc":"2.0","id":41,"method":42}"#.utf8)))
        XCTAssertEqual(errorCodeOf(server.waitForResponse(41)), .invalidRequest, "method as number")
        server.writeRaw(MessageFramer.frame(Array(#"{"jsonrpc":"2.0","id":42,"method":"textDocument/hover","params":"oops"}"#.utf8)))
        XCTAssertEqual(errorCodeOf(server.waitForResponse(42)), .invalidRequest, "params as string")
        server.writeRaw(MessageFramer.frame(Array(#"{"jsonrpc":"2.0","id":43.5,"method":"shutdown"}"#.utf8)))
        XCTAssertEqual(errorCodeOf(server.waitForResponse(nil)), .invalidRequest, "fractional id")
        server.writeRaw(MessageFramer.frame(Array(#"[{"jsonrpc":"2.0","id":44,"method":"shutdown"}]"#.utf8)))
        XCTAssertEqual(errorCodeOf(server.waitForResponse(nil)), .invalidRequest, "a batch")
        // Well-formed messages with wrong parameter types: InvalidParams.
        server.open(Self.uri, Self.header)
        XCTAssertNotNil(server.diagnostics(Self.uri))
        for position: JSONValue in [["line": -1, "character": 0], ["line": "0", "character": 0], ["line": 0], [:], "x",
                                    ["line": 1e300, "character": 0], ["line": 0, "character": 9_223_372_036_854_775_807]] {
            let answer = server.request("textDocument/hover", ["textDocument": ["uri": .string(Self.uri)], "position": position])
            XCTAssertNotNil(answer, "\(position)")
        }
        XCTAssertEqual(errorCodeOf(server.request("textDocument/hover", ["textDocument": ["uri": .string(Self.uri)], "position": "x"])), .invalidParams)
        XCTAssertEqual(errorCodeOf(server.request("textDocument/hover", ["textDocument": 5])), .invalidParams)
        // Notifications with wrong types are dropped.
        server.notify("textDocument/didOpen", ["textDocument": ["uri": 5, "text": 6]])
        server.notify("textDocument/didChange", ["textDocument": ["uri": .string(Self.uri)], "contentChanges": "x"])
        server.notify("textDocument/didChange", ["textDocument": ["uri": .string(Self.uri)], "contentChanges": [5, ["range": "x", "text": 1]]])
        server.notify("textDocument/didClose", 5)
        server.notify("$/cancelRequest", ["id": ["x": 1]])
        // Responses the server never asked for are ignored.
        server.send(.response(id: 999, result: .null))
        server.assertAnswers()
        XCTAssertTrue(server.isRunning)
    }

    /// Bytes cut off in the middle of a body, then end of input: the server ends as at end of
    /// input (status 1 without shutdown), it does not crash.

    func testOutOfRangeEdits() throws {
        let server = try ServerProcess(self)
        server.initialize()
        let uri = Self.uri
        // Line 4 is 合计 100.00 100.00 (two A202); line 11 holds astral characters.
        let text = Self.header + Self.wrongTotal + "\n说明 一\n😀𠀀😀\n"
        server.open(uri, text)
        XCTAssertEqual(codes(server.diagnostics(uri, version: 1)).filter { $0 == "A202" }.count, 2)
        var version = 1
        func change(_ range: JSONValue?, _ newText: String) -> [String] {
            version += 1
            var change: JSONValue = ["text": .string(newText)]
            if let range { change = ["range": range, "text": .string(newText)] }
            server.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": [change]])
            return codes(server.diagnostics(uri, version: version))
        }
        func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> JSONValue {
            ["start": ["line": .int(l1), "character": .int(c1)], "end": ["line": .int(l2), "character": .int(c2)]]
        }
        // Reversed range: replaces 3..<9 ("100.00" of the first column) → one A202 left.
        XCTAssertEqual(change(range(5, 9, 5, 3), "90.00").filter { $0 == "A202" }.count, 1)
        // Character past the end of the line: clamped to the line's end, not into the next line.
        XCTAssertEqual(change(range(5, 3, 5, 10_000), "90.00 90.00").filter { $0 == "A202" }.count, 0)
        // Line past the end: appended at the end of the document.
        XCTAssertEqual(change(range(10_000, 5, 20_000, 0), "\n" + Self.wrongTotal.replacingOccurrences(of: "公开03", with: "公开05")).filter { $0 == "A202" }.count, 2)
        // Negative positions: clamped to the start.
        XCTAssertFalse(change(range(-5, -5, -1, -1), "").contains("S111"))
        // Ranges that split a surrogate pair (UTF-16 columns 1 and 3 of 😀𠀀😀): snapped to
        // character starts; the document stays valid UTF-8.
        XCTAssertFalse(change(range(13, 1, 13, 3), "半").contains("S111"))
        XCTAssertFalse(change(range(13, 1, 13, 1), "\u{FFFD}").contains("S111"))
        // A huge character offset and an Int.max line.
        XCTAssertFalse(change(range(9_223_372_036_854_775_807, 0, 9_223_372_036_854_775_807, 9_223_372_036_854_775_807), "x").contains("S111"))
        // A whole-document replacement still works after all that.
        XCTAssertEqual(change(nil, Self.header + Self.wrongTotal).filter { $0 == "A202" }.count, 2)
        // Edits to a document that is not open, and a stale version, are ignored.
        server.notify("textDocument/didChange", ["textDocument": ["uri": "file:///not-open", "version": 3], "contentChanges": [["text": "x"]]])
        server.assertAnswers(uri)
        XCTAssertTrue(server.isRunning)
    }

    func testRequestsAfterShutdown() throws {
        let server = try ServerProcess(self)
        server.initialize()
        server.open(Self.uri, Self.header + Self.wrongTotal)
        XCTAssertNotNil(server.diagnostics(Self.uri))
        XCTAssertEqual(server.request("shutdown").flatMap(resultOf), .null)
        XCTAssertEqual(errorCodeOf(hover(server)), .invalidRequest)
        XCTAssertEqual(errorCodeOf(server.request("textDocument/completion", ["textDocument": ["uri": .string(Self.uri)], "position": ["line": 0, "character": 0]])), .invalidRequest)
        XCTAssertEqual(errorCodeOf(server.request("shutdown")), .invalidRequest)
        XCTAssertEqual(errorCodeOf(server.request("initialize", ["capabilities": [:]])), .invalidRequest)
        XCTAssertEqual(errorCodeOf(server.request("no/such/method")), .invalidRequest)
        server.open("file:///late.juesuan", "x")  // dropped
        XCTAssertEqual(errorCodeOf(hover(server)), .invalidRequest)
        XCTAssertTrue(server.isRunning, "shutdown alone does not end the process")
        server.notify("exit")
        XCTAssertEqual(server.waitForExit(), 0)
        XCTAssertEqual(server.process.terminationReason, .exit)
    }

    func testRequestsBeforeInitialize() throws {
        let server = try ServerProcess(self)
        XCTAssertEqual(errorCodeOf(hover(server)), .serverNotInitialized)
        server.open(Self.uri, Self.wrongTotal)  // dropped
        server.initialize()
        XCTAssertEqual(errorCodeOf(hover(server)), .requestFailed, "the document opened before initialize was dropped")
    }

    /// Exit without shutdown, and end of input without shutdown: status 1, a normal exit.
    func testEndOfInputMidBodyIsANormalExit() throws {
        let server = try ServerProcess(self)
        server.initialize()
        server.writeRaw("Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"meth")
        server.closeInput()
        XCTAssertEqual(server.waitForExit(), 1)
        XCTAssertEqual(server.process.terminationReason, .exit, "no crash on a truncated body")
    }

    func testNULBytesAndInvalidTextInDocuments() throws {
        let server = try ServerProcess(self)
        server.initialize()
        let text = "\0部门 \0局\n年度 2024\0\n\0\n表 公开03\0 支出决算表\n合计 1\0.00\n" + "\n" + Self.wrongTotal
        server.open(Self.uri, text)
        XCTAssertEqual(codes(server.diagnostics(Self.uri)).filter { $0 == "A202" }.count, 2)
        // Escaped lone surrogates in the JSON text become U+FFFD.
        server.writeRaw(MessageFramer.frame(Array(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///s.juesuan","version":1,"text":"\ud800\udc00\ud800 x \udfff\u0000"}}}"#.utf8)))
        XCTAssertNotNil(server.diagnostics("file:///s.juesuan"))
        server.assertAnswers("file:///s.juesuan")
    }

    /// A 10 MB document: opened, its last table checked, requests answered; then 200 small
    /// edits, and the server's peak memory stays under a fixed bound.
    func testTenMegabyteDocumentAndBoundedMemory() throws {
        let server = try ServerProcess(self)
        server.initialize()
        let text = HostileInputAnalysisTests.large(megabytes: 10, bulk: "// 注释：本行只为让文件变大 0123456789 一二三四五六七八九十\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let totalLine = try XCTUnwrap(lines.lastIndex { $0.hasPrefix("合计 100.00") })
        server.open(Self.uri, text)
        XCTAssertEqual(codes(server.diagnostics(Self.uri, version: 1, timeout: 60)).filter { $0 == "A202" }.count, 2)
        XCTAssertNotNil(server.request("textDocument/hover", ["textDocument": ["uri": .string(Self.uri)], "position": ["line": .int(totalLine), "character": 4]]).flatMap(resultOf))
        let afterOpen = server.peakMemoryKiB
        // 200 one-character edits in the total row, in 20 notifications of 10 changes each.
        var version = 1
        for batch in 0..<20 {
            version += 1
            let changes: [JSONValue] = (0..<10).map { k in
                let digit = String((batch * 10 + k) % 10)
                return ["range": ["start": ["line": .int(totalLine), "character": 3], "end": ["line": .int(totalLine), "character": 4]],
                        "text": .string(digit == "1" ? "2" : "1")]
            }
            server.notify("textDocument/didChange", ["textDocument": ["uri": .string(Self.uri), "version": .int(version)], "contentChanges": .array(changes)])
        }
        XCTAssertNotNil(server.diagnostics(Self.uri, version: version, timeout: 60))
        server.assertAnswers(Self.uri)
        let peak = server.peakMemoryKiB
        // The document is 10 MB; the bound (400 MiB; measured: ~95 MiB after open, ~190 MiB
        // after the edits, debug build) leaves room for the JSON of didOpen, the text, its
        // line tables, the syntax tree and one superseded version, but not for a copy per edit.
        XCTAssertLessThan(peak, 400 << 10, "peak memory \(peak >> 10) MiB (after open: \(afterOpen >> 10) MiB)")
        print("10 MB document: VmHWM \(afterOpen >> 10) MiB after open, \(peak >> 10) MiB after 200 edits")
    }
}
