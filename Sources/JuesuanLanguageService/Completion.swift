import JuesuanCatalogue
import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// What a completion item is, so a client can pick an icon.
public enum CompletionItemKind: Sendable, Hashable {
    case keyword, table, column, code, row, term, reference, value
}

/// One proposal: `newText` replaces `range` (byte offsets), which always lies on the cursor's
/// line and contains the cursor.
public struct CompletionItem: Sendable, Hashable {
    public var label: String
    public var detail: String?
    /// Markdown.
    public var documentation: String?
    public var kind: CompletionItemKind
    public var newText: String
    public var range: SourceRange
    /// Items sort by this (clients then filter by what was typed in `range`).
    public var sortText: String
    /// What the client filters on; the label when nil.
    public var filterText: String?
    /// Shown after the label in every row of the list (LSP `labelDetails.description`), e.g. the
    /// 类 › 款 path of a name that occurs under many 款.
    public var labelDescription: String?
}

public struct CompletionList: Sendable {
    public var items: [CompletionItem]
    /// True when typing more changes the list beyond filtering (codes: the next level).
    public var isIncomplete: Bool

    public static let empty = CompletionList(items: [], isIncomplete: false)
}

/// The cursor's line and the blank-separated word under it.
struct CursorLine {
    let source: SourceText
    let line: Int
    let lineStart: Int
    let lineEnd: Int
    let offset: Int
    /// Words of the line up to the end of the current word.
    let words: [SourceRange]
    /// The word being typed: from its start to the end of its run of non-blanks (may be empty).
    let word: SourceRange
    /// Index of `word` among the words (0: the first word on the line).
    let wordIndex: Int

    init(source: SourceText, offset rawOffset: Int) {
        self.source = source
        let bytes = source.bytes
        let line = source.line(containing: min(max(0, rawOffset), bytes.count))
        self.line = line
        lineStart = source.lineStarts[line]
        lineEnd = source.lineContentEnds[line]
        let offset = min(max(rawOffset, lineStart), lineEnd)
        self.offset = offset
        var words: [SourceRange] = []
        var i = lineStart
        var start = -1
        var current: SourceRange?
        var index = 0
        while i <= lineEnd {
            let blank = i == lineEnd ? 1 : Lexing.blankLength(bytes, i, lineEnd)
            if blank > 0 {
                if start >= 0 {
                    let range = SourceRange(start: start, end: i)
                    if range.covers(offset) && current == nil { current = range; index = words.count }
                    words.append(range)
                    start = -1
                }
                if i >= offset && current == nil {
                    // The cursor is on a blank: an empty word starts here.
                    current = SourceRange(start: offset, end: offset)
                    index = words.count
                }
                if current != nil && i >= offset { break }
                i += blank
            } else {
                if start < 0 { start = i }
                i += 1
            }
        }
        self.words = words
        word = current ?? SourceRange(start: offset, end: offset)
        wordIndex = index
    }

    /// The typed part of the word (start to cursor).
    var typed: String { source.string(SourceRange(start: word.start, end: offset)) }
    var typedRange: SourceRange { SourceRange(start: word.start, end: offset) }
    func text(_ range: SourceRange) -> String { source.string(range) }
    /// Whether anything but blanks follows the current word on the line.
    var hasTextAfterWord: Bool {
        var i = word.end
        while i < lineEnd {
            let blank = Lexing.blankLength(source.bytes, i, lineEnd)
            if blank == 0 { return true }
            i += blank
        }
        return false
    }
    var firstWord: String? { words.first.map(text) }
    var atColumnZero: Bool { word.start == lineStart }
}

/// Builds the proposals for one cursor position.
struct CompletionBuilder {
    let snapshot: DocumentSnapshot
    let report: Report
    let cursor: CursorLine
    var items: [CompletionItem] = []
    var isIncomplete = false

    init(snapshot: DocumentSnapshot, offset: Int) {
        self.init(snapshot: snapshot, cursor: CursorLine(source: snapshot.source, offset: offset))
    }

