import Foundation
import JuesuanFixtures
import XCTest
@testable import JuesuanSyntax

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

final class LosslessTreeTests: XCTestCase {
    func assertLossless(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let tree = Parser.parse(text)
        XCTAssertEqual(tree.text, text, "printing the tree must give back the input", file: file, line: line)
        // Every byte belongs to exactly one line, in order.
        var next = 0
        for parsed in tree.lines {
            let range = tree.source.lineRange(parsed.index)
            XCTAssertEqual(range.start, next, file: file, line: line)
            next = range.end
        }
        XCTAssertEqual(next, text.utf8.count, file: file, line: line)
        // Every token lies inside its line and spells its own text.
        for parsed in tree.lines {
            let range = tree.source.lineRange(parsed.index)
            for token in parsed.tokens + (parsed.trailingComment.map { [$0] } ?? []) {
                XCTAssertTrue(range.start <= token.range.start && token.range.end <= range.end, "token \(token.text) escapes its line", file: file, line: line)
                XCTAssertEqual(tree.source.string(token.range), token.text, file: file, line: line)
            }
        }
    }

    func testExamplesAndSeedsAreLossless() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".juesuan") }
        XCTAssertGreaterThanOrEqual(examples.count, 2)
        for name in examples {
            assertLossless(try String(contentsOf: repositoryRoot.appendingPathComponent("examples/\(name)"), encoding: .utf8))
        }
        // Plain text of published reports is no `.juesuan`, but the parser must survive it losslessly.
        let seeds = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? [] {
            assertLossless(try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8))
        }
    }

    func testLineEndingsBOMAndGarbageAreLossless() {
        assertLossless("部门 甲\r\n年度 2024\r\n表 公开03\r\n合计 1.00 1.00\r\n")
        assertLossless("\u{FEFF}部门 甲\n年度 2024\n")
        assertLossless("a\rb\r\nc\nd")
        assertLossless("")
        assertLossless("\n\n\n")
        assertLossless("表\n表 \n列\n校验\n校验 =\n绩效\n指标\n名词解释\n：\n说明")
        var garbage = ""
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("表说明绩效名词解释校验列收入支出其中：:（）()%％=+-—,，.0123456789 \t\u{3000}/\n\r𠀋a合计")
        for _ in 0..<5000 { garbage.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
        assertLossless(garbage)
    }

    func testByteOrderMarkIsIgnoredButKept() {
        let tree = Parser.parse("\u{FEFF}部门 甲\n年度 2024\n")
        XCTAssertEqual(tree.byteOrderMarkLength, 3)
        XCTAssertEqual(tree.header.first?.canonicalKey, .department)
        XCTAssertEqual(tree.header.first?.key.range.start, 3)
        XCTAssertTrue(tree.diagnostics.isEmpty)
    }
}

final class RowParsingTests: XCTestCase {
    func row(_ line: String, table: String = "表 公开03 支出决算表") -> RowSyntax {
        Parser.parse("\(table)\n\(line)\n").tables[0].rows[0]
    }

    func testCodeLabelAndCells() {
        let parsed = row("2080505  机关事业单位基本养老保险缴费支出    22.98   22.98   -")
        XCTAssertEqual(parsed.code?.text, "2080505")
        XCTAssertEqual(parsed.label?.text, "机关事业单位基本养老保险缴费支出")
        XCTAssertEqual(parsed.cells.map(\.token.text), ["22.98", "22.98", "-"])
        XCTAssertEqual(parsed.cells.map(\.value), [.number(DecimalNumber("22.98")!), .number(DecimalNumber("22.98")!), .empty])
    }

    /// A row keeps its tokens once: the line's tokens are the same buffer, and the code, the
    /// label and the cells are read from it whichever of them is written.
    func testARowsTokensAreItsLinesTokens() {
        let tree = Parser.parse("表 公开03\n201 一般公共服务支出 1.00 1.2.3 -\n合计 2.00\n20101\n20102 1 2\n")
        let rows = tree.tables[0].rows
        XCTAssertEqual(rows.map { $0.code?.text }, ["201", nil, "20101", "20102"])
        XCTAssertEqual(rows.map { $0.label?.text }, ["一般公共服务支出", "合计", nil, nil])
        XCTAssertEqual(rows.map { $0.cells.map(\.token.text) }, [["1.00", "1.2.3", "-"], ["2.00"], [], ["1", "2"]])
        XCTAssertEqual(rows[0].cells.map(\.value), [.number(DecimalNumber("1.00")!), nil, .empty])
        XCTAssertEqual(rows[0].cells.map(\.token.kind), [.number, .badCell, .emptyCell])
        XCTAssertEqual(rows[3].cellToken(1).text, "2")
        for row in rows {
            let line = tree.lines[row.line]
            XCTAssertEqual(line.tokens.map(\.range), row.tokens.map(\.range))
            let same = line.tokens.withUnsafeBufferPointer { lineTokens in
                row.tokens.withUnsafeBufferPointer { $0.baseAddress == lineTokens.baseAddress }
            }
            XCTAssertTrue(same || row.tokens.isEmpty, "line \(row.line) copied its row's tokens")
        }
    }

