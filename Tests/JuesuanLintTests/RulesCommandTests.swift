import Foundation
import XCTest
@testable import JuesuanLint
import JuesuanChecks

final class RulesCommandTests: XCTestCase {
    func testRulesListsEveryCode() {
        let run = runTool(["rules"])
        XCTAssertEqual(run.status, 0)
        for rule in CheckRegistry.rules { XCTAssertTrue(run.out.contains("\(rule.code)  \(rule.severity.chineseName)  \(rule.title)\n"), rule.code) }
        XCTAssertEqual(runTool(["rules", "--bogus"]).status, 2)
    }

    func testExplainShowsBothExamplesAndTheRealMessage() {
        let run = runTool(["explain", "a201"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.out.hasPrefix("A201（错误）上级科目行不等于下级科目行之和\n"), run.out)
        XCTAssertTrue(run.out.contains("会报告 A201 的例子："))
        XCTAssertTrue(run.out.contains("不会报告的例子："))
        XCTAssertTrue(run.out.contains("→ 第 6 行：错误[A201] 公开05「210 卫生健康支出」的“本年支出合计”应为下级科目之和 100.00，填写为 110.00，差额 +10.00"), run.out)
        XCTAssertTrue(run.out.contains("    210  卫生健康支出  110.00  110.00  0.00\n"))
        let unknown = runTool(["explain", "Z999"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("没有规则“Z999”"))
        XCTAssertEqual(runTool(["explain"]).status, 2)
        XCTAssertEqual(runTool(["explain", "S111"]).status, 0, "explained without examples")
    }

    /// docs/rules.md is `juesuan rules --markdown`; JUESUAN_UPDATE_GOLDEN=1 rewrites it.
    func testDocsRulesIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/rules.md")
        let generated = RulesCommand.markdown()
        if ProcessInfo.processInfo.environment["JUESUAN_UPDATE_GOLDEN"] == "1" { try Data(generated.utf8).write(to: url) }
        let stored = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(stored, generated, "docs/rules.md is stale: run juesuan rules --markdown > docs/rules.md")
        for rule in CheckRegistry.rules { XCTAssertTrue(stored.contains("<a id=\"\(rule.code.lowercased())\"></a>"), rule.code) }
    }
}
