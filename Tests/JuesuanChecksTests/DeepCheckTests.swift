import Foundation
import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax
import XCTest

func readFixture(_ name: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/JuesuanChecksTests/Fixtures/\(name)"), encoding: .utf8)
}

/// The real errors of the published reports (seeds 001–004), transcribed into the language
/// with their figures as published: each must be found, and nothing else reported.
final class SeedErrorTests: XCTestCase {
    func testSeed001Projects() throws {
        let analysis = Analysis(text: try readFixture("seed-001-projects.juesuan"))
        // (12): the narrative's 98 against the table's 97 (the indicator scores add up to 97).
        let p607 = analysis.findings("P607")
        XCTAssertTrue(p607.contains { analysis.text(of: $0) == "98" && $0.message.contains("97") }, "\(p607.map(\.message))")
        // (16): 执行率 84.84 stated, 2569.81145 ÷ 4752.18855 = 54.08; its score 8.484163; the narrative's budget and 100%.
        let p604 = try XCTUnwrap(analysis.findings("P604").first)
        XCTAssertEqual(analysis.text(of: p604), "84.84")
        XCTAssertTrue(p604.message.contains("54.08"), p604.message)
        let p605 = try XCTUnwrap(analysis.findings("P605").first)
        XCTAssertEqual(analysis.text(of: p605), "8.484163")
        XCTAssertTrue(p605.message.contains("5.40"), p605.message)
        XCTAssertTrue(p607.contains { analysis.text(of: $0) == "2569.8" && $0.message.contains("4752.18855") })
        XCTAssertTrue(p607.contains { analysis.text(of: $0) == "100" && $0.message.contains("54.08%") })
        // (13): target 违规率 ≤ 5%, actual 50, marked 完成.
        let p608 = analysis.findings("P608")
        XCTAssertEqual(p608.count, 1, "fractions written for percentage targets (0.5 for 50%) are met: \(p608.map(\.message))")
        XCTAssertTrue(p608.first?.message.contains("违规率") == true)
        // Nothing else: (12)'s and (13)'s weights and totals hold, and (13)'s narrative agrees with its table.
        XCTAssertEqual(Set(analysis.diagnostics.map(\.code)), ["P604", "P605", "P607", "P608"], "\(analysis.diagnostics.map(\.message))")
        XCTAssertEqual(p607.count, 3)
    }

    func testSeed001AmountInYuan() throws {
        let analysis = Analysis(text: try readFixture("seed-001-units.juesuan"))
        let n506 = try XCTUnwrap(analysis.findings("N506").first)
        XCTAssertEqual(analysis.text(of: n506), "元")
        XCTAssertEqual(n506.fix?.edits.first?.replacement, "万元")
        XCTAssertEqual(analysis.diagnostics.map(\.code), ["N506"], "\(analysis.diagnostics.map(\.message))")
    }

    func testSeed003ClassesDoNotMakeTheirWhole() throws {
        let analysis = Analysis(text: try readFixture("seed-003-narrative.juesuan"))
        let n504 = try XCTUnwrap(analysis.findings("N504").first)
        XCTAssertEqual(analysis.text(of: n504), "1066.43")
        XCTAssertTrue(n504.message.contains("1055.63"), n504.message)
        XCTAssertTrue(n504.message.contains("-10.80"), n504.message)
        // -24.32% on 1066.43, 44.85% / 55.15% with 478.3 written to one decimal: consistent.
        XCTAssertEqual(analysis.diagnostics.map(\.code).filter { $0.hasPrefix("N") }, ["N504"], "\(analysis.diagnostics.map(\.message))")
    }

    func testSeed003WeightsAddUpTo101() throws {
        let analysis = Analysis(text: try readFixture("seed-003-weights.juesuan"))
        let p602 = try XCTUnwrap(analysis.findings("P602").first)
        XCTAssertTrue(p602.message.contains("101"), p602.message)
        XCTAssertEqual(analysis.diagnostics.map(\.code), ["P602"])
    }

    func testSeed003GlossaryDuplicates() throws {
        let analysis = Analysis(text: try readFixture("seed-003-glossary.juesuan"))
        let different = analysis.findings("G701").map { analysis.text(of: $0) }
        XCTAssertEqual(different, ["结余分配", "年末结转和结余", "“三公”经费"])
        let identical = Set(analysis.findings("G702").map { analysis.text(of: $0) })
        XCTAssertEqual(identical, ["基本支出", "项目支出", "经营支出", "机关运行经费"])
    }