    /// Proposals from `snapshot`'s tables for a cursor on another version's line (see
    /// `LanguageService.completion(_:at:editedFrom:)`).
    init(snapshot: DocumentSnapshot, cursor: CursorLine) {
        self.snapshot = snapshot
        report = snapshot.report
        self.cursor = cursor
    }

    var syntax: SyntaxTree { report.syntax }
    var catalogue: Catalogue { report.catalogue }

    mutating func add(_ label: String, detail: String? = nil, documentation: String? = nil, kind: CompletionItemKind,
                      newText: String? = nil, range: SourceRange? = nil, tier: Int, filterText: String? = nil) {
        let order = items.count
        let sortText = "\(tier)" + String(repeating: "0", count: max(0, 6 - String(order).count)) + String(order)
        items.append(CompletionItem(label: label, detail: detail, documentation: documentation, kind: kind,
                                    newText: newText ?? label, range: range ?? cursor.word, sortText: sortText,
                                    filterText: filterText, labelDescription: nil))
    }

    /// The block the cursor's line belongs to: the last block starting at or before it
    /// (blank lines after a block's last line still belong to it for completion).
    var block: Block? { syntax.blocks.last { $0.lines.lowerBound <= cursor.line } }

    mutating func build() -> CompletionList {
        let block = self.block
        let isKeywordLine = block.map { $0.lines.lowerBound == cursor.line } ?? false
        if isKeywordLine, let block, cursor.wordIndex >= 1 {
            switch block {
            case .table(let table): tableLine(table)
            case .check: references()
            default: break
            }
            return CompletionList(items: items, isIncomplete: isIncomplete)
        }
        if case .narrative? = block, !isKeywordLine {
            proseTerms()
            return CompletionList(items: items, isIncomplete: isIncomplete)
        }
        if cursor.wordIndex == 0 {
            switch block {
            case .table(let table)? where !isKeywordLine: rowStart(table)
            case .glossary(let glossary)? where !isKeywordLine: glossaryTerms(glossary)
            case nil: headerKeys()
            default: break
            }
            if cursor.atColumnZero { keywords(inBlock: block != nil) }
        } else {
            switch block {
            case .table(let table)? where !isKeywordLine: rowContinuation(table)
            case nil: headerValues()
            default: break
            }
        }
        return CompletionList(items: items, isIncomplete: isIncomplete)
    }

    // MARK: Keywords and header

    mutating func keywords(inBlock: Bool) {
        let typed = cursor.typed
        guard typed.isEmpty || !typed.allSatisfy(\.isNumber) else { return }
        let descriptions: [BlockKeyword: String] = [
            .table: "表：标准表 公开01–10 或自定义表",
            .narrative: "说明：一节情况说明（正文）",
            .performance: "绩效：项目支出绩效自评表",
            .glossary: "名词解释：本报告的名词解释",
            .check: "校验：一条自定义校验，如 公开01.本年收入合计 = 公开02.合计.本年收入合计",
        ]
        for keyword in BlockKeyword.allCases {
            let needsSpace = keyword != .glossary
            add(keyword.rawValue, detail: descriptions[keyword], kind: .keyword,
                newText: keyword.rawValue + (needsSpace && !cursor.hasTextAfterWord ? " " : ""), tier: inBlock ? 8 : 1)
        }
    }

    mutating func headerKeys() {
        let present = Set(syntax.header.compactMap(\.canonicalKey))
        let details: [HeaderKey: String] = [
            .department: "部门名称（必填）", .year: "年度，四位数字（必填）", .unit: "金额单位：元、千元、万元、亿元（默认万元）",
            .budgetCode: "预算代码", .tolerance: "每个加数的尾数容差（默认 0.005）", .localCode: "声明目录中没有的科目：科目 编码 名称",
        ]
        for key in HeaderKey.allCases where key == .localCode || !present.contains(key) {
            add(key.rawValue, detail: details[key], kind: .keyword, newText: key.rawValue + (cursor.hasTextAfterWord ? "" : " "), tier: 0)
        }
    }

    mutating func headerValues() {
        guard cursor.wordIndex == 1, let first = cursor.firstWord, HeaderKey(word: first) == .unit else { return }
        for unit in MoneyUnit.allCases { add(unit.rawValue, kind: .value, tier: unit == .tenThousandYuan ? 0 : 1) }
    }

