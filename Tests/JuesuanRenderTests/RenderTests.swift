import Foundation
import XCTest
@testable import JuesuanRender
import JuesuanChecks
import JuesuanLint
import JuesuanModel
import JuesuanTools

/// Reports written for these tests (not the seeds'), and the examples of the repository.
enum RenderFixtures {
    /// A clean report of every part: 01 with more 类 rows than income items (the income side is
    /// padded so that the 本年…合计 rows share a line), a code table with an empty cell and
    /// unwritten trailing cells, 09 with counts, 说明, 绩效 and 名词解释, and a 校验 line.
    static let clean = """
    部门 测试县水利局
    年度 2025
    单位 万元

    说明 第一部分 部门概况
    本部门共有单位2个。

    表 公开01 收入支出决算总表
    收入
    一、一般公共预算财政拨款收入   50.00
    本年收入合计                   50.00
    年初结转和结余                  0.00
    总计                           50.00
    支出
    一、一般公共服务支出           10.00
    八、社会保障和就业支出         10.00
    九、卫生健康支出               10.00
    十二、农林水支出               15.00
    十九、住房保障支出              5.00
    本年支出合计                   50.00
    年末结转和结余                  0.00
    总计                           50.00

    表 公开03 支出决算表
    合计                      50.00  50.00  -
    201  一般公共服务支出     10.00  10.00
    208  社会保障和就业支出   10.00  10.00
    210  卫生健康支出         10.00  10.00
    213  农林水支出           15.00  15.00
    221  住房保障支出          5.00   5.00

    表 公开09 财政拨款“三公”经费支出决算表
    列 年初预算数 全年预算数 决算数
    合计                          1.20  1.10  0.90
    1.因公出国（境）费            0.00  0.00  0.00
    2.公务用车购置及运行维护费    0.00  0.00  0.00
    3.公务接待费                  1.20  1.10  0.90
    国内公务接待批次                 -     -     4

    说明 一、收入支出决算总体情况说明
    本年收入合计50.00万元。

    绩效 河道清淤项目
    主管部门 测试县水利局
    资金 年初预算数 20 全年预算数 20 全年执行数 19.5
    执行率 分值 10 得分 9.75
    指标 产出指标/数量指标/清淤长度 目标 ≥12公里 实际 12 分值 40 得分 40
    指标 满意度指标/服务对象满意度/群众满意度 目标 ≥90% 实际 95 分值 50 得分 50
    总分 100 99.75

    名词解释
    基本支出：为保障机构正常运转而发生的支出。

    校验 公开01.本年收入合计 = 公开01.总计

    """

    static func example(_ relative: String) -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(relative).path
    }

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: example(relative), encoding: .utf8)
    }
}

final class RenderTests: XCTestCase {
    func render(_ text: String) -> String { HTMLRenderer().render(Analysis(text: text)) }

    /// The `<tr>…</tr>` that holds `needle`.
    func rowHolding(_ needle: String, in html: String) -> Substring? {
        guard let hit = html.range(of: needle) else { return nil }
        let start = html[..<hit.lowerBound].range(of: "<tr", options: .backwards)?.lowerBound ?? hit.lowerBound
        let end = html[hit.upperBound...].range(of: "</tr>")?.upperBound ?? hit.upperBound
        return html[start..<end]
    }

