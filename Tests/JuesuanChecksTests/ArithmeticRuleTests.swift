import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax
import XCTest

/// A2xx: what each rule must flag, and what it must not (rounding, empty cells, details).
final class ArithmeticRuleTests: XCTestCase {
    let table03 = """
    表 公开03 支出决算表
    合计                 100.00  60.00  40.00
    210      卫生健康支出   100.00  60.00  40.00
    21011    行政事业单位医疗  30.00  30.00  0.00
    2101101  行政单位医疗      30.00  30.00  0.00
    21015    医疗保障管理事务  70.00  30.00  40.00
    2101501  行政运行          70.00  30.00  40.00

    """

    func testConsistentTableHasNoFinding() {
        XCTAssertEqual(codes(table03), [])
    }

    func testA201ParentNotSumOfChildren() throws {
        let analysis = analyze(table03.replacingOccurrences(of: "2101501  行政运行          70.00", with: "2101501  行政运行          70.50"))
        let finding = try XCTUnwrap(analysis.findings("A201").first)
        XCTAssertEqual(analysis.text(of: finding), "70.00", "the finding sits on the parent's cell")
        XCTAssertEqual(finding.severity, .error)
        XCTAssertTrue(finding.message.contains("应为下级科目之和 70.50"), finding.message)
        XCTAssertTrue(finding.message.contains("填写为 70.00"), finding.message)
        XCTAssertTrue(finding.message.contains("差额 -0.50"), finding.message)
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "70.50")
        XCTAssertEqual(finding.related.map { analysis.source.string($0.range) }, ["70.50"])
    }

    func testA202TotalNotSumOfTopLevelRows() throws {
        let analysis = analyze(table03.replacingOccurrences(of: "合计                 100.00", with: "合计                 101.00"))
        let finding = try XCTUnwrap(analysis.findings("A202").first)
        XCTAssertEqual(analysis.text(of: finding), "101.00")
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "100.00")
    }

    func testA203ColumnRelation() throws {
        let analysis = analyze("""
        表 公开05 一般公共预算财政拨款支出决算表
        合计  10.00  4.00  5.00

        """)
        let finding = try XCTUnwrap(analysis.findings("A203").first)
        XCTAssertEqual(analysis.text(of: finding), "10.00")
        XCTAssertTrue(finding.message.contains("“基本支出” + “项目支出” = 9.00"), finding.message)
    }

    func testA204LabelTrees() {
        XCTAssertEqual(codes("""
        表 公开09 财政拨款“三公”经费支出决算表
        列 决算数
        合计 3.00
        因公出国（境）费 1.00
        公务用车购置及运行维护费 1.00
        公务接待费 1.50

        """), ["A204"])
        XCTAssertEqual(codes("""
        表 公开10 国有资产占用情况表
        车辆数合计 3
        主要负责人用车 1
        其他用车 1

        """), ["A204"], "vehicle counts are exact: a difference of 1 is never rounding")
        XCTAssertEqual(codes("""
        表 公开06 一般公共预算财政拨款基本支出决算表
        301 工资福利支出 10.00
        30101 基本工资 10.00
        303 对个人和家庭的补助 2.00
        30302 退休费 2.00
        人员经费合计 13.00

        """), ["A204"])
    }

    func testA205IncomeAndExpenditureTotals() {
        let text = """
        表 公开01 收入支出决算总表
        收入
        一般公共预算财政拨款收入 10.00
        本年收入合计 10.00
        总计 10.00
        支出
        卫生健康支出 10.00
        本年支出合计 10.00
        总计 10.00

        """
        XCTAssertEqual(codes(text), [])
        XCTAssertEqual(codes(text.replacingOccurrences(of: "本年支出合计 10.00\n总计 10.00", with: "本年支出合计 10.00\n结余分配 0.01\n总计 10.01")), ["A205"],
                       "a 0.01 gap between the two 总计 is a typo: they print the same ledger figure")
    }

    func testA206CarryOver() {
        XCTAssertEqual(codes("""
        表 公开07 政府性基金预算财政拨款收入支出决算表
        合计  1.00  5.00  4.00  1.00  3.00  2.00

        """), [])
        XCTAssertEqual(codes("""
        表 公开07 政府性基金预算财政拨款收入支出决算表
        合计  1.00  5.00  4.00  1.00  3.00  3.00

        """), ["A206"])
    }

    func testA207DetailRowExceedsItsRow() {
        let text = """
        表 公开09 财政拨款“三公”经费支出决算表
        列 决算数
        公务接待费 2.00
        国内接待费 2.00
        其中：外事接待费 0.50

        """
        XCTAssertEqual(codes(text), [])
        XCTAssertEqual(codes(text.replacingOccurrences(of: "0.50", with: "2.10")), ["A207"])
    }

    func testRoundingIsInformationNotError() throws {
        // 23.10 + 327.61 + 12.89 = 363.60, published 363.59: three addends, tolerance 0.02.
        let analysis = analyze("""
        表 公开05 一般公共预算财政拨款支出决算表
        合计    363.59  363.59  0.00
        208  社会保障和就业支出  23.10  23.10  0.00
        210  卫生健康支出       327.61  327.61  0.00
        221  住房保障支出        12.89  12.89  0.00

        """)
        XCTAssertEqual(analysis.diagnostics.map(\.code), ["A290", "A290"])
        XCTAssertTrue(analysis.diagnostics.allSatisfy { $0.severity == .information && $0.fix == nil })
        XCTAssertTrue(analysis.diagnostics[0].message.hasPrefix("尾数误差"), analysis.diagnostics[0].message)
    }

    func testToleranceGrowsWithAddendsAndFollowsTheHeader() {
        let twoAddends = "表 公开05\n合计 10.02 5.00 5.00\n"
        XCTAssertEqual(codes(twoAddends), ["A203"], "0.02 > (2 + 1) × 0.005")
        XCTAssertEqual(Analysis(text: "部门 甲\n年度 2024\n容差 0.01\n" + twoAddends).diagnostics.map(\.code), ["A290"])
        XCTAssertEqual(Analysis(text: "部门 甲\n年度 2024\n容差 0\n表 公开05\n合计 10.01 5.00 5.00\n").diagnostics.map(\.code), ["A203"])
    }

    func testEmptyChildColumnsAreNotABreakdown() {
        // 公开09: 公务接待费 has 国内接待费 in 决算数 only; the budget columns are not checked.
        XCTAssertEqual(codes("""
        表 公开09 财政拨款“三公”经费支出决算表
        列 年初预算数 全年预算数 决算数
        合计 2.57 0.27 0.27
        因公出国（境）费 0.00 0.00 0.00
        公务用车购置及运行维护费 0.00 0.00 0.00
        公务接待费 2.57 0.27 0.27
        （1）国内接待费  -  -  0.27
        其中：外事接待费 - - 0.00
        （2）国（境）外接待费 - - 0.00

        """), [])
    }

    func testThousandsSeparatorsAndFullWidthInput() {
        XCTAssertEqual(codes("""
        表 公开05 一般公共预算财政拨款支出决算表
        合计\u{3000}17,334.30\u{3000}406.13\u{3000}16,928.17
        210\u{3000}卫生健康支出\u{3000}17,334.30\u{3000}406.13\u{3000}16,928.17

        """), [])
    }

    func testColumnRelationsOfCustomTables() {
        XCTAssertEqual(codes("表 明细 自定义\n列 合计 甲 乙 ; 合计 = 甲 + 乙\n第一行 3.00 1.00 2.00\n第二行 4.00 1.00 2.00\n"), ["A203"])
        XCTAssertEqual(codes("表 明细 自定义\n列 合计 甲 乙 ; 合计 = 甲 + 丁\n"), ["S104"])
    }

    /// Many generated consistent reports (different figures, same shapes): no false alarm at all.
    func testGeneratedConsistentReportsRaiseNothing() {
        var reports = 0
        for seed in 1...60 {
            var generator = ReportGenerator(seed: UInt64(seed))
            let analysis = Analysis(text: generator.standardReport())
            XCTAssertEqual(analysis.diagnostics.map { "\($0.code) \($0.message)" }, [], "seed \(seed)")
            reports += 1
        }
        XCTAssertEqual(reports, 60)
    }
}