    // MARK: Tables

    /// `表 公开0|` → the standard ids with titles; `表 公开03 |` → its standard title.
    mutating func tableLine(_ table: TableSyntax) {
        if cursor.wordIndex == 1 {
            let present = Set(report.tables.compactMap { $0.spec?.id })
            for spec in StandardTableSpec.all {
                let full = "\(spec.id) \(spec.title)"
                add(full, detail: present.contains(spec.id) ? "已有此表" : nil, kind: .table,
                    newText: cursor.hasTextAfterWord ? spec.id : full, tier: present.contains(spec.id) ? 2 : 0,
                    filterText: full)
            }
        } else if cursor.wordIndex == 2, let id = table.id, let number = StandardTableSpec.number(fromID: id.text),
                  let spec = StandardTableSpec.spec(number: number) {
            add(spec.title, detail: "\(spec.id) 的标准标题", kind: .table, tier: 0)
        }
    }

    /// The model's table for a syntax table (same keyword line).
    func modelTable(_ table: TableSyntax) -> Table? {
        report.tables.first { $0.syntax.line == table.line }
    }

    /// The standard spec of a table written with any accepted id spelling.
    func spec(_ table: TableSyntax) -> StandardTableSpec? {
        table.id.flatMap { StandardTableSpec.number(fromID: $0.text) }.flatMap(StandardTableSpec.spec(number:))
    }

    /// The side in force at the cursor in a two-sided table.
    func side(in table: TableSyntax) -> TableSide {
        var side = TableSide.income
        for line in syntax.lines[(table.line + 1)..<min(cursor.line, syntax.lines.count)] where line.kind == .sideSwitch {
            if let token = line.tokens.first, let s = TableSide(rawValue: token.text) { side = s }
        }
        return side
    }

    /// Which classification the code rows of a table use.
    func codeKind(_ table: TableSyntax) -> ClassificationKind? {
        if let spec = spec(table) {
            switch spec.rowKind {
            case .functionalCodes: return .functional
            case .economicCodes: return .economic
            case .labels: return nil
            }
        }
        // A custom table: economic when its codes are economic ones, else functional.
        let codes = table.rows.compactMap { $0.code?.text }
        if !codes.isEmpty && codes.allSatisfy({ catalogue.contains(code: $0, kind: .economic) && !catalogue.contains(code: $0, kind: .functional) }) {
            return .economic
        }
        return .functional
    }

    mutating func rowStart(_ table: TableSyntax) {
        let typed = cursor.typed
        let digits = typed.allSatisfy { $0.isASCII && $0.isNumber }
        if digits, let kind = codeKind(table) { codes(table, kind: kind, typed: typed) }
        guard typed.isEmpty || !digits else { return }
        if let kind = nameKind(table) { codesByName(table, kind: kind, text: typed, range: cursor.word) }
        labelRows(table)
        if "列".hasPrefix(typed), table.columns == nil, !table.rows.contains(where: { $0.line < cursor.line }) {
            add("列", detail: "列名行：列 甲 乙 丙 ; 甲 = 乙 + 丙", kind: .keyword, newText: "列 ", tier: 3)
        }
    }

