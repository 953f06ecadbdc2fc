import Foundation
@testable import JuesuanLanguageService
import JuesuanSyntax
import XCTest

/// Completion in a table row of a large report that has no analysis yet uses the header and that
/// table alone (issue 18: completion within 2 ms while typing). It must propose exactly what the
/// whole document proposes.
final class BlockLocalCompletionTests: XCTestCase {
    static let example: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/zhushan-2024.juesuan")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    struct Shown: Equatable {
        var label, newText, sortText: String
        var detail, filterText, labelDescription: String?
        var kind: CompletionItemKind
        var range: SourceRange
    }

    func shown(_ list: CompletionList) -> [Shown] {
        list.items.map { Shown(label: $0.label, newText: $0.newText, sortText: $0.sortText, detail: $0.detail, filterText: $0.filterText,
                               labelDescription: $0.labelDescription, kind: $0.kind, range: $0.range) }
    }

    /// Every row line of every table, at its start, after its first word, and at its end; and
    /// new rows typed between rows (a name, a code prefix, a prefix and a name).
    func testSameProposalsAsTheWholeDocument() throws {
        var lines = Self.example.components(separatedBy: "\n")
        // Typed rows: in 公开03 after 21015's row, in 公开06, and at the end of a table.
        let insertions = ["行政运行", "2101", "210行政", "养老", "21015 行政", "基本工资", "其他", ""]
        for (index, needle) in ["21015    医疗保障管理事务", "30101  基本工资", "30113  住房公积金"].enumerated() {
            let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(needle) }, needle)
            lines.insert(insertions[index * 2 % insertions.count], at: at + 1)
            lines.insert(insertions[(index * 2 + 1) % insertions.count], at: at + 2)
        }
        let text = lines.joined(separator: "\n")
        let source = SourceText(text)
        var compared = 0
        var local = 0
        let whole = DocumentSnapshot(uri: "file:///t.juesuan", version: 1, text: text)
        for line in 0..<source.lineCount {
            let range = source.lineContentRange(line)
            var offsets = [range.start, range.end]
            if let blank = source.bytes[range.start..<range.end].firstIndex(of: 0x20) { offsets.append(blank) }
            for offset in offsets {
                let expected = LanguageService.completion(whole, at: offset)
                let fresh = DocumentSnapshot(uri: "file:///t.juesuan", version: 1, text: text)
                guard let list = LanguageService.blockLocalCompletion(fresh, at: offset) else { continue }
                XCTAssertFalse(fresh.isAnalysed, "the whole document is not analysed")
                local += 1
                XCTAssertEqual(shown(list), shown(expected), "line \(line + 1) offset \(offset): \(source.string(range))")
                XCTAssertEqual(list.isIncomplete, expected.isIncomplete)
                compared += 1
            }
        }
        XCTAssertGreaterThan(local, 100, "most positions are in tables")
        XCTAssertEqual(compared, local)
    }

    func testOnlyRowsOfTables() {
        // The keyword line, prose, a 校验 and the header need the whole document.
        for marked in [header + "表 公开0‸\n", header + "说明 一、\n本年收入‸\n", header + "校验 公开01.‸\n", "部门 测‸\n"] {
            let (doc, offset) = snapshot(marked)
            XCTAssertNil(LanguageService.blockLocalCompletion(doc, at: offset), marked)
        }
        let (doc, offset) = snapshot(header + "表 公开03\n合计 1.00\n行政运行‸\n")
        XCTAssertEqual(LanguageService.blockLocalCompletion(doc, at: offset)?.items.first?.label, "2010101 行政运行")
    }

    func testLargeUnanalysedReportIsNotAnalysedForCompletion() {
        // A report past the threshold: completing a row leaves the analysis for later.
        let filler = String(repeating: "说明 附、说明\n本年支出合计363.59万元。\n\n", count: LanguageService.blockLocalThreshold / 40)
        let (doc, offset) = snapshot(header + filler + "表 公开03\n合计 1.00\n养老保险缴费‸\n")
        XCTAssertGreaterThanOrEqual(doc.source.bytes.count, LanguageService.blockLocalThreshold)
        let list = LanguageService.completion(doc, at: offset)
        XCTAssertEqual(list.labels.first, "2080505 机关事业单位基本养老保险缴费支出")
        XCTAssertFalse(doc.isAnalysed)
        // A small report is modelled whole, as before; completion never needs its checks (issue 15).
        let (small, smallOffset) = snapshot(header + "表 公开03\n合计 1.00\n养老保险缴费‸\n")
        XCTAssertEqual(LanguageService.completion(small, at: smallOffset).labels.first, "2080505 机关事业单位基本养老保险缴费支出")
        XCTAssertFalse(small.isAnalysed)
    }
}
