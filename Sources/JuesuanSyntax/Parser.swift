import Dispatch

/// Parses a `.juesuan` document into a lossless `SyntaxTree`.
///
/// The language is line-oriented, so errors are recovered per line: a broken
/// line becomes a diagnostic and the next line is parsed afresh.
public enum Parser {
    public static func parse(_ text: String) -> SyntaxTree {
        parse(SourceText(text))
    }

    public static func parse(_ source: SourceText) -> SyntaxTree {
        parseOnOneThread(source)
    }

    /// - Parameter inParallel: parse a document of `parallelThreshold` bytes or more on two
    ///   threads (the tree is the same). `juesuan lint` does, and the server's full analyses,
    ///   which run on `BackgroundThreads` so that requests still find a core at once.
    public static func parse(_ source: SourceText, inParallel: Bool) -> SyntaxTree {
        if inParallel, source.bytes.count >= parallelThreshold {
            let starts = partStarts(source, parts: TwoThreads.partCount)
            if starts.count > 1 { return parseInParts(source, startingAt: starts) }
        }
        return parseOnOneThread(source)
    }

    static func parseOnOneThread(_ source: SourceText) -> SyntaxTree {
        let (lines, parser) = LineSlots.fill(count: source.lineCount) { slots in
            let parser = LineParser(source: source, lines: slots.part(0..<source.lineCount))
            parser.run(0..<source.lineCount, isLast: true)
            return parser
        }
        return SyntaxTree(
            source: source, lines: lines, header: parser.header, blocks: parser.blocks,
            diagnostics: parser.diagnostics, byteOrderMarkLength: parser.bomLength)
    }

    /// Documents at least this large may be parsed and modelled on two threads.
    public static let parallelThreshold = 256 * 1024

    /// The first line of each of at most `parts` parts of about equal length: 0, then lines
    /// that open a block, ascending.
    static func partStarts(_ source: SourceText, parts: Int) -> [Int] {
        var starts = [0]
        for part in 1..<max(1, parts) {
            guard let start = blockStart(atOrAfter: max(starts.last! + 1, source.lineCount * part / parts), in: source) else { break }
            starts.append(start)
        }
        return starts
    }

    /// A line that opens a block resets every state of the parser but the header (which only
    /// lines before the first block write), so the lines from such a line on parse the same on
    /// their own: the parts starting at `starts` (0 first, then block starts, ascending) are
    /// parsed on two threads, each taking the next part when done (`TwoThreads.mapParts`), and
    /// the results joined, in order.
    static func parseInParts(_ source: SourceText, startingAt starts: [Int]) -> SyntaxTree {
        // Each part writes its lines straight into its own part of the tree's one array: the
        // later parts' lines are not copied after the first's (a retain and a release each, on
        // one thread, while the other waits).
        let (lines, parsers) = LineSlots.fill(count: source.lineCount) { slots in
            TwoThreads.mapParts(starts.count) { part in
                let range = starts[part]..<(part + 1 < starts.count ? starts[part + 1] : source.lineCount)
                let parser = LineParser(source: source, lines: slots.part(range), copiesText: true)
                parser.run(range, isLast: part == starts.count - 1)
                return parser
            }
        }
        // The first part's arrays are taken, not copied: only the later parts' blocks and
        // diagnostics are appended.
        let first = parsers[0]
        var blocks = first.blocks, header = first.header, diagnostics = first.diagnostics
        first.blocks = []; first.header = []; first.diagnostics = []
        for later in parsers.dropFirst() {
            blocks.append(contentsOf: later.blocks)
            header.append(contentsOf: later.header)
            diagnostics.append(contentsOf: later.diagnostics)
        }
        return SyntaxTree(
            source: source, lines: lines, header: header, blocks: blocks, diagnostics: diagnostics,
            byteOrderMarkLength: first.bomLength)
    }
}

/// The slots of a tree's lines, one per line of the document, filled in place by the parsers
/// of its parts (`LineSlots.Part`): each line is written once, where it stays.
struct LineSlots: @unchecked Sendable {
    // Sendable: each part is written by one thread only, and `fill` returns after every part.
    let buffer: UnsafeMutableBufferPointer<Line>

    /// An array of `count` lines made by `body`, which must have every part it hands out
    /// `finish`ed before it returns, and what `body` returned.
    static func fill<Result>(count: Int, _ body: (LineSlots) -> Result) -> ([Line], Result) {
        var result: Result?
        let lines = [Line](unsafeUninitializedCapacity: count) { buffer, initialized in
            result = body(LineSlots(buffer: UnsafeMutableBufferPointer(rebasing: buffer[0..<count])))
            initialized = count
        }
        return (lines, result!)
    }

    func part(_ range: Range<Int>) -> Part { Part(buffer: buffer, next: range.lowerBound, end: range.upperBound) }

    /// The slots of one range of lines, filled in order by one parser.
    struct Part {
        let buffer: UnsafeMutableBufferPointer<Line>
        private(set) var next: Int
        let end: Int

        init(buffer: UnsafeMutableBufferPointer<Line>, next: Int, end: Int) {
            precondition(next >= 0 && next <= end && end <= buffer.count)
            self.buffer = buffer
            self.next = next
            self.end = end
        }

        /// The parser writes exactly one line per line of its range (`ParallelParseTests`); a
        /// line past the range would be a parser bug, and is dropped rather than written
        /// outside the array.
        mutating func append(_ line: Line) {
            assert(next < end && line.index == next, "line \(line.index) written at slot \(next) of ..<\(end)")
            guard next < end else { return }
            (buffer.baseAddress! + next).initialize(to: line)
            next += 1
        }

