import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// A probe's tables with one 说明 of prose of a test's own: its narrative errors and warnings,
/// and the silent-then-found assertion every test here makes.
struct ProbeProse {
    let tables: String

    /// The probe's header and tables, without its 说明, 绩效 and 名词解释 blocks (some probes
    /// follow each table with its 说明).
    init(_ fixture: String) throws {
        var kept: [Substring] = []
        var inProse = false
        for line in try readFixture(fixture).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("说明 ") || line.hasPrefix("绩效 ") || line.hasPrefix("名词解释") { inProse = true }
            if line.hasPrefix("表 ") || line.hasPrefix("校验") { inProse = false }
            if !inProse { kept.append(line) }
        }
        tables = kept.joined(separator: "\n") + "\n"
    }

    /// The narrative errors and warnings (N5xx) of the tables with `prose` as their one 说明.
    func findings(_ prose: String, title: String = "一、测试") -> [String] {
        let analysis = Analysis(text: tables + "\n说明 \(title)\n" + prose + "\n")
        return analysis.diagnostics.filter { ($0.severity == .error || $0.severity == .warning) && $0.code.hasPrefix("N") }
            .map { "\($0.code) \(analysis.text(of: $0))" }
    }

    /// The messages of the errors and warnings `findings` lists.
    func findingMessages(_ prose: String, title: String = "一、测试") -> [String] {
        let analysis = Analysis(text: tables + "\n说明 \(title)\n" + prose + "\n")
        return analysis.diagnostics.filter { ($0.severity == .error || $0.severity == .warning) && $0.code.hasPrefix("N") }.map(\.message)
    }

    /// Every finding but information of `prose` as the one 说明 of a report with no tables.
    static func proseOnly(_ prose: String) -> [String] {
        let analysis = Analysis(text: RuleDocumentation.head + "说明 一、测试\n" + prose + "\n")
        return analysis.diagnostics.filter { $0.severity != .information }.map { "\($0.code) \(analysis.text(of: $0))" }
    }

    /// Each sentence raises nothing; with `from` replaced by `to`, exactly `expected`.
    func assertEach(_ sentences: [String], moving from: String, to: String, finds expected: [String], title: String = "一、测试",
                    file: StaticString = #filePath, line: UInt = #line) {
        for sentence in sentences {
            XCTAssertEqual(findings(sentence, title: title), [], sentence, file: file, line: line)
            XCTAssertEqual(findings(sentence.replacingOccurrences(of: from, with: to), title: title), expected, sentence, file: file, line: line)
        }
    }
}

/// A test class of readings on one probe's tables: `findings` and `assertEach` on them.
protocol ProbeReadingCase: XCTestCase {
    /// The probe fixture whose tables the prose of the tests is checked against.
    static var probe: String { get }
}

extension ProbeReadingCase {
    func findings(_ prose: String) throws -> [String] { try ProbeProse(Self.probe).findings(prose) }

    func assertEach(_ sentences: [String], moving from: String, to: String, finds expected: [String],
                    file: StaticString = #filePath, line: UInt = #line) throws {
        try ProbeProse(Self.probe).assertEach(sentences, moving: from, to: to, finds: expected, file: file, line: line)
    }

    func proseOnly(_ prose: String) -> [String] { ProbeProse.proseOnly(prose) }
}

