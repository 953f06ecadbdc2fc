import XCTest
@testable import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// Session 34's readings, each in wordings of our own on the education probe's tables (公开08:
/// 人员经费 2,246.76, 公用经费 234.47).
final class ProbeSession34Tests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// A respectively clause whose changes come in groups, one per head (`A和B分别比上年增加a，
    /// 增长x%和减少b，下降y%`): each group is its head's, not one change of both (the offices
    /// bureau's `人员经费和公用经费分别比上年增加247.68万元，增长5.74%和减少71.67万元，下降5.55%`).
    func testChangesInGroupsOnePerHeadAreEachHeads() throws {
        // 人员经费 +120.00 from 2,126.76 (5.64%); 公用经费 −15.53 from 250.00 (6.21%).
        let sentences = [
            "人员经费和公用经费分别比上年增加120.00万元，增长5.64%和减少15.53万元，下降6.21%。",
            "人员经费、公用经费分别较上年增加120.00万元、增长5.64%；减少15.53万元、下降6.21%。",
            "人员经费与公用经费分别比上年增长5.64%（增加120.00万元）和下降6.21%（减少15.53万元）。",
        ]
        try assertEach(sentences, moving: "5.64%", to: "5.74%", finds: ["N503 5.74"])
        try assertEach(sentences, moving: "6.21%", to: "6.11%", finds: ["N503 6.11"])
        // A change of another subject after a `；` opens no group: the one change is both heads'.
        // (公开06 商品和服务支出 218.47: −15.53 from 234.00 is 6.64%.)
        try assertEach(["人员经费和公用经费分别比上年增加120.00万元；商品和服务支出减少15.53万元，下降6.64%。"],
                       moving: "6.64", to: "6.21", finds: ["N503 6.21"])
    }
}

