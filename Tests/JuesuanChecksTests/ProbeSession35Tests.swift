import XCTest
@testable import JuesuanChecks
@testable import JuesuanModel

import JuesuanSyntax

/// Session 35's readings, each in wordings of our own on the education probe's tables (公开09:
/// 公务用车保有量 4, 国内公务接待 12批次 86人次; 公开10: 主要负责人用车 1, 应急保障用车 1,
/// 特种专业技术用车 2; 公开08: 人员经费 2,246.76, 公用经费 234.47).
final class ProbeSession35Tests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// Counts written in Chinese numerals are read as counts written in digits are.
    func testCountsInChineseNumeralsAreRead() throws {
        let vehicles = [
            "2024年度公务用车保有量四辆，其中主要负责人用车一辆、应急保障用车一辆、特种专业技术用车两辆。",
            "年末共有公务用车四辆（主要负责人用车一辆，应急保障用车一辆，特种专业技术用车两辆）。",
        ]
        try assertEach(vehicles, moving: "四辆", to: "五辆", finds: ["N507 五"])
        try assertEach([vehicles[0]], moving: "两辆", to: "三辆", finds: ["N504 四", "N507 三"])
        // (Parts in a bracket after commas are not summed, in digits as in words.)
        try assertEach([vehicles[1]], moving: "两辆", to: "三辆", finds: ["N507 三"])
        let receptions = [
            "全年国内公务接待十二批次、八十六人次，较上年减少三批次。",
            "国内公务接待共十二批，八十六人次。",
        ]
        try assertEach(receptions, moving: "八十六", to: "一百零六", finds: ["N507 一百零六"])
        try assertEach(receptions, moving: "十二批", to: "二十批", finds: ["N507 二十"])
    }

    /// Numerals in set phrases are no counts: `八项规定`, `一次性`, `一人一档`, `第三批`, `统一`,
    /// and `两项合计` still names the sum of the two amounts before it.
    func testNumeralsInSetPhrasesAreNoCounts() throws {
        try assertEach(["严格执行中央八项规定精神，公务用车保有量4辆，无一次性购置，实行一车一档、统一管理，第三批车辆已处置。"],
                       moving: "4辆", to: "5辆", finds: ["N507 5"])
        try assertEach(["人员经费2,246.76万元、公用经费234.47万元，两项合计2,481.23万元。",
                        "人员经费2,246.76万元，公用经费234.47万元，二者共计2,481.23万元。"],
                       moving: "2,481.23", to: "2,482.23", finds: ["N504 2,482.23"])
    }

    func testChineseNumeralValues() {
        func value(_ text: String) -> Int? {
            let scalars = Array(text.unicodeScalars)
            guard let (value, end) = ChineseNumeral.read(scalars, from: 0), end == scalars.count else { return nil }
            return value
        }
        XCTAssertEqual(value("三"), 3)
        XCTAssertEqual(value("两"), 2)
        XCTAssertEqual(value("十"), 10)
        XCTAssertEqual(value("十五"), 15)
        XCTAssertEqual(value("二十"), 20)
        XCTAssertEqual(value("八十六"), 86)
        XCTAssertEqual(value("一百零六"), 106)
        XCTAssertEqual(value("一千二百三十四"), 1234)
        XCTAssertNil(value("三四"))
        XCTAssertNil(value("十十"))
        XCTAssertNil(value("十两"))
        XCTAssertNil(value("百"))
        XCTAssertNil(value("一百零"))
    }

    // MARK: Shares

    /// `占比由上年的A%提高到B%`: B is this year's share of the same whole, A last year's; the
    /// points between them are judged only when both are right.
    func testAShareThatRoseToIsThisYearsShare() throws {
        try assertEach(["一般公共预算财政拨款支出2,870.10万元，其中基本支出2,481.23万元，占比由上年的84.12%提高到86.45%，提高2.33个百分点。",
                        "基本支出2,481.23万元，占一般公共预算财政拨款支出的比重由上年的84.12%上升至86.45%。"],
                       moving: "86.45%", to: "87.45%", finds: ["N502 87.45"])
        // Another item's points after a `；` are not judged by the first item's shares.
        let two = "一般公共预算财政拨款支出2,870.10万元，其中基本支出2,481.23万元、项目支出388.87万元。与上年相比，基本支出所占比重由84.12%提高到86.45%，提高2.33个百分点；项目支出所占比重下降2.33个百分点。"
        try assertEach([two], moving: "提高2.33", to: "提高2.43", finds: ["N503 2.43"])
    }

    /// Shares of heads with no amounts of their own (`人员经费、公用经费分别占基本支出的…`) are each
    /// of its head; last year's after them (`上年分别为…`) too.
    func testSharesOfHeadsWithNoAmountsAreEachOfItsHead() throws {
        let sentences = ["人员经费、公用经费分别占基本支出的90.55%、9.45%。",
                         "人员经费和公用经费占基本支出的比重分别为90.55%和9.45%。",
                         "人员经费、公用经费占基本支出的比重分别为90.55%和9.45%，上年分别为89.17%和10.83%，人员经费比重提高1.38个百分点。"]
        try assertEach(sentences, moving: "9.45%", to: "10.45%", finds: ["N502 10.45"])
        try assertEach(sentences, moving: "90.55%", to: "91.55%", finds: ["N502 91.55"])
        try assertEach([sentences[2]], moving: "1.38", to: "1.48", finds: ["N503 1.48"])
        try assertEach([sentences[2].replacingOccurrences(of: "人员经费比重提高1.38", with: "公用经费比重下降1.38")],
                       moving: "1.38", to: "1.48", finds: ["N503 1.48"])
    }

    /// `〔占比x%〕`: a square bracket of a note is a bracket; `〔2024〕` of a document number is none.
    func testSquareBracketsOfNotesAreBrackets() throws {
        try assertEach(["根据县财〔2024〕5号文件，本年收入合计3,186.50万元，其中：一般公共预算财政拨款收入2,856.40万元〔占比89.64%〕，政府性基金预算财政拨款收入120.00万元〔占比3.77%〕，事业收入186.35万元〔占比5.85%〕，其他收入23.75万元〔占比0.75%〕。"],
                       moving: "89.64", to: "90.64", finds: ["N502 90.64"])
    }

    // MARK: Changes

    /// `增减额为-6.68万元`, `增减率4.81%`: a change whose sign gives its direction.
    func testSignedChangesAreChanges() throws {
        let sentence = "一般公共预算财政拨款基本支出2,481.23万元（上年为2,414.23万元），增减额67.00万元，增减率2.78%，其中：人员经费2,246.76万元，占90.55%，公用经费234.47万元（上年为241.15万元），增减额为-6.68万元，增减率为-2.77%。"
        try assertEach([sentence], moving: "增减率2.78%", to: "增减率3.78%", finds: ["N503 3.78"])
        // (Its direction against the two years', last year's in its bracket: session 36.)
        try assertEach([sentence], moving: "-6.68", to: "6.68", finds: ["N503 6.68"])
        // (Not a part of the list: the parts still add up; the change is its head's, judged against
        // the two years and reported on itself.)
        try assertEach([sentence], moving: "-6.68", to: "-7.68", finds: ["N503 7.68万元"])
    }

    /// `均为A万元（上年为B万元）`: last year's amount of both totals, no head of its own.
    func testLastYearInABracketAfterBothTotals() throws {
        try assertEach(["收入总计与支出总计均为3,283.80万元（上年为3,100.00万元），增减额为183.80万元，增减率为5.93%。",
                        "收、支总计均为3,283.80万元（上年3,100.00万元），比上年增加183.80万元，增长5.93%。"],
                       moving: "5.93", to: "5.83", finds: ["N503 5.83"])
    }

    /// A difference from a budget with no budget in its own words may be from any budget its
    /// sentence names: here the 调整预算 just before it, not the 年初预算 first named.
    func testADifferenceFromTheBudgetNamedLast() throws {
        try assertEach(["教育管理事务（款）行政运行（项）：支出决算412.36万元，比年初预算400.00万元增加12.36万元，为年初预算的103.09%；比调整预算420.00万元减少7.64万元，为调整预算的98.18%。"],
                       moving: "减少7.64", to: "减少8.64", finds: ["N503 8.64"])
    }

    // MARK: Items, budgets, balances

    /// `（项）年初预算与调整预算均为A万元，支出决算B万元`: the heads are measures of the item.
    func testAnItemsBudgetsNamedTogether() throws {
        try assertEach(["（2）行政事业单位医疗（款）行政单位医疗（项）年初预算与调整预算均为30.00万元，支出决算30.15万元，完成预算的100.50%。"],
                       moving: "30.15", to: "31.15", finds: ["N501 31.15"])
    }

    /// What the budget was adjusted to (`年中追加20.00万元后调整为420.00万元`) is the adjusted budget;
    /// a balance in a paragraph about an item (`年末结转7.64万元`) is the item's; so is the
    /// carry-over within its budget (`调整预算420.00万元（含年初结转资金20.00万元）`).
    func testAnItemsAdjustedBudgetAndBalance() throws {
        try assertEach(["行政运行（项）：年初预算400.00万元，年中追加20.00万元后调整为420.00万元，实际支出412.36万元，完成调整预算的98.18%。年末结转7.64万元。",
                        "教育管理事务（款）行政运行（项）：决算数412.36万元，年初预算400.00万元，调整预算420.00万元（含年初结转资金20.00万元），为调整预算的98.18%。"],
                       moving: "98.18", to: "99.18", finds: ["N505 99.18"])
    }

    /// Funds named after 分别为, each with its figure, are the amount's parts, not the funds' income:
    /// each fund's 年末财政拨款结转和结余, its column of 公开04 (session 37: the general budget's
    /// too; before, only their sum was compared, N504 26.50).
    func testFundsAfterRespectivelyArePartsOfTheAmount() throws {
        try assertEach(["年末财政拨款结转和结余26.50万元，分别为一般公共预算财政拨款26.50万元和政府性基金预算财政拨款0.00万元。"],
                       moving: "一般公共预算财政拨款26.50", to: "一般公共预算财政拨款27.50", finds: ["N501 27.50"])
    }

    /// Last year's amount compared with (`较上年241.15万元减少6.68万元`) is not what the 其中 list
    /// after it divides; nor is a “三公” item in the running cost's list 公开09's.
    func testTheRunningCostsListIsOfThisYearsAmount() throws {
        let sentence = "机关运行经费234.47万元，较上年241.15万元减少6.68万元，下降2.77%，其中：商品和服务支出218.47万元，资本性支出16.00万元。"
        try assertEach([sentence], moving: "218.47", to: "219.47", finds: ["N501 219.47"])
        XCTAssertEqual(try findings("机关运行经费234.47万元，其中：办公费52.30万元，公务用车运行维护费12.00万元，公务接待费2.00万元。"), [])
        // (`2,344,724.37元` is 234.47万元 unrounded: no running cost above 公用经费.)
        XCTAssertEqual(try findings("机关运行经费234.47万元（即2,344,724.37元）。"), [])
    }

    // MARK: Counts

    /// A count in a bracket of parts is no count an average is per; a count of 外事 receptions is
    /// no count of 国内 ones; the year's figures after last year's in a bracket are this year's.
    func testCountsInBracketsOfParts() throws {
        try assertEach(["公务用车运行维护费18.90万元，主要用于4辆公务用车（含应急保障用车1辆）的燃料、维修等支出，平均每辆车4.73万元。"],
                       moving: "4.73", to: "5.73", finds: ["N516 5.73"])
        try assertEach(["全年共接待12批次、86人次（其中外事接待0批次），接待费3.36万元。"],
                       moving: "86人次", to: "87人次", finds: ["N507 87"])
        try assertEach(["“三公”经费支出22.26万元，较上年减少1.74万元，下降7.25%（上年为24.00万元），其中：因公出国（境）费0.00万元，占0.00%；公务用车购置及运行维护费18.90万元，占84.91%；公务接待费3.36万元，占15.09%。"],
                       moving: "15.09", to: "16.09", finds: ["N502 16.09", "N508 16.09"])
    }

    /// Beside its siblings of the basic spending, 资本性支出 is 公开06's row 310; in a list of a
    /// project's spending, none of the economic classes is 公开06's.
    func testCapitalSpendingBesideItsSiblingsIsTheBasicSpendings() throws {
        try assertEach(["基本支出2,481.23万元，其中：工资福利支出2,150.36万元、商品和服务支出218.47万元、对个人和家庭的补助96.40万元、资本性支出16.00万元。",
                        "按经济分类，工资福利支出2,150.36万元，商品和服务支出218.47万元，资本性支出16.00万元。"],
                       moving: "16.00", to: "17.00", finds: ["N501 17.00"])
        try assertEach(["项目支出388.87万元，其中资本性支出100.00万元，商品和服务支出288.87万元。"],
                       moving: "288.87", to: "298.87", finds: ["N504 388.87"])
    }
}

