import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17 (8, 11): file names that are not UTF-8, and `import` of GBK / UTF-16 text, through
/// the real binary. Texts are made here in each encoding by hand (no converter involved).
final class EncodingInputTests: XCTestCase {
    /// 测试 in GBK.
    static let gbkName: [UInt8] = [0xB2, 0xE2, 0xCA, 0xD4]

    func makeFile(_ directory: URL, _ name: [UInt8], _ contents: String) {
        let path = Array(directory.path.utf8) + [0x2F] + name + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        let bytes = Array(contents.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func testUndecodableFileNamesAreReported() throws {
        let only = try temporaryDirectory(self)
        makeFile(only, Self.gbkName + Array(".juesuan".utf8), "部门 某局\n年度 2024\n")
        var run = try runBinary(["lint", only.path])
        XCTAssertEqual(run.status, 2, "a folder whose only report has a GBK name is not 'nothing to check'")
        XCTAssertTrue(run.err.contains("\\xB2\\xE2\\xCA\\xD4.juesuan"), run.err)
        XCTAssertTrue(run.err.contains("不是有效的 UTF-8"), run.err)
        XCTAssertFalse(run.err.contains("没有 .juesuan 文件"), run.err)
        // Beside a checkable file: reported, the other file checked, the exit status is its own.
        let mixed = try temporaryDirectory(self)
        makeFile(mixed, Self.gbkName + Array(".juesuan".utf8), "x")
        makeFile(mixed, Array("ok.juesuan".utf8), "部门 某局\n年度 2024\n")
        makeFile(mixed, Self.gbkName + Array(".txt".utf8), "not a report: not mentioned")
        run = try runBinary(["lint", mixed.path])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("检查了 1 个文件"), run.out)
        XCTAssertEqual(run.err.components(separatedBy: "不是有效的 UTF-8").count - 1, 1, run.err)
        // fmt says so too.
        run = try runBinary(["fmt", "--check", only.path])
        XCTAssertEqual(run.status, 2)
    }

    static let report = "部门 某局\n年度 2024\n单位 万元\n\n说明 一、概况\n本年收入合计1,200.50万元。\n"

    /// GBK bytes of `report`, written out by hand: ASCII as is, each Chinese character its
    /// two GBK bytes (from the GB2312 table).
    static let gbk: [UInt8] = {
        let table: [Character: [UInt8]] = [
            "部": [0xB2, 0xBF], "门": [0xC3, 0xC5], "某": [0xC4, 0xB3], "局": [0xBE, 0xD6], "年": [0xC4, 0xEA], "度": [0xB6, 0xC8],
            "单": [0xB5, 0xA5], "位": [0xCE, 0xBB], "万": [0xCD, 0xF2], "元": [0xD4, 0xAA], "说": [0xCB, 0xB5], "明": [0xC3, 0xF7],
            "一": [0xD2, 0xBB], "、": [0xA1, 0xA2], "概": [0xB8, 0xC5], "况": [0xBF, 0xF6], "本": [0xB1, 0xBE], "收": [0xCA, 0xD5],
            "入": [0xC8, 0xEB], "合": [0xBA, 0xCF], "计": [0xBC, 0xC6], "。": [0xA1, 0xA3],
        ]
        var bytes: [UInt8] = []
        for c in report { if let b = table[c] { bytes += b } else { bytes += Array(String(c).utf8) } }
        return bytes
    }()

    func importing(_ bytes: [UInt8]) throws -> (status: Int32, out: String, err: String) {
        let dir = try temporaryDirectory(self)
        let path = dir.path + "/in.txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try runBinary(["import", path, "--quiet"])
    }

    func testImportDecodesGBKAndUTF16() throws {
        let utf8 = try importing(Array(Self.report.utf8))
        XCTAssertEqual(utf8.status, 0)
        XCTAssertFalse(utf8.err.contains("编码读取"))
        let littleEndian: [UInt8] = Self.report.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let bigEndian: [UInt8] = Self.report.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let cases: [([UInt8], String)] = [(Self.gbk, "GBK"), ([0xFF, 0xFE] + littleEndian, "UTF-16LE"), (bigEndian, "UTF-16BE"), (littleEndian, "UTF-16LE")]
        for (bytes, name) in cases {
            let run = try importing(bytes)
            XCTAssertEqual(run.status, 0, "\(name): \(run.err)")
            XCTAssertTrue(run.err.contains(name), "\(name): \(run.err)")
            XCTAssertEqual(run.out, utf8.out, "\(name) is imported as the UTF-8 text is")
            XCTAssertFalse(run.out.contains("\u{FFFD}"))
        }
        // Neither: refused, nothing written to stdout.
        let garbage = try importing([0xFF, 0x80, 0x81, 0x30, 0xFF, 0xFF, 0x10, 0x81, 0x30, 0x20, 0xFF, 0x41])
        XCTAssertEqual(garbage.status, 2)
        XCTAssertTrue(garbage.err.contains("既不是 UTF-8"), garbage.err)
        XCTAssertEqual(garbage.out, "")
    }
}
