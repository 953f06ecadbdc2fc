#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import JuesuanSyntax

/// The labels of a report's rows read once per spelling: the same names recur from table to
/// table (a 类 of 公开03 is a row of 公开05, 06 and 08 too), and making a row's label (a string
/// from the token's bytes) and its matching key (`LabelKey.make`) was a third of modelling a
/// row (issue 15). Keyed by the label's bytes: equal bytes give the same label and key.
///
/// Open addressing on a cheap hash of the bytes, not a `Dictionary` (whose keyed hashing cost
/// as much as making the label): a spelling that finds no free slot within `maximumProbes` is
/// made and not kept, so labels made to collide cost no more than no cache.
struct LabelCache {
    /// Slot by slot: the spelling's hash (0: free; a hash is never 0), its label and its key.
    private var hashes: [UInt64] = []
    private var labels: [String] = []
    private var keys: [String] = []
    private var used = 0
    static let maximumProbes = 8
    static let maximumSlots = 1 << 16
    /// `LabelCache.hash`, or (tests) another.
    private let hash: @Sendable (UnsafeBufferPointer<UInt8>) -> UInt64

    init(hash: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> UInt64 = { LabelCache.hash($0) }) { self.hash = hash }

    /// The label `token` spells and its key.
    mutating func label(of token: Token) -> (label: String, key: String) {
        token.withTextBytes { bytes in
            let hash = self.hash(bytes) | 1
            if hashes.isEmpty { allocate(32) }  // small reports (and the fuzz target's pieces) stay small
            let mask = hashes.count - 1
            var index = Int(truncatingIfNeeded: hash) & mask
            for _ in 0..<LabelCache.maximumProbes {
                let found = hashes[index]
                if found == 0 {
                    let made = LabelCache.make(bytes)
                    hashes[index] = hash
                    labels[index] = made.label
                    keys[index] = made.key
                    used += 1
                    if used * 2 > hashes.count, hashes.count < LabelCache.maximumSlots { grow() }
                    return made
                }
                if found == hash, LabelCache.spells(labels[index], bytes) { return (labels[index], keys[index]) }
                index = (index + 1) & mask
            }
            return LabelCache.make(bytes)
        }
    }

    private static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> (label: String, key: String) {
        let label = String(decoding: bytes, as: UTF8.self)
        return (label, LabelKey.make(label))
    }

    /// Whether `label` is written with exactly `bytes`.
    private static func spells(_ label: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        label.utf8.withContiguousStorageIfAvailable { own in
            own.count == bytes.count && (own.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
        } ?? label.utf8.elementsEqual(bytes)
    }

    /// Eight bytes at a time, multiplied and folded: well spread for names, and not for keeping
    /// anyone out (`maximumProbes` bounds what a collision costs). Never 0.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress else { return hash | 1 }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        if offset < bytes.count {
            var word: UInt64 = 0
            for k in offset..<bytes.count { word = word << 8 | UInt64(bytes[k]) }
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        return hash | 1
    }

    private mutating func allocate(_ count: Int) {
        hashes = Array(repeating: 0, count: count)
        labels = Array(repeating: "", count: count)
        keys = Array(repeating: "", count: count)
        used = 0
    }

    private mutating func grow() {
        let (oldHashes, oldLabels, oldKeys) = (hashes, labels, keys)
        allocate(oldHashes.count * 2)
        let mask = hashes.count - 1
        for slot in oldHashes.indices where oldHashes[slot] != 0 {
            var index = Int(truncatingIfNeeded: oldHashes[slot]) & mask
            for _ in 0..<LabelCache.maximumProbes {
                if hashes[index] == 0 {
                    (hashes[index], labels[index], keys[index]) = (oldHashes[slot], oldLabels[slot], oldKeys[slot])
                    used += 1
                    break
                }
                index = (index + 1) & mask
            }
        }
    }
}
