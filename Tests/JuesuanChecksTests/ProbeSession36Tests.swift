import XCTest
@testable import JuesuanChecks
@testable import JuesuanModel

import JuesuanSyntax

/// Session 36's readings on the education probe's tables (公开05: 208 社会保障和就业支出 301.42 =
/// 2080505 214.60 + 2080506 86.82; 21011 行政事业单位医疗 96.55 = 2101101 30.15 + 2101102 66.40).
final class ProbeSession36Tests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// `X、Y年初预算分别为…，调整预算分别为…，决算分别为…`: each run naming only its measure is of
    /// the heads of the run before it, and only the 决算 run lists parts of the 类's 决算.
    func testRunsNamingOnlyAMeasureAreOfTheHeadsBefore() throws {
        let sentences = [
            "社会保障和就业支出（类）调整预算301.42万元，决算301.42万元。其中，机关事业单位基本养老保险缴费支出（项）、机关事业单位职业年金缴费支出（项）年初预算分别为200.00万元、80.00万元，调整预算分别为214.60万元、86.82万元，决算分别为214.60万元、86.82万元。",
            "社会保障和就业支出（类）调整预算301.42万元，决算301.42万元，其中机关事业单位基本养老保险缴费支出和机关事业单位职业年金缴费支出的年初预算依次为200.00万元和80.00万元，调整预算依次为214.60万元和86.82万元，决算依次为214.60万元和86.82万元。",
        ]
        // The 调整预算 run is the items' adjusted budgets: their sum is the 类's (listed under it
        // after `。其中，`, N504; in the sentence's own list of its 决算, N521).
        try assertEach([sentences[0]], moving: "调整预算分别为214.60万元、86.82万元", to: "调整预算分别为214.60万元、87.82万元",
                       finds: ["N504 301.42"])
        try assertEach([sentences[1]], moving: "调整预算依次为214.60万元和86.82万元", to: "调整预算依次为214.60万元和87.82万元",
                       finds: ["N521 301.42"])
        // The 决算 run is the items' spending, against 公开05.
        try assertEach([sentences[0]], moving: "决算分别为214.60万元、86.82万元", to: "决算分别为214.60万元、87.82万元",
                       finds: ["N501 87.82"])
    }

    /// Rates after runs of the same heads (`…年初预算依次为…，决算依次为…，分别完成年初预算的…`) are
    /// each of the last run's item, against that item's budget in the first run.
    func testRatesAfterRunsOfTheSameHeadsAreOfTheLastRun() throws {
        let sentences = [
            "行政事业单位医疗（款）决算96.55万元，行政单位医疗、事业单位医疗的年初预算依次为28.00万元和60.00万元，决算依次为30.15万元和66.40万元，分别完成年初预算的107.68%和110.67%。",
            "行政单位医疗和事业单位医疗年初预算分别为28.00万元、60.00万元，决算分别为30.15万元、66.40万元，分别完成年初预算的107.68%、110.67%。",
        ]
        try assertEach(sentences, moving: "110.67%", to: "111.67%", finds: ["N505 111.67"])
        try assertEach(sentences, moving: "107.68%", to: "106.68%", finds: ["N505 106.68"])
    }

    /// `X增加A万元，增长r%` with no comparison word is a change over the year (a lead-in line
    /// `与上年相比，…依次为：` said so before), not X's amount.
    func testAnAmountThatGrewByARateIsAChange() throws {
        try assertEach(["（一）教育支出增加229.48万元，增长10.93%，主要是教师工资调整。",
                        "1.教育支出增加229.48万元，同比增长10.93%。"],
                       moving: "10.93%", to: "11.93%", finds: ["N503 11.93"])
        try assertEach(["2.卫生健康支出减少3.45万元，下降3.45%。", "卫生健康支出减少3.45万元，降幅3.45%。"],
                       moving: "3.45%", to: "4.45%", finds: ["N503 4.45"])
        // (Without a rate after it, an amount named with a verb is still read as before.)
        XCTAssertEqual(try findings("教育支出增加229.48万元，主要是教师工资调整。"), [])
    }

    /// A list opened by a colon whose parts were separated by `；` already goes on past the next
    /// `；` into a respectively list (`按功能分类看：A…；B…；C、D分别为…`).
    func testAListSeparatedBySemicolonsGoesOnIntoARespectivelyList() throws {
        let sentences = [
            "2024年度一般公共预算财政拨款支出2,870.10万元，按功能分类看：教育支出2,329.48万元，占81.16%，是最主要的支出；卫生健康支出96.55万元，占3.36%，用于医疗；社会保障和就业支出、住房保障支出分别为301.42万元、142.65万元，分别占10.50%、4.97%，均为缴费支出。",
            "一般公共预算财政拨款支出2,870.10万元。从功能分类看：教育支出2,329.48万元，占81.16%；卫生健康支出96.55万元，占3.36%；社会保障和就业支出和住房保障支出依次为301.42万元和142.65万元，依次占10.50%和4.97%。",
        ]
        try assertEach(sentences, moving: "4.97%", to: "5.97%", finds: ["N502 5.97", "N508 5.97"])
    }

    /// `两个司法所8人`: a count before a name that another count of another unit follows says how
    /// many things the name is; it is no part of the list.
    func testACountBeforeANameAndAnotherCountIsNoPart() {
        func findings(_ prose: String) -> [String] { proseOnly(prose).filter { $0.hasPrefix("N5") } }
        for sentence in ["实有在职人员30人（局机关22人、两个司法所8人），退休人员13人。",
                         "实有在职人员30人，其中局机关22人，2个司法所共8人。",
                         "实有在职人员30人（局机关22人、两个司法所八人）。"] {
            XCTAssertEqual(findings(sentence), [], sentence)
            XCTAssertEqual(findings(sentence.replacingOccurrences(of: "8人", with: "9人").replacingOccurrences(of: "八人", with: "九人")).map { String($0.prefix(4)) },
                           ["N504"], sentence)
        }
    }

    /// A budget difference is this year's amount's, not last year's in a bracket beside it.
    func testABudgetDifferenceIsNotOfLastYearsAmountInABracket() throws {
        try assertEach(["行政运行（项）调整预算420.00万元，支出决算412.36万元（上年398.20万元），比调整预算减少7.64万元，比上年增加14.16万元，增长3.56%。",
                        "行政运行（项）：调整预算420.00万元，决算412.36万元（2023年398.20万元），较调整预算节约7.64万元。"],
                       moving: "7.64", to: "8.64", finds: ["N503 8.64"])
    }

    /// `占比与上年持平` says the share did not move, not the amount the sentence changed.
    func testAShareLevelWithLastYearIsNoClaimOfTheAmount() throws {
        XCTAssertEqual(try findings("一般公共预算财政拨款支出2,870.10万元，比上年增加120.10万元，增长4.37%，占本年支出合计的95.99%，占比与上年持平。"), [])
        XCTAssertEqual(try findings("一般公共预算财政拨款支出2,870.10万元，比上年增加120.10万元，与上年持平。"), ["N503 持平"])
    }

    /// `国防支出是主要支出方向，同比增加…`: an item said to be something, with no figure, is what
    /// the change naming nothing right after it is of (as a ranked item is).
    func testAChangeAfterAnItemSaidToBeSomethingIsThatItems() throws {
        try assertEach(["一般公共预算财政拨款支出2,870.10万元。教育支出是主要支出方向，同比增加229.48万元，增长10.93%。",
                        "一般公共预算财政拨款支出2,870.10万元。其中教育支出所占比重最高，比上年增加229.48万元，增长10.93%。",
                        "一般公共预算财政拨款支出2,870.10万元；教育支出是本部门最主要的支出，较上年增加229.48万元，增长10.93%。"],
                       moving: "10.93%", to: "11.93%", finds: ["N503 11.93"])
    }

    /// `…合计占商品和服务支出的48.82%`: the share of the listed amounts together, no one of them.
    func testAShareOfASumIsNotTheLastAmounts() throws {
        // (Not judged: a sum share is no one amount's; economic items are not compared with 公开06,
        // which prints the basic spending on them only.)
        XCTAssertEqual(try findings("办公费、电费和差旅费分别为52.30万元、38.75万元和15.60万元，合计占商品和服务支出的48.82%。"), [])
        XCTAssertEqual(try findings("商品和服务支出中，办公费52.30万元、电费38.75万元、差旅费15.60万元，合计约占48.82%。"), [])
        // One amount's share is still judged.
        try assertEach(["办公费、电费和差旅费分别为52.30万元、38.75万元和15.60万元，差旅费占商品和服务支出的7.14%。"],
                       moving: "7.14%", to: "8.14%", finds: ["N502 8.14"])
    }

    /// `本年支出合计…，全部为一般公共预算财政拨款支出，所占比例为100.00%`: the share of what the
    /// amount wholly is, in that amount.
    func testAShareOfWhatAnAmountWhollyIsIsOfThatAmount() throws {
        XCTAssertEqual(try findings("本年支出合计3,220.80万元，全部为本年支出，所占比例为100.00%。"), [])
        XCTAssertEqual(try findings("本年收入合计3,186.50万元，均为本单位收入，所占比例为100%。"), [])
        XCTAssertEqual(try findings("本年支出合计3,220.80万元，全部为一般公共预算财政拨款支出，所占比例为99.00%。").map { String($0.prefix(4)) }, ["N502"])
    }

    /// `政府性基金预算和国有资本经营预算财政拨款收支均为0.00万元`: those funds' income and spending,
    /// not the department's totals (whose parts the next paragraph lists).
    func testTheIncomeAndSpendingOfNamedFundsAreNotTheTotals() throws {
        XCTAssertEqual(try findings("政府性基金预算和国有资本经营预算财政拨款收支均为0.00万元。\n其中：基本支出决算为2,481.23万元；项目支出决算为388.87万元。"), [])
        XCTAssertEqual(try findings("本年收支均为0.00万元。").map { String($0.prefix(4)) }, ["N501", "N501"])
    }

    /// An item's part of a balance (`年末结转和结余63.00万元（其中：行政运行5.00万元，…）`) is what the
    /// item carried over, not its spending.
    func testAnItemsPartOfABalanceIsWhatItCarriedOver() throws {
        try assertEach(["年末结转和结余63.00万元（其中：行政运行5.00万元，小学教育58.00万元），主要是项目尚未完工。",
                        "年末结转和结余63.00万元，其中：行政运行5.00万元、小学教育58.00万元。"],
                       moving: "58.00", to: "59.00", finds: ["N504 63.00"])
    }

    /// A bracket after a count and a remark (`…4辆，与上年持平（另有1辆…）`) is an aside, no list of
    /// the count's parts; one right after the count is.
    func testABracketAfterARemarkIsNoListOfTheCount() throws {
        XCTAssertEqual(try findings("年末公务用车保有量4辆，与上年持平（另有1辆已于2023年报废处置）。"), [])
        XCTAssertEqual(try findings("年末公务用车保有量4辆（主要负责人用车1辆、应急保障用车1辆、特种专业技术用车3辆）。").map { String($0.prefix(4)) }, ["N504", "N507"])
    }

    /// Prose that writes its amounts at one decimal throughout (`2,329.5万元`) is judged at its own
    /// precision: no figure is taken to have dropped a zero; a wrong one is still found.
    func testProseOfOneDecimalIsJudgedAtItsOwnPrecision() throws {
        let prose = [
            "一般公共预算财政拨款支出2,870.1万元，其中基本支出2,481.2万元，项目支出388.9万元。",
            "教育支出2,329.5万元，其中教育管理事务412.4万元（行政运行412.4万元），普通教育1,917.1万元（小学教育1,240.1万元，初中教育677.0万元）。",
            "社会保障和就业支出301.4万元，其中行政事业单位养老支出301.4万元（机关事业单位基本养老保险缴费支出214.6万元，机关事业单位职业年金缴费支出86.8万元）。",
            "卫生健康支出96.6万元，其中行政事业单位医疗96.6万元（行政单位医疗30.2万元，事业单位医疗66.4万元）。",
            "住房保障支出142.7万元，其中住房改革支出142.7万元（住房公积金142.7万元）。",
        ].joined(separator: "\n")
        XCTAssertEqual(try findings(prose), [])
        XCTAssertEqual(try findings(prose.replacingOccurrences(of: "小学教育1,240.1", with: "小学教育1,250.1")).filter { $0.hasPrefix("N501") }, ["N501 1,250.1"])
    }

    /// `比上年增加…万元（增减变动6.22%）`: a signed change in percent is a rate, and one in a bracket
    /// after its change is of the change's amount (not of a budget bracketed earlier).
    func testASignedRateInABracketAfterItsChange() throws {
        try assertEach(["2024年度本年收入合计3,186.50万元，比上年增加186.50万元（增减变动6.22%）。"],
                       moving: "6.22%", to: "7.22%", finds: ["N503 7.22"])
        try assertEach(["行政运行（项）决算412.36万元，比年初预算400.00万元增加12.36万元（增减变动3.09%）。"],
                       moving: "3.09%", to: "4.09%", finds: ["N503 4.09"])
        try assertEach(["“三公”经费决算22.26万元，比全年预算减少7.74万元（增减变动-25.80%）。",
                        "“三公”经费全年预算30.00万元（年初预算30.00万元），支出决算22.26万元，比全年预算减少7.74万元（增减变动-25.80%）。"],
                       moving: "25.80%", to: "26.80%", finds: ["N503 26.80"])
    }

    /// `基本支出2,481.23万元（约0.25亿元）`: the amount again in a larger unit is an echo of it; a
    /// share after it is divided by the amount, not by its rounding in 亿元.
    func testARestatementInALargerUnitIsNoWhole() throws {
        try assertEach(["一般公共预算财政拨款基本支出2,481.23万元（约0.25亿元）。人员经费2,246.76万元，占90.55%；公用经费234.47万元，占9.45%。"],
                       moving: "90.55%", to: "91.55%", finds: ["N502 91.55", "N508 9.45"])
        try assertEach(["一般公共预算财政拨款基本支出2,481.23万元（0.25亿元），其中人员经费2,246.76万元，占基本支出的90.55%。"],
                       moving: "90.55%", to: "91.55%", finds: ["N502 91.55"])
    }

    /// `…为调整预算的98.18%（年初预算400.00万元，调整预算420.00万元）`: every measure in a bracket of
    /// measures after a rate is of the amount before it; the rate is judged on the budget after it.
    func testARateBeforeItsBudgetsInABracket() throws {
        try assertEach(["行政运行（项）支出决算412.36万元，为调整预算的98.18%（年初预算400.00万元，调整预算420.00万元）。",
                        "行政运行（项）支出决算412.36万元，完成调整预算的98.18%（年初预算400.00万元，调整预算420.00万元）。"],
                       moving: "98.18%", to: "99.18%", finds: ["N505 99.18"])
    }

    /// `…行政运行（项）年初预算400.00万元，调整预算和决算数均为412.36万元`: measures alone after an
    /// item's amount in its sentence are that item's, not the paragraph's topic's.
    func testMeasuresAloneAfterAnItemsAmountAreTheItems() throws {
        try assertEach(["教育支出（类）决算2,329.48万元。其中：（1）教育管理事务（款）行政运行（项）年初预算400.00万元，调整预算和决算数均为412.36万元，完成年初预算的103.09%、调整预算的100.00%。"],
                       moving: "均为412.36", to: "均为413.36", finds: ["N501 413.36"])
    }

    /// `对个人和家庭的补助96.40万元，主要包括基本工资…`: an economic 款 of another 类 is no part of it;
    /// one under it still is.
    func testAnEconomicItemOfAnotherClassIsNoPart() throws {
        XCTAssertEqual(try findings("人员经费2,246.76万元，其中：工资福利支出2,150.36万元，对个人和家庭的补助96.40万元，主要包括基本工资702.18万元、津贴补贴410.25万元和退休费80.20万元等。"), [])
        XCTAssertEqual(try findings("对个人和家庭的补助96.40万元，主要包括退休费80.20万元和奖励金26.20万元。"), ["N504 96.40"])
    }

    /// A figure in the reason of its statement (`…，主要是兑付了上年结转资金8.60万元；`) is no part of
    /// the list the statement is in.
    func testAFigureInAReasonIsNoPart() throws {
        try assertEach(["普通教育（款）决算1,917.12万元，其中：小学教育（项）决算1,240.10万元，超过调整预算，主要是兑付了上年结转资金8.60万元；初中教育（项）决算677.02万元。",
                        "普通教育（款）决算1,917.12万元，其中：小学教育（项）决算1,240.10万元，主要原因是追加了校舍维修资金8.60万元；初中教育（项）决算677.02万元。"],
                       moving: "677.02", to: "687.02", finds: ["N501 687.02"])
    }

    /// `…均为0.00万元；按支出功能分类科目划分，本年支出依次为：…`: a list after a colon whose words
    /// name another amount is not of the amount before.
    func testAColonListNamingAnotherAmountIsNotOfTheOneBefore() throws {
        // (Before, the items were parts of the 0.00 before the colon: N504.)
        XCTAssertEqual(try findings("国有资本经营预算财政拨款收入和经营收入均为0.00万元；按支出功能分类科目划分，本年支出依次为：教育支出2,560.18万元、社会保障和就业支出301.42万元、卫生健康支出96.55万元、住房保障支出142.65万元、其他支出120.00万元。"), [])
    }

    /// A fund's name holds 预算 (`一般公共预算财政拨款支出`): no budget for N515.
    func testAFundsNameIsNoBudget() throws {
        let found = try findings("国有资本经营预算财政拨款收入0.00万元，本年支出合计3,220.80万元。\n一般公共预算财政拨款支出2,870.10万元，本年支出合计3,220.80万元。")
        XCTAssertEqual(found.filter { $0.hasPrefix("N515") }, [])
    }

    /// `公用经费中，…；公务接待费2.36万元（另有…在项目中列支）`: a “三公” item under a topic of basic
    /// spending is that spending's part, not 公开09's.
    func testAThreePublicItemUnderBasicSpendingIsNotThePublished() throws {
        XCTAssertEqual(try findings("公用经费中，支出较多的是办公费52.30万元、电费38.75万元；公务接待费2.36万元（另有1.00万元公务接待费在项目中列支，合计3.36万元计入“三公”经费）。"), [])
        XCTAssertEqual(try findings("公务接待费2.36万元。").map { String($0.prefix(4)) }, ["N501"])
    }

    /// A sentence already 500 scalars long ends at its next `；`: a dense section written as one
    /// sentence is read clause by clause, and no figure loses its words at the sentence limit.
    func testALongSentenceEndsAtASemicolon() throws {
        let filler = String(repeating: "主要用于保障机关日常运转、开展各项业务工作和落实各项政策；", count: 33)
        let prose = "教育支出（类）年初预算2,300.00万元，决算2,329.48万元；" + filler + "卫生健康支出（类）年初预算90.00万元，调整预算96.55万元，决算96.55万元，完成调整预算的100.00%。"
        XCTAssertEqual(try findings(prose), [])
        XCTAssertEqual(try findings(prose.replacingOccurrences(of: "决算96.55", with: "决算97.55")).map { String($0.prefix(4)) }, ["N501"])
    }

    /// `2024年度教育支出（类）…`, `本部门2024年度…（类）`: a year or the department before an item
    /// named by its levels names nothing of it.
    func testAYearBeforeAnItemsLevelsNamesNothingOfIt() throws {
        try assertEach(["2024年度教育支出（类）年初预算2,300.00万元，决算2,329.48万元。",
                        "本部门2024年度教育支出（类）年初预算2,300.00万元，决算2,329.48万元。"],
                       moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
    }

    /// `完成全年预算（6.00万元）的56.00%`: the budget in a bracket after its measure, and the rate
    /// after `）的`, read as if the bracket were not there.
    func testABudgetInABracketWithinARate() throws {
        try assertEach(["公务接待费支出3.36万元，完成全年预算（6.00万元）的56.00%。",
                        "公务接待费支出3.36万元，比年初预算6.50万元减少3.14万元，为调整后预算（6.00万元）的56.00%。"],
                       moving: "56.00%", to: "57.00%", finds: ["N505 57.00"])
    }

    /// `基本支出2,481.23万元（上年2,400.00万元），比上年增加81.23万元`: last year's amount in a bracket
    /// right after this year's, named only by its year, is what the change is against.
    func testLastYearsAmountInABracketIsWhatTheChangeIsAgainst() throws {
        try assertEach(["基本支出2,481.23万元（上年2,400.00万元），比上年增加81.23万元。",
                        "一般公共预算财政拨款基本支出2,481.23万元（上年为2,400.00万元），较上年增加81.23万元，主要是人员增加。"],
                       moving: "增加81.23", to: "增加91.23", finds: ["N503 91.23"])
    }

    /// A completion rate written before the amount it is of has no difference between the two to
    /// read a budget from (this input made the reader trap: the range from the amount to the rate
    /// ran backwards).
    func testARateBeforeItsAmountIsNoTrap() throws {
        let found = try findings("本年收入合计2,880.00万元。完成预算的90%，本年支出合计2,870.10万元，比预算增加10.00万元。")
        XCTAssertFalse(found.contains { $0.hasPrefix("N505") }, "\(found)")
    }
}

