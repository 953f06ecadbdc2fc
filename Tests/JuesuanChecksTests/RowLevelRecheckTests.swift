import JuesuanCatalogue
@testable import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax
import XCTest

/// Issue 15, item 4: a keystroke in one row of a large table re-checks that row, its parents,
/// the totals and the rows they rest on, not the whole table. The findings must be those of
/// re-checking the whole block (and so of a full analysis, for the findings within the block).
final class RowLevelRecheckTests: XCTestCase {
    static func bigTableReport(seed: UInt64) -> String {
        var generator = ReportGenerator(seed: seed)
        return generator.bigTableReport()
    }

    func local(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { !["X", "N", "G"].contains($0.code.first!) && !["P607", "P617", "S107", "T803", "T806"].contains($0.code) }
            .map { "\($0.range.start)-\($0.range.end) \($0.code) \($0.message) \($0.related.map(\.range)) \($0.fix?.edits.map { "\($0.range) \($0.replacement)" } ?? [])" }
    }

    func replacing(_ text: String, _ range: SourceRange, with replacement: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<range.start] + Array(replacement.utf8) + bytes[range.end...], as: UTF8.self)
    }

    /// Keystrokes in figures of the big table (in code rows, the total row and the `其中` row),
    /// chained: each builds on the quick state of the one before, as in the editor. Each quick
    /// result equals re-checking the whole block, and the row-level path is the one taken for
    /// keystrokes in code rows.
    func testKeystrokesInABigTableAgreeWithTheWholeBlock() throws {
        let text = Self.bigTableReport(seed: 5)
        let full = Analysis(text: text)
        let table = try XCTUnwrap(full.report.tables.first { $0.syntax.title?.text.contains("分项目") == true })
        XCTAssertGreaterThan(table.allRows.count, 1_500)
        var state = IncrementalAnalysis.State(full)
        var current = text
        var random = SplitMix64(seed: 17)
        var rowLevel = 0
        let typed = ["7", "", "0", "-", "12,345.67", "x", "9.999"]
        for step in 0..<80 {
            let analysed = Analysis(text: current)
            let rows = analysed.report.tables.first { $0.syntax.title?.text.contains("分项目") == true }!.allRows
            let row = rows[Int(random.next() % UInt64(rows.count))]
            let cells = row.cells.compactMap { $0 }
            guard let cell = cells.isEmpty ? nil : cells[Int(random.next() % UInt64(cells.count))] else { continue }
            let replacement = typed[Int(random.next() % UInt64(typed.count))]
            // Typing at the end of the figure, deleting its last character, or replacing it.
            let range: SourceRange
            switch step % 3 {
            case 0: range = SourceRange(start: cell.token.range.end, end: cell.token.range.end)
            case 1: range = SourceRange(start: cell.token.range.end - 1, end: cell.token.range.end)
            default: range = cell.token.range
            }
            let next = replacing(current, range, with: step % 3 == 1 ? "" : replacement)
            if next == current { continue }
            let source = SourceText(next)
            let edited = try XCTUnwrap(EditedBlock(old: state.source, blockStartLines: state.blockStartLines, new: source))
            if RowScope(edited, old: state.source, new: source) != nil { rowLevel += 1 }
            let quick = try XCTUnwrap(IncrementalAnalysis.update(state, newSource: source))
            let wholeBlock = try XCTUnwrap(IncrementalAnalysis.update(state, newSource: source, analyseBlock: { _ in
                Analysis(bytes: edited.blockAlone(source)) }, rowLevel: false))
            XCTAssertEqual(local(quick.diagnostics), local(wholeBlock.diagnostics), "step \(step): \(row.label) \(replacement.debugDescription)")
            XCTAssertEqual(local(quick.diagnostics), local(Analysis(text: next).diagnostics), "step \(step), against a full analysis")
            state = quick
            current = next
        }
        print("row-level re-checks: \(rowLevel) of 80 keystrokes")
        XCTAssertGreaterThan(rowLevel, 50, "keystrokes in code rows take the row-level path")
    }

    /// What the row-level path must leave to the whole block: an edit of the code, a new line,
    /// a small table, a code it cannot read for sure.
    func testItStepsAsideWhenItCannotBeSure() throws {
        let text = Self.bigTableReport(seed: 6)
        let full = Analysis(text: text)
        let state = IncrementalAnalysis.State(full)
        let row = try XCTUnwrap(full.report.tables.flatMap(\.allRows).first { $0.code == "2010101" && $0.cells.count == 3 })
        let codeEnd = row.syntax.range.start + 7
        func scope(_ next: String) throws -> RowScope? {
            let source = SourceText(next)
            let edited = try XCTUnwrap(EditedBlock(old: state.source, blockStartLines: state.blockStartLines, new: source))
            return RowScope(edited, old: state.source, new: source)
        }
        let figure = try XCTUnwrap(row.cells[1]).token.range
        XCTAssertNotNil(try scope(replacing(text, SourceRange(start: figure.end, end: figure.end), with: "1")), "a figure typed")
        XCTAssertNil(try scope(replacing(text, SourceRange(start: codeEnd - 1, end: codeEnd), with: "2")), "the code edited")
        XCTAssertNil(try scope(replacing(text, SourceRange(start: figure.end, end: figure.end), with: "\n")), "a line added")
        let glued = replacing(text, SourceRange(start: codeEnd, end: codeEnd + 2), with: "")
        XCTAssertNil(try scope(replacing(glued, SourceRange(start: figure.end - 2, end: figure.end - 2), with: "1")), "a code glued to its name somewhere")
        let wide = replacing(text, SourceRange(start: row.syntax.range.start, end: row.syntax.range.start + 3), with: "２０１")
        XCTAssertNil(try scope(replacing(wide, SourceRange(start: figure.end + 6, end: figure.end + 6), with: "1")), "full-width digits in the table")
        // A table under the threshold: the whole block.
        var generator = ReportGenerator(seed: 2)
        let small = generator.largeReport(minimumLines: 300)
        let smallAnalysis = Analysis(text: small)
        let cell = try XCTUnwrap(smallAnalysis.report.tables.last?.allRows.last?.cells.last ?? nil)
        let edited = replacing(small, SourceRange(start: cell.token.range.end, end: cell.token.range.end), with: "3")
        let block = try XCTUnwrap(EditedBlock(old: smallAnalysis.source, blockStartLines: smallAnalysis.report.syntax.blockStartLines, new: SourceText(edited)))
        XCTAssertNil(RowScope(block, old: smallAnalysis.source, new: SourceText(edited)))
    }
}
