import JuesuanChecks
import XCTest

/// The false findings of session 32's two prose probes (a science and technology bureau, an
/// urban management bureau), each in wordings of our own on the education probe's tables:
/// 公开04 本年支出合计 2,990.10 = 一般公共预算财政拨款 2,870.10 + 政府性基金预算财政拨款 120.00
/// (incomes 2,856.40 and 120.00); 公开05 小学教育（项） 1,240.10 = 基本支出 1,002.40 + 项目支出 237.70.
final class ProbeSession32FalseFindingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    // MARK: Heads of a respectively run

    func testTheWordsAfterTheLastFundAreEveryFundsMeasure() throws {
        // A fund named alone is its income (2,856.40): here each fund's 本年支出.
        try assertEach(["一般公共预算财政拨款和政府性基金预算财政拨款本年支出分别为2,870.10万元和120.00万元。",
                        "一般公共预算财政拨款、政府性基金预算财政拨款的支出分别是2,870.10万元、120.00万元。"],
                       moving: "2,870.10", to: "2,880.10", finds: ["N501 2,880.10"])
        // Nor is the second fund's spending a share of the first's: both are of the whole named.
        try assertEach(["一般公共预算财政拨款与政府性基金预算财政拨款本年支出分别为2,870.10万元和120.00万元，分别占财政拨款本年支出的95.99%和4.01%。"],
                       moving: "4.01", to: "5.01", finds: ["N502 5.01"])
    }

    // MARK: An amount its following words say was left over

    func testAnAmountCarriedOverOrHandedBackIsNotTheTopics() throws {
        for sentence in ["小学教育（项）支出决算为1,240.10万元，因部分工程尚未完工，35.00万元结转下年继续使用。",
                         "小学教育（项）支出决算为1,240.10万元，另有8.60万元按规定收回，3.20万元已上缴财政。",
                         "小学教育（项）支出决算1,240.10万元；12.00万元留待下年度支付尾款。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        try assertEach(["小学教育（项）支出决算为1,240.10万元，因部分工程尚未完工，35.00万元结转下年继续使用。"],
                       moving: "1,240.10", to: "1,250.10", finds: ["N501 1,250.10"])
    }

    // MARK: A list of parts followed by another year or a change

    func testLastYearsAmountEndsAListOfThisYearsParts() throws {
        XCTAssertEqual(try findings("培训费支出共计30.00万元，其中：师资培训18.00万元，上年为36.00万元。"), [])
        try assertEach(["培训费支出共计30.00万元，其中：师资培训18.00万元、管理人员培训12.00万元，上年为36.00万元。"],
                       moving: "12.00", to: "13.00", finds: ["N504 30.00"])
    }

    func testAChangeAfterAListOfPartsIsTheWholesUnlessTheLastPartsHolds() throws {
        // The whole's: 30.00 − 36.00 = −6.00, 6.00 ÷ 36.00 = 16.67% (of the last part: 12.00 − 36.00).
        let withLastYear = "培训费支出共计30.00万元，其中：师资培训18.00万元、管理人员培训12.00万元，较上年的36.00万元减少6.00万元，下降16.67%。"
        try assertEach([withLastYear], moving: "6.00万元，", to: "7.00万元，", finds: ["N503 7.00"])
        try assertEach([withLastYear], moving: "16.67", to: "17.67", finds: ["N503 17.67"])
        // No last year written: 3.00 ÷ 33.00 = 9.09% of the whole; 3.00 ÷ 15.00 = 20.00% of the
        // last part — either reading holds; neither does 10.09%.
        let changeOnly = "培训费支出共计30.00万元，其中：师资培训18.00万元、管理人员培训12.00万元，比上年减少3.00万元，下降9.09%。"
        XCTAssertEqual(try findings(changeOnly.replacingOccurrences(of: "9.09", with: "20.00")), [])
        try assertEach([changeOnly], moving: "9.09", to: "10.09", finds: ["N503 10.09"])
        // One part alone: the change is that part's (12.00 − 3.00 … 3.00 ÷ 15.00 = 20.00%).
        XCTAssertEqual(try findings("培训费支出共计30.00万元，其中：管理人员培训12.00万元，比上年减少3.00万元，下降20.00%。"), [])
    }

    // MARK: The split of a 项 after its colon

    func testBasicAndProjectSpendingAfterAnItemsColonAreItsSplit() throws {
        // They were judged as the department's 基本支出 and 项目支出 (公开05 合计 2,481.23, 388.87).
        try assertEach(["小学教育（项）：年初预算为1,200.00万元，支出决算为1,240.10万元。其中：基本支出1,002.40万元，项目支出237.70万元。",
                        "小学教育（项）：支出决算为1,240.10万元，其中：基本支出1,002.40万元，项目支出237.70万元。"],
                       moving: "237.70", to: "247.70", finds: ["N504 1,240.10"])
    }
}

