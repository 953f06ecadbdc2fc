import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// Readings found by the agriculture and sub-district probes (session 17, `ProbeReportTests`):
/// each is silent as written, in the probe's wording and in others of our own, and found on the
/// right figure when one is moved.
final class ProbeReadingTests: XCTestCase {
    // MARK: A change is of the actual amount, not of the budget a completion is measured against

    func testAChangeAfterACompletionIsOfTheActualAmount() throws {
        let report = try probeBody("probe-agriculture.juesuan")
        // 4.70 ÷ (25.30 + 4.70) = 15.67%; of the budget 38.00 it would be 11.01%.
        assertSilent(report, thenWith: "降幅15.67%", replacedBy: "降幅16.67%", finds: "N503", on: "16.67", saying: "25.30")
        // The same sentence in other words.
        let other = "说明 三公\n“三公”经费支出120.00万元，为全年预算150.00万元的80.00%，比上年增加20.00万元，增长20.00%。"
        assertSilent(other, thenWith: "增长20.00%", replacedBy: "增长21.00%", finds: "N503", on: "21.00", saying: "120.00")
    }

    func testABudgetAloneInItsSentenceIsWhatChanged() {
        // No actual amount beside it: the budget's own change (36.00 last year).
        let text = "说明 三公\n“三公”经费年初预算38.00万元，比上年增加2.00万元，增长5.56%。"
        assertSilent(text, thenWith: "增长5.56%", replacedBy: "增长6.56%", finds: "N503", on: "6.56", saying: "38.00")
    }

    // MARK: Shares in a section titled by one fund's spending

    func testClassesInAFundsSectionAreSharesOfThatFundsSpending() throws {
        let report = try probeBody("probe-agriculture.juesuan")
        // 公开01's 本年支出合计 (3,881.00) includes the government fund and the 事业 unit's own
        // money; the section is about the general budget's 3,366.80.
        assertFound(report, thenWith: "农林水支出2,749.30万元，占81.66%", replacedBy: "农林水支出2,749.30万元，占82.66%",
                     finds: "N502", on: "82.66", saying: "3,366.80")
        // The structure in a paragraph of its own, with no heading before it.
        let own = report.replacingOccurrences(of: "（二）结构情况。", with: "")
        assertFound(own, thenWith: "住房保障支出176.80万元，占5.25%", replacedBy: "住房保障支出176.80万元，占6.25%",
                     finds: "N502", on: "6.25", saying: "3,366.80")
    }

    // MARK: An item named bare before a colon

    func testABareItemBeforeAColonIsWhatItsFiguresAreAbout() throws {
        let report = try probeBody("probe-agriculture.juesuan")
        assertSilent(report, thenWith: "决算1,020.40万元", replacedBy: "决算1,021.40万元", finds: "N501", on: "1,021.40", saying: "2130101")
        // Before a comma, and in a sentence of its own.
        let comma = report.replacingOccurrences(of: "3.农业生产发展：", with: "（三）农业生产发展，")
        assertFound(comma, thenWith: "决算866.80万元", replacedBy: "决算867.80万元", finds: "N501", on: "867.80", saying: "2130122")
        let sentence = report.replacingOccurrences(of: "2.病虫害控制：", with: "2.病虫害控制（项）。")
        assertFound(sentence, thenWith: "决算230.00万元", replacedBy: "决算231.00万元", finds: "N501", on: "231.00", saying: "2130108")
    }

    func testAnItemTwoRowsShareIsNotGuessed() {
        // 行政运行 is a 项 of two 款 here: which one the prose means is not known, so its figures
        // are compared with neither (nor with the section's title).
        let text = """
        表 公开05 一般公共预算财政拨款支出决算表
        合计                    300.00  300.00  0.00
        201      一般公共服务支出 300.00  300.00  0.00
        20101    人大事务        100.00  100.00  0.00
        2010101  行政运行        100.00  100.00  0.00
        20103    政府办公厅（室）及相关机构事务 200.00 200.00 0.00
        2010301  行政运行        200.00  200.00  0.00

        说明 五、一般公共预算财政拨款支出决算情况说明
        1.行政运行：年初预算150.00万元，决算150.00万元，完成年初预算的100.00%。
        """
        XCTAssertEqual(seriousFindings(text).1.map(\.code), [])
    }

