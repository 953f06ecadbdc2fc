import JuesuanChecks
import JuesuanModel
import XCTest

/// Readings found by the four probes of session 29 (a civil affairs bureau, a statistics bureau, a
/// natural resources bureau with a land fund, a county archives), each in wordings of our own on
/// the education probe's tables: 公开05 合计 2,870.10 (基本支出 2,481.23, 项目支出 388.87), 教育支出
/// 2,329.48, 社会保障和就业支出 301.42, 卫生健康支出 96.55, 小学教育 1,240.10, 初中教育 677.02;
/// 公开06 人员经费 2,246.76, 公用经费 234.47; 公开09 “三公”经费全年预算数 30.00, 决算数 22.26;
/// 公开01 本年收入合计 3,186.50.
final class ProbeSession29ReadingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    // MARK: Counts

    func testTheRetiredAreNoPartOfTheStaffInPost() {
        for sentence in [
            "年末实有在职人员40人，其中行政编制30人、工勤人员10人；离退休人员12人。",
            "在编在岗人员40人，其中公务员30人，工勤10人；另有退休人员12人。",
            "在职职工40人，包括行政人员30人和事业人员10人，此外离休人员2人、退休人员10人。",
        ] {
            XCTAssertEqual(proseOnly(sentence), [], sentence)
        }
        // The parts are still judged.
        XCTAssertEqual(proseOnly("年末实有在职人员40人，其中行政编制31人、工勤人员10人；离退休人员12人。").map { $0.prefix(4) }, ["N504"])
        // Counts in a bracket right after a count are its parts.
        for sentence in ["年末核定编制64名（行政编制28名、事业编制36名），实有在职人员58人。",
                         "公务用车保有量7辆，其中特种专业技术用车3辆（医疗救护车1辆、救助专用车2辆）。"] {
            XCTAssertEqual(proseOnly(sentence), [], sentence)
        }
        XCTAssertEqual(proseOnly("年末核定编制64名（行政编制29名、事业编制36名）。").map { $0.prefix(4) }, ["N504"])
        XCTAssertEqual(proseOnly("特种专业技术用车3辆（医疗救护车2辆、救助专用车2辆）。").map { $0.prefix(4) }, ["N504"])
        // A comma ends the list (seed 001: what the centre merged is no third part).
        XCTAssertEqual(proseOnly("共27个项目开展绩效自评（其中医保局9个；医保中心18个，中心将同类型的合并成了10个）。"), [])
        XCTAssertEqual(proseOnly("共27个项目开展绩效自评（其中医保局10个；医保中心18个，中心将同类型的合并成了10个）。").map { $0.prefix(4) }, ["N504"])
        // Staff that counts the retired (实有人员, no 在职) lists them.
        XCTAssertEqual(proseOnly("实有人员52人，其中在职40人、退休12人。"), [])
        XCTAssertEqual(proseOnly("实有人员52人，其中在职40人、退休13人。").map { $0.prefix(4) }, ["N504"])
    }

    func testACarRenewedInASentenceOfThePurchaseCostIsBought() throws {
        // The civil affairs probe: 公开09 公务用车购置数 1, 公开10 应急保障用车 2.
        let probe = try ProbeProse("probe-civil-affairs.juesuan")
        probe.assertEach(["公务用车购置费21.36万元，系经批准更新的1辆应急保障用车。",
                          "其中公务用车购置费21.36万元，用于更新1辆应急保障用车。"],
                         moving: "1辆", to: "2辆", finds: ["N507 2"])
        // Without the purchase cost, a car renewed is of the fleet (it may be one re-registered).
        XCTAssertEqual(probe.findings("本年更新应急保障用车2辆。"), [])
    }

    // MARK: A ranked item

    func testAnItemWithAWordOfRankIsWhatTheNextFigureIs() throws {
        try assertEach([
            "一般公共预算财政拨款支出中，教育支出所占比重最高，为2,329.48万元，占81.16%。",
            "从结构看，教育支出占比最大，支出2,329.48万元，占一般公共预算财政拨款支出的81.16%。",
            "按功能分类，教育支出最多，达2,329.48万元。",
        ], moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
        // The share after it is of the paragraph's topic again.
        try assertEach(["一般公共预算财政拨款支出中，教育支出所占比重最高，为2,329.48万元，占81.16%；其次是社会保障和就业支出301.42万元，占10.50%。"],
                       moving: "10.50%", to: "11.50%", finds: ["N502 11.50"])
    }

    // MARK: Heads that are measures

    func testBudgetsWrittenTogetherAreBudgets() throws {
        // 公开09 prints 全年预算数 30.00 alone: 年初预算 is not compared, 全年预算 is.
        try assertEach([
            "“三公”经费年初预算和全年预算均为30.00万元，决算22.26万元。",
            "“三公”经费财政拨款年初预算、全年预算都是30.00万元；决算支出22.26万元。",
        ], moving: "30.00", to: "31.00", finds: ["N501 31.00"])
        // An item's budget and actual written together: the actual is compared.
        try assertEach(["（三）小学教育（项）。年初预算与决算均为1,240.10万元。"],
                       moving: "1,240.10", to: "1,250.10", finds: ["N501 1,250.10"])
    }

    // MARK: 金额 after a share

    func testAnAmountNamedOnlyAfterAShareIsTheSharesPart() {
        let sentence = "政府采购支出总额100.00万元，其中：货物30.00万元、工程20.00万元、服务50.00万元。授予中小企业合同金额占政府采购支出总额的80.00%，金额为80.00万元。"
        XCTAssertEqual(proseOnly(sentence), [])
        XCTAssertEqual(proseOnly(sentence.replacingOccurrences(of: "金额为80.00", with: "金额为120.00")).map { $0.prefix(4) }.first, "N511")
        // The share is of that amount, written after it.
        XCTAssertEqual(proseOnly(sentence.replacingOccurrences(of: "80.00%", with: "81.00%")), ["N502 81.00"])
    }

    // MARK: Names and shares of a respectively run

    func testCategoryNamesHoldingAndAreOneHead() throws {
        try assertEach([
            "社会保障和就业支出、卫生健康支出分别为301.42万元、96.55万元，占一般公共预算财政拨款支出的10.50%、3.36%。",
            "社会保障和就业支出、卫生健康支出依次为301.42万元和96.55万元，分别占一般公共预算财政拨款支出的10.50%和3.36%。",
        ], moving: "96.55", to: "97.55", finds: ["N501 97.55"])
        // Shares with no second 分别 pair with the amounts, in order.
        try assertEach(["社会保障和就业支出、卫生健康支出分别为301.42万元、96.55万元，占一般公共预算财政拨款支出的10.50%、3.36%。"],
                       moving: "3.36%", to: "4.36%", finds: ["N502 4.36"])
    }

    func testSharesNamedRespectivelyAfterTheirWhole() throws {
        try assertEach([
            "一般公共预算财政拨款基本支出2,481.23万元，人员经费和公用经费分别为2,246.76万元和234.47万元，在基本支出中所占比重分别为90.55%和9.45%。",
            "一般公共预算财政拨款基本支出2,481.23万元，其中人员经费2,246.76万元、公用经费234.47万元，占基本支出的比重依次为90.55%、9.45%。",
        ], moving: "9.45%", to: "10.45%", finds: ["N502 10.45"])
    }

    // MARK: Brackets

    func testAmountInABracketAfterTheYearComparedWithIsThatYears() throws {
        try assertEach([
            "本年收入合计3,186.50万元，比上年（3,000.00万元）增加186.50万元，增长6.22%。",
            "本年收入合计3,186.50万元，较2023年度（3,000.00万元）增加186.50万元。",
        ], moving: "增加186.50", to: "增加196.50", finds: ["N503 196.50"])
    }

    func testAmountInABracketAfterAPurposeIsThePurposes() throws {
        try assertEach([
            "项目支出388.87万元，主要用于中小学校舍维修（237.70万元）和教学设备购置（151.17万元）。",
            "项目支出388.87万元，主要用于：中小学校舍维修（237.70万元）、教学设备购置（151.17万元）。",
        ], moving: "237.70", to: "247.70", finds: ["N504 388.87"])
        // The list's whole named at the start of a clause, its amount in the sentence before.
        try assertEach(["其中基本支出2,481.23万元、项目支出388.87万元。基本支出是保障正常运转的人员和公用支出；项目支出主要用于中小学校舍维修（237.70万元）和教学设备购置（151.17万元）。"],
                       moving: "237.70", to: "247.70", finds: ["N504 388.87"])
    }

    // MARK: Differences and changes

    func testSpentLessThanTheBudgetWrittenBefore() throws {
        try assertEach([
            "小学教育（项）：年初预算1,250.10万元，决算1,240.10万元，少支出10.00万元。",
            "（二）小学教育（项）。年初预算1,250.10万元，决算1,240.10万元，完成年初预算的99.20%，少支了10.00万元，主要是采购结余。",
        ], moving: "10.00万元", to: "11.00万元", finds: ["N503 11.00"])
        // Less than last year is a change, not a difference from the budget.
        XCTAssertEqual(proseOnly("公务接待费年初预算6.00万元，决算3.36万元，比上年少支出0.50万元。"), [])
    }

    func testAChangeInABracketAfterItsRate() throws {
        try assertEach(["财政拨款收入总计3,016.60万元，财政拨款支出总计3,016.60万元，收支均比上年增长7.74%（增加216.60万元）。"],
                       moving: "216.60", to: "226.60", finds: ["N503 7.74"])
    }

    // MARK: A row's label alone

    func testAnItemByItsRowLabelIsThatRow() throws {
        try assertEach(["普通教育支出1,917.12万元，具体为：小学教育1,240.10万元，初中教育677.02万元。"],
                       moving: "677.02", to: "687.02", finds: ["N501 687.02"])
        // In a sentence of project spending the label names the item's project part: not compared.
        XCTAssertEqual(try findings("项目支出388.87万元，主要用于小学教育237.70万元和初中教育136.97万元、行政运行14.20万元。"), [])
    }
}