/// Session 35's second round (a county fire brigade, a CPPCC office, a hydrology station, a
/// township government), each reading in wordings of our own on the education probe's tables.
final class ProbeSession35SecondRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// A change of a count after the parts of a 其中 list ends the list.
    func testACountsChangeAfterItsPartsIsNoPart() throws {
        try assertEach(["年末实有在职人员40人，其中行政人员30人、事业人员10人，较上年末增加2人，增长5.26%。"],
                       moving: "事业人员10人", to: "事业人员12人", finds: ["N504 40"])
    }

    /// The amount before, again in 元 (`其他收入23.75万元，为银行存款利息237,500.00元`), is no part.
    func testAnAmountRestatedInYuanIsNoPart() throws {
        try assertEach(["本年收入合计3,186.50万元，其中：一般公共预算财政拨款收入2,856.40万元，政府性基金预算财政拨款收入120.00万元，事业收入186.35万元，其他收入23.75万元，为银行存款利息237,500.00元。"],
                       moving: "事业收入186.35", to: "事业收入187.35", finds: ["N501 187.35"])
    }

    /// A change alone in a bracket after an amount and its share is the amount's.
    func testAChangeInABracketAfterAShareIsTheAmounts() throws {
        try assertEach(["其中：一般公共预算财政拨款收入2,856.40万元，占本年收入合计的89.64%（同比增加156.40万元，增长5.79%）。"],
                       moving: "5.79", to: "6.79", finds: ["N503 6.79"])
    }

    /// `调整预算比年初预算增加20.00万元`: one budget against the other, not the actual.
    func testABudgetAgainstTheOtherBudget() throws {
        try assertEach(["行政运行（项）：年初预算400.00万元，调整预算420.00万元，决算412.36万元。调整预算比年初预算增加20.00万元。",
                        "行政运行（项）年初预算400.00万元，全年预算420.00万元，决算412.36万元，全年预算较年初预算增加20.00万元。"],
                       moving: "增加20.00", to: "增加21.00", finds: ["N503 21.00"])
    }

    /// In a paragraph about the appropriations' basic spending, a “三公” item is 公开06's row.
    func testAThreePublicItemAmongTheBasicSpendingIsItsRow() throws {
        let sentence = "一般公共预算财政拨款基本支出2,481.23万元，商品和服务支出中金额较大的是办公费52.30万元、电费38.75万元、公务用车运行维护费18.90万元。"
        try assertEach([sentence], moving: "18.90", to: "19.90", finds: ["N501 19.90"])
        XCTAssertTrue(try ProbeProse(Self.probe).findingMessages(sentence.replacingOccurrences(of: "18.90", with: "19.90"))[0].contains("公开06"))
    }

    /// An average that names what it is of (`平均每辆运行维护费`, `人均机关运行经费`) is of that
    /// amount, not of a part listed nearer.
    func testAnAverageOfTheAmountItNames() throws {
        try assertEach(["公务用车运行维护费18.90万元，其中基本支出列支15.00万元、项目支出列支3.90万元。年末公务用车保有量4辆，平均每辆运行维护费4.73万元。"],
                       moving: "4.73", to: "5.73", finds: ["N516 5.73"])
        try assertEach(["机关运行经费234.47万元，其中：办公费52.30万元，公务用车运行维护费18.90万元。按年末50人计算，人均机关运行经费4.69万元。"],
                       moving: "4.69", to: "5.69", finds: ["N516 5.69"])
    }

    /// `基本与预算持平`: roughly level, not level.
    func testRoughlyLevelWithTheBudgetIsNoClaimOfNoDifference() throws {
        try assertEach(["行政单位医疗（项）：年初预算30.20万元，决算30.15万元，完成年初预算的99.83%，基本与预算持平。"],
                       moving: "99.83", to: "98.83", finds: ["N505 98.83"])
    }

    /// An item named in a clause of no figure (`（2）…（项）年初未安排预算，`) is what the measures
    /// after it speak of; a 调整预算 is no part of a 年初预算.
    func testAnItemNamedWithoutAFigureAndItsBudgets() throws {
        try assertEach(["（1）行政运行（项）年初预算400.00万元，决算412.36万元；（2）行政单位医疗（项）年初未安排预算，调整预算30.00万元，支出决算30.15万元。"],
                       moving: "30.15", to: "31.15", finds: ["N501 31.15"])
        try assertEach(["教育支出（类）年初预算为1,700.00万元。其中：（1）行政运行（项）年初预算400.00万元；（2）小学教育（项）年初预算1,200.00万元；（3）初中教育（项）年初未安排预算，调整预算650.00万元。"],
                       moving: "年初预算1,200.00", to: "年初预算1,400.00", finds: ["N504 1,700.00"])
    }

    /// A count read before a money figure is no whole of the counts after a later list marker.
    func testACountIsAWholeOnlyRightBeforeItsParts() throws {
        try assertEach(["公务用车购置费0.00万元，公务用车购置数0辆；公务用车运行维护费18.90万元，主要用于公务出行，公务用车保有量4辆。"],
                       moving: "保有量4辆", to: "保有量5辆", finds: ["N507 5"])
    }

    /// A functional code before its name (`1. 2050101行政运行：`) and an economic class's code in
    /// brackets after its name (`工资福利支出（301）`) name the row, and are no figures.
    func testCodesBesideNames() throws {
        try assertEach(["1. 2050101行政运行：年初预算400.00万元，决算数为412.36万元。",
                        "（2）2050101行政运行：决算数412.36万元，完成年初预算的103.09%。"],
                       moving: "412.36", to: "413.36", finds: ["N501 413.36"])
        try assertEach(["按经济分类，工资福利支出（301）2,150.36万元，商品和服务支出（302）218.47万元，资本性支出（310）16.00万元。"],
                       moving: "16.00", to: "17.00", finds: ["N501 17.00"])
    }
}