    func testSeed004Scores() throws {
        let analysis = Analysis(text: try readFixture("seed-004-scores.juesuan"))
        let p603 = try XCTUnwrap(analysis.findings("P603").first)
        XCTAssertEqual(analysis.text(of: p603), "98")
        XCTAssertTrue(p603.message.contains("100"), p603.message)
        let a202 = try XCTUnwrap(analysis.findings("A202").first)
        XCTAssertTrue(a202.message.contains("14"), a202.message)
        XCTAssertEqual(analysis.text(of: a202), "16")
        XCTAssertEqual(analysis.diagnostics.map(\.code).sorted(), ["A202", "P603"])
    }

    /// The example report: exactly what zhushan-2024.expected.md lists for the deep rules, and
    /// none of its rounding traps.
    func testExampleDeepFindings() throws {
        let analysis = Analysis(text: try readExample("zhushan-2024.juesuan"))
        let deep = analysis.diagnostics.filter { ["X", "N", "P"].contains($0.code.first!) && $0.code != "N590" }
        // X411: 公开06 30113 14.92 against 公开05 2210201 12.89, information (§7 S2-6, issue 14).
        XCTAssertEqual(deep.map(\.code), ["X411", "N502", "P605"], "\(deep.map(\.message))")
        XCTAssertEqual(deep[0].severity, .information)
        // 13.80 ÷ 349.79 = 3.9452%: 3.94 holds within rounding but is the cut-off value (narrative.md
        // case 15): information at most, and only there.
        XCTAssertEqual(analysis.findings("N590").map { analysis.text(of: $0) }, ["3.94"])
        let n502 = deep[1]
        XCTAssertTrue(n502.message.contains("151.01") && n502.message.contains("164.02") && n502.message.contains("92.07"), n502.message)
        XCTAssertEqual(analysis.text(of: n502), "100")
        XCTAssertTrue(deep[2].message.contains("9.99"), deep[2].message)
        // §7 S2-1's knock-on: 88.53 (良) would be 91.52 (优).
        XCTAssertTrue(deep[2].message.contains("自评总分应为 91.52") && deep[2].message.contains("由“良”变为“优”"), deep[2].message)
        XCTAssertTrue(analysis.findings("A290").contains { $0.message.contains("X405") })
    }
}

/// What each deep rule must flag and what it must not.
final class DeepRuleTests: XCTestCase {
    let tables = """
    表 公开01 收入支出决算总表
    收入
    一般公共预算财政拨款收入 100.00
    本年收入合计 100.00
    总计 100.00
    支出
    卫生健康支出 100.00
    本年支出合计 100.00
    总计 100.00

    表 公开02 收入决算表
    合计 100.00 100.00
    210 卫生健康支出 100.00 100.00

    表 公开03 支出决算表
    合计 100.00 60.00 40.00
    210 卫生健康支出 100.00 60.00 40.00

    表 公开05 一般公共预算财政拨款支出决算表
    合计 100.00 60.00 40.00
    210 卫生健康支出 100.00 60.00 40.00

    表 公开06 一般公共预算财政拨款基本支出决算表
    301 工资福利支出 50.00
    302 商品和服务支出 10.00
    人员经费合计 50.00
    公用经费合计 10.00

    """

    func testConsistentTablesAndNarrative() {
        XCTAssertEqual(codes(tables + """
        说明 二、支出决算情况说明
        本年支出合计100.00万元，其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占40.00%。比上年增加20.00万元，增长25.00%。

        """), [])
    }

    func testCrossTableCopiesMustAgree() {
        let changed = tables.replacingOccurrences(of: "合计 100.00 100.00\n210", with: "合计 100.01 100.01\n210")
        let found = codes(changed)
        XCTAssertTrue(found.contains("X401"), "\(found)")
        let x403 = codes(tables.replacingOccurrences(of: "表 公开03 支出决算表\n合计 100.00 60.00 40.00\n210 卫生健康支出 100.00", with: "表 公开03 支出决算表\n合计 100.00 60.00 40.00\n210 卫生健康支出 100.10"))
        XCTAssertTrue(x403.contains("X403"), "\(x403)")
        let x405 = analyze(tables.replacingOccurrences(of: "人员经费合计 50.00", with: "人员经费合计 51.00").replacingOccurrences(of: "301 工资福利支出 50.00", with: "301 工资福利支出 51.00"))
        XCTAssertEqual(x405.findings("X405").count, 1)
        XCTAssertEqual(x405.text(of: x405.findings("X405")[0]), "51.00")
    }

