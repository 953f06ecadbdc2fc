import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// Readings found by the water bureau probe (session 27, `Fixtures/probe-water.juesuan`): each
/// silent as written, in the probe's wording and in others of our own, and found on the right
/// figure when one is moved.
final class ProbeWaterReadingTests: XCTestCase {
    /// The probe's tables (everything before its first 说明), with its header.
    func waterTables() throws -> String {
        let text = try readFixture("probe-water.juesuan")
        return String(text[..<text.range(of: "\n说明 ")!.lowerBound]) + "\n"
    }

    /// The narrative errors and warnings (N5xx) of the probe's tables with `prose` as their one
    /// 说明. (Text hygiene has its say on some words here: `我院` in a 局's report is T802.)
    func findings(_ prose: String, tables: String? = nil) throws -> [String] {
        let analysis = Analysis(text: try (tables ?? waterTables()) + "\n说明 一、测试\n" + prose + "\n")
        return analysis.diagnostics.filter { ($0.severity == .error || $0.severity == .warning) && $0.code.hasPrefix("N") }
            .map { "\($0.code) \(analysis.text(of: $0))" }
    }

    /// `text` raises nothing; with `from` replaced by `to`, exactly `expected`.
    func assertMoved(_ text: String, _ from: String, _ to: String, finds expected: [String],
                     file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try findings(text), [], text, file: file, line: line)
        XCTAssertEqual(try findings(text.replacingOccurrences(of: from, with: to)), expected, text, file: file, line: line)
    }

    // MARK: The words a department calls itself by

    func testTheDepartmentsWordsForItselfSayNothingOfTheFigure() throws {
        // 收入总计 is 5,360.00: written right, nothing; moved, N501 on it.
        for words in ["我局", "本局", "该局", "我委", "本中心", "我院", "本街道", "我镇", "该单位", "我机关"] {
            for sentence in ["2024年度，\(words)收入总计%@万元。", "\(words)2024年度收入总计为%@万元，支出总计5,360.00万元。"] {
                XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "%@", with: "5,360.00")), [], "\(words): \(sentence)")
                XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "%@", with: "5,361.00")), ["N501 5,361.00"], "\(words): \(sentence)")
            }
        }
    }

    func testAScopeOrAGovernmentBeforeTheNameIsNotTheDepartment() throws {
        // 本级 (without the subordinate units), 我县 (the county's budget), another unit: their
        // figures are other numbers than the report's totals, and are not compared.
        for words in ["本级", "部门本级", "我县", "本市", "县防汛抗旱指挥部办公室"] {
            XCTAssertEqual(try findings("\(words)收入总计5,361.00万元。"), [], words)
        }
    }

    func testTheDepartmentsOwnNameSaysNothingOfTheFigure() throws {
        // The header names 某县水利局; prose writes it whole or from its county or without it.
        for name in ["某县水利局", "县水利局", "水利局"] {
            XCTAssertEqual(try findings("\(name)2024年度收入总计5,360.00万元。"), [], name)
            XCTAssertEqual(try findings("\(name)2024年度收入总计5,361.00万元。"), ["N501 5,361.00"], name)
            XCTAssertEqual(try findings("2024年度，\(name)本年支出合计5,061.00万元，其中基本支出1,460.00万元。"), ["N501 5,061.00"], name)
        }
        // Before the heads of a respectively clause (the prose generator's wording, session 27).
        for name in ["某县水利局", "县水利局", "水利局", "我局"] {
            let both = "\(name)2024年度收、支总计各为5,360.00、5,360.00万元。"
            XCTAssertEqual(try findings(both), [], name)
            XCTAssertEqual(try findings(both.replacingOccurrences(of: "、5,360.00", with: "、5,361.00")), ["N501 5,361.00"], name)
        }
        // With a scope after it, or a unit of its own, it is not the report's figure.
        XCTAssertEqual(try findings("某县水利局（本级）收入总计5,361.00万元。"), [])
        XCTAssertEqual(try findings("水利局下属水文站收入总计5,361.00万元。"), [])
        // A city's bureau: each place's tail is its name too.
        let city = try waterTables().replacingOccurrences(of: "部门 某县水利局", with: "部门 景德镇市珠山区水利局")
        for name in ["珠山区水利局", "区水利局", "景德镇市珠山区水利局"] {
            XCTAssertEqual(try findings("\(name)收入总计5,361.00万元。", tables: city), ["N501 5,361.00"], name)
        }
    }

    // MARK: A sentence about one fund

    func testAFundsBalancesAndTotalsInASentenceAboutItAreTheFunds() throws {
        // 公开07's 合计 row and 公开04's fund column print them: 60.00, 850.00, 800.00, 110.00.
        let sentences = [
            "2024年度政府性基金预算财政拨款年初结转和结余60.00万元，本年收入850.00万元，本年支出800.00万元，年末结转和结余110.00万元。",
            "政府性基金预算财政拨款本年收入850.00万元，本年支出800.00万元；年初结转和结余60.00万元，年末结转和结余110.00万元。",
            "本年度政府性基金预算财政拨款：年初结转和结余60.00万元，本年收入合计850.00万元，本年支出合计800.00万元，年末结转和结余110.00万元。",
        ]
        for sentence in sentences {
            XCTAssertEqual(try findings(sentence), [], sentence)
            for (figure, moved) in [("60.00", "61.00"), ("850.00", "851.00"), ("800.00", "801.00"), ("110.00", "111.00")] {
                XCTAssertEqual(try findings(sentence.replacingOccurrences(of: figure + "万元", with: moved + "万元")), ["N501 \(moved)"], sentence)
            }
        }
        // The state capital budget prints no balances of its own; its spending is 公开04's column (0.00 here).
        XCTAssertEqual(try findings("国有资本经营预算财政拨款本年收入0.00万元，本年支出0.00万元。"), [])
        XCTAssertEqual(try findings("国有资本经营预算财政拨款本年收入0.00万元，本年支出1.00万元。"), ["N501 1.00"])
    }

    func testTheDepartmentsTotalAfterAFundInAListIsTheDepartments() throws {
        // A list of incomes that ends on the department's total: either total may be meant.
        XCTAssertEqual(try findings("一般公共预算财政拨款收入4,236.50万元，政府性基金预算财政拨款收入850.00万元，其他收入63.50万元，本年收入合计5,150.00万元。"), [])
        XCTAssertEqual(try findings("政府性基金预算财政拨款收入850.00万元，占本年收入合计5,150.00万元的16.50%。"), [])
    }

    func testAFundTheTablesDoNotPrintIsNotCompared() throws {
        // Only 公开01: no fund column, no 公开07 (seed 001 writes its funds' zeros so). The bare
        // 本年支出合计 of the fund is not the department's 5,060.00, and the fund's own is not printed.
        let tables = try waterTables()
        let only01 = String(tables[..<tables.range(of: "表 公开03")!.lowerBound])
        XCTAssertEqual(try findings("政府性基金预算财政拨款收入850.00万元，比上年减少20.00万元；本年支出合计0.00万元。", tables: only01), [])
        XCTAssertEqual(try findings("政府性基金预算财政拨款本年支出合计0.00万元，年末结转和结余0.00万元。", tables: only01), [])
        // Its income is printed by 公开01 itself.
        XCTAssertEqual(try findings("政府性基金预算财政拨款收入851.00万元；本年支出合计0.00万元。", tables: only01), ["N501 851.00"])
    }

    func testASectionAboutAFundSpeaksOfTheFundsFigures() throws {
        // Under the fund's title the bare names are its own (they were compared with the
        // department's 210.00, 5,150.00, 5,060.00 and 300.00: four false errors).
        let body = "年初结转和结余60.00万元，本年收入850.00万元，本年支出800.00万元，年末结转和结余110.00万元，全部为大中型水库库区基金。"
        for title in ["十一、政府性基金预算财政拨款收入支出决算情况说明", "七、政府性基金预算财政拨款支出决算情况说明"] {
            let text = try waterTables() + "\n说明 \(title)\n"
            for (figure, moved) in [("", ""), ("60.00", "61.00"), ("850.00", "851.00"), ("800.00", "801.00"), ("110.00", "111.00")] {
                let prose = figure.isEmpty ? body : body.replacingOccurrences(of: figure + "万元", with: moved + "万元")
                let analysis = Analysis(text: text + prose + "\n")
                let found = analysis.diagnostics.filter { $0.severity == .error || $0.severity == .warning }.map { "\($0.code) \(analysis.text(of: $0))" }
                XCTAssertEqual(found, figure.isEmpty ? [] : ["N501 \(moved)"], "\(title): \(prose)")
            }
        }
        // Under another title they are the department's.
        XCTAssertEqual(try findings("本年收入5,150.00万元，本年支出5,060.00万元。"), [])
        XCTAssertEqual(try findings("本年收入850.00万元。"), ["N501 850.00"])
    }

    // MARK: A change and the two years

    func testAChangeThatNamesItsQuantityIsOfItsAmountWrittenBefore() throws {
        // 5,150.00 − 4,700.00 = 450.00: the previous year is written in the change's sentence,
        // this year's amount in an earlier one.
        let paragraph = "本年收入合计5,150.00万元，其中其他收入63.50万元。与上年4,700.00万元相比，本年收入合计增加450.00万元，增长9.57%。"
        try assertMoved(paragraph, "4,700.00", "4,701.00", finds: ["N503 450.00"])
        let other = "2024年度本年支出合计5,060.00万元。上年同期为4,820.00万元，本年支出合计增加240.00万元。"
        try assertMoved(other, "增加240.00", "增加250.00", finds: ["N503 250.00"])
    }

    func testABudgetBetweenTheTwoYearsIsPassedOver() throws {
        // 4,200.00 − 3,980.00 = 220.00; the budget 4,000.00 written between them is no year's actual.
        let sentence = "2024年度一般公共预算财政拨款支出决算数为4,200.00万元，为年初预算4,000.00万元的105.00%；与上年决算数3,980.00万元相比，增加220.00万元，增长5.53%。"
        // (The rate, judged on the two years once the change is found wrong, is then wrong too.)
        try assertMoved(sentence, "3,980.00", "3,981.00", finds: ["N503 220.00", "N503 5.53"])
        let other = "一般公共预算财政拨款支出4,200.00万元，年初预算数4,000.00万元，上年支出3,980.00万元，比上年增加220.00万元。"
        try assertMoved(other, "增加220.00", "增加200.00", finds: ["N503 200.00"])
    }

    // MARK: One change for both totals

    func testAChangeOfBothTotalsIsOfTheTotals() throws {
        // 400.00 ÷ (5,360.00 − 400.00) = 8.06%; of 本年收入 5,150.00 it would be 8.42%.
        let paragraph = "2024年度收、支总计均为5,360.00万元。其中：本年收入5,150.00万元，年初结转和结余210.00万元；本年支出5,060.00万元，年末结转和结余300.00万元。与上年相比，收、支总计各增加400.00万元，增幅8.06%。"
        try assertMoved(paragraph, "增幅8.06%", "增幅9.06%", finds: ["N503 9.06"])
        // With the department's word for itself, and the change in other words.
        let own = "我局收入总计、支出总计均为5,360.00万元。本年收入5,150.00万元，本年支出5,060.00万元。较上年，收入总计、支出总计均增加400.00万元，增长8.06%。"
        try assertMoved(own, "增长8.06%", "增长8.42%", finds: ["N503 8.42"])
    }
}

