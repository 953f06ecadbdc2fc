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
