import Foundation
import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax
import XCTest

/// `SafeFixer`: a fix is kept only when, against the original findings, its own finding goes
/// and no other finding appears or changes; fixes never cascade.
final class NoCascadeFixTests: XCTestCase {
    struct Found: Hashable { var code: String; var line: Int; var message: String }

    func found(_ analysis: Analysis) -> Set<Found> {
        Set(analysis.diagnostics.map { Found(code: $0.code, line: analysis.source.line(containing: $0.range.start), message: $0.message) })
    }

    /// The lines that differ between two texts of the same number of lines (0-based).
    func changedLines(_ a: String, _ b: String) -> [Int] {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(x.count, y.count)
        return zip(x, y).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    }

    func testTheDeliberateReportChangesOnlyLinesWithTheirOwnSafeFinding() throws {
        let text = try readExample("deliberate-errors.juesuan")
        let before = Analysis(text: text)
        let result = SafeFixer.fix(text: text)
        // Exactly two: 210's 项目支出 from its children (which also settles the row's A203 and the
        // 合计's A202), and the official name of 2101550. 本年收入合计 1,310.50 is NOT changed: 总计
        // was written from it, so correcting it alone would raise a new A204 on 总计.
        XCTAssertEqual(result.applied.map { "\($0.line + 1) \($0.old) → \($0.new) \($0.code)" },
                       ["28 410.50 → 400.50 A201", "33 医疗保障事业运行 → 事业运行 C302"])
        XCTAssertEqual(changedLines(text, result.text), [27, 32])
        // Declined: everything else that offered a safe fix (A204, A202, A203 ×1, 301's A201, A206 ×3).
        XCTAssertEqual(result.declined, before.diagnostics.filter { $0.fix?.isSafe == true }.count - 2)
        // Every finding after the fix was there before, word for word; A205 unchanged (−0.50).
        let after = found(result.analysis)
        XCTAssertTrue(after.isSubset(of: found(before)), "\(after.subtracting(found(before)))")
        XCTAssertEqual(result.analysis.findings("A205").map(\.message), before.findings("A205").map(\.message))
        XCTAssertTrue(result.analysis.findings("A205")[0].message.hasSuffix("差额 -0.50"))
        // What stays for a person: the 公开01 total, 301 in 公开06 (人员经费合计 was written from it),
        // and 公开07's three rows (each alone would break another).
        XCTAssertEqual(result.analysis.findings("A204").count, 1)
        XCTAssertEqual(result.analysis.findings("A206").count, 3)
        XCTAssertTrue(result.text.contains("1,310.50") && result.text.contains("301    工资福利支出                 700.00"))
        // Running it again changes nothing more.
        XCTAssertEqual(SafeFixer.fix(text: result.text).applied.count, 0)
    }

    func testTwoFixesThatDisagreeOnOneCellAreNeitherApplied() {
        // 210's 本年支出合计: its children say 900.50, its own row (基本 + 项目) says 910.50.
        let text = header + """
        表 公开03 支出决算表
        合计                  905.00  500.00  410.50
        210      卫生健康支出  905.00  500.00  410.50
        21011    行政事业单位医疗  100.00  100.00    0.00
        2101101  行政单位医疗      100.00  100.00    0.00
        21015    医疗保障管理事务  800.50  400.00  400.50
        2101501  行政运行          400.00  400.00    0.00
        2101550  事业运行          400.50    0.00  400.50

        """
        let analysis = Analysis(text: text)
        let proposals = analysis.diagnostics.filter { $0.fix?.isSafe == true && $0.source(analysis) == "905.00" && analysis.source.line(containing: $0.range.start) == 5 }
        XCTAssertEqual(Set(proposals.compactMap { $0.fix?.edits.first?.replacement }), ["900.50", "910.50"])
        let result = SafeFixer.fix(text: text)
        XCTAssertFalse(result.applied.contains { $0.line == 5 && $0.old == "905.00" }, "\(result.applied)")
        XCTAssertTrue(found(result.analysis).isSubset(of: found(analysis)))
        XCTAssertGreaterThan(result.declined, 0)
    }

