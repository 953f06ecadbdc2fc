import JuesuanFixtures
import JuesuanLanguageService
import JuesuanSyntax
import XCTest

final class PositionTests: XCTestCase {
    // 𠀀 (U+20000) is outside the BMP: 4 UTF-8 bytes, 2 UTF-16 units, 1 scalar.
    let text = "部门 测试局\n说明 𠀀情况：基本支出1.00万元\r\n第三行"

    func testOffsetsAndColumnsAfterNonBMPCharacter() {
        let source = SourceText(text)
        let line = "说明 𠀀情况：基本支出1.00万元"
        let prefix = "说明 𠀀情况："
        let offset = source.lineStarts[1] + prefix.utf8.count
        XCTAssertEqual(source.lineColumn(of: offset, unit: .utf16), LineColumn(line: 1, column: prefix.utf16.count))
        XCTAssertEqual(prefix.utf16.count, 8)
        XCTAssertEqual(source.lineColumn(of: offset, unit: .utf8), LineColumn(line: 1, column: prefix.utf8.count))
        XCTAssertEqual(source.lineColumn(of: offset, unit: .utf32), LineColumn(line: 1, column: prefix.unicodeScalars.count))
        XCTAssertEqual(source.offset(of: LineColumn(line: 1, column: 8), unit: .utf16), offset)
        XCTAssertEqual(source.offset(of: LineColumn(line: 1, column: prefix.utf8.count), unit: .utf8), offset)
        // Between the surrogates of 𠀀 (UTF-16 column 4): clamped to the character's start.
        let surrogateStart = source.lineStarts[1] + "说明 ".utf8.count
        XCTAssertEqual(source.offset(of: LineColumn(line: 1, column: 4), unit: .utf16), surrogateStart)
        XCTAssertEqual(source.lineColumn(of: surrogateStart + 2, unit: .utf16), LineColumn(line: 1, column: 3))
        _ = line
    }

    func testOutOfRangePositionsAreClamped() {
        let source = SourceText(text)
        XCTAssertEqual(source.offset(of: LineColumn(line: 1, column: 999), unit: .utf16), source.lineContentEnds[1])
        XCTAssertEqual(source.offset(of: LineColumn(line: 99, column: 0), unit: .utf16), source.bytes.count)
        XCTAssertEqual(source.offset(of: LineColumn(line: -1, column: 5), unit: .utf16), 0)
        XCTAssertEqual(source.lineColumn(of: 10_000, unit: .utf16), LineColumn(line: 2, column: 3))
        // The CR of a CRLF belongs to the line's end.
        XCTAssertEqual(source.lineColumn(of: source.lineContentEnds[1] + 1, unit: .utf16).line, 1)
    }

    func testIncrementalEditsInBothEncodings() {
        let source = SourceText(text)
        // Replace 1.00 by 2.50 after the astral character, counted in UTF-16 then in UTF-8.
        let before = "说明 𠀀情况：基本支出"
        let u16 = before.utf16.count, u8 = before.utf8.count
        let a = source.applying([TextChange(range: LineColumnRange(start: LineColumn(line: 1, column: u16), end: LineColumn(line: 1, column: u16 + 4)), text: "2.50")], unit: .utf16)
        let b = source.applying([TextChange(range: LineColumnRange(start: LineColumn(line: 1, column: u8), end: LineColumn(line: 1, column: u8 + 4)), text: "2.50")], unit: .utf8)
        let expected = text.replacingOccurrences(of: "1.00", with: "2.50")
        XCTAssertEqual(String(decoding: a.bytes, as: UTF8.self), expected)
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), expected)
    }

    func testSeveralChangesApplyInOrderAndOutOfRangeIsClamped() {
        let source = SourceText("甲\n乙\n")
        let changes = [
            TextChange(range: LineColumnRange(start: LineColumn(line: 0, column: 1), end: LineColumn(line: 0, column: 1)), text: "𠀀"),
            // Refers to the text after the first change: after 甲𠀀 (3 UTF-16 units).
            TextChange(range: LineColumnRange(start: LineColumn(line: 0, column: 3), end: LineColumn(line: 0, column: 3)), text: "丙"),
            // Reversed and past the end: put in order and clamped.
            TextChange(range: LineColumnRange(start: LineColumn(line: 50, column: 0), end: LineColumn(line: 1, column: 99)), text: "丁"),
        ]
        let result = source.applying(changes, unit: .utf16)
        XCTAssertEqual(String(decoding: result.bytes, as: UTF8.self), "甲𠀀丙\n乙丁")
        let whole = source.applying([TextChange(range: nil, text: "新")], unit: .utf16)
        XCTAssertEqual(String(decoding: whole.bytes, as: UTF8.self), "新")
    }
}

/// The one-pass position sweep (semantic tokens, issue 15) gives what the search gives, for
/// offsets in order, out of order, far apart and inside characters, in every unit.
final class PositionSweepTests: XCTestCase {
    func testSweepAgreesWithTheSearch() {
        let line = "收入合计 1,234.56 𠮷𠮷 abc 　全角\t表\r\n"
        let text = String(repeating: line, count: 300) + "末行没有换行 😀"
        let source = SourceText(text)
        var random = SplitMix64(seed: 17)
        for unit in ColumnUnit.allCases {
            var offsets = (0..<400).map { _ in Int(random.next() % UInt64(source.bytes.count + 10)) }
            offsets.sort()
            offsets += [5, 3, 0, source.bytes.count, source.bytes.count + 3, 12_000, 17]
            var sweep = PositionSweep(source, unit: unit)
            for offset in offsets {
                XCTAssertEqual(sweep.lineColumn(of: offset), source.lineColumn(of: offset, unit: unit), "\(unit) at \(offset)")
            }
        }
    }
}
