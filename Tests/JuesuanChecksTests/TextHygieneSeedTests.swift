import Foundation
import JuesuanChecks
import JuesuanSyntax
import XCTest

/// A report with the given department and year, `单位 万元`, then `body`.
func hygiene(_ body: String, department: String = "测试县医疗保障局", year: Int = 2024) -> Analysis {
    Analysis(text: "部门 \(department)\n年度 \(year)\n单位 万元\n\n" + body)
}

/// A fixture of `Tests/JuesuanChecksTests/Fixtures/`, analysed.
func hygieneFixture(_ name: String) throws -> Analysis {
    let url = repositoryRoot.appendingPathComponent("Tests/JuesuanChecksTests/Fixtures/\(name)")
    return Analysis(text: try String(contentsOf: url, encoding: .utf8))
}

extension Analysis {
    /// T8xx findings only (other families see the same text).
    var hygieneFindings: [Diagnostic] { diagnostics.filter { $0.code.hasPrefix("T8") } }
    var hygieneCodes: [String] { hygieneFindings.map(\.code) }
    /// The texts that findings of `code` point at.
    func hygieneTexts(_ code: String) -> [String] { findings(code).map { text(of: $0) } }
    /// 1-based line of a finding.
    func line(of diagnostic: Diagnostic) -> Int { source.position(of: diagnostic.range.start).line + 1 }
}

/// The real errors of seeds 001–004 (issue 9), from sentences transcribed exactly, and the
/// full text of each seed: nothing beyond the real findings.
final class TextHygieneSeedTests: XCTestCase {
    func testRulesAreRegistered() {
        let severities = Dictionary(uniqueKeysWithValues: CheckRegistry.rules.filter { $0.code.hasPrefix("T8") }.map { ($0.code, $0.severity) })
        XCTAssertEqual(severities, ["T801": .warning, "T802": .warning, "T803": .warning, "T804": .hint, "T805": .warning, "T806": .hint, "T807": .information])
    }

    func testSeed001DoubledFullStopAndCommaBeforeAScore() throws {
        let analysis = try hygieneFixture("texthygiene-case-001.juesuan")
        XCTAssertEqual(analysis.hygieneCodes, ["T804", "T804"], "\(analysis.hygieneFindings.map(\.message))")
        let comma = analysis.findings("T804")[0]
        XCTAssertEqual(analysis.text(of: comma), ",")
        XCTAssertEqual(comma.fix?.edits.first?.replacement, "")
        let stops = analysis.findings("T804")[1]
        XCTAssertEqual(analysis.text(of: stops), "。。")
        XCTAssertEqual(stops.fix?.edits.first?.replacement, "。")
        XCTAssertEqual(stops.severity, .hint)
        // `医保中心 2022 年支出了 2021 年结转的…` and `关于下达 2022 年…（冀财社【2022】178 号）`: no T801.
    }

    func testSeed002StaleYearInGlossaryAndTemplateInstruction() throws {
        let analysis = try hygieneFixture("texthygiene-case-002.juesuan")
        XCTAssertEqual(analysis.hygieneCodes.sorted(), ["T801", "T802"], "\(analysis.hygieneFindings.map(\.message))")
        let year = try XCTUnwrap(analysis.findings("T801").first)
        XCTAssertEqual(analysis.text(of: year), "2016")
        XCTAssertEqual(year.fix?.edits.first?.replacement, "2024")
        XCTAssertTrue(year.message.contains("2024"), year.message)
        XCTAssertEqual(analysis.hygieneTexts("T802"), ["（可参照如下格式进行说明）"])
        // 珠山区医疗保险事业服务中心 is listed in 机构设置: no T803.
    }

    func testSeed003ForeignNameMissingUnitPlaceholdersAndPrecision() throws {
        let analysis = try hygieneFixture("texthygiene-case-003.juesuan")
        let names = analysis.findings("T803")
        XCTAssertEqual(names.count, 6, "the copied name at each of its occurrences, and 社会保险事业管理局 kept running by the basic spending")
        XCTAssertEqual(Set(names.map { analysis.text(of: $0) }), ["松潘县公共就业和人才交流服务中心", "社会保险事业管理局"])
        XCTAssertEqual(names[0].fix?.edits.first?.replacement, "松潘县医疗保障局")
        XCTAssertTrue(names[0].message.contains("松潘县医疗保障局"), names[0].message)

        let unit = try XCTUnwrap(analysis.findings("T805").first)
        XCTAssertEqual(analysis.text(of: unit), "1066.43")
        XCTAssertTrue(analysis.source.lineString(analysis.line(of: unit) - 1).contains("决算数为1066.43，"))
        XCTAssertEqual(unit.fix?.edits.first?.replacement, "万元")
        XCTAssertEqual(unit.fix?.isSafe, false)

        XCTAssertEqual(analysis.hygieneTexts("T802"), ["…（二级预算单位事业收入情况）", "…（二级预算单位经营收入情况）", "…（收入类型）"])
        XCTAssertEqual(analysis.hygieneTexts("T806"), ["478.3", "8.8", "478.3", "478.3", "478.3"])
        XCTAssertEqual(analysis.hygieneFindings.count, 6 + 1 + 3 + 5, "\(analysis.hygieneFindings.map(\.message))")
    }

