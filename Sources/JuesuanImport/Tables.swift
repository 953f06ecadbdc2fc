import Foundation
import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// Finds where a standard table starts: a line holding its title (with or without its number), or
/// a `公开NN表` line, followed by tab-separated rows before any prose.
enum TableDetector {
    static let titleAliases: [(Int, String)] = {
        var list: [(Int, String)] = StandardTableSpec.all.map { ($0.number, $0.title) }
        list += [
            (6, "一般公共预算财政拨款基本支出决算明细表"),
            (7, "政府性基金预算财政拨款支出决算表"),
            (8, "国有资本经营预算财政拨款收入支出决算表"),
            (9, "一般公共预算财政拨款“三公”经费支出决算表"),
            (9, "“三公”经费支出决算表"),
            (10, "国有资产占用情况表"),
        ]
        return list
    }()

    /// The number of the standard table whose title this line is, and the title as published.
    static func title(_ line: String) -> (Int, String)? {
        var t = TextTools.trim(line)
        if t.contains("\t") {
            // `收入支出决算总表⇥⇥公开01表`: the first cell.
            t = TextTools.cells(line).first { !$0.isEmpty } ?? ""
        }
        guard !t.isEmpty, TextTools.width(t) <= 60, !t.hasPrefix("- ") else { return nil }
        var key = TextTools.matchKey(t)
        // An ordinal prefix (`一、收入支出决算总表`) or a number suffix (`…总表（公开01表）`).
        key = String(Ordinal.strip(key))
        if let r = key.range(of: #"\(?公开\d{1,2}表?\)?$"#, options: .regularExpression) { key.removeSubrange(r) }
        if let r = key.range(of: #"^20\d\d年度?"#, options: .regularExpression) { key.removeSubrange(r) }
        for (number, alias) in titleAliases where TextTools.matchKey(alias) == key {
            return (number, TextTools.compact(t))
        }
        return nil
    }

    /// `公开 01 表`, `公开01表`: the number.
    static func numberMarker(_ line: String) -> Int? {
        let key = TextTools.squeeze(line)
        guard let r = key.range(of: #"公开(\d{1,2})表"#, options: .regularExpression) else { return nil }
        let digits = key[r].filter { $0.isNumber }
        return Int(digits).flatMap { (1...10).contains($0) ? $0 : nil }
    }

    static func start(_ lines: [String], at i: Int) -> (number: Int, title: String)? {
        var found: (Int, String)?
        if let (number, title) = title(lines[i]) {
            found = (number, title)
        } else if !lines[i].contains("\t"), let number = numberMarker(lines[i]), TextTools.width(TextTools.trim(lines[i])) <= 16,
                  let spec = StandardTableSpec.spec(number: number) {
            // A number with no title line above it (the title line would have been seen first).
            found = (number, spec.title)
        }
        guard let (number, title) = found else { return nil }
        // Confirm: a tab-separated line within the next lines, before any prose or other title.
        var j = i + 1
        var seen = 0
        while j < lines.count, seen < 14 {
            let t = TextTools.trim(lines[j])
            defer { j += 1 }
            if t.isEmpty { continue }
            seen += 1
            if lines[j].contains("\t") || TextTools.cells(t).count >= 3 || TableParser.looksLikeSpacedRow(t) {
                // A `部门：…⇥2023年度⇥公开05表` meta line also holds tabs; rows follow it. Without tabs,
                // cells are separated by two or more blanks.
                return (number, title)
            }
            if TableDetector.title(lines[j]) != nil || PerformanceParser.isTitle(lines[j]) { return nil }
            if TextTools.width(TextTools.squeeze(t)) > 70 { return nil }
        }
        return nil
    }
}

/// Parses one standard table from its title line to its end.
struct TableParser {
    let lines: [String]
    let start: Int
    let number: Int
    let title: String
    let spec: StandardTableSpec

    init(lines: [String], start: Int, number: Int, title: String) {
        self.lines = lines
        self.start = start
        self.number = number
        self.title = title
        self.spec = StandardTableSpec.spec(number: number)!
    }

    /// A line of the table region: its index and cells.
    struct Item {
        var index: Int
        var text: String
        var cells: [String]
        var isMeta: Bool
        var isFootnote: Bool
        /// A piece of a wrapped label, on a line of its own; joined to a neighbouring row.
        var isFragment = false
        /// A row whose label took a wrapped piece: its cells, not its line, are what was published.
        var tookFragment = false
    }

    /// The next non-blank line is a row (tab- or blank-separated, with figures).
    func nextIsRow(after j: Int) -> Bool {
        var k = j + 1
        while k < lines.count, TextTools.trim(lines[k]).isEmpty { k += 1 }
        guard k < lines.count else { return false }
        let t = TextTools.trim(lines[k])
        return lines[k].contains("\t") && TextTools.cells(lines[k]).contains { TextTools.isNumber($0) } || TableParser.looksLikeSpacedRow(t)
    }

    /// Joins each wrapped-label fragment to the row it belongs to: the row after it when the joined
    /// label is a standard row (or no row precedes), else the row before it.
    /// Whether a row's label (its last text cell) and `piece` after it make a name: a standard
    /// row of the table, or the catalogue's name of the row's code.
    func completesName(_ item: Item, with piece: String) -> Bool { completingCell(item, with: piece) != nil }

    /// The cell whose label `piece` completes (see `completesName`).
    func completingCell(_ item: Item, with piece: String) -> Int? {
        // A two-sided table (公开01, 04): the piece may end either side's label.
        let labels = item.cells.indices.filter { !item.cells[$0].isEmpty && !TableParser.isCode(item.cells[$0]) && !TextTools.isFigure(item.cells[$0]) }
        if let c = labels.first(where: { c in spec.sides.contains { $0.labelRow(forKey: LabelKey.make(TextTools.compact(item.cells[c]) + piece)) != nil } }) { return c }
        // A 类 by its name after an ordinal (`二十二、灾害防治及应急管理支` / `出`).
        if let c = labels.first(where: { c in
            let name = String(Ordinal.strip((TextTools.compact(item.cells[c]) + piece)[...]))
            return !name.isEmpty && Catalogue.embedded.categoryCode(forName: name) != nil
                && Catalogue.embedded.categoryCode(forName: String(Ordinal.strip(TextTools.compact(item.cells[c])[...]))) == nil
        }) { return c }
        guard let last = labels.last, let code = item.cells.first(where: { TableParser.isCode($0) }),
              let entry = Catalogue.embedded.entry(code: code, kind: code.hasPrefix("3") ? .economic : .functional),
              LabelKey.make(entry.name) == LabelKey.make(TextTools.compact(item.cells[last]) + piece) else { return nil }
        return last
    }

    func joinFragments(_ items: [Item]) -> [Item] {
        var result = items
        func labelIndex(_ item: Item) -> Int? {
            item.cells.firstIndex { !$0.isEmpty && !TableParser.isCode($0) && !TextTools.isFigure($0) }
        }
        func isStandard(_ label: String) -> Bool {
            spec.sides.contains { $0.labelRow(forKey: LabelKey.make(label)) != nil }
        }
        var k = 0
        while k < result.count {
            guard result[k].isFragment else { k += 1; continue }
            let fragment = TextTools.cells(result[k].text).map { TextTools.compact($0) }.joined(separator: " ")
            let before = k > 0 && !result[k - 1].isMeta && !result[k - 1].isFootnote && !result[k - 1].isFragment ? labelIndex(result[k - 1]).map { (k - 1, $0) } : nil
            let after = k + 1 < result.count && !result[k + 1].isMeta && !result[k + 1].isFootnote && !result[k + 1].isFragment ? labelIndex(result[k + 1]).map { (k + 1, $0) } : nil
            var target: (Int, Int, Bool)?   // item, cell, prepend
            let startsWithCode = fragment.split(separator: " ").first.map { TableParser.isCode(String($0)) } ?? false
            if let (i, c) = after, startsWithCode { target = (i, c, true) }
            else if let (i, _) = before, let c = completingCell(result[i], with: fragment) { target = (i, c, false) }
            else if let (i, c) = after, isStandard(fragment + TextTools.compact(result[i].cells[c])) { target = (i, c, true) }
            else if let (i, c) = before, let a = after, result[a.0].cells.first.map({ TableParser.isCode($0) }) == true { target = (i, c, false) }
            else if let (i, c) = after { target = (i, c, true) }
            else if let (i, c) = before { target = (i, c, false) }
            guard let (i, c, prepend) = target else { result[k].isFragment = false; result[k].isMeta = true; k += 1; continue }
            let label = result[i].cells[c]
            result[i].cells[c] = prepend ? fragment + label : label + fragment
            result[i].text += "  // " + fragment
            result[i].tookFragment = true
            result.remove(at: k)
        }
        return result
    }

    static func isMeta(_ t: String) -> Bool {
        let c = TextTools.squeeze(t)
        if TableDetector.numberMarker(c) != nil && c.count <= 12 { return true }
        for prefix in ["单位：", "单位:", "部门：", "部门:", "金额单位", "编制单位", "填报单位"] where c.hasPrefix(prefix) { return true }
        if c.range(of: #"^[（(]?20\d\d年度?[）)]?$"#, options: .regularExpression) != nil { return true }
        return false
    }

    /// A line without tabs that still is a row: `合计 363.59 363.59`.
    static func looksLikeSpacedRow(_ t: String) -> Bool {
        let cells = TextTools.cells(t)
        if cells.count >= 2, cells.dropFirst().allSatisfy({ TextTools.isFigure($0) }), cells.dropFirst().contains(where: { TextTools.isNumber($0) }) { return true }
        let words = t.split(whereSeparator: { TextTools.isBlank($0) }).map(String.init)
        guard words.count >= 2, let last = words.last, TextTools.isNumber(last) else { return false }
        let numbers = words.reversed().prefix { TextTools.isFigure($0) }.count
        return numbers < words.count && TextTools.width(t) <= 120
    }

    /// `四、上级补助收入        -`: a label and cells that are all empty marks (no number), as PDF
    /// text prints a row whose figures are all empty.
    static func looksLikeMarkedRow(_ t: String) -> Bool {
        let cells = TextTools.cells(t)
        guard cells.count >= 2, let first = cells.first, !TextTools.isFigure(first), !isHeaderText(first) else { return false }
        return cells.dropFirst().allSatisfy { !$0.isEmpty && TextTools.isFigure($0) }
    }

    /// Splits a spaced row into [code?, label, figures…].
    static func spacedCells(_ t: String) -> [String] {
        let cells = TextTools.cells(t)
        if cells.count >= 2, cells.dropFirst().allSatisfy({ TextTools.isFigure($0) }) { return cells }
        // Cells separated by runs of blanks, both sides of a two-sided table on one line.
        if cells.count >= 3 { return cells }
        let words = t.split(whereSeparator: { TextTools.isBlank($0) }).map(String.init)
        let numbers = words.reversed().prefix { TextTools.isFigure($0) }.count
        var head = Array(words[..<(words.count - numbers)])
        var result: [String] = []
        if let first = head.first, isCode(first) { result.append(first); head.removeFirst() }
        result.append(head.joined(separator: " "))
        return result + words[(words.count - numbers)...]
    }

    static func isCode(_ s: String) -> Bool {
        [3, 5, 7].contains(s.count) && s.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Collects the lines of the table; returns them and the index after the table.
    func collect() -> ([Item], Int) {
        var items: [Item] = []
        var j = start + 1
        var inFootnote = false
        var seenRows = false
        // Where the last page footer or header stood: the table's head may be printed again after it.
        var pageBreak: Int?
        while j < lines.count {
            let line = lines[j]
            let t = TextTools.trim(line)
            if t.isEmpty { j += 1; continue }
            // `— 7 —` between two rows of a table printed over two pages: no label's piece.
            if LayoutNormaliser.isPageMarker(t) {
                items.append(Item(index: j, text: t, cells: [t], isMeta: true, isFootnote: false))
                pageBreak = j
                j += 1
                continue
            }
            // The head printed again on the next page (`项  目`, `类  款  项`, `支出功能分类科目编码 …`).
            // Until the first row after the break: lines with no figure that hold a heading's words.
            if seenRows, !inFootnote, pageBreak != nil, !line.contains("\t") {
                let cells = TextTools.cells(t)
                if !cells.contains(where: { TextTools.isNumber($0) && !TableParser.isCode($0) }),
                   TableParser.headRepeatWords.contains(TextTools.squeeze(t))
                    || cells.contains(where: { TableParser.isHeaderText($0) || TableParser.headRepeatWords.contains(TextTools.squeeze($0)) }) {
                    items.append(Item(index: j, text: t, cells: [t], isMeta: true, isFootnote: false))
                    j += 1
                    continue
                }
                pageBreak = nil
            }
            if TableDetector.title(line) != nil { break }
            if let marker = TableDetector.numberMarker(line), marker != number || seenRows, TextTools.width(t) <= 16 { break }
            if PerformanceParser.isTitle(line) { break }
            if !line.contains("\t") {
                // `十、节能环保支出      -` among a table's rows (a label and empty marks only) is a row:
                // a heading has no figure cell.
                let isMarkedRow = !inFootnote && TableParser.looksLikeMarkedRow(t) && (seenRows || nextIsRow(after: j))
                // `二、相关统计数  10  ---` is a row of blank-separated cells, not a heading.
                if Scanner.isHeading(t, line), TextTools.cells(t).count < 3, !TableParser.looksLikeSpacedRow(t), !isMarkedRow { break }
                if t.hasPrefix("注：") || t.hasPrefix("注:") {
                    inFootnote = true
                    items.append(Item(index: j, text: t, cells: [t], isMeta: false, isFootnote: true))
                    j += 1
                    continue
                }
                if inFootnote, TextTools.startsWithMarker(t), TextTools.width(t) <= 400 {
                    items.append(Item(index: j, text: t, cells: [t], isMeta: false, isFootnote: true))
                    j += 1
                    continue
                }
                if ["合计", "总计"].contains(TextTools.squeeze(t)) {
                    // A total with every cell empty (an empty table printed as PDF text).
                    items.append(Item(index: j, text: t, cells: [TextTools.squeeze(t), ""], isMeta: false, isFootnote: false))
                    j += 1
                    continue
                }
                if TableParser.isMeta(t) {
                    items.append(Item(index: j, text: t, cells: [t], isMeta: true, isFootnote: false))
                    j += 1
                    continue
                }
                if !inFootnote, TableParser.looksLikeSpacedRow(t) || TextTools.cells(t).count >= 3 || isMarkedRow {
                    let cells = TableParser.spacedCells(t)
                    items.append(Item(index: j, text: t, cells: cells, isMeta: false, isFootnote: false))
                    // A heading line of blank-separated words is not yet a row.
                    let numbers = cells.filter { TextTools.isNumber($0) }
                    if !numbers.isEmpty && !TableParser.isSequence(numbers) { seenRows = true }
                    j += 1
                    continue
                }
                // A head repeated where the table goes on over a page (`收入      支出`): every cell a
                // column heading. Kept with the table, which it does not end.
                let headCells = TextTools.cells(t)
                if !inFootnote, seenRows, headCells.count >= 2, headCells.allSatisfy({ TableParser.isHeaderText($0) }) {
                    items.append(Item(index: j, text: t, cells: headCells, isMeta: false, isFootnote: false))
                    j += 1
                    continue
                }
                // `机关事业单位基本养老保险缴费` / `支出` (a label wrapped in its cell): the last piece of
                // the row above's name, not the side's heading nor the table's end.
                if !inFootnote, seenRows, ["收入", "支出"].contains(TextTools.squeeze(t)),
                   let above = items.last(where: { !$0.isMeta && !$0.isFootnote && !$0.isFragment }), completesName(above, with: TextTools.squeeze(t)) {
                    items.append(Item(index: j, text: t, cells: [TextTools.squeeze(t)], isMeta: false, isFootnote: false, isFragment: true))
                    j += 1
                    continue
                }
                // A label wrapped onto a line of its own (`一般公共预算财政拨款` / `收入`): joined below.
                let fragmentCells = TextTools.cells(t)
                // 公开06: code and name pairs whose amounts are empty.
                if number == 6, !inFootnote, fragmentCells.count >= 2, fragmentCells.count % 2 == 0,
                   stride(from: 0, to: fragmentCells.count, by: 2).allSatisfy({ TableParser.isCode(fragmentCells[$0]) && !TextTools.isFigure(fragmentCells[$0 + 1]) }) {
                    items.append(Item(index: j, text: t, cells: fragmentCells, isMeta: false, isFootnote: false))
                    j += 1
                    continue
                }
                if !inFootnote, fragmentCells.count == 1 || fragmentCells.count == 2 && TableParser.isCode(fragmentCells[0]), TextTools.width(t) <= 40,
                   !fragmentCells.contains(where: { TextTools.isNumber($0) && !TableParser.isCode($0) }), !TextTools.isFigure(t), !TableParser.isHeaderText(t),
                   seenRows || nextIsRow(after: j) {
                    items.append(Item(index: j, text: t, cells: [t], isMeta: false, isFootnote: false, isFragment: true))
                    j += 1
                    continue
                }
                // A short header fragment before the rows (`收入  支出`) stays with the table.
                if !seenRows, TextTools.width(TextTools.squeeze(t)) <= 30, !inFootnote {
                    // Two or more blank-separated headings (`预算数      决算数`) are a heading row.
                    let cells = TextTools.cells(t)
                    items.append(Item(index: j, text: t, cells: cells, isMeta: cells.count < 2, isFootnote: false))
                    j += 1
                    continue
                }
                break
            }
            if inFootnote, seenRows {
                // Rows after the footnote: a new structure (e.g. a unit list); leave them to the caller.
                break
            }
            items.append(Item(index: j, text: line, cells: TextTools.cells(line), isMeta: false, isFootnote: false))
            seenRows = true
            j += 1
        }
        return (joinFragments(items), j)
    }

    mutating func parse() -> (TableOutput, Int) {
        let (items, end) = collect()
        var output = TableOutput(id: spec.id, title: title)
        switch number {
        case 1, 4: parseTwoSided(items, &output)
        case 6: parseEconomic(items, &output)
        case 9, 10: parseLabelTable(items, &output)
        default: parseCodeTable(items, &output)
        }
        return (output, end)
    }

    static func comment(_ item: Item) -> String {
        "// " + TextTools.trim(item.text)
    }

    // MARK: Code tables (公开02, 03, 05, 07, 08)

    static let headerWords: Set<String> = ["栏次", "行次", "类", "款", "项", "项目", "科目名称", "科目编码", "功能分类科目编码", "支出功能分类科目编码",
                                            "支出功能分类科目", "编码", "金额", "合计", "决算数", "预算数", "收入", "支出", "项目（按功能分类）",
                                            "项目(按功能分类)", "经济分类科目编码", "人员经费", "公用经费", "支出功能分类"]

    /// Words of a table's head that `isHeaderText` does not know, seen repeated on a new page.
    static let headRepeatWords: Set<String> = ["类", "款", "项", "类款项", "项目", "金额", "单位：万元", "单位:万元", "金额单位：万元"]

    static func isHeaderText(_ s: String) -> Bool {
        let c = TextTools.squeeze(s)
        if c.isEmpty { return true }
        if headerWords.contains(c) && c != "合计" { return true }
        for word in ["科目编码", "科目名称", "栏次", "行次", "功能分类"] where c.contains(word) { return true }
        return false
    }

    /// `1 2 3 … k`: the column-number row.
    static func isSequence(_ cells: [String]) -> Bool {
        let numbers = cells.filter { !$0.isEmpty }
        guard numbers.count >= 1 else { return false }
        for (k, cell) in numbers.enumerated() where cell != String(k + 1) { return false }
        return true
    }

    mutating func parseCodeTable(_ items: [Item], _ output: inout TableOutput) {
        var columns = spec.sides[0].columns.count
        // The column-number row tells how many figure columns were published.
        for item in items where !item.isMeta && !item.isFootnote {
            let trailing = item.cells.reversed().drop { $0.isEmpty }.reversed()
            let numbers = Array(trailing.reversed().prefix { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }.reversed())
            if numbers.count >= 2, TableParser.isSequence(numbers) { columns = numbers.count; break }
        }
        let anchors = columnAnchors(items)
        var seenRow = false
        for item in items {
            if item.isFootnote { output.trailingComments.append(TableParser.comment(item)); continue }
            if item.isMeta {
                if seenRow { output.body.append(TableParser.comment(item)) } else { output.leadingComments.append(TableParser.comment(item)) }
                continue
            }
            if let row = codeRow(positioned(item, anchors: anchors) ?? item.cells, columns: columns) {
                output.body.append(row)
                output.rowCount += 1
                seenRow = true
            } else if seenRow {
                output.body.append(TableParser.comment(item))
            } else {
                output.leadingComments.append(TableParser.comment(item))
            }
        }
    }

    /// The character offsets of the column numbers (`栏次  1  2  3`) of a blank-separated table.
    func columnAnchors(_ items: [Item]) -> [Int]? {
        for item in items where !item.isMeta && !item.isFootnote && !lines[item.index].contains("\t") {
            let numbers = TextTools.positionedCells(lines[item.index]).filter { !$0.text.isEmpty && $0.text.allSatisfy { $0.isASCII && $0.isNumber } }
            if numbers.count >= 2, TableParser.isSequence(numbers.map(\.text)) { return numbers.map(\.start) }
        }
        return nil
    }

    /// The cells of a blank-separated row with fewer figures than columns, each figure put in the
    /// column whose number it stands under (`20899  其他…  12.00        12.00` → 12.00, -, 12.00).
    /// nil when the row is complete, has tabs, or a figure is not under one column of its own.
    func positioned(_ item: Item, anchors: [Int]?) -> [String]? {
        guard let anchors, !item.tookFragment, !lines[item.index].contains("\t") else { return nil }
        let cells = TextTools.positionedCells(lines[item.index])
        guard let lastText = cells.lastIndex(where: { !TextTools.isFigure($0.text) || $0.text.isEmpty }) ?? (cells.first.map { TableParser.isCode($0.text) } == true ? 0 : nil) else { return nil }
        let head = cells[...lastText].map(\.text)
        let figures = Array(cells[(lastText + 1)...])
        guard !figures.isEmpty, figures.count < anchors.count else { return nil }
        let gap = zip(anchors, anchors.dropFirst()).map { $1 - $0 }.min() ?? 8
        var slots = Array(repeating: "", count: anchors.count)
        for figure in figures {
            let distances = anchors.map { a in a >= figure.start && a <= figure.end ? 0 : min(abs(a - figure.start), abs(a - figure.end)) }
            guard let best = distances.indices.min(by: { distances[$0] < distances[$1] }), distances[best] * 2 <= gap + 2, slots[best].isEmpty else { return nil }
            slots[best] = figure.text
        }
        return head + slots
    }

    /// `[code] label figures…` from the cells of a code-table line, or nil for a header line.
    func codeRow(_ rawCells: [String], columns: Int) -> String? {
        var cells = rawCells
        // Lines that lost their trailing empty cells are padded: the label is never among the figures.
        guard cells.count >= 2 else { return nil }
        if cells.count < columns + 1 {
            // Too few cells: keep the figures right of the first text cell.
            guard let labelIndex = cells.lastIndex(where: { !$0.isEmpty && !TextTools.isFigure($0) }) else { return nil }
            let figures = Array(cells[(labelIndex + 1)...])
            cells = Array(cells[...labelIndex]) + figures + Array(repeating: "", count: max(0, columns - figures.count))
        }
        // A heading row: several text cells and no figure.
        if cells.filter({ !$0.isEmpty && !TextTools.isFigure($0) && !TableParser.isCode($0) }).count >= 2, !cells.contains(where: { TextTools.isNumber($0) }) { return nil }
        let figures = Array(cells.suffix(columns))
        let head = Array(cells.dropLast(columns))
        guard figures.allSatisfy({ TextTools.isFigure($0) }), !TableParser.isSequence(figures) || head.contains(where: { !$0.isEmpty && !TableParser.isHeaderText($0) }) else { return nil }
        var code: String?
        var labelParts: [String] = []
        for cell in head where !cell.isEmpty {
            // 类 / 款 / 项 printed in columns of their own (`205 | 02 | 04 | 高中教育`): the 款 and 项
            // digits are the rest of the code.
            if let written = code, labelParts.isEmpty, written.count < 7 {
                var rest = Substring(cell)
                var joined = written
                while joined.count < 7, rest.count >= 2, rest.prefix(2).allSatisfy({ $0.isASCII && $0.isNumber }),
                      rest.count == 2 || rest.dropFirst(2).first.map(TextTools.isBlank) == true {
                    joined += rest.prefix(2)
                    rest = rest.dropFirst(2).drop(while: TextTools.isBlank)
                }
                if joined != written {
                    code = joined
                    if !rest.isEmpty { labelParts.append(String(rest)) }
                    continue
                }
            }
            if code == nil, labelParts.isEmpty {
                if TableParser.isCode(cell) { code = cell; continue }
                let parts = cell.split(maxSplits: 1, whereSeparator: { TextTools.isBlank($0) })
                if parts.count == 2, TableParser.isCode(String(parts[0])) {
                    code = String(parts[0])
                    labelParts.append(String(parts[1]))
                    continue
                }
            }
            labelParts.append(cell)
        }
        let label = TextTools.compact(labelParts.joined(separator: " "))
        if code == nil && label.isEmpty { return nil }
        if code == nil && TableParser.isHeaderText(label) { return nil }
        if TableParser.isSequence(figures) && code == nil && label != "合计" { return nil }
        return TableParser.rowText(code: code, label: label, figures: figures)
    }

    static func rowText(code: String?, label: String, figures: [String]) -> String {
        var parts: [String] = []
        if let code { parts.append(code) }
        if !label.isEmpty { parts.append(label) }
        parts += figures.map { TextTools.figure($0) }
        return parts.joined(separator: " ")
    }

    // MARK: Two-sided tables (公开01, 04)

    mutating func parseTwoSided(_ items: [Item], _ output: inout TableOutput) {
        // Where the expenditure side starts, and whether 行次 columns are printed.
        var expenditureStart: Int?
        var hasRowNumbers = false
        for item in items where !item.isMeta && !item.isFootnote {
            let squeezed = item.cells.map { TextTools.squeeze($0) }
            let rowNumberColumns = squeezed.indices.filter { squeezed[$0] == "行次" }
            if rowNumberColumns.count >= 2 {
                hasRowNumbers = true
                expenditureStart = rowNumberColumns[1] - 1
                break
            }
            let projectColumns = squeezed.indices.filter { squeezed[$0].hasPrefix("项目") }
            if projectColumns.count >= 2 { expenditureStart = projectColumns[1]; break }
        }
        if expenditureStart == nil, let sequential = sequentialSides(items, &output) {
            output.body = sequential.body
            output.rowCount = sequential.rows
            return
        }
        if expenditureStart == nil {
            // No header: guess from the first data line (label, 行次?, 金额, label, …).
            if let first = items.first(where: { !$0.isMeta && !$0.isFootnote && $0.cells.count >= 4 }) {
                hasRowNumbers = first.cells.count >= 6 && first.cells[1].allSatisfy { $0.isNumber }
                expenditureStart = hasRowNumbers ? 3 : 2
            }
        }
        let split = expenditureStart ?? 3
        let figureOffset = hasRowNumbers ? 2 : 1
        // Where the 支出 side starts in a blank-separated heading (`项目  行次  金额  项目（按功能分类）…`).
        var expenditureColumn: Int?
        for item in items where !item.isMeta && !item.isFootnote && !lines[item.index].contains("\t") {
            let projects = TextTools.positionedCells(lines[item.index]).filter { TextTools.squeeze($0.text).hasPrefix("项目") }
            if projects.count >= 2 { expenditureColumn = projects[1].start; break }
        }
        let expenditureColumns = spec.sides[1].columns.count
        let loneLabelSplit = loneLabelThreshold(items, headingColumn: expenditureColumn)
        var income: [String] = []
        var expenditure: [String] = []
        var stray: [String] = []
        for item in items {
            if item.isFootnote { output.trailingComments.append(TableParser.comment(item)); continue }
            if item.isMeta { output.leadingComments.append(TableParser.comment(item)); continue }
            var cells = item.cells
            // `30⇥⇥⇥61⇥`: the 行次 of a line with nothing else (its leading tab lost in a copy).
            if hasRowNumbers, cells.contains(where: { !$0.isEmpty }),
               cells.allSatisfy({ $0.isEmpty || ($0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber }) }) {
                if income.isEmpty && expenditure.isEmpty { output.leadingComments.append(TableParser.comment(item)) } else { stray.append(TableParser.comment(item)) }
                continue
            }
            // `4⇥⇥二十二、灾害防治及应急管理支出⇥54⇥…`: a browser copies no tab for the empty cells that
            // start a row, so a tabbed line whose first cell is the 收入 side's 行次 lost its empty label.
            if hasRowNumbers, item.text.contains("\t"), cells.count == split + spec.sides[1].columns.count + 1,
               cells[0].count <= 3, cells[0].allSatisfy({ $0.isASCII && $0.isNumber }), cells.count > 2, TextTools.isFigure(cells[1]),
               !TextTools.isFigure(cells[2]) {
                cells.insert("", at: 0)
            }
            var left = Array(cells.prefix(split))
            var right = cells.count > split ? Array(cells[split...]) : []
            // Blank-separated with a heading that places the 支出 side: cells by where they stand, when
            // that gives each side at most one name, first (a later page may be set a little apart).
            let onlyLabel: Int? = {
                let labels = cells.indices.filter { !cells[$0].isEmpty && !TextTools.isFigure(cells[$0]) }
                return labels.count == 1 ? labels[0] : nil
            }()
            // One label, first on its line, of the 支出 side: the 收入 side is empty on this line,
            // and every figure is the 支出 side's.
            let expenditureOnly = !item.text.contains("\t") && onlyLabel == 0
                && isExpenditureLabel(cells[0], line: lines[item.index], threshold: loneLabelSplit)
            let byPlace: ([String], [String])? = {
                guard !expenditureOnly, !item.text.contains("\t"), !item.tookFragment, let at = expenditureColumn, !lines[item.index].contains("\t") else { return nil }
                let positioned = TextTools.positionedCells(lines[item.index])
                let l = positioned.filter { $0.start < at - 2 }.map(\.text)
                let r = positioned.filter { $0.start >= at - 2 }.map(\.text)
                func wellFormed(_ side: [String]) -> Bool { side.dropFirst().allSatisfy { TextTools.isFigure($0) } }
                return wellFormed(l) && wellFormed(r) ? (l, r) : nil
            }()
            if expenditureOnly {
                left = []
                right = cells
            } else if let (l, r) = byPlace {
                left = l
                right = r
                if let first = right.first, TextTools.isFigure(first) { right.insert("", at: 0) }
                if let first = left.first, TextTools.isFigure(first) { left.insert("", at: 0) }
            } else if !item.text.contains("\t") {
                // Blank-separated (PDF text): an empty cell leaves no trace, so the sides are found from
                // the labels: the 支出 side starts at the second label, or at the only label when
                // figures (the 收入 side's 行次) come before it.
                let labels = cells.indices.filter { !cells[$0].isEmpty && !TextTools.isFigure(cells[$0]) }
                if labels.count >= 2 {
                    left = Array(cells[..<labels[1]]); right = Array(cells[labels[1]...])
                } else if let only = labels.first, only > 0 {
                    left = [""] + Array(cells[..<only]); right = Array(cells[only...])
                } else if labels.first == 0 {
                    // Only the 收入 side is labelled: what follows its figures has no 支出 name.
                    let width = figureOffset + 1
                    left = Array(cells.prefix(width))
                    right = cells.count > width ? [""] + Array(cells[width...]) : []
                } else if labels.isEmpty {
                    // `30  61  0.00`: the row numbers of both sides and one figure.
                    let numbers = cells.filter { $0.allSatisfy { $0.isASCII && $0.isNumber } && $0.count <= 2 }
                    if hasRowNumbers, numbers.count >= 2, cells.count >= 2 {
                        left = ["", cells[0]]; right = [""] + Array(cells[1...])
                    }
                }
            }
            let incomeRow = sideRow(left, figureOffset: figureOffset, columns: 1)
            let expenditureRow = sideRow(right, figureOffset: figureOffset, columns: expenditureColumns)
            switch (incomeRow, expenditureRow) {
            case (.header, .header), (.header, .nothing), (.nothing, .header):
                if income.isEmpty && expenditure.isEmpty { output.leadingComments.append(TableParser.comment(item)) } else { stray.append(TableParser.comment(item)) }
                continue
            default: break
            }
            for (row, side) in [(incomeRow, "收入"), (expenditureRow, "支出")] {
                switch row {
                case .row(let text):
                    if side == "收入" { income.append(text) } else { expenditure.append(text) }
                case .unlabelled(let figures):
                    stray.append("// \(side)方无行名的一行：\(figures.joined(separator: " "))（原文：\(TextTools.trim(item.text).replacingOccurrences(of: "\t", with: " | "))）")
                case .header:
                    stray.append(TableParser.comment(item))
                case .nothing:
                    break
                }
            }
        }
        output.body = ["收入"] + income + ["支出"] + expenditure + stray
        output.rowCount = income.count + expenditure.count
    }

    /// The character column from which a line's only label is the 支出 side's, in blank-separated
    /// text: halfway between the left margin of the rows and where the 支出 labels of the lines that
    /// print both sides start (or the heading's second `项目`). PDF text sets wide characters
    /// unevenly, so a column is only a rough place; nil when the text gives none.
    func loneLabelThreshold(_ items: [Item], headingColumn: Int?) -> Int? {
        var margin: Int?
        var second: Int?
        for item in items where !item.isMeta && !item.isFootnote && !item.tookFragment && !lines[item.index].contains("\t") {
            let cells = TextTools.positionedCells(lines[item.index])
            let labels = cells.filter { !TextTools.isFigure($0.text) && !TableParser.isHeaderText($0.text) }
            guard let first = labels.first, first.start == cells[0].start else { continue }
            margin = min(margin ?? first.start, first.start)
            if labels.count >= 2 { second = min(second ?? labels[1].start, labels[1].start) }
        }
        guard let margin, let right = second ?? headingColumn, right > margin + 4 else { return nil }
        return margin + (right - margin) / 2
    }

    /// Whether the only label of a blank-separated two-sided line is a 支出 row: a row only the 支出
    /// side has (or only the 收入 side has: no), else by where it stands.
    func isExpenditureLabel(_ label: String, line: String, threshold: Int?) -> Bool {
        if let known = knownSide(label) { return known }
        guard let threshold, let start = TextTools.positionedCells(line).first?.start else { return false }
        return start >= threshold
    }

    /// true for a row only the 支出 side's standard list has, false for one only the 收入 side's has.
    func knownSide(_ label: String) -> Bool? {
        let key = LabelKey.make(TextTools.compact(label))
        func holds(_ side: SideSpec) -> Bool {
            side.labelRow(forKey: key) != nil || side.acceptsCategoryRows && Catalogue.embedded.categoryCode(forName: key) != nil
        }
        let income = holds(spec.sides[0])
        let expenditure = holds(spec.sides[1])
        return income == expenditure ? nil : expenditure
    }

    /// All 收入 rows, then all 支出 rows (each side under its own heading line, or after a lone
    /// `支出` line): nil when the table is not laid out that way.
    func sequentialSides(_ items: [Item], _ output: inout TableOutput) -> (body: [String], rows: Int)? {
        func isHeading(_ item: Item) -> Bool {
            let squeezed = item.cells.map { TextTools.squeeze($0) }
            return squeezed.contains { $0.hasPrefix("项目") } && !item.cells.contains { TextTools.isNumber($0) }
        }
        let data = items.filter { !$0.isMeta && !$0.isFootnote }
        guard let firstRow = data.firstIndex(where: { !isHeading($0) && $0.cells.contains { TextTools.isNumber($0) } }),
              data.count > firstRow + 1,
              let switchIndex = data[(firstRow + 1)...].firstIndex(where: { isHeading($0) || $0.cells.count == 1 && TextTools.squeeze($0.cells[0]) == "支出" })
        else { return nil }
        let hasRowNumbers = data.filter(isHeading).contains { $0.cells.contains { TextTools.squeeze($0) == "行次" } }
        var income: [String] = []
        var expenditure: [String] = []
        var stray: [String] = []
        var seenRow = false
        var switchComments: [String] = []
        for item in items {
            if item.isFootnote { output.trailingComments.append(TableParser.comment(item)); continue }
            let position = data.firstIndex { $0.index == item.index }
            if position == switchIndex { switchComments.append(TableParser.comment(item)); continue }
            if item.isMeta || isHeading(item) {
                if seenRow { stray.append(TableParser.comment(item)) } else { output.leadingComments.append(TableParser.comment(item)) }
                continue
            }
            let isExpenditure = (position ?? 0) > switchIndex
            let filled = item.cells
            guard let label = filled.first, !label.isEmpty, !TextTools.isFigure(label) else { stray.append(TableParser.comment(item)); continue }
            var figures = Array(filled.dropFirst())
            if hasRowNumbers, let first = figures.first, first.allSatisfy({ $0.isASCII && $0.isNumber }), first.count <= 2 { figures.removeFirst() }
            let columns = spec.sides[isExpenditure ? 1 : 0].columns.count
            figures = Array(figures.prefix(columns))
            while figures.count < columns { figures.append("") }
            guard figures.allSatisfy({ TextTools.isFigure($0) }) else { stray.append(TableParser.comment(item)); continue }
            let row = TableParser.rowText(code: nil, label: TextTools.compact(label), figures: figures)
            if isExpenditure { expenditure.append(row) } else { income.append(row) }
            seenRow = true
        }
        return (["收入"] + income + ["支出"] + switchComments + expenditure + stray, income.count + expenditure.count)
    }

    enum SideRow { case row(String), unlabelled([String]), header, nothing }

    func sideRow(_ cells: [String], figureOffset: Int, columns: Int) -> SideRow {
        guard let label = cells.first else { return .nothing }
        var figures = cells.count > figureOffset ? Array(cells[figureOffset...]) : []
        figures = Array(figures.prefix(columns))
        while figures.count < columns { figures.append("") }
        let rowNumber = figureOffset == 2 && cells.count > 1 ? cells[1] : ""
        if label.isEmpty {
            if figures.allSatisfy({ $0.isEmpty }) { return .nothing }
            if figures.allSatisfy({ TextTools.isFigure($0) }) { return .unlabelled(figures.map { TextTools.figure($0) }) }
            return .header
        }
        guard figures.allSatisfy({ TextTools.isFigure($0) }), rowNumber.isEmpty || rowNumber.allSatisfy({ $0.isNumber }) else { return .header }
        if TableParser.isHeaderText(label) { return .header }
        if TableParser.isSequence(figures) && figures.contains(where: { !$0.isEmpty }) && TextTools.squeeze(label) == "栏次" { return .header }
        return .row(TableParser.rowText(code: nil, label: TextTools.compact(label), figures: figures))
    }

    // MARK: 公开06: three code/name/amount groups a line, unfolded into one list

    /// The cells of a line that are only totals beside their amounts (`X合计`, amount, …), as parts.
    static func totalPairs(_ cells: [String]) -> [(code: String?, label: String, amount: String)]? {
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count >= 2, filled.count % 2 == 0,
              stride(from: 0, to: filled.count, by: 2).allSatisfy({ TextTools.squeeze(filled[$0]).hasSuffix("合计") && !TextTools.isFigure(filled[$0]) && TextTools.isNumber(filled[$0 + 1]) })
        else { return nil }
        return stride(from: 0, to: filled.count, by: 2).map { (nil, TextTools.compact(filled[$0]), filled[$0 + 1]) }
    }

    mutating func parseEconomic(_ items: [Item], _ output: inout TableOutput) {
        var groupStarts: [Int] = [0, 3, 6]
        for item in items where !item.isMeta && !item.isFootnote {
            let starts = item.cells.indices.filter { TextTools.squeeze(item.cells[$0]).contains("编码") }
            if starts.count >= 2 { groupStarts = starts; break }
        }
        // Where each group starts in a blank-separated heading (`经济分类科目编码  科目名称  金额 …`).
        var groupPositions: [Int]?
        for item in items where !item.isMeta && !item.isFootnote && !lines[item.index].contains("\t") {
            let codes = TextTools.positionedCells(lines[item.index]).filter { TextTools.squeeze($0.text).contains("编码") }
            if codes.count == groupStarts.count { groupPositions = codes.map(\.start); break }
        }
        var groups: [[String]] = Array(repeating: [], count: groupStarts.count)
        var stray: [String] = []
        var seenRow = false
        for item in items {
            if item.isFootnote { output.trailingComments.append(TableParser.comment(item)); continue }
            if item.isMeta { output.leadingComments.append(TableParser.comment(item)); continue }
            var parts: [(code: String?, label: String, amount: String)] = []
            if !item.text.contains("\t"), let triples = TableParser.economicTriples(item.cells, groups: groupStarts.count,
                                                                                        starts: TextTools.positionedCells(lines[item.index]).map(\.start),
                                                                                        groupPositions: groupPositions) {
                // Blank-separated (PDF text): empty groups leave no trace, so each code/name/amount is
                // put in its group by its class (301, 303 人员经费; the others 公用经费).
                parts = triples
            } else if let totals = Self.totalPairs(item.cells) {
                // `人员经费合计⇥2,565.29⇥公用经费合计⇥280.74`: the totals' label cells merged across
                // their group's code and name, each total beside its amount.
                parts = totals
            } else {
            for (g, groupStart) in groupStarts.enumerated() {
                let groupEnd = g + 1 < groupStarts.count ? groupStarts[g + 1] : max(item.cells.count, groupStart + 3)
                var cells = groupStart < item.cells.count ? Array(item.cells[groupStart..<min(groupEnd, item.cells.count)]) : []
                while cells.count < groupEnd - groupStart { cells.append("") }
                var code: String?
                var labelCells = Array(cells.dropLast())
                if let first = labelCells.first, TableParser.isCode(first) { code = first; labelCells.removeFirst() }
                let label = TextTools.compact(labelCells.filter { !$0.isEmpty }.joined(separator: " "))
                parts.append((code, label, cells.last ?? ""))
            }
            }
            // `人员经费合计⇥⇥194.15⇥公用经费合计⇥⇥⇥⇥⇥5.42`: a total's amount printed in a later group.
            for g in parts.indices where parts[g].code == nil && !parts[g].label.isEmpty && parts[g].amount.isEmpty {
                var k = g + 1
                while k < parts.count, parts[k].code == nil, parts[k].label.isEmpty {
                    if !parts[k].amount.isEmpty {
                        parts[g].amount = parts[k].amount
                        parts[k].amount = ""
                    }
                    k += 1
                }
            }
            let isData = parts.contains { $0.code != nil || TextTools.isNumber($0.amount) }
                && parts.allSatisfy { TextTools.isFigure($0.amount) }
            guard isData else {
                if seenRow { stray.append(TableParser.comment(item)) } else { output.leadingComments.append(TableParser.comment(item)) }
                continue
            }
            seenRow = true
            for (g, part) in parts.enumerated() {
                if part.code == nil && part.label.isEmpty {
                    if !part.amount.isEmpty { stray.append("// 无科目的金额：\(part.amount)（原文：\(TextTools.trim(item.text).replacingOccurrences(of: "\t", with: " | "))）") }
                    continue
                }
                if part.code == nil && TableParser.isHeaderText(part.label) { continue }
                groups[g].append(TableParser.rowText(code: part.code, label: part.label, figures: [part.amount]))
            }
        }
        output.body = groups.flatMap { $0 } + stray
        output.rowCount = groups.reduce(0) { $0 + $1.count }
    }

    /// The code/name/amount groups of a blank-separated 公开06 line, one slot per printed group:
    /// nil when the cells are not such triples.
    static func economicTriples(_ cells: [String], groups: Int, starts: [Int] = [], groupPositions: [Int]? = nil) -> [(code: String?, label: String, amount: String)]? {
        var triples: [(code: String?, label: String, amount: String)] = []
        var tripleStarts: [Int] = []
        var k = 0
        while k < cells.count {
            var code: String?
            tripleStarts.append(k < starts.count ? starts[k] : -1)
            if isCode(cells[k]) { code = cells[k]; k += 1 }
            guard k < cells.count, !TextTools.isFigure(cells[k]) else { return nil }
            let label = TextTools.compact(cells[k])
            k += 1
            // An empty amount: the next group's code follows the name at once.
            if k + 1 < cells.count, isCode(cells[k]), !TextTools.isFigure(cells[k + 1]) {
                triples.append((code, label, ""))
                continue
            }
            if k == cells.count { triples.append((code, label, "")); break }
            guard TextTools.isFigure(cells[k]) else { return nil }
            triples.append((code, label, cells[k]))
            k += 1
        }
        guard !triples.isEmpty, triples.count <= groups else { return nil }
        if triples.count == groups { return triples }
        var slots: [(code: String?, label: String, amount: String)] = Array(repeating: (nil, "", ""), count: groups)
        if let groupPositions, groupPositions.count == groups, starts.count == cells.count {
            // By place: each entry in the group whose heading it stands nearest to.
            var placed = true
            for (triple, start) in zip(triples, tripleStarts) {
                let nearest = groupPositions.indices.min { abs(groupPositions[$0] - start) < abs(groupPositions[$1] - start) }!
                if !slots[nearest].label.isEmpty || slots[nearest].code != nil { placed = false; break }
                slots[nearest] = triple
            }
            if placed { return slots }
            slots = Array(repeating: (nil, "", ""), count: groups)
        }
        var next = 0
        for triple in triples {
            let personnel = triple.code.map { $0.hasPrefix("301") || $0.hasPrefix("303") } ?? triple.label.hasPrefix("人员经费")
            var slot = personnel ? 0 : max(next, 1)
            while slot < groups, !slots[slot].label.isEmpty || slots[slot].code != nil { slot += 1 }
            guard slot < groups else { return nil }
            slots[slot] = triple
            next = slot + 1
        }
        return slots
    }

    // MARK: Label tables (公开09, 10)

    mutating func parseLabelTable(_ items: [Item], _ output: inout TableOutput) {
        let side = spec.sides[0]
        // The value columns named in the header, in order.
        var names: [String] = []
        var headerIndex: Int?
        for (k, item) in items.enumerated() where !item.isMeta && !item.isFootnote {
            let found = item.cells.map { TextTools.squeeze($0) }.filter { cell in side.columns.contains { $0.matches(LabelKey.make(cell)) } }
            if found.count >= 1 { names = found; headerIndex = k; break }
        }
        // 公开09 printed across: 预算数 (合计, 因公出国…, 小计, 购置费, 运行费, 接待费), 决算数 (the same).
        if number == 9, let headerIndex, let wide = wideLayout(items, headerIndex: headerIndex, names: names, &output) {
            output.body = wide
            return
        }
        let columns = max(1, names.count)
        if number == 9 || names.count != side.columns.count { output.columns = names.isEmpty ? nil : names }
        var seenRow = false
        for item in items {
            if item.isFootnote { output.trailingComments.append(TableParser.comment(item)); continue }
            if item.isMeta { if seenRow { output.body.append(TableParser.comment(item)) } else { output.leadingComments.append(TableParser.comment(item)) }; continue }
            let cells = item.cells
            guard cells.count >= 2 else {
                if seenRow { output.body.append(TableParser.comment(item)) } else { output.leadingComments.append(TableParser.comment(item)) }
                continue
            }
            var figures = Array(cells.suffix(columns))
            let head = Array(cells.dropLast(columns))
            // The label is the first text cell; a 行次 number after it is dropped.
            let label = TextTools.compact(head.filter { !$0.isEmpty && !$0.allSatisfy { $0.isASCII && $0.isNumber } }.joined(separator: " "))
            while figures.count < columns { figures.insert("", at: 0) }
            guard !label.isEmpty, figures.allSatisfy({ TextTools.isFigure($0) }), !TableParser.isHeaderText(label) else {
                if seenRow { output.body.append(TableParser.comment(item)) } else { output.leadingComments.append(TableParser.comment(item)) }
                continue
            }
            seenRow = true
            let (name, unitNote) = standardLabel(label, side: side)
            if side.labelRow(forKey: LabelKey.make(name)) == nil, !name.hasPrefix("其中"), figures.allSatisfy({ !TextTools.isNumber($0) }) {
                // A heading of the printed form (`二、相关统计数`): no figures, no standard row.
                output.body.append("// " + label)
                continue
            }
            var text = TableParser.rowText(code: nil, label: name, figures: figures)
            if let unitNote { text += "  // 原表行名：\(label)（单位 \(unitNote)）" }
            output.body.append(text)
            output.rowCount += 1
        }
    }

    /// A label as the standard row names it: a trailing unit `（个）`, `(台、辆)` is moved to a comment
    /// when the label without it is a standard row (and with it is not).
    func standardLabel(_ label: String, side: SideSpec) -> (String, String?) {
        if side.labelRow(forKey: LabelKey.make(label)) != nil { return (label, nil) }
        guard let r = label.range(of: #"[（(][个人辆台套次批件、，,]+[）)]$"#, options: .regularExpression) else { return (label, nil) }
        let stripped = String(label[..<r.lowerBound])
        let unit = String(label[r].dropFirst().dropLast())
        let detail = stripped.hasPrefix("其中：") || stripped.hasPrefix("其中:")
        if side.labelRow(forKey: LabelKey.make(stripped)) != nil || detail { return (stripped, unit) }
        return (label, nil)
    }

    /// The across layout of 公开09: one line of figures under two groups of column headings.
    func wideLayout(_ items: [Item], headerIndex: Int, names: [String], _ output: inout TableOutput) -> [String]? {
        if !lines[items[headerIndex].index].contains("\t"), let anchors = columnAnchors(items) {
            // Blank-separated (PDF text): every heading and figure goes under the column number
            // nearest to where it starts.
            let placed = items.map { item -> Item in
                guard !item.isMeta, !item.isFootnote else { return item }
                var copy = item
                var slots = Array(repeating: "", count: anchors.count)
                for cell in TextTools.positionedCells(lines[item.index]) {
                    let nearest = anchors.indices.min { abs(anchors[$0] - cell.start) < abs(anchors[$1] - cell.start) }!
                    slots[nearest] = slots[nearest].isEmpty ? cell.text : slots[nearest] + " " + cell.text
                }
                copy.cells = slots
                return copy
            }
            return wideLayout(placed, headerIndex: headerIndex, names: names, tabbed: true, &output)
        }
        return wideLayout(items, headerIndex: headerIndex, names: names, tabbed: true, &output)
    }

    func wideLayout(_ items: [Item], headerIndex: Int, names: [String], tabbed: Bool, _ output: inout TableOutput) -> [String]? {
        let header = items[headerIndex].cells.map { TextTools.squeeze($0) }
        let groupStarts = header.indices.filter { !header[$0].isEmpty }
        guard groupStarts.count == 2, names.count == 2 else { return nil }
        let width = groupStarts[1] - groupStarts[0]
        guard width >= 2 else { return nil }
        let dataItems = items.filter { item in
            !item.isMeta && !item.isFootnote && item.cells.allSatisfy { TextTools.isFigure($0) } && item.cells.contains { TextTools.isNumber($0) }
                && !TableParser.isSequence(item.cells)
        }
        guard dataItems.count == 1, let data = dataItems.first else { return nil }
        // The heading rows between the group row and the data: names, then sub-names (小计, 购置费…).
        let headingRows = items[(headerIndex + 1)...].filter { !$0.isMeta && !$0.isFootnote && $0.index < data.index && !TableParser.isSequence($0.cells) }
        var rowNames: [String] = []
        for p in 0..<width {
            var name = ""
            for row in headingRows {
                let cell = p < row.cells.count ? TextTools.compact(row.cells[p]) : ""
                if !cell.isEmpty && cell != "小计" { name = cell }
            }
            rowNames.append(name)
        }
        guard !rowNames.contains(where: \.isEmpty) else { return nil }
        output.columns = names
        for item in items where item.index != data.index {
            if item.isFootnote { output.trailingComments.append(TableParser.comment(item)) } else { output.leadingComments.append(TableParser.comment(item)) }
        }
        var rows: [String] = []
        let start = groupStarts[0]
        for p in 0..<width {
            let budget = start + p < data.cells.count ? data.cells[start + p] : ""
            let actual = start + width + p < data.cells.count ? data.cells[start + width + p] : ""
            rows.append(TableParser.rowText(code: nil, label: rowNames[p], figures: [budget, actual]))
        }
        output.rowCount = rows.count
        return rows
    }
}
