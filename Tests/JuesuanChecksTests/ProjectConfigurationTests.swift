import JuesuanChecks
import JuesuanSyntax
import XCTest

final class ProjectConfigurationTests: XCTestCase {
    func parse(_ text: String) throws -> ProjectConfiguration { try ProjectConfiguration(parsing: text) }

    func error(_ text: String) -> ProjectConfiguration.ParseError? {
        do { _ = try ProjectConfiguration(parsing: text); return nil } catch { return error }
    }

    func testAFullFile() throws {
        let configuration = try parse("""
        \u{FEFF}# 本项目的检查设置
        select = ["a2", "X", 'C302']   # codes or prefixes, any case
        ignore = [
          "A290",  # rounding is fine here
        ]
        "容差" = "0.01"
        catalog = "data/官方科目.tsv"

        [severity]
        T801 = "error"
        C3 = "提示"

        [[overrides]]
        paths = ["imported/**", "drafts/*.juesuan"]
        ignore = ["X4"]
        tolerance = 0.02
        [overrides.severity]
        A201 = "warning"

        [[overrides]]
        paths = ["imported/seed-001.juesuan"]
        select = ["A205"]
        severity = { A205 = "hint" }
        """)
        XCTAssertEqual(configuration.settings.select, ["A2", "X", "C302"])
        XCTAssertEqual(configuration.settings.ignore, ["A290"])
        XCTAssertEqual(configuration.settings.tolerance, DecimalNumber("0.01"))
        XCTAssertEqual(configuration.settings.severities, ["T801": .error, "C3": .information])
        XCTAssertEqual(configuration.catalog, "data/官方科目.tsv")
        XCTAssertEqual(configuration.overrides.count, 2)
        // Overrides apply in order, to the paths they name.
        let plain = configuration.settings(forRelativePath: "reports/a.juesuan")
        XCTAssertEqual(plain, configuration.settings)
        let imported = configuration.settings(forRelativePath: "imported/deep/b.juesuan")
        XCTAssertEqual(imported.ignore, ["A290", "X4"])
        XCTAssertEqual(imported.tolerance, DecimalNumber("0.02"))
        XCTAssertEqual(imported.severities["A201"], .warning)
        let seed = configuration.settings(forRelativePath: "imported/seed-001.juesuan")
        XCTAssertEqual(seed.select, ["A205"])
        XCTAssertEqual(seed.severities["A205"], .hint)
        XCTAssertEqual(configuration.settings(forRelativePath: "drafts/x.juesuan").ignore, ["A290", "X4"])
        XCTAssertEqual(configuration.settings(forRelativePath: "drafts/sub/x.juesuan").ignore, ["A290"], "* stays within one directory")
    }

    func testMistakesAreReportedWithTheirLine() {
        XCTAssertEqual(error("select = [\"A2\"]\nselct = [\"A\"]")?.line, 2)
        XCTAssertTrue(error("selct = [\"A\"]")?.message.contains("未知的设置“selct”") == true)
        XCTAssertTrue(error("ignore = [\"Z9\"]")?.message.contains("Z9") == true, "an unknown rule code")
        XCTAssertTrue(error("ignore = \"A2\"")?.message.contains("列表") == true)
        XCTAssertEqual(error("\n\n[severity]\nA201 = \"fatal\"")?.line, 4)
        XCTAssertEqual(error("catalog = \"a.tsv")?.line, 1)
        XCTAssertNotNil(error("tolerance = -1"))
        XCTAssertNotNil(error("tolerance = abc"))
        XCTAssertNotNil(error("select = [\"A2\"]\nselect = [\"X\"]"), "a key twice")
        XCTAssertNotNil(error("[[overrides]]\nignore = [\"A2\"]"), "an override without paths")
        XCTAssertNotNil(error("select = [\"A2\"] extra"))
        XCTAssertNotNil(error("[a.b.c]\nx = 1"))
        XCTAssertNil(error(""), "an empty file is a valid file")
        XCTAssertNil(error("# only a comment\n\n"))
    }

    func testSettingsSelectIgnoreAndSeverities() {
        let findings = ["A201", "A290", "C302", "T801", "X401"].map {
            Diagnostic(code: $0, severity: .error, range: SourceRange(start: 0, end: 1), message: $0)
        }
        var settings = ProjectConfiguration.Settings()
        XCTAssertEqual(settings.apply(findings).map(\.code), ["A201", "A290", "C302", "T801", "X401"])
        settings.select = ["A", "C"]
        settings.ignore = ["A29"]
        settings.severities = ["A": .warning, "A201": .hint]
        let applied = settings.apply(findings)
        XCTAssertEqual(applied.map(\.code), ["A201", "C302"])
        XCTAssertEqual(applied.map(\.severity), [.hint, .error], "the longest prefix wins")
    }

    func testToleranceAppliesWhereTheReportHasNone() {
        // 合计 off by 0.02 over one 类 row: beyond the default (0.005 × 2), within 0.01 × 2.
        let body = """
        表 公开03 支出决算表
        合计                  100.02  100.02  0.00
        208      社会保障和就业支出  100.00  100.00  0.00

        """
        var settings = ProjectConfiguration.Settings()
        XCTAssertTrue(Analysis(text: header + body, settings: settings).diagnostics.contains { $0.code == "A202" })
        settings.tolerance = DecimalNumber("0.01")
        let relaxed = Analysis(text: header + body, settings: settings).diagnostics
        XCTAssertFalse(relaxed.contains { $0.code == "A202" })
        XCTAssertTrue(relaxed.contains { $0.code == "A290" })
        // The report's own 容差 line wins over the project's.
        let own = Analysis(text: header + "容差 0.001\n" + body, settings: settings).diagnostics
        XCTAssertTrue(own.contains { $0.code == "A202" })
    }

    func testGlobs() {
        XCTAssertTrue(Glob.matches("imported/**", "imported/a.juesuan"))
        XCTAssertTrue(Glob.matches("imported/**", "imported/x/y/a.juesuan"))
        XCTAssertTrue(Glob.matches("imported/", "imported/x/a.juesuan"))
        XCTAssertTrue(Glob.matches("**/draft-*.juesuan", "draft-1.juesuan"))
        XCTAssertTrue(Glob.matches("**/draft-*.juesuan", "a/b/draft-1.juesuan"))
        XCTAssertTrue(Glob.matches("seed-00?.juesuan", "x/seed-003.juesuan"), "a pattern without / matches the name anywhere")
        XCTAssertTrue(Glob.matches("./报告/*.juesuan", "报告/甲.juesuan"))
        XCTAssertFalse(Glob.matches("imported/*", "imported/x/a.juesuan"))
        XCTAssertFalse(Glob.matches("imported/**", "other/imported/a.juesuan"))
        XCTAssertFalse(Glob.matches("seed-00?.juesuan", "seed-0010.juesuan"))
    }
}
