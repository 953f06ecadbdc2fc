import XCTest
import JuesuanFixtures
@testable import JuesuanSyntax

/// The parser's byte-level fast paths (issue 15, session 4) against the code they replace, on
/// seeded random inputs: tokens that read their text from the document, the reused word
/// scanner, the comment search, the cell reader and the chunked decimal reader.
final class ByteScannerTests: XCTestCase {
    /// Pieces random lines are made of: figures, labels, blanks of every kind, comment marks,
    /// percent signs, dashes, compatibility ideographs, combining marks, keywords.
    static let pieces = [
        "0", "1", "9", "12", "007", "436925.81", "1,234.56", "1,23", "-", "－", "−", "—", "——", "--", "─", ".", ",",
        "%", "％", "36O.00", "1.2.3", "123456789012345678", "9999999999999999999", "0.0000000000001",
        " ", "  ", "\t", "\u{3000}", "//", "/", " //", "\u{3000}//", "注",
        "合计", "本年收入合计", "其中：", "其中:", "机关事业单位基本养老保险基金支出", "一、", "（类）", "(款)",
        "\u{F98E}", "e\u{301}", "A", "columns", "列", "收入", "支出", "201", "2010101", "；", ";", "=", "+", "＝",
    ]

    static func randomText(_ random: inout SplitMix64, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count { text += pieces[Int(random.next() % UInt64(pieces.count))] }
        return text
    }

    /// Random documents: a header, tables, prose, glossary, performance and check blocks, with
    /// random lines inside.
    static func randomDocument(_ random: inout SplitMix64) -> String {
        var text = "部门 某局\n年度 2024\n"
        let blocks = ["表 公开03 支出决算表\n", "表 自定义 某表\n列 甲 乙; 甲 = 乙\n", "说明 一\n", "名词解释\n",
                      "绩效 某项目\n", "校验 公开03.合计 = 1\n"]
        for _ in 0..<4 {
            text += blocks[Int(random.next() % UInt64(blocks.count))]
            for _ in 0..<Int(random.next() % 6) {
                text += randomText(&random, pieces: Int(random.next() % 9)) + (random.next() % 5 == 0 ? "\r\n" : "\n")
            }
        }
        return text
    }

    func testParsedTokensReadTheirTextFromTheDocument() {
        var random = SplitMix64(seed: 15_04)
        var tokens = 0
        for _ in 0..<400 {
            let tree = Parser.parse(ByteScannerTests.randomDocument(&random))
            var all: [Token] = tree.lines.flatMap { $0.tokens + ($0.trailingComment.map { [$0] } ?? []) }
            for block in tree.blocks {
                all.append(block.keyword)
                if case .table(let table) = block {
                    for row in table.rows { all += [row.code, row.label].compactMap { $0 } + row.cells.map(\.token) }
                }
            }
            for token in all {
                let expected = tree.source.string(token.range)
                XCTAssertEqual(token.text, expected)
                XCTAssertEqual(token.textUTF8Count, token.range.length)
                token.withTextBytes { XCTAssertEqual(Array($0), Array(expected.utf8)) }
                // The same token made from its text, as before: equal, same hash.
                let made = Token(kind: token.kind, range: token.range, text: expected)
                XCTAssertEqual(made, token)
                XCTAssertEqual(made.hashValue, token.hashValue)
                tokens += 1
            }
        }
        XCTAssertGreaterThan(tokens, 5_000)
    }

    func testTokenTextIsKeptWhenTheTokenMovesAndCanBeSet() {
        let source = Array("本年收入合计　一般公共预算财政拨款收入 12".utf8)
        var long = Token(kind: .label, range: SourceRange(start: 21, end: 57), source: source)
        var short = Token(kind: .number, range: SourceRange(start: 58, end: 60), source: source)
        XCTAssertEqual(long.text, "一般公共预算财政拨款收入")
        XCTAssertEqual(short.text, "12")
        long.range = SourceRange(start: 0, end: 3)
        short.range = SourceRange(start: 100, end: 200)
        XCTAssertEqual(long.text, "一般公共预算财政拨款收入")
        XCTAssertEqual(short.text, "12")
        long.text = "合计"
        XCTAssertEqual(long.text, "合计")
        XCTAssertEqual(long.range, SourceRange(start: 0, end: 3))
        // 16 bytes inline, 17 from the bytes: both read back.
        for text in ["0123456789abcdef", "0123456789abcdefg", "", "一二三四五六"] {
            let bytes = Array(("  " + text + " ").utf8)
            let token = Token(kind: .label, range: SourceRange(start: 2, end: 2 + text.utf8.count), source: bytes)
            XCTAssertEqual(token.text, text)
            XCTAssertEqual(Token(kind: .label, range: token.range, text: text), token)
        }
    }

