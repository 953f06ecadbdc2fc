import Foundation
import XCTest
@testable import JuesuanImport
import JuesuanChecks
import JuesuanFormat
import JuesuanSyntax

/// Section scorecards written as prose (domain-rules SE-9), with invented scores.
final class ScorecardTests: XCTestCase {
    static let report = """
    某县档案馆2024年度部门决算
    第三部分 绩效情况
    一、绩效管理工作考核分析
    我馆绩效管理工作总体评分为 47 分，现对照《县级部门绩效管理工作考核评分表》逐项说明。
    一、基础工作（总分 20 分，总得分 20 分）
    （一）、组织保障，成立领导小组得 2 分，该项得 8 分；（二）、制度建设，制定办法的，该项得 10 分。
    二、目标管理（总分为 30 分，得分为 28 分）
    （一）目标设置，按要求设置目标的，该项得 15 分。（二）、目标审核，
    经审核无问题的，该项得 13 分。
    三、存在的问题
    无。
    """

    func testScorecardBecomesABlockAndTablesAfterItsSections() {
        let result = Importer.importReport(ScorecardTests.report)
        let document = result.document
        XCTAssertTrue(document.contains("""
        绩效 县级部门绩效管理工作考核评分表
        // 由上文各部分的评分整理：分值为各部分总分，得分为各部分总得分（原文见上面的说明）
        指标 基础工作 分值 20 得分 20
        指标 目标管理 分值 30 得分 28
        总分 - 47
        """), document)
        XCTAssertTrue(document.contains("表 评分1 基础工作得分构成\n列 得分\n"))
        let rows = ImporterTests.importedRows(document)
        XCTAssertEqual(rows, ["评分1|||（一）组织保障|8", "评分1|||（二）制度建设|10", "评分1|||合计|20",
                              "评分2|||（一）目标设置|15", "评分2|||（二）目标审核|13", "评分2|||合计|28"])
        // The prose stays as published, and the derived blocks come before the next section.
        XCTAssertTrue(document.contains("（一）、组织保障，成立领导小组得 2 分，该项得 8 分；（二）、制度建设，制定办法的，该项得 10 分。"))
        XCTAssertLessThan(document.range(of: "表 评分2")!.lowerBound, document.range(of: "说明 三、存在的问题")!.lowerBound)
        XCTAssertFalse(Formatter.format(document).changed)
        // Their figures repeat the prose's: counted once.
        XCTAssertEqual(result.summary.coverage.inTables, 0)
        // The checks find the two sums that do not hold: 8 + 10 ≠ 20 and 20 + 28 ≠ 47.
        let analysis = Analysis(text: document)
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "A202" }.map { analysis.source.string($0.range) }, ["20"])
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "P603" }.map { analysis.source.string($0.range) }, ["47"])
    }

    func testNoScorecardWithoutScoredSectionsOrWithAnUnscoredItem() {
        XCTAssertNil(ScorecardBuilder.section(title: "一、基础工作"))
        XCTAssertEqual(ScorecardBuilder.section(title: "二、目标管理（总分为 30 分，得分为 28 分）").map { [$0.0, $0.1, $0.2] }, ["目标管理", "30", "28"])
        XCTAssertNil(ScorecardBuilder.items("（一）组织保障，得 2 分；（二）制度建设，该项得 3 分。"))
        // A single scored section is not a scorecard.
        let one = "某县档案馆2024年度部门决算\n一、基础工作（总分 20 分，总得分 20 分）\n（一）组织保障，该项得 20 分。\n"
        XCTAssertFalse(Importer.importReport(one).document.contains("绩效 "))
    }

    func testSeed004ScorecardFindsTheTwoPublishedErrors() throws {
        let document = Importer.importReport(try seedText("004")).document
        let analysis = Analysis(text: document)
        // 基础工作: 3 + 3 + 3 + 5 = 14, stated 16; sections 100, stated overall 98 (domain-rules §7, S4).
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "A202" }.map(\.message), ["评分1「合计」应为其余各行之和 14，填写为 16，差额 +2"])
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "P603" }.count, 1)
        XCTAssertTrue(document.contains("（三）指标体系建设   3\n"))
    }
}

