import XCTest
@testable import JuesuanImport

/// PDF text (`pdftotext -layout`) of tables printed by a generator the seeds do not show
/// (session 31, a Chromium PDF of a school's report): an amount right-aligned in its cell keeps
/// one blank before the next cell, and a table printed over two pages has a page footer and its
/// head again between its rows.
final class PDFPageLayoutTests: XCTestCase {
    func body(_ text: String) -> [String] { ImporterTests.importedLines(text) }

    func testAnAmountAndTheNextColumnsLabelWithOneBlankBetweenAreTwoCells() {
        let text = """
        某县第一中学2024年度部门决算
        收入支出决算总表
        公开01表
        部门：某县第一中学                        2024年度                       金额单位：万元
              项目                              行次     金额     项目                       行次     金额
              一、一般公共预算财政拨款收入                1       100.00 五、教育支出                       36     80.00
              二、其他收入                               2        20.00 八、社会保障和就业支出                39     40.00
              本年收入合计                               3       120.00 本年支出合计                       56    120.00
              总计                                       4       120.00 总计                               60    120.00
        """
        let lines = body(text)
        for row in ["一、一般公共预算财政拨款收入 100.00", "本年收入合计 120.00", "五、教育支出 80.00", "本年支出合计 120.00"] {
            XCTAssertTrue(lines.contains(row), row)
        }
        XCTAssertEqual(lines.filter { $0 == "总计 120.00" }.count, 2)
    }

    func testAnAmountBeforeAUnitStaysOneCell() {
        XCTAssertEqual(TextTools.cells("单价  12.40 万元以上设备  3"), ["单价", "12.40 万元以上设备", "3"])
        XCTAssertEqual(TextTools.cells("生活补助  12.46 30228  工会经费"), ["生活补助", "12.46", "30228", "工会经费"])
        // A figure the extraction split (`8.48 4163`, repaired later) is no code after an amount.
        XCTAssertEqual(TextTools.cells("执行率  84.84%  分值  10  得分  8.48 4163"), ["执行率", "84.84%", "分值", "10", "得分", "8.48 4163"])
        XCTAssertEqual(TextTools.cells("报销次数  =2次  2.00 次  10.00"), ["报销次数", "=2次", "2.00 次", "10.00"])
    }

    func testAPageFooterAndTheHeadAgainDoNotEndATable() {
        let text = """
        某县第一中学2024年度部门决算
        一般公共预算财政拨款支出决算表
        公开05表
        部门：某县第一中学                        2024年度                       金额单位：万元
               科目编码          科目名称                  小计        基本支出       项目支出
                                 合计                      120.00        100.00        20.00
              205                教育支出                    80.00         60.00        20.00
              20502              普通教育                    80.00         60.00        20.00



                                                            — 7 —
        \u{0C}                  项   目

               科目编码          科目名称                  小计        基本支出       项目支出
                 类     款    项
              2050204            高中教育                    80.00         60.00        20.00
              208                社会保障和就业支出          40.00         40.00         0.00
        """
        let lines = body(text)
        XCTAssertTrue(lines.contains("20502 普通教育 80.00 60.00 20.00"), "\(lines)")
        XCTAssertTrue(lines.contains("2050204 高中教育 80.00 60.00 20.00"), "\(lines)")
        XCTAssertTrue(lines.contains("208 社会保障和就业支出 40.00 40.00 0.00"), "\(lines)")
    }
}
