import Foundation
import XCTest
import JuesuanCatalogue
import JuesuanFixtures
import JuesuanModel
@testable import JuesuanSyntax
@testable import JuesuanChecks
@testable import JuesuanModel

/// Issue 15: the prose reader compares bytes instead of characters on simple text. Every fast
/// path answers exactly as the character-level code it replaces — on simple text, and by
/// falling back on anything else (combining marks, compatibility ideographs, joiners, CR LF).
final class SimpleTextTests: XCTestCase {
    /// Han words of the reader, ASCII, CJK punctuation, blanks — and scalars that are not simple.
    static let simplePieces = ["年初预算", "上年", "比上年", "较20", "预算", "增加", "减少了", "为", "了", "占", "的比重为", "其中：", "共计", "约",
                               "收入", "支出", "结转", "2023年", "2024", "年", "中", "，", "。", " ", "\t", "\u{3000}", "“三公”经费", "（类）", "(类)",
                               "a", "X", "1", ".", "…", "—", "·", "×", "基本支出", "决算数", "执行数", "完成", "达到", "将近", "相比", "零", "一、",
                               "≥", "≤", "−", "\u{FFFD}", "≥95%", "(1)", "（二）", "3.", "较预算", "与年初预算", "é", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}",
                               "\u{0B}", "\n", "和", "、", "收", "支", "人员经费", "对个人和家庭的补助", "分别", "各"]
    static let otherPieces = ["\u{F98E}", "e\u{301}", "\u{0600}", "\u{200D}", "\r\n", "\u{FE0F}", "\u{2126}", "\u{302A}", "\u{F9B2}", "👍🏽",
                              "\u{2271}", "≥\u{338}", "\u{2260}", "\r"]

    func randomText(_ generator: inout SplitMix64, simple: Bool, maximum: Int = 12) -> String {
        let pieces = simple ? Self.simplePieces : Self.simplePieces + Self.otherPieces
        return (0..<Int.random(in: 0...maximum, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    func testSimpleScalars() {
        for piece in Self.simplePieces { XCTAssertTrue(SimpleText.isSimple(piece), piece) }
        for piece in Self.otherPieces { XCTAssertFalse(SimpleText.isSimple(piece), piece) }
        // Within the simple ranges, a scalar is one character and its own canonical form.
        for range in [0x00...0x0C, 0x0E...0x7F, 0x80...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x2E80...0x2FDF, 0x3000...0x3029, 0x3030...0x303F,
                      0x3400...0x9FFF, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x2212...0x2212, 0x2264...0x2265, 0xFFFD...0xFFFD] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
                XCTAssertTrue(SimpleText.isSimple(scalar))
                let text = String(scalar)
                XCTAssertEqual(text.count, 1)
                XCTAssertFalse(scalar.properties.isGraphemeExtend, "\(value)")
                // Its own canonical form: no other scalar is what NFC makes of it (Ω U+2126 is not).
                XCTAssertEqual(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), [scalar], "\(value)")
                XCTAssertEqual(Array(text.unicodeScalars), [scalar], "\(value)")
                // Joined with simple neighbours, still one character each.
                XCTAssertEqual(("中" + text + "a" + text).count, 4, "\(value)")
            }
        }
        // Compatibility ideographs equal unified ones as characters: not simple.
        XCTAssertEqual("\u{F98E}" as Character, "\u{5E74}" as Character)
        XCTAssertFalse(SimpleText.isSimple("\u{F98E}"))
    }

    /// `isSimpleUTF8` reads ASCII and Han ideographs without decoding them: on any bytes (valid
    /// text, stray and truncated sequences, surrogates, overlong forms) it answers as decoding
    /// every scalar and asking `isSimple` of it does.
    func testSimpleBytesAgreeWithScalars() {
        func reference(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { buffer in
                var k = 0
                while k < buffer.count {
                    guard let (scalar, width) = UTF8Scalars.scalar(in: buffer, at: k, end: buffer.count), SimpleText.isSimple(scalar) else { return false }
                    k += width
                }
                return true
            }
        }
        var generator = SplitMix64(seed: 1510)
        let leads: [UInt8] = [0x0D, 0x0A, 0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xE2, 0xE3, 0xE4, 0xE5, 0xE9, 0xEA, 0xED, 0xEF, 0xF0, 0xF4, 0xFF]
        var simpleAnswers = 0
        for round in 0..<50_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = Array(randomText(&generator, simple: round % 4 == 0).utf8)
                // Now and then one byte changed or the text cut short.
                if !bytes.isEmpty, round % 8 == 2 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = leads.randomElement(using: &generator)! }
                if !bytes.isEmpty, round % 8 == 6 { bytes.removeLast(Int.random(in: 1...min(2, bytes.count), using: &generator)) }
            } else {
                bytes = (0..<Int.random(in: 0...9, using: &generator)).map { _ in
                    Bool.random(using: &generator) ? leads.randomElement(using: &generator)! : UInt8.random(in: 0x80...0xBF, using: &generator)
                }
            }
            let answer = bytes.withUnsafeBufferPointer { SimpleText.isSimpleUTF8($0) }
            XCTAssertEqual(answer, reference(bytes), "\(bytes)")
            if answer { simpleAnswers += 1 }
        }
        // Both answers were asked for, many times.
        XCTAssertGreaterThan(simpleAnswers, 10_000)
        XCTAssertLessThan(simpleAnswers, 40_000)
    }

    /// The scans that step over eight ASCII bytes or two Han ideographs at a time (validation,
    /// the simple-text test, the invalid lines of a file, columns) answer as a scalar-by-scalar
    /// reading does, on long runs of ideographs and ASCII broken by one odd byte anywhere: a lead
    /// byte just outside E4–E9 (E3, EA, E0, ED), a lost continuation byte, CR, LF, ䷀ (U+4DC0,
    /// one column, lead E4).
    func testWordAtATimeScansAgreeWithAScalarWalk() {
        func scalarWalk(_ bytes: [UInt8]) -> (valid: Bool, simple: Bool) {
            bytes.withUnsafeBufferPointer { buffer in
                var k = 0
                var simple = true
                while k < buffer.count {
                    guard let (scalar, width) = UTF8Scalars.scalar(in: buffer, at: k, end: buffer.count) else { return (false, false) }
                    if !SimpleText.isSimple(scalar) { simple = false }
                    k += width
                }
                return (true, simple)
            }
        }
        var generator = SplitMix64(seed: 1504)
        let pieces = ["收入", "一", "䷀", "合计支出", "abcdefgh", "12345678", "鿿", "ꀀ", "〇", "，", "\n", "\r\n", "\r", "x"]
        let odd: [UInt8] = [0xE3, 0xEA, 0xE0, 0xED, 0xE4, 0xE9, 0x80, 0xBF, 0x0D, 0x0A, 0xC2, 0xF0, 0xFF]
        var invalid = 0, notSimple = 0
        for round in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) { text += pieces.randomElement(using: &generator)! }
            var bytes = Array(text.utf8)
            if !bytes.isEmpty, round % 3 != 0 {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                if round % 3 == 1 { bytes[at] = odd.randomElement(using: &generator)! } else { bytes.remove(at: at) }
            }
            let (valid, simple) = scalarWalk(bytes)
            if !valid { invalid += 1 }
            if !simple { notSimple += 1 }
            XCTAssertEqual(SourceText.isValidUTF8(bytes), valid, "\(bytes)")
            XCTAssertEqual(bytes.withUnsafeBufferPointer { SimpleText.isSimpleUTF8($0) }, simple, "\(bytes)")
            // The bytes that start a scalar, counted eight at a time, from any start to any end.
            let start = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            let end = Int.random(in: start...bytes.count, using: &generator)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { UTF8Scalars.scalarStarts(in: $0, start, end) },
                           bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count, "\(bytes) \(start)..<\(end)")
            // The lines that hold invalid bytes: found by the scan, as the repaired text shows them.
            let (decoded, invalidLines) = SourceText.decoding(bytes)
            XCTAssertEqual(decoded.bytes, Array(String(decoding: bytes, as: UTF8.self).utf8))
            var expectedLines: [Int] = []
            if !valid {
                let lines = SourceText(bytes: bytes).lineStarts
                for (line, start) in lines.enumerated() {
                    let end = line + 1 < lines.count ? lines[line + 1] : bytes.count
                    if !scalarWalk(Array(bytes[start..<end])).valid { expectedLines.append(line) }
                }
            }
            XCTAssertEqual(invalidLines, expectedLines, "\(bytes)")
        }
        XCTAssertGreaterThan(invalid, 2_000)
        XCTAssertGreaterThan(notSimple, 5_000)
    }

    func testComparisonsAgreeWithCharacters() {
        var generator = SplitMix64(seed: 15)
        for round in 0..<20_000 {
            let simple = round % 2 == 0
            let a = randomText(&generator, simple: simple), b = randomText(&generator, simple: simple, maximum: 3)
            let both = SimpleText.isSimple(a) && SimpleText.isSimple(b)
            XCTAssertEqual(a.hasSuffix(b, simple: both), a.hasSuffix(b), "\(a) | \(b)")
            XCTAssertEqual(a.hasPrefix(b, simple: both), a.hasPrefix(b), "\(a) | \(b)")
            XCTAssertEqual(Substring(a).hasSuffix(b, simple: both), Substring(a).hasSuffix(b), "\(a) | \(b)")
            // Told nothing (a paragraph that is not simple), each answers for the two strings at hand.
            XCTAssertEqual(a.hasSuffix(b, simple: false), a.hasSuffix(b), "\(a) | \(b)")
            XCTAssertEqual(a.hasPrefix(b, simple: false), a.hasPrefix(b), "\(a) | \(b)")
            XCTAssertEqual(Substring(a).hasSuffix(b, simple: false), Substring(a).hasSuffix(b), "\(a) | \(b)")
            XCTAssertEqual(Substring(a).hasPrefix(b, simple: false), Substring(a).hasPrefix(b), "\(a) | \(b)")
            if !b.isEmpty {
                // On other text `contains(_:simple:)` is the standard library's call itself.
                if both { XCTAssertEqual(a.contains(b, simple: true), Self.referenceRange(a, b) != nil, "\(a) | \(b)") }
                // Other text goes to Foundation's `contains` itself, the call this replaces. (Foundation
                // matches a word ending in NUL past the end of the text, and Swift's `contains` then
                // traps: there only the character-by-character answer is compared.)
                if both { XCTAssertEqual(a.containsText(b), Self.referenceRange(a, b) != nil, "\(a) | \(b)") }
                if both, !b.unicodeScalars.contains("\u{0}") {
                    XCTAssertEqual(a.containsText(b), (a as NSString).range(of: b).location != NSNotFound, "\(a) | \(b)")
                }
            }
            XCTAssertEqual(a.range(ofText: b), Self.referenceRange(a, b), "\(a) | \(b)")
            // A text searched for many words answers as each search on its own.
            if !b.unicodeScalars.contains("\u{0}") { XCTAssertEqual(SearchedText(a).contains(b), a.containsText(b), "\(a) | \(b)") }
            XCTAssertEqual(SearchedText(a).range(of: b), a.range(ofText: b), "\(a) | \(b)")
            // Characters searched from the end: the offset of the last occurrence.
            XCTAssertEqual(CharacterSearch(a).lastOffset(of: CharacterSearch.Word(b)),
                           Self.referenceLastRange(a, b).map { a.distance(from: a.startIndex, to: $0.lowerBound) }, "\(a) | \(b)")
            // On any text, the comparison written last decides as it did by searching each marker.
            XCTAssertEqual(ProseReader.lastComparison(a, simple: false), Self.referenceLastComparison(a), a)
            XCTAssertEqual(ProseReader.isPreviousYear(a, year: 2024, simple: false), Self.referencePreviousYear(a, year: 2024), a)
            if SimpleText.isSimple(a) {
                XCTAssertEqual(a.simpleTrimmingBlanks, a.trimmingBlanks, a)
                XCTAssertEqual(ProseReader.cleanLabel(a, simple: true), ProseReader.cleanLabel(a, simple: false), a)
                XCTAssertEqual(ProseReader.lastComparison(a, simple: true), ProseReader.lastComparison(a, simple: false), a)
                XCTAssertEqual(ProseReader.isPreviousYear(a, year: 2024, simple: true), ProseReader.isPreviousYear(a, year: 2024, simple: false), a)
                XCTAssertTrue(ProseReader.stripMeasure(a, simple: true) == ProseReader.stripMeasure(a, simple: false), a)
                XCTAssertEqual(ProseReader.completionBudget(a, simple: true), ProseReader.completionBudget(a, simple: false), a)
                // The reader passes `simple` for a whole paragraph: the sentence is simple too.
                for unit in [ClaimUnit.percent, .money(.tenThousandYuan), .points, .count("人")] where both {
                    XCTAssertEqual(ProseReader.classify(unit: unit, clause: a, sentence: b + a, simple: true),
                                   ProseReader.classify(unit: unit, clause: a, sentence: b + a, simple: false), "\(a) | \(b)")
                }
                XCTAssertEqual(FigureNames.categoryCode(in: a), Self.referenceCategoryCode(a), a)
            }
            XCTAssertEqual(Ordinal.prefixLength(of: a), Self.referencePrefixLength(a), a)
            // Words at the end, compared only when they end with the text's last scalar on simple text.
            for words in [ProseReader.increaseWords, ProseReader.decreaseWords, ProseReader.rateIncreaseWords, ProseReader.completionWords, ["", "了", "增加了"]] {
                let text = a + words.randomElement(using: &generator)!
                XCTAssertEqual(SuffixWords(words).first(endOf: text, simple: SimpleText.isSimple(text)), words.first { text.hasSuffix($0) }, text)
                XCTAssertEqual(SuffixWords(words).first(endOf: a, simple: SimpleText.isSimple(a)), words.first { a.hasSuffix($0) }, a)
            }
            // Years and neutral words before a head, cut as bytes on simple text.
            let head = ["本部门", "2024年度", "本年度", "全年", "我单位", "12年", "本"].randomElement(using: &generator)! + a
            XCTAssertEqual(ProseReader.withoutLeadingNeutralWords(head), ProseReader.withoutLeadingNeutralCharacters(head, neutral: QuantityNames.neutralWords), head)
            XCTAssertEqual(ProseReader.withoutLeadingNeutralWords(head, neutral: ProseReader.headNeutralWordBytes),
                           ProseReader.withoutLeadingNeutralCharacters(head, neutral: ProseReader.headNeutralWords), head)
            if !a.isEmpty {
                XCTAssertEqual(ProseReader.respectivelyHeads(a + "分别为"), ProseReader.respectivelyHeads(a + "分别为", simple: false), a)
                XCTAssertEqual(ProseReader.respectivelyHeads(a + "收支总计"), ProseReader.respectivelyHeads(a + "收支总计", simple: false), a)
            }
        }
    }

    /// The wholes of a part are looked up for simple names: the same as searching the identities
    /// one by one at each step (breadth first, as written here), for every name they hold and for
    /// other words.
    func testAncestorsAreThoseSearched() {
        func naiveSearch(_ name: String) -> [String] {
            var result: [String] = []
            var frontier = [name]
            while !frontier.isEmpty {
                let next = frontier.removeFirst()
                for identity in Identities.all where identity.kind != .equal && identity.parts.contains(next) && !result.contains(identity.whole) {
                    result.append(identity.whole)
                    frontier.append(identity.whole)
                }
            }
            return result
        }
        var generator = SplitMix64(seed: 7)
        let names = Set(Identities.all.flatMap { [$0.whole] + $0.parts })
        for name in names.sorted() + (0..<500).map({ _ in randomText(&generator, simple: false) }) {
            XCTAssertEqual(Identities.ancestors(of: name), naiveSearch(name), name)
            XCTAssertEqual(Identities.searchAncestors(of: name), naiveSearch(name), name)
        }
        XCTAssertEqual(Identities.ancestors(of: "公务用车运行维护费").first, "公务用车购置及运行维护费")
        XCTAssertTrue(Identities.ancestors(of: "公务用车运行维护费").contains("三公经费"))
    }

    /// Keywords are compared as bytes: every keyword list is simple text, and on random words
    /// (simple or not, keywords spelled with compatibility ideographs among them) the answers
    /// are those of `String ==`.
    func testKeywordComparisonsAgreeWithStringEquality() {
        let lists: [[String]] = [BlockKeyword.rawValues, HeaderKey.rawValues, BlockKeyword.aliases, HeaderKey.aliases, InnerKeyword.performanceKeys, InnerKeyword.goalFields,
                                 InnerKeyword.indicatorFields, ["资金", "执行率", "其中", "指标", "年度目标", "原因", "完成"]]
        for keyword in lists.joined() { XCTAssertTrue(SimpleText.isSimple(keyword), keyword) }
        var generator = SplitMix64(seed: 16)
        var words = Array(lists.joined()) + ["\u{F98E}度", "年\u{F98E}", "主管部门\u{301}", "指标 ", "", "指"]
        for round in 0..<5_000 { words.append(randomText(&generator, simple: round % 2 == 0, maximum: 3)) }
        for word in words {
            for list in lists {
                XCTAssertEqual(list.firstIndex(ofKeyword: word), list.firstIndex(of: word), word)
                XCTAssertEqual(list.firstIndex(ofKeyword: Substring(word)), list.firstIndex(of: word), word)
                for keyword in list { XCTAssertEqual(word.equals(keyword: keyword), word == keyword, "\(word) | \(keyword)") }
            }
            XCTAssertEqual(HeaderKey(word: word), HeaderKey(rawValue: word) ?? HeaderKey.allCases.first { $0.asciiAlias == word.lowercased() }, word)
            XCTAssertEqual(BlockKeyword(word: word), BlockKeyword(rawValue: word) ?? BlockKeyword.allCases.first { $0.asciiAlias == word.lowercased() }, word)
        }
        // A compatibility ideograph is the same text as the unified one.
        XCTAssertEqual(HeaderKey(word: "\u{F98E}度"), .year)
        XCTAssertTrue("\u{F98E}度".equals(keyword: "年度"))
    }

    /// The category lookup skips a key whose end no 类 name has: on every 类 name, prefixed,
    /// suffixed and spaced, it answers as the suffix-by-suffix search.
    func testCategoryCodeAgreesOnCategoryNames() {
        let names = Catalogue.embedded.entries(withPrefix: "", kind: .functional).filter { $0.code.count == 3 }.map(\.name)
        XCTAssertGreaterThan(names.count, 20)
        for name in names {
            for text in [name, "本部门" + name, name + "(类)", "2024年" + name + " ", name + "合计", String(name.dropLast()), "其中" + name + "\u{3000}"] {
                XCTAssertEqual(FigureNames.categoryCode(in: text), Self.referenceCategoryCode(text), text)
            }
            if name.count >= 4 { XCTAssertNotNil(FigureNames.categoryCode(in: "本部门" + name), name) }
        }
    }

    /// ProseText decodes the source's bytes itself: the same scalars and offsets as through a string.
    func testProseTextDecodesAsTheString() {
        var generator = SplitMix64(seed: 15)
        for _ in 0..<500 {
            let text = randomText(&generator, simple: false, maximum: 30).replacingOccurrences(of: "\r\n", with: "")
            let source = SourceText(text)
            let prose = ProseText(source, SourceRange(start: 0, end: source.bytes.count))
            var scalars: [Unicode.Scalar] = []
            var offsets: [Int] = []
            var offset = 0
            for scalar in text.unicodeScalars { scalars.append(scalar); offsets.append(offset); offset += UTF8.width(scalar) }
            var raw: [Unicode.Scalar] = [], rawOffsets: [Int] = []
            XCTAssertEqual(ProseText.decode(source.bytes, SourceRange(start: 0, end: source.bytes.count), into: &raw, offsets: &rawOffsets), source.bytes.count)
            XCTAssertEqual(raw, scalars)
            XCTAssertEqual(rawOffsets, offsets)
            XCTAssertEqual(prose.isSimple, prose.scalars.allSatisfy(SimpleText.isSimple))
        }
        // A range that cuts a scalar is decoded through a string, as before.
        let source = SourceText("年初")
        var raw: [Unicode.Scalar] = [], offsets: [Int] = []
        XCTAssertNil(ProseText.decode(source.bytes, SourceRange(start: 1, end: 6), into: &raw, offsets: &offsets))
        XCTAssertEqual(ProseText(source, SourceRange(start: 1, end: 6)).scalars.first, "\u{FFFD}")
    }

    /// The traditional-character bitmap lets through exactly the table's keys.
    func testTraditionalBitmap() {
        for value in 0x4E00..<0xA000 {
            let scalar = Unicode.Scalar(value)!
            XCTAssertEqual(ProseText.normalized(scalar), ProseText.traditional[scalar] ?? scalar)
        }
    }

    // MARK: The code replaced, as it was

    static func referenceRange(_ s: String, _ text: String) -> Range<String.Index>? {
        guard let first = text.first else { return nil }
        var index = s.startIndex
        while let found = s[index...].firstIndex(of: first) {
            if s[found...].hasPrefix(text) { return found..<s.index(found, offsetBy: text.count) }
            index = s.index(after: found)
        }
        return nil
    }

    static func referenceLastRange(_ s: String, _ text: String) -> Range<String.Index>? {
        guard let first = text.first else { return nil }
        var index = s.endIndex
        while let found = s[..<index].lastIndex(of: first) {
            if s[found...].hasPrefix(text) { return found..<s.index(found, offsetBy: text.count) }
            index = found
        }
        return nil
    }

    static func referenceLastComparison(_ sentence: String) -> ProseReader.Comparison? {
        func last(_ markers: [String]) -> String.Index? { markers.compactMap { referenceLastRange(sentence, $0)?.lowerBound }.max() }
        switch (last(ProseReader.previousYearMarkers), last(ProseReader.budgetMarkers)) {
        case let (year?, budget?): return year > budget ? .previousYear : .budget
        case (_?, nil): return .previousYear
        case (nil, _?): return .budget
        case (nil, nil): return sentence.contains("相比") ? .previousYear : nil
        }
    }

    /// `isPreviousYear` as it searched each word's last occurrence character by character.
    static func referencePreviousYear(_ label: String, year: Int) -> Bool {
        guard label.unicodeScalars.contains(where: { $0 == "上" || $0 == "去" || $0 == "年" }) else { return false }
        if label.contains("结转") || label.contains("结余") { return false }
        let words = ProseReader.yearWords(year)
        func last(_ words: [String]) -> String.Index? { words.compactMap { referenceLastRange(label, $0)?.lowerBound }.max() }
        guard let before = last(words.previous) else { return false }
        guard let now = last(words.current) else { return true }
        return before > now
    }

    static func referenceCategoryCode(_ key: String) -> String? {
        var text = key
        if text.hasSuffix("(类)") { text.removeLast(3) }
        for length in stride(from: min(text.count, 16), through: 4, by: -1) {
            if let code = Catalogue.embedded.categoryCode(forName: String(text.suffix(length))) { return code }
        }
        return nil
    }

    static func referencePrefixLength(_ text: String) -> Int {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]
        guard let head = text.first, head == "（" || head == "(" || numerals.contains(head) || head.isASCII && head.isNumber else { return 0 }
        let characters = Array(text)
        var i = 0
        func isNumeral(_ c: Character) -> Bool { numerals.contains(c) || c.isASCII && c.isNumber }
        if i < characters.count, characters[i] == "（" || characters[i] == "(" {
            var j = i + 1
            while j < characters.count, isNumeral(characters[j]) { j += 1 }
            guard j > i + 1, j < characters.count, characters[j] == "）" || characters[j] == ")" else { return 0 }
            i = j + 1
            if i < characters.count, "、.．".contains(characters[i]) { i += 1 }
        } else {
            var j = i
            while j < characters.count, isNumeral(characters[j]) { j += 1 }
            guard j > i, j < characters.count, "、.．".contains(characters[j]) else { return 0 }
            if j + 1 < characters.count, characters[j + 1].isASCII, characters[j + 1].isNumber { return 0 }
            i = j + 1
        }
        while i < characters.count, characters[i] == " " || characters[i] == "\u{3000}" || characters[i] == "\t" { i += 1 }
        guard i < characters.count else { return 0 }
        return characters[..<i].reduce(0) { $0 + $1.utf8.count }
    }
    /// `utf8Replacing` replaces as the standard library's character-level `replacing` does, on
    /// any text (simple or not, overlapping and adjacent occurrences, an empty replacement); on
    /// simple text as Foundation's `replacingOccurrences` (which the call sites used before) too.
    func testByteReplacementEqualsCharacterReplacement() {
        var generator = SplitMix64(seed: 37)
        let targets = ["预算", "一般公共预算", "年末", "支出", "购置费", "aa", "中中", "e\u{301}", "，"]
        let replacements = ["", "|", "年初", "分类", "收入支出"]
        var replaced = 0
        for round in 0..<4_000 {
            let text = randomText(&generator, simple: round % 2 == 0, maximum: 16) + (round % 3 == 0 ? "aaa中中中" : "")
            let target = targets[round % targets.count], replacement = replacements[round % replacements.count]
            let expected = text.replacing(target, with: replacement)
            if SimpleText.isSimple(text) && SimpleText.isSimple(target) {
                XCTAssertEqual(text.replacingOccurrences(of: target, with: replacement), expected)
            }
            XCTAssertEqual(text.utf8Replacing(target, with: replacement), expected, "\(text) / \(target) → \(replacement)")
            XCTAssertEqual(Substring(text).utf8Replacing(target, with: replacement), expected)
            if expected != text { replaced += 1 }
        }
        XCTAssertGreaterThan(replaced, 500)
        XCTAssertEqual("一般公共预算财政拨款".utf8Replacing("", with: "x"), "一般公共预算财政拨款")
    }
}

