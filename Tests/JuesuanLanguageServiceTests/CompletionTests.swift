import JuesuanLanguageService
import JuesuanSyntax
import XCTest

final class CompletionTests: XCTestCase {
    func testTypingA5DigitPrefixListsTheKuanOfItsLei() {
        let (list, doc, offset) = completion(header + """
        表 公开03 支出决算表
        合计  10.00  10.00  0.00
        210  卫生健康支出  10.00  10.00  0.00
        2101‸
        """)
        XCTAssertTrue(list.isIncomplete)
        let labels = list.labels
        XCTAssertTrue(labels.contains("21011"), "\(labels)")
        XCTAssertTrue(labels.contains("21015"))
        XCTAssertFalse(labels.contains("210"))
        XCTAssertTrue(labels.allSatisfy { $0.hasPrefix("2101") && $0.count == 5 })
        let item = list.item("21015")!
        XCTAssertEqual(item.newText, "21015  医疗保障管理事务")
        XCTAssertEqual(item.range, SourceRange(start: offset - 4, end: offset))
        XCTAssertEqual(doc.source.string(item.range), "2101")
        XCTAssertEqual(item.detail, "医疗保障管理事务（款）")
    }

    func testTypingA3DigitCodeListsItsKuan() {
        let (list, _, _) = completion(header + "表 公开05 一般公共预算财政拨款支出决算表\n210‸\n")
        let labels = list.labels
        XCTAssertTrue(labels.contains("21001"))
        XCTAssertTrue(labels.contains("210"))
        XCTAssertEqual(list.item("21001")?.newText, "21001  卫生健康管理事务")
    }

    func testTypingAKuanListsItsXiangAndChildrenOfTheRowAboveComeFirst() {
        let (list, _, _) = completion(header + """
        表 公开02 收入决算表
        21015  医疗保障管理事务  1.00  1.00
        21015‸
        """)
        let labels = list.labels
        XCTAssertTrue(labels.contains("2101501"))
        XCTAssertTrue(labels.contains("2101599"))
        XCTAssertEqual(list.item("2101501")?.newText, "2101501  行政运行")
        // Empty prefix: the 项 of the 款 just above come before the 类.
        let (empty, _, _) = completion(header + """
        表 公开02 收入决算表
        210    卫生健康支出       1.00  1.00
        21015  医疗保障管理事务  1.00  1.00
        ‸
        """)
        let first = empty.labels.prefix(3)
        XCTAssertTrue(first.allSatisfy { $0.hasPrefix("21015") && $0.count == 7 }, "\(first)")
        XCTAssertTrue(empty.labels.contains("201"))
    }

    func testOnlyTheCodeIsInsertedWhenTheRowAlreadyHasText() {
        let (list, _, _) = completion(header + "表 公开03 支出决算表\n2101‸  行政单位医疗  7.60\n")
        XCTAssertEqual(list.item("21011")?.newText, "21011")
    }

    func testEconomicCodesIn公开06() {
        let (list, _, _) = completion(header + "表 公开06 一般公共预算财政拨款基本支出决算表\n301  工资福利支出  1.00\n3010‸\n")
        XCTAssertTrue(list.labels.contains("30101"))
        XCTAssertEqual(list.item("30101")?.newText, "30101  基本工资")
        XCTAssertFalse(list.labels.contains("21001"))
    }

    func testBlockKeywordsAtTheStartOfALine() {
        let (list, _, _) = completion(header + "说‸")
        XCTAssertTrue(list.labels.contains("说明"))
        XCTAssertTrue(list.labels.contains("名词解释"))
        XCTAssertEqual(list.item("表")?.newText, "表 ")
        let (headerList, _, _) = completion("部门 某局\n‸")
        XCTAssertTrue(headerList.labels.contains("年度"))
        XCTAssertFalse(headerList.labels.contains("部门"))
    }

    func testStandardTableIDsAfterTheTableKeyword() {
        let (list, doc, _) = completion(header + "表 公开0‸")
        let item = list.item("公开01 收入支出决算总表")
        XCTAssertNotNil(item)
        XCTAssertEqual(item?.newText, "公开01 收入支出决算总表")
        XCTAssertEqual(doc.source.string(item!.range), "公开0")
        XCTAssertEqual(list.items.count, 10)
    }

