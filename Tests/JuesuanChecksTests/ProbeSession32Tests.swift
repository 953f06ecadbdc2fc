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