        /// Sets the tokens of line `index`, already written by this part (a table row's, once its
        /// table's buffer is complete).
        func setTokens(_ index: Int, _ tokens: SharedSlice<Token>) {
            guard index >= 0, index < next else { assertionFailure("line \(index) not written yet"); return }
            buffer[index].tokens = tokens
        }

        /// Fills any slot the parser left empty (again a parser bug) with a blank line, so the
        /// array is always fully initialised.
        mutating func finish() {
            assert(next == end, "parser stopped at line \(next) of ..<\(end)")
            while next < end { append(Line(index: next, kind: .blank, tokens: [])) }
        }
    }
}

/// Which block is open; the block itself is kept in the parser's stored property of its kind, so
/// that a row is appended in place (moving a table in and out of an enum per line cost a dozen
/// retains and releases, issue 15).
private enum OpenBlock {
    case none, table, narrative, performance, glossary, check
}

/// A row of the open table as parsed: its row is made when the table closes, with its tokens
/// and values, which end at `tokensEnd` and `valuesEnd` in the table's buffers.
private struct PendingRow {
    var line: Int
    var range: SourceRange
    var tokensEnd: Int
    var valuesEnd: Int
    var cellStart: Int
    var hasCode: Bool
    var side: TableSide
    var isDetail: Bool
}

private final class LineParser {
    let source: SourceText
    let bytes: [UInt8]
    let copiesText: Bool
    /// What long tokens read their text from: the document's bytes, or (`copiesText`) the copy
    /// of `tokenTextRange` of them made for the lines being parsed.
    var tokenText: [UInt8]
    var tokenTextRange = SourceRange(start: 0, end: 0)
    static let chunkLines = 256
    var lines: LineSlots.Part
    var header: [HeaderLine] = []
    var blocks: [Block] = []
    var diagnostics: [Diagnostic] = []
    var bomLength = 0
    var open: OpenBlock = .none
    var openTable: TableSyntax?
    var openSide: TableSide = .income
    var openNarrative: NarrativeSyntax?
    var openPerformance: PerformanceSyntax?
    var openGlossary: GlossarySyntax?
    var openCheck: CheckSyntax?
    /// Reused for the words of each table line: no array is allocated per row.
    var scratchWords = ScratchBuffer<SourceRange>(capacity: 16)
    /// The values of the current row's trailing cells, read from its last word backwards.
    var scratchValues = ScratchBuffer<CellValue?>(capacity: 16)
    /// The tokens and the cells' values of the open table's rows, one buffer each for the whole
    /// table; each row's part is given to it (and to its line) when the table closes.
    var tableTokens = ScratchBuffer<Token>(capacity: 256)
    var tableValues = ScratchBuffer<CellValue?>(capacity: 256)
    /// The open table's rows so far, made into rows with their parts of those buffers when it closes.
    var pendingRows = ScratchBuffer<PendingRow>(capacity: 64)
    var lastContentLine = 0

    /// - Parameter copiesText: whether long tokens read their text from copies of the
    ///   document's bytes a few hundred lines each (`chunkLines`), not from the document's own
    ///   array: a parse on two threads, whose tree the checks then read on two threads. Each copy
    ///   of a long token retains the array it reads from; on the one array of the document, the
    ///   two threads' retains fought over its reference count (issue 15, session 25).
    init(source: SourceText, lines: LineSlots.Part, copiesText: Bool = false) {
        self.source = source
        self.bytes = source.bytes
        self.copiesText = copiesText
        tokenText = source.bytes
        self.lines = lines
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bomLength = 3 }
    }

    deinit {
        scratchWords.deallocate()
        scratchValues.deallocate()
        tableTokens.deallocate()
        tableValues.deallocate()
        pendingRows.deallocate()
    }

}

extension Parser {
    /// The first line at or after `line` (and after the first line) that opens a block, as
    /// `parseLine` reads one: a keyword at the start of the line.
    static func blockStart(atOrAfter line: Int, in source: SourceText) -> Int? {
        let bytes = source.bytes
        for index in max(1, line)..<source.lineCount {
            let content = source.lineContentRange(index)
            let trimmed = Lexing.trimmed(bytes, content)
            guard !trimmed.isEmpty, trimmed.start == content.start, !Lexing.startsComment(bytes, trimmed) else { continue }
            if blockKeyword(bytes, trimmed) != nil { return index }
        }
        return nil
    }

    /// The block keyword a line's trimmed content starts with, and its word; nil for any other
    /// line (most make no string: `Lexing.blockKeywordCandidate`).
    static func blockKeyword(_ bytes: [UInt8], _ trimmed: SourceRange) -> (keyword: BlockKeyword, word: SourceRange)? {
        guard let word = Lexing.blockKeywordCandidate(bytes, trimmed), let keyword = BlockKeyword(word: Lexing.string(bytes, word)) else { return nil }
        return (keyword, word)
    }
}

private extension LineParser {
    /// A token reading its text from the document when asked: no `String` per token.
    @inline(__always)
    func token(_ kind: TokenKind, _ range: SourceRange) -> Token {
        guard copiesText, range.length > Token.inlineCapacity else { return Token(kind: kind, range: range, source: bytes) }
        if !(tokenTextRange.start <= range.start && range.end <= tokenTextRange.end) { copyTokenText(from: range) }
        return Token(kind: kind, range: range, textIn: tokenText,
                     SourceRange(start: range.start - tokenTextRange.start, end: range.end - tokenTextRange.start))
    }

