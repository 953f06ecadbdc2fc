import JuesuanChecks
import XCTest

/// Readings found in session 31 on the school probe's misses and wordings of our own, on the
/// education probe's tables: 公开01 本年收入合计 3,186.50, 一般公共预算财政拨款收入 2,856.40,
/// 教育支出 2,560.18, 本年支出合计 3,220.80; 公开05 教育支出 2,329.48, 合计 2,870.10.
final class ProbeSession31ReadingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"
    static let fundSection = "五、一般公共预算财政拨款支出决算情况说明"

    // MARK: A share whose part and whole are both named, with no amount written

    func testAShareOfTwoNamedAmountsIsJudgedOnTheirTables() throws {
        // 2,856.40 ÷ 3,186.50 = 89.64%; 2,560.18 ÷ 3,220.80 = 79.49%.
        try assertEach(["一般公共预算财政拨款收入占本年收入合计的比重为89.64%，比上年提高1.20个百分点。",
                        "一般公共预算财政拨款收入占本年收入合计的89.64%。"],
                       moving: "89.64", to: "88.64", finds: ["N502 88.64"])
        try assertEach(["教育支出占本年支出合计的比重为79.49%。", "从支出结构看，教育支出占本年支出合计的79.49%，是最主要的支出。"],
                       moving: "79.49", to: "78.49", finds: ["N502 78.49"])
        // In a fund's section, its 类 of its total (2,329.48 ÷ 2,870.10 = 81.16%).
        let probe = try ProbeProse(Self.probe)
        probe.assertEach(["教育支出占一般公共预算财政拨款支出的81.16%。"], moving: "81.16", to: "82.16", finds: ["N502 82.16"], title: Self.fundSection)
    }

    func testAShareOfTwoNamedAmountsIsNotJudgedWhenOnePairOfTheirFiguresHolds() throws {
        // 教育支出 is printed by 公开01 and 公开05: 2,329.48 ÷ 3,220.80 = 72.33% holds too.
        XCTAssertEqual(try findings("教育支出占本年支出合计的比重为72.33%。"), [])
        // Last year's share, a share with no whole named, a part no table prints: not judged.
        XCTAssertEqual(try findings("上年教育支出占本年支出合计的比重为75.00%。"), [])
        XCTAssertEqual(try findings("教育支出占比70.00%。"), [])
        XCTAssertEqual(try findings("教学科研支出占本年支出合计的比重为30.00%。"), [])
        // A share with its amount written is still of that amount (2,560.18 ÷ 3,220.80).
        try assertEach(["教育支出2,560.18万元，占本年支出合计的比重为79.49%。"], moving: "79.49", to: "77.49", finds: ["N502 77.49"])
    }

    // MARK: A change that names its item before its direction word

    func testAChangeNamingACategoryBeforeItsDirectionIsOfThatCategory() throws {
        // It was of the amount of the sentence before (2,870.10): a false N503. In the fund's
        // section, of 公开05's 2,329.48: 120.00 ÷ 2,209.48 = 5.43%.
        let probe = try ProbeProse(Self.probe)
        for sentence in ["2024年度一般公共预算财政拨款支出2,870.10万元。与上年相比，教育支出增加120.00万元，增长5.43%。",
                         "一般公共预算财政拨款支出2,870.10万元，比上年增加170.10万元，增长6.30%。与上年相比，教育支出增加120.00万元，增长5.43%；主要是教师绩效工资调整。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
            XCTAssertEqual(probe.findings(sentence, title: Self.fundSection), [], sentence)
        }
        probe.assertEach(["一般公共预算财政拨款支出中，与上年相比，教育支出增加120.00万元，增长5.43%。",
                          "与2023年度相比，教育支出增加120.00万元，增长5.43%。"],
                         moving: "5.43", to: "5.53", finds: ["N503 5.53"], title: Self.fundSection)
    }
}

