import Foundation
import XCTest
@testable import JuesuanImport
import JuesuanChecks
import JuesuanFormat
import JuesuanSyntax

/// Every layout of import-layouts.md, each with a fixture written in that shape (invented figures),
/// and the rows the import must give.
final class LayoutTests: XCTestCase {
    func rows(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let result = Importer.importReport(text)
        XCTAssertFalse(Formatter.format(result.document).changed, "the import is not in the formatter's layout", file: file, line: line)
        XCTAssertEqual(Importer.importReport(text).document, result.document, file: file, line: line)
        return ImporterTests.importedRows(result.document)
    }

    func lines(_ document: String) -> [String] { document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: Tables

    func testOneCellPerLineWithBarsAndLetterSpacedHeadings() {
        let text = """
        某县文化旅游局2024年度部门决算
        一般公共预算财政拨款“三公”经费支出决算表
        单位:万元
        |
        项 目 |
        预 算 数 |
        决 算 数 |
        |
        合 计 |
        12 |
        9.40 |
        |
        因公出国（境）费 |
        0 |
        0.00 |
        |
        公务接待费 |
        2 |
        1.35 |
        |
        公务用车购置及运行维护费 |
        10 |
        8.05 |
        """
        XCTAssertEqual(rows(text), ["公开09|||合计|12 9.40", "公开09|||因公出国（境）费|0 0.00", "公开09|||公务接待费|2 1.35", "公开09|||公务用车购置及运行维护费|10 8.05"])
        XCTAssertEqual(Importer.importReport(text).summary.unit, "万元")
    }

    func testBarRowsOnOneLineAndNoTitleGiveACustomTable() {
        let text = """
        某县文化旅游局2024年度部门决算
        一、其他说明
        会议费和培训费支出表
        | 项目 | 预算数 | 决算数 |
        | 培训费 | 6 | 5.50 |
        | 会议费 | 3 | 2.75 |
        """
        XCTAssertEqual(rows(text), ["附表1|||培训费|6 5.50", "附表1|||会议费|3 2.75"])
        let document = Importer.importReport(text).document
        XCTAssertTrue(document.contains("表 附表1 会议费和培训费支出表\n列 预算数 决算数\n"), document)
    }

    func testABarInProseIsNotATable() {
        let text = """
        某县文化旅游局2024年度部门决算
        一、其他说明
        本年度无“三公”经费支出 |
        详见附表。
        """
        XCTAssertEqual(rows(text), [])
        XCTAssertTrue(Importer.importReport(text).document.contains("本年度无“三公”经费支出 |"))
    }

    func testOneCellPerLineWithoutSeparatorsUnderATitle() {
        let text = """
        某县档案馆2024年度部门决算
        支出决算表
        公开03表
        单位：万元
        项目
        本年支出合计
        基本支出
        项目支出
        合计
        88.20
        60.10
        28.10
        201
        一般公共服务支出
        68.20
        40.10
        28.10
        208
        社会保障和就业支出
        20.00
        20.00
        0.00
        注：本表反映部门本年度各项支出情况。
        """
        XCTAssertEqual(rows(text), ["公开03|||合计|88.20 60.10 28.10 - - -", "公开03||201|一般公共服务支出|68.20 40.10 28.10 - - -",
                                    "公开03||208|社会保障和就业支出|20.00 20.00 0.00 - - -"])
        XCTAssertTrue(Importer.importReport(text).document.contains("// 注：本表反映部门本年度各项支出情况。"))
    }

    func testOneCellPerLineTwoSidedTableWithRowNumbers() {
        let text = """
        某县档案馆2024年度部门决算
        收入支出决算总表
        公开01表
        金额单位：万元
        项目
        行次
        金额
        项目
        行次
        金额
        一、一般公共预算财政拨款收入
        1
        50.00
        一、一般公共服务支出
        32
        45.00
        二、政府性基金预算财政拨款收入
        2
        0.00
        二、社会保障和就业支出
        33
        5.00
        本年收入合计
        6
        50.00
        本年支出合计
        57
        50.00
        总计
        12
        50.00
        总计
        64
        50.00
        """
        XCTAssertEqual(rows(text), ["公开01|收入||一、一般公共预算财政拨款收入|50.00", "公开01|收入||二、政府性基金预算财政拨款收入|0.00",
                                    "公开01|收入||本年收入合计|50.00", "公开01|收入||总计|50.00",
                                    "公开01|支出||一、一般公共服务支出|45.00", "公开01|支出||二、社会保障和就业支出|5.00",
                                    "公开01|支出||本年支出合计|50.00", "公开01|支出||总计|50.00"])
    }

    func testBlankSeparatedTwoSidedRowsWithWrappedLabels() {
        let text = """
        某县档案馆2024年度部门决算
        财政拨款收入支出决算总表
        公开04表
        单位：万元
        收入                                     支出
        项目                        金额          项目                         决算数    一般公共预算财政拨款    政府性基金预算财政拨款    国有资本经营预算财政拨款
        一般公共预算财政拨款
        收入                        40.00         一般公共服务支出             36.00     36.00     0.00     0.00
        政府性基金预算财政拨款
        收入                        0.00          卫生健康支出                 4.00      4.00      0.00     0.00
        本年收入合计                40.00         本年支出合计                 40.00     40.00     0.00     0.00
        总计                        40.00         总计                         40.00     40.00     0.00     0.00
        """
        XCTAssertEqual(rows(text), ["公开04|收入||一般公共预算财政拨款收入|40.00", "公开04|收入||政府性基金预算财政拨款收入|0.00",
                                    "公开04|收入||本年收入合计|40.00", "公开04|收入||总计|40.00",
                                    "公开04|支出||一般公共服务支出|36.00 36.00 0.00 0.00", "公开04|支出||卫生健康支出|4.00 4.00 0.00 0.00",
                                    "公开04|支出||本年支出合计|40.00 40.00 0.00 0.00", "公开04|支出||总计|40.00 40.00 0.00 0.00"])
    }

    func testWrappedLabelWhoseRestHoldsTheFigures() {
        let text = """
        某县档案馆2024年度部门决算
        支出决算表
        公开03表
        单位：万元
        项目          本年支出合计    基本支出    项目支出
        合计          16.00           15.00       1.00
        208           社会保障和
        就业支出      12.00           11.00       1.00
        210           卫生健康支出    4.00        4.00        0.00
        一般公共预算财政拨款
        收入          4.00            4.00        0.00
        """
        XCTAssertEqual(rows(text), ["公开03|||合计|16.00 15.00 1.00 - - -", "公开03||208|社会保障和就业支出|12.00 11.00 1.00 - - -",
                                    "公开03||210|卫生健康支出|4.00 4.00 0.00 - - -", "公开03|||一般公共预算财政拨款收入|4.00 4.00 0.00 - - -"])
    }

    func testTwoSidedTableWithAllIncomeRowsThenAllExpenditureRows() {
        let text = """
        某县档案馆2024年度部门决算
        收入支出决算总表
        公开01表
        单位：万元
        项目\t行次\t金额
        一、一般公共预算财政拨款收入\t1\t30.50
        本年收入合计\t6\t30.50
        总计\t12\t30.50
        项目\t行次\t决算数
        一、一般公共服务支出\t32\t30.50
        本年支出合计\t57\t30.50
        总计\t64\t30.50
        """
        XCTAssertEqual(rows(text), ["公开01|收入||一、一般公共预算财政拨款收入|30.50", "公开01|收入||本年收入合计|30.50", "公开01|收入||总计|30.50",
                                    "公开01|支出||一、一般公共服务支出|30.50", "公开01|支出||本年支出合计|30.50", "公开01|支出||总计|30.50"])
    }

    // MARK: Prose

    static let prose = """
    某县档案馆2024年度部门决算
    首页 > 信息公开 > 部门决算
    字体:[ 大 中 小 ]
    日期:2025-09-01
    第二部分 2024年度部门决算情况说明
    一、收入支出决算总体情况说明
    2024年度收、支总计均为 1 204.30 万元，与上年相比，收、支总计各增加 86.45 万 元，增长7.73%。主要原因是档案数字化项目在本年度集中实施，相关的设备购置和服务采购支出较上年增加 12.40
    — 5 —
    万元，人员支出基本持平。
    二、收入决算情况说明本年收入合计1204.30万元。
    （二）支出决算情况说明2024年度本年支出合计１２．５０万元，其中基本支出１０．００万元。
    三、其他说明
    本單位2024年度決算總計130.00萬元，與上年相比增長5.00萬元。
    第 6 页
    打印本页
    关闭窗口
    """

    func testPageBreakFigureBlanksAndFullWidthDigits() {
        let document = Importer.importReport(LayoutTests.prose).document
        let all = lines(document)
        XCTAssertTrue(all.contains("2024年度收、支总计均为 1204.30 万元，与上年相比，收、支总计各增加 86.45 万元，增长7.73%。主要原因是档案数字化项目在本年度集中实施，相关的设备购置和服务采购支出较上年增加 12.40万元，人员支出基本持平。"), document)
        // The footer is kept, after the re-joined sentence.
        XCTAssertTrue(all.contains("// — 5 —"))
        XCTAssertTrue(all.contains("// 第 6 页"))
        XCTAssertTrue(all.contains("2024年度本年支出合计12.50万元，其中基本支出10.00万元。"), document)
        // Traditional script is kept as published.
        XCTAssertTrue(all.contains("本單位2024年度決算總計130.00萬元，與上年相比增長5.00萬元。"))
        XCTAssertFalse(Formatter.format(document).changed)
    }

    func testFullWidthDigitsAndTheirMarks() {
        XCTAssertEqual(LayoutNormaliser.fullWidthDigits("合计１，２３４．５０万元，占８５％"), "合计1,234.50万元，占85％")
        XCTAssertEqual(LayoutNormaliser.fullWidthDigits("第１，２季度"), "第1，2季度")
        XCTAssertEqual(LayoutNormaliser.fullWidthDigits("一、收入．支出"), "一、收入．支出")
        XCTAssertEqual(LayoutNormaliser.closeFigureBlanks("增加 1 204.30 万元，为 86.45 万 元，占 12 .5 %"), "增加 1204.30 万元，为 86.45 万元，占 12.5%")
        // Not a figure with blanks: two numbers of a list, a year and a count.
        XCTAssertEqual(LayoutNormaliser.closeFigureBlanks("2024 年 3 个项目，12 345 人"), "2024 年 3 个项目，12 345 人")
    }

    func testHeadingsGluedToTheirParagraphAreSplit() {
        let all = lines(Importer.importReport(LayoutTests.prose).document)
        XCTAssertTrue(all.contains("说明 二、收入决算情况说明"), "\(all)")
        XCTAssertTrue(all.contains("本年收入合计1204.30万元。"))
        XCTAssertTrue(all.contains("（二）支出决算情况说明"))
        // Not split: a title word in the middle of a title, or a heading followed by punctuation.
        XCTAssertEqual(LayoutNormaliser.splitGluedHeading("十、其他需要说明的情况"), ["十、其他需要说明的情况"])
        XCTAssertEqual(LayoutNormaliser.splitGluedHeading("（一）情况说明：本年无此项。"), ["（一）情况说明：本年无此项。"])
        XCTAssertEqual(LayoutNormaliser.splitGluedHeading("本年收入情况说明2024年度…"), ["本年收入情况说明2024年度…"])
    }

    func testWebFurnitureIsKeptAsCommentsAndNeverChecked() {
        let result = Importer.importReport(LayoutTests.prose)
        let all = lines(result.document)
        for furniture in ["// 首页 > 信息公开 > 部门决算", "// 字体:[ 大 中 小 ]", "// 日期:2025-09-01", "// 打印本页", "// 关闭窗口"] {
            XCTAssertTrue(all.contains(furniture), furniture)
        }
        XCTAssertEqual(result.summary.department, "某县档案馆")
        let analysis = Analysis(text: result.document)
        for diagnostic in analysis.diagnostics {
            let line = all[analysis.source.position(of: diagnostic.range.start).line]
            XCTAssertFalse(line.hasPrefix("//"), "\(diagnostic.code) on furniture: \(line)")
        }
        // Not furniture: report text that mentions a date or a source.
        XCTAssertFalse(LayoutNormaliser.isFurniture("资金来源：一般公共预算财政拨款。"))
        XCTAssertFalse(LayoutNormaliser.isPageMarker("2024"))
        XCTAssertTrue(LayoutNormaliser.isPageMarker("- 12 -"))
        XCTAssertTrue(LayoutNormaliser.isPageMarker("第5页 共20页"))
    }

    func testFiguresInProseAreCountedAsPlaced() {
        let coverage = Importer.importReport(LayoutTests.prose).summary.coverage
        XCTAssertEqual(coverage.inComments, [])
        XCTAssertEqual(coverage.inProse, 9)
    }

    func testAnnexesAfterTheGlossaryAreReportText() {
        for annex in ["附件", "附件1：档案数字化项目绩效评价报告", "第五部分 附件", "五部分 附件"] {
            let text = """
            某县档案馆2024年度部门决算
            第四部分 名词解释
            一、财政拨款收入：指本级财政当年拨付的资金。
            \(annex)
            一、项目概况
            项目预算 15.50 万元，实际支出 15.20 万元，执行率 98.06%。
            """
            let result = Importer.importReport(text)
            let tree = Parser.parse(result.document)
            XCTAssertEqual(tree.glossaries.flatMap(\.entries).map(\.term.text), ["财政拨款收入"], annex)
            XCTAssertTrue(result.document.contains("\n项目预算 15.50 万元，实际支出 15.20 万元，执行率 98.06%。\n"), annex)
            XCTAssertEqual(result.summary.coverage.inProse, 3, annex)
            XCTAssertEqual(result.summary.coverage.inComments, [], annex)
        }
    }

    func testEveryNumberingStyleOfSections() {
        for (style, first, second, sub) in [("1.", "1.", "2.", "（1）"), ("1、", "1、", "2、", "(1)"), ("（一）", "（一）", "（二）", "1."), ("(一)", "(一)", "(二)", "1、")] {
            let text = """
            某县档案馆2024年度部门决算
            \(first)收入支出决算总体情况说明
            本年收入合计 30.50 万元。
            \(sub)基本支出情况
            基本支出 25.50 万元。
            \(second)其他重要事项
            无。
            """
            let document = Importer.importReport(text).document
            let titles = Parser.parse(document).narratives.compactMap { $0.title?.text }
            XCTAssertEqual(titles, ["\(first)收入支出决算总体情况说明", "\(second)其他重要事项"], style)
            XCTAssertTrue(lines(document).contains("\(sub)基本支出情况"), style)
        }
        // With `一、` sections the other styles number sub-sections and stay in the prose.
        let text = """
        某县档案馆2024年度部门决算
        第一部分 部门概况
        一、部门职责
        （一）主要职能
        负责档案工作。
        二、机构设置
        """
        let titles = Parser.parse(Importer.importReport(text).document).narratives.compactMap { $0.title?.text }
        XCTAssertEqual(titles, ["第一部分 部门概况", "一、部门职责", "二、机构设置"])
    }
}

/// Self-evaluation funds blocks with their 其中 rows, and goal rows, in the two published layouts.
final class SelfEvaluationLayoutTests: XCTestCase {
    func performanceLines(_ text: String) -> [String] {
        Importer.importReport(text).document.split(separator: "\n").map(String.init)
            .filter { ["资金 ", "其中 ", "执行率 ", "年度目标 "].contains(where: $0.hasPrefix) }
    }

