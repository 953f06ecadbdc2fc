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

    func testFixingTheDeliberateReportNeverCascades() throws {
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("deliberate-errors.juesuan")
        try write(Self.deliberate, to: file)
        let (status, out, _) = runTool(["lint", "--fix", "--no-color", file.path])
        XCTAssertEqual(status, 1)   // errors remain for a person
        // What changed, one line each: path:line: old → new（code）. Nothing else.
        let changes = out.split(separator: "\n").filter { $0.contains(" → ") }
        XCTAssertEqual(changes, ["\(file.path):28: 410.50 → 400.50（A201）", "\(file.path):33: 医疗保障事业运行 → 事业运行（C302）"])
        XCTAssertTrue(out.contains("\(file.path)：另有 7 处修正未采用"), out)
        // 本年收入合计 and 总计 are left as written (fixing one would break the other), A205 as it was.
        XCTAssertFalse(out.contains("1,310.50 →") || out.contains("1,330.50 →") || out.contains("700.00 →"), out)
        XCTAssertTrue(out.contains("收入方“总计” 1330.50，填写为 1330.00，差额 -0.50"), out)
        let fixed = try String(contentsOf: file, encoding: .utf8)
        let old = Self.deliberate.split(separator: "\n", omittingEmptySubsequences: false)
        let new = fixed.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(old.count, new.count)
        XCTAssertEqual(zip(old, new).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }, [28, 33])
        // Every finding left was there before, word for word.
        let before = Set(Analysis(text: Self.deliberate).diagnostics.map(\.message))
        XCTAssertEqual(Analysis(text: fixed).diagnostics.filter { !before.contains($0.message) }.map(\.message), [])
        // A second run has nothing left to fix.
        let (_, again, _) = runTool(["lint", "--fix", "--no-color", file.path])
        XCTAssertFalse(again.contains(" → "), again)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), fixed)
    }

    func testFixDiffPreviewsWithoutWriting() throws {
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("deliberate-errors.juesuan")
        try write(Self.deliberate, to: file)
        let (status, out, _) = runTool(["lint", "--fix", "--diff", file.path])
        XCTAssertEqual(status, 1, "a change to show")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.deliberate, "nothing written")
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines.prefix(3)), ["--- \(file.path)", "+++ \(file.path)", "@@ -25,12 +25,12 @@"])
        XCTAssertEqual(lines.filter { $0.hasPrefix("-2") || $0.hasPrefix("+2") }.count, 4)
        XCTAssertTrue(lines.contains("+210      卫生健康支出                  900.50  500.00  400.50   // A203：500.00 + 410.50 = 910.50；A201：下级之和 900.50"))
        XCTAssertFalse(out.contains("error["), "a preview, not a lint report")
        // The diff applies with patch(1) and gives exactly what --fix writes.
        let patched = directory.appendingPathComponent("patched.juesuan")
        try write(Self.deliberate, to: patched)
        try Data(out.utf8).write(to: directory.appendingPathComponent("fix.diff"))
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        patch.arguments = ["patch", "--quiet", patched.path, directory.appendingPathComponent("fix.diff").path]
        try patch.run(); patch.waitUntilExit()
        XCTAssertEqual(patch.terminationStatus, 0)
        _ = runTool(["lint", "--fix", file.path])
        XCTAssertEqual(try String(contentsOf: patched, encoding: .utf8), try String(contentsOf: file, encoding: .utf8))
        // A clean file: no diff, status 0; --diff alone is a usage error.
        let clean = directory.appendingPathComponent("clean.juesuan")
        try write(Fixtures.clean, to: clean)
        let quiet = runTool(["lint", "--fix", "--diff", clean.path])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.out, "")
        XCTAssertEqual(runTool(["lint", "--diff", clean.path]).status, 2)
    }

    func testUnifiedDiffMatchesDiffU() throws {
        // Context merging, a change at the first and last line, and no final line break; with
        // LF, CRLF and mixed line endings (a CR stays in its line, byte for byte as diff -u).
        let endings: [(String, (Int) -> String)] = [("LF", { _ in "\n" }), ("CRLF", { _ in "\r\n" }),
                                                     ("mixed", { $0 % 3 == 0 ? "\r\n" : "\n" })]
        for (name, ending) in endings {
            let old = (1...20).map { "第\($0)行" + ($0 < 20 ? ending($0) : "") }.joined()
            var newLines = (1...20).map { "第\($0)行" }
            newLines[0] = "改一"; newLines[6] = "改七"; newLines[9] = "改十"; newLines[19] = "改二十"
            let new = newLines.enumerated().map { $1 + ($0 < 19 ? ending($0 + 1) : "") }.joined()
            let ours = UnifiedDiff.render(old: old, new: new, oldName: "a", newName: "b")
            let theirs = try diffU(old, new)
            XCTAssertEqual(Array(ours.utf8).split(separator: 10, omittingEmptySubsequences: false).dropFirst(2),
                           theirs.split(separator: 10, omittingEmptySubsequences: false).dropFirst(2), name)
            XCTAssertEqual(UnifiedDiff.render(old: old, new: old, oldName: "a", newName: "b"), "")
            if name == "CRLF" { XCTAssertTrue(ours.contains("-第1行\r\n+改一\r\n"), "the CR of each line is kept") }
        }
        // A final line break added or removed is a change of the last line.
        XCTAssertEqual(Array(UnifiedDiff.render(old: "甲\r\n乙", new: "甲\r\n乙\r\n", oldName: "a", newName: "b").utf8)
                        .split(separator: 10, omittingEmptySubsequences: false).dropFirst(2),
                       try diffU("甲\r\n乙", "甲\r\n乙\r\n").split(separator: 10, omittingEmptySubsequences: false).dropFirst(2))
    }

    /// What `diff -u a b` prints for the two texts, as bytes.
    func diffU(_ old: String, _ new: String) throws -> [UInt8] {
        let directory = try temporaryDirectory(self)
        try write(old, to: directory.appendingPathComponent("a"))
        try write(new, to: directory.appendingPathComponent("b"))
        let diff = Process()
        let pipe = Pipe()
        diff.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        diff.arguments = ["diff", "-u", "a", "b"]
        diff.currentDirectoryURL = directory
        diff.standardOutput = pipe
        try diff.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        diff.waitUntilExit()
        return Array(data)
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
        XCTAssertTrue(try LintOptions.parse(["--fix", "--diff", "a.juesuan"]).diff)
        XCTAssertThrowsError(try LintOptions.parse(["--diff", "a.juesuan"]))
        XCTAssertThrowsError(try LintOptions.parse(["--fix=yes", "a.juesuan"]))
        // Standard input is checked, not fixed.
        let captured = CapturedIO()
        captured.stdin = .success(Array(Fixtures.wrongTotal.utf8))
        let (status, _, err) = runTool(["lint", "--fix", "-"], captured)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(err.contains("--fix 不修改标准输入"), err)
    }
}
