import JuesuanSyntax

/// Where the figures of an imported document ended up: in a table cell, a `绩效` line, prose (a `说明`
/// line or a glossary entry), or a `//` comment, where no rule will ever check them.
///
/// A figure in running text is a number with a decimal point (`12.40`) or a number followed by an
/// amount or rate unit (`12 万元`, `85%`, `3 分`); bare integers (years, 行次/栏次 numbers, codes,
/// ordinals) are not figures. Every numeric cell of a table row is a figure.
public struct FigureCoverage: Sendable, Equatable {
    public struct Left: Sendable, Equatable {
        /// The figure as written.
        public var figure: String
        /// 1-based line of the imported document.
        public var outputLine: Int
        /// 1-based line of the input it came from, when the comment holds that whole line.
        public var inputLine: Int?
    }

    public var inTables = 0
    public var inPerformance = 0
    public var inProse = 0
    public var inComments: [Left] = []

    public var placed: Int { inTables + inPerformance + inProse }
    public var total: Int { placed + inComments.count }
    /// Placed per mille (1000 when there is no figure at all), exact integer arithmetic.
    public var placedPerMille: Int { total == 0 ? 1000 : placed * 1000 / total }

    public static let units = ["万元", "亿元", "千元", "元", "%", "％", "分", "万 元", "亿 元"]

    /// The figures of a line of running text.
    public static func figures(in text: Substring) -> [String] {
        let chars = Array(text)
        var result: [String] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            // A number glued after a letter or digit-like character is part of a word (`A1`, `T801`).
            if i > 0, chars[i - 1].isASCII, chars[i - 1].isLetter || chars[i - 1] == "." || chars[i - 1] == "_" { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." || chars[j] == "," { j += 1 }
            var end = j
            while end > i, chars[end - 1] == "." || chars[end - 1] == "," { end -= 1 }
            let number = String(chars[i..<end])
            var k = end
            while k < chars.count, chars[k] == " " { k += 1 }
            let rest = String(chars[k..<min(chars.count, k + 3)])
            let hasUnit = units.contains { rest.hasPrefix($0) }
            let isDecimal = number.contains(".")
            if isDecimal || hasUnit { result.append(number) }
            i = j
        }
        return result
    }