/// The false findings of the two prose probes of session 31 (an ecology bureau, a human
/// resources bureau), each in wordings of our own on the education probe's tables (公开01
/// 本年支出合计 3,220.80, 基本支出 2,641.23; 公开05 合计 2,870.10 = 基本支出 2,481.23 +
/// 项目支出 388.87; 公开09 公务接待费 决算 3.36).
final class ProbeSession31FalseFindingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testAListAfterABracketThatDividedItsWholeIsAnotherDivision() throws {
        XCTAssertEqual(try findings("离退休人员35人（离休1人、退休34人），其中由单位发放退休费的7人。"), [])
        XCTAssertEqual(try findings("离退休人员35人（离休1人、退休35人），其中由单位发放退休费的7人。"), ["N504 35"])
        XCTAssertEqual(try findings("离退休人员35人（离休1人、退休34人），其中由单位发放退休费的36人。"), ["N504 35"])
    }

    func testTheNameOfAClassificationIsNoSideOfAShare() throws {
        // 公开01 教育支出 2,560.18 of 本年收入合计 3,186.50 = 80.34% (income by function), not of 本年支出合计.
        try assertEach(["按支出功能分类科目看，本年收入中教育支出2,560.18万元，占80.34%。"], moving: "80.34", to: "81.34", finds: ["N502 81.34"])
    }

    func testWhatAFundPaidForIsNotItsIncome() throws {
        XCTAssertEqual(try findings("基本支出中，一般公共预算财政拨款安排2,481.23万元，非财政拨款资金安排160.00万元。"), [])
    }

    func testBasicAndProjectSpendingOfAnItemOrACostAreItsOwnSplit() throws {
        XCTAssertEqual(try findings("公务用车运行维护费18.90万元（基本支出14.00万元、项目支出4.90万元）。"), [])
        XCTAssertEqual(try findings("教育支出2,560.18万元，其中基本支出2,100.61万元、项目支出459.57万元。"), [])
        XCTAssertEqual(try findings("教育管理事务（款）行政运行（项）：支出决算412.36万元，年初预算400.00万元，其中基本支出398.16万元、项目支出14.20万元。"), [])
        // A fund's total: its 公开05 split; the department's: 公开03's.
        try assertEach(["一般公共预算财政拨款支出2,870.10万元，其中基本支出2,481.23万元、项目支出388.87万元。"],
                       moving: "2,481.23", to: "2,491.23", finds: ["N501 2,491.23"])
        try assertEach(["本年支出合计3,220.80万元，其中基本支出2,641.23万元。"], moving: "2,641.23", to: "2,651.23", finds: ["N501 2,651.23"])
    }

    func testAnAverageIsOfThisYearsAmountNotLastYearsNorABracketsPart() throws {
        // 3.36万元 ÷ 12批次 = 2,800.00元.
        try assertEach(["公务接待费3.36万元，比上年（3.90万元）减少0.54万元，共接待12批次，平均每批次2,800.00元。",
                        "公务接待费3.36万元（基本支出2.00万元、项目支出1.36万元），共接待12批次，平均每批次2,800.00元。"],
                       moving: "2,800.00", to: "2,900.00", finds: ["N516 2,900.00"])
    }

    func testRoughlyLevelIsNoClaimOfNoChange() throws {
        XCTAssertEqual(try findings("教育支出（类）年初预算2,550.00万元，决算2,560.18万元，与预算基本持平。"), [])
        XCTAssertEqual(try findings("教育支出（类）年初预算2,550.00万元，决算2,560.18万元，与预算持平。").map { String($0.prefix(4)) }, ["N503"])
    }

    func testARateAfterLastYearsAmountIsOfLastYearNotOfTheBudgetsSaving() throws {
        // (3.36 − 3.90) ÷ 3.90 = −13.85%.
        try assertEach(["公务接待费全年预算6.00万元，实际支出3.36万元，节约2.64万元，执行率56.00%；比上年3.90万元下降13.85%。"],
                       moving: "13.85", to: "14.85", finds: ["N503 14.85"])
    }

    func testARateNamingItsOwnItemIsNotOfAnotherItemsChange() throws {
        XCTAssertEqual(try findings("与上年相比，社会保障和就业支出增长7.97%，卫生健康支出增加2.18万元，住房保障支出增长2.68%。"), [])
    }

    func testAChangeNamingAnItemNoTablePrintsIsNotOfTheFigureBeforeASemicolon() throws {
        XCTAssertEqual(try findings("其中，对城乡居民的补助较2023年度的3,015.60万元增加270.80万元，增长8.98%；城乡困难群众救助较2023年度增加164.31万元，增长12.75%。"), [])
    }

    func testAChangeInASentenceOpenedByWhatChangedIsOfItsAmountWrittenBefore() throws {
        // The ecology probe's government fund: 本年支出 548.30 (公开07), last year 415.80.
        let probe = try ProbeProse("probe-ecology.juesuan")
        probe.assertEach(["本年收入600.00万元，本年支出548.30万元，年末结转和结余124.20万元。本年支出全部为其他政府性基金安排的支出，用于矿山生态修复，比上年415.80万元增加132.50万元，增长31.87%。"],
                         moving: "132.50", to: "142.50", finds: ["N503 142.50"], title: "九、政府性基金预算财政拨款收入支出决算情况说明")
    }
}

