import XCTest
@testable import LanguageServerProtocol

final class MessageTests: XCTestCase {
    private func decode(_ text: String) throws(MessageDecodingError) -> Message {
        try Message(bytes: Array(text.utf8))
    }

    /// Decodes text that must fail and returns the error.
    private func decodeError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> MessageDecodingError? {
        do {
            let message = try decode(text)
            XCTFail("unexpectedly decoded \(message)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testClassifiesRequestsAndNotifications() throws {
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null}}"#),
                       .request(id: 1, method: "initialize", params: ["processId": nil]))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":"a-1","method":"shutdown"}"#),
                       .request(id: "a-1", method: "shutdown", params: nil))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","method":"exit","params":null}"#),
                       .notification(method: "exit", params: nil))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":4}}"#),
                       .notification(method: "$/cancelRequest", params: ["id": 4]))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","method":"m","params":[1,2]}"#),
                       .notification(method: "m", params: [1, 2]))
    }

    func testClassifiesResponses() throws {
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":7,"result":null}"#), .response(id: 7, result: .null))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":"x","result":{"ok":true}}"#), .response(id: "x", result: ["ok": true]))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#),
                       .errorResponse(id: nil, error: ResponseError(code: .parseError, message: "bad")))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32800,"message":"cancelled","data":[1]}}"#),
                       .errorResponse(id: 3, error: ResponseError(code: .requestCancelled, message: "cancelled", data: [1])))
    }

    func testIDsAreEchoedVerbatim() throws {
        for (raw, expected) in [("0", RequestID.int(0)), ("-12", .int(-12)), ("\"12\"", .string("12")), ("\"请求-1\"", .string("请求-1"))] {
            let message = try decode(#"{"jsonrpc":"2.0","id":\#(raw),"method":"m"}"#)
            XCTAssertEqual(message, .request(id: expected, method: "m", params: nil))
            guard case .request(let id, _, _) = message else { return XCTFail() }
            let reply = Message.response(id: id, result: nil).serializedString
            XCTAssertEqual(reply, #"{"id":\#(raw),"jsonrpc":"2.0","result":null}"#)
        }
    }

    func testSuccessResponseAlwaysHasResult() {
        XCTAssertEqual(Message.response(id: 1, result: .null).serializedString, #"{"id":1,"jsonrpc":"2.0","result":null}"#)
        XCTAssertEqual(Message.response(id: "r", result: []).serializedString, #"{"id":"r","jsonrpc":"2.0","result":[]}"#)
    }

    func testSerialization() {
        XCTAssertEqual(Message.request(id: 2, method: "workspace/configuration", params: ["items": []]).serializedString,
                       #"{"id":2,"jsonrpc":"2.0","method":"workspace/configuration","params":{"items":[]}}"#)
        XCTAssertEqual(Message.notification(method: "exit", params: nil).serializedString,
                       #"{"jsonrpc":"2.0","method":"exit"}"#)
        XCTAssertEqual(Message.errorResponse(id: nil, error: ResponseError(code: .parseError, message: "坏")).serializedString,
                       #"{"error":{"code":-32700,"message":"坏"},"id":null,"jsonrpc":"2.0"}"#)
        let framed = Message.notification(method: "表", params: nil).framed()
        XCTAssertTrue(String(decoding: framed, as: UTF8.self).hasPrefix("Content-Length: 32\r\n\r\n"))
    }

    func testRoundTrips() throws {
        let messages: [Message] = [
            .request(id: 1, method: "textDocument/hover", params: ["position": ["line": 0, "character": 3]]),
            .request(id: "abc", method: "shutdown", params: nil),
            .notification(method: "textDocument/didChange", params: ["contentChanges": [["text": "收入𠀋"]]]),
            .response(id: 1, result: .null),
            .response(id: "z", result: ["items": [1, 2.5, "三"]]),
            .errorResponse(id: 5, error: ResponseError(code: .contentModified, message: "stale")),
            .errorResponse(id: nil, error: ResponseError(code: .invalidRequest, message: "?", data: "d")),
        ]
        for message in messages {
            XCTAssertEqual(try Message(bytes: message.serialized()), message)
        }
    }

    func testParseErrorHasNoID() {
        let error = decodeError(#"{"jsonrpc":"2.0","id":1,"method":"#)
        XCTAssertEqual(error?.error.code, .parseError)
        XCTAssertNil(error?.id)
    }

    func testWrongTypesAreInvalidRequests() {
        let objectID = decodeError(#"{"jsonrpc":"2.0","id":{"x":1},"method":"m"}"#)
        XCTAssertEqual(objectID?.error.code, .invalidRequest)
        XCTAssertNil(objectID?.id)
        XCTAssertEqual(objectID?.method, "m")

        let fractionalID = decodeError(#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#)
        XCTAssertEqual(fractionalID?.error.code, .invalidRequest)

        let methodNumber = decodeError(#"{"jsonrpc":"2.0","id":7,"method":42}"#)
        XCTAssertEqual(methodNumber?.error.code, .invalidRequest)
        XCTAssertEqual(methodNumber?.id, 7, "the id must be recovered so the server can reply")
        XCTAssertNil(methodNumber?.method)

        let paramsString = decodeError(#"{"jsonrpc":"2.0","id":"q","method":"textDocument/hover","params":"oops"}"#)
        XCTAssertEqual(paramsString?.error.code, .invalidRequest)
        XCTAssertEqual(paramsString?.id, "q")
        XCTAssertEqual(paramsString?.method, "textDocument/hover")

        let badNotification = decodeError(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":5}"#)
        XCTAssertEqual(badNotification?.method, "textDocument/didChange")
        XCTAssertNil(badNotification?.id)
    }

    func testInvalidShapes() {
        let cases = [
            #"[1,2]"#,
            #""text""#,
            #"{"jsonrpc":"1.0","id":1,"method":"m"}"#,
            #"{"jsonrpc":"2.0","id":null,"method":"m"}"#,
            #"{"jsonrpc":"2.0","id":1}"#,
            #"{"jsonrpc":"2.0","result":1}"#,
            #"{"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}}"#,
            #"{"jsonrpc":"2.0","id":1,"error":"boom"}"#,
            #"{"jsonrpc":"2.0","id":1,"error":{"code":"1","message":"m"}}"#,
            #"{"jsonrpc":"2.0","id":1,"error":{"code":1}}"#,
            #"{"jsonrpc":"2.0","id":true,"result":1}"#,
        ]
        for text in cases {
            XCTAssertEqual(decodeError(text)?.error.code, .invalidRequest, text)
        }
    }

    func testMissingJSONRPCMemberIsTolerated() throws {
        XCTAssertEqual(try decode(#"{"id":1,"method":"m"}"#), .request(id: 1, method: "m", params: nil))
    }

    func testErrorCodes() {
        let expected: [(ErrorCode, Int)] = [
            (.parseError, -32700), (.invalidRequest, -32600), (.methodNotFound, -32601), (.invalidParams, -32602),
            (.internalError, -32603), (.serverNotInitialized, -32002), (.unknownErrorCode, -32001),
            (.requestFailed, -32803), (.serverCancelled, -32802), (.contentModified, -32801), (.requestCancelled, -32800),
        ]
        for (code, raw) in expected { XCTAssertEqual(code.rawValue, raw) }
        XCTAssertEqual(ResponseError.methodNotFound("foo/bar").json,
                       ["code": -32601, "message": "method not found: foo/bar"])
        XCTAssertEqual(ResponseError(json: ["code": 123, "message": "custom"])?.code.rawValue, 123)
    }

    func testAccessors() {
        let request = Message.request(id: 1, method: "m", params: ["a": 1])
        XCTAssertEqual(request.method, "m")
        XCTAssertEqual(request.params?["a"], 1)
        XCTAssertNil(Message.response(id: 1, result: 1).method)
    }
}

extension Message {
    fileprivate var serializedString: String { String(decoding: serialized(), as: UTF8.self) }
}