    /// Every run of digits (with `.` and `,`) of a line.
    static func numberTokens(in text: Substring) -> [String] {
        var result: [String] = []
        var current = ""
        for c in text {
            if c.isASCII, c.isNumber || (!current.isEmpty && (c == "." || c == ",")) { current.append(c); continue }
            while current.last == "." || current.last == "," { current.removeLast() }
            if !current.isEmpty { result.append(current) }
            current = ""
        }
        while current.last == "." || current.last == "," { current.removeLast() }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The coverage of `document` (the importer's output); `input` maps each trimmed input line to its
    /// first 1-based line number.
    static func measure(document: String, inputLines: [String]) -> FigureCoverage {
        var firstLine: [String: Int] = [:]
        for (k, line) in inputLines.enumerated() {
            let key = TextTools.squeeze(line)
            if !key.isEmpty, firstLine[key] == nil { firstLine[key] = k + 1 }
        }
        let tree = Parser.parse(document)
        var rowCells: [Int: Int] = [:]
        for table in tree.tables {
            for row in table.rows {
                rowCells[row.line] = row.cells.filter { if case .number? = $0.value { return true }; if case .percentage? = $0.value { return true }; return false }.count
            }
        }
        let texts = document.split(separator: "\n", omittingEmptySubsequences: false)
        var coverage = FigureCoverage()
        // Blocks the importer derived from prose (section scorecards) repeat figures counted there.
        var derived: Set<Int> = []
        for table in tree.tables where table.lines.contains(where: { $0 < texts.count && texts[$0].hasPrefix(ScorecardBuilder.derivedMark) }) {
            derived.formUnion(table.lines)
        }
        for performance in tree.performances where performance.lines.contains(where: { $0 < texts.count && texts[$0].hasPrefix(ScorecardBuilder.derivedMark) }) {
            derived.formUnion(performance.lines)
        }
        // The numbers written on the lines of each `绩效` block: a trace comment's figure moved to a
        // later line of its block (the Hebei 预算执行进度 goes to the 执行率 line) is placed there.
        var blockNumbers: [Int: Set<String>] = [:]
        for performance in tree.performances {
            var numbers: Set<String> = []
            for k in performance.lines where k < texts.count && tree.lines[k].kind == .performance { numbers.formUnion(numberTokens(in: texts[k])) }
            for k in performance.lines { blockNumbers[k] = numbers }
        }
        // The numbers written on the block lines right after a line (a `绩效` line or row converted
        // from the input line that the comment before it keeps as a trace).
        func convertedNumbers(after index: Int) -> [String] {
            var numbers: [String] = []
            var k = index + 1
            while k < tree.lines.count, k <= index + 4, k < texts.count, [.performance, .row].contains(tree.lines[k].kind) {
                numbers += numberTokens(in: texts[k])
                k += 1
            }
            return numbers
        }
        func leave(_ comment: Substring, line: Int, placedAfter: [String] = []) {
            var body = TextTools.trim(comment.drop { $0 == "/" })
            // A note of the importer quoting its input line (`…（原文：30 | | 61 | 0.00）`): the figures
            // and the line are those of the quote.
            if let quote = body.range(of: "（原文："), body.hasSuffix("）") {
                body = String(body[quote.upperBound...].dropLast())
            }
            let source = firstLine[TextTools.squeeze(body.replacingOccurrences(of: " | ", with: ""))]
            var placed = placedAfter
            let block = blockNumbers[line] ?? []
            for figure in figures(in: body[...]) {
                // Kept as a trace of a converted line: the figure is placed (and counted) there.
                if let k = placed.firstIndex(of: figure) { placed.remove(at: k); continue }
                if block.contains(figure) { continue }
                // A figure split by a blank in extraction (`8.48 4163`), written whole on the converted line.
                if body.contains(figure + " "), placed.contains(where: { $0.hasPrefix(figure) && $0.count > figure.count && body.contains(figure + " " + $0.dropFirst(figure.count)) }) { continue }
                coverage.inComments.append(Left(figure: figure, outputLine: line + 1, inputLine: source))
            }
        }
        for line in tree.lines where line.index < texts.count && !derived.contains(line.index) {
            let text = texts[line.index]
            var code = text[...]
            if let comment = line.trailingComment {
                if let r = text.range(of: comment.text) { code = text[..<r.lowerBound] }
                // A trailing comment repeating the line's own figures (`// 指标值 ≥95%`) leaves nothing out.
                leave(comment.text[...], line: line.index, placedAfter: numberTokens(in: code))
            }
            switch line.kind {
            case .comment:
                leave(TextTools.trim(text)[...], line: line.index, placedAfter: convertedNumbers(after: line.index))
            case .row:
                coverage.inTables += rowCells[line.index] ?? 0
            case .performance:
                coverage.inPerformance += figures(in: code).count
            case .prose, .glossaryEntry, .glossaryContinuation:
                coverage.inProse += figures(in: code).count
            default:
                break
            }
        }
        return coverage
    }

    /// The summary lines in Chinese.
    public var description: String {
        let whole = placedPerMille / 10
        let tenth = placedPerMille % 10
        var text = "  数字 \(total) 个：表格 \(inTables)，绩效 \(inPerformance)，说明文字 \(inProse)，已归位 \(whole).\(tenth)%；留在注释中 \(inComments.count) 个（任何规则都查不到）\n"
        for left in inComments {
            text += "    第 \(left.outputLine) 行：\(left.figure)"
            if let source = left.inputLine { text += "（原文第 \(source) 行）" }
            text += "\n"
        }
        return text
    }
}
