import XCTest
@testable import JuesuanChecks
@testable import JuesuanModel

import JuesuanSyntax

/// Session 38's readings on the merged education bureau's tables (公开01 本年支出合计 48,574.97).
final class ProbeSession38PerStudentTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education-merged.juesuan"

    /// `生均`: an amount per student is the amount ÷ the students counted, not ÷ the staff
    /// counted nearer to it.
    func testAnAmountPerStudentIsOverTheStudents() throws {
        let sentences = [
            "本年支出合计48,574.97万元，全县在校学生52,000人，生均支出9,341.34元。",
            "全县在校学生52,000人、教职工3,900人，本年支出合计48,574.97万元，生均支出9,341.34元。",
            "本年支出合计48,574.97万元，按在校生52,000名计算，平均每名学生支出9,341.34元。",
        ]
        try assertEach(sentences, moving: "9,341.34元", to: "9,342.34元", finds: ["N516 9,342.34"])
        // Per member of staff, the staff.
        try assertEach(["全县在校学生52,000人、教职工3,900人，本年支出合计48,574.97万元，人均支出12.46万元。"],
                       moving: "12.46万元", to: "13.46万元", finds: ["N516 13.46"])
        // No students counted: not judged (the staff are not the students).
        XCTAssertEqual(try findings("教职工3,900人，本年支出合计48,574.97万元，生均支出9,341.34元。"), [])
    }

    /// In a paragraph about an item, an amount per student of spending is of the item's actual
    /// amount (2050202 小学教育 17,583.21), not of the tables' totals.
    func testAnAmountPerStudentOfAnItemIsOfItsActual() throws {
        let sentences = [
            "普通教育（款）小学教育（项）：年初预算16,862.30万元，决算数17,583.21万元。按小学在校生14,583人计算，生均一般公共预算财政拨款支出12,057.33元。",
            "小学教育（项）支出决算为17,583.21万元，全年小学在校学生14,583人，生均支出12,057.33元。",
        ]
        try assertEach(sentences, moving: "12,057.33元", to: "12,058.33元", finds: ["N516 12,058.33"])
        // An amount per head of something else the paragraph does not write is not judged.
        XCTAssertEqual(try findings("小学教育（项）支出决算为17,583.21万元，培训学员5,236人次，人均培训费用938.50元。"), [])
    }
}

/// The audit probe (公开01 本年支出合计 595.81).
final class ProbeSession38RestatementTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-audit-ratios.juesuan"

    /// An amount written again in another unit, alone in a bracket after it: one amount, two
    /// values when its digits are not that amount (N518), whichever bracket of a list it is in.
    func testAnAmountRestatedInAnotherUnitMustBeThatAmount() throws {
        try assertEach(["本年支出合计595.81万元（5,958,100.00元），其中基本支出434.61万元（4,346,100.00元），项目支出161.20万元（1,612,000.00元）。"],
                       moving: "4,346,100", to: "4,346,200", finds: ["N518 4,346,200.00"])
        try assertEach(["本年支出合计595.81万元，其中：基本支出434.61万元（折合4,346,100元），项目支出161.20万元（折合1,612,000元）。",
                        "基本支出434.61万元（4,346,100元）。"],
                       moving: "4,346,100", to: "4,346,200", finds: ["N518 4,346,200"])
        try assertEach(["本年支出合计595.81万元（约0.06亿元）。", "本年支出合计595.81万元（0.06亿元）。"],
                       moving: "0.06亿元", to: "0.07亿元", finds: ["N518 0.07"])
        let messages = try ProbeProse(Self.probe).findingMessages("本年支出合计595.81万元（5,958,200.00元）。")
        XCTAssertEqual(messages, ["括号中是前面的“本年支出合计” 595.81万元换算为元，应为 5958100.00元，写的是 5,958,200.00元，相差 +100.00：同一金额两处不一致"])
        // Other words in the bracket make it another figure (last year's here), not the amount again.
        XCTAssertEqual(try findings("本年支出合计595.81万元（上年5,000,000.00元）。"), [])
        // The amount itself wrong: that is N501's, once.
        XCTAssertEqual(try findings("本年支出合计596.81万元（5,968,100.00元）。"), ["N501 596.81"])
    }
}

