import JuesuanCatalogue
import JuesuanChecks
@testable import JuesuanModel
import JuesuanSyntax
import XCTest

/// The template's 具体情况 names each item by its levels (`教育支出（类）普通教育（款）小学教育（项）`),
/// in a sentence of its own, before a colon or a comma, or in the figure's own words: the figures
/// after it are that item's, checked against its row of 公开05 — not against the section's title.
/// And the other readings found by writing the probe reports (`ProbeReportTests`), each in
/// wordings of our own: silent as written, found on the right figure when one is moved.
final class ItemChainTests: XCTestCase {
    // MARK: Items by their levels

    func testLevelsAreLookedUpUnderTheLevelAbove() {
        XCTAssertEqual(ItemChain.quantity(in: "教育支出（类）普通教育（款）小学教育（项）")?.code, "2050202")
        // 行政运行 is a 项 of many 款: the one under 司法.
        XCTAssertEqual(ItemChain.quantity(in: "公共安全支出(类)司法(款)行政运行(项)")?.code, "2040601")
        XCTAssertEqual(ItemChain.quantity(in: "1.教育支出（类）教育管理事务（款）行政运行（项）年初预算")?.code, "2050101")
        // A 款 name with brackets of its own.
        XCTAssertEqual(ItemChain.quantity(in: "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）")?.code, "20103")
        // A 类 alone is named as prose names it.
        let category = ItemChain.quantity(in: "（一）卫生健康（类）支出")
        XCTAssertEqual(category?.name, "卫生健康支出")
        XCTAssertEqual(category?.code, nil)
        XCTAssertEqual(category?.isKnown, true)
    }

    func testAnItemNotFoundIsStillTheTopicButUnknown() {
        // Not from the 类, or a name the catalogue does not have: what the figures are about,
        // but nothing to check them against (never guessed).
        XCTAssertEqual(ItemChain.quantity(in: "行政运行（项）")?.isKnown, false)
        XCTAssertEqual(ItemChain.quantity(in: "教育支出（类）普通教育（款）大学教育（项）")?.isKnown, false)
        XCTAssertNil(ItemChain.quantity(in: "教育支出2,329.48万元"))
    }

    func testAnItemInASentenceOfItsOwn() throws {
        let report = try probeBody("probe-education.juesuan")
        assertSilent(report, thenWith: "支出决算为412.36万元", replacedBy: "支出决算为413.36万元", finds: "N501", on: "413.36", saying: "2050101")
        // Before a colon, and with 完成 alone after the budget.
        assertSilent(report, thenWith: "决算1,240.10万元，完成95.39%", replacedBy: "决算1,240.10万元，完成96.39%", finds: "N505", on: "96.39", saying: "95.39")
        // The budget moved: the completion rate no longer holds.
        assertSilent(report, thenWith: "年初预算650.00万元", replacedBy: "年初预算651.00万元", finds: "N505", on: "104.16", saying: "651.00")
    }

    func testAnItemBeforeAComma() throws {
        let report = try probeBody("probe-justice.juesuan")
        assertSilent(report, thenWith: "决算62.10万元，完成103.50%", replacedBy: "决算63.10万元，完成103.50%", finds: "N501", on: "63.10", saying: "2101101")
        assertSilent(report, thenWith: "完成率94.98%", replacedBy: "完成率95.98%", finds: "N505", on: "95.98", saying: "152.92")
    }

    func testAPercentageOfTheBudgetJustWrittenIsItsCompletion() throws {
        let report = try probeBody("probe-justice.juesuan")
        assertSilent(report, thenWith: "为年初预算100.00万元的128.00%", replacedBy: "为年初预算100.00万元的129.00%", finds: "N505", on: "129.00", saying: "决算数 128.00 ÷")
        assertSilent(try probeBody("probe-education.juesuan"), thenWith: "为年初预算的104.16%", replacedBy: "为年初预算的105.16%", finds: "N505", on: "105.16", saying: "677.02")
    }

    /// `五、一般公共预算财政拨款支出决算情况说明` is that fund's spending (it was read as its income,
    /// qualified by 五): an amount of the section that names nothing else is its 决算.
    func testTheSectionTitleNamesTheFundsSpending() throws {
        XCTAssertEqual(ProseReader.quantity(inTitle: "五、一般公共预算财政拨款支出决算情况说明"), Quantity(name: "一般公共预算财政拨款支出", isKnown: true))
        XCTAssertEqual(ProseReader.quantity(inTitle: "（四）一般公共预算财政拨款基本支出决算情况说明"),
                       Quantity(name: "基本支出", qualifier: "一般公共预算财政拨款", isKnown: true))
        XCTAssertEqual(ProseReader.quantity(inTitle: "第七部分 机关运行经费支出情况说明")?.name, "机关运行经费")
        let tables = "表 公开05\n合计 300.00 200.00 100.00\n205 教育支出 300.00 200.00 100.00\n\n"
        assertSilent(tables + "说明 五、一般公共预算财政拨款支出决算情况说明\n全年支出决算为300.00万元。\n",
                     thenWith: "300.00万元", replacedBy: "301.00万元", finds: "N501", on: "301.00", saying: "300.00")
    }

