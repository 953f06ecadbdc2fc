/// A small, fixed set of scalars asked about at every scalar of a text (issue 15): a 256-bit
/// filter on the scalar's low byte rejects most scalars with one test (a set of twenty lets
/// about one scalar in thirteen through, where 64 bits let one in three), the rest are compared
/// with the members; no hashing (a `Set<Unicode.Scalar>` hashes on every `contains`).
public struct ScalarSet: ExpressibleByArrayLiteral, Sendable {
    /// Bit `value & 255` set for each member: four words, read by address (no comparison).
    @usableFromInline let filter: (UInt64, UInt64, UInt64, UInt64)
    @usableFromInline let members: [UInt32]

    // Inlinable, so that each caller's sequence type is known where the set is made: left
    // generic, the first set made in a process cost the run-time's search of every protocol
    // conformance in the binary (issue 15).
    @inlinable
    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        let values = Array(Set(scalars.map(\.value))).sorted()
        members = values
        var words: [UInt64] = [0, 0, 0, 0]
        for value in values { words[Int(value >> 6 & 3)] |= 1 << UInt64(value & 63) }
        filter = (words[0], words[1], words[2], words[3])
    }

    public init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }

    /// The scalars of a string of members.
    public init(_ text: String) { self.init(text.unicodeScalars) }

    /// 1 when `scalar` passes the filter (it may be a member), 0 when it is surely none: the
    /// bits of several scalars can be joined and tested at once.
    @inlinable @inline(__always)
    public func filterBit(_ scalar: Unicode.Scalar) -> UInt64 {
        let value = scalar.value
        let word = withUnsafeBytes(of: filter) { $0.load(fromByteOffset: Int(value >> 3 & 0x18), as: UInt64.self) }
        return word >> UInt64(value & 63) & 1
    }

    @inlinable @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard filterBit(scalar) != 0 else { return false }
        for member in members where member == value { return true }
        return false
    }
}