/// Readings found by the public security bureau probe (session 28, `Fixtures/probe-police.juesuan`):
/// each silent as written, in the probe's wording and in others of our own, and found on the
/// right figure when one is moved.
final class ProbePoliceReadingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-police.juesuan"

    // MARK: Money no fund holds, in a sentence that names a fund

    func testIncomeOfItsOwnBesideAFundIsTheDepartments() throws {
        // 公开01: 其他收入 50.00. A sentence naming the government fund speaks of the fund's
        // totals, but 其他收入 is in no fund's table: it is the department's and is compared.
        try assertEach([
            "收入构成为：一般公共预算财政拨款收入8,650.00万元；政府性基金预算财政拨款收入300.00万元；其他收入50.00万元。",
            "其他收入50.00万元，政府性基金预算财政拨款收入300.00万元。",
            "本年收入中，除政府性基金预算财政拨款收入300.00万元外，还有其他收入50.00万元。",
        ], moving: "其他收入50.00", to: "其他收入51.00", finds: ["N501 51.00"])
        // The general budget's appropriations beside the fund's (公开04: 9,040.00 and 280.00).
        try assertEach([
            "财政拨款支出中，一般公共预算财政拨款支出9,040.00万元，政府性基金预算财政拨款支出280.00万元。",
            "政府性基金预算财政拨款支出280.00万元，一般公共预算财政拨款支出9,040.00万元。",
        ], moving: "9,040.00", to: "9,041.00", finds: ["N501 9,041.00"])
    }

    func testTheFundsOwnTotalsStayTheFunds() throws {
        // A bare total in a sentence about the fund is still its own (公开07: 本年支出 280.00),
        // not the department's 本年支出合计 9,340.00 — and a bare part of it is not compared.
        XCTAssertEqual(try findings("政府性基金预算财政拨款本年收入300.00万元，本年支出280.00万元，其中项目支出280.00万元。"), [])
        XCTAssertEqual(try findings("政府性基金预算财政拨款本年收入300.00万元，本年支出281.00万元。"), ["N501 281.00"])
    }

    // MARK: A sibling of a list's whole ends the list

    func testASiblingOfTheWholeIsNoPartOfIt() throws {
        // 公务接待费 is the other part of “三公”经费 beside 公务用车购置及运行维护费: never one of its parts.
        let sentences = [
            "公务用车购置及运行维护费174.00万元，其中公务用车购置费30.00万元，公务用车运行维护费144.00万元，年末保有量40辆；公务接待费6.00万元。",
            "公务用车购置及运行费支出决算为174.00万元，其中：购置费30.00万元、运行维护费144.00万元；公务接待费支出决算为6.00万元。",
            "公务用车购置及运行维护费174.00万元（其中公务用车购置费30.00万元，公务用车运行维护费144.00万元），公务接待费6.00万元。",
        ]
        try assertEach(sentences, moving: "6.00万元", to: "7.00万元", finds: ["N501 7.00"])
        // Without tables: the list is still judged, and the sibling after it is not added to it.
        for sentence in sentences {
            XCTAssertEqual(proseOnly(sentence), [], sentence)
            XCTAssertEqual(proseOnly(sentence.replacingOccurrences(of: "174.00", with: "175.00")), ["N504 175.00"], sentence)
        }
        // 项目支出 beside 基本支出's list.
        XCTAssertEqual(proseOnly("基本支出600.00万元，其中人员经费450.00万元、公用经费150.00万元；项目支出380.00万元。"), [])
        XCTAssertEqual(proseOnly("基本支出600.00万元，其中人员经费450.00万元、公用经费160.00万元；项目支出380.00万元。"), ["N504 600.00"])
    }

    // MARK: Vehicles bought and groups received

    func testVehiclesBoughtAreTheYearsPurchases() throws {
        // 公开09 公务用车购置数 1; 公开10 执法执勤用车 32 (the fleet by use).
        try assertEach([
            "公务用车购置费30.00万元（购置执法执勤用车1辆）。",
            "公务用车购置费30.00万元，新购执法执勤用车1辆。",
            "公务用车购置费30.00万元，购入应急保障用车1辆。",
            "本年购买公务用车1辆，支出30.00万元。",
        ], moving: "车1辆", to: "车2辆", finds: ["N507 2"])
        // The fleet by use is still 公开10's, also after a purchase in the same sentence.
        try assertEach([
            "新购执法执勤用车1辆，年末共有执法执勤用车32辆。",
            "公务用车购置及运行维护费174.00万元，主要用于32辆执法执勤用车的运行。",
        ], moving: "32辆", to: "33辆", finds: ["N507 33"])
    }

    func testTripsAbroadNamedAs经费() throws {
        // Seed 003 writes `因公出国（境）经费支出0万元`; 公开09 prints 0.00.
        try assertEach(["1.因公出国（境）经费支出0.00万元。", "因公出国(境)经费支出0.00万元。"], moving: "0.00万元", to: "1.00万元", finds: ["N501 1.00"])
    }

    func testGroupsReceivedAreBatches() throws {
        // 公开09: 国内公务接待批次 24, 人次 200.
        try assertEach([
            "公务接待费6.00万元，全年共接待国内来访团组24个、来宾200人次。",
            "公务接待费6.00万元，接待考察团24个，共200人次。",
        ], moving: "24个", to: "25个", finds: ["N507 25"])
        // A group sent abroad is no reception.
        XCTAssertEqual(try findings("因公出国（境）团组0个，0人次。公务接待费6.00万元。"), [])
    }

    // MARK: N519 — the running cost within 公用经费

    func testTheRunningCostIsWithinTheBasicGoodsAndServices() throws {
        // 公开06 公用经费合计 820.00.
        for sentence in ["本部门机关运行经费支出%@万元，比上年减少30.00万元。", "2024年度机关运行经费%@万元。", "我局机关运行经费为%@万元，主要用于办公、水电和车辆运行。"] {
            for silent in ["820.00", "700.00", "820", "819.99"] {
                XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "%@", with: silent)), [], sentence + silent)
            }
            XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "%@", with: "821.00")), ["N519 821.00"], sentence)
        }
        // In 元, and approximately: judged at the written digits.
        XCTAssertEqual(try findings("机关运行经费8,210,000.00元。"), ["N519 8,210,000.00"])
        XCTAssertEqual(try findings("机关运行经费8,200,000.00元。"), [])
        XCTAssertEqual(try findings("机关运行经费约821万元。"), ["N519 821"])
        // Another unit's, a previous year's or a budget is not compared.
        XCTAssertEqual(try findings("下属单位机关运行经费900.00万元。"), [])
        XCTAssertEqual(try findings("上年机关运行经费900.00万元。"), [])
        XCTAssertEqual(try findings("机关运行经费年初预算900.00万元，支出决算800.00万元。"), [])
        // The message says what each figure is and by how much one exceeds the other.
        let analysis = Analysis(text: try ProbeProse("probe-police.juesuan").tables + "\n说明 八、机关运行经费\n机关运行经费821.50万元。\n")
        let message = try XCTUnwrap(analysis.diagnostics.first { $0.code == "N519" }).message
        XCTAssertTrue(message.contains("821.50") && message.contains("820.00") && message.contains("+1.50"), message)
    }
}