    /// Codes of the catalogue matching what was typed; children of the parent row just above first.
    mutating func codes(_ table: TableSyntax, kind: ClassificationKind, typed: String) {
        isIncomplete = true
        let levels = kind.levels.map(\.rawValue)
        var candidates: [CatalogueEntry] = []
        let contextParent = contextParentCode(table)
        if typed.isEmpty {
            if let parent = contextParent { candidates += catalogue.children(of: parent, kind: kind) }
            candidates += catalogue.children(of: "", kind: kind)
        } else if levels.contains(typed.count) && levels.last != typed.count, let entry = catalogue.entry(code: typed, kind: kind) {
            candidates = [entry] + catalogue.children(of: typed, kind: kind)
        } else if let length = levels.first(where: { $0 >= typed.count }) {
            candidates = catalogue.entries(withPrefix: typed, kind: kind).filter { $0.code.count == length }
        }
        let present = Set(table.rows.compactMap { $0.code?.text })
        var seen: Set<String> = []
        for entry in candidates where seen.insert(entry.code).inserted {
            var tier = 1
            if let parent = contextParent, entry.parentCode == parent { tier = 0 }
            if present.contains(entry.code) { tier = 5 }
            let path = catalogue.path(of: entry.code, kind: kind).map { "\($0.code) \($0.name)" }.joined(separator: " › ")
            let text = cursor.hasTextAfterWord ? entry.code : "\(entry.code)  \(entry.name)"
            add(entry.code, detail: "\(entry.name)（\(entry.level.displayName)）", documentation: "\(kind.displayName)：\(path)",
                kind: .code, newText: text, range: cursor.word, tier: tier, filterText: entry.code)
        }
    }

    /// The classification whose names a row of `table` may start with: that of a standard code
    /// table, or of a custom table that already has code rows.
    func nameKind(_ table: TableSyntax) -> ClassificationKind? {
        if spec(table) != nil { return codeKind(table) }
        return table.rows.contains { $0.code != nil } ? codeKind(table) : nil
    }

    /// Most items a search by name offers; typing more narrows (the list is incomplete).
    static let maximumNameMatches = 60

    /// `text` (what was typed: an optional code prefix, then part of a name) → the codes under
    /// the prefix whose names contain it, each replacing `range` with `code  official name`.
    /// Ranked by match quality (catalogue order); children of the 款 named by the rows above
    /// come first, then the rest of its 类, then the others; codes already in the table last.
    mutating func codesByName(_ table: TableSyntax, kind: ClassificationKind, text: String, range: SourceRange, excluding: String? = nil) {
        let prefix = String(text.prefix { $0.isASCII && $0.isNumber })
        let query = String(text.dropFirst(prefix.count))
        guard !query.isEmpty, prefix.count <= kind.levels.last!.rawValue else { return }
        let matches = catalogue.entries(nameContaining: query, kind: kind, codePrefix: prefix)
        guard !matches.isEmpty else { return }
        isIncomplete = true
        let context = contextParentCode(table)
        let present = Set(table.rows.compactMap { $0.code?.text })
        func group(_ code: String) -> Int {
            if present.contains(code) { return 3 }
            guard let context else { return 2 }
            if code.hasPrefix(context) && code != context { return 0 }
            return code.prefix(3) == context.prefix(3) ? 1 : 2
        }
        var ranked = matches.enumerated().filter { $0.element.entry.code != excluding }.map { (group($0.element.entry.code), $0.offset, $0.element) }
        ranked.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        for (_, _, match) in ranked.prefix(CompletionBuilder.maximumNameMatches) {
            let entry = match.entry
            let path = catalogue.path(of: entry.code, kind: kind)
            let parents = path.filter { $0.code != entry.code }.map(\.name).joined(separator: " › ")
            let ambiguous = match.homonyms > 1
            var documentation = "\(kind.displayName)：" + path.map { "\($0.code) \($0.name)" }.joined(separator: " › ")
            documentation += entry.isVerified ? "\n\n已核实的编码和名称" : "\n\n目录中的这一条未经核实"
            add("\(entry.code) \(entry.name)",
                detail: ambiguous && !parents.isEmpty ? parents : "\(kind.displayName) · \(entry.level.displayName)",
                documentation: documentation, kind: .code, newText: "\(entry.code)  \(entry.name)", range: range, tier: 0,
                // The server has ranked and filtered: what was typed leads, so clients keep the order.
                filterText: text + entry.name)
            if ambiguous && !parents.isEmpty { items[items.count - 1].labelDescription = parents }
        }
    }

    /// The code whose children are most likely next: the nearest code row above the cursor,
    /// or its parent when it is a leaf of the catalogue (a 项, or an economic 款).
    func contextParentCode(_ table: TableSyntax) -> String? {
        guard let row = table.rows.last(where: { $0.line < cursor.line && $0.code != nil }), let code = row.code?.text else { return nil }
        let kind = codeKind(table) ?? .functional
        if code.count == kind.levels.last!.rawValue { return String(code.prefix(code.count - 2)) }
        return code
    }

