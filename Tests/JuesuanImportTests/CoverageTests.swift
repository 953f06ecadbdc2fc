import Foundation
import XCTest
@testable import JuesuanImport
import JuesuanSyntax

/// Figure coverage in the import summary, and the seed losses of issue 13.
final class CoverageTests: XCTestCase {
    func testFiguresOfRunningText() {
        XCTAssertEqual(FigureCoverage.figures(in: "收入 12.40 万元，增长 7.73%，得 3 分，2024 年度共 5 个项目，1,204.30万元"), ["12.40", "7.73", "3", "1,204.30"])
        XCTAssertEqual(FigureCoverage.figures(in: "2024年度，第5页，T801，行次 12"), [])
    }

    func testCoverageCountsPlacesAndListsFiguresLeftInComments() {
        let document = """
        部门 某局
        年度 2024

        表 附表1 测试表
        列 预算数 决算数
        培训费  6  5.50

        说明
        本年支出 12.40 万元。
        // 原文保留：会议费 2.75 万元
        """
        let coverage = FigureCoverage.measure(document: document, inputLines: ["原文保留：会议费 2.75 万元"])
        XCTAssertEqual(coverage.inTables, 2)
        XCTAssertEqual(coverage.inProse, 1)
        XCTAssertEqual(coverage.inComments, [.init(figure: "2.75", outputLine: 10, inputLine: 1)])
        XCTAssertEqual(coverage.placedPerMille, 750)
        XCTAssertTrue(coverage.description.contains("第 10 行：2.75（原文第 1 行）"))
    }

    func testACommentKeptAsTraceOfAConvertedLineLeavesNothingOut() {
        let document = """
        部门 某局
        年度 2024

        绩效 某项目
        // 总分⇥100⇥88.5
        总分 100 88.5
        """.replacingOccurrences(of: "⇥", with: "\t")
        let coverage = FigureCoverage.measure(document: document, inputLines: [])
        XCTAssertEqual(coverage.inComments, [])
        XCTAssertEqual(coverage.inPerformance, 1)
    }

    func testSeedCoverageIsPrintedAndAtLeastWhatIsReached() throws {
        // Per mille placed on each seed (see the report of issue 13: 001 and 002 still need 其中 funds
        // rows and goal rows in the language).
        let floors = ["001": 900, "002": 985, "003": 990, "004": 990]
        for (number, floor) in floors.sorted(by: { $0.key < $1.key }) {
            let summary = Importer.importReport(try seedText(number)).summary
            XCTAssertGreaterThanOrEqual(summary.coverage.placedPerMille, floor, number)
            XCTAssertTrue(summary.description.contains("已归位"), number)
            XCTAssertEqual(summary.description.components(separatedBy: "\n    第 ").count - 1, summary.coverage.inComments.count, number)
        }
    }

    // MARK: The seed losses of issue 13

    func testSeed002AnnexIsReportTextNotGlossary() throws {
        let tree = Parser.parse(Importer.importReport(try seedText("002")).document)
        let titles = tree.narratives.compactMap { $0.title?.text }
        XCTAssertTrue(titles.contains("五部分 附件"), "\(titles)")
        let document = Importer.importReport(try seedText("002")).document
        XCTAssertTrue(document.contains("\n2024 年居民医保工作经费项目预算 26.005 万元，实际到位 26.005 万元,资金到位率 100%。\n"))
        XCTAssertFalse(document.contains("// 2024 年居民医保工作经费项目预算 26.005 万元"))
    }

    func testSeed003DepartmentWideTableIsATableWithItsFundsRelation() throws {
        let document = Importer.importReport(try seedText("003")).document
        XCTAssertTrue(document.contains("列 资金总额 财政拨款 年初结转结余资金；资金总额 = 财政拨款 + 年初结转结余资金\n"), document)
        XCTAssertTrue(document.contains("年度部门整体支出预算  1066.91  1048.02  18.41\n"))
        XCTAssertTrue(document.contains("成本指标/成本控制有效性总支出不超预算成本"))
        XCTAssertFalse(document.contains("// 1066.91"))
    }

    func testSeed001StatedExecutionProgressIsTheExecutionRate() throws {
        let document = Importer.importReport(try seedText("001")).document
        XCTAssertTrue(document.contains("资金 全年预算数 4752.18855 到位数 4752.18855 全年执行数 2569.81145\n"), document)
        XCTAssertTrue(document.contains("执行率 84.84% 分值"), document)
        XCTAssertFalse(document.contains("// 预算执行进度：84.84%"))
    }
}
