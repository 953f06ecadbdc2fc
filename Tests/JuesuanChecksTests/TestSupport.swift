import Foundation
import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func readExample(_ name: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent("examples/\(name)"), encoding: .utf8)
}

/// A minimal valid header, so that tests of one rule see no S106.
let header = "部门 测试局\n年度 2024\n单位 万元\n"

func analyze(_ body: String) -> Analysis { Analysis(text: header + body) }

/// The figures of one line of prose, read on their own.
func proseClaims(_ line: String) -> [Claim] {
    let source = SourceText(line)
    return ClaimScanner.claims(line: 0, range: SourceRange(start: 0, end: source.bytes.count), source: source)
}

/// The analysis of `body` after the header, and its errors and warnings.
func seriousFindings(_ body: String) -> (Analysis, [Diagnostic]) {
    let analysis = analyze(body)
    return (analysis, analysis.diagnostics.filter { $0.severity == .error || $0.severity == .warning })
}

/// `body` raises no error or warning; with `from` replaced by `to` it raises exactly one,
/// `code`, on `figure`, its message holding `saying`.
func assertSilent(_ body: String, thenWith from: String, replacedBy to: String, finds code: String, on figure: String, saying: String,
                  file: StaticString = #filePath, line: UInt = #line) {
    let (quiet, silent) = seriousFindings(body)
    XCTAssertEqual(silent.map { "\($0.code) \(quiet.text(of: $0)) \($0.message)" }, [], file: file, line: line)
    let (analysis, found) = seriousFindings(body.replacingOccurrences(of: from, with: to))
    XCTAssertEqual(found.map(\.code), [code], found.map(\.message).joined(separator: "\n"), file: file, line: line)
    XCTAssertEqual(found.first.map { analysis.text(of: $0) }, figure, file: file, line: line)
    XCTAssertTrue(found.first?.message.contains(saying) == true, found.first?.message ?? "", file: file, line: line)
}

/// Silent as written; with `from` replaced, a finding of `code` on `figure` saying `saying`
/// (others may come with it: a moved figure often breaks two statements).
func assertFound(_ body: String, thenWith from: String, replacedBy to: String, finds code: String, on figure: String, saying: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    let (quiet, silent) = seriousFindings(body)
    XCTAssertEqual(silent.map { "\($0.code) \(quiet.text(of: $0)) \($0.message)" }, [], file: file, line: line)
    let (analysis, found) = seriousFindings(body.replacingOccurrences(of: from, with: to))
    let match = found.first { $0.code == code && analysis.text(of: $0) == figure }
    XCTAssertNotNil(match, found.map { "\($0.code) \(analysis.text(of: $0)) \($0.message)" }.joined(separator: "\n"), file: file, line: line)
    XCTAssertTrue(match?.message.contains(saying) == true, match?.message ?? "", file: file, line: line)
}

/// A probe report (`Fixtures/probe-*.juesuan`) without its header: the tests' own goes before it.
func probeBody(_ name: String) throws -> String {
    try readFixture(name).split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("部门 ") && !$0.hasPrefix("年度 ") && !$0.hasPrefix("单位 ") }.joined(separator: "\n")
}

func codes(_ body: String, severity: Severity? = nil) -> [String] {
    analyze(body).diagnostics.filter { severity == nil || $0.severity == severity }.map(\.code)
}

extension Analysis {
    /// The text a diagnostic points at.
    func text(of diagnostic: Diagnostic) -> String { source.string(diagnostic.range) }

    func findings(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    /// One line a finding, as the golden files hold them: `line:column severity[code] message`.
    var goldenText: String {
        diagnostics.map { diagnostic in
            let start = source.position(of: diagnostic.range.start)
            let end = source.position(of: diagnostic.range.end)
            var line = "\(start.line + 1):\(start.scalarColumn + 1)-\(end.line + 1):\(end.scalarColumn + 1) \(diagnostic.severity.rawValue)[\(diagnostic.code)] \(diagnostic.message)"
            if let fix = diagnostic.fix { line += "\n    修复：\(fix.title)" }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
