import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax
import XCTest

/// Issue 17 (1): figures of 30 digits or 12 decimals in every place a figure may stand. The
/// analysis never traps; a figure beyond the checkable limits gets S112 on exactly that figure;
/// everything else is still checked (the deliberate A206 below is always reported).
final class ExtremeNumberTests: XCTestCase {
    func testTwoThousandExtremeDocumentsAreCheckedWithoutTrapping() {
        var bytes = RandomBytes(seed: 17)
        var withS112 = 0
        for index in 0..<2_000 {
            let (text, figures) = ExtremeNumberDocument.make(&bytes)
            let analysis = Analysis(text: text)
            let s112 = analysis.diagnostics.filter { $0.code == "S112" }
            // Every S112 stands on an oversized figure, and every oversized table cell has one.
            for finding in s112 {
                let written = String(decoding: analysis.source.bytes[finding.range.start..<finding.range.end], as: UTF8.self)
                let body = written.hasSuffix("%") ? String(written.dropLast()) : written
                XCTAssertEqual(DecimalNumber.classify(body), .oversized, "document \(index): S112 on “\(written)”")
            }
            let oversizedCells = figures.filter { $0.line < ExtremeNumberDocument.firstProseLine && DecimalNumber.classify($0.text) == .oversized }
            let cellFindings = s112.filter { analysis.source.line(containing: $0.range.start) < ExtremeNumberDocument.firstProseLine }
            XCTAssertEqual(cellFindings.count, oversizedCells.count, "document \(index)")
            // Oversized figures in the 校验 line are reported there too.
            let checkLine = analysis.source.lineCount - 2
            let oversizedInCheck = figures.filter { $0.line == checkLine && DecimalNumber.classify($0.text) == .oversized }.count
            XCTAssertEqual(s112.filter { analysis.source.line(containing: $0.range.start) == checkLine }.count, oversizedInCheck, "document \(index)")
            XCTAssertTrue(analysis.diagnostics.contains { $0.code == "A206" }, "document \(index): the rest is no longer checked")
            XCTAssertFalse(analysis.diagnostics.contains { $0.code == "S102" && analysis.source.line(containing: $0.range.start) < ExtremeNumberDocument.firstProseLine },
                           "document \(index): an oversized figure called not a number")
            if !s112.isEmpty { withS112 += 1 }
        }
        XCTAssertGreaterThan(withS112, 1_000)
    }

    /// The four crashes of the issue, each on its own.
    func testTheReportedCrashes() {
        let header = "部门 某局\n年度 2024\n单位 万元\n\n"
        // A 27-digit cell beside a 12-decimal cell in one column.
        var analysis = Analysis(text: header + "表 公开09 财政拨款“三公”经费支出决算表\n列 决算数\n合计 123456789012345678901234567.00\n3.公务接待费 0.000000000001\n")
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "S112" }.count, 1)
        // The same column with a big but checkable figure: checked (A-error), not S112.
        analysis = Analysis(text: header + "表 公开09 财政拨款“三公”经费支出决算表\n列 决算数\n合计 123456789012345678.00\n3.公务接待费 0.000000000001\n1.因公出国（境）费 0\n2.公务用车购置及运行维护费 0\n")
        XCTAssertFalse(analysis.diagnostics.contains { $0.code == "S112" })
        XCTAssertTrue(analysis.diagnostics.contains { $0.severity == .error && $0.code.hasPrefix("A") }, "\(analysis.diagnostics.map(\.code))")
        // A 28-digit amount in 完成预算的x% and 占<30 digits>%.
        let prose = header + "说明 一、说明\n公务接待费预算为1234567890123456789012345678万元，支出决算为1.40万元，完成预算的30%。其中办公费0.5万元，占123456789012345678901234567890%。\n"
        analysis = Analysis(text: prose)
        let ranges = analysis.diagnostics.filter { $0.code == "S112" }.map { String(decoding: analysis.source.bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
        XCTAssertEqual(ranges, ["1234567890123456789012345678", "123456789012345678901234567890"])
        // A 校验 line: S112 on the figure, and no X409 built on a figure that could not be read.
        analysis = Analysis(text: header + "表 公开09 财政拨款“三公”经费支出决算表\n列 决算数\n合计 1.00\n\n校验 公开09.合计 = 123456789012345678901234567890.5\n")
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "S112" }.count, 1)
        XCTAssertFalse(analysis.diagnostics.contains { $0.code == "X409" })
        // An account number in prose is not a figure.
        analysis = Analysis(text: header + "说明 一、说明\n收款账号62220212345678901234567，开户行某某支行。\n")
        XCTAssertFalse(analysis.diagnostics.contains { $0.code == "S112" })
    }
}
