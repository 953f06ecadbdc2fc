import Foundation
import XCTest
@testable import JuesuanLint

final class ConcurrentMapTests: XCTestCase {
    func testResultsKeepIndexOrderWhateverCoreComputesThem() {
        let words = (0..<1_000).map { "第\($0)项" }
        XCTAssertEqual(concurrentMap(words.count) { words[$0] + "。" }, words.map { $0 + "。" })
        XCTAssertEqual(concurrentMap(0) { String($0) }, [])
        XCTAssertEqual(concurrentMap(1) { String($0 + 7) }, ["7"])
    }

    func testHumanOutputOfManyFilesIsInFileOrder() {
        var runner = LintRunner()
        runner.keepReports = false
        var result = LintResult()
        for index in 0..<40 {
            let text = "部门 某局\n年度 2024\n\n表 公开03 支出决算表\n合计 \(index + 2).00 1.00 1.00\n201 一般公共服务支出 2.00 1.00 1.00\n"
            result.files.append(runner.lint(bytes: Array(text.utf8), path: "报告\(index).juesuan"))
        }
        let output = HumanFormatter().format(result)
        var previous: String.Index?
        for index in 1..<40 {
            guard let found = output.range(of: "报告\(index).juesuan:5:") else { return XCTFail("no finding for 报告\(index)") }
            if let previous { XCTAssertGreaterThan(found.lowerBound, previous, "报告\(index)") }
            previous = found.lowerBound
        }
        XCTAssertNil(output.range(of: "报告0.juesuan:"), "the consistent report has no finding")
    }
}