    func testTokenKeepsItsRangeInFortyBytes() {
        XCTAssertEqual(MemoryLayout<Token>.stride, 40)
        let source = Array("表 公开01 收入支出决算总表".utf8)
        var token = Token(kind: .title, range: SourceRange(start: 13, end: source.count), source: source)
        XCTAssertEqual(token.range, SourceRange(start: 13, end: source.count))
        XCTAssertEqual(token.text, "收入支出决算总表")
        // The largest document (32 MiB) and beyond: offsets up to 2^31 - 1 are kept exactly.
        token.range = SourceRange(start: Analysis32.maximumDocumentBytes, end: Int(Int32.max))
        XCTAssertEqual(token.range, SourceRange(start: Analysis32.maximumDocumentBytes, end: Int(Int32.max)))
        token.range.start += 1
        XCTAssertEqual(token.range.start, Analysis32.maximumDocumentBytes + 1)
        XCTAssertEqual(token.text, "收入支出决算总表")
    }

    /// `Analysis.maximumDocumentBytes` (JuesuanChecks, not visible here): 32 MiB.
    private enum Analysis32 { static let maximumDocumentBytes = 32 << 20 }

    func testCanonicallyEquivalentTextsAreEqualTokensAsBefore() {
        // U+F98E is canonically 年: as `String`s the texts were equal, so the tokens still are.
        let compatibility = Token(kind: .label, range: SourceRange(start: 0, end: 3), text: "\u{F98E}")
        let unified = Token(kind: .label, range: SourceRange(start: 0, end: 3), text: "年")
        XCTAssertEqual(compatibility, unified)
        XCTAssertEqual(compatibility.hashValue, unified.hashValue)
        XCTAssertNotEqual(unified, Token(kind: .label, range: SourceRange(start: 0, end: 3), text: "月"))
        XCTAssertNotEqual(unified, Token(kind: .title, range: SourceRange(start: 0, end: 3), text: "年"))
    }

    func testReusedWordScannerMatchesTheWords() {
        var random = SplitMix64(seed: 4)
        // As the parser reads table lines: one buffer, emptied and refilled line after line.
        var scratch = ScratchBuffer<SourceRange>(capacity: 1)
        defer { scratch.deallocate() }
        scratch.append(SourceRange(start: 9, end: 9))
        for _ in 0..<5_000 {
            let bytes = Array(ByteScannerTests.randomText(&random, pieces: Int(random.next() % 12)).utf8)
            let start = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            let range = SourceRange(start: start, end: bytes.count)
            scratch.removeAll()
            Lexing.forEachWord(bytes, range) { scratch.append($0) }
            XCTAssertEqual(Array(scratch.elements), Lexing.words(bytes, range))
        }
    }

    /// The word scanner before it skipped eight bytes at a time inside a word.
    static func referenceWords(_ bytes: [UInt8], _ range: SourceRange) -> [SourceRange] {
        var result: [SourceRange] = []
        var i = range.start
        var wordStart = -1
        while i < range.end {
            let blank = Lexing.blankLength(bytes, i, range.end)
            if blank > 0 {
                if wordStart >= 0 { result.append(SourceRange(start: wordStart, end: i)); wordStart = -1 }
                i += blank
            } else {
                if wordStart < 0 { wordStart = i }
                i += 1
            }
        }
        if wordStart >= 0 { result.append(SourceRange(start: wordStart, end: range.end)) }
        return result
    }