    // MARK: Topics and sides

    /// `一般公共预算财政拨款支出主要用于以下方面：教育支出…，占x%`: the shares are of what the
    /// clause before the colon names (they were taken as shares of 本年支出合计).
    func testSharesOfWhatTheColonIntroduces() throws {
        assertSilent(try probeBody("probe-education.juesuan"), thenWith: "占10.50%", replacedBy: "占9.50%", finds: "N502", on: "9.50", saying: "2,870.10")
    }

    /// `财政拨款收入总计A万元，支出总计A万元`: the second total is 公开04's too; `财政拨款收、支总计均为`
    /// is two totals of 公开04 (both were compared with 公开01's).
    func testTheOtherSideOfTheAmountBefore() throws {
        assertSilent(try probeBody("probe-education.juesuan"), thenWith: "支出总计3,016.60万元", replacedBy: "支出总计3,017.60万元", finds: "N501", on: "3,017.60", saying: "3016.60")
        // One figure for both totals: both are wrong.
        let (analysis, found) = seriousFindings(try probeBody("probe-justice.juesuan").replacingOccurrences(of: "收、支总计均为1,471.36万元", with: "收、支总计均为1,472.36万元"))
        XCTAssertEqual(found.map { "\($0.code) \(analysis.text(of: $0))" }, ["N501 1,472.36", "N501 1,472.36"])
        XCTAssertEqual(found.map { $0.message.hasPrefix("“财政拨款收入总计”") || $0.message.hasPrefix("“财政拨款支出总计”") }, [true, true])
        XCTAssertEqual(ProseReader.distributingSides(["财政拨款收", "支总计"]), ["财政拨款收入总计", "财政拨款支出总计"])
        XCTAssertEqual(ProseReader.distributingSides(["本年收入", "支出合计"]), ["本年收入合计", "本年支出合计"])
        XCTAssertEqual(ProseReader.distributingSides(["基本支出", "项目支出"]), ["基本支出", "项目支出"])
        // A bare 支出 after a fund's income is that fund's spending, not its income: with the
        // two different, nothing is wrong.
        let tables = "表 公开04\n收入\n一、一般公共预算财政拨款 0.00\n二、政府性基金预算财政拨款 120.00\n本年收入合计 120.00\n年初财政拨款结转和结余 0.00\n总计 120.00\n"
            + "支出\n其他支出 100.00 0.00 100.00 0.00\n本年支出合计 100.00 0.00 100.00 0.00\n年末财政拨款结转和结余 20.00 0.00 20.00 0.00\n总计 120.00 0.00 120.00 0.00\n\n"
        assertSilent(tables + "说明 政府性基金\n政府性基金预算财政拨款收入120.00万元，支出100.00万元。\n",
                     thenWith: "支出100.00", replacedBy: "支出101.00", finds: "N501", on: "101.00", saying: "100.00")
    }

    /// `年初、年末财政拨款结转和结余分别为80.00万元，50.00万元`: a comma between the figures does not
    /// end the heads (80.00 was read as both, and 50.00 as the paragraph's subject).
    func testHeadsGoOnAcrossACommaBeforeAFigure() throws {
        let report = try probeBody("probe-disease-control.juesuan").replacingOccurrences(of: "分别为80.00万元、50.00万元", with: "分别为80.00万元，50.00万元")
        assertSilent(report, thenWith: "80.00万元，50.00万元", replacedBy: "80.00万元，51.00万元", finds: "N501", on: "51.00", saying: "年末财政拨款结转和结余")
    }

    // MARK: Other readings of the probes

    func testARateBeforeItsChange() throws {
        assertSilent(try probeBody("probe-education.juesuan"), thenWith: "较上年增长7.00%", replacedBy: "较上年增长8.00%", finds: "N503", on: "8.00", saying: "210.60")
    }

    /// `完成预算的78.75%` after `公务用车购置及运行维护费18.90万元`: of that amount and its budget in
    /// 公开09, not of the “三公”经费 budget stated two sentences before.
    func testACompletionOfItsSentencesAmount() throws {
        assertSilent(try probeBody("probe-education.juesuan"), thenWith: "完成预算的78.75%", replacedBy: "完成预算的79.75%", finds: "N505", on: "79.75", saying: "24.00")
    }

    func testNamesOfTheProbes() throws {
        let education = try probeBody("probe-education.juesuan")
        // 另有 is a neutral word; 国内公务接待费 is 公开09's 国内接待费.
        assertSilent(education, thenWith: "另有年初结转和结余97.30万元", replacedBy: "另有年初结转和结余98.30万元", finds: "N501", on: "98.30", saying: "97.30")
        assertSilent(education, thenWith: "国内公务接待费3.36万元", replacedBy: "国内公务接待费4.36万元", finds: "N501", on: "4.36", saying: "国内接待费")
        // 年初 / 年末财政拨款结转和结余 are 公开04's rows.
        assertSilent(education, thenWith: "年末财政拨款结转和结余26.50万元", replacedBy: "年末财政拨款结转和结余27.50万元", finds: "N501", on: "27.50", saying: "26.50")
        // `（一）因公出国（境）费0万元`: the item's number is no qualifier.
        assertSilent(try probeBody("probe-justice.juesuan"), thenWith: "（一）因公出国（境）费0万元", replacedBy: "（一）因公出国（境）费1万元", finds: "N501", on: "1", saying: "0.00")
    }

