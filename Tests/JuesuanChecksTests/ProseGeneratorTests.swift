import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax
import XCTest

/// Generated consistent 情况说明 in many phrasings: nothing to report; then each figure moved by an
/// amount no rounding explains: found (narrative.md, issue "Reading prose as facts").
final class ProseGeneratorTests: XCTestCase {
    static func serious(_ text: String) -> [Diagnostic] {
        Analysis(text: text).diagnostics.filter { $0.severity == .error || $0.severity == .warning }
    }

    func testConsistentProseRaisesNothing() {
        var failures: [String] = []
        for seed in 0..<1_000 {
            var generator = ProseGenerator(seed: UInt64(seed))
            let output = generator.report(withTables: seed % 2 == 0)
            let analysis = Analysis(text: output.text)
            let found = analysis.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
            if !found.isEmpty, failures.count < 5 {
                failures.append("seed \(seed): " + found.map { "\($0.code) \(analysis.source.string($0.range)): \($0.message)" }.joined(separator: " | ") + "\n" + output.text)
            }
        }
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n\n"))
    }

    /// A figure moved by at least 1.00 (or 10%): money up or down, rates by points.
    static func moved(_ value: DecimalNumber, seed: UInt64) -> DecimalNumber {
        let tenth = value.magnitude.divided(by: DecimalNumber(10), scale: value.scale) ?? .zero
        let step = max(value.scale == 0 ? DecimalNumber(1) : DecimalNumber(1).rescaled(to: value.scale), tenth)
        let down = seed % 2 == 1 && value - step >= .zero
        return down ? value - step : value + step
    }

    func testMovedFiguresAreFound() {
        var total = 0
        var found = 0
        var missed: [String: Int] = [:]
        var examples: [String: String] = [:]
        for seed in 0..<200 {
            var generator = ProseGenerator(seed: UInt64(10_000 + seed))
            let output = generator.report(withTables: seed % 2 == 0)
            let bytes = Array(output.text.utf8)
            for (index, mark) in output.marks.enumerated() {
                let replacement = Self.moved(mark.value, seed: UInt64(seed + index))
                let mutated = String(decoding: bytes[..<mark.range.lowerBound] + Array(replacement.description.utf8) + bytes[mark.range.upperBound...], as: UTF8.self)
                total += 1
                if Self.serious(mutated).isEmpty {
                    missed[mark.fact, default: 0] += 1
                    if examples[mark.fact] == nil {
                        let line = mutated.split(separator: "\n").first { $0.contains(replacement.description) } ?? ""
                        examples[mark.fact] = "\(mark.value) → \(replacement): \(line)"
                    }
                } else {
                    found += 1
                }
            }
        }
        let rate = Double(found) / Double(max(total, 1)) * 100
        let report = missed.sorted { $0.value > $1.value }.map { "  \($0.key): \($0.value) missed, e.g. \(examples[$0.key] ?? "")" }.joined(separator: "\n")
        print("moved figures found: \(found) of \(total) (\(String(format: "%.1f", rate))%)\n\(report)")
        XCTAssertGreaterThanOrEqual(rate, 95, "found \(found) of \(total)\n\(report)")
    }
}