/// Figures session 32's probes expected caught and the checker passed over, in wordings of our
/// own on the education probe's tables (小学教育（项） 1,240.10; 教育支出 2,560.18 of 本年支出合计
/// 3,220.80 in 公开01 is 79.49%).
final class ProbeSession32MissTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testActualGreaterOrLessThanTheBudgetIsABudgetDifference() throws {
        // 1,240.10 − 1,200.00 = 40.10; 1,300.00 − 1,240.10 = 59.90.
        try assertEach(["小学教育（项）年初预算为1,200.00万元，支出决算为1,240.10万元，决算数大于预算数40.10万元。"],
                       moving: "预算数40.10", to: "预算数41.10", finds: ["N503 41.10"])
        try assertEach(["小学教育（项）支出决算1,240.10万元，全年预算1,300.00万元，决算数小于预算数59.90万元。"],
                       moving: "59.90", to: "58.90", finds: ["N503 58.90"])
        // The wrong direction is said as such.
        let wrongWay = try ProbeProse(Self.probe).findingMessages("小学教育（项）年初预算为1,200.00万元，支出决算为1,240.10万元，决算数小于预算数40.10万元。")
        XCTAssertEqual(wrongWay.count, 1)
        XCTAssertTrue(wrongWay.first?.contains("增减方向不一致") == true, "\(wrongWay)")
    }

    func testACompletionAfterADifferenceFromTheBudgetIsOfTheBudgetItImplies() throws {
        // No budget written: 1,240.10 − 40.10 = 1,200.00, 1,240.10 ÷ 1,200.00 = 103.34%;
        // 1,240.10 + 59.90 = 1,300.00, 95.39%.
        try assertEach(["小学教育（项）支出决算数为1,240.10万元，比年初预算增加40.10万元，完成预算的103.3%。"],
                       moving: "103.3", to: "104.3", finds: ["N505 104.3"])
        try assertEach(["小学教育（项）支出决算数为1,240.10万元，较年初预算节约59.90万元，预算执行率95.39%。"],
                       moving: "95.39", to: "96.39", finds: ["N505 96.39"])
    }

    func testPercentagePointsAreThisYearsPercentageLessLastYears() throws {
        try assertEach(["教育支出占本年支出合计的比重为79.49%，上年为75.20%，比上年提高4.29个百分点。",
                        "教育支出占本年支出合计的比重由上年的75.20%提高到79.49%，提高4.29个百分点。",
                        "教育支出占本年支出合计的79.49%，比上年的75.2%上升了4.29个百分点。"],
                       moving: "4.29", to: "5.29", finds: ["N503 5.29"])
        // Rounding: 79.49 − 75.2 may be 4.3 (75.15 to 75.25).
        XCTAssertEqual(try findings("教育支出占本年支出合计的79.49%，比上年的75.2%上升了4.3个百分点。"), [])
        // Without last year's percentage nothing is judged; a wrong direction is said.
        XCTAssertEqual(try findings("教育支出占本年支出合计的79.49%，比上年提高4.29个百分点。"), [])
        XCTAssertEqual(try findings("教育支出占本年支出合计的比重由上年的75.20%提高到79.49%，下降4.29个百分点。"), ["N503 4.29个百分点"])
    }
}

