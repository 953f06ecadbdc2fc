#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
/// A string hashed and compared by its UTF-8 bytes (issue 15). `String`'s own hashing
/// normalises non-ASCII text on the fly, which made dictionary look-ups of Chinese names a
/// hot spot of the prose checks. Two `ByteKey`s are equal only when their bytes are, so a
/// key is a safe memo key for anything, and stands for `String` equality wherever every
/// string compared is simple text (`SimpleText`: canonically equal simple strings have the
/// same bytes) — the names of the identities, the known quantities.
public struct ByteKey: Hashable, Sendable {
    public let string: String

    @inlinable
    public init(_ string: String) { self.string = string }

    @inlinable
    public static func == (a: ByteKey, b: ByteKey) -> Bool {
        let x = a.string.utf8, y = b.string.utf8
        guard x.count == y.count else { return false }
        if let equal = x.withContiguousStorageIfAvailable({ p in
            y.withContiguousStorageIfAvailable { q -> Bool in
                // The C library's comparison: not a comparison (a call under the fuzzer's
                // instrumentation) a byte (issue 15).
                p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0
            }
        }), let equal { return equal }
        return x.elementsEqual(y)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        if string.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            Array(string.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
