import Foundation
import XCTest
@testable import JuesuanCatalogue

/// The generated Swift file must match data/*.tsv exactly; if this fails,
/// rerun `python3 scripts/generate-catalogue.py`.
final class EmbeddedCatalogueTests: XCTestCase {
    struct Row: Equatable, CustomStringConvertible {
        var code: String
        var name: String
        var level: String
        var description: String { "\(code)\t\(name)\t\(level)" }
    }

    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // JuesuanCatalogueTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root
        .appendingPathComponent("data")

    /// Reads a data file independently of the library's parser.
    func readRows(_ file: String) throws -> (text: String, rows: [Row]) {
        let url = Self.dataDirectory.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        XCTAssertEqual(lines.first, "code\tname\tlevel", "\(file): header")
        let rows = lines.dropFirst().map { line -> Row in
            let fields = line.components(separatedBy: "\t")
            XCTAssertEqual(fields.count, 3, "\(file): \(line)")
            return Row(code: fields[0], name: fields[1], level: fields.count > 2 ? fields[2] : "")
        }
        return (text, rows)
    }

    func embeddedRows(_ kind: ClassificationKind) -> [Row] {
        Catalogue.embedded.entries(withPrefix: "", kind: kind).map {
            Row(code: $0.code, name: $0.name, level: $0.level.displayName)
        }
    }

    func check(_ file: String, _ kind: ClassificationKind, embeddedText: String) throws {
        let (text, rows) = try readRows(file)
        XCTAssertFalse(rows.isEmpty)
        // The literal is the file verbatim, minus the final newline.
        XCTAssertTrue(embeddedText + "\n" == text,
                      "EmbeddedCatalogue.generated.swift is stale for data/\(file); run python3 scripts/generate-catalogue.py")
        let embedded = embeddedRows(kind)
        XCTAssertEqual(embedded.count, rows.count, file)
        for (lhs, rhs) in zip(embedded, rows) where lhs != rhs {
            XCTFail("\(file): embedded \(lhs) != file \(rhs)")
            break
        }
        XCTAssertEqual(Catalogue.embedded.count(kind: kind), rows.count)
        XCTAssertTrue(Catalogue.embedded.entries(withPrefix: "", kind: kind).allSatisfy { $0.origin == .embedded && $0.kind == kind })
    }

    func testFunctionalMatchesTSV() throws {
        try check("functional-codes.tsv", .functional, embeddedText: EmbeddedCatalogue.functionalTSV)
    }

    func testEconomicMatchesTSV() throws {
        try check("economic-codes.tsv", .economic, embeddedText: EmbeddedCatalogue.economicTSV)
    }

    /// data/verified-codes.tsv is embedded verbatim, and exactly its codes carry evidence.
    func testVerifiedMatchesTSV() throws {
        let url = Self.dataDirectory.appendingPathComponent("verified-codes.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(EmbeddedCatalogue.verifiedTSV + "\n" == text,
                      "EmbeddedCatalogue.generated.swift is stale for data/verified-codes.tsv; run python3 scripts/generate-catalogue.py")
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        XCTAssertEqual(lines.first, "kind\tcode\tname\tevidence")
        var verified: Set<String> = []
        for line in lines.dropFirst() {
            let fields = line.components(separatedBy: "\t")
            XCTAssertEqual(fields.count, 4, line)
            guard fields.count == 4, let kind = ClassificationKind(rawValue: fields[0]) else { XCTFail(line); continue }
            let entry = Catalogue.embedded.entry(code: fields[1], kind: kind)
            XCTAssertEqual(entry?.name, fields[2], "verified name of \(fields[1])")
            XCTAssertEqual(entry?.evidence, fields[3], fields[1])
            XCTAssertEqual(entry?.isVerified, true, fields[1])
            verified.insert("\(kind.rawValue) \(fields[1])")
        }
        XCTAssertEqual(verified.filter { $0.hasPrefix("functional") }.count, 91)
        XCTAssertEqual(verified.filter { $0.hasPrefix("economic") }.count, 41)
        // Every other embedded entry is unverified.
        for kind in ClassificationKind.allCases {
            for entry in Catalogue.embedded.entries(withPrefix: "", kind: kind) where !verified.contains("\(kind.rawValue) \(entry.code)") {
                XCTAssertNil(entry.evidence, entry.code)
                XCTAssertFalse(entry.isVerified, entry.code)
            }
        }
    }

