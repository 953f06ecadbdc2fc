import JuesuanChecks
import JuesuanSyntax
import XCTest

/// The example report against ../shared/examples/zhushan-2024.expected.md, for the rule families
/// of the language core (S1xx, A2xx, C3xx).
final class ExampleReportTests: XCTestCase {
    func testZhushanReportsExactlyTheExpectedFindings() throws {
        let analysis = Analysis(text: try readExample("zhushan-2024.juesuan"))
        let core = analysis.diagnostics.filter { ["S", "A", "C"].contains($0.code.first!) }
        // The one error of the example is N502 (说明 九: 151.01 is 92.07% of 项目支出, written 100%).
        XCTAssertEqual(analysis.diagnostics.filter { $0.severity == .error }.map(\.code), ["N502"])
        XCTAssertTrue(core.allSatisfy { $0.code == "A290" || $0.code == "C302" }, "\(core.map(\.code))")
        // C302: the published label of 30111.
        let c302 = analysis.findings("C302")
        XCTAssertEqual(c302.count, 1)
        XCTAssertEqual(analysis.text(of: c302[0]), "公务员医疗补助缴款")
        XCTAssertEqual(c302[0].fix?.edits.first?.replacement, "公务员医疗补助缴费")
        // A290: where the expected-findings list has rounding, and nowhere else.
        var rounding: [String: Int] = [:]
        for finding in analysis.findings("A290") {
            let line = analysis.source.line(containing: finding.range.start)
            let table = analysis.report.tables.last { $0.syntax.line <= line }!.id
            rounding[table, default: 0] += 1
            XCTAssertEqual(analysis.text(of: finding), table == "公开06" ? "194.15" : "363.59", finding.message)
        }
        // 公开01 支出 本年支出合计; 公开02 合计 (two columns); 公开03 合计 (relation and tree);
        // 公开04 本年支出合计 (合计 and 一般公共预算 columns); 公开05 合计 (relation and tree);
        // X405: 公开06 人员经费合计 + 公用经费合计 = 199.57 against 公开05 基本支出 199.58.
        XCTAssertEqual(rounding, ["公开01": 1, "公开02": 2, "公开03": 2, "公开04": 2, "公开05": 2, "公开06": 1])
        XCTAssertTrue(analysis.findings("A290").last!.message.contains("X405"))
    }

    /// Changing any single amount of a code row by 0.10 or more breaks an identity (an A2xx
    /// error in that table); changing it by 0.01 is rounding at most inside the table (A290,
    /// never an A2xx error), while a copy in another table then differs (X4xx).
    func testEveryCodeRowAmountIsGuarded() throws {
        let text = try readExample("zhushan-2024.juesuan")
        let analysis = Analysis(text: text)
        let bytes = Array(text.utf8)
        var mutated = 0
        for table in analysis.report.tables {
            let rows = table.allRows.filter { $0.code != nil }
            for row in rows {
                let cells = row.cells.compactMap { $0 }
                for cell in cells {
                    guard let value = cell.number else { continue }
                    for (delta, mustError) in [("0.10", true), ("-0.10", true), ("0.01", false), ("-0.01", false), ("1.00", true)] {
                        let changed = value + DecimalNumber(delta)!
                        guard !changed.isNegative else { continue }
                        let replacement = changed.formatted(scale: value.scale)
                        let newText = String(decoding: bytes[..<cell.token.range.start] + Array(replacement.utf8) + bytes[cell.token.range.end...], as: UTF8.self)
                        let result = Analysis(text: newText)
                        let errors = result.diagnostics.filter { $0.severity == .error }
                        if mustError {
                            let tableRange = table.syntax.lines
                            XCTAssertTrue(errors.contains { $0.code.hasPrefix("A2") && tableRange.contains(result.source.line(containing: $0.range.start)) },
                                          "\(table.id) \(row.displayName): \(value) → \(replacement) must give an A2xx error in the table")
                        } else {
                            // Inside one table 0.01 is rounding; a copy of the figure in another table
                            // must still agree exactly (X4xx), and the example's narrative has an error of
                            // its own (N502), so only the table's own rule families count here.
                            let tableErrors = errors.filter { ["A", "S", "C"].contains($0.code.first!) }
                            XCTAssertTrue(tableErrors.isEmpty, "\(table.id) \(row.displayName): \(value) → \(replacement) is rounding, got \(tableErrors.map(\.message))")
                        }
                        mutated += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(mutated, 300)
    }

    /// Line endings and a byte-order mark change nothing but positions.
    func testCRLFAndBOMGiveTheSameFindings() throws {
        let text = try readExample("zhushan-2024.juesuan")
        let plain = Analysis(text: text).diagnostics.map { "\($0.code) \($0.message)" }
        let crlf = Analysis(text: text.replacingOccurrences(of: "\n", with: "\r\n")).diagnostics.map { "\($0.code) \($0.message)" }
        let bom = Analysis(text: "\u{FEFF}" + text).diagnostics.map { "\($0.code) \($0.message)" }
        XCTAssertEqual(plain, crlf)
        XCTAssertEqual(plain, bom)
    }
}
