import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax
import XCTest

/// The quick path after an edit must agree with a full analysis on every finding that does not
/// depend on other blocks.
final class IncrementalAnalysisTests: XCTestCase {
    /// Findings that the quick path leaves to the full analysis that follows it.
    func local(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { !["X", "N", "G"].contains($0.code.first!) && !["P607", "P617", "S107", "T803", "T806"].contains($0.code) }
            .map { "\($0.range.start)-\($0.range.end) \($0.code) \($0.message) \($0.fix?.edits.map(\.replacement) ?? [])" }
    }

    func replacing(_ text: String, _ range: SourceRange, with replacement: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<range.start] + Array(replacement.utf8) + bytes[range.end...], as: UTF8.self)
    }

    func testRandomCellEditsAgreeWithFullAnalysis() throws {
        var generator = ReportGenerator(seed: 7)
        let text = generator.largeReport(minimumLines: 600)
        let previous = Analysis(text: text)
        let cells = previous.report.tables.flatMap { $0.allRows.flatMap { $0.cells.compactMap { $0 } } }
        var random = SplitMix64(seed: 11)
        var checked = 0
        for _ in 0..<60 {
            let cell = cells[Int(random.next() % UInt64(cells.count))]
            let replacements = ["9", "12.34", "-", "1,000.00", "x1", ""]
            let newText = replacing(text, cell.token.range, with: replacements[Int(random.next() % UInt64(replacements.count))])
            let quick = try XCTUnwrap(IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(newText)))
            XCTAssertEqual(local(quick), local(Analysis(text: newText).diagnostics), "edit at \(cell.token.range.start)")
            checked += 1
        }
        XCTAssertEqual(checked, 60)
    }

    func testTypingRowsAndDeletingThemAgree() throws {
        let text = try readExample("deliberate-errors.juesuan")
        let previous = Analysis(text: text)
        // A new row typed at the end of 公开03 (in the blank line after it), one character at a time.
        let table03 = try XCTUnwrap(previous.report.table("公开03"))
        let after = previous.source.lineRange(table03.syntax.lines.upperBound).end
        var current = previous
        var currentText = text
        for prefix in ["2", "221", "221 住房保障支出", "221 住房保障支出 5", "221 住房保障支出 5.00 5.00"] {
            let newText = replacing(text, SourceRange(start: after, end: after), with: prefix)
            let quick = try XCTUnwrap(IncrementalAnalysis.quickDiagnostics(previous: current, newSource: SourceText(newText)), prefix)
            XCTAssertEqual(local(quick), local(Analysis(text: newText).diagnostics), prefix)
            current = Analysis(text: newText)
            currentText = newText
        }
        // Deleting a whole row of 公开06.
        let row = try XCTUnwrap(current.report.table("公开06")?.allRows.first { $0.code == "30107" })
        let line = current.source.lineRange(row.line)
        let deleted = replacing(currentText, line, with: "")
        let quick = try XCTUnwrap(IncrementalAnalysis.quickDiagnostics(previous: current, newSource: SourceText(deleted)))
        XCTAssertEqual(local(quick), local(Analysis(text: deleted).diagnostics))
    }

    func testEditsOutsideOneBlockNeedAFullAnalysis() throws {
        let text = try readExample("zhushan-2024.juesuan")
        let previous = Analysis(text: text)
        // The header: every block depends on it.
        XCTAssertNil(IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(text.replacingOccurrences(of: "年度 2024", with: "年度 2023"))))
        // A block's keyword line.
        XCTAssertNil(IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(text.replacingOccurrences(of: "表 公开03 支出决算表", with: "表 公开03 支出表"))))
        // A new block typed inside another.
        XCTAssertNil(IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(text.replacingOccurrences(of: "221      住房保障支出                        12.89   12.89\n", with: "221      住房保障支出                        12.89   12.89\n说明 新\n"))))
        // Unchanged text: the same findings.
        XCTAssertEqual(IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(text))?.count, previous.diagnostics.count)
    }

    /// Quick states chained through many edits (as an editor sends them) stay equal to full analyses.
    func testChainedEditsStayInStep() throws {
        var text = try readExample("deliberate-errors.juesuan")
        var state = IncrementalAnalysis.State(Analysis(text: text))
        var random = SplitMix64(seed: 3)
        for step in 0..<40 {
            let analysis = Analysis(text: text)
            let cells = analysis.report.tables.flatMap { $0.allRows.flatMap { $0.cells.compactMap { $0 } } }
            let cell = cells[Int(random.next() % UInt64(cells.count))]
            // Type a digit after the figure, or delete its last character, or insert a line.
            switch step % 3 {
            case 0: text = replacing(text, SourceRange(start: cell.token.range.end, end: cell.token.range.end), with: "7")
            case 1: text = replacing(text, SourceRange(start: cell.token.range.end - 1, end: cell.token.range.end), with: "")
            default: text = replacing(text, SourceRange(start: cell.token.range.end, end: cell.token.range.end), with: "\n// 新增的注释行")
            }
            let updated = try XCTUnwrap(IncrementalAnalysis.update(state, newSource: SourceText(text)), "step \(step)")
            XCTAssertEqual(local(updated.diagnostics), local(Analysis(text: text).diagnostics), "step \(step)")
            XCTAssertEqual(updated.blockStartLines, Analysis(text: text).report.syntax.blocks.map(\.lines.lowerBound), "step \(step)")
            state = updated
        }
    }
}
