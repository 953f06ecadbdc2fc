// Base-protocol framing: "Content-Length: N\r\n\r\n" followed by exactly N bytes of body.
// N counts UTF-8 bytes, never characters: getting this wrong is the classic CJK hang.

/// A problem in the header part of the stream; the framer has already resynchronised past it.
public enum FramingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A header block ended without a Content-Length header.
    case missingContentLength
    /// The Content-Length value was not a plain decimal number.
    case invalidContentLength(String)
    /// The declared length exceeded the framer's cap.
    case contentLengthTooLarge(Int)
    /// No blank line (CRLFCRLF) within the header size cap.
    case headerTooLong
    /// A header line without a colon, or with non-ASCII bytes.
    case malformedHeader(String)

    public var description: String {
        switch self {
        case .missingContentLength: return "message header has no Content-Length"
        case .invalidContentLength(let v): return "invalid Content-Length value '\(v)'"
        case .contentLengthTooLarge(let n): return "Content-Length \(n) exceeds the limit"
        case .headerTooLong: return "message header too long (no blank line found)"
        case .malformedHeader(let line): return "malformed header line '\(line)'"
        }
    }
}

/// Splits an incoming byte stream into message bodies; feed it arbitrary chunks.
public struct MessageFramer: Sendable {
    /// One output of the framer: a complete body or a recoverable framing error.
    public enum Output: Sendable, Hashable {
        case body([UInt8])
        case error(FramingError)
    }

    /// Default cap on a declared body length (64 MiB).
    public static let defaultMaximumBodyLength = 64 << 20
    /// Default cap on the header block before the blank line is found.
    public static let defaultMaximumHeaderLength = 8 << 10

    private let maximumBodyLength: Int
    private let maximumHeaderLength: Int
    private var buffer: [UInt8] = []
    /// Bytes before `start` are consumed; compacted lazily to keep appends amortised O(1).
    private var start = 0
    /// Where to resume the CRLFCRLF search so byte-by-byte feeding stays linear.
    private var headerScanPosition = 0
    /// Body length once a header has been parsed and we are waiting for the body.
    private var pendingBodyLength: Int?
    /// After an error: skip input until the next "Content-Length:" header name.
    private var resynchronising = false

    /// Creates a framer with the given size caps.
    public init(maximumBodyLength: Int = MessageFramer.defaultMaximumBodyLength,
                maximumHeaderLength: Int = MessageFramer.defaultMaximumHeaderLength) {
        self.maximumBodyLength = maximumBodyLength
        self.maximumHeaderLength = maximumHeaderLength
    }

    /// Appends received bytes; call `next()` until it returns nil.
    public mutating func append(_ bytes: ArraySlice<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes; call `next()` until it returns nil.
    public mutating func append(_ bytes: [UInt8]) {
        append(bytes[...])
    }

    // Concrete overloads rather than a generic Sequence: an unspecialised generic append
    // from another module copies byte by byte.
    private mutating func compact() {
        // Everything consumed: after a huge message, hand its capacity back instead of
        // keeping megabytes for the rest of the session.
        if start > 0 && start == buffer.count && buffer.capacity > 1 << 20 {
            buffer = []
            headerScanPosition = 0
            start = 0
            return
        }
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            headerScanPosition -= start
            start = 0
        }
    }

    /// Received bytes not yet consumed (a header already parsed no longer counts).
    public var bufferedByteCount: Int { buffer.count - start }

    /// The next complete body or framing error, or nil when more input is needed.
    public mutating func next() -> Output? {
        while true {
            if resynchronising {
                guard resynchronise() else { return nil }
            }
            if let length = pendingBodyLength {
                guard buffer.count - start >= length else { return nil }
                let body = Array(buffer[start..<start + length])
                start += length
                headerScanPosition = start
                pendingBodyLength = nil
                return .body(body)
            }
            guard let (headerEnd, separator) = findHeaderEnd() else {
                if buffer.count - start > maximumHeaderLength {
                    return fail(.headerTooLong)
                }
                return nil
            }
            if headerEnd - start > maximumHeaderLength {
                return fail(.headerTooLong)
            }
            switch parseHeader(buffer[start..<headerEnd]) {
            case .success(let length):
                start = headerEnd + separator
                headerScanPosition = start
                pendingBodyLength = length
            case .failure(let error):
                return fail(error)
            }
        }
    }

    /// Drops the current header's first byte and starts looking for the next header.
    private mutating func fail(_ error: FramingError) -> Output {
        start += 1
        headerScanPosition = start
        resynchronising = true
        return .error(error)
    }

    private static let contentLengthName = Array("content-length:".utf8)

    /// Moves `start` to the next case-insensitive "Content-Length:"; false if none yet.
    private mutating func resynchronise() -> Bool {
        let name = Self.contentLengthName
        var i = start
        while i + name.count <= buffer.count {
            var matches = true
            for k in 0..<name.count where asciiLowercase(buffer[i + k]) != name[k] {
                matches = false
                break
            }
            if matches {
                start = i
                headerScanPosition = i
                resynchronising = false
                return true
            }
            i += 1
        }
        // Keep a possible partial name at the end; discard the rest.
        start = max(start, buffer.count - (name.count - 1))
        headerScanPosition = start
        return false
    }

    /// Index of the "\r\n\r\n" that ends the header block at `start`, if present.
    /// The end of the header block and the length of the blank line after it. CRLF CRLF is
    /// the standard; a bare LF LF (a broken client) also ends a header, so such a frame is read
    /// as meant instead of swallowing the next, correct one.
    private mutating func findHeaderEnd() -> (end: Int, separator: Int)? {
        var i = max(headerScanPosition, start)
        while i + 1 < buffer.count {
            if buffer[i] == 0x0A {
                let cr = i > start && buffer[i - 1] == 0x0D
                let end = cr ? i - 1 : i
                if buffer[i + 1] == 0x0A { return (end, cr ? 3 : 2) }
                if buffer[i + 1] == 0x0D {
                    guard i + 2 < buffer.count else { break }
                    if buffer[i + 2] == 0x0A { return (end, cr ? 4 : 3) }
                }
            }
            i += 1
        }
        headerScanPosition = max(start, i - 1)
        return nil
    }

    private func parseHeader(_ block: ArraySlice<UInt8>) -> Result<Int, FramingError> {
        var contentLength: Int?
        for rawLine in block.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }  // tolerate a stray CRLF left after the previous body
            guard line.allSatisfy({ $0 < 0x80 }), let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(.malformedHeader(String(decoding: line.prefix(80), as: UTF8.self)))
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingASCIIWhitespace().lowercased()
            guard name == "content-length" else { continue }  // e.g. Content-Type: ignored
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespace()
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return .failure(.invalidContentLength(String(value.prefix(40))))
            }
            guard let length = Int(value), length <= maximumBodyLength else {
                return .failure(.contentLengthTooLarge(Int(value) ?? Int.max))
            }
            if contentLength == nil { contentLength = length }
        }
        guard let length = contentLength else { return .failure(.missingContentLength) }
        return .success(length)
    }

    // MARK: Writing

    /// Header plus body in one buffer, so a single write keeps the frame contiguous.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        var out = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        out.append(contentsOf: body)
        return out
    }
}

private func asciiLowercase(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
}

extension String {
    fileprivate func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f == " " || f == "\t" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
