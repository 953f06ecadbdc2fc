import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator controls, for the two processes that tune it: `juesuan lint` (large heap
/// steps) and the server (bounded caching, freed pages handed back). `<malloc.h>` is not in
/// Swift's Glibc module, so each function is looked up once at run time; elsewhere (or without
/// it) nothing is done.
public enum GlibcMalloc {
    /// `mallopt`'s parameter numbers (`<malloc.h>`).
    public enum Option: Int32 {
        case trimThreshold = -1
        case topPad = -2
        case mmapThreshold = -3
    }

    /// Whether `prepareThisThread()` advises each thread's heap to use huge pages: set once, at
    /// launch, by `juesuan lint` (the server's memory is bounded instead).
    nonisolated(unsafe) public static var hugePagesForEachThread = false
    /// How much `prepareThisThread` grows a heap by before advising it (see `adviseHugePages`).
    nonisolated(unsafe) public static var heapGrowth = 0

    /// On a thread that will allocate a lot (the other half of `TwoThreads`, a folder's
    /// workers): its heap in huge pages, once per thread, when `hugePagesForEachThread`.
    public static func prepareThisThread() {
        #if canImport(Glibc)
        guard hugePagesForEachThread else { return }
        let thread = UInt(pthread_self())
        preparedLock.lock()
        let isNew = preparedThreads.insert(thread).inserted
        preparedLock.unlock()
        if isNew { adviseHugePages(growingBy: heapGrowth) }
        #endif
    }

    /// Advises the kernel to back the calling thread's heap with huge pages (2 MiB), as glibc's
    /// own `glibc.malloc.hugetlb=1` does, which can only be set before launch. A 1 MB lint
    /// faulted in 5,200 pages of 4 KiB, a fifth of its time in the kernel (issue 15).
    ///
    /// The heap is the mapping `/proc/self/maps` gives for a block just taken. A thread's own
    /// heap is a reservation of `threadHeapReservation` bytes at an address aligned to that
    /// size, grown in place: all of it is advised, growth included. The main thread's heap
    /// grows by extending the mapping: with `growingBy`, one block that large is taken and given
    /// back first (untouched: with `topPad` set, the heap grows by that much more), and what the
    /// heap then spans is advised. Advice only: where it is refused, nothing changes.
    public static func adviseHugePages(growingBy growth: Int = 0) {
        #if canImport(Glibc)
        if growth > 0 { free(malloc(growth)) }
        guard let block = malloc(64) else { return }
        let address = UInt(bitPattern: block)
        free(block)
        guard let (start, end) = mapping(containing: address) else { return }
        let reservation = UInt(threadHeapReservation), hugePage: UInt = 2 << 20
        let (from, to) = start % reservation == 0 ? (start, start + reservation) : ((start + hugePage - 1) & ~(hugePage - 1), end)
        guard to > from, let pointer = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(pointer, Int(to - from), 14 /* MADV_HUGEPAGE */)
        #endif
    }

    /// glibc's `HEAP_MAX_SIZE` on 64-bit systems: each thread arena's heap is reserved this large.
    static let threadHeapReservation = 64 << 20

    #if canImport(Glibc)
    nonisolated(unsafe) private static var preparedThreads: Set<UInt> = []
    private static let preparedLock = NSLock()

    static var preparedThreadCount: Int { preparedLock.lock(); defer { preparedLock.unlock() }; return preparedThreads.count }
    static func isPrepared(_ thread: UInt) -> Bool { preparedLock.lock(); defer { preparedLock.unlock() }; return preparedThreads.contains(thread) }

    /// The start and end of the mapping of this process that holds `address`.
    static func mapping(containing address: UInt) -> (start: UInt, end: UInt)? {
        guard let maps = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(maps) }
        var line = [CChar](repeating: 0, count: 1024)
        while fgets(&line, Int32(line.count), maps) != nil {
            // `start-end perms …`, in hexadecimal.
            let bounds = line.withUnsafeBufferPointer { buffer -> (UInt, UInt)? in
                var values: [UInt] = [0, 0]
                var index = 0
                for byte in buffer {
                    let c = UInt8(bitPattern: byte)
                    let digit: UInt
                    switch c {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt(c - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt(c - UInt8(ascii: "a") + 10)
                    case UInt8(ascii: "-") where index == 0: index = 1; continue
                    default: return index == 1 ? (values[0], values[1]) : nil
                    }
                    values[index] = values[index] << 4 | digit
                }
                return nil
            }
            if let (start, end) = bounds, start <= address, address < end { return (start, end) }
        }
        return nil
    }
    #endif

    /// Sets `option` to `value` bytes (`mallopt`); false when it could not be set.
    @discardableResult
    public static func set(_ option: Option, to value: Int32) -> Bool {
        #if canImport(Glibc)
        guard let symbol = mallopt else { return false }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)(option.rawValue, value) == 1
        #else
        return false
        #endif
    }

    /// Returns free heap pages to the system (`malloc_trim(0)`); false when there is no such
    /// function.
    @discardableResult
    public static func trim() -> Bool {
        #if canImport(Glibc)
        guard let symbol = mallocTrim else { return false }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        return true
        #else
        return false
        #endif
    }

    #if canImport(Glibc)
    nonisolated(unsafe) private static let mallopt: UnsafeMutableRawPointer? = dlsym(nil, "mallopt")
    nonisolated(unsafe) private static let mallocTrim: UnsafeMutableRawPointer? = dlsym(nil, "malloc_trim")
    #endif
}
