import Foundation
@testable import JuesuanChecks
import JuesuanFixtures
import JuesuanModel
import XCTest

/// The one-pass matcher P607 uses to find project names in paragraphs.
final class NameMatcherTests: XCTestCase {
    func testFindsEveryNameOnceIncludingOverlapsAndSuffixes() {
        let matcher = NameMatcher(["医疗救助", "城乡居民医疗救助", "救助资金", "资金", "专项"])
        XCTAssertEqual(matcher.names(in: "城乡居民医疗救助资金"), [0, 1, 2, 3])
        XCTAssertEqual(matcher.names(in: "医疗救"), [])
        XCTAssertEqual(matcher.names(in: "专项专项资金"), [3, 4])
        XCTAssertEqual(NameMatcher([]).names(in: "任何文字"), [])
    }

    func testAgreesWithNaiveSearchOnGeneratedText() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("甲乙丙丁")
        for _ in 0..<200 {
            let names = (0..<6).map { _ in String((0..<Int.random(in: 1...3, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
            let text = String((0..<20).map { _ in alphabet.randomElement(using: &random)! })
            let expected = names.indices.filter { text.contains(names[$0]) }
            // Duplicate names are found at each index.
            XCTAssertEqual(NameMatcher(names).names(in: text), expected, "\(names) in \(text)")
        }
    }

    /// Many blocks of one name (years dropped from keys): the k-th paragraph speaks of the k-th block.
    func testManyBlocksOfOneNameAreTakenInOrder() {
        var text = ""
        for k in 0..<300 {
            text += "绩效 \(2000 + k)年城乡居民医疗救助专项资金\n资金 年初预算数 10 全年预算数 10 全年执行数 9\n总分 100 \(80 + k % 10)\n\n"
        }
        text += "说明 九\n"
        for k in 0..<300 { text += "\(2000 + k)年城乡居民医疗救助专项资金自评得分为\(80 + k % 10)分。\n" }
        XCTAssertEqual(analyze(text).findings("P607").count, 0)
        let wrong = text.replacingOccurrences(of: "2150年城乡居民医疗救助专项资金自评得分为80分", with: "2150年城乡居民医疗救助专项资金自评得分为88分")
        XCTAssertEqual(analyze(wrong).findings("P607").count, 1)
    }

    /// P607's two word tests, rewritten on scalars (a Foundation search per line and figure
    /// was a twentieth of the analysis), answer as the character searches they replace.
    func testProjectWordTestsAgreeWithCharacterSearches() {
        func namesOtherProject(_ words: String) -> Bool {
            var rest = Substring(words)
            while let range = rest.range(of: "项目") {
                let before = rest[..<range.lowerBound].last, after = rest[range.upperBound...].first
                if let before, !"该本此各个的，,；;。：:、（(）) ".contains(before), after != "支" { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
        func countsSeveralProjects(_ line: String) -> Bool {
            var rest = Substring(line)
            while let range = rest.range(of: "等") {
                let after = rest[range.upperBound...].prefix(4)
                if let unit = after.firstIndex(of: "个"), after[..<unit].allSatisfy({ $0.isNumber || "两几".contains($0) }), after.startIndex < unit { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
        let pieces = ["项目", "项", "目", "该", "本", "此", "各", "个", "的", "支出", "经费", "等", "3", "12", "两", "几", "重点", "，", "a", "五", "；", "。",
                      "等3个", "等两个", "等12个", "等几个", "等五个"]
        var random = SplitMix64(seed: 607)
        var (named, counted) = (0, 0)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...9, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            XCTAssertEqual(ProjectNarrativeCheck.namesOtherProject(text), namesOtherProject(text), text)
            XCTAssertEqual(ProjectNarrativeCheck.countsSeveralProjects(text), countsSeveralProjects(text), text)
            if namesOtherProject(text) { named += 1 }
            if countsSeveralProjects(text) { counted += 1 }
        }
        XCTAssertGreaterThan(named, 200)
        XCTAssertGreaterThan(counted, 200)
    }
}
