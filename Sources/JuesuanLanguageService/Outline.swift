import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// One entry of the document outline; children lie inside `range`.
public struct OutlineSymbol: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case header, headerEntry, table, side, codeRow, labelRow, narrative, performance, indicator, glossary, term, check
    }

    public var name: String
    public var detail: String?
    public var kind: Kind
    /// The whole block or line.
    public var range: SourceRange
    /// What names it (the keyword and title, the code and label); inside `range`.
    public var selectionRange: SourceRange
    public var children: [OutlineSymbol]
    /// For a table row, how deep it lies: 0 for 类 codes and rows without a code (合计, the
    /// rows of 公开01), 1 for 款, 2 for 项, 3 for longer codes. What a long outline keeps first.
    public var rowLevel = 0
}

/// A foldable run of lines (0-based, inclusive).
public struct FoldingRegion: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case region, comment, imports }
    public var startLine: Int
    public var endLine: Int
    public var kind: Kind
}

extension LanguageService {
    /// The outline: the header, each table (its rows as children, by code and label; 收入 and
    /// 支出 sides of 公开01/04 as groups), each 说明, each 绩效 (its 指标), the glossary (its
    /// terms) and each 校验, in document order.
    public static func outline(_ snapshot: DocumentSnapshot) -> [OutlineSymbol] {
        snapshot.memo("outline") { computeOutline(snapshot) }
    }

    static func computeOutline(_ snapshot: DocumentSnapshot) -> [OutlineSymbol] {
        let report = snapshot.report
        let syntax = report.syntax
        let source = snapshot.source
        func lines(_ range: ClosedRange<Int>) -> SourceRange {
            SourceRange(start: source.lineStarts[range.lowerBound], end: source.lineContentEnds[range.upperBound])
        }
        func lineRange(_ line: Int) -> SourceRange { source.lineContentRange(line) }
        var symbols: [OutlineSymbol] = []

        if !syntax.header.isEmpty {
            let entries = syntax.header.map { header in
                OutlineSymbol(name: header.key.text, detail: header.value?.text, kind: .headerEntry, range: lineRange(header.line),
                              selectionRange: header.key.range, children: [])
            }
            let first = syntax.header.first!.line, last = syntax.header.last!.line
            let department = report.header.department
            symbols.append(OutlineSymbol(name: "表头", detail: department, kind: .header, range: lines(first...last),
                                         selectionRange: syntax.header.first!.key.range, children: entries))
        }

        for block in syntax.blocks {
            let whole = lines(contentLines(block, syntax))
            let keyword = block.keyword
            switch block {
            case .table(let table):
                let model = report.tables.first { $0.syntax.line == table.line }
                let name = [table.id?.text, table.title?.text].compactMap { $0 }.joined(separator: " ")
                let selection = keyword.range.union(table.title?.range ?? table.id?.range ?? keyword.range)
                var children: [OutlineSymbol] = []
                if let model, model.sections.count > 1 {
                    for section in model.sections {
                        let rows = section.rows.map(rowSymbol)
                        guard let first = rows.first, let last = rows.last else { continue }
                        let switchLine = syntax.lines[table.line...section.rows[0].line].last { $0.kind == .sideSwitch }
                        let start = switchLine.map { source.lineStarts[$0.index] } ?? first.range.start
                        children.append(OutlineSymbol(name: (section.side?.rawValue ?? "") + "方", detail: nil, kind: .side,
                                                      range: SourceRange(start: start, end: last.range.end),
                                                      selectionRange: switchLine?.tokens.first?.range ?? first.selectionRange, children: rows))
                    }
                } else {
                    children = (model?.allRows ?? []).map(rowSymbol)
                }
                let detail = model?.spec.map { $0.title == table.title?.text ? "\(table.rows.count) 行" : "标准标题：\($0.title)" }
                    ?? "\(table.rows.count) 行"
                symbols.append(OutlineSymbol(name: name.isEmpty ? keyword.text : name, detail: detail, kind: .table, range: whole,
                                             selectionRange: selection, children: children))
            case .narrative(let narrative):
                let claims = narrative.proseLines.count
                symbols.append(OutlineSymbol(name: narrative.title?.text ?? "说明", detail: "说明 · \(claims) 段", kind: .narrative,
                                             range: whole, selectionRange: keyword.range.union(narrative.title?.range ?? keyword.range),
                                             children: []))
            case .performance(let performance):
                let children: [OutlineSymbol] = performance.items.compactMap { item in
                    if item.key.text == "指标" {
                        let name = item.indicator?.text ?? "指标"
                        let score = item.field("得分")?.values.first?.text
                        return OutlineSymbol(name: name, detail: score.map { "得分 \($0)" }, kind: .indicator, range: lineRange(item.line),
                                             selectionRange: item.indicator?.range ?? item.key.range, children: [])
                    }
                    guard item.key.text == "总分" || item.key.text == "等级" || item.key.text == "资金" || item.key.text == "执行率" else { return nil }
                    return OutlineSymbol(name: item.key.text, detail: item.values.map(\.text).joined(separator: " "), kind: .indicator,
                                         range: lineRange(item.line), selectionRange: item.key.range, children: [])
                }
                symbols.append(OutlineSymbol(name: performance.name?.text ?? "绩效", detail: "项目支出绩效自评", kind: .performance,
                                             range: whole, selectionRange: keyword.range.union(performance.name?.range ?? keyword.range),
                                             children: children))
            case .glossary(let glossary):
                let terms = glossary.entries.map { entry in
                    OutlineSymbol(name: entry.term.text, detail: nil, kind: .term,
                                  range: entry.definitionRanges.reduce(entry.term.range) { $0.union($1) }.union(lineRange(entry.line)),
                                  selectionRange: entry.term.range, children: [])
                }
                symbols.append(OutlineSymbol(name: "名词解释", detail: "\(glossary.entries.count) 条", kind: .glossary, range: whole,
                                             selectionRange: keyword.range, children: terms))
            case .check(let check):
                let body = SourceRange(start: keyword.range.end, end: source.lineContentEnds[check.line])
                var text = source.string(body)
                if let comment = syntax.lines[check.line].trailingComment {
                    text = source.string(SourceRange(start: keyword.range.end, end: comment.range.start))
                }
                let trimmed = text.trimmingCharacters(in: [" ", "\t", "\u{3000}"])
                symbols.append(OutlineSymbol(name: trimmed.isEmpty ? "校验" : trimmed, detail: "校验", kind: .check, range: whole,
                                             selectionRange: keyword.range, children: []))
            }
        }
        return symbols
    }

