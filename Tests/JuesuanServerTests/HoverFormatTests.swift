import Foundation
import XCTest
@testable import JuesuanServer
import JuesuanLanguageService
import LanguageServerProtocol

/// Hover and completion documentation come in the format the client declared: Markdown only
/// when its `contentFormat` / `documentationFormat` offers it, plain text otherwise.
final class HoverFormatTests: XCTestCase {
    let uri = "file:///work/examples/deliberate-errors.juesuan"
    static let deliberate: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/deliberate-errors.juesuan")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    func hoverOnATotal(_ capabilities: JSONValue) throws -> JSONValue {
        let client = PipeClient()
        _ = client.initialize(capabilities)
        client.open(uri, Self.deliberate)
        _ = client.diagnostics(uri)
        // 210's 项目支出 410.50: a total with a table of addends.
        let lines = Self.deliberate.components(separatedBy: "\n")
        let line = lines.firstIndex { $0.hasPrefix("210 ") }!
        let character = (lines[line] as NSString).range(of: "410.50").location + 1
        let response = client.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]])
        guard case .response(_, let result) = response else { XCTFail("\(response)"); return .null }
        return try XCTUnwrap(result["contents"])
    }

    func testPlainTextForAClientWithoutMarkdown() throws {
        // Emacs eglot without markdown-mode declares only plaintext.
        for capabilities: JSONValue in [["textDocument": ["hover": ["contentFormat": ["plaintext"]]]], [:]] {
            let contents = try hoverOnATotal(capabilities)
            XCTAssertEqual(contents["kind"], "plaintext")
            let value = try XCTUnwrap(contents["value"]?.stringValue)
            XCTAssertFalse(value.contains("**") || value.contains("|---") || value.contains("| "), value)
            XCTAssertTrue(value.contains("计算合计"), value)
            // Table rows become aligned columns: figures right-aligned on one edge.
            let rows = value.split(separator: "\n").filter { $0.contains("21011 行政事业单位医疗") || $0.contains("计算合计") }
            XCTAssertEqual(rows.count, 2, value)
            XCTAssertEqual(Set(rows.map { DisplayWidthProbe.width($0) }).count, 1, "aligned: \(rows)")
        }
    }

    func testMarkdownWhenOffered() throws {
        let contents = try hoverOnATotal(["textDocument": ["hover": ["contentFormat": ["markdown", "plaintext"]]]])
        XCTAssertEqual(contents["kind"], "markdown")
        XCTAssertTrue(contents["value"]?.stringValue?.contains("|---|") == true)
    }

    func testCompletionDocumentationFollowsItsOwnFormat() throws {
        for (format, kind) in [("plaintext", "plaintext"), ("markdown", "markdown")] {
            let client = PipeClient()
            _ = client.initialize(["textDocument": ["completion": ["completionItem": ["documentationFormat": [.string(format)]]]]])
            let text = "部门 局\n年度 2024\n\n表 公开03\n2101\n"
            client.open(uri, text)
            _ = client.diagnostics(uri)
            let response = client.request("textDocument/completion", ["textDocument": ["uri": .string(uri)], "position": ["line": 4, "character": 4]])
            guard case .response(_, let list) = response else { return XCTFail("\(response)") }
            let documented = list["items"]?.arrayValue?.compactMap { $0["documentation"] } ?? []
            XCTAssertFalse(documented.isEmpty)
            XCTAssertTrue(documented.allSatisfy { $0["kind"] == .string(kind) }, "\(documented.prefix(2))")
        }
    }

    func testPlainTextRendering() {
        let markdown = "**公开03「合计」** = 各类之和（A202）\n\n| 加数 | 数值 |\n|---|---:|\n| 208 社会保障 | 23.10 |\n| 210 卫生健康支出 \\| 其他 | 327.61 |\n| **计算合计** | **350.71** |\n\n---\n\n- 一项\n*本报告“名词解释”*\n2 * 3"
        XCTAssertEqual(PlainText.fromMarkdown(markdown), """
        公开03「合计」 = 各类之和（A202）

        加数                       数值
        208 社会保障              23.10
        210 卫生健康支出 | 其他  327.61
        计算合计                 350.71

        ────────────────────

        • 一项
        本报告“名词解释”
        2 * 3
        """)
    }
}

enum DisplayWidthProbe {
    /// Display width of a line (CJK characters count two).
    static func width<S: StringProtocol>(_ s: S) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && ($1.value <= 0x115F || (0x2E80...0xFFDC).contains($1.value)) ? 2 : 1) }
    }
}