/// The false findings of the court (tables in 元) and agriculture probes of session 31, in their
/// wordings and ours.
final class ProbeSession31SecondRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testA万元FigureRoundedFromATableIn元() throws {
        // 公开01 年末结转和结余 126,540.00元 = 12.654万元; 年初 380,160.00元.
        let court = try ProbeProse("probe-court.juesuan")
        court.assertEach(["年末结转和结余12.65万元，较年初减少25.36万元。"], moving: "12.65", to: "13.65", finds: ["N501 13.65"])
        XCTAssertEqual(court.findings("年末结转和结余约12.7万元。"), [])
    }

    func testAChangeIn元OfAnAmountIn万元() throws {
        // 公开09 公务接待费 18,426.00元: (18,426.00 + 15,844.00) ÷ … = 46.23% down.
        let court = try ProbeProse("probe-court.juesuan")
        court.assertEach(["公务接待费决算1.84万元，与上年相比减少15,844.00元，下降46.23%。"], moving: "46.23", to: "47.23", finds: ["N503 47.23"])
    }

    func testAMeasureAfterTheLastHeadIsEveryHeads() throws {
        // 公开05 教育支出 2,329.48 and 卫生健康支出 96.55: budgets are not the actuals.
        // (The 决算 of the second run are not yet read as the heads': not judged.)
        XCTAssertEqual(try findings("教育支出（类）、卫生健康支出（类）的年初预算分别为2,500.00万元和90.00万元，决算分别为2,329.48万元和96.55万元。"), [])
        try assertEach(["教育支出（类）、卫生健康支出（类）分别为2,329.48万元和96.55万元。"], moving: "96.55", to: "97.55", finds: ["N501 97.55"])
    }

    func testTheLaterFiguresOfARespectivelyRunAreNotTheTopics() throws {
        XCTAssertEqual(try ProbeProse(Self.probe).findings("教育管理事务和普通教育两款，决算数分别为412.36万元和1,917.12万元。",
                                                           title: "五、一般公共预算财政拨款支出决算情况说明"), [])
    }

    func testATableInWordsIsNotJudgedByTheFirstItemsName() throws {
        XCTAssertEqual(try findings("各项的年初预算、支出决算和完成率如下：行政运行400.00万元、412.36万元、103.09%；普通教育1,900.00万元、1,917.12万元、100.90%。"), [])
    }

    func testWordsAfterAListMarkerNameThePart() throws {
        XCTAssertEqual(try findings("人员经费主要包括基本工资612.30万元、津贴补贴300.00万元。"), [])
    }

    func testADifferenceFromTheInitialBudgetIsNotOfTheFullBudget() throws {
        XCTAssertEqual(try findings("该项目全年预算与执行数均为1,180.00万元，执行率100%，比年初预算增加280.00万元。"), [])
    }

    func testTheGradeMiddleIsNoAmongWord() throws {
        try assertEach(["自评结果为“优”的15个、“良”的4个、“中”的1个，评优率为75.00%。"], moving: "75.00", to: "76.00", finds: ["N510 76.00"])
    }

    func testAShareWrittenWith相当于() throws {
        // 公开06 公用经费合计 234.47: 174.28 ÷ 234.47 = 74.33%.
        try assertEach(["机关运行经费支出174.28万元，相当于一般公共预算财政拨款公用经费的74.33%。",
                        "公用经费234.47万元。机关运行经费支出174.28万元，相当于公用经费的74.33%。"],
                       moving: "74.33", to: "75.33", finds: ["N502 75.33"])
        XCTAssertEqual(try findings("公务接待费决算3.36万元，相当于上年的86.15%。"), [])
    }
}