/// Session 36's readings on the water works probe's fund (公开07: 年初结转和结余 98.70 = 2136903
/// 86.40 + 2136999 12.30).
final class ProbeSession36FundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-water-works.juesuan"

    /// A balance named as money carried over (`从上年结转的…资金`) lists the spending items it is
    /// kept for: an item named `…支出` is one of its parts, not the other side of an income.
    func testTheItemsOfACarriedOverBalanceAreItsParts() throws {
        let sentences = [
            "从上年结转的政府性基金预算财政拨款资金98.70万元，其中：地方重大水利工程建设86.40万元，占87.54%；其他重大水利工程建设基金支出12.30万元，占12.46%。",
            "上年结转的政府性基金预算财政拨款资金98.70万元。其中，其他重大水利工程建设基金支出12.30万元，占12.46%；地方重大水利工程建设86.40万元，占87.54%。",
            "年初从上年结转的政府性基金资金98.70万元，包括：地方重大水利工程建设支出86.40万元（占87.54%）和其他重大水利工程建设基金支出12.30万元（占12.46%）。",
        ]
        // (Shares of the two parts that add up to over 100% are N508 as well, on the later share.)
        try assertEach([sentences[0]], moving: "12.46%", to: "13.46%", finds: ["N502 13.46", "N508 13.46"])
        try assertEach([sentences[1]], moving: "12.46%", to: "13.46%", finds: ["N502 13.46", "N508 87.54"])
        try assertEach([sentences[2]], moving: "12.46%", to: "13.46%", finds: ["N502 13.46"])
        try assertEach(sentences, moving: "87.54%", to: "86.54%", finds: ["N502 86.54"])
    }

    /// Under a title naming both sides (`政府性基金预算财政拨款收入支出决算情况说明`), a budget naming
    /// nothing is not the fund's income's.
    func testATitleOfBothSidesNamesNeither() throws {
        XCTAssertEqual(try ProbeProse(Self.probe).findings("本年支出全部为国家重大水利工程建设基金安排的支出，均为项目支出；年初预算600.00万元，调整预算620.00万元，完成调整预算的98.78%。",
                                                         title: "六、政府性基金预算财政拨款收入支出决算情况说明"), [])
    }
}
