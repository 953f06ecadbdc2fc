import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// The words of a figure start after the figure written before it in its clause, and after the
/// joiner that follows that figure (和, 与, 及, 以及): in `人员经费190.15万元和公用经费5.42万元`
/// the second figure's words are 公用经费, not `人员经费190.15万元和公用经费` (a name qualified by
/// the first figure, which joined no identity and read badly in messages). Wordings of our own.
final class FigureWordsTests: XCTestCase {
    static func serious(_ prose: String) -> (Analysis, [Diagnostic]) { seriousFindings("说明 支出情况\n" + prose + "\n") }

    func testTheWordsStartAfterTheFigureBefore() {
        for joiner in ["和", "与", "及", "以及", " 和 "] {
            let claims = proseClaims("基本支出199.58万元，包括人员经费190.15万元\(joiner)公用经费5.42万元。")
            XCTAssertEqual(claims.map(\.label), ["基本支出", "人员经费", "公用经费"], joiner)
            XCTAssertEqual(claims.map { $0.quantity?.description }, ["基本支出", "人员经费", "公用经费"], joiner)
        }
        // The measure too: 决算数, not the 年初预算 of the figure before.
        let measured = proseClaims("卫生健康支出年初预算400.00万元决算数440.00万元。")
        XCTAssertEqual(measured.map(\.measure), [.initialBudget, .actual])
    }

    /// A list joined by 和 names each part by its own words.
    func testAListJoinedByHeNamesEachPart() {
        let (_, found) = Self.serious("基本支出199.58万元，包括人员经费190.15万元和公用经费5.42万元。")
        XCTAssertEqual(found.map(\.code), ["N504"])
        XCTAssertTrue(found.first?.message.contains("人员经费 190.15、公用经费 5.42") == true, found.first?.message ?? "")
    }

    /// `由A与B构成`: the parts of the amount before, whatever the 由 before the first.
    func testMadeOfTwoParts() {
        XCTAssertEqual(Self.serious("基本支出合计199.58万元，由人员经费194.15万元与公用经费5.42万元构成。").1.map(\.code), [])
        let (analysis, found) = Self.serious("基本支出合计199.58万元，由人员经费190.15万元与公用经费5.42万元构成。")
        XCTAssertEqual(found.map(\.code), ["N511"])
        XCTAssertEqual(found.first.map { analysis.text(of: $0) }, "199.58")
    }

    /// `一般公共预算财政拨款支出` is the fund's spending, not its income followed by 支出: with an
    /// income of 400.00 and a spending of 380.00 the sentence is right, and is judged against
    /// 公开05 (it was compared with the income).
    func testAFundsSpendingIsNotItsIncome() {
        let tables = """
        表 公开01
        收入
        一般公共预算财政拨款收入 400.00
        本年收入合计 400.00
        年初结转和结余 0.00
        总计 400.00
        支出
        卫生健康支出 380.00
        本年支出合计 380.00
        年末结转和结余 20.00
        总计 400.00

        表 公开05
        合计 380.00 300.00 80.00
        210 卫生健康支出 380.00 300.00 80.00


        """
        for name in ["一般公共预算财政拨款支出", "一般公共预算支出"] {
            XCTAssertEqual(Self.serious(tables + "说明 一般公共预算财政拨款支出情况\n本年\(name)380.00万元。").1.map(\.code), [], name)
            XCTAssertEqual(proseClaims("\(name)380.00万元。").first?.quantity?.name, "一般公共预算财政拨款支出")
            let (analysis, found) = Self.serious(tables + "说明 一般公共预算财政拨款支出情况\n\(name)385.00万元。")
            XCTAssertEqual(found.map(\.code), ["N501"], name)
            XCTAssertTrue(found.first?.message.contains("公开05") == true, found.first?.message ?? "")
            XCTAssertEqual(found.first.map { analysis.text(of: $0) }, "385.00")
        }
        XCTAssertEqual(proseClaims("政府性基金预算财政拨款支出12.00万元。").first?.quantity?.name, "政府性基金预算财政拨款支出")
    }

    /// A completion rate of a figure whose budget stands just before it in the same clause.
    func testBudgetAndActualInOneClause() {
        XCTAssertEqual(Self.serious("卫生健康支出年初预算400.00万元决算数440.00万元，完成年初预算的110.00%。").1.map(\.code), [])
        let (analysis, found) = Self.serious("卫生健康支出年初预算400.00万元决算数440.00万元，完成年初预算的120.00%。")
        XCTAssertEqual(found.map(\.code), ["N505"])
        XCTAssertEqual(found.first.map { analysis.text(of: $0) }, "120.00")
    }
}
