@testable import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// The code tree of a section (issue 15: codes looked up by number, not by text).
final class CodeTreeTests: XCTestCase {
    func testCodeKeysKeepLengthAndLeadingZeros() {
        XCTAssertNotEqual(CodeTree.key("012"), CodeTree.key("12"))
        XCTAssertNotEqual(CodeTree.key("201"), CodeTree.key("00201"))
        XCTAssertEqual(CodeTree.key("2010101"), CodeTree.key(value: 2_010_101, length: 7))
        XCTAssertEqual(CodeTree.prefix(2_010_101, 7, 5), 20_101)
        XCTAssertEqual(CodeTree.prefix(2_010_101, 7, 3), 201)
        for text in ["", "２０１", "20a", "201 ", String(repeating: "9", count: 18)] { XCTAssertNil(CodeTree.key(text), text) }
        XCTAssertNotNil(CodeTree.key(String(repeating: "9", count: 17)))
    }

    func testTheIndexMapAgreesWithADictionary() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 7, 100, 3_000] {
            var map = IntIndexMap(capacity: size)
            var dictionary: [Int: Int] = [:]
            for index in 0..<(size * 2) {
                // Codes of every length, many sharing digits, some repeated.
                let length = [3, 5, 7][Int.random(in: 0..<3, using: &generator)]
                let key = CodeTree.key(value: Int.random(in: 0..<min(10_000, size + 1), using: &generator), length: length)
                XCTAssertEqual(map.insertIfAbsent(key, index), dictionary[key] == nil)
                if dictionary[key] == nil { dictionary[key] = index }
            }
            for (key, value) in dictionary { XCTAssertEqual(map[key], value) }
            for _ in 0..<200 {
                let key = CodeTree.key(value: Int.random(in: 0..<100_000, using: &generator), length: 9)
                XCTAssertNil(map[key])
            }
        }
    }

    /// Codes of digits by number, any other by text; ancestors by their first characters, found
    /// across the two (a non-digit code under a digit one) and never at or past the code's length.
    func testTheCodeIndexFindsCodesAndAncestorsOfEitherKind() {
        var index = CodeIndex(capacity: 8)
        for (row, code) in ["201", "20101", "2010101", "A01", "A0101", "012", "20102"].enumerated() {
            XCTAssertTrue(index.insertIfAbsent(CodeIndex.Code(code), row), code)
        }
        XCTAssertFalse(index.insertIfAbsent(CodeIndex.Code("20101"), 9), "already there")
        XCTAssertFalse(index.insertIfAbsent(CodeIndex.Code("A01"), 9), "already there")
        XCTAssertEqual(index[CodeIndex.Code("20101")], 1)
        XCTAssertEqual(index[CodeIndex.Code("A0101")], 4)
        XCTAssertNil(index[CodeIndex.Code("12")], "012 is not 12")
        XCTAssertEqual(index.ancestor(of: CodeIndex.Code("2010101"), length: 5), 1)
        XCTAssertEqual(index.ancestor(of: CodeIndex.Code("2010101"), length: 3), 0)
        XCTAssertEqual(index.ancestor(of: CodeIndex.Code("2010301"), length: 3), 0)
        XCTAssertNil(index.ancestor(of: CodeIndex.Code("2010301"), length: 5), "20103 is absent")
        XCTAssertNil(index.ancestor(of: CodeIndex.Code("20101"), length: 5), "not longer than itself")
        XCTAssertEqual(index.ancestor(of: CodeIndex.Code("A010101"), length: 5), 4)
        XCTAssertEqual(index.ancestor(of: CodeIndex.Code("A010101"), length: 3), 3)
        XCTAssertEqual(index.ancestor(of: CodeIndex.Code("201xx"), length: 3), 0, "a text code under a digit one")
        XCTAssertNil(index.ancestor(of: CodeIndex.Code("A0"), length: 3))
    }

    func testParentsAreTheNearestPresentAncestors() throws {
        let text = """
        部门 某局
        年度 2024
        表 公开03 一般公共预算财政拨款支出决算表
        合计 10
        201 一般公共服务支出 6
        20101 人大事务 4
        2010101 行政运行 4
        2010301 行政运行 2
        2010101 行政运行 1
        208 社会保障和就业支出 4
        2080501 行政单位离退休 4
        """
        let report = Report(syntax: Parser.parse(text))
        let section = try XCTUnwrap(report.tables.first?.sections.first)
        let tree = CodeTree(section)
        let line: (Int) -> Int = { section.rows[$0].line }
        XCTAssertEqual(tree.codeRows.map(line), [4, 5, 6, 7, 9, 10], "the repeated 2010101 is not a second node")
        XCTAssertEqual(tree.topLevel.map(line), [4, 9])
        let childrenByLine = Dictionary(uniqueKeysWithValues: tree.codeRows.map { (line($0), tree.children[$0].map(line)) })
        XCTAssertEqual(childrenByLine[4], [5, 7], "2010301 hangs from 201, its 款 20103 being absent")
        XCTAssertEqual(childrenByLine[5], [6])
        XCTAssertEqual(childrenByLine[9], [10])
    }
}
