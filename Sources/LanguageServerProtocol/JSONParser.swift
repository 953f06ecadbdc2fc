// A strict RFC 8259 parser over UTF-8 bytes. Hand-written so that the server's hot path
// (every didChange carries the whole edit) avoids Foundation's NSNumber/Any round trip,
// and so that malformed input from a client is always a thrown error, never a trap.

import Foundation

/// Why and where (byte offset) JSON parsing failed.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Reason: Sendable, Hashable {
        case unexpectedEndOfInput
        case unexpectedByte(UInt8)
        case trailingData
        case nestingTooDeep
        case invalidNumber
        case numberOutOfRange
        case invalidEscape
        case controlCharacterInString
        case invalidUTF8
    }

    /// The kind of failure.
    public var reason: Reason
    /// Byte offset into the input where the problem was detected.
    public var offset: Int

    /// Creates an error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let what: String
        switch reason {
        case .unexpectedEndOfInput: what = "unexpected end of input"
        case .unexpectedByte(let b):
            what = (0x21...0x7E).contains(b)
                ? "unexpected character '\(Character(Unicode.Scalar(b)))'"
                : "unexpected byte 0x\(String(b, radix: 16, uppercase: true))"
        case .trailingData: what = "unexpected data after the JSON value"
        case .nestingTooDeep: what = "arrays/objects nested too deeply"
        case .invalidNumber: what = "malformed number"
        case .numberOutOfRange: what = "number out of range"
        case .invalidEscape: what = "invalid escape sequence in string"
        case .controlCharacterInString: what = "unescaped control character in string"
        case .invalidUTF8: what = "invalid UTF-8"
        }
        return "JSON parse error at byte \(offset): \(what)"
    }
}

extension JSONValue {
    /// Default limit on array/object nesting; deeper input is rejected rather than risking the stack.
    public static let defaultMaximumDepth = 512

    /// Parses exactly one JSON value (surrounded by optional whitespace) from UTF-8 bytes.
    public init(parsing bytes: [UInt8], maximumDepth: Int = JSONValue.defaultMaximumDepth) throws {
        self = try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONByteParser(buffer, maximumDepth: maximumDepth)
            return try parser.parseDocument()
        }
    }

    /// Parses exactly one JSON value from UTF-8 `Data`.
    public init(parsing data: Data, maximumDepth: Int = JSONValue.defaultMaximumDepth) throws {
        try self.init(parsing: [UInt8](data), maximumDepth: maximumDepth)
    }

    /// Parses exactly one JSON value from a string.
    public init(parsing text: String, maximumDepth: Int = JSONValue.defaultMaximumDepth) throws {
        try self.init(parsing: Array(text.utf8), maximumDepth: maximumDepth)
    }
}