/// Session 34's probes (a county procuratorate, a city trade union federation, a county petitions
/// bureau, a county meteorological bureau), each reading in wordings of our own on the education
/// probe's tables (公开09: 公务接待费 3.36, 12批次 86人次; 公开01 总计 3,283.80; 公开04 年末财政
/// 拨款结转和结余 26.50; 公开08 人员经费 2,246.76).
final class ProbeSession34SecondRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// Last year's counts in a bracket after this year's are no parts of them (three probes).
    func testLastYearsCountsInABracketAreNoParts() throws {
        try assertEach(["公务接待费3.36万元，共接待12批次、86人次（上年为15批次、101人次）。",
                        "全年国内公务接待12批86人次（上年同期15批101人次），接待费3.36万元。",
                        "接待86人次（去年101人次），12批次。"],
                       moving: "86人次", to: "87人次", finds: ["N507 87"])
    }

    /// A count in the reason after a change (`主要原因是人员减少2人`) is no change of the amount.
    func testACountChangeInTheReasonIsNoChangeOfTheAmount() throws {
        try assertEach(["人员经费2,246.76万元，比上年2,126.76万元增加120.00万元，主要原因是人员减少2人、工资标准提高。",
                        "人员经费2,246.76万元，较上年2,126.76万元增加120.00万元，原因是在职人员虽减少2人，但调资后人均工资提高。"],
                       moving: "增加120.00", to: "增加121.00", finds: ["N503 121.00"])
    }

    /// `跟上年比，` / `同去年比较，` compare with last year as `与上年相比，` does.
    func testComparingWordsOfEverydaySpeechNameLastYear() throws {
        // 总计 3,283.80 from 3,100.00: +183.80, 5.93%.
        try assertEach(["2024年度收、支总计均为3,283.80万元。跟上年比，收、支总计各增加183.80万元，增长5.93%。",
                        "收、支总计均为3,283.80万元，同去年比较，各增加183.80万元，增长5.93%。",
                        "收支总计3,283.80万元，和去年比增加183.80万元，增长5.93%。"],
                       moving: "5.93%", to: "6.93%", finds: ["N503 6.93"])
    }

    /// `A和B分别结转x万元和y万元`: what each carried over, not its spending.
    func testWhatEachHeadCarriedOverIsNotItsAmount() throws {
        let sentence = "年末财政拨款结转和结余26.50万元，其中小学教育和初中教育分别结转16.50万元和10.00万元。"
        XCTAssertEqual(try findings(sentence), [], sentence)
        XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "10.00万元", with: "11.00万元")), ["N504 26.50"], sentence)
    }

    /// A total on a line of its own, its parts and shares on the next: the shares are of that
    /// total, and a qualifier written once before the first part is the others' too.
    func testSharesOfATotalStatedOnTheLineBefore() throws {
        for parts in ["其中：政府采购货物支出、工程支出和服务支出分别为300.00万元、0.00万元和200.00万元，分别占60.00%、0.00%和40.00%。",
                      "按采购类型分，政府采购货物支出300.00万元，占60.00%；政府采购服务支出200.00万元，占40.00%。"] {
            let prose = "政府采购支出总额500.00万元。\n" + parts
            XCTAssertEqual(try findings(prose), [], prose)
            XCTAssertEqual(try findings(prose.replacingOccurrences(of: "60.00%", with: "61.00%")), ["N502 61.00", "N508 40.00"], prose)
        }
    }

    /// A share that names its whole, of a part whose amount is written paragraphs before in the
    /// section, by name or as the known name opening the sentence; a change of a total written
    /// two paragraphs before (the meteorological bureau's misses).
    func testAShareOrChangeOfAnAmountWrittenParagraphsBefore() throws {
        let split = "基本支出2,481.23万元，其中：人员经费2,246.76万元，公用经费234.47万元。\n"
        try assertEach([split + "人员经费主要包括基本工资、津贴补贴、绩效工资和社会保障缴费等，占基本支出的90.55%。",
                        split + "这一年工资标准调整。\n人员经费占基本支出的比重为90.55%。"],
                       moving: "90.55", to: "91.55", finds: ["N502 91.55"])
        let procurement = "政府采购支出总额500.00万元，其中：政府采购货物支出300.00万元，政府采购服务支出200.00万元。\n"
        try assertEach([procurement + "政府采购货物支出占政府采购支出总额的60.00%，主要为教学设备。"],
                       moving: "60.00%", to: "61.00%", finds: ["N502 61.00"])
        try assertEach([procurement + "采购主要为教学设备和物业服务。\n政府采购支出总额比上年增加20.00万元，增长4.17%。"],
                       moving: "4.17", to: "5.17", finds: ["N503 5.17"])
        // A share naming no whole is of its own paragraph's list (of 210.10 here, not 3,186.50).
        let other = "本年收入合计3,186.50万元，其中事业收入186.35万元，其他收入23.75万元。\n非财政拨款收入合计210.10万元，其中事业收入占88.70%。"
        XCTAssertEqual(try findings(other), [], other)
    }

    /// `分别完成年初预算和调整预算的x%和y%`: one actual's completion of each budget named, in
    /// order (the procuratorate's fifty unread figures).
    func testCompletionRatesOfEachBudgetNamedInTurn() throws {
        // 公开09 “三公”经费: 全年预算 30.00, 决算 22.26; a 年初预算 of 32.00 (69.56%, 74.20%).
        let sentences = ["“三公”经费年初预算32.00万元，全年预算30.00万元，支出决算22.26万元，分别完成年初预算和全年预算的69.56%和74.20%。",
                         "“三公”经费年初预算32.00万元，调整预算30.00万元，决算数22.26万元，分别为年初预算、调整预算的69.56%、74.20%。",
                         // (The difference from the 年初预算 is no way to the 调整预算: `年中调整为` is it.)
                         "“三公”经费年初预算32.00万元，年中调整为30.00万元，决算数22.26万元，比年初预算减少9.74万元，分别完成年初预算和调整预算的69.56%和74.20%。"]
        try assertEach(sentences, moving: "69.56%", to: "70.56%", finds: ["N505 70.56"])
        try assertEach(sentences, moving: "74.20%", to: "75.20%", finds: ["N505 75.20"])
    }

    /// Last year's amount in a bracket after a change (`同比增加A万元（上年为B万元）`) is this
    /// year's less the change; a share in a sentence opened by a change of a known name is of that
    /// name's amount (the trade union's misses).
    func testLastYearInABracketAfterTheChange() throws {
        try assertEach(["2024年度收、支总计均为3,283.80万元，同比增加183.80万元（上年为3,100.00万元），增幅5.93%。",
                        "收支总计3,283.80万元，较上年增加183.80万元（2023年为3,100.00万元）。"],
                       moving: "3,100.00", to: "3,110.00", finds: ["N503 3,110.00"])
        let split = "基本支出2,481.23万元，其中：人员经费2,246.76万元，公用经费234.47万元。\n"
        let sentence = split + "人员经费同比增加120.00万元（上年为2,126.76万元），增幅5.64%，占基本支出的90.55%，主要是调资。"
        try assertEach([sentence], moving: "2,126.76", to: "2,136.76", finds: ["N503 2,136.76"])
        try assertEach([sentence], moving: "90.55", to: "91.55", finds: ["N502 91.55"])
    }
}

