import XCTest
@testable import JuesuanChecks
@testable import JuesuanModel

import JuesuanSyntax

/// Session 37's readings on the disease-control probe's tables (公开05 合计 1,364.70; 2100401
/// 疾病预防控制机构 701.58, 2100409 重大公共卫生服务 265.96, 2100408 基本公共卫生服务 132.68).
final class ProbeSession37SumShareTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-cdc.juesuan"

    /// `…分别为A、B和C，三项合计占X的p%`: the share of the sum of the amounts counted before it
    /// (or of the respectively run before `以上合计占`), against the whole named after 占.
    func testAShareOfASumIsOfTheAmountsItCounts() throws {
        let sentences = [
            "从项级科目看，支出排在前三位的是疾病预防控制机构（项）、重大公共卫生服务（项）和基本公共卫生服务（项），分别为701.58万元、265.96万元和132.68万元，三项合计占一般公共预算财政拨款支出的80.62%。",
            "疾病预防控制机构（项）、重大公共卫生服务（项）和基本公共卫生服务（项）分别为701.58万元、265.96万元和132.68万元，以上合计占一般公共预算财政拨款支出的80.62%。",
            "疾病预防控制机构（项）701.58万元，重大公共卫生服务（项）265.96万元，基本公共卫生服务（项）132.68万元，前3项共占一般公共预算财政拨款支出的80.62%。",
        ]
        try assertEach(sentences, moving: "80.62%", to: "81.62%", finds: ["N502 81.62"])
        // Two of them counted: the last two.
        try assertEach(["疾病预防控制机构（项）701.58万元，重大公共卫生服务（项）265.96万元，基本公共卫生服务（项）132.68万元，两项合计占一般公共预算财政拨款支出的29.21%。"],
                       moving: "29.21%", to: "30.21%", finds: ["N502 30.21"])
        // A count the sentence does not hold (`几项`, more than were written) is not judged.
        XCTAssertEqual(try findings("疾病预防控制机构（项）701.58万元，重大公共卫生服务（项）265.96万元，几项合计占一般公共预算财政拨款支出的99.00%。"), [])
        XCTAssertEqual(try findings("疾病预防控制机构（项）701.58万元，重大公共卫生服务（项）265.96万元，五项合计占一般公共预算财政拨款支出的99.00%。"), [])
        // (A name that opens on a numeral is no count: `一般公共服务支出合计占…` is that item's share.)
        XCTAssertFalse(NarrativeShareCheck.sumSubject("一般公共服务支出合计占本年支出的") != nil)
        XCTAssertEqual(NarrativeShareCheck.sumSubject("三项合计占一般公共预算财政拨款支出的"), .some(3))
        XCTAssertEqual(NarrativeShareCheck.sumSubject("以上两类支出合计占本年支出的"), .some(2))
        XCTAssertEqual(NarrativeShareCheck.sumSubject("上述支出合计占本年支出的"), .some(nil))
    }

    /// `支出排在前三位的是A、B和C，分别为…`: the words leading into a list of heads are no part of
    /// its first head, whether the list stands in the clause before `分别为` or in its own.
    func testTheWordsLeadingIntoAListAreNoHead() throws {
        let sentences = [
            "从项级科目看，支出排在前三位的是疾病预防控制机构（项）、重大公共卫生服务（项）和基本公共卫生服务（项），分别为701.58万元、265.96万元和132.68万元。",
            "支出较多的是疾病预防控制机构（项）、重大公共卫生服务（项）和基本公共卫生服务（项），分别为701.58万元、265.96万元和132.68万元。",
            "支出主要是疾病预防控制机构（项）、重大公共卫生服务（项）和基本公共卫生服务（项）分别为701.58万元、265.96万元和132.68万元。",
        ]
        try assertEach(sentences, moving: "701.58万元", to: "702.58万元", finds: ["N501 702.58"])
        XCTAssertEqual(ProseReader.withoutListLeadIn("支出排在前三位的是甲、乙和丙"), "甲、乙和丙")
        XCTAssertEqual(ProseReader.withoutListLeadIn("主要包括甲、乙"), "甲、乙")
        // (A copula after the list's first separator is not its lead-in.)
        XCTAssertEqual(ProseReader.withoutListLeadIn("甲、乙是"), "甲、乙是")
    }
}

