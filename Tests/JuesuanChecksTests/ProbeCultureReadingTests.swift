import JuesuanChecks
@testable import JuesuanModel
import JuesuanSyntax
import XCTest

/// Readings found by the culture-and-tourism probe (session 18, `Fixtures/probe-culture.juesuan`):
/// each is silent as written, in the probe's wording and in others of our own, and found on the
/// right figure when one is moved.
final class ProbeCultureReadingTests: XCTestCase {
    /// A 公开01 of 800.00 on both sides, spent on one function, for prose in our own wordings.
    static let tablesOf800 = """
        表 公开01 收入支出决算总表
        收入
        一、一般公共预算财政拨款收入  800.00
        本年收入合计                  800.00
        总计                          800.00
        支出
        一般公共服务支出              800.00
        本年支出合计                  800.00
        总计                          800.00

        """ + "\n"

    // MARK: The whole named before 占: 在X中占

    func testAWholeNamedBefore占IsTheWhole() throws {
        let report = try probeBody("probe-culture.juesuan")
        // 7.60 ÷ 10.00: before, the budget 16.00 written earlier in the paragraph was taken.
        assertSilent(report, thenWith: "在“三公”经费中占76.00%", replacedBy: "在“三公”经费中占77.00%", finds: "N502", on: "77.00", saying: "10.00")
        // Our own wordings: 所占比重, 里, 于, and a whole that is not the paragraph's subject.
        let tables = Self.tablesOf800
        let own = tables + "说明 支出\n本年基本支出600.00万元，在本年支出合计中所占比重为75.00%。人员经费450.00万元，在基本支出里占75.00%。"
        assertSilent(own, thenWith: "所占比重为75.00%", replacedBy: "所占比重为74.00%", finds: "N502", on: "74.00", saying: "800.00")
        assertSilent(own, thenWith: "在基本支出里占75.00%", replacedBy: "在基本支出里占60.00%", finds: "N502", on: "60.00", saying: "600.00")
        // The whole named is not the nearest parent (基本支出 600.00, 75%): it is what was named.
        let named = tables + "说明 支出\n本年基本支出600.00万元，项目支出200.00万元。人员经费450.00万元，在本年支出合计中占56.25%。"
        assertSilent(named, thenWith: "占56.25%", replacedBy: "占57.25%", finds: "N502", on: "57.25", saying: "800.00")
        let of = tables + "说明 支出\n本年基本支出600.00万元，项目支出200.00万元，项目支出于本年支出合计中占25.00%。"
        assertSilent(of, thenWith: "占25.00%", replacedBy: "占20.00%", finds: "N502", on: "20.00", saying: "800.00")
    }

    func testTheWordsBeforeAShareThatAreNoWholeNameNone() {
        // 其中 ends in 中 but has no 在 before it; a clause mark stops the search for 在.
        XCTAssertNil(ProseReader.wholeBeforeShare("其中"))
        XCTAssertNil(ProseReader.wholeBeforeShare("在上年基础上，其中"))
        XCTAssertNil(ProseReader.wholeBeforeShare("基本支出"))
        XCTAssertEqual(ProseReader.wholeBeforeShare("在“三公”经费中"), "“三公”经费")
        XCTAssertEqual(ProseReader.wholeBeforeShare("在本年支出合计中所"), "本年支出合计")
        XCTAssertEqual(ProseReader.wholeBeforeShare("于基本支出中的"), "基本支出")
    }

    // MARK: The parent a share falls back on is of the part's measure

    func testABudgetIsNotTheWholeOfTheYearsSpending() {
        // No whole named, no topic: the nearest earlier amount of a parent quantity. The budget
        // 16.00 is one, but the actual 10.00 is what the parts are shares of.
        let text = """
        说明 三公
        “三公”经费财政拨款支出10.00万元，全年预算数16.00万元。公务用车购置及运行维护费7.60万元，占76.00%；公务接待费2.40万元，占24.00%。
        """
        assertFound(text, thenWith: "占24.00%", replacedBy: "占25.00%", finds: "N502", on: "25.00", saying: "10.00")
    }

    // MARK: An item chain that starts below the 类

    func testAChainFromThe款Or项IsFoundByTheReportsRows() throws {
        let report = try probeBody("probe-culture.juesuan")
        // 款 then 项: the 行政运行 under 文化和旅游 (2070101).
        assertFound(report, thenWith: "支出决算为620.00万元", replacedBy: "支出决算为621.00万元", finds: "N501", on: "621.00", saying: "2070101")
        // A 项 alone, before the word 支出.
        assertFound(report, thenWith: "群众文化（项）支出280.00万元", replacedBy: "群众文化（项）支出281.00万元", finds: "N501", on: "281.00", saying: "2070109")
        // The second 项 of a list whose first named its 类 and 款.
        assertFound(report, thenWith: "职业年金缴费支出（项）76.70万元", replacedBy: "职业年金缴费支出（项）77.70万元", finds: "N501", on: "77.70", saying: "2080506")
    }