    func testWordScannerSkippingChunksFindsTheSameWords() {
        var random = SplitMix64(seed: 15_12)
        // Long labels, controls, U+3000 and its neighbours (、。「 also start with E3), a blank at
        // every offset of a chunk.
        let pieces = ByteScannerTests.pieces + ["机关事业单位基本养老保险基金支出", "、", "。", "「", "\u{1}", "\u{1F}", "\u{7F}",
                                                "abcdefghij", "\u{3000}\u{3000}", "ã", "\u{E3}", "一般公共预算财政拨款收入"]
        var words = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 14) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let bytes = Array(text.utf8)
            let start = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            let end = start + (bytes.count == start ? 0 : Int(random.next() % UInt64(bytes.count - start + 1)))
            let range = SourceRange(start: start, end: end)
            let expected = ByteScannerTests.referenceWords(bytes, range)
            XCTAssertEqual(Lexing.words(bytes, range), expected, text)
            // A range that starts with a word: its first word, found without the others.
            if let first = expected.first, first.start == range.start {
                XCTAssertEqual(Lexing.firstWord(bytes, range), first, text)
            }
            words += expected.count
        }
        XCTAssertGreaterThan(words, 10_000)
    }

    func testChunkMaskFindsTheFirstByteThatMayStartABlank() {
        var random = SplitMix64(seed: 15_13)
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0xE2, 0xE3, 0xE4, 0xFF]
        var withOne = 0
        for _ in 0..<200_000 {
            var chunk: UInt64 = 0
            for k in 0..<8 {
                let byte = random.next() % 3 == 0 ? interesting[Int(random.next() % UInt64(interesting.count))] : UInt8(truncatingIfNeeded: random.next())
                chunk |= UInt64(byte) << (8 * UInt64(k))
            }
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: chunk >> (8 * UInt64($0))) }
            let mask = Lexing.blankStartMask(chunk)
            if let first = bytes.firstIndex(where: { $0 < 0x21 || $0 == 0xE3 }) {
                XCTAssertEqual(mask.trailingZeroBitCount / 8, first, "\(bytes)")
                withOne += 1
            } else {
                XCTAssertEqual(mask, 0, "\(bytes)")
            }
        }
        XCTAssertGreaterThan(withOne, 100_000)
        XCTAssertLessThan(withOne, 200_000)
    }

    /// The comment search before it skipped non-`/` bytes.
    static func referenceCommentStart(_ bytes: [UInt8], _ range: SourceRange) -> Int? {
        var i = range.start
        while i + 1 < range.end {
            if bytes[i] == 0x2F, bytes[i + 1] == 0x2F, i > range.start {
                let previous = bytes[i - 1]
                if previous == 0x20 || previous == 0x09 { return i }
                if i - range.start >= 3, bytes[i - 3] == 0xE3, bytes[i - 2] == 0x80, previous == 0x80 { return i }
            }
            i += 1
        }
        return nil
    }

    func testCommentSearchMatchesTheReference() {
        var random = SplitMix64(seed: 5)
        var found = 0
        for _ in 0..<5_000 {
            let bytes = Array(ByteScannerTests.randomText(&random, pieces: Int(random.next() % 10)).utf8)
            let start = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            let range = SourceRange(start: start, end: bytes.count)
            let expected = ByteScannerTests.referenceCommentStart(bytes, range)
            XCTAssertEqual(Lexing.trailingCommentStart(bytes, range), expected)
            if expected != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 300)
    }

    /// The decimal reader before it gathered digits in a machine word (one Int128 step per digit).
    static func referenceClassify(_ text: String) -> DecimalNumber.Reading {
        let bytes = Array(text.utf8)
        var negative = false, mantissa: Int128 = 0, scale = 0, sawDigit = false, afterPoint = false
        var digitsSinceSeparator = -1, digitsBeforeFirstSeparator = 0, integerDigits = 0
        var index = 0
        if index < bytes.count {
            let b0 = bytes[0]
            if b0 == 0x2D {
                negative = true; index = 1
            } else if b0 == 0xEF || b0 == 0xE2 {
                guard bytes.count >= 3 else { return .notANumber }
                guard (b0 == 0xEF && bytes[1] == 0xBC && bytes[2] == 0x8D) || (b0 == 0xE2 && bytes[1] == 0x88 && bytes[2] == 0x92) else { return .notANumber }
                negative = true; index = 3
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x30...0x39:
                let digit = Int128(byte - 0x30)
                if afterPoint { scale += 1 } else if mantissa != 0 || digit != 0 { integerDigits += 1 }
                if integerDigits <= DecimalNumber.maximumIntegerDigits && scale <= DecimalNumber.maximumScale { mantissa = mantissa * 10 + digit }
                sawDigit = true
                if !afterPoint { if digitsSinceSeparator >= 0 { digitsSinceSeparator += 1 } else { digitsBeforeFirstSeparator += 1 } }
            case 0x2C:
                guard !afterPoint, sawDigit else { return .notANumber }
                if digitsSinceSeparator == -1 {
                    guard digitsBeforeFirstSeparator <= 3 else { return .notANumber }
                } else if digitsSinceSeparator != 3 { return .notANumber }
                digitsSinceSeparator = 0
            case 0x2E:
                guard !afterPoint, sawDigit else { return .notANumber }
                if digitsSinceSeparator >= 0 && digitsSinceSeparator != 3 { return .notANumber }
                afterPoint = true
                sawDigit = false
            default:
                return .notANumber
            }
        }
        guard sawDigit else { return .notANumber }
        if !afterPoint, digitsSinceSeparator >= 0, digitsSinceSeparator != 3 { return .notANumber }
        guard integerDigits <= DecimalNumber.maximumIntegerDigits, scale <= DecimalNumber.maximumScale else { return .oversized }
        return .number(DecimalNumber(mantissa: negative ? -mantissa : mantissa, scale: scale))
    }

    /// Numbers of every length up to 45 digits, with leading zeros, separators, points and signs.
    static func randomFigure(_ random: inout SplitMix64) -> String {
        let signs = ["", "", "-", "－", "−"]
        var text = signs[Int(random.next() % 5)]
        let digits = "0123456789".map(String.init)
        let integerLength = Int(random.next() % 30)
        for k in 0..<integerLength {
            text += digits[k < 3 && random.next() % 3 == 0 ? 0 : Int(random.next() % 10)]
            if random.next() % 9 == 0 { text += "," }
        }
        if random.next() % 2 == 0 {
            text += "."
            for _ in 0..<Int(random.next() % 16) { text += digits[Int(random.next() % 10)] }
        }
        if random.next() % 6 == 0 { text += ["%", "％", "x", ".", "O"][Int(random.next() % 5)] }
        return text
    }

    func testChunkedDecimalReaderMatchesTheReference() {
        var random = SplitMix64(seed: 6)
        var counts: [String: Int] = [:]
        for _ in 0..<50_000 {
            let text = ByteScannerTests.randomFigure(&random)
            let expected = ByteScannerTests.referenceClassify(text)
            XCTAssertEqual(DecimalNumber.classify(text), expected, text)
            XCTAssertEqual(DecimalNumber.classify(utf8: Array(text.utf8)[...]), expected, text)
            switch expected {
            case .number: counts["number", default: 0] += 1
            case .oversized: counts["oversized", default: 0] += 1
            case .notANumber: counts["no", default: 0] += 1
            }
        }
        // Every outcome is well represented.
        XCTAssertGreaterThan(counts["number"] ?? 0, 1_000)
        XCTAssertGreaterThan(counts["oversized"] ?? 0, 1_000)
        XCTAssertGreaterThan(counts["no"] ?? 0, 1_000)
        // At the limits and across the 18-digit chunk.
        for text in ["999999999999999999", "1000000000000000000", "999999999999999999.999999999999", "0000000000000000000000000001.5",
                     "123456789012345678.1", "12345678901234567", "-100000000000000000.000000000001", "1,000,000,000,000,000,000"] {
            XCTAssertEqual(DecimalNumber.classify(text), ByteScannerTests.referenceClassify(text), text)
        }
    }

    /// The cell reader before it read the document's bytes in place.
    static func referenceCell(_ text: String) -> CellValue? {
        guard let first = text.utf8.first else { return nil }
        guard (first >= 0x30 && first <= 0x39) || first == 0x2D || first == 0xE2 || first == 0xEF else { return nil }
        if CellText.emptySpellings.contains(text) { return .empty }
        var body = Substring(text)
        var percent = false
        if text.hasSuffix("%") { percent = true; body = body.dropLast() } else if text.utf8.count > 3, text.hasSuffix("％") { percent = true; body = body.dropLast() }
        guard case .number(let number) = referenceClassify(String(body)) else { return nil }
        return percent ? .percentage(number) : .number(number)
    }

    func testCellReaderMatchesTheReference() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let text = random.next() % 3 == 0 ? ByteScannerTests.randomText(&random, pieces: 1 + Int(random.next() % 3))
                                              : ByteScannerTests.randomFigure(&random)
            let expected = ByteScannerTests.referenceCell(text)
            XCTAssertEqual(CellText.parse(text[...]), expected, text)
            let bytes = Array(("甲 " + text + " 乙").utf8)
            XCTAssertEqual(CellText.parse(bytes, SourceRange(start: 4, end: 4 + text.utf8.count)), expected, text)
            let oversized = DecimalNumber.classify(text.hasSuffix("%") ? String(text.dropLast()) : text.hasSuffix("％") && text.utf8.count > 3 ? String(text.dropLast()) : text) == .oversized
            XCTAssertEqual(CellText.isOversized(Array(text.utf8)[...]), oversized, text)
        }
        for empty in CellText.emptySpellings { XCTAssertEqual(CellText.parse(empty[...]), .empty) }
    }

    /// The line table as it was built before `memchr` (one test per byte).
    static func referenceLines(_ bytes: [UInt8]) -> (starts: [Int], ends: [Int]) {
        var starts = [0], ends: [Int] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                ends.append(index); starts.append(index + 1)
            } else if bytes[index] == 0x0D {
                ends.append(index)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        ends.append(bytes.count)
        return (starts, ends)
    }

    func testLineTableMatchesTheByteWalk() {
        var random = SplitMix64(seed: 8)
        let pieces = ["\n", "\n", "\r\n", "\r", "\n\n", "行", "a", " ", "合计 1.00", "\u{0B}", "\u{0E}"]
        for round in 0..<3_000 {
            var text = ""
            // Half of the documents have no CR at all (the `memchr` path).
            for _ in 0..<Int(random.next() % 40) {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                if round % 2 == 0, piece.contains("\r") { continue }
                text += piece
            }
            let bytes = Array(text.utf8)
            let source = SourceText(bytes: bytes)
            let expected = ByteScannerTests.referenceLines(bytes)
            XCTAssertEqual(source.lineStarts, expected.starts, text.debugDescription)
            XCTAssertEqual(source.lineContentEnds, expected.ends, text.debugDescription)
        }
        XCTAssertEqual(SourceText(bytes: []).lineStarts, [0])
        XCTAssertEqual(SourceText(bytes: []).lineContentEnds, [0])
    }

    /// A row is a detail row exactly when its label starts with `其中：` or `其中:` as characters:
    /// the byte pre-check rejects no label the comparison accepts.
    func testDetailRowsAsTheCharacterComparison() {
        var random = SplitMix64(seed: 10)
        let pieces = ["其", "中", "：", ":", "中：", "中:", "他", "支出", "\u{301}", "\u{FE00}", "\u{F98E}", "\u{FA11}", "\u{2F800}", "甲", "A", "1"]
        var details = 0
        for _ in 0..<4_000 {
            var label = random.next() % 3 == 0 ? "" : "其"
            for _ in 0..<Int(random.next() % 5) { label += pieces[Int(random.next() % UInt64(pieces.count))] }
            guard !label.isEmpty, label.utf8.first.map({ !($0 >= 0x30 && $0 <= 0x39) }) == true else { continue }
            let tree = Parser.parse("部门 某局\n年度 2024\n表 自定义 某表\n\(label) 1\n")
            guard let row = tree.tables.first?.rows.first, let token = row.label else { continue }
            let expected = InnerKeyword.detailPrefixes.contains { token.text.hasPrefix($0) }
            XCTAssertEqual(row.isDetail, expected, label.debugDescription)
            if expected { details += 1 }
        }
        XCTAssertGreaterThan(details, 50)
    }
}

