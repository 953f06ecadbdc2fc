import Foundation
import JuesuanChecks
import JuesuanLanguageService
@testable import JuesuanServer
import XCTest

/// A keystroke undone gives a version whose text is that of the last analysed one: requests on
/// it are answered from that version instead of waiting for the same text to be analysed again
/// (the one slow request in 28 of `scripts/lsp-bench.py`'s semantic-token deltas, session 6).
final class UndoneKeystrokeTests: XCTestCase {
    func testOnlyTheSameTextSettingsAndCatalogueMakeATwin() {
        let text = PipeClient.example
        let analysed = DocumentSnapshot(uri: "file:///r.juesuan", version: 1, text: text)
        let undone = DocumentSnapshot(uri: "file:///r.juesuan", version: 3, text: text)
        XCTAssertNil(JuesuanServer.twin(of: undone, analysed: analysed), "not analysed yet")
        _ = analysed.analysis
        XCTAssertTrue(JuesuanServer.twin(of: undone, analysed: analysed) === analysed)
        XCTAssertNil(JuesuanServer.twin(of: analysed, analysed: analysed), "a version is not its own twin")
        XCTAssertNil(JuesuanServer.twin(of: undone, analysed: nil))

        let typed = DocumentSnapshot(uri: "file:///r.juesuan", version: 2, text: text.replacingOccurrences(of: "22.98", with: "22.99"))
        XCTAssertNil(JuesuanServer.twin(of: typed, analysed: analysed), "another text")
        var strict = ProjectConfiguration.Settings()
        strict.ignore = ["T8"]
        let otherSettings = DocumentSnapshot(uri: "file:///r.juesuan", version: 4, source: undone.source, settings: strict)
        XCTAssertNil(JuesuanServer.twin(of: otherSettings, analysed: analysed), "other settings: other findings")
        let otherCatalogue = DocumentSnapshot(uri: "file:///r.juesuan", version: 5, source: undone.source,
                                              catalogue: analysed.catalogue.adding(code: "2010199", name: "其他测试支出", kind: .functional))
        XCTAssertNil(JuesuanServer.twin(of: otherCatalogue, analysed: analysed), "another catalogue")
    }

    /// Through the server: a digit typed is answered through an edited view; typed back, from
    /// the analysed version (before that text's own analysis, which waits for the typing pause).
    func testTheServerAnswersAnUndoneKeystrokeFromTheAnalysedVersion() throws {
        let paragraph = "本年度一般公共预算财政拨款支出主要用于保障机构正常运转和完成各项工作任务。"
        let text = PipeClient.example + "\n说明 附注\n" + Array(repeating: paragraph, count: 800).joined(separator: "\n") + "\n"
        XCTAssertGreaterThanOrEqual(text.utf8.count, JuesuanServer.editedViewThreshold)
        let lines = text.components(separatedBy: "\n")
        let row = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("2080505") })
        let column = lines[row].utf16.count - 1  // the last digit of the row's last figure
        let original = String(lines[row].last!)
        let uri = "file:///undo/large.juesuan"
        func change(_ version: Int, to digit: String) {
            server.receive(.message(.notification(method: "textDocument/didChange", params: [
                "textDocument": ["uri": .string(uri), "version": .int(version)],
                "contentChanges": [["range": ["start": ["line": .int(row), "character": .int(column)],
                                              "end": ["line": .int(row), "character": .int(column + 1)]],
                                    "text": .string(digit)]]])))
            server.waitUntilIdle()
        }
        server.receive(.message(.request(id: .int(1), method: "initialize", params: ["capabilities": [:]])))
        server.receive(.message(.notification(method: "initialized", params: [:])))
        server.receive(.message(.notification(method: "textDocument/didOpen", params: [
            "textDocument": ["uri": .string(uri), "languageId": "juesuan", "version": 1, "text": .string(text)]])))
        server.waitUntilIdle()
        server.fullAnalysisQueue.sync {}  // the first analysis, its tokens and outline
        let analysed = try XCTUnwrap(server.snapshot(uri))
        XCTAssertTrue(analysed.isAnalysed)

        change(2, to: original == "7" ? "3" : "7")
        let typed = try XCTUnwrap(server.snapshot(uri))
        XCTAssertTrue(server.features(of: typed) is EditedView)
        XCTAssertNil(server.analysedTwin(of: typed))

        change(3, to: original)
        let undone = try XCTUnwrap(server.snapshot(uri))
        XCTAssertEqual(undone.version, 3)
        XCTAssertEqual(undone.source.bytes, analysed.source.bytes)
        XCTAssertTrue(server.features(of: undone) === analysed)
    }

    let server = JuesuanServer(output: { _ in }, exit: { _ in }, log: { _ in })
}