    // MARK: A total of both sides

    func testATotalOfBothSidesListsEachSideOnItsOwn() {
        let text = "说明 总体\n本单位收支总计均为500.00万元，其中：本年收入450.00万元，年初结转和结余50.00万元；本年支出480.00万元，年末结转和结余20.00万元。"
        assertFound(text, thenWith: "本年支出480.00万元", replacedBy: "本年支出481.00万元", finds: "N504", on: "500.00", saying: "481.00")
        // A side short of the total: each side's two parts are the whole of it.
        assertFound(text, thenWith: "年初结转和结余50.00万元", replacedBy: "年初结转和结余40.00万元", finds: "N504", on: "500.00", saying: "不足")
        // Two heads with one figure, in the wording of the sub-district probe.
        let heads = "说明 总体\n收入总计、支出总计均为500.00万元。其中，本年收入合计450.00万元，年初结转和结余50.00万元；本年支出合计480.00万元，年末结转和结余20.00万元。"
        XCTAssertEqual(seriousFindings(heads).1.map(\.code), [])
    }

    // MARK: A point of view opens a list

    func testAPointOfViewListsTheAmountBeforeIt() throws {
        let report = try probeBody("probe-agriculture.juesuan")
        assertSilent(report, thenWith: "工程采购300.00万元", replacedBy: "工程采购301.00万元", finds: "N504", on: "612.35", saying: "301.00")
        // At the start of a sentence: the previous sentence's subject.
        let text = "说明 支出\n本年支出合计500.00万元。按支出性质分：基本支出320.00万元，占64.00%；项目支出180.00万元，占36.00%。"
        assertFound(text, thenWith: "项目支出180.00万元", replacedBy: "项目支出190.00万元", finds: "N504", on: "500.00", saying: "190.00")
    }

    func testListMarkersAndNamesOfTheYearsTotals() {
        // `具体用于` lists like `主要用于`.
        let used = "说明 支出\n本年支出合计500.00万元，具体用于：基本支出320.00万元；项目支出180.00万元。"
        assertSilent(used, thenWith: "项目支出180.00万元", replacedBy: "项目支出190.00万元", finds: "N504", on: "500.00", saying: "190.00")
        // `全部收入` is the year's income total.
        let all = "说明 收入\n本年收入合计500.00万元。财政拨款收入450.00万元，占全部收入的90.00%。"
        assertSilent(all, thenWith: "占全部收入的90.00%", replacedBy: "占全部收入的91.00%", finds: "N502", on: "91.00", saying: "500.00")
    }

    // MARK: A verb before the budget

    func testAVerbBeforeTheBudgetIsADifferenceFromIt() throws {
        let report = try probeBody("probe-agriculture.juesuan")
        assertSilent(report, thenWith: "超出年初预算66.80万元", replacedBy: "超出年初预算67.80万元", finds: "N503", on: "67.80", saying: "66.80")
        // Below the budget, in words of our own.
        let text = "说明 接待\n公务接待费预算8.00万元，实际支出3.46万元，低于预算4.54万元。"
        assertSilent(text, thenWith: "低于预算4.54万元", replacedBy: "低于预算5.54万元", finds: "N503", on: "5.54", saying: "4.54")
        // The budget moved: neither the difference nor the completion holds.
        let moved = report.replacingOccurrences(of: "年初预算800.00万元", with: "年初预算801.00万元")
        XCTAssertEqual(Set(seriousFindings(moved).1.map(\.code)), ["N503", "N505"])
    }

    // MARK: The general budget's personnel costs are 公开06's

    func testPersonnelCostsOfTheGeneralBudgetAreTable06s() throws {
        let report = try probeBody("probe-subdistrict.juesuan")
        assertSilent(report, thenWith: "人员经费2,301.40万元。", replacedBy: "人员经费2,302.40万元。", finds: "N501", on: "2,302.40", saying: "2301.40")
    }

    // MARK: A count before its noun

