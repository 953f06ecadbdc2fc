import Foundation
import XCTest
@testable import JuesuanImport
import JuesuanChecks
import JuesuanFormat
import JuesuanLint
import JuesuanSyntax
import JuesuanTools

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func seedNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples/seeds").path)
        .filter { $0.hasSuffix(".txt") }.sorted()
}

func seedText(_ number: String) throws -> String {
    let name = try seedNames().first { $0.hasPrefix(number) }!
    return try String(contentsOf: repositoryRoot.appendingPathComponent("examples/seeds/\(name)"), encoding: .utf8)
}

final class ImporterTests: XCTestCase {
    func testSeedsAreCopiedIntoTheRepository() throws {
        XCTAssertEqual(try seedNames().map { String($0.prefix(3)) }, ["001", "002", "003", "004"])
    }

    func testEverySeedImportsWithoutStructureErrors() throws {
        for name in try seedNames() {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/seeds/\(name)"), encoding: .utf8)
            let document = Importer.importReport(text).document
            let analysis = Analysis(text: document)
            let structureErrors = analysis.diagnostics.filter { $0.code.hasPrefix("S1") && $0.severity == .error }
            XCTAssertEqual(structureErrors.map { "\($0.code) \(analysis.source.position(of: $0.range.start).line + 1): \($0.message)" }, [], name)
            // Warnings of the structure family stay few: none at all on the seeds.
            let structureWarnings = analysis.diagnostics.filter { $0.code.hasPrefix("S1") && $0.severity == .warning }
            XCTAssertEqual(structureWarnings.map { "\($0.code) \(analysis.source.position(of: $0.range.start).line + 1): \($0.message)" }, [], name)
        }
    }

    func testImportIsDeterministicAndAlreadyFormatted() throws {
        for name in try seedNames() {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/seeds/\(name)"), encoding: .utf8)
            let first = Importer.importReport(text)
            let second = Importer.importReport(text)
            XCTAssertEqual(first.document, second.document, name)
            XCTAssertEqual(first.summary, second.summary, name)
            XCTAssertFalse(Formatter.format(first.document).changed, "formatting the imported \(name) changes it")
            // CRLF input gives the same document.
            XCTAssertEqual(Importer.importReport(text.replacingOccurrences(of: "\n", with: "\r\n")).document, first.document, name)
        }
    }

    func testExamplesOfImportedSeedsAreCurrent() throws {
        for name in try seedNames() {
            let number = String(name.prefix(3))
            let expected = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/imported/seed-\(number).juesuan"), encoding: .utf8)
            XCTAssertEqual(Importer.importReport(try seedText(number)).document, expected,
                           "examples/imported/seed-\(number).juesuan is stale: juesuan import examples/seeds/\(name) -o examples/imported/seed-\(number).juesuan")
        }
    }

    // MARK: Every published row of every standard table

