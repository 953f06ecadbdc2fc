import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// The `其中` lines of a `绩效` block's funds (P609) and its `年度目标` lines.
final class FundPartTests: XCTestCase {
    func block(_ lines: String) -> String {
        "\n绩效 测试项目\n" + lines + "\n"
    }

    func testPartsAddingUpToTheFundsLineAreClean() {
        let body = block("""
        资金 年初预算数 30 全年预算数 32.5 全年执行数 31.2
        其中 财政拨款 年初预算数 25 全年预算数 27.5 全年执行数 26.2
        其中 其他资金 年初预算数 5 全年预算数 5 全年执行数 5
        """)
        XCTAssertEqual(analyze(body).findings("P609").count, 0)
        XCTAssertFalse(codes(body).contains { $0.hasPrefix("S1") })
    }

    func testAPartThatDoesNotAddUpIsAnError() {
        let analysis = analyze(block("""
        资金 全年预算数 32.5 全年执行数 31.2
        其中 财政拨款 全年预算数 27.5 全年执行数 26.2
        其中 上年结转资金 全年预算数 4 全年执行数 5
        """))
        let findings = analysis.findings("P609")
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first.map(analysis.text(of:)), "32.5")
        XCTAssertEqual(findings.first?.message, "绩效「测试项目」资金的全年预算数应为其中各项之和 财政拨款 27.5 + 上年结转资金 4 = 31.5，填写为 32.5，差额 +1.0")
    }

    func testRoundingOfEachFigureIsAllowedButNoMore() {
        // 26.005 stands for 26.0045…26.0055: the part 26.004627 is inside it.
        XCTAssertEqual(analyze(block("资金 全年预算数 26.005\n其中 政府预算资金 全年预算数 26.004627")).findings("P609").count, 0)
        XCTAssertEqual(analyze(block("资金 全年预算数 26.005\n其中 政府预算资金 全年预算数 26.0040")).findings("P609").count, 1)
    }

    func testAKeyMissingFromAPartIsNotChecked() {
        // The parts state no 全年执行数 for 其他资金: nothing to add up for that key.
        let body = block("""
        资金 全年预算数 10 全年执行数 9
        其中 财政拨款 全年预算数 8 全年执行数 7
        其中 其他资金 全年预算数 2
        """)
        XCTAssertEqual(analyze(body).findings("P609").count, 0)
    }

    func testAFundPartNeedsItsSourceName() {
        XCTAssertTrue(codes(block("资金 全年预算数 10\n其中 全年预算数 10")).contains("S102"))
    }

    func testGoalLinesAreReadWithTheirFields() {
        let analysis = analyze(block("年度目标 保障离休干部医疗待遇 完成情况 按时足额支付医疗费 完成率 100.00%\n年度目标 合理使用工作经费"))
        XCTAssertFalse(analysis.diagnostics.contains { $0.code.hasPrefix("S1") }, "\(analysis.diagnostics.map(\.message))")
        let project = try! XCTUnwrap(analysis.report.performanceProjects.first)
        XCTAssertEqual(project.goals.count, 2)
        XCTAssertEqual(project.goals[0].goal?.text, "保障离休干部医疗待遇")
        XCTAssertEqual(project.goals[0].done?.text, "按时足额支付医疗费")
        XCTAssertEqual(project.goals[0].rate?.value, DecimalNumber("100.00"))
        XCTAssertNil(project.goals[1].rate)
    }
}
