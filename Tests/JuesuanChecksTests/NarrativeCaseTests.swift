import JuesuanChecks
import JuesuanSyntax
import XCTest

/// The cases of ../shared/spec/narrative.md §5 (the contract for how prose is read), each with
/// and without standard tables that agree with it.
final class NarrativeCaseTests: XCTestCase {
    enum Verdict {
        case silent
        /// An error or warning on each of these figures (the text of the finding's range).
        case flag([String])
        case warning(String)
        /// No error or warning; information on this figure.
        case information(String)
    }

    /// Tables that print what the cases speak of, consistent with the silent cases.
    static func totals(income: String, expenditure: String, carriedIn: String = "0.00") -> String {
        """
        表 公开01
        收入
        一般公共预算财政拨款收入 \(income)
        本年收入合计 \(income)
        年初结转和结余 \(carriedIn)
        总计 \(DecimalNumber(income)! + DecimalNumber(carriedIn)!)
        支出
        卫生健康支出 \(expenditure)
        本年支出合计 \(expenditure)
        年末结转和结余 \(DecimalNumber(income)! + DecimalNumber(carriedIn)! - DecimalNumber(expenditure)!)
        总计 \(DecimalNumber(income)! + DecimalNumber(carriedIn)!)


        """
    }

    static func threePublic(budget: [String], actual: [String]) -> String {
        let rows = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费"]
        return "表 公开09\n列 全年预算数 决算数\n" + zip(rows, zip(budget, actual)).map { "\($0) \($1.0) \($1.1)" }.joined(separator: "\n") + "\n\n"
    }