    /// The lines of `text` imported, but comments and blank lines, each with its blanks closed to one.
    static func importedLines(_ text: String) -> [String] {
        Importer.importReport(text).document.split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("//") && !$0.isEmpty }
            .map { $0.split(whereSeparator: { $0 == " " }).joined(separator: " ") }
    }

    /// The rows of the imported document as `table|side|code|label|figures`; a row whose label was
    /// normalised carries the published label in its trailing comment.
    static func importedRows(_ document: String) -> [String] {
        let tree = Parser.parse(document)
        var rows: [String] = []
        for table in tree.tables {
            let id = table.id?.text ?? ""
            let twoSided = id == "公开01" || id == "公开04"
            for index in table.lines {
                let line = tree.lines[index]
                if line.kind == .comment, let text = line.tokens.first?.text, !text.contains("\t") {
                    // A heading row of the printed form kept as a comment (`// 二、相关统计数`).
                    let label = String(text.dropFirst(3))
                    if label.range(of: #"^[一二三四五六七八九十]+、[^：]+$"#, options: .regularExpression) != nil {
                        rows.append("\(id)|||\(label)|*")
                    }
                    continue
                }
                guard line.kind == .row, let row = table.rows.first(where: { $0.line == index }) else { continue }
                var label = row.label?.text ?? ""
                if let comment = line.trailingComment?.text, let range = comment.range(of: "原表行名：") {
                    label = String(comment[range.upperBound...])
                    if let unit = label.range(of: "（单位 ") { label = String(label[..<unit.lowerBound]) }
                }
                let side = twoSided ? row.side.rawValue : ""
                rows.append([id, side, row.code?.text ?? "", label, row.cells.map(\.token.text).joined(separator: " ")].joined(separator: "|"))
            }
        }
        return rows
    }

    func assertRows(_ number: String, _ fixture: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let document = Importer.importReport(try seedText(number)).document
        let actual = ImporterTests.importedRows(document)
        let expected = fixture.split(separator: "\n").map(String.init)
        // Heading rows kept as comments have every figure empty.
        let comparable = actual.map { row -> String in
            guard row.hasSuffix("|*"), let match = expected.first(where: { $0.hasPrefix(String(row.dropLast(1))) }) else { return row }
            return match.split(separator: "|", omittingEmptySubsequences: false).last!.split(separator: " ").allSatisfy { $0 == "-" } ? match : row
        }
        XCTAssertEqual(comparable.count, expected.count, "row count of seed \(number)", file: file, line: line)
        for (k, row) in expected.enumerated() where k < comparable.count && comparable[k] != row {
            XCTFail("seed \(number) row \(k + 1): expected \(row), imported \(comparable[k])", file: file, line: line)
            break
        }
        XCTAssertEqual(comparable, expected, file: file, line: line)
    }

    func testSeed002EveryPublishedRow() throws { try assertRows("002", seed002Rows) }

    func testSeed001EveryPublishedRow() throws { try assertRows("001", seed001Rows) }

    // MARK: Lint on the imported seeds

    func testSeed002HasNoArithmeticOrStructureErrors() throws {
        let analysis = Analysis(text: Importer.importReport(try seedText("002")).document)
        let errors = analysis.diagnostics.filter { ($0.code.hasPrefix("A2") || $0.code.hasPrefix("S1")) && $0.severity == .error }
        XCTAssertEqual(errors.map { "\($0.code): \($0.message)" }, [])
        // Its tables are consistent within rounding: the 0.01 differences are information.
        XCTAssertTrue(analysis.diagnostics.contains { $0.code == "A290" })
    }

    func testSeed002RealErrorsAreFound() throws {
        let codes = Set(Analysis(text: Importer.importReport(try seedText("002")).document).diagnostics.map(\.code))
        // 执行率 scored 7 of 10 for 99.93% (deep-checks S2-1), the stale 2016 in the glossary (S2-5).
        XCTAssertTrue(codes.contains("P605"))
        XCTAssertTrue(codes.contains("T801"))
    }

    func testSeed001RealErrorsAreFound() throws {
        let analysis = Analysis(text: Importer.importReport(try seedText("001")).document)
        let codes = Set(analysis.diagnostics.map(\.code))
        XCTAssertTrue(codes.contains("N506"), "17334.30 元 where 万元 is meant")
        XCTAssertTrue(codes.contains("P610"), "project (5): the stated total 83 needs a missing score cell (a layout defect)")
        XCTAssertTrue(codes.contains("P607"), "narrative score 98 against the table's 97")
        XCTAssertTrue(codes.contains("P608"), "完成 stated while the value misses the target")
        XCTAssertFalse(analysis.diagnostics.contains { ($0.code.hasPrefix("A2") || $0.code.hasPrefix("S1")) && $0.severity == .error })
    }

    // MARK: What the importer recognises

    func testSummaries() throws {
        let s1 = Importer.importReport(try seedText("001")).summary
        XCTAssertEqual(s1.department, "青龙满族自治县医疗保障局")
        XCTAssertEqual(s1.year, "2023")
        XCTAssertEqual(s1.unit, "万元")
        XCTAssertEqual(s1.budgetCode, "450")
        XCTAssertEqual(s1.tables.map(\.id), ["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07", "公开08", "公开09"])
        XCTAssertEqual(s1.performances.count, 19)
        XCTAssertGreaterThanOrEqual(s1.glossaryEntries, 15)

        let s2 = Importer.importReport(try seedText("002")).summary
        XCTAssertEqual(s2.department, "景德镇市珠山区医疗保障局")
        XCTAssertEqual(s2.year, "2024")
        XCTAssertEqual(s2.tables.map(\.id), (1...10).map { $0 < 10 ? "公开0\($0)" : "公开\($0)" })
        XCTAssertEqual(s2.performances.map(\.name), ["居民医保工作经费1", "珠山区医疗保障局2024年上年结余资金", "城乡居民意外伤害督查工作经费",
                                                    "珠山区医疗保障局2023年单位结余", "离休干部医疗统筹.", "补充医疗经费"])
        XCTAssertEqual(s2.glossaryEntries, 6)   // the annex (第五部分 附件) is report text, not glossary

        let s3 = Importer.importReport(try seedText("003")).summary
        XCTAssertEqual(s3.department, "松潘县医疗保障局")
        XCTAssertEqual(s3.year, "2023")
        XCTAssertEqual(s3.glossaryEntries, 25)
        // No standard table; the 部门整体 self-evaluation annex gives two custom tables.
        XCTAssertEqual(s3.tables.map(\.id), ["附表1", "附表2"])

        let s4 = Importer.importReport(try seedText("004")).summary
        XCTAssertEqual(s4.department, "隆化县医疗保障局")
        XCTAssertEqual(s4.year, "2023")
        XCTAssertFalse(s4.description.isEmpty)
    }

    func testPerformanceBlockOfSeed002() throws {
        let document = Importer.importReport(try seedText("002")).document
        XCTAssertTrue(document.contains("""
        绩效 城乡居民意外伤害督查工作经费
        """))
        XCTAssertTrue(document.contains("资金 年初预算数 40 全年预算数 40 全年执行数 39.972\n执行率 99.93% 分值 10 得分 7\n"))
        XCTAssertTrue(document.contains("指标 效益指标/社会效益指标/工作覆盖率提高 目标 ≥90% 实际 60 分值 5 得分 0.83 原因 绩效目标设置不合理,需加强学习,合理编制绩效目标\n"))
        XCTAssertTrue(document.contains("总分 100 88.53\n"))
        // LaTeX debris of the extraction becomes the comparator it stands for.
        XCTAssertTrue(document.contains("目标 ≥96% 实际 92 分值 10 得分 8.96"))
    }

    // MARK: Prose, glossary, small layouts

    func testBrokenProseLinesAreRejoinedOnlyMidSentence() {
        let text = """
        某某局 2024 年度部门决算

        第三部分 情况说明

        一、支出决算情况说明

        本年支出的具体构成：基本支出 199.58 万元，占 54.89%；项目支出 164.02 万元，占 45.11%；经营支出 0.00 万元，占

        0.00%；上缴上级支出 0.00 万元，占 0.00%。

        （一）工资福利支出 192.80 万元。

        二、其他说明

        短行

        另一行
        """
        let document = Importer.importReport(text).document
        XCTAssertTrue(document.contains("经营支出 0.00 万元，占0.00%；上缴上级支出"))
        XCTAssertTrue(document.contains("\n（一）工资福利支出 192.80 万元。\n"))
        XCTAssertTrue(document.contains("\n短行\n另一行\n"))
        XCTAssertTrue(document.contains("说明 一、支出决算情况说明\n"))
        XCTAssertTrue(document.hasPrefix("// "))
        XCTAssertTrue(document.contains("部门 某某局\n年度 2024\n"))
    }

    func testSpaceSeparatedTableAndGlossary() {
        let text = """
        某某局 2024 年度部门决算
        支出决算表
        公开03表
        金额单位：万元
        项目  本年支出合计  基本支出  项目支出  上缴上级支出  经营支出  对附属单位补助支出
        合计  10.00  6.00  4.00  -  -  -
        208 社会保障和就业支出  10.00  6.00  4.00
        注：本表反映部门本年度各项支出情况。
        第四部分 名词解释
        一、收入科目
        1.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。
        """
        let document = Importer.importReport(text).document
        let tree = Parser.parse(document)
        XCTAssertEqual(tree.tables.first?.id?.text, "公开03")
        XCTAssertEqual(tree.tables.first?.rows.map { $0.cells.map(\.token.text) }, [["10.00", "6.00", "4.00", "-", "-", "-"], ["10.00", "6.00", "4.00", "-", "-", "-"]])
        XCTAssertEqual(tree.glossaries.first?.entries.map(\.term.text), ["基本支出"])
        XCTAssertTrue(document.contains("// 一、收入科目"))
        XCTAssertTrue(document.contains("// 注：本表反映部门本年度各项支出情况。"))
    }

    func testNoLineIsDroppedWithoutATrace() throws {
        // Every non-blank input line's text (blanks removed) appears in the output, unless it is a table
        // or performance line whose cells were turned into rows: then each of its figures appears.
        for name in try seedNames() {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/seeds/\(name)"), encoding: .utf8)
            let document = Importer.importReport(text).document
            let squeezedOutput = String(document.filter { !" \t\u{3000}\u{00A0}\n".contains($0) })
            for line in text.split(separator: "\n") {
                let squeezed = String(line.filter { !" \t\u{3000}\u{00A0}\r".contains($0) })
                if squeezed.isEmpty || squeezedOutput.contains(squeezed) { continue }
                // Cells, and the words of a cell (`5.00 ≥` is a weight and a comparator).
                let cells = line.split(separator: "\t").flatMap { $0.split(whereSeparator: { " \u{3000}\u{00A0}\r".contains($0) }) }.map(String.init).filter { !$0.isEmpty }
                for cell in cells {
                    let traced = squeezedOutput.contains(cell)
                        || cell.range(of: #"^[-—]+$"#, options: .regularExpression) != nil
                        || cell.range(of: #"^\d{1,2}$"#, options: .regularExpression) != nil   // 行次 / 栏次 numbers
                        || squeezedOutput.contains(cell.replacingOccurrences(of: "$", with: "").replacingOccurrences(of: "\\geq", with: "≥").replacingOccurrences(of: "\\%", with: "%").replacingOccurrences(of: ">=", with: "≥").replacingOccurrences(of: "<=", with: "≤"))
                        || ["文字描述", "文字描述"].contains(cell)
                    XCTAssertTrue(traced, "\(name): “\(cell)” of line “\(line.prefix(80))” is lost")
                }
            }
        }
    }

    // MARK: The command

    func testImportCommandWritesTheDocumentAndASummary() throws {
        var output = ""
        var errors = ""
        let seed = try seedText("002")
        let io = CommandIO(writeOutput: { output += $0 }, writeError: { errors += $0 },
                           readStandardInput: { .success(Array(seed.utf8)) })
        XCTAssertEqual(ImportCommand.run(["-"], io: io), 0)
        XCTAssertEqual(output, Importer.importReport(seed).document)
        XCTAssertTrue(errors.contains("标准表 10 张"), errors)
        XCTAssertTrue(errors.contains("景德镇市珠山区医疗保障局"))

        let target = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-import-\(UUID().uuidString).juesuan")
        defer { try? FileManager.default.removeItem(at: target) }
        output = ""
        XCTAssertEqual(ImportCommand.run(["-q", "-", "-o", target.path], io: io), 0)
        XCTAssertEqual(output, "")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), Importer.importReport(seed).document)

        XCTAssertEqual(ImportCommand.run([], io: io), 2)
        XCTAssertEqual(ImportCommand.run(["/nonexistent/report.txt"], io: io), 2)
        XCTAssertEqual(ImportCommand.run(["--bogus", "x"], io: io), 2)
    }

    func testImportThenLintThroughStandardInput() throws {
        let seed = try seedText("002")
        var imported = ""
        let importIO = CommandIO(writeOutput: { imported += $0 }, writeError: { _ in }, readStandardInput: { .success(Array(seed.utf8)) })
        XCTAssertEqual(ImportCommand.run(["-"], io: importIO), 0)
        var lintOutput = ""
        let lintIO = CommandIO(writeOutput: { lintOutput += $0 }, writeError: { _ in }, readStandardInput: { .success(Array(imported.utf8)) })
        _ = LintCommand.run(["--format", "json", "-"], io: lintIO)
        XCTAssertFalse(lintOutput.contains("\"A201\""))
        XCTAssertFalse(lintOutput.contains("\"S102\""))
        XCTAssertTrue(lintOutput.contains("\"A290\""))
    }
}
