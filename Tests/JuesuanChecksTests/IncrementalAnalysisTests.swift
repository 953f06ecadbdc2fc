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

/// Issue 15: the quick result after a keystroke keeps the findings that rest on other blocks
/// (they cannot come from the edited block checked alone) unless the edit touches them.
final class QuickResultFlickerTests: XCTestCase {
    func replacing(_ text: String, at offset: Int, _ removed: Int = 0, with replacement: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<offset] + Array(replacement.utf8) + bytes[(offset + removed)...], as: UTF8.self)
    }

    func crossBlock(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.code == "N502" }.map { "\($0.range.start)-\($0.range.end) \($0.message)" }
    }

    func testTypingInAnExplanationKeepsItsFindingsAgainstTheTables() throws {
        let text = try readExample("zhushan-2024.juesuan")
        let previous = Analysis(text: text)
        let n502 = try XCTUnwrap(previous.diagnostics.first { $0.code == "N502" })
        let section = try XCTUnwrap(text.range(of: "说明 九、预算绩效情况说明\n"))
        let sectionStart = text.utf8.distance(from: text.startIndex, to: section.upperBound)
        let paragraphEnd = text.utf8.distance(from: text.startIndex, to: try XCTUnwrap(text.range(of: "90.4分。")).upperBound)
        XCTAssertTrue(n502.range.start > sectionStart && n502.range.end < paragraphEnd, "N502 is in 说明 九")
        // In the sentences after the finding's: a full stop typed at the end of the paragraph,
        // a line break there, a word typed into the second sentence, a character deleted in the third.
        let second = text.utf8.distance(from: text.startIndex, to: try XCTUnwrap(text.range(of: "4个项目")).lowerBound) + 1
        let third = text.utf8.distance(from: text.startIndex, to: try XCTUnwrap(text.range(of: "自评平均分")).lowerBound)
        let edits = [replacing(text, at: paragraphEnd, with: "。"), replacing(text, at: paragraphEnd, with: "\n\n"),
                     replacing(text, at: second, with: "二级"), replacing(text, at: third, 3, with: "")]
        for (index, edited) in edits.enumerated() {
            let quick = try XCTUnwrap(IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(edited)), "edit \(index)")
            let full = Analysis(text: edited).diagnostics
            XCTAssertEqual(crossBlock(full).count, 1, "edit \(index)")
            XCTAssertEqual(crossBlock(quick), crossBlock(full), "edit \(index): the quick result must keep N502 where the full analysis puts it")
            XCTAssertEqual(quick.filter { $0.code == "N502" }.first?.related.map(\.range), full.filter { $0.code == "N502" }.first?.related.map(\.range), "edit \(index)")
        }
        // In the finding's own sentence the edit may change its message (it quotes the sentence):
        // the quick result leaves it to the full analysis rather than show a stale one.
        let comma = text.utf8.distance(from: text.startIndex, to: try XCTUnwrap(text.range(of: "全面开展绩效自评，")).upperBound) - 3
        let sameSentence = [replacing(text, at: sectionStart, with: "本部门"), replacing(text, at: comma, 3, with: "")]
        for edited in sameSentence {
            let quick = try XCTUnwrap(IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(edited)))
            XCTAssertTrue(crossBlock(quick).allSatisfy(crossBlock(Analysis(text: edited).diagnostics).contains))
        }
    }

    func testAnEditOfTheFigureItselfDropsTheOldFinding() throws {
        let text = try readExample("zhushan-2024.juesuan")
        let previous = Analysis(text: text)
        let n502 = try XCTUnwrap(previous.diagnostics.first { $0.code == "N502" })
        // The stated share corrected (100% → 92.07%): the old finding must not linger.
        let written = previous.source.string(n502.range)
        let percent = try XCTUnwrap(written.range(of: "100"))
        let offset = n502.range.start + written.utf8.distance(from: written.startIndex, to: percent.lowerBound)
        let corrected = replacing(text, at: offset, 3, with: "92.07")
        let quick = try XCTUnwrap(IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(corrected)))
        XCTAssertEqual(crossBlock(quick), [])
        XCTAssertEqual(crossBlock(Analysis(text: corrected).diagnostics), [])
    }

    /// Random keystrokes in the explanations of the example and the imported seeds: every
    /// finding of the edited block that the quick result keeps against other blocks is one the
    /// full analysis of the new text gives too (no stale finding), and most are kept (no flicker).
    func testRandomKeystrokesInProseKeepOnlyCurrentFindings() throws {
        var kept = 0, expected = 0, edits = 0
        for name in ["zhushan-2024.juesuan", "imported/seed-001.juesuan", "imported/seed-002.juesuan", "imported/seed-003.juesuan", "imported/seed-004.juesuan"] {
            let text = try readExample(name)
            let previous = Analysis(text: text)
            let syntax = previous.report.syntax
            let prose = syntax.lines.filter { $0.kind == .prose }.map { previous.source.lineContentRange($0.index) }.filter { $0.end > $0.start }
            XCTAssertFalse(prose.isEmpty, name)
            var random = SplitMix64(seed: 5)
            for step in 0..<20 where !prose.isEmpty {
                let line = prose[Int(random.next() % UInt64(prose.count))]
                var offset = line.start + Int(random.next() % UInt64(line.end - line.start + 1))
                while offset < line.end, previous.source.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                let typed = ["。", "的", "1", "，", ""][step % 5]
                let edited = replacing(text, at: offset, typed.isEmpty && offset < line.end ? 1 : 0, with: typed)
                guard let quick = IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: SourceText(edited)) else { continue }
                edits += 1
                // The edited block, in the new text (the edit is at most one character long).
                let newSource = SourceText(edited)
                let fullAnalysis = Analysis(text: edited)
                let newSyntax = fullAnalysis.report.syntax
                let block = try XCTUnwrap(newSyntax.blocks.last { newSource.lineStarts[$0.lines.lowerBound] <= offset })
                let blockRange = SourceRange(start: newSource.lineStarts[block.lines.lowerBound], end: newSource.lineRange(block.lines.upperBound - 1).end)
                func inBlock(_ d: Diagnostic) -> Bool { blockRange.contains(d.range.start) }
                func crossBlock(_ d: Diagnostic) -> Bool { inBlock(d) && d.related.contains { !blockRange.contains($0.range.start) && $0.range.start >= newSource.lineStarts[newSyntax.blocks[0].lines.lowerBound] } }
                let full = fullAnalysis.diagnostics.filter(crossBlock)
                let fullSet = Set(full.map { "\($0.code) \($0.range.start) \($0.message)" })
                let quickCross = quick.filter(crossBlock).map { "\($0.code) \($0.range.start) \($0.message)" }
                XCTAssertTrue(quickCross.allSatisfy(fullSet.contains), "\(name) step \(step): stale \(quickCross.filter { !fullSet.contains($0) })")
                kept += quickCross.filter(fullSet.contains).count
                expected += full.count
            }
        }
        print("findings of the edited block against other blocks kept by the quick result: \(kept) of \(expected), \(edits) keystrokes")
        XCTAssertGreaterThan(expected, 0)
        XCTAssertGreaterThan(kept * 2, expected)
    }
}
