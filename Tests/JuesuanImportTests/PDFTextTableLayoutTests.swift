import Foundation
import XCTest
@testable import JuesuanImport
import JuesuanFormat

/// Standard tables as `pdftotext -layout` prints them (invented figures): lines that print only the 支出
/// side, rows whose figures are all empty marks, the head repeated where the table goes on over a
/// page, and wide characters set unevenly so that one column starts at different places.
final class PDFTextTableLayoutTests: XCTestCase {
    func placed(_ cells: [(Int, String)]) -> String {
        var line = ""
        for (column, text) in cells {
            while line.count < column { line.append(" ") }
            line += text
        }
        return line
    }

    func document(_ title: String, _ marker: String, _ lines: [String], after: [String] = []) -> String {
        (["某县档案馆2024年度部门决算", title, marker, "单位：万元"] + lines + after).joined(separator: "\n") + "\n"
    }

    func rows(_ text: String) -> [String] {
        let document = Importer.importReport(text).document
        XCTAssertFalse(Formatter.format(document).changed)
        return ImporterTests.importedRows(document)
    }

    func head(shift: Int = 0) -> [String] {
        [placed([(16 + shift, "收入"), (52 + shift, "支出")]),
         placed([(8 + shift, "项目"), (22 + shift, "金额"), (44 + shift, "项目"), (58 + shift, "金额")]),
         placed([(8 + shift, "栏次"), (22 + shift, "1"), (44 + shift, "栏次"), (58 + shift, "2")])]
    }

    func testSummaryTableWithLinesOfOneSideEmptyMarksAndAPageBreak() {
        let page1 = head() + [
            placed([(0, "一、一般公共预算财政拨款收入"), (32, "52.40"), (40, "一、一般公共服务支出"), (64, "30.00")]),
            placed([(0, "二、政府性基金预算财政拨款收入"), (36, "-"), (40, "二、外交支出"), (68, "-")]),
            // An income-only line of empty marks whose label reads like a `四、…` heading.
            placed([(0, "四、上级补助收入"), (36, "-")]),
            placed([(0, "五、事业收入"), (33, "0.00"), (40, "八、社会保障和就业支出"), (64, "12.40")]),
            // 支出 only, its label set left of where the two-sided lines put it.
            placed([(34, "九、卫生健康支出"), (63, "10.00")]),
            placed([(34, "十、节能环保支出"), (67, "-")]),
        ]
        // The next page, after a form feed, repeats the head a column further right.
        let page2 = ["\u{0C}" + head(shift: 1)[0]] + head(shift: 1).dropFirst() + [
            placed([(35, "十九、住房保障支出"), (67, "-")]),
            placed([(0, "本年收入合计"), (32, "52.40"), (40, "本年支出合计"), (64, "52.40")]),
            placed([(0, "使用非财政拨款结余（含专用结余）"), (36, "-"), (40, "结余分配"), (68, "-")]),
            placed([(0, "年初结转和结余"), (33, "1.00"), (40, "年末结转和结余"), (65, "1.00")]),
            placed([(0, "总计"), (32, "53.40"), (40, "总计"), (64, "53.40")]),
        ]
        let text = document("收入支出决算总表", "公开01表", page1 + page2, after: ["", "二、收入决算情况说明", "本年收入合计52.40万元。"])
        XCTAssertEqual(rows(text), [
            "公开01|收入||一、一般公共预算财政拨款收入|52.40", "公开01|收入||二、政府性基金预算财政拨款收入|-",
            "公开01|收入||四、上级补助收入|-", "公开01|收入||五、事业收入|0.00",
            "公开01|收入||本年收入合计|52.40", "公开01|收入||使用非财政拨款结余（含专用结余）|-", "公开01|收入||年初结转和结余|1.00",
            "公开01|收入||总计|53.40",
            "公开01|支出||一、一般公共服务支出|30.00", "公开01|支出||二、外交支出|-", "公开01|支出||八、社会保障和就业支出|12.40",
            "公开01|支出||九、卫生健康支出|10.00", "公开01|支出||十、节能环保支出|-", "公开01|支出||十九、住房保障支出|-",
            "公开01|支出||本年支出合计|52.40", "公开01|支出||结余分配|-", "公开01|支出||年末结转和结余|1.00", "公开01|支出||总计|53.40",
        ])
        // The heading after the table (one cell, no figure) still ends it and opens a 说明.
        let imported = Importer.importReport(text).document
        XCTAssertTrue(imported.contains("说明 二、收入决算情况说明"), imported)
        XCTAssertFalse(imported.contains("无行名"), imported)
    }

