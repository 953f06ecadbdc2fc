import Foundation
import XCTest
import JuesuanChecks
import JuesuanLanguageService
@testable import JuesuanServer
import JuesuanSyntax
import LanguageServerProtocol

/// A publication reuses the JSON of findings the edit left alone, and gives exactly what a
/// fresh conversion gives, also when an edit moved every later finding's offsets.
final class PublishedDiagnosticsTests: XCTestCase {
    func converter(_ source: SourceText, unit: ColumnUnit = .utf16, base: String = "https://docs.example/") -> Converter {
        Converter(source: source, unit: unit, uri: "file:///r.juesuan", documentationBase: base)
    }

    func testReusedJSONIsWhatAFreshConversionGives() throws {
        var published = PublishedDiagnostics()
        let before = Analysis(text: PipeClient.example)
        XCTAssertGreaterThan(before.diagnostics.count, 5)
        let first = published.convert(before.diagnostics, with: converter(before.source))
        XCTAssertEqual(first, before.diagnostics.map(converter(before.source).diagnostic))
        XCTAssertEqual(published.reusedLastTime, 0)

        // Characters inserted in the middle of a line near the middle (a comment: no finding
        // changes): every later finding moves in bytes; those on other lines keep their positions.
        let lines = PipeClient.example.components(separatedBy: "\n")
        let middle = try XCTUnwrap(lines.indices.dropFirst(lines.count / 2).first { lines[$0].isEmpty })
        var edited = lines
        edited[middle] = "# 中文注释，使后面的字节偏移全部改变"
        let after = Analysis(text: edited.joined(separator: "\n"))
        XCTAssertEqual(after.diagnostics.count, before.diagnostics.count)
        let second = published.convert(after.diagnostics, with: converter(after.source))
        XCTAssertEqual(second, after.diagnostics.map(converter(after.source).diagnostic))
        XCTAssertEqual(published.reusedLastTime, after.diagnostics.count, "nothing the client sees changed")

        // One figure changed: that finding's JSON is made again, the others are reused.
        let figureLine = try XCTUnwrap(edited.firstIndex { $0.hasPrefix("2080505") })
        edited[figureLine] = edited[figureLine].replacingOccurrences(of: "22.98", with: "22.99")
        let changed = Analysis(text: edited.joined(separator: "\n"))
        let third = published.convert(changed.diagnostics, with: converter(changed.source))
        XCTAssertEqual(third, changed.diagnostics.map(converter(changed.source).diagnostic))
        XCTAssertLessThan(published.reusedLastTime, changed.diagnostics.count)
        XCTAssertGreaterThan(published.reusedLastTime, 0)

        // A line inserted: the findings below it move down a line and are made again.
        edited.insert("# 插入的一行", at: middle)
        let shifted = Analysis(text: edited.joined(separator: "\n"))
        let below = shifted.diagnostics.filter { shifted.source.line(containing: $0.range.start) > middle }.count
        XCTAssertGreaterThan(below, 0)
        XCTAssertEqual(published.convert(shifted.diagnostics, with: converter(shifted.source)),
                       shifted.diagnostics.map(converter(shifted.source).diagnostic))
        XCTAssertLessThanOrEqual(published.reusedLastTime, shifted.diagnostics.count - below)

        // Another column unit or documentation base: nothing is reused.
        for other in [converter(shifted.source, unit: .utf8), converter(shifted.source, base: "file:///share/")] {
            XCTAssertEqual(published.convert(shifted.diagnostics, with: other), shifted.diagnostics.map(other.diagnostic))
            XCTAssertEqual(published.reusedLastTime, 0)
        }
    }

    /// Findings that differ in one text only are not taken for each other, whatever their place.
    func testFindingsDifferingInOneTextAreKeptApart() {
        let source = SourceText("第一行\n第二行\n")
        let base = Diagnostic(code: "A201", severity: .error, range: SourceRange(start: 0, end: 3), message: "合计不符",
                              fix: Fix(title: "改为 1", edits: [TextEdit(range: SourceRange(start: 0, end: 3), replacement: "1")]),
                              related: [RelatedLocation(range: SourceRange(start: 10, end: 13), message: "明细")])
        var variants = [base]
        var v = base; v.message = "合计不符。"; variants.append(v)
        v = base; v.code = "A202"; variants.append(v)
        v = base; v.severity = .warning; variants.append(v)
        v = base; v.fix!.edits[0].replacement = "2"; variants.append(v)
        v = base; v.fix!.isSafe = false; variants.append(v)
        v = base; v.fix = nil; variants.append(v)
        v = base; v.related[0].message = "明细行"; variants.append(v)
        v = base; v.related = []; variants.append(v)
        v = base; v.range = SourceRange(start: 0, end: 6); variants.append(v)
        var published = PublishedDiagnostics()
        let conversion = converter(source)
        XCTAssertEqual(published.convert(variants, with: conversion), variants.map(conversion.diagnostic))
        XCTAssertEqual(published.reusedLastTime, 0)
        XCTAssertEqual(published.convert(variants.reversed(), with: conversion), variants.reversed().map(conversion.diagnostic))
        XCTAssertEqual(published.reusedLastTime, variants.count)
    }
}
