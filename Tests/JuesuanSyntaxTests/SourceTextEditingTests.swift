import JuesuanFixtures
@testable import JuesuanSyntax
import XCTest

/// `SourceText.replacing` rescans only the lines an edit touches; its line table must be the
/// one a full scan of the new text gives, whatever the line endings around the edit.
final class SourceTextEditingTests: XCTestCase {
    func assertSameAsFullScan(_ edited: SourceText, _ message: @autoclosure () -> String, line: UInt = #line) {
        let full = SourceText(bytes: edited.bytes)
        XCTAssertEqual(edited.lineStarts, full.lineStarts, message(), line: line)
        XCTAssertEqual(edited.lineContentEnds, full.lineContentEnds, message(), line: line)
        XCTAssertEqual(edited.longLineCheckpoints.keys.sorted(), full.longLineCheckpoints.keys.sorted(), message(), line: line)
        for (key, points) in full.longLineCheckpoints {
            let ours = edited.longLineCheckpoints[key] ?? []
            XCTAssertEqual(ours.map(\.byte), points.map(\.byte), message(), line: line)
            XCTAssertEqual(ours.map(\.utf16), points.map(\.utf16), message(), line: line)
            XCTAssertEqual(ours.map(\.display), points.map(\.display), message(), line: line)
        }
    }

    /// The cases where a line break is made, unmade or changes kind at the edge of an edit.
    func testBreaksAtTheEdgesOfAnEdit() {
        let cases: [(String, Int, Int, String)] = [
            ("甲\r乙", 4, 4, "\n"),          // an LF after a lone CR makes one CRLF
            ("甲\r\n乙", 4, 5, ""),          // deleting the LF of a CRLF leaves a lone CR
            ("甲\r\n乙", 3, 4, ""),          // deleting the CR leaves an LF
            ("甲\n乙", 3, 3, "\r"),          // a CR before an LF makes one CRLF
            ("甲\r\n乙\n丙", 4, 4, "x"),     // an edit between CR and LF splits them
            ("", 0, 0, "\n\n"),
            ("一\n二\n三\n", 0, 12, ""),     // everything deleted
            ("一\n二\n三", 4, 7, "\r\n\r\n四\r"),
            ("末行", 6, 6, "\n"),
        ]
        for (text, start, end, inserted) in cases {
            let edited = SourceText(text).replacing(SourceRange(start: start, end: end), with: Array(inserted.utf8))
            var expected = Array(text.utf8)
            expected.replaceSubrange(start..<end, with: Array(inserted.utf8))
            XCTAssertEqual(edited.bytes, expected)
            assertSameAsFullScan(edited, "\(text.debugDescription) [\(start), \(end)) ← \(inserted.debugDescription)")
        }
    }

    /// Random edits (line breaks of every kind, CJK text, long lines) on random texts.
    func testRandomEditsGiveTheFullScansLineTable() {
        var random = SplitMix64(seed: 15)
        let pieces = ["\n", "\r\n", "\r", "合计", "  12.50", "a", "公开01", "\u{1F600}", "\t"]
        func randomText(_ pieceCount: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            for _ in 0..<pieceCount {
                if random.next() % 97 == 0 {
                    // A line longer than the checkpoint stride.
                    bytes += Array(String(repeating: "决算", count: 900 + Int(random.next() % 900)).utf8)
                } else {
                    bytes += Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8)
                }
            }
            return bytes
        }
        /// A scalar boundary at or before `offset`.
        func boundary(_ bytes: [UInt8], _ offset: Int) -> Int {
            var offset = min(offset, bytes.count)
            while offset > 0, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        }
        for round in 0..<400 {
            var source = SourceText(bytes: randomText(Int(random.next() % 200)))
            for step in 0..<8 {
                let a = boundary(source.bytes, Int(random.next() % UInt64(source.bytes.count + 1)))
                let b = boundary(source.bytes, a + Int(random.next() % 40))
                let inserted = randomText(Int(random.next() % 6))
                let edited = source.replacing(SourceRange(start: a, end: max(a, b)), with: inserted)
                var expected = source.bytes
                expected.replaceSubrange(a..<max(a, b), with: inserted)
                XCTAssertEqual(edited.bytes, expected)
                assertSameAsFullScan(edited, "round \(round) step \(step)")
                source = edited
            }
        }
    }
}