/// Session 35's third round (a veteran cadres bureau, a government service centre, a funeral
/// management office), each reading in wordings of our own on the education probe's tables
/// (公开03 基本支出 2,641.23 of every fund, 公开05 2,481.23 of the appropriations).
final class ProbeSession35ThirdRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// A bracket of words after a name (`人员支出（基本工资、津贴补贴、奖金等）`) is part of the name.
    func testABracketOfWordsIsPartOfTheName() throws {
        try assertEach(["行政运行（项）。决算数412.36万元。其中：人员支出（基本工资、津贴补贴、奖金等）398.16万元，公用支出14.20万元。"],
                       moving: "412.36", to: "413.36", finds: ["N501 413.36"])
    }

    /// A change of a name opening its clause after a point of view (`从支出结构看，基本支出主要用于…，
    /// 同比增加…`) or a `；` is that name's, whatever digits its words hold (`12345热线`).
    func testAChangeOfTheNameOpeningItsClause() throws {
        let prose = "本年支出合计3,220.80万元，其中基本支出2,641.23万元，项目支出579.57万元。\n从支出结构看，基本支出主要用于人员工资和日常运转，同比增加120.00万元，增长4.76%；项目支出主要用于12345热线和网络平台运行，同比减少20.00万元，下降3.34%。"
        XCTAssertEqual(try findings(prose), [])
        XCTAssertEqual(try findings(prose.replacingOccurrences(of: "增长4.76", with: "增长4.86")), ["N503 4.86"])
        XCTAssertEqual(try findings(prose.replacingOccurrences(of: "下降3.34", with: "下降3.44")), ["N503 3.44"])
    }

    /// `完成年初预算的103.09%，与调整预算持平`: level with the budget it names, the last one named.
    func testLevelWithTheBudgetItNames() throws {
        try assertEach(["行政运行（项）：年初预算400.00万元，调整预算412.36万元，决算412.36万元，完成年初预算的103.09%，与调整预算持平。"],
                       moving: "调整预算412.36", to: "调整预算413.36", finds: ["N503 持平"])
    }

    /// The 本年 of `本年收入合计` names no year: `2023年度本年支出合计`, `上年本年收入合计` are last year's.
    func testTheYearOfANameIsNoYear() throws {
        try assertEach(["上年本年收入合计为3,000.00万元，本年增加186.50万元，增长6.22%。为便于比较，2023年度本年支出合计为3,000.00万元。"],
                       moving: "6.22", to: "6.32", finds: ["N503 6.32"])
    }

    /// The parts of the basic spending of every fund (公开03's, more than 公开05's) are not 公开06's.
    func testThePartsOfAllFundsBasicSpendingAreNotTheAppropriations() throws {
        try assertEach(["基本支出2,641.23万元，包括人员经费2,400.00万元和公用经费241.23万元。"],
                       moving: "2,400.00", to: "2,500.00", finds: ["N504 2,641.23"])
    }

    /// A count of several heads (`机要通信用车、执法执勤用车和其他用车均为0辆`) is each head's.
    func testACountOfSeveralHeadsIsEachHeads() throws {
        try assertEach(["公务用车保有量4辆，其中主要负责人用车1辆、应急保障用车1辆、特种专业技术用车2辆，机要通信用车、执法执勤用车和其他用车均为0辆。"],
                       moving: "执法执勤用车和其他用车均为0辆", to: "应急保障用车和其他用车均为0辆", finds: ["N507 0"])
    }

    /// A point of view after a sentence that listed a whole's parts divides the whole again
    /// (`其中授予小微企业…。按采购类型分，货物、服务类…分别为…`): its parts are not added to the first list's.
    func testAPointOfViewDividesTheWholeAgain() throws {
        try assertEach(["授予中小企业合同金额100.00万元，其中授予小微企业合同金额60.00万元。按采购类型分，货物、服务类采购授予中小企业的合同金额分别为30.00万元和70.00万元。"],
                       moving: "70.00", to: "80.00", finds: ["N504 100.00"])
    }

    /// A balance has no budget: a budget after a paragraph's opening balance, of no known quantity,
    /// is not judged against the balance (a completion of it only within its sentence).
    func testABalanceHasNoBudget() throws {
        XCTAssertEqual(try findings("政府性基金预算财政拨款年初结转和结余0.00万元，本年收入120.00万元，本年支出120.00万元，年末结转和结余0.00万元。本年支出同比增加20.00万元，增长20.00%；年初预算100.00万元，完成年初预算的120.00%。"), [])
    }
}