    func testX408FiscalAboveAllFunds() {
        let text = tables.replacingOccurrences(of: "表 公开05 一般公共预算财政拨款支出决算表\n合计 100.00 60.00 40.00\n210 卫生健康支出 100.00 60.00 40.00",
                                               with: "表 公开05 一般公共预算财政拨款支出决算表\n合计 100.00 60.00 40.00\n210 卫生健康支出 100.00 61.00 39.00")
        XCTAssertTrue(codes(text).contains("X408"))
    }

    func testUserChecks() throws {
        XCTAssertEqual(codes(tables + "校验 公开01.本年收入合计 = 公开02.合计.本年收入合计\n"), [])
        XCTAssertEqual(codes(tables + "校验 公开03.210.基本支出 + 公开03.210.项目支出 = 公开03.合计.本年支出合计\n"), [])
        XCTAssertEqual(codes(tables + "校验 公开06.301 <= 40\n"), ["X409"])
        let missing = analyze(tables + "校验 公开03.合计.实际支出 = 公开99.合计\n")
        XCTAssertEqual(missing.findings("X410").map { missing.text(of: $0) }, ["实际支出", "公开99"])
        let row = analyze(tables + "校验 公开03.999.基本支出 = 1\n")
        XCTAssertEqual(row.findings("X410").map { row.text(of: $0) }, ["999"])
        XCTAssertEqual(codes(tables + "校验 公开03.合计.基本支出 = 60.01\n"), ["A290"], "a gap within rounding is information")
    }

    func testN501AmountAgainstTable() throws {
        let analysis = analyze(tables + "说明 一\n本年收入合计100.50万元。\n")
        let n501 = try XCTUnwrap(analysis.findings("N501").first)
        XCTAssertEqual(analysis.text(of: n501), "100.50")
        XCTAssertEqual(n501.fix?.edits.first?.replacement, "100.00")
        XCTAssertEqual(codes(tables + "说明 一\n本年收入合计100万元，机关运行经费9.34万元。\n"), [], "100 is 100.00; 机关运行经费 within 公用经费 10.00")
    }

    func testN502Shares() {
        XCTAssertEqual(codes(tables + "说明 二\n本年支出合计100.00万元，其中：基本支出60.00万元，占61.00%。\n"), ["N502"])
        // Within the interval of its inputs: no finding (spec 9.4).
        XCTAssertEqual(codes("说明 二\n本年支出合计363.59万元，其中：基本支出199.58万元，占54.89%；项目支出164.02万元，占45.11%。\n"), [])
        // Cut off instead of rounded: information.
        XCTAssertEqual(codes("说明 二\n本年支出合计100.00万元，其中：基本支出38.2876万元，占38.28%。\n"), ["N590"])
        XCTAssertEqual(codes("说明 二\n本年支出合计300.00万元，其中：基本支出114.86万元，占38.28%。\n"), ["N590"], "38.2867% cut off, within the inputs' intervals: information only (narrative.md case 15)")
        XCTAssertEqual(codes("说明 二\n本年支出合计300.00万元，其中：基本支出114.86万元，占38.29%。\n"), [])
    }

    func testN503Changes() {
        XCTAssertEqual(codes("说明 一\n本年收入合计363.59万元，比上年增加13.80万元，增长3.94%。\n"), ["N590"], "3.9452% cut off: information")
        XCTAssertEqual(codes("说明 一\n本年收入合计363.59万元，比上年增加13.80万元，增长3.95%。\n"), [])
        XCTAssertEqual(codes("说明 一\n公务接待费0.27万元，比上年增加0.20万元，增长255.80%。\n"), [])
        XCTAssertEqual(codes("说明 一\n本年收入合计363.59万元，比上年增加13.80万元，增长4.50%。\n"), ["N503"])
        XCTAssertEqual(codes("说明 一\n本年收入合计363.59万元，比上年增加13.80万元，下降3.94%。\n"), ["N503"])
    }

