import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// Sentences in the shape of the standard 说明 template's sections (基本支出, “三公”经费,
/// 机关运行经费), in wordings of our own, that were misread: each consistent one is silent and
/// each with a figure moved is found on the right figure.
final class TemplateSectionTests: XCTestCase {
    // MARK: 基本支出: `其中：人员经费A万元，主要包括…；公用经费B万元，主要包括…`

    static let basic = "说明 基本支出\n一般公共预算财政拨款基本支出199.58万元，其中：人员经费194.15万元，主要包括基本工资、津贴补贴、社会保障缴费等；"
        + "公用经费5.42万元，主要包括办公费、差旅费等。\n"

    /// 主要包括 after 人员经费 lists no figure: at the ； the 其中 list of 基本支出 goes on, so
    /// 公用经费 is its part too (it was left out, and with it the sum).
    func testTheListGoesOnAfterAnEmptyMainlyIncludes() {
        let claims = proseClaims(String(Self.basic.split(separator: "\n")[1]))
        XCTAssertEqual(claims.map(\.listWhole), [nil, 0, 0])
        XCTAssertEqual(seriousFindings(Self.basic).1.map(\.code), [])
        let (analysis, found) = seriousFindings(Self.basic.replacingOccurrences(of: "194.15", with: "195.15"))
        XCTAssertEqual(found.map(\.code), ["N504"])
        XCTAssertEqual(found.first.map { analysis.text(of: $0) }, "199.58")
    }

    // MARK: “三公”经费: travel abroad and reception in one sentence

    static let threePublic = """
        表 公开09
        列 年初预算数 全年预算数 决算数
        合计 1.00 1.00 0.80
        因公出国（境）费 0.00 0.00 0.00
        公务用车购置及运行维护费 0.00 0.00 0.00
        公务用车购置费 0.00 0.00 0.00
        公务用车运行维护费 0.00 0.00 0.00
        公务接待费 1.00 1.00 0.80
        因公出国（境）团组数 - - 0
        因公出国（境）人次数 - - 0
        国内公务接待批次 - - 4
        国内公务接待人次 - - 30

        说明 “三公”经费
        因公出国（境）费支出决算为0万元，全年未安排出国（境）团组；公务接待费支出决算为0.80万元，全年国内公务接待4批次、30人次。

        """

    /// The nearer of 接待 and 出国 before a count says what it counts: 30人次 are receptions,
    /// though 出国 stands earlier in the sentence (it was compared with 因公出国（境）人次数).
    func testACountIsOfTheNearerWord() {
        let (analysis, quiet) = seriousFindings(Self.threePublic)
        XCTAssertEqual(quiet.map { "\($0.code) \(analysis.text(of: $0)) \($0.message)" }, [])
        let (moved, found) = seriousFindings(Self.threePublic.replacingOccurrences(of: "30人次", with: "31人次"))
        XCTAssertEqual(found.map(\.code), ["N507"])
        XCTAssertTrue(found.first?.message.contains("国内公务接待人次") == true, found.first?.message ?? "")
        XCTAssertEqual(found.first.map { moved.text(of: $0) }, "31")
        // And the other way round: a travel count after a reception one.
        let travel = Self.threePublic.replacingOccurrences(of: "30人次。", with: "30人次；因公出国（境）团组0个、2人次。")
        XCTAssertEqual(seriousFindings(travel).1.map { $0.message.contains("因公出国（境）人次数") }, [true])
    }

    // MARK: A share whose part is named before 占

    /// `基本支出占…的54.89%` after `基本支出A万元，项目支出B万元`: the share is of 基本支出, named in
    /// its own words, not of 项目支出, the amount nearest to it.
    func testAShareOfThePartNamedBeforeIt() {
        assertSilent("说明 支出\n本年支出合计500.00万元，其中：基本支出300.00万元，项目支出200.00万元，基本支出占本年支出合计的60.00%。\n",
                     thenWith: "60.00%", replacedBy: "61.00%", finds: "N502", on: "61.00", saying: "基本支出 300.00")
        // A part named but not stated is not judged against another amount.
        XCTAssertEqual(seriousFindings("说明 支出\n本年支出合计500.00万元，项目支出200.00万元，基本支出占本年支出合计的61.00%。\n").1.map(\.code), [])
    }

    /// `基本支出300.00万元（占本年支出的60.00%）`: a share opening a bracket right after an amount is
    /// of that amount (it was not judged: no amount stood inside the bracket).
    func testAShareInABracketAfterItsAmount() {
        let sentence = "说明 支出\n本年支出合计500.00万元，其中基本支出300.00万元（占本年支出的60.00%），项目支出200.00万元（占本年支出的40.00%）。\n"
        XCTAssertEqual(seriousFindings(sentence).1.map(\.code), [])
        let (analysis, found) = seriousFindings(sentence.replacingOccurrences(of: "40.00%", with: "41.00%"))
        XCTAssertEqual(found.map(\.code).filter { $0 == "N502" }, ["N502"])
        XCTAssertEqual(found.first { $0.code == "N502" }.map { analysis.text(of: $0) }, "41.00")
    }

    /// `财政拨款支出A万元，较年初预算B万元增加C万元`: B is 财政拨款支出's 年初预算 (its words give only
    /// a measure), stated between the actual and the difference, and C = A − B.
    func testADifferenceFromABudgetStatedAfterTheActual() {
        XCTAssertEqual(proseClaims("财政拨款支出363.59万元，较年初预算235.38万元增加128.21万元。").map { $0.quantity?.name }.prefix(2),
                       ["财政拨款支出", "财政拨款支出"])
        assertSilent("说明 支出\n财政拨款支出363.59万元，较年初预算235.38万元增加128.21万元，增长54.47%。\n",
                     thenWith: "235.38", replacedBy: "236.38", finds: "N503", on: "128.21", saying: "应为 127.21")
    }

    // MARK: 机关运行经费: a rate of the difference from the budget

    /// `比年初预算减少0.58万元，降低9.67%`: 0.58 ÷ (5.42 + 0.58) = 9.67 %.
    func testARateOfTheDifferenceFromTheBudget() {
        let sentence = "说明 机关运行经费\n机关运行经费支出5.42万元，比年初预算减少0.58万元，降低9.67%，比上年减少64.37万元，下降92.23%。\n"
        assertSilent(sentence, thenWith: "降低9.67%", replacedBy: "降低10.67%", finds: "N503", on: "10.67", saying: "预算为 6.00")
        // The difference moved: its rate no longer holds.
        XCTAssertEqual(seriousFindings(sentence.replacingOccurrences(of: "减少0.58万元", with: "减少0.78万元")).1.map(\.code), ["N503"])
        // Words of the wrong direction.
        let (_, direction) = seriousFindings(sentence.replacingOccurrences(of: "降低9.67%", with: "增长9.67%"))
        XCTAssertEqual(direction.map(\.code), ["N503"])
        XCTAssertTrue(direction.first?.message.contains("增减方向不一致") == true)
    }
}
