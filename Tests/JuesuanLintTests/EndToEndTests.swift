import Foundation
import XCTest

/// Runs the built `juesuan` binary (`swift build` first; skipped if it is missing).
final class EndToEndTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func binary() throws -> URL {
        var candidates: [URL] = []
        // Next to the test bundle: .build/<triple>/debug/JuesuanPackageTests.xctest
        let bundle = Bundle(for: EndToEndTests.self).bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("juesuan"))
        candidates.append(Self.packageRoot.appendingPathComponent(".build/debug/juesuan"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("juesuan is not built; run `swift build --product juesuan`")
        }
        return found
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, out: Data, err: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async { errBox.data = errHandle.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outData, String(decoding: errBox.data, as: UTF8.self))
    }

    /// The example report has one real error (N502 in 说明 九), so lint exits 1; its JSON and SARIF parse.
    func testExampleReportAndJSONParses() throws {
        let example = "examples/zhushan-2024.juesuan"
        guard FileManager.default.fileExists(atPath: Self.packageRoot.appendingPathComponent(example).path) else {
            throw XCTSkip("example report missing")
        }
        let human = try run(["lint", "--no-color", example])
        XCTAssertEqual(human.status, 1, human.err)
        let text = String(decoding: human.out, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\n"))
        XCTAssertTrue(text.contains("检查了 1 个文件：1 个错误"), text)
        XCTAssertTrue(text.contains("error[N502]"), text)

        let json = try run(["lint", "--format", "json", example])
        XCTAssertEqual(json.status, 1, json.err)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.out) as? [String: Any])
        let summary = try XCTUnwrap(root["summary"] as? [String: Int])
        XCTAssertEqual(summary["files"], 1)
        XCTAssertEqual(summary["errors"], 1)
        let files = try XCTUnwrap(root["files"] as? [[String: Any]])
        XCTAssertEqual(files.first?["path"] as? String, example)

        let sarif = try run(["lint", "--format", "sarif", example])
        XCTAssertEqual(sarif.status, 1)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: sarif.out) as? [String: Any])
    }

    func testStandardInputAndExitCodes() throws {
        let wrong = """
        部门 测试局
        年度 2024

        表 公开03 支出决算表
        合计 100.00 100.00
        208 社会保障和就业支出 90.00 90.00
        20805 行政事业单位养老支出 90.00 90.00
        2080505 机关事业单位基本养老保险缴费支出 90.00 90.00

        """
        let result = try run(["lint", "--format", "github", "-"], stdin: Data(wrong.utf8))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(String(decoding: result.out, as: UTF8.self).hasPrefix("::error file=<stdin>,line=5,col=4,"))

        XCTAssertEqual(try run(["--version"]).status, 0)
        XCTAssertEqual(try run(["nonsense"]).status, 2)
        let missing = try run(["lint", "no/such/file.juesuan"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("no/such/file.juesuan"))
    }
}