    func testA项NameUnderTwo款IsOnlyFoundWithIts款() {
        let tables = """
        表 公开05 一般公共预算财政拨款支出决算表
        合计                    300.00  300.00  0.00
        207      文化旅游体育与传媒支出 300.00  300.00  0.00
        20701    文化和旅游      200.00  200.00  0.00
        2070101  行政运行        200.00  200.00  0.00
        20702    文物            100.00  100.00  0.00
        2070201  行政运行        100.00  100.00  0.00

        """
        // With its 款: that row.
        let named = tables + "说明 具体\n文物（款）行政运行（项）支出100.00万元。"
        assertSilent(named, thenWith: "支出100.00万元", replacedBy: "支出101.00万元", finds: "N501", on: "101.00", saying: "2070201")
        // Without it, two rows have the name: not guessed, so neither 100.00 nor 200.00 is an error.
        XCTAssertEqual(seriousFindings(tables + "说明 具体\n行政运行（项）支出150.00万元。").1.map(\.code), [])
    }

    // MARK: 超支 and 节约 after a budget; a budget before 的

    func testABareOverOrUnderVerbAfterABudgetIsTheBudgetDifference() throws {
        let report = try probeBody("probe-culture.juesuan")
        assertSilent(report, thenWith: "超支60.00万元", replacedBy: "超支61.00万元", finds: "N503", on: "61.00", saying: "360.00")
        let own = "说明 项目\n培训项目年初预算50.00万元，实际支出42.00万元，节约了8.00万元。"
        assertSilent(own, thenWith: "节约了8.00万元", replacedBy: "节约了9.00万元", finds: "N503", on: "9.00", saying: "42.00")
        // With no budget before it, 超出 says nothing about one.
        XCTAssertEqual(seriousFindings("说明 项目\n培训项目支出42.00万元，超出9.00万元。").1.map(\.code), [])
    }

    func testABudgetWrittenBefore的IsABudget() throws {
        let report = try probeBody("probe-culture.juesuan")
        // 130.00 − 124.00 = 6.00: the 130.00 of `较年初预算的130.00万元` is the budget.
        assertFound(report, thenWith: "节约6.00万元", replacedBy: "节约7.00万元", finds: "N503", on: "7.00", saying: "130.00")
        // 节约率 is the saving over the budget: 6.00 ÷ 130.00 = 4.62%.
        assertSilent(report, thenWith: "节约率4.62%", replacedBy: "节约率5.62%", finds: "N503", on: "5.62", saying: "130.00")
        // Our own wording: a full-year budget before 的, then the saving.
        let own = "说明 经费\n维修费支出45.00万元，较全年预算的50.00万元减少5.00万元。"
        assertSilent(own, thenWith: "减少5.00万元", replacedBy: "减少6.00万元", finds: "N503", on: "6.00", saying: "50.00")
        XCTAssertEqual(ProseReader.stripMeasure("较年初预算的").measure, .initialBudget)
        XCTAssertEqual(ProseReader.stripMeasure("比全年预算数").measure, .fullBudget)
        XCTAssertNil(ProseReader.stripMeasure("比上年的").measure)
    }

    // MARK: Vehicles counted after a trip was mentioned

    func testVehiclesAreCountedWhateverTheSentenceSaidOfTrips() throws {
        let report = try probeBody("probe-culture.juesuan")
        // 因公出国（境）费 earlier in the sentence made every count a count of trips.
        assertSilent(report, thenWith: "年末公务用车保有量3辆", replacedBy: "年末公务用车保有量4辆", finds: "N507", on: "4", saying: "3")
        assertSilent(report, thenWith: "主要用于2辆执法执勤用车", replacedBy: "主要用于3辆执法执勤用车", finds: "N507", on: "3", saying: "2")
        // Our own wording: trips named first, then the fleet.
        let own = """
        表 公开09 财政拨款“三公”经费支出决算表
        列 决算数
        合计                          6.00
        1.因公出国（境）费             0.00
        2.公务用车购置及运行维护费     6.00
        （1）公务用车购置费            0.00
        （2）公务用车运行维护费        6.00
        3.公务接待费                   0.00
        公务用车保有量                    5

        说明 三公
        全年未安排因公出国（境）团组，出国费用为零；公务用车运行维护费6.00万元，期末共有公务用车5辆。
        """
        assertSilent(own, thenWith: "共有公务用车5辆", replacedBy: "共有公务用车6辆", finds: "N507", on: "6", saying: "5")
        let held = own.replacingOccurrences(of: "期末共有公务用车5辆", with: "年末公务用车保有量5辆")
        assertSilent(held, thenWith: "保有量5辆", replacedBy: "保有量6辆", finds: "N507", on: "6", saying: "5")
        // Trips and receptions are still counted as such after the vehicles.
        assertFound(report, thenWith: "共接待国内来访16批", replacedBy: "共接待国内来访17批", finds: "N507", on: "17", saying: "16")
    }