/// The UTF-8 check of a file read as bytes (issue 15: no string made to validate it) says what
/// `String(validating:as:)` says, on every kind of sequence, valid and not.
final class UTF8ValidationTests: XCTestCase {
    func testItAgreesWithTheStandardLibrary() {
        let edges: [[UInt8]] = [
            [], [0x41], Array("合计 1,234.50 万元 😀\r\n".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF],           // overlong, smallest two-byte
            [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], // overlong, surrogates
            [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE5, 0x90], [0xE5],
            // The lead bytes read without decoding (E1–EC, EE–EF), whole and cut short.
            [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0x80], [0xE1, 0x41, 0x80], [0xEC, 0x80, 0xC0],
        ]
        for edge in edges {
            // Alone, and after eight ASCII bytes (the word-at-a-time path) and before them.
            for bytes in [edge, Array("12345678".utf8) + edge, edge + Array("abcdefgh".utf8)] {
                XCTAssertEqual(SourceText.isValidUTF8(bytes), String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
            }
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x20, 0x41, 0x0A, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE5, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var invalid = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0..<24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if !expected { invalid += 1 }
            XCTAssertEqual(SourceText.isValidUTF8(bytes), expected, "\(bytes)")
        }
        XCTAssertGreaterThan(invalid, 1_000)
        XCTAssertLessThan(invalid, 20_000)
    }

    /// The lines reported invalid are those that are not valid UTF-8 on their own, on random
    /// lines of valid and invalid bytes, LF, CRLF and lone CR breaks (the lines before the first
    /// invalid byte are taken as valid without a second test); the first invalid offset leaves a
    /// valid prefix, and a sequence that is invalid there.
    func testInvalidLinesAreTheLinesInvalidOnTheirOwn() {
        var generator = SplitMix64(seed: 21)
        let pieces: [[UInt8]] = [Array("收入".utf8), [0x41, 0x42], Array("😀".utf8), [0x0A], [0x0D, 0x0A], [0x0D],
                                 [0xFF], [0xE5, 0x85], [0x80], [0xED, 0xA0, 0x80], Array("12345678".utf8)]
        var invalidFiles = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 30) {
                // Invalid pieces are rarer, so that many lines before them are valid.
                var index = Int(generator.next() % UInt64(pieces.count))
                if index >= 6, index <= 9, generator.next() % 4 != 0 { index = 0 }
                bytes += pieces[index]
            }
            var expected: [Int] = []
            var line: [UInt8] = []
            var number = 0
            var k = 0
            while k <= bytes.count {
                if k == bytes.count || bytes[k] == 0x0A || bytes[k] == 0x0D {
                    if String(validating: line, as: UTF8.self) == nil { expected.append(number) }
                    if k < bytes.count, bytes[k] == 0x0D, k + 1 < bytes.count, bytes[k + 1] == 0x0A { k += 1 }
                    line = []
                    number += 1
                } else {
                    line.append(bytes[k])
                }
                k += 1
            }
            if !expected.isEmpty { invalidFiles += 1 }
            XCTAssertEqual(SourceText.decoding(bytes).invalidLines, expected, "\(bytes)")
            XCTAssertEqual(SourceText.decoding(bytes, inParallel: true).invalidLines, expected, "\(bytes)")
            let first = bytes.withUnsafeBufferPointer { SourceText.firstInvalidUTF8Offset($0) }
            XCTAssertEqual(first == nil, expected.isEmpty)
            if let first {
                XCTAssertNotNil(String(validating: bytes[..<first], as: UTF8.self), "\(bytes)")
                XCTAssertEqual(bytes.withUnsafeBufferPointer { SourceText.validSequenceLength($0, at: first) }, 0, "\(bytes)")
            }
        }
        XCTAssertGreaterThan(invalidFiles, 500)
        XCTAssertLessThan(invalidFiles, 2_900)
    }

    /// The two-thread test of a large document meets at the middle, moved back to a byte that
    /// starts a sequence: every kind of sequence, valid or not, placed across the middle (and
    /// runs of continuation bytes too long to move back over) says what the standard library says.
    func testValidUTF8InTwoHalvesAgreesAcrossTheMiddle() {
        let size = Parser.parallelThreshold + 1_000
        let pieces: [[UInt8]] = [
            Array("收入".utf8), Array("é".utf8), Array("😀".utf8), [0x41],
            [0xE5, 0x85], [0xF0, 0x9F, 0x98], [0xC3], [0x80], [0x80, 0x80, 0x80, 0x80], [0x80, 0x80, 0x80, 0x80, 0x80],
            [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        ]
        var checked = 0, invalid = 0
        for piece in pieces {
            for shift in 0...(piece.count + 1) {
                // Valid Chinese text around the piece, which crosses the middle by `shift` bytes.
                let before = size / 2 - shift, after = size - before - piece.count
                func chinese(_ count: Int) -> [UInt8] { Array(String(repeating: "预", count: count / 3).utf8) + Array(repeating: 0x61, count: count % 3) }
                let bytes = chinese(before) + piece + chinese(after)
                XCTAssertEqual(bytes.count, size)
                let expected = String(validating: bytes, as: UTF8.self) != nil
                XCTAssertEqual(SourceText.isValidUTF8InTwoHalves(bytes), expected, "\(piece) shifted \(shift)")
                XCTAssertEqual(SourceText.decoding(bytes, inParallel: true).invalidLines.isEmpty, expected)
                checked += 1
                if !expected { invalid += 1 }
            }
        }
        XCTAssertGreaterThan(invalid, 20)
        XCTAssertGreaterThan(checked - invalid, 5)
    }
}

