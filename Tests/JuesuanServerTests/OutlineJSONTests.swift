import XCTest
import JuesuanFixtures
import JuesuanLanguageService
@testable import JuesuanServer
import JuesuanSyntax
import LanguageServerProtocol

/// The outline's JSON reused from the last answer is exactly what a fresh conversion gives, after
/// any edit: figures typed, characters inserted before a symbol on its line or on lines above,
/// lines added and removed, titles renamed.
final class OutlineJSONTests: XCTestCase {
    func converter(_ source: SourceText, unit: ColumnUnit = .utf16) -> Converter {
        Converter(source: source, unit: unit, uri: "file:///r.juesuan", documentationBase: "https://docs.example/")
    }

    func outline(_ text: String, unit: ColumnUnit = .utf16, previous: OutlineJSON?) -> (reused: OutlineJSON, fresh: OutlineJSON) {
        let snapshot = DocumentSnapshot(uri: "file:///r.juesuan", version: 1, text: text)
        let symbols = snapshot.limitedOutline()
        let converter = converter(snapshot.source, unit: unit)
        return (OutlineJSON(symbols, converter: converter, previous: previous), OutlineJSON(symbols, converter: converter, previous: nil))
    }

    func testReusedOutlineIsWhatAFreshConversionGives() throws {
        var generator = ReportGenerator(seed: 21)
        var text = generator.largeReport(minimumLines: 900, prose: true)
        var (last, fresh) = outline(text, previous: nil)
        XCTAssertEqual(last.json, fresh.json)
        XCTAssertGreaterThan(last.nodes.count, 5)

        // A figure typed at the end of a row in the middle: every other top-level symbol is reused.
        var lines = text.components(separatedBy: "\n")
        let row = try XCTUnwrap(lines.indices.dropFirst(lines.count / 2).first { lines[$0].range(of: #"^\d{3,7}\s.*\d$"#, options: .regularExpression) != nil })
        lines[row] += "7"
        text = lines.joined(separator: "\n")
        (last, fresh) = outline(text, previous: last)
        XCTAssertEqual(last.json, fresh.json)
        XCTAssertEqual(last.reusedWhole, last.nodes.count - 1, "only the edited block's symbol is made again")

        // Chinese characters inserted in a comment near the top (every later offset moves, no
        // position does): everything after it is reused.
        let comment = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("表") })
        lines.insert("// 注释", at: comment)
        text = lines.joined(separator: "\n")
        (last, fresh) = outline(text, previous: last)
        XCTAssertEqual(last.json, fresh.json)
        lines[comment] = "// 注释，加长了这一行"
        text = lines.joined(separator: "\n")
        (last, fresh) = outline(text, previous: last)
        XCTAssertEqual(last.json, fresh.json)
        XCTAssertGreaterThan(last.reusedWhole, last.nodes.count / 2)

        // A character replaced by as many bytes of another width (three ASCII letters for a
        // Chinese character) on the last line of each 说明: the symbols and their byte ranges
        // stay, the column where the block's range ends moves.
        var proseEnds: [Int] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("说明") {
            if let end = lines[index...].firstIndex(where: \.isEmpty), end - 1 > index { proseEnds.append(end - 1) }
        }
        XCTAssertGreaterThan(proseEnds.count, 3)
        for index in proseEnds.prefix(6) {
            let scalars = Array(lines[index].unicodeScalars)
            let wide = try XCTUnwrap(scalars.lastIndex { $0.value >= 0x4E00 })
            lines[index] = String(String.UnicodeScalarView(scalars[..<wide] + "abc".unicodeScalars + scalars[(wide + 1)...]))
            text = lines.joined(separator: "\n")
            (last, fresh) = outline(text, previous: last)
            XCTAssertEqual(last.json, fresh.json, "line \(index)")
        }

        // Random edits anywhere: whatever is reused, the answer is the fresh one.
        var random = SplitMix64(seed: 99)
        let pieces = ["7", "0.5", "\n", "中", "表", "合计", " ", "", "\n\n", "说明"]
        for step in 0..<40 {
            var scalars = Array(text.unicodeScalars)
            let at = Int(random.next() % UInt64(scalars.count))
            let removed = Int(random.next() % 4)
            let inserted = pieces[Int(random.next() % UInt64(pieces.count))]
            scalars.replaceSubrange(at..<min(scalars.count, at + removed), with: inserted.unicodeScalars)
            text = String(String.UnicodeScalarView(scalars))
            (last, fresh) = outline(text, previous: last)
            XCTAssertEqual(last.json, fresh.json, "step \(step)")
        }

        // Another column unit: nothing is reused, and the answer is that unit's.
        let utf8 = outline(text, unit: .utf8, previous: last)
        XCTAssertEqual(utf8.reused.json, utf8.fresh.json)
        XCTAssertEqual(utf8.reused.reusedWhole, 0)
    }
}
