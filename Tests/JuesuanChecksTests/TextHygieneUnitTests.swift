import JuesuanChecks
import JuesuanSyntax
import XCTest

/// T805: an amount without a unit; T806: a precision that differs from the rest of the report.
final class TextHygieneUnitTests: XCTestCase {
    func unitless(_ prose: String) -> [String] {
        hygiene("说明 一、情况说明\n\(prose)\n").hygieneTexts("T805")
    }

    func testAmountWithoutUnit() throws {
        let analysis = hygiene("说明 四、财政拨款支出决算情况说明\n2023年度一般公共预算支出决算数为1066.43，完成预算100%。\n", year: 2023)
        let finding = try XCTUnwrap(analysis.findings("T805").first)
        XCTAssertEqual(analysis.text(of: finding), "1066.43")
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertTrue(finding.message.contains("万元"), finding.message)
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "万元")
        XCTAssertEqual(finding.fix?.edits.first?.range, SourceRange(start: finding.range.end, end: finding.range.end))
        XCTAssertEqual(unitless("本年支出合计 1,066.43。"), ["1,066.43"])
        XCTAssertEqual(unitless("项目支出为：588.14；基本支出478.30万元。"), ["588.14"])
        let rate = hygiene("说明 一、情况说明\n预算执行率为99.93，得分9.99分。\n")
        XCTAssertEqual(rate.hygieneTexts("T805"), ["99.93"])
        XCTAssertTrue(rate.findings("T805")[0].message.contains("99.93%"))
    }

    func testFiguresThatNeedNoUnitOrHaveOne() {
        XCTAssertEqual(unitless("决算数为1066.43万元，完成预算100%，占54.89%，比上年增长3.94%。"), [])
        XCTAssertEqual(unitless("该项目绩效自评得分为98.5，等级为优。"), [], "a score")
        XCTAssertEqual(unitless("基本支出、项目支出分别为199.58、164.02万元。"), [], "a shared unit")
        XCTAssertEqual(unitless("本年收入合计 0.00 万\n元，比上年增加。"), [], "a unit broken onto the next line")
        XCTAssertEqual(unitless("支出决算为1.60\n万元，与预算持平。"), [])
        XCTAssertEqual(unitless("资产共2023年度，依据第3.2条，版本为V1.2，4.29 日召开会议。"), [])
        XCTAssertEqual(unitless("合计\t17,336.07\t407.89"), [], "a table pasted into the prose")
        XCTAssertEqual(unitless("调整系数为1.2，权重是0.3。"), [], "no money, no rate")
        XCTAssertEqual(unitless("共有车辆2辆，接待28人次，支出为1066，"), [], "whole numbers are not judged")
    }

    func precise(_ prose: String) -> [String] {
        hygiene("说明 一、情况说明\n\(prose)\n").hygieneTexts("T806")
    }

    func testFewerDecimalsThanTheReportFlagged() throws {
        let prose = "本年收入合计1066.43万元，财政拨款收入1048.02万元，年初结转18.41万元，人员经费456.99万元，公用经费21.31万元，基本支出478.3万元。"
        let analysis = hygiene("说明 一、情况说明\n\(prose)\n")
        let finding = try XCTUnwrap(analysis.findings("T806").first)
        XCTAssertEqual(analysis.text(of: finding), "478.3")
        XCTAssertEqual(finding.severity, .hint)
        XCTAssertTrue(finding.message.contains("2 位小数"), finding.message)
        XCTAssertEqual(precise("占87.02%，占3.16%，占44.85%，占55.15%，下降24.32%，占8.8%。"), ["8.8"])
    }

    func testNoClearMajorityOrMorePreciseFiguresAreNotFlagged() {
        XCTAssertEqual(precise("收入1066.43万元，支出1048.02万元，结余18.41万元，基本支出478.3万元。"), [], "fewer than five figures to the cent")
        XCTAssertEqual(precise("收入1066.43万元，支出1048.02万元，结余18.41万元，人员456.99万元，公用21.31万元，甲478.3万元，乙17.5万元。"), [], "5 of 7 is no clear majority")
        XCTAssertEqual(precise("收入1066.43万元，支出1048.02万元，结余18.41万元，人员456.99万元，公用21.31万元，全年预算数26.005万元。"), [], "more decimals lose nothing")
        XCTAssertEqual(precise("收入1066.43万元，支出1048.02万元，结余18.41万元，人员456.99万元，公用21.31万元，预算40万元，完成100%，占50.5%。"), [],
                       "whole numbers are not judged; percentages are their own kind")
        XCTAssertEqual(precise("收入1066.43万元，支出1048.02万元，结余18.41万元，人员456.99万元，公用21.31万元，参保3.5万人。"), [], "万人 is no amount")
    }
}
