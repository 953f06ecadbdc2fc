import Dispatch

/// `(0..<count).map(transform)` on every core, results in index order: a folder of reports is
/// checked and rendered in parallel while the output stays the same (issue 15).
func concurrentMap<T>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, transform($0)) }
    return slots.values()
}

/// One slot per index, each written once by one worker before `values()` reads them all.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    // Distinct indices are distinct memory: no lock is needed between workers.
    func set(_ index: Int, _ value: T) { buffer[index] = value }

    func values() -> [T] { buffer.map { $0! } }
}