/// The false findings and misses of session 32's second round of probes (a sports bureau, a
/// forestry bureau), in wordings of our own on the education probe's tables: 公开01 事业收入
/// 186.35, 其他收入 23.75, 年初结转和结余 97.30; 公开09 公务接待费 3.36, 12 批次, 86 人次; 公开05
/// 住房公积金（项） 142.65.
final class ProbeSession32SecondRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testAChangeNamingAnotherItemIsNotOfTheYearsBeforeItsSemicolon() throws {
        // 其他收入: 23.75 − 3.75 = 20.00, 3.75 ÷ 20.00 = 18.75% (not 事业收入's 170.00 → 186.35).
        try assertEach(["事业收入由上年的170.00万元增至186.35万元；其他收入同比增加3.75万元，增长18.75%。"],
                       moving: "18.75", to: "19.75", finds: ["N503 19.75"])
    }

    func testLastYearsCountsInABracketAreNeitherTheTablesNorWhatAnAverageIsOf() throws {
        let sentence = "公务接待费3.36万元，国内公务接待12批次、86人次（上年接待15批120人），人均接待费用390.70元。"
        try assertEach([sentence], moving: "12批次", to: "13批次", finds: ["N507 13"])
        try assertEach([sentence], moving: "390.70", to: "400.70", finds: ["N516 400.70"])
    }

    func testAClosingBalanceAfterTheOpeningsPartsIsNoPartAndChangesFromTheWholeOpening() throws {
        // 63.00 − 97.30 = −34.30, not from the fund's 40.20 nor a part of 97.30.
        try assertEach(["年初结转和结余97.30万元，其中：财政拨款结转40.20万元、其他资金57.10万元；年末结转和结余63.00万元，较年初减少34.30万元。",
                        "年初结转和结余97.30万元（一般公共预算财政拨款40.20万元）；年末结转和结余63.00万元，较年初减少34.30万元。"],
                       moving: "34.30", to: "35.30", finds: ["N503 35.30"])
    }

    func testAPriceOfOneThingAndACountItServedAreNoParts() throws {
        try assertEach(["设备购置费30.00万元，其中：服务器购置费24.80万元，单价为124,000元；存储设备5.20万元。"],
                       moving: "5.20", to: "6.20", finds: ["N504 30.00"])
        XCTAssertEqual(try findings("更新执法设备2台，主要用于6台旧设备的替换。"), [])
    }

    func testABudgetInABracketAfterTheActualIsItsBudget() throws {
        try assertEach(["住房公积金（项）支出决算为142.65万元（年初预算为140.00万元），完成年初预算的101.89%。"],
                       moving: "101.89", to: "102.89", finds: ["N505 102.89"])
    }

    func testAnAmountAfterABracketAndAJoinerIsNamedByItsOwnWords() throws {
        try assertEach(["收入总计3,283.80万元，包括本年收入合计3,186.50万元（事业收入186.35万元、其他收入23.75万元）和年初结转和结余97.30万元。"],
                       moving: "97.30", to: "98.30", finds: ["N501 98.30"])
    }
}

/// A change written in the paragraph after its amount (the forestry probe wrote one point a
/// line, the reason first), on the education probe's tables.
final class ProbeSession32ParagraphTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testAChangeOpeningAParagraphIsOfTheFirstAmountOfTheParagraphBefore() throws {
        // 2,870.10 − 170.10 = 2,700.00, 6.30%; 2,560.18 − 100.00 = 2,460.18, 4.06%.
        try assertEach(["2024年度一般公共预算财政拨款支出2,870.10万元，占本年支出合计的89.11%。\n支出比上年多，主要是教师绩效工资调整。因此较上年增加170.10万元，增长6.30%。"],
                       moving: "6.30", to: "7.30", finds: ["N503 7.30"])
        try assertEach(["本年收入合计3,186.50万元。\n教育支出2,560.18万元。\n较上年增加100.00万元，增长4.06%。"],
                       moving: "4.06", to: "5.06", finds: ["N503 5.06"])
        // Of a paragraph whose first amount has no known name: not judged.
        XCTAssertEqual(try findings("学生资助等杂项500.00万元。\n较上年增加100.00万元，增长9.00%。"), [])
    }

    func testAChangeNamingItsAmountFindsItInTheParagraphBefore() throws {
        // 3,186.50 − 186.50 = 3,000.00: 6.22%.
        try assertEach(["本年收入合计3,186.50万元。\n与上年相比，本年收入合计增加186.50万元，增长6.22%。"],
                       moving: "6.22", to: "7.22", finds: ["N503 7.22"])
    }
}

