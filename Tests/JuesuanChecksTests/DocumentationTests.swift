import Foundation
import JuesuanChecks
import JuesuanSyntax
import XCTest

/// The documentation a user reads must match what the tools do.
final class DocumentationTests: XCTestCase {
    /// Every rule the checks can report has its row (and anchor) in the README's rule list.
    func testEveryRuleIsDocumentedInTheReadme() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for rule in CheckRegistry.rules {
            XCTAssertTrue(readme.contains("<a id=\"\(rule.code.lowercased())\"></a>\(rule.code)"), "\(rule.code) is missing from README.md")
        }
        // And every rule code is registered once.
        let codes = CheckRegistry.rules.map(\.code)
        XCTAssertEqual(codes.count, Set(codes).count, "a code is registered twice")
    }

    /// Every keyword and alias the parser knows appears in the formal grammar.
    func testEveryKeywordIsInTheFormalGrammar() throws {
        let grammar = try String(contentsOf: repositoryRoot.appendingPathComponent("grammar/juesuan.ebnf"), encoding: .utf8)
        var words: [String] = []
        for keyword in BlockKeyword.allCases { words += [keyword.rawValue, keyword.asciiAlias] }
        for key in HeaderKey.allCases { words += [key.rawValue, key.asciiAlias] }
        words += [InnerKeyword.columns, InnerKeyword.columnsAlias, InnerKeyword.incomeSide, InnerKeyword.expenditureSide]
        words += InnerKeyword.detailPrefixes + InnerKeyword.performanceKeys + InnerKeyword.indicatorFields
        words += CellText.emptySpellings.sorted()
        for word in words {
            XCTAssertTrue(grammar.contains("\"\(word)\""), "“\(word)” is missing from grammar/juesuan.ebnf")
        }
    }
}