    func testFundsBlockOf2022LayoutWithItsSources() {
        let text = """
        某县档案馆2024年度部门决算
        项目支出绩效自评表
        \t项目名称\t档案数字化经费
        \t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
        \t年度资金总额\t12\t15.5\t15.2\t10\t98.06\t9.8
        \t其中：本年财政拨款\t10\t13.5\t13.2\t—\t97.78\t—
        \t上年结转资金\t2\t2\t2\t—\t100\t—
        年度总体目标\t预期目标\t\t实际完成情况
        \t完成馆藏档案数字化\t\t完成3万卷档案数字化
        """
        XCTAssertEqual(performanceLines(text), [
            "资金 年初预算数 12 全年预算数 15.5 全年执行数 15.2",
            "执行率 98.06% 分值 10 得分 9.8",
            "其中 本年财政拨款 年初预算数 10 全年预算数 13.5 全年执行数 13.2 执行率 97.78%",
            "其中 上年结转资金 年初预算数 2 全年预算数 2 全年执行数 2 执行率 100%",
            "年度目标 完成馆藏档案数字化 完成情况 完成3万卷档案数字化",
        ])
        XCTAssertEqual(Importer.importReport(text).summary.coverage.inComments, [])
    }

    func testFundsBlockOfHebeiLayoutWithProgressAndGoals() {
        let text = """
        某县档案馆2024年度部门决算
        2024年度预算项目绩效自评表
        一、基本情况\t项目名称\t档案保护经费\t\t项目级次\t本级
        二、预算执行情况\t预算安排情况(调整后)\t\t资金到位情况\t\t资金执行情况\t\t预算执行进度(%)
        \t预算数\t20.000000\t到位数\t20.000000\t执行数\t18.500000\t92.5
        \t其中:财政资金\t20.000000\t其中:财政资金\t20.000000\t其中:财政资金\t18.500000
        \t其他\t0\t其他\t0\t其他\t0
        三、目标完成情况\t年度预期目标\t\t具体完成情况\t\t总体完成率(%)
        \t\t完成档案修复\t\t修复档案800卷\t\t92.50
        预算执行率\t预算执行率\t\t10\t\t9.25
        """
        XCTAssertEqual(performanceLines(text), [
            "资金 全年预算数 20.000000 到位数 20.000000 全年执行数 18.500000",
            "其中 财政资金 全年预算数 20.000000 到位数 20.000000 全年执行数 18.500000",
            "其中 其他 全年预算数 0 到位数 0 全年执行数 0",
            "年度目标 完成档案修复 完成情况 修复档案800卷 完成率 92.50%",
            "执行率 92.5% 分值 10 得分 9.25",
        ])
    }

