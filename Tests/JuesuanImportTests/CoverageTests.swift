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
        // At least 99 % of each seed's figures placed in a table, a 绩效 line or prose.
        let floors = ["001": 990, "002": 990, "003": 990, "004": 990]
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

final class SeedLossTests: XCTestCase {
    func testSeed002TemplateInstructionIsReportText() throws {
        let document = Importer.importReport(try seedText("002")).document
        XCTAssertTrue(document.contains("\n说明 名词解释（续）\n“三公”经费支出和机关运行经费支出口径必须予以说明（可参照如下格式进行说明）：\n\n名词解释\n“三公”经费支出："), document)
        XCTAssertFalse(document.contains("// “三公”经费支出和机关运行经费支出口径必须予以说明"))
        // The entries after it stay entries.
        let tree = Parser.parse(document)
        XCTAssertTrue(tree.glossaries.flatMap(\.entries).map(\.term.text).contains("机关运行经费支出"))
    }

    func testSeed001IndicatorRowsKeepTheirThirdLevelName() throws {
        let document = Importer.importReport(try seedText("001")).document
        let paths = document.split(separator: "\n").filter { $0.hasPrefix("指标 ") }.map { String($0.split(separator: " ")[1]) }
        XCTAssertEqual(paths.count, 173)
        // A 二级 name cut by the cell width is completed, never taken for the 三级 name.
        let levels = paths.map { $0.split(separator: "/").map(String.init) }
        XCTAssertEqual(levels.filter { $0.count != 3 || $0[0] == $0[1] && $0[0] != "成本指标" }.map { $0.joined(separator: "/") }, [])
        for truncated in ["社会效益指", "服务对象满", "/社会效益 ", "/可持续影响 ", "/经济效益 "] {
            XCTAssertFalse(document.contains("/" + truncated.trimmingCharacters(in: CharacterSet(charactersIn: "/ ")) + " 目标"), truncated)
        }
        XCTAssertTrue(document.contains("指标 效益指标/社会效益指标/医疗救助政策知晓 目标 ≥90%"))
        XCTAssertTrue(document.contains("指标 满意度指标/服务对象满意度/受益群众满意度 目标 ≥90%"))
        // The row whose 得分 cell is empty is kept, without a score.
        XCTAssertTrue(document.contains("指标 效益指标/社会效益指标/救助对象覆盖比例 目标 ≥90% 实际 1 分值 10.00 完成 完成"))
        XCTAssertEqual(PerformanceParser.level2Completion("社会效益指"), "社会效益指标")
        XCTAssertNil(PerformanceParser.level2Completion("社会效益指标"))
        XCTAssertNil(PerformanceParser.level2Completion("受益"))
    }
}