    func testGrantSummaryWithExpenditureOnlyLinesOfFourFigures() {
        let lines = [
            placed([(10, "收入"), (60, "支出")]),
            placed([(6, "项目"), (20, "金额"), (36, "项目"), (46, "合计"), (56, "一般公共预算财政拨款"), (80, "政府性基金预算财政拨款"), (104, "国有资本经营预算财政拨款")]),
            placed([(0, "一、一般公共预算财政拨款"), (28, "8.60"), (38, "一、一般公共服务支出"), (60, "8.00"), (76, "8.00"), (100, "-"), (120, "-")]),
            placed([(0, "二、政府性基金预算财政拨款"), (31, "-"), (38, "二、外交支出"), (63, "-"), (79, "-"), (100, "-"), (120, "-")]),
            placed([(0, "三、国有资本经营预算财政拨款"), (31, "-")]),
            // Wide labels push the two-sided lines' 支出 labels right; these start further left.
            placed([(30, "四、公共安全支出"), (63, "-"), (79, "-"), (100, "-"), (120, "-")]),
            placed([(30, "八、社会保障和就业支出"), (60, "0.60"), (76, "0.60"), (100, "-"), (120, "-")]),
            placed([(0, "本年收入合计"), (28, "8.60"), (38, "本年支出合计"), (60, "8.60"), (76, "8.60"), (100, "-"), (120, "-")]),
            placed([(0, "年初财政拨款结转和结余"), (31, "-"), (38, "年末财政拨款结转和结余"), (63, "-"), (79, "-"), (100, "-"), (120, "-")]),
            placed([(0, "一、一般公共预算财政拨款"), (31, "-"), (38, "总计"), (60, "8.60"), (76, "8.60"), (100, "-"), (120, "-")]),
            placed([(0, "二、政府性基金预算财政拨款"), (31, "-")]),
            placed([(0, "总计"), (28, "8.60")]),
        ]
        XCTAssertEqual(rows(document("财政拨款收入支出决算总表", "公开04表", lines)), [
            "公开04|收入||一、一般公共预算财政拨款|8.60", "公开04|收入||二、政府性基金预算财政拨款|-", "公开04|收入||三、国有资本经营预算财政拨款|-",
            "公开04|收入||本年收入合计|8.60", "公开04|收入||年初财政拨款结转和结余|-", "公开04|收入||一、一般公共预算财政拨款|-",
            "公开04|收入||二、政府性基金预算财政拨款|-", "公开04|收入||总计|8.60",
            "公开04|支出||一、一般公共服务支出|8.00 8.00 - -", "公开04|支出||二、外交支出|- - - -", "公开04|支出||四、公共安全支出|- - - -",
            "公开04|支出||八、社会保障和就业支出|0.60 0.60 - -", "公开04|支出||本年支出合计|8.60 8.60 - -",
            "公开04|支出||年末财政拨款结转和结余|- - - -", "公开04|支出||总计|8.60 8.60 - -",
        ])
    }

    func testALoneLabelOutsideTheStandardListsGoesBySide() {
        // Neither label is a standard row or a functional 类: where it stands decides.
        let lines = head() + [
            placed([(0, "一、一般公共预算财政拨款收入"), (32, "5.00"), (40, "一、一般公共服务支出"), (64, "4.00")]),
            placed([(0, "九、捐赠收入"), (33, "2.00")]),
            placed([(36, "二十七、专项调剂支出"), (64, "3.00")]),
            placed([(0, "总计"), (32, "7.00"), (40, "总计"), (64, "7.00")]),
        ]
        XCTAssertEqual(rows(document("收入支出决算总表", "公开01表", lines)), [
            "公开01|收入||一、一般公共预算财政拨款收入|5.00", "公开01|收入||九、捐赠收入|2.00", "公开01|收入||总计|7.00",
            "公开01|支出||一、一般公共服务支出|4.00", "公开01|支出||二十七、专项调剂支出|3.00", "公开01|支出||总计|7.00",
        ])
    }

    func testALineOfEmptyMarksIsARowOnlyInsideATable() {
        XCTAssertTrue(TableParser.looksLikeMarkedRow("四、上级补助收入      -"))
        XCTAssertTrue(TableParser.looksLikeMarkedRow("十、节能环保支出   -   ---   —"))
        // A heading has no figure cell; a head line is no row; a number is a spaced row already.
        XCTAssertFalse(TableParser.looksLikeMarkedRow("四、上级补助收入"))
        XCTAssertFalse(TableParser.looksLikeMarkedRow("四、上级补助收入 -"))
        XCTAssertFalse(TableParser.looksLikeMarkedRow("栏次      -"))
        XCTAssertFalse(TableParser.looksLikeMarkedRow("-      -"))
        // Outside a table, `四、…  -` stays the heading it reads as.
        let text = "某县档案馆2024年度部门决算\n四、其他重要事项的情况说明      -\n本年度无其他事项。\n"
        let imported = Importer.importReport(text).document
        XCTAssertTrue(imported.contains("说明 四、其他重要事项的情况说明"), imported)
        XCTAssertFalse(imported.contains("\n表 "), imported)
    }