    func testARowThatIsNotASourceOfTheFundsStaysAComment() {
        let text = """
        某县档案馆2024年度部门决算
        项目支出绩效自评表
        \t项目名称\t档案数字化经费
        \t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
        \t年度资金总额\t12\t15.5\t15.2\t10\t98.06\t9.8
        \t年度总体目标\t完成数字化
        """
        XCTAssertFalse(performanceLines(text).contains { $0.hasPrefix("其中") })
    }

    func blockLines(_ text: String) -> [String] {
        Importer.importReport(text).document.split(separator: "\n").map(String.init)
            .filter { line in ["绩效 ", "主管部门 ", "实施单位 ", "资金 ", "其中 ", "执行率 ", "年度目标 ", "指标 ", "总分 "].contains(where: line.hasPrefix) }
    }

    static let expectedOneLine = [
        "绩效 档案数字化经费", "主管部门 某县档案馆", "实施单位 某县档案馆",
        "资金 年初预算数 12 全年预算数 15.5 全年执行数 15.2", "执行率 98.06% 分值 10 得分 9.8",
        "其中 本年财政拨款 年初预算数 10 全年预算数 13.5 全年执行数 13.2 执行率 97.78%",
        "其中 上年结转资金 年初预算数 2 全年预算数 2 全年执行数 2 执行率 100%",
        "年度目标 完成馆藏档案数字化 完成情况 完成3万卷档案数字化",
        "指标 产出指标/数量指标/数字化卷数 目标 ≥3万卷 实际 3万卷 分值 20 得分 20",
        "指标 产出指标/时效指标/完成时限 目标 2024年12月 实际 2024年12月 分值 10 得分 10",
        "指标 效益指标/社会效益指标/查档利用率 目标 ≥90% 实际 85% 分值 30 得分 25 原因 利用宣传不足",
        "指标 满意度指标/服务对象满意度指标/查档群众满意度 目标 ≥95% 实际 96% 分值 30 得分 30",
        "总分 100 95",
    ]