    /// Self-contained: nothing is fetched (no URL, no external style or font, no script).
    func testNoNetworkNoScript() throws {
        for text in [RenderFixtures.clean, try RenderFixtures.read("examples/zhushan-2024.juesuan")] {
            let html = render(text)
            XCTAssertNil(html.range(of: #"https?:|//[a-z]|src=|@import|url\(|@font-face|<link|<script"#, options: .regularExpression), "external reference")
        }
    }

    func testSameSourceSameBytes() throws {
        for text in [RenderFixtures.clean, try RenderFixtures.read("examples/zhushan-2024.juesuan")] {
            let first = render(text)
            let second = HTMLRenderer().render(Analysis(text: String(text)))
            XCTAssertEqual(Array(first.utf8), Array(second.utf8))
        }
    }

    /// Every written cell of every table is printed in a figure cell, in the order of the source,
    /// for the example and every imported seed.
    func testEveryTableFigureIsPrinted() throws {
        let files = ["examples/zhushan-2024.juesuan"] + (1...4).map { "examples/imported/seed-00\($0).juesuan" }
        var checked = 0
        for file in files {
            let analysis = Analysis(text: try RenderFixtures.read(file))
            let html = HTMLRenderer().render(analysis)
            for table in analysis.report.tables {
                guard let pageStart = html.range(of: "data-table=\"\(HTMLRenderer.escape(table.id))\"") else {
                    XCTFail("\(file): \(table.id) not rendered"); continue
                }
                let page = html[pageStart.upperBound...].prefix { _ in true }
                let pageEnd = page.range(of: "</section>")?.lowerBound ?? page.endIndex
                let body = page[..<pageEnd]
                for section in table.sections {
                    var cursor = body.startIndex
                    for row in section.rows {
                        let name = row.code.map { "<td class=\"code\">\($0)</td>" } ?? "\">\(HTMLRenderer.escape(row.displayName))</td>"
                        guard let at = body[cursor...].range(of: name) else {
                            XCTFail("\(file) \(table.id): row \(row.displayName) missing or out of order"); break
                        }
                        let line = rowHolding(name, in: String(body[at.lowerBound...])) ?? ""
                        for cell in row.syntax.cells {
                            XCTAssertTrue(line.contains("<td class=\"num\">\(HTMLRenderer.escape(cell.token.text))</td>"),
                                          "\(file) \(table.id) \(row.displayName): figure \(cell.token.text) not printed")
                            checked += 1
                        }
                        cursor = at.upperBound
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testStandardTitlesColumnHeadsUnitAndColumnNumbers() {
        let html = render(RenderFixtures.clean)
        for title in ["收入支出决算总表", "支出决算表", "财政拨款“三公”经费支出决算表"] {
            XCTAssertTrue(html.contains("<h3 class=\"table-title\">\(title)</h3>"), title)
        }
        for head in ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "年初预算数", "全年预算数", "决算数"] {
            XCTAssertTrue(html.contains("<th class=\"num\">\(head)</th>"), head)
        }
        XCTAssertTrue(html.contains("<span>公开03表</span>"))
        XCTAssertTrue(html.contains("<span>金额单位：万元</span>"))
        // 公开10 counts: its unit is not money.
        let zhushan = render((try? RenderFixtures.read("examples/zhushan-2024.juesuan")) ?? "")
        guard let table10 = zhushan.range(of: "data-table=\"公开10\"") else { return XCTFail("no 公开10") }
        let page10 = zhushan[table10.upperBound...].prefix(600)
        XCTAssertTrue(page10.contains("<span>单位：台、辆、套</span>"))
        XCTAssertFalse(page10.contains("金额单位"))
        // 栏次 1…6 under 公开03's six figure columns; none in 公开09 (its form has none).
        guard let table03 = html.range(of: "data-table=\"公开03\""), let table09 = html.range(of: "data-table=\"公开09\"") else {
            return XCTFail("tables missing")
        }
        let page03 = html[table03.upperBound..<table09.lowerBound]
        XCTAssertTrue(page03.contains("<tr class=\"lanci\"><td class=\"label\" colspan=\"2\">栏次</td><td class=\"num\">1</td>"))
        XCTAssertTrue(page03.contains("<td class=\"num\">6</td></tr>"))
        XCTAssertFalse(page03.contains("<td class=\"num\">7</td></tr>"))
        XCTAssertFalse(html[table09.upperBound...].prefix(3000).contains("栏次"))
    }

    func testEmptyAndUnwrittenCellsPrintAsDash() {
        let html = render(RenderFixtures.clean)
        // `合计 50.00 50.00 -`: the written `-`, then three unwritten cells.
        guard let total = rowHolding("<td class=\"label\">合计</td>", in: html) else { return XCTFail("no 合计 row") }
        XCTAssertTrue(total.contains("<td class=\"num\">50.00</td><td class=\"num\">50.00</td><td class=\"num\">-</td><td class=\"num\">-</td><td class=\"num\">-</td><td class=\"num\">-</td></tr>"), String(total))
        // A count row of 09 keeps its `-` cells and its whole number.
        guard let count = rowHolding("国内公务接待批次", in: html) else { return XCTFail("no count row") }
        XCTAssertTrue(count.contains("<td class=\"num\">-</td><td class=\"num\">-</td><td class=\"num\">4</td>"))
    }

    func testTwoSidedTablesSideBySideWithTotalsOnOneLine() {
        let html = render(RenderFixtures.clean)
        guard let totals = rowHolding("本年收入合计", in: html) else { return XCTFail("no total row") }
        XCTAssertTrue(totals.contains("本年支出合计"), String(totals))
        guard let first = rowHolding("一、一般公共预算财政拨款收入", in: html) else { return XCTFail("no first row") }
        XCTAssertTrue(first.contains("一、一般公共服务支出"))
        // The income side has one item and five 类 rows face it: four padding lines, empty on the left.
        guard let last类 = rowHolding("十九、住房保障支出", in: html) else { return XCTFail("no 类 row") }
        XCTAssertTrue(last类.hasPrefix("<tr><td class=\"label\"></td><td class=\"num\"></td><td class=\"label side\">"), String(last类))
        XCTAssertTrue(html.contains("<th colspan=\"2\">收入</th><th class=\"side\" colspan=\"2\">支出</th>"))
    }

    func testNarrativeGlossaryAndPerformanceGrid() {
        let html = render(RenderFixtures.clean)
        XCTAssertTrue(html.contains("<h2>第一部分 部门概况</h2>"))
        XCTAssertTrue(html.contains("<h3>一、收入支出决算总体情况说明</h3>\n<p>本年收入合计50.00万元。</p>"))
        XCTAssertTrue(html.contains("<span class=\"term\">1. 基本支出</span>：为保障机构正常运转而发生的支出。"))
        XCTAssertTrue(html.contains("<td colspan=\"7\">河道清淤项目</td>"))
        XCTAssertTrue(html.contains("<tr><td>产出指标</td><td>数量指标</td><td>清淤长度</td><td>≥12公里</td><td class=\"num\">12</td><td class=\"num\">40</td><td class=\"num\">40</td><td></td></tr>"))
        XCTAssertTrue(html.contains("<td class=\"num\">20</td><td class=\"num\">20</td><td class=\"num\">19.5</td><td class=\"num\">10</td><td class=\"num\">-</td><td class=\"num\" colspan=\"2\">9.75</td>"))
        XCTAssertTrue(html.contains("<th colspan=\"6\">总分</th><td class=\"num\">100</td><td class=\"num\">99.75</td>"))
        // The 目录 lists every part in order; a 校验 line is for the author and is not published.
        let toc = ["第一部分 部门概况", "部门决算表", "公开01表　收入支出决算总表", "一、收入支出决算总体情况说明", "项目支出绩效自评表", "河道清淤项目", "名词解释"]
        var cursor = html.startIndex
        for entry in toc {
            guard let at = html[cursor...].range(of: "\">\(entry)</a></li>") else { return XCTFail("目录 lacks \(entry)") }
            cursor = at.upperBound
        }
        XCTAssertFalse(html.contains("校验"))
        XCTAssertFalse(html.contains("公开01.本年收入合计"))
    }

    func testNoBannerWhenCleanBannerWithErrorCountOtherwise() throws {
        let clean = Analysis(text: RenderFixtures.clean)
        XCTAssertEqual(clean.errorCount, 0, clean.diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertFalse(HTMLRenderer().render(clean).contains("class=\"banner\""))

        let wrong = RenderFixtures.clean.replacingOccurrences(of: "合计                      50.00  50.00  -", with: "合计                      52.00  50.00  -")
        let analysis = Analysis(text: wrong)
        XCTAssertGreaterThan(analysis.errorCount, 0)
        let html = HTMLRenderer().render(analysis)
        XCTAssertTrue(html.contains("<div class=\"banner\" role=\"alert\"><strong>本报告有 \(analysis.errorCount) 个错误"))
        XCTAssertTrue(html.contains("52.00"))
        // The banner names the line of each error.
        XCTAssertTrue(html.contains("<li>第 25 行"), html)
    }

    /// Report text is untrusted: every piece of it is escaped wherever it lands.
    func testReportTextIsEscapedEverywhere() {
        let hostile = "<script>alert(1)</script>&\"'"
        let text = """
        部门 \(hostile)局
        年度 2025

        说明 一、<img src=x onerror=alert(1)>
        正文<b>加粗</b> & "引号" 'single'

        表 公开09 财政拨款“三公”经费支出决算表
        合计 1.00 1.00 1.00
        <i>自定义行</i> 1.00 1.00 1.00

        表 我的<表> 自定义
        列 金额<1>
        <u>行</u> 5.00

        绩效 <svg onload=alert(1)>
        主管部门 <a href="javascript:x">
        指标 产出指标/<b>二级&/三级 目标 <1 实际 1 分值 1 得分 1 原因 a<b

        名词解释
        <term>：<def>&amp;

        """
        let html = render(text)
        for raw in ["<script", "<img", "<b>", "<i>", "<svg", "<a href=\"javascript", "<term>", "<def>", "<u>", "<表>", "金额<1>", "<1 ", "a<b", "onerror=alert(1)>"] {
            XCTAssertFalse(html.contains(raw), "unescaped \(raw)")
        }
        for escaped in ["&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;局", "正文&lt;b&gt;加粗&lt;/b&gt; &amp; &quot;引号&quot; &#39;single&#39;",
                        "&lt;i&gt;自定义行&lt;/i&gt;", "&lt;svg onload=alert(1)&gt;", "&lt;term&gt;", "&lt;def&gt;&amp;amp;", "&lt;u&gt;行&lt;/u&gt;",
                        "<td>&lt;b&gt;二级&amp;</td>", "a&lt;b"] {
            XCTAssertTrue(html.contains(escaped), "missing \(escaped)")
        }
        // The only elements are the renderer's own.
        let tags = Set(html.matches(of: /<([a-zA-Z0-9]+)/).map { String($0.output.1) })
        XCTAssertEqual(tags.subtracting(["html", "head", "meta", "title", "style", "body", "div", "strong", "code", "ul", "li", "section", "h1", "h2", "h3",
                                         "nav", "a", "p", "span", "table", "thead", "tbody", "tr", "th", "td"]), [])
        XCTAssertFalse(html.contains("<script"))
    }

    /// Broken reports render too (never a crash): the example cut at many points, and its lines
    /// in reverse order (sides before tables, rows before headers).
    func testBrokenReportsRender() throws {
        let bytes = Array(try RenderFixtures.read("examples/zhushan-2024.juesuan").utf8)
        var rendered = 0
        for cut in stride(from: 0, to: bytes.count, by: 211) {
            let text = String(decoding: bytes[..<cut], as: UTF8.self)
            let html = render(text)
            XCTAssertTrue(html.hasSuffix("</html>\n"))
            XCTAssertFalse(DocxRenderer().render(Analysis(text: text)).isEmpty)
            rendered += 1
        }
        let reversed = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).reversed().joined(separator: "\n")
        XCTAssertTrue(render(reversed).contains("class=\"banner\""))
        XCTAssertGreaterThan(rendered, 50)
    }

    func testEscapeFunction() {
        XCTAssertEqual(HTMLRenderer.escape("a<b>&\"'c"), "a&lt;b&gt;&amp;&quot;&#39;c")
        XCTAssertEqual(HTMLRenderer.escape("甲\u{0}\u{7}\u{1B}\u{85}\u{FEFF}乙\t丙\n"), "甲乙\t丙\n")
        XCTAssertEqual(HTMLRenderer.escape("𠀀（）“”"), "𠀀（）“”")
    }
}

final class RenderCommandTests: XCTestCase {
    final class Captured: @unchecked Sendable {
        var output = ""
        var error = ""
        var io: CommandIO {
            CommandIO(writeOutput: { self.output += $0 }, writeError: { self.error += $0 }, readStandardInput: { .success(Array(RenderFixtures.clean.utf8)) })
        }
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testWritesNextToTheInputAndExitsZeroWhenClean() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("报告.juesuan")
        try Data(RenderFixtures.clean.utf8).write(to: input)
        let captured = Captured()
        XCTAssertEqual(RenderCommand.run([input.path], io: captured.io), 0, captured.error)
        let written = try String(contentsOf: dir.appendingPathComponent("报告.html"), encoding: .utf8)
        XCTAssertEqual(written, HTMLRenderer().render(Analysis(text: RenderFixtures.clean)))
        XCTAssertTrue(captured.error.contains("已写入"))
        XCTAssertEqual(captured.output, "")
    }

    func testErrorsExitOneUnlessAllowedAndThePageIsWrittenEitherWay() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("wrong.juesuan")
        try Data(RenderFixtures.clean.replacingOccurrences(of: "总计                           50.00\n支出", with: "总计                           51.00\n支出").utf8).write(to: input)
        let out = dir.appendingPathComponent("out.html")
        let first = Captured()
        XCTAssertEqual(RenderCommand.run([input.path, "-o", out.path], io: first.io), 1)
        XCTAssertTrue(first.error.contains("个错误"))
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains("class=\"banner\""))
        let second = Captured()
        XCTAssertEqual(RenderCommand.run(["--allow-errors", input.path, "--output=\(out.path)"], io: second.io), 0)
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains("class=\"banner\""))
    }

    func testStandardInputToStandardOutput() {
        let captured = Captured()
        XCTAssertEqual(RenderCommand.run(["-"], io: captured.io), 0)
        XCTAssertEqual(captured.output, HTMLRenderer().render(Analysis(text: RenderFixtures.clean)))
    }

    /// An editor renders unsaved text: standard input, named by --stdin-filename (default output next to it).
    func testStandardInputNamedByStdinFilename() throws {
        let dir = try temporaryDirectory()
        let named = dir.appendingPathComponent("未保存.juesuan")
        let captured = Captured()
        XCTAssertEqual(RenderCommand.run(["-", "--stdin-filename", named.path], io: captured.io), 0, captured.error)
        XCTAssertEqual(captured.output, "")
        let written = try String(contentsOf: dir.appendingPathComponent("未保存.html"), encoding: .utf8)
        XCTAssertEqual(written, HTMLRenderer().render(Analysis(text: RenderFixtures.clean)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: named.path), "the named file is not created")
    }

    func testUsageErrors() throws {
        for arguments in [[String](), ["--frobnicate", "a.juesuan"], ["a.juesuan", "b.juesuan"], ["a.juesuan", "-o"], ["a.juesuan", "-o", "a.pdf"], ["-", "--stdin-filename"],
                          ["/nonexistent/报告.juesuan"]] {
            let captured = Captured()
            XCTAssertEqual(RenderCommand.run(arguments, io: captured.io), 2, "\(arguments)")
            XCTAssertTrue(captured.error.hasPrefix("juesuan render: "), captured.error)
        }
        let help = Captured()
        XCTAssertEqual(RenderCommand.run(["--help"], io: help.io), 0)
        XCTAssertTrue(help.output.contains("用法：juesuan render"))
    }
}