/// Session 35's fourth round (a road maintenance centre in 元, an agricultural extension centre in
/// long paragraphs, a small cultural centre, an ecology sub-bureau pasted from Word), each reading
/// in wordings of our own on the education probe's tables.
final class ProbeSession35FourthRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// A numbered point after a `；` ends the lists of the point before.
    func testANumberedPointEndsTheListsBeforeIt() throws {
        try assertEach(["卫生健康支出（类）决算96.55万元，其中行政事业单位医疗（款）行政单位医疗（项）决算30.15万元；（三）住房保障支出（类）决算142.65万元。"],
                       moving: "30.15", to: "31.15", finds: ["N501 31.15"])
    }

    /// `（其中：外事接待0批次、0人次）`: counts of receptions from abroad, the whole bracket.
    func testCountsInABracketOfForeignReceptions() throws {
        try assertEach(["全年共接待12批次、86人次（其中：外事接待0批次、0人次）。"], moving: "86人次", to: "87人次", finds: ["N507 87"])
    }

    /// `工资福利支出2,150.36万元中，…`: the amount before 中 is the whole of the shares after it;
    /// `其他工资福利支出` is an item of its own, not 工资福利支出.
    func testAnAmountBeforeZhongIsTheWhole() throws {
        try assertEach(["工资福利支出2,150.36万元中，基本工资702.18万元，占32.65%；津贴补贴410.25万元，占19.08%；奖金58.60万元，占2.73%；绩效工资388.90万元，占18.09%；机关事业单位基本养老保险缴费214.60万元，占9.98%；职业年金缴费86.82万元，占4.04%；职工基本医疗保险缴费96.55万元，占4.49%；住房公积金142.65万元，占6.63%；其他工资福利支出49.81万元，占2.32%。"],
                       moving: "32.65", to: "33.65", finds: ["N502 33.65", "N508 2.32"])
    }

    /// A 类's code in brackets after its name (`社会保障和就业支出(208)`) names the 类.
    func testAClassCodeInBrackets() throws {
        try assertEach(["一般公共预算财政拨款支出主要用于：教育支出（205）2,329.48万元，占81.16%；社会保障和就业支出(208)301.42万元。"],
                       moving: "301.42", to: "302.42", finds: ["N501 302.42"])
    }

    /// The parts of a budget listed by its identity are budgets; a rate after them is the whole's.
    func testThePartsOfABudgetAreBudgets() throws {
        try assertEach(["“三公”经费全年预算30.00万元，其中：公务用车购置及运行维护费24.00万元、公务接待费6.00万元，预算执行率74.20%。"],
                       moving: "公务接待费6.00", to: "公务接待费7.00", finds: ["N501 7.00"])
    }

    /// `其他收入23.75万元，主要为利息收入20.00万元和租金收入3.75万元`: the part's own parts.
    func testWhatAPartIsMainlyMadeOf() throws {
        try assertEach(["本年收入合计3,186.50万元，其中：一般公共预算财政拨款收入2,856.40万元，政府性基金预算财政拨款收入120.00万元，事业收入186.35万元，其他收入23.75万元，主要为利息收入20.00万元和租金收入3.75万元。"],
                       moving: "租金收入3.75", to: "租金收入4.75", finds: ["N504 23.75"])
    }

    /// A count of devices is 公开10's only in a statement of 100万元 devices.
    func testDevicesOfAnotherPriceAreNoRow() throws {
        try assertEach(["单价100万元以上设备2台（套）；单价50万元以上通用设备0台（套）。"], moving: "设备2台", to: "设备3台", finds: ["N507 3"])
    }

    /// `上年支出…，本年支出…` after the name spoken of is that name's; an item's 人员经费 is the item's.
    func testAYearsSideAfterTheNameSpokenOf() throws {
        try assertEach(["公务用车运行维护费。上年支出20.00万元，本年支出18.90万元，比上年减少1.10万元。"],
                       moving: "本年支出18.90", to: "本年支出19.90", finds: ["N501 19.90", "N503 1.10"])
        try assertEach(["行政运行（项）：决算412.36万元，该项主要用于人员工资和日常运转，其中人员经费398.16万元。"],
                       moving: "412.36", to: "413.36", finds: ["N501 413.36"])
    }
}