    func testSelfEvaluationFlattenedOntoOneLine() {
        let text = """
        某县档案馆2024年度部门决算
        三、项目绩效自评情况
        项目支出绩效自评表 项目名称 档案数字化经费 主管部门 某县档案馆 实施单位 某县档案馆 项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 12 15.5 15.2 10 98.06% 9.8 其中：本年财政拨款 10 13.5 13.2 — 97.78% — 上年结转资金 2 2 2 — 100% — 年度总体目标 预期目标 实际完成情况 完成馆藏档案数字化 完成3万卷档案数字化 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标 数量指标 数字化卷数 ≥3万卷 3万卷 20 20 时效指标 完成时限 2024年12月 2024年12月 10 10 效益指标 社会效益指标 查档利用率 ≥90% 85% 30 25 利用宣传不足 满意度指标 服务对象满意度指标 查档群众满意度 ≥95% 96% 30 30 总分 100 95
        四、其他
        """
        XCTAssertEqual(blockLines(text), SelfEvaluationLayoutTests.expectedOneLine)
        let result = Importer.importReport(text)
        XCTAssertEqual(result.summary.coverage.inComments, [])
        XCTAssertFalse(Formatter.format(result.document).changed)
        XCTAssertTrue(result.document.contains("\n说明 四、其他"))
    }