/// The city court probe (2040501 行政运行 4,815.62, 204 公共安全支出 6,695.95; 公开10 执法执勤用车 8).
final class ProbeSession38CourtTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-city-court.juesuan"

    /// A car renewed, moved in or out in the year is no count of the fleet of its kind.
    func testACarRenewedIsNoCountOfTheFleet() throws {
        for sentence in ["主要原因是追加执行专项经费并按计划更新执法执勤用车1辆。", "年内调入执法执勤用车2辆，用于执行工作。",
                         "按照车改要求，划转执法执勤用车3辆。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        // The fleet of that kind still is.
        try assertEach(["截至年底，本院共有执法执勤用车8辆。"], moving: "8辆", to: "9辆", finds: ["N507 9"])
    }

    /// `财政拨款收入方面，…；财政拨款支出方面，…`: the appropriations' own amounts, named by themselves.
    func testAnAspectOfTheAppropriationsKeepsTheirOwnNames() throws {
        let sentences = [
            "财政拨款收入方面，本年一般公共预算财政拨款收入8651.71万元，年初财政拨款结转和结余72.15万元；财政拨款支出方面，本年支出8648.56万元。",
            "在财政拨款收入方面，一般公共预算财政拨款收入8651.71万元。",
        ]
        try assertEach(sentences, moving: "8651.71", to: "8652.71", finds: ["N501 8652.71"])
        try assertEach(["财政拨款收入方面，年初财政拨款结转和结余72.15万元；财政拨款支出方面，本年支出8648.56万元，年末财政拨款结转和结余75.30万元。"],
                       moving: "8648.56", to: "8649.56", finds: ["N501 8649.56"])
    }

    /// A `其中` list whose every part has its share is all of its whole only when the shares add
    /// up to it; a list of what the whole went on (`主要用于`) is all of it.
    func testSharesAddingUpToLessThanTheWholeMakeAListPartial() throws {
        XCTAssertEqual(try findings("公共安全支出6695.95万元，全部为法院（款）支出，其中：行政运行4815.62万元，占71.92%；案件审判、案件执行和“两庭”建设三项业务支出合计1366.32万元，占20.41%。"), [])
        XCTAssertEqual(try findings("公共安全支出6,695.95万元，其中行政运行4,815.62万元（占71.92%），业务支出1,366.32万元（占20.41%）。"), [])
        // Shares adding up to the whole: the parts must.
        try assertEach(["公共安全支出6695.95万元，其中：行政运行4815.62万元，占71.92%；其他各项支出1880.33万元，占28.08%。"],
                       moving: "1880.33", to: "1780.33", finds: ["N504 6695.95", "N502 28.08"])
        // Parts beyond the whole always are an error (and so are shares beyond 100%).
        XCTAssertEqual(try findings("公共安全支出6695.95万元，其中：行政运行4815.62万元，占71.92%；业务支出2366.32万元，占35.34%。"),
                       ["N504 6695.95", "N508 35.34"])
    }
}

