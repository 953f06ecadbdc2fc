import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import JuesuanSyntax

final class TwoThreadsTests: XCTestCase {
    /// Both halves run, once each, and `run` returns only after both.
    func testBothHalvesRunOnceOffAndOnThePool() {
        let pool = BackgroundThreads.shared
        let seen = pool.sync { () -> [Int] in
            let record = Record()
            TwoThreads.run { half in
                Thread.sleep(forTimeInterval: half == 1 ? 0.05 : 0)  // the second half ends last
                record.add(half)
            }
            return record.values.sorted()
        }
        XCTAssertEqual(seen, [0, 1])
        let record = Record()
        TwoThreads.run { record.add($0) }  // off the pool: Dispatch's threads
        XCTAssertEqual(record.values.sorted(), [0, 1])
    }

    /// The preparation set for worker threads runs once on each thread that `TwoThreads` hands
    /// work to, before that work, and not again on the same thread.
    func testEachWorkerThreadIsPreparedOnceBeforeItsWork() {
        let record = Record()
        WorkerThreads.preparation = { record.add(Int(bitPattern: UInt(pthread_self()))) }
        defer { WorkerThreads.preparation = nil }
        let order = Record()
        for _ in 0..<20 {
            TwoThreads.run { half in
                // Prepared by now: this thread's preparation ran before this work.
                if record.values.contains(Int(bitPattern: UInt(pthread_self()))) { order.add(half) }
            }
        }
        XCTAssertEqual(order.values.count, 40, "every half ran on a prepared thread")
        let threads = record.values
        XCTAssertEqual(Set(threads).count, threads.count, "a thread prepared twice: \(threads)")
        XCTAssertGreaterThanOrEqual(threads.count, 1)
        // Without a preparation nothing runs.
        WorkerThreads.preparation = nil
        TwoThreads.run { _ in }
        XCTAssertEqual(record.values.count, threads.count)
    }

    /// `map` returns each half's result in its place, whichever half ends first, off the pool
    /// and on it.
    func testMapReturnsTheHalvesInOrder() {
        let off = TwoThreads.map { half -> String in
            Thread.sleep(forTimeInterval: half == 0 ? 0.05 : 0)  // the first half ends last
            return "half \(half)"
        }
        XCTAssertEqual(off.0, "half 0")
        XCTAssertEqual(off.1, "half 1")
        let on = BackgroundThreads.shared.sync { TwoThreads.map { half in [half, half * 10] } }
        XCTAssertEqual(on.0, [0, 0])
        XCTAssertEqual(on.1, [1, 10])
    }

    /// `mapParts` runs every part once and returns the results in part order, off the pool, on
    /// it and on a pool of one thread; a slow part does not hold the other thread, which takes
    /// the parts left; each thread's state is made once and carried from part to part.
    func testMapPartsRunsEachPartOnceInOrder() {
        XCTAssertEqual(TwoThreads.mapParts(0) { $0 }, [])
        XCTAssertEqual(TwoThreads.mapParts(1) { $0 * 2 }, [0])
        let record = Record()
        let results = TwoThreads.mapParts(12) { part -> String in
            // Part 0 is slow: the other thread takes every other part meanwhile.
            if part == 0 { Thread.sleep(forTimeInterval: 0.3) }
            record.add(part)
            return "part \(part)"
        }
        XCTAssertEqual(results, (0..<12).map { "part \($0)" })
        XCTAssertEqual(record.values.sorted(), Array(0..<12))
        XCTAssertEqual(record.values.last, 0, "the slow part ended last: the other parts did not wait for it")
        for pool in [BackgroundThreads.shared, BackgroundThreads.serial] {
            XCTAssertEqual(pool.sync { TwoThreads.mapParts(9) { $0 * $0 } }, (0..<9).map { $0 * $0 })
        }
        // Each thread's state: made at most once per thread, and every part sees its thread's.
        let states = Record()
        let seen = TwoThreads.mapParts(20, state: { thread -> [Int] in states.add(thread); return [] }) { partsBefore, part -> Int in
            partsBefore.append(part)
            return partsBefore.count
        }
        XCTAssertEqual(Set(states.values).count, states.values.count, "a state made twice for one thread")
        XCTAssertLessThanOrEqual(states.values.count, 2)
        XCTAssertEqual(seen.filter { $0 == 1 }.count, states.values.count, "each state starts empty once")
        // One thread counted 1…a, the other (if it took any) 1…(20 − a): never reset between parts.
        let longest = seen.max()!
        XCTAssertEqual(seen.sorted(), (Array(1...longest) + Array(0..<(20 - longest)).map { $0 + 1 }).sorted(), "the parts a state saw are counted, not reset")
    }

    /// On a pool of one thread (the other is busy or missing) the caller runs the second half
    /// itself instead of waiting for a thread that never comes.
    func testASinglePoolThreadDoesBothHalvesItself() {
        let pool = BackgroundThreads.serial
        let threads = pool.sync { () -> [Int] in
            let record = Record()
            TwoThreads.run { _ in record.add(Int(bitPattern: Unmanaged.passUnretained(Thread.current).toOpaque())) }
            return record.values
        }
        XCTAssertEqual(threads.count, 2)
        XCTAssertEqual(Set(threads).count, 1)
    }

    /// The threads run below normal priority (the server's requests must win a core), and a
    /// half sent to the pool runs there too, not on a thread at normal priority.
    func testPoolThreadsRunAtLowerPriority() throws {
        #if os(Linux)
        let pool = BackgroundThreads.shared
        let niceness = pool.sync { () -> [Int32] in
            let record = Record()
            TwoThreads.run { _ in
                errno = 0
                record.add(Int(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)))
                Thread.sleep(forTimeInterval: 0.02)
            }
            return record.values.map(Int32.init)
        }
        XCTAssertEqual(niceness, [10, 10])
        XCTAssertEqual(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), 0, "the test's own thread is untouched")
        #else
        throw XCTSkip("thread priorities are set on Linux only")
        #endif
    }

    /// Jobs queued on a one-thread pool run in order.
    func testOneThreadRunsJobsInOrder() {
        let pool = BackgroundThreads.serial
        let record = Record()
        for k in 0..<200 { pool.async { record.add(k) } }
        pool.sync {}
        XCTAssertEqual(record.values, Array(0..<200))
    }

    /// The allocator controls `juesuan lint` and the server use: glibc's `mallopt` is found and
    /// takes the options (it answers 1; the values set are glibc's defaults, so nothing else
    /// changes), and `malloc_trim` is found.
    func testAllocatorControlsReachGlibc() {
        #if canImport(Glibc)
        XCTAssertTrue(GlibcMalloc.set(.topPad, to: 128 * 1024))
        XCTAssertTrue(GlibcMalloc.set(.trimThreshold, to: 128 * 1024))
        XCTAssertTrue(GlibcMalloc.trim())
        #endif
    }
}

private final class Record: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    func add(_ value: Int) { lock.lock(); stored.append(value); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return stored }
}
