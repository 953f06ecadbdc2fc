import XCTest
@testable import JuesuanLint

final class JSONFormatTests: XCTestCase {
    func testSchemaAndKeyOrder() throws {
        let text = JSONFormatter().format(lintResult(Fixtures.wrongTotal, path: "a.juesuan"))
        let root = try XCTUnwrap(try parseJSON(text) as? [String: Any])
        XCTAssertEqual(Set(root.keys), ["files", "summary"])
        let summary = try XCTUnwrap(root["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["files": 1, "errors": 2, "warnings": 0, "information": 0, "hints": 0])
        let files = try XCTUnwrap(root["files"] as? [[String: Any]])
        XCTAssertEqual(files.count, 1)
        XCTAssertEqual(files[0]["path"] as? String, "a.juesuan")
        let diagnostics = try XCTUnwrap(files[0]["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 2)
        let first = diagnostics[0]
        XCTAssertEqual(Set(first.keys), ["code", "severity", "line", "column", "endLine", "endColumn", "message", "fix", "related"])
        XCTAssertEqual(first["code"] as? String, "A202")
        XCTAssertEqual(first["severity"] as? String, "error")
        XCTAssertEqual(first["line"] as? Int, 5)
        XCTAssertEqual(first["column"] as? Int, 25)
        XCTAssertEqual(first["endLine"] as? Int, 5)
        XCTAssertEqual(first["endColumn"] as? Int, 31)
        XCTAssertEqual(first["message"] as? String, "公开03「合计」的“本年支出合计”应为各类之和 90.00，填写为 100.00，差额 +10.00")
        let fix = try XCTUnwrap(first["fix"] as? [String: Any])
        XCTAssertEqual(fix["title"] as? String, "改为 90.00")
        let edits = try XCTUnwrap(fix["edits"] as? [[String: Any]])
        XCTAssertEqual(edits.count, 1)
        XCTAssertEqual(edits[0]["line"] as? Int, 5)
        XCTAssertEqual(edits[0]["column"] as? Int, 25)
        XCTAssertEqual(edits[0]["endLine"] as? Int, 5)
        XCTAssertEqual(edits[0]["endColumn"] as? Int, 31)
        XCTAssertEqual(edits[0]["newText"] as? String, "90.00")

        // Keys come in the documented order, and non-ASCII text is written as is.
        let order = ["\"code\"", "\"severity\"", "\"line\"", "\"column\"", "\"endLine\"", "\"endColumn\"", "\"message\"", "\"fix\"", "\"related\""]
        let positions = order.map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertTrue(text.hasPrefix("{\n  \"files\": ["))
        XCTAssertTrue(text.contains("应为各类之和"))
        XCTAssertFalse(text.contains("\\u"))
        XCTAssertEqual(text, JSONFormatter().format(lintResult(Fixtures.wrongTotal, path: "a.juesuan")), "deterministic")
    }

    /// Columns count Unicode scalars: U+20000 is one column (two UTF-16 units, four bytes).
    func testScalarColumnsOutsideBMP() throws {
        let text = JSONFormatter().format(lintResult(Fixtures.wideCharacters))
        let root = try XCTUnwrap(try parseJSON(text) as? [String: Any])
        let diagnostics = try XCTUnwrap((root["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])
        let c302 = try XCTUnwrap(diagnostics.first { $0["code"] as? String == "C302" })
        XCTAssertEqual(c302["severity"] as? String, "warning")
        XCTAssertEqual(c302["line"] as? Int, 6)
        XCTAssertEqual(c302["column"] as? Int, 5)
        XCTAssertEqual(c302["endColumn"] as? Int, 15, "nine CJK characters and U+20000")
        let a201 = try XCTUnwrap(diagnostics.first { $0["code"] as? String == "A201" })
        XCTAssertEqual(a201["line"] as? Int, 6)
        XCTAssertEqual(a201["column"] as? Int, 16)
        XCTAssertEqual(a201["endColumn"] as? Int, 21)
        let related = try XCTUnwrap(a201["related"] as? [[String: Any]])
        XCTAssertEqual(related.first?["line"] as? Int, 7)
        XCTAssertEqual(related.first?["message"] as? String, "20805 行政事业单位养老支出：90.00")
        let summary = try XCTUnwrap(root["summary"] as? [String: Int])
        XCTAssertEqual(summary["errors"], 4)
        XCTAssertEqual(summary["warnings"], 1)
    }

    func testNullFixAndEmptyFiles() throws {
        let clean = JSONFormatter().format(lintResult(Fixtures.clean))
        let root = try XCTUnwrap(try parseJSON(clean) as? [String: Any])
        XCTAssertEqual((root["files"] as? [[String: Any]])?.first?["diagnostics"] as? [String], [])
        let none = try XCTUnwrap(try parseJSON(JSONFormatter().format(LintResult())) as? [String: Any])
        XCTAssertEqual(none["files"] as? [String], [])

        let c301 = lintResult(Fixtures.clean.replacingOccurrences(of: "2080505 机关事业单位基本养老保险缴费支出", with: "2080588 自编科目"))
        let text = JSONFormatter().format(c301)
        XCTAssertTrue(text.contains("\"fix\": null"), text)
        _ = try parseJSON(text)
    }

    func testByteOrderMarkIsNotAColumn() throws {
        let result = lintResult("\u{FEFF}" + Fixtures.wrongTotal)
        let position = result.files[0].source.lintPosition(of: 3)
        XCTAssertEqual(position, LintPosition(line: 1, column: 1))
        let diagnostic = result.files[0].diagnostics[0]
        XCTAssertEqual(result.files[0].source.lintPosition(of: diagnostic.range.start), LintPosition(line: 5, column: 25))
    }

    func testStringEscaping() throws {
        let value = JSONOutput.object([("s", .string("引号\"反斜杠\\换行\n制表\t\u{01}\u{7F}😀"))])
        let text = value.serialized(pretty: false)
        XCTAssertEqual(text, "{\"s\":\"引号\\\"反斜杠\\\\换行\\n制表\\t\\u0001\\u007f😀\"}")
        let parsed = try XCTUnwrap(try parseJSON(text) as? [String: String])
        XCTAssertEqual(parsed["s"], "引号\"反斜杠\\换行\n制表\t\u{01}\u{7F}😀")
    }
}
