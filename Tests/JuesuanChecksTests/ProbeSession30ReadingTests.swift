import JuesuanCatalogue
import JuesuanChecks
@testable import JuesuanModel
import XCTest

/// Readings found by the probes of session 30 (a market regulation bureau, a housing and
/// construction bureau with a land fund, a veterans affairs bureau), each in wordings of our own
/// on the education probe's tables: 公开01 一般公共预算财政拨款收入 2,856.40; 公开05 合计 2,870.10,
/// 教育支出 2,329.48, 社会保障和就业支出 301.42.
final class ProbeSession30ReadingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    // MARK: A fund's spending on a 类

    func testAFundsWordsBeforeACategoryNameItsSpendingOnIt() throws {
        // The fund's words alone name its income (`一般公共预算财政拨款2,856.40万元`); before a 类
        // name they qualify the spending on it.
        try assertEach([
            "一般公共预算财政拨款教育支出2,329.48万元。",
            "一般公共预算财政拨款中教育支出2,329.48万元，占81.16%。",
            "一般公共预算财政拨款支出中的教育支出2,329.48万元。",
            "2024年度一般公共预算财政拨款教育支出决算数为2,329.48万元。",
        ], moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
        try assertEach(["一般公共预算财政拨款教育支出、社会保障和就业支出分别为2,329.48万元、301.42万元。"],
                       moving: "301.42", to: "302.42", finds: ["N501 302.42"])
        try assertEach(["一般公共预算财政拨款教育支出、社会保障和就业支出分别为2,329.48万元、301.42万元。"],
                       moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
        // The fund's words alone are still its income.
        try assertEach(["本年收入中，一般公共预算财政拨款2,856.40万元。"], moving: "2,856.40", to: "2,866.40", finds: ["N501 2,866.40"])
        // A 款 by its row label (`普通教育支出` is no 类 教育支出).
        try assertEach(["一般公共预算财政拨款普通教育支出1,917.12万元。", "一般公共预算财政拨款中普通教育1,917.12万元。"],
                       moving: "1,917.12", to: "1,927.12", finds: ["N501 1,927.12"])
    }

    func testTheGovernmentFundsSpendingOnACategoryIsItsTablesRow() throws {
        // The natural resources probe: 公开07 城乡社区支出 本年支出 11,680.00 (its income 12,600.00).
        let probe = try ProbeProse("probe-natural-resources.juesuan")
        probe.assertEach([
            "政府性基金预算财政拨款城乡社区支出11,680.00万元。",
            "政府性基金预算财政拨款支出中，城乡社区支出11,680.00万元。",
        ], moving: "11,680.00", to: "11,690.00", finds: ["N501 11,690.00"])
    }

    // MARK: The 类 named alone, one answer everywhere

    func testACategoryWithQualifyingWordsIsTheCategoryWhereverItIsNamed() throws {
        // A ranked item and a respectively head with a year or 用于 before the 类 name.
        try assertEach(["一般公共预算财政拨款支出中，用于教育支出最多，为2,329.48万元。",
                        "一般公共预算财政拨款支出中，2024年度教育支出所占比重最高，为2,329.48万元。"],
                       moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
        try assertEach(["2024年教育支出、社会保障和就业支出分别为2,329.48万元、301.42万元。"],
                       moving: "301.42", to: "303.42", finds: ["N501 303.42"])
    }

    // MARK: Changes that are not the amount

    func testAChangeOfACountIsNoCount() throws {
        // 公开09: 国内公务接待批次 12, 人次 86; 公务接待费 3.36万元 (3.36万 ÷ 86 = 390.70元).
        try assertEach(["全年接待国内公务12批次、86人次，比上年减少3批次、20人次，人均接待费390.70元。",
                        "国内公务接待12批次，较上年增加2批次；接待86人次，同比增加11人次。"],
                       moving: "12批次", to: "13批次", finds: ["N507 13"])
        // The amount per head is of the count, not of its change.
        try assertEach(["公务接待费3.36万元，全年接待国内公务12批次、86人次，比上年减少3批次、20人次，人均接待费390.70元。"],
                       moving: "390.70", to: "391.70", finds: ["N516 391.70"])
    }

    func testABudgetAdjustedDuringTheYearIsNoActual() throws {
        try assertEach(["公务接待费年初预算7.00万元，年中调减1.00万元后全年预算为6.00万元，决算3.36万元，完成全年预算的56.00%。",
                        "公务接待费年初预算5.00万元，年中追加1.00万元后，全年预算6.00万元，实际支出3.36万元，完成全年预算的56.00%。"],
                       moving: "56.00%", to: "57.00%", finds: ["N505 57.00"])
    }

    func testAClosingBalanceNamedBeforeItsChangeFromTheOpening() throws {
        // 公开01: 年初结转和结余 97.30, 年末 63.00.
        try assertEach(["年末结转和结余比年初减少34.30万元，下降35.25%。", "本年末结转和结余较年初减少34.30万元。"],
                       moving: "34.30", to: "35.30", finds: ["N503 35.30"])
        try assertEach(["年末结转和结余比年初减少34.30万元，下降35.25%。"], moving: "35.25", to: "36.25", finds: ["N503 36.25"])
        // A fund's balance named by the fund's words is not its income.
        XCTAssertEqual(try findings("年末结转和结余63.00万元，其中一般公共预算财政拨款结转26.50万元。"), [])
    }

    func testAChangeOfAnAmountTheTablesPrintIsJudgedOnIt() throws {
        // 财政拨款收入: 公开04 本年收入合计 2,976.40; 2,976.40 − 176.40 = 2,800.00, 6.30%.
        try assertEach(["财政拨款收入较2023年增加176.40万元，增长6.30%。", "财政拨款收入比上年增加176.40万元，增幅为6.30%，主要是人员经费增加。"],
                       moving: "176.40", to: "186.40", finds: ["N503 6.30"])
        try assertEach(["财政拨款收入较2023年增加176.40万元，增长6.30%。"], moving: "6.30%", to: "6.40%", finds: ["N503 6.40"])
        // 基本支出 is 公开03's 2,641.23 or 公开05's 2,481.23: either that makes the rate hold will do.
        XCTAssertEqual(try findings("基本支出比上年增加81.23万元，增长3.38%。"), [])
        XCTAssertEqual(try findings("基本支出比上年增加241.23万元，增长10.05%。"), [])
    }

    func testARateIsNotOfADifferenceWrittenForAnotherAmount() throws {
        // 住房保障支出's rate has no change of its own: the one before is 卫生健康支出's.
        XCTAssertEqual(try findings("卫生健康支出96.55万元，较上年增加1.46万元；住房保障支出142.65万元，较上年增长2.81%。"), [])
        XCTAssertEqual(try findings("卫生健康支出96.55万元，比上年减少1.46万元；住房保障支出142.65万元，比上年增长2.81%。"), [])
        // Its own change still decides it.
        try assertEach(["卫生健康支出96.55万元，较上年增加1.46万元，增长1.54%。"], moving: "1.54%", to: "2.54%", finds: ["N503 2.54"])
    }

    func testAChangeInABracketAfterAnAmountIsOfIt() throws {
        try assertEach(["本年收入合计3,186.50万元（比上年2,986.50万元增加200.00万元，增长6.70%），年初结转和结余97.30万元。",
                        "总计3,283.80万元，其中本年收入合计3,186.50万元（较上年2,986.50万元增加200.00万元）。"],
                       moving: "200.00", to: "210.00", finds: ["N503 210.00"])
    }

    // MARK: What is no part of the topic

    func testAmountsBesidesTheTopicAreNotIt() throws {
        for sentence in [
            "教育支出2,329.48万元，另有120.00万元结转下年使用。",
            "基本支出中有100.00万元由其他资金安排，其余2,381.23万元为财政拨款。",
            "一般公共预算财政拨款支出2,870.10万元，其中小学教育1,380.52万元、初中教育767.30万元，两项合计2,147.82万元。",
            "人员经费2,246.76万元，主要是工资福利支出，以上合计占基本支出的90.55%。",
        ] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        // The amounts listed are still judged.
        try assertEach(["一般公共预算财政拨款支出2,870.10万元，其中小学教育1,380.52万元、初中教育767.30万元，两项合计2,147.82万元。"],
                       moving: "767.30", to: "777.30", finds: ["N501 777.30"])
    }

    func testTheIncomeThatIsNotTheAppropriationsIsNoneOfOurNames() throws {
        // 非财政拨款收入 = 186.35 + 23.75 = 210.10; 财政拨款收入 2,976.40 ÷ 3,186.50 = 93.41%.
        XCTAssertEqual(try findings("非财政拨款收入合计210.10万元，其中事业收入占88.70%。财政拨款收入占本年收入合计的比重为93.41%。"), [])
        XCTAssertEqual(try findings("本年非财政拨款收入210.10万元，比上年增加10.10万元。"), [])
    }

    // MARK: Lists

    func testTheSumOfHeadsIsTheirSum() throws {
        try assertEach(["年初、年末结转和结余共计160.30万元，分别为97.30万元和63.00万元。", "年初、年末结转和结余共计160.30万元，依次为97.30万元和63.00万元。",
                        "年初结转和结余与年末结转和结余合计160.30万元，分别为97.30万元、63.00万元。"],
                       moving: "160.30", to: "161.30", finds: ["N504 161.30"])
        try assertEach(["年初、年末结转和结余共计160.30万元，分别为97.30万元和63.00万元。"],
                       moving: "97.30", to: "98.30", finds: ["N501 98.30"])
        XCTAssertEqual(try findings("年初、年末结转和结余合计160.30万元。"), [])
    }

    func testPointsOfViewSideBySideDivideTheSameWhole() throws {
        for sentence in [
            "从收入来源看，本年收入合计3,186.50万元，年初结转和结余97.30万元；从支出去向看，本年支出合计3,220.80万元，年末结转和结余63.00万元。",
            "从收入来源看，本年收入合计3,186.50万元，年初结转和结余97.30万元。从支出去向看，本年支出合计3,220.80万元，年末结转和结余63.00万元。",
            "按来源分，本年收入合计3,186.50万元；按用途分，本年支出合计3,220.80万元，结余分配0.00万元，年末结转和结余63.00万元。",
        ] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
    }

    func testAPointOfViewAfterAListOfATopicDividesTheTopic() throws {
        let sentence = "一般公共预算财政拨款支出主要用于以下方面：教育支出2,329.48万元，占81.16%；社会保障和就业支出301.42万元，占10.50%。按支出性质分，基本支出2,481.23万元、项目支出388.87万元，分别占86.45%和13.55%。"
        try assertEach([sentence], moving: "86.45%", to: "87.45%", finds: ["N502 87.45", "N508 13.55"])
    }

    func testWhatFollowsASemicolonAndTheRestIsBesidesTheList() throws {
        try assertEach(["本年收入合计3,186.50万元，其中一般公共预算财政拨款2,856.40万元、政府性基金预算财政拨款120.00万元；其余为事业收入186.35万元和其他收入23.75万元。"],
                       moving: "186.35", to: "187.35", finds: ["N501 187.35"])
        // After a comma the rest is the list's last part.
        try assertEach(["基本支出2,481.23万元，其中人员经费2,246.76万元，其余234.47万元为公用经费。"],
                       moving: "234.47", to: "244.47", finds: ["N504 2,481.23"])
    }

    func testPostsAreNotPeople() {
        XCTAssertEqual(proseOnly("核定编制86名，其中行政编制68名、事业编制18名；实有在职人员79人，其中局本级63人、下属单位16人。"), [])
        XCTAssertEqual(proseOnly("核定编制86名，其中行政编制69名、事业编制18名；实有在职人员79人，其中局本级63人、下属单位16人。").map { $0.prefix(4) }, ["N504"])
        XCTAssertEqual(proseOnly("核定编制86名，其中行政编制68名、事业编制18名；实有在职人员79人，其中局本级64人、下属单位16人。").map { $0.prefix(4) }, ["N504"])
    }

    // MARK: Income by function, a fund's section

    func testAnItemInASentenceOfIncomeMayBeItsIncome() throws {
        // The market regulation probe: 公开02 201 本年收入合计 2,051.71, 公开05 201 1,944.52.
        let probe = try ProbeProse("probe-market-regulation.juesuan")
        probe.assertEach(["按支出功能分类，一般公共服务支出（类）收入2,051.71万元。",
                          "本年收入按支出功能分类：一般公共服务支出2,051.71万元，其他为社会保障和就业支出等。"],
                         moving: "2,051.71", to: "2,061.71", finds: ["N501 2,061.71"])
        // Spending is not its income.
        probe.assertEach(["一般公共服务支出（类）支出1,944.52万元。"], moving: "1,944.52", to: "2,051.71", finds: ["N501 2,051.71"])
    }

    func testSharesInAFundsSectionAreOfItsSpending() throws {
        // The natural resources probe: 公开07 本年支出 11,680.00 (its income 12,600.00);
        // 8,200.00 ÷ 11,680.00 = 70.21%.
        let probe = try ProbeProse("probe-natural-resources.juesuan")
        probe.assertEach(["本年支出全部为国有土地使用权出让收入安排的项目支出，其中：征地和拆迁补偿支出8,200.00万元，占70.21%。"],
                         moving: "70.21%", to: "71.21%", finds: ["N502 71.21"], title: "十、政府性基金预算财政拨款收入支出决算情况说明")
    }

    // MARK: Items after words of rank, names with a 、

    func testAnItemAfterAWordOfRankIsThatItem() throws {
        try assertEach(["一般公共预算财政拨款支出中，其次是社会保障和就业支出301.42万元。", "一般公共预算财政拨款支出中，教育支出2,329.48万元；其次为社会保障和就业支出301.42万元，占10.50%。",
                        "按类级科目，支出最多的是教育支出2,329.48万元，第二是社会保障和就业支出301.42万元。"],
                       moving: "301.42", to: "311.42", finds: ["N501 311.42"])
        try assertEach(["按类级科目，支出最多的是教育支出2,329.48万元，第二是社会保障和就业支出301.42万元。"],
                       moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
    }

    func testTheNamesWithAPauseAreTheCataloguesAll() {
        let names = Set([ClassificationKind.functional, .economic].flatMap { kind in
            Catalogue.embedded.entries(withPrefix: "", kind: kind).map(\.name).filter { $0.contains("、") }
        })
        XCTAssertEqual(Set(ProseReader.namesWithPause), names)
    }

    func testACatalogueNameWithAPauseIsOneName() throws {
        // The veterans probe: 公开05 2080803 在乡复员、退伍军人生活补助 1,935.40, 2080802 伤残抚恤 2,846.72.
        let probe = try ProbeProse("probe-veterans.juesuan")
        probe.assertEach(["从项级科目看，支出最大的是伤残抚恤2,846.72万元；其次是在乡复员、退伍军人生活补助1,935.40万元。",
                          "在乡复员、退伍军人生活补助1,935.40万元，主要用于发放定期生活补助。"],
                         moving: "1,935.40", to: "1,945.40", finds: ["N501 1,945.40"])
        // A 、 elsewhere still separates.
        probe.assertEach(["伤残抚恤、在乡复员、退伍军人生活补助分别为2,846.72万元和1,935.40万元。"],
                         moving: "2,846.72", to: "2,856.72", finds: ["N501 2,856.72"])
    }

    func testAPercentageInABracketAfterAnAmountIsItsShare() throws {
        let sentence = "一般公共预算财政拨款支出主要用于以下方面：教育支出2,329.48万元（81.16%）、社会保障和就业支出301.42万元（10.50%）。"
        try assertEach([sentence], moving: "81.16%", to: "82.16%", finds: ["N502 82.16"])
        // After a change it is the change's rate, not a share.
        XCTAssertEqual(try findings("一般公共预算财政拨款支出2,870.10万元，比上年增加100.00万元（3.61%）。"), [])
    }

    // MARK: The second round (a medical security bureau, a middle school, an emergency management bureau)

    func testAListNamedInAClauseWithNoFigureIsOfThatAmount() throws {
        let sentence = "收入总计包括本年收入合计3,186.50万元和年初结转和结余97.30万元；支出总计包括本年支出合计3,220.80万元、结余分配0.00万元和年末结转和结余63.00万元。"
        try assertEach([sentence], moving: "3,220.80", to: "3,230.80", finds: ["N501 3,230.80"])
        // 总额 after other words totals only a name right before it (`收入总计由收入总额…` is no 收入总计).
        XCTAssertEqual(try findings("收入总计由收入总额3,186.50万元和年初结转和结余97.30万元两部分构成。"), [])
        // At the start of a sentence too, whatever figure the paragraph wrote before.
        try assertEach(["本年收入合计3,186.50万元。收入总计包括收入总额3,186.50万元和年初结转和结余97.30万元。"],
                       moving: "97.30", to: "98.30", finds: ["N501 98.30"])
    }

    func testWordsAfterANameThatMakeItAPartOrMore() throws {
        for sentence in [
            "本年支出中使用财政拨款2,990.10万元，使用事业收入、其他收入等非财政拨款资金230.70万元，两者合计3,220.80万元。",
            "年末结转和结余中，事业收入等非财政拨款结转和结余36.50万元。",
            "本年收入3,186.50万元，其中一般公共预算财政拨款2,856.40万元、政府性基金预算财政拨款120.00万元、事业收入186.35万元、其他收入23.75万元，另有年初结转和结余97.30万元。",
        ] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        try assertEach(["本年支出中使用财政拨款2,990.10万元，使用事业收入、其他收入等非财政拨款资金230.70万元，两者合计3,220.80万元。"],
                       moving: "两者合计3,220.80", to: "两者合计3,230.80", finds: ["N504 3,230.80"])
    }

    func testACountNewlyAddedIsAChange() {
        XCTAssertEqual(proseOnly("年末实有在职人员21人，较上年末增加1人。基本支出增加主要是新增在职人员1人。"), [])
        XCTAssertEqual(proseOnly("离退休人员31人。本年支出增加主要是本年新增退休人员2人、调出1人。"), [])
        // The stock is still compared where it is stated twice.
        XCTAssertEqual(proseOnly("年末实有在职人员21人。在职人员22人。").map { $0.prefix(4) }, ["N509"])
    }

    func testAChangeThatNamesItsItemIsNotOfAnotherItemsYear() throws {
        // 公开05 初中教育 677.02: 677.02 − 67.02 = 610.00, 10.99%.
        try assertEach(["其中，小学教育较2023年度的1,100.00万元增加140.10万元，增长12.74%；初中教育较2023年度增加67.02万元，增长10.99%。"],
                       moving: "10.99%", to: "11.99%", finds: ["N503 11.99"])
    }

    func testWhatABracketOrAFigureCameToIsNamed() throws {
        try assertEach(["年末结转和结余由年初的97.30万元下降至63.00万元。", "年末结转和结余从年初的97.30万元减少到63.00万元，主要是项目完工。"],
                       moving: "63.00", to: "64.00", finds: ["N501 64.00"])
        try assertEach(["年末结转和结余由年初的97.30万元下降至63.00万元。"], moving: "97.30", to: "98.30", finds: ["N501 98.30"])
        // A 项 by its code in brackets after its 款.
        try assertEach(["1.教育支出（类）普通教育（款）小学教育（2050202）：年初预算1,200.00万元，支出决算1,240.10万元，完成年初预算的103.34%。"],
                       moving: "1,240.10", to: "1,250.10", finds: ["N501 1,250.10"])
    }

    func testSharesAndSumsNotOfTheTopic() throws {
        for sentence in [
            "基本支出占本年支出合计的比重由上年的79.50%升至82.01%。",
            "项目支出中，小学教育支出最多，为237.70万元。",
            "商品和服务支出中，办公费、印刷费、水电费位列前三，分别为10.00万元、8.00万元和6.00万元，合计24.00万元。",
            "公用经费中金额较大的依次为办公费52.30万元、印刷费8.00万元。",
        ] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        XCTAssertEqual(try ProbeProse(Self.probe).findings("货物采购以教学设备为主，金额50.00万元。", title: "九、政府采购支出情况说明"), [])
    }

    func testProjectsAmongWhichSomeAreRated() {
        XCTAssertEqual(proseOnly("从自评结果看，4个项目中评价等级为“优”的3个、“良”的1个，评优率为75%。"), [])
        XCTAssertEqual(proseOnly("从自评结果看，4个项目中评价等级为“优”的3个、“良”的1个，评优率为80%。").map { $0.prefix(4) }, ["N510"])
    }
}
