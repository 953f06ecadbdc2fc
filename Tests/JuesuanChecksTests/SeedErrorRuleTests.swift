import JuesuanChecks
import JuesuanSyntax
import XCTest

/// The rules issue 14 adds for the errors of the seeds (domain-rules §7), each in phrasings and
/// layouts of our own: what they must flag and what they must leave alone.
final class SeedErrorRuleTests: XCTestCase {
    // MARK: T807 repeated words (G-5)

    func testRepeatedWordIsInformationWithAnUnsafeFix() throws {
        let analysis = analyze("说明 一、收入决算情况说明\n收入增加的主要原因是上级上级补助资金到位，人员经费经费增加。\n")
        let found = analysis.findings("T807")
        XCTAssertEqual(found.map { analysis.text(of: $0) }, ["上级上级", "经费经费"])
        XCTAssertEqual(found.first?.severity, .information)
        XCTAssertEqual(found.first?.fix?.edits.first?.replacement, "")
        XCTAssertEqual(found.first?.fix?.isSafe, false)
    }

    func testOrdinaryReduplicationIsNoRepeatedWord() {
        let text = "说明 一、部门职责\n人人参保，天天宣传，常常回访；会议研究研究了资金安排；2023年2023年度对比见下表。\n名词解释\n基本支出：指人员支出和公用支出。\n"
        XCTAssertFalse(codes(text).contains("T807"))
    }

    // MARK: P610 a missing score cell (SE-3, seed 001 (5))

    static let block = """
    绩效 道路养护经费
    资金 年初预算数 20 全年预算数 20 全年执行数 20
    执行率 100% 分值 10 得分 10
    指标 产出指标/数量指标/养护里程 目标 ≥30公里 实际 32 分值 40 得分 40 完成 完成
    指标 效益指标/社会效益指标/通行率 目标 ≥95% 实际 98 分值 30 完成 完成
    指标 满意度指标/服务对象满意度指标/群众满意度 目标 ≥90% 实际 92 分值 20 得分 18
    总分 100 TOTAL

    """

    func testMissingScoreCellWithinItsWeightIsALayoutDefect() throws {
        // 10 + 40 + 18 = 68; the total 95 needs 27 from the row without a score (weight 30).
        let analysis = analyze(Self.block.replacingOccurrences(of: "TOTAL", with: "95"))
        let finding = try XCTUnwrap(analysis.findings("P610").first)
        XCTAssertEqual(finding.severity, .information)
        XCTAssertNil(finding.fix, "a total computed without the missing cell is no fix")
        XCTAssertTrue(finding.message.contains("要求其得 27 分"), finding.message)
        XCTAssertTrue(analysis.findings("P603").isEmpty)
    }

    func testMissingScoreCellThatCannotExplainTheGapStaysP603() {
        // The gap 100 − 68 = 32 is more than the weight 30 of the row without a score.
        let analysis = analyze(Self.block.replacingOccurrences(of: "TOTAL", with: "100"))
        XCTAssertEqual(analysis.findings("P603").count, 1)
        XCTAssertTrue(analysis.findings("P610").isEmpty)
        // A total below the other scores: no missing cell explains it.
        let below = analyze(Self.block.replacingOccurrences(of: "TOTAL", with: "60"))
        XCTAssertEqual(below.findings("P603").count, 1)
        XCTAssertTrue(below.findings("P610").isEmpty)
        // Every score written and adding up: neither.
        let whole = analyze(Self.block.replacingOccurrences(of: "实际 98 分值 30 完成", with: "实际 98 分值 30 得分 27 完成").replacingOccurrences(of: "TOTAL", with: "95"))
        XCTAssertTrue(whole.findings("P603").isEmpty && whole.findings("P610").isEmpty, "\(whole.diagnostics.map(\.message))")
    }

    // MARK: P611 scorecards written as prose (SE-9)

