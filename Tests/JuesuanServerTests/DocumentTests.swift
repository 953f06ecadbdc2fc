import Foundation
import XCTest
@testable import JuesuanServer
import LanguageServerProtocol

final class DocumentTests: XCTestCase {
    let uri = "file:///work/examples/zhushan-2024.juesuan"

    func testOpeningTheExamplePublishesItsDiagnostics() throws {
        let client = PipeClient()
        _ = client.initialize()
        client.open(uri, PipeClient.example, version: 3)
        let params = try XCTUnwrap(client.diagnostics(uri))
        XCTAssertEqual(params["version"], 3)
        let diagnostics = try XCTUnwrap(params["diagnostics"]?.arrayValue)
        let codes = diagnostics.compactMap { $0["code"]?.stringValue }
        XCTAssertTrue(codes.contains("A290"))
        let c302 = try XCTUnwrap(diagnostics.first { $0["code"] == "C302" })
        XCTAssertEqual(c302["severity"], 2)
        XCTAssertEqual(c302["source"], "juesuan")
        // The rule's entry in docs/rules.md (what juesuan explain prints), in the repository by default.
        XCTAssertEqual(c302["codeDescription"]?["href"], "https://github.com/juesuan/juesuan/blob/main/docs/rules.md#c302")
        // Exact range: the label 公务员医疗补助缴款 on the 30111 row, in UTF-16.
        XCTAssertEqual(c302["range"]?["start"], position(of: "公务员医疗补助缴款", in: PipeClient.example))
        XCTAssertEqual(c302["range"]?["end"], position(of: "公务员医疗补助缴款", in: PipeClient.example, add: 9))
        XCTAssertEqual(c302["data"]?["fix"]?["edits"]?[0]?["newText"], "公务员医疗补助缴费")
        let a290 = try XCTUnwrap(diagnostics.first { $0["code"] == "A290" })
        XCTAssertEqual(a290["severity"], 3)
        XCTAssertGreaterThan(a290["relatedInformation"]?.arrayValue?.count ?? 0, 1)
        XCTAssertEqual(a290["relatedInformation"]?[0]?["location"]?["uri"], .string(uri))
    }