/// Session 34's second round of probes (a rural revitalisation bureau, a people's congress office,
/// a grain reserve centre, a party organisation department), each reading in wordings of our own
/// on the education probe's tables (公开01 年初结转和结余 97.30, 公开04 年初财政拨款结转和结余
/// 40.20; 公开05 小学教育 1,240.10; 公开06 公用经费 234.47 = 218.47 + 16.00; 公开09 12批次 86人次).
final class ProbeSession34ThirdRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// `A、B、C分别为a、b、c万元`: every figure before the unit takes it (the first was lost).
    func testEveryFigureBeforeTheUnitTakesIt() throws {
        try assertEach(["社会保障和就业支出、卫生健康支出、住房保障支出分别为301.42、96.55、142.65万元。"],
                       moving: "301.42", to: "302.42", finds: ["N501 302.42"])
        try assertEach(["社会保障和就业支出、卫生健康支出、住房保障支出分别为301.42、96.55、142.65万元。"],
                       moving: "96.55", to: "97.55", finds: ["N501 97.55"])
    }

    /// `非财政拨款资金方面，年初结转和结余…`: the money besides the appropriations, in no table.
    func testTheMoneyBesidesTheAppropriationsIsInNoTable() throws {
        for sentence in ["财政拨款资金方面，年初结转和结余40.20万元，本年收入2,976.40万元；非财政拨款资金方面，年初结转和结余57.10万元，本年收入210.10万元，本年支出230.70万元，年末结转和结余36.50万元。",
                         "非财政拨款方面，年初结转和结余57.10万元，本年收入210.10万元，本年支出230.70万元，年末结转和结余36.50万元。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        // The department's balance named alone is still the table's.
        XCTAssertEqual(try findings("年初结转和结余98.30万元。"), ["N501 98.30"])
    }

    /// `小学教育（项）决算数中使用上年结转资金…`: a part of the item's amount, not it.
    func testAPartOfAnItemsAmountIsNotTheItems() throws {
        let sentence = "小学教育（项）决算数中使用上年结转资金38.16万元，占该项支出的3.08%。"
        XCTAssertEqual(try findings(sentence), [], sentence)
        XCTAssertEqual(try findings("小学教育（项）决算数1,241.10万元。"), ["N501 1,241.10"])
    }

    /// A change after the parts a sentence lists of a whole named with no figure is the whole's.
    func testAChangeAfterThePartsOfANamedWholeIsTheWholes() throws {
        // 公用经费 234.47 from 225.00: +9.47, 4.21%.
        let parts = "公用经费包括商品和服务支出218.47万元和资本性支出16.00万元，比上年增加9.47万元，增长4.21%。"
        XCTAssertEqual(try findings(parts), [], parts)
        try assertEach(["公用经费234.47万元。" + parts], moving: "4.21%", to: "5.21%", finds: ["N503 5.21"])
    }

    /// Last year's counts after a count in words (`十五批次、101人次`) or after a comma.
    func testLastYearsCountsAfterACountInWordsOrAComma() throws {
        try assertEach(["2024年度国内公务接待共十二批次、86人次；2023年度为十五批次、101人次。",
                        "全年接待12批次、86人次。2023年度接待15批次，101人次。",
                        "接待86人次；上年国内公务接待十五批次、101人次。"],
                       moving: "86人次", to: "87人次", finds: ["N507 87"])
    }

    /// In a section of one fund, `比年初` is of that fund's opening balance, not the department's.
    func testAFundsClosingBalanceIsComparedWithItsOwnOpening() {
        let report = """
        部门 某县乡村振兴局
        年度 2024
        单位 万元

        表 公开01 收入支出决算总表
        收入
        一、一般公共预算财政拨款收入  100.00
        二、政府性基金预算财政拨款收入  600.00
        本年收入合计  700.00
        年初结转和结余  205.36
        总计  905.36
        支出
        十二、城乡社区支出  645.30
        十三、农林水支出  83.22
        本年支出合计  728.52
        年末结转和结余  176.84
        总计  905.36

        表 公开07 政府性基金预算财政拨款收入支出决算表
        合计  120.00  600.00  645.30  0.00  645.30  74.70

        说明 十、政府性基金预算财政拨款收入支出决算情况说明
        年末结转和结余74.70万元，比年初减少45.30万元，下降37.75%。

        """
        func errors(_ text: String) -> [String] {
            let analysis = Analysis(text: text)
            return analysis.diagnostics.filter { $0.severity == .error && $0.code.hasPrefix("N") }.map { "\($0.code) \(analysis.text(of: $0))" }
        }
        XCTAssertEqual(errors(report), [])
        // The department's own closing balance is still compared with its own opening one.
        XCTAssertEqual(errors(report.replacingOccurrences(of: "十、政府性基金预算财政拨款收入支出决算情况说明\n年末结转和结余74.70万元，比年初减少45.30万元，下降37.75%。",
                                                          with: "一、收入支出决算总体情况说明\n年末结转和结余176.84万元，比年初减少45.30万元。")),
                       ["N503 45.30"])
    }

    /// A 款 of 公开06 named bare in a paragraph about the appropriations' 人员经费 or 公用经费 (`①基本工资…`,
    /// `办公费、水费分别为…`) is that row's amount; in a paragraph about other money (the running
    /// cost's parts, project spending) it is not compared.
    func testARowOfTheBasicSpendingNamedBareIsThatRows() throws {
        try assertEach(["一般公共预算财政拨款人员经费2,246.76万元，主要包括：①基本工资702.18万元；②津贴补贴410.25万元；③奖金58.60万元。"],
                       moving: "702.18", to: "703.18", finds: ["N501 703.18"])
        try assertEach(["财政拨款基本支出中，公用经费234.47万元，其中办公费、水费、电费分别为52.30、12.40、38.75万元。"],
                       moving: "12.40", to: "13.40", finds: ["N501 13.40"])
        // The department's basic spending of every source (a 事业单位's own income with it) is not 公开06's.
        XCTAssertEqual(try findings("人员经费2,246.76万元，主要包括：①基本工资750.00万元。"), [])
        for sentence in ["机关运行经费80.00万元，主要是压减会议费等一般性支出。其中：办公费40.00万元、电费20.00万元。",
                         "公用经费234.47万元。项目支出中办公费100.00万元。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
    }
}

/// Session 34's third round of probes (a county museum, a public kindergarten, a supply and
/// marketing cooperative, a public resource trading centre), each reading in wordings of our own
/// on the education probe's tables (公开09 “三公”经费 全年预算 30.00, 决算 22.26; 公务用车运行维护费
/// 24.00 / 18.90; 公务接待费 3.36, 12批次 86人次; 公开03 项目支出 579.57; 公开06 人员经费 2,246.76).
final class ProbeSession34FourthRoundTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// A difference from the budget its own words name (`较全年预算节约`), not the first named.
    func testADifferenceIsFromTheBudgetItNames() throws {
        try assertEach(["“三公”经费年初预算32.00万元，全年预算30.00万元，决算22.26万元，较全年预算节约7.74万元。",
                        "“三公”经费全年预算30.00万元（年初预算32.00万元），决算22.26万元，比年初预算节约9.74万元。"],
                       moving: "22.26万元，", to: "22.36万元，", finds: ["N501 22.36"])
        XCTAssertEqual(try findings("“三公”经费年初预算32.00万元，全年预算30.00万元，决算22.26万元，较全年预算节约8.74万元。"), ["N503 8.74"])
    }

    /// `…购置费0万元。…运行维护费年初预算…，全年预算…，决算…`: the actual is the second sentence's item.
    func testAnActualAfterTwoBudgetsIsTheirItems() throws {
        try assertEach(["公务用车购置费0万元。公务用车运行维护费年初预算25.00万元，全年预算24.00万元，决算18.90万元。"],
                       moving: "18.90", to: "19.90", finds: ["N501 19.90"])
    }

    /// The sources a spending was paid from (`其中财政拨款…、事业收入…`) are its parts, not income.
    func testTheSourcesOfASpendingAreItsParts() throws {
        for sentence in ["小学教育（项）支出1,240.10万元，其中财政拨款1,200.00万元、事业收入40.10万元。",
                         "项目支出579.57万元，其中：财政拨款安排388.87万元，事业收入安排190.70万元。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        // The department's own 事业收入 is still the table's.
        XCTAssertEqual(try findings("本年收入合计3,186.50万元，其中事业收入190.70万元。"), ["N501 190.70"])
    }

    /// An amount per head is of the total, not of another amount per something (`次均…`, `生均…`).
    func testAnAmountPerHeadIsNotOfAnotherAverage() throws {
        try assertEach(["公务接待费3.36万元，接待12批次、86人次，次均接待费用2,800.00元，人均390.70元。"],
                       moving: "390.70", to: "410.70", finds: ["N516 410.70"])
    }

    /// `每接待1人次`: the unit a rate is per, no count of 公开09.
    func testTheUnitARateIsPerIsNoCount() throws {
        XCTAssertEqual(try findings("公务接待费3.36万元，每接待1人次约花费390元。"), [])
        XCTAssertEqual(try findings("全年接待87人次。"), ["N507 87"])
    }

    /// `超过X` is at least X, `近X` at most X (narrative.md §4 judges them at their digits: too
    /// narrow for a bound).
    func testBoundsAreJudgedAsBounds() throws {
        for sentence in ["全年项目支出超过500万元。", "全年项目支出逾570万元。", "人员经费近2,250万元。", "人员经费不足2,300万元。"] {
            XCTAssertEqual(try findings(sentence), [], sentence)
        }
        XCTAssertEqual(try findings("全年项目支出超过600万元。"), ["N501 600"])
        XCTAssertEqual(try findings("人员经费近2,200万元。"), ["N501 2,200"])
    }

    /// `其中：基本支出（2,641.23万元），占82.01%`: the amount alone in a bracket is the share's part
    /// (the science association probe); a share of a sum of parts is not added to theirs (N508).
    func testASharesPartInABracketAndASumOfParts() throws {
        try assertEach(["本年支出合计3,220.80万元，其中：基本支出（2,641.23万元），占82.01%；项目支出（579.57万元），占17.99%。"],
                       moving: "82.01", to: "83.01", finds: ["N502 83.01", "N508 17.99"])
        let sum = "本年收入合计3,186.50万元，其中事业收入186.35万元，占5.85%；自有收入（事业收入和其他收入）合计210.10万元，占6.59%。"
        XCTAssertEqual(try findings(sum), [], sum)
    }
}
