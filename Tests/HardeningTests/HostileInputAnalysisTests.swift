import Foundation
import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax
import XCTest

/// Hostile documents through the language core (`Analysis`) and `juesuan lint`: huge, one
/// endless line, a flood of tables, invalid UTF-8, NUL bytes. Each must finish quickly (debug
/// build: well under 2 s each), report what it should and keep checking the rest of the file.
final class HostileInputAnalysisTests: XCTestCase {
    static let header = "部门 测试局\n年度 2024\n单位 万元\n\n"

    /// 公开03 whose 合计 is 100.00 where its 类 row sums to 90.00: two A202 errors.
    static let wrongTotal = """
    表 公开03 支出决算表
    合计 100.00 100.00
    208 社会保障和就业支出 90.00 90.00
    20805 行政事业单位养老支出 90.00 90.00
    2080505 机关事业单位基本养老保险缴费支出 90.00 90.00

    """

    /// About `megabytes` MB: the header, `bulk` lines up to the size, then the faulty table.
    static func large(megabytes: Int, bulk line: String) -> String {
        let count = megabytes * 1_000_000 / line.utf8.count
        return header + String(repeating: line, count: count) + "\n" + wrongTotal
    }

    func testTenMegabyteDocumentIsCheckedToTheEnd() {
        let text = Self.large(megabytes: 10, bulk: "// 注释：本行只为让文件变大 0123456789 一二三四五六七八九十\n")
        XCTAssertGreaterThan(text.utf8.count, 10_000_000)
        let analysis = Analysis(text: text)
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "A202" }.count, 2, "the table after 10 MB is still checked")
        // The findings point at the last lines.
        let lastLine = analysis.source.lineCount - 1
        for diagnostic in analysis.diagnostics where diagnostic.code == "A202" {
            XCTAssertGreaterThan(analysis.source.position(of: diagnostic.range.start).line, lastLine - 8)
        }
    }

    static let sentence = "本年度部门按照预算管理要求加强财务管理，规范资金使用，提高资金使用效益，本年支出合计23.10万元，其中：基本支出20.00万元，占86.58%，项目支出3.10万元"

    func testOneMegabyteSingleLines() {
        let megabyte = 1_000_000
        let shapes: [(String, String)] = [
            ("label", "表 自定义 测试表\n列 合计\n" + String(repeating: "长", count: megabyte / 3) + " 1.00\n"),
            ("cells", "表 自定义 测试表\n列 合计\n标签" + String(repeating: " 1.00", count: megabyte / 5) + "\n"),
            ("bad cells", "表 自定义 测试表\n列 合计\n标签" + String(repeating: " x", count: megabyte / 2) + "\n"),
            ("digits", "表 自定义 测试表\n列 合计\n标签 " + String(repeating: "9", count: megabyte) + "\n"),
            ("fraction", "表 自定义 测试表\n列 合计\n标签 0." + String(repeating: "1", count: megabyte) + "%\n"),
            ("columns", "表 自定义 测试表\n列 " + (0..<megabyte / 8).map { "列\($0)" }.joined(separator: " ") + "\n合计 1\n"),
            // Prose and 校验 lines carry a finding every few characters; a quarter of the size
            // keeps the debug build quick (release: 1 MB in well under a second).
            ("prose", "说明 一、情况说明\n" + String(repeating: Self.sentence + "。", count: megabyte / 4 / 240) + "\n"),
            // One sentence of 1 MB: claims keep their sentence's text, so this was quadratic in
            // time and memory (ClaimScanner now cuts sentences at 1,000 characters).
            ("run-on prose", "说明 一、情况说明\n" + String(repeating: Self.sentence + "，", count: megabyte / 4 / 240) + "\n"),
            ("title", "表 自定义 " + String(repeating: "题", count: megabyte / 3) + "\n"),
            ("check", "校验 " + String(repeating: "公开01.合计 + ", count: megabyte / 4 / 16) + "1 = 2\n"),
            ("comment", "// " + String(repeating: "注", count: megabyte / 3) + "\n"),
            ("spaces", String(repeating: " ", count: megabyte) + "\n"),
        ]
        for (name, body) in shapes {
            let text = Self.header + body + "\n" + Self.wrongTotal
            let start = Date()
            let analysis = Analysis(text: text)
            let seconds = Date().timeIntervalSince(start)
            XCTAssertEqual(analysis.diagnostics.filter { $0.code == "A202" }.count, 2, "\(name): the table after the long line is still checked")
            XCTAssertLessThan(seconds, 5, "\(name): \(seconds) s for a 1 MB line")
            for diagnostic in analysis.diagnostics {
                XCTAssertLessThanOrEqual(diagnostic.range.end, analysis.source.bytes.count, name)
            }
            // Converting a position walks its line, so only a few here: thousands of findings on
            // one 1 MB line make lint's and the server's conversions quadratic (known, see
            // docs/benchmarks.md).
            for diagnostic in analysis.diagnostics.prefix(20) { _ = analysis.source.position(of: diagnostic.range.end) }
            if analysis.diagnostics.count > 1000 { print("\(name): \(analysis.diagnostics.count) findings on one line") }
        }
    }

    /// 100,000 one-line tables (2 MB): no quadratic path over blocks or titles.
    func testHundredThousandTables() {
        var text = Self.header
        for i in 0..<100_000 { text += "表 T\(i) 表\(i)\n" }
        text += "\n" + Self.wrongTotal
        let analysis = Analysis(text: text)
        XCTAssertEqual(analysis.report.tables.count, 100_001)
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "A202" }.count, 2)
    }

    func testInvalidUTF8IsReportedAndTheRestStillChecked() {
        var bytes = Array((Self.header + "说明 一、情况说明\n本年支出").utf8)
        bytes += [0xFF, 0xFE, 0xC3]           // not UTF-8 at all, then a truncated sequence
        bytes += Array("合计23.10万元。\n".utf8)
        bytes += [0xE4, 0xB8]                 // a line that ends inside a character
        bytes += Array("\n\n".utf8)
        bytes += Array(Self.wrongTotal.utf8)
        bytes += [0xED, 0xA0, 0x80]           // an encoded surrogate (CESU), invalid in UTF-8
        bytes += [0xF4, 0x90, 0x80, 0x80]     // past U+10FFFF
        let analysis = Analysis(bytes: bytes)
        let s111 = analysis.diagnostics.filter { $0.code == "S111" }
        XCTAssertEqual(s111.map { analysis.source.position(of: $0.range.start).line }, [5, 6, analysis.source.lineCount - 1])
        XCTAssertTrue(s111.allSatisfy { $0.severity == .error })
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "A202" }.count, 2, "the rest of the file is still checked")
        // Nothing but invalid bytes.
        XCTAssertEqual(Analysis(bytes: [0xFF, 0xFF, 0x0A, 0x80]).diagnostics.filter { $0.code == "S111" }.count, 2)
        XCTAssertFalse(Analysis(bytes: []).diagnostics.contains { $0.code == "S111" })
    }

    func testInvalidUTF8ThroughLintOnAFile() throws {
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("broken.juesuan")
        var bytes = Array((Self.header + "说明 一\n坏").utf8) + [0xFF, 0xC0, 0xAF] + Array("字\n\n".utf8)
        bytes += Array(Self.wrongTotal.utf8)
        try Data(bytes).write(to: file)
        let run = try runBinary(["lint", "--format", "json", file.path])
        XCTAssertEqual(run.status, 1, run.err)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let diagnostics = ((json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]]) ?? []
        let found = diagnostics.compactMap { $0["code"] as? String }
        XCTAssertTrue(found.contains("S111"), "\(found)")
        XCTAssertEqual(found.filter { $0 == "A202" }.count, 2, "\(found)")
        // The same through stdin.
        let piped = try runBinary(["lint", "-"], stdin: bytes)
        XCTAssertEqual(piped.status, 1)
        XCTAssertTrue(piped.out.contains("S111"), piped.out)
        XCTAssertTrue(piped.out.contains("A202"), piped.out)
    }

    func testNULBytes() {
        let cases = [
            "\0",
            "\0\0\0\n\0",
            Self.header + "\0表 公开03 支出决算表\n",
            Self.header + "表 公开03 支出决算表\0\n合计 1\0.00 2.00\n2\00 社会保障\0和就业支出 1.00\n",
            Self.header + "说明 一\n本年支出合计\0 23.10万元\0。\n",
            Self.header + "校验 公开03.合计\0 = 1\n",
            "部门 \0\n年度 20\024\n单位 \0\n容差 \0\n科目 \0 \0\n",
        ]
        for text in cases {
            let analysis = Analysis(text: text + "\n" + Self.wrongTotal)
            XCTAssertEqual(analysis.diagnostics.filter { $0.code == "A202" }.count, 2, text.debugDescription)
            let viaBytes = Analysis(bytes: Array((text + "\n" + Self.wrongTotal).utf8))
            XCTAssertEqual(viaBytes.diagnostics, analysis.diagnostics, "NUL is valid UTF-8: no S111")
        }
    }

    func testEmptyAndDegenerateDocuments() {
        for text in ["", "\n", "\r", "\r\n", "\r\r\n\n", "表", "表 ", "说明", "列", "合计", "// juesuan: allow-file", "\u{FEFF}", "\u{FEFF}\u{FEFF}部门 局",
                     String(repeating: "\n", count: 100_000), String(repeating: "\r", count: 100_000), String(repeating: "表\n", count: 10_000)] {
            let analysis = Analysis(text: text)
            for diagnostic in analysis.diagnostics {
                XCTAssertLessThanOrEqual(diagnostic.range.end, analysis.source.bytes.count)
            }
        }
    }
}
