/// A growable buffer that the parser reuses line after line and table after table: appending to
/// an array kept in the parser object tested the array's uniqueness and capacity each time, and
/// emptying it went through the generic `replaceSubrange` (a table line's words and cell values
/// in arrays were a twentieth of the parse, issue 15). Its owner frees it (`deallocate`).
struct ScratchBuffer<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the memory; the buffer must not be used afterwards (its owner's `deinit`).
    mutating func deallocate() {
        removeAll()
        base.deallocate()
    }

    /// Empties the buffer, keeping its memory.
    mutating func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    @inline(__always)
    mutating func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The elements moved into an array (one copy of their bytes, no reference counted),
    /// leaving the buffer empty.
    mutating func takeAll() -> [Element] {
        let taken = count
        let array = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            if taken > 0 { buffer.baseAddress!.moveInitialize(from: base, count: taken) }
            initialized = taken
        }
        count = 0
        return array
    }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "scratch index out of range")
        return base[index]
    }

    /// The elements, valid until the next `append` or `deallocate`.
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        // Moved, not copied: the old memory is freed without deinitialising what it held.
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