    func testN505CompletionRates() {
        XCTAssertEqual(codes("说明 三\n住房保障支出（类）年初预算数15.76万元，决算数12.89万元，完成年初预算的81.75%。\n"), [])
        XCTAssertEqual(codes("说明 三\n住房保障支出（类）年初预算数15.76万元，决算数12.89万元，完成年初预算的85.00%。\n"), ["N505"])
    }

    func testN504AndN508() {
        XCTAssertEqual(codes("说明 七\n政府采购支出总额3.64万元，其中：政府采购货物支出3.64万元、政府采购工程支出0.00万元、政府采购服务支出0.00万元。\n"), [])
        XCTAssertEqual(codes("说明 七\n政府采购支出总额3.64万元，其中：政府采购货物支出3.64万元、政府采购工程支出1.00万元。\n"), ["N504"])
        XCTAssertEqual(codes("说明 一\n收入总计363.59万元，其中年初结转和结余0.00万元。\n"), [], "one part listed: not the whole breakdown")
        XCTAssertEqual(codes("说明 二\n支出100.00万元，主要用于：甲60.00万元，占60.00%；乙30.00万元，占30.00%等。\n"), [], "等 says the list is not complete")
        XCTAssertEqual(codes("说明 二\n本年支出合计100.00万元，其中：基本支出60.00万元，占60%；项目支出40.00万元，占45%。\n"), ["N502", "N508"])
    }

    func testN507Counts() {
        let table09 = "表 公开09\n列 决算数\n国内公务接待批次 3\n国内公务接待人次 28\n公务用车保有量 0\n"
        XCTAssertEqual(codes(table09 + "说明 五\n全年国内公务接待3批，累计接待28人次。年末公务用车保有量0辆。\n"), [])
        XCTAssertEqual(codes(table09 + "说明 五\n全年国内公务接待4批，累计接待28人次。\n"), ["N507"])
    }

    func testPerformanceRules() {
        let block = """
        绩效 示例项目
        资金 年初预算数 40 全年预算数 40 全年执行数 39.972
        执行率 99.93% 分值 10 得分 9.99
        指标 产出指标/数量指标/场次 目标 ≥10场 实际 10 分值 50 得分 50 完成 完成
        指标 效益指标/社会效益指标/覆盖率 目标 ≥90% 实际 83 分值 30 得分 25 完成 未完成
        指标 满意度指标/服务对象满意度/满意度 目标 ≥90% 实际 92 分值 10 得分 10
        总分 100 94.99
        等级 优

        """
        XCTAssertEqual(codes(block), [])
        XCTAssertEqual(codes(block.replacingOccurrences(of: "得分 50 完成", with: "得分 55 完成")).sorted(), ["P601", "P603"])
        XCTAssertEqual(codes(block.replacingOccurrences(of: "分值 10 得分 10\n总分", with: "分值 15 得分 10\n总分")), ["P602"])
        XCTAssertEqual(codes(block.replacingOccurrences(of: "执行率 99.93%", with: "执行率 95.00%")), ["P604"])
        XCTAssertEqual(codes(block.replacingOccurrences(of: "等级 优", with: "等级 良")), ["P606"])
        XCTAssertEqual(codes(block.replacingOccurrences(of: "实际 83 分值 30 得分 25 完成 未完成", with: "实际 93 分值 30 得分 25 完成 未完成")), ["P608"])
    }

    /// P605 says what follows from the expected 执行率 score: the total, and the grade when it
    /// changes (§7 S2-1: 7 for 9.99 makes 88.53 良 instead of 91.52 优).
    func testExecutionScoreKnockOn() throws {
        func p605(_ executionScore: String, total: String, grade: String) throws -> String {
            let text = header + """
            绩效 培训项目
            资金 年初预算数 80 全年预算数 80 全年执行数 79.2
            执行率 99% 分值 10 得分 \(executionScore)
            指标 产出指标/数量指标/培训人次 目标 ≥200人次 实际 230 分值 60 得分 60 完成 完成
            指标 满意度指标/服务对象满意度/学员满意度 目标 ≥85% 实际 88 分值 30 得分 \(grade == "优" ? "25" : "21.1")
            总分 100 \(total)
            等级 \(grade)

            """
            let analysis = Analysis(text: text)
            XCTAssertEqual(analysis.diagnostics.map(\.code), ["P605"], "\(analysis.diagnostics.map(\.message))")
            return try XCTUnwrap(analysis.findings("P605").first).message
        }
        // 8 for 9.9: the total 93 becomes 94.9, still 优: the total only.
        let same = try p605("8", total: "93", grade: "优")
        XCTAssertTrue(same.contains("应为 10 × 79.2 ÷ 80 = 9.90") && same.contains("自评总分应为 94.9"), same)
        XCTAssertFalse(same.contains("等级由"), same)
        // 2 for 9.9: the total 83.1 (良) becomes 83.1 + 7.9 = 91 (优): the grade too.
        let changes = try p605("2", total: "83.1", grade: "良")
        XCTAssertTrue(changes.contains("自评总分应为 91") && changes.contains("等级由“良”变为“优”"), changes)
    }
}