/// The audit probe (公开03: 基本支出 434.61, 项目支出 161.20, 本年支出合计 595.81, 201
/// 一般公共服务支出 487.68).
final class ProbeSession37RatioTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-audit-ratios.juesuan"

    /// N522: this year's amount as a ratio of last year's, in its phrasings.
    func testARatioToLastYearIsThisYearsAmountOverLastYears() throws {
        let percent = [
            "本年支出合计595.81万元，是上年551.82万元的107.97%。",
            "本年支出合计595.81万元，相当于上年（551.82万元）的107.97%。",
            "2024年度本年支出合计595.81万元，为2023年度551.82万元的107.97%。",
            "上年本年支出合计551.82万元，本年支出合计是上年的107.97%。",
            "与上年的551.82万元相比，本年支出合计595.81万元，为上年同期的107.97%。",
        ]
        try assertEach(percent, moving: "107.97%", to: "108.97%", finds: ["N522 108.97"])
        // Last year's amount not written but given by a change stated before the ratio (of the
        // amount before it, or of what the change names, from the tables).
        try assertEach(["本年支出合计595.81万元，比上年增加43.99万元，增长7.97%，为上年的107.97%。",
                        "与上年相比，本年支出合计增加43.99万元，同比增长7.97%，是上年的107.97%。"],
                       moving: "107.97%", to: "108.97%", finds: ["N522 108.97"])
        // Of a name the tables print, when the paragraph does not write this year's amount.
        try assertEach(["上年基本支出和项目支出分别为418.36万元、133.46万元，本年项目支出为上年的1.21倍，基本支出是上年的103.88%。"],
                       moving: "1.21倍", to: "1.31倍", finds: ["N522 1.31"])
        try assertEach(["上年基本支出和项目支出分别为418.36万元、133.46万元，本年项目支出为上年的1.21倍，基本支出是上年的103.88%。"],
                       moving: "103.88%", to: "104.88%", finds: ["N522 104.88"])
    }

    /// What is no ratio to last year, or names no amount of this year, is not judged.
    func testWhatIsNoRatioToLastYearIsNotJudged() throws {
        for sentence in [
            // Of a budget, not of last year.
            "本年支出合计595.81万元，为上年预算600.00万元的99.30%。",
            "本年支出合计595.81万元，完成年初预算的99.30%。",
            // Last year's amount written after the ratio, or none written.
            "本年支出合计为上年的150.00%，上年为400.00万元。",
            "本年支出合计是上年的150.00%。",
            // Of another subject than the sentence's amount, with no amount of its own this year.
            "一般公共服务支出487.68万元。社会保障和就业支出上年为56.95万元，本年为上年的1.04倍。",
            // Last year's amount of another, in a bracket after it.
            "基本支出434.61万元（上年418.36万元），项目支出161.20万元，是上年的120.79%。",
        ] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        XCTAssertNotNil(NarrativeRatioCheck.wordsBeforeRatio("基本支出是上年度决算数的"))
        XCTAssertNil(NarrativeRatioCheck.wordsBeforeRatio("基本支出是上年预算的"))
        XCTAssertNil(NarrativeRatioCheck.wordsBeforeRatio("完成年初预算的"))
    }

    /// `…由上年的75.81%降至72.94%…；项目支出比重相应由24.19%提高到27.06%，提高2.87个百分点`: the
    /// percentage a share came from is last year's, and a point change is of the shares of its
    /// own statement after the last `；`.
    func testAPointChangeIsOfTheSharesOfItsOwnStatement() throws {
        let sentence = "从支出结构看，基本支出占本年支出合计的比重由上年的75.81%降至本年的72.94%，降低2.87个百分点；项目支出比重相应由24.19%提高到27.06%，提高2.87个百分点。"
        XCTAssertEqual(try findings(sentence), [])
        XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "提高2.87", with: "提高3.87")), ["N503 3.87"])
        // Of the other item's shares before a `；`, nothing is said: not judged.
        XCTAssertEqual(try findings("一般公共服务支出所占比重由81.06%上升到81.85%，提高0.79个百分点；社会保障和就业支出所占比重较上年的10.32%降低0.36个百分点。"), [])
    }
}

