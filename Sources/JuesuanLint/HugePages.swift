import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `juesuan lint`'s heaps in huge pages (issue 15, session 18), as glibc's own
/// `glibc.malloc.hugetlb=1` would make them — but that can only be set in the environment before
/// launch. A 1 MB lint faulted in 5,200 pages of 4 KiB, a fifth of its time in the kernel.
public enum HugePages {
    /// Advises the kernel to back the calling thread's heap with huge pages (2 MiB).
    ///
    /// The heap is the mapping `/proc/self/maps` gives for a block just taken. A thread's own
    /// heap is a reservation of `threadHeapReservation` bytes at an address aligned to that
    /// size, grown in place: all of it is advised, growth included. The main thread's heap
    /// grows by extending the mapping: with `growingBy`, one block that large is taken and given
    /// back first (untouched: with glibc's top pad set, the heap grows by that much more), and
    /// what the heap then spans is advised. Advice only: where it is refused, nothing changes.
    public static func adviseThisThreadsHeap(growingBy growth: Int = 0) {
        #if canImport(Glibc)
        if growth > 0, let block = malloc(growth) {
            keepInView(block)
            free(block)
        }
        guard let block = malloc(64) else { return }
        let address = UInt(bitPattern: block)
        free(block)
        guard let (start, end) = mapping(containing: address) else { return }
        let reservation = UInt(threadHeapReservation), hugePage: UInt = 2 << 20
        let (from, to) = start % reservation == 0 ? (start, start + reservation) : ((start + hugePage - 1) & ~(hugePage - 1), end)
        guard to > from, let pointer = UnsafeMutableRawPointer(bitPattern: from) else { return }
        guard madvise(pointer, Int(to - from), 14 /* MADV_HUGEPAGE */) == 0 else { return }
        // The huge page the heap's next block falls in already has small pages (the heap's
        // header and first blocks were written before the advice), so each of its 512 small
        // pages would be faulted in one by one (session 25: a 1 MB lint's 2,150 page faults
        // were 1,100 without them). A block reaching to the next 2 MiB boundary is taken and
        // never used: never written, it takes no memory, and what comes after it is in huge
        // pages. The top of the heap is where a block larger than the small ones freed so far
        // comes from.
        guard let next = malloc(probeSize) else { return }
        let nextAddress = UInt(bitPattern: next)
        free(next)
        let gap = ((nextAddress + hugePage - 1) & ~(hugePage - 1)) - nextAddress
        if gap > 64 << 10, let filler = malloc(Int(gap) - 64) { keepInView(filler) }  // never freed
        #endif
    }

    static let probeSize = 256 << 10

    /// Records a block's address where the optimiser must assume it is read: a block taken and
    /// not used is otherwise removed — the growth block, and the heap never grew (the first
    /// version's fault), or the filler. Under a lock: threads prepare at once.
    private static func keepInView(_ block: UnsafeMutableRawPointer) {
        keptLock.lock()
        lastKeptBlock = UInt(bitPattern: block)
        keptLock.unlock()
    }

    nonisolated(unsafe) private static var lastKeptBlock: UInt = 0
    private static let keptLock = NSLock()

    /// glibc's `HEAP_MAX_SIZE` on 64-bit systems: each thread arena's heap is reserved this large.
    static let threadHeapReservation = 64 << 20

    /// The start and end of the mapping of this process that holds `address`, from
    /// `/proc/self/maps` (`start-end perms …`, in hexadecimal, a line each).
    static func mapping(containing address: UInt) -> (start: UInt, end: UInt)? {
        #if canImport(Glibc)
        let file = open("/proc/self/maps", O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var values: [UInt] = [0, 0]
        var field = 0  // 0, 1: the bounds; 2: the rest of the line
        while true {
            let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            for byte in buffer[0..<count] {
                if byte == UInt8(ascii: "\n") {
                    values = [0, 0]
                    field = 0
                    continue
                }
                guard field < 2 else { continue }
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): values[field] = values[field] << 4 | UInt(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): values[field] = values[field] << 4 | UInt(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "-") where field == 0: field = 1
                default:
                    field = 2
                    if values[0] <= address, address < values[1] { return (values[0], values[1]) }
                }
            }
        }
        #else
        return nil
        #endif
    }
}