/// Readings found by the transport bureau probe (session 28, `Fixtures/probe-transport.juesuan`:
/// tables in 元, prose in 万元), and by rewording every probe one substitution at a time.
final class ProbeTransportReadingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-transport.juesuan"

    func testIncomeAndSpendingTotalsWithout本年AreTheYears() throws {
        // 公开01: 本年收入合计 5,075.00万元, 本年支出合计 5,150.00万元 (in 元 in the table).
        try assertEach(["2024年度收入合计5,075.00万元。", "本部门收入合计5,075.00万元，比上年增加245.00万元。", "全年收入合计为5,075.00万元。"],
                       moving: "5,075.00", to: "5,076.00", finds: ["N501 5,076.00"])
        try assertEach(["2024年度支出合计5,150.00万元，其中基本支出3,060.00万元、项目支出2,090.00万元。"],
                       moving: "5,150.00", to: "5,151.00", finds: ["N501 5,151.00"])
        // As the whole of a share.
        try assertEach(["一般公共预算财政拨款支出4,610.00万元，占支出合计的89.51%。"], moving: "89.51", to: "90.51", finds: ["N502 90.51"])
        // After another name's words, 合计 totals that name.
        try assertEach(["一般公共预算财政拨款收入合计4,538.62万元。"], moving: "4,538.62", to: "4,539.62", finds: ["N501 4,539.62"])
        try assertEach(["“三公”经费财政拨款支出合计44.00万元。"], moving: "44.00", to: "45.00", finds: ["N501 45.00"])
        try assertEach(["财政拨款收入合计4,738.62万元。"], moving: "4,738.62", to: "4,739.62", finds: ["N501 4,739.62"])
        // Another unit's total is not the report's.
        XCTAssertEqual(try findings("下属单位收入合计900.00万元。"), [])
    }

    func testTheYearBeforeInOtherWords() throws {
        // 本年收入合计 5,075.00 = 4,830.00 + 245.00, +5.07 %.
        try assertEach([
            "本年收入合计5,075.00万元，比上一年度增加245.00万元，增长5.07%。",
            "本年收入合计5,075.00万元，较上一年增加245.00万元，增长5.07%。",
            "本年收入合计5,075.00万元，与去年相比增加245.00万元，增长5.07%。",
            "本年收入合计5,075.00万元，上一年度为4,830.00万元，增加245.00万元，增长5.07%。",
        ], moving: "5.07%", to: "5.37%", finds: ["N503 5.37"])
    }

    func testRespectivelyIn依次() throws {
        // 公开06: 人员经费合计 24,800,000.00元, 公用经费合计 3,600,000.00元.
        try assertEach(["人员经费和公用经费依次为2,480.00万元、360.00万元。", "人员经费、公用经费依次是2,480.00万元和360.00万元。"],
                       moving: "360.00", to: "361.00", finds: ["N501 361.00"])
    }

    func testANameAloneBeforeACommaIsWhatTheFiguresAfterItAreAbout() throws {
        // 公开09: 公务接待费 全年预算数 70,000.00元, 决算数 52,800.00元.
        try assertEach([
            "（三）公务接待费，预算7.00万元，决算5.28万元。",
            "3.公务接待费，全年预算数7.00万元，决算数5.28万元，决算数为预算数的75.43%。",
            "公务接待费，决算5.28万元。",
        ], moving: "5.28", to: "5.29", finds: ["N501 5.29"])
        // Another unit's, or a clause that says more than the name, opens nothing.
        XCTAssertEqual(try findings("下属单位公务接待费，预算7.00万元，决算5.29万元。"), [])
        XCTAssertEqual(try findings("公务接待费主要用于上级检查，决算5.29万元。").filter { !$0.hasPrefix("N501") }, [])
    }

    func testAFundsSpendingNamedWithAMeasureThatHolds支出() throws {
        // 公开05 合计 4,610.00万元 — not the general budget's income of 4,538.62.
        try assertEach(["一般公共预算财政拨款实际支出4,610.00万元。", "2024年度一般公共预算财政拨款支出决算数4,610.00万元。", "一般公共预算财政拨款支出数为4,610.00万元。"],
                       moving: "4,610.00", to: "4,611.00", finds: ["N501 4,611.00"])
        // The income stays the income.
        try assertEach(["一般公共预算财政拨款4,538.62万元。", "一般公共预算财政拨款收入4,538.62万元，实际支出4,610.00万元。"],
                       moving: "4,538.62", to: "4,539.62", finds: ["N501 4,539.62"])
    }
}