/// The 部门整体支出绩效自评表 printed one cell a line (invented figures).
final class DepartmentWideTableTests: XCTestCase {
    static let cells = ["（2024年度）", "单位：万元", "部门名称", "某县档案馆", "年度部门整体支出预算", "资金总额", "财政拨款", "其他资金",
                        "58.30", "50.00", "8.20", "年度总体目标", "保障档案馆正常运转。", "年度绩效指标", "一级指标", "二级指标", "三级指标",
                        "指标性质", "指标值", "度量单位", "权重", "实际完成值", "产出指标", "数量指标", "馆藏档案数字化卷数", "≥", "30000", "卷", "20", "31000",
                        "时效指标", "按时完成率", "≥", "95", "%", "10", "100", "成本指标", "总支出不超预算", "≤", "58.30", "万元", "10", "57.90",
                        "满意度指标", "服务对象满意度", "查档群众满意度", "≥", "90", "%", "10", "96"]

    func document(_ cells: [String]) -> String {
        let text = "某县档案馆2024年度部门决算\n第四部分 附件\n附表：部门整体支出绩效目标完成情况自评表\n" + cells.map { "\t" + $0 }.joined(separator: "\n") + "\n第五部分 附表\n"
        return Importer.importReport(text).document
    }

    func testFundsAndIndicatorsBecomeTablesWithTheFundsRelation() {
        let document = document(DepartmentWideTableTests.cells)
        XCTAssertTrue(document.contains("列 资金总额 财政拨款 其他资金；资金总额 = 财政拨款 + 其他资金\n"), document)
        XCTAssertEqual(ImporterTests.importedRows(document), [
            "附表1|||年度部门整体支出预算|58.30 50.00 8.20",
            "附表2|||产出指标/数量指标/馆藏档案数字化卷数|30000 20 31000",
            "附表2|||产出指标/时效指标/按时完成率|95 10 100",
            "附表2|||成本指标/总支出不超预算|58.30 10 57.90",
            "附表2|||满意度指标/服务对象满意度/查档群众满意度|90 10 96",
        ])
        // 50.00 + 8.20 = 58.20, not 58.30: the checks see it.
        let analysis = Analysis(text: document)
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "A203" }.count, 1)
        XCTAssertFalse(analysis.diagnostics.contains { $0.code.hasPrefix("S1") && $0.severity == .error })
        XCTAssertTrue(document.contains("\n说明 第五部分 附表"))
    }

    /// Rows whose value or actual is a word (`提升 定性`, `高`) and a row named like its level
    /// (`服务对象满意度 ≥ 90`) keep their weight: the weights must be there to add up (P612).
    func testQualitativeRowsKeepTheirWeight() {
        var cells = Array(DepartmentWideTableTests.cells.prefix { $0 != "满意度指标" })
        cells += ["效益指标", "社会效益指标", "档案利用效果", "≥", "提升", "定性", "5", "明显提升",
                  "对象覆盖", "≥", "全县机关单位", "个", "5", "42",
                  "满意度指标", "服务对象满意度", "≥", "90", "%", "10", "高"]
        let document = document(cells)
        let rows = ImporterTests.importedRows(document).filter { $0.hasPrefix("附表2") }
        XCTAssertEqual(rows, [
            "附表2|||产出指标/数量指标/馆藏档案数字化卷数|30000 20 31000",
            "附表2|||产出指标/时效指标/按时完成率|95 10 100",
            "附表2|||成本指标/总支出不超预算|58.30 10 57.90",
            "附表2|||效益指标/社会效益指标/档案利用效果|- 5 -",
            "附表2|||效益指标/社会效益指标/对象覆盖|- 5 42",
            "附表2|||满意度指标/服务对象满意度|90 10 -",
        ], document)
        XCTAssertTrue(document.contains("// 指标值 ≥提升（定性），实际完成值 明显提升"), document)
        // 20 + 10 + 10 + 5 + 5 + 10 = 60, and no 预算执行率 row.
        let codes = Analysis(text: document).diagnostics.map(\.code)
        XCTAssertTrue(codes.contains("P612") && codes.contains("P614"), "\(codes)")
    }

    func testWithoutFundsItStaysAsItWas() {
        let document = document(Array(DepartmentWideTableTests.cells.drop { $0 != "年度总体目标" }))
        XCTAssertFalse(document.contains("表 附表"))
        XCTAssertTrue(document.contains("// 保障档案馆正常运转。"))
    }
}

