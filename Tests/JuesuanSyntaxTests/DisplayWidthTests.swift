import XCTest
@testable import JuesuanSyntax

final class DisplayWidthTests: XCTestCase {
    func testExamplesFromReports() {
        XCTAssertEqual(DisplayWidth.of("合计"), 4)
        XCTAssertEqual(DisplayWidth.of("363.59"), 6)
        XCTAssertEqual(DisplayWidth.of("（一）"), 6)
        XCTAssertEqual(DisplayWidth.of("社会保障和就业支出"), 18)
        XCTAssertEqual(DisplayWidth.of("2080502 事业单位离退休"), 8 + 14)
        XCTAssertEqual(DisplayWidth.of("，。：、％"), 10)
    }

    func testWideAndFullwidthScalars() {
        XCTAssertEqual(DisplayWidth.of("𠀋"), 2)            // CJK extension B, plane 2
        XCTAssertEqual(DisplayWidth.of("\u{3000}"), 2)     // ideographic space
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("한"), 2)            // Hangul syllable
        XCTAssertEqual(DisplayWidth.of("Ａ１"), 4)           // fullwidth forms
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x3134A)!), 2) // extension G, plane 3
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x323AF)!), 2) // unassigned here, default W
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x9FFF)!), 2)
    }

    func testIdeographShortcutAgreesWithTheTable() {
        for value in UInt32(0x4E00)...0x9FFF { XCTAssertEqual(DisplayWidth.searchedWidth(value), 2, String(value, radix: 16)) }
        for value in [UInt32(0x4DFF), 0xA000, 0x3000, 0xFF0C] {
            XCTAssertEqual(DisplayWidth.tableWidth(value), DisplayWidth.searchedWidth(value), String(value, radix: 16))
        }
        // Every shortcut (ideographs, full-width forms, CJK punctuation), on every scalar.
        for value in UInt32(0x80)...0x10FFFF where DisplayWidth.tableWidth(value) != DisplayWidth.searchedWidth(value) {
            XCTFail(String(value, radix: 16)); return
        }
    }

    func testZeroWidth() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)      // combining acute
        XCTAssertEqual(DisplayWidth.of("\u{200B}"), 0)      // zero width space (Cf)
        XCTAssertEqual(DisplayWidth.of("\u{FEFF}"), 0)      // BOM / ZWNBSP (Cf)
        XCTAssertEqual(DisplayWidth.of("\u{20DD}"), 0)      // enclosing circle (Me)
        XCTAssertEqual(DisplayWidth.of("\t\n\r\u{7F}\u{85}"), 0) // controls
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}"), 2) // conjoining jamo L V T
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testNarrowAndAmbiguous() {
        XCTAssertEqual(DisplayWidth.of("abc XYZ"), 7)
        XCTAssertEqual(DisplayWidth.of("é"), 1)
        XCTAssertEqual(DisplayWidth.of("±§°"), 3)           // East Asian Ambiguous
        XCTAssertEqual(DisplayWidth.of("①"), 1)             // Ambiguous
        XCTAssertEqual(DisplayWidth.of("ｱ"), 1)             // halfwidth katakana
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0xE000)!), 1) // private use
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x10FFFF)!), 1)
    }

    func testMixedAndSubstring() {
        let text = "abc合计363.59（一）"
        XCTAssertEqual(DisplayWidth.of(text), 3 + 4 + 6 + 6)
        let sub = text.dropFirst(2)                         // "c合计…"
        XCTAssertEqual(DisplayWidth.of(sub), 1 + 4 + 6 + 6)
        XCTAssertEqual(DisplayWidth.of(text[text.index(text.startIndex, offsetBy: 3)...]), 4 + 6 + 6)
    }

    func testStringEqualsSumOfScalars() {
        let samples = ["一般公共服务支出", "a\u{301}b", "😀x", "（二）项目支出", "\u{3000}\u{3000}12"]
        for s in samples {
            XCTAssertEqual(DisplayWidth.of(s), s.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }, s)
        }
    }

    func testTableIsSortedAndDisjoint() {
        let starts = DisplayWidthTable.starts
        let ends = DisplayWidthTable.ends
        XCTAssertEqual(starts.count, ends.count)
        for i in starts.indices {
            let end = ends[i] & 0x00FF_FFFF
            XCTAssertLessThanOrEqual(starts[i], end)
            XCTAssertTrue([0, 2].contains(ends[i] >> 24))
            if i > 0 { XCTAssertGreaterThan(starts[i], ends[i - 1] & 0x00FF_FFFF) }
        }
    }
}