/// The one-pass reading of a range without blanks (`ProseText.decodeWithoutBlanks`, which reads
/// Han ideographs in place) makes the text the general reading makes.
final class ProseTextReadingTests: XCTestCase {
    func testOnePassReadingEqualsTheGeneralReading() {
        var generator = SplitMix64(seed: 2412)
        // Traditional characters (萬, 總), E4-lead scalars on both sides of U+4E00 (䷀, 一),
        // full-width digits and signs, a full-width grouping comma, astral and invalid bytes.
        // Runs of eight ASCII bytes and more (read a word at a time), with CR and controls among them.
        let pieces = ["收入", "萬元", "總計", "䷀", "一", "１２．５％", "３，８７４．８０", "，", "12.5", "abc", "𠀋", "ꀀ", "é", "。", "萬",
                      "abcdefghij", "1,234,567.89", "\r", "\t", "\u{7F}", "A\u{1}B"]
        var onePass = 0
        for round in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...16, using: &generator) { bytes += Array(pieces.randomElement(using: &generator)!.utf8) }
            if round % 5 == 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = [0xE4, 0xE9, 0x80, 0xFF].randomElement(using: &generator)! }
            let source = SourceText(bytes: bytes)
            let range = SourceRange(start: 0, end: bytes.count)
            let read = ProseText(source, range)
            let general = ProseText(readingEveryScalar: source, range)
            if ProseText.decodeWithoutBlanks(source.bytes, range) != nil { onePass += 1 }
            XCTAssertEqual(read.scalars, general.scalars, "\(bytes)")
            XCTAssertEqual(read.offsets, general.offsets, "\(bytes)")
            XCTAssertEqual(read.ends, general.ends, "\(bytes)")
            XCTAssertEqual(read.isSimple, general.isSimple, "\(bytes)")
        }
        XCTAssertGreaterThan(onePass, 3_000)
    }

    /// Both readings take an ASCII scalar as it is and only the space of ASCII for a blank.
    func testASCIIIsItsOwnNormalFormAndOnlyTheSpaceIsBlank() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            XCTAssertEqual(ProseText.normalized(scalar), scalar)
            XCTAssertEqual(ProseText.isBlank(scalar), value == 0x20, "\(value)")
        }
    }

    /// `ProseText.hasPrefix(_:at:)` (the word's bytes decoded as compared) answers as comparing
    /// the word's scalars, for words of every width and at every place.
    func testHasPrefixEqualsAScalarComparison() {
        var generator = SplitMix64(seed: 1790)
        let pieces = ["其中", "主要用于", "包括", "无变化", "a", "é", "𠀋", "，", "1", "其", ""]
        var found = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let source = SourceText(text)
            let prose = ProseText(source, SourceRange(start: 0, end: source.bytes.count))
            let word = (0..<Int.random(in: 0...2, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for i in 0...(prose.count + 1) {
                var k = i
                let expected = word.unicodeScalars.allSatisfy { scalar in
                    defer { k += 1 }
                    return k < prose.count && prose.scalars[k] == scalar
                }
                XCTAssertEqual(prose.hasPrefix(word, at: i), expected, "\(text) | \(word) | \(i)")
                if expected && !word.isEmpty { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 300)
    }
}

/// The prose reader passes an ideograph outside `significantIdeographs` with one test: every
/// ideograph that starts something its loop reads must be in the set.
final class ProseLoopFilterTests: XCTestCase {
    func testSignificantIdeographsCoverEveryStart() {
        var starts = 0
        for value in UInt32(0x4E00)..<0xA000 {
            let scalar = Unicode.Scalar(value)!
            let startsSomething = ProseReader.mayStartListMarker(scalar) || ProseReader.mayStartNoChangeWord(scalar) || scalar == "从" || scalar == "按"
                || ProseText.isSentenceEnd(scalar) || ProseText.isClauseEnd(scalar) || ProseText.isDigit(scalar)
            if startsSomething {
                starts += 1
                XCTAssertTrue(ProseReader.significantIdeographs.contains(scalar), String(scalar))
            }
        }
        for word in ProseReader.listMarkers + ProseReader.noChangeWords {
            XCTAssertTrue(ProseReader.significantIdeographs.contains(word.unicodeScalars.first!), word)
        }
        XCTAssertEqual(starts, 13)
    }
}

/// The byte path of `QuantityNames.neutralized` (years, neutral words and separators dropped)
/// makes the text its scalar path makes, on random words of every width.
final class NeutralizedBytesTests: XCTestCase {
    func testBytePathEqualsScalarPath() {
        var generator = SplitMix64(seed: 306)
        let pieces = QuantityNames.neutralWords.prefix(12).map { $0 } + ["2024", "年", "度", "2023年度", "，", "、", "（", "）", " ", "\"",
                                                                          "支出", "收入", "é", "𠀋", "ß", "a", "一般公共预算", "😀"]
        var changed = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let fast = QuantityNames.neutralized(text)
            XCTAssertEqual(fast, QuantityNames.neutralizedScalars(text), text)
            if fast != text { changed += 1 }
        }
        XCTAssertGreaterThan(changed, 5_000)
    }
}

/// `ProseReader.firstSuffix` (last bytes compared first) finds the first word whose bytes end
/// the text, as comparing every word's bytes does.
final class FirstSuffixTests: XCTestCase {
    func testFirstSuffixEqualsAByteComparison() {
        var generator = SplitMix64(seed: 1400)
        let pieces = ProseReader.measureSuffixes.map(\.0) + ["约", "左右", "万元", "预", "算", "数", "a", "é", ""]
        let lists = [ProseReader.measureSuffixBytes, ProseReader.approximateWordBytes, [[], Array("数".utf8)], [Array("算数".utf8), Array("数".utf8)]]
        var found = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for words in lists {
                let expected = words.firstIndex { Array(text.utf8).count >= $0.count && Array(text.utf8).suffix($0.count).elementsEqual($0) }
                XCTAssertEqual(ProseReader.firstSuffix(of: text, in: words), expected, text)
                if expected != nil { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 10_000)
    }
}
