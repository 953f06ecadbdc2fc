// JSON-RPC 2.0 messages as LSP uses them: no batches, params by-name or by-position.

/// A request id: an integer or a string, echoed back verbatim in the response.
public enum RequestID: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case string(String)

    /// The id as JSON.
    public var json: JSONValue {
        switch self {
        case .int(let i): return .int(i)
        case .string(let s): return .string(s)
        }
    }

    /// Reads an id; only integers and strings are valid.
    public init?(json: JSONValue) {
        switch json {
        case .int(let i): self = .int(i)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        }
    }
}

extension RequestID: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
}

/// One JSON-RPC message.
public enum Message: Sendable, Hashable {
    /// A call expecting a response; `params` is an object or array when present.
    case request(id: RequestID, method: String, params: JSONValue?)
    /// A call without a response.
    case notification(method: String, params: JSONValue?)
    /// A successful response; `result` is always written, even when `.null`.
    case response(id: RequestID, result: JSONValue)
    /// A failed response; `id` is nil (written as null) when the request id was unreadable.
    case errorResponse(id: RequestID?, error: ResponseError)
}

/// A received body that is not a valid message, with whatever could be recovered so the
/// caller can reply (when `id` is known) or report it (e.g. a broken `didChange`).
public struct MessageDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The id, when it was present and well-formed.
    public var id: RequestID?
    /// The method, when it was present and a string.
    public var method: String?
    /// ParseError for bad JSON, InvalidRequest for a bad message shape.
    public var error: ResponseError

    /// Creates an error.
    public init(id: RequestID? = nil, method: String? = nil, error: ResponseError) {
        self.id = id
        self.method = method
        self.error = error
    }

    public var description: String {
        var text = error.description
        if let method { text += " in '\(method)'" }
        if let id { text += " (id \(id))" }
        return text
    }
}

extension Message {
    /// Parses and classifies a message body; bad JSON yields a ParseError.
    public init(bytes: [UInt8]) throws(MessageDecodingError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes)
        } catch {
            throw MessageDecodingError(error: ResponseError(code: .parseError, message: "\(error)"))
        }
        try self.init(json: json)
    }

    /// Classifies a JSON value by which of id/method/result/error it carries.
    public init(json: JSONValue) throws(MessageDecodingError) {
        guard case .object(let members) = json else {
            throw MessageDecodingError(error: .invalidRequest("message is not a JSON object"))
        }
        // Recover what we can first, so every later error can carry it.
        let rawID = members["id"]
        let id = rawID.flatMap(RequestID.init(json:))
        let method = members["method"]?.stringValue
        func invalid(_ text: String) -> MessageDecodingError {
            MessageDecodingError(id: id, method: method, error: .invalidRequest(text))
        }

        // A missing "jsonrpc" is tolerated; a wrong one is not.
        if let version = members["jsonrpc"], version != .string("2.0") {
            throw invalid("jsonrpc must be \"2.0\"")
        }
        if let rawID, id == nil, rawID != .null {
            throw invalid("id must be an integer or a string")
        }

        if let rawMethod = members["method"] {
            guard let method = rawMethod.stringValue else { throw invalid("method must be a string") }
            var params = members["params"]
            switch params {
            case .object?, .array?, nil: break
            case .null?: params = nil  // some clients send "params": null for shutdown/exit
            default: throw invalid("params must be an object or an array")
            }
            if rawID == nil {
                self = .notification(method: method, params: params)
                return
            }
            guard let id else { throw invalid("request id must not be null") }
            self = .request(id: id, method: method, params: params)
            return
        }

        switch (members["result"], members["error"]) {
        case (let result?, nil):
            guard let id else { throw invalid("response without an id") }
            self = .response(id: id, result: result)
        case (nil, let error?):
            guard let responseError = ResponseError(json: error) else {
                throw invalid("error must be an object with an integer code and a string message")
            }
            self = .errorResponse(id: id, error: responseError)
        case (_?, _?):
            throw invalid("response has both result and error")
        case (nil, nil):
            throw invalid("message has neither method, result nor error")
        }
    }

    /// The JSON-RPC 2.0 object for this message.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["jsonrpc": "2.0"]
        switch self {
        case .request(let id, let method, let params):
            members["id"] = id.json
            members["method"] = .string(method)
            if let params { members["params"] = params }
        case .notification(let method, let params):
            members["method"] = .string(method)
            if let params { members["params"] = params }
        case .response(let id, let result):
            members["id"] = id.json
            members["result"] = result  // always present: clients treat a missing result as malformed
        case .errorResponse(let id, let error):
            members["id"] = id?.json ?? .null
            members["error"] = error.json
        }
        return .object(members)
    }

    /// Compact JSON body bytes (no framing).
    public func serialized() -> [UInt8] { json.serialized() }

    /// The body with its Content-Length header, ready to write.
    public func framed() -> [UInt8] { MessageFramer.frame(serialized()) }

    /// The method for requests and notifications.
    public var method: String? {
        switch self {
        case .request(_, let method, _), .notification(let method, _): return method
        case .response, .errorResponse: return nil
        }
    }

    /// The params for requests and notifications.
    public var params: JSONValue? {
        switch self {
        case .request(_, _, let params), .notification(_, let params): return params
        case .response, .errorResponse: return nil
        }
    }
}
