import XCTest
@testable import JuesuanImport

/// A 目录 is one block up to the repeat of its first heading (docs/import.md). Word's automatic
/// 目录 and typed ones print page numbers after each entry (a tab, or leader dots): the entry's
/// heading is the words before them, or the 目录 swallowed the whole report (session 31, an
/// import probe of a .docx and of a PDF's text).
final class TableOfContentsTests: XCTestCase {
    static let body = """
    第一部分 部门概况
    一、部门职责
    负责全县医疗保障工作。
    第二部分 2024年度部门决算表
    收入支出决算总表
    公开01表
    金额单位：万元
    项目\t金额\t项目\t金额
    一般公共预算财政拨款收入\t100.00\t卫生健康支出\t100.00
    本年收入合计\t100.00\t本年支出合计\t100.00
    总计\t100.00\t总计\t100.00
    """

    func document(toc entries: [String]) -> String {
        Importer.importReport("某县医疗保障局2024年度部门决算\n目录\n" + entries.joined(separator: "\n") + "\n" + Self.body + "\n").document
    }

    func testEntriesWithPageNumbersEndAtTheFirstHeadingAgain() {
        for entries in [["第一部分 部门概况\t3", "第二部分 2024年度部门决算表\t5"],
                        ["第一部分 部门概况……………3", "第二部分 2024年度部门决算表……5"],
                        ["第一部分 部门概况 ·········· 3", "第二部分 2024年度部门决算表 ········ 5"],
                        ["第一部分 部门概况", "第二部分 2024年度部门决算表"]] {
            let document = document(toc: entries)
            XCTAssertTrue(document.contains("表 公开01"), entries[0])
            XCTAssertTrue(document.contains("说明 第一部分 部门概况") || document.contains("说明 一、部门职责"), entries[0])
        }
    }

    func testATableEndsATableOfContentsWhoseHeadingsTheBodyWordsOtherwise() {
        // The body's first heading differs from the entry (`第一部分 单位概况`): the table ends it.
        let document = Importer.importReport("目录\n第一部分 单位概况\t3\n" + Self.body.replacingOccurrences(of: "第一部分 部门概况", with: "第一部分 概况") + "\n").document
        XCTAssertTrue(document.contains("表 公开01"))
    }

    func testAPageNumberIsStrippedOnlyAfterLeadersOrABlank() {
        XCTAssertEqual(TextTools.tableOfContentsEntry("第一部分 部门概况……3"), "第一部分 部门概况")
        XCTAssertEqual(TextTools.tableOfContentsEntry("第一部分 部门概况\t12"), "第一部分 部门概况")
        XCTAssertEqual(TextTools.tableOfContentsEntry("二、2024年度部门决算表 7"), "二、2024年度部门决算表")
        XCTAssertEqual(TextTools.tableOfContentsEntry("第三部分 2024"), "第三部分")
        XCTAssertEqual(TextTools.tableOfContentsEntry("公开2024"), "公开2024")
    }
}