    /// Copies the document's bytes from the line holding `range` through `chunkLines` lines
    /// (at least to the end of `range`).
    func copyTokenText(from range: SourceRange) {
        let first = source.line(containing: range.start)
        let start = source.lineRange(first).start
        let end = max(range.end, source.lineRange(min(source.lineCount - 1, first + LineParser.chunkLines - 1)).end)
        tokenText = bytes.withUnsafeBufferPointer { Array($0[start..<end]) }
        tokenTextRange = SourceRange(start: start, end: end)
    }

    func report(_ code: String, _ severity: Severity, _ range: SourceRange, _ message: String) {
        diagnostics.append(Diagnostic(code: code, severity: severity, range: range, message: message))
    }

    /// Parses the lines of `range` (the range of its line slots, which it then finishes). The
    /// block open at its end reaches the end of the document when `isLast`, else its last content
    /// line (as when the next line opens a block).
    func run(_ range: Range<Int>, isLast: Bool) {
        for index in range {
            var content = source.lineContentRange(index)
            if index == 0 { content.start += bomLength }
            parseLine(index, content)
        }
        closeBlock(lastLine: isLast ? source.lineCount - 1 : lastContentLine)
        lines.finish()
    }

    func parseLine(_ index: Int, _ content: SourceRange) {
        let trimmed = Lexing.trimmed(bytes, content)
        if trimmed.isEmpty {
            lines.append(Line(index: index, kind: .blank, tokens: []))
            return
        }
        if Lexing.startsComment(bytes, trimmed) {
            lines.append(Line(index: index, kind: .comment, tokens: [token(.comment, trimmed)]))
            return
        }
        if trimmed.start == content.start {
            if let (keyword, word) = Parser.blockKeyword(bytes, trimmed) {
                closeBlock(lastLine: lastContentLine)
                openBlock(keyword, index, content, word)
                lastContentLine = index
                return
            }
        }
        lastContentLine = index
        switch open {
        case .none: parseHeaderLine(index, content, trimmed)
        case .table:
            parseTableLine(index, content)
        case .narrative:
            openNarrative!.proseLines.append(index)
            lines.append(Line(index: index, kind: .prose, tokens: [token(.prose, content)]))
        // Each case empties the block's property before mutating the block it held, so its
        // arrays stay uniquely referenced and appending a line does not copy every line before it.
        case .performance:
            var performance = openPerformance!
            openPerformance = nil
            parsePerformanceLine(index, content, &performance)
            openPerformance = performance
        case .glossary:
            var glossary = openGlossary!
            openGlossary = nil
            parseGlossaryLine(index, trimmed, &glossary)
            openGlossary = glossary
        case .check:
            let (body, comment) = splitComment(content)
            lines.append(Line(index: index, kind: .unknown, tokens: [token(.unknown, body)], trailingComment: comment))
            report("S102", .error, body, "“校验”块只写一个等式或不等式；请为这一行另起一个“校验”")
        }
    }

    /// Splits off a trailing ` //` comment; returns the trimmed body and the comment token.
    func splitComment(_ content: SourceRange) -> (SourceRange, Token?) {
        guard let start = Lexing.trailingCommentStart(bytes, content) else {
            return (Lexing.trimmed(bytes, content), nil)
        }
        let body = Lexing.trimmed(bytes, SourceRange(start: content.start, end: start))
        return (body, token(.comment, SourceRange(start: start, end: Lexing.trimmed(bytes, content).end)))
    }

    // MARK: Blocks

    func closeBlock(lastLine: Int) {
        switch open {
        case .none: break
        // `take()` moves the block out of its property: no copy of it, no destruction of the
        // property's old value.
        case .table: var b = openTable.take()!; b.lines = b.line...max(b.line, lastLine); shareRowBuffers(&b); blocks.append(.table(b))
        case .narrative: var b = openNarrative.take()!; b.lines = b.line...max(b.line, lastLine); blocks.append(.narrative(b))
        case .performance: var b = openPerformance.take()!; b.lines = b.line...max(b.line, lastLine); blocks.append(.performance(b))
        case .glossary: var b = openGlossary.take()!; b.lines = b.line...max(b.line, lastLine); blocks.append(.glossary(b))
        case .check: var b = openCheck.take()!; b.lines = b.line...max(b.line, lastLine); blocks.append(.check(b))
        }
        open = .none
    }

    /// Makes the rows of a closing table, each with its part of the table's buffers, and gives
    /// each row's line its tokens. (Made here rather than row by row with empty parts replaced
    /// now: two releases a row fewer.)
    func shareRowBuffers(_ table: inout TableSyntax) {
        let tokens = tableTokens.takeAll(), values = tableValues.takeAll()
        let pending = pendingRows.elements
        table.rows = [RowSyntax](unsafeUninitializedCapacity: pending.count) { rows, initialized in
            var tokenStart = 0, valueStart = 0
            for (k, row) in pending.enumerated() {
                let rowTokens = SharedSlice(storage: tokens, range: tokenStart..<row.tokensEnd)
                rows.initializeElement(at: k, to: RowSyntax(
                    line: row.line, tokens: rowTokens, values: SharedSlice(storage: values, range: valueStart..<row.valuesEnd),
                    hasCode: row.hasCode, cellStart: row.cellStart, side: row.side, isDetail: row.isDetail, range: row.range))
                lines.setTokens(row.line, rowTokens)
                tokenStart = row.tokensEnd
                valueStart = row.valuesEnd
            }
            initialized = pending.count
        }
        pendingRows.removeAll()
    }

