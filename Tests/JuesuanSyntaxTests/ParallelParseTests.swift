import XCTest
import JuesuanFixtures
@testable import JuesuanSyntax

/// A large document is parsed in parts on two threads (issue 15): the tree is the same as the
/// one-thread parse, wherever the parts meet.
final class ParallelParseTests: XCTestCase {
    /// Everything a tree holds, as text: tokens as kind, range and text; the document itself
    /// (in `SourceText` and in each token's text store) left out.
    func fingerprint(_ value: Any, into text: inout String, depth: Int = 0) {
        if let token = value as? Token {
            text += "\(token.kind)@\(token.range.start)-\(token.range.end):\(token.text)\n"
            return
        }
        if value is SourceText || value is [UInt8] || value is [UInt8]? { return }
        let mirror = Mirror(reflecting: value)
        if mirror.children.isEmpty || mirror.displayStyle == .enum && mirror.children.isEmpty {
            text += "\(value)\n"
            return
        }
        if mirror.displayStyle == .enum { text += "\(mirror.subjectType).\(String(describing: value).prefix { $0 != "(" })\n" }
        for child in mirror.children {
            text += (child.label ?? "-") + ":"
            fingerprint(child.value, into: &text, depth: depth + 1)
        }
    }

    func fingerprint(_ tree: SyntaxTree) -> String {
        var text = ""
        fingerprint(tree.lines, into: &text)
        fingerprint(tree.header, into: &text)
        fingerprint(tree.blocks, into: &text)
        fingerprint(tree.diagnostics, into: &text)
        text += "bom \(tree.byteOrderMarkLength)\n"
        return text
    }

    func sequential(_ source: SourceText) -> SyntaxTree { Parser.parseOnOneThread(source) }

    func testEveryBlockStartGivesTheSameTree() {
        // Every kind of block, a comment and blank lines between blocks, errors in the middle,
        // a BOM, a block keyword indented (no block start) and a header line after a block.
        let text = "\u{FEFF}部门 某局\n年度 2024\n单位 万元\n\n表 公开03 一般公共预算财政拨款支出决算表\n列 本年支出合计 基本支出 项目支出\n"
            + "合计 10 6 4\n201 一般公共服务支出 10 6 4 // 注\n20101 人大事务 10 6 4\n\n// 一行注释\n  表 缩进的不是块\n"
            + "说明 一 关于收入\n本年收入 10 万元，增长 5%。\n\n绩效 某项目\n得分 90\n预算执行率 95% 10 9\n"
            + "名词解释\n基本支出：人员与公用经费。\n校验 公开03.合计 = 10\n年度 2025\n表 自定义 某表\n列 甲 乙\n收入\n甲 x 1 2 3\n"
        let source = SourceText(text)
        let expected = fingerprint(sequential(source))
        XCTAssertTrue(expected.contains("S10"), "the document has parse errors to keep")
        var splits: [Int] = []
        var line = 1
        while let split = Parser.blockStart(atOrAfter: line, in: source) {
            splits.append(split)
            XCTAssertEqual(fingerprint(Parser.parseInParts(source, startingAt: [0, split])), expected, "split at line \(split)")
            line = split + 1
        }
        XCTAssertEqual(splits, [4, 12, 15, 18, 20, 22], "the block starts, and not the indented keyword")
        // Every block start at once (seven parts), and every other one.
        XCTAssertEqual(fingerprint(Parser.parseInParts(source, startingAt: [0] + splits)), expected, "a part per block")
        XCTAssertEqual(fingerprint(Parser.parseInParts(source, startingAt: [0, 12, 18, 22])), expected, "four parts")
    }

    func testPartsStartAtBlockStartsOfAboutEqualLength() {
        var generator = ReportGenerator(seed: 15)
        let source = SourceText(generator.largeReport(minimumLines: 12_000, prose: true))
        let starts = Parser.partStarts(source, parts: 8)
        XCTAssertEqual(starts.count, 8)
        XCTAssertEqual(starts.first, 0)
        XCTAssertEqual(starts, starts.sorted())
        for start in starts.dropFirst() {
            XCTAssertEqual(Parser.blockStart(atOrAfter: start, in: source), start, "line \(start) opens a block")
        }
        let lengths = zip(starts, starts.dropFirst() + [source.lineCount]).map { $1 - $0 }
        XCTAssertLessThan(lengths.max()! - lengths.min()!, source.lineCount / 8, "parts of about equal length: \(lengths)")
        // A document with fewer block starts than parts gets fewer parts.
        let small = SourceText("表 甲\n列 值\n合计 1\n说明 一\n文字。\n")
        XCTAssertEqual(Parser.partStarts(small, parts: 8), [0, 3])
    }

    func testALargeGeneratedReportParsesTheSameInParts() {
        var generator = ReportGenerator(seed: 15)
        let text = generator.largeReport(minimumLines: 12_000, prose: true)
        let source = SourceText(text)
        XCTAssertGreaterThanOrEqual(source.bytes.count, Parser.parallelThreshold, "large enough to take the two-thread path")
        let tree = Parser.parse(source, inParallel: true)
        // Reflection is too slow for 12,000 lines in a debug build: lines, blocks and
        // diagnostics are compared by what they are made of.
        func summary(_ tree: SyntaxTree) -> [String] {
            tree.lines.map { line in
                "\(line.index) \(line.kind) " + line.tokens.map { "\($0.kind)@\($0.range.start)-\($0.range.end)" }.joined(separator: ",")
                    + (line.trailingComment.map { " //\($0.range.start)" } ?? "")
            }
            + tree.blocks.map { "\($0.keyword.text) \($0.lines)" }
            + tree.diagnostics.map { "\($0.code) \($0.range.start) \($0.message)" }
            + tree.tables.map { "\($0.rows.count) \($0.rows.map { $0.cells.count }.reduce(0, +)) \($0.columns?.names.count ?? -1)" }
        }
        let (parallel, alone) = (summary(tree), summary(sequential(source)))
        let difference = zip(parallel, alone).first { $0 != $1 }
        XCTAssertTrue(parallel == alone, "first difference: \(difference.map { "\($0.0) ≠ \($0.1)" } ?? "in the count, \(parallel.count) ≠ \(alone.count)")")
        XCTAssertEqual(tree.lines.map(\.index), Array(0..<source.lineCount))
        // Each token's text too: on two threads long tokens read it from copies of a few
        // hundred lines of the document each, not from the document (past 12,000 lines, many copies).
        let sequentialLines = sequential(source).lines
        var long = 0
        for (line, other) in zip(tree.lines, sequentialLines) {
            for (token, same) in zip(line.tokens, other.tokens) where token.textUTF8Count > 16 {
                long += 1
                XCTAssertEqual(token.text, same.text, "line \(line.index)")
                XCTAssertEqual(token.text, String(decoding: source.bytes[token.range.start..<token.range.end], as: UTF8.self), "line \(line.index)")
            }
        }
        XCTAssertGreaterThan(long, 5_000, "long tokens compared")
    }
}