    func testSeed004StaleYearsSelfReferenceAndClashingMarks() throws {
        let analysis = try hygieneFixture("texthygiene-case-004.juesuan")
        XCTAssertEqual(analysis.hygieneTexts("T801"), ["2021", "2021"])
        XCTAssertEqual(analysis.findings("T801").map { $0.fix?.edits.first?.replacement }, ["2023", "2023"])
        let selfReference = try XCTUnwrap(analysis.findings("T802").first)
        XCTAssertEqual(analysis.text(of: selfReference), "我所")
        XCTAssertEqual(selfReference.fix?.edits.first?.replacement, "我局")
        XCTAssertEqual(analysis.hygieneTexts("T804"), ["。；"])
        XCTAssertEqual(analysis.findings("T804").first?.fix?.edits.first?.replacement, "。")
        XCTAssertEqual(analysis.hygieneCodes.count, 4, "\(analysis.hygieneFindings.map(\.message))")
    }

    /// Each seed's whole text in one `说明` block: every T8xx finding is one of the real ones.
    func testFullSeedsRaiseOnlyTheRealFindings() throws {
        let expected: [String: [String: Int]] = [
            // 7 × `得分为,N分`, 1 × `。。`; 1-decimal 万元 amounts among 76 of 90 to the cent.
            // `本年本年` three times in §四 (T807, §7 S1-9).
            "001": ["T804": 8, "T806": 10, "T807": 3],
            // `填列 2016 年…` in 2024; `（可参照如下格式进行说明）`.
            "002": ["T801": 1, "T802": 1],
            // 3 placeholders; the other unit's name at its 5 occurrences and 社会保险事业管理局 in
            // `用于保障社会保险事业管理局行政机构…的正常运转`; `决算数为1066.43，`; 478.3 (4×) and 8.8%.
            "003": ["T802": 3, "T803": 6, "T805": 1, "T806": 5],
            // 2021 twice; 我所; `。；`; 0.9 and 28.9 万元 among amounts to the cent.
            "004": ["T801": 2, "T802": 1, "T804": 1, "T806": 2],
        ]
        for (seed, counts) in expected {
            let analysis = try hygieneFixture("texthygiene-seed-\(seed).juesuan")
            let found = Dictionary(grouping: analysis.hygieneCodes, by: { $0 }).mapValues(\.count)
            XCTAssertEqual(found, counts, "seed \(seed): \(analysis.hygieneFindings.map { "\(analysis.line(of: $0)) \($0.code) \(analysis.text(of: $0))" })")
        }
        let seed003 = try hygieneFixture("texthygiene-seed-003.juesuan")
        XCTAssertEqual(Set(seed003.hygieneTexts("T803")), ["松潘县公共就业和人才交流服务中心", "社会保险事业管理局"])
        let seed002 = try hygieneFixture("texthygiene-seed-002.juesuan")
        XCTAssertEqual(seed002.hygieneTexts("T801"), ["2016"])
        let seed004 = try hygieneFixture("texthygiene-seed-004.juesuan")
        XCTAssertEqual(seed004.hygieneTexts("T806"), ["0.9", "28.9"])
    }

    /// Odd text made of the characters the rules look at: findings or none, never a crash,
    /// and every range inside the text.
    func testOddTextNeverCrashes() {
        let pieces = ["2021", " 年", "年度", "。", "，", ",", "；", "…", "……", "（", "）", "“", "”", "《", "》", "XX", "我所", "本中心", "县", "区",
                      "松潘县", "中心", "局", "办", "为", "1066.43", "478.3", "万元", "%", "\t", " ", "截至", "与", "纳入", "12月31日", "1,0", ".", "等"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            var line = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) { line += pieces.randomElement(using: &generator)! }
            for department in ["松潘县医疗保障局", "县", "某某县区", "（部门）", "测试局"] {
                let analysis = hygiene("说明 \(line)\n\(line)\n\(line)\n名词解释\n甲：\(line)\n", department: department, year: 2023)
                for finding in analysis.hygieneFindings {
                    XCTAssertTrue(finding.range.start <= finding.range.end && finding.range.end <= analysis.source.bytes.count, line)
                }
            }
        }
    }

    func testSuppression() {
        let analysis = hygiene("说明 一、说明\n// juesuan: allow T801\n填列 2016 年全部结转和结余的资金数。\n填列 2016 年全部结转和结余的资金数。\n")
        XCTAssertEqual(analysis.hygieneCodes, ["T801"])
        XCTAssertEqual(analysis.line(of: analysis.hygieneFindings[0]), 8)
    }
}
