import XCTest
@testable import JuesuanSyntax

/// The byte-level pre-checks of the parser (issue 15) accept every spelling the string
/// comparisons after them accept.
final class ParserFastPathTests: XCTestCase {
    func blockStarts(_ text: String) -> [Int] {
        Parser.parse(text).lines.filter { $0.kind == .blockStart || $0.kind == .check }.map(\.index)
    }

    func testKeywordsAndAliasesInEveryCaseStillOpenBlocks() {
        let text = "部门 某局\n年度 2024\nTABLE 公开03 支出决算表\n合计 1 1 -\nText 情况说明\n正文。\n"
            + "CHEC\u{212A} 公开03.合计 = 1\nglossary\n名词：解释。\n"
        // The Kelvin sign lowercases to `k`: `CHECK` spelled with it is the check keyword.
        XCTAssertEqual(blockStarts(text), [2, 4, 6, 7])
    }

    func testDigitsAndLongWordsNeverOpenBlocks() {
        let text = "部门 某局\n年度 2024\n表 自定义 某表\n201 一般公共服务支出 1\n名词解释之外的很长的行名 2\n"
        XCTAssertEqual(blockStarts(text), [2])
        func candidate(_ line: String) -> String? {
            let bytes = Array(line.utf8)
            return Lexing.blockKeywordCandidate(bytes, SourceRange(start: 0, end: bytes.count)).map { Lexing.string(bytes, $0) }
        }
        XCTAssertNil(candidate("2010101 一般公共服务"))
        XCTAssertEqual(candidate("名词解释"), "名词解释")
        XCTAssertNil(candidate("名词解释甲"))
        XCTAssertNil(candidate("名词解释甲 乙"))
        XCTAssertNil(candidate(""))
        // A 12-byte keyword and the blank after it, of any kind, are within what is read.
        XCTAssertEqual(candidate("名词解释\u{3000}很长很长很长的说明文字"), "名词解释")
        XCTAssertEqual(candidate("名词解释\t说明"), "名词解释")
        XCTAssertEqual(candidate("glossary 名词"), "glossary")
        XCTAssertEqual(candidate("表 公开01 收入支出决算总表"), "表")
        XCTAssertEqual(candidate("本部门2024年度收入总计438370.55万元"), nil)
        // The same answer as the first of the words, wherever that is at most 12 bytes.
        for line in ["表\u{3000}公开01", "说明\t一", "校验 公开01.合计 = 1", "abcdefghijkl x", "abcdefghijklm x", "甲乙丙丁\u{3000}", "甲乙丙丁戊"] {
            let bytes = Array(line.utf8)
            let first = Lexing.words(bytes, SourceRange(start: 0, end: bytes.count))[0]
            XCTAssertEqual(candidate(line), first.length <= 12 ? Lexing.string(bytes, first) : nil, line)
        }
        let glossary = "部门 某局\n年度 2024\n名词解释\u{3000}术语\n基本支出：人员支出和公用支出。\n"
        XCTAssertEqual(blockStarts(glossary), [2])
    }

    func testSidesColumnsAndDetailRows() {
        let text = """
        部门 某局
        年度 2024
        表 自定义 某表
        COLUMNS 甲 乙
        收入
        收入合计 1 2
        支出
        其中：办公费 1 1
        其中:差旅费 1 1
        其他支出 1 1
        其中 1 1
        列 甲
        """
        let tree = Parser.parse(text)
        let table = tree.tables[0]
        XCTAssertEqual(table.columns?.names.map(\.text), ["甲", "乙"])
        XCTAssertEqual(table.rows.map(\.side), [.income, .expenditure, .expenditure, .expenditure, .expenditure])
        XCTAssertEqual(table.rows.map(\.isDetail), [false, true, true, false, false])
        // A second 列 line is still an error, found as before.
        XCTAssertTrue(tree.diagnostics.contains { $0.code == "S102" && $0.message.contains("列") })
        XCTAssertEqual(tree.lines.filter { $0.kind == .sideSwitch }.count, 2)
    }