    func testVehiclesCountedBeforeTheirNoun() throws {
        let subdistrict = try probeBody("probe-subdistrict.juesuan")
        assertSilent(subdistrict, thenWith: "主要用于2辆公务用车", replacedBy: "主要用于3辆公务用车", finds: "N507", on: "3", saying: "2")
        let justice = try probeBody("probe-justice.juesuan")
        assertSilent(justice, thenWith: "主要用于3辆执法执勤用车", replacedBy: "主要用于4辆执法执勤用车", finds: "N507", on: "4", saying: "执法执勤用车")
        // Vehicles bought or renewed are not the fleet.
        let renewed = subdistrict.replacingOccurrences(of: "主要用于2辆公务用车", with: "其中更新1辆公务用车")
        XCTAssertEqual(seriousFindings(renewed).1.map(\.code), [])
    }

    // MARK: An amount per person

    func testAnAmountPerPersonIsTheAmountOverThePeople() throws {
        let report = try probeBody("probe-agriculture.juesuan")
        // 3.46万元 ÷ 196人次 = 176.53元.
        assertSilent(report, thenWith: "人均接待费176.53元", replacedBy: "人均接待费177.53元", finds: "N516", on: "177.53", saying: "176.53")
        // In words of our own: a training's cost per trainee.
        let training = "说明 培训\n全年培训费支出12.30万元，共培训干部职工300人次，人均培训费用410.00元。"
        assertSilent(training, thenWith: "410.00元", replacedBy: "420.00元", finds: "N516", on: "420.00", saying: "410.00")
    }

    func testAnAmountPerPersonWithinRoundingOrWithoutItsPeopleIsNotFlagged() {
        // 1.00万元 may be 9,950–10,050元: ÷ 30 = 331.67–335.00.
        XCTAssertEqual(codes("说明 接待\n公务接待费1.00万元，接待30人次，人均接待费333元。", severity: .error).filter { $0.hasPrefix("N") }, [])
        XCTAssertEqual(codes("说明 接待\n公务接待费1.00万元，接待30人次，人均接待费335元。", severity: .error).filter { $0.hasPrefix("N") }, [])
        // No count of people before it: nothing to divide by.
        XCTAssertEqual(codes("说明 经费\n公用经费120.00万元，人均公用经费2.00万元。", severity: .error).filter { $0.hasPrefix("N") }, [])
    }

    // MARK: Found by the hospital probe

    func testARateNamingThePreviousYearIsNotTheBudgets() throws {
        let report = try probeBody("probe-hospital.juesuan")
        // `比年初预算5.00万元节约1.80万元，同比下降20.00%，减少0.80万元`: 0.80 ÷ 4.00, not 1.80 ÷ 5.00.
        assertSilent(report, thenWith: "同比下降20.00%", replacedBy: "同比下降21.00%", finds: "N503", on: "21.00", saying: "0.80")
        // Without 同比 the nearest difference, the budget's, decides (as before).
        let budget = "说明 经费\n机关运行经费支出5.42万元，比年初预算减少0.58万元，降低9.67%。"
        assertSilent(budget, thenWith: "降低9.67%", replacedBy: "降低10.67%", finds: "N503", on: "10.67", saying: "0.58")
    }

    func testAnAmountOverlappingTheListedPartsEndsTheList() throws {
        let report = try probeBody("probe-hospital.juesuan")
        // 授予中小企业合同金额 overlaps 货物、工程、服务: not a fourth part (a false N504 before).
        assertFound(report, thenWith: "服务360.00万元", replacedBy: "服务361.00万元", finds: "N504", on: "1,560.00", saying: "361.00")
        // The same after 其中, and the share after it is still of the total.
        let other = report.replacingOccurrences(of: "按采购类型分，", with: "其中：")
        assertSilent(other, thenWith: "占70.51%", replacedBy: "占71.51%", finds: "N502", on: "71.51", saying: "1,560.00")
    }

    // MARK: Figures typed in full width