    static let cases: [(number: Int, prose: String, tables: String, verdict: Verdict)] = [
        (1, "2024年度收入总计812.40万元、支出总计812.40万元。", totals(income: "812.40", expenditure: "812.40"), .silent),
        (2, "2024年度收、支总计各为812.40、820.15万元。", totals(income: "812.40", expenditure: "812.40"), .flag(["820.15"])),
        (3, "一般公共预算财政拨款基本支出605.20万元，其中：人员经费512.33万元，公用经费12.87万元。", "", .flag(["605.20"])),
        (4, "项目支出88.00万元，其中：信息化建设12.00万元。", "表 公开03\n列 本年支出合计 基本支出 项目支出\n合计 100.00 12.00 88.00\n\n", .silent),
        (5, "“三公”经费支出决算中，公务接待费0.84万元，占30%；公务用车运行维护费1.96万元，占70%。",
         threePublic(budget: ["3.00", "0.00", "2.00", "0.00", "2.00", "1.00"], actual: ["2.80", "0.00", "1.96", "0.00", "1.96", "0.84"]), .silent),
        (6, "“三公”经费支出决算中，公务接待费0.84万元，占70%；公务用车运行维护费1.96万元，占30%。",
         threePublic(budget: ["3.00", "0.00", "2.00", "0.00", "2.00", "1.00"], actual: ["2.80", "0.00", "1.96", "0.00", "1.96", "0.84"]), .flag(["70", "30"])),
        (7, "2024年“三公”经费支出决算为5.60万元，比上年增加1.40万元。其中，公务用车运行维护费4.20万元，占0.75%；公务接待费1.40万元，占25%。",
         threePublic(budget: ["6.00", "0.00", "4.50", "0.00", "4.50", "1.50"], actual: ["5.60", "0.00", "4.20", "0.00", "4.20", "1.40"]), .flag(["0.75"])),
        (8, "公务接待费预算为2万元，支出决算为1.40万元，完成预算的30%。",
         threePublic(budget: ["2.00", "0.00", "0.00", "0.00", "0.00", "2.00"], actual: ["1.40", "0.00", "0.00", "0.00", "0.00", "1.40"]), .flag(["30"])),
        (9, "公务接待费预算为1万元，支出决算为0.62万元，完成预算的58%。", "", .warning("58")),
        (10, "公务接待费预算为1万元，支出决算为0.62万元，完成预算的62%。",
         threePublic(budget: ["1.00", "0.00", "0.00", "0.00", "0.00", "1.00"], actual: ["0.62", "0.00", "0.00", "0.00", "0.00", "0.62"]), .silent),
        (11, "财政拨款支出总计640.50万元。年初预算数600万元，完成年初预算的40.50%。", "", .flag(["40.50"])),
        (12, "本年收入合计1,204.30万元，其中：财政拨款收入1,150.00万元（其中：一般公共预算财政拨款1,100.00万元，政府性基金预算财政拨款50.00万元），占95.49%；其他收入54.30万元，占4.51%。",
         "", .silent),
        (13, "本年收入246.60万元，上年结转和结余12.40万元，收入总计259.00万元，比上年增加9.60万元，增长3.85%。",
         totals(income: "246.60", expenditure: "246.60", carriedIn: "12.40"), .silent),
        (14, "机关运行经费支出28.90万元，比上年减少3.10万元，下降9.69%。", totals(income: "100.00", expenditure: "100.00"), .silent),
        (15, "机关运行经费支出28.90万元，比上年减少3.10万元，下降9.68%。", totals(income: "100.00", expenditure: "100.00"), .information("9.68")),
        (16, "公务用车购置及运行维护费支出3.20万元，与年初预算相比无变化。",
         "表 公开09\n列 年初预算数 全年预算数 决算数\n合计 4.00 4.00 3.20\n因公出国（境）费 0.00 0.00 0.00\n公务用车购置及运行维护费 4.00 4.00 3.20\n公务用车购置费 0.00 0.00 0.00\n公务用车运行维护费 4.00 4.00 3.20\n公务接待费 0.00 0.00 0.00\n\n",
         .flag(["无变化"])),
        (17, "公务接待费支出决算2.30万元，与预算相比减少0.20万元。",
         threePublic(budget: ["3.00", "0.00", "0.00", "0.00", "0.00", "3.00"], actual: ["2.30", "0.00", "0.00", "0.00", "0.00", "2.30"]), .flag(["0.20"])),
        (18, "因公出国（境）费支出0万元，与上年持平。", threePublic(budget: ["0.00", "0.00", "0.00", "0.00", "0.00", "0.00"], actual: ["0.00", "0.00", "0.00", "0.00", "0.00", "0.00"]), .silent),
        (19, "2024年度收支總計各為512.08萬元，與上年相比增加12.08萬元，增長2.42%。", totals(income: "512.08", expenditure: "512.08"), .silent),
        (20, "2024年度收支總計各為512.08萬元，與上年相比增加12.08萬元，增長3.42%。", totals(income: "512.08", expenditure: "512.08"), .flag(["3.42"])),
        (21, "本年支出合计 1,004.40 万 元，其中基本支出 804.40 万 元，占 80.09%。",
         "表 公开03\n列 本年支出合计 基本支出 项目支出\n合计 1,004.40 804.40 200.00\n\n", .silent),
        (22, "基本支出404.20万元，占本年支出合计的40.42%；项目支出595.80万元，占59.58%。",
         "表 公开03\n列 本年支出合计 基本支出 项目支出\n合计 1,000.00 404.20 595.80\n\n", .silent),
        (23, "基本支出404.20万元，占本年支出合计的40.42%；项目支出595.80万元，占59.85%。",
         "表 公开03\n列 本年支出合计 基本支出 项目支出\n合计 1,000.00 404.20 595.80\n\n", .flag(["59.85"])),
        (24, "“三公”经费支出4.10万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费2.60万元，公务接待费1.20万元。", "", .flag(["4.10"])),
    ]

    func check(_ number: Int, _ text: String, _ verdict: Verdict, withTables: Bool) {
        let analysis = analyze(text)
        let serious = analysis.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
        let context = "case \(number)\(withTables ? " with tables" : ""): \(analysis.diagnostics.map { "\($0.code) \(analysis.text(of: $0)): \($0.message)" })"
        switch verdict {
        case .silent:
            XCTAssertEqual(serious.count, 0, context)
        case .flag(let figures):
            for figure in figures {
                XCTAssertTrue(serious.contains { analysis.text(of: $0) == figure } || (withTables && !serious.isEmpty), "\(figure) — \(context)")
            }
        case .warning(let figure):
            XCTAssertTrue(serious.contains { analysis.text(of: $0) == figure && $0.severity == .warning }, context)
            XCTAssertFalse(serious.contains { $0.severity == .error }, context)
        case .information(let figure):
            XCTAssertEqual(serious.count, 0, context)
            XCTAssertTrue(analysis.diagnostics.contains { $0.code == "N590" && analysis.text(of: $0) == figure }, context)
        }
    }

