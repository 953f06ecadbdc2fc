// JSON-RPC 2.0 and LSP 3.17 error codes.

/// A numeric JSON-RPC error code; unknown codes from peers are preserved.
public struct ErrorCode: RawRepresentable, Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { self.rawValue = value }
    public var description: String { String(rawValue) }

    /// Invalid JSON was received.
    public static let parseError: ErrorCode = -32700
    /// The JSON is not a valid request object.
    public static let invalidRequest: ErrorCode = -32600
    /// The method does not exist or is not available.
    public static let methodNotFound: ErrorCode = -32601
    /// Invalid method parameters.
    public static let invalidParams: ErrorCode = -32602
    /// Internal JSON-RPC error.
    public static let internalError: ErrorCode = -32603
    /// A request arrived before `initialize`.
    public static let serverNotInitialized: ErrorCode = -32002
    /// Reserved by LSP for unknown errors.
    public static let unknownErrorCode: ErrorCode = -32001
    /// A syntactically valid request that the server could not carry out.
    public static let requestFailed: ErrorCode = -32803
    /// The server cancelled the request itself.
    public static let serverCancelled: ErrorCode = -32802
    /// The document changed under the request, so its result is stale.
    public static let contentModified: ErrorCode = -32801
    /// The client cancelled the request.
    public static let requestCancelled: ErrorCode = -32800
}

/// The `error` member of a JSON-RPC error response.
public struct ResponseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error code.
    public var code: ErrorCode
    /// A short human-readable message.
    public var message: String
    /// Optional structured detail.
    public var data: JSONValue?

    /// Creates an error.
    public init(code: ErrorCode, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String { "\(message) (\(code.rawValue))" }

    /// Builds a MethodNotFound error naming the method.
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(code: .methodNotFound, message: "method not found: \(method)")
    }

    /// Builds an InvalidParams error.
    public static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(code: .invalidParams, message: message)
    }

    /// Builds an InvalidRequest error.
    public static func invalidRequest(_ message: String) -> ResponseError {
        ResponseError(code: .invalidRequest, message: message)
    }

    /// Builds an InternalError error.
    public static func internalError(_ message: String) -> ResponseError {
        ResponseError(code: .internalError, message: message)
    }

    /// The JSON object form: {"code", "message", "data"?}.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["code": .int(code.rawValue), "message": .string(message)]
        if let data { members["data"] = data }
        return .object(members)
    }

    /// Reads the JSON object form; nil unless `code` is an integer and `message` a string.
    public init?(json: JSONValue) {
        guard let code = json["code"], case .int(let raw) = code,
              let message = json["message"]?.stringValue else { return nil }
        self.init(code: ErrorCode(rawValue: raw), message: message, data: json["data"])
    }
}
