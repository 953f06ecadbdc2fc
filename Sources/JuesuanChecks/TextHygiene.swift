import Foundation
import JuesuanModel
import JuesuanSyntax

/// T801–T807: text hygiene in the free text of a report — the prose of `说明` blocks (and
/// their titles), glossary definitions, and the names and `原因` of `绩效` blocks. Each rule
/// lives in its own small file (`TextHygiene*.swift`); this family runs them over one shared
/// reading of the text.
enum TextHygieneCheck: ReportCheck {
    static let rules = [
        Rule("T801", .warning, "年份与报告年度不符（沿用了旧年份）"),
        Rule("T802", .warning, "模板遗留的占位内容未填写"),
        Rule("T803", .warning, "出现了其他单位的名称，应为本部门"),
        Rule("T804", .hint, "标点重复或冲突"),
        Rule("T805", .warning, "金额缺少单位"),
        Rule("T806", .hint, "数字的小数位数与报告其他部分不一致"),
        Rule("T807", .information, "同一个词连写两遍（如“本年本年”）"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let text = context.hygieneText
        guard !text.spans.isEmpty else { return [] }
        return StaleYearRule.run(text) + PlaceholderRule.run(text) + ForeignNameRule.run(text)
            + PunctuationRule.run(text) + MissingUnitRule.run(text) + PrecisionRule.run(text)
            + RepeatedWordRule.run(text)
    }
}

/// The free text of a report, cut into spans the T8xx rules read scalar by scalar.
struct HygieneText {
    let report: Report
    let spans: [TextSpan]
    var year: Int? { report.header.year }
    /// The header's 部门 without a trailing `（部门）` / `(本级)`, worked out once (issue 15: three
    /// rules asked for it, and Foundation's trimming is costly for a small document).
    let department: String?

    static func department(of report: Report) -> String? {
        guard let written = report.header.department else { return nil }
        // Foundation's trimming only when an end may be a blank: a name that starts and ends with
        // a printable ASCII character, a Han character or a full-width form has none to trim
        // (issue 15: the call cost 1.5 % of a small document's analysis).
        let plain = written.unicodeScalars.first.map(Self.certainlyNotBlank) == true && written.unicodeScalars.last.map(Self.certainlyNotBlank) == true
        var name = plain ? written : written.trimmingCharacters(in: .whitespaces)
        if name.hasSuffix("）") || name.hasSuffix(")"), let open = name.lastIndex(where: { $0 == "（" || $0 == "(" }), open > name.startIndex {
            name = String(name[..<open])
        }
        return name.isEmpty ? nil : name
    }

    /// A scalar that is in no whitespace set: printable ASCII but the space, Han, full-width forms.
    static func certainlyNotBlank(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v > 0x20 && v < 0x7F) || (v >= 0x3400 && v <= 0x9FFF) || (v >= 0xFF01 && v <= 0xFF60)
    }

    /// `prose`: the report's prose document, whose normalised paragraphs and titles are the
    /// texts of the `说明` spans (the same `ProseText`s, not made a second time).
    init(_ report: Report, prose: ProseDocument? = nil) {
        self.report = report
        department = Self.department(of: report)
        let source = report.source
        var spans: [TextSpan] = []
        var section = 0
        var paragraph = 0
        // Blocks switched on in place: a for-in copied every block, tables included (issue 15).
        let blocks = report.syntax.blocks
        // The document's arrays fetched once (`if let prose` copied the document at every line).
        let hasProse = prose != nil
        let titles = prose?.titles ?? []
        let paragraphs = prose?.paragraphs ?? []
        for index in blocks.indices {
            switch blocks[index] {
            case .narrative(let narrative):
                if let title = narrative.title {
                    if hasProse, section < titles.count, let text = titles[section] {
                        spans.append(TextSpan(.title, block: index, text, source))
                    } else {
                        spans.append(TextSpan(.title, block: index, title.range, source))
                    }
                }
                for line in narrative.proseLines {
                    if hasProse, paragraph < paragraphs.count, paragraphs[paragraph].line == line {
                        spans.append(TextSpan(.prose, block: index, paragraphs[paragraph].text, source))
                    } else {
                        spans.append(TextSpan(.prose, block: index, source.lineContentRange(line), source))
                    }
                    paragraph += 1
                }
                section += 1
            case .glossary(let glossary):
                for entry in glossary.entries {
                    for range in entry.definitionRanges { spans.append(TextSpan(.glossary, block: index, range, source)) }
                }
            case .performance(let performance):
                if let name = performance.name { spans.append(TextSpan(.performanceName, block: index, name.range, source)) }
                for item in performance.items {
                    if item.key.text == "主管部门" || item.key.text == "实施单位", let first = item.values.first, let last = item.values.last {
                        spans.append(TextSpan(.performanceUnit, block: index, first.range.union(last.range), source))
                    }
                    for value in item.field("原因")?.values ?? [] {
                        spans.append(TextSpan(.performanceReason, block: index, value.range, source))
                    }
                }
            case .table, .check:
                break
            }
        }
        self.spans = spans
    }