/// The vocational college probe (612 staff).
final class ProbeSession38CollegeTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-vocational-college.juesuan"

    /// Parts of a count joined by 、 end at a `；`: the count after it is another whole's.
    func testACountListJoinedByCommasEndsAtASemicolon() throws {
        let sentences = [
            "学院有教职工612人，其中在编人员538人、编外聘用人员74人；专任教师486人，其中具有高级职称的173人。",
            "全院教职工612人，其中：在编538人、编外74人；另有专任教师486人。",
        ]
        try assertEach(sentences, moving: "538人", to: "638人", finds: ["N504 612"])
        // Parts each after a `；` go on past it.
        XCTAssertEqual(try findings("学院有教职工612人，其中在编人员538人；编外聘用人员74人；外聘教师30人。"), ["N504 612"])
    }

    /// An institution calls itself by its kind (`学院`): no qualifier of the report's totals.
    func testAnInstitutionNamedByItsKindIsTheDepartment() throws {
        try assertEach(["2024年度学院收入总计21407.32万元、支出总计21407.32万元。", "本年度全院收入总计21407.32万元。"],
                       moving: "收入总计21407.32", to: "收入总计21408.32", finds: ["N501 21408.32"])
    }

    /// History of the unit names past years for what they were.
    func testHistoryNamesPastYears() {
        for sentence in ["学院前身为1958年创办的工业学校，2003年经省人民政府批准改建为高等职业院校。",
                         "学校始建于1985年，2001年更名为现名。", "2006年，原卫生学校并入本院。"] {
            XCTAssertEqual(proseOnly(sentence).filter { $0.hasPrefix("T801") }, [], sentence)
        }
        XCTAssertFalse(proseOnly("2003年完成政府采购支出12.00万元。").filter { $0.hasPrefix("T801") }.isEmpty)
    }
}

/// The county emergency bureau probe (本年支出合计 1,405.71; 财政拨款 1,401.51; 公开06 人员经费
/// 439.66, 公用经费 63.20; 一般公共预算财政拨款基本支出 502.86).
final class ProbeSession38EmergencyTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-county-emergency.juesuan"

    /// `本年支出中财政拨款支出…，占x%`: a part named inside its whole is a share of that whole.
    func testAPartNamedInsideItsWholeIsAShareOfIt() throws {
        let sentences = [
            "从资金来源看，本年支出中财政拨款支出1401.51万元，占99.70%；非财政拨款资金安排的支出4.20万元，占0.30%。",
            "本年支出中财政拨款支出1,401.51万元，占99.70%。",
        ]
        try assertEach(sentences, moving: "99.70%", to: "98.70%", finds: ["N502 98.70"])
    }

    /// `X占a%，Y占b%` with no amounts: each part's share of the whole named before, from the tables.
    func testSharesOfPartsWithoutAmountsAreOfTheWholeNamedBefore() throws {
        let sentences = [
            "从资金性质看，一般公共预算财政拨款收入占本年收入合计的99.16%，政府性基金预算财政拨款收入占0.57%，其他收入占0.26%。",
            "本年收入合计1393.66万元，其中政府性基金预算财政拨款收入占0.57%，其他收入占0.26%。",
        ]
        try assertEach(sentences, moving: "0.57%", to: "1.57%", finds: ["N502 1.57"])
    }

    /// A change after a respectively run of an amount's parts is that amount's; after another
    /// run it is not judged.
    func testAChangeAfterTheRunOfAWholesPartsIsTheWholes() throws {
        let sentences = [
            "2024年度一般公共预算财政拨款基本支出502.86万元，人员经费和公用经费分别为439.66万元和63.20万元，较上年增加15.94万元，增长3.27%。",
            "基本支出502.86万元，其中人员经费、公用经费分别为439.66万元、63.20万元，比上年增加15.94万元，增长3.27%。",
        ]
        try assertEach(sentences, moving: "3.27%", to: "4.27%", finds: ["N503 4.27"])
    }
}

