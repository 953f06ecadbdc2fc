import LanguageServerProtocol
import XCTest

/// Issue 17 (10): a header ended by a bare LF LF is read as meant and never swallows the next,
/// correct frame, whether the bytes come at once or one at a time.
final class FramerLineEndingTests: XCTestCase {
    func bodies(_ stream: [UInt8], chunk: Int) -> [MessageFramer.Output] {
        var framer = MessageFramer()
        var out: [MessageFramer.Output] = []
        var index = 0
        while index < stream.count {
            framer.append(stream[index..<min(index + chunk, stream.count)])
            index += chunk
            while let next = framer.next() { out.append(next) }
        }
        return out
    }

    func testMixedLineEndings() {
        let a = Array(#"{"a":1}"#.utf8), b = Array(#"{"b":2}"#.utf8), c = Array(#"{"c":3}"#.utf8)
        var stream = Array("Content-Length: \(a.count)\n\n".utf8) + a
        stream += MessageFramer.frame(b)
        stream += Array("Content-Length: \(c.count)\r\n\n".utf8) + c  // CR LF, then a bare LF
        stream += MessageFramer.frame(a)
        for chunk in [1, 2, 3, 7, stream.count] {
            XCTAssertEqual(bodies(stream, chunk: chunk), [.body(a), .body(b), .body(c), .body(a)], "chunks of \(chunk)")
        }
    }

    func testCRLFFramesAreUnchanged() {
        let a = Array("{\"text\":\"第一\\n\\n第二\"}".utf8)
        let stream = Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: \(a.count)\r\n\r\n".utf8) + a + MessageFramer.frame(a)
        for chunk in [1, 5, stream.count] {
            XCTAssertEqual(bodies(stream, chunk: chunk), [.body(a), .body(a)])
        }
    }

    func testBrokenHeaderStillResynchronises() {
        let a = Array(#"{"a":1}"#.utf8)
        let stream = Array("Content-Length: x\n\n".utf8) + MessageFramer.frame(a)
        let out = bodies(stream, chunk: 3)
        XCTAssertEqual(out.last, .body(a))
        XCTAssertTrue(out.contains { if case .error = $0 { true } else { false } })
    }
}
