/// A zip archive whose entries are stored (not compressed): enough for a .docx, no dependency.
/// Deterministic: entries in the order added, every timestamp 1980-01-01 00:00.
public struct StoredZip: Sendable {
    public private(set) var entries: [(name: String, data: [UInt8])] = []

    public init() {}

    public mutating func add(_ name: String, _ data: [UInt8]) { entries.append((name, data)) }
    public mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

    /// The archive's bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = CRC32.checksum(entry.data)
            let offset = UInt32(out.count)
            // Local file header.
            out.append32(0x0403_4b50)
            out.append16(20)          // version needed: 2.0
            out.append16(0x0800)      // names are UTF-8
            out.append16(0)           // stored
            out.append16(0)           // time 00:00
            out.append16(0x21)        // date 1980-01-01
            out.append32(crc)
            out.append32(UInt32(entry.data.count))
            out.append32(UInt32(entry.data.count))
            out.append16(UInt16(name.count))
            out.append16(0)
            out += name
            out += entry.data
            // Its central directory header.
            central.append32(0x0201_4b50)
            central.append16(20)      // made by: 2.0, MS-DOS attributes
            central.append16(20)
            central.append16(0x0800)
            central.append16(0)
            central.append16(0)
            central.append16(0x21)
            central.append32(crc)
            central.append32(UInt32(entry.data.count))
            central.append32(UInt32(entry.data.count))
            central.append16(UInt16(name.count))
            central.append16(0)       // extra
            central.append16(0)       // comment
            central.append16(0)       // disk
            central.append16(0)       // internal attributes
            central.append32(0)       // external attributes
            central.append32(offset)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out.append32(0x0605_4b50)
        out.append16(0)
        out.append16(0)
        out.append16(UInt16(entries.count))
        out.append16(UInt16(entries.count))
        out.append32(UInt32(central.count))
        out.append32(centralOffset)
        out.append16(0)
        return out
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip requires.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    mutating func append16(_ value: UInt16) {
        append(UInt8(value & 0xFF)); append(UInt8(value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