    func testFirstWordIsTheFirstOfTheWords() {
        for line in ["表 公开01", "表\u{3000}公开01", "合计\t1", "单词", "a b c"] {
            let bytes = Array(line.utf8)
            let range = SourceRange(start: 0, end: bytes.count)
            XCTAssertEqual(Lexing.firstWord(bytes, range), Lexing.words(bytes, range)[0], line)
        }
    }

    func testScratchBufferGrowsKeepsOrderAndGivesUpItsElements() {
        var buffer = ScratchBuffer<Token>(capacity: 1)
        defer { buffer.deallocate() }
        let source = Array("一般公共服务支出一般公共服务支出 12 -".utf8)
        func token(_ k: Int) -> Token {
            // Long (read from `source`) and short (inline) texts alternately.
            k.isMultiple(of: 2) ? Token(kind: .label, range: SourceRange(start: 0, end: 48), source: source)
                : Token(kind: .number, range: SourceRange(start: 49, end: 51), source: source)
        }
        for k in 0..<300 { buffer.append(token(k)) }
        XCTAssertEqual(buffer.count, 300)
        XCTAssertEqual(buffer[299].text, "12")
        let taken = buffer.takeAll()
        XCTAssertEqual(buffer.count, 0)
        XCTAssertEqual(taken.count, 300)
        XCTAssertEqual(taken.map(\.text), (0..<300).map { token($0).text })
        buffer.append(token(0))
        buffer.removeAll()
        XCTAssertEqual(buffer.count, 0)
        XCTAssertEqual(buffer.elements.count, 0)
    }

    /// Rows past the parser's first buffers (16 words, 256 tokens, 64 rows) keep every token.
    func testLongRowsAndLargeTablesKeepEveryToken() {
        let cells = (1...40).map { "\($0).5" }
        var text = "部门 某局\n年度 2024\n表 自定义 宽表\n" + "合计 " + cells.joined(separator: " ") + "\n"
        for row in 1...100 { text += "行\(row)  \(row).25  -  \(row)%\n" }
        text += "表 自定义 另一表\n甲 1\n"
        let tree = Parser.parse(text)
        let wide = tree.tables[0]
        XCTAssertEqual(wide.rows.count, 101)
        XCTAssertEqual(wide.rows[0].cells.map(\.token.text), cells)
        XCTAssertEqual(wide.rows[0].values.compactMap { $0?.number?.description }, cells)
        for (k, row) in wide.rows.dropFirst().enumerated() {
            XCTAssertEqual(row.label?.text, "行\(k + 1)")
            XCTAssertEqual(row.cells.map(\.token.text), ["\(k + 1).25", "-", "\(k + 1)%"])
            XCTAssertEqual(row.values[1], .empty)
            XCTAssertEqual(tree.lines[row.line].tokens.map(\.text), row.tokens.map(\.text))
        }
        XCTAssertEqual(tree.tables[1].rows.map { $0.tokens.map(\.text) }, [["甲", "1"]])
    }

    /// `Lexing.expressionOperator` decides as trying each spelling in turn did: the comparators
    /// in their order, then the signs.
    func testExpressionOperatorIsTheFirstSpellingThatMatches() {
        let comparators = ["<=", ">=", "≤", "≥", "＝", "=", "＜", "＞", "<", ">"].map { Array($0.utf8) }
        let signs = ["+", "＋", "－", "−"].map { Array($0.utf8) }
        func reference(_ bytes: [UInt8], _ i: Int, _ end: Int) -> (TokenKind, Int)? {
            let rest = bytes[i..<end]
            if let c = comparators.first(where: { rest.starts(with: $0) }) { return (.comparator, c.count) }
            if let s = signs.first(where: { rest.starts(with: $0) }) { return (.operatorSign, s.count) }
            return nil
        }
        // Pieces that share lead bytes with the operators, and cut ones.
        let pieces: [[UInt8]] = (comparators + signs + ["-", "合", "计", "1", "∑", "．", "％", "≠", "→"].map { Array($0.utf8) })
            + [[0xE2], [0xE2, 0x89], [0xEF], [0xEF, 0xBC], [0xE2, 0x88], [0xEF, 0xBD, 0x9D]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 1...6, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let end = Int.random(in: 1...bytes.count, using: &generator)
            bytes.withUnsafeBufferPointer { buffer in
                for i in 0..<end {
                    let got = Lexing.expressionOperator(buffer, i, end), expected = reference(bytes, i, end)
                    XCTAssertTrue(got?.0 == expected?.0 && got?.1 == expected?.1, "\(bytes) at \(i) before \(end)")
                }
            }
        }
    }

