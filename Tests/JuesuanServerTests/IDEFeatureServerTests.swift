import Foundation
import XCTest
@testable import JuesuanServer
import LanguageServerProtocol

/// The IDE features through the protocol: JSON shapes, positions in the negotiated encoding.
final class IDEFeatureServerTests: XCTestCase {
    static let deliberate: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/deliberate-errors.juesuan")
        return try! String(contentsOf: url, encoding: .utf8)
    }()
    let uri = "file:///work/examples/deliberate-errors.juesuan"

    func opened(_ text: String = IDEFeatureServerTests.deliberate, utf8: Bool = false) -> PipeClient {
        let client = PipeClient()
        _ = client.initialize(utf8 ? ["general": ["positionEncodings": ["utf-8"]]] : [:])
        client.open(uri, text)
        _ = client.diagnostics(uri)
        return client
    }

    func textDocument() -> JSONValue { ["uri": .string(uri)] }

    func testCodeActionQuickFixAndAllow() throws {
        let client = opened()
        let at = position(of: "410.50   // A203", in: Self.deliberate)
        let actions = try XCTUnwrap(result(client.request("textDocument/codeAction", [
            "textDocument": textDocument(), "range": ["start": at, "end": at], "context": ["diagnostics": []],
        ]))?.arrayValue)
        let fix = try XCTUnwrap(actions.first { $0["isPreferred"] == true && $0["diagnostics"]?[0]?["code"] == "A201" })
        XCTAssertEqual(fix["kind"], "quickfix")
        XCTAssertEqual(fix["title"], "改为 400.50")
        let edit = try XCTUnwrap(fix["edit"]?["changes"]?[uri]?[0])
        XCTAssertEqual(edit["newText"], "400.50")
        XCTAssertEqual(edit["range"]?["start"], at)
        let allow = try XCTUnwrap(actions.first { $0["title"]?.stringValue?.hasPrefix("在此处允许 A201") == true })
        XCTAssertEqual(allow["edit"]?["changes"]?[uri]?[0]?["newText"], "// juesuan: allow A201\n")
        // context.only: fix-all on request.
        let all = try XCTUnwrap(result(client.request("textDocument/codeAction", [
            "textDocument": textDocument(), "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
            "context": ["diagnostics": [], "only": ["source.fixAll"]],
        ]))?.arrayValue)
        XCTAssertEqual(all.count, 1)
        XCTAssertEqual(all[0]["kind"], "source.fixAll.juesuan")
        // Fixes never cascade (SafeFixer): two lines, 210's 项目支出 and 2101550's name.
        XCTAssertEqual(all[0]["edit"]?["changes"]?[uri]?.arrayValue?.compactMap { $0["range"]?["start"]?["line"]?.intValue }, [27, 32])
    }

    func testDocumentSymbolsAndFolding() throws {
        let client = opened()
        let symbols = try XCTUnwrap(result(client.request("textDocument/documentSymbol", ["textDocument": textDocument()]))?.arrayValue)
        XCTAssertEqual(symbols.first?["name"], "表头")
        let table03 = try XCTUnwrap(symbols.first { $0["name"] == "公开03 支出决算表" })
        XCTAssertEqual(table03["kind"], 23)
        XCTAssertEqual(table03["range"]?["start"], ["line": 21, "character": 0])
        let row = try XCTUnwrap(table03["children"]?.arrayValue?.first { $0["name"] == "2101501 行政运行" })
        XCTAssertEqual(row["selectionRange"]?["start"], position(of: "2101501", in: Self.deliberate))
        XCTAssertEqual(row["selectionRange"]?["end"], position(of: "2101501  行政运行", in: Self.deliberate, add: 13))
        XCTAssertNotNil(symbols.first { $0["name"] == "名词解释" }?["children"])
        let folding = try XCTUnwrap(result(client.request("textDocument/foldingRange", ["textDocument": textDocument()]))?.arrayValue)
        XCTAssertTrue(folding.contains(["startLine": 21, "endLine": 33, "kind": "region"]))
    }

    func testNavigationInUTF8() throws {
        let text = Self.deliberate + "\n校验 公开03.合计.基本支出 = 800\n"
        let client = opened(text, utf8: true)
        let reference = position(of: "公开03.合计.基本支出", in: text, add: 9, utf8: true)
        let definition = try XCTUnwrap(result(client.request("textDocument/definition", ["textDocument": textDocument(), "position": reference]))?.arrayValue)
        XCTAssertEqual(definition.count, 1)
        XCTAssertEqual(definition[0]["uri"], .string(uri))
        XCTAssertEqual(definition[0]["range"]?["start"], position(of: "800.00  400.50", in: text, utf8: true))
        let code = position(of: "210      卫生健康支出", in: text, add: 1, utf8: true)
        let references = try XCTUnwrap(result(client.request("textDocument/references", [
            "textDocument": textDocument(), "position": code, "context": ["includeDeclaration": true],
        ]))?.arrayValue)
        XCTAssertEqual(references.count, 1)
        let highlights = try XCTUnwrap(result(client.request("textDocument/documentHighlight", ["textDocument": textDocument(), "position": code]))?.arrayValue)
        XCTAssertTrue(highlights.contains { $0["kind"] == 3 })
        XCTAssertTrue(highlights.contains { $0["kind"] == 2 && $0["range"]?["start"] == position(of: "100.00  100.00    0.00", in: text, utf8: true) })
    }

    func testInlayHints() throws {
        let client = opened()
        let hints = try XCTUnwrap(result(client.request("textDocument/inlayHint", [
            "textDocument": textDocument(), "range": ["start": ["line": 0, "character": 0], "end": ["line": 70, "character": 0]],
        ]))?.arrayValue)
        let hint = try XCTUnwrap(hints.first { $0["position"] == position(of: "410.50   // A203", in: Self.deliberate, add: 6) })
        XCTAssertEqual(hint["label"], "= 400.50")
        XCTAssertEqual(hint["paddingLeft"], true)
    }

    func testSemanticTokensFullAndDelta() throws {
        let client = opened()
        let initialize = PipeClient()
        let legend = initialize.initialize()["capabilities"]?["semanticTokensProvider"]?["legend"]
        XCTAssertEqual(legend?["tokenTypes"]?[0], "keyword")
        XCTAssertEqual(legend?["tokenModifiers"]?.arrayValue?.contains("failing"), true)
        let full = try XCTUnwrap(result(client.request("textDocument/semanticTokens/full", ["textDocument": textDocument()])))
        let data = try XCTUnwrap(full["data"]?.arrayValue?.compactMap(\.intValue))
        XCTAssertEqual(data.count % 5, 0)
        // Decode and find the token of the 410.50 on line 28 (0-based 27).
        var line = 0, column = 0
        var decoded: [(Int, Int, Int, Int, Int)] = []
        for i in stride(from: 0, to: data.count, by: 5) {
            line += data[i]
            column = data[i] == 0 ? column + data[i + 1] : data[i + 1]
            decoded.append((line, column, data[i + 2], data[i + 3], data[i + 4]))
        }
        let at = position(of: "410.50   // A203", in: Self.deliberate)
        let token = try XCTUnwrap(decoded.first { $0.0 == at["line"]?.intValue && $0.1 == at["character"]?.intValue })
        XCTAssertEqual(token.2, 6)
        XCTAssertEqual(token.3, 1)                   // number
        XCTAssertNotEqual(token.4 & (1 << 3), 0)     // failing
        // Fix it, then ask for the delta.
        var end = at.objectValue!
        end["character"] = .int(at["character"]!.intValue! + 6)
        client.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2],
                                                 "contentChanges": [["range": ["start": at, "end": .object(end)], "text": "400.50"]]])
        let delta = try XCTUnwrap(result(client.request("textDocument/semanticTokens/full/delta", ["textDocument": textDocument(), "previousResultId": full["resultId"]!])))
        let edits = try XCTUnwrap(delta["edits"]?.arrayValue)
        XCTAssertFalse(edits.isEmpty)
        XCTAssertLessThan(edits.reduce(0) { $0 + ($1["data"]?.arrayValue?.count ?? 0) }, data.count / 2, "the changed places, not all tokens")
        var patched = data
        // Each edit at its place in the previous result: applied from the last one.
        for edit in edits.reversed() {
            let start = edit["start"]!.intValue!, count = edit["deleteCount"]!.intValue!
            patched.replaceSubrange(start..<(start + count), with: edit["data"]!.arrayValue!.compactMap(\.intValue))
        }
        let fresh = try XCTUnwrap(result(client.request("textDocument/semanticTokens/full", ["textDocument": textDocument()]))?["data"]?.arrayValue?.compactMap(\.intValue))
        XCTAssertEqual(patched, fresh)
        // An unknown previous result: full tokens.
        XCTAssertNotNil(result(client.request("textDocument/semanticTokens/full/delta", ["textDocument": textDocument(), "previousResultId": "nope"]))?["data"])
    }

    func testPullDiagnostics() throws {
        let client = opened()
        let first = try XCTUnwrap(result(client.request("textDocument/diagnostic", ["textDocument": textDocument()])))
        XCTAssertEqual(first["kind"], "full")
        XCTAssertTrue(first["items"]?.arrayValue?.contains { $0["code"] == "A201" } == true)
        let id = try XCTUnwrap(first["resultId"]?.stringValue)
        let again = result(client.request("textDocument/diagnostic", ["textDocument": textDocument(), "previousResultId": .string(id)]))
        XCTAssertEqual(again, ["kind": "unchanged", "resultId": .string(id)])
        client.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": "部门 局\n年度 2024\n"]]])
        let changed = try XCTUnwrap(result(client.request("textDocument/diagnostic", ["textDocument": textDocument(), "previousResultId": .string(id)])))
        XCTAssertEqual(changed["kind"], "full")
        XCTAssertNotEqual(changed["resultId"], .string(id))
        XCTAssertEqual(changed["items"], [])
    }

    func testFormattingAndRangeFormatting() throws {
        let text = "部门 局\n年度 2024\n\n\n表 公开09 财政拨款“三公”经费支出决算表\n列 全年预算数 决算数\n合计 5.00 4.00\n1.因公出国（境）费 0.00 0.00\n2.公务用车购置及运行维护费 2.00 1.50\n3.公务接待费 3.00 2.50\n"
        let client = opened(text)
        let edits = try XCTUnwrap(result(client.request("textDocument/formatting", ["textDocument": textDocument(), "options": ["tabSize": 4, "insertSpaces": true]]))?.arrayValue)
        XCTAssertFalse(edits.isEmpty)
        let ranged = try XCTUnwrap(result(client.request("textDocument/rangeFormatting", [
            "textDocument": textDocument(), "range": ["start": ["line": 6, "character": 0], "end": ["line": 7, "character": 0]],
            "options": ["tabSize": 4, "insertSpaces": true],
        ]))?.arrayValue)
        XCTAssertFalse(ranged.isEmpty)
        // Range formatting leaves the blank lines between header and table alone.
        XCTAssertFalse(ranged.contains { $0["range"]?["start"]?["line"]?.intValue ?? 99 < 4 })
    }
}