/// The forestry probe with two farms (公开04: 一般公共预算财政拨款 本年收入 9,886.80, 本年支出
/// 10,029.25; 合计 本年支出 11,511.85).
final class ProbeSession37FundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-forestry-farms.juesuan"

    /// `财政拨款本年收入合计完成年初预算的105.30%，较年初预算A万元增加B万元`: the actual the rate names
    /// but the sentence does not write is the tables' (公开02 财政拨款收入 11,306.80).
    func testADifferenceFromAWrittenBudgetOfAnActualTheTablesPrint() throws {
        try assertEach(["财政拨款本年收入合计完成年初预算的105.30%，较年初预算10,737.80万元增加569.00万元，主要原因是追加了专项资金。"],
                       moving: "增加569.00", to: "增加570.00", finds: ["N503 570.00"])
    }

    /// `一般公共预算财政拨款本年收入A万元；本年支出B万元`: the general budget's own totals, its row and
    /// column of 公开04 (as for the other funds), also after a `；`.
    func testTheGeneralBudgetsOwnTotalsAreItsColumn() throws {
        let sentences = [
            "1.一般公共预算财政拨款本年收入9,886.80万元，比上年增加646.65万元，增长7.00%；本年支出10,029.25万元。",
            "一般公共预算财政拨款本年收入9,886.80万元，本年支出10,029.25万元。",
        ]
        try assertEach(sentences, moving: "10,029.25", to: "10,129.25", finds: ["N501 10,129.25"])
        // (With the change and its rate after it, the rate no longer holds of the moved amount either.)
        try assertEach([sentences[1]], moving: "9,886.80", to: "9,986.80", finds: ["N501 9,986.80"])
        try assertEach([sentences[0]], moving: "9,886.80", to: "9,986.80", finds: ["N501 9,986.80", "N503 7.00"])
    }
}

/// The market-supervision probe (公开03 基本支出 1,601.17; 公开06 人员经费合计 1,431.08, 公用经费合计
/// 170.09).
final class ProbeSession37PerHeadTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-market-supervision.juesuan"

    /// N516: an amount per head of what the tables print, divided by a count of its sentence.
    func testAnAmountPerHeadOfATableFigure() throws {
        try assertEach(["按年末在职人员96人计算，人均基本支出16.68万元。"], moving: "16.68", to: "17.68", finds: ["N516 17.68"])
        try assertEach(["以在职人员96人计，人均人员经费14.91万元，人均公用经费1.77万元。"], moving: "14.91", to: "15.91", finds: ["N516 15.91"])
        try assertEach(["以在职人员96人计，人均人员经费14.91万元，人均公用经费1.77万元。"], moving: "1.77", to: "1.87", finds: ["N516 1.87"])
        // A count of another sentence is not what it is per.
        XCTAssertEqual(try findings("在职人员96人。人均基本支出20.00万元。"), [])
    }

    /// A part named under its whole as a topic (`机关运行经费中，…公务用车运行维护费16.45万元`) is no
    /// amount of the whole the average is of.
    func testAPartUnderATopicIsNotTheWhole() throws {
        let sentence = "本部门机关运行经费支出170.09万元。机关运行经费中，办公费和印刷费22.10万元，水电费12.00万元，公务用车运行维护费16.45万元，按在职人员96人计算，人均机关运行经费1.77万元。"
        XCTAssertEqual(try findings(sentence), [])
        XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "1.77万元", with: "1.87万元")), ["N516 1.87"])
    }
}

