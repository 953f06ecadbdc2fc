import XCTest
import JuesuanFixtures
import JuesuanModel
import JuesuanSyntax
@testable import JuesuanChecks

/// Issue 15, session 4: the fast paths that make small documents cheap answer exactly as the
/// code they replace, on seeded random text (the fixtures' SplitMix64).
final class SmallDocumentTests: XCTestCase {
    /// Words and pieces of text: Han, ASCII, full-width forms, blanks, and scalars of 2 and 4
    /// UTF-8 bytes (the fast `has` decodes every width).
    static let pieces = ["支出", "预算", "该项得分为", "得", "分", "局", "中心", "办公室", "（一）", "、", "，", "。", "；", "：", " ", "\t",
                         "\u{3000}", "a", "X", "1", "2.5", "％", "１２", "é", "ß", "×", "\\times", "😀", "𠀀", "\u{FFFD}", "萬", "總計", "的"]

    func randomText(_ generator: inout SplitMix64, maximum: Int) -> String {
        (0..<Int.random(in: 0...maximum, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    func testSpanHasAgreesWithScalarComparison() {
        var generator = SplitMix64(seed: 1504)
        for _ in 0..<3_000 {
            let text = randomText(&generator, maximum: 14)
            let source = SourceText(text)
            let span = TextSpan(.prose, block: 0, SourceRange(start: 0, end: source.bytes.count), source)
            for _ in 0..<6 {
                let word = randomText(&generator, maximum: 3)
                XCTAssertEqual(TextSpan.scalarCount(word), word.unicodeScalars.count, word)
                for i in -2...(span.count + 2) {
                    XCTAssertEqual(span.has(word, at: i), span.hasScalars(word, at: i), "\(text) | \(word) | \(i)")
                    // `has(_:endingAt:)` as it was: the word's scalar count back from `i`.
                    let length = word.unicodeScalars.count
                    XCTAssertEqual(span.has(word, endingAt: i), i - length >= 0 && span.hasScalars(word, at: i - length), "\(text) | \(word) | \(i)")
                }
                // A word cut from the span itself is found where it was cut.
                if span.count > 0 {
                    let start = Int.random(in: 0..<span.count, using: &generator)
                    let end = Int.random(in: start...min(span.count, start + 4), using: &generator)
                    let cut = span.string(start, end)
                    XCTAssertTrue(span.has(cut, at: start), "\(text) | \(cut)")
                    XCTAssertTrue(span.has(cut, endingAt: end), "\(text) | \(cut)")
                }
            }
        }
    }

    func testScalarSetAgreesWithSet() {
        var generator = SplitMix64(seed: 15_04)
        let sets: [Set<Unicode.Scalar>] = [
            ProseText.sentenceEnds.union(ProseText.statementEnds),
            ProseText.sentenceEnds.union(ProseText.statementEnds).union(["，", ",", "：", ":"]),
            ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"], ["省", "市", "州", "县", "区", "旗", "盟", "乡", "镇"], [],
            Set("的在对按向由为是了将于从把被以与其此并或等之已未年@\u{40}\u{80}\u{C0}".unicodeScalars),
        ]
        for set in sets {
            let fast = ScalarSet(set)
            for scalar in set { XCTAssertTrue(fast.contains(scalar)) }
            // Scalars that share the members' low bits, and random ones of every plane.
            for member in set {
                for delta in [64, 128, 4096, -64] {
                    if let other = Unicode.Scalar(UInt32(max(0, Int(member.value) + delta))) { XCTAssertEqual(fast.contains(other), set.contains(other)) }
                }
            }
            for _ in 0..<20_000 {
                let value = UInt32.random(in: 0...(Bool.random(using: &generator) ? 0xFFFF : 0x10FFFF), using: &generator)
                guard let scalar = Unicode.Scalar(value) else { continue }
                XCTAssertEqual(fast.contains(scalar), set.contains(scalar), "\(value)")
            }
        }
        XCTAssertEqual(Scalars.sentenceEnds.contains("。"), true)
        XCTAssertEqual(Scalars.clauseEnds.contains("、"), false)
        XCTAssertEqual(Scalars.clauseEnds.contains("："), true)
    }

    /// The first-scalar filters skip a position only when no word of their list starts there:
    /// each list's first scalars must all be in its filter, and a random scalar outside the
    /// filter starts no word of the list.
    func testFirstScalarFiltersCoverTheirWords() {
        let lists: [(ScalarSet, [String])] = [
            (ScorecardProseCheck.itemWordFirsts, ScorecardProseCheck.scoreWords + ["最高得", "最多得", "得"] + ScorecardProseCheck.extraWords),
            (ForeignNameRule.suffixFirsts, ForeignNameRule.suffixes),
            (ForeignNameRule.openerFirsts, ForeignNameRule.openers),
            (UnprefixedNames.suffixFirsts, UnprefixedNames.suffixes),
            (UnprefixedNames.genericFirsts, UnprefixedNames.genericStarts),
            (UnprefixedNames.keepingVerbFirsts, UnprefixedNames.keepingVerbs),
            (PlaceholderRule.placeholderFirsts, PlaceholderRule.placeholderWords),
            (PlaceholderRule.ellipsisFirsts, PlaceholderRule.ellipses),
        ]
        var generator = SplitMix64(seed: 4_096)
        for (filter, words) in lists {
            for word in words {
                XCTAssertFalse(word.isEmpty)
                XCTAssertTrue(filter.contains(word.unicodeScalars.first!), word)
            }
            for _ in 0..<5_000 {
                guard let scalar = Unicode.Scalar(UInt32.random(in: 0x20...0x9FFF, using: &generator)), !filter.contains(scalar) else { continue }
                XCTAssertFalse(words.contains { $0.unicodeScalars.first == scalar })
            }
        }
        for pair in PlaceholderRule.bracketPairs { XCTAssertTrue(PlaceholderRule.bracketOpens.contains(pair.0)) }
        for kind in SelfReference.kindWords {
            XCTAssertEqual(kind.first, kind.kind.unicodeScalars.first)
            XCTAssertEqual(kind.length, kind.kind.unicodeScalars.count)
            XCTAssertEqual(kind.words, ["我" + kind.kind, "本" + kind.kind])
        }
    }
}
