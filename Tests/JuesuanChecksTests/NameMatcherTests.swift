import JuesuanChecks
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
}
