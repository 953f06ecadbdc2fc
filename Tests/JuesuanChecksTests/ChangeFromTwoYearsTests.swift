import JuesuanChecks
import JuesuanSyntax
import XCTest

/// N503: with this year's and last year's amounts written just before it, a change is this
/// year − last year (narrative.md §3, 增减额). In this file's own wordings: the years in either
/// order, last year's amount named or only dated, 比上年 written or left to the amount before.
final class ChangeFromTwoYearsTests: XCTestCase {
    static func document(_ prose: String) -> String { "说明 收入情况\n" + prose + "\n" }

    static func serious(_ prose: String) -> (Analysis, [Diagnostic]) { seriousFindings(document(prose)) }

    /// Consistent sentences: 420.50 − 380.25 = 40.25, 40.25 ÷ 380.25 = 10.59%.
    static let consistent = [
        "本年收入合计420.50万元，与上年380.25万元相比，增加40.25万元。",
        "本年收入合计420.50万元，上年为380.25万元，比上年增加40.25万元，增长10.59%。",
        "上年收入合计380.25万元，本年420.50万元，增加40.25万元，增幅10.59%。",
        "本年收入合计420.50万元，较上年度的380.25万元增长了40.25万元。",
        "本年收入合计420.50万元，2023年为380.25万元，同比增加40.25万元。",
        "本年支出合计380.25万元，上年支出合计420.50万元，减少40.25万元，下降9.57%。",
    ]

    func testConsistentSentencesRaiseNothing() {
        for prose in Self.consistent {
            let (analysis, found) = Self.serious(prose)
            XCTAssertEqual(found.map { "\($0.code) \(analysis.text(of: $0)) \($0.message)" }, [], prose)
        }
    }

    /// The change moved by 1.00: an error on it that gives this year − last year; the rate beside
    /// it, right for the two years, is not blamed.
    func testAMovedChangeIsFoundOnItself() {
        for prose in Self.consistent {
            let changed = prose.replacingOccurrences(of: "40.25", with: "41.25")
            let (analysis, found) = Self.serious(changed)
            XCTAssertEqual(found.map { analysis.text(of: $0) }, ["41.25"], changed + "\n" + found.map(\.message).joined(separator: "\n"))
            XCTAssertTrue(found.first?.message.contains("应为 40.25") == true, found.first?.message ?? changed)
        }
    }

    func testTheWrongDirectionIsFound() {
        let (analysis, found) = Self.serious("本年收入合计420.50万元，上年收入合计380.25万元，减少40.25万元。")
        XCTAssertEqual(found.map(\.code), ["N503"])
        XCTAssertTrue(found.first?.message.contains("增减方向不一致") == true)
        XCTAssertEqual(found.first.map { analysis.text(of: $0) }, "40.25万元")
    }

    /// A change rounded to the years' precision is not an error: 420.54 − 380.25 = 40.29, written
    /// 40.3 beside years of one decimal (420.5 and 380.3).
    func testRoundingIsNotAnError() {
        XCTAssertEqual(Self.serious("本年收入合计420.5万元，与上年的380.3万元相比，增加40.3万元。").1.map(\.code), [])
        XCTAssertEqual(Self.serious("本年收入合计420.5万元，与上年的380.3万元相比，增加40.5万元。").1.map(\.code), ["N503"])
    }

    /// Not two years of one amount just before the change: nothing is judged.
    func testOtherFiguresBetweenAreLeftAlone() {
        for prose in ["本年收入420.50万元，上年380.25万元，其中财政拨款收入300.00万元，增加10.00万元。",
                      "本年收入合计420.50万元，上年结转和结余12.40万元，收入总计432.90万元，比上年增加20.00万元。",
                      "本年基本支出420.50万元，上年项目支出380.25万元，增加40.00万元。"] {
            XCTAssertEqual(Self.serious(prose).1.map(\.code), [], prose)
        }
    }
}
