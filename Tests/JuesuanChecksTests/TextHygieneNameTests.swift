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

    func testAnotherUnitAsTheSubjectOfTheFigures() throws {
        let analysis = hygiene("说明 三、结余\n松潘县公共就业和人才交流服务中心2022年度结余18.41万元，2023年收入1048.02万元。\n", department: songpan)
        let finding = try XCTUnwrap(analysis.findings("T803").first)
        XCTAssertEqual(analysis.text(of: finding), "松潘县公共就业和人才交流服务中心")
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(finding.fix?.edits.first?.replacement, songpan)
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
}
