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

/// Session 33's second round (a county finance bureau, a women's federation and a county
/// government office, written by helper sessions that had not seen the reader), each reading in
/// wordings of our own on the education probe's tables (公开05 205 教育支出 2,329.48, 20502 普通教育
/// 1,917.12; 公开06 工资福利支出 2,150.36 with 基本工资 702.18, 津贴补贴 410.25; 商品和服务支出
/// 218.47 with 办公费 52.30, 电费 38.75; 资本性支出 16.00; 公开04 年末 26.50, all 一般公共预算).
final class ProbeSession33SecondRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// `X中，…` opening a sentence: its figures are parts of X (a fund's amount in the year-end
    /// balance is no income of the fund), and a share naming no whole is of X.
    func testASentenceScopedByItsOpeningNameReadsItsFiguresAsParts() throws {
        let prose = try ProbeProse(Self.probe)
        XCTAssertEqual(prose.findingMessages("年末财政拨款结转和结余中，一般公共预算财政拨款26.50万元，政府性基金预算财政拨款0.00万元。"), [])
        // 1,917.12 ÷ 2,329.48 = 82.30% of 教育支出 (not of 本年支出合计).
        for sentence in ["教育支出中，普通教育1,917.12万元，占82.30%。", "教育支出中，普通教育支出1,917.12万元，所占比重为82.30%。"] {
            XCTAssertEqual(prose.findingMessages(sentence), [], sentence)
            XCTAssertTrue(prose.findingMessages(sentence.replacingOccurrences(of: "82.30", with: "83.30")).contains { $0.contains("2329.48") || $0.contains("2,329.48") }, sentence)
        }
    }

    /// `较…A万元少X万元`: X is the gap between the two amounts, not the topic's amount.
    func testAGapAfterAComparedAmountIsNoAmountOfTheTopic() throws {
        let prose = try ProbeProse(Self.probe)
        for sentence in ["本年支出合计3,220.80万元，较收入总计3,283.80万元少63.00万元，为年末结转和结余。",
                         "一般公共预算财政拨款支出2,870.10万元，比可用资金2,896.60万元低了26.50万元。"] {
            XCTAssertEqual(prose.findingMessages(sentence), [], sentence)
        }
    }

    /// `…实验学校为公益一类事业单位，其公用经费…`: a figure pointing back (其, 该校) to another
    /// unit named in its sentence is that unit's, not the department's.
    func testAFigurePointingBackToAnotherUnitIsThatUnits() throws {
        let prose = try ProbeProse(Self.probe)
        for sentence in ["机关运行经费只统计局机关，县实验学校为公益一类事业单位，其公用经费120.00万元未计入。",
                         "县教师发展中心系财政补助事业单位，该中心公用经费18.60万元不在机关运行经费中。"] {
            XCTAssertEqual(prose.findingMessages(sentence), [], sentence)
        }
        // The department's own figure, pointed at by 其 with no other unit named, is still judged.
        XCTAssertFalse(prose.findingMessages("本局为行政单位，其公用经费250.00万元。").isEmpty)
    }

    /// After a `；`, what was also done (`同时…`) and what a verb was done to (`对2个项目…`) are no
    /// parts of the counts' list.
    func testAlsoAndObjectCountsAreNoParts() throws {
        let prose = try ProbeProse(Self.probe)
        let sentence = "全年实施项目6个，其中评价为优的4个，评价为良的2个；同时对3个项目开展了重点评价。"
        XCTAssertEqual(prose.findingMessages(sentence), [])
        XCTAssertFalse(prose.findingMessages(sentence.replacingOccurrences(of: "良的2个", with: "良的3个")).isEmpty)
    }

    /// `其中工资福利支出中基本工资…、津贴补贴…，商品和服务支出中办公费…`: a part naming an amount of
    /// the sentence before 中 is that amount's, and so are the parts after it until another is named.
    func testPartsNamingTheirWholeBefore中AreThatWholesParts() throws {
        let prose = try ProbeProse(Self.probe)
        let sentence = "基本支出中，工资福利支出、商品和服务支出、资本性支出分别为2,150.36万元、218.47万元、16.00万元，其中工资福利支出中基本工资702.18万元、津贴补贴410.25万元，商品和服务支出中办公费52.30万元、电费38.75万元。"
        XCTAssertEqual(prose.findingMessages(sentence).filter { $0.contains("各部分") }, [], sentence)
        // Parts too large for their own whole are still found.
        XCTAssertTrue(prose.findingMessages(sentence.replacingOccurrences(of: "办公费52.30", with: "办公费252.30")).contains { $0.contains("商品和服务支出") })
    }

    /// A percentage written as a 绩效 block writes the indicator's value is quoted, not computed:
    /// no T806 for its precision (the rest of T806 as before).
    func testAnIndicatorsValueQuotedAtItsPrecisionIsNoPrecisionSlip() throws {
        let report = "部门 某局\n年度 2024\n单位 万元\n\n说明 一、测试\n"
            + "收入占比12.34%，支出占比23.45%，基本支出占比34.56%，项目支出占比45.67%，结余占比56.78%，资产占比67.89%，人员占比11.11%，公用占比22.22%，车辆占比33.33%，设备占比44.44%。"
            + "群众满意度达到97.6%，办件按时办结率91.5%。\n\n"
            + "绩效 政务服务项目\n指标 满意度/群众满意度 目标 95% 实际 97.6% 得分 10\n指标 时效/按时办结率 目标 90% 实际 91.5 得分 10\n"
        let hints = Analysis(text: report).diagnostics.filter { $0.code == "T806" }
        XCTAssertEqual(hints.count, 0, "\(hints.map(\.message))")
        let unquoted = report.replacingOccurrences(of: "办结率91.5%", with: "办结率91.4%")
        XCTAssertEqual(Analysis(text: unquoted).diagnostics.filter { $0.code == "T806" }.count, 1)
    }
}