    /// The span after `index` when it continues the same prose (the next line of one `说明`).
    func continuation(of index: Int) -> TextSpan? {
        let next = index + 1
        guard next < spans.count, spans[index].kind == .prose, spans[next].kind == .prose,
              spans[next].block == spans[index].block else { return nil }
        return spans[next]
    }
}

/// One stretch of free text, read through the prose front-end's normalisation (`ProseText`:
/// width forms, traditional characters, blanks inside figures and units), so the hygiene rules
/// and the narrative checks see the same text.
///
/// A class (immutable): every rule walks the spans, and copying one retained its text's three
/// arrays and the source each time (issue 15).
final class TextSpan: Sendable {
    enum Kind { case title, prose, glossary, performanceName, performanceUnit, performanceReason }

    let kind: Kind
    let block: Int
    let text: ProseText
    let source: SourceText
    var scalars: [Unicode.Scalar] { text.scalars }

    /// Every number of the span, in order (`TextSpan.numbers(in:)`), found once: three rules
    /// read them (issue 15).
    let numbers: [WrittenNumber]

    init(_ kind: Kind, block: Int, _ range: SourceRange, _ source: SourceText) {
        self.kind = kind
        self.block = block
        self.text = ProseText(source, range)
        self.source = source
        numbers = Self.numbers(in: text.scalars)
    }

    init(_ kind: Kind, block: Int, _ text: ProseText, _ source: SourceText) {
        self.kind = kind
        self.block = block
        self.text = text
        self.source = source
        numbers = Self.numbers(in: text.scalars)
    }

    /// The text of scalars `start..<end` as the user wrote it (blanks and full-width forms kept), for messages.
    func written(_ start: Int, _ end: Int) -> String { source.string(text.range(start, end)) }

    var count: Int { scalars.count }
    var isFreeText: Bool { kind == .prose || kind == .title || kind == .glossary }
    /// A line with two or more tabs is a table pasted into the prose, not a sentence.
    var looksLikeTable: Bool { scalars.lazy.filter { $0 == "\t" }.count >= 2 }

    /// The scalar at `i`, or nil outside the span.
    subscript(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    func range(_ start: Int, _ end: Int) -> SourceRange { text.range(start, end) }
    /// Up to where scalar `end` starts: blanks the normaliser dropped before it are inside.
    func extent(_ start: Int, _ end: Int) -> SourceRange { text.extent(start, end) }

    func string(_ start: Int, _ end: Int) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(text)
    }

    /// Whether `word` is written at `i`.
    ///
    /// Asked at every scalar of every span, mostly of string literals (issue 15): their UTF-8
    /// bytes are compared with the span's scalars as they are decoded, without a
    /// `UnicodeScalarView` (whose index validation and decoding cost more than the comparison).
    func has(_ word: String, at i: Int) -> Bool {
        if let answer = word.utf8.withContiguousStorageIfAvailable({ TextSpan.matches(scalars, at: i, utf8: $0) }) { return answer }
        return hasScalars(word, at: i)
    }

    /// `has(_:at:)` through the word's `UnicodeScalarView`: for a word without contiguous UTF-8
    /// (a bridged string), and the reference the fast path is tested against.
    func hasScalars(_ word: String, at i: Int) -> Bool {
        let view = word.unicodeScalars
        // Asked at every scalar: the first one decides most of the time.
        guard let first = view.first else { return true }
        guard i >= 0, i < scalars.count, scalars[i] == first else { return false }
        var k = i
        for scalar in view {
            guard self[k] == scalar else { return false }
            k += 1
        }
        return true
    }

    /// Whether the scalars from `i` on start with those the valid UTF-8 `bytes` encode (an empty
    /// word is everywhere).
    @inline(__always)
    static func matches(_ scalars: [Unicode.Scalar], at i: Int, utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Scalars.scalars(scalars, at: i, startWith: bytes)
    }

    /// The number of scalars of `word`, counted on its UTF-8 bytes.
    @inline(__always)
    static func scalarCount(_ word: String) -> Int {
        word.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? word.unicodeScalars.count
    }

    /// Whether the text just before `i` is `word`.
    func has(_ word: String, endingAt i: Int) -> Bool {
        // The word's last scalar first: most positions end no word, and counting the word's
        // scalars cost more than this test (issue 15). An empty word goes the full way.
        if let last = TextSpan.lastScalar(word) {
            guard i >= 1, i <= scalars.count, scalars[i - 1] == last else { return false }
        }
        let length = TextSpan.scalarCount(word)
        return i - length >= 0 && has(word, at: i - length)
    }

