import XCTest
@testable import JuesuanCatalogue

/// `entries(nameContaining:kind:codePrefix:)`: the search behind completion by name (issue 18).
final class CatalogueNameSearchTests: XCTestCase {
    let catalogue = Catalogue.embedded

    func codes(_ query: String, _ kind: ClassificationKind = .functional, prefix: String = "") -> [String] {
        catalogue.entries(nameContaining: query, kind: kind, codePrefix: prefix).map(\.entry.code)
    }

    func testWholeNamesInCodeOrderWithHomonyms() {
        let matches = catalogue.entries(nameContaining: "行政运行", kind: .functional)
        let whole = matches.filter { $0.quality == .whole }
        XCTAssertEqual(Array(whole.prefix(3).map(\.entry.code)), ["2010101", "2010201", "2010301"])
        XCTAssertTrue(whole.contains { $0.entry.code == "2101501" })
        XCTAssertGreaterThan(whole.count, 50, "行政运行 is under most 款")
        XCTAssertTrue(whole.allSatisfy { $0.homonyms == whole.count && $0.entry.name == "行政运行" })
        // Whole matches come before any name that merely contains the words.
        let firstPartial = matches.firstIndex { $0.quality != .whole } ?? matches.count
        XCTAssertEqual(firstPartial, whole.count)
    }

    func testInsideMatchAndUniqueName() throws {
        let matches = catalogue.entries(nameContaining: "养老保险缴费", kind: .functional)
        let first = try XCTUnwrap(matches.first)
        XCTAssertEqual(first.entry.code, "2080505")
        XCTAssertEqual(first.quality, .inside)
        XCTAssertEqual(first.homonyms, 1)
        XCTAssertEqual(codes("基本工资", .economic), ["30101"])
        XCTAssertEqual(codes("基本工资", .functional), [], "kinds are separate")
    }

    func testRankingPrefixBeforeInsideAndSectionBeforeItem() {
        // 医疗保障 starts 医疗保障管理事务 (款 21015) and 2101505/2101506's names; it is inside 其他医疗保障管理事务支出.
        let matches = catalogue.entries(nameContaining: "医疗保障", kind: .functional)
        let qualities = matches.map(\.quality.rawValue)
        XCTAssertEqual(qualities, qualities.sorted(), "whole, then prefix, then inside")
        let prefixMatches = matches.filter { $0.quality == .prefix }.map(\.entry.code)
        XCTAssertEqual(prefixMatches.first, "21015", "a 款 before its 项")
        XCTAssertTrue(prefixMatches.contains("2101505"))
        XCTAssertTrue(matches.contains { $0.entry.code == "2101599" && $0.quality == .inside })
    }

    func testCodePrefixNarrows() {
        XCTAssertEqual(codes("行政运行", prefix: "21015"), ["2101501"])
        XCTAssertEqual(codes("行政运行", prefix: "210").allSatisfy { $0.hasPrefix("210") }, true)
        XCTAssertEqual(codes("行政运行", prefix: "210").first, "2100101")
        XCTAssertEqual(codes("行政运行", prefix: "9"), [])
    }

    func testNormalisedComparison() {
        // ASCII parentheses and blanks match the official full-width form.
        XCTAssertEqual(codes("政府办公厅(室)").first, "20103")
        XCTAssertEqual(codes("政府 办公厅（室）").first, "20103")
        XCTAssertEqual(codes(""), [])
        XCTAssertEqual(codes("  "), [])
        XCTAssertEqual(codes("不存在的名称"), [])
        // A query longer than every name, and one byte of a multi-byte scalar, find nothing.
        XCTAssertEqual(codes(String(repeating: "行政运行", count: 20)), [])
    }

    func testIndexFollowsAddingAndReplacing() {
        var local = catalogue.adding(code: "2101588", name: "医保信息专项", kind: .functional)
        XCTAssertEqual(local.entries(nameContaining: "医保信息", kind: .functional).map(\.entry.code), ["2101588"])
        // Replacing a name removes the old one from the index.
        local = local.adding(code: "2101588", name: "地方专项", kind: .functional)
        XCTAssertEqual(local.entries(nameContaining: "医保信息", kind: .functional).map(\.entry.code), [])
        XCTAssertEqual(local.entries(nameContaining: "地方专项", kind: .functional).map(\.entry.code), ["2101588"])
        XCTAssertEqual(local.count(ofName: "行政运行", kind: .functional), catalogue.count(ofName: "行政运行", kind: .functional))
        XCTAssertEqual(local.count(ofName: "医保信息专项", kind: .functional), 0)
        // A big merge rebuilds the index.
        let official = try! Catalogue(tsv: (0..<20).map { "21015\(60 + $0)\t专项\($0)号" }.joined(separator: "\n"), kind: .functional)
        let merged = catalogue.merging(official)
        XCTAssertEqual(merged.entries(nameContaining: "专项1", kind: .functional).map(\.entry.code).prefix(2), ["2101561", "2101570"])
    }
}