/// The false findings of session 32's third round (a media centre, an audit bureau), in
/// wordings of our own on the education probe's tables (公开01 事业收入 186.35, 其他收入 23.75,
/// 收入总计 3,283.80).
final class ProbeSession32ThirdRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testAChangeInAClauseOpenedByItsItemIsThatItems() throws {
        // 186.35 − 16.35 = 170.00: 9.62%; 23.75 + 1.25 = 25.00: 5.00% — each clause after a `；`
        // opens with its own item; not 本年收入合计 of the line before.
        let sentence = "事业收入主要是教学服务收入，比上年增加16.35万元，增长9.62%；其他收入为利息收入，较上年减少1.25万元，下降5.00%。"
        try assertEach([sentence, "本年收入合计3,186.50万元。\n" + sentence], moving: "9.62", to: "10.62", finds: ["N503 10.62"])
        try assertEach([sentence], moving: "5.00%", to: "6.00%", finds: ["N503 6.00"])
    }

    func testAChangeNamingItsItemIsNotOfAnotherItemWrittenBetween() throws {
        // 人员经费: 2,246.76 − 46.76 = 2,200.00, 2.13%; not 公用经费 234.47.
        try assertEach(["人员经费2,246.76万元，公用经费234.47万元，人员经费比上年增加46.76万元，增长2.13%。"],
                       moving: "2.13", to: "3.13", finds: ["N503 3.13"])
    }

    func testTheYearOpeningAClauseIsThatOfTheAmountsAfterIt() throws {
        for sentence in ["2023年度收入总计3,000.00万元，支出总计3,000.00万元。",
                         "本年收入总计3,283.80万元；2023年度收入总计3,000.00万元，支出总计3,000.00万元。",
                         "2023年度收、支总计各3,000.00万元。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        // A year named again is that year's: this year's 支出总计 is still compared.
        XCTAssertEqual(try findings("2023年度收入总计3,000.00万元，2024年度支出总计3,000.00万元。"), ["N501 3,000.00"])
    }

    func testTheDepartmentKeptRunningAfterWhatItPaysIsItself() throws {
        let analysis = Analysis(text: RuleDocumentation.head.replacingOccurrences(of: "示例县医疗保障局", with: "某县融媒体中心")
                                + "说明 二、收入决算情况说明\n基本支出主要用于保障人员工资福利和中心日常运转。\n")
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "T803" }.map(\.message), [])
    }
}

/// The false findings of session 32's fourth round (a commerce bureau writing its prose in 元, a
/// disabled persons' federation in numbered points), in wordings of our own on the education
/// probe's tables (公开09 公务接待费 全年预算 6.00, 决算 3.36 万元).
final class ProbeSession32FourthRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testAnAmountInYuanIsTheTablesWanYuanFigureRounded() throws {
        // 33,580.00元 = 3.358万元, printed 3.36; 33,480.00元 would print 3.35.
        XCTAssertEqual(try findings("公务接待费支出33,580.00元。"), [])
        XCTAssertEqual(try findings("公务接待费支出33,649.99元。"), [])
        XCTAssertEqual(try findings("公务接待费支出33,480.00元。"), ["N501 33,480.00"])
        XCTAssertEqual(try findings("公务接待费支出33,650.01元。"), ["N501 33,650.01"])
    }

    func testADifferenceFromTheBudgetIsInItsOwnUnit() throws {
        // 60,000.00 − 33,580.00 = 26,420.00元.
        try assertEach(["公务接待费全年预算为6.00万元，支出决算为33,580.00元，节约26,420.00元。"],
                       moving: "26,420.00", to: "27,420.00", finds: ["N503 27,420.00"])
    }

    func testARatePerHeadIsNoPartOfTheAmountsItPays() throws {
        try assertEach(["学生资助补助120.00万元，其中：按每人每月200元标准发放贫困生补助72.00万元、寄宿生补助48.00万元。"],
                       moving: "48.00", to: "49.00", finds: ["N504 120.00"])
    }

    func testAPartOfANamedAmountAfter的IsNotThatAmount() throws {
        // 授予中小企业的货物采购合同 is a part of 授予中小企业合同金额, not the whole that 小微 is part of.
        XCTAssertEqual(try findings("授予小微企业合同金额30.20万元。\n授予中小企业的货物采购合同10.80万元。"), [])
    }

    func testTheNumeralOfAPointIsNoPartOfTheName() throws {
        try assertEach(["二是公务接待费3.36万元。", "一是，公务接待费3.36万元。"], moving: "3.36", to: "4.36", finds: ["N501 4.36"])
    }

    func testAScoreNamedByAnotherSubjectIsNotTheProjects() {
        let block = "绩效 乡村商贸示范项目\n资金 年初预算数 100.00 全年预算数 100.00 全年执行数 95.00\n总分 100 95.78\n\n"
        let head = "部门 示例县商务局\n年度 2025\n单位 万元\n\n"
        let codes = { (prose: String) in Analysis(text: head + "说明 十三\n" + prose + "\n\n" + block).diagnostics.filter { $0.severity == .error }.map(\.code) }
        XCTAssertEqual(codes("乡村商贸示范项目自评得分为95.78分；外贸促进资金自评得分为95.42分。"), [])
        XCTAssertEqual(codes("乡村商贸示范项目自评得分为96.78分；外贸促进资金自评得分为95.42分。"), ["P607"])
        XCTAssertEqual(codes("乡村商贸示范项目自评得分为95.78分；该项目年度自评得分为96.78分。"), ["P607"])
    }
}

