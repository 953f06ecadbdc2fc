import XCTest
@testable import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// N521 (domain-rules N-06): a 类's budget against the same budget of each item under it, on the
/// education probe's tables (公开05: 教育支出 205 = 教育管理事务 20501 (行政运行 2050101) + 普通教育
/// 20502 (小学教育 2050202, 初中教育 2050203); 卫生健康支出 210 = 行政单位医疗 2101101 + 事业单位医疗 2101102).
final class ItemBudgetSumTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    func testAClassBudgetIsTheSumOfItsItemsBudgets() throws {
        let prose = """
        卫生健康支出（类）年初预算为96.00万元，调整预算为97.00万元。
        1.行政事业单位医疗（款）行政单位医疗（项）年初预算30.00万元，调整预算30.50万元，决算30.15万元。
        2.行政事业单位医疗（款）事业单位医疗（项）年初预算66.00万元，调整预算66.50万元，决算66.40万元。
        """
        XCTAssertEqual(try findings(prose), [])
        XCTAssertEqual(try findings(prose.replacingOccurrences(of: "年初预算为96.00", with: "年初预算为97.00")), ["N521 97.00"])
        XCTAssertEqual(try findings(prose.replacingOccurrences(of: "调整预算30.50", with: "调整预算31.50")), ["N521 97.00"])
    }

    /// The 款 under a 类 when prose states theirs, else its 项.
    func testTheLevelBelowThatProseStates() throws {
        let prose = """
        教育支出（类）年初预算2,300.00万元。其中：教育管理事务（款）年初预算400.00万元；普通教育（款）年初预算1,900.00万元。
        普通教育（款）小学教育（项）年初预算1,200.00万元；普通教育（款）初中教育（项）年初预算700.00万元。
        """
        XCTAssertEqual(try findings(prose), [])
        XCTAssertEqual(try findings(prose.replacingOccurrences(of: "年初预算700.00", with: "年初预算710.00")), ["N521 1,900.00"])
        XCTAssertEqual(try findings(prose.replacingOccurrences(of: "年初预算2,300.00", with: "年初预算2,310.00")), ["N521 2,310.00"])
    }

    /// Not judged with an item's budget missing (`年初未安排预算`), or stated twice differently;
    /// the roundings of the figures are allowed.
    func testNotJudgedWithoutEveryItemsBudget() throws {
        XCTAssertEqual(try findings("""
        卫生健康支出（类）年初预算为96.00万元。
        1.行政事业单位医疗（款）行政单位医疗（项）年初未安排预算，调整预算30.50万元。
        2.行政事业单位医疗（款）事业单位医疗（项）年初预算66.00万元。
        """), [])
        XCTAssertEqual(try findings("""
        卫生健康支出（类）年初预算为96.1万元。
        1.行政事业单位医疗（款）行政单位医疗（项）年初预算30.04万元。
        2.行政事业单位医疗（款）事业单位医疗（项）年初预算66.04万元。
        """), [])
    }
}
