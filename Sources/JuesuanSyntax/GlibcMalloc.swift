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
