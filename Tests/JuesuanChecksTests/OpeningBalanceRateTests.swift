import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// A rate of change from the year's start (`比年初下降55.00%`): (年末 − 年初) ÷ 年初 of the balance
/// of the same name (session 20; session 19 read the amount of such a change, N503).
final class OpeningBalanceRateTests: XCTestCase {
    /// A 公开01 whose balances fall from 200.00 at the start of the year to 90.00 at its end.
    static let tables = """
    表 公开01 收入支出决算总表
    收入
    一、一般公共预算财政拨款收入  800.00
    本年收入合计                  800.00
    年初结转和结余                200.00
    总计                        1,000.00
    支出
    一般公共服务支出              910.00
    本年支出合计                  910.00
    年末结转和结余                 90.00
    总计                        1,000.00

    """

    func testARateFromTheOpeningBalanceInTheTables() {
        // 110.00 ÷ 200.00 = 55.00%.
        let text = Self.tables + "说明 一、收入支出决算总体情况说明\n年末结转和结余90.00万元，比年初下降55.00%。"
        assertSilent(text, thenWith: "比年初下降55.00%", replacedBy: "比年初下降50.00%", finds: "N503", on: "50.00", saying: "200.00")
        // Other words for the same comparison and direction.
        for words in ["较年初数降低了55.00%", "与年初相比，下降55.00%", "较年初减幅55.00%"] {
            let own = Self.tables + "说明 一、收入支出决算总体情况说明\n年末结转和结余90.00万元，\(words)。"
            assertSilent(own, thenWith: "55.00%", replacedBy: "45.00%", finds: "N503", on: "45.00", saying: "200.00")
        }
        // The wrong direction is found too: a fall written as a rise.
        let rise = Self.tables + "说明 一、收入支出决算总体情况说明\n年末结转和结余90.00万元，比年初增长55.00%。"
        XCTAssertEqual(seriousFindings(rise).1.map(\.code), ["N503"])
    }

    func testARateFromAnOpeningBalanceWrittenBefore() {
        // No table: the opening balance written in the section is taken.
        let text = "说明 一、收入支出决算总体情况说明\n年初结转和结余40.00万元。年末结转和结余50.00万元，较年初增长25.00%。"
        assertSilent(text, thenWith: "增长25.00%", replacedBy: "增长20.00%", finds: "N503", on: "20.00", saying: "40.00")
    }

    func testTheComparisonInAClauseOfItsOwn() {
        // `与年初相比，` before the direction: the amount and the rate alike.
        let amount = Self.tables + "说明 一、收入支出决算总体情况说明\n年末结转和结余90.00万元，与年初数相比，减少了110.00万元。"
        assertSilent(amount, thenWith: "减少了110.00万元", replacedBy: "减少了100.00万元", finds: "N503", on: "100.00", saying: "110.00")
        let rate = Self.tables + "说明 一、收入支出决算总体情况说明\n年末结转和结余90.00万元，同年初相比，降低55.00%。"
        assertSilent(rate, thenWith: "降低55.00%", replacedBy: "降低60.00%", finds: "N503", on: "60.00", saying: "200.00")
    }

    func testWhatIsNoRateFromTheOpeningBalance() {
        // A rate of the budget (比年初预算) and a change amount written before the rate: read as before.
        let budget = Self.tables + "说明 一、收入支出决算总体情况说明\n年末结转和结余90.00万元，比年初预算下降10.00%。"
        XCTAssertEqual(seriousFindings(budget).1.map(\.code), [])
        let withAmount = Self.tables + "说明 一、收入支出决算总体情况说明\n年末结转和结余90.00万元，比年初减少110.00万元，下降55.00%。"
        assertSilent(withAmount, thenWith: "下降55.00%", replacedBy: "下降50.00%", finds: "N503", on: "50.00", saying: "110.00")
        // A quantity with no opening balance of its name (本年支出合计): nothing to compare with.
        let other = Self.tables + "说明 一、收入支出决算总体情况说明\n本年支出合计910.00万元，比年初下降5.00%。"
        XCTAssertEqual(seriousFindings(other).1.map(\.code), [])
    }
}
