import Foundation
import XCTest
@testable import JuesuanLint
import JuesuanChecks
import JuesuanSyntax

/// Small documents with known findings.
enum Fixtures {
    /// 公开03 whose 合计 says 100.00 where its one 类 row sums to 90.00: two A202 errors
    /// (本年支出合计 at 5:25–5:31, 基本支出 at 5:33–5:39), each with the fix 改为 90.00.
    static let wrongTotal = """
    部门 测试局
    年度 2024

    表 公开03 支出决算表
    合计                      100.00  100.00
    208  社会保障和就业支出   90.00   90.00
    20805 行政事业单位养老支出 90.00 90.00
    2080505 机关事业单位基本养老保险缴费支出 90.00 90.00

    """

    /// A 类 row whose label ends in U+20000 (outside the BMP, two columns wide):
    /// C302 on the label, A201 on its first cell at scalar column 16 (UTF-16 column 17,
    /// display column 25), A202 on the 合计.
    static let wideCharacters = """
    部门 测试局
    年度 2024

    表 公开03 支出决算表
    合计 90.00 90.00
    208 社会保障和就业支出\u{20000} 95.00 95.00
    20805 行政事业单位养老支出 90.00 90.00
    2080505 机关事业单位基本养老保险缴费支出 90.00 90.00

    """

    /// A correct report: no finding at all.
    static let clean = """
    部门 测试局
    年度 2024

    表 公开03 支出决算表
    合计 90.00 90.00
    208 社会保障和就业支出 90.00 90.00
    20805 行政事业单位养老支出 90.00 90.00
    2080505 机关事业单位基本养老保险缴费支出 90.00 90.00

    """
}

/// Captures what a command writes.
final class CapturedIO: @unchecked Sendable {
    var output = ""
    var error = ""
    var stdin: Result<[UInt8], LintProblem>
    var stdinReads = 0
    var isTerminal: Bool
    var environment: [String: String]

    init(stdin: String = "", isTerminal: Bool = false, environment: [String: String] = [:]) {
        self.stdin = .success(Array(stdin.utf8))
        self.isTerminal = isTerminal
        self.environment = environment
    }

    var io: CommandIO {
        CommandIO(writeOutput: { self.output += $0 },
                  writeError: { self.error += $0 },
                  readStandardInput: { self.stdinReads += 1; return self.stdin },
                  outputIsTerminal: isTerminal,
                  environment: environment)
    }
}

/// Runs `juesuan ARGS…` in process.
func runTool(_ arguments: [String], _ captured: CapturedIO = CapturedIO()) -> (status: Int32, out: String, err: String) {
    let status = CommandLineTool().run(arguments, io: captured.io)
    return (status, captured.output, captured.error)
}

/// A fresh temporary directory, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("juesuan-lint-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock {
        // Restore permissions a test may have removed, then delete.
        if let enumerator = FileManager.default.enumerator(atPath: url.path) {
            for case let path as String in enumerator {
                chmod(url.appendingPathComponent(path).path, 0o755)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }
    return url.resolvingSymlinksInPath()
}

func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// Lints one in-memory document.
func lintResult(_ text: String, path: String = "test.juesuan", errorsOnly: Bool = false) -> LintResult {
    let file = LintRunner(errorsOnly: errorsOnly).lint(bytes: Array(text.utf8), path: path)
    return LintResult(files: [file])
}

/// Parses JSON text with Foundation, failing the test if it is not valid.
func parseJSON(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
    do {
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
    } catch {
        XCTFail("invalid JSON: \(error)\n\(text)", file: file, line: line)
        throw error
    }
}