/// The city statistics probe (公开05 20105 统计信息事务 1,105.87, 2010502 一般行政管理事务 46.30;
/// 公开06 30209 物业管理费 18.60).
final class ProbeSession38StatisticsTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-city-statistics.juesuan"

    /// An item's code in brackets with its level and 支出 after it (`（20105）款支出`), and an
    /// economic 款's code after its name in a paragraph of basic spending.
    func testCodesInBracketsAfterNames() throws {
        try assertEach(["统计信息事务（20105）款支出1105.87万元，其中：行政运行（2010501）474.44万元。",
                        "统计信息事务(20105)款1105.87万元。"],
                       moving: "1105.87", to: "1106.87", finds: ["N501 1106.87"])
        try assertEach(["一般公共预算财政拨款基本支出中，商品和服务支出中金额较大的有：物业管理费（30209）18.60万元。"],
                       moving: "18.60", to: "19.60", finds: ["N501 19.60"])
        // A code that is not the row's is not taken for the row.
        XCTAssertEqual(try findings("一般公共预算财政拨款基本支出中，商品和服务支出中金额较大的有：物业管理费（30201）19.60万元。"), [])
    }

    /// `X年初预算、调整预算和支出决算分别为…`: the measures of one item, named with or without its code.
    func testARespectivelyRunOfMeasuresOfOneItem() throws {
        let sentences = [
            "一般行政管理事务（2010502）年初预算、调整预算和支出决算分别为40.00万元、48.00万元和46.30万元。",
            "一般行政管理事务年初预算、调整预算、决算数分别为40.00万元、48.00万元、46.30万元。",
        ]
        try assertEach(sentences, moving: "46.30", to: "47.30", finds: ["N501 47.30"])
    }

    /// `98.64万元（2023年度为101.27万元），…减少2.63万元`: last year's amount named by its year.
    func testLastYearsAmountNamedByItsYear() throws {
        try assertEach(["机关运行经费支出98.64万元（2023年101.27万元），比2023年减少2.63万元。"], moving: "2.63万元", to: "3.63万元", finds: ["N503 3.63"])
        // (With a rate before it, the rate no longer agrees with the change either.)
        try assertEach(["机关运行经费支出98.64万元（2023年度为101.27万元），与2023年度相比下降2.6%，减少2.63万元。"],
                       moving: "2.63万元", to: "3.63万元", finds: ["N503 2.6", "N503 3.63"])
        XCTAssertTrue(NarrativeChangeCheck.namesYearOnly("2023年度为"))
        XCTAssertFalse(NarrativeChangeCheck.namesYearOnly("2023年度支出"))
    }
}

/// The foreign affairs office probe (公开09: “三公” 92.50 / 83.50 / 75.83; 因公出国（境）费 57.36, 6
/// 团组, 27 人次; 公务接待费 12.63, 国内 31 批次 268 人次).
final class ProbeSession38ForeignAffairsTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-foreign-affairs.juesuan"

    /// Last year's completion rate is no rate of this year's figures.
    func testLastYearsCompletionRateIsNotJudged() throws {
        try assertEach(["“三公”经费全年预算83.50万元，支出决算75.83万元，完成全年预算的90.81%，预算完成率较上年的88.20%提高2.61个百分点。"],
                       moving: "90.81%", to: "91.81%", finds: ["N505 91.81", "N503 2.61"])
    }

    /// A difference from the budget that names its amount is of that amount, not of the
    /// respectively run's first head in the sentence before.
    func testADifferenceNamingItsAmountIsOfThatAmount() throws {
        let sentences = [
            "“三公”经费年初预算92.50万元，支出决算75.83万元。因公出国（境）费、公务接待费分别为57.36万元和12.63万元。与年初预算相比，“三公”经费支出减少16.67万元。",
        ]
        try assertEach(sentences, moving: "16.67", to: "17.67", finds: ["N503 17.67"])
    }

    /// Trips: an average per group (`平均每个团组`), a count per group that is no count of people,
    /// a part of the trips after `其中`, and last year's counts joined by 、.
    func testTripsAveragesPartsAndLastYear() throws {
        let sentence = "因公出国（境）费支出57.36万元，全年共组派团组6个、27人次，平均每个团组9.56万元、每团4.5人，人均2.12万元；其中，市领导率团出访2个团组、11人次；上年为5个团组、19人次。"
        try assertEach([sentence], moving: "9.56万元", to: "10.56万元", finds: ["N516 10.56"])
        try assertEach([sentence], moving: "2.12万元", to: "3.12万元", finds: ["N516 3.12"])
        try assertEach([sentence], moving: "团组6个", to: "团组7个", finds: ["N507 7", "N516 9.56"])
    }

    /// An average a figure came to (`人均…由上年的495元降至471元`) is no whole of the parts after it;
    /// counts in a bracket of parts are no totals of a table.
    func testAnAverageCameToIsNoWholeAndPartsInABracketAreNoTotals() throws {
        XCTAssertEqual(try findings("全年国内公务接待31批次、268人次，人均接待费用由上年的495元降至471元；按接待类型分，国内接待费12.63万元（其中外事接待费9.37万元，接待外国政府代表团等19批次、146人次），国（境）外接待费0万元。"), [])
    }

    /// The staff of one part (`本级在职人员29人`) is another fact than the department's.
    func testTheStaffOfAPartIsAnotherFact() throws {
        XCTAssertEqual(try findings("实有在职人员41人（其中本级29人、市外事服务中心12人）。按本级在职人员29人计算，人均机关运行经费6.08万元。").filter { $0.hasPrefix("N509") }, [])
        XCTAssertEqual(try findings("实有在职人员41人。全年在职人员42人。").filter { $0.hasPrefix("N509") }, ["N509 42"])
    }
}

