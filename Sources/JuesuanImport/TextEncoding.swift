#if canImport(Glibc)
import Glibc
#endif

/// What `import` reads: published reports are often saved as GBK (GB18030) or UTF-16 by
/// office software. The encoding is detected, the text decoded, and the user told; text in
/// none of these encodings is refused instead of becoming replacement characters.
public enum TextEncoding {
    public enum Outcome: Equatable, Sendable {
        /// Valid UTF-8 (a byte-order mark removed).
        case utf8(String)
        /// Decoded from another encoding, named for the user.
        case converted(String, from: String)
        /// Not decodable: the message says why.
        case refused(String)
    }

    public static func decode(_ bytes: [UInt8]) -> Outcome {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                return .refused("以 UTF-8 标记开头，但其后含有无效的 UTF-8 字节；请检查文件是否损坏")
            }
            return .utf8(text)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true, name: "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false, name: "UTF-16BE") }
        if let endian = utf16WithoutMark(bytes) { return utf16(bytes[...], littleEndian: endian, name: endian ? "UTF-16LE" : "UTF-16BE") }
        if let text = String(validating: bytes, as: UTF8.self) { return .utf8(text) }
        if let text = gb18030(bytes) { return .converted(text, from: "GBK（GB18030）") }
        return .refused("文本既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16；请用文本编辑器另存为 UTF-8 后再导入")
    }

    /// UTF-16 without a byte-order mark: ASCII characters (digits, spaces, line breaks, which
    /// every report has many of) put a zero byte in every other position.
    static func utf16WithoutMark(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for index in stride(from: 0, to: bytes.count, by: 2) {
            if bytes[index] == 0 { evenZeros += 1 }
            if bytes[index + 1] == 0 { oddZeros += 1 }
        }
        let pairs = bytes.count / 2
        // Text in UTF-8 or GBK has (almost) no zero bytes at all.
        if oddZeros * 5 >= pairs, evenZeros * 20 < pairs { return true }
        if evenZeros * 5 >= pairs, oddZeros * 20 < pairs { return false }
        return nil
    }

    static func utf16<C: Collection<UInt8>>(_ bytes: C, littleEndian: Bool, name: String) -> Outcome {
        guard bytes.count % 2 == 0 else { return .refused("按 \(name) 读取时字节数为奇数；文件可能不完整") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let a = iterator.next(), let b = iterator.next() {
            units.append(littleEndian ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b))
        }
        var text = ""
        var decoder = UTF16()
        var unitIterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&unitIterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error: return .refused("按 \(name) 读取时遇到无效的代理对；文件可能已损坏")
            }
        }
        return .converted(text, from: name)
    }

    /// GB18030 (a superset of GBK and GB2312) through the C library's iconv; nil when the
    /// bytes are not valid GB18030 or the converter is unavailable.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        #if canImport(Glibc)
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)  // ≤ 4 bytes out per 2 in, 4 per 4
        let ok: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written = ok else { return nil }
        return String(validating: output[0..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return nil
        #endif
    }
}