    func testEditingANumberPublishesTheNewVersionAndCloseClears() throws {
        let client = PipeClient()
        _ = client.initialize()
        let text = PipeClient.example
        client.open(uri, text)
        _ = client.diagnostics(uri, version: 1)
        // 21011 行政事业单位医疗 7.60 → 9.60 in 公开02: its 类 210 no longer adds up.
        let start = position(of: "7.60    7.60", in: text)
        var end = start.objectValue!
        end["character"] = .int(start["character"]!.intValue! + 1)
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2],
            "contentChanges": [["range": ["start": start, "end": .object(end)], "text": "9"]],
        ])
        let params = try XCTUnwrap(client.diagnostics(uri, version: 2))
        let errors = params["diagnostics"]!.arrayValue!.filter { $0["severity"] == 1 }
        XCTAssertTrue(errors.contains { $0["code"]?.stringValue?.hasPrefix("A2") == true }, "\(errors)")
        let a201 = try XCTUnwrap(errors.first { $0["code"] == "A201" })
        XCTAssertNotNil(a201["relatedInformation"])

        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(uri)]])
        client.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        let cleared = try XCTUnwrap(client.diagnostics(uri, where: { $0["diagnostics"]?.arrayValue?.isEmpty == true }))
        XCTAssertNil(cleared["version"])
    }

    func testSeveralChangesInOneNotificationAndOnlyTheNewestIsPublishedLast() throws {
        let client = PipeClient()
        _ = client.initialize()
        client.open(uri, "部门 局\n年度 2024\n")
        _ = client.diagnostics(uri, version: 1)
        // Type a table row character by character, two changes per notification.
        let row = "表 公开05 一般公共预算财政拨款支出决算表\n合计 1.00 1.00 0.00\n"
        var line = 2, character = 0, version = 1
        var characters = Array(row)
        while !characters.isEmpty {
            var changes: [JSONValue] = []
            for _ in 0..<2 where !characters.isEmpty {
                let c = characters.removeFirst()
                let at: JSONValue = ["line": .int(line), "character": .int(character)]
                changes.append(["range": ["start": at, "end": at], "text": .string(String(c))])
                if c == "\n" { line += 1; character = 0 } else { character += String(c).utf16.count }
            }
            version += 1
            client.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": .array(changes)])
        }
        _ = try XCTUnwrap(client.diagnostics(uri, version: version))
        let hover = client.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": 3, "character": 0]])
        XCTAssertNotNil(result(hover))
        Thread.sleep(forTimeInterval: 0.2)
        let versions = client.drainDiagnostics().compactMap { $0["version"]?.intValue }
        XCTAssertTrue(versions.allSatisfy { $0 <= version }, "nothing after the newest: \(versions)")
        XCTAssertEqual(versions, versions.sorted(), "published versions only increase")
    }

    func testPositionsInUTF16AndUTF8AroundANonBMPCharacter() throws {
        let text = "部门 局\n年度 2024\n说明 一\n𠀀甲，事业收入0.00万元。\n"
        for (capabilities, utf8) in [(JSONValue.object([:]), false), (["general": ["positionEncodings": ["utf-8"]]], true)] {
            let client = PipeClient()
            _ = client.initialize(capabilities)
            client.open(uri, text)
            _ = client.diagnostics(uri)
            let at = position(of: "事业收入", in: text, add: 1, utf8: utf8)
            let response = client.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": at])
            let hover = try XCTUnwrap(result(response))
            // No contentFormat offered: plain text (HoverFormatTests covers both formats).
            XCTAssertTrue(hover["contents"]?["value"]?.stringValue?.hasPrefix("事业收入\n") == true)
            XCTAssertEqual(hover["range"]?["start"], position(of: "事业收入", in: text, utf8: utf8))
            XCTAssertEqual(hover["range"]?["start"]?["character"], utf8 ? 10 : 4)
            XCTAssertEqual(hover["range"]?["end"], position(of: "事业收入", in: text, add: 4, utf8: utf8))
        }
    }

    func testCompletionAndHoverOverTheWire() throws {
        let client = PipeClient()
        _ = client.initialize()
        var text = PipeClient.example
        text = text.replacingOccurrences(of: "221      住房保障支出                        12.89   12.89\n", with: "2101\n221      住房保障支出                        12.89   12.89\n")
        client.open(uri, text)
        _ = client.diagnostics(uri)
        let lineIndex = text.components(separatedBy: "\n").firstIndex(of: "2101")!
        let at: JSONValue = ["line": .int(lineIndex), "character": 4]
        let list = try XCTUnwrap(result(client.request("textDocument/completion", ["textDocument": ["uri": .string(uri)], "position": at])))
        XCTAssertEqual(list["isIncomplete"], true)
        let items = list["items"]!.arrayValue!
        let item = try XCTUnwrap(items.first { $0["label"] == "21015" })
        XCTAssertEqual(item["textEdit"]?["newText"], "21015  医疗保障管理事务")
        XCTAssertEqual(item["textEdit"]?["range"]?["start"]?["character"], 0)
        XCTAssertEqual(item["textEdit"]?["range"]?["end"]?["character"], 4)
        let hover = try XCTUnwrap(result(client.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": position(of: "21015 ", in: text, add: 2)])))
        XCTAssertTrue(hover["contents"]?["value"]?.stringValue?.contains("210 卫生健康支出 › 21015 医疗保障管理事务") == true)
    }
}

extension PipeClient {
    func diagnostics(_ uri: String, where predicate: @escaping (JSONValue) -> Bool) -> JSONValue? {
        wait { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message,
                  params["uri"]?.stringValue == uri else { return false }
            return predicate(params)
        }?.params
    }
}