    /// Standard label rows (公开01/04/09/10, 公开06's totals), the 类 names of 公开01/04's
    /// expenditure side, and the side switches.
    mutating func labelRows(_ table: TableSyntax) {
        guard let spec = spec(table) else { return }
        let model = modelTable(table)
        let sideSpec: SideSpec
        let side = spec.isTwoSided ? self.side(in: table) : nil
        if spec.isTwoSided {
            sideSpec = spec.sides.first { $0.side == side } ?? spec.sides[0]
        } else {
            sideSpec = spec.sides[0]
        }
        let written = Set(model?.allRows.compactMap(\.standardName) ?? [])
        // An ordinal prefix (`一、`) is kept; only the label after it is replaced.
        let typed = cursor.typed
        let ordinal = Ordinal.prefixLength(of: typed)
        let range = SourceRange(start: cursor.word.start + (ordinal < typed.utf8.count ? ordinal : 0), end: cursor.word.end)
        for row in sideSpec.labelRows {
            let tier = written.contains(row.name) ? 5 : 0
            add(row.name, detail: row.isCount ? "\(spec.id) 数量行" : "\(spec.id) 标准行", documentation: snapshot.glossary.entry(for: row.name)?.definition,
                kind: .row, range: range, tier: tier)
        }
        if sideSpec.acceptsCategoryRows {
            let writtenCategories = Set(model?.allRows.compactMap(\.categoryCode) ?? [])
            for entry in catalogue.children(of: "", kind: .functional) {
                add(entry.name, detail: "\(entry.code)（类）", kind: .row, range: range,
                    tier: writtenCategories.contains(entry.code) ? 6 : 1)
            }
        }
        if spec.isTwoSided, cursor.wordIndex == 0 {
            for s in [TableSide.income, .expenditure] where s != side {
                add(s.rawValue, detail: "切换到\(s.rawValue)方", kind: .keyword, tier: 2)
            }
        }
    }

    /// `列 |` lines and, after a code, its official name.
    mutating func rowContinuation(_ table: TableSyntax) {
        guard let first = cursor.firstWord else { return }
        if first == InnerKeyword.columns || first.lowercased() == InnerKeyword.columnsAlias {
            columns(table)
            return
        }
        if cursor.wordIndex == 1, let kind = codeKind(table), let entry = catalogue.entry(code: first, kind: kind) {
            add(entry.name, detail: "\(entry.code) 的科目名称", kind: .row, tier: 0)
        }
        // `21015 行政|`: a code prefix, then part of a name → the prefix's codes with that name.
        if cursor.wordIndex == 1, let prefixWord = cursor.words.first, first.allSatisfy({ $0.isASCII && $0.isNumber }),
           let kind = nameKind(table), let firstScalar = cursor.typed.unicodeScalars.first, !(firstScalar.isASCII && firstScalar.properties.numericType != nil) {
            let range = SourceRange(start: prefixWord.start, end: cursor.word.end)
            let text = first + cursor.typed
            codesByName(table, kind: kind, text: text, range: range, excluding: first)
        }
    }

    mutating func columns(_ table: TableSyntax) {
        guard let spec = spec(table) else { return }
        // A `列` line on a two-sided table selects the expenditure side's columns.
        let sideSpec = spec.isTwoSided ? spec.sides[1] : spec.sides[0]
        let listed = Set(cursor.words.dropFirst().filter { $0 != cursor.word }.map { LabelKey.make(cursor.text($0)) })
        for column in sideSpec.columns {
            let tier = listed.contains(LabelKey.make(column.name)) ? 5 : 0
            add(column.name, detail: "\(spec.id) 的标准列", documentation: snapshot.glossary.entry(for: column.name)?.definition,
                kind: .column, tier: tier)
        }
    }

    // MARK: Glossary terms