/// Readings found by the town government probe (session 28, `Fixtures/probe-town.juesuan`).
final class ProbeTownReadingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-town.juesuan"

    func testADifferenceFromABudgetInTheSentenceAfterItsActual() throws {
        // 公开05 合计 4,056.40; the budget is written in the sentence of the difference.
        for sentence in [
            "一般公共预算财政拨款支出4,056.40万元，占本年支出合计的77.26%。与年初预算3,800.00万元相比，完成年初预算的106.75%，增加256.40万元。",
            "一般公共预算财政拨款支出4,056.40万元。与年初预算3,800.00万元相比，增加256.40万元。",
            "一般公共预算财政拨款支出4,056.40万元。年初预算为3,800.00万元，决算比年初预算增加256.40万元。",
        ] {
            XCTAssertEqual(try findings(sentence), [], sentence)
            XCTAssertEqual(try findings(sentence.replacingOccurrences(of: "256.40", with: "257.40")), ["N503 257.40"], sentence)
        }
        // The budget from 公开09 when the sentence states none (“三公”经费 全年预算数 30.00, 决算数 23.00).
        XCTAssertEqual(try findings("“三公”经费财政拨款支出23.00万元。比预算减少7.00万元。"), [])
        XCTAssertEqual(try findings("“三公”经费财政拨款支出23.00万元。比预算减少8.00万元。"), ["N503 8.00"])
    }

    func testACodeTheReportsTablesNameOtherwise() throws {
        // 公开05 prints 2010302 as 一般行政管理事务: certain, whatever the catalogue's entry.
        XCTAssertEqual(try findings("行政运行（2010301）：年初预算1,150.00万元，支出1,200.00万元，完成预算的104.35%。"), [])
        XCTAssertEqual(try findings("行政运行（2010302）：年初预算1,150.00万元，支出1,200.00万元，完成预算的104.35%。"), ["N517 2010302"])
        XCTAssertEqual(try findings("一般行政管理事务（2010301）：年初预算360.00万元，支出330.00万元。"), ["N517 2010301"])
    }
}
