import JuesuanSyntax

/// Small text helpers of the importer. Everything here is pure and deterministic.
enum TextTools {
    // A form feed is where pdftotext ends a page.
    static let blanks: Set<Character> = [" ", "\t", "\u{3000}", "\u{00A0}", "\u{000C}"]

    static func isBlank(_ c: Character) -> Bool { blanks.contains(c) }

    static func trim(_ s: Substring) -> String {
        var a = s.startIndex
        var b = s.endIndex
        while a < b, isBlank(s[a]) { a = s.index(after: a) }
        while b > a, isBlank(s[s.index(before: b)]) { b = s.index(before: b) }
        return String(s[a..<b])
    }

    static func trim(_ s: String) -> String { trim(s[...]) }

    static func isWide(_ c: Character) -> Bool { c.unicodeScalars.contains { $0.value >= 0x2E80 } }

    /// Removes the blanks that PDF extraction puts between CJK characters (`项 目`, `单价 100 万元`):
    /// a run of blanks is dropped when a character next to it is wide, and becomes one space between
    /// two narrow characters (`DRG DIP`).
    static func compact(_ s: String) -> String {
        let chars = Array(trim(s))
        var out = ""
        var i = 0
        while i < chars.count {
            if isBlank(chars[i]) {
                var j = i
                while j < chars.count, isBlank(chars[j]) { j += 1 }
                let before = i > 0 ? chars[i - 1] : nil
                let after = j < chars.count ? chars[j] : nil
                if let before, let after, !isWide(before), !isWide(after) { out.append(" ") }
                i = j
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// Removes every blank.
    static func squeeze(_ s: String) -> String { String(s.filter { !isBlank($0) }) }

    /// A normalised form for matching titles: no blanks, no quotes, half-width brackets.
    static func matchKey(_ s: String) -> String {
        var out = ""
        for c in s where !isBlank(c) {
            switch c {
            case "“", "”", "\"", "‘", "’", "'", "「", "」": continue
            case "（": out.append("(")
            case "）": out.append(")")
            case "：": out.append(":")
            default: out.append(c)
            }
        }
        return out
    }

    static func width(_ s: String) -> Int { DisplayWidth.of(s) }

    /// Cells of a table line: split on tabs; a line without tabs is split on runs of two or more
    /// blanks. Cells are trimmed; empty cells are kept (their position matters).
    static func cells(_ line: String) -> [String] {
        if line.contains("\t") {
            return line.split(separator: "\t", omittingEmptySubsequences: false).map { trim($0) }
        }
        var result: [String] = []
        var current = ""
        var blankRun = ""
        let chars = Array(trim(line))
        for (k, c) in chars.enumerated() {
            if isBlank(c) {
                blankRun.append(c)
            } else {
                if !blankRun.isEmpty {
                    if blankRun.count >= 2 || blankRun.contains("\u{3000}") || endsCell(amount: current, before: chars[k...]) { result.append(current); current = "" } else { current += blankRun }
                    blankRun = ""
                }
                current.append(c)
            }
        }
        result.append(current)
        return result
    }

    /// PDF text of a right-aligned amount and a left-aligned cell after it keeps one blank between
    /// them (`6,526.11 五、教育支出`, `12.46 30228`): a cell that is an amount with decimals ends at
    /// a single blank too, unless a unit follows (`12.40 万元`).
    /// A digit after the blank starts a new cell only as a code (`12.46 30228`): other digits may be
    /// the rest of a figure the extraction split (`8.48 4163`, repaired elsewhere).
    /// Nor does a unit (`2.00 次`, `12.40 万元`, `3.00 台（套）`).
    static let units: Set<String> = ["万元", "元", "亿元", "千元", "%", "％", "次", "人", "人次", "个", "辆", "批", "批次", "台", "套", "台（套）",
                                     "台(套)", "家", "件", "项", "名", "户", "米", "平方米", "公里", "吨", "亩", "倍", "笔", "天", "小时", "年", "月", "日"]

    static func endsCell(amount cell: String, before rest: ArraySlice<Character>) -> Bool {
        guard let next = rest.first, cell.contains("."), let last = cell.last, last.isASCII, last.isNumber else { return false }
        let token = rest.prefix { !isBlank($0) }
        if units.contains(String(token)) || units.contains(where: { token.starts(with: $0) && token.count <= $0.count + 1 })
            || ["万元", "亿元", "千元", "元", "%", "％"].contains(where: { token.starts(with: $0) }) { return false }
        if next.isASCII, next.isNumber {
            guard [3, 5, 7].contains(token.count), token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        } else if token.count < 2 {
            return false
        }
        return isNumber(cell)
    }

    /// The cells of a blank-separated line with the character offset each starts at (PDF text keeps
    /// the columns' places: an empty cell leaves a gap, not a cell).
    static func positionedCells(_ line: String) -> [(start: Int, end: Int, text: String)] {
        var result: [(start: Int, end: Int, text: String)] = []
        let chars = Array(line)
        var k = 0
        while k < chars.count {
            while k < chars.count, isBlank(chars[k]) { k += 1 }
            guard k < chars.count else { break }
            let start = k
            var end = k
            while end < chars.count {
                if isBlank(chars[end]) {
                    var gap = end
                    while gap < chars.count, isBlank(chars[gap]) { gap += 1 }
                    if gap - end >= 2 || chars[end] == "\u{3000}" || gap == chars.count
                        || endsCell(amount: String(chars[start..<end]), before: chars[gap...]) { break }
                    end = gap
                } else {
                    end += 1
                }
            }
            result.append((start, end, String(chars[start..<end])))
            k = end
        }
        return result
    }

    /// A published figure or empty cell (`17,334.30`, `0.00`, `-`, `---`, ``).
    static func isFigure(_ cell: String) -> Bool {
        cell.isEmpty || CellText.parse(cell[...]) != nil
    }

    static func isNumber(_ cell: String) -> Bool {
        guard !cell.isEmpty, let value = CellText.parse(cell[...]) else { return false }
        if case .empty = value { return false }
        return true
    }

    /// The cell as the language writes it: empty spellings become `-`, figures stay exactly as published.
    static func figure(_ cell: String) -> String {
        if cell.isEmpty { return "-" }
        if case .empty? = CellText.parse(cell[...]) { return "-" }
        return cell
    }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]

    /// `第一部分 …`
    /// A table-of-contents entry without its leader dots and page number (`第一部分 部门概况……3`,
    /// `第一部分 部门概况⇥3`, Word's automatic 目录): the heading it names.
    static func tableOfContentsEntry(_ t: String) -> String {
        var entry = Substring(t)
        while let last = entry.last, isBlank(last) { entry = entry.dropLast() }
        let digits = entry.reversed().prefix { ("0"..."9").contains($0) || ("０"..."９").contains($0) }.count
        guard digits > 0, digits < entry.count else { return t }
        var rest = entry.dropLast(digits)
        let leaders: Set<Character> = ["…", "⋯", "·", "・", ".", "．", "_", "-", "—", "─", "　", " ", "\t"]
        let stripped = rest.reversed().prefix { leaders.contains($0) }.count
        // Digits ending a heading's own words (`2024`) stay: a page number follows leaders or a blank.
        guard stripped > 0 else { return t }
        rest = rest.dropLast(stripped)
        return rest.isEmpty ? t : String(rest)
    }

    static func isPartHeading(_ t: String) -> Bool {
        // `五部分 附件`: the 第 lost in extraction.
        let rest = t.hasPrefix("第") ? t.dropFirst() : t[...]
        guard t.hasPrefix("第") || width(t) <= 24 else { return false }
        let numerals = rest.prefix { chineseNumerals.contains($0) }
        return !numerals.isEmpty && rest.dropFirst(numerals.count).hasPrefix("部分")
    }

    /// `一、…` (a Chinese numeral and 、).
    static func hasChineseOrdinal(_ t: String) -> Bool {
        let numerals = t.prefix { chineseNumerals.contains($0) }
        return !numerals.isEmpty && t.dropFirst(numerals.count).first == "、"
    }

    /// Starts with any ordinal marker: `一、`, `（一）`, `(1)`, `1.`, `1、`, `①`, `- `, `注：`.
    static func startsWithMarker(_ t: String) -> Bool {
        if hasChineseOrdinal(t) { return true }
        if t.hasPrefix("注：") || t.hasPrefix("注:") || t.hasPrefix("- ") || t.hasPrefix("附") { return true }
        if let first = t.unicodeScalars.first, (0x2460...0x2473).contains(first.value) { return true }
        if t.hasPrefix("（") || t.hasPrefix("(") {
            let inner = t.dropFirst().prefix { chineseNumerals.contains($0) || $0.isASCII && $0.isNumber || $0 == " " }
            let after = t.dropFirst(1 + inner.count).first
            return !inner.isEmpty && (after == "）" || after == ")")
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2, let next = t.dropFirst(digits.count).first, "、.．".contains(next) {
            let after = t.dropFirst(digits.count + 1).first
            return !(after?.isASCII == true && after?.isNumber == true)
        }
        return false
    }

    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "：", ";", ":", "!", "?"]
}
