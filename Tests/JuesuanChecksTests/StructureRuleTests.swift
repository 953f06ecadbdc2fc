import JuesuanChecks
import JuesuanSyntax
import XCTest

/// S1xx, C3xx, G7xx and suppression comments.
final class StructureRuleTests: XCTestCase {
    func testS101S102AndGarbage() {
        XCTAssertEqual(codes("tabel 公开03\n"), ["S101"])
        XCTAssertEqual(codes("表 公开05\n合计 1.00 1.0O 0.00\n"), ["S102"])
        // A file that is nothing but garbage: diagnostics, no crash.
        let garbage = Analysis(text: "\u{0}\u{1}}}{{ 表表表 ：：：\n//\n表\n列 ; = +\n校验 = =\n绩效\n指标\n名词解释\n没有冒号\n\u{FFFF}")
        XCTAssertFalse(garbage.diagnostics.isEmpty)
        XCTAssertTrue(garbage.diagnostics.contains { $0.code == "S106" })
    }

    func testS103MoreCellsThanColumns() throws {
        let analysis = analyze("表 公开05\n合计 3.00 1.00 2.00 9.00 9.00\n")
        let finding = try XCTUnwrap(analysis.findings("S103").first)
        XCTAssertEqual(analysis.text(of: finding), "9.00 9.00")
    }

    func testS104UnknownColumn() throws {
        let analysis = analyze("表 公开09\n列 决算数 实际数\n")
        XCTAssertEqual(analysis.diagnostics.map(\.code), ["S104"])
        XCTAssertEqual(analysis.text(of: analysis.diagnostics[0]), "实际数")
    }

    func testS105DuplicateCodeOrLabel() {
        XCTAssertEqual(codes("表 公开05\n210 卫生健康支出 1.00 1.00 0.00\n210 卫生健康支出 1.00 1.00 0.00\n"), ["S105"])
        XCTAssertEqual(codes("表 公开10\n主要负责人用车 1\n主要负责人用车 1\n"), ["S105"])
        // 公开04's 年初 parts repeat the grant names under 年初财政拨款结转和结余: no duplicate.
        XCTAssertEqual(codes("""
        表 公开04 财政拨款收入支出决算总表
        收入
        一般公共预算财政拨款 5.00
        本年收入合计 5.00
        年初财政拨款结转和结余 1.00
        一般公共预算财政拨款 1.00
        总计 6.00

        """), [])
    }

    func testS106RequiredHeader() {
        XCTAssertEqual(Analysis(text: "表 公开05\n").diagnostics.map(\.code), ["S106", "S106"])
        XCTAssertEqual(Analysis(text: "部门 甲\n年度 24\n").diagnostics.map(\.code), ["S106"])
        XCTAssertEqual(Analysis(text: "部门 甲\n年度 2024\n单位 美元\n").diagnostics.map(\.code), ["S106"])
    }

    func testS107S110Tables() {
        XCTAssertEqual(codes("表 公开05\n表 公开5表\n"), ["S107"])
        XCTAssertEqual(codes("表 公开03 支出决算表\n"), [])
        XCTAssertEqual(codes("表 公开03 收入决算表\n"), ["S110"])
        XCTAssertEqual(codes("表 公开09 财政拨款\"三公\"经费支出决算表\n"), [], "straight and curly quotes are the same title")
        XCTAssertEqual(codes("表 01表 收入支出决算总表\n"), [], "01表 is 公开01")
    }

    func testS108S109CodeStructure() {
        XCTAssertEqual(codes("表 公开05\n2101101 行政单位医疗 1.00 1.00 0.00\n"), ["S108"])
        XCTAssertEqual(codes("表 公开05\n221 住房保障支出 1.00 1.00 0.00\n210 卫生健康支出 1.00 1.00 0.00\n").sorted(), ["S109"])
        // 公开06 in its printed order: 人员经费 (301, 303) before 公用经费 (302): no hint.
        XCTAssertEqual(codes("表 公开06\n301 工资福利支出 1.00\n30101 基本工资 1.00\n303 对个人和家庭的补助 0.00\n302 商品和服务支出 0.00\n"), [])
    }

    func testCatalogueRules() throws {
        XCTAssertEqual(codes("表 公开05\n210 卫生健康支出 1.00 1.00 0.00\n21015 医疗保障管理事务 1.00 1.00 0.00\n2101588 不存在 1.00 1.00 0.00\n"), ["C301"])
        XCTAssertEqual(Analysis(text: header + "科目 2101588 地方新增科目\n表 公开05\n210 卫生健康支出 1.00 1.00 0.00\n21015 医疗保障管理事务 1.00 1.00 0.00\n2101588 地方新增科目 1.00 1.00 0.00\n").diagnostics.map(\.code), [],
                       "a 科目 line declares a local code")
        let analysis = analyze("表 公开05\n210 卫生健康支出（类） 1.00 1.00 0.00\n21015 医疗保障管理事务 1.00 1.00 0.00\n2101501 行政运作 1.00 1.00 0.00\n")
        XCTAssertEqual(analysis.diagnostics.map(\.code), ["C302"])
        XCTAssertEqual(analysis.diagnostics.first?.fix?.edits.first?.replacement, "行政运行")
        XCTAssertEqual(codes("表 公开06\n301 工资福利支出 1.00\n30101 基本工资 1.00\n208 社会保障和就业支出 0.00\n"), ["C303"])
        XCTAssertEqual(codes("表 公开05\n301 工资福利支出 1.00 1.00 0.00\n"), ["C303"])
        XCTAssertEqual(codes("表 公开05\n210 卫生健康支出 1.00 1.00 0.00\n21011 行政事业单位医疗 1.00 1.00 0.00\n2101101 行政单位医疗 1.00 1.00 0.00\n"), [],
                       "full-width and half-width parentheses and blanks do not make a name differ")
    }

    func testGlossaryRules() {
        XCTAssertEqual(codes("名词解释\n基本支出：人员支出和公用支出。\n基本支出：人员支出和公用支出\n"), ["G702"])
        XCTAssertEqual(codes("名词解释\n结余分配：甲。\n结余分配：乙。\n"), ["G701"])
        XCTAssertEqual(codes("名词解释\n基本支出：甲。\n项目支出：乙。\n"), [])
    }

    func testSuppressionComments() {
        let table = "表 公开05\n合计 10.02 5.00 5.00"
        XCTAssertEqual(codes(table + "\n"), ["A203"])
        XCTAssertEqual(codes(table + "   // juesuan: allow A203\n"), [])
        XCTAssertEqual(codes("表 公开05\n// juesuan: allow A203\n合计 10.02 5.00 5.00\n"), [])
        XCTAssertEqual(codes(table + "   // juesuan: allow A201\n"), ["A203"], "only the named code is silenced")
        XCTAssertEqual(Analysis(text: "// juesuan: allow-file A203\n" + header + table + "\n").diagnostics.map(\.code), [])
    }
}
