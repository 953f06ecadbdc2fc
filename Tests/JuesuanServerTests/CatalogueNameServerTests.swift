import Foundation
import XCTest
@testable import JuesuanServer
import LanguageServerProtocol

/// Issue 18 through the protocol: completion by name, workspace/symbol, verified and
/// unverified catalogue entries in hover and C302.
final class CatalogueNameServerTests: XCTestCase {
    let uri = "file:///work/names.juesuan"
    static let head = "部门 测试局\n年度 2024\n单位 万元\n\n"

    /// Opens `text` with one `‸` marking the cursor; returns the client and the cursor position.
    func opened(_ marked: String, uri: String? = nil) -> (PipeClient, JSONValue, String) {
        let text = marked.replacingOccurrences(of: "‸", with: "")
        let before = String(marked[..<marked.range(of: "‸")!.lowerBound])
        let lines = before.components(separatedBy: "\n")
        let at: JSONValue = ["line": .int(lines.count - 1), "character": .int(lines.last!.utf16.count)]
        let client = PipeClient()
        _ = client.initialize()
        client.open(uri ?? self.uri, text)
        _ = client.diagnostics(uri ?? self.uri)
        return (client, at, text)
    }

    /// The items in the order a client shows them (by sortText).
    func complete(_ marked: String) throws -> (list: JSONValue, items: [JSONValue]) {
        let (client, at, _) = opened(marked)
        let list = try XCTUnwrap(result(client.request("textDocument/completion", ["textDocument": ["uri": .string(uri)], "position": at])))
        let items = (list["items"]?.arrayValue ?? []).sorted { ($0["sortText"]?.stringValue ?? "") < ($1["sortText"]?.stringValue ?? "") }
        return (list, items)
    }

    func labels(_ items: [JSONValue]) -> [String] { items.compactMap { $0["label"]?.stringValue } }

    /// A code item's label starts with an ASCII digit (一 is a number too, but no code).
    func startsWithCode(_ label: String) -> Bool { label.first.map { $0.isASCII && $0.isNumber } ?? false }

    // MARK: Completion by name

    func testNameAtRowStartOffersEveryCodeWithThatNameAndItsPath() throws {
        let (list, items) = try complete(Self.head + "表 公开03 支出决算表\n合计  10.00  10.00\n行政运行‸\n")
        XCTAssertEqual(list["isIncomplete"], true, "typing more narrows")
        XCTAssertEqual(Array(labels(items).prefix(3)), ["2010101 行政运行", "2010201 行政运行", "2010301 行政运行"])
        let first = items[0]
        XCTAssertEqual(first["textEdit"]?["newText"], "2010101  行政运行")
        XCTAssertEqual(first["textEdit"]?["range"], ["start": ["line": 6, "character": 0], "end": ["line": 6, "character": 4]])
        XCTAssertEqual(first["kind"], 21)
        XCTAssertEqual(first["detail"], "一般公共服务支出 › 人大事务", "an ambiguous name shows 类 › 款")
        XCTAssertEqual(first["labelDetails"]?["description"], "一般公共服务支出 › 人大事务")
        let medical = try XCTUnwrap(items.first { $0["label"] == "2101501 行政运行" })
        XCTAssertEqual(medical["detail"], "卫生健康支出 › 医疗保障管理事务")
        XCTAssertTrue(medical["documentation"]?["value"]?.stringValue?.contains("已核实") == true)
        XCTAssertTrue(items.first { $0["label"] == "2010101 行政运行" }?["documentation"]?["value"]?.stringValue?.contains("未经核实") == true)
        // The block keywords are still offered at column 0, but after every code.
        let keyword = try XCTUnwrap(labels(items).firstIndex(of: "表"))
        let lastCode = try XCTUnwrap(labels(items).lastIndex { startsWithCode($0) })
        XCTAssertGreaterThan(keyword, lastCode)
        // Whole-name matches (行政运行) before names that merely contain it.
        let codes = items.filter { $0["kind"] == 21 }.compactMap { $0["label"]?.stringValue }
        let firstOther = codes.firstIndex { !$0.hasSuffix(" 行政运行") } ?? codes.count
        XCTAssertTrue(codes[firstOther...].allSatisfy { !$0.hasSuffix(" 行政运行") })
    }

