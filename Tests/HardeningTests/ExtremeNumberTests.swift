import JuesuanChecks
import JuesuanSyntax
import XCTest

/// Issue 17 (1): figures of 30 digits or 12 decimals in every place a figure may stand. The
/// analysis never traps; a figure beyond the checkable limits gets S112 on exactly that figure;
/// everything else is still checked (the deliberate A206 below is always reported).
final class ExtremeNumberTests: XCTestCase {
    /// The places a figure stands, as `{}` slots: cells of several tables, prose claims of every
    /// kind (amount, 占, 完成预算的, 增长), performance funds and targets, and `校验` lines.
    static let template = """
    部门 测试县某某局
    年度 2024
    单位 万元

    表 公开01 收入支出决算总表
    收入
    一、一般公共预算财政拨款收入   {}
    本年收入合计                   {}
    总计                           {}
    支出
    八、社会保障和就业支出          {}
    本年支出合计                    {}
    总计                            {}

    表 公开03 支出决算表
    合计                      {}  {}  {}
    208      社会保障和就业支出  {}  {}  {}
    20805    行政事业单位养老支出  {}  {}  {}

    表 公开09 财政拨款“三公”经费支出决算表
    列 全年预算数 决算数
    合计                          {}  {}
    3.公务接待费                  {}  {}

    表 公开07 政府性基金预算财政拨款收入支出决算表
    合计        10.00  5.00  12.00  2.00  10.00  4.00
    229         其他支出  10.00  5.00  12.00  2.00  10.00  4.00

    说明 一、收入支出决算总体情况说明
    2024年度收入总计{}万元，支出总计{}万元，比上年增长{}%，占{}%。
    公务接待费预算为{}万元，支出决算为{}万元，完成预算的{}%。其中社会保障和就业支出{}万元，占{}%。

    绩效 项目一
    资金 年初预算数 {} 全年预算数 {} 全年执行数 {}
    执行率 分值 10 得分 10
    指标 产出指标/数量指标/完成率 目标 ≥{}% 实际 {} 分值 10 得分 10

    校验 公开01.本年收入合计 = {} + 公开03.合计
    """

    static let extremes = [
        "123456789012345678901234567890", "999999999999999999999999999999", "1000000000000000000",
        "999999999999999999", "999999999999999999.999999999999", "0.000000000001", "0.1234567890123",
        "123456789012345678901234567.123456789012", "-999999999999999999999999999999", "1,000,000,000,000,000,000,000,000,000",
        "999,999,999,999,999,999.999999999999", "170141183460469231731687303715884105727", "1", "0", "0.00", "-0.01",
        String(repeating: "9", count: 30) + "." + String(repeating: "9", count: 12),
    ]

    static func document(_ random: inout SplitMix) -> (text: String, oversizedCells: Int) {
        var text = ""
        var oversizedCells = 0
        var inTable = true
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("说明") { inTable = false }
            var pieces = line.components(separatedBy: "{}")
            for i in 1..<max(pieces.count, 1) {
                let value: String
                if random.next() % 3 == 0 {
                    value = extremes[Int(random.next() % UInt64(extremes.count))]
                } else {
                    value = "\(random.next() % 100_000).\(random.next() % 10)\(random.next() % 10)"
                }
                if inTable, DecimalNumber.classify(value) == .oversized { oversizedCells += 1 }
                pieces[i] = value + pieces[i]
            }
            text += pieces.joined() + "\n"
        }
        return (text, oversizedCells)
    }

    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testTwoThousandExtremeDocumentsAreCheckedWithoutTrapping() {
        var random = SplitMix(state: 17)
        var withS112 = 0
        for index in 0..<2_000 {
            let (text, oversizedCells) = Self.document(&random)
            let analysis = Analysis(text: text)
            let s112 = analysis.diagnostics.filter { $0.code == "S112" }
            // Every S112 stands on an oversized figure, and every oversized table cell has one.
            for finding in s112 {
                let written = String(decoding: analysis.source.bytes[finding.range.start..<finding.range.end], as: UTF8.self)
                let body = written.hasSuffix("%") ? String(written.dropLast()) : written
                XCTAssertEqual(DecimalNumber.classify(body), .oversized, "document \(index): S112 on “\(written)”")
            }
            let cellFindings = s112.filter { analysis.source.line(containing: $0.range.start) < 29 }.count
            XCTAssertEqual(cellFindings, oversizedCells, "document \(index)")
            XCTAssertTrue(analysis.diagnostics.contains { $0.code == "A206" }, "document \(index): the rest is no longer checked")
            XCTAssertFalse(analysis.diagnostics.contains { $0.code == "S102" }, "document \(index): an oversized figure called not a number")
            if !s112.isEmpty { withS112 += 1 }
        }
        XCTAssertGreaterThan(withS112, 1_500)
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