    /// Every element a scratch buffer held is released exactly once: across its growths, when
    /// emptied, when taken and when freed (a growth that copied its elements leaked the
    /// document each of a table's tokens kept, session 24: found by the fuzz target's leak check).
    func testScratchBufferReleasesEveryElementOnce() {
        final class Counter { var alive = 0 }
        final class Tracked {
            let counter: Counter
            init(_ counter: Counter) { self.counter = counter; counter.alive += 1 }
            deinit { counter.alive -= 1 }
        }
        let counter = Counter()
        do {
            var buffer = ScratchBuffer<Tracked>(capacity: 2)
            for _ in 0..<100 { buffer.append(Tracked(counter)) }
            XCTAssertEqual(counter.alive, 100)
            buffer.removeAll()
            XCTAssertEqual(counter.alive, 0)
            for _ in 0..<50 { buffer.append(Tracked(counter)) }
            var taken = buffer.takeAll()
            XCTAssertEqual(counter.alive, 50)
            taken.removeAll()
            XCTAssertEqual(counter.alive, 0)
            for _ in 0..<70 { buffer.append(Tracked(counter)) }
            buffer.deallocate()
        }
        XCTAssertEqual(counter.alive, 0)
    }
}

/// Header keys and block keywords are recognised by their ASCII aliases in any case without
/// lowercasing every first word (issue 15): the same verdict as lowercasing, on every case.
final class KeywordAliasTests: XCTestCase {
    func testAnAliasIsFoundAsLowercasingFindsIt() {
        let aliases = HeaderKey.aliases + BlockKeyword.aliases
        var words: [String] = ["", "a", "年度", "部门", "单位：万元", "Ｙｅａｒ", "İ", "ı", "Dİct", "\u{212A}", "CHEC\u{212A}", "chec\u{212A}",
                               "chec\u{212A}\u{301}", "tabl\u{E9}", "TABLE\u{300}", "text ", "perf1", "GLOSSARYX", "tolerancee"]
        for alias in aliases {
            words += [alias, alias.uppercased(), alias.prefix(1).uppercased() + alias.dropFirst(), String(alias.dropLast()), alias + "s"]
        }
        var generator = SystemRandomNumberGenerator()
        let letters = Array("aAcCdDeEgGhHiIkKlLnNoOpPrRsStTuUxXyY.- \u{212A}")
        for _ in 0..<3_000 {
            words.append(String((0..<Int.random(in: 1...10, using: &generator)).map { _ in letters.randomElement(using: &generator)! }))
        }
        var found = 0
        for list in [HeaderKey.aliases, BlockKeyword.aliases] {
            for word in words {
                let expected = list.firstIndex(ofKeyword: word.lowercased())
                XCTAssertEqual(list.firstIndex(ofAlias: word), expected, "“\(word)” \(word.unicodeScalars.map { String($0.value, radix: 16) })")
                if expected != nil { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 30, "aliases in several cases, and the Kelvin sign's check")
        XCTAssertEqual(BlockKeyword(word: "CHEC\u{212A}"), .check, "the Kelvin sign lowercases to k")
        XCTAssertEqual(HeaderKey(word: "YeAr"), .year)
        XCTAssertNil(HeaderKey(word: "Ｙｅａｒ"), "full-width letters are not the alias")
    }
}
