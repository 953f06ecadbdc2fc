import XCTest
@testable import LanguageServerProtocol

final class MessageFramerTests: XCTestCase {
    private func frame(_ body: String) -> [UInt8] { MessageFramer.frame(Array(body.utf8)) }

    private func drain(_ framer: inout MessageFramer) -> [MessageFramer.Output] {
        var outputs: [MessageFramer.Output] = []
        while let output = framer.next() { outputs.append(output) }
        return outputs
    }

    private func feed(_ bytes: [UInt8], framer: inout MessageFramer) -> [MessageFramer.Output] {
        framer.append(bytes)
        return drain(&framer)
    }

    private func body(_ text: String) -> MessageFramer.Output { .body(Array(text.utf8)) }

    func testWriterCountsBytesNotCharacters() {
        let body = #"{"label":"收入支出𠀋"}"#
        XCTAssertNotEqual(body.count, body.utf8.count)
        let framed = frame(body)
        XCTAssertEqual(framed, Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        XCTAssertTrue(String(decoding: framed, as: UTF8.self).hasPrefix("Content-Length: 28\r\n\r\n"))
    }

    func testSingleMessage() {
        var framer = MessageFramer()
        XCTAssertEqual(feed(frame("{}"), framer: &framer), [body("{}")])
        XCTAssertEqual(framer.bufferedByteCount, 0)
        XCTAssertNil(framer.next())
    }

    func testByteByByteFeeding() {
        let message = #"{"jsonrpc":"2.0","method":"initialized","params":{"名":"值"}}"#
        let bytes = frame(message) + frame("[]")
        var framer = MessageFramer()
        var outputs: [MessageFramer.Output] = []
        var firstCompletedAt: Int?
        for (k, byte) in bytes.enumerated() {
            let got = feed([byte], framer: &framer)
            if !got.isEmpty && firstCompletedAt == nil { firstCompletedAt = k }
            outputs += got
        }
        XCTAssertEqual(outputs, [body(message), body("[]")])
        XCTAssertEqual(firstCompletedAt, frame(message).count - 1, "a body must not be released before its last byte")
    }

    func testCoalescedTwoAndAHalfMessages() {
        let a = frame(#"{"id":1}"#), b = frame(#"{"id":2}"#), c = frame(#"{"id":3,"text":"表 公开01"}"#)
        let half = c.count / 2
        var framer = MessageFramer()
        XCTAssertEqual(feed(a + b + Array(c[..<half]), framer: &framer), [body(#"{"id":1}"#), body(#"{"id":2}"#)])
        XCTAssertNil(framer.next(), "the third message is incomplete")
        XCTAssertEqual(feed(Array(c[half...]), framer: &framer), [body(#"{"id":3,"text":"表 公开01"}"#)])
    }

    func testCJKBodyUsesByteLength() {
        let text = #"{"text":"收入支出决算总表"}"#
        var framer = MessageFramer()
        // Trailing bytes belong to the next message and must not be swallowed.
        let outputs = feed(frame(text) + Array("Content-Len".utf8), framer: &framer)
        XCTAssertEqual(outputs, [body(text)])
        XCTAssertEqual(framer.bufferedByteCount, "Content-Len".utf8.count)
    }

    func testHeaderNameCaseAndWhitespaceAndUnknownHeaders() {
        var framer = MessageFramer()
        let raw = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-LENGTH:\t 2  \r\n\r\n{}"
        XCTAssertEqual(feed(Array(raw.utf8), framer: &framer), [body("{}")])
        let noSpace = "CONTENT-LENGTH:2\r\n\r\n[]"
        XCTAssertEqual(feed(Array(noSpace.utf8), framer: &framer), [body("[]")])
    }

    func testStrayLineBreakBetweenMessagesIsTolerated() {
        var framer = MessageFramer()
        XCTAssertEqual(feed(frame("{}") + Array("\r\n".utf8) + frame("[]"), framer: &framer), [body("{}"), body("[]")])
    }

    func testMissingContentLengthRecoversAtNextMessage() {
        var framer = MessageFramer()
        let bad = Array("Content-Type: text/plain\r\n\r\n{\"lost\":true}".utf8)
        XCTAssertEqual(feed(bad + frame("[1]"), framer: &framer), [.error(.missingContentLength), body("[1]")])
    }

    func testNonNumericContentLength() {
        var framer = MessageFramer()
        let bad = Array("Content-Length: abc\r\n\r\n{}".utf8)
        XCTAssertEqual(feed(bad + frame("[2]"), framer: &framer), [.error(.invalidContentLength("abc")), body("[2]")])
        let negative = Array("Content-Length: -5\r\n\r\n".utf8)
        XCTAssertEqual(feed(negative + frame("[3]"), framer: &framer), [.error(.invalidContentLength("-5")), body("[3]")])
        let empty = Array("Content-Length: \r\n\r\n".utf8)
        XCTAssertEqual(feed(empty + frame("[4]"), framer: &framer), [.error(.invalidContentLength("")), body("[4]")])
    }

    func testHugeContentLengthIsRejectedAndResynchronised() {
        var framer = MessageFramer()
        let huge = Array("Content-Length: 99999999999\r\n\r\n{\"partial\":".utf8)
        XCTAssertEqual(feed(huge + frame("[5]"), framer: &framer), [.error(.contentLengthTooLarge(99_999_999_999)), body("[5]")])
        let overflow = Array("Content-Length: 999999999999999999999999999\r\n\r\n".utf8)
        XCTAssertEqual(feed(overflow + frame("[6]"), framer: &framer), [.error(.contentLengthTooLarge(Int.max)), body("[6]")])
        var small = MessageFramer(maximumBodyLength: 4)
        XCTAssertEqual(feed(frame("[1,2]") + frame("[7]"), framer: &small), [.error(.contentLengthTooLarge(5)), body("[7]")])
    }

    func testHeaderTooLongWithoutBlankLine() {
        var framer = MessageFramer(maximumHeaderLength: 1024)
        let garbage = [UInt8](repeating: UInt8(ascii: "x"), count: 5000)
        XCTAssertEqual(feed(garbage, framer: &framer), [.error(.headerTooLong)])
        XCTAssertLessThan(framer.bufferedByteCount, 20, "garbage must be discarded, not accumulated")
        XCTAssertEqual(feed(garbage + frame("[8]"), framer: &framer), [body("[8]")])
    }

    func testMalformedHeaderLine() {
        var framer = MessageFramer()
        let bad = Array("garbage without colon\r\nContent-Length: 2\r\n\r\n{}".utf8)
        let outputs = feed(bad, framer: &framer)
        XCTAssertEqual(outputs.count, 2)
        guard case .error(.malformedHeader)? = outputs.first else { return XCTFail("\(outputs)") }
        XCTAssertEqual(outputs.last, body("{}"))
    }

    func testLyingShortLengthRecoversAtNextMessage() {
        var framer = MessageFramer()
        let lie = Array("Content-Length: 5\r\n\r\n{\"a\":1}".utf8)
        let outputs = feed(lie + frame(#"{"id":9}"#), framer: &framer)
        XCTAssertEqual(outputs.first, body(#"{"a":"#))
        XCTAssertEqual(outputs.last, body(#"{"id":9}"#))
        XCTAssertEqual(outputs.count, 3, "\(outputs)")
        guard case .error = outputs[1] else { return XCTFail("expected a framing error, got \(outputs)") }
    }

    func testLyingLongLengthLosesOneMessageThenRecovers() {
        var framer = MessageFramer()
        let realBody = #"{"a":1}"#
        let lie = Array("Content-Length: \(realBody.utf8.count + 10)\r\n\r\n\(realBody)".utf8)
        let outputs = feed(lie + frame(#"{"id":1}"#) + frame(#"{"id":2}"#), framer: &framer)
        // The first body swallows the start of the second header; the third message survives.
        XCTAssertEqual(outputs.first, body(realBody + "Content-Le"))
        XCTAssertEqual(outputs.last, body(#"{"id":2}"#))
        XCTAssertTrue(outputs.contains(.error(.missingContentLength)), "\(outputs)")
    }

    func testResynchronisationAcrossChunkBoundary() {
        var framer = MessageFramer()
        XCTAssertEqual(feed(Array("Content-Length: x\r\n\r\njunk".utf8), framer: &framer), [.error(.invalidContentLength("x"))])
        let next = frame("{}")
        // Split inside the header name the framer is searching for.
        XCTAssertEqual(feed(Array(next[..<7]), framer: &framer), [])
        XCTAssertEqual(feed(Array(next[7...]), framer: &framer), [body("{}")])
    }

    func testRandomChunkingYieldsTheSameBodies() {
        let bodies = (0..<40).map { k in #"{"id":\#(k),"text":"\#(String(repeating: "收入𠀋", count: k))"}"# }
        let stream = bodies.flatMap { frame($0) }
        var rng = SplitMix64(seed: 7)
        for _ in 0..<50 {
            var framer = MessageFramer()
            var outputs: [MessageFramer.Output] = []
            var position = 0
            while position < stream.count {
                let length = 1 + Int(rng.next() % 300)
                let end = min(stream.count, position + length)
                outputs += feed(Array(stream[position..<end]), framer: &framer)
                position = end
            }
            XCTAssertEqual(outputs, bodies.map(body))
        }
    }

    func testZeroLengthBody() {
        var framer = MessageFramer()
        XCTAssertEqual(feed(Array("Content-Length: 0\r\n\r\n".utf8), framer: &framer), [.body([])])
    }
}
