// Compact, deterministic JSON output: object keys sorted, control characters escaped,
// non-ASCII (Chinese) written as raw UTF-8 and "/" left alone, so golden tests are stable
// and a Chinese message is 3 bytes per character on the wire rather than 6.

import Foundation

extension JSONValue {
    /// Compact UTF-8 JSON with sorted object keys.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        JSONWriter.write(self, into: &out)
        return out
    }

    /// Compact JSON text with sorted object keys.
    public func serializedString() -> String {
        String(decoding: serialized(), as: UTF8.self)
    }

    /// Compact JSON as `Data`.
    public func serializedData() -> Data {
        Data(serialized())
    }
}

enum JSONWriter {
    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): writeInteger(i, into: &out)
        case .double(let d):
            // JSON has no NaN/Infinity; the parser never produces them, but callers might.
            if d.isFinite { out.append(contentsOf: d.description.utf8) } else { out.append(contentsOf: "null".utf8) }
        case .string(let s): writeString(s, into: &out)
        case .preserialized(let bytes): out.append(contentsOf: bytes)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (k, element) in elements.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // Keys in order, so the same value always gives the same bytes. The positions are
            // sorted, in a buffer on the stack: copying the members out to sort them would
            // retain and release every value beneath.
            withUnsafeTemporaryAllocation(of: Dictionary<String, JSONValue>.Index.self, capacity: members.count) { buffer in
                var count = 0
                var index = members.startIndex
                while index != members.endIndex {
                    buffer.initializeElement(at: count, to: index)
                    count += 1
                    index = members.index(after: index)
                }
                var positions = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
                positions.sort { members[$0].key < members[$1].key }
                for (k, position) in positions.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    let member = members[position]
                    writeString(member.key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    write(member.value, into: &out)
                }
                _ = positions.deinitialize()
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Decimal digits of `value`, without making a String.
    static func writeInteger(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: Int.min has 19 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape (most strings are one run) are copied whole.
        let copied: Bool? = string.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let special = JSONStringBytes.firstSpecial(in: bytes, from: index)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<special]))
                if special < bytes.count { writeEscaped(bytes[special], into: &out) }
                index = special + 1
            }
            return true
        }
        if copied == nil {
            for byte in string.utf8 {
                if JSONStringBytes.isSpecial(byte) { writeEscaped(byte, into: &out) } else { out.append(byte) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A quote, a backslash or a control character, escaped.
    private static func writeEscaped(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
        case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
        default:
            out.append(contentsOf: "\\u00".utf8)
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