/// The culture and tourism probe (204 文化旅游体育与传媒; 2070102 … 126.35).
final class ProbeSession38CultureTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-culture-tourism.juesuan"

    /// `调整预算为B万元（较年初预算增加X万元）`: the difference of the two budgets.
    func testABracketAfterAnAdjustedBudgetComparesTheBudgets() throws {
        let sentences = [
            "图书馆（项）支出决算为1060.82万元，年初预算为1002.50万元，调整预算为1068.40万元（较年初预算增加65.90万元），完成调整预算的99.29%。",
            "年初预算1002.50万元，全年预算1068.40万元（比年初预算增加65.90万元）。",
        ]
        try assertEach(sentences, moving: "65.90", to: "66.90", finds: ["N503 66.90"])
    }

    /// Parts joined by 、 end at a `；` when what follows is no part of the whole.
    func testAnAmountListJoinedByCommasEndsAtASemicolon() throws {
        XCTAssertEqual(try findings("财政拨款收入方面，本年收入5241.98万元，其中一般公共预算财政拨款5091.98万元、政府性基金预算财政拨款150.00万元；年初财政拨款结转和结余55.60万元。"), [])
    }

    /// `有所` is a word, not a body's name ending in 所.
    func testYouSuoIsNoName() {
        XCTAssertEqual(proseOnly("决算数略低于调整预算，主要原因是厉行节约，公用经费有所结余。").filter { $0.hasPrefix("T803") }, [])
    }
}

/// The state assets commission probe (公开04 本年支出合计 7,059.42; 公开08 合计 5,012.00).
final class ProbeSession38StateAssetsTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-sasac-capital.juesuan"

    /// The actual of a completion is not an amount after it in a reason; a sentence opened by
    /// what an amount is made of is about that amount.
    func testTheActualOfACompletion() throws {
        try assertEach(["财政拨款本年支出7059.42万元。财政拨款本年支出年初预算为7282.82万元，决算数完成年初预算的96.93%，未达到年初预算的主要原因是项目按进度拨付，300.00万元结转下年。"],
                       moving: "96.93%", to: "97.93%", finds: ["N505 97.93"])
        try assertEach(["国有资本经营预算财政拨款收入5312.00万元，支出5012.00万元。国有资本经营预算财政拨款支出全部为项目支出，比上年增加255.70万元；年初预算5290.00万元，调整预算5312.00万元，完成年初预算的94.74%、调整预算的94.35%。",
                        "国有资本经营预算财政拨款收入5312.00万元，支出5012.00万元。国有资本经营预算财政拨款支出均为项目支出，年初预算5290.00万元，完成年初预算的94.74%、调整预算的94.35%。"],
                       moving: "94.74%", to: "95.74%", finds: ["N505 95.74"])
    }
}