/// Recursive-descent parser; recursion depth is bounded by `maximumDepth`.
struct JSONByteParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if index != bytes.count { throw JSONParseError(.trailingData, at: index) }
        return value
    }

    // MARK: Helpers

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek() throws -> UInt8 {
        guard index < bytes.count else { throw JSONParseError(.unexpectedEndOfInput, at: index) }
        return bytes[index]
    }

    private mutating func expectLiteral(_ literal: StaticString, value: JSONValue) throws -> JSONValue {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for k in 0..<count {
            guard index < bytes.count else { throw JSONParseError(.unexpectedEndOfInput, at: index) }
            guard bytes[index] == start[k] else { throw JSONParseError(.unexpectedByte(bytes[index]), at: index) }
            index += 1
        }
        return value
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws -> JSONValue {
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try expectLiteral("true", value: .bool(true))
        case UInt8(ascii: "f"): return try expectLiteral("false", value: .bool(false))
        case UInt8(ascii: "n"): return try expectLiteral("null", value: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw JSONParseError(.unexpectedByte(byte), at: index)
        }
    }

    private mutating func parseArray(depth: Int) throws -> JSONValue {
        if depth > maximumDepth { throw JSONParseError(.nestingTooDeep, at: index) }
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            let byte = try peek()
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "]") { return .array(elements) }
            throw JSONParseError(.unexpectedByte(byte), at: index - 1)
        }
    }

    private mutating func parseObject(depth: Int) throws -> JSONValue {
        if depth > maximumDepth { throw JSONParseError(.nestingTooDeep, at: index) }
        index += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyStart = try peek()
            guard keyStart == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedByte(keyStart), at: index) }
            let key = try parseString()
            skipWhitespace()
            let colon = try peek()
            guard colon == UInt8(ascii: ":") else { throw JSONParseError(.unexpectedByte(colon), at: index) }
            index += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth)  // duplicate keys: last one wins
            skipWhitespace()
            let byte = try peek()
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "}") { return .object(members) }
            throw JSONParseError(.unexpectedByte(byte), at: index - 1)
        }
    }

    // MARK: Strings

    /// Parses a string starting at the opening quote. Without escapes (the common case) the
    /// bytes are validated as UTF-8 in one go; with escapes, raw runs and decoded escapes are
    /// collected in a byte buffer and validated once at the end.
    private mutating func parseString() throws -> String {
        index += 1  // opening quote
        let contentStart = index
        index = JSONStringBytes.firstSpecial(in: bytes, from: index)
        guard index < bytes.count else { throw JSONParseError(.unexpectedEndOfInput, at: index) }
        if bytes[index] == UInt8(ascii: "\"") {
            let text = try makeString(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), at: contentStart)
            index += 1
            return text
        }
        // An escape (or a control character): the text is decoded into a buffer, the runs
        // between escapes copied whole (a document's text has an escape on every line).
        var decoded: [UInt8] = []
        decoded.reserveCapacity(index - contentStart + 64)
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
        while true {
            guard index < bytes.count else { throw JSONParseError(.unexpectedEndOfInput, at: index) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return try decoded.withUnsafeBufferPointer { try makeString($0, at: contentStart) }
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &decoded)
            } else if byte < 0x20 {
                throw JSONParseError(.controlCharacterInString, at: index)
            }
            let runStart = index
            index = JSONStringBytes.firstSpecial(in: bytes, from: index)
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        }
    }

    private func makeString(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw JSONParseError(.invalidUTF8, at: offset) }
        return text
    }

    /// Decodes one escape starting at the backslash, appending UTF-8. Unpaired UTF-16
    /// surrogates (legal JSON syntax but not Unicode) become U+FFFD rather than failing the message.
    private mutating func parseEscape(into decoded: inout [UInt8]) throws {
        let escapeStart = index
        index += 1  // backslash
        let byte = try peek()
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHex4()
            var scalar: Unicode.Scalar?
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate is only meaningful when a \u low surrogate follows.
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let save = index
                    index += 2
                    let low = try parseHex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        index = save  // leave the next escape to be decoded on its own
                    }
                }
            case 0xDC00...0xDFFF:
                scalar = nil
            default:
                scalar = Unicode.Scalar(unit)
            }
            decoded.append(contentsOf: UTF8.encode(scalar ?? "\u{FFFD}")!)
        default:
            throw JSONParseError(.invalidEscape, at: escapeStart)
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw JSONParseError(.unexpectedEndOfInput, at: index) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidEscape, at: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    // MARK: Numbers

    private func isDigit(at i: Int) -> Bool {
        i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")
    }

    /// Grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    /// Plain integers that fit become `.int`; everything else a finite `.double`.
    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard isDigit(at: index) else {
            if index >= bytes.count { throw JSONParseError(.unexpectedEndOfInput, at: index) }
            throw JSONParseError(.invalidNumber, at: start)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1  // a leading zero stands alone; "01" fails at the caller as trailing data
        } else {
            while isDigit(at: index) { index += 1 }
        }
        let integerEnd = index
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard isDigit(at: index) else { throw JSONParseError(.invalidNumber, at: start) }
            while isDigit(at: index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(at: index) else { throw JSONParseError(.invalidNumber, at: start) }
            while isDigit(at: index) { index += 1 }
        }
        if isInteger, let value = integerValue(digitsFrom: negative ? start + 1 : start, to: integerEnd, negative: negative) {
            return .int(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw JSONParseError(.numberOutOfRange, at: start) }
        return .double(value)
    }

    /// Accumulates toward the sign so `Int.min` parses; `nil` on overflow.
    private func integerValue(digitsFrom start: Int, to end: Int, negative: Bool) -> Int? {
        var value = 0
        for i in start..<end {
            let digit = Int(bytes[i] - UInt8(ascii: "0"))
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
        }
        return value
    }
}
