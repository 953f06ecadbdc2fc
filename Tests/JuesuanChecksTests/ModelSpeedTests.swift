import XCTest
import JuesuanFixtures
import JuesuanSyntax
@testable import JuesuanModel

/// The model's fast paths of issue 15, session 4, against the code they replace: the label-row
/// index of a standard table's side and `LabelKey.isPlain` on UTF-8 bytes.
final class ModelSpeedTests: XCTestCase {
    /// The scan `SideSpec.labelRow(forKey:)` was.
    static func scannedLabelRow(_ side: SideSpec, _ key: String) -> LabelRowSpec? {
        side.labelRows.first { LabelKey.matches($0.name, key) || $0.aliases.contains { LabelKey.matches($0, key) } }
    }

    func testLabelRowIndexAnswersAsTheScan() {
        var random = SplitMix64(seed: 15_4)
        var keys: Set<String> = ["", "合计", "总计", "其他", "年初", "本年收入合计 ", "一般公共预算财政拨款收入（类）"]
        for spec in StandardTableSpec.all {
            for side in spec.sides {
                for row in side.labelRows {
                    for name in [row.name] + row.aliases {
                        keys.insert(name)
                        keys.insert(LabelKey.make(name))
                        keys.insert("年初" + LabelKey.make(name))
                        keys.insert(String(LabelKey.make(name).dropLast()))
                        // Compatibility ideographs are canonically their unified forms.
                        keys.insert(LabelKey.make(name).replacingOccurrences(of: "年", with: "\u{F98E}"))
                    }
                }
            }
        }
        var checked = 0
        for spec in StandardTableSpec.all {
            for var side in spec.sides {
                for key in keys {
                    XCTAssertEqual(side.labelRow(forKey: key)?.name, ModelSpeedTests.scannedLabelRow(side, key)?.name, key)
                    checked += 1
                }
                // The index follows a change of the rows, and the first of two equal keys wins.
                guard !side.labelRows.isEmpty else { continue }
                let shuffled = side.labelRows.shuffled(using: &random)
                side.labelRows = shuffled + [LabelRowSpec(name: shuffled[0].name, aliases: ["新增行"], isCount: !shuffled[0].isCount)]
                for key in keys.union(["新增行"]) {
                    let expected = ModelSpeedTests.scannedLabelRow(side, key)
                    XCTAssertEqual(side.labelRow(forKey: key)?.name, expected?.name, key)
                    XCTAssertEqual(side.labelRow(forKey: key)?.isCount, expected?.isCount, key)
                }
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
    }

    /// `isPlain` as it was: scalar by scalar.
    static func scalarIsPlain(_ label: String) -> Bool {
        var first = true
        for scalar in label.unicodeScalars {
            let value = scalar.value
            if first {
                first = false
                if value < 0x80 ? (value >= 0x30 && value <= 0x39) : "一二三四五六七八九十百零〇".unicodeScalars.contains(scalar) { return false }
            }
            if value >= 0x4E00 && value <= 0x9FFF { continue }
            if value < 0x80, (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) { continue }
            return false
        }
        return true
    }

    /// `sortedLongestFirst` orders as a stable sort by length does, ties kept in place, and the
    /// name tables built with it are longest first.
    func testLongestFirstIsAStableSortByLength() {
        var random = SplitMix64(seed: 15_11)
        let alphabet = ["收", "入", "a", "“", "三公", "经费", "e\u{301}"]
        for _ in 0..<300 {
            let count = Int(random.next() % 40)
            let words = (0..<count).map { index in
                (word: (0..<Int(random.next() % 5)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined(), index: index)
            }
            let sorted = words.sortedLongestFirst { $0.word.count }
            let expected = words.sorted { $0.word.count != $1.word.count ? $0.word.count > $1.word.count : $0.index < $1.index }
            XCTAssertEqual(sorted.map(\.index), expected.map(\.index))
        }
        let aliases = QuantityNames.aliases.map(\.alias.count)
        XCTAssertEqual(aliases, aliases.sorted(by: >))
        let names = FigureNames.table.map(\.0.count)
        XCTAssertEqual(names, names.sorted(by: >))
        XCTAssertGreaterThan(Set(aliases).count, 3)
    }

    func testPlainLabelsOnBytesAsOnScalars() {
        // The edges of U+4E00–U+9FFF, numerals, ASCII classes, other scripts and marks.
        let scalars: [String] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇", "丁", "万", "\u{4DFF}", "\u{4E01}",
                                 "\u{9FFF}", "\u{A000}", "\u{3400}", "\u{F98E}", "\u{20000}", "支", "出", "合", "计", "0", "9", "a", "Z", "z", "@",
                                 "[", "`", "{", "/", ":", " ", "\u{3000}", "（", "）", "(", "、", ".", "é", "e\u{301}", "α", "\u{FF10}"]
        var random = SplitMix64(seed: 9)
        var plain = 0
        for _ in 0..<30_000 {
            var label = ""
            for _ in 0..<Int(random.next() % 7) { label += scalars[Int(random.next() % UInt64(scalars.count))] }
            let expected = ModelSpeedTests.scalarIsPlain(label)
            XCTAssertEqual(LabelKey.isPlain(label), expected, label)
            XCTAssertEqual(LabelKey.isPlain(label.dropFirst()), ModelSpeedTests.scalarIsPlain(String(label.dropFirst())), label)
            if expected { plain += 1 }
        }
        XCTAssertGreaterThan(plain, 1_000)
    }

    /// `LabelCache` gives each spelling the label and key made afresh: spellings met again, new
    /// ones, labels that differ in one byte or only in canonically equivalent spellings (each
    /// keeps its own bytes), far more spellings than the cache keeps, and spellings whose
    /// hashes all collide (made as if there were no cache).
    func testLabelCacheGivesWhatMakingTheLabelGives() {
        var random = SplitMix64(seed: 15_26)
        let names = ["一般公共服务支出", "其他支出", "一、基本支出", "（一）人员经费", "社会保障和就业支出（类）", "合计",
                     "年初结转和结余", "e\u{301}", "\u{E9}", "2010101", "行政运行 ", "", "\u{F98E}初结转", "年初结转"]
        var spellings = names
        for _ in 0..<3_000 {
            let base = names.randomElement(using: &random)!
            spellings.append(base + String(random.next() % 5_000))
        }
        var cache = LabelCache()
        for round in 0..<3 {
            for text in spellings.shuffled(using: &random) {
                let bytes = Array(text.utf8)
                let token = Token(kind: .label, range: SourceRange(start: 0, end: bytes.count), source: bytes)
                let (label, key) = cache.label(of: token)
                XCTAssertTrue(label.utf8.elementsEqual(text.utf8), "round \(round): \(text)")
                XCTAssertTrue(key.utf8.elementsEqual(LabelKey.make(text).utf8), "round \(round): \(text)")
            }
        }
        // Past the slots the cache keeps: the labels are still right.
        var large = LabelCache()
        for k in 0..<(LabelCache.maximumSlots + 5_000) where k % 7 == 0 || k > LabelCache.maximumSlots {
            let text = "项目\(k)"
            let bytes = Array(text.utf8)
            XCTAssertEqual(large.label(of: Token(kind: .label, range: SourceRange(start: 0, end: bytes.count), source: bytes)).label, text)
        }
        var colliding = LabelCache(hash: { _ in 42 })
        for text in spellings.prefix(40) + spellings.prefix(40) {
            let bytes = Array(text.utf8)
            let made = colliding.label(of: Token(kind: .label, range: SourceRange(start: 0, end: bytes.count), source: bytes))
            XCTAssertTrue(made.label.utf8.elementsEqual(text.utf8), text)
            XCTAssertEqual(made.key, LabelKey.make(text), text)
        }
    }
}
