import JuesuanChecks
import XCTest

/// Every rule is explained, and its two examples do what `juesuan explain` says they do.
final class RuleDocumentationTests: XCTestCase {
    func testEveryRuleHasAnEntry() {
        let documented = Set(RuleDocumentation.all.map(\.code))
        XCTAssertEqual(documented, Set(CheckRegistry.rules.map(\.code)))
        XCTAssertEqual(RuleDocumentation.all.count, documented.count, "one entry per code")
        XCTAssertNotNil(RuleDocumentation.entry("a201"))
    }

    func testTheExamplesFireAndPass() {
        // S111 (bytes that are no UTF-8) and S113 (a document over 32 MB) cannot be written as examples.
        for entry in RuleDocumentation.all where entry.code != "S111" && entry.code != "S113" {
            let fired = Analysis(text: entry.fires).diagnostics.map(\.code)
            XCTAssertTrue(fired.contains(entry.code), "\(entry.code): the example that should fire gives \(fired)")
            let passed = Analysis(text: entry.passes).diagnostics.map(\.code)
            XCTAssertFalse(passed.contains(entry.code), "\(entry.code): the example that should pass gives \(passed)")
        }
    }

    func testInvalidUTF8() {
        // S111's example cannot be text: bytes that are no UTF-8 (GBK 决算) in a prose line.
        let bytes = Array(RuleDocumentation.head.utf8) + Array("说明 一\n".utf8) + [0xBE, 0xF6, 0xCB, 0xE3, 0x0A]
        XCTAssertTrue(Analysis(bytes: bytes).diagnostics.contains { $0.code == "S111" })
        XCTAssertFalse(Analysis(bytes: Array((RuleDocumentation.head + "说明 一\n决算\n").utf8)).diagnostics.contains { $0.code == "S111" })
    }
}
