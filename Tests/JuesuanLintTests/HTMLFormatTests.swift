import Foundation
import XCTest
@testable import JuesuanLint

/// `--format html -o FILE`: the page's structure (the browser test, scripts/test-html.sh, checks
/// it rendered in Chromium).
final class HTMLFormatTests: XCTestCase {
    func testThePageHoldsEveryFindingAtItsCellAndNothingExternal() throws {
        let root = try temporaryDirectory(self)
        try write(FixOptionTests.deliberate, to: root.appendingPathComponent("reports/a.juesuan"))
        try write(Fixtures.clean, to: root.appendingPathComponent("reports/sub/b.juesuan"))
        let output = root.appendingPathComponent("review.html")
        let run = runTool(["lint", "--format", "html", "-o", output.path, root.appendingPathComponent("reports").path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.out, "", "the page goes to the file")
        XCTAssertTrue(run.err.contains("已写入 \(output.path)"), run.err)
        let html = try String(contentsOf: output, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        XCTAssertFalse(html.contains("http://") || html.contains("https://") || html.contains("<link"), "self-contained")
        // One .finding per finding, with lint's positions.
        let json = try XCTUnwrap(try parseJSON(runTool(["lint", "--format", "json", root.appendingPathComponent("reports").path]).out) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        let total = files.reduce(0) { $0 + (($1["diagnostics"] as? [Any])?.count ?? 0) }
        XCTAssertEqual(html.components(separatedBy: "<div class=\"finding ").count - 1, total)
        // 210's 项目支出 (28:50) is drawn as a marked cell holding its A201 finding.
        XCTAssertTrue(html.contains("<td class=\"num bad error\" data-line=\"28\" data-column=\"50\" data-end-column=\"56\">410.50<div class=\"finding error\" data-code=\"A201\""), "A201 in its cell")
        // Paths shortened to what differs; the clean report says so; the rule chart lists A201.
        XCTAssertTrue(html.contains(">a.juesuan</a>") && html.contains(">sub/b.juesuan</a>"))
        XCTAssertTrue(html.contains("✓ 没有发现问题。"))
        XCTAssertTrue(html.contains("data-rule=\"A201\""))
    }

    func testEscaping() {
        let formatter = HTMLFormatter()
        XCTAssertEqual(formatter.escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;")
        // A label with markup is drawn as text.
        let captured = CapturedIO(stdin: "部门 <b>局</b>\n年度 2024\n\n表 明细 <i>表</i>\n列 金额\n合计 1.00\n甲<img src=x> 1.00\n")
        let run = runTool(["lint", "--format", "html", "-"], captured)
        XCTAssertFalse(run.out.contains("<img src=x>") || run.out.contains("<i>表</i>"), run.out)
        XCTAssertTrue(run.out.contains("&lt;img src=x&gt;"))
    }

    func testShortNames() {
        XCTAssertEqual(HTMLFormatter.shortNames(["/ci/r/a/x.juesuan", "/ci/r/b.juesuan"]), ["a/x.juesuan", "b.juesuan"])
        XCTAssertEqual(HTMLFormatter.shortNames(["/ci/r/x.juesuan"]), ["x.juesuan"])
        XCTAssertEqual(HTMLFormatter.shortNames(["a.juesuan", "b.juesuan"]), ["a.juesuan", "b.juesuan"])
    }
}
