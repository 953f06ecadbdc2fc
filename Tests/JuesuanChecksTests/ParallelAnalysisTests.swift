import Foundation
@testable import JuesuanChecks
import JuesuanFixtures
@testable import JuesuanModel
import JuesuanSyntax
import XCTest

/// A large report's check families run on two threads; the findings must be exactly those of
/// running them one after another, and a cancel must still stop the work.
final class ParallelAnalysisTests: XCTestCase {
    func testTwoThreadsFindWhatOneFinds() throws {
        var generator = ReportGenerator(seed: 41)
        var texts = [generator.largeReport(minimumLines: 2_500, prose: true)]
        // Real reports with their errors, repeated past the threshold, and one with moved figures.
        for name in ["zhushan-2024.juesuan", "deliberate-errors.juesuan", "imported/seed-001.juesuan", "imported/seed-004.juesuan"] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples/\(name)")
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        var mutated = texts[0]
        mutated = mutated.replacingOccurrences(of: ".50  ", with: ".70  ")
        texts.append(mutated)
        for (index, text) in texts.enumerated() {
            let report = Report(syntax: Parser.parse(text))
            let one = try XCTUnwrap(Analysis(report: report, inParallel: false, unlessCancelled: { false }))
            let two = try XCTUnwrap(Analysis(report: report, inParallel: true, unlessCancelled: { false }))
            XCTAssertEqual(one.diagnostics.isEmpty, index == 0, "text \(index): only the generated report is consistent")
            XCTAssertTrue(one.diagnostics == two.diagnostics, "text \(index): \(one.diagnostics.count) findings on one thread, \(two.diagnostics.count) on two")
        }
        XCTAssertGreaterThanOrEqual(texts[0].utf8.count, Analysis.parallelThreshold, "the generated report takes the parallel path by default")
    }

    /// A large document's tables are modelled on two threads (issue 15): every finding of the
    /// model and of the checks that read it is the same as with one thread, errors included.
    func testTablesModelledOnTwoThreadsGiveTheSameFindings() throws {
        var generator = ReportGenerator(seed: 43)
        var texts = [generator.largeReport(minimumLines: 2_500, prose: true)]
        for name in ["zhushan-2024.juesuan", "deliberate-errors.juesuan", "imported/seed-001.juesuan", "imported/seed-004.juesuan"] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples/\(name)")
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        // Model errors in both halves: an unknown column, a cell too many, a word for a figure.
        var broken = texts[0].components(separatedBy: "\n")
        for index in stride(from: broken.count / 5, to: broken.count, by: broken.count / 5) where broken[index].hasPrefix("20") {
            broken[index] += " 1 2 3 4 5"
        }
        texts.append(broken.joined(separator: "\n").replacingOccurrences(of: "列 本年支出合计", with: "列 本年支出总计"))
        for (index, text) in texts.enumerated() {
            let syntax = Parser.parse(text)
            let one = Report(syntax: syntax, catalogue: .embedded, defaultTolerance: nil, inParallel: false)
            let two = Report(syntax: syntax, catalogue: .embedded, defaultTolerance: nil, inParallel: true)
            XCTAssertEqual(one.tables.map(\.id), two.tables.map(\.id), "text \(index)")
            XCTAssertEqual(one.tables.flatMap { $0.allRows.map(\.line) }, two.tables.flatMap { $0.allRows.map(\.line) }, "text \(index)")
            XCTAssertTrue(one.diagnostics == two.diagnostics, "text \(index): \(one.diagnostics.count) model findings on one thread, \(two.diagnostics.count) on two")
            let checkedOne = try XCTUnwrap(Analysis(report: one, inParallel: false, unlessCancelled: { false }))
            let checkedTwo = try XCTUnwrap(Analysis(report: two, inParallel: false, unlessCancelled: { false }))
            XCTAssertTrue(checkedOne.diagnostics == checkedTwo.diagnostics, "text \(index)")
            if index == texts.count - 1 {
                let middle = text.utf8.count / 2
                XCTAssertTrue(one.diagnostics.contains { $0.range.start < middle } && one.diagnostics.contains { $0.range.start > middle },
                              "the broken text has model findings in both halves: \(one.diagnostics.map(\.code))")
            }
        }
    }

    func testTheStartOrderIsEveryFamilyOnce() {
        XCTAssertEqual(CheckRegistry.startOrder.sorted(), Array(CheckRegistry.checks.indices))
    }

    func testACancelStopsBothThreads() {
        var generator = ReportGenerator(seed: 3)
        let report = Report(syntax: Parser.parse(generator.largeReport(minimumLines: 1_500, prose: true)))
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var asked = 0
        }
        for allowed in [0, 1, 3, 7] {
            let counter = Counter()
            let result = Analysis(report: report, inParallel: true, unlessCancelled: {
                counter.lock.lock(); defer { counter.lock.unlock() }
                counter.asked += 1
                return counter.asked > allowed
            })
            XCTAssertNil(result, "cancelled after \(allowed) families")
            counter.lock.lock()
            XCTAssertLessThanOrEqual(counter.asked, allowed + 2, "each thread stops at its next question")
            counter.lock.unlock()
        }
    }
}