/// The false findings of session 32's fifth round (a party school, a provincial ethnic affairs
/// commission writing its totals in 亿元 too), in wordings of our own on the education probe's
/// tables (公开01 收入总计 3,283.80, 事业收入 186.35; 公开09 公务接待费 全年预算 6.00, 决算 3.36).
final class ProbeSession32FifthRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testWhatIsCarriedOverOfAnIncomeIsNotTheIncome() throws {
        XCTAssertEqual(try findings("年末结转和结余63.00万元，其中事业收入结转15.00万元，其他收入结余3.00万元。"), [])
    }

    func testAChangeOfACountDividesNothingAndSessionsAreCounted() throws {
        // 1,386 + 3,850 = 5,236 人次: the 其中 list is of this year's count, not of the increase 424.
        try assertEach(["举办培训班48期，培训学员5,236人次，比去年增加4期、424人次，其中主体班12期、1,386人次，专题培训班36期、3,850人次。"],
                       moving: "3,850", to: "3,950", finds: ["N504 5,236"])
        // The message lists each part by what is written of it: a count with its unit, no
        // blank where a part has no name of its own.
        let messages = try ProbeProse(Self.probe).findingMessages("举办培训班48期，培训学员5,236人次，其中主体班12期、1,386人次，专题培训班36期、3,950人次。")
        XCTAssertEqual(messages.count, 1, "\(messages)")
        XCTAssertTrue(messages.first?.contains("1,386人次、") == true && messages.first?.contains("3,950人次）之和为 5336") == true, "\(messages)")
        XCTAssertFalse(messages.first?.contains("（ ") == true || messages.first?.contains("、 ") == true, "\(messages)")
    }

    func testAnAdjustedBudgetIsTheFullYearsNotTheInitial() throws {
        // 142.65 ÷ 140.00 = 101.89% of the 年初预算 (not of the 调整预算 145.00).
        try assertEach(["住房公积金（项）年初预算为140.00万元，调整预算为145.00万元，支出决算为142.65万元，完成年初预算的101.89%。"],
                       moving: "101.89", to: "102.89", finds: ["N505 102.89"])
    }

    func testAnApproximateRestatementInABracketIsNoHeadAndNoBasis() throws {
        // 3,283.80 − 183.80 = 3,100.00: 5.93% (not from 0.33亿元).
        try assertEach(["收、支总计均为3,283.80万元（约0.33亿元）。与上年相比，收、支总计各增加183.80万元，增长5.93%。"],
                       moving: "5.93", to: "6.93", finds: ["N503 6.93"])
    }

    func testWhatTheBudgetLeftIsADifferenceFromIt() throws {
        try assertEach(["公务接待费全年预算为6.00万元，支出决算为3.36万元，结余2.64万元。"],
                       moving: "2.64", to: "3.64", finds: ["N503 3.64"])
    }
}