    func openBlock(_ keyword: BlockKeyword, _ index: Int, _ content: SourceRange, _ keywordRange: SourceRange) {
        let keywordToken = token(.keyword, keywordRange)
        let rest = SourceRange(start: keywordRange.end, end: content.end)
        switch keyword {
        case .table:
            let (body, comment) = splitComment(rest)
            let words = Lexing.words(bytes, body)
            let id = words.first.map { token(.tableID, $0) }
            let title = words.count > 1 ? token(.tableTitle, SourceRange(start: words[1].start, end: body.end)) : nil
            var tokens = [keywordToken]
            if let id { tokens.append(id) } else { report("S102", .error, keywordRange, "“表”后缺少表号，例如“表 公开01 收入支出决算总表”") }
            if let title { tokens.append(title) }
            lines.append(Line(index: index, kind: .blockStart, tokens: SharedSlice(tokens), trailingComment: comment))
            // Its rows are made when it closes (`shareRowBuffers`).
            openTable = TableSyntax(line: index, keyword: keywordToken, id: id, title: title, columns: nil, rows: [], lines: index...index)
            openSide = .income
            open = .table
        case .narrative:
            let body = Lexing.trimmed(bytes, rest)
            let title = body.isEmpty ? nil : token(.title, body)
            lines.append(Line(index: index, kind: .blockStart, tokens: SharedSlice([keywordToken] + (title.map { [$0] } ?? []))))
            openNarrative = NarrativeSyntax(line: index, keyword: keywordToken, title: title, proseLines: [], lines: index...index)
            open = .narrative
        case .performance:
            let (body, comment) = splitComment(rest)
            let name = body.isEmpty ? nil : token(.title, body)
            if name == nil { report("S102", .error, keywordRange, "“绩效”后缺少项目名称") }
            lines.append(Line(index: index, kind: .blockStart, tokens: SharedSlice([keywordToken] + (name.map { [$0] } ?? [])), trailingComment: comment))
            openPerformance = PerformanceSyntax(line: index, keyword: keywordToken, name: name, items: [], lines: index...index)
            open = .performance
        case .glossary:
            let body = Lexing.trimmed(bytes, rest)
            let title = body.isEmpty ? nil : token(.title, body)
            lines.append(Line(index: index, kind: .blockStart, tokens: SharedSlice([keywordToken] + (title.map { [$0] } ?? []))))
            openGlossary = GlossarySyntax(line: index, keyword: keywordToken, entries: [], lines: index...index)
            open = .glossary
        case .check:
            let (body, comment) = splitComment(rest)
            var check = CheckSyntax(line: index, keyword: keywordToken, left: [], comparator: nil, right: [], lines: index...index)
            let tokens = parseCheckExpression(body, &check)
            lines.append(Line(index: index, kind: .check, tokens: SharedSlice([keywordToken] + tokens), trailingComment: comment))
            openCheck = check
            open = .check
        }
    }

    // MARK: Header

    func parseHeaderLine(_ index: Int, _ content: SourceRange, _ trimmed: SourceRange) {
        let (body, comment) = splitComment(content)
        let words = Lexing.words(bytes, body)
        guard let first = words.first else {
            lines.append(Line(index: index, kind: .comment, tokens: [], trailingComment: comment))
            return
        }
        let keyToken = token(.headerKey, first)
        // The key's text made once (each `text` makes a string).
        let keyText = keyToken.text
        let canonical = HeaderKey(word: keyText)
        if canonical == nil {
            let isASCIIWord = bytes[first.start..<first.end].allSatisfy { $0 < 0x80 }
            if first.start != content.start || isASCIIWord || words.count == 1 {
                // An indented line, an ASCII word that is no alias, or a lone word: a typo, not a header.
                lines.append(Line(index: index, kind: .unknown, tokens: [token(.unknown, body)], trailingComment: comment))
                report("S101", .error, first, "无法识别的关键字或表头项“\(keyText)”；块关键字为 表、说明、绩效、名词解释、校验，表头项为 部门、年度、单位、预算代码、容差、科目")
                return
            }
        }
        let values = words.dropFirst().map { token(.headerValue, $0) }
        let value = words.count > 1 ? token(.headerValue, SourceRange(start: words[1].start, end: body.end)) : nil
        lines.append(Line(index: index, kind: .header, tokens: SharedSlice([keyToken] + (value.map { [$0] } ?? [])), trailingComment: comment))
        header.append(HeaderLine(line: index, key: keyToken, canonicalKey: canonical, values: values, value: value))
    }

    // MARK: Tables

