import JuesuanChecks
import JuesuanSyntax
import XCTest

/// N518: one amount stated twice in a paragraph with two values (session 27: the prose
/// generator's `两项共计` wording, whose moved 基本支出 nothing found without tables).
final class NarrativeRepeatTests: XCTestCase {
    func found(_ prose: String) -> [String] {
        let analysis = analyze("说明 一、测试\n" + prose + "\n")
        return analysis.diagnostics.filter { ($0.severity == .error || $0.severity == .warning) && $0.code.hasPrefix("N") }
            .map { "\($0.code) \(analysis.text(of: $0))" }
    }

    func testAnAmountStatedTwiceWithTwoValues() {
        // (text, from, to, the figure the finding is on: the later of the two)
        let cases = [
            ("基本支出46,847.04万元，用于机构运转。本年度基本支出共计46,847.04万元。", "基本支出46,847.04万元，", "基本支出46,857.04万元，", "46,847.04"),
            // Its own name twice (the second is no part of the first's 其中 list).
            ("“三公”经费支出20.00万元，比上年减少2.40万元。其中公务接待费3.20万元；全年“三公”经费支出20.00万元，均为财政拨款。", "全年“三公”经费支出20.00", "全年“三公”经费支出21.00", "21.00"),
            ("本年支出合计5,060.00万元，主要用于水利工程建设。从支出性质看，本年支出合计5,060.00万元中基本支出1,460.00万元。", "从支出性质看，本年支出合计5,060.00", "从支出性质看，本年支出合计5,600.00", "5,600.00"),
            // In 元 both times.
            ("公务接待费32,000.00元，接待16批次；公务接待费共计32,000.00元，人均250.00元。", "共计32,000.00", "共计23,000.00", "23,000.00"),
        ]
        for (text, from, to, figure) in cases {
            XCTAssertEqual(found(text), [], text)
            let moved = text.replacingOccurrences(of: from, with: to)
            XCTAssertEqual(found(moved), ["N518 \(figure)"], moved)
        }
        // The generator's wording: `两项共计` is the sum of the two amounts before it, which the
        // amount named first must equal as 基本支出 = 人员经费 + 公用经费.
        let generated = "基本支出46,847.04万元。人员经费和公用经费分别为42,391.35万元和4,455.69万元，两项共计46,847.04万元。"
        XCTAssertEqual(found(generated), [])
        XCTAssertEqual(found(generated.replacingOccurrences(of: "基本支出46,847.04", with: "基本支出46,857.04")), ["N511 46,857.04"])
        XCTAssertEqual(found(generated.replacingOccurrences(of: "两项共计46,847.04", with: "两项共计46,857.04")), ["N504 46,857.04"])
    }

    func testTheMessageNamesBothValuesAndTheDifference() {
        let analysis = analyze("说明 一、测试\n基本支出100.00万元，用于机构运转；基本支出共计110.00万元。\n")
        let finding = analysis.diagnostics.first { $0.code == "N518" }
        XCTAssertEqual(finding?.message, "“基本支出”前面写的是 100.00万元，这里写的是 110.00万元，相差 +10.00：同一金额两处不一致")
        XCTAssertEqual(finding?.related.map { analysis.source.string($0.range) }, ["100.00"])
    }

    func testWhatIsNotOneAmountIsNotCompared() {
        let silent = [
            // Within the rounding of the shorter figure.
            "基本支出1,460万元，占28.85%；基本支出1,460.00万元用于人员和公用经费。",
            // Two years, a budget and an actual.
            "基本支出1,460.00万元，2022年基本支出1,200.00万元。",
            "上年基本支出1,300.00万元，本年基本支出1,460.00万元。",
            "基本支出年初预算1,400.00万元，基本支出决算1,460.00万元。",
            // A part of another whole: the appropriations' basic spending.
            "基本支出1,460.00万元。财政拨款支出1,300.00万元，其中：基本支出1,200.00万元，项目支出100.00万元。",
            // One fund, then another, each with its own 本年支出合计.
            "一般公共预算财政拨款本年收入合计4,236.50万元，本年支出合计4,200.00万元；政府性基金预算财政拨款本年收入合计850.00万元，本年支出合计800.00万元。",
            // Approximately.
            "基本支出约1,500万元，基本支出1,460.00万元。",
        ]
        for text in silent { XCTAssertEqual(found(text), [], text) }
        // Two paragraphs (imported text breaks sentences apart at page ends): not compared.
        XCTAssertEqual(found("基本支出1,460.00万元。\n基本支出1,470.00万元。"), [])
    }

    func testAFigureFoundWrongAgainstItsTableIsNotComparedAgain() {
        let text = """
        表 公开06 一般公共预算财政拨款基本支出决算表
        301    工资福利支出   90.00
        302    商品和服务支出 10.00
        人员经费合计   90.00
        公用经费合计   10.00

        说明 六、基本支出
        人员经费90.00万元，用于在职人员；人员经费共计95.00万元。
        """
        let analysis = analyze(text)
        XCTAssertEqual(analysis.diagnostics.filter { $0.severity == .error || $0.severity == .warning }.map { "\($0.code) \(analysis.text(of: $0))" }, ["N501 95.00"])
    }
}