    /// Terms in prose: each term replaces the longest run before the cursor that begins it.
    mutating func proseTerms() {
        let bytes = snapshot.source.bytes
        let before = Array(bytes[cursor.lineStart..<cursor.offset])
        var matched: [(GlossaryEntry, Int)] = []
        var unmatched: [GlossaryEntry] = []
        for entry in snapshot.glossary.allEntries {
            let term = Array(entry.term.utf8)
            var best = 0
            var length = min(term.count, before.count)
            while length > 0 {
                // Only at a scalar boundary of the term.
                if length == term.count || term[length] & 0xC0 != 0x80, before.suffix(length).elementsEqual(term.prefix(length)) {
                    best = length
                    break
                }
                length -= 1
            }
            if best > 0 { matched.append((entry, best)) } else { unmatched.append(entry) }
        }
        for (entry, length) in matched.sorted(by: { ($0.1, -$0.0.term.utf8.count) > ($1.1, -$1.0.term.utf8.count) }) {
            addTerm(entry, range: SourceRange(start: cursor.offset - length, end: cursor.offset), tier: 0)
        }
        for entry in unmatched {
            addTerm(entry, range: SourceRange(start: cursor.offset, end: cursor.offset), tier: 1)
        }
    }

    mutating func addTerm(_ entry: GlossaryEntry, range: SourceRange, tier: Int) {
        let origin: String
        switch entry.origin {
        case .document: origin = "本报告名词解释"
        case .standard: origin = "标准名词解释"
        }
        add(entry.term, detail: origin, documentation: entry.definition, kind: .term, range: range, tier: tier)
    }

    /// At the start of a glossary line: the standard terms the document does not define yet.
    mutating func glossaryTerms(_ glossary: GlossarySyntax) {
        let defined = Set(glossary.entries.map { CatalogueName.normalized($0.term.text) })
        for term in StandardGlossary.terms where !defined.contains(CatalogueName.normalized(term.term)) {
            add(term.term, detail: "标准名词解释", documentation: term.definition, kind: .term,
                newText: cursor.hasTextAfterWord ? term.term : "\(term.term)：\(term.definition)", tier: 0, filterText: term.term)
        }
    }

    // MARK: References in 校验

    static let operatorScalars: Set<Unicode.Scalar> = ["+", "＋", "-", "－", "−", "=", "＝", "<", ">", "≤", "≥", "＜", "＞"]

    /// `公开01.|` → rows of 公开01; `公开02.合计.|` → its columns; else table ids.
    mutating func references() {
        let bytes = snapshot.source.bytes
        // The operand: back from the cursor to a blank or an operator.
        var start = cursor.word.start
        let wordText = cursor.source.string(SourceRange(start: cursor.word.start, end: cursor.offset))
        var index = wordText.unicodeScalars.endIndex
        var scalarOffset = cursor.offset
        while index > wordText.unicodeScalars.startIndex {
            let previous = wordText.unicodeScalars.index(before: index)
            let scalar = wordText.unicodeScalars[previous]
            if CompletionBuilder.operatorScalars.contains(scalar) { start = scalarOffset; break }
            scalarOffset -= String(scalar).utf8.count
            index = previous
        }
        // Dots (ASCII or full-width) split the parts.
        var dots: [(Int, Int)] = []
        var i = start
        while i < cursor.offset {
            if bytes[i] == 0x2E { dots.append((i, 1)); i += 1; continue }
            if bytes[i] == 0xEF, i + 2 < cursor.offset + 1, i + 2 < bytes.count, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x8E { dots.append((i, 3)); i += 3; continue }
            i += 1
        }
        let partStart = dots.last.map { $0.0 + $0.1 } ?? start
        var partEnd = cursor.offset
        while partEnd < cursor.word.end, bytes[partEnd] != 0x2E, !(bytes[partEnd] == 0xEF && partEnd + 2 < bytes.count && bytes[partEnd + 1] == 0xBC && bytes[partEnd + 2] == 0x8E) {
            partEnd += 1
        }
        let range = SourceRange(start: partStart, end: partEnd)
        if dots.isEmpty {
            referenceTables(range)
            return
        }
        let tableName = snapshot.source.string(SourceRange(start: start, end: dots[0].0))
        let table = findTable(tableName)
        if dots.count == 1 {
            referenceRows(table, tableName: tableName, range: range)
        } else {
            let rowName = snapshot.source.string(SourceRange(start: dots[0].0 + dots[0].1, end: dots[dots.count - 1].0))
            referenceColumns(table, tableName: tableName, rowName: rowName, range: range)
        }
    }