    func testItemAboveWhatItsRulesAward() throws {
        let text = """
        说明 二、预算执行管理（总分为 12 分，得分为 12 分）
        （一）、执行进度，6月底执行进度达到50%的，得 3 分；年底执行率达到95%的，加 3 分，该项得 6 分。（二）、问题整改，审计发现问题按期整改的，得3分；审计未发现问题的，得3分；财政抽查问题整改到位的，得1分，逾期一天扣0.5分。该项得6分。

        """
        let analysis = analyze(text)
        let found = analysis.findings("P611")
        // Item (二) awards 3 (either condition) + 1 = 4 at most; the section's maxima 6 + 4 = 10 ≠ 12.
        XCTAssertEqual(found.count, 2, "\(found.map(\.message))")
        XCTAssertTrue(found.contains { $0.message.contains("“问题整改”") && $0.message.contains("3 + 1 = 4") }, "\(found.map(\.message))")
        XCTAssertTrue(found.contains { $0.message.contains("6 + 4 = 10") }, "\(found.map(\.message))")
        XCTAssertEqual(found.first?.severity, .warning)
    }

    func testScorecardProseThatHoldsIsLeftAlone() {
        let text = """
        说明 二、预算执行管理（总分为 14 分，得分为 13 分）
        （一）、执行进度，执行项目数/项目总数×4分；年底执行率达到95%的，加 2 分，该项得 6 分。（二）、问题整改，本项最高得 5 分，该项得 4 分。（三）、资料报送，按时报送的，得 3 分，逾期一次扣 1 分。该项得 3 分。
        说明 三、其他说明
        （一）我局共有项目7个，得到上级表扬2次。

        """
        XCTAssertFalse(codes(text).contains("P611"), "\(analyze(text).findings("P611").map(\.message))")
    }

    // MARK: P612–P614 the 部门整体 self-evaluation table (SE-1)

    static let table = """
    表 附表2 部门整体支出绩效自评表（指标）
    列 指标值 权重 实际完成值
    产出指标/数量指标/培训人次  200  30  210
    产出指标/时效指标/按时完成率  100  20  100
    效益指标/社会效益指标/群众知晓率  90  ROW  92
    满意度指标/服务对象满意度  90  10  95
    EXTRA
    """

    func testWholeDepartmentWeightsDuplicatesAndExecutionRow() throws {
        // 30 + 20 + 21 + 10 + 10 + 10 = 101, with 群众知晓率 twice and no 预算执行率 row.
        let text = Self.table.replacingOccurrences(of: "ROW", with: "21")
            .replacingOccurrences(of: "EXTRA", with: "效益指标/社会效益指标/群众知晓率（第2次）  90  10  92\n成本指标/总支出不超预算  58  10  57\n")
        let analysis = analyze(text)
        let weights = try XCTUnwrap(analysis.findings("P612").first)
        XCTAssertEqual(weights.severity, .error)
        XCTAssertTrue(weights.message.contains("101") && weights.message.contains("差额 +1"), weights.message)
        XCTAssertEqual(analysis.findings("P613").map { analysis.text(of: $0) }, ["效益指标/社会效益指标/群众知晓率（第2次）"])
        XCTAssertEqual(analysis.findings("P614").count, 1)
    }

    func testWholeDepartmentTableThatHoldsIsLeftAlone() {
        // 30 + 20 + 30 + 10 + 预算执行率 10 = 100; two indicators with different names.
        let text = Self.table.replacingOccurrences(of: "ROW", with: "30").replacingOccurrences(of: "EXTRA", with: "预算执行率  100  10  98\n")
        let found = codes(text)
        XCTAssertFalse(found.contains("P612") || found.contains("P613") || found.contains("P614"), "\(found)")
        // 90 without the execution row: only the missing row is reported.
        let ninety = codes(Self.table.replacingOccurrences(of: "ROW", with: "30").replacingOccurrences(of: "EXTRA", with: ""))
        XCTAssertEqual(ninety.filter { $0.hasPrefix("P61") }, ["P614"])
        // A table with weights whose title is no 部门整体 self-evaluation is none of these rules' business.
        let other = codes(Self.table.replacingOccurrences(of: "部门整体支出绩效自评表", with: "项目分解表").replacingOccurrences(of: "ROW", with: "21").replacingOccurrences(of: "EXTRA", with: ""))
        XCTAssertFalse(other.contains { $0.hasPrefix("P61") }, "\(other)")
    }

