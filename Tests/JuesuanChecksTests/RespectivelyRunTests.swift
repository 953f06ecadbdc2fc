import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// Respectively runs after the figures they are about (narrative.md §2.5, the other way round
/// from `人员经费和公用经费分别为A万元和B万元`): `基本支出A万元、项目支出B万元，分别占x%和y%` says x%
/// of A and y% of B. Each figure of the run is checked against its own item, never against the
/// nearest figure; a run whose list is not clear is not checked at all. The wordings are this
/// file's own, not the seeds'.
final class RespectivelyRunTests: XCTestCase {
    /// Consistent paragraphs, each with the figures of its run that a test moves.
    static let consistent: [(prose: String, figures: [String])] = [
        ("本年支出合计500.00万元，其中基本支出300.00万元、项目支出200.00万元，分别占本年支出合计的60.00%和40.00%。", ["60.00", "40.00"]),
        ("本年支出合计500.00万元。基本支出300.00万元，项目支出200.00万元，各占60%、40%。", ["60", "40"]),
        ("本年支出合计500.00万元，基本支出300.00万元、项目支出200.00万元，分别占本年支出合计的60.00%与40.00%。", ["60.00", "40.00"]),
        ("人员经费和公用经费分别为270.00万元和30.00万元，分别占基本支出的90.00%和10.00%。", ["90.00", "10.00"]),
        ("商品和服务支出80.00万元、其他交通费用20.00万元，分别比上年减少20.00万元和5.00万元，分别下降20.00%和20.00%。",
         ["20.00万元和", "5.00万元，", "20.00%和", "20.00%。"]),
        ("工资福利支出120.00万元、社会保障缴费30.00万元，较上年依次增加20.00万元、6.00万元，依次增长20.00%、25.00%。",
         ["20.00万元、", "6.00万元，", "20.00%、", "25.00%。"]),
        ("卫生健康支出年初预算400.00万元，社会保障和就业支出年初预算50.00万元。卫生健康支出440.00万元、社会保障和就业支出45.00万元，分别完成年初预算的110.00%和90.00%。",
         ["110.00", "90.00"]),
    ]

    static func document(_ prose: String) -> String { "说明 支出情况\n" + prose + "\n" }

    static func serious(_ analysis: Analysis) -> [Diagnostic] {
        analysis.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
    }

    func testConsistentRunsRaiseNothing() {
        for (prose, _) in Self.consistent {
            let analysis = analyze(Self.document(prose))
            XCTAssertEqual(Self.serious(analysis).map { "\($0.code) \(analysis.text(of: $0)) \($0.message)" }, [], prose)
        }
    }

    /// Each figure of a run, moved by 1 (or 1.00): a finding on that figure, about its own item.
    func testEachMovedFigureIsFoundOnItself() {
        for (prose, figures) in Self.consistent {
            for figure in figures {
                let number = String(figure.prefix { $0.isASCII && ($0.isNumber || $0 == ".") })
                let moved = (DecimalNumber(number)! + DecimalNumber(number.contains(".") ? "1.00" : "1")!).description
                let range = prose.range(of: figure)!
                let changed = prose.replacingCharacters(in: range, with: figure.replacingOccurrences(of: number, with: moved))
                let analysis = analyze(Self.document(changed))
                let found = Self.serious(analysis)
                XCTAssertFalse(found.isEmpty, "\(figure) → \(moved) not found in \(changed)")
                // Where the figure itself is judged (a share, a rate, a completion), the finding
                // is on it; a moved change is found on the rate that depends on it.
                XCTAssertTrue(found.contains { analysis.text(of: $0).hasPrefix(moved) } || figure.contains("万元"),
                              "\(figure) → \(moved): " + found.map { "\(analysis.text(of: $0)) \($0.message)" }.joined(separator: " | "))
            }
        }
    }

    /// The first share of a run is of the first item, not of the amount nearest to it: the
    /// message names 基本支出.
    func testTheFirstShareIsOfTheFirstItem() {
        let analysis = analyze(Self.document("本年支出合计500.00万元，其中基本支出300.00万元、项目支出200.00万元，分别占本年支出合计的61.00%和40.00%。"))
        let found = analysis.findings("N502")
        XCTAssertEqual(found.map { analysis.text(of: $0) }, ["61.00"])
        XCTAssertTrue(found.first?.message.contains("基本支出 300.00") == true, found.first?.message ?? "")
    }

    /// Two items and three shares, or three items and two: which share is whose is not clear, so
    /// nothing is said of them (before, the first share was judged against the nearest amount).
    func testARunWithoutItsListIsNotChecked() {
        for prose in ["基本支出300.00万元、项目支出150.00万元、其他支出50.00万元，分别占60.00%和30.00%。",
                      "本年支出合计500.00万元，基本支出300.00万元、项目支出200.00万元，分别占65.00%和35.00%。"] {
            let analysis = analyze(Self.document(prose))
            XCTAssertEqual(Self.serious(analysis).map { "\($0.code) \(analysis.text(of: $0))" }, [], prose)
        }
    }

    /// Without a respectively word the figures are read one by one, as before.
    func testJoinedFiguresWithoutARespectivelyWordAreNotARun() {
        let claims = proseClaims("基本支出300.00万元，占60.00%和项目支出200.00万元，占40.00%。")
        XCTAssertEqual(claims.count, 4)
        XCTAssertTrue(claims.allSatisfy { !$0.isInRespectivelyRun && $0.respectivelyOf == nil })
    }

    /// The reader pairs the run with its list, in order, and gives the joined figure the kind of
    /// the first (its own clause, `…的60.00%和`, names no whole).
    func testTheReaderPairsInOrder() {
        let claims = proseClaims("其中基本支出300.00万元、项目支出200.00万元，分别占本年支出合计的60.00%和40.00%。")
        XCTAssertEqual(claims.map(\.text), ["300.00", "200.00", "60.00", "40.00"])
        XCTAssertEqual(claims.map(\.respectivelyOf), [nil, nil, 0, 1])
        XCTAssertEqual(claims[3].kind, .share(whole: "本年支出合计"))
    }
}
