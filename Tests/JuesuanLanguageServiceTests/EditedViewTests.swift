import JuesuanChecks
import JuesuanFixtures
@testable import JuesuanLanguageService
import JuesuanSyntax
import XCTest

/// Issue 15: requests right after a keystroke are answered through an `EditedView` (the last
/// analysed version and the edited block alone). Its answers must be those of the new text's
/// own analysis, except what the edit changes in other blocks.
final class EditedViewTests: XCTestCase {
    func replacing(_ text: String, _ range: SourceRange, with replacement: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<range.start] + Array(replacement.utf8) + bytes[range.end...], as: UTF8.self)
    }

    struct Edit {
        var text: String
        var at: Int
    }

    /// Keystrokes as a user types them: a digit typed after a figure, a figure's last digit
    /// deleted, a line break after a row, a character typed into prose.
    func keystrokes(_ text: String, count: Int, seed: UInt64) -> [Edit] {
        let analysis = Analysis(text: text)
        let cells = analysis.report.tables.flatMap { $0.allRows.flatMap { $0.cells.compactMap { $0 } } }
        let prose = analysis.report.syntax.lines.filter { $0.kind == .prose }.map { analysis.source.lineContentRange($0.index) }
        var random = SplitMix64(seed: seed)
        var edits: [Edit] = []
        for step in 0..<count {
            let cell = cells[Int(random.next() % UInt64(cells.count))]
            switch step % 4 {
            case 0: edits.append(Edit(text: replacing(text, SourceRange(start: cell.token.range.end, end: cell.token.range.end), with: "7"), at: cell.token.range.end))
            case 1: edits.append(Edit(text: replacing(text, SourceRange(start: cell.token.range.end - 1, end: cell.token.range.end), with: ""), at: cell.token.range.end - 1))
            case 2:
                let end = analysis.source.lineContentRange(analysis.source.line(containing: cell.token.range.start)).end
                edits.append(Edit(text: replacing(text, SourceRange(start: end, end: end), with: "\n"), at: end))
            default:
                guard !prose.isEmpty else { continue }
                let line = prose[Int(random.next() % UInt64(prose.count))]
                edits.append(Edit(text: replacing(text, SourceRange(start: line.end, end: line.end), with: "。"), at: line.end))
            }
        }
        return edits
    }

    func testAnswersAgreeWithTheNewTextsOwnAnalysis() throws {
        var generator = ReportGenerator(seed: 21)
        let text = generator.largeReport(minimumLines: 900, prose: true)
        let base = DocumentSnapshot(uri: "file:///v.juesuan", version: 1, text: text)
        _ = base.analysis
        var hoversCompared = 0, hoversEqual = 0, views = 0
        var random = SplitMix64(seed: 9)
        for (index, edit) in keystrokes(text, count: 24, seed: 4).enumerated() {
            let current = DocumentSnapshot(uri: base.uri, version: 2 + index, text: edit.text)
            guard let view = EditedView(current: current, base: base) else {
                XCTFail("keystroke \(index) at \(edit.at) is inside one block")
                continue
            }
            views += 1
            let exact = DocumentSnapshot(uri: base.uri, version: current.version, text: edit.text)
            // Semantic tokens: the same ranges and types (the `failing` modifier follows the
            // findings, which the full analysis brings).
            func shape(_ tokens: [SemanticToken]) -> [String] { tokens.map { "\($0.range.start)-\($0.range.end) \($0.type)" } }
            XCTAssertEqual(shape(view.semanticTokens()), shape(LanguageService.semanticTokens(exact)), "tokens, keystroke \(index)")
            // Their encoding, spliced from the base's: the same integers as encoding them anew.
            for unit in ColumnUnit.allCases {
                XCTAssertTrue(view.semanticTokenData(unit: unit).data
                              == EncodedSemanticTokens(view.semanticTokens(), in: current.source, unit: unit).data, "encoding, keystroke \(index), \(unit)")
            }
            XCTAssertEqual(view.outline(), LanguageService.outline(exact), "outline, keystroke \(index)")
            XCTAssertEqual(view.foldingRanges(), LanguageService.foldingRanges(exact), "folding, keystroke \(index)")
            // Hovers near the edit and anywhere.
            let length = edit.text.utf8.count
            let offsets = (0..<6).map { _ in Int(random.next() % UInt64(length)) } + [edit.at, max(0, edit.at - 2), min(length, edit.at + 3)]
            for offset in offsets {
                let quick = view.hover(at: offset)
                let full = LanguageService.hover(exact, at: offset)
                hoversCompared += 1
                if quick == full { hoversEqual += 1 }
                // Never a hover for a range that is not where the text is.
                if let quick { XCTAssertEqual(current.source.string(quick.range), exact.source.string(quick.range)) }
            }
            // Findings in the edited block, with their fixes, as code actions.
            let line = current.source.lineContentRange(current.source.line(containing: edit.at))
            let quickActions = view.codeActions(range: line).map(\.title)
            let fullActions = LanguageService.codeActions(exact, range: line).map(\.title)
            XCTAssertTrue(Set(quickActions).isSubset(of: Set(fullActions)), "actions, keystroke \(index): \(Set(quickActions).subtracting(fullActions))")
        }
        print("edited views: \(views); hovers equal to the full analysis's: \(hoversEqual) of \(hoversCompared)")
        XCTAssertEqual(views, 24)
        XCTAssertGreaterThanOrEqual(hoversEqual * 100, hoversCompared * 95)
    }

    /// A figure typed in a row of a large table: the view answers the row, its ancestors and the
    /// totals from the rows they rest on, the rest of the table from the analysed version; all
    /// as the new text's own analysis does.
    func testARowLevelViewAgreesWithTheNewTextsOwnAnalysis() throws {
        var generator = ReportGenerator(seed: 12)
        let text = generator.bigTableReport(tables: 2)
        let base = DocumentSnapshot(uri: "file:///r.juesuan", version: 1, text: text)
        let analysis = base.analysis
        let table = try XCTUnwrap(analysis.report.tables.last { $0.allRows.count > 1_000 })
        func count(_ symbols: [OutlineSymbol]) -> Int { symbols.reduce(0) { $0 + 1 + count($1.children) } }
        XCTAssertGreaterThan(count(base.outline()), LanguageService.outlineLimit, "the outline is limited")
        var random = SplitMix64(seed: 31)
        var rowViews = 0
        for step in 0..<12 {
            let rows = table.allRows.filter { $0.code != nil && $0.cells.contains { $0 != nil } }
            let row = rows[Int(random.next() % UInt64(rows.count))]
            let cell = try XCTUnwrap(row.cells.compactMap { $0 }.last)
            let typed = ["7", "0.5", "x"][step % 3]
            let edited = replacing(text, SourceRange(start: cell.token.range.end, end: cell.token.range.end), with: typed)
            let current = DocumentSnapshot(uri: base.uri, version: 2 + step, text: edited)
            let view = try XCTUnwrap(EditedView(current: current, base: base))
            if view.isRowLevel { rowViews += 1 }
            let exact = DocumentSnapshot(uri: base.uri, version: current.version, text: edited)
            func shape(_ tokens: [SemanticToken]) -> [String] { tokens.map { "\($0.range.start)-\($0.range.end) \($0.type) \($0.modifiers.rawValue)" } }
            XCTAssertEqual(shape(view.semanticTokens()), shape(exact.semanticTokens()), "tokens, step \(step)")
            for unit in ColumnUnit.allCases {
                XCTAssertTrue(view.semanticTokenData(unit: unit).data == exact.semanticTokenData(unit: unit).data, "encoding, step \(step), \(unit)")
            }
            XCTAssertEqual(view.outline(), exact.outline(), "outline, step \(step)")
            XCTAssertEqual(view.limitedOutline(), exact.limitedOutline(), "limited outline, step \(step)")
            XCTAssertEqual(view.foldingRanges(), exact.foldingRanges(), "folding, step \(step)")
            // Hovers on the edited row, its parents, the total row and elsewhere in the table.
            let lines = [row.line] + table.allRows.filter { other in other.code.map { row.code!.hasPrefix($0) } ?? other.isTotal }.map(\.line)
            var offsets = lines.flatMap { line -> [Int] in
                let range = current.source.lineContentRange(line)
                return [range.start, range.end - 1, (range.start + range.end) / 2]
            }
            offsets += (0..<8).map { _ in Int(random.next() % UInt64(edited.utf8.count)) }
            for offset in offsets {
                XCTAssertEqual(view.hover(at: offset), exact.hover(at: offset), "hover at \(offset), step \(step)")
                // Highlights and references within the table (the same code in other tables comes with
                // the full analysis, as for any edited view).
                let tableStart = current.source.lineStarts[table.syntax.lines.lowerBound]
                let tableEnd = current.source.lineRange(table.syntax.lines.upperBound).end
                let inTable = { (range: SourceRange) in tableStart <= range.start && range.end <= tableEnd }
                XCTAssertEqual(view.highlights(at: offset).filter { inTable($0.range) }, exact.highlights(at: offset).filter { inTable($0.range) },
                               "highlights at \(offset), step \(step)")
                XCTAssertEqual(view.references(at: offset, includeDeclaration: true).filter(inTable),
                               exact.references(at: offset, includeDeclaration: true).filter(inTable), "references at \(offset), step \(step)")
            }
            let line = current.source.lineContentRange(row.line)
            XCTAssertEqual(view.codeActions(range: line).map(\.title), LanguageService.codeActions(exact, range: line).map(\.title), "actions, step \(step)")
            XCTAssertEqual(view.inlayHints(in: line), exact.inlayHints(in: line), "hints, step \(step)")
            let around = SourceRange(start: max(0, line.start - 3_000), end: min(edited.utf8.count, line.end + 3_000))
            XCTAssertEqual(view.inlayHints(in: around), exact.inlayHints(in: around), "hints around, step \(step)")
        }
        XCTAssertEqual(rowViews, 12, "every keystroke in a code row's figure makes a row-level view")
    }

    /// Completion right after a keystroke in a large table is answered from the analysed
    /// version where it is exact: anywhere in that table but the edited line past its code.
    /// Figures and names typed, cursors before and after the edit: the same list as the new
    /// text's own.
    func testCompletionThroughARowLevelViewIsTheNewTextsOwn() throws {
        var generator = ReportGenerator(seed: 17)
        let text = generator.bigTableReport(tables: 2)
        let base = DocumentSnapshot(uri: "file:///c.juesuan", version: 1, text: text)
        let table = try XCTUnwrap(base.analysis.report.tables.last { $0.allRows.count > 1_000 })
        var random = SplitMix64(seed: 8)
        var answered = 0, declined = 0
        for step in 0..<10 {
            let rows = table.allRows.filter { $0.code != nil && $0.cells.contains { $0 != nil } }
            let row = rows[Int(random.next() % UInt64(rows.count))]
            let cell = try XCTUnwrap(row.cells.compactMap { $0 }.last)
            // A figure typed, or a name edited (after the code, as a row-level view requires).
            let codeEnd = try XCTUnwrap(row.syntax.code).range.end
            let (at, typed) = step % 2 == 0 ? (cell.token.range.end, ["7", "0.5", "x"][step % 3]) : (codeEnd + 2, "中")
            let edited = replacing(text, SourceRange(start: at, end: at), with: typed)
            let current = DocumentSnapshot(uri: base.uri, version: 2 + step, text: edited)
            let view = try XCTUnwrap(EditedView(current: current, base: base))
            XCTAssertTrue(view.isRowLevel, "step \(step)")
            let exact = DocumentSnapshot(uri: base.uri, version: current.version, text: edited)
            _ = exact.analysis
            // The edited line (its code, and past it), neighbours, the keyword and column lines,
            // rows far above and below, and the first line after the table.
            var lines = [row.line, row.line - 1, row.line + 1, table.syntax.line, table.syntax.line + 1]
            lines += (0..<6).map { _ in table.syntax.line + Int(random.next() % UInt64(table.allRows.count)) }
            for line in lines where line < current.source.lineCount {
                let range = current.source.lineContentRange(line)
                for offset in [range.start, range.start + 1, range.start + 3, range.start + 4, (range.start + range.end) / 2, range.end] {
                    let offset = min(offset, range.end)
                    guard let through = LanguageService.completion(current, at: offset, editedFrom: base) else { declined += 1; continue }
                    answered += 1
                    let own = LanguageService.completion(exact, at: offset)
                    XCTAssertEqual(through.items, own.items, "step \(step), line \(line), offset \(offset)")
                    XCTAssertEqual(through.isIncomplete, own.isIncomplete, "step \(step), line \(line), offset \(offset)")
                }
            }
        }
        XCTAssertGreaterThan(answered, 200)
        XCTAssertGreaterThan(declined, 0, "the edited line past its code is left to the new text")
    }

    /// After the full analysis of a version, its tokens are taken from the view of it the
    /// requests used (sharing the older version's memory): the same as encoding them afresh,
    /// and a long session of keystrokes and analyses does not pile up pieces.
    func testAnAnalysedVersionKeepsItsViewsTokens() throws {
        var generator = ReportGenerator(seed: 5)
        var text = generator.largeReport(minimumLines: 700, prose: true)
        var analysed = DocumentSnapshot(uri: "file:///k.juesuan", version: 1, text: text)
        _ = analysed.analysis
        var sent = analysed.semanticTokenData(unit: .utf16).integers
        var random = SplitMix64(seed: 4)
        var kept = 0
        for step in 0..<30 {
            let cells = analysed.analysis.report.tables.flatMap { $0.allRows.flatMap { $0.cells.compactMap { $0 } } }
            let cell = cells[Int(random.next() % UInt64(cells.count))]
            text = replacing(text, SourceRange(start: cell.token.range.end, end: cell.token.range.end), with: "7")
            let current = DocumentSnapshot(uri: analysed.uri, version: 2 + step, text: text)
            let view = try XCTUnwrap(EditedView(current: current, base: analysed), "step \(step)")
            // The request right after the keystroke, then the delta from what the client has.
            let viewed = view.semanticTokenData(unit: .utf16).integers
            var applied = sent.array
            for edit in SemanticTokenEdit.edits(from: sent, to: viewed).reversed() {
                applied.replaceSubrange(edit.start..<(edit.start + edit.deleteCount), with: edit.data)
            }
            XCTAssertEqual(applied, viewed.array, "step \(step)")
            // The full analysis of the version, which keeps the view's tokens.
            _ = current.analysis
            let adopted = current.semanticTokenData(unit: .utf16, sharingWith: view)
            XCTAssertEqual(adopted.data, DocumentSnapshot(uri: analysed.uri, version: 1, text: text).semanticTokenData(unit: .utf16).data, "step \(step)")
            XCTAssertLessThanOrEqual(adopted.pieceCount, EncodedSemanticTokens.maximumPieces)
            if adopted.pieceCount > 1 { kept += 1 }
            sent = viewed
            analysed = current
        }
        XCTAssertGreaterThan(kept, 20, "most versions keep their view's tokens")
    }

    /// Typing in a second place before the analysis caught up: a view through the view of the
    /// version before, whose answers are still those of the new text's own analysis.
    func testViewsChainThroughEditsInSeveralBlocks() throws {
        var generator = ReportGenerator(seed: 8)
        let text = generator.largeReport(minimumLines: 700, prose: true)
        let base = DocumentSnapshot(uri: "file:///v.juesuan", version: 1, text: text)
        let analysis = base.analysis
        let tables = analysis.report.tables.filter { $0.allRows.contains { $0.cells.contains { $0 != nil } } }
        var current = text
        var previous: any FeatureSource = base
        var random = SplitMix64(seed: 2)
        for step in 0..<4 {
            // A digit typed after a figure of another table each time (offsets found in the text as it is now).
            let table = tables[(step * 5 + 3) % tables.count]
            let label = try XCTUnwrap(table.allRows.first { $0.cells.contains { $0 != nil } })
            let analysed = Analysis(text: current)
            let row = try XCTUnwrap(analysed.report.tables.first { $0.id == table.id && $0.syntax.title?.text == table.syntax.title?.text }?.allRows.first { $0.displayName == label.displayName })
            let cell = try XCTUnwrap(row.cells.compactMap { $0 }.last)
            current = replacing(current, SourceRange(start: cell.token.range.end, end: cell.token.range.end), with: "7")
            let snapshot = DocumentSnapshot(uri: base.uri, version: 2 + step, text: current)
            let view = try XCTUnwrap(EditedView(current: snapshot, base: previous), "step \(step)")
            if step > 0 { XCTAssertNil(EditedView(current: snapshot, base: base), "step \(step): two blocks edited since the analysis") }
            XCTAssertEqual(view.viewDepth, step + 1)
            let exact = DocumentSnapshot(uri: base.uri, version: snapshot.version, text: current)
            XCTAssertEqual(view.semanticTokens().map(\.range), exact.semanticTokens().map(\.range), "step \(step)")
            XCTAssertTrue(view.semanticTokenData(unit: .utf16).data
                          == EncodedSemanticTokens(view.semanticTokens(), in: snapshot.source, unit: .utf16).data, "step \(step)")
            // The view's encoding keeps the previous one's pieces (shared, not copied): equal to
            // the new text's own, and the delta from the previous one's turns it into this one.
            let tokens = view.semanticTokenData(unit: .utf16).integers
            XCTAssertEqual(tokens, exact.semanticTokenData(unit: .utf16).integers, "step \(step)")
            let before = previous.semanticTokenData(unit: .utf16).integers
            var applied = before.array
            for edit in SemanticTokenEdit.edits(from: before, to: tokens).reversed() {
                applied.replaceSubrange(edit.start..<(edit.start + edit.deleteCount), with: edit.data)
            }
            XCTAssertEqual(applied, tokens.array, "delta, step \(step)")
            XCTAssertEqual(view.outline(), exact.outline(), "step \(step)")
            XCTAssertEqual(view.foldingRanges(), exact.foldingRanges(), "step \(step)")
            XCTAssertEqual(view.blockStartLines, exact.blockStartLines, "step \(step)")
            for _ in 0..<10 {
                let offset = Int(random.next() % UInt64(current.utf8.count))
                XCTAssertEqual(view.hover(at: offset), exact.hover(at: offset), "step \(step) offset \(offset)")
            }
            previous = view
        }
    }

    func testAnEditThatLeavesOneBlockHasNoView() throws {
        let text = header + "表 公开03 支出决算表\n列 合计 基本支出 项目支出\n2010101 行政运行 10.00 10.00 0.00\n\n说明 一、说明\n本年支出10.00万元。\n"
        let base = DocumentSnapshot(uri: "file:///v.juesuan", version: 1, text: text)
        _ = base.analysis
        // The header changed: every block depends on it.
        XCTAssertNil(EditedView(current: DocumentSnapshot(uri: base.uri, version: 2, text: text.replacingOccurrences(of: "2024", with: "2023")), base: base))
        // A new block typed inside another.
        XCTAssertNil(EditedView(current: DocumentSnapshot(uri: base.uri, version: 2, text: text.replacingOccurrences(of: "0.00\n", with: "0.00\n说明 新\n")), base: base))
        // Not analysed: no view.
        let fresh = DocumentSnapshot(uri: base.uri, version: 1, text: text)
        XCTAssertNil(EditedView(current: DocumentSnapshot(uri: base.uri, version: 2, text: text + "x"), base: fresh))
        // Inside one block: a view, whose hover on the edited row is that row's.
        let edited = text.replacingOccurrences(of: "10.00 10.00 0.00", with: "10.00 10.00 0.001")
        let view = try XCTUnwrap(EditedView(current: DocumentSnapshot(uri: base.uri, version: 2, text: edited), base: base))
        let code = try XCTUnwrap(edited.range(of: "2010101"))
        let codeOffset = edited.utf8.distance(from: edited.startIndex, to: code.lowerBound) + 2
        XCTAssertEqual(view.hover(at: codeOffset), LanguageService.hover(DocumentSnapshot(uri: base.uri, version: 2, text: edited), at: codeOffset))
        XCTAssertNotNil(view.hover(at: codeOffset))
    }
}
