import JuesuanChecks
import JuesuanModel
import XCTest

/// `收入总额` / `支出总额` (session 29): the total (总计) to some officers, the year's (本年…合计)
/// to others. Either figure is right; any other is an error; and `X支出总额` is still X.
/// Figures of the education probe: 公开01 本年收入合计 3,186.50, 总计 3,283.80, 本年支出合计
/// 3,220.80; 公开04 本年收入合计 2,976.40, 本年支出合计 2,990.10, 总计 3,016.60; 公开03 基本支出
/// 2,641.23.
final class TotalWordingReadingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testIncomeTotalIsEitherTheGrandTotalOrTheYearsIncome() throws {
        // As 总计 (a figure of both sides is wrong for each).
        try assertEach([
            "2024年度本部门收入总额3,283.80万元，支出总额3,283.80万元。",
            "我局全年收支总额均为3,283.80万元。",
            "本年度收入支出总额3,283.80万元，比上年增加283.80万元。",
        ], moving: "3,283.80", to: "3,293.80", finds: ["N501 3,293.80", "N501 3,293.80"])
        // As 本年收入合计 / 本年支出合计.
        try assertEach(["收入总额3,186.50万元，其中一般公共预算财政拨款收入2,856.40万元。"],
                       moving: "3,186.50", to: "3,196.50", finds: ["N501 3,196.50"])
        try assertEach(["本单位2024年支出总额为3,220.80万元。"], moving: "3,220.80", to: "3,120.80", finds: ["N501 3,120.80"])
    }

    func testAppropriationTotalIsEitherOfPublicTable04() throws {
        // 公开04's 总计, or its 本年收入合计 / 本年支出合计.
        try assertEach([
            "2024年度财政拨款收入总额3,016.60万元，财政拨款支出总额3,016.60万元。",
            "财政拨款收入总额3,016.60万元，支出总计3,016.60万元。",
            "财政拨款收入总计3,016.60万元，支出总额3,016.60万元。",
        ], moving: "3,016.60万元。", to: "3,026.60万元。", finds: ["N501 3,026.60"])
        try assertEach(["本年财政拨款收入总额2,976.40万元，财政拨款支出总额2,990.10万元。"],
                       moving: "2,990.10", to: "2,999.10", finds: ["N501 2,999.10"])
    }

    func testAnotherNameBefore总额IsThatName() throws {
        // `基本支出总额` is 基本支出 (2,641.23), not 支出总额 qualified by 基本, which 2,641.23 is not.
        try assertEach(["基本支出总额2,641.23万元，占本年支出合计的82.01%。"],
                       moving: "2,641.23", to: "2,651.23", finds: ["N501 2,651.23"])
        // `一般公共预算财政拨款收入总额` is that fund's income (2,856.40), not 财政拨款收入总额.
        try assertEach(["一般公共预算财政拨款收入总额2,856.40万元。"],
                       moving: "2,856.40", to: "2,866.40", finds: ["N501 2,866.40"])
    }

    func testAChangeOfBothTotalsIsOfEithersAmount() throws {
        // 总计 written for one side and 总额 for the other: the change of both is of the 总计's
        // amount (3,016.60 − 216.60 = 2,800.00; 216.60 ÷ 2,800.00 = 7.74%).
        try assertEach(["财政拨款收入总计3,016.60万元，财政拨款支出总额3,016.60万元。与上年相比，财政拨款收支总计各增加216.60万元，增长7.74%。"],
                       moving: "7.74%", to: "8.74%", finds: ["N503 8.74"])
    }

    func testThe总额NamesRaiseNothingWithoutTables() {
        // Without tables no identity holds them: 收入总额 may be 本年收入合计 and 支出总额 总计.
        XCTAssertEqual(proseOnly("收入总额3,186.50万元，支出总额3,283.80万元。"), [])
    }
}
