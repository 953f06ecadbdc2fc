#if os(Linux) && canImport(Glibc)
import Glibc

/// `juesuan lint` of a large report spent a fifth of its time in the kernel, faulting in and
/// growing the allocator's heaps a little at a time (issue 15, session 12): glibc is asked to
/// grow them 32 MiB at a time and to keep what is freed for the next stage. (`mallopt` is looked
/// up at run time: Swift's Glibc module does not declare `<malloc.h>`.)
enum AllocatorTuning {
    // <malloc.h>
    static let trimThreshold: Int32 = -1
    static let topPad: Int32 = -2

    static func apply() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(topPad, 32 << 20)
        _ = mallopt(trimThreshold, 64 << 20)
    }
}
#else
enum AllocatorTuning {
    static func apply() {}
}
#endif
