import XCTest
import JuesuanCatalogue
import JuesuanFixtures
import JuesuanModel
import JuesuanSyntax
@testable import JuesuanChecks

/// The indexes and copy-on-write storage of issue 15 (a faster core) answer exactly as the
/// scans they replace.
final class CoreSpeedTests: XCTestCase {
    /// 公开05 with a repeated code, a detail row, an empty and a missing cell, a code that
    /// 公开03 lacks; 公开03 with a detail row before the real one.
    let handwritten = """
    部门 某某局
    年度 2024

    表 公开03 支出决算表
    合计  30.00  10.00  20.00
    其中：201  一般公共服务支出  1.00  1.00  -
    201  一般公共服务支出  30.00  10.00  20.00
    20101  人大事务  30.00  10.00  20.00

    表 公开05 一般公共预算财政拨款支出决算表
    合计  31.00  11.00  20.00
    201  一般公共服务支出  31.00  11.00  20.00
    20101  人大事务  31.00  11.00
    20101  人大事务  5.00  5.00  -
    20102  政协事务  -  -  -
    """

    func testCodeFiguresAnswerAsReportFigure() {
        var texts = [handwritten]
        for seed in 1...4 {
            var generator = ReportGenerator(seed: UInt64(seed))
            texts.append(generator.standardReport())
        }
        var compared = 0
        for text in texts {
            let report = Analysis(text: text).report
            for id in ["公开03", "公开05"] {
                guard let table = report.table(id) else { XCTFail("\(id) missing"); continue }
                let figures = CodeFigures(table)
                let codes = Set(report.tables.flatMap(\.allRows).compactMap(\.code)).union(["299", "9999999"])
                for code in codes.sorted() {
                    for column in ["本年支出合计", "基本支出", "项目支出", "金额"] {
                        let expected = report.figure(id, .code(code), column: column)
                        let fast = figures.figure(code: code, column: column)
                        XCTAssertEqual(fast?.value, expected?.value, "\(id) \(code) \(column)")
                        XCTAssertEqual(fast?.cell.token.range, expected?.cell.token.range, "\(id) \(code) \(column)")
                        XCTAssertEqual(fast?.row.line, expected?.row.line, "\(id) \(code) \(column)")
                        XCTAssertEqual(fast?.columnName, expected?.columnName, "\(id) \(code) \(column)")
                        if expected != nil { compared += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 100)
        // The handwritten report: the first 20101 row counts, its missing 项目支出 is no figure,
        // and 公开03's detail row is skipped.
        let report = Analysis(text: handwritten).report
        let fiscal = CodeFigures(report.table("公开05")!)
        XCTAssertEqual(fiscal.figure(code: "20101", column: "基本支出")?.value.description, "11.00")
        XCTAssertNil(fiscal.figure(code: "20101", column: "项目支出"))
        XCTAssertNil(fiscal.figure(code: "20102", column: "基本支出"))
        XCTAssertEqual(CodeFigures(report.table("公开03")!).figure(code: "201", column: "基本支出")?.value.description, "10.00")
    }

    func testX408StillComparesEveryCodeOfTable05WithTable03() {
        let findings = Analysis(text: handwritten).diagnostics.filter { $0.code == "X408" }
        // 201 and 20101 exceed 公开03 in 本年支出合计 and 基本支出, and the repeated 20101 row is
        // compared through the first one again (as before the index); 20102 (empty) is not.
        XCTAssertEqual(findings.count, 6, findings.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(findings.filter { $0.message.contains("20101") }.count, 4)
        XCTAssertTrue(findings.allSatisfy { $0.message.contains("大于") })
    }

    func testARowCopyIsIndependentOfTheOriginal() {
        let report = Analysis(text: handwritten).report
        let original = report.table("公开03")!.sections[0].rows[2]
        var copy = original
        copy.label = "改过的行名"
        copy.isTotal = true
        copy.standardName = "合计"
        XCTAssertEqual(original.label, "一般公共服务支出")
        XCTAssertFalse(original.isTotal)
        XCTAssertNil(original.standardName)
        XCTAssertEqual(copy.label, "改过的行名")
        XCTAssertTrue(copy.isTotal)
        XCTAssertEqual(copy.standardName, "合计")
        // The cells are the syntax's, read in place by both.
        XCTAssertEqual(original.cell(0)?.number?.description, "30.00")
        XCTAssertEqual(copy.cell(0)?.number?.description, "30.00")
        XCTAssertFalse(copy.isUnknown(1))
        // The model kept in the report is untouched too.
        XCTAssertEqual(report.table("公开03")!.sections[0].rows[2].label, "一般公共服务支出")
    }

    /// The model reads a row's cells from its syntax: one per column, nil where nothing (or
    /// no number) is written; cells past the last column are S103 (unless the first of them is
    /// no number: S102 says so already).
    func testARowsCellsAreReadByColumnFromItsSyntax() {
        let text = "年度 2024\n部门 某局\n\n表 自定义 某表\n列 甲 乙 丙\n一 1.00 1.2.3\n二 1 2 3 4 5\n三 1 2 3 4.4.4 5\n四\n"
        let analysis = Analysis(text: text)
        let rows = analysis.report.tables[0].sections[0].rows
        XCTAssertEqual(rows.map(\.cells.count), [3, 3, 3, 3])
        XCTAssertEqual(rows[0].cells.map { $0?.number?.description }, ["1.00", nil, nil])
        XCTAssertEqual(rows[0].cells[0]?.token.text, "1.00")
        XCTAssertEqual((0..<4).map(rows[0].isUnknown), [false, true, false, false])
        XCTAssertEqual(rows[1].cells.map { $0?.number?.description }, ["1", "2", "3"])
        XCTAssertEqual(rows[1].number(2)?.description, "3")
        XCTAssertNil(rows[1].number(3), "a cell past the last column is no figure")
        XCTAssertNil(rows[1].cell(3))
        XCTAssertEqual(rows[3].cells.map { $0?.number }, [nil, nil, nil])
        let extra = analysis.diagnostics.filter { $0.code == "S103" }
        XCTAssertEqual(extra.map(\.message), ["这一行有 5 个单元格，多于表的 3 列（多出 2 个）"])
        XCTAssertEqual(extra.first.map { String(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: $0.range.start)...].prefix(3))! }, "4 5")
    }

    func testTableLookupFindsTheFirstTableOfAnIdAndFollowsChanges() {
        let text = handwritten + "\n\n表 公开03 支出决算表\n合计  1.00  1.00  -\n\n表 自定义 某表\n合计 1\n"
        var report = Analysis(text: text).report
        XCTAssertEqual(report.table("公开03")?.syntax.line, 3)
        XCTAssertEqual(report.table("自定义")?.id, "自定义")
        XCTAssertNil(report.table("公开09"))
        report.tables.removeFirst()
        XCTAssertEqual(report.table("公开03")?.syntax.line, 16)
        XCTAssertNotNil(report.table("公开05"))
        report.tables = []
        XCTAssertNil(report.table("公开05"))
    }

    func testLabelKeyMatchesAgreesWithTheKey() {
        let labels = ["一般公共服务支出", "一、一般公共服务支出", "1.一般公共服务支出", "一般公共服务支出（类）", "一般公共服务支出(类)",
                      "其中：办公费", "本年收入合计", "使用非财政拨款结余（含专用结余）", "社会保障和就业支出 ", "abc", "ABC", "",
                      "二〇二四年", "合 计", "合计", "总计"]
        let keys = labels.map { LabelKey.make($0) } + ["", "一般公共服务支出", "合计", "abc"]
        for label in labels {
            for key in keys {
                XCTAssertEqual(LabelKey.matches(label, key), LabelKey.make(label) == key, "\(label) / \(key)")
            }
        }
    }

    func testProseTextStringIsTheStringOfItsScalars() {
        let text = "收入 １２．５％，é 与 𠀀 and ab cd\t1 204.30 萬元 2023 2024😀。"
        let source = SourceText(text)
        let prose = ProseText(source, SourceRange(start: 0, end: source.bytes.count))
        XCTAssertGreaterThan(prose.count, 20)
        for start in 0...prose.count {
            for end in start...prose.count + 1 {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: prose.scalars[start..<min(end, prose.count)])
                XCTAssertEqual(prose.string(start, end), String(view), "\(start)..<\(end)")
            }
        }
        XCTAssertEqual(prose.string(-3, 2), prose.string(0, 2))
        XCTAssertEqual(prose.string(5, 2), "")
        XCTAssertTrue(prose.string(0, prose.count).contains("12.5%"))
        XCTAssertTrue(prose.string(0, prose.count).hasSuffix("😀。"))
    }

    /// Enums named by words hash their case (not the word through Unicode normalisation): equal
    /// cases hash alike, distinct cases stay distinct keys, and the words still name them.
    func testEnumsNamedByWordsHashTheirCase() {
        func check<E: CaseIterable & Hashable & RawRepresentable>(_ type: E.Type) where E.RawValue == String {
            let cases = Array(E.allCases)
            XCTAssertEqual(Set(cases).count, cases.count, "\(E.self)")
            let byCase = Dictionary(uniqueKeysWithValues: cases.map { ($0, $0.rawValue) })
            for value in cases {
                XCTAssertEqual(byCase[value], value.rawValue)
                XCTAssertEqual(E(rawValue: value.rawValue).map { $0.hashValue }, value.hashValue)
            }
        }
        check(MoneyUnit.self)
        check(Severity.self)
        check(ClassificationKind.self)
        let measures: [Measure] = [.initialBudget, .fullBudget, .budget, .actual, .spent]
        XCTAssertEqual(Set(measures).count, measures.count)
        XCTAssertEqual(Set([TableSide.income, .expenditure, .income]).count, 2)
        XCTAssertEqual(Set([TokenKind.code, .label, .code]).count, 2)
    }
}