/// The transport probe's records of keys and values (公开05: 208 社会保障和就业支出 89.85; 2080505
/// 64.18, 2080506 25.67; 公开04 本年支出合计 2,368.49 = 一般公共预算 1,820.14 + 政府性基金 548.35).
final class ProbeSession37RecordTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-transport-records.juesuan"

    /// `年初预算：62.40万元；调整预算：64.18万元；决算数：64.18万元；完成率：100.00%`: each value is
    /// what its key names, as `年初预算62.40万元` would be.
    func testARecordOfKeysAndValuesIsReadAsTheKeysSay() throws {
        let records = [
            "（1）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：年初预算：62.40万元；调整预算：64.18万元；决算数：64.18万元；完成率：100.00%。",
            "机关事业单位基本养老保险缴费支出（项）：年初预算:62.40万元；全年预算:64.18万元；决算:64.18万元；预算执行率:100.00%。",
        ]
        // The budgets are no actuals: silent as written; the actual and the rate are judged.
        try assertEach([records[0]], moving: "决算数：64.18", to: "决算数：65.18", finds: ["N501 65.18"])
        try assertEach([records[1]], moving: "决算:64.18", to: "决算:65.18", finds: ["N501 65.18"])
        try assertEach(records, moving: "100.00%", to: "101.00%", finds: ["N505 101.00"])
        XCTAssertEqual(try findings("社会保障和就业支出（类）：年初预算：87.36万元；调整预算：89.85万元；决算数：89.85万元。"), [])
        // A key that is a name alone: `本年支出合计：A万元（一般公共预算财政拨款B万元，政府性基金预算财政拨款C万元）`
        // — the funds in the bracket are its parts, each fund's spending.
        let totals = "财政拨款支出：本年支出合计：2,368.49万元（一般公共预算财政拨款1,820.14万元，政府性基金预算财政拨款548.35万元）。"
        XCTAssertEqual(try findings(totals), [])
        XCTAssertEqual(try findings(totals.replacingOccurrences(of: "548.35", with: "549.35")), ["N501 549.35"])
    }
}

/// The health bureau probe (公开09 公务用车保有量 3; 公开10 执法执勤用车 2; 公开01 事业收入 32.60,
/// 本年收入合计 2,250.90).
final class ProbeSession37PeriodTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-health-bureau.juesuan"

    /// `由X变为Y`, `由4辆减少至3辆`: what a figure came from is last year's, whatever the verb of change.
    func testWhatAFigureCameFromIsLastYears() throws {
        try assertEach(["事业收入32.60万元，事业收入占本年收入合计的比重由1.92%变为1.45%，下降0.47个百分点。"],
                       moving: "变为1.45%", to: "变为1.95%", finds: ["N502 1.95"])
        XCTAssertEqual(try findings("主要原因是年中报废1辆执法执勤用车，公务用车保有量由4辆减少至3辆。"), [])
        // (A numbered point's number is no part of the name after it: `3.公务接待费：年初预算…` is 公开09's.)
        XCTAssertEqual(try findings("3.公务接待费：年初预算3.00万元，全年预算2.60万元，支出决算2.15万元。"), [])
        XCTAssertEqual(try findings("3.公务接待费：年初预算4.00万元，全年预算2.60万元，支出决算2.15万元。"), ["N501 4.00"])
        XCTAssertEqual(try findings("公务用车保有量由4辆减少至2辆。"), ["N507 2"])
    }

    /// `上年“三公”经费中，A和B分别为…`: a respectively run in a sentence opened by last year's topic
    /// is last year's.
    func testARunUnderLastYearsTopicIsLastYears() throws {
        XCTAssertEqual(try findings("上年“三公”经费中，公务用车购置及运行维护费和公务接待费分别为11.26万元和2.68万元。"), [])
    }
}

/// The veterans probe (公开05: 208 社会保障和就业支出 3,565.04; 20808 抚恤 2,789.67; 20809 退役安置
/// 439.95).
final class ProbeSession37PronounWholeTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-veterans-codes.juesuan"

    /// `本类中，抚恤（款）…占本类支出的78.25%；退役安置（款）…占12.34%`: 本类 is the 类 written before
    /// (by its name), and a sibling's share in the same sentence is of the same whole.
    func testThisClassIsTheClassSpokenOf() throws {
        let sentence = "社会保障和就业支出（类）：决算3565.04万元。本类中，抚恤（款）支出2789.67万元，占本类支出的78.25%；退役安置（款）支出439.95万元，占12.34%。"
        XCTAssertEqual(try findings(sentence), [])
        XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "78.25%", with: "78.75%")), ["N502 78.75"])
        XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "12.34%", with: "12.84%")), ["N502 12.84"])
        // Per household, as per head: `户均`.
        XCTAssertEqual(try findings("为全县263户义务兵家庭发放优待金368.20万元，户均1.40万元。"), [])
        XCTAssertEqual(try findings("为全县263户义务兵家庭发放优待金368.20万元，户均1.50万元。"), ["N516 1.50"])
        // An amount per head is no whole of parts.
        XCTAssertEqual(try findings("全年为126名自主就业退役士兵发放一次性经济补助，人均2.53万元（含使用上年结转资金12.50万元）。"), [])
    }
}

