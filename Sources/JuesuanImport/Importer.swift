import Foundation
import JuesuanFormat
import JuesuanModel
import JuesuanSyntax

/// What the importer recognised, for the summary on stderr and for tests.
public struct ImportSummary: Sendable, Equatable {
    public struct TableInfo: Sendable, Equatable {
        public var id: String
        public var title: String
        public var rows: Int
    }

    public struct PerformanceInfo: Sendable, Equatable {
        public var name: String
        public var indicators: Int
    }

    public var department: String?
    public var year: String?
    public var unit: String?
    public var budgetCode: String?
    public var tables: [TableInfo] = []
    public var narratives = 0
    public var proseLines = 0
    /// Prose lines re-joined to the line before (broken in the middle of a sentence, word or number).
    public var joinedLines = 0
    public var performances: [PerformanceInfo] = []
    public var glossaryEntries = 0
    /// Input lines kept as `//` comments (table headers, footnotes, unplaced table rows…).
    public var commentLines = 0
    public var inputLines = 0
    /// Where the figures went (table, 绩效, prose) and which stayed in comments.
    public var coverage = FigureCoverage()

    /// The summary in Chinese, one fact a line.
    public var description: String {
        var text = "juesuan import：共读入 \(inputLines) 行\n"
        text += "  表头：部门 \(department ?? "（未识别，请补写）")；年度 \(year ?? "（未识别，请补写）")；单位 \(unit ?? "万元（默认）")"
        if let budgetCode { text += "；预算代码 \(budgetCode)" }
        text += "\n"
        if tables.isEmpty {
            text += "  标准表：未识别\n"
        } else {
            text += "  标准表 \(tables.count) 张，共 \(tables.reduce(0) { $0 + $1.rows }) 行：" + tables.map { "\($0.id) \($0.rows) 行" }.joined(separator: "，") + "\n"
        }
        text += "  说明 \(narratives) 节，\(proseLines) 行文字（其中 \(joinedLines) 处断行已接上）\n"
        if !performances.isEmpty {
            text += "  绩效自评表 \(performances.count) 张，指标 \(performances.reduce(0) { $0 + $1.indicators }) 条\n"
        }
        text += "  名词解释 \(glossaryEntries) 条\n"
        text += "  注释 \(commentLines) 行（表头、表注、未能归入表格或绩效栏目的行，原文保留在 // 之后）\n"
        text += coverage.description
        return text
    }
}

public struct ImportResult: Sendable {
    /// The `.juesuan` document, already in the formatter's layout.
    public var document: String
    public var summary: ImportSummary
}

