import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import JuesuanRender
import JuesuanChecks
import JuesuanModel
import JuesuanTools
import JuesuanLint

/// Reads a stored zip back through its central directory, checking each local header against it
/// and each entry's CRC-32 against its data.
func readStoredZip(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [String: [UInt8]] {
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
    let end = bytes.count - 22
    guard end >= 0, u32(end) == 0x0605_4b50 else { XCTFail("no end of central directory", file: file, line: line); return [:] }
    let count = u16(end + 10)
    var at = Int(u32(end + 16))
    XCTAssertEqual(at + Int(u32(end + 12)), end, "central directory ends where the end record starts", file: file, line: line)
    var entries: [String: [UInt8]] = [:]
    for _ in 0..<count {
        XCTAssertEqual(u32(at), 0x0201_4b50, file: file, line: line)
        XCTAssertEqual(u16(at + 10), 0, "stored", file: file, line: line)
        let crc = u32(at + 16), size = Int(u32(at + 20)), nameLength = u16(at + 28)
        XCTAssertEqual(size, Int(u32(at + 24)), file: file, line: line)
        let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
        let local = Int(u32(at + 42))
        XCTAssertEqual(u32(local), 0x0403_4b50, file: file, line: line)
        XCTAssertEqual(u32(local + 14), crc, file: file, line: line)
        let localName = u16(local + 26), extra = u16(local + 28)
        XCTAssertEqual(String(decoding: bytes[(local + 30)..<(local + 30 + localName)], as: UTF8.self), name, file: file, line: line)
        let data = Array(bytes[(local + 30 + localName + extra)..<(local + 30 + localName + extra + size)])
        XCTAssertEqual(CRC32.checksum(data), crc, "\(name): CRC", file: file, line: line)
        entries[name] = data
        at += 46 + nameLength + u16(at + 30) + u16(at + 32)
    }
    return entries
}

final class DocxTests: XCTestCase {
    func testCRC32CheckValues() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([]), 0)
        XCTAssertEqual(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
    }

    func testStoredZipReadsBack() {
        var zip = StoredZip()
        zip.add("a.txt", text: "甲乙丙")
        zip.add("dir/b.bin", [0, 255, 1, 254])
        zip.add("empty", [])
        let entries = readStoredZip(zip.bytes)
        XCTAssertEqual(entries["a.txt"], Array("甲乙丙".utf8))
        XCTAssertEqual(entries["dir/b.bin"], [0, 255, 1, 254])
        XCTAssertEqual(entries["empty"], [])
        XCTAssertEqual(entries.count, 3)
    }

    func parts(_ text: String) -> [String: String] {
        readStoredZip(DocxRenderer().render(Analysis(text: text))).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    func testPackageIsWellFormedAndHoldsEveryFigure() throws {
        let text = try RenderFixtures.read("examples/zhushan-2024.juesuan")
        let document = parts(text)
        XCTAssertEqual(Set(document.keys), ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml"])
        for (name, xml) in document {
            let parser = XMLParser(data: Data(xml.utf8))
            XCTAssertTrue(parser.parse(), "\(name) is not well-formed: \(String(describing: parser.parserError))")
        }
        let body = document["word/document.xml"] ?? ""
        let analysis = Analysis(text: text)
        var checked = 0
        for table in analysis.report.tables {
            for row in table.allRows {
                XCTAssertTrue(body.contains(">\(HTMLRenderer.escape(row.code ?? row.displayName))</w:t>"), "\(table.id) \(row.displayName)")
                for cell in row.syntax.cells {
                    XCTAssertTrue(body.contains("<w:t xml:space=\"preserve\">\(cell.token.text)</w:t>"), "\(table.id) \(row.displayName) \(cell.token.text)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 250)
        XCTAssertTrue(body.contains(">收入支出决算总表</w:t>"))
        XCTAssertTrue(body.contains("本报告有 1 个错误"))
        XCTAssertEqual(DocxRenderer().render(analysis), DocxRenderer().render(Analysis(text: text)), "same source, same bytes")
    }

    func testReportTextIsEscapedInWordprocessingML() {
        let body = parts("""
        部门 <w:body>&局
        年度 2025

        说明 一、]]><x/>
        正文 <w:p/> "q" 'a' \u{1}

        表 公开10 国有资产占用情况表
        车辆数合计 0

        """)["word/document.xml"] ?? ""
        XCTAssertTrue(XMLParser(data: Data(body.utf8)).parse())
        XCTAssertFalse(body.contains("<x/>"))
        XCTAssertFalse(body.contains("<w:body>&"))
        XCTAssertTrue(body.contains("&lt;w:body&gt;&amp;局"))
        XCTAssertTrue(body.contains("正文 &lt;w:p/&gt; &quot;q&quot; &#39;a&#39; </w:t>"))
    }

    func testCommandWritesDocx() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("r.juesuan")
        try Data(RenderFixtures.clean.utf8).write(to: input)
        let out = dir.appendingPathComponent("r.DOCX")
        let captured = RenderCommandTests.Captured()
        XCTAssertEqual(RenderCommand.run([input.path, "-o", out.path], io: captured.io), 0, captured.error)
        let written = try [UInt8](Data(contentsOf: out))
        XCTAssertEqual(written, DocxRenderer().render(Analysis(text: RenderFixtures.clean)))
        XCTAssertNotNil(readStoredZip(written)["word/document.xml"])
    }
}
