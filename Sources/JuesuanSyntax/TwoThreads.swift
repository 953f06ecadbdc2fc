import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work run on two threads at once: the parse, the model and the checks of a large
/// document. On a `BackgroundThreads` thread the other half goes to another background thread,
/// so work the server does while the user pauses never takes a core at normal priority; on any
/// other thread both halves run on Dispatch's pool.
public enum TwoThreads {
    /// Calls `body(0)` and `body(1)` at once and returns when both have returned.
    public static func run(_ body: @Sendable (Int) -> Void) {
        guard let pool = BackgroundThreads.current else {
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                WorkerThreads.prepareThisThread()
                body(half)
            }
            return
        }
        withoutActuallyEscaping(body) { body in
            let second = ClaimableWork { body(1) }
            pool.async { second.runUnlessClaimed() }
            body(0)
            // Not started yet (the other threads are busy): this thread does it, and the queued
            // job finds nothing left to do.
            second.runUnlessClaimed()
            second.waitUntilDone()
        }
    }

    /// Calls `body(0)` and `body(1)` at once and returns their results, in that order.
    public static func map<Value>(_ body: @Sendable (Int) -> Value) -> (Value, Value) {
        let results = TwoResults<Value>()
        run { half in
            // Each thread writes only its own slot; `run` returns after both.
            if half == 0 { results.first = body(0) } else { results.second = body(1) }
        }
        return (results.first!, results.second!)
    }

    /// How many parts `mapParts` callers cut their work into: enough that a thread on a core
    /// running at 60 % of the other's speed (measured on this project's shared 2-core machine:
    /// each core's speed drifts by that much, independently) ends at most an eighth of the work
    /// after it; few enough that each part's set-up stays negligible.
    public static let partCount = 8

    /// Calls `body(0)` … `body(count - 1)` on two threads that each take the next part not yet
    /// taken, and returns the results in part order. Unlike fixed halves, a thread on a slower
    /// core (a busy neighbour on a shared host, an efficiency core) takes fewer parts instead of
    /// keeping the other waiting (issue 15).
    public static func mapParts<Value>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        mapParts(count, state: { _ in () }) { _, part in body(part) }
    }

    /// The same, each thread keeping its own `State` from part to part (made by
    /// `makeState(thread)`, thread 0 or 1): what a part learns that the next could use (the
    /// model's labels read so far) is not learnt again for each part.
    public static func mapParts<State, Value>(_ count: Int, state makeState: @Sendable (Int) -> State,
                                              _ body: @Sendable (inout State, Int) -> Value) -> [Value] {
        guard count > 1 else {
            guard count == 1 else { return [] }
            var state = makeState(0)
            return [body(&state, 0)]
        }
        let parts = PartQueue<Value>(count: count)
        run { thread in
            guard let first = parts.take() else { return }
            var state = makeState(thread)
            var next: Int? = first
            while let index = next {
                parts.set(index, body(&state, index))
                next = parts.take()
            }
        }
        return parts.results()
    }
}

/// The parts of `TwoThreads.mapParts`: the next one to take, and each one's result.
public final class PartQueue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var finished = 0
    private var values: [Value?]

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    /// The index of the next part nobody has taken, nil when every part is taken.
    public func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores part `index`'s result; true for the call that stores the last one outstanding.
    @discardableResult
    public func set(_ index: Int, _ value: Value) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
        finished += 1
        return finished == values.count
    }

    /// Whether every part is taken (some may still be running).
    public var isAllTaken: Bool {
        lock.lock()
        defer { lock.unlock() }
        return next == values.count
    }

    /// The results in part order, once every part is done (and their slots emptied).
    public func results() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        precondition(finished == values.count, "a part is not done")
        let done = values.map { $0! }
        values = []
        return done
    }
}

/// Work done once on each thread that `TwoThreads` (or a folder's lint) hands work to, before
/// that work: set once at launch. `juesuan lint` advises each such thread's heap to use huge
/// pages (issue 15); the server sets nothing.
public enum WorkerThreads {
    nonisolated(unsafe) public static var preparation: (@Sendable () -> Void)?

    /// Runs `preparation` if this thread has not run it yet.
    public static func prepareThisThread() {
        guard let preparation else { return }
        let thread = UInt(pthread_self())
        lock.lock()
        let isNew = prepared.insert(thread).inserted
        lock.unlock()
        if isNew { preparation() }
    }

