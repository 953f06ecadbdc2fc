import Foundation
import LanguageServerProtocol
import XCTest

/// Issue 17 (9): report text reaches neither Markdown nor the terminal as markup.
final class EscapingTests: XCTestCase {
    static let hostileDefinition = "见[点此](command:workbench.action.terminal.new)与![图](https://evil.invalid/x.png)<img src=x onerror=y>|表格|"

    func testHoverEscapesReportTextThroughTheServer() throws {
        let server = try ServerProcess(self)
        // A client that renders Markdown: the one where report text could become a link.
        server.initialize(["textDocument": ["hover": ["contentFormat": ["markdown", "plaintext"]]]])
        let uri = "file:///escape/a.juesuan"
        let text = HostileInputAnalysisTests.header + "名词解释\n基本支出：\(Self.hostileDefinition)\n\n说明 一、说明\n本年基本支出增加。\n"
        server.open(uri, text)
        _ = server.diagnostics(uri)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("本年基本支出") }!
        let response = server.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": 3]])
        let value = response.flatMap(resultOf)?["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(value.contains("点此"), "the hover shows the definition: \(value)")
        // Every mark that could start a link, image, tag or cell is preceded by a backslash.
        let definition = value.components(separatedBy: "\n").first { $0.contains("点此") } ?? ""
        var previous: Character = " "
        for c in definition {
            if "[]()<>!|:".contains(c) { XCTAssertEqual(previous, "\\", "unescaped \(c) in \(definition)") }
            previous = c
        }
        XCTAssertTrue(value.contains("\\[点此\\]\\(command\\:"), value)
    }

    func testNoControlCharacterReachesTheTerminal() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.path + "/a.juesuan"
        // The title is quoted in S110, the cell in S102: both messages carry the report's bytes.
        let hostile = HostileInputAnalysisTests.header + "表 公开09 \u{1B}[31m红色\u{07}\u{1B}]0;title\u{07}\u{9B}31m\n合计 12\u{1B}[2J 1.00\n"
        try Data(hostile.utf8).write(to: URL(fileURLWithPath: path))
        for format in ["human", "github", "json", "sarif"] {
            let run = try runBinary(["lint", "--format", format, "--no-color", path])
            XCTAssertTrue(run.out.contains("S110") && run.out.contains("S102"), "\(format): \(run.out)")
            for forbidden in ["\u{1B}", "\u{07}", "\u{9B}"] {
                XCTAssertFalse(run.out.contains(forbidden), "\(format) stdout carries \(forbidden.unicodeScalars.first!.value)")
                XCTAssertFalse(run.err.contains(forbidden), "\(format) stderr carries \(forbidden.unicodeScalars.first!.value)")
            }
        }
        let human = try runBinary(["lint", "--no-color", path])
        XCTAssertTrue(human.out.contains("␛[31m红色␇"), human.out)
        // A file name with an escape sequence, in a problem message on stderr.
        let run = try runBinary(["lint", dir.path + "/\u{1B}[2Jmissing.juesuan"])
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(run.err.contains("\u{1B}"), run.err)
        XCTAssertTrue(run.err.contains("␛[2Jmissing"), run.err)
    }
}