    func testEveryCaseWithoutTables() {
        // 16 and 17 compare with a budget only 公开09 gives: without it there is nothing to check.
        for (number, prose, _, verdict) in Self.cases where ![16, 17].contains(number) {
            check(number, "说明 情况说明\n\(prose)\n", verdict, withTables: false)
        }
    }

    func testEveryCaseWithTables() {
        for (number, prose, tables, verdict) in Self.cases where !tables.isEmpty {
            check(number, tables + "说明 情况说明\n\(prose)\n", verdict, withTables: true)
        }
    }

    /// The same cases in phrasings of our own: what the reader must understand is the fact, not the words.
    func testOtherPhrasings() {
        let cases: [(String, Verdict)] = [
            ("本单位收入合计与支出合计分别为300.00万元和300.00万元。", .silent),
            ("人员经费和公用经费分别为80.00万元和20.00万元，基本支出合计100.00万元。", .silent),
            ("基本支出120.00万元。人员经费和公用经费分别为80.00万元和20.00万元。", .flag(["120.00"])),
            ("在“三公”经费支出中，公务接待费1.00万元，占25.00%；公务用车运行维护费3.00万元，占75.00%。", .silent),
            ("在“三公”经费支出中，公务接待费1.00万元，占20.00%；公务用车运行维护费3.00万元，占75.00%。", .flag(["20.00"])),
            ("公务用车购置及运行维护费3.00万元（其中：购置费1.00万元，运行维护费2.50万元）。", .flag(["3.00"])),
            ("政府采购支出总额50.00万元，其中：货物10.00万元、工程20.00万元、服务30.00万元。", .flag(["50.00"])),
            ("机关运行经费30.00万元。公用经费25.00万元。", .flag(["25.00"])),
            ("公务接待费年初预算3万元，决算2.70万元，较年初预算节约0.30万元，完成年初预算的90%。", .silent),
            ("公务接待费年初预算3万元，决算2.70万元，较年初预算节约0.40万元。", .flag(["0.40"])),
            ("本年支出合计200.00万元，较上年的180.00万元增长11.11%。", .silent),
            ("本年支出合计200.00万元，较上年增加20.00万元，增长12.11%。", .flag(["12.11"])),
            ("一般公共预算财政拨款支出約500萬元，比上年減少10萬元，下降2%。", .silent),
            ("本年度收入合计1,000.00万元，较上年减少50.00万元，降幅4.76%。", .silent),
            ("本年度收入合计1,000.00万元，较上年减少50.00万元，降幅5.76%。", .flag(["5.76"])),
            ("本年支出合计1,000.00万元，比上年增加100.00万元，增长了13.11%。", .flag(["13.11"])),
            ("基本支出199.58万元，占比为54.89%；项目支出164.02万元，占比为45.11%。", .silent),
            ("基本支出199.58万元，占比为54.89%；项目支出164.02万元，占比为40.11%。", .flag(["40.11"])),
            ("支出决算为1,200.00万元，完成年初预算的120.00%，年初预算为1,000.00万元。", .silent),
            ("支出决算为1,200.00万元，完成年初预算的110.00%，年初预算为1,000.00万元。", .flag(["110.00"])),
            ("本年收入合计100.00万元，上年为80.00万元，增长25.00%。", .silent),
            ("本年收入合计100.00万元，上年为80.00万元，增长35.00%。", .flag(["35.00"])),
            ("2024年支出合计100.00万元，2023年支出合计80.00万元，下降25.00%。", .flag(["25.00%"])),
            ("公用经费10.00万元，其中：办公费3.00万元，差旅费2.00万元，会议费6.00万元。", .flag(["10.00"])),
        ]
        for (index, (prose, verdict)) in cases.enumerated() {
            check(100 + index, "说明 情况说明\n\(prose)\n", verdict, withTables: false)
        }
    }
}