/// Session 35's fifth round (a real estate registration centre, a party history office, a water
/// works station with a government fund), each reading in wordings of our own on the education
/// probe's tables.
final class ProbeSession35FifthRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// A share after a clause naming with no figure what the amount is made of is not the amount's.
    func testAShareOfWhatTheAmountIsMadeOf() throws {
        XCTAssertEqual(try findings("公务接待费支出3.36万元，全部为国内接待费，占100%。"), [])
    }

    /// Bare funds before a last head of spending are the funds' spending.
    func testFundsBeforeAHeadOfSpending() throws {
        try assertEach(["按资金来源看，一般公共预算财政拨款、政府性基金预算财政拨款和非财政拨款资金安排的支出分别为2,870.10万元、120.00万元和230.70万元。"],
                       moving: "2,870.10", to: "2,871.10", finds: ["N501 2,871.10"])
    }

    /// Heads of their own after a `；` are besides the list before it.
    func testHeadsAfterASemicolonAreBesidesTheList() throws {
        XCTAssertEqual(try findings("基本工资、津贴补贴、奖金三项合计1,171.03万元，其中基本工资702.18万元、津贴补贴410.25万元、奖金58.60万元；办公费、差旅费分别为52.30万元、15.60万元。"), [])
    }

    /// `增幅、降幅分别为`: each rate takes its change's direction.
    func testRatesNamingBothDirections() throws {
        try assertEach(["人员经费、公用经费分别比上年增加100.00万元、减少10.00万元，增幅、降幅分别为4.66%、4.09%。"],
                       moving: "4.09", to: "4.19", finds: ["N503 4.19"])
    }

    /// A completion of the 年初预算 is of the budget of that very kind in its sentence.
    func testACompletionOfTheBudgetOfItsKind() throws {
        try assertEach(["“三公”经费年初预算、全年预算各为32.00万元、30.00万元，支出决算22.26万元，分别完成年初预算和全年预算的69.56%和74.20%。"],
                       moving: "69.56", to: "70.56", finds: ["N505 70.56"])
    }

    /// A bracket of named parts after a respectively amount is a list of its parts, not the amount
    /// again; an item's income under `事业收入中，` is no spending.
    func testABracketOfPartsAfterARespectivelyAmount() throws {
        try assertEach(["收入总计中，本年收入合计、年初结转和结余依次为3,186.50万元、97.30万元（其中财政拨款结转和结余40.20万元、非财政拨款结转和结余57.10万元）。"],
                       moving: "57.10", to: "58.10", finds: ["N504 97.30"])
        XCTAssertEqual(try findings("事业收入中，行政运行（项）、小学教育（项）分别为100.00万元、86.35万元。"), [])
    }

    /// A budget derived from a difference is of the budget stated right before the difference
    /// (`比年初预算…增加…`): no 调整预算 comes of it.
    func testADifferenceFromAStatedBudgetGivesNoOtherBudget() throws {
        XCTAssertEqual(try findings("一般公共预算财政拨款支出决算2,870.10万元，比年初预算2,700.00万元增加170.10万元，完成年初预算的106.30%、调整预算的99.00%。"), [])
    }

    /// `均为0万元` after an item's words is the item's; `均完成…的100%` after lists is each item's.
    func testSharedValuesAreOfWhatWasNamed() throws {
        XCTAssertEqual(try findings("1.因公出国（境）费未安排预算，支出与上年持平，均为0万元。"), [])
        XCTAssertEqual(try findings("其中，行政单位医疗（项）、事业单位医疗（项）调整预算分别为30.15万元、66.40万元，均完成调整预算的100%。"), [])
    }
}