    func testAFullWidthCommaBetweenFullWidthDigitsGroupsThem() throws {
        XCTAssertEqual(proseClaims("本年收入合计３，８７４．８０万元，其中事业收入１８５．４０万元。").map(\.value.description), ["3874.80", "185.40"])
        // Not a group of three digits: a comma between two figures.
        XCTAssertEqual(proseClaims("共有车辆３，其中应急保障用车２辆。").map(\.value.description), ["3", "2"])
        XCTAssertEqual(proseClaims("分别为１２，３４５６万元。").map(\.value.description), ["12", "3456"])
        // The figure is that of the table, and a moved one is found on its full-width digits.
        let report = try probeBody("probe-agriculture.juesuan").replacingOccurrences(of: "本年收入合计3,874.80万元。", with: "本年收入合计３，８７４．８０万元。")
        assertSilent(report, thenWith: "３，８７４．８０", replacedBy: "３，８７５．８０", finds: "N501", on: "３，８７５．８０", saying: "3874.80")
    }

    // MARK: Found by the state-assets probe (all three budgets)

    func testTheOtherSideOfAWholeEndsItsList() throws {
        let report = try probeBody("probe-state-assets.juesuan")
        // `财政拨款收入总计3,000.00万元，其中…；财政拨款支出总计3,000.00万元，其中…`: the spending total is
        // not a third part of the income total (a false N504 of 6,000.00 before).
        assertFound(report, thenWith: "本年财政拨款支出2,710.00万元", replacedBy: "本年财政拨款支出2,720.00万元", finds: "N504", on: "3,000.00", saying: "2,720.00")
    }

    func testABracketOfFundsListsItsAmountsParts() throws {
        let report = try probeBody("probe-state-assets.juesuan")
        // `年初财政拨款结转和结余350.00万元（一般公共预算财政拨款200.00万元，政府性基金预算财政拨款150.00万元）`:
        // each fund's share of the balance, not the fund's income (two false N501 before).
        assertSilent(report, thenWith: "一般公共预算财政拨款200.00万元，", replacedBy: "一般公共预算财政拨款210.00万元，", finds: "N504", on: "350.00", saying: "210.00")
        // The government fund's share is its own opening balance, which 公开07 prints: that
        // figure is found wrong itself (session 27).
        assertFound(report, thenWith: "政府性基金预算财政拨款150.00万元）", replacedBy: "政府性基金预算财政拨款160.00万元）", finds: "N501", on: "160.00", saying: "150.00")
    }

    func testThreePublicCostsOfGrantsAreTable09s() throws {
        let report = try probeBody("probe-state-assets.juesuan")
        // `“三公”经费财政拨款支出决算为10.00万元` is 公开09's total (it was 财政拨款支出 qualified by 三公经费).
        assertFound(report, thenWith: "支出决算为10.00万元", replacedBy: "支出决算为11.00万元", finds: "N501", on: "11.00", saying: "10.00")
        // An amount per person is no part of the list before it (a false N504 before), and is checked.
        assertSilent(report, thenWith: "人均416.67元", replacedBy: "人均426.67元", finds: "N516", on: "426.67", saying: "416.67")
    }

    func testAMeasureAfterAnUnknownNameIsNotTheSectionsAmount() {
        // `公务用车购置` is no name the checker knows: its 决算数 is not checked, rather than taken
        // as the section title's “三公”经费 (seed 002 writes it so).
        let text = """
        表 公开09 财政拨款“三公”经费支出决算表
        列 全年预算数 决算数
        合计  0.27  0.27
        1.因公出国（境）费  0.00  0.00
        2.公务用车购置及运行维护费  0.00  0.00
        3.公务接待费  0.27  0.27

        说明 五、财政拨款“三公”经费支出决算情况说明
        公务用车购置全年预算数0.00万元，决算数0.00万元。
        """
        XCTAssertEqual(seriousFindings(text).1.map(\.code), [])
        // A name it knows still passes on: the 决算数 of 公务接待费 is 公开09's.
        XCTAssertEqual(seriousFindings(text.replacingOccurrences(of: "公务用车购置全年预算数0.00万元，决算数0.00万元", with: "公务接待费全年预算数0.27万元，决算数0.37万元")).1.map(\.code), ["N501"])
    }
}