/// Turns the plain text of a published 部门决算 report into a `.juesuan` document.
public enum Importer {
    public static func importReport(_ text: String) -> ImportResult {
        var input = text
        if input.hasPrefix("\u{FEFF}") { input.removeFirst() }
        let lines = splitLines(input)
        var scanner = Scanner(lines: LayoutNormaliser.normalise(lines))
        scanner.run()
        var summary = scanner.summary
        summary.inputLines = lines.count
        let raw = scanner.render()
        let formatted = Formatter.format(raw).text
        summary.coverage = FigureCoverage.measure(document: formatted, inputLines: lines)
        return ImportResult(document: formatted, summary: summary)
    }

    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var iterator = text.unicodeScalars.makeIterator()
        var pendingCR = false
        while let scalar = iterator.next() {
            if pendingCR {
                pendingCR = false
                if scalar == "\n" { continue }
            }
            if scalar == "\n" || scalar == "\r" {
                lines.append(current)
                current = ""
                pendingCR = scalar == "\r"
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// One block of the output document.
enum OutputBlock {
    case narrative(title: String?, lines: [String])
    case table(TableOutput)
    case performance(PerformanceOutput)
    case glossary(lines: [String])
}

struct TableOutput {
    var id: String
    var title: String
    var columns: [String]?
    /// A relation between the columns (`资金总额 = 财政拨款 + 年初结转结余资金`).
    var relation: String?
    var leadingComments: [String] = []
    /// Rows and comments, in output order.
    var body: [String] = []
    var trailingComments: [String] = []
    var rowCount = 0
}

struct PerformanceOutput {
    var name: String
    var lines: [String] = []
    var indicators = 0
}

/// Walks the input lines once and cuts them into blocks.
struct Scanner {
    let lines: [String]
    var blocks: [OutputBlock] = []
    var summary = ImportSummary()
    var header = HeaderFacts()
    /// The narrative being collected: its title and raw lines.
    var narrativeTitle: String?
    var narrativeLines: [String] = []
    var narrativeOpen = false
    var narrativeIsCover = true
    var usedTableIDs: Set<String> = []
    /// The end of the last run of tab-separated lines found to be no table.
    var rejectedTabRunEnd = 0

    /// The report's title (its first line, when it names a 决算), squeezed: repeated as a page header.
    let pageTitle: String?

    init(lines: [String]) {
        self.lines = lines
        let first = lines.lazy.map { TextTools.squeeze($0) }.first { !$0.isEmpty && !LayoutNormaliser.isFurniture($0) }
        pageTitle = first.flatMap { $0.contains("决算") && $0.count <= 40 ? $0 : nil }
    }

    struct HeaderFacts {
        var department: String?
        var year: String?
        var unit: String?
        var budgetCode: String?
    }

    // MARK: Driver

    mutating func run() {
        header = HeaderDetector.detect(lines)
        summary.department = header.department
        summary.year = header.year
        summary.unit = header.unit
        summary.budgetCode = header.budgetCode
        narrativeOpen = true
        narrativeTitle = nil
        var i = 0
        var inTOC = false
        var tocFirstHeading: String?
        var glossaryMode = false
        var glossaryLines: [String] = []
        let topStyle = Scanner.topSectionStyle(lines)
        func flushGlossary(_ scanner: inout Scanner) {
            guard glossaryMode else { return }
            scanner.blocks.append(.glossary(lines: glossaryLines))
            let built = GlossaryBuilder.build(glossaryLines)
            scanner.summary.glossaryEntries += built.filter { !$0.hasPrefix("//") && !$0.hasPrefix(GlossaryBuilder.proseMarker) }.count
            scanner.summary.commentLines += built.filter { $0.hasPrefix("//") }.count
            glossaryLines = []
            glossaryMode = false
        }
        while i < lines.count {
            let line = lines[i]
            let t = TextTools.trim(line)
            let key = TextTools.matchKey(t)
            if inTOC {
                // The first heading again, or a table (a 目录 whose entries the body never repeats
                // word for word must not swallow the report).
                if let first = tocFirstHeading, key == first, !line.contains("\t") {
                    inTOC = false
                } else if TableDetector.start(lines, at: i) != nil {
                    inTOC = false
                } else {
                    let entry = TextTools.tableOfContentsEntry(t)
                    if tocFirstHeading == nil, TextTools.isPartHeading(entry) { tocFirstHeading = TextTools.matchKey(entry) }
                    narrativeLines.append(line)
                    i += 1
                    continue
                }
            }
            if key == "目录" && !line.contains("\t") {
                flushGlossary(&self)
                closeNarrative()
                openNarrative(title: "目录")
                inTOC = true
                i += 1
                continue
            }
            if let table = TableDetector.start(lines, at: i) {
                flushGlossary(&self)
                closeNarrative()
                var parser = TableParser(lines: lines, start: i, number: table.number, title: table.title)
                let (output, end) = parser.parse()
                appendTable(output)
                i = end
                reopenNarrativeAfterInterruption()
                continue
            }
            if PerformanceParser.isTitle(line) {
                flushGlossary(&self)
                closeNarrative()
                var parser = PerformanceParser(lines: lines, start: i, ordinal: summary.performances.count + 1)
                let (output, end) = parser.parse()
                blocks.append(.performance(output))
                summary.performances.append(.init(name: output.name, indicators: output.indicators))
                summary.commentLines += output.lines.filter { $0.hasPrefix("//") }.count
                i = end
                reopenNarrativeAfterInterruption()
                continue
            }
            if DepartmentWideParser.isTitle(line) {
                var k = 1
                while usedTableIDs.contains("附表\(k)") || usedTableIDs.contains("附表\(k + 1)") { k += 1 }
                if let (tables, end) = DepartmentWideParser.parse(lines, start: i, firstID: k, title: t) {
                    flushGlossary(&self)
                    narrativeLines.append(line)
                    closeNarrative()
                    for table in tables { appendTable(table) }
                    i = end
                    reopenNarrativeAfterInterruption()
                    continue
                }
            }
            if line.contains("\t"), !glossaryMode, i >= rejectedTabRunEnd, let (table, end) = untitledTable(at: i) {
                closeNarrative()
                appendTable(table)
                i = end
                reopenNarrativeAfterInterruption()
                continue
            }
            let isHeading = Scanner.isHeading(t, line) || topStyle != nil && Scanner.sectionStyle(t, line) == topStyle
            if isHeading && t.contains("名词解释") {
                flushGlossary(&self)
                closeNarrative()
                glossaryMode = true
                glossaryLines = ["// " + t]
                i += 1
                continue
            }
            if glossaryMode {
                if isHeading && (TextTools.isPartHeading(t) || Scanner.isAnnexHeading(t)) {
                    flushGlossary(&self)
                } else {
                    glossaryLines.append(line)
                    i += 1
                    continue
                }
            }
            if isHeading {
                closeNarrative()
                openNarrative(title: t)
                i += 1
                continue
            }
            narrativeLines.append(line)
            i += 1
        }
        flushGlossary(&self)
        closeNarrative()
        // Section scorecards written as prose: the blocks the checks read, after the sections.
        let (derived, tables, performance) = ScorecardBuilder.derive(blocks, usedTableIDs: &usedTableIDs)
        blocks = derived
        for table in tables {
            summary.tables.append(.init(id: table.id, title: table.title, rows: table.rowCount))
            summary.commentLines += table.leadingComments.count
        }
        if let performance {
            summary.performances.append(.init(name: performance.name, indicators: performance.indicators))
            summary.commentLines += 1
        }
    }

    /// Words a section title ends with (`（一）收入决算情况说明`, `1.部门职责`, `(2)机构设置`).
    static let sectionTitleEnds = ["情况说明", "说明", "情况", "概况", "职责", "职能", "机构设置", "名词解释", "附件", "重要事项", "决算表", "绩效评价", "评价结果"]

    /// `附件`, `附件1`, `附件：…` on a line of its own: an annex, which is report text.
    static func isAnnexHeading(_ t: String) -> Bool {
        let c = TextTools.squeeze(t)
        return c.hasPrefix("附件") && c.count <= 30 && !c.contains("。") && !c.contains("，") && !LayoutNormaliser.isFurniture(c)
    }

    /// The numbering style of a section-title line (`（一）收入决算情况说明`, `1.部门职责`, `(2)机构设置`):
    /// short, numbered, ending with a section title word. nil for anything else.
    static func sectionStyle(_ t: String, _ line: String) -> String? {
        guard !t.isEmpty, !line.contains("\t"), TextTools.width(t) <= 40, !TextTools.hasChineseOrdinal(t), TextTools.startsWithMarker(t),
              !t.hasPrefix("注"), !t.hasPrefix("附"), !t.hasPrefix("- ") else { return nil }
        let body = Ordinal.strip(t[...])
        guard !body.isEmpty, sectionTitleEnds.contains(where: { body.hasSuffix($0) }), !body.contains("，"), !body.contains("。") else { return nil }
        let marker = t.prefix(t.count - body.count).filter { !TextTools.isBlank($0) }
        var style = ""
        for c in marker {
            // `1.`, `1．` and `1、` are one style; so are `（一）` and `(一)`.
            let d: Character = c == "．" || c == "、" ? "." : c == "（" ? "(" : c == "）" ? ")" : c
            if TextTools.chineseNumerals.contains(c) { if style.last != "一" { style.append("一") } } else if c.isNumber { if style.last != "1" { style.append("1") } } else { style.append(d) }
        }
        return style
    }

    /// The top-level numbering of the sections when a report does not use `一、`: the style of its
    /// first section-title line (`1.`, `（一）`, …); nil when `一、` headings exist (then the other
    /// styles number sub-sections, which stay in their section's prose).
    static func topSectionStyle(_ lines: [String]) -> String? {
        var first: String?
        for line in lines {
            let t = TextTools.trim(line)
            if TextTools.hasChineseOrdinal(t), isHeading(t, line) { return nil }
            if first == nil, let style = sectionStyle(t, line) { first = style }
        }
        return first
    }

    /// A run of tab-separated lines with no standard title above it, holding at least two rows of a
    /// label and figures: a custom table `附表N`, titled by the prose line right above it when that
    /// line names a table (`…表`), its columns from the heading row.
    mutating func untitledTable(at start: Int) -> (TableOutput, Int)? {
        var j = start
        var run: [[String]] = []
        while j < lines.count {
            if TextTools.trim(lines[j]).isEmpty { j += 1; continue }
            guard lines[j].contains("\t") else { break }
            run.append(TextTools.cells(lines[j]))
            j += 1
        }
        func isRow(_ cells: [String]) -> Bool {
            let filled = cells.filter { !$0.isEmpty }
            guard filled.count >= 2, let label = filled.first, !TextTools.isFigure(label) else { return false }
            return filled.dropFirst().allSatisfy { TextTools.isFigure($0) } && filled.dropFirst().contains { TextTools.isNumber($0) }
        }
        let dataRows = run.filter(isRow)
        // A run that is no table is not looked at again from each of its lines.
        guard dataRows.count >= 2, dataRows.count * 2 >= run.count else { rejectedTabRunEnd = j; return nil }
        let width = dataRows.map { $0.filter { !$0.isEmpty }.count - 1 }.max() ?? 1
        var k = 1
        while usedTableIDs.contains("附表\(k)") { k += 1 }
        // The title: the prose line just above, when it names a table.
        var title = "（原文未给出表名）"
        var unitComment: [String] = []
        var back = narrativeLines.count - 1
        while back >= 0, TextTools.trim(narrativeLines[back]).isEmpty { back -= 1 }
        if back >= 0, TableParser.isMeta(TextTools.trim(narrativeLines[back])) {
            unitComment = ["// " + TextTools.trim(narrativeLines[back])]
            narrativeLines.remove(at: back)
            back -= 1
            while back >= 0, TextTools.trim(narrativeLines[back]).isEmpty { back -= 1 }
        }
        if back >= 0, let candidate = Optional(TextTools.trim(narrativeLines[back])), candidate.hasSuffix("表"), TextTools.width(candidate) <= 60 {
            title = TextTools.compact(candidate)
            narrativeLines.remove(at: back)
        }
        var output = TableOutput(id: "附表\(k)", title: title)
        output.leadingComments = unitComment
        var seenRow = false
        for cells in run {
            let filled = cells.filter { !$0.isEmpty }
            if isRow(cells) {
                var figures = Array(filled.dropFirst())
                while figures.count < width { figures.append("") }
                output.body.append(TableParser.rowText(code: nil, label: TextTools.compact(filled[0]), figures: figures))
                output.rowCount += 1
                seenRow = true
            } else if !seenRow, output.columns == nil, filled.count == width + 1 || filled.count == width {
                output.columns = filled.suffix(width).map { TextTools.squeeze($0) }
                output.leadingComments.append("// " + filled.joined(separator: " "))
            } else if seenRow {
                output.body.append("// " + filled.joined(separator: " "))
            } else {
                output.leadingComments.append("// " + filled.joined(separator: " "))
            }
        }
        if output.columns == nil { output.columns = (1...width).map { "列\($0)" } }
        return (output, j)
    }

    static func isHeading(_ t: String, _ line: String) -> Bool {
        // A heading is at most 64 columns: longer text is not measured (a re-joined paragraph can be long).
        guard !t.isEmpty, t.utf8.count <= 64 * 4, !line.contains("\t"), TextTools.width(t) <= 64 else { return false }
        if TextTools.isPartHeading(t) || isAnnexHeading(t) { return true }

        if TextTools.hasChineseOrdinal(t), let last = t.last, last != "。", last != "；", last != "，" {
            // `一、财政拨款收入：指……` is a glossary entry, not a heading.
            if let colon = t.firstIndex(where: { $0 == "：" || $0 == ":" }), t.distance(from: colon, to: t.endIndex) > 3 { return false }
            return true
        }
        return false
    }

    mutating func openNarrative(title: String?) {
        narrativeOpen = true
        narrativeTitle = title
        narrativeLines = []
    }

    /// After a table or performance block inside a narrative section, the prose that follows
    /// continues that section.
    mutating func reopenNarrativeAfterInterruption() {
        let title = lastNarrativeTitle.map { $0.hasSuffix("（续）") ? $0 : $0 + "（续）" }
        openNarrative(title: title)
        narrativeIsCover = false
    }

    var lastNarrativeTitle: String?

    mutating func closeNarrative() {
        guard narrativeOpen else { return }
        narrativeOpen = false
        let (prose, joined, comments) = ProseJoiner.join(narrativeLines, allowJoining: !narrativeIsCover || narrativeTitle != nil, pageTitle: narrativeIsCover ? nil : pageTitle)
        narrativeIsCover = false
        if narrativeTitle != nil { lastNarrativeTitle = narrativeTitle }
        let contentLines = prose.filter { !$0.hasPrefix("//") }
        guard !prose.isEmpty || narrativeTitle != nil else { return }
        if contentLines.isEmpty && narrativeTitle?.hasSuffix("（续）") == true && prose.isEmpty { return }
        blocks.append(.narrative(title: narrativeTitle, lines: prose))
        summary.narratives += 1
        summary.proseLines += contentLines.count
        summary.joinedLines += joined
        summary.commentLines += comments
        narrativeLines = []
    }

    mutating func appendTable(_ table: TableOutput) {
        var table = table
        if usedTableIDs.contains(table.id) {
            // The same standard table again (a page-break repeat): a custom table, so that no
            // row is lost and S107 is not raised.
            var k = 2
            while usedTableIDs.contains("\(table.id)续\(k)") { k += 1 }
            table.id = "\(table.id)续\(k)"
        }
        usedTableIDs.insert(table.id)
        blocks.append(.table(table))
        summary.tables.append(.init(id: table.id, title: table.title, rows: table.rowCount))
        summary.commentLines += table.leadingComments.count + table.trailingComments.count + table.body.filter { $0.hasPrefix("//") }.count
    }

    // MARK: Rendering

    func render() -> String {
        var out: [String] = []
        out.append("// 由 juesuan import 从公开文本导入：数字照录原文，空单元格写作 -，未能归类的原文保留在 // 注释中")
        out.append("部门 " + (header.department ?? "（未识别）"))
        out.append("年度 " + (header.year ?? "0000"))
        if let unit = header.unit { out.append("单位 " + unit) }
        if let code = header.budgetCode { out.append("预算代码 " + code) }
        for block in blocks {
            out.append("")
            switch block {
            case .narrative(let title, let lines):
                out.append(title.map { "说明 " + Scanner.singleLine($0) } ?? "说明")
                out.append(contentsOf: lines)
            case .table(let table):
                out.append("表 \(table.id) \(table.title)")
                if let columns = table.columns { out.append("列 " + columns.joined(separator: " ") + (table.relation.map { "；" + $0 } ?? "")) }
                out.append(contentsOf: table.leadingComments)
                out.append(contentsOf: table.body)
                out.append(contentsOf: table.trailingComments)
            case .performance(let perf):
                out.append("绩效 " + perf.name)
                out.append(contentsOf: perf.lines)
            case .glossary(let lines):
                out.append("名词解释")
                for line in GlossaryBuilder.build(lines) {
                    if line.hasPrefix(GlossaryBuilder.proseMarker) {
                        out += ["", "说明 名词解释（续）", String(line.dropFirst(GlossaryBuilder.proseMarker.count)), "", "名词解释"]
                    } else {
                        out.append(line)
                    }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func singleLine(_ s: String) -> String { s.replacingOccurrences(of: "\t", with: " ") }
}

// MARK: - Header

enum HeaderDetector {
    static let orgSuffixes = ["局", "委员会", "中心", "办公室", "院", "厅", "站", "所", "部", "委", "会", "馆", "校", "队", "办"]

    static func detect(_ lines: [String]) -> Scanner.HeaderFacts {
        var facts = Scanner.HeaderFacts()
        let trimmed = lines.map { LayoutNormaliser.isFurniture($0) ? "" : TextTools.trim($0) }
        // 部门: a title `某局 2024 年度部门决算`, then `部门名称：`/`部门：`/`单位：`, then a lone name line.
        for t in trimmed.prefix(40) where !t.contains("\t") {
            let squeezed = TextTools.squeeze(t)
            if squeezed.count <= 40, let range = squeezed.range(of: #"^(.+?)(20\d\d)年度?部门决算.{0,6}$"#, options: .regularExpression) {
                let match = String(squeezed[range])
                if let yearRange = match.range(of: #"20\d\d"#, options: .regularExpression) {
                    let name = String(match[..<yearRange.lowerBound])
                    if name.count >= 3, orgSuffixes.contains(where: { cleanName(name).hasSuffix($0) }) { facts.department = cleanName(name); facts.year = String(match[yearRange]); break }
                }
            }
        }
        if facts.department == nil {
            for t in trimmed {
                for cell in TextTools.cells(t) {
                    let c = TextTools.squeeze(cell)
                    for prefix in ["部门名称：", "部门名称:", "部门：", "部门:", "单位名称：", "编制单位：", "单位："] where c.hasPrefix(prefix) {
                        let name = cleanName(String(c.dropFirst(prefix.count)))
                        if name.count >= 3, orgSuffixes.contains(where: { name.hasSuffix($0) }) { facts.department = name }
                    }
                    if facts.department != nil { break }
                }
                if facts.department != nil { break }
            }
        }
        if facts.department == nil {
            for t in trimmed where !t.contains("\t") {
                let c = TextTools.squeeze(t)
                if c.count >= 4, c.count <= 24, orgSuffixes.contains(where: { c.hasSuffix($0) }), !c.contains("，"), !c.contains("、"), !TextTools.startsWithMarker(c) {
                    facts.department = c
                    break
                }
            }
        }
        // 年度: `2024 年度` anywhere near the top, else the first `20xx年`.
        if facts.year == nil {
            for t in trimmed {
                let c = TextTools.squeeze(t)
                if let r = c.range(of: #"20\d\d年度"#, options: .regularExpression) { facts.year = String(c[r].prefix(4)); break }
            }
        }
        if facts.year == nil {
            for t in trimmed {
                let c = TextTools.squeeze(t)
                if let r = c.range(of: #"20\d\d年"#, options: .regularExpression) { facts.year = String(c[r].prefix(4)); break }
            }
        }
        for t in trimmed {
            let c = TextTools.squeeze(t)
            if facts.unit == nil, let r = c.range(of: #"^(金额)?单位[：:](千元|万元|亿元|元)$"#, options: .regularExpression) ?? c.range(of: #"金额单位[：:](千元|万元|亿元|元)"#, options: .regularExpression) {
                let m = String(c[r])
                for unit in ["千元", "万元", "亿元", "元"] where m.hasSuffix(unit) { facts.unit = unit; break }
            }
            if facts.budgetCode == nil, let r = c.range(of: #"^预算代码[：:]\d+"#, options: .regularExpression) {
                facts.budgetCode = String(c[r].drop { !$0.isNumber })
            }
        }
        return facts
    }

    /// `青龙满族自治县医疗保障局（汇总）` → `青龙满族自治县医疗保障局`.
    static func cleanName(_ name: String) -> String {
        var n = name
        for suffix in ["（汇总）", "(汇总)", "（部门）", "(部门)", "（本级）", "(本级)"] where n.hasSuffix(suffix) {
            n.removeLast(suffix.count)
        }
        return n
    }
}

// MARK: - Prose

enum ProseJoiner {
    /// Trims prose lines, drops blank lines, turns tab-separated lines into comments, and re-joins
    /// lines broken in the middle of a sentence (a long line that ends without a sentence mark,
    /// followed by a line that starts with no ordinal marker). Returns the lines, the number of
    /// joins and the number of comment lines.
    static func join(_ raw: [String], allowJoining: Bool, pageTitle: String? = nil) -> ([String], Int, Int) {
        var out: [String] = []
        var joined = 0
        var comments = 0
        var canContinue = false
        // Page footers and headers met inside a sentence: written after the re-joined line.
        var pending: [String] = []
        func flushPending() {
            out += pending
            pending = []
        }
        // After `相关信息`: the portal's links to other pages, short lines with no sentence in them.
        var inLinks = false
        for line in raw {
            let t = LayoutNormaliser.closeFigureBlanks(TextTools.trim(line))
            if t.isEmpty { continue }
            if inLinks, TextTools.width(t) <= 80, !t.contains(where: { "。，；：:,;".contains($0) }) {
                flushPending()
                out.append("// " + t)
                comments += 1
                continue
            }
            inLinks = ["相关信息", "相关链接", "相关文章", "相关阅读"].contains(TextTools.squeeze(t))
            if LayoutNormaliser.isPageMarker(t) || pageTitle != nil && TextTools.squeeze(t) == pageTitle {
                pending.append("// " + t)
                comments += 1
                continue
            }
            if line.contains("\t") || LayoutNormaliser.isFurniture(t) {
                flushPending()
                out.append("// " + t)
                comments += 1
                canContinue = false
                continue
            }
            // A figure and its unit split by the page (`较上年增加 12.40` / `万元`).
            let unitContinues = LayoutNormaliser.unitStarts.contains { t.hasPrefix($0) } && (out.last?.last.map { $0.isASCII && $0.isNumber } ?? false)
                && !(out.last?.hasPrefix("//") ?? true)
            if unitContinues, !out.isEmpty {
                // Appended in place: a sentence broken over many lines stays linear.
                out[out.count - 1].append(t)
                joined += 1
                canContinue = isBroken(out[out.count - 1], length: TextTools.width(t))
                continue
            }
            if allowJoining, canContinue, let lastCharacter = out.last?.last, !TextTools.startsWithMarker(t), !Scanner.isHeading(t, line) {
                let separator = lastCharacter.isASCII && lastCharacter.isLetter && (t.first.map { $0.isASCII && $0.isLetter } ?? false) ? " " : ""
                out[out.count - 1].append(separator)
                out[out.count - 1].append(t)
                joined += 1
                canContinue = isBroken(out[out.count - 1], length: TextTools.width(t))
                continue
            }
            flushPending()
            var text = t
            // A prose line must not open a block or start a comment by accident.
            let firstWord = String(text.prefix { !TextTools.isBlank($0) })
            if BlockKeyword(word: firstWord) != nil { text = " " + text }
            out.append(text)
            canContinue = isBroken(t, length: TextTools.width(t))
        }
        flushPending()
        return (out, joined, comments)
    }

    /// A line that ends in the middle of a sentence: long enough to have been wrapped by the page,
    /// and no sentence mark at its end.
    static func isBroken(_ line: String, length: Int) -> Bool {
        guard length >= 40, let last = line.last else { return false }
        if TextTools.sentenceEnds.contains(last) || last == "…" { return false }
        if Scanner.isHeading(line, line) { return false }
        // `（一）一般公共预算财政拨款支出决算总体情况`: a numbered heading, no sentence in it.
        if TextTools.startsWithMarker(line), !line.contains(where: { "，。；：,;:".contains($0) }),
           Scanner.sectionTitleEnds.contains(where: { line.hasSuffix($0) }) || line.hasSuffix("情况") { return false }
        return true
    }
}

// MARK: - Glossary

enum GlossaryBuilder {
    /// Glossary lines: `term：definition` entries stay as they are (broken lines re-joined); headings
    /// and anything else become comments, so that they are neither entries nor continuations.
    static func build(_ raw: [String]) -> [String] {
        var comments: [String] = []
        var body: [String] = []
        for line in raw where line.hasPrefix("// ") { comments.append(line) }
        let (joined, _, _) = ProseJoiner.join(raw.filter { !$0.hasPrefix("// ") }, allowJoining: true)
        for line in joined {
            if line.hasPrefix("//") { body.append(line); continue }
            let t = TextTools.trim(line)
            if isEntry(t) {
                body.append(line)
            } else if templateWords.contains(where: { t.contains($0) }) {
                // A template instruction left in the published text is report text (T802 checks it).
                body.append(proseMarker + t)
            } else {
                body.append("// " + t)
            }
        }
        return comments + body
    }

    static let templateWords = ["可参照如下格式", "可参照以下格式", "参照如下格式", "参照以下格式", "待填写", "待补充", "请填写", "此处填写"]
    /// Marks a glossary line written as prose between two 名词解释 blocks.
    static let proseMarker = "\u{1}说明："

    static func isEntry(_ t: String) -> Bool {
        guard let colon = t.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
        if let end = t.firstIndex(where: { "。；！？".contains($0) }), end < colon { return false }
        let term = Ordinal.strip(t[..<colon])
        let definition = TextTools.trim(t[t.index(after: colon)...])
        return !term.isEmpty && term.count <= 24 && !definition.isEmpty
    }
}