    // MARK: The second probe, in other words (`Fixtures/probe-culture-b.juesuan`)

    func testAShareIsNotOfThePreviousYearsAmountComparedWith() throws {
        let report = try probeBody("probe-culture-b.juesuan")
        // 2,330.00 ÷ 2,560.00; the 2,200.00 of last year written between them was taken as the part.
        assertFound(report, thenWith: "占本年支出合计的91.02%", replacedBy: "占本年支出合计的92.02%", finds: "N502", on: "92.02", saying: "2,330.00")
        let own = "说明 支出\n本年基本支出600.00万元，比上年的500.00万元多100.00万元，占全部支出的75.00%，全部支出800.00万元。"
        XCTAssertEqual(seriousFindings(own).1.map(\.code), [])
        // Our own wording with the whole in a table: the share is of 600.00, not of 500.00 (62.50%).
        let table = Self.tablesOf800 + "说明 支出\n本年基本支出600.00万元，较上年度的500.00万元增加100.00万元，占本年支出合计的75.00%。"
        assertSilent(table, thenWith: "占本年支出合计的75.00%", replacedBy: "占本年支出合计的62.50%", finds: "N502", on: "62.50", saying: "600.00")
    }

    func testAChangeAfterABudgetAndAnActualIsOfTheActual() throws {
        let report = try probeBody("probe-culture-b.juesuan")
        // 2.50 ÷ (10.00 + 2.50) = 20.00%; of the budget 16.00 it would be 13.51%.
        assertSilent(report, thenWith: "减少2.50万元，下降20.00%", replacedBy: "减少2.50万元，下降21.00%", finds: "N503", on: "21.00", saying: "10.00")
        let own = "说明 三公\n公务接待费全年预算8.00万元，实际支出6.00万元。公务接待费比上年增加1.00万元，增长20.00%。"
        assertSilent(own, thenWith: "增长20.00%", replacedBy: "增长25.00%", finds: "N503", on: "25.00", saying: "6.00")
    }

    func testBothTotalsWithoutAMarkerAreOneFigureForBoth() throws {
        let report = try probeBody("probe-culture-b.juesuan")
        // 公开01's 总计 is 2,650.00 on both sides.
        assertFound(report, thenWith: "2024年度收支总计2,650.00万元", replacedBy: "2024年度收支总计2,651.00万元", finds: "N501", on: "2,651.00", saying: "2650.00")
        let document = ProseDocument(report: analyze("说明 一\n本部门收支总计为300.00万元。").report)
        XCTAssertEqual(document.claims.map { $0.quantity?.description ?? "-" }, ["收入总计", "支出总计"])
    }

    func testAShareWithout占IsAShare() throws {
        let report = try probeBody("probe-culture-b.juesuan")
        assertFound(report, thenWith: "比重为90.46%", replacedBy: "比重为91.46%", finds: "N502", on: "91.46", saying: "1,300.00")
        XCTAssertEqual(ProseReader.shareWithout占("比重为", simple: false), .some(nil))
        XCTAssertEqual(ProseReader.shareWithout占("所比例是", simple: false), .some(nil))
        XCTAssertEqual(ProseReader.shareWithout占("在基本支出中的比重为", simple: false), .some("基本支出"))
        // A rate or a completion whose words end so is not a share.
        XCTAssertTrue(ProseReader.shareWithout占("增长比例为", simple: false) == nil)
        XCTAssertTrue(ProseReader.shareWithout占("预算完成比例", simple: false) == nil)
    }

    func testAnAmountPerGuestIsAnAmountPerPerson() throws {
        let report = try probeBody("probe-culture-b.juesuan")
        // 2.40万元 ÷ 120 人次 = 200.00元.
        assertSilent(report, thenWith: "平均每人次200.00元", replacedBy: "平均每人次210.00元", finds: "N516", on: "210.00", saying: "200.00")
        let own = "说明 三公\n公务接待费0.90万元，接待30人次，每人次平均300.00元。"
        assertSilent(own, thenWith: "300.00元", replacedBy: "310.00元", finds: "N516", on: "310.00", saying: "300.00")
    }
}
