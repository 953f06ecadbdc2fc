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

    /// A `WordList` finds the word its words find, at every place and every end, on the lists
    /// the rules use and on random lists (words sharing first or last scalars, prefixes of others).
    func testWordListAgreesWithItsWords() {
        var generator = SplitMix64(seed: 2026)
        var lists = [PunctuationRule.figureWordList, MissingUnitRule.amountWordList, PlaceholderRule.placeholderWordList, PlaceholderRule.ellipsisList]
        for _ in 0..<40 {
            let words = (0..<Int.random(in: 1...6, using: &generator)).map { _ in randomText(&generator, maximum: 3) }.filter { !$0.isEmpty }
            if !words.isEmpty { lists.append(WordList(words)) }
        }
        var found = 0
        for round in 0..<2_000 {
            // Now and then a text made of a list's own words, so that they are found.
            var text = randomText(&generator, maximum: 14)
            if round % 2 == 0 { text += lists.randomElement(using: &generator)!.words.shuffled(using: &generator).prefix(3).joined() + randomText(&generator, maximum: 2) }
            text += ["……", "...", "得分为", "合计"].randomElement(using: &generator)!
            let source = SourceText(text)
            let span = TextSpan(.prose, block: 0, SourceRange(start: 0, end: source.bytes.count), source)
            for list in lists {
                for i in -2...(span.count + 2) {
                    let at = span.hasAny(list, at: i)
                    XCTAssertEqual(at, span.hasAny(list.words, at: i), "\(text) | \(list.words) | \(i)")
                    XCTAssertEqual(span.hasAny(list, endingAt: i), span.hasAny(list.words, endingAt: i), "\(text) | \(list.words) | \(i)")
                    if at != nil { found += 1 }
                }
            }
        }
        XCTAssertGreaterThan(found, 5_000)
    }

    /// The eight-bytes-at-a-time digit test says "a digit" exactly when one of the bytes is 0–9:
    /// on random words of bytes around the edges (/ 0 9 :, 0xAF–0xBA, 0xFF).
    func testDigitWordTestIsExact() {
        var generator = SplitMix64(seed: 48)
        let edges: [UInt8] = [0x00, 0x2E, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x3B, 0x7F, 0x80, 0xAF, 0xB0, 0xB9, 0xBA, 0xE4, 0xFF]
        var withDigit = 0
        for _ in 0..<200_000 {
            let bytes = (0..<8).map { _ in generator.next() % 3 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : edges[Int(generator.next() % UInt64(edges.count))] }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = bytes.contains { (0x30...0x39).contains($0) }
            XCTAssertEqual(FigureLimitCheck.hasDigit(word), expected, "\(bytes)")
            if expected { withDigit += 1 }
        }
        XCTAssertGreaterThan(withDigit, 10_000)
        XCTAssertLessThan(withDigit, 190_000)
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
                for delta in [64, 128, 256, 512, 4096, -64, -256] {
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
            // Every branch of `PlaceholderRule.placeholder` starts with a scalar of `mayStart`.
            (PlaceholderRule.mayStart, PlaceholderRule.placeholderWords + PlaceholderRule.ellipses + ["xx", "XX", "××", "ＸＸ", "ｘｘ", "我所", "本院"]
                + PlaceholderRule.bracketPairs.map { String($0.0) }),
            (PunctuationRule.markScalars, PunctuationRule.marks.keys.map { String($0) }),
            (SelfReference.kindFirsts, SelfReference.kinds),
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
