import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// `XX（类）年初预算为A万元，支出决算为B万元，完成预算C%`, the 具体情况 of the standard 说明
/// template: B is XX's 决算数 (its words give only a measure), and inside a `其中` list of an
/// actual amount the budget A is not a part. Both were misread: B took the paragraph's subject
/// (N501 against the wrong table figure) and A + B were summed as parts (N504). Wordings of our own.
final class BudgetThenActualTests: XCTestCase {
    static func serious(_ prose: String) -> (Analysis, [Diagnostic]) { seriousFindings("说明 一般公共预算财政拨款支出决算情况说明\n" + prose + "\n") }

    static let specific = "一般公共预算财政拨款支出决算数为400.00万元。其中：教育支出（类）年初预算为120.00万元，支出决算为150.00万元，完成预算125.00%；"
        + "卫生健康支出（类）年初预算为200.00万元，支出决算为250.00万元，完成预算125.00%。"

    func testTheActualAfterABudgetIsOfTheSameAmount() {
        let claims = proseClaims("卫生健康支出（类）年初预算为200.00万元，支出决算为250.00万元，完成预算125.00%。")
        XCTAssertEqual(claims.prefix(2).map { $0.quantity?.name }, ["卫生健康支出", "卫生健康支出"])
        XCTAssertEqual(claims[1].quantitySource, .sentence)
        XCTAssertEqual(claims.prefix(2).map(\.measure), [.initialBudget, .actual])
        // Words that give no measure do not take the amount before (only the paragraph's
        // subject may then name the figure, narrative.md §2.2), nor a figure of the same measure.
        XCTAssertNotEqual(proseClaims("卫生健康支出200.00万元，主要是250.00万元。")[1].quantitySource, .sentence)
        XCTAssertNotEqual(proseClaims("卫生健康支出决算200.00万元，支出决算250.00万元。")[1].quantitySource, .sentence)
    }

    func testTheSpecificSituationRaisesNothing() {
        let (analysis, found) = Self.serious(Self.specific)
        XCTAssertEqual(found.map { "\($0.code) \(analysis.text(of: $0)) \($0.message)" }, [])
    }

    /// A completion rate or an actual moved: found on the rate, with the actual and budget of its
    /// own line (not the paragraph's subject).
    func testMovedFiguresAreFound() {
        let (analysis, found) = Self.serious(Self.specific.replacingOccurrences(of: "完成预算125.00%；", with: "完成预算130.00%；"))
        XCTAssertEqual(found.map(\.code), ["N505"])
        XCTAssertTrue(found.first?.message.contains("150.00 ÷") == true, found.first?.message ?? "")
        XCTAssertEqual(found.first.map { analysis.text(of: $0) }, "130.00")
        // The actual moved: its rate no longer holds, and the two lines now exceed the whole,
        // listed by their own names.
        let (moved, findings) = Self.serious(Self.specific.replacingOccurrences(of: "支出决算为250.00万元", with: "支出决算为260.00万元"))
        XCTAssertEqual(findings.map(\.code).sorted(), ["N504", "N505"])
        XCTAssertEqual(findings.first { $0.code == "N505" }.map { moved.text(of: $0) }, "125.00")
        XCTAssertTrue(findings.first { $0.code == "N504" }?.message.contains("教育支出 150.00、卫生健康支出 260.00") == true,
                      findings.first { $0.code == "N504" }?.message ?? "")
    }

    /// In a `其中` list of an actual amount, a budget is not a part.
    func testABudgetIsNotAPartOfAnActualAmount() {
        XCTAssertEqual(Self.serious("基本支出300.00万元，其中：人员经费年初预算280.00万元，决算270.00万元。").1.map(\.code), [])
        let claims = proseClaims("基本支出300.00万元，其中：人员经费年初预算280.00万元，决算270.00万元。")
        XCTAssertEqual(claims.map { $0.listWhole }, [nil, nil, 0])
    }
}
