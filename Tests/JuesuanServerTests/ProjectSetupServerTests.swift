import Foundation
import JuesuanChecks
import JuesuanLanguageService
import XCTest
@testable import JuesuanServer
import LanguageServerProtocol

/// The server checks each document with its project's settings, found by the provider the
/// program supplies (`juesuan lsp` passes the `juesuan.toml` lookup of `ProjectFiles`).
final class ProjectSetupServerTests: XCTestCase {
    final class Calls: @unchecked Sendable {
        let lock = NSLock()
        var seen: [(String?, [String], String?)] = []
    }

    func testDocumentsAreCheckedWithTheirProjectSettings() throws {
        let client = PipeClient()
        let calls = Calls()
        client.server.projectSetup = { path, folders, catalog in
            calls.lock.lock(); calls.seen.append((path, folders, catalog)); calls.lock.unlock()
            var settings = ProjectConfiguration.Settings()
            settings.ignore = ["C302"]
            settings.severities = ["A290": .warning]
            return ProjectSetup(settings: settings, problem: path?.hasSuffix("broken.juesuan") == true ? "juesuan.toml：第 2 行：未知的设置“selct”" : nil)
        }
        let response = client.request("initialize", ["processId": .null, "capabilities": [:],
                                                     "workspaceFolders": [["uri": "file:///srv/%E5%86%B3%E7%AE%97", "name": "决算"]],
                                                     "initializationOptions": ["catalog": "data/官方.tsv"]])
        guard case .response = response else { return XCTFail("\(response)") }
        client.notify("initialized", [:])
        let uri = "file:///srv/%E5%86%B3%E7%AE%97/zhushan.juesuan"
        client.open(uri, PipeClient.example, version: 1)
        let diagnostics = try XCTUnwrap(client.diagnostics(uri)?["diagnostics"]?.arrayValue)
        XCTAssertFalse(diagnostics.contains { $0["code"] == "C302" }, "ignored by the project")
        let a290 = try XCTUnwrap(diagnostics.first { $0["code"] == "A290" })
        XCTAssertEqual(a290["severity"], 2, "A290 raised to a warning by the project")
        calls.lock.lock()
        XCTAssertEqual(calls.seen.first?.0, "/srv/决算/zhushan.juesuan")
        XCTAssertEqual(calls.seen.first?.1, ["/srv/决算"])
        XCTAssertEqual(calls.seen.first?.2, "data/官方.tsv")
        calls.lock.unlock()
        // An edit keeps the settings (the quick re-check of one block applies them too).
        let offset = PipeClient.example.components(separatedBy: "\n").prefix(while: { !$0.hasPrefix("30111") }).count
        client.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2],
                                                 "contentChanges": [["range": ["start": ["line": .int(offset), "character": 0],
                                                                               "end": ["line": .int(offset), "character": 0]], "text": " "]]])
        let after = try XCTUnwrap(client.diagnostics(uri, version: 2)?["diagnostics"]?.arrayValue)
        XCTAssertFalse(after.contains { $0["code"] == "C302" })
        // A broken project file is shown once, as a warning message.
        client.open("file:///srv/broken.juesuan", PipeClient.example, version: 1)
        let shown = client.wait { message in
            if case .notification("window/showMessage", _) = message { return true }
            return false
        }
        XCTAssertEqual(shown?.params?["type"], 2)
        XCTAssertTrue(shown?.params?["message"]?.stringValue?.contains("selct") == true)
    }

    func testWithoutAProviderTheDefaultsApply() throws {
        let client = PipeClient()
        _ = client.initialize()
        client.open("file:///a.juesuan", PipeClient.example, version: 1)
        let diagnostics = try XCTUnwrap(client.diagnostics("file:///a.juesuan")?["diagnostics"]?.arrayValue)
        XCTAssertTrue(diagnostics.contains { $0["code"] == "C302" })
    }

    func testFileURIsBecomePaths() {
        XCTAssertEqual(JuesuanServer.filePath(fromURI: "file:///a/b%20c.juesuan"), "/a/b c.juesuan")
        XCTAssertEqual(JuesuanServer.filePath(fromURI: "file://localhost/a/b.juesuan"), "/a/b.juesuan")
        XCTAssertNil(JuesuanServer.filePath(fromURI: "untitled:Untitled-1"))
    }
}
