import JuesuanChecks
import JuesuanSyntax
import XCTest

/// T801: stale years.
final class TextHygieneYearTests: XCTestCase {
    func stale(_ prose: String, year: Int = 2024) -> [String] {
        hygiene("说明 一、情况说明\n\(prose)\n", year: year).hygieneTexts("T801")
    }

    func testStaleYearsAreFlaggedWithTheReportYearAsFix() throws {
        XCTAssertEqual(stale("本部门2021年度收入总计363.59万元。"), ["2021"])
        XCTAssertEqual(stale("开展2021年项目绩效自评的项目数量/2021年县级预算部门项目总数×3分；", year: 2023), ["2021", "2021"])
        XCTAssertEqual(stale("填列 2016 年全部结转和结余的资金数。"), ["2016"], "blanks between the digits and 年")
        let analysis = hygiene("说明 一、情况说明\n本部门2020 年度支出合计1.00万元。\n")
        let finding = try XCTUnwrap(analysis.findings("T801").first)
        XCTAssertEqual(analysis.text(of: finding), "2020")
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "2024")
        XCTAssertEqual(finding.fix?.isSafe, false)
        XCTAssertTrue(finding.message.contains("2020 年度") && finding.message.contains("2024"), finding.message)
    }

    /// The hygiene rules read the prose front-end's normalised text: full-width digits and
    /// traditional characters are the same words (the finding still points at what is written).
    func testFullWidthAndTraditionalTextIsRead() throws {
        let analysis = hygiene("说明 一、情况说明\n本部門２０２０年度支出合計1.00萬元。\n")
        let finding = try XCTUnwrap(analysis.findings("T801").first)
        XCTAssertEqual(analysis.text(of: finding), "２０２０")
        XCTAssertTrue(finding.message.contains("２０２０年度"), finding.message)
    }

    func testLastYearOnlyWhereItCanOnlyMeanThisYear() {
        XCTAssertEqual(stale("纳入2023年度部门决算编制范围的单位共1个。"), ["2023"])
        XCTAssertEqual(stale("第三部分 2023年度部门决算情况说明"), ["2023"])
        XCTAssertEqual(stale("截至2023年12月31日，本部门共有车辆2辆。"), ["2023"])
        XCTAssertEqual(stale("截至2022年底，本部门共有车辆2辆。"), ["2022"])
        // Last year where the text speaks of it.
        XCTAssertEqual(stale("本年支付了2023年度医疗救助、城乡居民医疗保险补助。"), [])
        XCTAssertEqual(stale("2023年度决算数为335.79万元，本年增加27.80万元。"), [])
        XCTAssertEqual(stale("珠山区医疗保障局2023年单位结余项目绩效评价。"), [])
        XCTAssertEqual(stale("与2023年度部门决算相比，收支各增加6682.50万元。"), [])
    }

    func testDocumentNumbersAndTitlesAreNotYears() {
        XCTAssertEqual(stale("根据《关于下达2022年省级财政困难群众基本生活补助资金的通知》（冀财社〔2022〕178号）执行。"), [])
        XCTAssertEqual(stale("关于下达 2022 年省级财政困难群众基本生活补助资金的通知（冀财社【2022】178 号）项目绩效自评。"), [])
        XCTAssertEqual(stale("依据珠府发[2021]7号、（2020）12号文件。"), [])
        XCTAssertEqual(stale("组织对“关于下达 2021 年省级财政困难群众基本"), [], "a quotation broken across lines")
        XCTAssertEqual(stale("提前下达 2022 年省级财政城乡居民医保村级代办员补助资金4.00万元。"), [])
    }

    func testComparisonsSpansPlansAndHistoryAreNotStale() {
        XCTAssertEqual(stale("与2022年度相比，收支总计各减少342.67万元。"), [])
        XCTAssertEqual(stale("较 2022 年度减少 5.22 万元。"), [])
        XCTAssertEqual(stale("比2022年增加0.46万元。"), [])
        XCTAssertEqual(stale("支出与2022年同期基本持平。"), [])
        XCTAssertEqual(stale("2021—2025年医疗保障规划顺利推进。"), [])
        XCTAssertEqual(stale("2021年至2025年医疗保障规划顺利推进。"), [])
        XCTAssertEqual(stale("“十四五”期间，2021年起逐年提高补助标准。"), [])
        XCTAssertEqual(stale("松潘县医疗保障局成立于2019年，现有在编在岗人员22人。"), [])
        XCTAssertEqual(stale("2019年3月组建本局。"), [])
        XCTAssertEqual(stale("医保中心 2022 年支出了 2021 年结转的部分公车运行维护费。", year: 2023), [])
        XCTAssertEqual(stale("使用2021年结余资金2.00万元。"), [])
        XCTAssertEqual(stale("2025年将继续推进医保支付方式改革。"), [], "a plan")
        XCTAssertEqual(stale("2024年度收入总计363.59万元。"), [], "the report's own year")
        XCTAssertEqual(stale("科目2080505、12019年、20190年。"), [], "digits of a longer number are no year")
        XCTAssertEqual(stale("20世纪90年代、2010年代以来的政策。"), [], "a decade")
    }

    func testOtherTextsAreRead() {
        let glossary = hygiene("名词解释\n上年结转和结余：填列 2016 年全部结转和结余的资金数。\n")
        XCTAssertEqual(glossary.hygieneTexts("T801"), ["2016"])
        let title = hygiene("说明 2020年度部门决算情况说明\n本年收入合计1.00万元。\n")
        XCTAssertEqual(title.hygieneTexts("T801"), ["2020"])
        // A 绩效 block's name may be an old project's (a 2022 carry-over) and is not read.
        let performance = hygiene("绩效 2021年城乡居民医疗保险缴费县级配套\n资金 年初预算数 1 全年预算数 1 全年执行数 1\n")
        XCTAssertEqual(performance.hygieneTexts("T801"), [])
    }
}
