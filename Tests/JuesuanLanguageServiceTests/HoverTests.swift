import JuesuanChecks
import JuesuanLanguageService
import JuesuanSyntax
import XCTest

final class HoverTests: XCTestCase {
    func testGlossaryTermInProsePrefersTheDocumentsOwnDefinition() {
        let (doc, offset) = snapshot(header + "说明 二\n其中：基‸本支出10.00万元。\n\n名词解释\n基本支出：本报告自己的解释。\n")
        let hover = LanguageService.hover(doc, at: offset)!
        XCTAssertTrue(hover.markdown.contains("**基本支出**"))
        XCTAssertTrue(hover.markdown.contains("本报告自己的解释。"))
        XCTAssertTrue(hover.markdown.contains("第 8 行"), hover.markdown)
        XCTAssertEqual(doc.source.string(hover.range), "基本支出")
    }

    func testStandardGlossaryWhenTheDocumentHasNone() {
        let (doc, offset) = snapshot(header + "说明 二\n𠀀经营支‸出0.00万元，“三公”经费0.27万元。\n")
        let hover = LanguageService.hover(doc, at: offset)!
        XCTAssertTrue(hover.markdown.contains("**经营支出**"))
        XCTAssertTrue(hover.markdown.contains("标准名词解释"))
        XCTAssertEqual(doc.source.lineColumn(of: hover.range.start, unit: .utf16).column, 2)
        XCTAssertEqual(doc.source.lineColumn(of: hover.range.start, unit: .utf8).column, 4)
        XCTAssertEqual(doc.source.lineColumn(of: hover.range.end, unit: .utf16).column, 6)
        let (doc2, offset2) = snapshot(header + "说明 二\n“三‸公”经费0.27万元。\n")
        XCTAssertTrue(LanguageService.hover(doc2, at: offset2)!.markdown.contains("因公出国（境）费"))
    }

    func testTermInARowLabelAndAColumnName() {
        let (doc, offset) = snapshot(header + "表 公开01 收入支出决算总表\n收入\n五、事业‸收入  0.00\n")
        XCTAssertTrue(LanguageService.hover(doc, at: offset)!.markdown.contains("**事业收入**"))
        let (doc2, offset2) = snapshot(header + "表 公开05 一般公共预算财政拨款支出决算表\n列 本年支出合计 基本‸支出 项目支出\n")
        XCTAssertTrue(LanguageService.hover(doc2, at: offset2)!.markdown.contains("**基本支出**"))
    }

    func testCodeShowsNameAndPath() {
        let (doc, offset) = snapshot(header + "表 公开03 支出决算表\n21015‸01  行政运行  1.00\n")
        let hover = LanguageService.hover(doc, at: offset)!
        XCTAssertTrue(hover.markdown.contains("**2101501 行政运行**"))
        XCTAssertTrue(hover.markdown.contains("210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行"), hover.markdown)
        XCTAssertEqual(doc.source.string(hover.range), "2101501")
    }

    func testTotalShowsAddendsSumAndVerdict() {
        let (doc, offset) = snapshot(header + """
        表 公开05 一般公共预算财政拨款支出决算表
        合计  30.0‸0  20.00  10.00
        208  社会保障和就业支出  10.00  10.00  0.00
        210  卫生健康支出  21.00  10.00  11.00

        """)
        let hover = LanguageService.hover(doc, at: offset)!
        XCTAssertTrue(hover.markdown.contains("| 208 社会保障和就业支出 | 10.00 |"), hover.markdown)
        XCTAssertTrue(hover.markdown.contains("**31.00**"))
        XCTAssertTrue(hover.markdown.contains("✗ 不成立：差额 -1.00（A202）"), hover.markdown)
        XCTAssertTrue(hover.markdown.contains("“基本支出” + “项目支出”"))
        XCTAssertTrue(hover.markdown.contains("✓ 成立"), "30.00 = 20.00 + 10.00 holds")

        let explanations = doc.analysis.totalExplanations(at: offset)
        XCTAssertEqual(explanations.map(\.rule).sorted(), ["A202", "A203"])
        let a202 = explanations.first { $0.rule == "A202" }!
        XCTAssertEqual(a202.addends.count, 2)
        XCTAssertEqual(a202.expected, DecimalNumber("31.00"))
        XCTAssertEqual(a202.outcome, .mismatch)
        // The hover agrees with the diagnostic.
        XCTAssertTrue(doc.analysis.diagnostics.contains { $0.code == "A202" && $0.range == a202.range })
    }

    func testLabelTreeTotal() {
        let (doc, offset) = snapshot(header + """
        表 公开01 收入支出决算总表
        收入
        一般公共预算财政拨款收入  10.00
        事业收入  2.00
        本年收入‸合计  12.00

        """)
        let hover = LanguageService.hover(doc, at: offset)!
        XCTAssertTrue(hover.markdown.contains("A204") || hover.markdown.contains("之和"), hover.markdown)
        XCTAssertTrue(hover.markdown.contains("✓ 成立"), hover.markdown)
    }

    func testNothingToSayGivesNil() {
        let (doc, offset) = snapshot(header + "说明 一\n今天天‸气很好。\n")
        XCTAssertNil(LanguageService.hover(doc, at: offset))
    }
}