    /// Parses one line of the open table block, updating the side in force.
    func parseTableLine(_ index: Int, _ content: SourceRange) {
        let (body, comment) = splitComment(content)
        scratchWords.removeAll()
        Lexing.forEachWord(bytes, body) { scratchWords.append($0) }
        // Valid until the next line's words: this line's parse does not append to them.
        let words = scratchWords.elements
        // Only a word of 6 bytes can be a side (收入, 支出) and only one of 3 or 7 bytes, not
        // starting with a digit (codes), the columns keyword (列, `columns` in any case): other
        // rows make no string for it.
        let firstLength = words[0].length
        if words.count == 1, firstLength == 6, let newSide = TableSide(rawValue: Lexing.string(bytes, words[0])) {
            lines.append(Line(index: index, kind: .sideSwitch, tokens: [token(.sideSwitch, words[0])], trailingComment: comment))
            openSide = newSide
            return
        }
        if firstLength == 3 || firstLength == 7, !(bytes[words[0].start] >= 0x30 && bytes[words[0].start] <= 0x39),
           case let first = Lexing.string(bytes, words[0]),
           first == InnerKeyword.columns || first.lowercased() == InnerKeyword.columnsAlias {
            let columns = parseColumnsLine(index, body, words[0])
            lines.append(Line(index: index, kind: .columns, tokens: SharedSlice([columns.keyword] + columns.names), trailingComment: comment))
            if openTable!.columns != nil || pendingRows.count > 0 {
                report("S102", .error, words[0], "“列”行必须紧跟在“表”行之后，且每张表只写一次")
            } else {
                openTable!.columns = columns
            }
            return
        }
        parseRow(index, body, words, openSide)
        // The row's tokens are in the table's buffer, given to the line when the table closes.
        lines.append(Line(index: index, kind: .row, tokens: SharedSlice<Token>(), trailingComment: comment))
    }

