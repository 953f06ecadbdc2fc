import XCTest
@testable import LanguageServerProtocol

final class LineIndexTests: XCTestCase {
    /// 𠀋 (U+2000B) is outside the BMP: 2 UTF-16 units, 4 UTF-8 bytes.
    private let line = "表 公开01 收入𠀋支出 363.59"

    private func p(_ line: Int, _ character: Int) -> Position { Position(line: line, character: character) }
    private func r(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> PositionRange { PositionRange(start: p(a, b), end: p(c, d)) }

    func testCharacterWidthsOfTheSampleLine() {
        XCTAssertEqual(line.utf16.count, 20)
        XCTAssertEqual(line.utf8.count, 36)
        XCTAssertEqual(line.unicodeScalars.count, 19)
    }

    func testUTF16Conversions() {
        let index = LineIndex(line)
        // (UTF-16 column, byte offset) of: start, 公, '0', 收, 𠀋, 支, '3', end.
        let pairs = [(0, 0), (2, 4), (4, 10), (7, 13), (9, 19), (11, 23), (14, 30), (20, 36)]
        for (column, byte) in pairs {
            XCTAssertEqual(index.offset(of: p(0, column), in: .utf16), byte, "column \(column)")
            XCTAssertEqual(index.position(ofOffset: byte, in: .utf16), p(0, column), "byte \(byte)")
        }
    }

    func testUTF8AndUTF32Conversions() {
        let index = LineIndex(line)
        for byte in [0, 3, 4, 13, 19, 23, 36] {
            XCTAssertEqual(index.offset(of: p(0, byte), in: .utf8), byte)
            XCTAssertEqual(index.position(ofOffset: byte, in: .utf8), p(0, byte))
        }
        XCTAssertEqual(index.offset(of: p(0, 10), in: .utf32), 23, "支 is the 11th scalar")
        XCTAssertEqual(index.position(ofOffset: 23, in: .utf32), p(0, 10))
    }

    func testPositionsInsideACharacterSnapToItsStart() {
        let index = LineIndex(line)
        // UTF-16 column 10 is between the two surrogates of 𠀋.
        XCTAssertEqual(index.offset(of: p(0, 10), in: .utf16), 19)
        // UTF-8 columns 20...22 are inside 𠀋's four bytes; 14 and 15 are inside 收.
        for column in 20...22 { XCTAssertEqual(index.offset(of: p(0, column), in: .utf8), 19) }
        XCTAssertEqual(index.offset(of: p(0, 15), in: .utf8), 13)
        // Byte offsets inside a character report that character's start.
        XCTAssertEqual(index.position(ofOffset: 21, in: .utf16), p(0, 9))
        XCTAssertEqual(index.position(ofOffset: 2, in: .utf8), p(0, 0))
    }

    func testClamping() {
        let index = LineIndex("第一行\n第二行")
        XCTAssertEqual(index.offset(of: p(0, 99), in: .utf16), 9, "past the line end → end of line, not past the LF")
        XCTAssertEqual(index.offset(of: p(1, 99), in: .utf16), 19)
        XCTAssertEqual(index.offset(of: p(7, 0), in: .utf16), 19, "past the last line → end of document")
        XCTAssertEqual(index.offset(of: p(-1, 5), in: .utf16), 0)
        XCTAssertEqual(index.offset(of: p(1, -3), in: .utf16), 10)
        XCTAssertEqual(index.position(ofOffset: 999, in: .utf16), p(1, 3))
        XCTAssertEqual(index.position(ofOffset: -4, in: .utf16), p(0, 0))
        XCTAssertEqual(LineIndex("").offset(of: p(3, 3), in: .utf8), 0)
        XCTAssertEqual(LineIndex("").position(ofOffset: 3, in: .utf8), p(0, 0))
    }

    func testLineEndings() {
        let index = LineIndex("a\r\n表b\r\nc")
        XCTAssertEqual(index.lineCount, 3)
        XCTAssertEqual(index.offset(of: p(1, 1), in: .utf16), 6, "b follows 表 on line 1")
        XCTAssertEqual(index.offset(of: p(1, 99), in: .utf16), 7, "end of line 1 is before its CR")
        XCTAssertEqual(index.offset(of: p(2, 0), in: .utf16), 9)
        XCTAssertEqual(index.position(ofOffset: 2, in: .utf16), p(0, 1), "the LF of a CRLF belongs to the line end")
        XCTAssertEqual(index.lineContent(1), 3..<7)

        let mixed = LineIndex("a\rb\nc\r\nd\n")
        XCTAssertEqual(mixed.lineCount, 5)
        XCTAssertEqual(mixed.offset(of: p(1, 0), in: .utf8), 2)
        XCTAssertEqual(mixed.offset(of: p(2, 0), in: .utf8), 4)
        XCTAssertEqual(mixed.offset(of: p(3, 0), in: .utf8), 7)
        XCTAssertEqual(mixed.offset(of: p(4, 0), in: .utf8), 9, "a trailing newline starts an empty last line")
        XCTAssertEqual(mixed.position(ofOffset: 9, in: .utf8), p(4, 0))

        let blankLines = LineIndex("\r\n\r\n")
        XCTAssertEqual(blankLines.lineCount, 3)
        XCTAssertEqual(blankLines.lineContent(0), 0..<0)
        XCTAssertEqual(blankLines.offset(of: p(1, 5), in: .utf16), 2)
    }

    func testRoundTripAgainstSwiftStringViews() {
        let text = "表 公开01 收入𠀋支出 363.59\r\n\u{3000}（一）😀é\rx\n\n最后"
        let index = LineIndex(text)
        for encoding in PositionEncoding.allCases {
            var offset = 0
            var previous: Unicode.Scalar = "\0"
            for scalar in text.unicodeScalars {
                defer { offset += String(scalar).utf8.count; previous = scalar }
                // The LF of a CRLF is not a position of its own: it maps to the line's end.
                if previous == "\r" && scalar == "\n" { continue }
                let position = index.position(ofOffset: offset, in: encoding)
                XCTAssertEqual(index.offset(of: position, in: encoding), offset, "\(encoding) \(position)")
            }
        }
        // Cross-check UTF-16 columns with Foundation-free String arithmetic on the second line.
        let secondLineStart = text.utf8.index(text.utf8.startIndex, offsetBy: 38)
        let emoji = text.range(of: "😀")!.lowerBound
        let column = text.utf16.distance(from: secondLineStart, to: emoji)
        XCTAssertEqual(index.position(ofOffset: text.utf8.distance(from: text.startIndex, to: emoji), in: .utf16),
                       p(1, column))
    }

    func testIncrementalEditsUTF16() {
        var text = "表 公开01 收入𠀋支出 363.59\n合计 100.00\n"
        func edit(_ range: PositionRange?, _ newText: String) {
            text = LineIndex(text).applyChange(range: range, text: newText, encoding: .utf16)
        }
        edit(r(0, 14, 0, 20), "400.00")              // replace the amount after the astral character
        XCTAssertEqual(text, "表 公开01 收入𠀋支出 400.00\n合计 100.00\n")
        edit(r(0, 9, 0, 9), "𠀋")                     // insert an astral character after 入
        XCTAssertEqual(text, "表 公开01 收入𠀋𠀋支出 400.00\n合计 100.00\n")
        edit(r(0, 13, 0, 14), "")                     // delete 支 (now at column 13)
        XCTAssertEqual(text, "表 公开01 收入𠀋𠀋出 400.00\n合计 100.00\n")
        edit(r(0, 1, 0, 1), "注")                     // insert a BMP CJK character
        XCTAssertEqual(text, "表注 公开01 收入𠀋𠀋出 400.00\n合计 100.00\n")
        edit(r(0, 22, 1, 2), "；")                    // join lines across the newline
        XCTAssertEqual(text, "表注 公开01 收入𠀋𠀋出 400.00； 100.00\n")
        edit(r(9, 0, 12, 4), "尾")                    // out of range → append at the end
        XCTAssertEqual(text, "表注 公开01 收入𠀋𠀋出 400.00； 100.00\n尾")
        edit(r(1, 1, 0, 99), "")                      // reversed range is put in order
        XCTAssertEqual(text, "表注 公开01 收入𠀋𠀋出 400.00； 100.00")
        edit(r(0, 11, 0, 11), "X")                    // mid-pair insertion snaps to the pair's start
        XCTAssertEqual(text, "表注 公开01 收入X𠀋𠀋出 400.00； 100.00")
        edit(r(0, 11, 0, 13), "")                     // a range ending mid-pair never splits the pair
        XCTAssertEqual(text, "表注 公开01 收入X𠀋出 400.00； 100.00")
        edit(nil, "全文替换")
        XCTAssertEqual(text, "全文替换")
    }

    func testIncrementalEditsUTF8() {
        let start = "表 公开01 收入𠀋支出 363.59"
        let index = LineIndex(start)
        // Replace 𠀋 (bytes 19..<23) with a BMP character.
        XCTAssertEqual(index.applyChange(range: r(0, 19, 0, 23), text: "中", encoding: .utf8), "表 公开01 收入中支出 363.59")
        // The same columns in UTF-16 would mean something else entirely.
        XCTAssertEqual(index.applyChange(range: r(0, 19, 0, 20), text: "", encoding: .utf16), "表 公开01 收入𠀋支出 363.5")
    }

    func testApplyingContentChangesFromJSON() throws {
        let params = try JSONValue(parsing: #"""
        {"contentChanges":[
          {"range":{"start":{"line":0,"character":2},"end":{"line":0,"character":4}},"rangeLength":2,"text":"决算"},
          {"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":0}},"text":"新"},
          {"text":"ignored?","range":null}
        ]}
        """#)
        let changes = try XCTUnwrap(params["contentChanges"]?.arrayValue?.compactMap(TextDocumentContentChange.init(json:)))
        XCTAssertEqual(changes.count, 3)
        XCTAssertNil(changes[2].range)
        XCTAssertEqual(LineIndex.applying(Array(changes.prefix(2)), to: "表 公开01\r\n收入", encoding: .utf16),
                       "表 决算01\r\n新收入")
        XCTAssertEqual(LineIndex.applying(changes, to: "x", encoding: .utf16), "ignored?")
        XCTAssertNil(TextDocumentContentChange(json: ["range": ["start": 1], "text": "x"]))
        XCTAssertNil(TextDocumentContentChange(json: ["range": r(0, 0, 0, 0).json]))
    }

    func testNegotiation() throws {
        XCTAssertEqual(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]), .utf8)
        XCTAssertEqual(PositionEncoding.negotiate(offered: ["utf-32"]), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(offered: nil), .utf16)
        let params = try JSONValue(parsing: #"{"capabilities":{"general":{"positionEncodings":["utf-32","utf-8"]}}}"#)
        XCTAssertEqual(PositionEncoding.negotiate(initializeParams: params), .utf8)
        XCTAssertEqual(PositionEncoding.negotiate(initializeParams: ["capabilities": [:]]), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(initializeParams: nil), .utf16)
        XCTAssertEqual(PositionEncoding.utf8.rawValue, "utf-8")
    }

    func testPositionAndRangeJSON() {
        let range = r(1, 2, 3, 4)
        XCTAssertEqual(range.json.serializedString(), #"{"end":{"character":4,"line":3},"start":{"character":2,"line":1}}"#)
        XCTAssertEqual(PositionRange(json: range.json), range)
        XCTAssertNil(Position(json: ["line": "1", "character": 0]))
        XCTAssertTrue(p(0, 9) < p(1, 0))
    }

    func testConversionIsLinearInLineLengthNotDocumentLength() {
        // 50k lines: every conversion near the end must stay cheap after one index build.
        let text = String(repeating: "表 公开01 收入𠀋支出 363.59\n", count: 50_000)
        let index = LineIndex(text)
        let begin = Date()
        for k in 0..<20_000 {
            let line = 49_999 - (k % 100)
            let offset = index.offset(of: p(line, 12), in: .utf16)
            XCTAssertEqual(index.position(ofOffset: offset, in: .utf16).line, line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(begin), 5)
    }
}
