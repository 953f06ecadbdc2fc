import Foundation
import JuesuanChecks
@testable import JuesuanLanguageService
import JuesuanSyntax
import XCTest

/// Byte offset of the `occurrence`-th `needle` (plus `add` bytes).
func byteOffset(of needle: String, in text: String, occurrence: Int = 1, add: Int = 0) -> Int {
    var from = text.startIndex
    var found: Range<String.Index>?
    for _ in 0..<occurrence {
        found = text.range(of: needle, range: from..<text.endIndex)
        guard let found else { fatalError("\(needle) not found") }
        from = found.upperBound
    }
    return text.utf8.distance(from: text.utf8.startIndex, to: found!.lowerBound) + add
}

func exampleText(_ name: String) -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/\(name)")
    return try! String(contentsOf: url, encoding: .utf8)
}

func applying(_ edits: [TextEdit], to text: String) -> String {
    var bytes = Array(text.utf8)
    for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
        bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.replacement.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

let navigationReport = header + """
表 公开02 收入决算表
合计                  30.00  30.00
210      卫生健康支出     30.00  30.00

表 公开03 支出决算表
合计                  30.00  20.00  10.00
210      卫生健康支出     30.00  20.00  10.00
21011    行政事业单位医疗  30.00  20.00  10.00
2101101  行政单位医疗     30.00  20.00  10.00

说明 二、支出决算情况说明
本年支出合计30.00万元，其中：基本支出20.00万元，占66.67%。

校验 公开03.合计.基本支出 = 公开02.210.本年收入合计 - 10
"""

final class CodeActionTests: XCTestCase {
    let deliberate = exampleText("deliberate-errors.juesuan")

    func testQuickFixWritesTheComputedTotalAndIsPreferred() throws {
        let doc = DocumentSnapshot(uri: "file:///d.juesuan", version: 1, text: deliberate)
        let offset = byteOffset(of: "410.50   // A203", in: deliberate)
        let actions = LanguageService.codeActions(doc, range: SourceRange(start: offset, end: offset))
        let fix = try XCTUnwrap(actions.first { $0.diagnostic?.code == "A201" && $0.isPreferred })
        XCTAssertEqual(fix.kind, .quickFix)
        XCTAssertEqual(fix.edits.map(\.replacement), ["400.50"])
        XCTAssertEqual(fix.edits[0].range, SourceRange(start: offset, end: offset + 6))
        // The C302 fix writes the official name; a total with thousands separators keeps them.
        let c302 = LanguageService.codeActions(doc, range: SourceRange(start: byteOffset(of: "医疗保障事业运行", in: deliberate), end: byteOffset(of: "医疗保障事业运行", in: deliberate)))
        XCTAssertEqual(c302.first { $0.isPreferred }?.edits.first?.replacement, "事业运行")
        let a204 = LanguageService.codeActions(doc, range: SourceRange(start: byteOffset(of: "1,310.50", in: deliberate), end: byteOffset(of: "1,310.50", in: deliberate)))
        XCTAssertEqual(a204.first { $0.isPreferred }?.edits.first?.replacement, "1,300.50")
    }

    func testAllowThisHereSilencesEveryFindingOfTheDeliberateReport() throws {
        let doc = DocumentSnapshot(uri: "file:///d.juesuan", version: 1, text: deliberate)
        for diagnostic in doc.analysis.diagnostics {
            let actions = LanguageService.codeActions(doc, range: diagnostic.range, diagnostics: [(diagnostic.code, diagnostic.range)])
            let allow = try XCTUnwrap(actions.first { $0.title.hasPrefix("在此处允许 \(diagnostic.code)") }, "\(diagnostic)")
            XCTAssertFalse(allow.isPreferred)
            let fixed = applying(allow.edits, to: deliberate)
            let after = Analysis(text: fixed)
            let line = SourceText(deliberate).line(containing: diagnostic.range.start)
            // A comment line inserted above moves the finding's line down by one.
            let target = allow.edits.contains { $0.replacement.hasSuffix("\n") } ? line + 1 : line
            let shifted = after.diagnostics.filter { d in
                d.code == diagnostic.code && after.source.line(containing: d.range.start) == target
            }
            XCTAssertTrue(shifted.isEmpty, "\(diagnostic.code) at line \(line + 1) still reported after: \(allow.edits)")
            XCTAssertEqual(after.diagnostics.count, doc.analysis.diagnostics.count - doc.analysis.diagnostics.filter {
                $0.code == diagnostic.code && doc.source.line(containing: $0.range.start) == line }.count, "\(diagnostic.code) line \(line + 1)")
        }
    }

    func testAllowPlacement() {
        let text = header + """
        表 公开09 财政拨款“三公”经费支出决算表
        列 全年预算数 决算数
        合计                          5.00  4.00
        1.因公出国（境）费            0.00  0.00
        2.公务用车购置及运行维护费    2.00  1.50  // juesuan: allow S109
        3.公务接待费                  3.00  2.00

        名词解释
        基本支出：一。
        基本支出：二。
        """
        let doc = DocumentSnapshot(uri: "file:///a.juesuan", version: 1, text: text)
        // A table row without a comment: a trailing comment.
        var edit = LanguageService.allowEdit(code: "A204", line: 5, analysis: doc.analysis)
        XCTAssertEqual(edit?.replacement, "  // juesuan: allow A204")
        XCTAssertEqual(edit?.range.start, doc.source.lineContentEnds[5])
        // An allow comment already there: the code is added to it.
        edit = LanguageService.allowEdit(code: "A204", line: 7, analysis: doc.analysis)
        XCTAssertEqual(edit?.replacement, " A204")
        XCTAssertEqual(edit?.range.start, doc.source.lineContentEnds[7])
        // A glossary line takes no trailing comment: a comment line above.
        edit = LanguageService.allowEdit(code: "G701", line: 12, analysis: doc.analysis)
        XCTAssertEqual(edit?.replacement, "// juesuan: allow G701\n")
        XCTAssertEqual(edit?.range.start, doc.source.lineStarts[12])
        // CRLF stays CRLF.
        let crlf = DocumentSnapshot(uri: "file:///c.juesuan", version: 1, text: text.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(LanguageService.allowEdit(code: "G701", line: 12, analysis: crlf.analysis)?.replacement, "// juesuan: allow G701\r\n")
    }

    func testProseGetsACommentLineAbove() {
        let text = header + "说明 一\n本年收入合计1.00万元。\n"
        let doc = DocumentSnapshot(uri: "file:///p.juesuan", version: 1, text: text)
        let edit = LanguageService.allowEdit(code: "N501", line: 4, analysis: doc.analysis)
        XCTAssertEqual(edit, TextEdit(range: SourceRange(start: doc.source.lineStarts[4], end: doc.source.lineStarts[4]), replacement: "// juesuan: allow N501\n"))
    }

    func testFixAllIsOfferedOnlyWhenAsked() throws {
        let doc = DocumentSnapshot(uri: "file:///d.juesuan", version: 1, text: deliberate)
        let whole = SourceRange(start: 0, end: doc.source.bytes.count)
        XCTAssertFalse(LanguageService.codeActions(doc, range: whole).contains { $0.kind == .fixAll })
        let actions = LanguageService.codeActions(doc, range: whole, only: ["source.fixAll"])
        XCTAssertEqual(actions.map(\.kind), [.fixAll])
        // The same changes as lint --fix (SafeFixer, tested in JuesuanChecksTests): two lines.
        XCTAssertEqual(actions[0].edits.map { doc.source.line(containing: $0.range.start) }, [27, 32])
        let fixed = Analysis(text: applying(actions[0].edits, to: deliberate))
        let before = Set(doc.analysis.diagnostics.map(\.message))
        XCTAssertTrue(fixed.diagnostics.allSatisfy { before.contains($0.message) }, "\(fixed.diagnostics)")
        XCTAssertFalse(fixed.diagnostics.contains { ["A201", "C302"].contains($0.code) && $0.message.contains("210") || $0.code == "C302" })
    }
}

final class OutlineTests: XCTestCase {
    func testOutlineOfTheExample() throws {
        let text = exampleText("zhushan-2024.juesuan")
        let doc = DocumentSnapshot(uri: "file:///z.juesuan", version: 1, text: text)
        let symbols = LanguageService.outline(doc)
        XCTAssertEqual(symbols.first?.kind, .header)
        XCTAssertEqual(symbols.first?.children.map(\.name).prefix(2), ["部门", "年度"])
        let tables = symbols.filter { $0.kind == .table }
        XCTAssertEqual(tables.count, 10)
        XCTAssertEqual(tables[2].name, "公开03 支出决算表")
        XCTAssertTrue(tables[2].children.contains { $0.name == "2101501 行政运行" && $0.kind == .codeRow })
        // 公开01 groups its rows by side.
        XCTAssertEqual(tables[0].children.map(\.name), ["收入方", "支出方"])
        XCTAssertEqual(symbols.filter { $0.kind == .narrative }.count, 9)
        XCTAssertEqual(symbols.filter { $0.kind == .performance }.count, 2)
        XCTAssertTrue(symbols.first { $0.kind == .performance }!.children.contains { $0.kind == .indicator })
        let glossary = try XCTUnwrap(symbols.first { $0.kind == .glossary })
        XCTAssertTrue(glossary.children.contains { $0.name == "基本支出" })
        // Every selection range lies in its range, every child in its parent.
        func check(_ symbol: OutlineSymbol, in parent: OutlineSymbol?) {
            XCTAssertTrue(symbol.range.start <= symbol.selectionRange.start && symbol.selectionRange.end <= symbol.range.end, symbol.name)
            if let parent { XCTAssertTrue(parent.range.start <= symbol.range.start && symbol.range.end <= parent.range.end, symbol.name) }
            XCTAssertFalse(symbol.name.isEmpty)
            symbol.children.forEach { check($0, in: symbol) }
        }
        symbols.forEach { check($0, in: nil) }
        // Blocks do not overlap and come in order.
        for (a, b) in zip(symbols, symbols.dropFirst()) { XCTAssertLessThanOrEqual(a.range.end, b.range.start) }
    }

    /// An outline is whole up to the limit; past it, tables keep their rows down to the deepest
    /// code level that fits and say so, and every block stays.
    func testALongOutlineKeepsItsUpperLevels() throws {
        let doc = DocumentSnapshot(uri: "file:///z.juesuan", version: 1, text: exampleText("zhushan-2024.juesuan"))
        let outline = LanguageService.outline(doc)
        func count(_ symbols: [OutlineSymbol]) -> Int { symbols.reduce(0) { $0 + 1 + count($1.children) } }
        func rows(_ symbols: [OutlineSymbol]) -> [OutlineSymbol] {
            symbols.flatMap { ($0.kind == .codeRow || $0.kind == .labelRow ? [$0] : []) + rows($0.children) }
        }
        let total = count(outline)
        XCTAssertEqual(LanguageService.limited(outline, to: total), outline, "within the limit: whole")
        XCTAssertGreaterThan(total, 150)
        XCTAssertEqual(LanguageService.limited(outline), outline, "a real report is under the default limit")
        let levels = Dictionary(grouping: rows(outline), by: \.rowLevel).mapValues(\.count)
        XCTAssertEqual(rows(outline).first { $0.name == "2101501 行政运行" }?.rowLevel, 2)
        XCTAssertEqual(rows(outline).first { $0.name.hasPrefix("210 ") }?.rowLevel, 0)
        XCTAssertNotNil(levels[0]); XCTAssertNotNil(levels[1]); XCTAssertNotNil(levels[2])
        // Limits between the levels' counts: the deepest level that fits.
        let withoutItems = total - (levels[2] ?? 0) - (levels[3] ?? 0)
        let upToKuan = LanguageService.limited(outline, to: withoutItems)
        XCTAssertEqual(count(upToKuan), withoutItems)
        XCTAssertTrue(rows(upToKuan).allSatisfy { $0.rowLevel <= 1 })
        let upToLei = LanguageService.limited(outline, to: withoutItems - 1)
        XCTAssertTrue(rows(upToLei).allSatisfy { $0.rowLevel == 0 })
        XCTAssertEqual(count(upToLei), withoutItems - (levels[1] ?? 0))
        let table = try XCTUnwrap(upToLei.first { $0.name == "公开03 支出决算表" })
        XCTAssertTrue(table.detail?.hasSuffix("大纲只列到类级") == true, table.detail ?? "")
        XCTAssertEqual(upToLei.first { $0.kind == .header }, outline.first { $0.kind == .header }, "what has no rows is as it was")
        let bare = LanguageService.limited(outline, to: 1)
        XCTAssertTrue(rows(bare).isEmpty)
        XCTAssertEqual(bare.map(\.range), outline.map(\.range), "every block stays")
    }

    func testFoldingRanges() {
        let text = exampleText("deliberate-errors.juesuan")
        let regions = LanguageService.foldingRanges(DocumentSnapshot(uri: "file:///d.juesuan", version: 1, text: text))
        XCTAssertTrue(regions.contains(FoldingRegion(startLine: 0, endLine: 1, kind: .comment)), "\(regions)")
        XCTAssertTrue(regions.contains(FoldingRegion(startLine: 3, endLine: 5, kind: .region)), "\(regions)")    // header
        XCTAssertTrue(regions.contains(FoldingRegion(startLine: 7, endLine: 19, kind: .region)))   // 公开01
        XCTAssertTrue(regions.contains(FoldingRegion(startLine: 62, endLine: 66, kind: .region)), "\(regions)")  // 名词解释
    }
}

final class NavigationTests: XCTestCase {
    let doc = DocumentSnapshot(uri: "file:///n.juesuan", version: 1, text: navigationReport)
    var text: String { navigationReport }

    func testDefinitionFromACheckReference() {
        // 公开03.合计.基本支出 → the 20.00 of 公开03's 合计 row.
        let target = byteOffset(of: "20.00", in: text)
        let reference = byteOffset(of: "公开03.合计.基本支出", in: text, add: "公开03.合计.".utf8.count + 1)
        XCTAssertEqual(LanguageService.definition(doc, at: reference), [SourceRange(start: target, end: target + 5)])
        // The table part → the table.
        let tablePart = byteOffset(of: "公开02.210", in: text, add: 2)
        let tableID = byteOffset(of: "公开02 收入决算表", in: text)
        XCTAssertEqual(LanguageService.definition(doc, at: tablePart), [SourceRange(start: tableID, end: tableID + "公开02".utf8.count)])
    }

    func testDefinitionFromACodeGoesToTheFirstTableHoldingIt() {
        let in03 = byteOffset(of: "210      卫生健康支出", in: text, occurrence: 2)
        let in02 = byteOffset(of: "210      卫生健康支出", in: text, occurrence: 1)
        let name02 = SourceRange(start: in02, end: in02 + "210      卫生健康支出".utf8.count)
        XCTAssertEqual(LanguageService.definition(doc, at: in03 + 1), [name02])
        // From that first row itself: the next table's row.
        XCTAssertEqual(LanguageService.definition(doc, at: in02 + 1).first?.start, in03)
    }

    func testDefinitionFromAClaimInProse() {
        let claim = byteOffset(of: "基本支出20.00万元", in: text, add: "基本支出".utf8.count + 1)
        let target = byteOffset(of: "20.00", in: text)
        XCTAssertEqual(LanguageService.definition(doc, at: claim), [SourceRange(start: target, end: target + 5)])
        let total = byteOffset(of: "本年支出合计30.00", in: text, add: "本年支出合计".utf8.count)
        let cell = byteOffset(of: "30.00  20.00  10.00", in: text)
        XCTAssertEqual(LanguageService.definition(doc, at: total), [SourceRange(start: cell, end: cell + 5)])
    }

    func testReferencesOfACodeAcrossTablesAndChecks() {
        let ranges = LanguageService.references(doc, at: byteOffset(of: "210      卫生健康支出", in: text, add: 1), includeDeclaration: true)
        let starts = ranges.map(\.start)
        XCTAssertTrue(starts.contains(byteOffset(of: "210      卫生健康支出", in: text, occurrence: 1)))
        XCTAssertTrue(starts.contains(byteOffset(of: "210      卫生健康支出", in: text, occurrence: 2)))
        XCTAssertTrue(starts.contains(byteOffset(of: "210.本年收入合计", in: text)))
        XCTAssertEqual(ranges.count, 3)
    }

    func testHighlightOfATotalShowsItsAddends() {
        let total = byteOffset(of: "30.00  20.00  10.00", in: text, occurrence: 2)   // 210's 本年支出合计
        let highlights = LanguageService.highlights(doc, at: total + 1)
        XCTAssertTrue(highlights.contains(DocumentHighlight(range: SourceRange(start: total, end: total + 5), kind: .write)))
        // Its child 21011 (A201) and its own 基本支出 + 项目支出 (A203).
        let child = byteOffset(of: "30.00  20.00  10.00", in: text, occurrence: 3)
        XCTAssertTrue(highlights.contains(DocumentHighlight(range: SourceRange(start: child, end: child + 5), kind: .read)))
        XCTAssertTrue(highlights.contains(DocumentHighlight(range: SourceRange(start: total + 7, end: total + 12), kind: .read)))
    }
}

final class InlayHintAndTokenTests: XCTestCase {
    func testInlayHintAfterAWrongTotal() {
        let text = exampleText("deliberate-errors.juesuan")
        let doc = DocumentSnapshot(uri: "file:///d.juesuan", version: 1, text: text)
        let hints = LanguageService.inlayHints(doc, in: SourceRange(start: 0, end: doc.source.bytes.count))
        let end = byteOffset(of: "410.50   // A203", in: text, add: 6)
        XCTAssertEqual(hints.filter { $0.position == end }.map(\.label), ["= 400.50"])
        let a203 = byteOffset(of: "900.50  500.00  410.50", in: text, add: 6)
        XCTAssertEqual(hints.first { $0.position == a203 }?.label, "= 910.50")
        XCTAssertTrue(hints.first { $0.position == a203 }?.tooltip.contains("A203") == true)
        // None for a name fix (C302) or outside the requested range.
        XCTAssertFalse(hints.contains { $0.label.contains("事业运行") })
        XCTAssertTrue(LanguageService.inlayHints(doc, in: SourceRange(start: 0, end: 10)).isEmpty)
    }

    /// Prose that breaks an identity gets the value the identity gives (the same list of
    /// identities the checks and hover use).
    func testInlayHintAfterAProseTotalThatBreaksAnIdentity() {
        let text = header + "说明 四\n基本支出605.20万元，其中：人员经费512.33万元，公用经费12.87万元。\n\n说明 五\n收入总计812.40万元，支出总计820.15万元。\n"
        let doc = DocumentSnapshot(uri: "file:///p.juesuan", version: 1, text: text)
        let hints = LanguageService.inlayHints(doc, in: SourceRange(start: 0, end: doc.source.bytes.count))
        XCTAssertEqual(hints.first { $0.position == byteOffset(of: "605.20", in: text, add: 6) }?.label, "= 525.20")
        XCTAssertEqual(hints.first { $0.position == byteOffset(of: "820.15", in: text, add: 6) }?.label, "= 812.40")
        XCTAssertTrue(hints.first { $0.position == byteOffset(of: "605.20", in: text, add: 6) }?.tooltip.contains("基本支出 = 人员经费 + 公用经费") == true)
    }

    func testSemanticTokens() {
        let text = exampleText("deliberate-errors.juesuan")
        let doc = DocumentSnapshot(uri: "file:///d.juesuan", version: 1, text: text)
        let tokens = LanguageService.semanticTokens(doc)
        func token(_ needle: String, occurrence: Int = 1) -> SemanticToken? {
            let start = byteOffset(of: needle, in: text, occurrence: occurrence)
            return tokens.first { $0.range.start == start }
        }
        XCTAssertEqual(token("表 公开03")?.type, .keyword)
        XCTAssertEqual(token("公开03 支出决算表")?.type, .namespace)
        XCTAssertEqual(token("2101501")?.type, .enumMember)
        XCTAssertTrue(token("2101501")?.modifiers.contains(.defaultLibrary) == true)
        XCTAssertFalse(token("2101588")?.modifiers.contains(.defaultLibrary) ?? true)
        XCTAssertEqual(token("行政运行")?.type, .variable)
        XCTAssertEqual(token("410.50   //")?.type, .number)
        XCTAssertTrue(token("410.50   //")?.modifiers.contains(.failing) == true)
        XCTAssertFalse(token("400.00  400.00")?.modifiers.contains(.failing) ?? true)
        XCTAssertTrue(token("合计                                 1,200.50")?.modifiers.contains(.total) == true)
        XCTAssertEqual(token("// A204")?.type, .comment)
        XCTAssertEqual(token("基本支出：为保障")?.type, .property)
        // In order, not overlapping, each on one line.
        for (a, b) in zip(tokens, tokens.dropFirst()) { XCTAssertLessThanOrEqual(a.range.end, b.range.start) }
        for t in tokens { XCTAssertEqual(doc.source.line(containing: t.range.start), doc.source.line(containing: t.range.end)) }
    }

    func testSemanticTokensOfClaimsAndReferences() {
        let doc = DocumentSnapshot(uri: "file:///n.juesuan", version: 1, text: navigationReport)
        let tokens = LanguageService.semanticTokens(doc)
        let claim = byteOffset(of: "30.00万元", in: navigationReport)
        XCTAssertEqual(tokens.first { $0.range.start == claim }, SemanticToken(range: SourceRange(start: claim, end: claim + "30.00万元".utf8.count), type: .number, modifiers: .claim))
        let share = byteOffset(of: "66.67%", in: navigationReport)
        XCTAssertEqual(tokens.first { $0.range.start == share }?.type, .number)
        let reference = byteOffset(of: "公开03.合计.基本支出", in: navigationReport)
        XCTAssertEqual(tokens.first { $0.range.start == reference }?.type, .namespace)
        XCTAssertEqual(tokens.first { $0.range.start == reference + "公开03.合计.".utf8.count }?.type, .type)
        XCTAssertEqual(tokens.first { $0.range.start == byteOffset(of: "210.本年收入合计", in: navigationReport) }?.type, .enumMember)
    }
}
