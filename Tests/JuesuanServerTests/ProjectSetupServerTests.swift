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

    /// A project file edited while its reports are open applies to them without reopening:
    /// on the client's file-watch notification (asked for when the client can watch files)
    /// and, for clients that cannot, when a report is saved.
    func testAnEditedProjectFileAppliesToOpenDocuments() throws {
        let client = PipeClient()
        let ignored = Calls()  // `seen.count` stands for "C302 is ignored"
        client.server.projectSetup = { _, _, _ in
            ignored.lock.lock(); defer { ignored.lock.unlock() }
            var settings = ProjectConfiguration.Settings()
            if !ignored.seen.isEmpty { settings.ignore = ["C302"] }
            if ignored.seen.count > 1 { settings.ignore = [] }
            return ProjectSetup(settings: settings)
        }
        _ = client.initialize(["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        let registration = try XCTUnwrap(client.wait { message in
            if case .request(_, "client/registerCapability", _) = message { return true }
            return false
        })
        guard case .request(let id, _, let params) = registration else { return XCTFail() }
        let watcher = params?["registrations"]?[0]
        XCTAssertEqual(watcher?["method"], "workspace/didChangeWatchedFiles")
        XCTAssertTrue(watcher?["registerOptions"]?["watchers"]?.arrayValue?.contains { $0["globPattern"] == "**/juesuan.toml" } == true)
        client.send(.response(id: id, result: .null))

        let uri = "file:///srv/report.juesuan"
        client.open(uri, PipeClient.example, version: 1)
        func diagnostics(c302: Bool) -> [JSONValue]? {
            client.wait { message in
                guard case .notification("textDocument/publishDiagnostics", let params?) = message,
                      let list = params["diagnostics"]?.arrayValue else { return false }
                return list.contains { $0["code"] == "C302" } == c302
            }?.params?["diagnostics"]?.arrayValue
        }
        XCTAssertNotNil(diagnostics(c302: true))
        ignored.lock.lock(); ignored.seen.append((nil, [], nil)); ignored.lock.unlock()
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file:///srv/juesuan.toml", "type": 2]]])
        let without = try XCTUnwrap(diagnostics(c302: false), "the new setting applies on the watch notification")
        XCTAssertFalse(without.isEmpty, "the other findings stay")
        ignored.lock.lock(); ignored.seen.append((nil, [], nil)); ignored.lock.unlock()
        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(uri)]])
        XCTAssertNotNil(diagnostics(c302: true), "and on a save")
        // Nothing changed: no new snapshot, no new diagnostics (a later edit's are the next ones).
        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(uri)]])
        client.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2],
                                                 "contentChanges": [["range": ["start": ["line": 0, "character": 0],
                                                                               "end": ["line": 0, "character": 0]], "text": ""]]])
        XCTAssertEqual(client.diagnostics(uri)?["version"], 2)
    }

    func testAClientThatCannotWatchFilesIsNotAsked() throws {
        let client = PipeClient()
        client.server.projectSetup = { _, _, _ in ProjectSetup() }
        _ = client.initialize()
        client.open("file:///a.juesuan", PipeClient.example, version: 1)
        XCTAssertNotNil(client.diagnostics("file:///a.juesuan"))
        XCTAssertFalse(client.hasReceived { if case .request = $0 { return true }; return false })
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