/// The water bureau probe (公开06 人员经费 3,924.90, 公用经费 507.40; 公开09 全年预算数 0.00 /
/// 80.60 / 11.00).
final class ProbeSession38WaterTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-water-bureau.juesuan"

    /// A `分别` run of rates pairs with the run of changes before it, in order.
    func testARunOfRatesPairsWithTheRunOfChanges() throws {
        for sentence in ["人员经费、公用经费较上年分别增加212.45万元、减少14.50万元，分别增长5.72%和下降2.78%。",
                         "人员经费和公用经费分别比上年增加212.45万元和减少14.50万元，分别增长5.72%、下降2.78%。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
            XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "2.78%", with: "3.78%")), ["N503 3.78"], sentence)
        }
    }

    /// `…的年初预算分别为A、B、C万元，…调整为D、E、F万元`: the same heads' adjusted budgets.
    func testARunOfAdjustedBudgetsHasTheHeadsBefore() throws {
        try assertEach(["因公出国（境）费、公务用车购置及运行维护费、公务接待费的年初预算分别为0、83.00、12.00万元，年度执行中根据工作需要调整为0、80.60、11.00万元。",
                        "因公出国（境）费、公务用车购置及运行维护费和公务接待费年初预算分别为0、83.00和12.00万元，年中分别调整为0、80.60和11.00万元。"],
                       moving: "11.00", to: "12.00", finds: ["N501 12.00"])
    }
}

/// The traffic police probe (公开01 本年支出合计 34,688.41; 公开05 2040201 行政运行 13,849.77;
/// 公开04 总计 35,055.56).
final class ProbeSession38NumbersFirstTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-traffic-police.juesuan"

    /// A figure written before its name (`X万元，为Y`, `X万元用于Y`) is what the name says; when
    /// the reader does not know the name, nothing (never the section's topic), and so are the
    /// measures alone after it in its sentence.
    func testAFigureBeforeItsName() throws {
        try assertEach(["34,688.41万元，为2024年度本年支出合计，比上年有所增加。"], moving: "34,688.41", to: "34,689.41", finds: ["N501 34,689.41"])
        try assertEach(["（1）13,849.77万元，为公安（款）行政运行（项）支出决算数。", "13,849.77万元用于行政运行（项）。"],
                       moving: "13,849.77", to: "13,850.77", finds: ["N501 13,850.77"])
        XCTAssertEqual(try findings("35,055.56万元，为2024年度财政拨款收、支总计。"), [])
        XCTAssertEqual(try findings("（1）124.86万元用于公务用车购置，年初预算130.00万元，全年预算126.00万元。"), [])
    }

    /// Cars disposed of after the count (`9辆执法执勤用车办理了报废处置`) are no fleet.
    func testCarsDisposedOfAfterTheCount() throws {
        XCTAssertEqual(try findings("对超过使用年限、无修复价值的9辆执法执勤用车办理了报废处置。"), [])
    }
}

/// The township probe (公开09: 公务接待费 4.00 / 3.50 / 3.26; 合计 10.00 / 9.50 / 8.38).
final class ProbeSession38RecordsTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-township-records.juesuan"

    /// `项目：X；年初预算：…；决算：…`: the record's name field names what its figures are of; a
    /// key of last year (`上年金额：`) makes its figure last year's.
    func testARecordsNameFieldNamesItsFigures() throws {
        try assertEach(["3.项目：公务接待费；年初预算：4.00万元；全年预算：3.50万元；决算：3.26万元；同比减少0.58万元。",
                        "科目：公务接待费；全年预算：3.50万元；决算：3.26万元。"],
                       moving: "决算：3.26", to: "决算：3.36", finds: ["N501 3.36"])
        XCTAssertEqual(try findings("项目：机关运行经费；金额：89.23万元；上年金额：94.16万元。"), [])
    }

    /// An item of the classification (`农业生产发展（项）`) is not the project named like it.
    func testAnItemIsNotTheProjectNamedLikeIt() {
        XCTAssertTrue(ProjectNarrativeCheck.namesItemNotProject("（2）农业农村（款）农业生产发展（项）：支出决算85.30万元。", project: "农业生产发展项目"))
        XCTAssertFalse(ProjectNarrativeCheck.namesItemNotProject("农业生产发展项目自评得分95分，农业生产发展（项）…", project: "农业生产发展项目"))
    }
}