/// Sentences of the published reports that hold, and must stay silent.
final class NarrativeFalseAlarmTests: XCTestCase {
    func testQualifiedNamesAreNotTheTotals() {
        let tables = "表 公开01\n收入\n一般公共预算财政拨款收入 100.00\n本年收入合计 100.00\n总计 100.00\n支出\n卫生健康支出 100.00\n本年支出合计 100.00\n总计 100.00\n\n"
        XCTAssertEqual(codes(tables + "说明 四\n2. 政府性基金预算财政拨款本年收入合计 0.00 万元，比上年减少 927.30 万元，降低 100.0%；本年支出合计 0.00 万元，与上年持平。\n"), [])
        XCTAssertEqual(codes(tables + "说明 四\n本部门2024年度本年收入合计 100.50 万元。\n"), ["N501"], "years and 本部门 are neutral words")
    }

    func testSharesWithoutAListMarkerAreOfTheTotal() {
        // The 类 amounts are checked against the table too (`卫生健康（类）支出` is 210).
        let tables = "表 公开01\n收入\n一般公共预算财政拨款收入 17,334.30\n本年收入合计 17,334.30\n总计 17,334.30\n支出\n社会保障和就业支出 53.64\n卫生健康支出 17,244.41\n住房保障支出 36.25\n本年支出合计 17,334.30\n总计 17,334.30\n\n"
        XCTAssertEqual(codes(tables + "说明 五\n社会保障和就业（类）支出 53.64 万元，占 0.3%，主要用于养老保险等支出；卫生健康（类）支出 17244.41 万元，占 99.5%，主要用于城乡居民补助、医疗救助等支出；住房保障（类）支出 36.25 万元，占 0.2%，主要用于住房公积金等支出。\n").filter { $0.hasPrefix("N") }, [])
    }

    func testAmountsOfThePreviousYear() {
        XCTAssertEqual(codes("说明 一\n2023年度决算收入总计1066.43万元，其中财政拨款收入为1048.02万元，上年结转结余18.41万元。与上年度1409.09万元相比，收入预算执行总计减少342.66万元，减少24%。\n").filter { $0.hasPrefix("N") }, [])
    }

    func testProjectsNamedTogetherOrTwice() throws {
        let blocks = """
        绩效 基金监管专项经费
        资金 全年预算数 17.5 全年执行数 6.947035
        总分 100 88.97

        绩效 基金监管专项经费
        资金 全年预算数 1 全年执行数 0
        总分 100 85

        绩效 补充医疗经费
        资金 全年预算数 10 全年执行数 10
        总分 100 96

        """
        XCTAssertEqual(codes(blocks + """
        说明 九
        (3) 基金监管专项经费项目绩效自评情况：该项目绩效自评得分为88.97分。全年预算数为17.5万元，执行数为6.947035万元，完成预算的39.7%。
        (6) 基金监管专项经费项目绩效自评情况：该项目绩效自评得分为85分。全年预算数为1万元，执行数为0万元，完成预算的0%。
        全年共3个项目，分别为基金监管专项经费、补充医疗经费，绩效项目自评平均分为89.99分。

        """), [], "the second paragraph speaks of the second block; a summary naming several projects of none")
        XCTAssertEqual(codes(blocks + "说明 九\n(6) 基金监管专项经费项目绩效自评情况：该项目绩效自评得分为87分。\n"), ["P607"])
        // 88 for 88.97 drops the decimals instead of rounding them: a warning of its own (P616, issue 14).
        XCTAssertEqual(codes(blocks + "说明 九\n(6) 基金监管专项经费项目绩效自评情况：该项目绩效自评得分为88分。\n"), ["P616"])
    }