    func findTable(_ name: String) -> Table? {
        if let number = StandardTableSpec.number(fromID: name) {
            return report.table(StandardTableSpec.id(number))
        }
        return report.tables.first { $0.id == name }
    }

    mutating func referenceTables(_ range: SourceRange) {
        var present: Set<String> = []
        for table in report.tables where !table.id.isEmpty && present.insert(table.id).inserted {
            add(table.id, detail: table.spec?.title ?? table.syntax.title?.text, kind: .reference, range: range, tier: 0)
        }
        for spec in StandardTableSpec.all where !present.contains(spec.id) {
            add(spec.id, detail: "\(spec.title)（本报告未写此表）", kind: .reference, range: range, tier: 2)
        }
    }

    mutating func referenceRows(_ table: Table?, tableName: String, range: SourceRange) {
        var seen: Set<String> = []
        if let table {
            for row in table.allRows where !row.isDetail {
                let name = row.code ?? row.standardName ?? String(Ordinal.strip(row.label))
                guard !name.isEmpty, seen.insert(name).inserted else { continue }
                let value = row.cells.first??.number.map { "\($0)" } ?? "空"
                let detail = row.code != nil ? "\(row.label)　\(value)" : "\(value)"
                add(name, detail: detail, kind: .reference, range: range, tier: row.isTotal || row.standardName != nil ? 0 : 1)
            }
        }
        let spec = table?.spec ?? StandardTableSpec.number(fromID: tableName).flatMap(StandardTableSpec.spec(number:))
        if let spec {
            for side in spec.sides {
                for row in side.labelRows where seen.insert(row.name).inserted {
                    add(row.name, detail: "\(spec.id) 标准行（未填写）", kind: .reference, range: range, tier: 3)
                }
                for label in side.totalLabels where seen.insert(label).inserted {
                    add(label, detail: "\(spec.id) 合计行", kind: .reference, range: range, tier: 2)
                }
            }
        }
    }

    mutating func referenceColumns(_ table: Table?, tableName: String, rowName: String, range: SourceRange) {
        var names: [String] = []
        if let table {
            let key = LabelKey.make(rowName)
            let section = table.sections.first { section in
                section.rows.contains { $0.code == rowName || $0.key == key || $0.standardName.map(LabelKey.make) == key }
            }
            for s in section.map({ [$0] }) ?? table.sections { names += s.columns.map(\.name) }
        } else if let spec = StandardTableSpec.number(fromID: tableName).flatMap(StandardTableSpec.spec(number:)) {
            for side in spec.sides { names += side.columns.map(\.name) }
        }
        var seen: Set<String> = []
        for name in names where seen.insert(name).inserted {
            add(name, detail: "列", kind: .column, range: range, tier: 0)
        }
    }
}

extension LanguageService {
    /// Completion proposals at a byte offset.
    public static func completion(_ snapshot: DocumentSnapshot, at offset: Int) -> CompletionList {
        // Right after an edit of a large report, analysing it whole would make every keystroke
        // wait; a row of a table needs only the header and that table.
        if !snapshot.isAnalysed, snapshot.source.bytes.count >= blockLocalThreshold,
           let list = blockLocalCompletion(snapshot, at: offset) {
            return list
        }
        var builder = CompletionBuilder(snapshot: snapshot, offset: offset)
        return builder.build()
    }

