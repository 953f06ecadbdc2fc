// Fuzz target (b): the JSON-RPC base protocol as the server's reader thread sees it. The input
// is a byte stream cut into chunks (sizes taken from the stream itself) and fed to
// MessageFramer; every body goes through the JSON parser and the message decoder, and what
// decodes must survive serialise → parse → decode unchanged.
import LanguageServerProtocol

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProtocol(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Small caps so the fuzzer reaches the "too large" and "header too long" paths.
    var framer = MessageFramer(maximumBodyLength: 1 << 16, maximumHeaderLength: 256)
    var offset = 0
    var chunk = 1 + Int(bytes.first ?? 0) % 61
    var outputs = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + chunk)
        framer.append(bytes[offset..<end])
        offset = end
        chunk = 1 + (chunk * 31 + 7) % 97
        while let output = framer.next() {
            outputs += 1
            precondition(outputs <= bytes.count + 1, "the framer produced more outputs than input bytes")
            guard case .body(let body) = output else { continue }
            decode(body)
        }
        precondition(framer.bufferedByteCount <= bytes.count, "the framer holds more than it was given")
    }
    // The whole input as one body, too: most of the mutations land in the JSON then.
    decode(bytes)
    return 0
}

func decode(_ body: [UInt8]) {
    if let value = try? JSONValue(parsing: body) {
        let again = try? JSONValue(parsing: value.serialized())
        precondition(again == value, "JSON does not survive a round trip")
    }
    guard let message = try? Message(bytes: body) else { return }
    let reparsed = try? Message(bytes: message.serialized())
    precondition(reparsed == message, "message does not survive a round trip: \(message)")
    _ = MessageFramer.frame(message.serialized())
}
