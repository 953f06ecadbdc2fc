import XCTest
@testable import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// N520: the self-evaluation summary against the `绩效` blocks, on the meteorological bureau
/// probe (three blocks, 总分 97.14, 98.00 and 97.50, all 优: mean 97.546… → 97.55).
final class PerformanceSummaryTests: XCTestCase {
    /// The probe with `prose` as its last 说明: the N520 findings, as `code figure`.
    func findings(_ prose: String) throws -> [String] {
        let analysis = Analysis(text: try readFixture("probe-meteorology.juesuan") + "\n说明 二十一、测试\n" + prose + "\n")
        return analysis.diagnostics.filter { $0.code == "N520" }.map { "\($0.code) \(analysis.text(of: $0))" }
    }

    func testTheAverageOfAsManyProjectsAsBlocksIsTheirMean() throws {
        for sentence in ["2024年度共对3个项目开展绩效自评，平均得分97.55分，3个项目均为“优”。",
                         "纳入绩效自评的项目3个，自评平均分为97.5分。",
                         "3个项目的自评结果为：“优”等级项目3个，平均分97.55分。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        XCTAssertEqual(try findings("2024年度共对3个项目开展绩效自评，平均得分96.55分。"), ["N520 96.55"])
        XCTAssertEqual(try findings("纳入绩效自评的项目3个，自评平均分为97.6分。"), ["N520 97.6"])
    }

    func testTheCountsOfAGradeAreTheBlocksOfThatGrade() throws {
        XCTAssertEqual(try findings("对3个项目开展自评，评为“优”的项目2个、“良”的项目1个。"), ["N520 2", "N520 1"])
        XCTAssertEqual(try findings("对3个项目开展自评，评为“优”的项目3个。"), [])
        // Each count is judged, whether or not the others are written or still add up to the blocks.
        for sentence in ["对3个项目开展绩效自评，3个项目评价结果为“优”。", "对3个项目开展绩效自评，其中“优”3个。",
                         "对3个项目开展绩效自评，自评结果为“优”的3个、“良”的0个。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
            XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "“优”3个", with: "“优”4个")
                .replacingOccurrences(of: "3个项目评价", with: "2个项目评价").replacingOccurrences(of: "“优”的3个", with: "“优”的2个")).count, 1, sentence)
        }
    }

    /// Another number of projects than blocks: the blocks are a selection, nothing is judged.
    func testASummaryOfOtherProjectsIsNotJudged() throws {
        for sentence in ["共对18个项目开展绩效自评，平均得分92.10分，其中“优”的15个、“良”的3个。",
                         "共涉及项目18个，对其中3个项目另行公开绩效自评表，18个项目平均得分92.10分。",
                         "对5个项目开展绩效自评，“优”的3个、“良”的2个。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
    }

    /// A project named in the reason of another item (`…；二是…，主要原因是使用了上年结转的人工影响
    /// 天气作业经费；三是…完成年初预算的102.00%`) does not make the figures after it the project's
    /// (P607, the law-enforcement brigade probe).
    func testAProjectNamedInAReasonIsNotTheNextItemsSubject() throws {
        let prose = "一是气象服务（项）年初预算50.00万元，决算49.00万元，完成年初预算的98.00%；二是气象探测（项）决算略有增加，主要原因是使用了人工影响天气作业经费；三是住房公积金（项）年初预算10.00万元，决算10.20万元，完成年初预算的102.00%。"
        let analysis = Analysis(text: try readFixture("probe-meteorology.juesuan") + "\n说明 二十一、测试\n" + prose + "\n")
        XCTAssertEqual(analysis.diagnostics.filter { $0.code == "P607" }.map(\.message), [])
        // Named in the figure's own statement, it is still the project's.
        let own = "人工影响天气作业经费项目全年预算100.08万元，完成预算的90.00%。"
        let named = Analysis(text: try readFixture("probe-meteorology.juesuan") + "\n说明 二十一、测试\n" + own + "\n")
        XCTAssertEqual(named.diagnostics.filter { $0.code == "P607" }.count, 1)
    }

    /// The paragraphs after one counting the blocks, in its section, speak of those projects
    /// (session 35: `对4个项目开展了绩效自评。⏎ 3个项目为“优”…，平均得分92.11分。`); after one
    /// counting other projects, they are not judged.
    func testTheParagraphsAfterTheCountAreOfTheSameProjects() throws {
        XCTAssertEqual(try findings("2024年度对3个项目开展了绩效自评。\n从自评结果看，平均得分97.55分。"), [])
        XCTAssertEqual(try findings("2024年度对3个项目开展了绩效自评。\n从自评结果看，平均得分96.55分。"), ["N520 96.55"])
        XCTAssertEqual(try findings("2024年度对18个项目开展了绩效自评。\n从自评结果看，平均得分96.55分。"), [])
    }

    /// Projects counted with a few words of what projects (`3个一般公共预算项目`, `3个重点项目`).
    func testProjectsCountedWithWordsBetween() throws {
        for words in ["3个一般公共预算项目", "3个重点项目", "3个一般公共预算财政拨款项目"] {
            XCTAssertEqual(try findings("本部门对2024年度\(words)全部开展了绩效自评，平均得分97.55分。"), [], words)
            XCTAssertEqual(try findings("本部门对2024年度\(words)全部开展了绩效自评，平均得分96.55分。"), ["N520 96.55"], words)
        }
        // (Not projects of another thing: `3个单位的项目`.)
        XCTAssertEqual(try findings("本部门对2024年度3个单位的项目开展了绩效自评，平均得分96.55分。"), [])
    }

    /// P607 reads a project's amounts by their measure words too (`年初预算…，全年预算…，全年执行…`,
    /// `执行…`); not `未执行的…`, nor a line that counts several projects after one's name.
    func testAProjectsAmountsByTheirMeasureWords() throws {
        func p607(_ prose: String) throws -> [String] {
            let analysis = Analysis(text: try readFixture("probe-meteorology.juesuan") + "\n说明 二十一、测试\n" + prose + "\n")
            return analysis.diagnostics.filter { $0.code == "P607" }.map { "\($0.code) \(analysis.text(of: $0))" }
        }
        let sentence = "人工影响天气作业经费：年初预算80.00万元，全年预算100.08万元，全年执行96.50万元，未执行的3.58万元结转下年。"
        XCTAssertEqual(try p607(sentence), [])
        XCTAssertEqual(try p607(sentence.replacingOccurrences(of: "年初预算80.00", with: "年初预算81.00")), ["P607 81.00"])
        XCTAssertEqual(try p607(sentence.replacingOccurrences(of: "全年预算100.08", with: "全年预算101.08")), ["P607 101.08"])
        XCTAssertEqual(try p607(sentence.replacingOccurrences(of: "全年执行96.50", with: "全年执行97.50")), ["P607 97.50"])
        XCTAssertEqual(try p607("气象灾害预警服务经费全年预算46.80万元，执行47.80万元。"), ["P607 47.80"])
        XCTAssertEqual(try p607("对人工影响天气作业经费等3个项目开展绩效自评，涉及全年预算205.22万元，实际执行201.64万元。"), [])
        // An adjusted budget beside a 全年预算 of its own is not the block's 全年预算数.
        let withCarryOver = "人工影响天气作业经费年初预算80.00万元，调整预算90.00万元，加上年结转资金10.08万元后全年预算数为100.08万元，全年执行96.50万元。"
        XCTAssertEqual(try p607(withCarryOver), [])
        XCTAssertEqual(try p607(withCarryOver.replacingOccurrences(of: "全年预算数为100.08", with: "全年预算数为101.08")), ["P607 101.08"])
        // 执行 ending another item's name (`预警执行8.00万元`) is no measure of the project's.
        let list = "项目支出中，人工影响天气作业经费全年执行96.50万元，预警执行8.00万元。"
        XCTAssertEqual(try p607(list), [])
        XCTAssertEqual(try p607(list.replacingOccurrences(of: "96.50", with: "97.50")), ["P607 97.50"])
    }
}

