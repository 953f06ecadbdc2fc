import XCTest
@testable import JuesuanLint
import JuesuanSyntax

final class HumanFormatTests: XCTestCase {
    func testWrongTotalBlock() {
        let text = HumanFormatter().format(lintResult(Fixtures.wrongTotal, path: "a.juesuan"))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "a.juesuan:5:25: error[A202] 公开03「合计」的“本年支出合计”应为各类之和 90.00，填写为 100.00，差额 +10.00")
        XCTAssertEqual(lines[1], "    5 | 合计                      100.00  100.00")
        // 合计 is four columns wide, then 22 blanks: the cell starts at display column 26.
        XCTAssertEqual(lines[2], "      |                           ^~~~~~")
        XCTAssertEqual(lines[3], "      = 修复：改为 90.00")
        XCTAssertEqual(lines[4], "      = 参见 6:18：208 社会保障和就业支出：90.00")
        XCTAssertEqual(lines[5], "")
        XCTAssertTrue(lines[6].hasPrefix("a.juesuan:5:33: error[A202] 公开03「合计」的“基本支出”"))
        XCTAssertEqual(lines[8], "      |                                   ^~~~~~")
        XCTAssertEqual(text.components(separatedBy: "\n").dropLast().last, "检查了 1 个文件：2 个错误，0 个警告，0 个提示")
        XCTAssertFalse(text.contains("\u{1B}["), "no colour unless asked")
    }

    /// The caret sits under the cell after CJK text and a character outside the BMP,
    /// each two terminal columns wide, while the printed column counts scalars.
    func testCaretUnderWideText() throws {
        let text = HumanFormatter().format(lintResult(Fixtures.wideCharacters, path: "w.juesuan"))
        let lines = text.components(separatedBy: "\n")
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("w.juesuan:6:16: error[A201]") })
        XCTAssertEqual(lines[header + 1], "    6 | 208 社会保障和就业支出\u{20000} 95.00 95.00")
        // "208 " (4) + nine CJK characters (18) + U+20000 (2) + " " (1) = 25 columns.
        XCTAssertEqual(lines[header + 2], "      | " + String(repeating: " ", count: 25) + "^~~~~")

        // The label: C302 underlines all ten characters, 20 columns.
        let label = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("w.juesuan:6:5: warning[C302]") })
        XCTAssertEqual(lines[label + 2], "      |     ^" + String(repeating: "~", count: 19))

        // Whatever the line, the caret's display column equals the display width of the
        // printed source before the cell.
        let printed = lines[header + 1]
        let caret = lines[header + 2]
        let before = printed[..<printed.range(of: "95.00")!.lowerBound]
        let caretColumn = caret.firstIndex(of: "^")!
        XCTAssertEqual(DisplayWidth.of(before), DisplayWidth.of(caret[..<caretColumn]))
    }

    func testTabsExpandConsistently() throws {
        let document = Fixtures.wrongTotal.replacingOccurrences(of: "合计                      100.00", with: "合计\t\t100.00")
        let text = HumanFormatter().format(lintResult(document, path: "t.juesuan"))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0].prefix(24), "t.juesuan:5:5: error[A20")
        // 合计 is 4 columns; the first tab goes to 8, the second to 12.
        XCTAssertEqual(lines[1], "    5 | 合计        100.00  100.00")
        XCTAssertEqual(lines[2], "      | " + String(repeating: " ", count: 12) + "^~~~~~")
    }

    func testRenderControlCharactersAndBOM() {
        let source = SourceText("\u{FEFF}a\u{01}b")
        let rendered = HumanFormatter().render(source, line: 0)
        XCTAssertEqual(rendered.text, "a\u{2401}b")
        XCTAssertEqual(rendered.column(at: 3), 0) // after the BOM
        XCTAssertEqual(rendered.column(at: 5), 2)
        XCTAssertEqual(rendered.column(at: 6), 3)
    }

    func testColorOnlyWhenAsked() {
        let result = lintResult(Fixtures.wrongTotal)
        XCTAssertTrue(HumanFormatter(color: true).format(result).contains("\u{1B}[1;31merror[A202]\u{1B}[0m"))
        // auto: a terminal gets colour, a pipe does not, NO_COLOR wins.
        XCTAssertTrue(LintCommand.useColor(.auto, io: CapturedIO(isTerminal: true).io))
        XCTAssertFalse(LintCommand.useColor(.auto, io: CapturedIO(isTerminal: false).io))
        XCTAssertFalse(LintCommand.useColor(.auto, io: CapturedIO(isTerminal: true, environment: ["NO_COLOR": "1"]).io))
        XCTAssertFalse(LintCommand.useColor(.never, io: CapturedIO(isTerminal: true).io))
        XCTAssertTrue(LintCommand.useColor(.always, io: CapturedIO(isTerminal: false).io))
    }

    /// The real process's environment reaches the colour choice: `CommandIO.system()` reads the
    /// variables `useColor` consults (only those, with getenv).
    func testSystemIOReadsTheColourVariables() {
        let saved = (getenv("NO_COLOR").map { String(cString: $0) }, getenv("TERM").map { String(cString: $0) })
        defer {
            if let value = saved.0 { setenv("NO_COLOR", value, 1) } else { unsetenv("NO_COLOR") }
            if let value = saved.1 { setenv("TERM", value, 1) } else { unsetenv("TERM") }
        }
        setenv("NO_COLOR", "1", 1)
        setenv("TERM", "xterm-256color", 1)
        var io = CommandIO.system()
        XCTAssertEqual(io.environment, ["NO_COLOR": "1", "TERM": "xterm-256color"])
        io.outputIsTerminal = true
        XCTAssertFalse(LintCommand.useColor(.auto, io: io))
        unsetenv("NO_COLOR")
        setenv("TERM", "dumb", 1)
        io = CommandIO.system()
        io.outputIsTerminal = true
        XCTAssertEqual(io.environment, ["TERM": "dumb"])
        XCTAssertFalse(LintCommand.useColor(.auto, io: io))
        setenv("TERM", "xterm", 1)
        io = CommandIO.system()
        io.outputIsTerminal = true
        XCTAssertTrue(LintCommand.useColor(.auto, io: io))
    }

    func testSummaryCountsAndHints() {
        var result = lintResult(Fixtures.wideCharacters)
        result.files.append(lintResult(Fixtures.clean).files[0])
        XCTAssertEqual(result.summaryLine, "检查了 2 个文件：4 个错误，1 个警告，0 个提示")
        result.problems.append(LintProblem(path: "x", message: "无法读取"))
        XCTAssertEqual(result.summaryLine, "检查了 2 个文件：4 个错误，1 个警告，0 个提示；1 个路径无法读取")
    }

    func testQuietKeepsErrorsOnly() {
        let result = lintResult(Fixtures.wideCharacters, errorsOnly: true)
        XCTAssertEqual(result.files[0].diagnostics.map(\.code), ["A202", "A202", "A201", "A201"])
        XCTAssertEqual(result.warningCount, 0)
    }
}
