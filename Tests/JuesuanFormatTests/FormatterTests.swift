import Foundation
import XCTest
@testable import JuesuanFormat
import JuesuanImport
import JuesuanLint
import JuesuanSyntax
import JuesuanTools

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every example, every imported example, and every seed imported afresh.
func corpus() throws -> [(String, String)] {
    var documents: [(String, String)] = []
    for folder in ["examples", "examples/imported"] {
        let directory = repositoryRoot.appendingPathComponent(folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".juesuan") {
            documents.append(("\(folder)/\(name)", try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)))
        }
    }
    let seeds = repositoryRoot.appendingPathComponent("examples/seeds")
    for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".txt") {
        let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
        documents.append(("import of \(name)", Importer.importReport(text).document))
    }
    return documents
}

func withoutBlanks(_ text: String) -> String {
    String(text.unicodeScalars.filter { !" \t\u{3000}\r\n".unicodeScalars.contains($0) }.map(Character.init))
}

/// The tokens that carry meaning (codes, labels, figures, comments, prose, keywords, values), in order.
func meaningfulTokens(_ text: String) -> [String] {
    Parser.parse(text).lines.flatMap { line in
        line.tokens.map { "\($0.kind.rawValue):\($0.text)" } + (line.trailingComment.map { ["comment:\($0.text)"] } ?? [])
    }
}

final class FormatterTests: XCTestCase {
    func testCorpusIsIdempotentAndLosslessOutsideWhitespace() throws {
        let documents = try corpus()
        XCTAssertGreaterThanOrEqual(documents.count, 10)
        for (name, text) in documents {
            let once = Formatter.format(text).text
            XCTAssertEqual(Formatter.format(once).text, once, "not idempotent: \(name)")
            XCTAssertFalse(Formatter.format(once).changed, name)
            XCTAssertEqual(withoutBlanks(once), withoutBlanks(text), "changed more than whitespace: \(name)")
            XCTAssertEqual(meaningfulTokens(once), meaningfulTokens(text), "tokens changed: \(name)")
        }
    }

    func testCommittedExamplesAreFormatted() throws {
        for (name, text) in try corpus() where name.hasPrefix("examples/imported") {
            XCTAssertFalse(Formatter.format(text).changed, name)
        }
    }

    func testFiguresAreUnchanged() throws {
        for (name, text) in try corpus() {
            let before = Parser.parse(text).tables.flatMap { $0.rows.flatMap { $0.cells.map(\.token.text) } }
            let after = Parser.parse(Formatter.format(text).text).tables.flatMap { $0.rows.flatMap { $0.cells.map(\.token.text) } }
            XCTAssertEqual(before, after, name)
        }
    }

    func testAlignmentByDisplayWidth() {
        let text = """
        部门 甲
        年度 2024
        表 公开03 支出决算表
        合计 1,363.59 199.58 164.02
        208 社会保障和就业支出 23.1 23.10 -
        2080505 机关事业单位基本养老保险缴费支出 22.98 22.98 0.00 // 注释
        """
        let formatted = Formatter.format(text).text
        XCTAssertEqual(formatted, """
        部门 甲
        年度 2024

        表 公开03 支出决算表
        合计                                       1,363.59  199.58  164.02
        208      社会保障和就业支出                   23.1    23.10       -
        2080505  机关事业单位基本养老保险缴费支出     22.98   22.98    0.00  // 注释
        """)
        // Every decimal point of a column sits at the same display column.
        let lines = formatted.split(separator: "\n").suffix(3).map(String.init)
        func dotColumns(_ line: String) -> [Int] {
            var columns: [Int] = []
            var width = 0
            for character in line {
                if character == "." { columns.append(width) }
                width += DisplayWidth.of(String(character))
            }
            return columns
        }
        XCTAssertEqual(dotColumns(lines[0]).prefix(2), dotColumns(lines[2]).prefix(2))
        XCTAssertEqual(dotColumns(lines[1])[0], dotColumns(lines[2])[0])
    }

    func testPercentagesAndBadCellsAlign() {
        let text = "部门 甲\n年度 2024\n\n表 自定\n甲 12.5% 1\n乙 100% 22\n丙 3O.1 -\n"
        let formatted = Formatter.format(text).text
        XCTAssertEqual(formatted, "部门 甲\n年度 2024\n\n表 自定\n甲   12.5%   1\n乙  100%    22\n丙    3O.1   -\n")
        XCTAssertEqual(Formatter.format(formatted).text, formatted)
    }

    func testCRLFMixedEndingsAndBOMAreKept() {
        let text = "\u{FEFF}部门 甲\r\n年度 2024\r\n表 公开03\r\n合计 10.00 6.00 4.00\r\n208 社会保障和就业支出 10.00 6.00 4.00\n说明 一\r\n文字。\r\n"
        let formatted = Formatter.format(text).text
        XCTAssertTrue(formatted.hasPrefix("\u{FEFF}部门 甲\r\n年度 2024\r\n\r\n表 公开03\r\n"))
        // Each line keeps its own terminator; an inserted blank line takes the one of the line above.
        let source = SourceText(formatted)
        let terminators = (0..<source.lineCount).map { line -> String in
            let whole = source.lineRange(line)
            return source.string(SourceRange(start: source.lineContentEnds[line], end: whole.end))
        }
        XCTAssertEqual(terminators, ["\r\n", "\r\n", "\r\n", "\r\n", "\r\n", "\n", "\n", "\r\n", "\r\n", ""])
        XCTAssertEqual(source.lineString(5), "208  社会保障和就业支出  10.00  6.00  4.00")
        XCTAssertEqual(source.lineString(4), "合计" + String(repeating: " ", count: 21) + "10.00  6.00  4.00")
        XCTAssertFalse(Formatter.format(formatted).changed)
        // Only the blank line between blocks and the alignment changed.
        XCTAssertEqual(withoutBlanks(formatted), withoutBlanks(text))
    }