    nonisolated(unsafe) private static var prepared: Set<UInt> = []
    private static let lock = NSLock()
}

private final class TwoResults<Value>: @unchecked Sendable {
    var first: Value?
    var second: Value?
}

/// Work that whichever thread claims it first runs, once; the closure is dropped as soon as it
/// ran, so a caller's non-escaping closure never outlives the call.
private final class ClaimableWork: @unchecked Sendable {
    private let condition = NSCondition()
    private var work: (() -> Void)?
    private var running = false

    init(_ work: @escaping () -> Void) { self.work = work }

    func runUnlessClaimed() {
        condition.lock()
        var claimed = work
        guard claimed != nil else { condition.unlock(); return }
        work = nil
        running = true
        condition.unlock()
        claimed!()
        claimed = nil  // released before the waiting caller may return
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilDone() {
        condition.lock()
        while running { condition.wait() }
        condition.unlock()
    }
}

/// Threads that run at a lower priority than the rest of the process (on Linux, nice +10 each):
/// the language server's full analyses and what it prepares while the user pauses. A request
/// or a keystroke's quick re-check, at normal priority, then gets a core at once even while
/// both of these threads are busy.
public final class BackgroundThreads: @unchecked Sendable {
    /// Two threads: one analysis and its second half (see `TwoThreads`).
    public static let shared = BackgroundThreads(name: "juesuan-background", count: 2)
    /// One thread: its jobs run one at a time, in the order queued (the server frees superseded
    /// documents there).
    public static let serial = BackgroundThreads(name: "juesuan-serial", count: 1)

    private let condition = NSCondition()
    /// Queued jobs; a taken one is cleared at once, so what it captured is freed on the thread
    /// that ran it (the server frees large documents here).
    private var jobs: [(() -> Void)?] = []
    private var nextJob = 0

    /// The pool whose thread is running the caller, if any.
    public static var current: BackgroundThreads? {
        Thread.current.threadDictionary[BackgroundThreads.threadKey] as? BackgroundThreads
    }

    private static let threadKey = "juesuan.background-threads"

    /// A pool lives as long as the process (its threads never end), so there are a few, made
    /// once: `shared`, `serial` and the server's quick re-check thread.
    /// - Parameters:
    ///   - count: how many threads; one runs its jobs in the order queued.
    ///   - niceness: how much lower than normal their priority is (Linux nice values).
    public init(name: String, count: Int, niceness: Int32 = 10) {
        for index in 0..<count {
            let threadName = count == 1 ? name : "\(name)-\(index)"
            let thread = Thread { [self] in
                BackgroundThreads.showName(threadName)
                BackgroundThreads.lowerPriority(by: niceness)
                Thread.current.threadDictionary[BackgroundThreads.threadKey] = self
                self.serve()
            }
            thread.name = threadName
            thread.start()
        }
    }

    /// Runs `job` on one of the threads; jobs start in the order queued.
    public func async(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs `job` on one of the threads and returns its result once done.
    public func sync<Value>(_ job: @escaping @Sendable () -> Value) -> Value {
        let result = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        async {
            result.value = job()
            done.signal()
        }
        done.wait()
        return result.value!
    }

    private func serve() -> Never {
        while true {
            condition.lock()
            while nextJob == jobs.count { condition.wait() }
            let job = jobs[nextJob]!
            jobs[nextJob] = nil
            nextJob += 1
            if nextJob == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                nextJob = 0
            }
            condition.unlock()
            job()
        }
    }

    /// Names the calling thread where `ps`, `top` and /proc show it (at most 15 bytes). Glibc's
    /// `pthread_setname_np` is not in the Glibc module (a GNU extension): looked up once.
    private static func showName(_ name: String) {
        #if os(Linux)
        typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
        guard let symbol = BackgroundThreads.setName else { return }
        _ = unsafeBitCast(symbol, to: SetName.self)(pthread_self(), String(decoding: name.utf8.prefix(15), as: UTF8.self))
        #endif
    }

    nonisolated(unsafe) private static let setName: UnsafeMutableRawPointer? = dlsym(nil, "pthread_setname_np")

    /// Raises the calling thread's nice value (Linux: per thread); lowering it again would need
    /// a privilege, so these threads keep it for good.
    private static func lowerPriority(by niceness: Int32) {
        #if os(Linux)
        // Who 0 is the calling thread: Linux keeps a nice value per thread.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }
}

private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
