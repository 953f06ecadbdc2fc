import JuesuanChecks
import JuesuanSyntax
import XCTest

/// T804: doubled or clashing punctuation.
final class TextHygienePunctuationTests: XCTestCase {
    func marks(_ prose: String) -> [String] {
        hygiene("说明 一、情况说明\n\(prose)\n").hygieneTexts("T804")
    }

    func testDoubledAndClashingMarksWithTheSingleMarkAsFix() throws {
        let analysis = hygiene("说明 一、情况说明\n促进提高特困人群社会保障。。2、保障各项政策有效落地，，已全部支出。；\n")
        XCTAssertEqual(analysis.hygieneTexts("T804"), ["。。", "，，", "。；"])
        XCTAssertEqual(analysis.findings("T804").map { $0.fix?.edits.first?.replacement }, ["。", "，", "。"])
        XCTAssertEqual(analysis.findings("T804").map(\.severity), [.hint, .hint, .hint])
        XCTAssertEqual(analysis.findings("T804").map { $0.fix?.isSafe }, [true, true, true])
        XCTAssertEqual(marks("收入增加，。支出减少、，其中：，"), ["，。", "、，", "：，"])
        XCTAssertEqual(marks("收入增加。 。支出减少,，"), ["。 。", ",，"], "blanks between, ASCII and full-width")
        let fixed = try XCTUnwrap(analysis.findings("T804").first?.fix)
        XCTAssertEqual(fixed.title, "改为“。”")
    }

    func testCommaBetweenAWordAndItsFigure() throws {
        let analysis = hygiene("说明 九、预算绩效情况说明\n根据年初设定的绩效目标,该项目绩效自评得分为, 85分(绩效自评表附后)。\n")
        let finding = try XCTUnwrap(analysis.findings("T804").first)
        XCTAssertEqual(analysis.text(of: finding), ",")
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "")
        XCTAssertEqual(analysis.source.string(finding.fix!.edits[0].range), ", ", "the blank after the comma goes with it")
        XCTAssertEqual(analysis.hygieneCodes, ["T804"], "the comma after 目标 is no clash")
        XCTAssertEqual(marks("决算数为，1066.43万元。"), ["，"])
    }

    func testOrdinaryPunctuationIsNotFlagged() {
        XCTAssertEqual(marks("本年收入合计17,334.30万元，其中：基本支出199.58万元；项目支出164.02万元。"), [])
        XCTAssertEqual(marks("上午8:30召开会议，主要内容为“居民参保。”，会后（一）、（二）两项完成……。"), [])
        XCTAssertEqual(marks("其中, 2个项目评价结果为“优”。"), [], "a half-width comma after 其中 is no doubled mark")
        XCTAssertEqual(marks("1、2、3、三项工作"), [])
    }
}