    // MARK: The one-sided tables as a list down the page (the renderer's and many reports' layout)

    func testEconomicListWithTotalsWithoutCode() {
        let lines = [
            placed([(6, "科目编码"), (26, "科目名称"), (44, "决算数")]),
            placed([(0, "301"), (13, "工资福利支出"), (44, "61.20")]),
            placed([(0, "30101"), (13, "基本工资"), (45, "41.20")]),
            placed([(0, "30199"), (13, "其他工资福利支出"), (47, "-")]),
            placed([(0, "303"), (13, "对个人和家庭的补助"), (46, "3.00")]),
            placed([(13, "人员经费合计"), (44, "64.20")]),
            placed([(0, "302"), (13, "商品和服务支出"), (45, "8.80")]),
            placed([(0, "30201"), (13, "办公费"), (45, "8.80")]),
            placed([(13, "公用经费合计"), (45, "8.80")]),
        ]
        XCTAssertEqual(rows(document("一般公共预算财政拨款基本支出决算明细表", "公开06表", lines)), [
            "公开06||301|工资福利支出|61.20", "公开06||30101|基本工资|41.20", "公开06||30199|其他工资福利支出|-",
            "公开06||303|对个人和家庭的补助|3.00", "公开06|||人员经费合计|64.20",
            "公开06||302|商品和服务支出|8.80", "公开06||30201|办公费|8.80", "公开06|||公用经费合计|8.80",
        ])
    }

    func testThreePublicExpensesDownThePageUnderABlankSeparatedHead() {
        let lines = [
            placed([(12, "项目"), (28, "年初预算数"), (44, "全年预算数"), (60, "决算数")]),
            placed([(0, "一、“三公”经费支出"), (30, "4.10"), (46, "3.90"), (61, "3.60")]),
            placed([(0, "1.因公出国（境）费"), (30, "1.00"), (46, "0.00"), (61, "0.00")]),
            placed([(0, "2.公务用车购置及运行维护费"), (30, "2.00"), (46, "2.90"), (61, "2.70")]),
            placed([(0, "（1）公务用车购置费"), (33, "-"), (49, "-"), (61, "0.00")]),
            placed([(0, "3.公务接待费"), (30, "1.10"), (46, "1.00"), (61, "0.90")]),
            placed([(0, "其中：外事接待费"), (33, "-"), (49, "-"), (61, "0.00")]),
            placed([(0, "4.公务用车保有量"), (33, "-"), (49, "-"), (64, "3")]),
        ]
        XCTAssertEqual(rows(document("一般公共预算财政拨款“三公”经费支出决算表", "公开09表", lines)), [
            "公开09|||一、“三公”经费支出|4.10 3.90 3.60", "公开09|||1.因公出国（境）费|1.00 0.00 0.00",
            "公开09|||2.公务用车购置及运行维护费|2.00 2.90 2.70", "公开09|||（1）公务用车购置费|- - 0.00",
            "公开09|||3.公务接待费|1.10 1.00 0.90", "公开09|||其中：外事接待费|- - 0.00", "公开09|||4.公务用车保有量|- - 3",
        ])
    }

    func testAssetCountsWithOrdinalLabels() {
        let lines = [
            placed([(18, "项目"), (34, "决算数")]),
            placed([(0, "一、车辆数合计"), (40, "5")]),
            placed([(0, "1.主要负责人用车"), (40, "1")]),
            placed([(0, "2.执法执勤用车"), (40, "4")]),
            placed([(0, "二、单价100万元（含）以上设备（不含车辆）"), (46, "2")]),
        ]
        let text = document("国有资产占用情况表", "公开10表", lines, after: ["", "三、其他重要事项的情况说明", "无。"])
        XCTAssertEqual(rows(text), [
            "公开10|||一、车辆数合计|5", "公开10|||1.主要负责人用车|1", "公开10|||2.执法执勤用车|4",
            "公开10|||二、单价100万元（含）以上设备（不含车辆）|2",
        ])
        XCTAssertTrue(Importer.importReport(text).document.contains("说明 三、其他重要事项的情况说明"))
    }
}