    /// The rows of a table keep their tokens and values in one buffer each, one row after the
    /// other (no two arrays per row), indexed from 0 for each row; each table has its own.
    func testTheRowsOfATableShareOneBufferInOrder() {
        let text = "表 公开03\n合计 3.00 - 1%\n201 一般公共服务支出 1.00 1.2.3\n// 注释\n20101 2 // 行尾\n\n表 公开09\n合计 5\n"
        let tree = Parser.parse(text)
        let first = tree.tables[0].rows, second = tree.tables[1].rows
        func start<T>(_ slice: SharedSlice<T>) -> UnsafePointer<T>? { slice.withUnsafeBufferPointer { $0.baseAddress } }
        for k in 1..<first.count {
            XCTAssertEqual(start(first[k].tokens), start(first[k - 1].tokens)! + first[k - 1].tokens.count, "row \(k)'s tokens follow row \(k - 1)'s")
            XCTAssertEqual(start(first[k].values), start(first[k - 1].values)! + first[k - 1].values.count, "row \(k)'s values follow row \(k - 1)'s")
        }
        XCTAssertNotEqual(start(second[0].tokens), start(first[2].tokens)! + first[2].tokens.count, "a second table starts a buffer of its own")
        // Indexed from 0 for each row, whatever its place in the buffer.
        XCTAssertEqual(first[2].tokens[0].text, "20101")
        XCTAssertEqual(first[2].values.count, 1)
        XCTAssertEqual(first[2].values[0], .number(DecimalNumber(2)))
        XCTAssertEqual(first[1].values[1], nil)
        XCTAssertEqual(first[0].values.map { $0 }, [.number(DecimalNumber("3.00")!), .empty, .percentage(DecimalNumber(1))])
        XCTAssertEqual(Array(first[1].tokens.map(\.text)), ["201", "一般公共服务支出", "1.00", "1.2.3"])
        XCTAssertEqual(tree.lines[first[2].line].trailingComment?.text, "// 行尾")
        XCTAssertEqual(tree.lines[first[2].line].tokens.map(\.text), ["20101", "2"])
    }

    func testLabelWithBlanksIdeographicSpacesAndThousandsSeparators() {
        let parsed = row("合计\u{3000}（本年）\u{3000}17,334.30\t— ---")
        XCTAssertNil(parsed.code)
        XCTAssertEqual(parsed.label?.text, "合计\u{3000}（本年）")
        XCTAssertEqual(parsed.cells.map(\.value), [.number(DecimalNumber(mantissa: 1_733_430, scale: 2)), .empty, .empty])
    }

    func testLabelMayHoldDigitsAndOrdinals() {
        XCTAssertEqual(row("单价100万元（含）以上设备（不含车辆）       0", table: "表 公开10").label?.text, "单价100万元（含）以上设备（不含车辆）")
        XCTAssertEqual(row("1.因公出国（境）费 0.00 0.00", table: "表 公开09").label?.text, "1.因公出国（境）费")
        XCTAssertEqual(row("（1） 国内接待费 - 0.27", table: "表 公开09").label?.text, "（1） 国内接待费")
    }

    func testDetailRowAndSides() {
        let table = Parser.parse("表 公开09\n国内接待费 1.00\n其中：外事接待费 0.50\n其中:外宾 0.10\n").tables[0]
        XCTAssertEqual(table.rows.map(\.isDetail), [false, true, true])
        let sided = Parser.parse("表 公开01\n收入\n事业收入 1\n支出\n卫生健康支出 1\n").tables[0]
        XCTAssertEqual(sided.rows.map(\.side), [.income, .expenditure])
    }