    func testAFixThatWouldBreakACopyInAnotherTableIsDeclined() {
        // 210 in 公开03 is 110.00 where its child says 100.00, but 公开01 copies 110.00: fixing 公开03
        // alone would raise X403. The block looks fine on its own; the whole report does not.
        func report(_ copied: String) -> String {
            header + """
            表 公开01 收入支出决算总表
            收入
            一、一般公共预算财政拨款收入  110.00
            本年收入合计                  110.00
            总计                          110.00
            支出
            九、卫生健康支出              \(copied)
            本年支出合计                  110.00
            总计                          110.00

            表 公开03 支出决算表
            合计                          100.00  100.00  0.00
            210      卫生健康支出          110.00  100.00  0.00
            21011    行政事业单位医疗      100.00  100.00  0.00
            2101101  行政单位医疗          100.00  100.00  0.00
            2101550  医疗保障事业运行        0.00    0.00  0.00

            """
        }
        let declined = SafeFixer.fix(text: report("110.00"))
        XCTAssertEqual(declined.applied.map(\.code), ["C302"], "only the name; 210 stays")
        XCTAssertGreaterThan(declined.fullAnalyses, 1, "the whole report was needed to see it")
        XCTAssertTrue(found(declined.analysis).isSubset(of: found(Analysis(text: report("110.00")))))
        // When 公开01 holds the children's figure, the same fix is proven twice and applied.
        let applied = SafeFixer.fix(text: report("100.00"))
        XCTAssertEqual(applied.applied.count, 2, "\(applied.applied)")
        XCTAssertEqual(applied.applied.last?.code, "C302")
        XCTAssertTrue(applied.text.contains("210      卫生健康支出          100.00  100.00  0.00"))
        XCTAssertTrue(applied.analysis.findings("X403").isEmpty)
    }

    func testFixesFineAloneButNotTogetherAreNotBothApplied() {
        // A custom one-column table. 21011 and 21015 each contradict their children (+10 each);
        // 210 = 21011's right figure + 21015's wrong one. Fixing either 款 alone settles 210;
        // fixing both would unsettle it again. Deepest first, then the rest: never both.
        let text = header + """
        表 明细 支出明细表
        列 金额
        210      卫生健康支出          110.00
        21011    行政事业单位医疗       10.00
        2101101  行政单位医疗           20.00
        21015    医疗保障管理事务       90.00
        2101501  行政运行              100.00

        """
        let before = Analysis(text: text)
        XCTAssertEqual(before.findings("A201").count, 3)
        let result = SafeFixer.fix(text: text)
        XCTAssertEqual(result.applied.count, 1, "\(result.applied)")
        XCTAssertTrue(found(result.analysis).isSubset(of: found(before)), "\(found(result.analysis).subtracting(found(before)))")
        XCTAssertLessThan(result.analysis.findings("A201").count, 3)
    }

    func testACleanReportIsLeftAlone() throws {
        let text = try readExample("zhushan-2024.juesuan")
        let result = SafeFixer.fix(text: text)
        XCTAssertEqual(result.applied.filter { $0.code.hasPrefix("A") }.count, 0)
        XCTAssertEqual(result.text.utf8.count - text.utf8.count, result.applied.reduce(0) { $0 + $1.new.utf8.count - $1.old.utf8.count })
        var generator = ReportGenerator(seed: 7)
        let consistent = generator.standardReport()
        XCTAssertEqual(SafeFixer.fix(text: consistent).text, consistent)
    }

    func testTheImportedSeedsKeepTheirPublishedFigures() throws {
        // Published totals (a score total 83, 收入总计 …) are never rewritten: only figures and
        // names whose own finding goes while nothing else moves. Two totals of the imported seeds
        // are proven wrong by their own parts (domain-rules §7): 003's 资金总额 1066.91 (1048.02 +
        // 18.41) and 004's 基础工作 16 (3 + 3 + 3 + 5); a total from its parts is a safe fix.
        let provenTotals: [String: [(old: String, new: String)]] = ["seed-003": [("1066.91", "1066.43")], "seed-004": [("16", "14")]]
        for name in ["seed-001", "seed-002", "seed-003", "seed-004"] {
            let text = try readExample("imported/\(name).juesuan")
            let before = Analysis(text: text)
            let result = SafeFixer.fix(text: text)
            XCTAssertTrue(found(result.analysis).isSubset(of: found(before)), name)
            let rewritten = result.applied.filter { DecimalNumber($0.old) != nil }.map { "\($0.old)→\($0.new)" }
            XCTAssertEqual(rewritten, (provenTotals[name] ?? []).map { "\($0.old)→\($0.new)" }, "\(name): \(result.applied)")
        }
    }

