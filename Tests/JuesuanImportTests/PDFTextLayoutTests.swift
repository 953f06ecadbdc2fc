import Foundation
import XCTest
@testable import JuesuanImport
import JuesuanFormat
import JuesuanLint
import JuesuanTools

/// The layouts of `pdftotext -layout` output (invented figures): cells separated by runs of blanks,
/// an empty cell leaving only a gap, pages set a little apart, form feeds between pages.
final class PDFTextLayoutTests: XCTestCase {
    /// A line with each text starting at its character column, as pdftotext -layout sets them.
    func placed(_ cells: [(Int, String)]) -> String {
        var line = ""
        for (column, text) in cells {
            while line.count < column { line.append(" ") }
            line += text
        }
        return line
    }

    func rows(_ text: String) -> [String] {
        let document = Importer.importReport(text).document
        XCTAssertFalse(Formatter.format(document).changed)
        return ImporterTests.importedRows(document)
    }

    func testFiguresOfAnIncompleteRowGoUnderTheirColumnNumbers() {
        let text = """
        某县档案馆2024年度部门决算
        支出决算表
        公开03表
        单位：万元
        项目                              本年支出合计   基本支出   项目支出
        科目编码    科目名称
        栏次                              1              2          3
        合计                              30.00          18.00      12.00
        201         一般公共服务支出      18.00          18.00
        208         社会保障和就业支出    12.00                     12.00
        """
        // Three columns published (栏次 1–3): three cells a row.
        XCTAssertEqual(rows(text), ["公开03|||合计|30.00 18.00 12.00", "公开03||201|一般公共服务支出|18.00 18.00 -",
                                    "公开03||208|社会保障和就业支出|12.00 - 12.00"])
    }

    func testTwoSidedRowsWithAnEmptySideAndAPageSetApart() {
        let page1 = [
            placed([(0, "项目"), (30, "行次"), (36, "金额"), (48, "项目（按功能分类）"), (74, "行次"), (80, "金额")]),
            placed([(0, "栏次"), (36, "1"), (48, "栏次"), (80, "2")]),
            placed([(0, "一、一般公共预算财政拨款收入"), (30, "1"), (36, "40.00"), (48, "一、一般公共服务支出"), (74, "32"), (80, "30.00")]),
            placed([(30, "2"), (48, "二、社会保障和就业支出"), (74, "33"), (80, "10.00")]),
        ]
        // The next page is set two columns further left, after a form feed.
        let page2 = [
            "\u{0C}" + placed([(28, "3"), (46, "三、卫生健康支出"), (72, "34"), (78, "0.00")]),
            placed([(0, "本年收入合计"), (28, "6"), (34, "40.00"), (46, "本年支出合计"), (72, "57"), (78, "40.00")]),
            placed([(0, "一、一般公共预算财政拨款"), (28, "7"), (72, "61")]),
            placed([(0, "总计"), (28, "12"), (34, "40.00"), (46, "总计"), (72, "64"), (78, "40.00")]),
        ]
        let text = "某县档案馆2024年度部门决算\n收入支出决算总表\n公开01表\n单位：万元\n" + (page1 + page2).joined(separator: "\n") + "\n"
        XCTAssertEqual(rows(text), ["公开01|收入||一、一般公共预算财政拨款收入|40.00", "公开01|收入||本年收入合计|40.00", "公开01|收入||一、一般公共预算财政拨款|-",
                                    "公开01|收入||总计|40.00",
                                    "公开01|支出||一、一般公共服务支出|30.00", "公开01|支出||二、社会保障和就业支出|10.00", "公开01|支出||三、卫生健康支出|0.00",
                                    "公开01|支出||本年支出合计|40.00", "公开01|支出||总计|40.00"])
    }

    func testEconomicTableGroupsByTheirHeadingsPlace() {
        let text = """
        某县档案馆2024年度部门决算
        一般公共预算财政拨款基本支出决算明细表
        公开06表
        单位：万元
        人员经费                                        公用经费
        经济分类科目编码   科目名称        金额         经济分类科目编码   科目名称        金额         经济分类科目编码   科目名称        金额
        301                工资福利支出    20.00        302                商品和服务支出  4.00         310                资本性支出      1.00
        30101              基本工资        12.00        30201              办公费                       31002              办公设备购置    1.00
        30102              津贴补贴        8.00                                                         
                                                                                                        39999              其他支出
        人员经费合计                       20.00        公用经费合计                    5.00
        """
        XCTAssertEqual(rows(text), [
            "公开06||301|工资福利支出|20.00", "公开06||30101|基本工资|12.00", "公开06||30102|津贴补贴|8.00", "公开06|||人员经费合计|20.00",
            "公开06||302|商品和服务支出|4.00", "公开06||30201|办公费|-", "公开06|||公用经费合计|5.00",
            "公开06||310|资本性支出|1.00", "公开06||31002|办公设备购置|1.00", "公开06||39999|其他支出|-",
        ])
    }

