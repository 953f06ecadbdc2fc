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

    /// The prose of a large report is read in two halves at once (issue 15): joined, they are
    /// the document read in one pass — every claim, paragraph and statement, with the indices
    /// that point from one claim to another (其中 lists, respectively lists, the figure a
    /// statement is about) renumbered — wherever the cut falls.
    func testProseReadInHalvesIsTheProseReadAtOnce() throws {
        var generator = ReportGenerator(seed: 47)
        var texts = [generator.largeReport(minimumLines: 2_000, prose: true)]
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
        for name in ["zhushan-2024.juesuan", "imported/seed-001.juesuan", "imported/seed-002.juesuan",
                     "imported/seed-003.juesuan", "imported/seed-004.juesuan"] {
            texts.append(try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8))
        }
        // Two reports one after the other: the second's lists and statements (seed-001 has
        // respectively lists) fall in a later part.
        texts.append(texts[1] + "\n" + texts[2])
        texts.append(texts[3] + "\n" + texts[2])
        var checkedIndices = (listWhole: 0, respectivelyOf: 0, subject: 0)
        for (index, text) in texts.enumerated() {
            let report = Report(syntax: Parser.parse(text))
            let whole = ProseDocument(report: report)
            let blocks = ProseDocument.partBlocks(8, of: report)
            XCTAssertEqual(blocks.first?.lowerBound, 0)
            XCTAssertEqual(blocks.last?.upperBound, report.syntax.blocks.count)
            XCTAssertEqual(zip(blocks, blocks.dropFirst()).filter { $0.upperBound != $1.lowerBound || $0.isEmpty }.count, 0, "runs meet")
            let parts = blocks.map { ProseDocument(report: report, blocks: $0) }
            XCTAssertGreaterThanOrEqual(parts.filter { !$0.paragraphs.isEmpty }.count, 2, "text \(index): two parts or more have prose")
            let joined = ProseDocument(joining: parts)
            XCTAssertEqual(whole.claims.count, joined.claims.count, "text \(index)")
            for (one, two) in zip(whole.claims, joined.claims) {
                XCTAssertEqual(String(describing: one), String(describing: two), "text \(index)")
            }
            XCTAssertEqual(whole.paragraphs.map { "\($0.line) \($0.section) \($0.claims)" }, joined.paragraphs.map { "\($0.line) \($0.section) \($0.claims)" })
            XCTAssertEqual(whole.statements.map { String(describing: $0) }, joined.statements.map { String(describing: $0) }, "text \(index)")
            XCTAssertEqual(whole.titles.map { $0.map { $0.string(0, $0.count) } }, joined.titles.map { $0.map { $0.string(0, $0.count) } })
            XCTAssertEqual(whole.titleQuantities, joined.titleQuantities)
            let secondStart = whole.claims.count - parts.dropFirst().reduce(0) { $0 + $1.claims.count }
            checkedIndices.listWhole += whole.claims[secondStart...].filter { $0.listWhole != nil }.count
            checkedIndices.respectivelyOf += whole.claims[secondStart...].filter { $0.respectivelyOf != nil }.count
            checkedIndices.subject += whole.statements.filter { ($0.subject ?? 0) >= secondStart }.count
        }
        // The renumbering was exercised: the parts after the first hold each kind of index.
        XCTAssertGreaterThan(checkedIndices.listWhole, 0)
        XCTAssertGreaterThan(checkedIndices.respectivelyOf, 0)
        XCTAssertGreaterThan(checkedIndices.subject, 0)
    }

    /// On a busy pool `TwoThreads` runs both threads' work on one thread, one after the other:
    /// a check that needs the prose must read the parts not yet taken, not wait for them (a
    /// deadlock), and every order gives the prose read at once.
    func testProseNeededBeforeEveryPartIsTakenIsReadNotAwaited() throws {
        var generator = ReportGenerator(seed: 53)
        let report = Report(syntax: Parser.parse(generator.largeReport(minimumLines: 600, prose: true)))
        let expected = ProseDocument(report: report).claims.map { String(describing: $0) }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertGreaterThan(ProseDocument.partBlocks(TwoThreads.partCount, of: report).count, 3)
        for partsReadFirst in [0, 1, 3, Int.max] {
            let context = CheckContext(report: report)
            context.expectProseInParts()
            // On a thread of its own, so that a wait that never ends fails the test, not hangs it.
            final class Outcome: @unchecked Sendable { var claims: [String]? }
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            Thread {
                if partsReadFirst > 0 { context.readProseParts(limit: partsReadFirst) }
                outcome.claims = context.prose.claims.map { String(describing: $0) }
                done.signal()
            }.start()
            guard done.wait(timeout: .now() + 60) == .success else {
                XCTFail("\(partsReadFirst) parts read first: the prose was awaited, never read")
                continue
            }
            XCTAssertEqual(outcome.claims, expected, "\(partsReadFirst) parts read first")
            XCTAssertTrue(context.isProseRead)
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