/// The city archives probe (一般公共预算财政拨款支出 1,183.23).
final class ProbeSession38NestedShareTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-city-archives.juesuan"

    /// Shares of the parts of a list whose whole has its share of the total right before: of that
    /// total when they are none of the list's whole.
    func testSharesInsideAListOfAnItemWithItsOwnShare() throws {
        let sentence = "卫生健康支出（类）行政事业单位医疗（款）。决算46.16万元，占3.90%，其中：行政单位医疗（项）36.52万元，占3.09%；公务员医疗补助（项）9.64万元，占0.81%。"
        XCTAssertEqual(try findings(sentence), [])
        // (A share moved breaks the agreement of the sentence's shares of one whole: reported there.)
        XCTAssertTrue(try findings(sentence.replacingOccurrences(of: "占3.09%", with: "占4.09%")).contains("N502 4.09"))
    }
}

/// The county health probe (公开01 总计 7,921.57; 公开09 国内公务接待 18 批次, 126 人次).
final class ProbeSession38HealthTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-county-health.juesuan"

    /// `收、支总计增减额均为…`: the change of both totals, not the totals.
    func testTheChangeOfBothTotalsIsNoTotal() throws {
        XCTAssertEqual(try findings("与上年相比，收、支总计增减额均为469.39万元，增减率均为6.30%。"), [])
        // The totals themselves still are.
        try assertEach(["收、支总计均为7,921.57万元。"], moving: "7,921.57", to: "7,922.57", finds: ["N501 7,922.57", "N501 7,922.57"])
    }

    /// Receptions after `其中` are a part of those counted before, no total of 公开09.
    func testReceptionsAfterQiZhongArePartsOfTheReceptions() throws {
        let sentence = "全部为国内公务接待，共接待18批次、126人次；其中外事接待1批次、6人次。"
        XCTAssertEqual(try findings(sentence), [])
        XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "18批次", with: "19批次")), ["N507 19"])
    }
}

/// The state capital probe (公开08 22302 国有企业资本金注入 3,500.00).
final class ProbeSession38StateCapitalTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-sasac-capital.juesuan"

    /// In a section of one fund, an item by its code is that fund's table's row.
    func testAnItemInAFundsSectionIsThatFundsRow() throws {
        try assertEach(["国有资本经营预算财政拨款支出中，国有企业资本金注入（款）3,500.00万元。"],
                       moving: "3,500.00", to: "3,501.00", finds: ["N501 3,501.00"])
    }
}

/// The township probe (公开01 其他收入 6.30, 政府性基金预算财政拨款收入 0.00).
final class ProbeSession38ZeroTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-township-records.juesuan"

    /// `X为0` with no unit is a zero of the tables' unit: judged as any amount.
    func testAZeroWrittenWithoutAUnit() throws {
        XCTAssertEqual(try findings("政府性基金预算财政拨款收入为0，上缴上级支出、经营支出、对附属单位补助支出均为0。"), [])
        XCTAssertEqual(try findings("本年其他收入为0。"), ["N501 0"])
        XCTAssertEqual(try findings("政府性基金预算财政拨款收入、其他收入均为0。"), ["N501 0"])
        // (Not a zero that is no amount: `增长率为0`, `为0.5`.)
        XCTAssertEqual(try findings("其他收入增长率为0，结余分配为0.5。"), [])
    }
}
