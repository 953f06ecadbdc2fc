import XCTest
import JuesuanCatalogue

final class CatalogueTSVTests: XCTestCase {
    func parseError(_ text: String, kind: ClassificationKind = .functional,
                    file: StaticString = #filePath, line: UInt = #line) -> CatalogueParseError? {
        do {
            _ = try Catalogue(tsv: text, kind: kind)
            XCTFail("expected a parse error", file: file, line: line)
            return nil
        } catch let error as CatalogueParseError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    func testWithHeader() throws {
        let catalogue = try Catalogue(tsv: "code\tname\tlevel\n208\t社会保障和就业支出\t类\n20805\t行政事业单位养老支出\t款\n", kind: .functional)
        XCTAssertEqual(catalogue.count(kind: .functional), 2)
        XCTAssertEqual(catalogue.count(kind: .economic), 0)
        XCTAssertEqual(catalogue.entry(code: "20805", kind: .functional)?.level, .section)
        XCTAssertEqual(catalogue.entry(code: "20805", kind: .functional)?.origin, .official)
        XCTAssertEqual(catalogue.categoryCode(forName: "社会保障和就业支出"), "208")
    }

    func testWithoutHeaderTwoColumnsCRLFAndBOM() throws {
        let text = "\u{FEFF}301\t工资福利支出\r\n30101\t 基本工资 \r\n\r\n# comment\r\n30102\t津贴补贴\t款\r\n30103\t奖金\t\r\n"
        let catalogue = try Catalogue(tsv: text, kind: .economic)
        XCTAssertEqual(catalogue.entries(withPrefix: "", kind: .economic).map(\.code), ["301", "30101", "30102", "30103"])
        XCTAssertEqual(catalogue.entry(code: "30101", kind: .economic)?.name, "基本工资")
        XCTAssertEqual(catalogue.entry(code: "301", kind: .economic)?.level, .category)
        XCTAssertEqual(catalogue.entry(code: "301", kind: .economic)?.kind, .economic)
    }

    func testChineseHeaderAndEmptyInput() throws {
        XCTAssertEqual(try Catalogue(tsv: "科目编码\t科目名称\t级次\n210\t卫生健康支出\t类", kind: .functional).count(kind: .functional), 1)
        XCTAssertEqual(try Catalogue(tsv: "", kind: .functional), Catalogue())
        XCTAssertEqual(try Catalogue(tsv: "code\tname\tlevel\n", kind: .functional), Catalogue())
    }

    func testErrorsCarryLineNumbers() {
        let text = """
            code\tname\tlevel
            208\t社会保障和就业支出\t类
            2080\t坏编码\t款
            20805\t\t款
            20806\t层级不符\t项
            2080502\t事业单位离退休\t项
            2080502\t重复\t项
            2080503 no tab here
            a\tb\tc\td
            20899\t其他\t级
            """
        guard let error = parseError(text) else { return }
        XCTAssertEqual(error.issues.map(\.line), [3, 4, 5, 7, 8, 9, 10])
        XCTAssertTrue(error.issues[0].message.contains("2080"), error.issues[0].message)
        XCTAssertTrue(error.issues[1].message.contains("empty name"))
        XCTAssertTrue(error.issues[2].message.contains("款"))
        XCTAssertTrue(error.issues[3].message.contains("duplicate"))
        XCTAssertTrue(error.issues[3].message.contains("line 6"))
        XCTAssertTrue(error.issues[6].message.contains("级"))
        XCTAssertTrue(error.description.hasPrefix("line 3: "), error.description)
        XCTAssertEqual(error.description.split(separator: "\n").count, 7)
    }

    func testLineNumbersCountBlankAndCommentLines() {
        guard let error = parseError("\n# header comment\n\n301\t工资福利支出\r\n3010\tbad\r\n") else { return }
        XCTAssertEqual(error.issues, [.init(line: 5, message: error.issues.first?.message ?? "")])
        XCTAssertEqual(error.issues.first?.line, 5)
    }

    func testHeaderOnlyOnFirstContentLine() {
        guard let error = parseError("208\t社会保障和就业支出\ncode\tname\tlevel\n") else { return }
        XCTAssertEqual(error.issues.map(\.line), [2])
    }

    func testEconomicHasNoItems() {
        guard let error = parseError("301\t工资福利支出\n3010101\t细目\n", kind: .economic) else { return }
        XCTAssertEqual(error.issues.map(\.line), [2])
        XCTAssertTrue(error.issues[0].message.contains("类/款"), error.issues[0].message)
    }

    func testFullWidthDigitsRejected() {
        guard let error = parseError("２０８\t社会保障和就业支出\n") else { return }
        XCTAssertEqual(error.issues.map(\.line), [1])
    }
}