/// The small archive probe (公开03: 本年支出合计 154.44, 基本支出 119.66, 项目支出 34.78; 公开09
/// 公务接待费 决算 0.18, 全年预算 0.50, 国内公务接待 3 批次 21 人次).
final class ProbeSession37ArchiveTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-archives-small.juesuan"

    /// `占本年支出合计（154.44万元）的77.5%`, `占本年支出合计154.44万元的77.5%`: the amount written in the
    /// share's words is its whole — no part of the list before it, nor of the share.
    func testAWholeWrittenInTheSharesWordsIsTheWhole() throws {
        try assertEach(["本年支出合计154.44万元。其中：基本支出119.66万元，占本年支出合计（154.44万元）的77.5%；项目支出34.78万元，占22.5%。",
                        "本年支出合计154.44万元，其中基本支出119.66万元，占本年支出合计154.44万元的77.5%。"],
                       moving: "77.5%", to: "78.5%", finds: ["N502 78.5"])
    }

    /// People served by the unit (`接待查档群众1260人次`) are no official reception of 公开09.
    func testPeopleServedAreNoOfficialReception() throws {
        XCTAssertEqual(try findings("全年接待查档群众1260人次，出具档案证明830份。"), [])
        XCTAssertEqual(try findings("全年国内公务接待3批次、22人次。"), ["N507 22"])
        XCTAssertEqual(try findings("全年接待3批次、22人次。"), ["N507 22"])
    }

    /// `完成全年预算的36.0%，节约0.32万元`: the verb alone in its clause is a difference from the
    /// budget (公开09's), not an amount of its own.
    func testABareVerbOfSavingIsADifferenceFromTheBudget() throws {
        XCTAssertEqual(try findings("3.公务接待费。决算0.18万元（即1800元），完成全年预算的36.0%，节约0.32万元。"), [])
    }
}

/// The merged education probe (公开05: 205 教育支出 36,257.35; 2050202 小学教育 17,583.21).
final class ProbeSession37EducationTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education-merged.juesuan"

    /// Items under a topic of one income (`事业收入按支出功能分类科目划分：学前教育（项）…`) are that
    /// income spent on them, not their spending.
    func testItemsUnderAnIncomeAreThatIncome() throws {
        XCTAssertEqual(try findings("事业收入按支出功能分类科目划分：学前教育（项）1,057.00万元、小学教育（项）168.25万元、初中教育（项）142.60万元。"), [])
    }

    /// `…等6个项合计1,862.53万元，占5.14%`: the sum of the items counted, of the whole the sentence's
    /// other shares are of.
    func testASumOfCountedItemsIsNoneOfThem() throws {
        let sentence = "教育支出36,257.35万元，其中：小学教育（项）17,583.21万元，占教育支出的48.50%；其余行政运行、一般行政管理事务、教师进修等6个项合计1,862.53万元，占5.14%。"
        XCTAssertEqual(try findings(sentence), [])
        XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "占5.14%", with: "占6.14%")), ["N502 6.14"])
    }
}

/// The land-fund probe (绩效「国土空间总体规划编制经费」: 总分 98.71).
final class ProbeSession37ProjectScoreTests: XCTestCase {
    /// `1.X项目。全年预算数…；项目自评得分98.71分`: 项目 opening a clause is the project spoken of,
    /// no other project's name.
    func testAProjectsOwnScoreAfterASemicolon() throws {
        let report = try readFixture("probe-land-fund.juesuan")
        let sentence = "预算执行率94.91%；项目自评得分98.71分"
        XCTAssertTrue(report.contains(sentence))
        let moved = Analysis(text: report.replacingOccurrences(of: sentence, with: "预算执行率94.91%；项目自评得分99.71分"))
        XCTAssertEqual(moved.diagnostics.filter { $0.severity == .error }.map { "\($0.code) \(moved.text(of: $0))" }, ["P607 99.71"])
        XCTAssertFalse(ProjectNarrativeCheck.namesOtherProject("全年预算数196.40万元；项目自评得分"))
        XCTAssertTrue(ProjectNarrativeCheck.namesOtherProject("诉讼服务经费项目自评得分"))
    }
}
