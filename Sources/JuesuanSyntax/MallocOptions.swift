#if canImport(Glibc)
import Glibc
#endif

/// glibc's `mallopt`, for the two processes that tune their allocator: `juesuan lint` (large
/// heap steps) and the server (bounded caching). `<malloc.h>` is not in Swift's Glibc module, so
/// the function is looked up at run time; elsewhere (or without it) nothing is set.
public enum MallocOptions {
    /// `<malloc.h>`'s parameter numbers.
    public enum Option: Int32 {
        case trimThreshold = -1
        case topPad = -2
        case mmapThreshold = -3
    }

    /// Sets `option` to `value` bytes; false when it could not be set.
    @discardableResult
    public static func set(_ option: Option, to value: Int32) -> Bool {
        #if canImport(Glibc)
        guard let symbol = mallopt else { return false }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)(option.rawValue, value) == 1
        #else
        return false
        #endif
    }

    #if canImport(Glibc)
    nonisolated(unsafe) private static let mallopt: UnsafeMutableRawPointer? = dlsym(nil, "mallopt")
    #endif
}