    /// A block's lines without the blank lines the last block runs on to at the end of the file.
    static func contentLines(_ block: Block, _ syntax: SyntaxTree) -> ClosedRange<Int> {
        var end = block.lines.upperBound
        while end > block.lines.lowerBound, end < syntax.lines.count, syntax.lines[end].kind == .blank { end -= 1 }
        return block.lines.lowerBound...end
    }

    static func rowSymbol(_ row: Row) -> OutlineSymbol {
        let name = row.displayName.isEmpty ? "第 \(row.line + 1) 行" : row.displayName
        let first = row.cells.first.flatMap { $0 }.map(\.token.text)
        let level = row.code.map { min(3, max(0, ($0.count - 2) / 2)) } ?? 0
        return OutlineSymbol(name: name, detail: first, kind: row.code != nil ? .codeRow : .labelRow, range: row.syntax.range,
                             selectionRange: row.nameRange, children: [], rowLevel: level)
    }

    /// At most this many symbols go to an editor: three times the largest real report seen
    /// (seed 001: 590 symbols), so a real report's outline is whole; a generated one of 20,000
    /// rows would otherwise send megabytes after every keystroke, for a list nobody scrolls.
    public static let outlineLimit = 2_000

    /// `outline` with at most `limit` symbols: when it has more, tables list their rows down to
    /// the deepest code level that fits (款, then 类 and rows without a code, then none), and
    /// say so in their detail. Every block stays.
    public static func limited(_ outline: [OutlineSymbol], to limit: Int = outlineLimit) -> [OutlineSymbol] {
        func count(_ symbols: [OutlineSymbol], deepest: Int) -> Int {
            symbols.reduce(0) { total, symbol in
                let isRow = symbol.kind == .codeRow || symbol.kind == .labelRow
                if isRow && symbol.rowLevel > deepest { return total }
                return total + 1 + count(symbol.children, deepest: deepest)
            }
        }
        func pruned(_ symbols: [OutlineSymbol], deepest: Int, note: String) -> [OutlineSymbol] {
            symbols.compactMap { symbol in
                let isRow = symbol.kind == .codeRow || symbol.kind == .labelRow
                if isRow && symbol.rowLevel > deepest { return nil }
                var symbol = symbol
                let before = count(symbol.children, deepest: .max)
                symbol.children = pruned(symbol.children, deepest: deepest, note: note)
                if symbol.kind == .table && count(symbol.children, deepest: .max) < before {
                    symbol.detail = [symbol.detail, note].compactMap { $0 }.joined(separator: "，")
                }
                return symbol
            }
        }
        guard count(outline, deepest: .max) > limit else { return outline }
        for (deepest, note) in [(1, "大纲只列到款级"), (0, "大纲只列到类级"), (-1, "大纲未列行")] where count(outline, deepest: deepest) <= limit || deepest == -1 {
            return pruned(outline, deepest: deepest, note: note)
        }
        return outline
    }

    /// Folding: each block, the header, and runs of two or more comment lines.
    public static func foldingRanges(_ snapshot: DocumentSnapshot) -> [FoldingRegion] {
        let syntax = snapshot.report.syntax
        var regions: [FoldingRegion] = []
        if let first = syntax.header.first?.line, let last = syntax.header.last?.line, last > first {
            regions.append(FoldingRegion(startLine: first, endLine: last, kind: .region))
        }
        for block in syntax.blocks {
            let lines = contentLines(block, syntax)
            if lines.upperBound > lines.lowerBound {
                regions.append(FoldingRegion(startLine: lines.lowerBound, endLine: lines.upperBound, kind: .region))
            }
        }
        var runStart: Int?
        for index in 0...syntax.lines.count {
            if index < syntax.lines.count && syntax.lines[index].kind == .comment {
                if runStart == nil { runStart = index }
            } else if let start = runStart {
                if index - 1 > start { regions.append(FoldingRegion(startLine: start, endLine: index - 1, kind: .comment)) }
                runStart = nil
            }
        }
        return regions.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
