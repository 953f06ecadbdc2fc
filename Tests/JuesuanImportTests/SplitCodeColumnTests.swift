import XCTest
@testable import JuesuanImport

/// 类, 款 and 项 printed in columns of their own (a layout of the official templates, in Word
/// tables and in PDF text): the 款 and 项 digits are the rest of the row's code (session 31: a
/// .docx and a PDF probe lost every 款 and 项 code of 公开05 to the label).
final class SplitCodeColumnTests: XCTestCase {
    /// The imported rows that start with a code.
    func rows(_ text: String) -> [String] { ImporterTests.importedLines(text).filter { $0.first.map { ("0"..."9").contains($0) } == true } }

    func testTabSeparatedColumnsWithAnEmptyItemCell() {
        let text = """
        某县医疗保障局2024年度部门决算
        一般公共预算财政拨款支出决算表
        公开05表
        金额单位：万元
        类\t款\t项\t科目名称\t小计\t基本支出\t项目支出
        \t\t\t合计\t24.07\t24.07\t
        210\t\t\t卫生健康支出\t24.07\t24.07\t
        210\t11\t\t行政事业单位医疗\t24.07\t24.07\t
        210\t11\t01\t行政单位医疗\t24.07\t24.07\t
        """
        XCTAssertEqual(rows(text), ["210 卫生健康支出 24.07 24.07 -", "21011 行政事业单位医疗 24.07 24.07 -", "2101101 行政单位医疗 24.07 24.07 -"])
    }

    func testBlankSeparatedColumnsOfPDFText() {
        let text = """
        某县第一中学2024年度部门决算
        一般公共预算财政拨款支出决算表
        公开05表
        金额单位：万元
                 类     款    项   科目名称          小计        基本支出       项目支出
                                   合计              5,187.88   3,393.05   1,794.83
                205              教育支出                     5,187.88   3,393.05   1,794.83
                205    02        普通教育                     5,187.88   3,393.05   1,794.83
                205    02   04   高中教育                     5,187.88   3,393.05   1,794.83
        """
        XCTAssertEqual(rows(text), ["205 教育支出 5,187.88 3,393.05 1,794.83", "20502 普通教育 5,187.88 3,393.05 1,794.83",
                                    "2050204 高中教育 5,187.88 3,393.05 1,794.83"])
    }

    func testAJoinedCodeIsLeftAlone() {
        let text = """
        某县医疗保障局2024年度部门决算
        一般公共预算财政拨款支出决算表
        公开05表
        金额单位：万元
        科目编码\t科目名称\t小计\t基本支出\t项目支出
        \t合计\t24.07\t24.07\t
        210\t卫生健康支出\t24.07\t24.07\t
        21011\t行政事业单位医疗\t24.07\t24.07\t
        2101101\t行政单位医疗\t24.07\t24.07\t
        """
        XCTAssertEqual(rows(text), ["210 卫生健康支出 24.07 24.07 -", "21011 行政事业单位医疗 24.07 24.07 -", "2101101 行政单位医疗 24.07 24.07 -"])
    }
}
