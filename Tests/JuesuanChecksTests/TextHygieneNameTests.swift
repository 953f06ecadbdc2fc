import JuesuanChecks
import JuesuanSyntax
import XCTest

/// T803: another organisation's name where the department's own is meant.
final class TextHygieneNameTests: XCTestCase {
    let songpan = "松潘县医疗保障局"
    let zhushan = "景德镇市珠山区医疗保障局"

    func foreign(_ prose: String, department: String = "松潘县医疗保障局") -> [String] {
        hygiene("说明 一、情况说明\n\(prose)\n", department: department).hygieneTexts("T803")
    }

    /// One T803 on `name` in `text` (a report of 松潘县医疗保障局): a warning whose fix writes the department's name.
    @discardableResult
    func assertAnotherUnit(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic {
        let analysis = hygiene(text, department: songpan)
        let finding = try XCTUnwrap(analysis.findings("T803").first, file: file, line: line)
        XCTAssertEqual(analysis.text(of: finding), name, file: file, line: line)
        XCTAssertEqual(finding.severity, .warning, file: file, line: line)
        XCTAssertEqual(finding.fix?.edits.first?.replacement, songpan, file: file, line: line)
        return finding
    }

    func testAnotherUnitAsTheSubjectOfTheFigures() throws {
        let finding = try assertAnotherUnit("说明 三、结余\n松潘县公共就业和人才交流服务中心2022年度结余18.41万元，2023年收入1048.02万元。\n",
                                            named: "松潘县公共就业和人才交流服务中心")
        XCTAssertEqual(finding.fix?.isSafe, false, "a judgement, not a figure: lint --fix leaves it to the drafter")
        XCTAssertTrue(finding.message.contains(songpan), finding.message)
        XCTAssertEqual(foreign("总体来看松潘县公共就业和人才交流服务中心在预算编制、预算执行等方面比较规范。"), ["松潘县公共就业和人才交流服务中心"])
        XCTAssertEqual(foreign("景德镇市珠山区城市管理局2024年度支出合计363.59万元。", department: zhushan), ["景德镇市珠山区城市管理局"])
        XCTAssertEqual(foreign("珠山区城市管理局2024年度支出合计363.59万元。", department: zhushan), ["珠山区城市管理局"])
    }

    func testOnceUsedAsTheSubjectEveryOccurrenceIsFlagged() {
        let prose = """
        专项资金年度支出编制：松潘县公共就业和人才交流服务中心在取得财政经费预算批复通知后，在额度范围内编制。追加预算编制的审定：由归口部门会同松潘县公共就业和人才交流服务中心拟制预算报告。
        """
        XCTAssertEqual(foreign(prose).count, 2)
        // Mentioned only as a partner, never as the subject: not flagged.
        XCTAssertEqual(foreign("由归口部门会同松潘县公共就业和人才交流服务中心拟制预算报告。"), [])
    }

    func testTheDepartmentAndItsListedUnitsAreNotForeign() {
        XCTAssertEqual(foreign("松潘县医疗保障局2023年修订了《制度汇编》，预算管理规范。"), [])
        XCTAssertEqual(foreign("珠山区医疗保障局2024年度支出合计363.59万元。", department: zhushan), [], "a shorter form of the department's own name")
        let listed = """
        景德镇市珠山区医疗保障局（本级）设立珠山区医疗保险事业服务中心等 1 个副科级事业单位，为区医疗保障局所属公益一类事业单位。
        珠山区医疗保险事业服务中心2024年度支出合计120.00万元。
        """
        XCTAssertEqual(foreign(listed, department: zhushan), [])
        let numbered = """
        纳入松潘县医疗保障局2023年度部门决算编制范围的二级预算单位包括：
        1.松潘县医疗保障局；
        2.松潘县城乡居民基本医疗保险服务中心。
        松潘县城乡居民基本医疗保险服务中心2023年度支出合计120.00万元。
        """
        XCTAssertEqual(foreign(numbered), [])
        XCTAssertEqual(foreign("序号\t单位名称\t单位基本性质\n2\t松潘县医疗保险基金服中心\t财政补助事业单位\n松潘县医疗保险基金服务中心2023年度支出合计120.00万元。"), [],
                       "one character of difference from the listed name: a typo in the list")
        let enumerated = """
        纳入本套部门决算汇编范围的单位共3个，即景德镇市珠山区教育体育局（本级）、珠山区第一小学、珠山区体育运动中心。
        珠山区体育运动中心2024年度支出合计120.35万元，主要用于场馆维护。
        """
        XCTAssertEqual(foreign(enumerated, department: "景德镇市珠山区教育体育局"), [])
        XCTAssertEqual(foreign("松潘县医疗保险事业管理中心2023年度支出合计120.00万元。"), [],
                       "a unit of the department's own field (医疗), even if the report does not list it")
        XCTAssertEqual(foreign("青龙满族自治县医疗保障局(本级)2023年度支出合计17,336.07万元。", department: "青龙满族自治县医疗保障局（部门）"), [],
                       "the header's 部门 with a bracketed remark")
        let performance = hygiene("说明 一、情况说明\n松潘县医疗保险服务中心2023年度支出合计120.00万元。\n\n绩效 城乡居民医保经费\n实施单位 松潘县医疗保险服务中心\n", department: songpan)
        XCTAssertEqual(performance.hygieneTexts("T803"), [], "a 绩效 block's 实施单位 is a unit of the report")
    }

    func testSuperiorAndPartnerBodiesAreNotForeign() {
        XCTAssertEqual(foreign("按相关程序向松潘县财政局或经费对口部门报批。"), [])
        XCTAssertEqual(foreign("松潘县财政局批复本部门预算1066.91万元。"), [])
        XCTAssertEqual(foreign("松潘县审计局对本部门2023年度预算执行情况进行了审计。"), [])
        XCTAssertEqual(foreign("与松潘县卫生健康局的有关职责分工。松潘县卫生健康局、松潘县医疗保障局等部门在医疗、医保、医药等方面加强制度衔接。"), [])
        XCTAssertEqual(foreign("松潘县卫生健康局负责医疗机构的预算管理。"), [])
        XCTAssertEqual(foreign("按照省医疗保障局、国家医疗保障局要求，本部门支出1066.43万元。"), [], "bodies of other levels carry no county prefix")
        XCTAssertEqual(foreign("《松潘县人力资源和社会保障局关于印发资金管理办法的通知》"), [])
        XCTAssertEqual(foreign("松潘县人民医院开展了义诊活动。"), [], "no statement about money or management")
        XCTAssertEqual(foreign("执行隆化县县级部门预算绩效管理工作考核办法。", department: "隆化县医疗保障局"), [], "办法 is no 办")
    }

    // Names without the place prefix (§7 S3-9: `用于保障社会保险事业管理局行政机构…的正常运转`).

    func testAnUnprefixedNameKeptRunningByTheBasicSpending() throws {
        try assertAnotherUnit("说明 二、支出决算情况说明\n基本支出，是用于保障社会保险事业管理局行政机构、事业机构的正常运转的日常支出。\n",
                              named: "社会保险事业管理局")
        XCTAssertEqual(foreign("基本支出：指为保障县林业和草原局机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"), ["县林业和草原局"])
        XCTAssertEqual(foreign("公用经费主要用于确保住房公积金管理中心机关日常正常运行。", department: zhushan), ["住房公积金管理中心"])
        let glossary = hygiene("名词解释\n基本支出：指为保障市场监督管理局正常运转、完成日常工作任务而发生的人员支出和公用支出。\n", department: songpan)
        XCTAssertEqual(glossary.hygieneTexts("T803"), ["市场监督管理局"], "a glossary definition is free text too")
    }

    func testAnUnprefixedFullNameAsTheSubjectOfTheFigures() {
        XCTAssertEqual(foreign("社会保险事业管理局2023年度结余18.41万元，2023年收入1048.02万元。"), ["社会保险事业管理局"])
        XCTAssertEqual(foreign("总体来看，住房公积金管理中心在预算编制、预算执行等方面比较规范。"), ["住房公积金管理中心"])
        XCTAssertEqual(foreign("（三）县林业和草原局全年支出合计230.50万元。"), ["县林业和草原局"])
        // Once it speaks for the department, its other mentions are the same copy.
        XCTAssertEqual(foreign("社会保险事业管理局2023年度结余18.41万元。追加预算由归口部门会同社会保险事业管理局拟制。"),
                       ["社会保险事业管理局", "社会保险事业管理局"])
    }

    func testUnprefixedMentionsInTheirOwnRoleAreNotForeign() {
        for prose in [
            "基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
            "基本支出是用于保障本单位正常运转的日常支出。",
            "基本支出是用于保障医疗保障局机关正常运转的日常支出。",
            "基本支出是用于保障医疗保险服务中心正常运转的日常支出。",
            "县财政局下达资金100万元。",
            "财政局拨付资金50万元，已全部支出。",
            "市卫生健康委员会2023年下达我局补助资金50万元。",
            "人力资源和社会保障局2023年代发退休人员养老金支出12万元。",
            "上级主管部门2023年追加预算20万元。",
            "医保中心 2022 年支出了 2021 年结转的部分公车运行维护费。",
            "组织推进区医疗保障局职能转变，完善城乡居民基本医疗保险制度，资金保障有力。",
            "在评价过程中医保局按要求提供了部门整体绩效自评报告。",
            "按时向县财政局报送绩效监控材料的，得 5 分。",
            "主要用于所需的公务用车燃料费、维修费等支出。",
            "市场监督管理局开展了药品价格专项检查。",
            "各乡镇卫生院2023年度医保基金支出3000万元。",
            "疾病预防控制中心负责预防接种经费的管理。",
            "审计局对本部门2023年度预算执行情况进行了审计。",
            "基本支出是用于保障县医保中心正常运转的日常支出。",
            "住房公积金管理中心按规定为职工缴存住房公积金12.00万元。",
            "公共资源交易中心统一组织采购，本部门政府采购支出5.00万元。",
        ] {
            XCTAssertEqual(foreign(prose), [], prose)
        }
        XCTAssertEqual(foreign("二、机构设置\n本部门下设社会保险事业管理局1个二级单位。\n社会保险事业管理局2023年度支出合计120.00万元。"), [],
                       "a unit the report lists")
        XCTAssertEqual(foreign("基本支出是用于保障社会保险事业管理局正常运转的日常支出。", department: "社会保险事业管理局"), [],
                       "the department itself, its header without a place")
    }
}
