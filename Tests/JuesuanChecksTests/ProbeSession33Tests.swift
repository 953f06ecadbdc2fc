import XCTest
@testable import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// Session 33's probes (a city library, a county Red Cross, a government offices bureau, written
/// by helper sessions that had not seen the reader), each reading in wordings of our own on the
/// education probe's tables (公开05 2050202 小学教育 1,240.10 = 基本 1,002.40 + 项目 237.70; 合计
/// 2,870.10 = 2,481.23 + 388.87; 公开09 公务接待 3.36, 12批次 86人次).
final class ProbeSession33Tests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// A section titled by its 项 (or 款): a bare 基本支出 / 项目支出 in it is that item's split,
    /// not the department's (the library's `这一项里，基本支出…，项目支出…`).
    func testTheSplitInASectionTitledByAnItemIsTheItems() throws {
        let prose = try ProbeProse(Self.probe)
        for (title, sentence) in [
            ("（二）教育支出（类）普通教育（款）小学教育（项）", "这一项里，基本支出1,002.40万元，项目支出237.70万元。"),
            ("2.教育支出（类）普通教育（款）小学教育（项）情况说明", "支出决算1,240.10万元。其中基本支出1,002.40万元，项目支出237.70万元。"),
            ("（二）教育支出（类）普通教育（款）小学教育（项）", "该项基本支出1,002.40万元、项目支出237.70万元，主要用于教师工资和校舍维修。"),
        ] {
            XCTAssertEqual(prose.findingMessages(sentence, title: title), [], "\(title) \(sentence)")
        }
        // The department's own split is still the department's where the title names no item.
        XCTAssertEqual(prose.findingMessages("本年基本支出2,481.23万元，项目支出388.87万元。", title: "三、支出决算情况说明"), [])
        XCTAssertFalse(prose.findingMessages("本年基本支出2,481.23万元，项目支出488.87万元。", title: "三、支出决算情况说明").isEmpty)
    }

    /// A change from the opening balance named in full (`比年初结转和结余增加`) is that change,
    /// no part of the list it follows.
    func testAChangeFromTheOpeningBalanceNamedInFullIsNoPart() throws {
        let prose = try ProbeProse(Self.probe)
        // The education probe's 公开01: 年初 97.30, 年末 63.00, 总计 3,283.80, 本年支出合计 3,220.80.
        let (opening, closing, total, spent) = (DecimalNumber("97.30")!, DecimalNumber("63.00")!, "3,283.80", "3,220.80")
        let change = closing - opening
        let word = change.isNegative ? "减少" : "增加"
        for comparison in ["比年初结转和结余", "较年初结转结余", "与年初结转和结余相比，"] {
            let sentence = "支出总计\(total)万元。其中：本年支出合计\(spent)万元；年末结转和结余\(closing)万元，\(comparison)\(word)\(change.magnitude)万元。"
            XCTAssertEqual(prose.findingMessages(sentence), [], sentence)
            let moved = sentence.replacingOccurrences(of: "\(word)\(change.magnitude)万元", with: "\(word)\(change.magnitude + DecimalNumber(1))万元")
            XCTAssertTrue(prose.findingMessages(moved).contains { $0.contains("年初") }, moved)
        }
        // Its rate is of the opening balance: 34.30 ÷ 97.30 = 35.25%.
        let withRate = "年末结转和结余63.00万元，比年初结转和结余减少34.30万元，下降35.25%。"
        XCTAssertEqual(prose.findingMessages(withRate), [], withRate)
        XCTAssertTrue(prose.findingMessages(withRate.replacingOccurrences(of: "35.25", with: "36.25")).contains { $0.contains("97.30") }, withRate)
    }

    /// An average count (`平均每批次7.17人次`) is no count of 公开09, nor what an amount per head
    /// is divided by.
    func testAnAverageCountIsNoTableCountAndNoDivisor() throws {
        let prose = try ProbeProse(Self.probe)
        // 公开09: 12批次, 86人次, 公务接待费 3.36万元 (390.70元 a head, 7.17人次 a batch).
        for sentence in ["全年接待12批次、86人次，平均每批次7.17人次，人均接待费390.70元。",
                         "公务接待共12批86人次（每批平均7.17人次），接待费人均390.70元。"] {
            XCTAssertEqual(prose.findingMessages(sentence), [], sentence)
            // The counts themselves are still the table's.
            XCTAssertFalse(prose.findingMessages(sentence.replacingOccurrences(of: "86人次", with: "87人次")).isEmpty, sentence)
        }
    }

    /// A completion rate is of the budget named last before it (`完成年初预算的…、全年预算的…`).
    func testACompletionRateIsOfTheBudgetNamedLast() throws {
        // 公务接待费: 全年预算 6.00, 决算 3.36 (56.00%); a 年初预算 of 8.00 would give 42.00%.
        try assertEach(["公务接待费年初预算8.00万元，全年预算6.00万元，支出决算3.36万元，完成年初预算的42.00%、全年预算的56.00%。",
                        "公务接待费调整预算6.00万元，年初预算8.00万元，决算3.36万元，为年初预算的42.00%，调整预算的56.00%。"],
                       moving: "56.00", to: "57.00", finds: ["N505 57.00"])
    }

    /// The whole's own quantity of a narrower scope after a `；` ends the 其中 list.
    func testTheWholesQuantityOfANarrowerScopeEndsTheList() throws {
        let prose = try ProbeProse(Self.probe)
        for sentence in ["授予中小企业合同金额300.00万元，其中授予小微企业合同金额120.00万元；工程采购中授予中小企业合同金额80.00万元。",
                         "政府采购支出总额500.00万元，其中货物采购300.00万元、服务采购200.00万元；全年政府采购支出总额比上年增加20.00万元。"] {
            XCTAssertEqual(prose.findingMessages(sentence).filter { $0.contains("各部分") }, [], sentence)
        }
        // A part that is too large is still found.
        XCTAssertTrue(prose.findingMessages("授予中小企业合同金额300.00万元，其中授予小微企业合同金额320.00万元；工程采购中授予中小企业合同金额80.00万元。")
            .contains { $0.contains("各部分") })
    }

    /// The year a thing was bought or built is no stale year (`是2022年购置的…`); a year before
    /// what was bought this year still is.
    func testTheYearAThingWasBoughtIsNoStaleYear() throws {
        for sentence in ["单价100万元以上设备1台，系2021年购置的教学用录播系统。", "现有公务用车2辆，均为2019年购买的。",
                         "办公楼1栋，为2015年建成的。"] {
            XCTAssertEqual(proseOnly(sentence).filter { $0.hasPrefix("T801") }, [], sentence)
        }
        XCTAssertFalse(proseOnly("2021年购置公务用车1辆，支出18.00万元。").filter { $0.hasPrefix("T801") }.isEmpty)
    }
}