    func testFigureLikeGarbageIsABadCellNotALabel() {
        let tree = Parser.parse("表 公开03\n合计 363.59 36O.00\n")
        let parsed = tree.tables[0].rows[0]
        XCTAssertEqual(parsed.label?.text, "合计")
        XCTAssertEqual(parsed.cells.map(\.token.text), ["363.59", "36O.00"])
        XCTAssertNil(parsed.cells[1].value)
        XCTAssertEqual(tree.diagnostics.map(\.code), ["S102"])
        XCTAssertEqual(tree.source.string(tree.diagnostics[0].range), "36O.00")
    }

    func testRowWithoutLabelOrCode() {
        let tree = Parser.parse("表 公开03\n12.00 13.00\n")
        XCTAssertEqual(tree.diagnostics.map(\.code), ["S102"])
    }

    func testColumnsLineWithRelation() throws {
        let table = Parser.parse("表 明细 自定义\n列 合计 甲 乙 ; 合计 = 甲 + 乙 - 丙\n").tables[0]
        let columns = try XCTUnwrap(table.columns)
        XCTAssertEqual(columns.names.map(\.text), ["合计", "甲", "乙"])
        XCTAssertEqual(columns.relations.count, 1)
        XCTAssertEqual(columns.relations[0].result.text, "合计")
        XCTAssertEqual(columns.relations[0].terms.map(\.column.text), ["甲", "乙", "丙"])
        XCTAssertEqual(columns.relations[0].terms.map(\.negative), [false, false, true])
    }

    func testTrailingCommentIsNotPartOfTheRow() {
        let tree = Parser.parse("表 公开06\n30111  公务员医疗补助缴款  0.00   // juesuan: allow C302\n")
        let parsed = tree.tables[0].rows[0]
        XCTAssertEqual(parsed.cells.map(\.token.text), ["0.00"])
        XCTAssertEqual(tree.lines[1].trailingComment?.text, "// juesuan: allow C302")
    }
}

