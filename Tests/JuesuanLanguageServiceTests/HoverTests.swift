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

/// Hover on a figure in prose: the fact the reader takes it to be and the identities it is in.
final class ProseFigureHoverTests: XCTestCase {
    func testFigureShowsItsQuantityTableFigureAndIdentities() {
        let tables = "表 公开03\n列 本年支出合计 基本支出 项目支出\n合计 100.00 60.00 40.00\n\n"
        let (doc, offset) = snapshot(header + tables + "说明 二\n本年支出合计100.00万元，其中：基本支出6‸0.00万元，占60.00%。\n")
        let hover = LanguageService.hover(doc, at: offset)!
        XCTAssertEqual(doc.source.string(hover.range), "60.00万元")
        XCTAssertTrue(hover.markdown.contains("**基本支出** · 金额（决算数）"), hover.markdown)
        XCTAssertTrue(hover.markdown.contains("公开03「合计」“基本支出” 60.00"), hover.markdown)
        XCTAssertTrue(hover.markdown.contains("基本支出 = 人员经费 + 公用经费"), hover.markdown)
        XCTAssertTrue(hover.markdown.contains("本年支出合计 = 基本支出 + 项目支出"), hover.markdown)
    }

    func testRespectivelyListsAndTraditionalScriptAreReadForHover() {
        let (doc, offset) = snapshot(header + "说明 四\n人員經費和公用經費分別為80.00萬元和2‸0.00萬元。\n")
        let hover = LanguageService.hover(doc, at: offset)!
        XCTAssertTrue(hover.markdown.contains("**公用经费**"), hover.markdown)
        let (doc2, offset2) = snapshot(header + "说明 四\n与上年相比，变化不‸大。\n")
        XCTAssertFalse(LanguageService.hover(doc2, at: offset2)?.markdown.contains("恒等关系") ?? false)
    }
}