    /// Completion at `offset` of `current` from `base`, an analysed version it differs from by
    /// one edit of a code row after its code (its figures or name) in a large table, on the same
    /// lines (a row-level edit, `RowScope`), when nothing completion reads there can differ: in
    /// that table the codes, lines, columns and sides are `base`'s, and the cursor's line is
    /// read from `current`. Not on the edited line past the row's code, nor outside the table
    /// (a 校验 lists row names, prose reads other blocks), nor after any other edit: nil, and
    /// the caller completes on `current` itself.
    public static func completion(_ current: DocumentSnapshot, at offset: Int, editedFrom base: DocumentSnapshot) -> CompletionList? {
        // A row-level edit adds no line: other edits (a name typed in a new row) end here,
        // before the two texts are compared.
        guard base !== current, base.source.lineCount == current.source.lineCount, base.isAnalysed,
              base.catalogue == current.catalogue, base.settings == current.settings,
              let edited = EditedBlock(old: base.source, blockStartLines: base.blockStartLines, new: current.source),
              edited.lineDelta == 0, RowScope(edited, old: base.source, new: current.source) != nil else { return nil }
        let source = current.source
        let offset = min(max(0, offset), source.bytes.count)
        let line = source.line(containing: offset)
        let firstLine = source.line(containing: edited.newBlock.start)
        let lastLine = source.line(containing: max(edited.newBlock.start, edited.newBlock.end - 1))
        guard line >= firstLine, line <= lastLine else { return nil }
        let cursor = CursorLine(source: source, offset: offset)
        if line == source.line(containing: edited.oldEdit.start), cursor.word.end >= edited.oldEdit.start { return nil }
        var builder = CompletionBuilder(snapshot: base, cursor: cursor)
        return builder.build()
    }

    /// Reports at least this large (bytes) complete in a table row from that table alone
    /// while they have no analysis yet.
    static let blockLocalThreshold = 64 * 1024

    /// Completion on a row line of a table, computed on the header and that table alone (the
    /// same lines `IncrementalAnalysis` re-checks after an edit); nil elsewhere. The proposals
    /// are those of the whole document, except that label documentation comes from the
    /// standard glossary only (the report's own 名词解释 is in another block).
    static func blockLocalCompletion(_ snapshot: DocumentSnapshot, at rawOffset: Int) -> CompletionList? {
        let source = snapshot.source
        let bytes = source.bytes
        let offset = min(max(0, rawOffset), bytes.count)
        let line = source.line(containing: offset)
        var first = line
        while first >= 0, blockKeyword(source, first) == nil { first -= 1 }
        guard first >= 0, first < line, blockKeyword(source, first) == .table else { return nil }
        var last = line
        while last + 1 < source.lineCount, blockKeyword(source, last + 1) == nil { last += 1 }
        var top = 0
        while top < first, blockKeyword(source, top) == nil { top += 1 }
        let headerEnd = source.lineStarts[top]
        let blockStart = source.lineStarts[first]
        let blockEnd = last + 1 < source.lineCount ? source.lineStarts[last + 1] : bytes.count
        let mini = DocumentSnapshot(uri: snapshot.uri, version: snapshot.version,
                                    source: SourceText(bytes: Array(bytes[0..<headerEnd]) + Array(bytes[blockStart..<blockEnd])),
                                    catalogue: snapshot.catalogue)
        var builder = CompletionBuilder(snapshot: mini, offset: offset - blockStart + headerEnd)
        var list = builder.build()
        let shift = blockStart - headerEnd
        for index in list.items.indices {
            let range = list.items[index].range
            list.items[index].range = SourceRange(start: range.start + shift, end: range.end + shift)
        }
        return list
    }

    /// The block keyword a line starts with (at column 0, then a blank or the line end).
    static func blockKeyword(_ source: SourceText, _ line: Int) -> BlockKeyword? {
        let range = source.lineContentRange(line)
        let bytes = source.bytes
        guard range.start < range.end else { return nil }
        // Keywords start with 表 说明 绩效 名词解释 校验 or an ASCII letter: skip other lines fast.
        let lead = bytes[range.start]
        guard lead >= 0xE0 || (lead | 0x20 >= 0x61 && lead | 0x20 <= 0x7A) else { return nil }
        var end = range.start
        while end < range.end, Lexing.blankLength(bytes, end, range.end) == 0 { end += 1 }
        guard end - range.start <= 12 else { return nil }
        return BlockKeyword(word: source.string(SourceRange(start: range.start, end: end)))
    }
}