    // MARK: P616 and P607 on scores stated away from the project's name

    static let project = """
    部门 示例县档案局
    年度 2024
    单位 万元
    绩效 示例县档案局档案数字化经费
    资金 年初预算数 20 全年预算数 20 全年执行数 20
    执行率 100% 分值 10 得分 10
    指标 产出指标/数量指标/数字化卷数 目标 ≥3万卷 实际 3 分值 90 得分 SCORE
    总分 100 TOTAL

    说明 一、项目概况
    档案数字化经费项目用于馆藏档案的数字化。
    经评价，该项目得分NARRATIVE分，评价等级为“良”。
    说明 二、其他
    全年接待查档群众1200人次，得分率较上年提高。
    部门整体自评得分95分。

    """

    func report(score: String, total: String, narrative: String) -> Analysis {
        Analysis(text: Self.project.replacingOccurrences(of: "SCORE", with: score).replacingOccurrences(of: "TOTAL", with: total)
            .replacingOccurrences(of: "NARRATIVE", with: narrative))
    }

    func testTruncatedScoreIsAWarningTiedToTheParagraphsProject() throws {
        // 87.51 written 87 in the line after the one naming the project (without the 示例县档案局 prefix).
        let analysis = report(score: "77.51", total: "87.51", narrative: "87")
        let finding = try XCTUnwrap(analysis.findings("P616").first, "\(analysis.diagnostics.map(\.message))")
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(analysis.text(of: finding), "87")
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "88")
        XCTAssertTrue(analysis.findings("P607").isEmpty)
    }

    func testWrongScoreInAParagraphWithoutTheNameIsP607() {
        let analysis = report(score: "75", total: "85", narrative: "95")
        XCTAssertEqual(analysis.findings("P607").map { analysis.text(of: $0) }, ["95"])
        XCTAssertTrue(analysis.findings("P616").isEmpty)
    }

    func testScoresThatHoldOrBelongToAnotherBlockAreLeftAlone() {
        // 87.49 → 87 rounds; 87.51 → 88 rounds; the 95 of the next section is the whole department's.
        for (score, total, narrative) in [("77.49", "87.49", "87"), ("77.51", "87.51", "88"), ("77.51", "87.51", "87.51")] {
            let analysis = report(score: score, total: total, narrative: narrative)
            XCTAssertTrue(analysis.findings("P616").isEmpty && analysis.findings("P607").isEmpty,
                          "\(narrative) for \(total): \(analysis.diagnostics.map(\.message))")
        }
    }

    // MARK: P615 goal rates against the indicators (SE-7)

    static let goals = """
    绩效 医保稽核经费
    资金 全年预算数 5 全年执行数 5
    执行率 100% 分值 10 得分 10
    年度目标 完成年度稽核 完成情况 完成稽核120家 完成率 RATE1
    年度目标 提升基金安全 完成情况 追回违规资金 完成率 RATE2
    指标 产出指标/数量指标/稽核家数 目标 ≥100家 实际 120 分值 60 得分 60 完成 完成
    指标 满意度指标/服务对象满意度指标/满意度 目标 ≥90% 实际 95 分值 30 得分 FLAGSCORE 完成 FLAG
    总分 100 TOTAL

    """

    func goals(_ rate1: String, _ rate2: String, flag: String = "完成", flagScore: String = "30", total: String = "100") -> Analysis {
        analyze(Self.goals.replacingOccurrences(of: "RATE1", with: rate1).replacingOccurrences(of: "RATE2", with: rate2)
            .replacingOccurrences(of: "FLAGSCORE", with: flagScore).replacingOccurrences(of: "FLAG", with: flag).replacingOccurrences(of: "TOTAL", with: total))
    }

    func testZeroGoalRatesAgainstCompletedIndicators() throws {
        let analysis = goals("0", "0.00%")
        let finding = try XCTUnwrap(analysis.findings("P615").first)
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(analysis.text(of: finding), "0")
    }

    func testGoalRatesThatDoNotContradictAreLeftAlone() {
        // One goal partly done; an indicator 未完成 with a failing score; all done.
        XCTAssertTrue(goals("0", "50%").findings("P615").isEmpty)
        XCTAssertTrue(goals("0", "0", flag: "未完成", flagScore: "0", total: "70").findings("P615").isEmpty)
        XCTAssertTrue(goals("100%", "100.00%").findings("P615").isEmpty)
    }

    // MARK: P617 the narrative's goals of a project against its 年度目标 (§7 S1-7, S1-2)

    func archive(narrative: String, tableGoals: [String], name: String = "档案数字化经费") -> Analysis {
        analyze("""
        说明 九、预算绩效情况说明
        (3) 2024 \(name)项目绩效自评综述：
        根据年初设定的绩效目标，该项目绩效自评得分为 95 分。项目绩效目标完成情况：\(narrative)未发现问题。

        绩效 \(name)
        资金 全年预算数 12 全年执行数 12
        执行率 100% 分值 10 得分 10

        """ + tableGoals.map { "年度目标 \($0) 完成情况 已完成 完成率 100%\n" }.joined() + """
        指标 产出指标/数量指标/数字化页数 目标 ≥10万页 实际 10 分值 90 得分 85 完成 完成
        总分 100 95

        """)
    }

    static let archiveGoals = ["通过馆藏档案数字化加工，完成十万页纸质档案扫描著录。", "通过数字档案室建设，实现档案在线查阅利用。"]
    static let fireGoals = ["通过库房消防设施改造，消除火灾隐患。", "通过更新温湿度监控设备，确保库房环境达标。"]

    func testNarrativeGoalsOfAnotherProject() throws {
        // The table's goals are another project's (库房消防): the narrative's share the name's words.
        let analysis = archive(narrative: "1、" + Self.archiveGoals[0] + "2、" + Self.archiveGoals[1], tableGoals: Self.fireGoals)
        let finding = try XCTUnwrap(analysis.findings("P617").first, "\(analysis.diagnostics.map(\.message))")
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(analysis.text(of: finding), "通过库房消防设施改造，消除火灾隐患。", "on the table's goal: the side that is not about the project")
        XCTAssertTrue(finding.message.contains("疑为其他项目的自评表内容"), finding.message)
        XCTAssertEqual(finding.related.count, 1)
        // The other way round: the narrative copied another project's goals.
        let copied = archive(narrative: "1、" + Self.fireGoals[0] + "2、" + Self.fireGoals[1], tableGoals: Self.archiveGoals)
        let other = try XCTUnwrap(copied.findings("P617").first)
        XCTAssertTrue(copied.text(of: other).hasPrefix("1、通过库房消防"), copied.text(of: other))
        XCTAssertTrue(other.message.contains("疑为照抄了其他项目的目标"), other.message)
    }

    func testGoalsCopiedShortenedOrRewordedAreLeftAlone() {
        XCTAssertEqual(archive(narrative: "1、" + Self.archiveGoals[0] + "2、" + Self.archiveGoals[1], tableGoals: Self.archiveGoals).findings("P617").count, 0, "verbatim")
        XCTAssertEqual(archive(narrative: "通过馆藏档案数字化加工，完成了十万页纸质档案的扫描著录。", tableGoals: Self.archiveGoals).findings("P617").count, 0,
                       "one goal of two, reworded")
        XCTAssertEqual(archive(narrative: "各项目标均已完成。", tableGoals: Self.fireGoals).findings("P617").count, 0, "too short to compare")
        XCTAssertEqual(archive(narrative: "1、" + Self.archiveGoals[0], tableGoals: ["完成扫描"]).findings("P617").count, 0, "the table's goal too short")
    }

    // MARK: X411 economic against functional lines (X-13)

    func tables(pension06: String, pension05: String, fund06: String) -> String {
        """
        表 公开05 一般公共预算财政拨款支出决算表
        合计  20.00  20.00  0.00
        208  社会保障和就业支出  \(pension05)  \(pension05)  0.00
        20805  行政事业单位养老支出  \(pension05)  \(pension05)  0.00
        2080505  机关事业单位基本养老保险缴费支出  \(pension05)  \(pension05)  0.00

        表 公开06 一般公共预算财政拨款基本支出决算表
        301  工资福利支出  20.00
        30108  机关事业单位基本养老保险缴费  \(pension06)
        30113  住房公积金  \(fund06)

        """
    }

    func testEconomicLineAgainstItsFunctionalLineIsInformation() throws {
        let analysis = analyze(tables(pension06: "18.00", pension05: "20.00", fund06: "2.00"))
        let found = analysis.findings("X411")
        // 30108 18.00 against 2080505 20.00; 30113 has no 2210201 line to compare with.
        XCTAssertEqual(found.map { analysis.text(of: $0) }, ["18.00"], "\(found.map(\.message))")
        XCTAssertEqual(found.first?.severity, .information)
        XCTAssertTrue(found.first?.message.contains("差额 -2.00") ?? false)
    }

    func testMatchingLinesRaiseNoX411() {
        XCTAssertFalse(codes(tables(pension06: "20.00", pension05: "20.00", fund06: "0.00")).contains("X411"))
    }

    // MARK: N512 carry-over wording

    func carryOver(opening: String, project: String) -> String {
        """
        表 公开01 收入支出决算总表
        收入
        一、一般公共预算财政拨款收入  50.00
        本年收入合计  50.00
        年初结转和结余  \(opening)
        总计  \(opening == "0.00" ? "50.00" : "58.00")
        支出
        九、卫生健康支出  \(opening == "0.00" ? "50.00" : "58.00")
        本年支出合计  \(opening == "0.00" ? "50.00" : "58.00")
        总计  \(opening == "0.00" ? "50.00" : "58.00")

        说明 一、收入支出决算总体情况说明
        本单位实行零基预算，年末无结余。

        绩效 \(project)
        资金 全年预算数 8 全年执行数 8
        总分 100 95

        """
    }

    func testProjectFundedFromABalanceThatIsZero() throws {
        let analysis = analyze(carryOver(opening: "0.00", project: "档案馆2023年上年结转资金"))
        let finding = try XCTUnwrap(analysis.findings("N512").first)
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(analysis.text(of: finding), "档案馆2023年上年结转资金")
        XCTAssertTrue(finding.related.contains { $0.message.contains("无结余") })
    }

    func testCarryOverWordingThatHolds() {
        // A balance opened the year; or the project's name says nothing of a balance.
        XCTAssertFalse(codes(carryOver(opening: "8.00", project: "档案馆2023年上年结转资金")).contains("N512"))
        XCTAssertFalse(codes(carryOver(opening: "0.00", project: "档案数字化经费")).contains("N512"))
    }

    // MARK: N513 本年收入合计 stated as 收入总计

    func incomeScope(_ stated: String) -> String {
        """
        说明 二、收入决算情况说明
        本年收入合计\(stated)万元，全部为财政拨款。

        表 附表1 部门整体支出绩效自评表（资金）
        列 资金总额 财政拨款 年初结转结余资金；资金总额 = 财政拨款 + 年初结转结余资金
        年度部门整体支出预算  230.50  200.00  30.50

        """
    }

    func testIncomeIncludingTheOpeningBalance() throws {
        let analysis = analyze(incomeScope("230.50"))
        let finding = try XCTUnwrap(analysis.findings("N513").first, "\(analysis.diagnostics.map(\.message))")
        XCTAssertEqual(analysis.text(of: finding), "230.50")
        XCTAssertTrue(finding.message.contains("应为 200.00"), finding.message)
    }

    func testIncomeWithoutTheOpeningBalanceIsLeftAlone() {
        XCTAssertFalse(codes(incomeScope("200.00")).contains("N513"))
        XCTAssertFalse(codes(incomeScope("215.00")).contains("N513"))
    }

    // MARK: N514 a project list against its count and budget

    func projectList(count: Int, budget: String, items: [String]) -> String {
        "说明 一、部门基本情况\n本馆本年度安排项目共 \(count) 个，预算金额为 \(budget) 万元，具体如下：\n"
            + items.enumerated().map { "\($0.offset + 1)、\($0.element)" }.joined(separator: "\n") + "\n（二）其他情况。本馆2024年无其他收入。\n"
    }

    static let items = ["2023年度档案数字化经费（档财〔2023〕12号）12.5 万元，已全部支出；", "库房改造经费 30 万元，支出 28 万元；", "馆藏修复经费 7.5 万元。"]

    func testListLongerThanItsCountAndAmountsThatMissTheBudget() {
        let analysis = analyze(projectList(count: 2, budget: "60", items: Self.items))
        let found = analysis.findings("N514")
        XCTAssertEqual(found.count, 2, "\(found.map(\.message))")
        XCTAssertEqual(found.map { analysis.text(of: $0) }, ["2", "60"])
        // 12.5 + 30 + 7.5 = 50: the 2023 of the name and the 12 of the 文号 are no amounts.
        XCTAssertTrue(found[1].message.contains("50") && found[1].message.contains("差额 +10"), found[1].message)
    }

    func testListThatReconcilesIsLeftAlone() {
        XCTAssertFalse(codes(projectList(count: 3, budget: "50", items: Self.items)).contains("N514"))
        // A count with no list after it, or a list of something else.
        XCTAssertFalse(codes("说明 一、部门基本情况\n全年共 6 个项目，预算金额 50 万元。\n本年度工作如下。\n1、开展培训 3 次；\n").contains("N514"))
    }

    func spendingList(_ spending: String, budget: String = "50", items: [String]) -> String {
        "说明 一、部门基本情况\n本馆本年度安排项目共 \(items.count) 个，预算金额为 \(budget) 万元，当年支出 \(spending) 万元，具体如下：\n"
            + items.enumerated().map { "\($0.offset + 1)、\($0.element)" }.joined(separator: "\n") + "\n（二）其他情况。\n"
    }

    func testItemsThatSpentMoreThanTheStatedSpending() throws {
        // 12.5 spent in full + 28 spent = 40.5 at least, against 40.
        let analysis = analyze(spendingList("40", items: Self.items))
        let finding = try XCTUnwrap(analysis.findings("N514").first, "\(analysis.diagnostics.map(\.message))")
        XCTAssertEqual(analysis.text(of: finding), "40")
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertTrue(finding.message.contains("40.5") && finding.message.contains("差额 -0.5"), finding.message)
        XCTAssertEqual(finding.related.count, 2)
        // A contribution passed on (上缴) is spent, as a project 已全部支出 that 上缴 part of it says.
        let passedOn = ["城乡居民医保县级配套资金 100 万元，按 128 元/人上缴，已上缴 96.5 万元；", "代办员补助资金 4 万元，已全部支出。"]
        XCTAssertEqual(analyze(spendingList("99.9", budget: "104", items: passedOn)).findings("N514").map(\.severity), [.warning])
    }

    func testSpendingTheItemsDoNotContradictIsLeftAlone() {
        XCTAssertFalse(codes(spendingList("40.5", items: Self.items)).contains("N514"), "equal")
        XCTAssertFalse(codes(spendingList("48", items: Self.items)).contains("N514"), "the third item's spending is not said")
        let returned = ["档案数字化经费 12.5 万元，支出 8 万元，剩余 4.5 万元上缴财政；", "库房改造经费 30 万元，已上缴国库结余 3 万元，支出 20 万元；", "馆藏修复经费 7.5 万元，由财政统一代发，未拨付到本馆。"]
        XCTAssertFalse(codes(spendingList("28", items: returned)).contains("N514"), "a balance returned is not spent: 8 + 20 = 28")
        XCTAssertFalse(codes("说明 一、部门基本情况\n本馆共 2 个项目，预算金额 42.5 万元，基本支出 10 万元，具体如下：\n1、档案数字化经费 12.5 万元，已全部支出；\n2、库房改造经费 30 万元，已全部支出。\n").contains("N514"),
                       "basic spending is not the list's")
        XCTAssertFalse(codes("说明 一、部门基本情况\n本馆共 2 个项目，预算金额 42.5 万元，财政拨款支出 30 万元，其他资金支出 10 万元，具体如下：\n1、档案数字化经费 12.5 万元，已全部支出；\n2、库房改造经费 30 万元，已全部支出。\n").contains("N514"),
                       "two spending figures: which one is the list's is not certain")
    }

    // MARK: G703 old template labels in the glossary

    func testOldTemplateLabelInTheGlossary() throws {
        let analysis = analyze("名词解释\n（四）上年结转结余：反映以前年度结转到本年使用的资金。\n（五）年末结转和结余：反映结转到下年的资金。\n")
        let finding = try XCTUnwrap(analysis.findings("G703").first)
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "年初结转和结余")
        XCTAssertEqual(analysis.findings("G703").count, 1)
    }

    func testCurrentLabelsAreLeftAlone() {
        XCTAssertFalse(codes("名词解释\n年初结转和结余：反映以前年度结转到本年使用的资金，上年结转和结余的资金。\n").contains("G703"))
    }

    // MARK: P609 a 其中 line above its 资金 line when not all are listed

    func testFundPartAboveTheTotalWhenNotAllAreListed() throws {
        let text = "绩效 库房改造经费\n资金 年初预算数 20 全年预算数 30 全年执行数 28\n其中 财政拨款 全年预算数 32 全年执行数 27\n其中 其他资金 全年执行数 1\n"
        let analysis = analyze(text)
        let found = analysis.findings("P609")
        // 全年预算数: only 财政拨款 states it, and 32 > 30; 全年执行数 27 + 1 = 28 holds.
        XCTAssertEqual(found.map { analysis.text(of: $0) }, ["32"], "\(found.map(\.message))")
    }

    func testFundPartsWithinTheTotalAreLeftAlone() {
        let text = "绩效 库房改造经费\n资金 年初预算数 20 全年预算数 30 全年执行数 28\n其中 财政拨款 全年预算数 29.995 全年执行数 27\n其中 其他资金 全年执行数 1\n"
        XCTAssertFalse(codes(text).contains("P609"))
    }

    // MARK: N515 two budgets for one spending; a project above all projects

    func budgets(_ second: String, project: String) -> String {
        """
        说明 三、项目支出情况
        本馆项目支出预算总额为120.00万元，全年支出总额为118.50万元。
        本年共安排4个项目，涉及预算总金额\(second)万元，全年实际支出为118.50万元。
        其中档案数字化经费该项目经费预算\(project)万元，执行率95%。

        """
    }

    func testTwoBudgetsForOneSpendingAndAProjectAboveAll() {
        let analysis = analyze(budgets("150.00", project: "130.00"))
        XCTAssertEqual(analysis.findings("N515").map { analysis.text(of: $0) }, ["150.00", "130.00"], "\(analysis.diagnostics.map(\.message))")
        XCTAssertTrue(analysis.findings("N515").allSatisfy { $0.severity == .warning })
    }

    func testBudgetsThatAgreeAreLeftAlone() {
        XCTAssertFalse(codes(budgets("120.00", project: "60.00")).contains("N515"))
        // A 年初 budget and an adjusted one may differ for the same spending.
        let kinds = "说明 三、项目支出情况\n本馆项目支出年初预算为100.00万元，全年支出总额为118.50万元。\n调整后预算为120.00万元，全年支出总额为118.50万元。\n"
        XCTAssertFalse(codes(kinds).contains("N515"))
    }
}
