import JuesuanSyntax

/// `juesuan lint` of a large report spent a fifth of its time in the kernel, faulting in and
/// growing the allocator's heaps a little at a time (issue 15, session 12): glibc is asked to
/// grow them 32 MiB at a time and to keep what is freed for the next stage.
enum AllocatorTuning {
    static func apply() {
        GlibcMalloc.set(.topPad, to: 32 << 20)
        GlibcMalloc.set(.trimThreshold, to: 64 << 20)
    }
}
