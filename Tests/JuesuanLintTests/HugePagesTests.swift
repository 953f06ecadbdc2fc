import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import JuesuanLint
import JuesuanSyntax

/// `juesuan lint`'s heaps in huge pages (issue 15, session 18): the mapping lookup, and that the
/// advice reaches the heap of the thread that asks for it.
final class HugePagesTests: XCTestCase {
    #if canImport(Glibc)
    /// The mapping found for an address holds it, and is the one `/proc/self/maps` lists for it
    /// (read whole and split by Foundation, not by the byte scanner under test).
    func testTheMappingOfAnAddressIsTheOneTheKernelLists() throws {
        let block = try XCTUnwrap(malloc(64))
        defer { free(block) }
        var onStack = 0
        let stackAddress = withUnsafeMutablePointer(to: &onStack) { UInt(bitPattern: $0) }
        for address in [UInt(bitPattern: block), stackAddress] {
            let found = try XCTUnwrap(HugePages.mapping(containing: address))
            // Read after: the heap may have grown in between (never shrunk: its end is at least).
            let maps = Self.read("/proc/self/maps")
            XCTAssertTrue(found.start <= address && address < found.end)
            let listed = maps.split(separator: "\n").compactMap { line -> (UInt, UInt)? in
                let bounds = line.prefix { $0 != " " }.split(separator: "-")
                guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16) else { return nil }
                return start <= address && address < end ? (start, end) : nil
            }
            XCTAssertEqual(listed.count, 1)
            XCTAssertEqual(listed.first?.0, found.start)
            if address == stackAddress {
                XCTAssertEqual(listed.first?.1, found.end)
            } else {
                XCTAssertGreaterThanOrEqual(listed.first?.1 ?? 0, found.end)
            }
        }
        // The null page is never mapped.
        XCTAssertNil(HugePages.mapping(containing: 16))
    }

    /// On a new thread (a heap of its own), the advice marks that heap for huge pages: the
    /// kernel's flags for the mapping holding a block allocated there afterwards include `hg`.
    /// (In a process of its own: in this one, the new thread may be handed the main arena.)
    func testTheAdviceMarksTheHeapOfTheThreadThatAsks() throws {
        let setting = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        try XCTSkipIf(setting.isEmpty || setting.contains("[never]"), "no transparent huge pages on this machine")
        guard Self.inFreshProcess else { return try Self.runInFreshProcess("testTheAdviceMarksTheHeapOfTheThreadThatAsks") }
        // As `juesuan lint` sets it, so that the heap is grown by a step large enough to hold
        // whole huge pages (set back to glibc's default after).
        GlibcMalloc.set(.topPad, to: 32 << 20)
        defer { GlibcMalloc.set(.topPad, to: 128 << 10) }
        let flags = Locked<[String]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            HugePages.adviseThisThreadsHeap()
            guard let block = malloc(64) else { return }
            defer { free(block) }
            flags.value = Self.kernelFlags(ofMappingHolding: UInt(bitPattern: block))
        }
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        XCTAssertTrue(flags.value.contains("hg"), "VmFlags: \(flags.value)")
    }

    /// The heap's first huge page was written before the advice (its header, the first blocks),
    /// so it stays in small pages, each faulted in alone: after the advice, a thread's blocks
    /// come from the next huge page on, not from the rest of the first.
    ///
    /// Run in a process of its own, as `juesuan lint` runs: in this one, after hundreds of tests
    /// have started threads, glibc may hand a new thread an arena another thread wrote through
    /// (its 16 arenas for 2 cores all made), whose free holes a block may come from, below the
    /// first huge page's end — the CI failure of stop 45, which no process of `juesuan` can see.
    func testBlocksAfterTheAdviceStartPastTheHeapsFirstHugePage() throws {
        let setting = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        try XCTSkipIf(setting.isEmpty || setting.contains("[never]"), "no transparent huge pages on this machine")
        guard Self.inFreshProcess else { return try Self.runInFreshProcess("testBlocksAfterTheAdviceStartPastTheHeapsFirstHugePage") }
        // As `juesuan lint` sets them: the heap grows in large steps, and a block of 2 MiB (the
        // filler) comes from the heap, not from a mapping of its own.
        GlibcMalloc.set(.topPad, to: 32 << 20)
        GlibcMalloc.set(.mmapThreshold, to: 32 << 20)
        defer { GlibcMalloc.set(.topPad, to: 128 << 10); GlibcMalloc.set(.mmapThreshold, to: 128 << 10) }
        let pages = Locked<(heap: UInt, block: UInt)?>(nil)
        // A new heap, as each thread of `juesuan lint` has. In a test process where threads have
        // come and gone, glibc hands a new thread the heap of one that ended, already written
        // through, with no first huge page to step over: such a thread is parked (its heap stays
        // taken) and another started, until one has a heap of its own.
        let parked = DispatchSemaphore(value: 0)
        var parkedThreads = 0
        defer { for _ in 0..<parkedThreads { parked.signal() } }
        for _ in 0..<32 where pages.value == nil {
            let reused = Locked(false)
            let done = DispatchSemaphore(value: 0)
            Thread {
                if let probe = malloc(64) {
                    let address = UInt(bitPattern: probe)
                    free(probe)
                    if let (start, _) = HugePages.mapping(containing: address),
                       start % UInt(HugePages.threadHeapReservation) != 0 || address - start > 64 << 10 {
                        reused.value = true
                        done.signal()
                        parked.wait()
                        return
                    }
                }
                defer { done.signal() }
                HugePages.adviseThisThreadsHeap()
                // A block from the heap's top, as the filler was placed.
                guard let block = malloc(HugePages.probeSize) else { return }
                defer { free(block) }
                let address = UInt(bitPattern: block)
                guard let (start, _) = HugePages.mapping(containing: address) else { return }
                pages.value = (start, address)
            }.start()
            XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
            if reused.value { parkedThreads += 1 } else { break }
        }
        try XCTSkipIf(pages.value == nil && parkedThreads == 32, "32 threads were each given the heap of another thread")
        let found = try XCTUnwrap(pages.value, "the heap's mapping is listed")
        let hugePage: UInt = 2 << 20
        // (The block's first bytes may end the first huge page: what it holds is past them.)
        XCTAssertGreaterThan((found.block + 64) / hugePage, found.heap / hugePage, "a block after the advice is in the heap's first huge page")
        // Right after a huge page's start (or at most 64 KiB before one, not worth a filler).
        let offset = found.block % hugePage
        XCTAssertTrue(offset < 64 << 10 || offset > hugePage - (64 << 10), "the block is \(offset) bytes into its huge page")
    }

    static let freshProcessVariable = "JUESUAN_HUGE_PAGES_FRESH_PROCESS"
    static var inFreshProcess: Bool { ProcessInfo.processInfo.environment[freshProcessVariable] == "1" }

    /// Runs one test of this class in a new process of this test bundle (`/proc/self/exe`), where
    /// a new thread's heap is new, as in `juesuan lint`; its failures and skips are this one's.
    static func runInFreshProcess(_ test: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["JuesuanLintTests.HugePagesTests/\(test)"]
        child.environment = ProcessInfo.processInfo.environment.merging([freshProcessVariable: "1"]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = output
        try child.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        try XCTSkipIf(printed.contains(" skipped"), printed)
        XCTAssertEqual(child.terminationStatus, 0, printed, file: file, line: line)
        XCTAssertTrue(printed.contains("Executed 1 test, with 0 failures"), printed, file: file, line: line)
    }

    /// A file of `/proc` whole (its size reads as 0: read until its end, not by its size).
    static func read(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `VmFlags` of the mapping that holds `address`, from `/proc/self/smaps`.
    static func kernelFlags(ofMappingHolding address: UInt) -> [String] {
        let smaps = read("/proc/self/smaps")
        var inside = false
        for line in smaps.split(separator: "\n") {
            let bounds = line.prefix { $0 != " " }.split(separator: "-")
            if bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16) {
                inside = start <= address && address < end
            } else if inside, line.hasPrefix("VmFlags:") {
                return line.dropFirst("VmFlags:".count).split(separator: " ").map(String.init)
            }
        }
        return []
    }
    #endif
}

private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