final class BlockParsingTests: XCTestCase {
    func testHeaderKeysAndASCIIAliases() {
        let tree = Parser.parse("dept 某局\nyear 2024\n单位 万元\n编制单位 某局财务科\ntable 公开03\n合计 1\ntext 一、说明\n正文\n")
        XCTAssertEqual(tree.header.map(\.canonicalKey), [.department, .year, .unit, nil])
        XCTAssertEqual(tree.blocks.count, 2)
        XCTAssertEqual(tree.tables.first?.id?.text, "公开03")
        XCTAssertEqual(tree.narratives.first?.proseLines, [7])
        XCTAssertTrue(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    }

    func testUnknownASCIIWordAtColumnZeroIsS101() {
        let tree = Parser.parse("部门 某局\ntabel 公开03\n")
        XCTAssertEqual(tree.diagnostics.map(\.code), ["S101"])
        XCTAssertEqual(tree.source.string(tree.diagnostics[0].range), "tabel")
    }

    func testKeywordOnlyAtColumnZero() {
        let tree = Parser.parse("说明 一、概况\n  表 不是新的块\n表 公开03\n")
        XCTAssertEqual(tree.narratives[0].proseLines, [1])
        XCTAssertEqual(tree.tables.count, 1)
    }

    func testProseIsVerbatim() {
        let prose = "本年支出合计363.59万元 // 这不是注释，说明中没有行尾注释"
        let tree = Parser.parse("说明 二\n\(prose)\n")
        XCTAssertEqual(tree.lines[1].tokens.map(\.text), [prose])
    }

    func testGlossaryEntriesAndContinuation() {
        let tree = Parser.parse("名词解释\n1.财政拨款收入：指本级财政当年拨付的资金。\n（二）基本支出: 人员支出\n和公用支出。\n")
        let entries = tree.glossaries[0].entries
        XCTAssertEqual(entries.map(\.term.text), ["财政拨款收入", "基本支出"])
        XCTAssertEqual(entries[1].definition, "人员支出和公用支出。")
    }

    func testPerformanceBlock() throws {
        let text = """
        绩效 居民医保工作经费1
        资金 年初预算数 27 全年预算数 26.005 全年执行数 26.005
        执行率 分值 10 得分 10
        指标 产出指标/数量指标/参保率 目标 =100% 实际 93 分值 10 得分 8.25 原因 绩效目标设置不合理 需调整
        总分 100 88.5
        等级 良
        """
        let block = try XCTUnwrap(Parser.parse(text).performances.first)
        XCTAssertEqual(block.name?.text, "居民医保工作经费1")
        XCTAssertEqual(block.items.map(\.key.text), ["资金", "执行率", "指标", "总分", "等级"])
        XCTAssertEqual(block.items[0].field("全年执行数")?.values.map(\.text), ["26.005"])
        let indicator = block.items[2]
        XCTAssertEqual(indicator.indicator?.text, "产出指标/数量指标/参保率")
        XCTAssertEqual(indicator.field("目标")?.values.map(\.text), ["=100%"])
        XCTAssertEqual(indicator.field("原因")?.values.map(\.text), ["绩效目标设置不合理 需调整"])
        XCTAssertEqual(block.items[3].values.map(\.text), ["100", "88.5"])
    }

    func testCheckExpressions() throws {
        let tree = Parser.parse("校验 公开09.合计.决算数 <= 公开06.30217.决算数 + 公开09.公务用车购置及运行费.决算数 - 1.5  // 说明\n")
        let check = try XCTUnwrap(tree.checks.first)
        XCTAssertEqual(check.comparator?.text, "<=")
        XCTAssertEqual(check.left.count, 1)
        XCTAssertEqual(check.right.count, 3)
        guard case .reference(let reference) = check.right[1].operand else { return XCTFail("expected a reference") }
        XCTAssertEqual(reference.table.text, "公开09")
        XCTAssertEqual(reference.row?.text, "公务用车购置及运行费")
        XCTAssertEqual(reference.column?.text, "决算数")
        guard case .number(let number, _) = check.right[2].operand else { return XCTFail("expected a number") }
        XCTAssertEqual(number, DecimalNumber("1.5"))
        XCTAssertTrue(check.right[2].negative)
        XCTAssertTrue(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
        XCTAssertEqual(Parser.parse("校验 公开01.总计\n").diagnostics.map(\.code), ["S102"])
    }
}

final class PositionTests: XCTestCase {
    func testColumnsInEveryUnitOnChineseText() {
        // 𠀋 is outside the BMP: 4 UTF-8 bytes, 2 UTF-16 units, 1 scalar, 2 terminal columns.
        let source = SourceText("部门 甲\n𠀋收入 363.59\r\nx")
        let offset = Array(source.bytes).firstIndex(of: UInt8(ascii: "3"))!
        let position = source.position(of: offset)
        XCTAssertEqual(position.line, 1)
        XCTAssertEqual(position.utf8Column, 4 + 6 + 1)
        XCTAssertEqual(position.utf16Column, 2 + 2 + 1)
        XCTAssertEqual(position.scalarColumn, 1 + 2 + 1)
        XCTAssertEqual(position.displayColumn, 2 + 4 + 1)
        XCTAssertEqual(source.lineString(1), "𠀋收入 363.59")
        XCTAssertEqual(source.position(of: source.bytes.count).line, 2)
        XCTAssertEqual(source.position(of: 10_000).line, 2, "offsets past the end are clamped")
    }

    /// Long lines carry checkpoints; positions found from them equal a walk from the line start.
    func testPositionsOnALongLineMatchAWalk() {
        var line = ""
        var generator = SplitMix64(seed: 5)
        let pieces = ["合计", " ", "363.59", "𠀋", "a", "\t", "（一）", "，"]
        while line.utf8.count < 50_000 { line += pieces[Int(generator.next() % UInt64(pieces.count))] }
        let source = SourceText("部门 甲\n" + line + "\n尾")
        let start = source.lineStarts[1]
        var utf16 = 0, scalars = 0, display = 0
        var offset = start
        for scalar in line.unicodeScalars {
            if (offset - start) % 997 == 0 || offset % 4096 < 4 {
                let position = source.position(of: offset)
                XCTAssertEqual([position.line, position.utf16Column, position.scalarColumn, position.displayColumn], [1, utf16, scalars, display], "at \(offset)")
            }
            utf16 += scalar.utf16.count
            scalars += 1
            display += DisplayWidth.of(scalar)
            offset += scalar.utf8.count
        }
        XCTAssertEqual(source.position(of: offset).scalarColumn, scalars)
    }

    /// The eight-bytes-at-a-time test says "printable ASCII" exactly when every byte is in
    /// 0x20...0x7E: on random words built around the edges (0x1F/0x20, 0x7E/0x7F/0x80, 0xFF).
    func testPrintableASCIIWordTestIsExact() {
        var generator = SplitMix64(seed: 11)
        let edges: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x41, 0x5F, 0x60, 0x7E, 0x7F, 0x80, 0x9F, 0xE3, 0xFF]
        for round in 0..<200_000 {
            var word: UInt64 = 0
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                let random = generator.next()
                // Mostly printable bytes, so that words with one bad byte are common.
                let byte = random % 4 == 0 ? edges[Int(random >> 8) % edges.count] : UInt8(0x20 + (random >> 16) % 95)
                bytes.append(byte)
            }
            for (index, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
            XCTAssertEqual(SourceText.isPrintableASCII(word), bytes.allSatisfy { (0x20...0x7E).contains($0) }, "round \(round): \(bytes)")
        }
    }

    /// Positions found a word at a time equal a walk scalar by scalar, on lines of runs of ASCII
    /// (with controls and DEL among them), Chinese and astral characters, at every offset.
    func testPositionsOnMixedLinesMatchAWalk() {
        var generator = SplitMix64(seed: 12)
        // ䷀ (U+4DC0, one column) and 一 (U+4E00, two) share a lead byte (E4); ꀀ (U+A000) follows the ideographs.
        let pieces = ["363.59 ", "abcdefgh", "合计", "\t", "\u{7F}", "x", "𠀋", "，", "0123456789012345", "\u{1}", "䷀一", "收入支出", "ꀀ"]
        for _ in 0..<40 {
            var line = ""
            let length = Int(generator.next() % 6000)
            while line.utf8.count < length { line += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let source = SourceText("首行\n" + line + "\n尾")
            let start = source.lineStarts[1]
            var utf16 = 0, scalars = 0, display = 0
            var offset = start
            func expect() {
                let position = source.position(of: offset)
                XCTAssertEqual([position.line, position.utf8Column, position.utf16Column, position.scalarColumn, position.displayColumn],
                               [1, offset - start, utf16, scalars, display], "at \(offset)")
            }
            for scalar in line.unicodeScalars {
                expect()
                utf16 += scalar.utf16.count
                scalars += 1
                display += DisplayWidth.of(scalar)
                offset += scalar.utf8.count
            }
            expect()  // the line's end
        }
    }

    /// Many positions at once equal one at a time: at random offsets in any order, repeated,
    /// inside multi-byte characters (where a walk counts the character whole), past the end, on
    /// lines long enough for checkpoints and across CRLF and CR breaks.
    func testPositionsOfManyOffsetsEqualOneAtATime() {
        var generator = SplitMix64(seed: 13)
        let pieces = ["363.59 ", "合计", "\t", "𠀋", "，", "abcdefgh", "\r\n", "\n", "\r", "䷀一", "ꀀ", "\u{1}"]
        for round in 0..<60 {
            var text = ""
            let length = round % 10 == 0 ? 9_000 + Int(generator.next() % 4_000) : Int(generator.next() % 3_000)
            while text.utf8.count < length {
                // Long runs without breaks too, so that some lines carry checkpoints.
                let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
                if round % 10 == 0, piece.contains(where: \.isNewline) { continue }
                text += piece
            }
            let source = SourceText(text)
            let count = Int(generator.next() % 40)
            let offsets = (0..<count).map { _ in Int(generator.next() % UInt64(source.bytes.count + 20)) - 5 }
            let batch = source.positions(of: offsets + offsets.prefix(3))
            for (offset, position) in zip(offsets + offsets.prefix(3), batch) {
                XCTAssertEqual(position, source.position(of: offset), "round \(round), offset \(offset)")
            }
        }
        XCTAssertEqual(SourceText("").positions(of: []), [])
    }

    func testInvalidUTF8IsRepairedAndLocated() {
        let bytes: [UInt8] = Array("部门 甲\n".utf8) + [0xFF, 0xFE, 0x41, 0x0A] + Array("年度 2024\n".utf8)
        let (source, invalidLines) = SourceText.decoding(bytes)
        XCTAssertEqual(invalidLines, [1])
        XCTAssertEqual(source.lineCount, 4)
        XCTAssertEqual(source.lineString(2), "年度 2024")
    }
}

final class DecimalNumberTests: XCTestCase {
    func testParsing() {
        XCTAssertEqual(DecimalNumber("17,334.30"), DecimalNumber(mantissa: 1_733_430, scale: 2))
        XCTAssertEqual(DecimalNumber("17,334.30")?.scale, 2)
        XCTAssertEqual(DecimalNumber("-0.01"), DecimalNumber(mantissa: -1, scale: 2))
        XCTAssertEqual(DecimalNumber("－5"), DecimalNumber(-5))
        XCTAssertEqual(DecimalNumber("1,234,567"), DecimalNumber(1_234_567))
        for bad in ["", "-", "1,23.4", "12,3456", "1.2.3", ".5", "5.", "1e5", "36O", "1,2345.00", "12345678901234567890123456789012", "0.1234567890123"] {
            XCTAssertNil(DecimalNumber(bad), bad)
        }
    }

    /// The one-word reading of plain figures gives exactly what the general reading gives (the
    /// same mantissa and scale, the same refusals), on random words of digits, points, minus
    /// signs and separators, and on the edges of its limits.
    func testPlainFiguresReadAsTheGeneralReadingReadsThem() {
        func general(_ text: String) -> DecimalNumber.Reading {
            DecimalNumber.classify(utf8: Array(text.utf8).lazy.map { $0 }) // not contiguous: the general reading
        }
        func fast(_ text: String) -> DecimalNumber.Reading { DecimalNumber.classify(utf8: Array(text.utf8)) }
        func same(_ a: DecimalNumber.Reading, _ b: DecimalNumber.Reading) -> Bool {
            switch (a, b) {
            case let (.number(x), .number(y)): x.mantissa == y.mantissa && x.scale == y.scale
            default: a == b
            }
        }
        var edges = ["0", "-0", "-0.00", "007", "1.", ".1", "-", "-.5", "--1", "1-", "999999999999999999", "1000000000000000000",
                     "-999999999999999999", "0.000000000001", "0.0000000000001", "123456.789012345678", "12345678.9012345678",
                     "1,234.5", "1.2.3", "+1", "１２", "12345678901234567890", "-12345678901234567.8"]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789999.-,")
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...22, using: &generator)
            edges.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        var plain = 0
        for text in edges {
            XCTAssertTrue(same(fast(text), general(text)), "\(text): \(fast(text)) but \(general(text))")
            if Array(text.utf8).withUnsafeBufferPointer({ DecimalNumber.plainNumber($0) }) != nil { plain += 1 }
        }
        XCTAssertGreaterThan(plain, 500, "the random words include plain figures")
    }

    func testArithmeticIsExact() {
        let a = DecimalNumber("0.1")!, b = DecimalNumber("0.2")!
        XCTAssertEqual(a + b, DecimalNumber("0.3")!)
        XCTAssertEqual((DecimalNumber("363.59")! - DecimalNumber("363.6")!).description, "-0.01")
        XCTAssertEqual(DecimalNumber("26.005")!.rounded(toScale: 2).description, "26.01")
        XCTAssertEqual(DecimalNumber("-26.005")!.rounded(toScale: 2).description, "-26.01")
        XCTAssertEqual(DecimalNumber("38.2876")!.truncated(toScale: 2).description, "38.28")
        XCTAssertEqual(DecimalNumber("151.01")!.divided(by: DecimalNumber("164.02")!, scale: 4)?.description, "0.9207")
        XCTAssertNil(DecimalNumber("1")!.divided(by: .zero, scale: 2))
        XCTAssertEqual(DecimalNumber("88.50")!.trimmed.description, "88.5")
        XCTAssertEqual(DecimalNumber("0.005")! * DecimalNumber(3), DecimalNumber("0.015")!)
        XCTAssertEqual(Set([DecimalNumber("1.50")!, DecimalNumber("1.5")!]).count, 1, "equal values hash alike")
    }

    func testCellText() {
        XCTAssertEqual(CellText.parse("54.89%"), .percentage(DecimalNumber("54.89")!))
        XCTAssertEqual(CellText.parse("54.89％"), .percentage(DecimalNumber("54.89")!))
        for empty in ["-", "—", "--", "---", "——"] { XCTAssertEqual(CellText.parse(empty[...]), .empty, empty) }
        XCTAssertNil(CellText.parse("abc"))
    }

    func testOrdinalPrefixes() {
        XCTAssertEqual(Ordinal.strip("一、一般公共预算财政拨款收入"), "一般公共预算财政拨款收入")
        XCTAssertEqual(Ordinal.strip("十九、住房保障支出"), "住房保障支出")
        XCTAssertEqual(Ordinal.strip("（1）国内接待费"), "国内接待费")
        XCTAssertEqual(Ordinal.strip("(二) 基本支出"), "基本支出")
        XCTAssertEqual(Ordinal.strip("3.公务接待费"), "公务接待费")
        XCTAssertEqual(Ordinal.strip("1.5万元"), "1.5万元")
        XCTAssertEqual(Ordinal.strip("合计"), "合计")
    }
}