    func testChildrenOfTheSectionAboveComeFirst() throws {
        let (_, items) = try complete(Self.head + "表 公开03 支出决算表\n合计  10.00  10.00\n210  卫生健康支出  10.00  10.00\n21015  医疗保障管理事务  10.00  10.00\n2101502  一般行政管理事务  10.00  10.00\n行政‸\n")
        XCTAssertEqual(labels(items).first, "2101501 行政运行")
        // The rest of 210 before other 类.
        let codes = labels(items).filter { startsWithCode($0) }
        let firstOutside = try XCTUnwrap(codes.firstIndex { !$0.hasPrefix("210") })
        XCTAssertTrue(codes[..<firstOutside].allSatisfy { $0.hasPrefix("210") })
        XCTAssertTrue(codes[firstOutside...].contains("2010101 行政运行"))
        // A code already written comes last.
        let (_, again) = try complete(Self.head + "表 公开03 支出决算表\n合计  10.00  10.00\n210  卫生健康支出  10.00  10.00\n21015  医疗保障管理事务  10.00  10.00\n2101502  一般行政管理事务  10.00  10.00\n医疗保障‸\n")
        let medical = labels(again).filter { startsWithCode($0) }
        XCTAssertEqual(medical.first, "2101505 医疗保障政策管理")
        XCTAssertEqual(medical.last, "21015 医疗保障管理事务")
    }

    func testPartOfALongNameFindsTheCode() throws {
        let (_, items) = try complete(Self.head + "表 公开05 一般公共预算财政拨款支出决算表\n养老保险缴费‸\n")
        let first = try XCTUnwrap(items.first)
        XCTAssertEqual(first["label"], "2080505 机关事业单位基本养老保险缴费支出")
        XCTAssertEqual(first["textEdit"]?["newText"], "2080505  机关事业单位基本养老保险缴费支出")
        XCTAssertEqual(first["detail"], "支出功能分类科目 · 项", "a unique name needs no path")
        XCTAssertNil(first["labelDetails"])
    }

    func testEconomicNamesIn公开06() throws {
        let (_, items) = try complete(Self.head + "表 公开06 一般公共预算财政拨款基本支出决算明细表\n301  工资福利支出  10.00\n基本工资‸\n")
        XCTAssertEqual(labels(items).first, "30101 基本工资")
        XCTAssertEqual(items.first?["textEdit"]?["newText"], "30101  基本工资")
        // Only economic codes: no functional 7-digit codes.
        XCTAssertFalse(labels(items).contains { startsWithCode($0) && !$0.hasPrefix("3") })
        let (_, others) = try complete(Self.head + "表 公开06 一般公共预算财政拨款基本支出决算明细表\n行政运行‸\n")
        XCTAssertFalse(labels(others).contains { startsWithCode($0) }, "行政运行 is no economic name")
    }

    func testACodePrefixNarrowsToItsChildren() throws {
        let (_, items) = try complete(Self.head + "表 公开03 支出决算表\n合计  10.00  10.00\n210行政运行‸\n")
        let codes = labels(items).filter { startsWithCode($0) }
        XCTAssertEqual(codes.first, "2100101 行政运行")
        XCTAssertTrue(codes.allSatisfy { $0.hasPrefix("210") }, "\(codes)")
        XCTAssertTrue(codes.contains("2101501 行政运行"))
        XCTAssertEqual(items.first?["textEdit"]?["range"]?["end"]?["character"], 7, "the prefix is replaced too")
        // A prefix word, a blank, then the name.
        let (_, spaced) = try complete(Self.head + "表 公开03 支出决算表\n合计  10.00  10.00\n21015 行政‸\n")
        let spacedCodes = spaced.filter { $0["kind"] == 21 }
        XCTAssertEqual(spacedCodes.compactMap { $0["label"]?.stringValue }, ["2101501 行政运行", "2101502 一般行政管理事务"])
        XCTAssertEqual(spacedCodes.first?["textEdit"]?["range"], ["start": ["line": 6, "character": 0], "end": ["line": 6, "character": 8]])
        XCTAssertEqual(spacedCodes.first?["textEdit"]?["newText"], "2101501  行政运行")
    }