    /// The last scalar of `word`, decoded from the end of its UTF-8 bytes.
    @inline(__always)
    static func lastScalar(_ word: String) -> Unicode.Scalar? {
        word.utf8.withContiguousStorageIfAvailable { b -> Unicode.Scalar? in
            guard !b.isEmpty else { return nil }
            var start = b.count - 1
            while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
            let lead = UInt32(b[start])
            let value: UInt32
            switch b.count - start {
            case 1: value = lead
            case 2: value = (lead & 0x1F) << 6 | UInt32(b[start + 1] & 0x3F)
            case 3: value = (lead & 0x0F) << 12 | UInt32(b[start + 1] & 0x3F) << 6 | UInt32(b[start + 2] & 0x3F)
            default: value = (lead & 0x07) << 18 | UInt32(b[start + 1] & 0x3F) << 12 | UInt32(b[start + 2] & 0x3F) << 6 | UInt32(b[start + 3] & 0x3F)
            }
            return Unicode.Scalar(value)
        } ?? word.unicodeScalars.last
    }

    func hasAny(_ words: [String], at i: Int) -> String? { words.first { has($0, at: i) } }
    func hasAny(_ words: [String], endingAt i: Int) -> String? { words.first { has($0, endingAt: i) } }

    /// The first index at or after `i` that is not a blank (space, tab, U+3000).
    func skipBlanks(from i: Int) -> Int {
        var k = i
        while let s = self[k], Scalars.isBlank(s) { k += 1 }
        return k
    }

    /// The index just after the last non-blank before `i`.
    func skipBlanks(before i: Int) -> Int {
        var k = i
        while let s = self[k - 1], Scalars.isBlank(s) { k -= 1 }
        return k
    }

    /// Start of the sentence holding `i` (after the previous 。；！？, or the span's start).
    func sentenceStart(_ i: Int) -> Int {
        var k = min(i, count)
        while let s = self[k - 1], !Scalars.sentenceEnds.contains(s) { k -= 1 }
        return k
    }

    /// End of the sentence holding `i` (at the next 。；！？, or the span's end).
    func sentenceEnd(_ i: Int) -> Int {
        var k = i
        while let s = self[k], !Scalars.sentenceEnds.contains(s) { k += 1 }
        return k
    }

    /// Start of the clause holding `i` (after the previous sentence end or comma-like mark).
    func clauseStart(_ i: Int) -> Int {
        var k = min(i, count)
        while let s = self[k - 1], !Scalars.clauseEnds.contains(s) { k -= 1 }
        return k
    }

    func clauseEnd(_ i: Int) -> Int {
        var k = i
        while let s = self[k], !Scalars.clauseEnds.contains(s) { k += 1 }
        return k
    }

    /// Whether `word` occurs anywhere in `start..<end`.
    func contains(_ word: String, from start: Int, to end: Int) -> Bool {
        let length = TextSpan.scalarCount(word)
        guard end - start >= length else { return false }
        for k in max(0, start)...(end - length) where has(word, at: k) { return true }
        return false
    }

    func containsAny(_ words: [String], from start: Int, to end: Int) -> Bool {
        words.contains { contains($0, from: start, to: end) }
    }

    /// Whether `i` lies between an opening and a closing mark: an opener before it in the span
    /// that is not closed before `i`, or a closer after it that was not opened after `i`
    /// (a quotation broken across lines).
    func isEnclosed(_ i: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Bool {
        var depth = 0
        var k = i - 1
        while k >= 0 {
            if scalars[k] == close { depth += 1 } else if scalars[k] == open { if depth == 0 { return true }; depth -= 1 }
            k -= 1
        }
        depth = 0
        k = i
        while k < count {
            if scalars[k] == open { depth += 1 } else if scalars[k] == close { if depth == 0 { return true }; depth -= 1 }
            k += 1
        }
        return false
    }

    /// Inside 《…》 or a quotation “…”, 「…」.
    func isQuoted(_ i: Int) -> Bool {
        isEnclosed(i, open: "《", close: "》") || isEnclosed(i, open: "“", close: "”") || isEnclosed(i, open: "「", close: "」")
    }

    /// A number written at `i`: `digits[,ddd…][.digits]`, not part of a longer number or word.
    func number(at i: Int) -> WrittenNumber? { Self.number(in: scalars, at: i) }

    static func number(in scalars: [Unicode.Scalar], at i: Int) -> WrittenNumber? {
        // `self[k]` of a span, on its scalars.
        @inline(__always) func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < scalars.count ? scalars[k] : nil }
        guard let first = at(i), ProseText.isDigit(first) else { return nil }
        if let before = at(i - 1), ProseText.isDigit(before) || ProseText.isASCIILetter(before) || before == "." { return nil }
        if at(i - 1) == ",", let b2 = at(i - 2), ProseText.isDigit(b2) { return nil }
        var k = i
        while let s = at(k), ProseText.isDigit(s) { k += 1 }
        // Thousands separators: `,` followed by exactly three digits.
        while at(k) == ",", let d1 = at(k + 1), let d2 = at(k + 2), let d3 = at(k + 3),
              ProseText.isDigit(d1), ProseText.isDigit(d2), ProseText.isDigit(d3), !(at(k + 4).map(ProseText.isDigit) ?? false) {
            k += 4
        }
        var scale = 0
        if at(k) == ".", let d = at(k + 1), ProseText.isDigit(d) {
            k += 1
            while let s = at(k), ProseText.isDigit(s) { k += 1; scale += 1 }
        }
        if let after = at(k), ProseText.isASCIILetter(after) || after == "." { return nil }
        return WrittenNumber(start: i, end: k, scale: scale)
    }