    func testThreePublicExpensesAcrossUnderColumnNumbers() {
        let columns = [0, 10, 30, 54, 66, 76, 96, 120]
        let names = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"]
        let lines = [
            placed([(0, "预算数"), (66, "决算数")]),
            placed(zip(columns, names + names).map { ($0, $1) }),
            placed(zip(columns, (1...8).map(String.init)).map { ($0, $1) }),
            placed([(0, "3.00"), (30, "2.00"), (54, "1.00"), (66, "2.50"), (96, "1.80"), (120, "0.70")]),
        ]
        let text = "某县档案馆2024年度部门决算\n财政拨款“三公”经费支出决算表\n公开09表\n单位：万元\n" + lines.joined(separator: "\n") + "\n"
        XCTAssertEqual(rows(text), ["公开09|||合计|3.00 2.50", "公开09|||因公出国（境）费|- -", "公开09|||公务用车购置及运行费|2.00 1.80",
                                    "公开09|||公务接待费|1.00 0.70"])
    }

    func testWordXMLReader() {
        let xml = """
        <w:document><w:body><w:p><w:r><w:t>某县档案馆2024年度部门决算</w:t></w:r></w:p>\
        <w:p><w:r><w:t xml:space="preserve">本年支出 </w:t></w:r><w:r><w:t>12.40 万元 &amp; 其他</w:t></w:r><w:r><w:tab/><w:t>尾</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>决算数</w:t></w:r></w:p></w:tc></w:tr>\
        <w:tr><w:tc><w:p><w:r><w:t>一般公共预算财政拨款</w:t></w:r></w:p><w:p><w:r><w:t>收入</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>4.00</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        <w:p><w:r><w:t>&#x4E8C;&#19968;</w:t></w:r><w:r><w:br/><w:t>下一行</w:t></w:r></w:p></w:body></w:document>
        """
        XCTAssertEqual(DocumentReaders.wordXMLText(xml), "某县档案馆2024年度部门决算\n本年支出 12.40 万元 & 其他\t尾\n项目\t决算数\n一般公共预算财政拨款 收入\t\t4.00\n二一\n下一行\n")
    }

    func testWordCellsMergedAcrossColumnsKeepTheColumnsAfterThem() {
        let xml = """
        <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>收入</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>支出</w:t></w:r></w:p></w:tc></w:tr>        <w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>5.00</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5.00</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        """
        XCTAssertEqual(DocumentReaders.wordXMLText(xml), "收入\t\t\t支出\n合计\t\t5.00\t5.00\n")
    }

    func testFileKinds() {
        XCTAssertEqual(DocumentReaders.kind(ofPath: "报告.PDF"), .pdf)
        XCTAssertEqual(DocumentReaders.kind(ofPath: "a/b.docx"), .docx)
        XCTAssertEqual(DocumentReaders.kind(ofPath: "report.txt"), .text)
        XCTAssertEqual(DocumentReaders.kind(ofPath: "report.doc"), .text)
    }

    func testAMissingToolSaysHowToInstallIt() throws {
        let saved = ProcessInfo.processInfo.environment["PATH"]
        setenv("PATH", "/nonexistent", 1)
        defer { if let saved { setenv("PATH", saved, 1) } }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-import-\(UUID().uuidString).pdf")
        try Data("%PDF-1.4".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var errors = ""
        let io = CommandIO(writeOutput: { _ in }, writeError: { errors += $0 }, readStandardInput: { .success([]) })
        XCTAssertEqual(ImportCommand.run([file.path], io: io), 2)
        XCTAssertTrue(errors.contains("pdftotext") && errors.contains("apt-get install poppler-utils"), errors)
        errors = ""
        XCTAssertEqual(ImportCommand.run([file.deletingPathExtension().appendingPathExtension("docx").path], io: io), 2)
        XCTAssertTrue(errors.contains("无法读取"), errors)
    }

    func testAFileThatIsNoDocxSaysSo() throws {
        guard DocumentReaders.findTool("unzip") != nil else { throw XCTSkip("unzip is not installed") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-import-\(UUID().uuidString).docx")
        try Data("这不是压缩文件".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var errors = ""
        var output = ""
        let io = CommandIO(writeOutput: { output += $0 }, writeError: { errors += $0 }, readStandardInput: { .success([]) })
        XCTAssertEqual(ImportCommand.run([file.path], io: io), 2)
        XCTAssertTrue(errors.contains("不是可读的 .docx 文件"), errors)
        XCTAssertEqual(output, "")
    }
}