    func testColumnNamesAfterTheColumnsKeyword() {
        let (list, _, _) = completion(header + "表 公开09 财政拨款“三公”经费支出决算表\n列 年初预算数 ‸\n")
        XCTAssertEqual(Set(list.labels), ["年初预算数", "全年预算数", "决算数"])
        XCTAssertEqual(list.labels.last, "年初预算数", "a column already listed sorts last")
    }

    func testStandardLabelRows() {
        let (list, doc, _) = completion(header + "表 公开01 收入支出决算总表\n收入\n一、一般公共预算财政拨款收入  1.00\n本年‸\n")
        let item = list.item("本年收入合计")
        XCTAssertNotNil(item)
        XCTAssertEqual(doc.source.string(item!.range), "本年")
        XCTAssertFalse(list.labels.contains("本年支出合计"), "income side only")
        XCTAssertGreaterThan(list.labels.firstIndex(of: "一般公共预算财政拨款收入")!, list.labels.firstIndex(of: "本年收入合计")!)
        let (expenditure, _, _) = completion(header + "表 公开01 收入支出决算总表\n支出\n‸\n")
        XCTAssertTrue(expenditure.labels.contains("卫生健康支出"))
        XCTAssertTrue(expenditure.labels.contains("结余分配"))
        let (three, _, _) = completion(header + "表 公开09 财政拨款“三公”经费支出决算表\n公务‸\n")
        XCTAssertTrue(three.labels.contains("公务接待费"))
        let (assets, _, _) = completion(header + "表 公开10 国有资产占用情况表\n‸\n")
        XCTAssertTrue(assets.labels.contains("车辆数合计"))
    }

    func testGlossaryTermsInProse() {
        let (list, doc, offset) = completion(header + "说明 二、支出\n本年支出合计10.00万元，其中基本‸\n")
        let item = list.item("基本支出")!
        XCTAssertEqual(doc.source.string(item.range), "基本")
        XCTAssertEqual(item.range.end, offset)
        XCTAssertTrue(list.labels.first == "基本支出", "\(list.labels.prefix(3))")
        // The document's own glossary is offered too, with its definition.
        let (own, _, _) = completion(header + "说明 一\n专项‸\n\n名词解释\n专项资金：专门用途的资金。\n")
        XCTAssertEqual(own.item("专项资金")?.documentation, "专门用途的资金。")
        XCTAssertEqual(own.labels.first, "专项资金")
    }

    func testReferencesInChecks() {
        let doc = header + """
        表 公开01 收入支出决算总表
        收入
        本年收入合计  1.00
        表 公开02 收入决算表
        合计  1.00  1.00

        """
        let (tables, _, _) = completion(doc + "校验 公开0‸")
        XCTAssertEqual(Array(tables.labels.prefix(2)), ["公开01", "公开02"])
        let (rows, _, _) = completion(doc + "校验 公开01.本年收入合计 = 公开02.‸")
        XCTAssertTrue(rows.labels.contains("合计"), "\(rows.labels)")
        let (columns, d, _) = completion(doc + "校验 公开01.本年收入合计 = 公开02.合计.本年‸")
        XCTAssertEqual(columns.labels.first, "本年收入合计")
        XCTAssertTrue(columns.labels.contains("财政拨款收入"))
        XCTAssertEqual(d.source.string(columns.item("财政拨款收入")!.range), "本年")
    }

    func testNonBMPCharacterBeforeTheCompletionRange() {
        // The range is in bytes here; converting it must count 𠀀 as 2 UTF-16 units / 4 bytes.
        let (list, doc, _) = completion(header + "说明 𠀀\n𠀀其中基本‸\n")
        let item = list.item("基本支出")!
        let start = doc.source.lineColumn(of: item.range.start, unit: .utf16)
        XCTAssertEqual(start.column, 4)  // 𠀀 (2) + 其中 (2)
        XCTAssertEqual(doc.source.lineColumn(of: item.range.start, unit: .utf8).column, 10)
        XCTAssertEqual(doc.source.lineColumn(of: item.range.end, unit: .utf16).column, 6)
    }
}
