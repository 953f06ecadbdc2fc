import Foundation
import XCTest
@testable import JuesuanLint
import JuesuanChecks

/// `juesuan.toml` found by walking up from each report; `--config`, `--no-config`; what a
/// broken file, an empty folder and `-q` print.
final class ConfigurationTests: XCTestCase {
    static let deliberate: String = FixOptionTests.deliberate

    func project() throws -> URL {
        let root = try temporaryDirectory(self)
        try write(Self.deliberate, to: root.appendingPathComponent("reports/a.juesuan"))
        try write(Self.deliberate, to: root.appendingPathComponent("reports/imported/b.juesuan"))
        try write("""
        # 项目设置
        ignore = ["G7"]
        [severity]
        C303 = "hint"
        [[overrides]]
        paths = ["reports/imported/**"]
        select = ["A205"]
        """, to: root.appendingPathComponent("juesuan.toml"))
        return root
    }

    func codes(_ out: String, file: String) -> [String] {
        out.split(separator: "\n").filter { $0.hasPrefix(file + ":") }.compactMap { line in
            line.range(of: #"\[[A-Z][0-9]{3}\]"#, options: .regularExpression).map { String(line[$0].dropFirst().dropLast()) }
        }
    }

    /// `ProjectFiles.absolute` reads a path as `URL`'s `standardizedFileURL` did (it replaced
    /// it, issue 15): dot components resolved, relative paths from the working directory, no
    /// symbolic link followed; and it also drops the empty components `URL` keeps.
    func testAbsolutePathsAsURLMadeThem() {
        let paths = ["/a/b/../c", "/a/./b/", "/..", "/../x", "/", "a", "./a/b", "a/../../b", "..", ".", "",
                     "报告/2024 决算.juesuan", "/tmp/x y/../z.juesuan", "a/b/c/../../d", "/a/b/.."]
        for path in paths {
            XCTAssertEqual(ProjectFiles.absolute(path), URL(fileURLWithPath: path).standardizedFileURL.path, path)
        }
        XCTAssertEqual(ProjectFiles.absolute("/a//b///c"), "/a/b/c")
        XCTAssertEqual(ProjectFiles.absolute("x"), FileManager.default.currentDirectoryPath + "/x")
        // The walk up to the project file: each directory's parent, as `NSString` gave it.
        for path in ["/a/b", "/a", "/", "/报告/2024", "/a b/c"] {
            XCTAssertEqual(ProjectFiles.parent(of: path), (path as NSString).deletingLastPathComponent, path)
        }
    }

    func testTheNearestFileAppliesWithItsOverrides() throws {
        let root = try project()
        let a = root.appendingPathComponent("reports/a.juesuan").path
        let b = root.appendingPathComponent("reports/imported/b.juesuan").path
        let run = runTool(["lint", "--no-color", root.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertFalse(codes(run.out, file: a).contains { $0.hasPrefix("G7") })
        XCTAssertTrue(codes(run.out, file: a).contains("A201"))
        XCTAssertTrue(run.out.contains("hint[C303]"))
        XCTAssertEqual(codes(run.out, file: b), ["A205"], "the override selects one rule")
        // A nearer file wins over the one above (no merging of the two).
        try write("select = [\"A204\"]\n", to: root.appendingPathComponent("reports/imported/juesuan.toml"))
        XCTAssertEqual(codes(runTool(["lint", "--no-color", b]).out, file: b), ["A204"])
        // --no-config: every rule; --config FILE: that file for all.
        XCTAssertTrue(codes(runTool(["lint", "--no-config", "--no-color", b]).out, file: b).contains("G701"))
        let other = root.appendingPathComponent("other.toml")
        try write("select = [\"A206\"]\n", to: other)
        XCTAssertEqual(Set(codes(runTool(["lint", "--config", other.path, "--no-color", a, b]).out, file: a)), ["A206"])
    }

    func testStandardInputUsesTheProjectOfItsName() throws {
        let root = try project()
        let captured = CapturedIO(stdin: Self.deliberate)
        let name = root.appendingPathComponent("reports/imported/new.juesuan").path
        let run = runTool(["lint", "--no-color", "--stdin-filename", name, "-"], captured)
        XCTAssertEqual(codes(run.out, file: name), ["A205"])
    }

    func testToleranceAndCatalogueFromTheProject() throws {
        let root = try temporaryDirectory(self)
        let report = """
        部门 测试局
        年度 2024

        表 公开03 支出决算表
        合计                  100.02  100.02  0.00
        208      社会保障和就业支出  100.00  100.00  0.00
        2089901  本地新设科目        100.00  100.00  0.00

        """
        try write(report, to: root.appendingPathComponent("r/x.juesuan"))
        let file = root.appendingPathComponent("r/x.juesuan").path
        let before = runTool(["lint", "--no-color", file])
        XCTAssertTrue(before.out.contains("error[A202]"))
        XCTAssertTrue(before.out.contains("warning[C301]"))
        try write("2089901\t本地新设科目\t项\n", to: root.appendingPathComponent("data/本地.tsv"))
        try write("tolerance = \"0.01\"\ncatalog = \"data/本地.tsv\"\n", to: root.appendingPathComponent("juesuan.toml"))
        let after = runTool(["lint", "--no-color", file])
        XCTAssertFalse(after.out.contains("[A202]"), after.out)
        XCTAssertTrue(after.out.contains("[A290]"))
        XCTAssertFalse(after.out.contains("[C301]"), "the project's catalogue knows the code")
        // --catalog on the command line wins over the project's.
        try write("2089902\t别的科目\t项\n", to: root.appendingPathComponent("cli.tsv"))
        XCTAssertTrue(runTool(["lint", "--no-color", "--catalog", root.appendingPathComponent("cli.tsv").path, file]).out.contains("[C301]"))
    }

    func testABrokenFileStopsItsReportsWithExit2() throws {
        let root = try project()
        try write("ignore = [\"G7\"]\nselct = [\"A\"]\n", to: root.appendingPathComponent("juesuan.toml"))
        let run = runTool(["lint", "--no-color", root.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.err.components(separatedBy: "selct").count - 1, 1, "one message for the file, not one per report: \(run.err)")
        XCTAssertTrue(run.err.contains("juesuan.toml：配置文件有误，第 2 行：未知的设置“selct”"), run.err)
        // --fix leaves those reports alone too.
        let report = root.appendingPathComponent("reports/a.juesuan")
        XCTAssertEqual(runTool(["lint", "--fix", report.path]).status, 2)
        XCTAssertEqual(try String(contentsOf: report, encoding: .utf8), Self.deliberate)
        // A named --config that does not parse is a usage error before anything is checked.
        let named = runTool(["lint", "--config", root.appendingPathComponent("juesuan.toml").path, root.path])
        XCTAssertEqual(named.status, 2)
        XCTAssertEqual(named.out, "")
        XCTAssertEqual(runTool(["lint", "--config", "/nonexistent/juesuan.toml", root.path]).status, 2)
    }

    func testFixUsesTheProjectSettings() throws {
        // With C302 ignored by the project, --fix leaves the name alone.
        let root = try temporaryDirectory(self)
        try write(Self.deliberate, to: root.appendingPathComponent("a.juesuan"))
        try write("ignore = [\"C302\"]\n", to: root.appendingPathComponent("juesuan.toml"))
        let run = runTool(["lint", "--fix", "--no-color", root.appendingPathComponent("a.juesuan").path])
        XCTAssertFalse(run.out.contains("（C302）"), run.out)
        XCTAssertTrue(run.out.contains("410.50 → 400.50（A201）"), run.out)
    }

    func testTheEditorSetupForTheLanguageServer() throws {
        let root = try temporaryDirectory(self)
        try write("2089901\t客户端科目\t项\n", to: root.appendingPathComponent("data/client.tsv"))
        try write("2089902\t项目科目\t项\n", to: root.appendingPathComponent("p/data/project.tsv"))
        // No project file: the client's catalogue (relative to the first workspace folder).
        var setup = ProjectFiles.editorSetup(documentPath: root.appendingPathComponent("a.juesuan").path,
                                             workspaceFolders: [root.path], clientCatalog: "data/client.tsv")
        XCTAssertNil(setup.problem)
        XCTAssertNotNil(setup.catalogue.entry(code: "2089901", kind: .functional))
        // The project's catalogue wins over the client's, and its settings apply.
        try write("catalog = \"data/project.tsv\"\nignore = [\"T\"]\n", to: root.appendingPathComponent("p/juesuan.toml"))
        setup = ProjectFiles.editorSetup(documentPath: root.appendingPathComponent("p/x/b.juesuan").path,
                                         workspaceFolders: [root.path], clientCatalog: "data/client.tsv")
        XCTAssertNotNil(setup.catalogue.entry(code: "2089902", kind: .functional))
        XCTAssertNil(setup.catalogue.entry(code: "2089901", kind: .functional))
        XCTAssertEqual(setup.settings.ignore, ["T"])
        // An unsaved document takes the first workspace folder's project.
        setup = ProjectFiles.editorSetup(documentPath: nil, workspaceFolders: [root.appendingPathComponent("p").path], clientCatalog: nil)
        XCTAssertEqual(setup.settings.ignore, ["T"])
        // Problems are messages, and the defaults apply.
        setup = ProjectFiles.editorSetup(documentPath: root.appendingPathComponent("a.juesuan").path, workspaceFolders: [], clientCatalog: "/nonexistent.tsv")
        XCTAssertTrue(setup.problem?.contains("juesuan.catalog") == true, setup.problem ?? "")
        try write("bogus = 1\n", to: root.appendingPathComponent("q/juesuan.toml"))
        setup = ProjectFiles.editorSetup(documentPath: root.appendingPathComponent("q/c.juesuan").path, workspaceFolders: [], clientCatalog: nil)
        XCTAssertTrue(setup.problem?.contains("未知的设置“bogus”") == true, setup.problem ?? "")
        XCTAssertTrue(setup.settings.isDefault)
    }

    func testQuietCountsWhatItDoesNotList() throws {
        let root = try temporaryDirectory(self)
        try write(Self.deliberate, to: root.appendingPathComponent("a.juesuan"))
        let run = runTool(["lint", "-q", "--no-color", root.path])
        XCTAssertFalse(run.out.contains("warning["))
        let summary = run.out.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertFalse(summary.contains("0 个警告"), summary)
        XCTAssertEqual(summary, "检查了 1 个文件：10 个错误（另有 3 个警告、1 个提示、1 个建议未列出：-q 只列错误）")
    }

    func testAnEmptyFolderOrAWrongPathExits2() throws {
        let root = try temporaryDirectory(self)
        let empty = runTool(["lint", root.path])
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.err.contains("目录中没有 .juesuan 文件，没有检查任何报告"), empty.err)
        let wrong = runTool(["lint", root.appendingPathComponent("nope").path])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.err.contains("不存在"), wrong.err)
    }
}
