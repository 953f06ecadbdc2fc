import JuesuanChecks
import JuesuanSyntax
import XCTest

/// T802: template leftovers.
final class TextHygienePlaceholderTests: XCTestCase {
    func leftovers(_ prose: String, department: String = "测试县医疗保障局") -> [String] {
        hygiene("说明 一、情况说明\n\(prose)\n", department: department).hygieneTexts("T802")
    }

    func testPlaceholderLetters() {
        XCTAssertEqual(leftovers("本部门2024年度收入总计XX万元，支出总计xxx万元。"), ["XX", "xxx"])
        XCTAssertEqual(leftovers("××局负责本项目。某某单位配合。"), ["××", "某某"])
        XCTAssertEqual(leftovers("使用Excel和XXL规格的表格，按X光片数量计。"), [], "letters inside words, a single X")
    }

    func testEllipsisStandingForContent() {
        XCTAssertEqual(leftovers("事业收入：指事业单位开展专业业务活动取得的收入。如…（二级预算单位事业收入情况）等。"), ["…（二级预算单位事业收入情况）"])
        XCTAssertEqual(leftovers("其他收入主要是……（收入类型）等。"), ["……（收入类型）"])
        XCTAssertEqual(leftovers("主要用于如……等方面。"), ["……"])
        XCTAssertEqual(leftovers("主要包括：……。"), ["……"])
        XCTAssertEqual(leftovers("……"), ["……"], "alone on a line")
    }

    func testOrdinaryEllipsesAreNotLeftovers() {
        XCTAssertEqual(leftovers("本部门2024年度收入总计363.59万元，其中年初结转和结余0.00万元……"), [])
        XCTAssertEqual(leftovers("重点对“居民参保、待遇享受、慢病鉴定……”等政策进行宣传。"), [], "an ellipsis in a quotation")
        XCTAssertEqual(leftovers("医疗、医保、医药……各方面协同推进。"), [])
        XCTAssertEqual(leftovers("如……（详见附表）"), [], "a bracket that refers elsewhere")
    }

    func testInstructionsAndEmptyBrackets() {
        XCTAssertEqual(leftovers("“三公”经费支出和机关运行经费支出口径必须予以说明（可参照如下格式进行说明）："), ["（可参照如下格式进行说明）"])
        XCTAssertEqual(leftovers("机关运行经费支出待填写。"), ["待填写"])
        XCTAssertEqual(leftovers("根据（）文件，共有【 】个项目，详见《》。"), ["（）", "【 】", "《》"])
        XCTAssertEqual(leftovers("因公出国（境）费0.00万元，“三公”经费0.00万元，《预算法》。"), [])
    }

    func testSelfReferenceOfAnotherKindOfBody() throws {
        let analysis = hygiene("说明 二、绩效评价工作开展情况\n（二）绩效评价实施过程。我所按照绩效运行监控工作要求依次完成了制定自评方案。\n", department: "隆化县医疗保障局")
        let finding = try XCTUnwrap(analysis.findings("T802").first)
        XCTAssertEqual(analysis.text(of: finding), "我所")
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "我局")
        XCTAssertEqual(finding.fix?.isSafe, false)
        // The department's own kind, and 所 as a function word.
        XCTAssertEqual(leftovers("我局按照要求完成了自评。本局负责。"), [])
        XCTAssertEqual(leftovers("我所在的单位；按照基本所需安排；我所属的医保中心。"), [])
        // A report that names a unit of that kind (its 中心) may say 本中心.
        XCTAssertEqual(leftovers("下设测试县医疗保险服务中心。本中心负责经办。"), [])
        XCTAssertEqual(leftovers("本中心负责经办。"), ["本中心"])
        // A department of no recognised kind: no self-reference is judged.
        XCTAssertEqual(leftovers("我所按照要求完成了自评。", department: "测试县卫生健康委员会"), [])
    }

    func testGlossaryAndPerformanceReasons() {
        let glossary = hygiene("名词解释\n其他收入：指单位取得的除上述收入以外的各项收入。主要是…（收入类型）等。\n")
        XCTAssertEqual(glossary.hygieneTexts("T802"), ["…（收入类型）"])
        let performance = hygiene("绩效 XX项目\n指标 产出指标/数量指标/参保率 目标 =100% 实际 93 分值 10 得分 8 原因 待填写\n")
        XCTAssertEqual(performance.hygieneTexts("T802"), ["XX", "待填写"])
    }
}
