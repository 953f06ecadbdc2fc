import Foundation
import XCTest
@testable import JuesuanServer
import LanguageServerProtocol

final class LifecycleTests: XCTestCase {
    func testRequestsBeforeInitializeAreRefused() {
        let client = PipeClient()
        XCTAssertEqual(errorCode(client.request("textDocument/hover", ["textDocument": ["uri": "file:///a"], "position": ["line": 0, "character": 0]])), .serverNotInitialized)
        XCTAssertEqual(errorCode(client.request("shutdown")), .serverNotInitialized)
        _ = client.initialize()
        XCTAssertEqual(errorCode(client.request("initialize", ["capabilities": [:]])), .invalidRequest)
    }

    func testUTF16ByDefaultAndUTF8WhenOffered() {
        let client = PipeClient()
        XCTAssertEqual(client.initialize()["capabilities"]?["positionEncoding"], "utf-16")
        let other = PipeClient()
        let result = other.initialize(["general": ["positionEncodings": ["utf-32", "utf-8", "utf-16"]]])
        XCTAssertEqual(result["capabilities"]?["positionEncoding"], "utf-8")
        XCTAssertEqual(result["serverInfo"]?["name"], "juesuan")
    }

    func testShutdownThenExitGivesZero() {
        let client = PipeClient()
        _ = client.initialize()
        XCTAssertEqual(result(client.request("shutdown")), .null)
        XCTAssertEqual(errorCode(client.request("textDocument/hover", ["textDocument": ["uri": "file:///a"], "position": ["line": 0, "character": 0]])), .invalidRequest)
        client.notify("exit")
        XCTAssertEqual(client.waitForExit(), 0)
    }

    func testExitWithoutShutdownGivesOne() {
        let client = PipeClient()
        _ = client.initialize()
        client.notify("exit")
        XCTAssertEqual(client.waitForExit(), 1)
    }

    func testEndOfInputIsExit() {
        let client = PipeClient()
        _ = client.initialize()
        _ = client.request("shutdown")
        client.closeInput()
        XCTAssertEqual(client.waitForExit(), 0)
        let other = PipeClient()
        _ = other.initialize()
        other.closeInput()
        XCTAssertEqual(other.waitForExit(), 1)
    }

    func testUnknownRequestsAndNotifications() {
        let client = PipeClient()
        _ = client.initialize()
        XCTAssertEqual(errorCode(client.request("textDocument/prepareTypeHierarchy", [:])), .methodNotFound)
        client.notify("$/setTrace", ["value": "off"])
        client.notify("workspace/didChangeConfiguration", ["settings": [:]])
        XCTAssertEqual(result(client.request("textDocument/hover", ["textDocument": ["uri": "file:///none"], "position": ["line": 0, "character": 0]])), nil)
    }

    func testMalformedInputLeavesTheServerServing() {
        let client = PipeClient()
        _ = client.initialize()
        // Bad JSON: ParseError with a null id.
        client.writeRaw(Array("Content-Length: 9\r\n\r\n{\"id\": 1,".utf8))
        let parseError = client.waitForResponse(nil)
        XCTAssertEqual(errorCode(parseError), .parseError)
        // Valid JSON, not a message: InvalidRequest.
        client.writeRaw(MessageFramer.frame(Array("[1,2]".utf8)))
        XCTAssertEqual(errorCode(client.waitForResponse(nil)), .invalidRequest)
        // A broken header: the framer resynchronises; nothing to answer.
        client.writeRaw(Array("Content-Lenght: x\r\n\r\nGARBAGE".utf8))
        // A known notification with bad params is ignored.
        client.notify("textDocument/didChange", ["textDocument": 3])
        // Chinese text in a body: Content-Length counts bytes.
        client.open("file:///中文.juesuan", "部门 局\n年度 2024\n")
        XCTAssertNotNil(client.diagnostics("file:///中文.juesuan"))
        XCTAssertEqual(result(client.request("shutdown")), .null)
    }

    func testCancelledRequestAnswersRequestCancelled() {
        let client = PipeClient()
        _ = client.initialize()
        client.open("file:///a.juesuan", PipeClient.example)
        // Hold the queue so the cancel overtakes the queued request, as while an edit is analysed.
        client.server.main.suspend()
        client.send(.request(id: 42, method: "textDocument/hover", params: ["textDocument": ["uri": "file:///a.juesuan"], "position": ["line": 0, "character": 0]]))
        client.notify("$/cancelRequest", ["id": 42])
        Thread.sleep(forTimeInterval: 0.1)
        client.server.main.resume()
        let response = client.waitForResponse(42)
        XCTAssertEqual(errorCode(response), .requestCancelled)
        // Cancelling something already answered is harmless.
        client.notify("$/cancelRequest", ["id": 42])
        XCTAssertNotNil(result(client.request("textDocument/hover", ["textDocument": ["uri": "file:///a.juesuan"], "position": ["line": 0, "character": 0]])))
    }

    func testEveryAdvertisedCapabilityHasAHandlerAndViceVersa() {
        let client = PipeClient()
        let capabilities = client.initialize()["capabilities"]!.objectValue!
        let handled = Set(JuesuanServer.requestHandlers.keys).union(JuesuanServer.notificationHandlers.keys)
        var advertisedMethods: Set<String> = []
        for (capability, value) in capabilities {
            guard let methods = JuesuanServer.capabilityMethods[capability] else {
                XCTFail("capability \(capability) is advertised but not mapped to handlers")
                continue
            }
            XCTAssertNotEqual(value, .bool(false))
            for method in methods {
                XCTAssertTrue(handled.contains(method), "\(capability) is advertised but \(method) has no handler")
                advertisedMethods.insert(method)
            }
        }
        // Every handler is either lifecycle, backs an advertised capability, or is registered
        // with the client at run time (file watching, see ProjectSetupServerTests).
        for method in handled where method != "initialized" && !JuesuanServer.dynamicallyRegisteredMethods.contains(method) {
            XCTAssertTrue(advertisedMethods.contains(method), "\(method) is handled but no capability advertises it")
        }
        // The handlers answer for real: no MethodNotFound for any advertised request.
        for method in JuesuanServer.requestHandlers.keys {
            XCTAssertNotEqual(errorCode(client.request(method, ["textDocument": ["uri": "file:///x"], "position": ["line": 0, "character": 0]])), .methodNotFound)
        }
    }

    func testServerSourcesNeverPrint() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for module in ["Sources/JuesuanServer", "Sources/JuesuanLanguageService"] {
            let directory = root.appendingPathComponent(module)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                XCTAssertFalse(text.contains("print("), "\(module)/\(file) writes to stdout, which carries the protocol")
            }
        }
    }
}