    func testCountsFromSources() {
        let catalogue = Catalogue.embedded
        XCTAssertEqual(catalogue.count(kind: .functional), 1650)
        XCTAssertEqual(catalogue.count(kind: .economic), 109)
        let functional = catalogue.entries(withPrefix: "", kind: .functional)
        XCTAssertEqual(functional.filter { $0.level == .category }.count, 30)
        XCTAssertEqual(functional.filter { $0.level == .section }.count, 270)
        XCTAssertEqual(functional.filter { $0.level == .item }.count, 1350)
        let economic = catalogue.entries(withPrefix: "", kind: .economic)
        XCTAssertEqual(economic.filter { $0.level == .category }.count, 10)
        XCTAssertEqual(economic.filter { $0.level == .section }.count, 99)
    }

    /// The indexes by parent and by name are made on first use (issue 15, session 8): made
    /// by several threads at once they are the same, and a table that changes makes them anew.
    func testTheIndexesByParentAndNameAreMadeOnFirstUse() {
        let entries = Catalogue.embeddedEntries(EmbeddedCatalogue.functionalTSV, kind: .functional)
        let reference = Catalogue.Table(entries: entries)
        let expected = (reference.children, reference.sortedNameKeys, reference.nameCounts)
        let fresh = Catalogue.Table(entries: entries)
        final class Answers: @unchecked Sendable {
            let lock = NSLock()
            var children: [[String: [String]]] = []
            var counts: [[[UInt8]: Int]] = []
        }
        let answers = Answers()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let children = fresh.children, counts = fresh.nameCounts
            answers.lock.lock(); answers.children.append(children); answers.counts.append(counts); answers.lock.unlock()
        }
        XCTAssertEqual(answers.children.count, 8)
        for children in answers.children { XCTAssertEqual(children, expected.0) }
        for counts in answers.counts { XCTAssertEqual(counts, expected.2) }
        XCTAssertEqual(fresh.sortedNameKeys, expected.1)
        // A table that changes after its indexes were made has them made anew.
        var changed = fresh
        changed.insert(CatalogueEntry(code: "2010188", name: "本地新增", level: .item, kind: .functional, origin: .local))
        let siblings = changed.children["20101"] ?? []
        XCTAssertTrue(siblings.contains("2010188"))
        XCTAssertEqual(siblings, siblings.sorted())
        XCTAssertEqual(changed.nameCounts[Catalogue.Table.nameKey("本地新增")], 1)
        XCTAssertNil(fresh.children["20101"]?.firstIndex(of: "2010188"), "the original keeps its own")
        XCTAssertEqual(Catalogue.embedded.count(ofName: "行政运行", kind: .functional), reference.nameCounts[Catalogue.Table.nameKey("行政运行")])
    }

    /// `Catalogue.embedded` reads the generated text with a fast reader that trusts it (issue
    /// 15): the validating parser of user lists reads the same entries from it, and the tables
    /// built without sorting equal the ones built with a sort.
    func testTheFastReaderReadsWhatTheValidatingParserReads() throws {
        for (text, kind) in [(EmbeddedCatalogue.functionalTSV, ClassificationKind.functional), (EmbeddedCatalogue.economicTSV, .economic)] {
            let validated = try CatalogueTSV.parse(text, kind: kind, origin: .embedded)
            let fast = Catalogue.embeddedEntries(text, kind: kind)
            XCTAssertEqual(fast, validated)
            XCTAssertGreaterThan(fast.count, 100)
            var sorted = Catalogue.Table()
            for entry in fast.reversed() { sorted.byCode[entry.code] = entry }
            sorted.reindex()
            let inOrder = Catalogue.Table(entries: fast)
            XCTAssertEqual(inOrder.sortedCodes, sorted.sortedCodes)
            XCTAssertEqual(inOrder.children, sorted.children)
            XCTAssertEqual(inOrder.sortedNameKeys, sorted.sortedNameKeys)
            XCTAssertEqual(inOrder.nameCounts, sorted.nameCounts)
        }
        XCTAssertEqual(Catalogue.embedded.entry(code: "2010101", kind: .functional)?.name, "行政运行")
        XCTAssertNotNil(Catalogue.embedded.entry(code: "30101", kind: .economic)?.evidence)
    }
}