    /// Every number of `scalars`, in order: `number(at:)` at each scalar, skipping past each number found.
    static func numbers(in scalars: [Unicode.Scalar]) -> [WrittenNumber] {
        var found: [WrittenNumber] = []
        var i = 0
        while i < scalars.count {
            // A number starts with a digit: other scalars are passed without the full test.
            if ProseText.isDigit(scalars[i]), let number = number(in: scalars, at: i) { found.append(number); i = number.end } else { i += 1 }
        }
        return found
    }
}

struct WrittenNumber {
    var start: Int
    var end: Int
    /// Digits after the decimal point.
    var scale: Int
}

enum Scalars {
    static let sentenceEnds = ScalarSet(ProseText.sentenceEnds.union(ProseText.statementEnds))
    static let clauseEnds = ScalarSet(ProseText.sentenceEnds.union(ProseText.statementEnds).union(["，", ",", "：", ":"]))

    static func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
    // Digits and ASCII letters: `ProseText.isDigit` / `ProseText.isASCIILetter` (one definition).
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
    }
}

/// Words looked for at many places of a text (issue 15): each decoded once, and the sets of
/// their first and last scalars, which turn most places away with one test. `TextSpan.hasAny`
/// with a list answers as with its words.
struct WordList: Sendable {
    let words: [String]
    fileprivate let scalars: [[Unicode.Scalar]]
    fileprivate let firsts: ScalarSet
    fileprivate let lasts: ScalarSet

    init(_ words: [String]) {
        precondition(!words.contains(""), "an empty word is everywhere: not a list to look for")
        self.words = words
        scalars = words.map { Array($0.unicodeScalars) }
        firsts = ScalarSet(scalars.map { $0[0] })
        lasts = ScalarSet(scalars.map { $0[$0.count - 1] })
    }
}

extension TextSpan {
    /// The first word of `list` written at `i` (`hasAny(list.words, at: i)`).
    func hasAny(_ list: WordList, at i: Int) -> String? {
        guard i >= 0, i < count, list.firsts.contains(scalars[i]) else { return nil }
        for (index, word) in list.scalars.enumerated() where matches(word, at: i) { return list.words[index] }
        return nil
    }

    /// The first word of `list` written just before `i` (`hasAny(list.words, endingAt: i)`).
    func hasAny(_ list: WordList, endingAt i: Int) -> String? {
        guard i >= 1, i <= count, list.lasts.contains(scalars[i - 1]) else { return nil }
        for (index, word) in list.scalars.enumerated() where word.count <= i && matches(word, at: i - word.count) { return list.words[index] }
        return nil
    }

    /// Whether the scalars from `i` (at least 0) are `word`'s.
    private func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard word.count <= count - i else { return false }
        return scalars.withUnsafeBufferPointer { text in
            word.withUnsafeBufferPointer { word in
                var k = 0
                while k < word.count, text[i + k] == word[k] { k += 1 }
                return k == word.count
            }
        }
    }
}

extension TextSpan {
    /// The indices of the scalars that are in `set`, in order: found in one pass without bounds
    /// checks, for a rule that reads only where such a scalar stands (issue 15).
    func indices(of set: ScalarSet) -> [Int] {
        scalars.withUnsafeBufferPointer { s in
            var found: [Int] = []
            var i = 0
            let n = s.count
            // Four scalars' filter bits joined and tested at once: most groups hold no member.
            while n - i >= 4 {
                if set.filterBit(s[i]) | set.filterBit(s[i + 1]) | set.filterBit(s[i + 2]) | set.filterBit(s[i + 3]) != 0 {
                    for k in i..<(i + 4) where set.contains(s[k]) { found.append(k) }
                }
                i += 4
            }
            for k in i..<n where set.contains(s[k]) { found.append(k) }
            return found
        }
    }
}