    /// `公务用车购置及运行维护费282,000元` after `“三公”经费支出30.00万元`: parts in 元 of a whole in
    /// 万元 are summed in 万元 (they were summed as written: a false N511 of 300,000.00).
    func testPartsInAnotherUnitAreConverted() throws {
        let report = try probeBody("probe-disease-control.juesuan")
        assertSilent(report, thenWith: "公务接待费18,000元", replacedBy: "公务接待费19,000元", finds: "N501", on: "19,000", saying: "18000.00元")
        let body = "说明 三公\n“三公”经费支出30.00万元，其中：公务用车购置及运行维护费282,000元，公务接待费18,000元。\n"
        assertSilent(body, thenWith: "282,000元", replacedBy: "292,000元", finds: "N504", on: "30.00", saying: "292,000元")
    }

    /// A share of a part in 元 of a whole in 万元, stated or implied by the shares: the whole is
    /// converted first (`282,000 ÷ 30.00 = 940000.00%` was two false errors).
    func testSharesAcrossMoneyUnits() {
        assertSilent("说明 三公\n“三公”经费支出30.00万元，其中：公务用车购置及运行维护费282,000元，占94.00%；公务接待费18,000元，占6.00%。\n",
                     thenWith: "占94.00%", replacedBy: "占93.00%", finds: "N502", on: "93.00", saying: "282,000 ÷")
        assertSilent("说明 三公\n公务用车购置及运行维护费282,000元，占94.00%；公务接待费1.80万元，占6.00%。\n",
                     thenWith: "占6.00%", replacedBy: "占5.00%", finds: "N502", on: "5.00", saying: "1.80万元（18000.00元）")
    }

    /// `与上年的5,100.00万元相比，…增加540.00万元` after a sentence stating this year's total: the
    /// change is that total less the previous year's.
    func testAChangeFromThePreviousSentencesSubject() throws {
        assertSilent(try probeBody("probe-disease-control.juesuan"), thenWith: "与2023年度的5,100.00万元相比", replacedBy: "与2023年度的5,101.00万元相比",
                     finds: "N503", on: "540.00", saying: "上年 5101.00")
    }

    /// `完成年初预算40.00万元的75.00%`: 完成 names no amount; the budget is the “三公”经费's, printed
    /// in 公开09 (and the rate, judged on the budget written, is not reported twice).
    func testABudgetAfter完成() throws {
        let report = try probeBody("probe-disease-control.juesuan")
        assertSilent(report, thenWith: "完成年初预算40.00万元", replacedBy: "完成年初预算41.00万元", finds: "N501", on: "41.00", saying: "40.00")
        assertSilent(report, thenWith: "40.00万元的75.00%", replacedBy: "40.00万元的76.00%", finds: "N505", on: "76.00", saying: "40.00")
    }

    /// `其中：货物采购A万元，工程采购B万元，服务采购C万元` (or 货物类 …) is the complete identity of
    /// 政府采购支出总额: a total above its parts is found too, not only parts above their total.
    /// (The share of 中小企业 in the moved total no longer holds either: N502 as well.)
    func testProcurementPartsByTheirWord() throws {
        for (name, from, to) in [("probe-education.juesuan", "政府采购支出总额356.80万元", "政府采购支出总额357.80万元"),
                                 ("probe-disease-control.juesuan", "政府采购支出总额620.00万元", "政府采购支出总额621.00万元")] {
            let report = try probeBody(name)
            XCTAssertEqual(seriousFindings(report).1.map(\.code), [], name)
            let (analysis, found) = seriousFindings(report.replacingOccurrences(of: from, with: to))
            XCTAssertEqual(found.map(\.code), ["N504", "N502"], name)
            XCTAssertEqual(found.first.map { analysis.text(of: $0) }, String(to.dropFirst(8).dropLast(2)), name)
            XCTAssertTrue(found.first?.message.contains("政府采购货物支出 + 政府采购工程支出 + 政府采购服务支出") == true, found.first?.message ?? "")
        }
    }

    func testCountsOf公开10() throws {
        let education = try probeBody("probe-education.juesuan")
        assertSilent(education, thenWith: "2台（套）", replacedBy: "3台（套）", finds: "N507", on: "3", saying: "单价100万元")
        // A vehicle row named alone (no list to sum).
        let tables = "表 公开10\n车辆数合计 3\n执法执勤用车 3\n\n"
        assertSilent(tables + "说明 资产\n本部门执法执勤用车3辆。\n", thenWith: "用车3辆", replacedBy: "用车4辆", finds: "N507", on: "4", saying: "执法执勤用车")
    }
}