    func testNoCodesWhereNoNameBelongs() throws {
        // A table of labels, prose, and a name in no catalogue.
        let (_, labelsTable) = try complete(Self.head + "表 公开09 “三公”经费支出决算表\n行政运行‸\n")
        XCTAssertFalse(labels(labelsTable).contains { startsWithCode($0) }, "\(labels(labelsTable))")
        let (_, prose) = try complete(Self.head + "说明 一、收入决算情况说明\n行政运行‸\n")
        XCTAssertFalse(labels(prose).contains { startsWithCode($0) }, "\(labels(prose))")
        let (list, unknown) = try complete(Self.head + "表 公开03 支出决算表\n不存在的科目‸\n")
        XCTAssertFalse(labels(unknown).contains { startsWithCode($0) })
        XCTAssertEqual(list["isIncomplete"], false)
        // After a complete code, its own name is still offered first (not replaced by a search).
        let (_, named) = try complete(Self.head + "表 公开03 支出决算表\n2101501 行政‸\n")
        XCTAssertEqual(named.first?["label"], "行政运行")
        XCTAssertFalse(labels(named).contains("2101501 行政运行"))
    }

    // MARK: Verification in hover and C302

    func testHoverAndC302FollowVerification() throws {
        let marked = Self.head + "表 公开03 支出决算表\n合计  20.00  20.00\n210  卫生健康支出  20.00  20.00\n21015  医疗保障管理事务  20.00  20.00\n2101501  行政运作  10.00  10.00\n2101550  医保事业运行  10.00  10.00‸\n"
        let (client, _, text) = opened(marked)
        func hover(_ needle: String) -> String {
            let response = client.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": position(of: needle, in: text, add: 1)])
            return result(response)?["contents"]?["value"]?.stringValue ?? ""
        }
        let verified = hover("2101501")
        XCTAssertTrue(verified.contains("已核实"), verified)
        XCTAssertTrue(verified.contains("seeds 001, 002"), "the evidence: \(verified)")
        let unverified = hover("2101550")
        XCTAssertTrue(unverified.contains("未核实"), unverified)
        XCTAssertFalse(unverified.contains("已核实"))
        // An economic code: 30101 is verified by the 2026 budget.
        let (economic, _, economicText) = opened(Self.head + "表 公开06 一般公共预算财政拨款基本支出决算明细表\n301  工资福利支出  1.00\n30101  基本工资  1.00‸\n",
                                                 uri: "file:///work/economic.juesuan")
        let response = economic.request("textDocument/hover", ["textDocument": ["uri": "file:///work/economic.juesuan"], "position": position(of: "30101", in: economicText, add: 2)])
        let value = result(response)?["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(value.contains("已核实") && value.contains("上海市普陀区石泉路街道"), value)
    }

    func testC302SeverityOverTheWire() throws {
        let text = Self.head + "表 公开03 支出决算表\n合计  20.00  20.00\n210  卫生健康支出  20.00  20.00\n21015  医疗保障管理事务  20.00  20.00\n2101501  行政运作  10.00  10.00\n2101550  医保事业运行  10.00  10.00\n"
        let client = PipeClient()
        _ = client.initialize()
        client.open(uri, text)
        let diagnostics = try XCTUnwrap(client.diagnostics(uri)?["diagnostics"]?.arrayValue)
        let c302 = diagnostics.filter { $0["code"] == "C302" }
        XCTAssertEqual(c302.count, 2, "\(diagnostics)")
        let verified = try XCTUnwrap(c302.first { $0["range"]?["start"] == position(of: "行政运作", in: text) })
        XCTAssertEqual(verified["severity"], 2)
        XCTAssertFalse(verified["message"]?.stringValue?.contains("未经核实") ?? true)
        let unverified = try XCTUnwrap(c302.first { $0["range"]?["start"] == position(of: "医保事业运行", in: text) })
        XCTAssertEqual(unverified["severity"], 3)
        XCTAssertTrue(unverified["message"]?.stringValue?.contains("未经核实") == true)
    }

    // MARK: workspace/symbol

    func testWorkspaceSymbolFindsRowsAndCatalogueCodes() throws {
        let text = Self.head + "表 公开03 支出决算表\n合计  10.00  10.00\n210  卫生健康支出  10.00  10.00\n21015  医疗保障管理事务  10.00  10.00\n2101501  行政运行  10.00  10.00\n"
        let client = PipeClient()
        let initialized = client.initialize()
        XCTAssertEqual(initialized["capabilities"]?["workspaceSymbolProvider"], true)
        client.open(uri, text)
        _ = client.diagnostics(uri)
        func symbols(_ query: String) throws -> [JSONValue] {
            try XCTUnwrap(result(client.request("workspace/symbol", ["query": .string(query)]))?.arrayValue)
        }
        let found = try symbols("行政运行")
        // The report's own row first, at its code and label.
        XCTAssertEqual(found.first?["name"], "2101501 行政运行")
        XCTAssertEqual(found.first?["kind"], 22)
        XCTAssertEqual(found.first?["location"]?["uri"], .string(uri))
        XCTAssertEqual(found.first?["location"]?["range"]?["start"], position(of: "2101501", in: text))
        XCTAssertEqual(found.first?["containerName"], "公开03 支出决算表")
        // Then catalogue codes of the same name that the report does not use, at the table's heading.
        let catalogue = found.filter { $0["kind"] == 14 }
        XCTAssertEqual(catalogue.first?["name"], "2010101 行政运行")
        XCTAssertEqual(catalogue.first?["containerName"], "支出功能分类科目 › 一般公共服务支出 › 人大事务（本报告未用）")
        XCTAssertEqual(catalogue.first?["location"]?["range"]?["start"], position(of: "表 公开03", in: text))
        XCTAssertFalse(catalogue.contains { $0["name"] == "2101501 行政运行" }, "a used code is listed once, as its row")
        // By code prefix.
        let byCode = try symbols("21015").compactMap { $0["name"]?.stringValue }
        XCTAssertEqual(Array(byCode.prefix(2)), ["21015 医疗保障管理事务", "2101501 行政运行"])
        XCTAssertTrue(byCode.contains("2101502 一般行政管理事务"))
        XCTAssertTrue(byCode.allSatisfy { $0.hasPrefix("21015") })
        // No 公开06 open: economic codes have nowhere to point.
        XCTAssertEqual(try symbols("基本工资"), [])
        // A second report: its rows too; an empty query lists code rows only.
        let other = "file:///work/other.juesuan"
        client.open(other, Self.head + "表 公开06 一般公共预算财政拨款基本支出决算明细表\n301  工资福利支出  1.00\n30101  基本工资  1.00\n")
        _ = client.diagnostics(other)
        let economic = try symbols("基本工资")
        XCTAssertEqual(economic.first?["name"], "30101 基本工资")
        XCTAssertEqual(economic.first?["location"]?["uri"], .string(other))
        let all = try symbols("")
        XCTAssertEqual(all.count, 5)
        XCTAssertTrue(all.allSatisfy { $0["kind"] == 22 })
        XCTAssertEqual(try symbols("不存在的科目"), [])
    }
}
