import Foundation
import JuesuanChecks
import JuesuanFixtures
import LanguageServerProtocol
import XCTest

/// Issue 17 (12): one document has a documented size limit (32 MiB) with a clear diagnostic
/// past it; `lint /dev/zero` stops; memory is handed back when a document closes.
final class DocumentSizeTests: XCTestCase {
    static let uri = "file:///size/a.juesuan"

    func residentKiB(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
        }
        return -1
    }

    func testEndlessInputStopsAtTheLimit() throws {
        let run = try runBinary(["lint", "/dev/zero"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("32 MB 的上限"), run.err)
        // Also on standard input.
        let stdin = try runBinary(["lint", "-"], stdin: [UInt8](repeating: 0x0A, count: Analysis.maximumDocumentBytes + 10))
        XCTAssertEqual(stdin.status, 2)
        XCTAssertTrue(stdin.err.contains("上限"), stdin.err)
        // Just under the limit is checked as usual.
        let under = try runBinary(["lint", "-"], stdin: Array((HostileInputAnalysisTests.header + HostileInputAnalysisTests.wrongTotal).utf8))
        XCTAssertEqual(under.status, 1)
    }

    func testOversizedDocumentInTheServerGetsOneDiagnostic() throws {
        let server = try ServerProcess(self)
        server.initialize()
        let text = HostileInputAnalysisTests.large(megabytes: 34, bulk: String(repeating: "// 注释", count: 20) + "\n")
        XCTAssertGreaterThan(text.utf8.count, Analysis.maximumDocumentBytes)
        server.open(Self.uri, text)
        let found = server.diagnostics(Self.uri, version: 1, timeout: 60)
        XCTAssertEqual(codes(found), ["S113"], "past the limit: one S113, nothing parsed")
        XCTAssertTrue(found?.first?["message"]?.stringValue?.contains("32 MB") == true)
        server.assertAnswers(Self.uri)
        // Cut back under the limit: checked again.
        server.notify("textDocument/didChange", ["textDocument": ["uri": .string(Self.uri), "version": 2],
                                                 "contentChanges": [["text": .string(HostileInputAnalysisTests.header + HostileInputAnalysisTests.wrongTotal)]]])
        XCTAssertEqual(codes(server.diagnostics(Self.uri, version: 2, timeout: 60)).filter { $0 == "A202" }.count, 2)
    }

    /// Memory after close ≤ 1.2 × before open (a warm server: the catalogue and the code paths
    /// of a first analysis are loaded before the baseline is taken).
    func testMemoryIsReturnedWhenADocumentCloses() throws {
        let server = try ServerProcess(self)
        server.initialize()
        var generator = ReportGenerator(seed: 7)
        let warm = generator.standardReport()
        server.open("file:///size/warm.juesuan", warm)
        _ = server.diagnostics("file:///size/warm.juesuan", timeout: 60)
        server.notify("textDocument/didClose", ["textDocument": ["uri": "file:///size/warm.juesuan"]])
        _ = server.diagnostics("file:///size/warm.juesuan", timeout: 60)
        usleep(300_000)
        let before = residentKiB(server.pid)
        let text = generator.largeReport(minimumLines: 60_000)
        server.open(Self.uri, text)
        XCTAssertNotNil(server.diagnostics(Self.uri, version: 1, timeout: 120))
        server.assertAnswers(Self.uri)
        let open = residentKiB(server.pid)
        server.notify("textDocument/didClose", ["textDocument": ["uri": .string(Self.uri)]])
        XCTAssertEqual(server.diagnostics(Self.uri, timeout: 60)?.count, 0)
        // The release of the tree and the trim run on a background queue, at a low priority:
        // on a loaded machine (fuzzers beside the tests) they took more than 10 s once.
        var after = residentKiB(server.pid)
        let deadline = Date().addingTimeInterval(30)
        while after > before * 12 / 10, Date() < deadline {
            usleep(200_000)
            after = residentKiB(server.pid)
        }
        print("\(text.utf8.count >> 20) MB document: RSS \(before >> 10) MiB before open, \(open >> 10) MiB open, \(after >> 10) MiB after close")
        XCTAssertGreaterThan(open, before + (text.utf8.count >> 10), "the document was not even held")
        XCTAssertLessThanOrEqual(after, before * 12 / 10, "memory after close \(after >> 10) MiB, before open \(before >> 10) MiB")
    }
}
