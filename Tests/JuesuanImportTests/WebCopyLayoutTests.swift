import XCTest
@testable import JuesuanImport

/// A report published as a web page and copied from the browser (session 31's import probe):
/// a text-only view wraps long labels onto a line of their own, and Chrome copies no tab for the
/// empty cells that start a row.
final class WebCopyLayoutTests: XCTestCase {
    func body(_ text: String) -> [String] { ImporterTests.importedLines(text) }

    func testALabelsLastPieceOnALineOfItsOwnCompletesTheRowAbove() {
        let text = """
        某市应急管理局2024年度部门决算
        支出决算表
        公开03表
        金额单位：万元
        科目编码              科目名称                      本年支出合计  基本支出   项目支出
                              合计                          386.48        386.48     0.00
        208                   社会保障和就业支出            386.48        386.48     0.00
        20805                 行政事业单位养老支出          386.48        386.48     0.00
        2080505               机关事业单位基本养老保险缴费  291.74        291.74     0.00
                              支出
        2080506               机关事业单位职业年金缴费支出  94.74         94.74      0.00
        """
        let lines = body(text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("2080505 机关事业单位基本养老保险缴费支出 291.74 291.74 0.00") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("2080506 机关事业单位职业年金缴费支出 94.74 94.74 0.00") }, "\(lines)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("说明") && $0 != "说明" && !$0.contains("部门决算") }, "\(lines)")
    }

    func testATwoSidedRowsWrappedLabelOnEitherSide() {
        let text = """
        某市应急管理局2024年度部门决算
        收入支出决算总表
        公开01表
        金额单位：万元
        项目                          行次  金额      项目                          行次  金额
        一、一般公共预算财政拨款收入  1     100.00    八、社会保障和就业支出        36    20.00
        三、国有资本经营预算财政拨款  3     0.00      八、卫生健康支出              40    0.00
        收入
        四、上级补助收入              4     0.00      二十二、灾害防治及应急管理支  53    80.00
                                                      出
        本年收入合计                  27    100.00    本年支出合计                  58    100.00
        """
        let lines = body(text)
        for row in ["三、国有资本经营预算财政拨款收入 0.00", "二十二、灾害防治及应急管理支出 80.00", "本年支出合计 100.00"] {
            XCTAssertTrue(lines.contains(row), "\(row): \(lines)")
        }
    }

    func testARowWhoseLeadingEmptyCellsAChromeCopyDropped() {
        let text = """
        某市应急管理局2024年度部门决算
        财政拨款收入支出决算总表
        公开04表
        金额单位：万元
        收入\t\t\t支出
        项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款
        一、一般公共预算财政拨款\t1\t100.00\t八、社会保障和就业支出\t36\t20.00\t20.00\t0.00\t0.00
        4\t\t二十二、灾害防治及应急管理支出\t54\t80.00\t80.00\t0.00\t0.00
        30\t\t\t61\t
        本年收入合计\t27\t100.00\t本年支出合计\t59\t100.00\t100.00\t0.00\t0.00
        """
        let lines = body(text)
        XCTAssertTrue(lines.contains("二十二、灾害防治及应急管理支出 80.00 80.00 0.00 0.00"), "\(lines)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("30") || $0.hasPrefix("61") }, "\(lines)")
    }

    func testTheTotalsOfTheEconomicTableWithTheirLabelCellsMerged() {
        let text = """
        某市应急管理局2024年度部门决算
        一般公共预算财政拨款基本支出决算表
        公开06表
        金额单位：万元
        人员经费\t\t\t公用经费
        科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数
        301\t工资福利支出\t100.00\t302\t商品和服务支出\t20.00
        30101\t基本工资\t100.00\t30201\t办公费\t20.00
        人员经费合计\t100.00\t公用经费合计\t20.00
        """
        let lines = body(text)
        XCTAssertTrue(lines.contains("人员经费合计 100.00"), "\(lines)")
        XCTAssertTrue(lines.contains("公用经费合计 20.00"), "\(lines)")
    }

    func testThePortalsLinksAndFooterAreComments() {
        for line in ["【打印本页】【关闭窗口】", "[打印本页] [关闭窗口]", "主办单位：某市人民政府办公室", "网站标识码：3399000001　某ICP备05012345号-1",
                     "附件下载：某市应急管理局2024年度部门决算.pdf", "今天是：2025年9月3日 星期三"] {
            XCTAssertTrue(LayoutNormaliser.isFurniture(line), line)
        }
        XCTAssertFalse(LayoutNormaliser.isFurniture("附件：项目支出绩效自评表"))
        let text = """
        某市应急管理局2024年度部门决算
        第一部分 部门概况
        一、部门职责
        负责全市应急管理工作。
        【打印本页】【关闭窗口】
        相关信息
        某市应急管理局2024年度部门预算
        某市应急管理局2023年度部门决算
        """
        let document = Importer.importReport(text).document
        XCTAssertTrue(document.contains("// 某市应急管理局2023年度部门决算"), document)
        XCTAssertTrue(document.contains("负责全市应急管理工作。"), document)
    }
}
