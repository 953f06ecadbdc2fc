import Foundation
import XCTest
@testable import JuesuanLint
import JuesuanChecks

final class FixOptionTests: XCTestCase {
    static let deliberate: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/deliberate-errors.juesuan")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    func testFixingTheDeliberateReportLeavesItCleanForTheFixedRules() throws {
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("deliberate-errors.juesuan")
        try write(Self.deliberate, to: file)
        let (status, out, _) = runTool(["lint", "--fix", "--no-color", file.path])
        XCTAssertEqual(status, 1)   // A205 and A207 have no safe fix: errors remain
        // What changed, one line each: path:line: old → new（code）.
        XCTAssertTrue(out.contains("\(file.path):28: 410.50 → 400.50（A201）"), out)
        XCTAssertTrue(out.contains("\(file.path):12: 1,310.50 → 1,300.50（A204）"), out)
        XCTAssertTrue(out.contains("\(file.path):33: 医疗保障事业运行 → 事业运行（C302）"), out)
        let fixed = try String(contentsOf: file, encoding: .utf8)
        let analysis = Analysis(text: fixed)
        let fixedRules: Set<String> = ["A201", "A202", "A203", "A204", "A206", "C302", "S110"]
        XCTAssertEqual(analysis.diagnostics.filter { fixedRules.contains($0.code) }.map(\.message), [])
        // Nothing but figures and names changed: comments and line structure are intact.
        XCTAssertEqual(fixed.split(separator: "\n", omittingEmptySubsequences: false).count,
                       Self.deliberate.split(separator: "\n", omittingEmptySubsequences: false).count)
        XCTAssertTrue(fixed.contains("// A204：应为 1300.50"))
        // A second run has nothing left to fix.
        let (_, again, _) = runTool(["lint", "--fix", "--no-color", file.path])
        XCTAssertFalse(again.contains(" → "), again)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), fixed)
    }

    func testFixWithJSONKeepsStdoutForTheReport() throws {
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("a.juesuan")
        try write(Fixtures.wrongTotal, to: file)
        let (status, out, err) = runTool(["lint", "--fix", "--format", "json", file.path])
        XCTAssertEqual(status, 0)
        XCTAssertNotNil(try parseJSON(out))
        XCTAssertTrue(err.contains("100.00 → 90.00（A202）"), err)
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).contains("合计                      90.00  90.00"))
    }

    func testFixOptionParsing() throws {
        XCTAssertTrue(try LintOptions.parse(["--fix", "a.juesuan"]).fix)
        XCTAssertFalse(try LintOptions.parse(["a.juesuan"]).fix)
        XCTAssertThrowsError(try LintOptions.parse(["--fix=yes", "a.juesuan"]))
        // Standard input is checked, not fixed.
        let captured = CapturedIO()
        captured.stdin = .success(Array(Fixtures.wrongTotal.utf8))
        let (status, _, err) = runTool(["lint", "--fix", "-"], captured)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(err.contains("--fix 不修改标准输入"), err)
    }
}
