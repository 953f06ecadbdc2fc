import XCTest
@testable import JuesuanLint
import JuesuanCatalogue

final class CatalogueOptionTests: XCTestCase {
    func testMixedKindsSplitByCode() throws {
        let text = "code\tname\tlevel\n2080588\t自编科目\t项\n# 注释\n30199\t其他工资福利支出（地方）\t款\n50101\t工资奖金津补贴\n"
        let catalogue = try LintRunner.userCatalogue(tsv: text)
        XCTAssertEqual(catalogue.entry(code: "2080588", kind: .functional)?.name, "自编科目")
        XCTAssertEqual(catalogue.entry(code: "30199", kind: .economic)?.name, "其他工资福利支出（地方）")
        XCTAssertNotNil(catalogue.entry(code: "50101", kind: .economic))
        XCTAssertNil(catalogue.entry(code: "30199", kind: .functional))
    }

    func testErrorsKeepFileLineNumbers() {
        let text = "208\t社会保障和就业支出\n3010\t坏编码\nabc\t不是编码\n"
        XCTAssertThrowsError(try LintRunner.userCatalogue(tsv: text)) { error in
            let issues = (error as? CatalogueParseError)?.issues ?? []
            XCTAssertEqual(issues.map(\.line), [2, 3])
        }
    }

    func testCatalogOptionAddsCodes() throws {
        let base = try temporaryDirectory(self)
        let document = Fixtures.clean.replacingOccurrences(of: "2080505 机关事业单位基本养老保险缴费支出", with: "2080588 自编科目")
        let report = base.appendingPathComponent("r.juesuan")
        try write(document, to: report)
        let without = runTool(["lint", report.path])
        XCTAssertTrue(without.out.contains("warning[C301]"), without.out)

        let tsv = base.appendingPathComponent("codes.tsv")
        try write("2080588\t自编科目\t项\n", to: tsv)
        let with = runTool(["lint", "--catalog", tsv.path, report.path])
        XCTAssertEqual(with.status, 0)
        XCTAssertFalse(with.out.contains("C301"), with.out)

        try write("2080588\t自编科目\t款\n", to: tsv)
        let broken = runTool(["lint", "--catalog", tsv.path, report.path])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.err.contains("第 1 行"), broken.err)
        XCTAssertTrue(broken.out.isEmpty)

        let missing = runTool(["lint", "--catalog", base.appendingPathComponent("none.tsv").path, report.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("无法读取"))
    }
}