/// Readings found by the development and reform commission probe (session 27,
/// `Fixtures/probe-reform.juesuan`).
final class ProbeReformReadingTests: XCTestCase {
    func findings(_ prose: String) throws -> [String] {
        let text = try readFixture("probe-reform.juesuan")
        let tables = String(text[..<text.range(of: "\n说明 ")!.lowerBound]) + "\n"
        let analysis = Analysis(text: tables + "\n说明 一、测试\n" + prose + "\n")
        return analysis.diagnostics.filter { ($0.severity == .error || $0.severity == .warning) && $0.code.hasPrefix("N") }
            .map { "\($0.code) \(analysis.text(of: $0))" }
    }

    func testTheAppropriationsTotalsAndBalancesInASentenceAboutThem() throws {
        // 公开04: income 1,980.00 and opening 100.00; spending 1,940.00 and closing 140.00 (公开01's
        // balances, with the commission's own money, are 160.00 and 210.00: two false errors before).
        let sentences = [
            "2024年度财政拨款收入总计2,080.00万元，其中本年收入1,980.00万元、年初结转和结余100.00万元；财政拨款支出总计2,080.00万元，其中本年支出1,940.00万元、年末结转和结余140.00万元。",
            "财政拨款支出总计2,080.00万元，包括本年支出1,940.00万元和年末结转和结余140.00万元。",
            "财政拨款收入总计2,080.00万元，由本年收入1,980.00万元和年初结转和结余100.00万元组成。",
        ]
        for sentence in sentences {
            XCTAssertEqual(try findings(sentence), [], sentence)
            for (figure, moved) in [("100.00", "101.00"), ("140.00", "141.00")] where sentence.contains(figure) {
                XCTAssertTrue(try findings(sentence.replacingOccurrences(of: figure, with: moved)).contains("N501 \(moved)"), sentence)
            }
        }
        // The department's balances in a sentence of its own are still 公开01's.
        XCTAssertEqual(try findings("年初结转和结余160.00万元，年末结转和结余210.00万元。"), [])
        XCTAssertEqual(try findings("年初结转和结余100.00万元。"), ["N501 100.00"])
    }

    func testAShareOfABudgetNamedByItsMeasureIsItsCompletion() throws {
        // 公开09: “三公” 11.00 of 16.00 = 68.75%; 公务接待费 1.80 of 4.00 = 45.00%.
        for (sentence, moved) in [
            ("“三公”经费财政拨款支出决算数为11.00万元，全年预算数为16.00万元，决算数占全年预算数的68.75%。", "69.75"),
            ("“三公”经费支出11.00万元，占全年预算数的68.75%。", "69.75"),
            ("公务接待费1.80万元，占全年预算数的45.00%。", "46.00"),
        ] {
            XCTAssertEqual(try findings(sentence), [], sentence)
            let wrong = sentence.replacingOccurrences(of: sentence.contains("45.00%") ? "45.00%" : "68.75%", with: moved + "%")
            XCTAssertEqual(try findings(wrong), ["N505 \(moved)"], wrong)
        }
        // A share of a named whole stays a share.
        XCTAssertEqual(try findings("公务接待费1.80万元，占“三公”经费的16.36%。"), [])
    }
}