    func testCeilingMetByNothingSpent() {
        XCTAssertEqual(codes("绩效 甲\n指标 产出指标/成本指标/成本预算控制数 目标 ≤99.6万元 实际 0 分值 5 得分 0 完成 未完成\n"), [])
    }
}

/// The published reports imported into the language: the deep rules report exactly their real
/// errors (domain-rules §7), nothing more.
final class ImportedSeedTests: XCTestCase {
    func testDeepFindingsOfEveryImportedSeed() throws {
        let expected: [String: [String: Int]] = [
            // 001: 执行率 three-way mismatch (P605, P607 ×2), score 98 vs 97 (P607), the missing
            // score cell behind the total 83 is a layout defect (P610 information, §7 S1-8), 违规率 and 代办员 marked 完成 (P608 ×2), 元 for 万元 (N506),
            // the 100% coverage share (N502).
            // Project (18): both goals 0.00% complete while all 9 indicators are 完成 and it scores 97
            // (P615, §7 S1-7).
            // 评优率 62.5% is 20 of 32, but 27 were rated (N510, §7 S1-4).
            // 预算执行进度 84.84 stated where 2569.81145 ÷ 4752.18855 = 54.08 (P604, §7 S1-3).
            // Projects (12) and (18): the narrative states goals (县级配套, 参保率) that share 24% and 10%
            // of their words with the table's 年度目标 (慢性病鉴定, 定点医疗机构考核) — the table's
            // goals share no word with the project's name (P617 ×2, §7 S1-2 and S1-7).
            "seed-001.juesuan": ["N502": 1, "N506": 1, "N510": 1, "P604": 1, "P605": 1, "P607": 3, "P608": 2, "P610": 1, "P615": 1, "P617": 2],
            // 002: the 7-of-10 执行率 score (P605) and the 100% coverage share (N502).
            // 87 for the table's 87.51 in the annex, a line below the one naming the project (P616, §7 S2-3).
            // 公开06 30113 住房公积金 14.92 vs 公开05 2210201 12.89 (X411 information, §7 S2-6).
            // Two projects named as funded from 上年结余 / 单位结余 while 公开01 年初结转和结余 is 0.00 and
            // the text says 无结余 (N512 ×2, §7 S2-4).
            "seed-002.juesuan": ["N502": 1, "N512": 2, "P605": 1, "P616": 1, "X411": 1],
            // 003: three classes that do not make their whole (N504).
            // 在编在岗 22 then 24, 退休 2 then 1, 二级预算单位 3 stated and 2 listed (N509 ×3, §7 S3-9).
            // The 部门整体 table: 24 weights make 101 (P612), 政策影响率 twice (P613), no
            // 预算执行率 row (P614) — §7 S3-5.
            // 本年收入合计 1066.43 = 财政拨款 1048.02 + 年初结转结余 18.41 of the funds table (N513, §7 S3-2).
            // 项目支出 budget 588.62 then 983.93 for the same spending 588.14, and one project's 700 above
            // 588.62 (N515 ×2, §7 S3-4).
            "seed-003.juesuan": ["N504": 1, "N509": 3, "N513": 1, "N515": 2, "P612": 1, "P613": 1, "P614": 1],
            // The sections add up to 100, the report says 98 (P603, §7 S4-2; the wrong figure is the
            // 基础工作 total 16, which the A202 of its section table finds).
            // 结果应用 scored 10 where its rules award 4 + 2 = 6, and the 绩效监控管理 items' maxima
            // 5 + 5 + 6 = 16 against its 总分 20 (P611 ×2, §7 S4-3).
            // "共 9 个项目" over a list of 10, whose amounts make 4917.84 against 预算金额 4949.74
            // (N514 ×2, §7 S4-4); and 支出 4700.96 while the items it lists as spent (8 已全部支出,
            // 已上缴 4313.83) make 4825.58 (N514, §7 S4-4).
            "seed-004.juesuan": ["N514": 3, "P603": 1, "P611": 2],
        ]
        for (name, counts) in expected {
            let analysis = Analysis(text: try readExample("imported/\(name)"))
            var found: [String: Int] = [:]
            for diagnostic in analysis.diagnostics where ["X", "N", "P"].contains(diagnostic.code.first!) && diagnostic.code != "N590" {
                found[diagnostic.code, default: 0] += 1
            }
            XCTAssertEqual(found, counts, "\(name): \(analysis.diagnostics.filter { ["X", "N", "P"].contains($0.code.first!) }.map(\.message))")
        }
    }
}