    func testSelfEvaluationOneCellALineAndBlankSeparated() {
        let cells = ["项目名称", "档案保护经费", "主管部门", "某县档案馆", "实施单位", "某县档案馆", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
                     "年度资金总额", "8", "8", "7.6", "10", "95%", "9.5", "其他资金", "0", "0", "0", "—", "—", "—",
                     "年度总体目标", "预期目标", "实际完成情况", "修复破损档案", "修复档案800卷",
                     "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
                     "产出指标", "数量指标", "修复卷数", "≥800卷", "800卷", "40", "40",
                     "效益指标", "可持续影响指标", "档案保存年限", "≥50年", "50年", "40", "35", "材料老化", "总分", "90", "84.5"]
        let expected = ["绩效 档案保护经费", "主管部门 某县档案馆", "实施单位 某县档案馆", "资金 年初预算数 8 全年预算数 8 全年执行数 7.6",
                        "执行率 95% 分值 10 得分 9.5", "其中 其他资金 年初预算数 0 全年预算数 0 全年执行数 0", "年度目标 修复破损档案 完成情况 修复档案800卷",
                        "指标 产出指标/数量指标/修复卷数 目标 ≥800卷 实际 800卷 分值 40 得分 40",
                        "指标 效益指标/可持续影响指标/档案保存年限 目标 ≥50年 实际 50年 分值 40 得分 35 原因 材料老化", "总分 90 84.5"]
        let oneCellALine = "某县档案馆2024年度部门决算\n项目支出绩效自评表\n" + cells.joined(separator: "\n") + "\n四、其他说明\n"
        XCTAssertEqual(blockLines(oneCellALine), expected)
        // The same table as PDF text: rows of cells separated by runs of blanks.
        let rows = [["项目名称", "档案保护经费"], ["主管部门", "某县档案馆", "实施单位", "某县档案馆"], ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                    ["年度资金总额", "8", "8", "7.6", "10", "95%", "9.5"], ["其他资金", "0", "0", "0", "—", "—", "—"],
                    ["年度总体目标", "预期目标", "实际完成情况"], ["", "修复破损档案", "修复档案800卷"],
                    ["", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
                    ["", "产出指标", "数量指标", "修复卷数", "≥800卷", "800卷", "40", "40"],
                    ["", "效益指标", "可持续影响指标", "档案保存年限", "≥50年", "50年", "40", "35", "材料老化"], ["总分", "90", "84.5"]]
        let spaced = "某县档案馆2024年度部门决算\n项目支出绩效自评表\n" + rows.map { $0.joined(separator: "    ") }.joined(separator: "\n") + "\n\n四、其他说明\n"
        XCTAssertEqual(blockLines(spaced), expected)
    }

    func testProseAfterATitleIsNotTakenForASelfEvaluation() {
        let text = """
        某县档案馆2024年度部门决算
        项目支出绩效自评表
        本年度无项目支出，不填报此表。
        """
        XCTAssertEqual(blockLines(text).filter { !$0.hasPrefix("绩效") }, [])
        XCTAssertTrue(Importer.importReport(text).document.contains("本年度无项目支出，不填报此表。"))
    }
}