    /// A 1 MB report with 160 wrong totals is fixed in a few full analyses, not one per fix.
    func testALargeReportWithManyWrongTotalsIsFixedInTime() {
        var generator = ReportGenerator(seed: 16)
        var lines = generator.largeReport(minimumLines: 17_000).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertGreaterThan(lines.joined(separator: "\n").utf8.count, 900_000)
        // In the custom detail tables: 160 类 rows get a wrong 合计 (+1.00; its children and its
        // own row both say so), 40 项 rows a wrong 基本支出 (the 款 above and the row disagree).
        var inDetail = false
        var wrongTotals: [Int] = []
        var wrongParts: [Int] = []
        for index in lines.indices {
            let line = lines[index]
            if line.hasPrefix("表 ") { inDetail = line.hasPrefix("表 明细"); continue }
            guard inDetail, let code = line.split(separator: " ").first, code.allSatisfy(\.isNumber) else { continue }
            var cells = line.components(separatedBy: "  ")
            if code.count == 3, wrongTotals.count < 160, index % 3 == 0 {
                cells[2] = bump(cells[2]); wrongTotals.append(index)
            } else if code.count == 7, wrongParts.count < 40, index % 11 == 0 {
                cells[3] = bump(cells[3]); wrongParts.append(index)
            } else { continue }
            lines[index] = cells.joined(separator: "  ")
        }
        XCTAssertEqual(wrongTotals.count, 160)
        XCTAssertEqual(wrongParts.count, 40)
        let text = lines.joined(separator: "\n")
        let start = Date()
        let result = SafeFixer.fix(text: text)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(Set(result.applied.map(\.line)), Set(wrongTotals))
        XCTAssertLessThanOrEqual(result.fullAnalyses, 2)
        XCTAssertLessThan(seconds, 60, "debug build")
        print("SafeFixer: 1 MB, \(result.applied.count) fixes, \(result.fullAnalyses) full analyses, \(String(format: "%.1f", seconds)) s")
    }

    func bump(_ money: String) -> String {
        let value = DecimalNumber(money)! + DecimalNumber(1)
        return value.formatted(scale: 2)
    }
}

private extension Diagnostic {
    func source(_ analysis: Analysis) -> String { analysis.source.string(range) }
}

final class SafeFixBudgetTests: XCTestCase {
    /// A report with a wrong 210 total and a wrong name (C302): the name can be fixed alone.
    static var nameAndTotal: String {
        header + """
        表 公开01 收入支出决算总表
        收入
        一、一般公共预算财政拨款收入  110.00
        本年收入合计                  110.00
        总计                          110.00
        支出
        九、卫生健康支出              110.00
        本年支出合计                  110.00
        总计                          110.00

        表 公开03 支出决算表
        合计                          100.00  100.00  0.00
        210      卫生健康支出          110.00  100.00  0.00
        21011    行政事业单位医疗      100.00  100.00  0.00
        2101101  行政单位医疗          100.00  100.00  0.00
        2101550  医疗保障事业运行        0.00    0.00  0.00

        """
    }

    /// When the full analyses allowed run out before a fix is proven, it is not applied: the
    /// text stays exactly as it was rather than holding an unproven change.
    func testUnprovenFixesAreNotApplied() {
        let text = Self.nameAndTotal
        // One full analysis: it shows that the set (210 and the name) does not hold; no budget
        // is left to find out which one is to blame, so neither is applied.
        let starved = SafeFixer.fix(text: text, maxFullAnalyses: 1)
        XCTAssertEqual(starved.applied.count, 0)
        XCTAssertEqual(starved.text, text)
        XCTAssertEqual(starved.fullAnalyses, 1)
        // With the default budget the name is proven alone.
        XCTAssertEqual(SafeFixer.fix(text: text).applied.map(\.code), ["C302"])
    }

    /// A cancelled fix-all stops: no full analysis after the cancel, nothing applied, the text
    /// as it was; until the cancel the same work is done as without one.
    func testCancelledFixingStopsAndAppliesNothing() {
        let text = Self.nameAndTotal
        XCTAssertFalse(SafeFixer.fix(text: text).applied.isEmpty, "the fixture has a safe fix")
        for allowedQuestions in [0, 1, 2] {
            var asked = 0
            let result = SafeFixer.fix(text: text, isCancelled: { asked += 1; return asked > allowedQuestions })
            XCTAssertEqual(result.applied.count, 0, "cancelled after \(allowedQuestions) questions")
            XCTAssertEqual(result.text, text)
            XCTAssertEqual(result.fullAnalyses, 0, "no full analysis of a fixed text once cancelled")
        }
        var asked = 0
        let uncancelled = SafeFixer.fix(text: text, isCancelled: { asked += 1; return false })
        XCTAssertEqual(uncancelled.applied.map(\.code), SafeFixer.fix(text: text).applied.map(\.code))
        XCTAssertGreaterThan(asked, 1, "the question is asked along the way")
    }
}
