import XCTest
@testable import JuesuanLint

final class CommandLineTests: XCTestCase {
    func testHelpAndVersion() {
        let help = runTool(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("lint"))
        XCTAssertTrue(help.err.isEmpty)

        let version = runTool(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.out, "juesuan \(ToolInfo.version)\n")

        let lintHelp = runTool(["help", "lint"])
        XCTAssertEqual(lintHelp.status, 0)
        XCTAssertEqual(lintHelp.out, LintCommand.help)
        XCTAssertEqual(runTool(["lint", "--help"]).out, LintCommand.help)
        XCTAssertEqual(runTool(["help"]).status, 0)
    }

    func testUsageErrors() {
        let none = runTool([])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.err.contains("用法"))
        XCTAssertTrue(none.out.isEmpty)

        let unknown = runTool(["frobnicate"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("未知的子命令“frobnicate”"))
        XCTAssertTrue(unknown.err.contains("用法"))
        XCTAssertTrue(unknown.out.isEmpty)

        XCTAssertEqual(runTool(["--frobnicate"]).status, 2)
        XCTAssertEqual(runTool(["help", "frobnicate"]).status, 2)

        let noPaths = runTool(["lint"])
        XCTAssertEqual(noPaths.status, 2)
        XCTAssertTrue(noPaths.err.contains("juesuan lint:"))

        let badFormat = runTool(["lint", "--format", "xml", "-"])
        XCTAssertEqual(badFormat.status, 2)
        XCTAssertTrue(badFormat.err.contains("xml"))
        XCTAssertEqual(runTool(["lint", "--format"]).status, 2)
        XCTAssertEqual(runTool(["lint", "--bogus", "-"]).status, 2)
        XCTAssertEqual(runTool(["lint", "--quiet=yes", "-"]).status, 2)
    }

    func testOptionParsing() throws {
        let options = try LintOptions.parse(["-f", "json", "a", "--catalog=c.tsv", "--quiet", "--no-color", "--", "--weird", "-"])
        XCTAssertEqual(options.format, .json)
        XCTAssertEqual(options.catalogPath, "c.tsv")
        XCTAssertTrue(options.errorsOnly)
        XCTAssertEqual(options.color, .never)
        XCTAssertEqual(options.paths, ["a", "--weird", "-"])
        XCTAssertEqual(try LintOptions.parse(["--format=sarif", "x"]).format, .sarif)
        XCTAssertEqual(try LintOptions.parse(["--color", "x"]).color, .always)
        XCTAssertEqual(try LintOptions.parse(["--stdin-filename", "报告.juesuan", "-"]).standardInputName, "报告.juesuan")
    }

    func testExitStatusFollowsErrors() {
        XCTAssertEqual(runTool(["lint", "-"], CapturedIO(stdin: Fixtures.clean)).status, 0)
        XCTAssertEqual(runTool(["lint", "-"], CapturedIO(stdin: Fixtures.wrongTotal)).status, 1)
        // Warnings alone do not fail the run.
        let warningOnly = Fixtures.clean.replacingOccurrences(of: "2080505 机关事业单位基本养老保险缴费支出", with: "2080505 机关事业单位基本养老保险缴款支出")
        let warned = runTool(["lint", "-"], CapturedIO(stdin: warningOnly))
        XCTAssertEqual(warned.status, 0)
        XCTAssertTrue(warned.out.contains("warning[C302]"))
        // --quiet hides the warning.
        let quiet = runTool(["lint", "--quiet", "-"], CapturedIO(stdin: warningOnly))
        XCTAssertEqual(quiet.status, 0)
        XCTAssertFalse(quiet.out.contains("C302"))
        XCTAssertFalse(quiet.out.contains("0 个警告"))
        XCTAssertTrue(quiet.out.contains("检查了 1 个文件：0 个错误（另有 1 个警告未列出：-q 只列错误）"), quiet.out)
    }

    func testStandardInput() throws {
        let captured = CapturedIO(stdin: Fixtures.wrongTotal)
        let run = runTool(["lint", "--format", "json", "-"], captured)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(captured.stdinReads, 1)
        let root = try XCTUnwrap(try parseJSON(run.out) as? [String: Any])
        XCTAssertEqual((root["files"] as? [[String: Any]])?.first?["path"] as? String, "<stdin>")

        let named = runTool(["lint", "--stdin-filename", "草稿.juesuan", "-"], CapturedIO(stdin: Fixtures.wrongTotal))
        XCTAssertTrue(named.out.hasPrefix("草稿.juesuan:5:25: error[A202]"), named.out)

        // `-` twice reads standard input once and checks it once.
        let twice = CapturedIO(stdin: Fixtures.clean)
        let result = runTool(["lint", "-", "-"], twice)
        XCTAssertEqual(twice.stdinReads, 1)
        XCTAssertTrue(result.out.contains("检查了 1 个文件"))

        let failing = CapturedIO()
        failing.stdin = .failure(LintProblem(path: "-", message: "无法读取：读取失败"))
        let failed = runTool(["lint", "-"], failing)
        XCTAssertEqual(failed.status, 2)
        XCTAssertTrue(failed.err.contains("<stdin>：无法读取"))
    }

    func testInvalidUTF8IsCheckedNotRejected() {
        let captured = CapturedIO()
        captured.stdin = .success(Array(Fixtures.clean.utf8) + [0xFF, 0x0A])
        let run = runTool(["lint", "-"], captured)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.out.contains("error[S111]"))
    }

    func testSubcommandTableIsExtensible() {
        let extra = Subcommand(name: "fmt", summary: "格式化", help: "用法：juesuan fmt\n") { arguments, io in
            io.writeOutput("fmt \(arguments.joined(separator: " "))\n")
            return 0
        }
        let tool = CommandLineTool(subcommands: [LintCommand.subcommand, extra])
        let captured = CapturedIO()
        XCTAssertEqual(tool.run(["fmt", "a"], io: captured.io), 0)
        XCTAssertEqual(captured.output, "fmt a\n")
        XCTAssertTrue(tool.usage.contains("fmt   格式化"))
        let help = CapturedIO()
        XCTAssertEqual(tool.run(["help", "fmt"], io: help.io), 0)
        XCTAssertEqual(help.output, "用法：juesuan fmt\n")
    }
}