    func isCode(_ range: SourceRange) -> Bool {
        let length = range.length
        guard length == 3 || length == 5 || length == 7 else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            for i in range.start..<range.end where buffer[i] &- 0x30 >= 10 { return false }
            return true
        }
    }

    /// Reads a row into the open table's buffers and `pendingRows`.
    func parseRow(_ index: Int, _ body: SourceRange, _ words: UnsafeBufferPointer<SourceRange>, _ side: TableSide) {
        var labelStart = 0
        var code: Token?
        if isCode(words[0]) {
            code = token(.code, words[0])
            labelStart = 1
        }
        // Cells are the trailing run of numbers and empty cells; each is read once, here, from
        // the last word backwards (the value of word k is `scratchValues[words.count - 1 - k]`).
        scratchValues.removeAll()
        var cellStart = words.count
        while cellStart > labelStart, let value = CellText.parse(bytes, words[cellStart - 1]) {
            scratchValues.append(value)
            cellStart -= 1
        }
        let readFrom = cellStart
        // A label may not swallow a figure followed by figure-like garbage: `合计 363.59 36O.00`.
        if cellStart - labelStart >= 2 {
            for j in (labelStart + 1)..<cellStart {
                // Only a word that starts like a figure can begin the cells.
                let firstByte = bytes[words[j].start]
                guard (firstByte >= 0x30 && firstByte <= 0x39) || firstByte == 0x2D || firstByte == 0xE2 || firstByte == 0xEF else { continue }
                let text = Lexing.string(bytes, words[j])
                guard CellText.parse(text[...]) != nil || looksLikeFigure(text) else { continue }
                let rest = words[j..<cellStart].map { Lexing.string(bytes, $0) }
                if rest.allSatisfy({ !Lexing.containsWideCharacter($0[...]) && $0.contains(where: \.isNumber) || CellText.parse($0[...]) != nil }) {
                    cellStart = j
                    break
                }
            }
        }
        var label: Token?
        if cellStart > labelStart {
            label = token(.label, SourceRange(start: words[labelStart].start, end: words[cellStart - 1].end))
        }
        // `code == nil` on a `Token?` compares two optionals (Token is Equatable): the pair was
        // made and destroyed through the runtime's tuple metadata, 9 % of the parse (issue 15).
        let hasCode = labelStart == 1
        if let code { tableTokens.append(code) }
        if let label { tableTokens.append(label) }
        let tokenCellStart = labelStart + (label != nil ? 1 : 0)
        for k in cellStart..<words.count {
            let range = words[k]
            let value = k >= readFrom ? scratchValues[words.count - 1 - k] : CellText.parse(bytes, range)
            let kind: TokenKind
            switch value {
            case .none: kind = .badCell
            case .empty: kind = .emptyCell
            case .number: kind = .number
            case .percentage: kind = .percentage
            }
            tableTokens.append(token(kind, range))
            tableValues.append(value)
            if value == nil {
                let text = Lexing.string(bytes, range)
                if CellText.isOversized(bytes[range.start..<range.end]) {
                    report("S112", .warning, range, Parser.oversizedMessage(text))
                } else {
                    report("S102", .error, range, "单元格“\(text)”不是数字；数字写作 1234.56 或 1,234.56，空单元格写作 -")
                }
            }
        }
        if tokenCellStart == 0 {
            report("S102", .error, body, "这一行没有行名：每行写作“[科目编码] 行名 数字…”")
        }
        let isDetail = label.map { label in mayBeDetail(label.range) && InnerKeyword.detailPrefixes.contains { label.text.hasPrefix($0) } } ?? false
        pendingRows.append(PendingRow(line: index, range: body, tokensEnd: tableTokens.count, valuesEnd: tableValues.count,
                                      cellStart: tokenCellStart, hasCode: hasCode, side: side, isDetail: isDetail))
    }

    /// False when a label cannot start with `其中：`, decided on its first bytes: comparing
    /// `String`s character by character for every row was a tenth of the parse (issue 15).
    /// Labels starting with 其 and those starting with a compatibility ideograph (EF, F0) go
    /// on to the exact comparison.
    func mayBeDetail(_ range: SourceRange) -> Bool {
        guard range.length >= 3 else { return false }
        let first = bytes[range.start]
        if first == 0xEF || first == 0xF0 { return true }
        guard first == 0xE5 && bytes[range.start + 1] == 0x85 && bytes[range.start + 2] == 0xB6 else { return false }
        // 其 then 中 (E4 B8 AD), or a compatibility ideograph: `其他支出` and the like are not
        // compared as characters (issue 15, session 4). Anything else after 其 (a mark joins
        // it into another character) cannot start `其中：` either.
        guard range.length >= 6 else { return false }
        let second = bytes[range.start + 3]
        if second == 0xEF || second == 0xF0 { return true }
        return second == 0xE4 && bytes[range.start + 4] == 0xB8 && bytes[range.start + 5] == 0xAD
    }

    /// A word that was meant as a figure but is not one (`36O.00`, `1.2.3`).
    func looksLikeFigure(_ text: String) -> Bool {
        !Lexing.containsWideCharacter(text[...]) && text.first.map { $0.isNumber || $0 == "-" } == true
    }

    func parseColumnsLine(_ index: Int, _ body: SourceRange, _ keywordRange: SourceRange) -> ColumnsSyntax {
        let rest = SourceRange(start: keywordRange.end, end: body.end)
        let pieces = semicolonPieces(rest)
        let names = Lexing.words(bytes, pieces[0]).map { token(.columnName, $0) }
        var relations: [ColumnRelationSyntax] = []
        for piece in pieces.dropFirst() where !Lexing.trimmed(bytes, piece).isEmpty {
            if let relation = parseRelation(piece) { relations.append(relation) }
        }
        return ColumnsSyntax(line: index, keyword: token(.keyword, keywordRange), names: names, relations: relations)
    }

    /// The pieces of `range` between semicolons, `;` or `；` (EF BC 9B): a columns line's names,
    /// then its relations. Byte by byte, with no list of separators to try at each byte (a
    /// columns line in every table was a tenth of the parse, issue 15).
    func semicolonPieces(_ range: SourceRange) -> [SourceRange] {
        var pieces: [SourceRange] = []
        pieces.reserveCapacity(4)
        var start = range.start
        var i = range.start
        bytes.withUnsafeBufferPointer { bytes in
            while i < range.end {
                let byte = bytes[i]
                let length = byte == 0x3B ? 1
                    : byte == 0xEF && i + 2 < range.end && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x9B ? 3 : 0
                if length == 0 { i += 1; continue }
                pieces.append(SourceRange(start: start, end: i))
                i += length
                start = i
            }
        }
        pieces.append(SourceRange(start: start, end: range.end))
        return pieces
    }

    func parseRelation(_ range: SourceRange) -> ColumnRelationSyntax? {
        let parts = expressionTokens(range)
        guard let equals = parts.firstIndex(where: { $0.kind == .comparator }), equals == 1, parts[0].kind == .columnName, parts.count >= 3 else {
            report("S102", .error, Lexing.trimmed(bytes, range), "列关系应写作“合计 = 甲 + 乙”")
            return nil
        }
        var terms: [(negative: Bool, column: Token)] = []  // labelled as the syntax is: no runtime cast
        terms.reserveCapacity(parts.count / 2)
        var negative = false
        var expectOperand = true
        for part in parts[(equals + 1)...] {
            if part.kind == .operatorSign {
                guard !expectOperand || terms.isEmpty else { report("S102", .error, part.range, "列关系中多了一个运算符"); return nil }
                negative = part.text == "-" || part.text == "－" || part.text == "−"
                expectOperand = true
            } else if part.kind == .columnName, expectOperand {
                terms.append((negative: negative, column: part))
                negative = false
                expectOperand = false
            } else {
                report("S102", .error, part.range, "列关系中“\(part.text)”的位置不对")
                return nil
            }
        }
        guard !terms.isEmpty, !expectOperand else { report("S102", .error, Lexing.trimmed(bytes, range), "列关系不完整"); return nil }
        return ColumnRelationSyntax(result: parts[0], terms: terms, range: Lexing.trimmed(bytes, range))
    }

    /// Splits an expression into operands, `+`/`-` signs and comparators; blanks are optional around operators.
    func expressionTokens(_ range: SourceRange) -> [Token] {
        var result: [Token] = []
        // `合计 = 基本支出 + 项目支出`: one allocation, not four growths.
        result.reserveCapacity(8)
        Lexing.forEachWord(bytes, range) { word in
            var start = word.start
            var i = word.start
            func flush(_ end: Int) -> Token? {
                end > start ? token(.columnName, SourceRange(start: start, end: end)) : nil
            }
            bytes.withUnsafeBufferPointer { buffer in
                while i < word.end {
                    var matched = Lexing.expressionOperator(buffer, i, word.end)
                    // A hyphen is a minus sign only where it cannot start a negative number.
                    if matched == nil, buffer[i] == 0x2D {
                        let nextIsDigit = i + 1 < word.end && buffer[i + 1] >= 0x30 && buffer[i + 1] <= 0x39
                        if !(nextIsDigit && i == start) { matched = (.operatorSign, 1) }
                    }
                    if let (kind, length) = matched {
                        if let operand = flush(i) { result.append(operand) }
                        result.append(token(kind, SourceRange(start: i, end: i + length)))
                        i += length
                        start = i
                    } else {
                        i += 1
                    }
                }
            }
            if let operand = flush(word.end) { result.append(operand) }
        }
        return result
    }

    // MARK: Checks

    func parseCheckExpression(_ body: SourceRange, _ check: inout CheckSyntax) -> [Token] {
        var parts = expressionTokens(body)
        let comparators = parts.indices.filter { parts[$0].kind == .comparator }
        guard comparators.count == 1, let at = comparators.first else {
            report("S102", .error, body.isEmpty ? check.keyword.range : body, comparators.isEmpty
                ? "“校验”需要一个比较符：=、<= 或 >="
                : "“校验”只能有一个比较符")
            return parts
        }
        check.comparator = parts[at]
        var uncheckable = false
        defer {
            // A figure that cannot be checked makes the whole line unverifiable: no X409 on a guess.
            if uncheckable { check.left = []; check.right = [] }
        }
        for side in 0..<2 {
            let slice = side == 0 ? parts[..<at] : parts[(at + 1)...]
            var terms: [CheckTerm] = []
            var negative = false
            var expectOperand = true
            var signed = false
            for index in slice.indices {
                let part = parts[index]
                if part.kind == .operatorSign {
                    if expectOperand && signed {
                        report("S102", .error, part.range, "“校验”中多了一个运算符")
                        continue
                    }
                    negative = part.text != "+" && part.text != "＋"
                    expectOperand = true
                    signed = true
                    continue
                }
                guard expectOperand else {
                    report("S102", .error, part.range, "“校验”中“\(part.text)”前缺少 + 或 -")
                    continue
                }
                if let number = DecimalNumber(part.text) {
                    parts[index].kind = .number
                    terms.append(CheckTerm(negative: negative, operand: .number(number, parts[index])))
                } else if DecimalNumber.classify(part.text) == .oversized {
                    parts[index].kind = .number
                    report("S112", .warning, part.range, Parser.oversizedMessage(part.text))
                    uncheckable = true
                } else {
                    parts[index].kind = .reference
                    terms.append(CheckTerm(negative: negative, operand: .reference(reference(parts[index]))))
                }
                negative = false
                expectOperand = false
                signed = false
            }
            if terms.isEmpty || expectOperand {
                report("S102", .error, parts[at].range, side == 0 ? "比较符左边缺少内容" : "比较符右边缺少内容")
            }
            if side == 0 { check.left = terms } else { check.right = terms }
        }
        return parts
    }

    /// Splits `table.row.column` at its dots; a row label may itself hold dots, so the first
    /// dot ends the table and, with three or more parts, the last dot starts the column.
    func reference(_ whole: Token) -> ReferenceSyntax {
        var dots: [Int] = []
        for i in whole.range.start..<whole.range.end where bytes[i] == 0x2E || (bytes[i] == 0xEF && i + 2 < whole.range.end && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x8E) {
            dots.append(i)
        }
        func dotLength(_ i: Int) -> Int { bytes[i] == 0x2E ? 1 : 3 }
        guard let first = dots.first else {
            return ReferenceSyntax(token: whole, table: token(.tableID, whole.range), row: nil, column: nil)
        }
        let table = token(.tableID, SourceRange(start: whole.range.start, end: first))
        if dots.count == 1 {
            return ReferenceSyntax(token: whole, table: table, row: token(.label, SourceRange(start: first + dotLength(first), end: whole.range.end)), column: nil)
        }
        let last = dots[dots.count - 1]
        let row = token(.label, SourceRange(start: first + dotLength(first), end: last))
        let column = token(.columnName, SourceRange(start: last + dotLength(last), end: whole.range.end))
        return ReferenceSyntax(token: whole, table: table, row: row, column: column)
    }

    // MARK: Performance

    func parsePerformanceLine(_ index: Int, _ content: SourceRange, _ performance: inout PerformanceSyntax) {
        let (body, comment) = splitComment(content)
        let words = Lexing.words(bytes, body)
        let key = token(.performanceKey, words[0])
        let keyText = key.text
        guard InnerKeyword.performanceKeys.contains(keyword: keyText) else {
            lines.append(Line(index: index, kind: .unknown, tokens: [token(.unknown, body)], trailingComment: comment))
            report("S101", .warning, words[0], "“绩效”块中无法识别的行“\(key.text)”；可用的行为 \(InnerKeyword.performanceKeys.joined(separator: "、"))")
            return
        }
        var item = PerformanceLine(line: index, key: key, indicator: nil, values: [], fields: [])
        var rest = Array(words.dropFirst())
        if keyText.equals(keyword: "指标") {
            if rest.isEmpty {
                report("S102", .error, words[0], "“指标”后缺少指标名称（一级/二级/三级）")
            } else {
                item.indicator = token(.indicatorName, rest.removeFirst())
            }
            var k = 0
            while k < rest.count {
                let word = Lexing.string(bytes, rest[k])
                guard InnerKeyword.indicatorFields.contains(keyword: word) else {
                    if item.fields.isEmpty {
                        report("S102", .error, rest[k], "“\(word)”不是指标的栏目；可用的栏目为 \(InnerKeyword.indicatorFields.joined(separator: "、"))")
                        item.values.append(token(.unknown, rest[k]))
                    } else {
                        item.fields[item.fields.count - 1].values.append(token(.fieldValue, rest[k]))
                    }
                    k += 1
                    continue
                }
                var field = PerformanceField(key: token(.fieldKey, rest[k]), values: [])
                k += 1
                if word.equals(keyword: "原因"), k < rest.count {
                    // The reason is free text to the end of the line.
                    field.values = [token(.fieldValue, SourceRange(start: rest[k].start, end: body.end))]
                    k = rest.count
                } else if word.equals(keyword: "完成"), k < rest.count {
                    field.values = [token(.fieldValue, rest[k])]
                    k += 1
                }
                item.fields.append(field)
            }
        } else if keyText.equals(keyword: "年度目标") {
            // `年度目标 <goal> 完成情况 <what was done> 完成率 <rate>`: texts up to the next field key.
            var textStart: Int?
            func flushText(upTo k: Int) {
                guard let start = textStart else { return }
                let range = SourceRange(start: rest[start].start, end: rest[k - 1].end)
                if item.fields.isEmpty { item.values.append(token(.fieldValue, range)) } else { item.fields[item.fields.count - 1].values.append(token(.fieldValue, range)) }
                textStart = nil
            }
            for (k, range) in rest.enumerated() {
                if InnerKeyword.goalFields.contains(keyword: Lexing.string(bytes, range)) {
                    flushText(upTo: k)
                    item.fields.append(PerformanceField(key: token(.fieldKey, range), values: []))
                } else if textStart == nil {
                    textStart = k
                }
            }
            flushText(upTo: rest.count)
        } else if ["资金", "执行率", "其中"].contains(keyword: keyText) {
            if keyText.equals(keyword: "其中") {
                // `其中 <来源> 全年预算数 … 全年执行数 …`: a part of the 资金 line, named first.
                let fundKeys = ["年初预算数", "全年预算数", "全年执行数", "到位数", "预算数", "执行数", "执行率"]
                if let first = rest.first, CellText.parse(Lexing.string(bytes, first)[...]) == nil, !fundKeys.contains(keyword: Lexing.string(bytes, first)) {
                    item.indicator = token(.indicatorName, rest.removeFirst())
                } else {
                    report("S102", .error, words[0], "“其中”后缺少资金来源的名称（如 财政拨款、其他资金）")
                }
            }
            for range in rest {
                let text = Lexing.string(bytes, range)
                if CellText.parse(text[...]) != nil {
                    if item.fields.isEmpty { item.values.append(token(.fieldValue, range)) } else { item.fields[item.fields.count - 1].values.append(token(.fieldValue, range)) }
                } else {
                    item.fields.append(PerformanceField(key: token(.fieldKey, range), values: []))
                }
            }
        } else {
            item.values = rest.map { token(.fieldValue, $0) }
        }
        var tokens = [key]
        if let indicator = item.indicator { tokens.append(indicator) }
        tokens += item.values
        for field in item.fields { tokens.append(field.key); tokens += field.values }
        lines.append(Line(index: index, kind: .performance, tokens: SharedSlice(tokens), trailingComment: comment))
        performance.items.append(item)
    }

    // MARK: Glossary

    func parseGlossaryLine(_ index: Int, _ trimmed: SourceRange, _ glossary: inout GlossarySyntax) {
        let text = Lexing.string(bytes, trimmed)
        // On simple text (every scalar a character) the marks are found scalar by scalar, at the
        // same indices, without walking characters.
        let scalars = text.unicodeScalars
        let simple = SimpleText.isSimple(text)
        let colon = simple ? scalars.firstIndex(where: { $0 == "：" || $0 == ":" }) : text.firstIndex(where: { $0 == "：" || $0 == ":" })
        let sentenceEnd = simple ? scalars.firstIndex(where: { $0 == "。" || $0 == "；" || $0 == "！" || $0 == "？" })
                                 : text.firstIndex(where: { "。；！？".contains($0) })
        if let colon, sentenceEnd.map({ colon < $0 }) ?? true {
            let termText = text[..<colon]
            let prefixLength = Ordinal.prefixLength(of: termText)
            let termStart = trimmed.start + prefixLength
            let termEnd = trimmed.start + termText.utf8.count
            let termRange = Lexing.trimmed(bytes, SourceRange(start: termStart, end: termEnd))
            let definitionStart = termEnd + String(text[colon]).utf8.count
            let definitionRange = Lexing.trimmed(bytes, SourceRange(start: definitionStart, end: trimmed.end))
            if termRange.isEmpty {
                lines.append(Line(index: index, kind: .unknown, tokens: [token(.unknown, trimmed)]))
                report("S102", .error, trimmed, "名词解释的一行应写作“名词：解释”，冒号前缺少名词")
                return
            }
            let term = token(.term, termRange)
            let definition = token(.definition, definitionRange)
            lines.append(Line(index: index, kind: .glossaryEntry, tokens: [term, definition]))
            glossary.entries.append(GlossaryEntrySyntax(line: index, term: term, definition: definition.text, definitionRanges: [definitionRange]))
        } else if !glossary.entries.isEmpty {
            lines.append(Line(index: index, kind: .glossaryContinuation, tokens: [token(.definition, trimmed)]))
            glossary.entries[glossary.entries.count - 1].definition += text
            glossary.entries[glossary.entries.count - 1].definitionRanges.append(trimmed)
        } else {
            lines.append(Line(index: index, kind: .unknown, tokens: [token(.unknown, trimmed)]))
            report("S102", .error, trimmed, "名词解释的一行应写作“名词：解释”")
        }
    }
}

extension Parser {
    /// S112: the figure is a number, but too long to be checked exactly (see DecimalNumber.classify).
    public static func oversizedMessage<S: StringProtocol>(_ text: S) -> String {
        "数字过大或小数位过多，无法校验：“\(text.count > 60 ? String(text.prefix(60)) + "…" : String(text))”；可校验的数字至多 \(DecimalNumber.maximumIntegerDigits) 位整数、\(DecimalNumber.maximumScale) 位小数，本数不参与校验"
    }
}
