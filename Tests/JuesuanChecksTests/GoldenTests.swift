import Foundation
import JuesuanChecks
import XCTest

/// Every example report's findings, one per line, as a finance officer reads them.
/// Set JUESUAN_UPDATE_GOLDEN=1 to rewrite the files after checking every line by hand.
final class GoldenTests: XCTestCase {
    func testExamplesMatchTheirGoldenFiles() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".juesuan") }.sorted()
        XCTAssertGreaterThanOrEqual(examples.count, 2)
        let update = ProcessInfo.processInfo.environment["JUESUAN_UPDATE_GOLDEN"] == "1"
        for name in examples {
            let analysis = Analysis(text: try readExample(name))
            let golden = repositoryRoot.appendingPathComponent("Tests/JuesuanChecksTests/Golden/\(name).diagnostics")
            if update {
                try analysis.goldenText.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            XCTAssertEqual(analysis.goldenText, expected, "\(name): findings differ from \(golden.lastPathComponent)")
        }
    }
}