    func testBlankLinesBetweenBlocks() {
        let text = "部门 甲\n年度 2024\n\n\n\n说明 一\n第一段。\n\n第二段。\n说明 二\n// 注释属于下一块\n表 公开08\n合计 0.00 0.00 0.00\n\n\n\n"
        let formatted = Formatter.format(text).text
        XCTAssertEqual(formatted, "部门 甲\n年度 2024\n\n说明 一\n第一段。\n\n第二段。\n\n说明 二\n\n// 注释属于下一块\n表 公开08\n合计  0.00  0.00  0.00\n\n\n\n")
        XCTAssertFalse(Formatter.format(formatted).changed)
    }

    func testProseAndHeaderAreNeverTouched() {
        let text = "部门   甲   局   // 注\n年度 2024\n\n说明 一\n  缩进的   文字  1.00   2.00\n"
        XCTAssertFalse(Formatter.format(text).changed)
    }

    func testRowThatStartsWithAKeywordStaysIndented() {
        let text = "部门 甲\n年度 2024\n\n表 自定\n  说明 1.00\n甲 2.00\n"
        let formatted = Formatter.format(text).text
        XCTAssertEqual(Parser.parse(formatted).tables.first?.rows.count, 2)
        XCTAssertEqual(formatted, "部门 甲\n年度 2024\n\n表 自定\n  说明  1.00\n甲      2.00\n")
    }

    func testRangeFormattingTouchesOnlyTheTablesInTheRange() {
        let text = "部门 甲\n年度 2024\n表 公开08\n合计 0.00 0.00 0.00\n表 公开07\n合计 0.00 0.00 0.00 0.00 0.00 0.00\n"
        let result = Formatter.format(text, lines: 5...5)
        XCTAssertEqual(result.text, "部门 甲\n年度 2024\n表 公开08\n合计 0.00 0.00 0.00\n表 公开07\n合计  0.00  0.00  0.00  0.00  0.00  0.00\n")
        XCTAssertEqual(result.edits.count, 1)
    }

    func testEditsAreMinimalAndReproduceTheText() throws {
        for (name, text) in try corpus() {
            let messy = text.replacingOccurrences(of: "  ", with: " ")
            let result = Formatter.format(messy)
            XCTAssertEqual(Formatter.apply(result.edits, to: Array(messy.utf8)), result.text, name)
            var previousEnd = 0
            for edit in result.edits {
                XCTAssertGreaterThanOrEqual(edit.range.start, previousEnd, "overlapping edits in \(name)")
                previousEnd = edit.range.end
                let replaced = String(decoding: Array(messy.utf8)[edit.range.start..<edit.range.end], as: UTF8.self)
                XCTAssertEqual(withoutBlanks(replaced), withoutBlanks(edit.newText), "an edit changes more than blanks in \(name)")
            }
        }
    }

    // MARK: juesuan fmt

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func run(_ arguments: [String], stdin: String = "") -> (Int32, String, String) {
        var output = ""
        var errors = ""
        let io = CommandIO(writeOutput: { output += $0 }, writeError: { errors += $0 }, readStandardInput: { .success(Array(stdin.utf8)) })
        let status = FmtCommand.run(arguments, io: io)
        return (status, output, errors)
    }

    func testFmtCheckRewriteAndStandardInput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let messy = "部门 甲\r\n年度 2024\r\n表 公开08\r\n合计 0.00 0.00 0.00\r\n"
        let clean = Formatter.format(messy).text
        let a = directory.appendingPathComponent("a.juesuan")
        let b = directory.appendingPathComponent("sub/b.juesuan")
        try FileManager.default.createDirectory(at: b.deletingLastPathComponent(), withIntermediateDirectories: true)
        try messy.write(to: a, atomically: true, encoding: .utf8)
        try clean.write(to: b, atomically: true, encoding: .utf8)

        var (status, output, _) = run(["--check", directory.path])
        XCTAssertEqual(status, 1)
        XCTAssertEqual(output, a.path + "\n")
        XCTAssertEqual(try String(contentsOf: a, encoding: .utf8), messy, "--check must not rewrite")

        (status, output, _) = run(["--diff", a.path])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("+3: "), output)

        (status, _, _) = run([directory.path])
        XCTAssertEqual(status, 0)
        XCTAssertEqual(try String(contentsOf: a, encoding: .utf8), clean)
        XCTAssertTrue(clean.contains("\r\n\r\n表 公开08\r\n"))

        (status, output, _) = run(["--check", directory.path])
        XCTAssertEqual(status, 0)
        XCTAssertEqual(output, "")

        (status, output, _) = run(["-"], stdin: messy)
        XCTAssertEqual(status, 0)
        XCTAssertEqual(output, clean)

        (status, _, _) = run([])
        XCTAssertEqual(status, 2)
        (status, _, _) = run(["--nope", a.path])
        XCTAssertEqual(status, 2)
        (status, _, _) = run([directory.appendingPathComponent("missing.juesuan").path])
        XCTAssertEqual(status, 2)
    }
}
