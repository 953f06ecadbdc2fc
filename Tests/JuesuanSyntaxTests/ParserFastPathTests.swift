import XCTest
@testable import JuesuanSyntax

/// The byte-level pre-checks of the parser (issue 15) accept every spelling the string
/// comparisons after them accept.
final class ParserFastPathTests: XCTestCase {
    func blockStarts(_ text: String) -> [Int] {
        Parser.parse(text).lines.filter { $0.kind == .blockStart || $0.kind == .check }.map(\.index)
    }

    func testKeywordsAndAliasesInEveryCaseStillOpenBlocks() {
        let text = "部门 某局\n年度 2024\nTABLE 公开03 支出决算表\n合计 1 1 -\nText 情况说明\n正文。\n"
            + "CHEC\u{212A} 公开03.合计 = 1\nglossary\n名词：解释。\n"
        // The Kelvin sign lowercases to `k`: `CHECK` spelled with it is the check keyword.
        XCTAssertEqual(blockStarts(text), [2, 4, 6, 7])
    }

    func testDigitsAndLongWordsNeverOpenBlocks() {
        let text = "部门 某局\n年度 2024\n表 自定义 某表\n201 一般公共服务支出 1\n名词解释之外的很长的行名 2\n"
        XCTAssertEqual(blockStarts(text), [2])
        XCTAssertFalse(Lexing.mayBeBlockKeyword(Array("2010101".utf8), SourceRange(start: 0, end: 7)))
        XCTAssertTrue(Lexing.mayBeBlockKeyword(Array("名词解释".utf8), SourceRange(start: 0, end: 12)))
        XCTAssertFalse(Lexing.mayBeBlockKeyword(Array("名词解释甲".utf8), SourceRange(start: 0, end: 15)))
    }

    func testSidesColumnsAndDetailRows() {
        let text = """
        部门 某局
        年度 2024
        表 自定义 某表
        COLUMNS 甲 乙
        收入
        收入合计 1 2
        支出
        其中：办公费 1 1
        其中:差旅费 1 1
        其他支出 1 1
        其中 1 1
        列 甲
        """
        let tree = Parser.parse(text)
        let table = tree.tables[0]
        XCTAssertEqual(table.columns?.names.map(\.text), ["甲", "乙"])
        XCTAssertEqual(table.rows.map(\.side), [.income, .expenditure, .expenditure, .expenditure, .expenditure])
        XCTAssertEqual(table.rows.map(\.isDetail), [false, true, true, false, false])
        // A second 列 line is still an error, found as before.
        XCTAssertTrue(tree.diagnostics.contains { $0.code == "S102" && $0.message.contains("列") })
        XCTAssertEqual(tree.lines.filter { $0.kind == .sideSwitch }.count, 2)
    }

    func testFirstWordIsTheFirstOfTheWords() {
        for line in ["表 公开01", "表\u{3000}公开01", "合计\t1", "单词", "a b c"] {
            let bytes = Array(line.utf8)
            let range = SourceRange(start: 0, end: bytes.count)
            XCTAssertEqual(Lexing.firstWord(bytes, range), Lexing.words(bytes, range)[0], line)
        }
    }
}
