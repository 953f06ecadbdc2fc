import XCTest
@testable import JuesuanLint
import JuesuanChecks

final class SARIFFormatTests: XCTestCase {
    func sarif(_ result: LintResult) throws -> [String: Any] {
        try XCTUnwrap(try parseJSON(SARIFFormatter().format(result)) as? [String: Any])
    }

    /// Checks the parts of SARIF 2.1.0 that code-scanning consumers require.
    func testStructure() throws {
        var result = lintResult(Fixtures.wideCharacters, path: "报告/w.juesuan")
        result.problems.append(LintProblem(path: "missing.juesuan", message: "无法读取：文件或目录不存在"))
        let root = try sarif(result)
        XCTAssertEqual(root["version"] as? String, "2.1.0")
        XCTAssertEqual(root["$schema"] as? String, SARIFFormatter.schema)
        let runs = try XCTUnwrap(root["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let run = runs[0]
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")

        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "juesuan")
        XCTAssertNotNil(driver["informationUri"] as? String)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, CheckRegistry.rules.map(\.code))
        for rule in rules {
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"] as? String)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            XCTAssertTrue(["error", "warning", "note"].contains(level ?? ""), "\(rule)")
            XCTAssertTrue((rule["helpUri"] as? String)?.hasPrefix("https://") ?? false)
        }
        XCTAssertEqual(rules.first { $0["id"] as? String == "A290" }.flatMap { ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String }, "note")

        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 5)
        for item in results {
            let id = try XCTUnwrap(item["ruleId"] as? String)
            let index = try XCTUnwrap(item["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, id)
            XCTAssertNotNil((item["message"] as? [String: Any])?["text"] as? String)
            let locations = try XCTUnwrap(item["locations"] as? [[String: Any]])
            XCTAssertEqual(locations.count, 1)
            let physical = try XCTUnwrap(locations[0]["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
            XCTAssertEqual(artifact["uri"] as? String, "%E6%8A%A5%E5%91%8A/w.juesuan")
            XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
            let region = try XCTUnwrap(physical["region"] as? [String: Int])
            XCTAssertEqual(Set(region.keys), ["startLine", "startColumn", "endLine", "endColumn"])
        }
        let a201 = try XCTUnwrap(results.first { $0["ruleId"] as? String == "A201" })
        XCTAssertEqual(a201["level"] as? String, "error")
        let region = ((a201["locations"] as? [[String: Any]])?[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
        XCTAssertEqual(region, ["startLine": 6, "startColumn": 16, "endLine": 6, "endColumn": 21])
        let c302 = try XCTUnwrap(results.first { $0["ruleId"] as? String == "C302" })
        XCTAssertEqual(c302["level"] as? String, "warning")

        // Fixes: one artifact change replacing the cell.
        let fixes = try XCTUnwrap(a201["fixes"] as? [[String: Any]])
        XCTAssertEqual((fixes[0]["description"] as? [String: Any])?["text"] as? String, "改为 90.00")
        let change = try XCTUnwrap((fixes[0]["artifactChanges"] as? [[String: Any]])?.first)
        XCTAssertNotNil(change["artifactLocation"] as? [String: Any])
        let replacement = try XCTUnwrap((change["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual(replacement["deletedRegion"] as? [String: Int], ["startLine": 6, "startColumn": 16, "endLine": 6, "endColumn": 21])
        XCTAssertEqual((replacement["insertedContent"] as? [String: Any])?["text"] as? String, "90.00")

        // Related locations carry ids, a location and a message.
        let related = try XCTUnwrap(a201["relatedLocations"] as? [[String: Any]])
        XCTAssertEqual(related.first?["id"] as? Int, 0)
        XCTAssertNotNil(related.first?["physicalLocation"] as? [String: Any])
        XCTAssertNotNil((related.first?["message"] as? [String: Any])?["text"] as? String)

        // The unreadable path is a tool execution notification; the run did not fully succeed.
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        XCTAssertEqual((invocation["toolExecutionNotifications"] as? [[String: Any]])?.count, 1)
    }

    func testLevelsAndURIs() throws {
        XCTAssertEqual(SARIFFormatter.level(.error), "error")
        XCTAssertEqual(SARIFFormatter.level(.warning), "warning")
        XCTAssertEqual(SARIFFormatter.level(.information), "note")
        XCTAssertEqual(SARIFFormatter.level(.hint), "note")
        XCTAssertEqual(SARIFFormatter.percentEncoded("a b/决算.juesuan"), "a%20b/%E5%86%B3%E7%AE%97.juesuan")
        let absolute = SARIFFormatter().artifact("/tmp/x y.juesuan")
        XCTAssertEqual(absolute, .object([("uri", .string("file:///tmp/x%20y.juesuan"))]))
        let relative = SARIFFormatter().artifact("./a/b.juesuan")
        XCTAssertEqual(relative, .object([("uri", .string("a/b.juesuan")), ("uriBaseId", .string("%SRCROOT%"))]))
    }

    func testCleanRunHasNoResults() throws {
        let root = try sarif(lintResult(Fixtures.clean))
        let run = try XCTUnwrap((root["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [Any])?.count, 0)
        XCTAssertEqual(((run["invocations"] as? [[String: Any]])?.first)?["executionSuccessful"] as? Bool, true)
    }
}
