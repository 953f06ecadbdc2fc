import JuesuanCatalogue
import JuesuanSyntax

/// A statement about a quantity that carries no figure of its own: `与上年持平`, `与年初预算相比无变化`.
public struct ProseStatement: Sendable {
    public enum Kind: Sendable, Hashable {
        case noChange
        /// A name with a functional code in brackets (`行政运行（2010301）`): the name as written
        /// (without an item number), the code, and whether the name is that code's
        /// (`ProseReader.nameAgrees`); `range` is the code's.
        case namedCode(name: String, code: String, agrees: Bool)
    }
    public var kind: Kind
    /// The budget it compares with, or nil for the previous year.
    public var comparedWithBudget: Measure?
    public var range: SourceRange
    public var quantity: Quantity?
    /// The figure the statement is about (the amount before it in its sentence), an index into the claims.
    public var subject: Int?
    public var line: Int
    public var paragraph: Int
}

/// One paragraph (a prose line of a `说明`), normalised and read.
public struct ProseParagraph: Sendable {
    public var line: Int
    public var section: Int
    public var text: ProseText
    /// Its claims: a range of the document's claims.
    public var claims: Range<Int>
}

/// The prose of a report read once (narrative.md §1–2): paragraphs, figures with their
/// quantity, measure and period resolved from their clause, the paragraph's topic, the section
/// title and respectively lists; `其中` lists and the brackets inside them.
public struct ProseDocument: Sendable {
    public var paragraphs: [ProseParagraph]
    public var claims: [Claim]
    public var statements: [ProseStatement]
    /// The normalised title of each `说明` (nil without one), in the order of the sections.
    public var titles: [ProseText?]
    /// The quantity each `说明`'s title names (`五、一般公共预算财政拨款支出决算情况说明` → that
    /// fund's spending), in the order of the sections.
    public var titleQuantities: [Quantity?]

    public init(report: Report) {
        self.init(report: report, blocks: report.syntax.blocks.indices)
    }

    /// The prose of the `说明` blocks among `blocks` (a run of the document's blocks), its
    /// sections, paragraphs and claims numbered from 0.
    public init(report: Report, blocks: Range<Int>) {
        var reader = ProseReader(report: report)
        self.init(report: report, blocks: blocks, reader: &reader)
    }

    /// The same with `reader` (made by `ProseReader(report:)` for this report), which keeps
    /// what it has looked up for the next run it reads (a thread reading parts in turn).
    public init(report: Report, blocks: Range<Int>, reader: inout ProseReader) {
        var titles: [ProseText?] = []
        var titleQuantities: [Quantity?] = []
        // The blocks are read in place and the source fetched once: `SyntaxTree.narratives`
        // copied every narrative (its tokens) into a new array (issue 15).
        let source = report.source
        let syntax = report.syntax
        var section = 0
        for index in blocks {
            guard case .narrative(let narrative) = syntax.blocks[index] else { continue }
            let titleText = narrative.title.map { ProseText(source, $0.range) }
            titles.append(titleText)
            let title = titleText.flatMap { text in
                let words = text.string(0, text.count)
                return ProseReader.quantity(inTitle: words) ?? reader.item(inTitle: words)
            }
            titleQuantities.append(title)
            for line in narrative.proseLines {
                reader.read(line: line, range: source.lineContentRange(line), source: source, section: section, titleQuantity: title)
            }
            section += 1
        }
        (paragraphs, claims, statements) = reader.takeReadings()
        self.titles = titles
        self.titleQuantities = titleQuantities
    }

    /// The runs of blocks of a large report's prose cut into at most `count` parts of about
    /// equal prose bytes, each read on its own (`init(report:blocks:)`, on either of two
    /// threads): `append`ing them in order gives the document `init(report:)` reads — a
    /// paragraph is read on its own, so where the reading starts changes nothing but the
    /// numbering (`ParallelAnalysisTests`).
    public static func partBlocks(_ count: Int, of report: Report) -> [Range<Int>] {
        let blocks = report.syntax.blocks
        let source = report.source
        var proseBytes: [Int] = []
        proseBytes.reserveCapacity(blocks.count)
        var total = 0
        for block in blocks {
            if case .narrative(let narrative) = block {
                for line in narrative.proseLines { total += source.lineContentRange(line).length }
            }
            proseBytes.append(total)
        }
        var ranges: [Range<Int>] = []
        var start = 0
        for part in 1..<max(1, count) {
            // The part ends after the block that reaches its share of the prose.
            guard let end = proseBytes[start...].firstIndex(where: { $0 * count >= total * part }).map({ $0 + 1 }),
                  end < blocks.count else { break }
            if end > start {
                ranges.append(start..<end)
                start = end
            }
        }
        ranges.append(start..<blocks.count)
        return ranges
    }

    /// The parts of `partBlocks(_:of:)` read in order, one after another: their sections,
    /// paragraphs and the claims their claims and statements point to renumbered. (Room for
    /// the whole is made once: growing to each part's end copied the claims read so far again
    /// and again.)
    public init(joining parts: [ProseDocument]) {
        paragraphs = []; claims = []; statements = []; titles = []; titleQuantities = []
        claims.reserveCapacity(parts.reduce(0) { $0 + $1.claims.count })
        paragraphs.reserveCapacity(parts.reduce(0) { $0 + $1.paragraphs.count })
        statements.reserveCapacity(parts.reduce(0) { $0 + $1.statements.count })
        titles.reserveCapacity(parts.reduce(0) { $0 + $1.titles.count })
        titleQuantities.reserveCapacity(titles.capacity)
        for later in parts {
            let claimOffset = claims.count, paragraphOffset = paragraphs.count, sectionOffset = titles.count
            for var claim in later.claims {
                claim.paragraph += paragraphOffset
                claim.section += sectionOffset
                claim.listWhole = claim.listWhole.map { $0 + claimOffset }
                claim.respectivelyOf = claim.respectivelyOf.map { $0 + claimOffset }
                claims.append(claim)
            }
            for var paragraph in later.paragraphs {
                paragraph.section += sectionOffset
                paragraph.claims = (paragraph.claims.lowerBound + claimOffset)..<(paragraph.claims.upperBound + claimOffset)
                paragraphs.append(paragraph)
            }
            for var statement in later.statements {
                statement.paragraph += paragraphOffset
                statement.subject = statement.subject.map { $0 + claimOffset }
                statements.append(statement)
            }
            titles += later.titles
            titleQuantities += later.titleQuantities
        }
    }
}

/// Reads paragraphs one after another into claims and statements. Linear in the text: each
/// scalar is looked at a bounded number of times, and no claim keeps more than a bounded
/// window of its sentence.
public struct ProseReader: Sendable {
    public let year: Int?
    public private(set) var claims: [Claim] = []
    public private(set) var statements: [ProseStatement] = []
    public private(set) var paragraphs: [ProseParagraph] = []

    public init(year: Int?, department: String? = nil) {
        self.year = year
        yearWords = Self.yearWords(year)
        departmentNamesAsWritten = Self.names(ofDepartment: department)
        // As a qualifier holds them: without neutral words, years and marks.
        departmentNames = departmentNamesAsWritten.map { QuantityNames.neutralized($0) }.filter { $0.unicodeScalars.count >= 2 }
            .sorted { $0.utf8.count > $1.utf8.count }
    }

    /// A reader of `report`'s prose, which looks bare item names up in its functional tables.
    public init(report: Report) {
        self.init(year: report.header.year, department: report.header.department)
        itemTables = ["公开05", "公开03", "公开07", "公开08"].compactMap { report.table($0) }
        basicSpendingRows = Self.economicRows(of: report.table("公开06"))
        functionalTables = report.tables.filter { $0.rowKind == .functionalCodes }
        catalogue = report.catalogue
        tableUnit = report.header.unit
    }

    /// The tables' money unit: what a zero written without a unit is in (`其他收入为0`).
    var tableUnit: MoneyUnit?

    /// The paragraphs, claims and statements read so far, handed over and forgotten: the
    /// reader then reads on as if new, numbering from 0, but keeps what it has looked up.
    public mutating func takeReadings() -> ([ProseParagraph], [Claim], [ProseStatement]) {
        defer { paragraphs = []; claims = []; statements = [] }
        return (paragraphs, claims, statements)
    }

    /// The department's name as the header gives it and as prose shortens it (`某县水利局`,
    /// `水利局`), as a qualifier holds them (`names(ofDepartment:)` neutralised): before a figure's
    /// name it says whose the figure is, which the report is about (`某县水利局2024年度收入总计`),
    /// unlike another unit's name.
    let departmentNames: [String]

    /// The department's names as the header writes them (`names(ofDepartment:)`).
    let departmentNamesAsWritten: [String]

    /// The header's department name and its tails from and after each place (`景德镇市珠山区医疗保障局` →
    /// `市珠山区医疗保障局`, `珠山区医疗保障局`, `区医疗保障局`, `医疗保障局`), longest first; none shorter than two scalars.
    static func names(ofDepartment department: String?) -> [String] {
        guard let department = department?.simpleTrimmingBlanks, !department.isEmpty else { return [] }
        var names = [department]
        let scalars = Array(department.unicodeScalars)
        for (k, scalar) in scalars.enumerated() where "省市县区州盟旗".unicodeScalars.contains(scalar) && k > 0 {
            // With the place's last word and without it: `县水利局`, `水利局`.
            for start in [k, k + 1] {
                var tail = String.UnicodeScalarView()
                tail.append(contentsOf: scalars[start...])
                names.append(String(tail))
            }
        }
        // The kind of institution alone, as it calls itself (`2024年度学院收入总计…` of 滨江市职业技术学院).
        if let kind = Self.institutionKinds.first(where: { department.hasSuffix($0) }), kind != department { names.append(kind) }
        return names.filter { $0.unicodeScalars.count >= 2 }.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// The kinds of institution a department's name may end with and that it calls itself by.
    static let institutionKinds = ["学院", "医院", "学校", "中学", "小学", "大学", "党校", "幼儿园", "中心", "博物馆", "图书馆", "纪念馆",
                                   "文化馆", "美术馆", "档案馆", "研究院", "研究所", "法院", "检察院"]

    /// A budget named by its measure alone (`全年预算数`), as bytes.
    static let budgetWordBytes = ["预算", "预算数", "年初预算", "年初预算数", "全年预算", "全年预算数", "调整预算", "调整预算数",
                                  "调整后预算", "调整后预算数"].map { Array($0.utf8) }

    /// `text` without the first of `names` (longest first) it starts with, or nil when it starts
    /// with none. By bytes: both are normalised text (a canonical comparison per figure was a
    /// tenth of describing it); the first byte is asked first, as most texts start otherwise.
    static func dropping(prefixAmong names: [String], from text: String) -> String? {
        guard let first = text.utf8.first, names.contains(where: { $0.utf8.first == first }),
              let name = names.first(where: { text.utf8.starts(with: $0.utf8) }) else { return nil }
        return String(decoding: text.utf8.dropFirst(name.utf8.count), as: UTF8.self)
    }

    /// `phrase` without the department's name at its start (`第95局2024年度收、支总计各为` →
    /// `2024年度收、支总计各为`): the heads of a respectively clause are then the report's.
    func withoutDepartmentName(_ phrase: String) -> String {
        Self.dropping(prefixAmong: departmentNamesAsWritten, from: phrase) ?? phrase
    }

    /// The quantity without the department's own name in its qualifier (`某县水利局收入总计` is
    /// the 收入总计 of the report).
    func removeDepartmentName(from quantity: inout Quantity) {
        if let rest = Self.dropping(prefixAmong: departmentNames, from: quantity.qualifier) { quantity.qualifier = rest }
    }

    /// `isPreviousYear`'s words for the report's year, made once per reader (they were two
    /// arrays and two interpolated strings per figure).
    let yearWords: (previous: [String], current: [String])

    /// `FigureNames.categoryCode(in: LabelKey.make(head))`, remembered by the head's bytes:
    /// heads repeat through a report. (Not by key as well: a second table cost more than the
    /// few heads of one key it saved, issue 15.)
    private var categoryCodesByHead: [ByteKey: String?] = [:]

    mutating func categoryCode(ofHead head: String) -> String? {
        if let known = categoryCodesByHead[ByteKey(head)] { return known }
        let code = FigureNames.categoryCode(in: LabelKey.make(head))
        categoryCodesByHead[ByteKey(head)] = .some(code)
        return code
    }

    /// The 款 rows of 公开06 (`30201 办公费`) by label key: the parts of 人员经费 and 公用经费 a
    /// paragraph about them may name bare (a label two rows share names neither).
    var basicSpendingRows: [String: String] = [:]

    static func economicRows(of table: Table?) -> [String: String] {
        guard let table else { return [:] }
        var rows: [String: String] = [:]
        var shared: Set<String> = []
        for section in table.sections {
            for row in section.rows {
                guard let code = row.code, code.utf8.count == 5, code.utf8.first == UInt8(ascii: "3") else { continue }
                let key = LabelKey.make(row.label)
                if let other = rows[key], other != code { shared.insert(key) }
                rows[key] = code
            }
        }
        for key in shared { rows[key] = nil }
        return rows
    }

    /// The words of a paragraph about the basic spending's parts (the 公开06 totals), and words
    /// that say its figures are of other money.
    static let basicSpendingWords = ["人员经费", "公用经费", "基本支出", "工资福利支出", "商品和服务支出", "对个人和家庭的补助"]
    static let otherMoneyWords = ["项目支出", "项目经费", "三公", "机关运行经费", "政府采购"]

    /// `①基本工资78.36万元`, `办公费、差旅费…分别为4.82、2.64…万元` in a paragraph about 人员经费 or
    /// 公用经费: a 款 of 公开06 named bare, that row's amount.
    mutating func basicSpendingRow(_ claim: inout Claim, _ state: inout ParagraphState) {
        // (A “三公” item too: `商品和服务支出中金额较大的是电费…、公务用车运行维护费12.36万元` is 30231.)
        guard !basicSpendingRows.isEmpty, claim.isPlainAmount, claim.period == .current, claim.measure == .actual,
              claim.quantity?.isKnown != true || claim.quantity.map({ $0.code == nil && $0.qualifier.isEmpty && Self.isThreePublicItem($0.name) }) == true else { return }
        var words = Substring(claim.quantity.map { $0.name } ?? claim.label)
        if let cut = words.lastIndex(where: { "：:，,；;、".contains($0) }) { words = words[words.index(after: cut)...] }
        words = Ordinal.strip(words)
        while let first = words.unicodeScalars.first, first.value >= 0x2460, first.value <= 0x2473 { words = words.dropFirst() }
        for filler in ["其中", "包括", "主要包括", "为"] where words.hasPrefix(filler) { words = words.dropFirst(filler.count) }
        for tail in ["支出", "为", "是"] where words.hasSuffix(tail) && basicSpendingRows[LabelKey.make(String(words))] == nil { words = words.dropLast(tail.count) }
        // `物业管理费（30209）`: the row's code written after its name must be the row's.
        var writtenCode: Substring?
        if let last = words.last, last == "）" || last == ")", let open = words.lastIndex(where: { $0 == "（" || $0 == "(" }) {
            let digits = words[words.index(after: open)..<words.index(before: words.endIndex)]
            if (digits.count == 3 || digits.count == 5), digits.first == "3", digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                writtenCode = digits
                words = words[..<open]
            }
        }
        guard words.count >= 2, let code = basicSpendingRows[LabelKey.make(String(words))], writtenCode.map({ $0 == code }) ?? true else { return }
        if state.aboutBasicSpending == nil {
            let paragraph = state.string(0, state.text.count)
            // (Not one that speaks of other money too: `机关运行经费…其中：办公费14.26万元…` lists the
            // running cost's parts, which 公开06's rows need not be.)
            // Nor of the department's basic spending of every source (公开03's, a 事业单位's own
            // income with it): only the appropriations' (公开06's), named in the paragraph or title.
            state.aboutBasicSpending = Self.basicSpendingWords.contains { paragraph.utf8Contains($0) }
                && !Self.otherMoneyWords.contains { paragraph.utf8Contains($0) }
                && (paragraph.utf8Contains("财政拨款") || state.titleQuantity?.description.utf8Contains("财政拨款") == true)
        }
        guard state.aboutBasicSpending == true, !Self.otherMoneyWords.contains(where: { claim.sentencePrefix.utf8Contains($0) }) else {
            // `公用经费中，…；公务接待费1,860.00元（另有…在项目中列支）`: a “三公” item under a topic of
            // basic spending is that spending's part (of some funds), not 公开09's of all the money.
            if let named = claim.quantity, named.isKnown, named.code == nil, Self.isThreePublicItem(named.name),
               let topic = state.topic, Self.basicSpendingWholes.contains(ByteKey(topic.name)) {
                claim.quantity = Quantity(name: topic.description + "中" + named.name, isKnown: false)
            }
            return
        }
        claim.quantity = Quantity(name: String(words), isKnown: true, code: code)
        if claim.quantitySource == .none { claim.quantitySource = .ownClause }
    }

    /// The report's functional tables, whose rows name the items prose may name bare
    /// (`1.行政运行：年初预算…`); indexed on the first such clause.
    var itemTables: [Table] = []
    /// Every table whose rows are functional codes (公开02, 03, 05, 07, 08), and the catalogue of
    /// the report: what a name written with a code in brackets is compared with.
    var functionalTables: [Table] = []
    var catalogue: Catalogue = .embedded
    /// The label keys of the rows of `functionalTables` by code; made on first use.
    private var rowLabelKeysByCode: [String: [String]]?
    /// Every code of a 款 or 项 row with that label in the report's functional tables, in table
    /// order; made on first use.
    private var itemCodesByKey: [String: [String]]?

    /// The code of the 款 or 项 row a bare name labels in the report's functional tables:
    /// `.some(nil)` when rows of different codes have that label (行政运行 under two 款), nil
    /// when none has.
    mutating func itemCode(forKey key: String) -> String?? {
        guard let codes = itemCodes(forKey: key) else { return nil }
        return codes.count == 1 ? codes[0] : .some(nil)
    }

    /// Every code of a row with that label (nil when none has it).
    private mutating func itemCodes(forKey key: String) -> [String]? {
        if itemCodesByKey == nil {
            var codes: [String: [String]] = [:]
            for table in itemTables {
                for section in table.sections {
                    for row in section.rows {
                        guard let code = row.code, code.utf8.count >= 5 else { continue }
                        let label = LabelKey.make(row.label)
                        if codes[label]?.contains(code) != true { codes[label, default: []].append(code) }
                    }
                }
            }
            itemCodesByKey = codes
        }
        return itemCodesByKey![key]
    }

    /// The item a chain of levels names (nil when the words name no level). From the 类 down, by
    /// the catalogue. A chain that starts below the 类 (`文化和旅游（款）行政运行（项）`,
    /// `群众文化（项）支出`) by the report's own rows: known when one row of the deepest level has
    /// its name — under a 款 of the name written above it, when one is — and unknown otherwise
    /// (行政运行 under two 款 of the report, with no 款 written), never guessed.
    mutating func chainItem(_ words: String) -> Quantity? {
        var levels = ItemChain.levels(in: words)
        // `2024年度教育支出（类）`, `本部门…`: a year or the department before the first level names
        // nothing of it.
        // (The year's digits end the name's words: `年度教育支出` is what is left of it.)
        if let first = levels.first, let lead = first.name.unicodeScalars.first, ProseText.isDigit(lead) || "本我该年".unicodeScalars.contains(lead) {
            var bare = Self.withoutLeadingNeutralWords(first.name)
            if bare.utf8HasPrefix("年度") { bare = String(bare.utf8.dropFirst(6))! }
            if !bare.isEmpty { levels[0].name = bare }
        }
        guard let item = ItemChain.quantity(of: levels) else { return nil }
        guard !item.isKnown, !itemTables.isEmpty, let first = levels.first, first.level >= 2, let deepest = levels.last else { return item }
        let length = deepest.level == 2 ? 5 : 7
        var codes = (itemCodes(forKey: LabelKey.make(deepest.name)) ?? []).filter { $0.utf8.count == length }
        if levels.count >= 2, levels[levels.count - 2].level == deepest.level - 1, deepest.level == 3 {
            let parent = LabelKey.make(levels[levels.count - 2].name)
            codes = codes.filter { code in
                let parentCode = String(code.prefix(5))
                return Catalogue.embedded.entry(code: parentCode, kind: .functional).map { LabelKey.make($0.name) == parent } ?? false
            }
        }
        guard codes.count == 1, let code = codes.first else { return item }
        let name = Catalogue.embedded.entry(code: code, kind: .functional)?.name ?? deepest.name
        return Quantity(name: "\(name)（\(ItemChain.levelWords[deepest.level - 1])）", isKnown: true, code: code)
    }

    /// `公务员医疗补助（项）年初预算与调整预算均为20.00万元`: heads that are measures after a first
    /// naming an item by its levels are each that item's measure.
    mutating func itemBeforeMeasureHeads(_ state: inout ParagraphState) {
        guard state.heads.count >= 2, !state.heads[0].isKnown, state.headMeasures.allSatisfy({ $0 == nil }),
              state.heads.dropFirst().allSatisfy({ Self.measureHeadWords[$0.name] != nil }) else { return }
        let (head, measure) = Self.stripMeasureWords(state.heads[0].name, simple: false)
        guard let measure, measure.isBudget || measure == .actual, ItemChain.mayHoldChain(head), let item = chainItem(head), item.isKnown else { return }
        state.headMeasures = [measure] + state.heads.dropFirst().map { Self.measureHeadWords[$0.name] }
        state.heads = Array(repeating: item, count: state.heads.count)
    }

    /// Words before the budget an amount's budget was adjusted to.
    static let adjustedToWords = ["调整", "调增", "调减", "调整后", "追加"].flatMap { [$0 + "为", $0 + "至", $0 + "到"] }
    static let adjustedToSecondLasts = ScalarSet("整增减后加")
    static let headJoiners = ScalarSet("、和与及")

    /// The last two scalars of a string, read off its bytes (a scalar view's indices are validated
    /// at every step).
    static func lastTwoScalars(_ text: String) -> (Unicode.Scalar?, Unicode.Scalar?) {
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            func scalar(endingAt end: Int) -> (Unicode.Scalar, Int)? {
                guard end > 0 else { return nil }
                var start = end - 1
                while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                var value = UInt32(bytes[start])
                switch end - start {
                case 1: break
                case 2: value = value & 0x1F
                case 3: value = value & 0x0F
                default: value = value & 0x07
                }
                if end - start > 1 { for k in (start + 1)..<end { value = value << 6 | UInt32(bytes[k] & 0x3F) } }
                return Unicode.Scalar(value).map { ($0, start) }
            }
            guard let (last, start) = scalar(endingAt: bytes.count) else { return (nil, nil) }
            return (scalar(endingAt: start)?.0, last)
        } ?? (text.unicodeScalars.dropLast().last, text.unicodeScalars.last)
    }

    /// Whether an amount is the one before it in its sentence (at its depth) written in another
    /// money unit: this one, shifted to that unit and rounded to its digits, is it.
    func restatesAmount(_ claim: Claim, state: ParagraphState, outside: Bool = false) -> Bool {
        guard let previous = state.lastAmount[claim.depth - (outside ? 1 : 0)], previous >= state.firstClaimOfSentence,
              claims[previous].isPlainAmount else { return false }
        return Claim.restates(claim, claims[previous])
    }

    /// Whether an amount in another money unit than the amount just before its bracket stands
    /// alone in that bracket, nothing but blanks around it (`595.81万元（5,958,200.00元）`): it
    /// can only be that amount again, whatever its digits.
    func isBareRestatement(_ claim: Claim, of previous: Int, bracketOpen: Int, start: Int, end: Int, state: ParagraphState) -> Bool {
        guard case .money(let unit)? = claim.unit, case .money(let previousUnit)? = claims[previous].unit, unit != previousUnit,
              claims[previous].isPlainAmount, previous >= state.firstClaimOfSentence, bracketOpen < start else { return false }
        let s = state.text.scalars
        // (Or after a word of conversion: `（约0.07亿元）`, `（折合5,958,100元）`.)
        let words = String(String.UnicodeScalarView(s[(bracketOpen + 1)..<start])).trimmingBlanks
        guard words.isEmpty || Self.restatingWords.contains(words) else { return false }
        var after = end
        while after < s.count, s[after] == " " { after += 1 }
        return after < s.count && (s[after] == "）" || s[after] == ")")
    }

    /// The words a bracket restating an amount in another unit may open with.
    static let restatingWords: Set<String> = ["约", "合", "约合", "折合", "即", "计"]

    /// Words saying what an amount is made of (`全部为一般公共预算财政拨款收入`).
    static let madeOfWords = ["全部为", "全部是", "均为", "全部用于"]
    static let mainlyMadeOfWords = ["主要为", "主要是", "主要用于"]

    /// Words of a value shared by what was named before (`均为0万元`).
    static let sharedValueWords = Set(["均", "均为", "各", "各为", "都", "都为", "都是", "均是"].map(ByteKey.init))

    /// An item's own parts that name a total of the report too.
    static let itemSplits = Set(["人员经费", "公用经费"].map(ByteKey.init))
    /// A year's income or spending named by its side alone.
    static let yearSideWords = Set(["本年收入", "本年支出", "上年收入", "上年支出", "本年收入为", "本年支出为", "上年收入为", "上年支出为"].map(ByteKey.init))

    /// What a year's side speaks of: the known amount before it in its sentence, or the topic, when
    /// it is no total of the report (`本年收入合计`, `本年支出合计`).
    /// Only after last year's amount of it (`上年为98.20万元`, `上年支出158,420.60元`).
    static func yearSideSubject(_ claims: [Claim], from first: Int, topic: Quantity?) -> Quantity? {
        guard let previous = (first..<claims.count).last(where: { claims[$0].isPlainAmount }), claims[previous].period == .previous else { return nil }
        let subject = yearSideWords.contains(ByteKey(claims[previous].label)) ? topic : claims[previous].quantity
        guard let subject, subject.isKnown, !subject.name.utf8HasPrefix("本年"), !subject.name.utf8HasSuffix("合计"), !subject.name.utf8HasSuffix("总计"),
              !subject.name.utf8Contains("结转"), !subject.name.utf8Contains("结余") else { return nil }
        return subject
    }

    /// The other classes of 公开06's basic spending by economic classification.
    static let economicSiblings = Set(["工资福利支出", "商品和服务支出", "对个人和家庭的补助"].map(ByteKey.init))

    /// Whether the text at `i` opens a numbered point: `（三）`, `(3)`, `三是`, `3.`, `3、`, `②`.
    static func startsNumberedPoint(_ text: ProseText, at i: Int) -> Bool {
        var k = i
        while text[k] == " " { k += 1 }
        guard let first = text[k] else { return false }
        if first.value >= 0x2460 && first.value <= 0x2473 { return true }
        if first == "（" || first == "(" {
            var j = k + 1
            while let c = text[j], ProseText.isDigit(c) || ChineseNumeral.scalars.contains(c) { j += 1 }
            return j > k + 1 && (text[j] == "）" || text[j] == ")")
        }
        var j = k
        if ProseText.isDigit(first) {
            while let c = text[j], ProseText.isDigit(c) { j += 1 }
            return j - k <= 2 && (text[j] == "." || text[j] == "、" || text[j] == "）" || text[j] == ")") && !ProseText.isDigit(text[j + 1] ?? " ")
        }
        if ChineseNumeral.scalars.contains(first) {
            while let c = text[j], ChineseNumeral.scalars.contains(c) { j += 1 }
            return j - k <= 2 && (text[j] == "是" || text[j] == "、")
        }
        return false
    }

    /// The parts of 公开09's “三公” total, which are also rows of 公开06's basic spending.
    static let threePublicItems = Set(["公务用车运行维护费", "公务接待费", "因公出国（境）费", "公务用车购置费"].map(ByteKey.init))
    /// (By bytes, asked of every known amount: a `String` hashes normalising.)
    static func isThreePublicItem(_ name: String) -> Bool { name.utf8HasSuffix("费") && threePublicItems.contains(ByteKey(name)) }
    /// Wholes of basic spending whose parts those may be.
    static let basicSpendingWholes = Set(["机关运行经费", "公用经费", "商品和服务支出", "基本支出"].map(ByteKey.init))

    /// The item a clause of a bare row label names (`1.行政运行`, `（二）农田建设（项）`): known
    /// with its code when one row of the report has that label; unknown when several do (it is
    /// still what the figures after it are about, so nothing else is guessed for them).
    mutating func bareItem(_ words: String) -> Quantity? {
        guard !itemTables.isEmpty, words.unicodeScalars.count <= 40 else { return nil }
        return bareItem(key: LabelKey.make(words))
    }

    /// `bareItem` of a label key ending in 支出, without it (`征地和拆迁补偿支出` names the row
    /// `征地和拆迁补偿`); nil for any other key.
    mutating func bareItem(droppingSpending key: String) -> Quantity? {
        key.utf8HasSuffix("支出") ? bareItem(key: String(key.utf8.dropLast("支出".utf8.count))!) : nil
    }

    /// `bareItem` of words already made a label key.
    mutating func bareItem(key: String) -> Quantity? {
        guard !itemTables.isEmpty, !key.isEmpty, key.utf8.count <= 160, let code = itemCode(forKey: key) else { return nil }
        guard let code else { return Quantity(name: key, isKnown: false) }
        let level = code.utf8.count == 5 ? "款" : "项"
        return Quantity(name: "\(key)（\(level)）", isKnown: true, code: code)
    }

    /// Where a functional 款 or 项 code written in brackets after a name ends (`行政运行（2010301）`:
    /// at the closing bracket, which closes the bracket as any does), when the digits at `i` are
    /// one; nil otherwise.
    static func bracketedCodeEnd(_ text: ProseText, at i: Int) -> Int? {
        guard let open = text[i - 1], open == "（" || open == "(" else { return nil }
        var end = i
        while ProseText.isDigit(text[end]) { end += 1 }
        guard end - i == 3 || end - i == 5 || end - i == 7, let close = text[end], close == "）" || close == ")" else { return nil }
        let code = text.string(i, end)
        guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // (A 类's three digits too, after its name: `社会保障和就业支出(208)`; not `支出（201）`.)
        if end - i == 3 {
            guard let name = Catalogue.embedded.categoryName(forCode: code), i - 1 > name.unicodeScalars.count,
                  text.string(i - 1 - name.unicodeScalars.count, i - 1) == name else { return nil }
            return end
        }
        guard Catalogue.embedded.entry(code: code, kind: .functional) != nil else { return nil }
        return end
    }

    /// Where an economic class's code in brackets after its name ends (`工资福利支出（301）`,
    /// `办公费（30201）`): at the closing bracket; nil for any other digits.
    static func bracketedEconomicCodeEnd(_ text: ProseText, at i: Int) -> Int? {
        guard let open = text[i - 1], open == "（" || open == "(", text[i] == "3" else { return nil }
        var end = i
        while ProseText.isDigit(text[end]) { end += 1 }
        guard end - i == 3 || end - i == 5, let close = text[end], close == "）" || close == ")" else { return nil }
        let code = text.string(i, end)
        guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), Catalogue.embedded.entry(code: code, kind: .economic) != nil else { return nil }
        return end
    }

    /// Where a functional code written right before a name ends (`2080502事业单位离退休`): the
    /// digits are a 款 or 项 of the catalogue, and an ideograph that starts no unit follows them.
    /// Nil otherwise (`12345万元` is a figure).
    static func leadingCodeEnd(_ text: ProseText, at i: Int) -> Int? {
        guard text[i] == "2" else { return nil }
        var end = i
        while ProseText.isDigit(text[end]) { end += 1 }
        guard end - i == 5 || end - i == 7, let next = text[end], next.value >= 0x4E00, next.value < 0xA000,
              next != "万", next != "亿", next != "千", next != "元", next != "年" else { return nil }
        let code = text.string(i, end)
        guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), Catalogue.embedded.entry(code: code, kind: .functional) != nil else { return nil }
        return end
    }

    /// Whether a name written before a functional code in brackets is that code's: the
    /// catalogue's name for it, or the label of a row of the report's functional tables with
    /// that code, ends the name (`主要用于城乡社区环境卫生(2120501)`). The one decision the topic
    /// follows (`codedItem`) and N517 reports (`ProseStatement.Kind.namedCode`).
    mutating func nameAgrees(_ name: String, code: String) -> Bool {
        let key = LabelKey.make(name)
        if let entry = catalogue.entry(code: code, kind: .functional), key.hasSuffix(LabelKey.make(entry.name)) { return true }
        if rowLabelKeysByCode == nil {
            var keys: [String: [String]] = [:]
            for table in functionalTables {
                for row in table.allRows where !row.label.isEmpty {
                    if let rowCode = row.code { keys[rowCode, default: []].append(LabelKey.make(row.label)) }
                }
            }
            rowLabelKeysByCode = keys
        }
        return rowLabelKeysByCode![code]?.contains { !$0.isEmpty && key.hasSuffix($0) } ?? false
    }

    /// Records the name a bracketed code is written after (the words back to the clause's start,
    /// less an item number), and whether it is the code's: `NarrativeItemCodeCheck` reports it
    /// when not.
    mutating func namedCode(_ state: inout ParagraphState, codeStart: Int, codeEnd: Int, line: Int, paragraph: Int) {
        // Back from the bracket to a clause mark or the sentence's start (the bracket opened a
        // clause of its own), 40 scalars at most.
        var start = codeStart - 1
        while start > max(state.sentenceStart, codeStart - 1 - 40), let previous = state.text[start - 1], !"，。；：,;:".unicodeScalars.contains(previous) { start -= 1 }
        let name = Self.withoutItemNumber(state.string(start, codeStart - 1))
        guard !name.isEmpty else { return }
        let code = state.string(codeStart, codeEnd)
        statements.append(ProseStatement(kind: .namedCode(name: name, code: code, agrees: nameAgrees(name, code: code)),
                                         comparedWithBudget: nil, range: state.text.range(codeStart, codeEnd),
                                         quantity: nil, subject: nil, line: line, paragraph: paragraph))
    }

    /// The item a code written before its name names (`1. 2080502事业单位离退休`): as `codedItem`.
    mutating func leadingCodedItem(_ words: String) -> Quantity? {
        // (Most words hold no 2 at all: their bytes say so first.)
        guard words.utf8.contains(UInt8(ascii: "2")) else { return nil }
        var scalars = Array(Self.withoutItemNumber(words).unicodeScalars)
        // (`1.2080502…`: the item's number before the code, its blank gone.)
        if let dot = scalars.prefix(3).firstIndex(where: { $0 == "." || $0 == "、" }), dot > 0,
           scalars[..<dot].allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) { scalars.removeFirst(dot + 1) }
        guard let first = scalars.first, first == "2" else { return nil }
        var end = 0
        while end < scalars.count, scalars[end].value >= 0x30, scalars[end].value <= 0x39 { end += 1 }
        guard end == 5 || end == 7, end < scalars.count else { return nil }
        let digits = String(String.UnicodeScalarView(scalars[..<end]))
        guard let entry = catalogue.entry(code: digits, kind: .functional) else { return nil }
        let nameWords = String(String.UnicodeScalarView(scalars[end...]))
        let name = LabelKey.make(nameWords)
        guard !name.isEmpty else { return nil }
        guard nameAgrees(nameWords, code: digits) else { return Quantity(name: name, isKnown: false) }
        return Quantity(name: "\(entry.name)（\(digits.utf8.count == 5 ? "款" : "项")）", isKnown: true, code: digits)
    }

    /// The item a name with its code in brackets names (`行政运行（2010301）`, `（二）城乡社区环境卫生(2120501)`):
    /// known by the code when the name before it is the catalogue's or the report's row's for that
    /// code; unknown when they disagree (the figures after it are still about it, and neither the
    /// name nor the code is guessed); nil when the words end in no such code.
    mutating func codedItem(_ words: String) -> Quantity? {
        if let leading = leadingCodedItem(words) { return leading }
        var scalars = Substring(words).unicodeScalars
        // (`统计信息事务（20105）款支出`: the level and 支出 after the code are the item's.)
        if scalars.last == "出" || scalars.last == "款" || scalars.last == "项" || scalars.last == "类" {
            for tail in ["款支出", "项支出", "类支出", "支出", "款", "项", "类"] where String(scalars).hasSuffix(tail) {
                let cut = scalars.dropLast(tail.unicodeScalars.count)
                if cut.last == "）" || cut.last == ")" { scalars = cut; break }
            }
        }
        guard let last = scalars.last, last == "）" || last == ")" else { return nil }
        scalars.removeLast()
        var digits = ""
        while let digit = scalars.last, digit.properties.numericType != nil, digit.isASCII { digits.insert(Character(digit), at: digits.startIndex); scalars.removeLast() }
        guard digits.utf8.count == 3 || digits.utf8.count == 5 || digits.utf8.count == 7, let open = scalars.last, open == "（" || open == "(" else { return nil }
        scalars.removeLast()
        let written = Self.withoutItemNumber(String(scalars))
        let name = LabelKey.make(written)
        guard !name.isEmpty else { return nil }
        // `社会保障和就业支出(208)`: a 类 by its code, named as prose names it alone.
        if digits.utf8.count == 3 {
            guard let category = catalogue.categoryName(forCode: digits) else { return nil }
            return name.hasSuffix(LabelKey.make(category)) ? Quantity(name: category, isKnown: true) : Quantity(name: name, isKnown: false)
        }
        guard let entry = catalogue.entry(code: digits, kind: .functional) else { return nil }
        guard nameAgrees(written, code: digits) else { return Quantity(name: name, isKnown: false) }
        return Quantity(name: "\(entry.name)（\(digits.utf8.count == 5 ? "款" : "项")）", isKnown: true, code: digits)
    }

    /// The words without blanks and an item number before them (`1.`, `（二）`, `三、`): the
    /// ordinal prefixes rows have (`Ordinal`).
    static func withoutItemNumber(_ words: String) -> String {
        String(Ordinal.strip(words.drop { $0 == " " || $0 == "\u{3000}" }))
    }

    /// A claim without strings that hold storage: the slot a new claim is swapped into.
    static let emptyClaim = Claim(kind: .amount, value: .zero, text: "", range: SourceRange(start: 0, end: 0), fullRange: SourceRange(start: 0, end: 0),
                                  unit: nil, unitRange: SourceRange(start: 0, end: 0), label: "", sentencePrefix: "",
                                  offsetInSentence: 0, line: 0, sentence: 0, clause: 0)

    /// The three budgets' grants, as a part of a list names them (`一般公共预算财政拨款200.00万元`).
    static let fundNames = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
    /// The fund names, alone or with 收入, by their bytes.
    static let fundLabels = Set(fundNames.flatMap { [ByteKey($0), ByteKey($0 + "收入")] })

    /// Whether a figure's words are a fund's name alone (`一般公共预算财政拨款`, `政府性基金预算财政拨款收入`).
    static func isFundLabel(_ label: String) -> Bool {
        guard let first = label.unicodeScalars.first, first == "一" || first == "政" || first == "国" else { return false }
        return fundLabels.contains(ByteKey(label))
    }

    /// Units that count people (`在编人员22人，其中公务员8个`).
    static let people: Set<String> = ["人", "名", "个"]
    static let countUnits = ["人次", "批次", "批", "辆", "台", "个", "人", "项", "家", "次", "户", "套", "场", "名", "期"]
    static let countUnitFirsts = ScalarSet(countUnits.compactMap(\.unicodeScalars.first))
    /// A sentence longer than this (scalars) is cut: real sentences are a few hundred at most.
    static let maximumSentenceLength = 1_000
    /// A sentence this long (scalars) ends at its next `；`.
    static let longSentenceLength = 500
    /// How much of its sentence a claim keeps as context.
    static let contextWindow = 160
    /// Words before a figure that make it approximate (`约`, `将近`), made once.
    static let approximateWords = ["约", "近", "超过", "逾", "大约", "将近", "接近", "不足", "近乎", "不到", "不超过", "未超过"]
    static let lowerBoundWords = ["超过", "逾"]
    static let upperBoundWords = ["近", "将近", "接近", "不足", "近乎", "不到", "不超过", "未超过"]
    /// The keys of a record's name field (`项目：公务接待费；…`), with their colon.
    static let nameKeys = ["项目：", "项目:", "科目：", "科目:", "项目名称：", "项目名称:", "名称：", "名称:"]
    /// The keys of a record of keys and values whose value is a figure (`年初预算：450.00万元`).
    static let measureKeys: Set<String> = ["年初预算", "年初预算数", "调整预算", "调整预算数", "调整后预算", "调整后预算数", "全年预算",
                                           "全年预算数", "预算数", "决算", "决算数", "支出决算", "支出决算数", "决算支出", "执行数", "全年执行数",
                                           "实际支出", "完成率", "执行率", "预算执行率", "预算完成率", "自评得分", "绩效自评得分", "得分", "评分"]
    /// What ends the words before a key: another key's value, a list's mark, the sentence.
    static let keySeparators: Set<Unicode.Scalar> = ["，", ",", "；", ";", "。", "：", ":", "、", "（", "(", "）", ")"]
    /// Words that end as an approximation does but say something else: 节约 saves, it is not 约.
    static let wordsEndingLikeApproximations = ["节约", "最近", "附近"]
    static let listMarkers = ["其中", "主要用于", "具体用于", "具体为", "包括", "构成为", "构成", "主要为"]
    /// Words after a known name that say the figure after them is a part of it, named by them.
    static let partMarkers = ["主要包括", "包括", "主要用于", "用于", "主要是", "其中", "具体为"]

    /// Words before a word of no change that make it approximate.
    static let hedgeWords = ["基本", "大体", "大致", "总体", "略微", "大约"]
    static let noChangeWords = ["无变化", "无增减", "持平", "与上年相同", "保持不变", "未发生变化", "没有变化"]

    /// Whether a word of `listMarkers` may start with `scalar` (a test before trying each word).
    @inline(__always)
    static func mayStartListMarker(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "其" || scalar == "主" || scalar == "具" || scalar == "包" || scalar == "构"
    }

    /// Whether a word of `noChangeWords` may start with `scalar`.
    @inline(__always)
    static func mayStartNoChangeWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "无" || scalar == "持" || scalar == "与" || scalar == "保" || scalar == "未" || scalar == "没"
    }

    /// After a number: a date, a session or an article (`2024年`, `第3届`, `第五条`), not a figure.
    static let dateOrRuleMarks = ScalarSet("年月日号届条款")
    /// Before a number: an ordinal or a document number (`第3`, `〔2024〕`).
    static let numberOpeners = ScalarSet("第〔【[")
    /// After a number at a clause's start: an ordinal (`1.`, `2、`, `3）`).
    static let ordinalClosers = ScalarSet(".、）)")
    /// After a figure without a unit: a list whose last figure carries the unit.
    static let listJoiners = ScalarSet("、和与及至")

    /// The Han characters that start something the paragraph loop reads (a list marker, a
    /// no-change word, a point of view with 从 or 按): any other ideograph is passed with one
    /// test, where the loop's chain of comparisons cost thirty under instrumentation (issue 15).
    /// Chinese numerals too: they may start a count (`三辆`).
    static let significantIdeographs = ScalarSet((listMarkers + noChangeWords).map { $0.unicodeScalars.first! } + ["从", "按"]
                                                 + ChineseNumeral.numerals.unicodeScalars)

    // MARK: One paragraph

    public mutating func read(line: Int, range: SourceRange, source: SourceText, section: Int, titleQuantity: Quantity?) {
        let text = ProseText(source, range)
        let paragraphIndex = paragraphs.count
        let first = claims.count
        var state = ParagraphState(text: text)
        state.firstClaimOfSentence = first
        state.firstClaimOfParagraph = first
        state.titleQuantity = titleQuantity
        let s = text.scalars
        let significantIdeographs = Self.significantIdeographs
        var i = 0
        while i < s.count {
            let scalar = s[i]
            if i - state.sentenceStart >= Self.maximumSentenceLength {
                closeSentence(&state, at: i)
                continue
            }
            // An ideograph that starts nothing below (most of the text): no mark, bracket or digit.
            // The run of them is passed in one loop, without the tests of each step (issue 15).
            if scalar.value &- 0x4E00 < 0x5200, !significantIdeographs.contains(scalar) {
                let limit = min(s.count, state.sentenceStart + Self.maximumSentenceLength)
                i = s.withUnsafeBufferPointer { s in
                    var k = i + 1
                    while k < limit, s[k].value &- 0x4E00 < 0x5200, !significantIdeographs.contains(s[k]) { k += 1 }
                    return k
                }
                continue
            }
            // Marks and markers are tested by comparison, not by hashing every scalar (issue 15).
            // (A sentence already long ends at a `；` too, rather than being cut inside a clause at
            // its limit: dense reports write a whole section as one sentence.)
            if ProseText.isSentenceEnd(scalar) || (scalar == "；" || scalar == ";") && i - state.sentenceStart >= Self.longSentenceLength {
                closeSentence(&state, at: i)
                state.sentenceStart = i + 1
                state.clauseStart = i + 1
                i += 1
                continue
            }
            if ProseText.isClauseEnd(scalar) {
                closeClause(&state, at: i, separator: scalar)
                i += 1
                continue
            }
            switch scalar {
            case "（", "(", "[", "【", "〔", "［":
                state.brackets.append((clauseStart: state.clauseStart, claims: claims.count, open: i))
                state.depth += 1
                state.clauseStart = i + 1
                // `（含…` lists parts of the item before the bracket.
                if text[i + 1] == "含" { openList(&state, at: i + 1) }
                i += 1
                continue
            case "）", ")", "]", "】", "〕", "］":
                state.lists[state.depth] = nil
                state.outerLists[state.depth] = nil
                state.lastAmount[state.depth] = nil
                state.countLists[state.depth] = nil
                state.lastCount[state.depth] = nil
                state.depth = max(0, state.depth - 1)
                state.clauseStart = i + 1
                // `因公出国（境）费`, `社会保障和就业支出（类）`: a short bracket with no figure is part of the words.
                // (`离休干部特需经费（护理费、交通费、特需费等）26.40万元`: a list of words in it too.)
                let open = state.brackets.popLast()
                if let open, open.claims == claims.count, i - open.open <= 30,
                   !(open.open..<i).contains(where: { "，,；;。：:".unicodeScalars.contains(s[$0]) }) {
                    state.clauseStart = open.clauseStart
                }
                if let open { state.closedBracket = (open.clauseStart, open.open, i) }
                i += 1
                continue
            default:
                break
            }
            if Self.mayStartListMarker(scalar), let marker = Self.listMarkers.first(where: { text.hasPrefix($0, at: i) }) {
                openList(&state, at: i, markerLength: marker.unicodeScalars.count)
                i += marker.unicodeScalars.count
                continue
            }
            if scalar == "从" || scalar == "按", let end = Self.viewpointEnd(text, at: i) {
                let opensSentence = text.string(state.sentenceStart, i).allSatisfy { "，,：: ".contains($0) }
                if let earlier = state.viewpoint, earlier.sentence == state.sentence || (earlier.sentence == state.sentence - 1 && opensSentence) {
                    // A second point of view in a sentence, or opening the next, divides what the
                    // first did, not the figure before it (`从收入来源看，…年初结转和结余94.30万元；
                    // 从支出去向看，…`).
                    state.lists[state.depth] = earlier.whole.map { ($0, 0, i) }
                    state.viewpoint = (state.sentence, earlier.whole)
                } else {
                    state.viewpoint = (state.sentence, openList(&state, at: i, opensSentenceList: true))
                }
                i = end
                continue
            }
            if Self.mayStartNoChangeWord(scalar), let word = Self.noChangeWords.first(where: { text.hasPrefix($0, at: i) }) {
                let end = i + word.unicodeScalars.count
                // `与预算基本持平`, `大体持平`: roughly level, no claim of no change at all.
                // (`基本与预算持平`: the hedge anywhere before it in its clause.)
                // (Not 基本 of `基本支出与上年持平`.)
                let hedged = (max(state.clauseStart, i - 12)..<i).contains { k in
                    Self.hedgeWords.contains { text.hasPrefix($0, at: k) } && !text.hasPrefix("基本支出", at: k) && !text.hasPrefix("基本工资", at: k)
                }
                // (`…增加247.56万元，…占本年收入合计的100.0%，占比与上年持平`: a share level, not the amount.)
                let ofShare = (max(state.clauseStart, i - 8)..<i).contains { k in Self.shareLevelWords.contains { text.hasPrefix($0, at: k) } }
                if !hedged, !ofShare { noChange(&state, start: i, end: end, line: line, paragraph: paragraphIndex) }
                i = end
                continue
            }
            if ProseText.isDigit(scalar), !ProseText.isDigit(text[i - 1]), text[i - 1] != ".", !ProseText.isASCIILetter(text[i - 1]) {
                // `行政运行（2010301）`: a code in brackets names its row; it is no figure.
                if let end = Self.bracketedCodeEnd(text, at: i) {
                    namedCode(&state, codeStart: i, codeEnd: end, line: line, paragraph: paragraphIndex)
                    i = end
                    continue
                }
                // `工资福利支出（301）531.57万元`: an economic class's code in brackets, no figure either.
                if let end = Self.bracketedEconomicCodeEnd(text, at: i) {
                    i = end
                    continue
                }
                // `1. 2080502事业单位离退休：年初预算…`: a code written before the name it is of (after
                // the item's number, whose blank the text does not keep: `1.2080502`).
                var number = i
                while ProseText.isDigit(text[number]) { number += 1 }
                if let end = Self.leadingCodeEnd(text, at: i)
                    ?? (number - i <= 2 && text[number] == "." && (state.clauseStart..<i).allSatisfy({ s[$0] == " " }) ? Self.leadingCodeEnd(text, at: number + 1) : nil) {
                    i = end
                    continue
                }
                i = readFigure(&state, at: i, line: line, paragraph: paragraphIndex, section: section)
                continue
            }
            if ChineseNumeral.scalars.contains(scalar), let end = readChineseCount(&state, at: i, line: line, paragraph: paragraphIndex, section: section) {
                i = end
                continue
            }
            i += 1
        }
        closeSentence(&state, at: s.count)
        paragraphs.append(ProseParagraph(line: line, section: section, text: text, claims: first..<claims.count))
        resolveTopics(first..<claims.count, state: state)
    }

    /// What the reader knows while it walks one paragraph.
    struct ParagraphState {
        let text: ProseText
        /// A 其中 list's whole → the amount its parts are now of, named before 中 by a part
        /// (`其中工资福利支出中基本工资…、津贴补贴…，商品和服务支出中电费…`); for the sentence.
        var namedWholes: [Int: Int] = [:]
        var sentence = 0
        var clause = 0
        var sentenceStart = 0
        var clauseStart = 0
        var depth = 0
        /// The open `其中` list at each bracket depth: its whole (a claim index) and how many parts it has.
        var lists: [Int: (whole: Int, members: Int, marker: Int)] = [:]
        /// A list that a list of one of its parts (`主要包括…`) replaced, until that one ends empty.
        var outerLists: [Int: (whole: Int, members: Int, marker: Int)] = [:]
        /// Wholes (by index) whose lists went on past a `；` (`按功能分类看：A…；B…；C、D分别为…`).
        var listsPastSemicolon: Set<Int> = []
        /// The last bracket closed: where its clause started, where it opened and closed.
        var closedBracket: (clauseStart: Int, open: Int, close: Int)?
        /// How many times a whole (by index) was divided again by a point of view (`Claim.listDivision`).
        var divisions: [Int: Int] = [:]
        /// The last plain amount at each depth in the sentence (a list's whole).
        var lastAmount: [Int: Int] = [:]
        /// The same for counts (`公务用车3辆，其中执法执勤用车1辆…`, `在编人员22人，其中…`).
        var lastCount: [Int: Int] = [:]
        var countLists: [Int: Int] = [:]
        /// The parts so far of each count list's whole (by index); separated: by a `；`.
        var countListParts: [Int: ListParts] = [:]
        /// The same of each amount list's whole; separated: by a `；` or a comma.
        var amountListParts: [Int: ListParts] = [:]
        /// The first plain amount of the previous sentence: what a sentence starting with 其中 lists.
        var previousSentenceSubject: Int?
        var sentenceSubject: Int?
        var firstClaimOfSentence = 0
        var firstClaimOfParagraph = 0
        /// `“三公”经费支出决算中，…`: the topic the rest of the paragraph speaks of.
        var topic: Quantity?
        /// The topic to go back to once the figure of a ranked item is read (`…支出中，教育支出
        /// 所占比重最高，为A万元，占x%`: x% is of the paragraph's topic again), and the claims then.
        var topicAfterRanked: (topic: Quantity?, claims: Int)?
        /// The last figure that is a sum of heads, and the words naming them.
        var sumOfHeads: (claim: Int, words: String)?
        /// The sentence lists the parts of a topic named before a colon (`…主要用于以下方面：`).
        var sentenceListsTopic = false
        /// The respectively heads were named with last year's words (`2024年度收、支总计各`).
        var headsArePrevious = false
        /// The figure just read restated the one before in a bracket (`…万元（约3.56亿元）`).
        var restated = false
        /// The sentence of the last point of view (`从收入来源看，`) and the whole it divided.
        var viewpoint: (sentence: Int, whole: Int?)?
        var titleQuantity: Quantity?
        /// Heads of a respectively clause (`收、支总计各为`), and how many figures have taken one.
        var heads: [Quantity] = []
        /// The measure each head names, when the heads are measures (`年初预算和全年预算均为`).
        var headMeasures: [Measure?] = []
        var headsTaken = 0
        var headsClaims: [Int] = []
        /// The named heads of the last respectively run once each took a figure, and the first
        /// claim of its sentence: `X、Y年初预算分别为…，决算分别为…` names only its measure.
        var lastHeads: (heads: [Quantity], sentence: Int)?
        /// `人员经费和公用经费分别比上年增加A万元，增长x%和减少B万元，下降y%`: the heads of a
        /// respectively clause whose changes come in groups, one per head, each opened by a change
        /// of the first one's kind (an amount or a rate); how many groups have opened.
        var headGroups: (heads: [Quantity], leadIsRate: Bool, opened: Int)?
        /// Whether the paragraph names 人员经费, 公用经费 or another total of 公开06 (asked once).
        var aboutBasicSpending: Bool?
        /// Open brackets: where the clause started before each, and how many claims there were.
        var brackets: [(clauseStart: Int, claims: Int, open: Int)] = []
        /// Where the words before a figure start when 、 does not end them (`收、支总计各为`).
        var phraseStart = 0
        /// Figures without a unit followed by 、/和 and another figure: they take its unit (`812.40、820.15万元`).
        var unitless: [Int] = []
        /// Where the last figure (with its unit) ended, and its claim: whether the next one is
        /// joined to it by 和, 、, 与 or 及 alone.
        var lastFigureEnd = -1
        var lastFigure: Int?
        /// Respectively runs of this sentence (`分别占x%和y%`): their figures, in order.
        var respectivelyRuns: [[Int]] = []
        /// The heads a run of shares is of, by its first claim (`人员经费、公用经费分别占…`).
        var shareRunHeads: (first: Int, heads: [Quantity], sentence: Int, kind: ClaimKind)?
        /// Where the last `；` stands, or -1.
        var lastSemicolon = -1
        /// Where the numbered point the text is in started (after a `；` or `：`), or 0.
        var pointStart = 0
        /// The source offset of the last clause that opened a topic (`openTopic`), or -1.
        var topicOpenedAt = -1

        /// The paragraph's text as one string and the UTF-8 offset of each scalar in it, made on
        /// the first figure: the strings a figure keeps are cut from it (a copy of bytes) instead
        /// of being encoded and validated one by one (issue 15).
        var whole: String?
        var byteOffsets: [Int] = []

        /// `text.string(start, end)`.
        mutating func string(_ start: Int, _ end: Int) -> String {
            let lower = max(0, min(start, text.count)), upper = max(lower, min(end, text.count))
            if lower == upper { return "" }
            // Only on simple text is every scalar boundary a character boundary, where slicing
            // the string cuts exactly these scalars.
            guard text.isSimple else { return text.string(lower, upper) }
            if whole == nil {
                whole = text.string(0, text.count)
                // Written in place, three bytes (Chinese text) tested first (issue 15).
                byteOffsets = text.scalars.withUnsafeBufferPointer { scalars in
                    [Int](unsafeUninitializedCapacity: scalars.count + 1) { offsets, initialized in
                        var offset = 0
                        for (index, scalar) in scalars.enumerated() {
                            offsets[index] = offset
                            let value = scalar.value
                            offset += value &- 0x800 < 0xF800 ? 3 : value < 0x80 ? 1 : value < 0x800 ? 2 : 4
                        }
                        offsets[scalars.count] = offset
                        initialized = scalars.count + 1
                    }
                }
            }
            let string = whole!
            let view = string.utf8
            return String(string[view.index(view.startIndex, offsetBy: byteOffsets[lower])..<view.index(view.startIndex, offsetBy: byteOffsets[upper])])
        }
    }

    /// A ranked item is the topic of the next figure's clause only: after it, the paragraph's again.
    func restoreTopicAfterRanked(_ state: inout ParagraphState) {
        if let (topic, before) = state.topicAfterRanked, claims.count > before {
            state.topic = topic
            state.topicAfterRanked = nil
        }
    }

    mutating func closeClause(_ state: inout ParagraphState, at i: Int, separator: Unicode.Scalar) {
        let text = state.text
        // `在乡复员、退伍军人生活补助`: a 、 inside a catalogue name separates nothing.
        if separator == "、", Self.isInsideCatalogueName(text, at: i) { return }
        restoreTopicAfterRanked(&state)
        // `人员经费150.51万元中，工资福利支出150.03万元，占99.68%；…`: the amount before 中 is the
        // whole the figures after it divide.
        if i >= 2, text[i - 1] == "中", separator == "，" || separator == ",", let last = state.lastFigure, claims[last].isPlainAmount,
           claims[last].depth == state.depth, state.lastFigureEnd == i - 1 {
            openList(&state, at: i)
        }
        if state.depth == 0, i > state.clauseStart,
           !claims[state.firstClaimOfSentence...].contains(where: { $0.range.start >= text.offsets[state.clauseStart] && $0.range.start < text.offsets[i] }) {
            if separator == "；" || separator == ";",
               Self.nameKeys.contains(where: { state.clauseStart >= $0.unicodeScalars.count && text.hasPrefix($0, at: state.clauseStart - $0.unicodeScalars.count) }) {
                // `2.项目：公务接待费；年初预算：4.00万元；…`: a record's name field is what its figures are of.
                let words = text.string(state.clauseStart, i)
                if let quantity = QuantityNames.known(in: Self.cleanLabel(String(Ordinal.strip(words)))), quantity.isKnown { state.topic = quantity }
            } else if text[i - 1] == "中" {
                // A clause that ends in 中 and holds no figure opens a topic: `本年收入中，`.
                var words = text.string(state.clauseStart, i - 1)
                for prefix in ["在", "从", "对"] where words.hasPrefix(prefix) { words.removeFirst(prefix.count) }
                if let quantity = QuantityNames.known(in: Self.cleanLabel(words)) { state.topic = quantity }
            } else if separator == "，" || separator == "," || separator == "：" || separator == ":" {
                // `2.教育支出（类）普通教育（款）小学教育（项）：年初预算…`: the item the figures
                // after it are about; `一般公共预算财政拨款支出主要用于以下方面：教育支出…，占x%`:
                // what the list after the colon divides.
                let colon = separator == "：" || separator == ":"
                let topicBefore = state.topic
                openTopic(&state, from: state.clauseStart, to: i, namingAny: colon)
                // `…其他收入均为0.00万元；按支出功能分类科目划分，本年收入依次为：…`: a list after a
                // colon whose words name another amount is not of the whole open before.
                if colon, let topic = state.topic, topic.isKnown, topic != topicBefore, let list = state.lists[state.depth],
                   let whole = claims[list.whole].quantity, whole.isKnown, whole.name != topic.name {
                    state.lists[state.depth] = nil
                }
                // The figures after the colon are its parts: none is the sentence's subject.
                if colon, state.sentenceSubject == nil { state.sentenceListsTopic = true }
            }
        }
        // `…其中…事业单位医疗（项）…39.26万元…；（三）农林水支出（类）…`: a numbered point after a `；`
        // ends the lists of the one before.
        if separator == "；" || separator == ";" { state.lastSemicolon = i }
        // (Only the lists opened within that point: `其中：（1）…；（2）…` lists its points.)
        if separator == "；" || separator == ";" || separator == "：" || separator == ":", Self.startsNumberedPoint(text, at: i + 1) {
            if separator == "；" || separator == ";" {
                let pointStart = state.pointStart
                state.lists = state.lists.filter { $0.value.marker < pointStart }
                state.outerLists = state.outerLists.filter { $0.value.marker < pointStart }
                state.countLists = [:]
            }
            state.pointStart = i + 1
        }
        if separator == "；" || separator == ";" {
            // `主要用于养老保险等支出；` described its amount and listed nothing. A `其中` list goes on
            // past a part with no figure (`其中：因公出国（境）费支出为零；公务用车…`).
            if let list = state.lists[state.depth], list.members == 0, !text.hasPrefix("其中", at: list.marker) {
                state.lists[state.depth] = state.outerLists.removeValue(forKey: state.depth)
            }
            // `其中A、B；其余为C`: what follows is besides the list.
            if state.lists[state.depth] != nil, Self.besidesClauseWords.contains(where: { text.hasPrefix($0, at: i + 1) }) {
                state.lists[state.depth] = state.outerLists.removeValue(forKey: state.depth)
            }
        }
        // `年初、年末结转和结余分别为80.00万元，50.00万元`: the figures of open heads go on after a
        // comma that a figure follows at once.
        var k = i + 1
        while k < text.count, text.scalars[k] == " " || text.scalars[k] == "\u{3000}" { k += 1 }
        let headsGoOn = (separator == "，" || separator == ",") && !state.heads.isEmpty && state.headsTaken > 0
            && state.headsTaken < state.heads.count && k < text.count && ProseText.isDigit(text.scalars[k])
        if separator != "、" && !headsGoOn {
            finishHeads(&state, clauseEnd: i)
            state.phraseStart = i + 1
            state.unitless = []
        }
        state.clause += 1
        state.clauseStart = i + 1
        // `年末财政拨款结转和结余6.80万元，分别为一般公共预算财政拨款3.20万元和政府性基金预算财政拨款
        // 3.60万元`: funds named after 分别为, each with its figure, are the amount's parts.
        if text[i + 1] == "分", separator == "，" || separator == ",", text.hasPrefix("分别为", at: i + 1) || text.hasPrefix("分别是", at: i + 1),
           state.heads.isEmpty, let whole = state.lastAmount[state.depth], whole >= state.firstClaimOfSentence,
           Self.fundNames.contains(where: { text.hasPrefix($0, at: i + 4) }) {
            openList(&state, at: i + 1, markerLength: 3)
            state.clauseStart = i + 4
        }
    }

    /// A clause or sentence with no figure that names an item by its levels opens it as the
    /// paragraph's topic (`1.教育支出（类）教育管理事务（款）行政运行（项）。年初预算为A万元…`);
    /// with `namingAny`, a known amount named by it does too.
    mutating func openTopic(_ state: inout ParagraphState, from start: Int, to end: Int, namingAny: Bool) {
        guard start < end else { return }
        let holdsLevel = ItemChain.mayHoldChain(state.text.scalars, in: start..<end)
        // A bare row label is short and has no figure: most clauses are neither.
        let mayBeBare = !itemTables.isEmpty && end - start <= 40
        // A known name alone ends on the last scalar of a name (asked before any string is made).
        let mayBeName = !namingAny && end - start <= 24 && QuantityNames.aliasLastScalars.mayContain(state.text.scalars[end - 1])
        // `…支出中，社会保障和就业支出所占比重最高，为…`: an item or name with a word of rank.
        var mayBeRanked = !namingAny && end - start <= 48 && Self.rankLastScalars.contains(state.text.scalars[end - 1])
        // `国防支出是主要支出方向，同比增加16.81万元`: an item said to be something, with no figure.
        let mayBePredicate = !mayBeRanked && !namingAny && end - start <= 40 && (start..<end).contains { state.text.scalars[$0] == "是" || state.text.scalars[$0] == "为" }
        mayBeRanked = mayBeRanked || mayBePredicate
        guard holdsLevel || namingAny || mayBeBare || mayBeName || mayBeRanked else { return }
        let words = state.string(start, end)
        var chain = holdsLevel ? chainItem(words) : nil
        // `医疗保障管理事务（款）行政运行（2101501）`: a code in brackets after the chain names its 项.
        if let item = chain, let code = item.code, let coded = codedItem(words), let deeper = coded.code,
           deeper.utf8.count > code.utf8.count, deeper.utf8HasPrefix(code) {
            chain = coded
        }
        // (Where: an amount of the sentence before it is not what measure words after it speak of.)
        state.topicOpenedAt = state.text.offsets[start]
        if let item = chain, item.isKnown {
            state.topic = item
        } else if let item = codedItem(words) {
            state.topic = item
        } else if mayBePredicate, let madeOf = (Self.madeOfWords + Self.mainlyMadeOfWords).lazy.compactMap({ word in words.utf8FirstOffset(of: word) }).first,
                  madeOf > 0, let named = String(words.utf8.prefix(madeOf)),
                  case let subject = Self.withoutLeadingNeutralWords(String(Ordinal.strip(named))),
                  let item = bareItem(named) ?? QuantityNames.known(in: subject).flatMap({ LabelKey.make($0.description) == LabelKey.make(subject) ? $0 : nil }),
                  item.isKnown {
            // `国有资本经营预算财政拨款支出全部为项目支出，比上年增加…；年初预算…，完成年初预算的…`: a
            // sentence opened by what an amount is made of, with no figure, is about that amount.
            state.topic = item
        } else if let item = bareItem(words) {
            state.topic = item
        } else if let item = chain {
            state.topic = item
        } else if namingAny, let quantity = QuantityNames.known(in: String(Ordinal.strip(words))) {
            // (`3.公务接待费：…`: the point's number is no qualifier of the name.)
            state.topic = quantity
        } else if mayBeName, let quantity = Self.bareName(words) {
            // `（二）公务用车购置及运行维护费，预算12.00万元，决算7.60万元`: a clause that is a known
            // name and nothing else (but its number) is what the figures after it are about.
            state.topic = quantity
        } else if mayBeRanked, let named = Self.rankWords.first(where: { words.utf8HasSuffix($0) }).map({ String(words.utf8.dropLast($0.utf8.count))! })
                    ?? (mayBePredicate ? words.utf8FirstOffset(of: "是").flatMap { $0 > 0 ? String(words.utf8.prefix($0)) : nil } : nil) {
            let stripped = Self.withoutLeadingNeutralWords(String(Ordinal.strip(named)))
            let key = LabelKey.make(stripped)
            if var item = codedItem(named) ?? bareItem(named) ?? bareItem(droppingSpending: key)
                ?? Self.bareName(named) ?? Self.category(namedAloneBy: stripped, code: categoryCode(ofHead: named)) {
                // `项目支出中，应急救援支出最多，为…`: in a sentence of project or basic spending the
                // figure is the item's part of it, which no table row prints alone: not compared.
                let sentence = state.string(state.sentenceStart, start)
                if item.code != nil || Catalogue.embedded.categoryCode(forName: item.name) != nil,
                   sentence.utf8Contains("项目支出") || sentence.utf8Contains("基本支出") {
                    item = Quantity(name: item.name, isKnown: false)
                }
                // Of the next figure's clause only: then the topic is the paragraph's again.
                state.topicAfterRanked = (state.topic, claims.count)
                state.topic = item
            }
        }
    }

    /// The 类 (of `code`, found at the end of `head`) when `head` names it alone: the words before
    /// its name may only qualify it (years, the department, a fund, 用于). One answer for every
    /// place a 类 is named by its name: a head, a ranked item, a respectively head.
    static func category(namedAloneBy head: String, code: String?) -> Quantity? {
        guard let code, let name = Catalogue.embedded.categoryName(forCode: code), namesCategoryAlone(head, name: name) else { return nil }
        return Quantity(name: name, isKnown: true)
    }

    /// Words after a name that make a figure a part of it (`基本支出中有`).
    static let partOfNamedBytes = Set(["中有", "中", "中的", "当中", "里"].map(ByteKey.init))

    /// The names of a fund's (or all appropriations') income and spending, by the fund's words.
    static let fundOfName: [String: String] = Dictionary(uniqueKeysWithValues: (fundNames.prefix(3) + ["财政拨款"]).flatMap { fund in
        [(fund + "收入", fund), (fund + "支出", fund)]
    })

    /// `一般公共预算财政拨款教育支出`, `政府性基金预算财政拨款支出中城乡社区支出`: a fund's spending
    /// on a 类, named by the fund's words (`quantity`, which alone name its income) and the 类's
    /// name after them (`rest`).
    static func fundCategory(_ quantity: Quantity, before rest: String) -> Quantity? {
        guard let (fund, words) = fundAndItemWords(quantity, rest),
              var category = category(namedAloneBy: words, code: FigureNames.categoryCode(in: LabelKey.make(words))) else { return nil }
        category.qualifier = fund
        return category
    }

    /// `一般公共预算财政拨款普通教育支出`: a fund's spending on a 款 or 项 of the report's tables,
    /// by its row label (with or without 支出).
    mutating func fundItem(_ quantity: Quantity, before rest: String) -> Quantity? {
        guard let (fund, words) = Self.fundAndItemWords(quantity, rest) else { return nil }
        let key = LabelKey.make(words)
        guard var item = bareItem(key: key) ?? bareItem(droppingSpending: key), item.isKnown else { return nil }
        item.qualifier = fund
        return item
    }

    /// The fund `quantity` names by the fund's words alone (years and neutral words may precede
    /// them), and the words of `rest` after 中 or 的.
    static func fundAndItemWords(_ quantity: Quantity, _ rest: String) -> (fund: String, words: String)? {
        // Asked of every named amount with words after its name: bytes before the dictionary.
        guard quantity.name.utf8HasSuffix("收入") || quantity.name.utf8HasSuffix("支出"), quantity.name.utf8Contains("财政拨款"),
              let fund = fundOfName[quantity.name], QuantityNames.neutralized(quantity.qualifier).isEmpty else { return nil }
        var words = Substring(rest)
        for word in ["中的", "中", "的"] where words.hasPrefix(word) {
            words = words.dropFirst(word.count)
            break
        }
        return words.isEmpty ? nil : (fund, String(words))
    }

    /// Whether the words before a 类 name at the end of `head` only qualify it (years, the
    /// department, a fund, 用于): `普通教育支出` ends with 教育支出 but is the 款 普通教育, and
    /// `其他卫生健康支出` a 款 of its own.
    static func namesCategoryAlone(_ head: String, name: String) -> Bool {
        var key = LabelKey.make(head)
        if key.utf8HasSuffix("(类)") { key = String(key.utf8.dropLast("(类)".utf8.count))! }
        let nameKey = LabelKey.make(name)
        guard key.utf8HasSuffix(nameKey) else { return true }
        var prefix = String(key.utf8.dropLast(nameKey.utf8.count))!
        for word in fundNames + ["财政拨款", "用于", "主要用于"] where prefix.utf8HasSuffix(word) {
            prefix = String(prefix.utf8.dropLast(word.utf8.count))!
            break
        }
        return prefix.isEmpty || QuantityNames.neutralized(prefix).isEmpty
    }

    /// The words after a word of rank that opens a figure's words (`其次是`, `第三为`, `支出最大的是`),
    /// when there is one and something follows it; nil otherwise.
    static func withoutRankWords(_ label: String) -> String? {
        // Every such word holds 是 or 为: most labels hold neither.
        guard label.utf8Contains("是") || label.utf8Contains("为") else { return nil }
        if let first = label.unicodeScalars.first, rankPrefixFirstScalars.contains(first) {
            for prefix in rankPrefixes where label.utf8HasPrefix(prefix) && label.utf8.count > prefix.utf8.count {
                return String(label.utf8.dropFirst(prefix.utf8.count))
            }
        }
        guard label.utf8Contains("的") else { return nil }
        // `支出最大的是…`, `占比最高的为…`: the words before 的是 end on a superlative.
        for joint in ["的依次为", "的依次是", "的分别为", "的分别是", "的是", "的为"] {
            guard let offset = label.utf8LastOffset(of: joint), offset > 0 else { continue }
            let before = String(label.utf8.prefix(offset))!
            if ["最大", "最多", "最高", "最少", "最低", "最小", "第一", "第二", "第三", "其次", "较大", "较多", "较高"].contains(where: { before.utf8HasSuffix($0) }),
               label.utf8.count > offset + joint.utf8.count {
                return String(label.utf8.dropFirst(offset + joint.utf8.count))
            }
        }
        return nil
    }
    static let rankPrefixFirstScalars = Set(rankPrefixes.compactMap(\.unicodeScalars.first))
    static let rankPrefixes: [String] = ["其次是", "其次为", "再次是", "再次为", "然后是", "最后是"]
        + ["二", "三", "四", "五", "六"].flatMap { ["第\($0)是", "第\($0)为", "排第\($0)的是", "居第\($0)的是", "位居第\($0)的是"] }

    /// Words of rank after an item's name (`教育支出所占比重最高`), longest first.
    static let rankWords = ["所占比重最高", "所占比重最大", "所占比例最高", "所占比例最大", "占比最高", "占比最大", "比重最高", "比重最大",
                            "位居第一", "居第一位", "排第一位", "居首位", "最高", "最大", "最多"]
    static let rankLastScalars = Set(rankWords.compactMap(\.unicodeScalars.last))

    /// The known quantity `words` are, when they are its name alone (after an item's number).
    static func bareName(_ words: String) -> Quantity? {
        let name = String(Ordinal.strip(words))
        guard let (quantity, end) = QuantityNames.match(in: name), end == name.endIndex, quantity.qualifier.isEmpty else { return nil }
        return quantity
    }

    /// Measure words a sentence may name as the columns of the figures after `如下`.
    static let columnMeasureWords = ["年初预算", "全年预算", "调整预算", "预算数", "支出决算", "决算数", "决算", "执行数", "完成率", "执行率", "完成情况"]

    /// Whether the words before a sentence's `如下` name two or more measures (`年初预算、支出决算和完成率如下`).
    static func listsMeasuresAsTable(_ sentence: String) -> Bool {
        guard let offset = sentence.utf8FirstOffset(of: "如下"), let before = String(sentence.utf8.prefix(offset)) else { return false }
        let words = before.split(whereSeparator: { "，,：:；;".contains($0) }).last.map(String.init) ?? before
        guard words.utf8Contains("、") || words.utf8Contains("和") || words.utf8Contains("及") else { return false }
        var rest = words
        var count = 0
        for word in columnMeasureWords where rest.utf8Contains(word) {
            count += 1
            rest = rest.utf8Replacing(word, with: "|")
        }
        return count >= 2
    }

    /// The quantity a sentence opens with as its scope, `X中，` (`年末结转和结余中，一般公共预算财政
    /// 拨款9.08万元…`, `一般公共服务支出中，行政运行190.10万元，占57.83%`): a known name, or an item
    /// of the report's tables, right before 中 and the first comma. Nil for any other sentence.
    mutating func sentenceScope(_ sentence: String) -> Quantity? {
        guard let comma = sentence.utf8FirstOffset(of: "，") ?? sentence.utf8FirstOffset(of: ","), comma > 3,
              let opener = String(sentence.utf8.prefix(comma)), opener.utf8HasSuffix("中"),
              let words = String(opener.utf8.dropLast("中".utf8.count)), words.unicodeScalars.count >= 2, words.unicodeScalars.count <= 30
        else { return nil }
        if let known = QuantityNames.known(in: words), LabelKey.make(known.description) == LabelKey.make(words) { return known }
        if let item = bareItem(words) ?? bareItem(droppingSpending: LabelKey.make(words)), item.isKnown { return item }
        // A 类 by its name (`一般公共服务支出中，…`).
        if let code = categoryCode(ofHead: words), let entry = Catalogue.embedded.entry(code: code, kind: .functional),
           LabelKey.make(entry.name) == LabelKey.make(words) {
            return Quantity(name: "\(entry.name)（\(ItemChain.levelWords[0])）", isKnown: true, code: code)
        }
        return nil
    }

    /// The figures of a sentence scoped to `scope` (`X中，…`). In a balance (`年末结转和结余中，一般
    /// 公共预算财政拨款9.08万元…`) an amount named by a fund is that fund's part of the balance, not
    /// the fund's income: judged by no table. In a 类, 款 or 项 (`一般公共服务支出中，行政运行…，
    /// 占57.83%`) a share naming no whole is of the item. (Other scopes, such as a fund's spending
    /// before its items, are read as before: their figures name their own rows.)
    mutating func scopeFigures(_ range: Range<Int>, to scope: Quantity) {
        let isBalance = scope.name.utf8Contains("结转") || scope.name.utf8Contains("结余")
        for k in range where claims[k].depth == 0 {
            if isBalance, claims[k].isPlainAmount, claims[k].quantitySource == .ownClause, let named = claims[k].quantity, named.isKnown,
               named != scope, !named.name.utf8Contains("结转"), !named.name.utf8Contains("结余"), !claims[k].isApproximate {
                claims[k].quantity = Quantity(name: scope.description + "中" + named.description, isKnown: false)
            }
            if scope.code != nil, case .share(whole: nil) = claims[k].kind { claims[k].kind = .share(whole: scope.description) }
        }
    }

    /// `非财政拨款资金方面，年初结转和结余4.20万元，本年收入3.20万元…`: a statement opened by `X方面，`
    /// is about X's money. A bare known amount in it is X's (the appropriations' when X names them);
    /// besides the appropriations (`非财政拨款`), an amount no table prints.
    mutating func scopeByAspect(_ range: Range<Int>) {
        for k in range where claims[k].isPlainAmount && claims[k].depth == 0 && claims[k].quantitySource == .ownClause {
            guard let named = claims[k].quantity, named.isKnown, named.qualifier.isEmpty, named.code == nil else { continue }
            var statement = Substring(claims[k].sentencePrefix)
            if let semicolon = statement.lastIndex(where: { $0 == "；" || $0 == ";" }) { statement = statement[statement.index(after: semicolon)...] }
            guard let comma = statement.firstIndex(where: { $0 == "，" || $0 == "," }) else { continue }
            var scope = statement[..<comma]
            guard scope.hasSuffix("方面") else { continue }
            scope = scope.dropLast(2)
            if scope.hasSuffix("资金") { scope = scope.dropLast(2) }
            // (`财政拨款收入方面，本年一般公共预算财政拨款收入…；财政拨款支出方面，本年支出…`: the
            // appropriations' side; a name of the appropriations' own is theirs already.)
            if scope.hasSuffix("收入") || scope.hasSuffix("支出") { scope = scope.dropLast(2) }
            // (Only a scope of money by its source: `收入方面，…` names a side, read as before.)
            guard scope.count >= 2, scope.count <= 12, scope.contains("财政拨款"), !named.name.containsText("财政拨款") else { continue }
            if scope.contains("非财政拨款") {
                claims[k].quantity = Quantity(name: scope + named.name, isKnown: false)
            } else if let scoped = QuantityNames.known(in: scope + named.name), scoped != named,
                      LabelKey.make(scoped.description) == LabelKey.make(scope + named.name) {
                claims[k].quantity = scoped
            }
        }
    }

    /// The units other than the department that open a clause of a sentence (`…，国库集中支付中心为
    /// 财政补助事业单位，其公用经费13.72万元未计入`): a name ending with a unit word (中心, 所, 站 …)
    /// right before 为, 是, 系 or 属 at the start of a clause, not the department's own name.
    func otherUnits(in sentence: String) -> [String] {
        let scalars = Array(sentence.unicodeScalars)
        var units: [String] = []
        var clauseStart = 0
        var clauseDone = false
        for i in scalars.indices {
            let scalar = scalars[i]
            if scalar == "，" || scalar == "," || scalar == "；" {
                clauseStart = i + 1
                clauseDone = false
                continue
            }
            guard !clauseDone, scalar == "为" || scalar == "是" || scalar == "系" || scalar == "属",
                  i - clauseStart >= 3, i - clauseStart < 30 else { continue }
            let name = scalars[clauseStart..<i]
            guard Self.unitWordScalars.contains(where: { name.count > $0.count + 1 && name.suffix($0.count).elementsEqual($0) }) else { continue }
            clauseDone = true
            let text = String(String.UnicodeScalarView(name))
            if !FigureNames.selfReferences.contains(text), !departmentNamesAsWritten.contains(where: { $0.hasSuffix(text) || text.hasSuffix($0) }) {
                units.append(text)
            }
        }
        return units
    }

    /// Whether a figure's words point back to a unit named before (`其公用经费`, `该中心…`): to
    /// `unit` when given (`该中心` only to a 中心).
    static func pointsBack(_ label: String, to unit: String? = nil) -> Bool {
        label.utf8HasPrefix("其") && !label.utf8HasPrefix("其中") && !label.utf8HasPrefix("其余")
            || label.utf8HasPrefix("该") && unitWords.contains { label.utf8HasPrefix("该" + $0) && unit?.hasSuffix($0) != false }
    }

    static let unitWords = ["中心", "所", "站", "队", "院", "馆", "校", "学校", "医院", "公司", "单位"]
    static let unitWordScalars = unitWords.map { Array($0.unicodeScalars) }

    /// The figures after another unit is named in their sentence, whose words point back to it (`其公用经费`, `该中心公用经费`): that unit's, judged by no table of the
    /// department's.
    mutating func pointFigures(_ range: Range<Int>, to unit: String) {
        for k in range where claims[k].isPlainAmount && claims[k].sentencePrefix.utf8Contains(unit) {
            guard Self.pointsBack(claims[k].label, to: unit), let named = claims[k].quantity, named.isKnown else { continue }
            claims[k].quantity = Quantity(name: unit + "的" + named.description, isKnown: false)
        }
    }

    mutating func closeSentence(_ state: inout ParagraphState, at i: Int) {
        restoreTopicAfterRanked(&state)
        if state.firstClaimOfSentence == claims.count, state.depth == 0, state.clauseStart < i {
            openTopic(&state, from: state.clauseStart, to: min(i, state.text.count), namingAny: false)
        }
        finishHeads(&state)
        pairRespectively(&state)
        let sentenceText = state.firstClaimOfSentence < claims.count
            ? state.string(state.sentenceStart, min(i, state.sentenceStart + Self.maximumSentenceLength))
            : ""
        for k in state.firstClaimOfSentence..<claims.count { claims[k].sentenceText = sentenceText }
        // `各项的年初预算、支出决算和完成率如下：行政运行960.00万元、986.45万元、102.76%；…`: each item's
        // figures are the measures named before 如下, in their order — a table in words, not read:
        // no figure of it is judged by a name or a topic.
        if Self.listsMeasuresAsTable(sentenceText) {
            // (From the first figure after 如下: a long sentence's later figures keep only the end of it.)
            let first = (state.firstClaimOfSentence..<claims.count).first { claims[$0].sentencePrefix.utf8Contains("如下") } ?? claims.count
            for k in first..<claims.count {
                claims[k].quantity = Quantity(name: "", isKnown: false)
                claims[k].quantitySource = .ownClause
                if case .completion = claims[k].kind { claims[k].kind = .percentage }
            }
        }
        if state.firstClaimOfSentence < claims.count, let scope = sentenceScope(sentenceText) {
            scopeFigures(state.firstClaimOfSentence..<claims.count, to: scope)
        }
        if state.firstClaimOfSentence < claims.count, sentenceText.utf8Contains("方面") {
            scopeByAspect(state.firstClaimOfSentence..<claims.count)
        }
        // (Only a sentence with a figure pointing back is searched for units: few are.)
        if (state.firstClaimOfSentence..<claims.count).contains(where: { claims[$0].isPlainAmount && Self.pointsBack(claims[$0].label) }) {
            for unit in otherUnits(in: sentenceText) { pointFigures(state.firstClaimOfSentence..<claims.count, to: unit) }
        }
        state.previousSentenceSubject = state.sentenceSubject
        state.sentenceSubject = nil
        state.headGroups = nil
        state.sentenceListsTopic = false
        state.firstClaimOfSentence = claims.count
        state.sentence += 1
        state.clause = 0
        state.depth = 0
        state.lists = [:]
        state.namedWholes = [:]
        state.outerLists = [:]
        state.lastAmount = [:]
        state.lastCount = [:]
        state.countLists = [:]
        state.brackets = []
        state.unitless = []
        state.phraseStart = i + 1
        if i - state.sentenceStart >= Self.maximumSentenceLength {
            state.sentenceStart = i
            state.clauseStart = i
        }
    }

    /// Each figure of a respectively run of this sentence is about one item of the list just
    /// before the run, in order. The list is the figures of one kind (plain amounts, or
    /// changes) right before the run in its sentence, at its depth and in the same `其中` list,
    /// less a first figure that is the whole the run names (`支出合计A万元，基本支出B万元、项目支出
    /// C万元，分别占支出合计的x%和y%`). When the list does not have one figure per figure of the
    /// run, the run is not paired, and the checks leave it alone (never guessed).
    mutating func pairRespectively(_ state: inout ParagraphState) {
        defer { state.respectivelyRuns = [] }
        for run in state.respectivelyRuns where run.count >= 2 {
            // `分别完成年初预算和调整预算的102.99%和99.00%`: completion rates of one actual, each of
            // the budget named in its place.
            if run.allSatisfy({ claims[$0].kind == .completion }) {
                // (The words since the figure before: `…22.26万元，分别为年初预算、调整预算的` too.)
                let prefix = claims[run[0]].sentencePrefix.unicodeScalars
                let words = prefix.lastIndex { ProseText.isDigit($0) || $0 == "%" || $0 == "元" }.map { prefix[prefix.index(after: $0)...] } ?? prefix[...]
                let budgets = Self.budgetsNamed(in: String(words))
                if budgets.count == run.count {
                    for (member, budget) in zip(run, budgets) { claims[member].measure = budget }
                    continue
                }
            }
            for member in run { claims[member].isInRespectivelyRun = true }
            let first = run[0]
            let depth = claims[first].depth
            guard first - 1 >= state.firstClaimOfSentence else { continue }
            // Fields read by index: a claim copied per test retains a dozen strings.
            let last = first - 1
            let amounts = claims[last].isPlainAmount
            func isChange(_ k: Int) -> Bool { if case .changeAmount = claims[k].kind { true } else { false } }
            func ofListKind(_ k: Int) -> Bool { amounts ? claims[k].isPlainAmount : isChange(k) }
            guard ofListKind(last) else { continue }
            var start = last
            // `A、B年初预算分别为…，决算分别为…，分别完成年初预算的x%和y%`: after runs of the same heads,
            // the items are the last run's (a head named again, or another measure, is an earlier run).
            let afterRun = claims[last].quantitySource == .respectively
            var runHeads: Set<String> = afterRun ? [claims[last].quantity?.description ?? ""] : []
            while start - 1 >= state.firstClaimOfSentence, !claims[start - 1].isEcho, claims[start - 1].depth == depth,
                  claims[start - 1].listWhole == claims[last].listWhole, claims[start - 1].listDivision == claims[last].listDivision, ofListKind(start - 1) {
                if afterRun {
                    guard claims[start - 1].quantitySource == .respectively, claims[start - 1].measure == claims[last].measure,
                          runHeads.insert(claims[start - 1].quantity?.description ?? "").inserted else { break }
                }
                start -= 1
            }
            if first - start > run.count, case .share(let whole?) = claims[first].kind,
               let named = claims[start].quantity, QuantityNames.known(in: whole)?.name == named.name {
                start += 1
            }
            guard first - start == run.count, (start..<first).allSatisfy({ !claims[$0].isEcho && claims[$0].depth == depth }) else { continue }
            for (position, item) in (start..<first).enumerated() { claims[run[position]].respectivelyOf = item }
        }
    }

    /// The budgets `words` name, in order (`年初预算和调整预算` → initial, full).
    public static func budgetsNamed(in words: String) -> [Measure] {
        var found: [Measure] = []
        var bytes = Array(words.utf8)[...]
        let budget = Array("预算".utf8)
        // By bytes (every word is three bytes): `年初`, `调整` or `全年` right before each 预算.
        while let at = bytes.firstRange(of: budget) {
            let before = bytes[..<at.lowerBound]
            let word = before.count >= 6 ? String(decoding: before.suffix(6), as: UTF8.self) : ""
            found.append(word == "年初" ? .initialBudget : word == "调整" || word == "全年" ? .fullBudget : .budget)
            bytes = bytes[at.upperBound...]
        }
        return found
    }

    /// Where the words of a point of view end (`从采购类型看`, `按来源分`, `从支出结构看`): at the
    /// comma or colon right after 看 or 分, within a few words and no figure; nil otherwise.
    static func viewpointEnd(_ text: ProseText, at i: Int) -> Int? {
        var j = i + 2
        while j + 1 < text.count, j - i <= 12 {
            let scalar = text.scalars[j]
            if ProseText.isDigit(scalar) || ProseText.isSentenceEnd(scalar) || ProseText.isClauseEnd(scalar) { return nil }
            if scalar == "看" || scalar == "分", "，,：:".unicodeScalars.contains(text.scalars[j + 1]) { return j + 1 }
            j += 1
        }
        return nil
    }

    /// The totals whose parts 基本支出 and 项目支出 are the department's (or a fund's) own.
    static let spendingTotals: Set<String> = ["本年支出合计", "支出总计", "支出总额", "财政拨款支出", "财政拨款支出总计", "财政拨款支出总额",
                                              "一般公共预算财政拨款支出", "政府性基金预算财政拨款支出", "国有资本经营预算财政拨款支出"]

    /// `社会保险经办机构（项）支出358.58万元，其中基本支出312.68万元、项目支出45.90万元`: 基本支出 and
    /// 项目支出 of an item, a 类 or a cost are its own split, not the department's.
    func splitOfItem(_ claim: inout Claim, whole: Quantity?) {
        guard let part = claim.quantity, part.isKnown, part.name == "基本支出" || part.name == "项目支出",
              let total = whole, !Self.spendingTotals.contains(total.name) || total.code != nil else { return }
        claim.quantity = Quantity(name: total.description + part.name, isKnown: false)
    }

    /// `离退休人员35人（离休1人、退休34人），其中由单位发放退休费的7人`: a list after a bracket that
    /// divided its whole is another division of it (its parts may be of the bracket's parts).
    func divideAgainAfterBracket(_ whole: Int, _ state: inout ParagraphState) {
        guard state.depth == 0, whole + 1 < claims.count, claims[whole + 1].depth > 0, claims[whole + 1].listWhole == whole else { return }
        state.divisions[whole, default: 0] += 1
    }

    /// `opensSentenceList`: the marker, like `其中`, may open a sentence that lists the parts of
    /// the previous sentence's subject (`…3,874.80万元。按来源分：…`).
    @discardableResult
    mutating func openList(_ state: inout ParagraphState, at i: Int, opensSentenceList: Bool = false, markerLength: Int = 0) -> Int? {
        let text = state.text
        // (Not of a count an amount came after: `公务用车购置数0辆；公务用车运行维护费4.38万元，主要用于…，
        // 公务用车保有量1辆` lists no parts of the count.)
        if let count = state.lastCount[state.depth], state.lastAmount[state.depth].map({ $0 < count }) ?? true {
            if state.countLists[state.depth] != count { divideAgainAfterBracket(count, &state) }
            state.countLists[state.depth] = count
        }
        var whole = state.lastAmount[state.depth]
        // `…年初结转和结余36.52万元；支出总计包括本年支出合计…`: a clause with no figure that names a
        // known amount before the marker lists that amount's parts, not those of the figure before.
        if whole != nil, state.depth == 0, state.lastFigureEnd <= state.clauseStart,
           i - state.clauseStart <= 20, i > state.clauseStart {
            let words = text.string(state.clauseStart, i).filter { !"，,：: ".contains($0) }
            if !words.isEmpty, let named = QuantityNames.known(in: words), LabelKey.make(words).hasSuffix(LabelKey.make(named.description)),
               let written = whole, claims[written].quantity != named {
                whole = (state.firstClaimOfParagraph..<claims.count).last { claims[$0].isPlainAmount && !claims[$0].isEcho && claims[$0].depth == 0
                    && claims[$0].period == .current && !claims[$0].measure.isBudget && claims[$0].quantity == named }
                // The words before the marker name the whole, not the first part.
                state.clauseStart = i + markerLength
                if whole == nil { return nil }
            }
        }
        if whole == nil, state.depth > 0 { whole = state.lastAmount[state.depth - 1] }
        if whole == nil, state.depth == 0 {
            // `其中，…` opening a sentence lists the parts of the previous sentence's subject.
            let before = text.string(state.sentenceStart, i).filter { !"，,：: ".contains($0) }
            if before.isEmpty, opensSentenceList || text.hasPrefix("其中", at: i) || text.hasPrefix("具体", at: i) { whole = state.previousSentenceSubject }
            // `…项目支出396.52万元。项目支出主要用于基层司法业务180.42万元、…`: a sentence that opens with a
            // known name and a list marker lists the parts of that quantity's amount written before
            // in the paragraph (the words before the marker are no part's).
            // So does a clause of the sentence (`基本支出是保障…的支出；项目支出主要用于…（48.50万元）…`).
            // (The clause's words made only when the sentence's name none: most lists have a whole.)
            for clause in [false, true] where whole == nil && (!clause || (state.clauseStart > state.sentenceStart && i - state.clauseStart <= 24)) {
                let words = clause ? text.string(state.clauseStart, i).filter { !"，,：: ".contains($0) } : before
                if !words.isEmpty, words.unicodeScalars.count <= 20, let named = QuantityNames.known(in: words),
                   LabelKey.make(words).hasSuffix(LabelKey.make(named.description)) {
                    whole = (state.firstClaimOfParagraph..<claims.count).last { claims[$0].isPlainAmount && !claims[$0].isEcho && claims[$0].depth == 0
                        && claims[$0].period == .current && !claims[$0].measure.isBudget && claims[$0].quantity == named }
                    // The words before the marker name the whole, not the first part (when a part
                    // follows: `…主要用于以下方面：` names the topic the colon opens).
                    if whole != nil || Self.figureFollows(text, from: i + markerLength) { state.clauseStart = i + markerLength }
                }
            }
            // `其中，基本支出A万元…；项目支出B万元…。从功能分类看，…`: a point of view after a sentence
            // of parts divides their whole again, not the first part.
            if opensSentenceList, let subject = whole, let listed = claims[subject].listWhole {
                whole = listed
                state.divisions[listed, default: 0] += 1
            } else if opensSentenceList, let subject = whole, claims[(subject + 1)...].contains(where: { $0.listWhole == subject }) {
                // (`…1,052.17万元，其中授予小微企业…716.35万元。按采购类型分，…分别为…`: so does one
                // after a sentence that listed the subject's parts.)
                state.divisions[subject, default: 0] += 1
            }
        }
        guard let whole else { return nil }
        if state.lists[state.depth]?.whole != whole { divideAgainAfterBracket(whole, &state) }
        // `其中：人员经费A万元，主要包括工资、津贴等；公用经费B万元`: the words after 主要包括 list no
        // figure, and at the ； the 其中 list goes on (kept aside here).
        if let open = state.lists[state.depth], open.whole != whole { state.outerLists[state.depth] = open }
        state.lists[state.depth] = (whole, 0, i)
        return whole
    }

    /// A respectively clause with one figure for several heads (`收支总计各为512.08万元`): the
    /// figure states each of them.
    mutating func finishHeads(_ state: inout ParagraphState, clauseEnd: Int? = nil) {
        defer { state.heads = []; state.headMeasures = []; state.headsTaken = 0; state.headsClaims = [] }
        if state.heads.count > 1, state.headsTaken == state.heads.count, state.heads.allSatisfy({ !$0.name.isEmpty }) {
            state.lastHeads = (state.heads, state.firstClaimOfSentence)
        }
        guard state.heads.count > 1, let index = state.headsClaims.first else { return }
        // Changes and their rates in groups, one group per head, each opened by a change of the
        // first one's kind (`…增加A万元，增长x%和减少B万元，下降y%`, `…增长x%（增加A万元）和下降y%
        // （减少B万元）`): each group is its head's, not one change of all. The groups after this
        // clause are counted ahead: changes of that kind right after a joiner.
        if state.heads.allSatisfy({ !$0.name.isEmpty }), state.headsClaims.allSatisfy({ claims[$0].kind.isChange }) {
            func isRate(_ k: Int) -> Bool { if case .changeRate = claims[k].kind { true } else { false } }
            let leadIsRate = isRate(index)
            let leads = state.headsClaims.filter { isRate($0) == leadIsRate }.count
            let ahead = leads == 1 ? clauseEnd.map { Self.joinedChangesAhead(state.text, from: $0, rates: leadIsRate) } ?? 0 : 0
            // (Changes of one kind alone, `人员经费和公用经费分别增加13.11万元和0.07万元`, are each of
            // its head too: a respectively run whose rates after it, `增幅分别为3.72%和0.08%`, are
            // judged against each head's amount.)
            if leads + ahead == state.heads.count {
                var opened = 0
                for k in state.headsClaims {
                    if isRate(k) == leadIsRate { opened += 1 }
                    claims[k].quantity = state.heads[opened - 1]
                    claims[k].quantitySource = .respectively
                }
                if ahead > 0 { state.headGroups = (state.heads, leadIsRate, opened) }
                return
            }
        }
        guard state.headsClaims.count == 1 else { return }
        // A change or rate (`收、支总计各减少219.00万元`) took no head in `describe`: it is of the
        // first head, as its echoes are of the others.
        if claims[index].quantity?.isKnown != true, !state.heads[0].name.isEmpty {
            claims[index].quantity = state.heads[0]
            claims[index].quantitySource = .respectively
        }
        for (k, head) in state.heads.enumerated().dropFirst() {
            var echo = claims[index]
            echo.quantity = head.name.isEmpty ? (claims[index].quantitySource == .sentence ? claims[index].quantity : nil) : head
            echo.label = head.name.isEmpty ? state.headMeasures[k]?.rawValue ?? echo.label : head.description
            echo.quantitySource = head.name.isEmpty ? (echo.quantity == nil ? .none : .sentence) : .respectively
            if echo.isPlainAmount, let measure = state.headMeasures[k] { echo.measure = measure }
            echo.isEcho = true
            claims.append(echo)
        }
    }

    /// The changes (rates when `rates`, else amounts) from `start` to the sentence's end that
    /// follow a joiner or a clause's end at once (`和减少71.67万元`, not `；公用经费减少…`).
    static func joinedChangesAhead(_ text: ProseText, from start: Int, rates: Bool) -> Int {
        let s = text.scalars
        var count = 0
        var j = start
        while j < s.count, !ProseText.isSentenceEnd(s[j]) {
            guard ProseText.isDigit(s[j]), j >= 2, !ProseText.isDigit(s[j - 1]), s[j - 1] != "." else { j += 1; continue }
            let wordEnd = s[j - 1] == "了" ? j - 1 : j
            var end = j
            while end < s.count, ProseText.isDigit(s[end]) || s[end] == "." || s[end] == "," { end += 1 }
            if wordEnd >= 3, changeWords.contains(text.string(wordEnd - 2, wordEnd)),
               "和、，,；;及与".unicodeScalars.contains(s[wordEnd - 3]),
               (end < s.count && (s[end] == "%" || s[end] == "％")) == rates {
                count += 1
            }
            j = end
        }
        return count
    }

    static let hundredPercent = DecimalNumber(100)

    /// Whether a figure stands in the reason of its statement (`…超过调整预算，主要是兑付了上年结转
    /// 资金8.60万元`): what explains an amount is no part of a list. (`主要是` alone also lists parts:
    /// `主要是人员经费…和公用经费…`; with a verb's 了 after it, it gives a reason.)
    static func isInReason(_ prefix: String) -> Bool {
        guard prefix.utf8Contains("因") || prefix.utf8Contains("系") || prefix.utf8Contains("主要是") else { return false }
        var statement = Substring(prefix)
        if let semicolon = statement.lastIndex(where: { $0 == "；" || $0 == ";" }) { statement = statement[statement.index(after: semicolon)...] }
        if reasonMarkers.contains(where: { statement.utf8Contains($0) }) { return true }
        guard let mainly = statement.utf8FirstOffset(of: "主要是"), let after = String(statement.utf8.dropFirst(mainly + "主要是".utf8.count)) else { return false }
        return after.utf8Contains("了")
    }

    static let reasonMarkers = ["主要原因是", "原因是", "主要原因为", "主要系", "系因", "由于", "因为"]

    /// `对个人和家庭的补助7.15万元，主要包括基本工资52.36万元…`: an economic 款 (基本工资, 30101) listed
    /// after an economic 类 it is not under (303) is no part of it.
    static func isEconomicItemOfAnotherClass(_ label: String, whole: Quantity?) -> Bool {
        // (Most wholes are let go without a key: the economic 类 read here end in 支出 or 补助.)
        guard let whole, whole.name.utf8HasSuffix("支出") || whole.name.utf8HasSuffix("补助"),
              let wholeCode = economicClassCodes[ByteKey(whole.name)] else { return false }
        var name = Substring(label)
        for marker in partMarkers where name.hasPrefix(marker) { name = name.dropFirst(marker.count); break }
        guard name.count >= 2, name.count <= 20,
              let part = Catalogue.embedded.entries(nameContaining: String(name), kind: .economic).first(where: { $0.quality == .whole }),
              part.entry.code.utf8.count == 5 else { return false }
        return !part.entry.code.hasPrefix(wholeCode)
    }

    /// The economic 类 by name (`工资福利支出` 301 …), as the catalogue has them.
    static let economicClassCodes: [ByteKey: String] = Dictionary(
        Catalogue.embedded.entries(withPrefix: "", kind: .economic).filter { $0.code.utf8.count == 3 }.map { (ByteKey($0.name), $0.code) },
        uniquingKeysWith: { first, _ in first })

    /// Whether the figure before, in the bracket opened at claim `bracket`, was another measure of
    /// the amount `outer` the bracket follows (`（年初预算400.00万元，调整预算420.00万元）`).
    static func isOuterMeasureBefore(_ claims: [Claim], bracket: Int, outer: Int?) -> Bool {
        guard let outer, let last = claims.indices.last, last >= bracket, claims[last].quantitySource == .sentence,
              let named = claims[last].quantity, let outerNamed = claims[outer].quantity else { return false }
        return named == outerNamed
    }

    /// Verbs before the budget a rate is of (`完成全年预算（…）的…`).
    static let completionVerbs: Set<String> = ["完成", "为", "占", "达到", "达"]

    /// Words that say an amount is wholly one thing (`全部为`, `均为`).
    static let whollyWords = ["全部为", "全部是", "全部来自", "全部来源于", "均为", "全额为"]

    /// Words that make a 持平 a share's (`占比与上年持平`, `所占比重持平`).
    static let shareLevelWords = ["占比", "比重", "比例"]

    static let changeWords: Set<String> = ["增加", "减少", "增长", "下降", "上升", "降低", "提高", "减幅", "增幅"]

    mutating func noChange(_ state: inout ParagraphState, start: Int, end: Int, line: Int, paragraph: Int) {
        let window = state.text.string(max(state.sentenceStart, start - 24), start)
        // The budget named last before it (`完成年初预算的103.45%，与调整预算持平`: the adjusted one).
        var budget: Measure?
        if let last = Self.budgetsNamed(in: window).last { budget = last }
        let subject = claims[state.firstClaimOfSentence...].lastIndex { $0.isPlainAmount && $0.depth == 0 }
        let quantity = subject.flatMap { claims[$0].quantity } ?? state.topic
        statements.append(ProseStatement(kind: .noChange, comparedWithBudget: budget, range: state.text.range(start, end),
                                         quantity: quantity, subject: subject, line: line, paragraph: paragraph))
    }

    // MARK: Figures

    /// Reads the figure at `start`; returns where reading goes on.
    mutating func readFigure(_ state: inout ParagraphState, at start: Int, line: Int, paragraph: Int, section: Int) -> Int {
        let text = state.text
        let s = text.scalars
        var j = start
        var sawPoint = false
        while j < s.count {
            let c = s[j]
            if ProseText.isDigit(c) { j += 1; continue }
            if c == ",", !sawPoint, j + 3 < s.count, (1...3).allSatisfy({ ProseText.isDigit(s[j + $0]) }), !ProseText.isDigit(text[j + 4]) {
                j += 1; continue
            }
            if c == ".", !sawPoint, ProseText.isDigit(text[j + 1]) { sawPoint = true; j += 1; continue }
            break
        }
        let numberText = text.string(start, j)
        // Without a comma the filtered text is the text: parse it once.
        let hasComma = s[start..<j].contains(",")
        // The commas taken out of the bytes (ASCII: the other characters are untouched), not by
        // `String.filter`, which walked the figure character by character.
        guard let value = (hasComma ? DecimalNumber(String(decoding: numberText.utf8.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)) : nil)
                ?? DecimalNumber(numberText) else { return j }
        return readFigure(&state, at: start, numberEnd: j, value: value, numberText: numberText, sawPoint: sawPoint,
                          line: line, paragraph: paragraph, section: section)
    }

    /// Reads a count written in Chinese numerals (`三辆`, `十五批次`, `两个`) at `start`, where a
    /// numeral opens a word; returns where reading goes on, or nil when it is no count: numerals
    /// with no count unit after them (`一是`, `三公`), ordinals (`第二`), and set phrases whose
    /// unit is followed by more words of the phrase (`一次性`, `一人一档`, `三个一批`).
    mutating func readChineseCount(_ state: inout ParagraphState, at start: Int, line: Int, paragraph: Int, section: Int) -> Int? {
        let text = state.text
        if let previous = text[start - 1], ChineseNumeral.scalars.contains(previous) || Self.chineseNumeralOpeners.contains(previous) { return nil }
        guard let (value, end) = ChineseNumeral.read(text.scalars, from: start) else { return nil }
        var k = end
        if let next = text[k], next == "余" || next == "多" { k += 1 }
        // Not 项: in words it names kinds of things (`八项规定`, `两项补贴`), and `两项合计` is the
        // sum of what was listed, read as the next figure's words.
        guard let unitFirst = text[k], Self.countUnitFirsts.contains(unitFirst), unitFirst != "项",
              let word = Self.countUnits.first(where: { text.hasPrefix($0, at: k) }) else { return nil }
        let after = k + word.unicodeScalars.count
        if let next = text[after], ChineseNumeral.scalars.contains(next) || Self.countPhraseFollowers.contains(next) || ProseText.isDigit(next) { return nil }
        // `两个单位合计`: the count names what the sum after it adds up.
        if Self.bareSumWords.contains(where: { text.hasPrefix($0, at: after) }) { return nil }
        return readFigure(&state, at: start, numberEnd: end, value: DecimalNumber(value), numberText: text.string(start, end), sawPoint: false,
                          line: line, paragraph: paragraph, section: section)
    }

    /// The heads before 占 of the share at `start` (`人员经费、公用经费分别占基本支出的`), or nil.
    static func shareHeads(_ state: inout ParagraphState, before start: Int) -> [Quantity]? {
        let phraseLower = max(state.sentenceStart, state.phraseStart, state.lastFigureEnd)
        guard phraseLower < start else { return nil }
        // (Most runs of shares follow their amounts, `…，分别占`: no joiner before 占.)
        guard (phraseLower..<start).contains(where: { Self.headJoiners.contains(state.text.scalars[$0]) }) else { return nil }
        let words = state.string(phraseLower, start)
        guard let share = words.utf8LastOffset(of: "占"), share > 0, let heads = String(words.utf8.prefix(share)) else { return nil }
        var text = Substring(heads)
        for marker in ["分别", "各自", "依次"] where text.hasSuffix(marker) { text = text.dropLast(marker.count); break }
        guard text.utf8Contains("、") || text.utf8Contains("和") || text.utf8Contains("与") || text.utf8Contains("及"),
              let found = respectivelyHeadsAndMeasures(text + "分别为")?.heads, found.count >= 2, found.allSatisfy(\.isKnown) else { return nil }
        return found
    }

    /// `两个司法所8人`, `2个司法所共8人`: a count right before a name that another count of another
    /// unit follows, in one clause, says how many things the name is (here, the 8 people's units);
    /// it is no figure of its own.
    static func countQualifiesName(_ s: [Unicode.Scalar], from: Int, unit: String) -> Bool {
        var k = from
        while k < s.count, k - from <= 12, !ProseText.isDigit(s[k]), !ChineseNumeral.scalars.contains(s[k]) {
            if nameBreaks.contains(s[k]) { return false }
            k += 1
        }
        guard k > from, k < s.count else { return false }
        var end = k
        if ProseText.isDigit(s[k]) {
            while end < s.count, ProseText.isDigit(s[end]) { end += 1 }
        } else if let (_, numeralEnd) = ChineseNumeral.read(s, from: k) {
            end = numeralEnd
        } else {
            return false
        }
        guard end < s.count, countUnitFirsts.contains(s[end]),
              let other = countUnits.first(where: { word in word.unicodeScalars.elementsEqual(s[end..<min(s.count, end + word.unicodeScalars.count)]) }) else { return false }
        return other != unit
    }

    /// Scalars that end a name: punctuation, blanks and joiners.
    static let nameBreaks = ScalarSet("，,、；;。（）()：: 　和与及或\t")

    /// Scalars before a numeral that make it no count: an ordinal (`第三`), each (`每一`), a word
    /// ending in a numeral (`统一`, `唯一`, `进一步`, `之一`, `初三`).
    static let chineseNumeralOpeners = ScalarSet("第每统唯逐之初万星周")
    /// Scalars after a count unit that make the numeral part of a set phrase (`一次性`, `一人多岗`).
    static let countPhraseFollowers = ScalarSet("性多")

    /// Reads the figure whose digits (or numerals) run from `start` to `numberEnd`, of `value`.
    mutating func readFigure(_ state: inout ParagraphState, at start: Int, numberEnd j: Int, value: DecimalNumber, numberText: String,
                             sawPoint: Bool, line: Int, paragraph: Int, section: Int) -> Int {
        let text = state.text
        let s = text.scalars
        // Years, dates, document numbers, ordinals and section numbers are not figures.
        if let next = text[j], Self.dateOrRuleMarks.contains(next) { return j }
        // (`〔占比3.52%〕`: a bracket's figure with its unit is one; `财预〔2024〕5号`'s is none.)
        if let previous = text[start - 1], Self.numberOpeners.contains(previous),
           previous == "第" || sawPoint || !(text[j] == "%" || text[j] == "万" || text[j] == "元" || text[j] == "亿") { return j }
        let atClauseStart = (state.clauseStart..<start).allSatisfy { s[$0] == " " || s[$0] == "（" || s[$0] == "(" }
        if atClauseStart, !sawPoint, let next = text[j], Self.ordinalClosers.contains(next), !ProseText.isDigit(text[j + 1]) { return j }

        var k = j
        var approximate = false
        if let next = text[k], next == "余" || next == "多" { approximate = true; k += 1 }
        var unit: ClaimUnit?
        var unitLength = 0
        // The unit by its first scalar: each word is compared only where it can start (issue 15).
        let unitFirst = text[k]
        if unitFirst == "万" || unitFirst == "亿" || unitFirst == "千" {
            if text[k + 1] == "元" { unit = .money(unitFirst == "万" ? .tenThousandYuan : unitFirst == "亿" ? .hundredMillionYuan : .thousandYuan); unitLength = 2 }
        } else if unitFirst == "元" { unit = .money(.yuan); unitLength = 1 }
        else if unitFirst == "%" { unit = .percent; unitLength = 1 }
        else if unitFirst == "个", text.hasPrefix("个百分点", at: k) { unit = .percentagePoints; unitLength = 4 }
        else if unitFirst == "百", text.hasPrefix("百分点", at: k) { unit = .percentagePoints; unitLength = 3 }
        else if unitFirst == "分" { if text[k + 1] != "别", text[k + 1] != "配" { unit = .points; unitLength = 1 } }
        else if let unitFirst, Self.countUnitFirsts.contains(unitFirst), let word = Self.countUnits.first(where: { text.hasPrefix($0, at: k) }) {
            unit = .count(word); unitLength = word.unicodeScalars.count
        }
        if unit == nil, approximate { k -= 1; approximate = false }
        // `政府性基金预算财政拨款收入为0`, `结余分配为0。`: a zero stated of an amount, written without a
        // unit (a unit is no matter for nothing), is in the tables' unit. Only a bare 0 right after
        // 为/是 and before the clause's end.
        // (Not a rate, a share or a count: `增长率为0`, `占比为0`, `人数为0`.)
        if unit == nil, value.isZero, !sawPoint, let tableUnit, let previous = text[start - 1], previous == "为" || previous == "是",
           text[start - 2].map({ !"率比重幅度次人辆个项批家名户台套".unicodeScalars.contains($0) }) ?? false,
           k >= s.count || ProseText.isClauseEnd(s[k]) || s[k] == "。" {
            unit = .money(tableUnit)
        }
        let end = unitLength > 0 ? k + unitLength : j
        if text[end] == "左", text[end + 1] == "右" { approximate = true }
        if case .count(let word)? = unit, Self.countQualifiesName(s, from: end, unit: word) { return end }

        let windowStart = max(state.sentenceStart, start - Self.contextWindow)
        let sentencePrefix = state.string(windowStart, start)
        // The clause and the phrase end where the sentence prefix does: cut from it.
        // The clause starts after a figure written earlier in it, and after the joiner that follows
        // that figure: in `人员经费190.15万元和公用经费5.42万元`, 5.42's words are 公用经费.
        var clauseLower = max(state.clauseStart, start - Self.contextWindow)
        if state.lastFigure != nil, state.lastFigureEnd > clauseLower, state.lastFigureEnd <= start {
            clauseLower = Self.pastJoiner(s, from: state.lastFigureEnd, to: start).end
        } else if clauseLower > 0, clauseLower < start, s[clauseLower - 1] == "）" || s[clauseLower - 1] == ")" {
            // `本年收入合计763.27万元（…、其他收入12.60万元）和年初结转和结余18.35万元`: past the joiner
            // after the bracket too.
            let past = Self.pastJoiner(s, from: clauseLower, to: start)
            if past.joined { clauseLower = past.end }
        }
        var clauseText = text.string(clauseLower, start, suffixOf: sentencePrefix, from: windowStart)
        // Every string read about this figure is the sentence prefix or a suffix of it: when the
        // prefix is simple text they all are, whatever odd scalar the rest of the paragraph holds
        // (then every comparison below was the standard library's, character by character).
        let simple = text.isSimple || SimpleText.isSimple(sentencePrefix)
        var before = simple ? clauseText.simpleTrimmingBlanks : clauseText.trimmingBlanks
        // `完成全年预算（1.60万元）的73.75%`: right after `）的`, the words go on from before the bracket.
        var continuesBracket = false
        if let bracket = state.closedBracket, bracket.close + 2 == start, text[bracket.close + 1] == "的", bracket.clauseStart < bracket.open {
            let words = state.string(max(bracket.clauseStart, bracket.open - Self.contextWindow), bracket.open)
            before = (simple ? words.simpleTrimmingBlanks : words.trimmingBlanks) + "的"
            continuesBracket = true
        }
        // `占本年支出合计154.44万元的77.5%`: right after the whole written in a share's words, the
        // words go on from them (as after a bracket).
        if !continuesBracket, before == "的", let previous = state.lastFigure, previous >= state.firstClaimOfSentence,
           claims[previous].isPlainAmount, claims[previous].depth == state.depth, claims[previous].label.utf8HasPrefix("占"),
           claims[previous].followingWords.utf8HasPrefix("的") {
            before = claims[previous].label + "的"
            continuesBracket = true
        }
        // `年初预算：450.00万元；调整预算：640.00万元；完成率：95.69%`: a record of keys and values. A
        // figure right after a colon, alone in its clause, is what the key before the colon names
        // when that key is a measure (not a topic: `其中：`, `分别为：` read on as before).
        if before.isEmpty, !continuesBracket, clauseLower == state.clauseStart, clauseLower > state.sentenceStart,
           s[clauseLower - 1] == "：" || s[clauseLower - 1] == ":" {
            var keyStart = clauseLower - 1
            while keyStart > state.sentenceStart, clauseLower - keyStart <= 16, !Self.keySeparators.contains(s[keyStart - 1]) { keyStart -= 1 }
            let key = state.string(keyStart, clauseLower - 1)
            let trimmed = simple ? key.simpleTrimmingBlanks : key.trimmingBlanks
            // (Or a known name alone, `本年支出合计：2,368.49万元`: read as `本年支出合计2,368.49万元`.)
            // (And last year's, `上年金额：94.16万元`.)
            if Self.measureKeys.contains(trimmed)
                || (trimmed.unicodeScalars.count <= 6 && (trimmed.utf8HasPrefix("上年") || trimmed.utf8HasPrefix("去年")))
                || (trimmed.unicodeScalars.count <= 12 && QuantityNames.namedWhole(by: trimmed).map { $0.isKnown && $0.description == trimmed } == true) {
                before = trimmed
                clauseText = trimmed
            }
        }
        // `增减额为-6.68万元`, `增减率为-8.90%`: a signed change, its direction in its sign.
        // (The words are looked for only after the last two scalars allow them: most figures' words
        // end otherwise. The scalars are read off the bytes.)
        var signedChange: Bool?
        let (secondLast, last) = Self.lastTwoScalars(before)
        let negative = last == "-" || last == "－" || last == "−"
        if negative || last.map({ Self.signedChangeLasts.contains($0) }) == true
            || ((last == "为" || last == "是") && secondLast.map({ Self.signedChangeLasts.contains($0) }) == true) {
            let unsigned = negative ? String(before.unicodeScalars.dropLast()) : before
            if Self.signedChangeWords.contains(where: { unsigned.hasSuffix($0, simple: simple) }) {
                signedChange = !negative
                before = unsigned
            }
        }
        if simple ? Self.firstSuffix(of: before, in: Self.approximateWordBytes) != nil
                  : Self.approximateWords.contains(where: { before.hasSuffix($0, simple: false) }),
           !Self.wordsEndingLikeApproximations.contains(where: { before.hasSuffix($0, simple: simple) }) { approximate = true }
        // `超过300万元`, `近60万元`: a bound, not a rounding.
        var bound: ApproximateBound?
        if approximate {
            if Self.lowerBoundWords.contains(where: { before.hasSuffix($0, simple: simple) }) { bound = .atLeast }
            else if Self.upperBoundWords.contains(where: { before.hasSuffix($0, simple: simple) }) { bound = .atMost }
        }
        // Fields read in place, by index: a claim copied per test retains a dozen strings.
        let sentenceClaims = state.firstClaimOfSentence..<claims.count
        guard var kind = Self.classify(unit: unit, clause: before, sentence: sentencePrefix, simple: simple,
                                       previousYearStated: sentenceClaims.contains { claims[$0].period == .previous && claims[$0].isPlainAmount },
                                       budgetStated: sentenceClaims.contains { claims[$0].measure.isBudget && claims[$0].isPlainAmount },
                                       rateFollows: Self.changeRateFollows(s, from: end)) else { return end }
        if let increase = signedChange {
            if case .money? = unit, !Self.signedRateWords.contains(where: { before.hasSuffix($0, simple: simple) }) { kind = .changeAmount(increase: increase) }
            // (Any signed change in percent is a rate: `（增减变动-3.20%）`.)
            if unit == .percent { kind = .changeRate(increase: increase) }
        }
        // A respectively run (`基本支出A万元、项目支出B万元，分别占x%和y%`): the next figure of the
        // run is joined to the one before by a joiner alone and says the same of another item.
        if let previous = state.lastFigure, let run = state.respectivelyRuns.last, run.last == previous,
           claims[previous].depth == state.depth, Self.sameUnitClass(claims[previous].unit, unit),
           Self.isJoiner(s, from: state.lastFigureEnd, to: start) {
            kind = claims[previous].kind
            state.respectivelyRuns[state.respectivelyRuns.count - 1].append(claims.count)
        } else if Self.opensRespectivelyRun(kind), Self.hasRespectivelyMarker(s, from: max(state.sentenceStart, state.lastFigureEnd), to: start) {
            state.respectivelyRuns.append([claims.count])
        } else if case .count = kind, let previous = state.lastFigure, case .changeAmount = claims[previous].kind,
                  case .count? = claims[previous].unit, Self.isJoiner(s, from: state.lastFigureEnd, to: start) {
            // `比上年减少5批次、37人次`: the counts after a change of one are changes too.
            kind = claims[previous].kind
        } else if case .share = kind, let previous = state.lastFigure, previous >= state.firstClaimOfSentence,
                  claims[previous].isPlainAmount, claims[previous].quantitySource == .respectively {
            // `A、B、C分别为a、b、c万元，占…的x%、y%、z%`: shares right after amounts read respectively
            // pair with them as well, with no second 分别 (a share alone stays one).
            state.respectivelyRuns.append([claims.count])
        }
        // `本年收入合计133.79万元，…，全部为一般公共预算财政拨款收入，占100%`: a share after a clause that
        // names with no figure what the amount is made of is that thing's, which no figure states: not
        // judged as the amount's share.
        if case .share(nil) = kind, let previous = state.lastFigure, previous >= state.firstClaimOfSentence {
            var madeOf = false
            if before.utf8.count <= 6, state.lastFigureEnd < state.clauseStart {
                let between = state.string(state.lastFigureEnd, state.clauseStart)
                // (`全部为X，占100%` is X's whole share of the amount; `全部为X，占84.00%` is the amount's of its
                // whole, X being all of it. `主要为X，占…` may be either: not judged.)
                madeOf = Self.mainlyMadeOfWords.contains(where: { between.utf8Contains($0) })
                    || (value == Self.hundredPercent && Self.madeOfWords.contains(where: { between.utf8Contains($0) }))
            }
            // (So with longer words of share, at 100%: `本年收入合计824.32万元，全部为一般公共预算财政拨款收入，
            // 所占比例为100.00%`.)
            if !madeOf, value == Self.hundredPercent, claims[previous].isPlainAmount, claims[previous].quantity?.isKnown == true,
               state.lastFigureEnd < start, Self.whollyWords.contains(where: { state.string(state.lastFigureEnd, start).utf8Contains($0) }) {
                madeOf = true
            }
            if madeOf { kind = .percentage }
        }
        // `占比由上年的84.12%提高到86.45%`: what a share came to is the same share, this year's.
        var cameToShareOf: Int?
        if kind == .percentage, before.utf8.count <= 9, Self.changedToWords.contains(before), let previous = state.lastFigure,
           previous >= state.firstClaimOfSentence, case .share = claims[previous].kind, claims[previous].label.utf8Contains("由") {
            kind = claims[previous].kind
            // (`与上年相比，…所占比重由75.55%提高到77.03%`: the share it came from is last year's.)
            claims[previous].period = .previous
            cameToShareOf = previous
        } else if kind == .percentage || unit.map({ if case .count = $0 { true } else { false } }) == true,
                  before.utf8.count <= 9, Self.changedToWords.contains(before), let previous = state.lastFigure,
                  previous >= state.firstClaimOfSentence, claims[previous].unit == unit, claims[previous].period == .current,
                  claims[previous].kind == .percentage || claims[previous].kind == .count,
                  claims[previous].label.utf8HasSuffix("由") || claims[previous].label.utf8HasSuffix("从"), !claims[previous].label.utf8Contains("年初") {
            // `项目支出比重相应由24.19%提高到27.06%`, `公务用车保有量由4辆减少至3辆`: the figure it came from
            // is last year's (and a count it came to is this year's count, no change).
            claims[previous].period = .previous
            if claims[previous].kind == .count { kind = .count }
        }
        // `年末结转和结余90.00万元，比年初减少110.00万元`: a change from the opening balance.
        // The comparison may stand in a clause of its own (`与年初相比，减少…`): when the figure's own
        // clause is its direction word alone, the words back to the figure before, or to the
        // sentence's start, are read (only then: a string is made of them).
        func openingChange(ofRate: Bool) -> Bool? {
            if let increase = Self.openingChange(before, simple: simple, ofRate: ofRate) { return increase }
            guard before.utf8.count <= Self.longestOpeningDirection, Self.openingDirectionWords(ofRate: ofRate).contains(before) else { return nil }
            let from = state.lastFigure != nil && state.lastFigureEnd > state.sentenceStart && state.lastFigureEnd <= start ? state.lastFigureEnd : state.sentenceStart
            return Self.openingChange(String(state.string(from, start).drop { "，,、 ".contains($0) }), simple: simple, ofRate: ofRate)
        }
        var comparesWithOpening = false
        if case .money? = unit, let increase = openingChange(ofRate: false) {
            kind = .changeAmount(increase: increase)
            comparesWithOpening = true
        }
        // `比年初下降55.00%`: the rate of that change.
        if case .changeRate = kind, openingChange(ofRate: true) != nil { comparesWithOpening = true }
        // `城乡社区支出2,668.54万元（75.41%）`: a percentage alone in a bracket right after an amount
        // is its share of the list's whole.
        if kind == .percentage, before.isEmpty, state.depth > 0, let previous = state.lastFigure, claims[previous].isPlainAmount,
           claims[previous].depth == state.depth - 1, let bracket = state.brackets.last, bracket.claims == claims.count,
           state.lastFigureEnd <= bracket.open, !s[state.lastFigureEnd..<bracket.open].contains(where: { !"万元亿千 ".unicodeScalars.contains($0) }) {
            kind = .share(whole: nil)
        }
        // `为年初预算100.00万元的128.00%`: a percentage of the budget just written is its completion.
        if kind == .percentage, before == "的", let previous = state.lastFigure, claims[previous].isPlainAmount,
           claims[previous].measure.isBudget, state.lastFigureEnd <= start, claims[previous].sentence == state.sentence {
            kind = .completion
        }
        // `决算数占全年预算数的68.75%`: a share of a budget, named by its measure alone, is a completion.
        if case .share(let whole?) = kind, Self.budgetWordBytes.contains(where: { whole.utf8.elementsEqual($0) }) {
            kind = .completion
        }
        // `812.40、820.15万元`: the figures before share this one's unit.
        if unit != nil {
            for index in state.unitless where claims[index].unit == nil {
                claims[index].unit = unit
                claims[index].unitRange = text.range(k, end)
                if case .money? = unit { claims[index].kind = .amount } else { claims[index].kind = kind }
                // (`办公费、差旅费分别为4.82、2.64万元`: a 款 of 公开06 named bare, now an amount.)
                if !basicSpendingRows.isEmpty, claims[index].isPlainAmount {
                    var waiting = claims[index]
                    basicSpendingRow(&waiting, &state)
                    claims[index] = waiting
                }
            }
        }
        // (`46.15、14.06、22.74万元`: every figure before the unit waits for it.)
        if unit == nil, let next = text[j], Self.listJoiners.contains(next) { state.unitless.append(claims.count) }
        else {
            state.unitless = []
            if unit == nil { kind = .amount }
        }

        var claim = Claim(kind: kind, value: value, text: numberText, range: text.range(start, j), fullRange: text.range(start, end),
                          unit: unit, unitRange: text.range(unitLength > 0 ? k : j, end),
                          label: Self.cleanLabel(clauseText, simple: simple), sentencePrefix: sentencePrefix,
                          offsetInSentence: simple ? max(0, start - windowStart) : sentencePrefix.count, line: line, sentence: state.sentence, clause: state.clause)
        claim.isApproximate = approximate
        claim.approximateBound = bound
        if signedChange != nil, let last = claim.label.unicodeScalars.last, last == "-" || last == "－" || last == "−" {
            claim.label = String(claim.label.unicodeScalars.dropLast()).trimmingBlanks
        }
        // `年初预算40.00万元，年中追加7.00万元后调整为47.00万元`, `全年预算调减为4.80万元`: what the
        // budget was adjusted to is the adjusted budget (`调减5.00万元` is a change of it).
        if case .money? = unit, claim.kind == .amount, last == "为" || last == "至" || last == "到", let secondLast, Self.adjustedToSecondLasts.contains(secondLast),
           let word = Self.adjustedToWords.first(where: { before.hasSuffix($0, simple: simple) }) {
            claim.label = String(claim.label.dropLast(min(claim.label.count, word.count - 1))) + "调整预算"
        }
        claim.comparesWithOpening = comparesWithOpening
        claim.depth = state.depth
        claim.topic = state.topic
        var after = end
        while after < s.count, after - end < 16, !Self.endsFollowingWords(s[after]) { after += 1 }
        claim.followingWords = state.string(end, after)
        // `35,055.56万元，为2024年度财政拨款收、支总计`: a figure alone in its clause, named by the
        // clause after it (its following words are that clause's).
        if after == end, end + 1 < s.count, s[end] == "，" || s[end] == ",", s[end + 1] == "为" || s[end + 1] == "是" || s[end + 1] == "系",
           Self.cleanLabel(clauseText, simple: simple).isEmpty || Ordinal.strip(Self.cleanLabel(clauseText, simple: simple)).isEmpty {
            var next = end + 1
            while next < s.count, next - end < 40, !Self.endsFollowingWords(s[next]) { next += 1 }
            claim.followingWords = state.string(end + 1, next)
        }
        claim.paragraph = paragraph
        claim.section = section
        // The phrase is read only for a respectively clause (it holds 分, 各, 均, 都 or 依, or is 收支总计,
        // and no heads are open) or a completion rate: otherwise no string is made for it (issue 15).
        let phraseLower = max(state.phraseStart, start - Self.contextWindow)
        let needsPhrase = claim.kind == .completion
            // `…分别为0、83.00、12.00万元，年度执行中…调整为0、80.60、11.00万元`: a run after the heads' run.
            || (state.heads.isEmpty && state.lastHeads != nil && (last == "为" || last == "至" || last == "到")
                && secondLast.map { Self.adjustedToSecondLasts.contains($0) } == true)
            || (state.heads.isEmpty && phraseLower < start && s[phraseLower..<start].contains { $0 == "分" || $0 == "各" || $0 == "均" || $0 == "都" || $0 == "总" || $0 == "依" })
            // `年初、年末结转和结余共计…`: a sum of heads.
            || (state.heads.isEmpty && (claim.label.utf8HasSuffix("共计") || claim.label.utf8HasSuffix("合计")) && phraseLower < start
                && s[phraseLower..<start].contains { $0 == "、" || $0 == "和" || $0 == "与" || $0 == "及" })
        describe(&claim, phrase: needsPhrase ? text.string(phraseLower, start, suffixOf: sentencePrefix, from: windowStart) : "",
                 simple: simple, state: &state)
        // (The budget of such a rate is the one its words before the bracket name.)
        if continuesBracket, case .completion = claim.kind { claim.measure = Self.completionBudget(before, simple: simple) }
        // `基本支出15,352.15万元（1.54亿元）`: the amount again, alone in a bracket right after it, in
        // another unit: an echo of it (no whole of its own for a share to be divided by).
        // So is one whose digits do not restate it, written bare in its own bracket
        // (`595.81万元（5,958,200.00元）`): a slip N518 reports, not a figure of its own.
        if claim.isPlainAmount, claim.depth > 0, let bracket = state.brackets.last, bracket.claims == claims.count,
           state.lastFigureEnd >= bracket.open - 1, let previous = state.lastAmount[claim.depth - 1],
           restatesAmount(claim, state: state, outside: true) || isBareRestatement(claim, of: previous, bracketOpen: bracket.open, start: start, end: end, state: state) {
            claim.quantity = claims[previous].quantity
            claim.quantitySource = .sentence
            claim.period = claims[previous].period
            claim.measure = claims[previous].measure
            claim.isEcho = true
            claim.isRestatement = true
            claim.restated = previous
        }
        // `国防支出是主要支出方向，同比增加16.81万元`: a change naming nothing, first after an item
        // said to be something (or ranked), is that item's.
        if claim.kind.isChange, let ranked = state.topicAfterRanked, ranked.claims == claims.count, let item = state.topic, item.isKnown,
           claim.label.isEmpty || Self.isDirectionOnly(claim.label) || claim.label.unicodeScalars.first.map({ "比较同与".unicodeScalars.contains($0) }) == true {
            claim.quantity = item
            claim.quantitySource = .ownClause
        }
        // `…一般行政管理事务（项）：…实际支出46.20万元。年末结转0.78万元。`: a balance in a paragraph
        // about an item is the item's, not the department's; so are its 人员经费 and 公用经费
        // (`公路养护（项）…该项主要用于…，其中人员经费787.38万元`).
        if claim.isPlainAmount, claim.quantitySource == .ownClause, let named = claim.quantity, named.isKnown, named.code == nil, named.qualifier.isEmpty,
           named.name.utf8Contains("结转") || named.name.utf8Contains("结余") || named.name.utf8HasSuffix("经费") && Self.itemSplits.contains(ByteKey(named.name)),
           let item = claim.topic ?? state.titleQuantity, item.code != nil {
            claim.quantity = Quantity(name: item.description + "中" + claim.label, isKnown: false)
        }
        // `其他收入上年为98.20万元，本年收入123.56万元`, `（2）公务用车运行维护费。上年支出…，本年支出…`: a
        // year's income or spending after the name spoken of is that name's, not the report's total.
        if claim.isPlainAmount, claim.label.utf8.count <= 15, Self.yearSideWords.contains(ByteKey(claim.label)),
           let subject = Self.yearSideSubject(claims, from: state.firstClaimOfSentence, topic: claim.topic) {
            claim.quantity = subject
            claim.quantitySource = .sentence
        }
        // `工资福利支出…、商品和服务支出…、资本性支出6.80万元`: beside its siblings of the basic
        // spending, 资本性支出 is 公开06's row 310 (a project's capital spending is not).
        if claim.isPlainAmount, claim.period == .current, claim.measure == .actual, let named = claim.quantity, named.isKnown,
           named.name.utf8.elementsEqual("资本性支出".utf8), named.code == nil, named.qualifier.isEmpty, !claim.sentencePrefix.utf8Contains("项目"),
           (state.firstClaimOfSentence..<claims.count).contains(where: { claims[$0].quantity.map { Self.economicSiblings.contains(ByteKey($0.name)) } ?? false }) {
            claim.quantity = Quantity(name: named.name, isKnown: true, code: "310")
        }
        // `因公出国（境）费未安排预算，支出与上年持平，均为0万元`: a figure whose words are only 均 (各, 都)
        // is of what its sentence spoke of, not of the section's total.
        if claim.quantity == nil, claim.isPlainAmount, Self.sharedValueWords.contains(ByteKey(claim.label)) {
            claim.quantity = Quantity(name: claim.label, isKnown: false)
            claim.quantitySource = .ownClause
        }
        if let cameToShareOf, claim.quantity?.isKnown != true {
            claim.quantity = claims[cameToShareOf].quantity
            claim.quantitySource = claims[cameToShareOf].quantitySource
        }
        // `人员经费、公用经费分别占基本支出的90.55%、9.45%`, `…占基本支出的比重分别为…`: shares of
        // heads with no amounts written are each of its head, in order.
        // (`…，上年分别为89.17%和10.83%`: last year's shares of the same heads, in order.)
        if claim.isShare || (claim.kind == .percentage && claim.period == .previous), claim.quantitySource != .respectively,
           let run = state.respectivelyRuns.last, let position = run.firstIndex(of: claims.count) {
            if position == 0 {
                if claim.isShare, let heads = Self.shareHeads(&state, before: start) {
                    state.shareRunHeads = (claims.count, heads, state.sentence, claim.kind)
                } else if !claim.isShare, let earlier = state.shareRunHeads, earlier.sentence == state.sentence {
                    state.shareRunHeads = (claims.count, earlier.heads, state.sentence, earlier.kind)
                } else {
                    state.shareRunHeads = nil
                }
            }
            if let heads = state.shareRunHeads, heads.first == run[0], position < heads.heads.count {
                claim.quantity = heads.heads[position]
                claim.quantitySource = .respectively
                if !claim.isShare { claim.kind = heads.kind }
            }
        }
        if var groups = state.headGroups, claim.kind.isChange {
            let isRate = if case .changeRate = claim.kind { true } else { false }
            if isRate == groups.leadIsRate { groups.opened += 1 }
            if groups.opened <= groups.heads.count {
                claim.quantity = groups.heads[groups.opened - 1]
                claim.quantitySource = .respectively
            }
            state.headGroups = groups
        }
        let index = claims.count
        // `2024年度收入总计338.46万元，支出总计338.46万元`: the year opening a sentence is that of
        // each known amount after it that names no year, while only last year's were written.
        // (`…；2024年度收入总计338.46万元，支出总计338.46万元`: from the figure that opened with it.)
        if claim.isPlainAmount, claim.period == .current, claim.quantity?.isKnown == true, !claim.label.utf8Contains("年"),
           let previous = state.lastFigure, previous >= state.firstClaimOfSentence, claims[previous].period == .previous, claims[previous].isPlainAmount,
           // (Not after last year's in a bracket: `下降7.55%（上年为11.86万元），其中：因公出国（境）费…`.)
           claims[previous].depth == claim.depth {
            var first = previous
            while first > state.firstClaimOfSentence, claims[first - 1].period == .previous, claims[first - 1].isPlainAmount { first -= 1 }
            if Self.opensWithYear(claims[first].label) { claim.period = .previous }
        }
        // A figure with no words of its own right after the one before, nothing but a joiner
        // between, says the same of another count or year:
        if claim.label.isEmpty, let previous = state.lastFigure, claims[previous].sentence == claim.sentence,
           claims[previous].depth == claim.depth, state.lastFigureEnd <= start, Self.pastJoiner(s, from: state.lastFigureEnd, to: start).end == start {
            // `比去年增加4期、424人次`: a change of a count, as the one before;
            if case .count? = claim.unit, claim.kind == .count, case .changeAmount = claims[previous].kind, case .count? = claims[previous].unit {
                claim.kind = claims[previous].kind
            }
            // `上年接待28批231人`: last year's, as the one before.
            if claim.period == .current, claims[previous].period == .previous { claim.period = .previous }
        } else if claim.label.isEmpty, claim.kind == .count, claim.period == .current, let previous = state.lastFigure,
                  claims[previous].sentence == claim.sentence, claims[previous].kind == .count, claims[previous].period == .previous,
                  state.lastFigureEnd < start, s[state.lastFigureEnd..<start].allSatisfy({ $0 == "，" || $0 == "," || $0 == " " }) {
            // `2023年度接待15批次，97人次`: a count after a comma with no words is the year's before it.
            claim.period = .previous
        } else if claim.label.isEmpty, claim.kind == .count, claim.period == .current, state.phraseStart < start,
                  state.lastFigureEnd <= state.phraseStart || state.lastFigure.map({ claims[$0].sentence != claim.sentence }) ?? true,
                  Self.isPreviousYear(state.string(state.phraseStart, start), words: yearWords, simple: false) {
            // `上年国内公务接待十五批次、97人次`: after a count in words, the year its phrase names.
            claim.period = .previous
        }
        if claim.isPlainAmount {
            // A budget is not a part of an actual amount, nor an actual of a budget (`其中：卫生健康
            // 支出年初预算为A万元，支出决算为B万元` lists only B).
            // `政府采购支出总额A，按采购类型分，货物B、工程C、服务D；授予中小企业合同金额E`: an amount
            // that overlaps the parts listed (a partial part of the whole) is not one of them.
            if let list = state.lists[state.depth], list.members > 0, let part = claim.quantity, part.isKnown,
               let whole = claims[list.whole].quantity,
               Identities.identities(ofWhole: whole.name).contains(where: { $0.kind == .partial && $0.parts.contains(part.name) })
                // `公务用车购置及运行维护费A万元，其中购置费B万元…；公务接待费C万元`: a sibling of the whole
                // (another part of the whole it is part of) is never one of its parts.
                || (ByteKey(part.name) != ByteKey(whole.name) && Identities.areSiblings(part.name, whole.name)) {
                state.lists[state.depth] = nil
            }
            // `财政拨款收入总计A万元，其中…；财政拨款支出总计B万元`: the other side of the whole ends its list.
            // A whole that names both sides (`财政拨款收入支出总计`, read as 支出总计 qualified by
            // 财政拨款收入) lists both: its whole words are compared.
            // So does a figure read for both (`收支总计均为500.00万元`: 收入总计 and its echo 支出总计).
            // (Not a source a spending was paid from: `项目支出…，其中：财政拨款安排…，事业收入安排…`.)
            if let list = state.lists[state.depth], list.members > 0, let whole = claims[list.whole].quantity,
               claims.echo(of: list.whole) == nil, !Self.sourcesOfSpending.contains(claim.quantity?.name ?? ""),
               Self.namesOtherSide(claim.label, than: Quantity(name: whole.description, isKnown: whole.isKnown)) {
                state.lists[state.depth] = nil
            }
            // `“三公”经费支出20.00万元…其中公务接待费3.20万元；全年“三公”经费支出20.00万元`: the whole
            // named again is no part of itself; its list has ended.
            if let list = state.lists[state.depth], let named = claim.quantity, named.isKnown,
               claims.withUnsafeBufferPointer({ claims in
                   // Read in place: a claim copied out retains a dozen strings.
                   guard let whole = claims[list.whole].quantity, whole.isKnown else { return false }
                   return ByteKey(named.name) == ByteKey(whole.name) && ByteKey(named.qualifier) == ByteKey(whole.qualifier)
                       && named.code == whole.code && claims[list.whole].measure == claim.measure
               }) {
                state.lists[state.depth] = nil
            }
            // `年初财政拨款结转和结余350.00万元（一般公共预算财政拨款200.00万元，…）`: a bracket after an
            // amount that names its parts by fund lists them, with no 其中.
            // Asked only where a list is open or a bracket may make one (most amounts are neither).
            let namesFund = (state.depth > 0 || state.lists[state.depth] != nil) && Self.isFundLabel(claim.label)
            if namesFund, state.depth > 0, state.lists[state.depth] == nil, let outer = state.lastAmount[state.depth - 1],
               let whole = claims[outer].quantity, !whole.name.containsText("收入") {
                state.lists[state.depth] = (outer, 0, state.brackets.last?.open ?? 0)
            }
            // `年初结转和结余83.92万元，其中：…；年末结转和结余95.31万元`: after a `；`, the counterpart
            // of the list's whole (the closing balance of an opening one, the spending of an
            // income) ends the list.
            // So does the whole's own quantity of a narrower scope (`授予中小企业合同金额A万元，其中授予
            // 小微企业合同金额B万元；货物采购中授予中小企业合同金额C万元`: of the goods bought).
            if let list = state.lists[state.depth], state.clauseStart > 0, state.clauseStart <= s.count,
               s[state.clauseStart - 1] == "；" || s[state.clauseStart - 1] == ";",
               let named = claim.quantity, named.isKnown,
               let whole = claims[list.whole].quantity, whole.isKnown,
               named.qualifier.isEmpty ? Self.isCounterpart(named.name, of: whole.name) : named.name == whole.name && named.qualifier != whole.qualifier {
                state.lists[state.depth] = nil
            }
            // `其中：服务支出54.27万元，上年为112.30万元`: last year's amount, naming nothing else, is
            // no part of this year's whole; the list has ended. (`上年结转结余` names this year's
            // opening balance: a part.)
            if let list = state.lists[state.depth], claim.period == .previous, claims[list.whole].period == .current,
               claim.quantity?.isKnown != true {
                state.lists[state.depth] = nil
            }
            // `其中A…、B…，另有年初财政拨款结转和结余230.18万元`: what is besides the list ends it.
            if state.lists[state.depth] != nil, Self.besidesWords.contains(where: { claim.label.utf8HasPrefix($0) }) {
                state.lists[state.depth] = nil
            }
            // `调整预算162.34万元（含年初结转资金5.80万元）`: the carry-over within an item's amount or
            // budget is the item's, not the department's balance.
            if state.depth > 0, let list = state.lists[state.depth], let named = claim.quantity, named.isKnown, named.code == nil,
               named.name.utf8Contains("结转") || named.name.utf8Contains("结余"),
               claims[list.whole].quantity?.code != nil || claims[list.whole].measure.isBudget {
                claim.quantity = Quantity(name: (claims[list.whole].quantity?.description ?? "") + "中" + claim.label, isKnown: false)
            }
            // `人均416.67元`, `平均每辆2.53万元` are no part of a sum; nor is the sum of what was listed
            // (`两项合计`, `…；一般公共预算和政府性基金预算年末结转和结余共计571.70万元`).
            // Nor is the price of one thing bought (`其中：公务用车购置费24.80万元，车价为248,000元`).
            // `其他收入3.20万元，占0.23%，为消防车辆保险理赔款32,000.00元`: the amount before, again in
            // another unit, is no part of its own.
            let restates = state.lists[state.depth] != nil && restatesAmount(claim, state: state)
            let perPerson = state.lists[state.depth] != nil
                && (restates || claim.averageMark != nil || Self.listedSumAndPriceWords.anyEnds(claim.label, simple: true) || Self.namesRate(claim.label)
                    || Self.namesSumOfHeads(claim.label))
            // `主要用于校舍维修（237.70万元）和设备购置（151.17万元）`: an amount alone in a bracket
            // after its purpose is a part of the list outside the bracket.
            let listDepth = state.depth > 0 && state.lists[state.depth] == nil && claim.label.isEmpty && claim.quantitySource == .ownClause
                ? state.depth - 1 : state.depth
            // `“三公”经费全年预算10.70万元，其中：公务用车购置及运行维护费9.20万元、公务接待费1.50万元`: the
            // parts of a budget with no measure words of their own are budgets of that kind.
            // (Parts by the whole's identity only: `全年预算1,304.40万元，其中：财政拨款118.20万元` names a source.)
            if let list = state.lists[listDepth], list.whole != index, claims[list.whole].measure.isBudget, claim.measure == .actual,
               claims[list.whole].sentence == claim.sentence, let whole = claims[list.whole].quantity, let part = claim.quantity, part.isKnown,
               Identities.identities(ofWhole: whole.name).contains(where: { $0.parts.contains(part.name) }),
               Self.stripMeasure(claim.label, simple: false).measure == nil {
                claim.measure = claims[list.whole].measure
            }
            // (A budget is a part of a budget of its kind: `年初预算为98.78万元。其中：…；（4）…调整预算8.60万元`
            // is no part of the 年初预算.)
            // `本年收入A万元，其中一般公共预算财政拨款B万元、政府性基金预算财政拨款C万元；年初财政拨款结转和结余
            // D万元`: after parts joined by 、, a `；` ends the list when what follows is no part of
            // the whole by an identity.
            if let list = state.lists[listDepth], list.whole != index, state.amountListParts[list.whole]?.endsAt(semicolon: state.lastSemicolon) == true,
               let part = claim.quantity, part.isKnown, let whole = claims[list.whole].quantity, whole.isKnown,
               !Identities.identities(ofWhole: whole.name).contains(where: { $0.parts.contains(part.name) }) {
                state.lists[listDepth] = nil
            }
            if let list = state.lists[listDepth], list.whole != index, claims[list.whole].measure.isBudget == claim.measure.isBudget,
               !claim.measure.isBudget || claim.measure == claims[list.whole].measure || claim.measure == .budget || claims[list.whole].measure == .budget,
               !perPerson, !Self.isEconomicItemOfAnotherClass(claim.label, whole: claims[list.whole].quantity),
               !Self.isInReason(claim.sentencePrefix), !Self.isWholeOfShare(claim) {
                claim.listWhole = list.whole
                // `工资福利支出、资本性支出分别为…，其中工资福利支出中基本工资60.00万元`: a part whose
                // words name another amount of the sentence before 中 is that amount's part.
                // The parts after it are of the same amount until another is named.
                if let named = namedWhole(of: claim.label, from: state.firstClaimOfSentence), named != list.whole {
                    state.namedWholes[list.whole] = named
                }
                if let named = state.namedWholes[list.whole] { claim.listWhole = named }
                claim.listDivision = state.divisions[list.whole] ?? 0
                let separated = state.amountListParts[list.whole].map { state.lastSemicolon > $0.lastStart || s[$0.lastStart..<start].contains { $0 == "，" || $0 == "," } } ?? false
                state.amountListParts[list.whole, default: ListParts()].add(at: start, separatedFromLast: separated)
                // `年末结转和结余8.35万元（其中：产业发展专项5.75万元，中小企业发展专项2.60万元）`: an item's
                // part of a balance is what it carried over (by the balance's words), not its spending.
                if var named = claim.quantity, named.code != nil, !named.qualifier.utf8Contains("结"), let whole = claims[list.whole].quantity,
                   whole.description.utf8Contains("结转") || whole.description.utf8Contains("结余") {
                    named.qualifier = whole.description + named.qualifier
                    claim.quantity = named
                }
                state.lists[listDepth]!.members += 1
                if state.lastSemicolon > state.lists[listDepth]!.marker { state.listsPastSemicolon.insert(list.whole) }
                // `其中：货物3.64万元`: a part named by a word of one of its whole's identity parts.
                if claim.quantity?.isKnown != true, let whole = claims[list.whole].quantity {
                    if let part = Self.part(of: whole, named: claim.label) { claim.quantity = part; claim.quantitySource = .ownClause }
                }
                // `机关运行经费149.78万元，其中：办公费…，公务用车运行维护费12.64万元`: the running cost's
                // part (公开06's basic spending on it), not 公开09's of all the money.
                if let named = claim.quantity, named.isKnown, named.code == nil, Self.isThreePublicItem(named.name),
                   let whole = claims[list.whole].quantity, Self.basicSpendingWholes.contains(ByteKey(whole.name)) {
                    claim.quantity = Quantity(name: whole.description + "中" + named.name, isKnown: false)
                }
                // `项目支出388.87万元，其中资本性支出100.00万元，商品和服务支出288.87万元`: a project's
                // spending by economic class, not 公开06's basic spending.
                if let named = claim.quantity, named.isKnown, named.name.utf8HasSuffix("支出") || named.name.utf8HasSuffix("补助"),
                   Self.economicSiblings.contains(ByteKey(named.name)) || named.name.utf8.elementsEqual("资本性支出".utf8),
                   let whole = claims[list.whole].quantity, whole.name.utf8HasSuffix("项目支出") {
                    claim.quantity = Quantity(name: whole.description + "中" + named.name, isKnown: false)
                }
                // `年初财政拨款结转和结余350.00万元（一般公共预算财政拨款200.00万元，…）`: a part named
                // by a fund alone is that fund's share of its whole, not the fund's income.
                if namesFund, let whole = claims[list.whole].quantity, !whole.name.containsText("收入") {
                    let fund = claim.label.hasSuffix("收入") ? String(claim.label.dropLast(2)) : claim.label
                    claim.quantity = Quantity(name: whole.name, qualifier: fund, isKnown: true)
                    claim.quantitySource = .ownClause
                }
                // `项目支出196.50万元，其中：财政拨款安排164.50万元，事业收入安排32.00万元`, `该项目全年执行数
                // 52.60万元，其中财政拨款15.00万元、事业收入37.60万元`: the sources a spending was paid
                // from are its parts, not the department's income.
                if let named = claim.quantity, named.isKnown, named.name.utf8HasSuffix("收入") || named.name.utf8HasSuffix("财政拨款"),
                   claims[list.whole].measure == .spent || claims[list.whole].label.utf8Contains("执行") || claims[list.whole].label.utf8Contains("支出")
                    || claims[list.whole].quantity?.name.utf8Contains("支出") == true || claims[list.whole].quantity?.code != nil {
                    claim.quantity = Quantity(name: (claims[list.whole].quantity?.description ?? claims[list.whole].label) + "中" + named.description, isKnown: false)
                }
                if claim.quantity?.isKnown == true, claim.quantity?.qualifier.isEmpty == true, let whole = claims[list.whole].quantity {
                    // `一般公共预算财政拨款支出A万元，其中基本支出B万元`: the fund's 基本支出.
                    let split = claim.quantity?.name == "基本支出" || claim.quantity?.name == "项目支出"
                    claim.quantity?.qualifier = split && whole.qualifier.isEmpty && whole.name.utf8HasSuffix("预算财政拨款支出")
                        ? String(whole.name.utf8.dropLast(6))! : whole.qualifier
                }
                // (A whole with no name of its own is the topic's amount, as `resolveTopics` will make it.)
                // (Nor of either in a section titled by its 项: the title's item, as it will be.)
                splitOfItem(&claim, whole: claims[list.whole].quantity ?? claims[list.whole].topic
                            ?? (claims[list.whole].label.isEmpty || Self.namesMeasureOnly(claims[list.whole].label) ? state.titleQuantity : nil))
            } else if state.depth > 0, let outer = state.lastAmount[state.depth - 1], let bracket = state.brackets.last, outer == bracket.claims - 1 {
                // `公务用车运行维护费6.12万元（基本支出4.86万元、项目支出1.26万元）`.
                splitOfItem(&claim, whole: claims[outer].quantity)
            } else if let item = state.sentenceSubject.flatMap({ claims[$0].quantity }).flatMap({ $0.isKnown ? $0 : nil }) ?? state.topic ?? state.titleQuantity,
                      item.code != nil {
                // (A subject whose name is not known, such as the topic's 基本支出 just split,
                // leaves the sentence about the topic.)
                // `…社会保险经办机构（项）：支出决算358.58万元，年初预算350.00万元，…，其中基本支出
                // 312.68万元`: in a sentence about a 款 or 项, its split.
                splitOfItem(&claim, whole: item)
            }
            // Last year's amount compared with (`机关运行经费248.57万元，较上年239.81万元增加8.76万元，
            // 其中：…`) is not what a list after it divides: this year's before it in the sentence is.
            if claim.period == .previous, let prior = state.lastAmount[state.depth], prior >= state.firstClaimOfSentence,
               claims[prior].period == .current {
            } else {
                state.lastAmount[state.depth] = index
            }
            // `城乡社区环境卫生（项）：支出决算为120.00万元`: after a topic's colon, an amount its words
            // give only a measure of is the topic's own, not a part of it.
            if state.sentenceSubject == nil, state.depth == 0,
               !state.sentenceListsTopic || (claim.quantity == nil && !claim.measure.isBudget && Self.namesMeasureOnly(claim.label)) {
                state.sentenceSubject = index
            }
        }
        if case .count? = claim.unit, claim.label.isEmpty, claim.period == .current, let previous = state.lastCount[state.depth],
           claims[previous].period == .previous, claims[previous].sentence == state.sentence, state.lastFigureEnd < start, start - state.lastFigureEnd <= 6,
           s[start - 1] == "、", !s[state.lastFigureEnd..<(start - 1)].contains(where: { ProseText.isClauseEnd($0) || ProseText.isDigit($0) }) {
            // `上年为5个团组、19人次`: a count joined by 、 to last year's is last year's.
            claim.period = .previous
        }
        if case .count(let unit)? = claim.unit {
            // `核定编制64名（行政编制28名、事业编制36名）`, `特种专业技术用车3辆（救护车1辆、…）`: the
            // counts in a bracket right after a count are its parts.
            // The list is of the bracket's first figure and those after it by 、 or ；: a comma
            // ends it (`（其中医保局9个；医保中心18个，中心将同类型的合并成了10个）`).
            // (In the count's clause: `共有车辆0辆，与上年持平（唯一1辆公务用车已于2023年底报废处置）` is an aside.)
            if state.depth > 0, let bracket = state.brackets.last, bracket.claims > 0,
               let outer = state.lastCount[state.depth - 1], outer == bracket.claims - 1,
               !(0..<bracket.open).reversed().prefix(while: { state.text.offsets[$0] >= claims[outer].range.end })
                   .contains(where: { ProseText.isClauseEnd(s[$0]) }) {
                // (`共接待14批次、86人次（上年为17批次、104人次）`: last year's counts are none of its parts.)
                if state.countLists[state.depth] == nil, claims.count == bracket.claims, claim.period == claims[outer].period {
                    state.countLists[state.depth] = outer
                } else if state.countLists[state.depth] == outer, state.lastFigureEnd < start,
                          s[state.lastFigureEnd..<start].contains(where: { $0 == "，" || $0 == "," }) {
                    state.countLists[state.depth] = nil
                }
            }
            // `购置应急保障用车1辆，主要用于9辆公务用车的维修`: a count right after 用于 is what the
            // whole served, not a part of it.
            if let whole = state.countLists[state.depth], case .count(let wholeUnit)? = claims[whole].unit, !claim.label.utf8HasSuffix("用于"),
               wholeUnit == unit || (Self.people.contains(unit) && Self.people.contains(wholeUnit)) {
                // `在职人员78人，其中行政编制52人、事业编制26人；离退休人员31人`: the retired are
                // no part of the staff in post, and `另有…` is besides the whole: the list has ended.
                // (Nor is a change of a count after the parts: `其中…消防文员6人，较上年末增加4人`.)
                // (Nor does one after a `；` that parts joined by 、 came before: `其中在编人员538人、编外
                // 聘用人员74人；专任教师486人，其中…` goes on to another whole.)
                if Self.endsCountList(claim.label, whole: claims[whole].label) || claim.kind.isChange
                    || state.countListParts[whole]?.endsAt(semicolon: state.lastSemicolon) == true {
                    state.countLists[state.depth] = nil
                } else {
                    claim.listWhole = whole
                    claim.listDivision = state.divisions[whole] ?? 0
                    let semicolonSince = state.countListParts[whole].map { state.lastSemicolon > $0.lastStart } ?? false
                    state.countListParts[whole, default: ListParts()].add(at: start, separatedFromLast: semicolonSince)
                }
            }
            // (A change of a count, `比去年增加424人次`, is no whole a 其中 list may divide.)
            if case .count = claim.kind { state.lastCount[state.depth] = index }
        }
        // Moved into the array, not copied (a copy retains a dozen strings; issue 15): an empty
        // claim is appended and the two are swapped.
        claims.append(Self.emptyClaim)
        swap(&claims[claims.count - 1], &claim)
        if !state.heads.isEmpty, !state.restated { state.headsClaims.append(index) }
        state.restated = false
        state.lastFigure = index
        state.lastFigureEnd = end
        return end
    }

    /// The amount of the sentence (from claim `first` on) whose known name a part's words give
    /// before 中 (`工资福利支出中基本工资`), if any: the last such.
    func namedWhole(of label: String, from first: Int) -> Int? {
        guard let middle = label.utf8FirstOffset(of: "中"), middle > 0, let before = String(label.utf8.prefix(middle)) else { return nil }
        var words = Substring(before)
        for lead in ["其中：", "其中:", "其中", "，", "、"] where words.hasPrefix(lead) { words = words.dropFirst(lead.count) }
        guard words.unicodeScalars.count >= 2 else { return nil }
        let key = LabelKey.make(String(words))
        return (first..<claims.count).last { claims[$0].isPlainAmount && claims[$0].quantity?.isKnown == true
            && LabelKey.make(claims[$0].quantity!.description) == key }
    }

    /// Whether a count's words end the list of `whole`'s parts: the retired after staff in post,
    /// or words of addition (`另有`, `此外`) before it.
    static func endsCountList(_ label: String, whole: String) -> Bool {
        if besidesWords.contains(where: { label.utf8HasPrefix($0) }) { return true }
        // `…，为“良”的项目1个；同时本部门对2个项目开展了部门评价`: what was also done, and what a
        // verb was done to (after 对), are no parts.
        if label.utf8HasPrefix("同时") || label.utf8HasSuffix("对") { return true }
        // Posts are not people: `核定编制86名，其中行政编制68名、事业编制18名；实有在职人员79人`.
        if whole.utf8Contains("编制"), !label.utf8Contains("编制"), staffWords.contains(where: { label.utf8Contains($0) }) { return true }
        return retiredWords.contains(where: { label.utf8Contains($0) }) && activeStaffWords.contains(where: { whole.utf8Contains($0) })
            && !retiredWords.contains(where: { whole.utf8Contains($0) })
    }
    static let besidesWords = ["另有", "另外", "此外", "还有"]
    static let staffWords = ["实有", "在职", "在编", "在岗", "人员", "职工"]
    static let retiredWords = ["退休", "离休"]
    static let activeStaffWords = ["在职", "在编", "在岗"]

    /// What a respectively run of figures may say of the items listed before it: a share, a
    /// change, a completion rate, a percentage. (Amounts after a respectively word name their
    /// heads instead: `人员经费和公用经费分别为A万元和B万元`.)
    static func opensRespectivelyRun(_ kind: ClaimKind) -> Bool {
        switch kind {
        case .share, .changeAmount, .changeRate, .budgetDifference, .completion, .percentage, .pointChange: true
        case .amount, .count, .score: false
        }
    }

    /// Whether both units are percentages, both money, both the same count unit or both points.
    static func sameUnitClass(_ a: ClaimUnit?, _ b: ClaimUnit?) -> Bool {
        switch (a, b) {
        case (.money?, .money?), (.percent?, .percent?), (.points?, .points?), (.percentagePoints?, .percentagePoints?): true
        case (.count(let x)?, .count(let y)?): x == y
        default: false
        }
    }

    /// Whether `s[from..<to]` is one joiner (和, 、, 与, 及, 以及) with blanks around it at most.
    static func isJoiner(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        guard from >= 0, from < to, to <= s.count else { return false }
        let past = pastJoiner(s, from: from, to: to)
        return past.joined && past.end == to
    }

    /// Where the words after a figure that ends at `from` start: past blanks, one joiner (和, 、,
    /// 与, 及, 以及) and the blanks after it; and whether there was a joiner. Never past `to`.
    static func pastJoiner(_ s: [Unicode.Scalar], from: Int, to: Int) -> (end: Int, joined: Bool) {
        @inline(__always) func isBlank(_ k: Int) -> Bool { s[k] == " " || s[k] == "\u{3000}" || s[k] == "\t" }
        var k = max(0, from)
        let upper = min(to, s.count)
        while k < upper, isBlank(k) { k += 1 }
        guard k < upper else { return (k, false) }
        switch s[k] {
        case "和", "、", "与", "及":
            k += 1
        case "后":
            // `年中调减0.50万元后全年预算为4.00万元`: what follows the figure after it is no joint.
            k += 1
            while k < upper, isBlank(k) { k += 1 }
            return (k, false)
        case "以":
            var next = k + 1
            while next < upper, isBlank(next) { next += 1 }
            guard next < upper, s[next] == "及" else { return (k, false) }
            k = next + 1
        default:
            return (k, false)
        }
        while k < upper, isBlank(k) { k += 1 }
        return (k, true)
    }

    /// Whether `s[from..<to]` holds 分别, 依次, 各自 or 各 before 占, 为, 是 or 比: the words that
    /// make the figures after them one for each item before.
    static func hasRespectivelyMarker(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        let lower = max(0, from), upper = min(to, s.count)
        guard upper - lower >= 2 else { return false }
        for i in lower..<(upper - 1) {
            switch (s[i], s[i + 1]) {
            case ("分", "别"), ("依", "次"), ("各", "自"), ("各", "占"), ("各", "为"), ("各", "是"), ("各", "比"): return true
            default: continue
            }
        }
        return false
    }

    /// `"，,；;。：:！？!?".unicodeScalars.contains(scalar)`, by comparison.
    @inline(__always)
    static func endsFollowingWords(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "；", ";", "。", "：", ":", "！", "？", "!", "?": true
        default: false
        }
    }

    /// A part of `whole`'s complete identity whose name holds `label`'s words (`货物`, `货物采购`,
    /// `货物类` → 政府采购货物支出).
    static func part(of whole: Quantity, named label: String) -> Quantity? {
        var words = label
        // `货物采购`, `货物类`, `货物支出`: the word that names the part is 货物.
        for suffix in ["支出", "费用", "费", "采购", "类"] where words.hasSuffix(suffix) && words.count > suffix.count + 1 { words.removeLast(suffix.count) }
        guard words.count >= 2 else { return nil }
        for identity in Identities.identities(ofWhole: whole.name) where identity.kind != .equal {
            if let name = identity.parts.first(where: { $0.range(ofText: words) != nil }) {
                return Quantity(name: name, qualifier: whole.qualifier, isKnown: true)
            }
        }
        return nil
    }

    /// The parts a list of a whole has had: how many, where the last one started, and whether two
    /// of them were separated by more than 、.
    struct ListParts {
        var count = 0
        var lastStart = 0
        var separated = false

        /// Whether a `；` written after the last part ends a list of parts joined by 、 alone
        /// (`其中在编人员538人、编外聘用人员74人；专任教师486人`).
        func endsAt(semicolon: Int) -> Bool { count >= 2 && !separated && semicolon > lastStart }

        mutating func add(at start: Int, separatedFromLast: Bool) {
            count += 1
            lastStart = start
            separated = separated || separatedFromLast
        }
    }

    /// Words after a count that sum what it counts (`6个项合计`, `3类共计`).
    static let countedSumWords = ["项合计", "项共计", "项累计", "类合计", "类共计", "款合计", "个项目合计", "合计", "共计"]

    /// Whether an amount is the whole of the share written after it (`占本年支出合计154.44万元的77.5%`,
    /// `占本年支出合计（154.44万元）的77.5%`): no part of a list, no part of that share.
    public static func isWholeOfShare(_ claim: Claim) -> Bool {
        guard claim.isPlainAmount else { return false }
        if claim.label.utf8HasPrefix("占") { return claim.followingWords.utf8HasPrefix("的") }
        guard claim.depth > 0, claim.label.isEmpty, claim.followingWords.utf8HasPrefix("）的") || claim.followingWords.utf8HasPrefix(")的") else { return false }
        let prefix = claim.sentencePrefix
        guard prefix.utf8HasSuffix("（") || prefix.utf8HasSuffix("(") else { return false }
        let clause = prefix.unicodeScalars.split(whereSeparator: { "，,；;：:。".unicodeScalars.contains($0) }).last.map { String(String.UnicodeScalarView($0)) } ?? prefix
        // (`执行数占项目支出（34.78万元）的62.1%`: 占 and its whole's name right before the bracket.)
        return clause.utf8Contains("占")
    }

    /// Whether the sentence opens on last year's topic (`上年“三公”经费中，A和B分别为…`): the
    /// figures of a respectively run in it are last year's.
    func opensOnPreviousYear(_ state: inout ParagraphState) -> Bool {
        let s = state.text.scalars
        var end = state.sentenceStart
        while end < s.count, end - state.sentenceStart < 24, s[end] != "，", s[end] != ",", s[end] != "。" { end += 1 }
        guard end > state.sentenceStart + 1, end < s.count, s[end - 1] == "中" else { return false }
        let opening = state.string(state.sentenceStart, end)
        return Self.previousYearOpenings.contains { opening.utf8HasPrefix($0) } || yearWords.previous.contains { opening.utf8HasPrefix($0) }
    }

    static let previousYearOpenings = ["上年", "上一年", "去年"]

    /// The quantity, measure and period a figure's own clause gives it.
    mutating func describe(_ claim: inout Claim, phrase: String, simple: Bool, state: inout ParagraphState) {
        // Respectively: `收、支总计各为A、B万元`, `人员经费和公用经费分别为A万元和B万元`.
        if state.heads.isEmpty, let found = Self.respectivelyHeadsAndMeasures(withoutDepartmentName(phrase)) {
            (state.heads, state.headMeasures) = found
            state.headsTaken = 0
            state.headsArePrevious = claim.kind == .amount && (Self.isPreviousYear(phrase, words: yearWords, simple: simple) || opensOnPreviousYear(&state))
            itemBeforeMeasureHeads(&state)
            // `…三项合计204.58万元，其中…；物业管理费、其他交通费用分别为…`: heads of their own after a `；`
            // are besides the list before it.
            // (Not a list whose parts were separated by `；` already: `按功能分类看：A…；B…；C、D分别为…`.)
            if let list = state.lists[state.depth], state.lastSemicolon > list.marker, !state.listsPastSemicolon.contains(list.whole) {
                state.lists[state.depth] = nil
            }
        } else if state.heads.isEmpty, claim.kind == .amount, let last = state.lastHeads, last.sentence == state.firstClaimOfSentence,
                  let measure = Self.measureOfRun(phrase, simple: simple) {
            // `X、Y、Z年初预算分别为…，调整预算分别为…，决算分别为…`: a run after a run of named heads
            // in its sentence, naming only its measure, is of the same heads.
            state.heads = last.heads
            state.headMeasures = Array(repeating: measure, count: last.heads.count)
            state.headsTaken = 0
            state.headsArePrevious = Self.isPreviousYear(phrase, words: yearWords, simple: simple)
        } else if state.heads.isEmpty, claim.kind == .amount, (phrase.utf8HasPrefix("分别") || phrase.utf8HasPrefix("依次")), let previous = state.lastFigure,
                  previous >= state.firstClaimOfSentence, let (sumClaim, words) = state.sumOfHeads, sumClaim == previous,
                  let found = Self.respectivelyHeadsAndMeasures(String(words.utf8.dropLast(6))! + "分别为") {
            // `一般公共预算和政府性基金预算年末结转和结余共计571.70万元，分别为221.00万元和350.70万元`:
            // the heads of the total before are what the figures are of, and its parts.
            (state.heads, state.headMeasures) = found
            state.headsTaken = 0
            if let open = state.lists[state.depth], open.whole != previous { state.outerLists[state.depth] = open }
            state.lists[state.depth] = (previous, 0, state.lastFigureEnd)
        } else if state.heads.isEmpty, claim.kind == .amount, (phrase.utf8HasPrefix("分别") || phrase.utf8HasPrefix("依次")), state.clauseStart > state.sentenceStart,
                  state.lastFigureEnd <= state.sentenceStart || state.lastFigure.map({ $0 < state.firstClaimOfSentence }) ?? true {
            // `电费、劳务费、工会经费位列前三，分别为96.48万元、…`: the heads in the clause before.
            let from = state.sentenceStart, to = state.clauseStart - 1
            var words = from < to ? state.string(from, to) : ""
            if let topic = words.utf8LastOffset(of: "中，") ?? words.utf8LastOffset(of: "中,") { words = String(words.utf8.dropFirst(topic + 4)) ?? words }
            words = Self.withoutListLeadIn(words)
            if words.unicodeScalars.count <= 40, let found = Self.respectivelyHeadsAndMeasures(words + "分别为"), found.heads.count >= 2 {
                (state.heads, state.headMeasures) = found
                state.headsTaken = 0
            }
        }
        // `收、支总计均为35623.43万元（约3.56亿元）`: the amount again in a bracket right after it is
        // that amount's, no head of its own.
        // (Not a bracket of parts with names of their own: `…45.62万元（其中财政拨款结转和结余14.42万元、…）`.)
        if !state.heads.isEmpty, claim.kind == .amount, claim.depth > 0, let bracket = state.brackets.last, state.lastFigureEnd == bracket.open,
           let previous = state.lastFigure, claims[previous].isPlainAmount, !claim.label.utf8Contains("其中"), bracket.claims == claims.count,
           claim.label.utf8.count <= 12 {
            claim.quantity = claims[previous].quantity
            claim.quantitySource = .sentence
            claim.period = claims[previous].period
            claim.measure = claims[previous].measure
            // (`均为2,020.00万元（上年为1,908.68万元）`: the same amount last year.)
            if Self.isPreviousYear(claim.label, words: yearWords, simple: simple) { claim.period = .previous } else { state.restated = true }
            return
        }
        if !state.heads.isEmpty, claim.kind == .amount {
            if state.headsTaken < state.heads.count {
                // A head that is a measure alone (`年初预算与决算均为`) leaves the quantity to the
                // topic; the measure is the head's.
                var head = state.heads[state.headsTaken]
                // `伤残抚恤、在乡复员、退伍军人生活补助分别为…`: a head may be a 款 or 项 by its row label.
                if !head.isKnown, !head.name.isEmpty, let item = codedItem(head.name) ?? bareItem(head.name), item.isKnown { head = item }
                // `事业收入中，行政运行（项）、…（项）分别为20.00万元、66.35万元`: an item's income of that
                // kind, not its spending.
                if head.code != nil, let topic = state.topic, topic.name.utf8HasSuffix("收入") {
                    head = Quantity(name: topic.description + "中" + head.description, isKnown: false)
                }
                if !head.name.isEmpty {
                    claim.quantity = head
                    claim.quantitySource = .respectively
                    claim.label = head.description
                }
                if let measure = state.headMeasures[state.headsTaken] {
                    claim.measure = measure
                    if head.name.isEmpty { claim.label = measure.rawValue }
                }
                // `行政运行（项）年初预算142.60万元，调整预算和决算数均为149.30万元`: measures alone after an
                // item's amount in the sentence are that item's, not the topic's.
                if head.name.isEmpty, let previous = state.lastAmount[state.depth], previous >= state.firstClaimOfSentence,
                   claims[previous].quantitySource == .ownClause, let named = claims[previous].quantity, named.isKnown {
                    claim.quantity = named
                    claim.quantitySource = .sentence
                }
                if state.headsArePrevious { claim.period = .previous }
            }
            state.headsTaken += 1
            basicSpendingRow(&claim, &state)
            return
        }
        // `（一）因公出国（境）费`: the item's number is not part of its name.
        if Ordinal.prefixLength(of: claim.label) > 0 { claim.label = String(Ordinal.strip(claim.label)) }
        // `二是公务接待费1.86万元`: nor the 一是/二是 of a point.
        if let first = claim.label.unicodeScalars.first, Self.pointNumerals.contains(first), claim.label.unicodeScalars.dropFirst().first == "是" {
            claim.label = String(claim.label.unicodeScalars.dropFirst(2).drop { $0 == "，" || $0 == "," || $0 == " " })
        }
        // `其次是在乡复员、退伍军人生活补助`, `支出最大的是伤残抚恤`: the item after words of rank.
        if let ranked = Self.withoutRankWords(claim.label) { claim.label = ranked }
        let label = claim.label
        var head = label
        // The label without its measure words, worked out once (it was asked for up to three times).
        var stripped: (head: String, measure: Measure?)?
        func strippedLabel() -> (head: String, measure: Measure?) {
            if let stripped { return stripped }
            let result = Self.stripMeasure(label, simple: simple)
            stripped = result
            return result
        }
        var headIsLabel = true
        // `决算支出412.36万元`, `年中调整后预算420.00万元`: a measure alone (with a time before it) names
        // no amount of its own; the topic's.
        // (Its last byte first: 出, 数 or 算 end every such word; asked of every figure.)
        let measureAlone = label.utf8.count <= 24 && label.utf8.last.map({ $0 == 0xBA || $0 == 0xB0 || $0 == 0x97 }) == true
            && Self.measureAloneBytes.contains(where: { label.utf8.elementsEqual($0) })
        if measureAlone {
        } else if let last = label.unicodeScalars.last, last == "）" || last == ")" || ((last == "出" || last == "款" || last == "项" || last == "类") && (label.utf8Contains("）") || label.utf8Contains(")"))),
                  let item = codedItem(label) {
            // `教育支出（205）2,329.48万元`, `行政运行（2050101）412.36万元`: the item its code names
            // (`统计信息事务（20105）款支出1105.87万元`: with its level and 支出 after the code).
            claim.quantity = item
            claim.quantitySource = .ownClause
        } else if ItemChain.mayHoldChain(label), let item = chainItem(label) {
            // `社会保障和就业支出（类）行政事业单位养老支出（款）…（项）年初预算数`: the item.
            claim.quantity = item
            claim.quantitySource = .ownClause
            // `人大会议（项）决算数中使用上年结转资金`: a part of the item's amount, not it.
            if let close = label.unicodeScalars.lastIndex(of: "）"), let within = label.unicodeScalars[close...].firstIndex(of: "中"),
               label.unicodeScalars[label.unicodeScalars.index(after: within)...].count >= 2 {
                claim.quantity = Quantity(name: label, isKnown: false)
            }
        } else if let words = Self.namesSumOfHeads(label) ? label : !phrase.isEmpty && Self.namesSumOfHeads(phrase) ? phrase : nil {
            // `年初、年末结转和结余共计160.30万元`: the sum of two amounts, neither of them.
            claim.quantity = Quantity(name: words, isKnown: false)
            claim.quantitySource = .ownClause
            claim.label = words
            state.sumOfHeads = (claims.count, words)
        } else if let (matched, end) = QuantityNames.match(in: label) {
            var quantity = matched
            removeDepartmentName(from: &quantity)
            head = String(label[end...])
            // `一般公共预算财政拨款实际支出`, `…财政拨款支出决算数`: the fund's spending, with a measure
            // word that holds 支出 — not its income (`一般公共预算财政拨款` names the income alone).
            // (On bytes: asked of every named amount; issue 15.)
            if quantity.name.utf8HasSuffix("收入"), head.utf8HasPrefix("实际支出") || head.utf8HasPrefix("支出决算") || head.utf8HasPrefix("支出数"),
               let spending = Self.otherSide(of: quantity.name), QuantityNames.known(in: spending)?.name == spending {
                quantity.name = spending
            }
            if head.utf8HasPrefix("由年初") || head.utf8HasPrefix("从年初"), quantity.name.utf8HasPrefix("年末") {
                // `年末结转和结余由年初的36.52万元下降至12.35万元`: the opening balance.
                quantity.name = "年初" + quantity.name.dropFirst(2)
            } else if (head.utf8HasPrefix("结转") || head.utf8HasPrefix("结余")) && !quantity.name.utf8HasSuffix("结余") && Self.fundOfName[quantity.name] == nil
                        && !quantity.name.utf8HasSuffix("财政拨款") {
                // `事业收入结转20.15万元`, `其他收入结余0.48万元`: what is left of the amount named, not it.
                quantity = Quantity(name: label, isKnown: false)
            } else if head.utf8HasPrefix("的"), let rest = String(head.utf8.dropFirst(3)), rest.unicodeScalars.count >= 2,
                      case let words = Self.stripMeasure(rest, simple: simple).head, !Self.isFiller(words), !Self.sideWordsAfterOf.contains(words) {
                // `授予中小企业的货物采购合同10.80万元`: a part of the amount named, not it.
                quantity = Quantity(name: label, isKnown: false)
            } else if head.utf8.count <= 6, Self.partOfNamedBytes.contains(ByteKey(head)) {
                // `基本支出中有18.40万元由…安排`: a part of the amount named, not it.
                quantity = Quantity(name: quantity.description + head, isKnown: false)
            } else if head.utf8.count > 3, let first = head.unicodeScalars.first, "等及和与、".unicodeScalars.contains(first),
                      Self.fundCategory(quantity, before: head) == nil {
                // `事业收入等非财政拨款结转和结余`, `其他收入及以前年度结转等…资金`: more than the amount named.
                quantity = Quantity(name: label, isKnown: false)
            } else if !head.isEmpty {
                // A measure word may hold 支出 (`支出决算数`): it is the 类's.
                var rest = Self.stripMeasure(head, simple: simple).head
                if head.utf8HasPrefix(rest + "支出") { rest += "支出" }
                if let item = Self.fundCategory(quantity, before: rest) ?? fundItem(quantity, before: rest) {
                    quantity = item
                } else if Self.partMarkers.contains(where: { rest.utf8HasPrefix($0) }) {
                    // `人员经费主要包括基本工资612.30万元`: the part the words after the marker name.
                    quantity = Quantity(name: label, isKnown: false)
                } else if rest.utf8HasPrefix("安排"), Self.fundOfName[quantity.name] != nil || quantity.name.utf8HasSuffix("财政拨款") {
                    // `基本支出中，一般公共预算财政拨款安排1,326.25万元`: what the fund paid for (the
                    // topic's part), not the fund's income.
                    quantity = Quantity(name: label, isKnown: false)
                } else if rest.utf8HasPrefix("中"), !rest.utf8HasPrefix("中央") {
                    // `本年支出中使用财政拨款6,575.49万元`: a part of the amount named, not it.
                    quantity = Quantity(name: label, isKnown: false)
                } else if let (fund, words) = Self.fundAndItemWords(quantity, rest), words.utf8HasPrefix("结转") || words.utf8HasPrefix("结余") {
                    // `一般公共预算财政拨款结转221.00万元`: the fund's balance (opening or closing, as
                    // the sentence may say), not its income: not compared.
                    quantity = Quantity(name: fund + words, isKnown: false)
                }
            }
            claim.quantity = quantity
            claim.quantitySource = .ownClause
            headIsLabel = false
        } else if let category = Self.category(namedAloneBy: strippedLabel().head, code: categoryCode(ofHead: strippedLabel().head)) {
            claim.quantity = category
            claim.quantitySource = .ownClause
        }
        if let measure = (headIsLabel ? strippedLabel() : Self.stripMeasure(head, simple: simple)).measure { claim.measure = measure }
        if case .completion = claim.kind { claim.measure = Self.completionBudget(phrase, simple: simple) }
        // `事业收入按支出功能分类科目划分：学前教育（项）1,057.00万元、…`: an item under a topic of
        // income of one kind is that income spent on it, not the item's spending.
        if claim.quantitySource == .ownClause, let item = claim.quantity, item.code != nil, let topic = state.topic, topic.code == nil,
           topic.name.utf8HasSuffix("收入"), Self.fundOfName[topic.name] == nil, !topic.name.utf8HasSuffix("本年收入合计") {
            claim.quantity = Quantity(name: topic.description + "中" + item.description, isKnown: false)
        }
        // `一般公共预算财政拨款支出完成年初预算的105.93%（年初预算43,215.24万元、决算45,776.48万元）`:
        // measures alone in a bracket right after a rate of a named amount are that amount's.
        if claim.kind == .amount, claim.depth > 0, let bracket = state.brackets.last, bracket.claims > state.firstClaimOfSentence,
           case let rate = bracket.claims - 1, claims[rate].depth == claim.depth - 1, claims[rate].kind == .completion,
           let named = claims[rate].quantity, named.isKnown, case let (head, measure) = Self.stripMeasure(claim.label, simple: simple),
           measure != nil, head.isEmpty {
            claim.quantity = named
            claim.quantitySource = .sentence
        }
        // `…等6个项合计1,862.53万元`: the sum of the items counted, none of them nor the topic.
        if claim.kind == .amount, Self.countedSumWords.contains(where: { claim.label.utf8HasPrefix($0) }), let previous = claims.indices.last,
           previous >= state.firstClaimOfSentence, claims[previous].kind == .count {
            claim.quantity = Quantity(name: claims[previous].text + claim.label, isKnown: false)
            claim.quantitySource = .ownClause
        }
        if Self.isPreviousYear(label, words: yearWords, simple: simple) { claim.period = .previous }
        basicSpendingRow(&claim, &state)
        // `比2023年度（283.10万元）增加19.10万元`: an amount alone in a bracket right after the year
        // compared with is that year's.
        if claim.depth > 0, claim.isPlainAmount, strippedLabel().head.isEmpty, let bracket = state.brackets.last, bracket.open > bracket.clauseStart {
            let before = state.text.string(max(bracket.clauseStart, bracket.open - 12), bracket.open)
            if before.utf8HasSuffix("年") || before.utf8HasSuffix("年度"), Self.isPreviousYear(before, words: yearWords, simple: false) {
                claim.period = .previous
            } else if claim.quantity == nil, strippedLabel().measure != nil,
                      state.lastFigureEnd == bracket.open || Self.isOuterMeasureBefore(claims, bracket: bracket.claims, outer: state.lastAmount[state.depth - 1]) {
                // `支出决算为25.14万元（年初预算为24.60万元）`: another measure of the amount the bracket
                // follows — its quantity, or the topic's as that amount's will be. So is a later
                // measure in it (`…99.18%（年初预算400.00万元，调整预算420.00万元）`).
                if let outer = state.lastAmount[state.depth - 1], let named = claims[outer].quantity {
                    claim.quantity = named
                    claim.quantitySource = .sentence
                }
            } else if claim.quantity == nil, claims.count == bracket.claims {
                // `主要用于馆藏档案数字化加工（48.50万元）和库房维护（36.00万元）`: the amount of what
                // the words before the bracket name (back to the figure or list word before), not
                // the paragraph's topic.
                let from = max(bracket.clauseStart, state.lastFigureEnd > bracket.clauseStart && state.lastFigureEnd < bracket.open ? state.lastFigureEnd : 0)
                var words = state.text.string(from, bracket.open)
                for marker in ["用于", "其中", "包括", "：", ":"] {
                    if let offset = words.utf8LastOffset(of: marker) { words = String(words.utf8.dropFirst(offset + marker.utf8.count))! }
                }
                let name = String(words.drop { "）)、，,；;和与及万元 ".contains($0) })
                // `…3.36万元，完成全年预算（6.00万元）的56.00%`: the budget the rate is of, of the amount
                // before, in the bracket after its measure.
                let (measured, budget) = Self.stripMeasure(name, simple: simple)
                if let budget, budget.isBudget, Self.completionVerbs.contains(measured), let outer = state.lastAmount[state.depth - 1] {
                    claim.quantity = claims[outer].quantity
                    claim.quantitySource = .sentence
                    claim.measure = budget
                } else if !name.isEmpty, name.unicodeScalars.count <= 24, !Self.isFiller(name) {
                    if let (known, end) = QuantityNames.match(in: name), end == name.endIndex {
                        claim.quantity = known
                    } else {
                        claim.quantity = Quantity(name: LabelKey.make(name), isKnown: false)
                    }
                    claim.quantitySource = .ownClause
                }
            }
        }
        // `授予中小企业合同金额占政府采购支出总额的86.93%，金额为1,102.60万元`: an amount named only
        // 金额 right after a share is the share's part, not its whole nor the paragraph's topic.
        // (Fields read by index: a claim copied out retains a dozen strings; issue 15.)
        let last = claims.count - 1
        if claim.quantity == nil, claim.isPlainAmount, last >= 0, case .share = claims[last].kind,
           claims[last].paragraph == claim.paragraph, claims[last].sentence == claim.sentence,
           Self.amountWordBytes.contains(ByteKey(strippedLabel().head)), let share = claims[last].label.utf8LastOffset(of: "占"), share > 0,
           let part = QuantityNames.match(in: String(claims[last].label.utf8.prefix(share))!), part.quantity.qualifier.isEmpty {
            claim.quantity = part.quantity
            claim.quantitySource = .sentence
        }
        if claim.quantity == nil, strippedLabel().head.utf8.count <= 18, Self.amountWordBytes.contains(ByteKey(strippedLabel().head)) {
            // `货物采购以应急救援装备为主，金额506.80万元`: 金额 alone is of what the clause before it
            // names when that clause ends on a known name (`授予中小企业合同，金额为…`), else unknown.
            let from = max(state.sentenceStart, state.lastFigureEnd), to = state.clauseStart - 1
            let words = from < to ? state.string(from, to) : ""
            if let (named, end) = QuantityNames.match(in: words), end == words.endIndex {
                claim.quantity = named
            } else {
                claim.quantity = Quantity(name: "金额", isKnown: false)
            }
            claim.quantitySource = .ownClause
        }
        if claim.quantity == nil, label.utf8HasSuffix("至") || label.utf8HasSuffix("到"), Self.changedToWords.contains(label), let previous = state.lastFigure, previous >= state.firstClaimOfSentence,
           claims[previous].isPlainAmount, let from = claims[previous].label.utf8LastOffset(of: "由") ?? claims[previous].label.utf8LastOffset(of: "从"),
           let words = String(claims[previous].label.utf8.prefix(from)) {
            if let named = QuantityNames.known(in: words) {
                // `年末结转和结余由年初的36.52万元下降至12.35万元`: what it came to is the amount named.
                claim.quantity = named
                claim.quantitySource = .ownClause
                claim.label = named.description
            } else if words.unicodeScalars.contains("均") {
                // `人均接待费用由上年的495元降至471元`: what it came to is that average.
                claim.label = words
            }
        }
        if claim.quantity == nil, state.firstClaimOfSentence < claims.count, strippedLabel().head.utf8.count <= 9,
           Self.bareSumWords.contains(where: { strippedLabel().head.utf8.elementsEqual($0.utf8) }) {
            claim.quantity = Quantity(name: strippedLabel().head, isKnown: false)
            claim.quantitySource = .ownClause
        }
        if claim.quantity == nil, let last = strippedLabel().head.unicodeScalars.last, Self.partWordLastScalars.contains(last),
           let part = Self.partWords.first(where: { strippedLabel().head.utf8HasSuffix($0) }) {
            // `另有70.00万元结转下年使用`, `其余2,243.50万元…`, `两项合计824.75万元`: an amount beside
            // the topic, the rest of it, the sum of the figures just listed — none is the topic.
            claim.quantity = Quantity(name: part, isKnown: false)
            claim.quantitySource = .ownClause
        }
        if claim.quantity == nil {
            let words = strippedLabel().head
            if !words.isEmpty && !Self.isFiller(words) {
                // `具体为：征地和拆迁补偿支出8,200.00万元`: a 款 or 项 by the label of one row of the
                // report's functional tables is that row's item, as a topic named so is — but not in
                // a sentence of basic or project spending (`项目支出主要用于…行政运行88.10万元` is the
                // item's project part, not its total).
                // (The key is made once, and the sentence searched only for a row's label: asked
                // of every amount with an unknown name; issue 15.)
                let key = LabelKey.make(words)
                if let item = bareItem(key: key) ?? bareItem(droppingSpending: key), item.isKnown,
                   !claim.sentencePrefix.utf8Contains("项目支出"), !claim.sentencePrefix.utf8Contains("基本支出") {
                    claim.quantity = item
                } else {
                    claim.quantity = Quantity(name: key, isKnown: false)
                }
                claim.quantitySource = .ownClause
            }
        }
        // `城乡医疗救助较2023年度增加164.31万元`: a change names its item before the comparison;
        // `与上年相比，教育支出增加240.80万元`: before its direction word.
        if claim.quantity?.isKnown != true, claim.kind.isChange, label.utf8.count > 9, let first = label.unicodeScalars.first,
           first != "比" && first != "较" && first != "同" && first != "与",
           let cut = Self.comparisonWords.compactMap({ label.utf8FirstOffset(of: $0) }).min()
               ?? (Self.increaseSuffixes.first(endOf: label, simple: simple) ?? Self.decreaseSuffixes.first(endOf: label, simple: simple)).map({ label.utf8.count - $0.utf8.count }),
           cut > 0, let words = String(label.utf8.prefix(cut)) {
            let key = LabelKey.make(Self.withoutLeadingNeutralWords(words))
            if let item = bareItem(key: key) ?? bareItem(droppingSpending: key)
                ?? Self.category(namedAloneBy: words, code: categoryCode(ofHead: words)), item.isKnown {
                claim.quantity = item
                claim.quantitySource = .ownClause
            }
        }
        // `财政拨款收入总计A万元，支出总计B万元`, `政府性基金预算财政拨款收入A万元，支出B万元`: the
        // other side of the amount named just before, when the words name only the side.
        if claim.isPlainAmount, let other = counterpart(ofHead: strippedLabel().head, period: claim.period, state: state) {
            claim.quantity = other
            claim.quantitySource = .sentence
        }
        // `卫生健康支出（类）年初预算为201.60万元，支出决算为327.61万元`: words that give only
        // another measure speak of the amount named just before in the sentence — also when its
        // name is not known (`公务用车购置全年预算数0.00万元，决算数0.00万元`): then they are not
        // checked, rather than taken as the section title's amount.
        if claim.quantity == nil, claim.isPlainAmount, strippedLabel().measure != nil,
           let previous = (state.firstClaimOfSentence..<claims.count).last(where: {
               claims[$0].isPlainAmount && claims[$0].depth == state.depth && !claims[$0].isEcho
                   // `年中调减0.50万元后全年预算为4.00万元`: an adjustment of the budget names nothing.
                   && !Self.budgetAdjustmentSuffixes.anyEnds(claims[$0].label, simple: false)
           }),
           // (Or that amount's own: `…运行维护费年初预算3.20万元，全年预算3.00万元，决算2.68万元`.)
           claims[previous].quantitySource == .ownClause || claims[previous].quantitySource == .sentence, claims[previous].quantity != nil,
           claims[previous].measure != claim.measure, claims[previous].period == claim.period,
           // (`…完成年初预算的102.52%；（4）抚恤（款）死亡抚恤（项）年初未安排预算，调整预算8.60万元`: an
           // item named since, in a clause of no figure, is what they speak of.)
           state.topic == nil || claims[previous].range.start > state.topicOpenedAt {
            claim.quantity = claims[previous].quantity
            claim.quantitySource = .sentence
        }
    }

    /// The quantity on the other side of the last amount of the sentence (收入 ↔ 支出), when the
    /// words of `head` (after neutral words) start with the side and end its name: `支出总计` after 财政拨款收入总计 is
    /// 财政拨款支出总计; `支出` after 政府性基金预算财政拨款收入 is that fund's spending.
    func counterpart(ofHead head: String, period: Period, state: ParagraphState) -> Quantity? {
        // Most heads name no side, and most amounts follow none that has another: the cheap
        // questions first (the words were trimmed for every figure, a fifth of a lint; issue 15).
        guard head.utf8Contains("支出") || head.utf8Contains("收入"),
              let previous = (state.firstClaimOfSentence..<claims.count).last(where: { claims[$0].isPlainAmount && claims[$0].depth == state.depth && !claims[$0].isEcho }),
              claims[previous].period == period, let named = claims[previous].quantity, named.isKnown, named.qualifier.isEmpty, named.code == nil,
              let other = Self.otherSide(of: named.name) else { return nil }
        let words = head.utf8HasPrefix("支出") || head.utf8HasPrefix("收入") ? head : Self.withoutLeadingNeutralWords(head)
        guard words.hasPrefix("支出") || words.hasPrefix("收入") else { return nil }
        // `财政拨款收入总额A万元，支出总计B万元`: 总计 and 总额 answer each other; the words written
        // name the other side's total.
        var name = other
        if !other.hasSuffix(words) {
            for (from, to) in [("总额", "总计"), ("总计", "总额")] where other.hasSuffix(from) && words.hasSuffix(to) {
                name = String(other.dropLast(from.count)) + to
            }
        }
        guard name.hasSuffix(words), let quantity = QuantityNames.known(in: name), quantity.name == name, quantity.qualifier.isEmpty else { return nil }
        return quantity
    }

    /// The words without the years and the `neutral` words before them (`2024年度本年支出` → 支出).
    static func withoutLeadingNeutralWords(_ words: String, neutral: [[UInt8]] = neutralWordBytes) -> String {
        // On simple text bytes are compared, not characters (each of which a comparison
        // normalises): asked of a head for many amounts (issue 15). Other text keeps the
        // standard library's comparisons.
        guard SimpleText.isSimple(words) else {
            return withoutLeadingNeutralCharacters(words, neutral: neutral.map { String(decoding: $0, as: UTF8.self) })
        }
        var rest = Substring(words)
        while let first = rest.utf8.first {
            if first &- 0x30 < 10 {
                rest = Substring(rest.utf8.drop { $0 &- 0x30 < 10 })
                if rest.utf8HasPrefix("年度") { rest = Substring(rest.utf8.dropFirst(6)) } else if rest.utf8HasPrefix("年") { rest = Substring(rest.utf8.dropFirst(3)) }
                continue
            }
            guard let word = neutral.first(where: { rest.utf8.starts(with: $0) }) else { break }
            rest = Substring(rest.utf8.dropFirst(word.count))
        }
        return String(rest)
    }
    static let neutralWordBytes = QuantityNames.neutralWords.map { Array($0.utf8) }

    /// The cut character by character: on any text (tests compare the byte path with it).
    static func withoutLeadingNeutralCharacters(_ words: String, neutral: [String]) -> String {
        var rest = Substring(words)
        while let first = rest.first {
            if first.isASCII && first.isNumber {
                rest = rest.drop { $0.isASCII && $0.isNumber }
                if rest.hasPrefix("年度") { rest = rest.dropFirst(2) } else if rest.hasPrefix("年") { rest = rest.dropFirst() }
                continue
            }
            guard let word = neutral.first(where: { rest.hasPrefix($0) }) else { break }
            rest = rest.dropFirst(word.count)
        }
        return String(rest)
    }

    /// A name with its last 收入 made 支出, or the reverse (nil when it holds neither).
    static func otherSide(of name: String) -> String? {
        var characters = Array(name)
        guard characters.count >= 2 else { return nil }
        for k in stride(from: characters.count - 2, through: 0, by: -1) {
            switch (characters[k], characters[k + 1]) {
            case ("收", "入"): characters[k] = "支"; characters[k + 1] = "出"
            case ("支", "出"): characters[k] = "收"; characters[k + 1] = "入"
            default: continue
            }
            return String(characters)
        }
        return nil
    }

    /// Whether a figure's own words name one side (收入 or 支出) and `quantity` the other: a
    /// topic or subject of the other side is not what it is about.
    static func namesOtherSide(_ label: String, than quantity: Quantity) -> Bool {
        let spending = label.containsText("支出"), income = label.containsText("收入")
        guard spending != income else { return false }
        let name = quantity.name
        // A balance has no sides: `从上年结转的政府性基金资金A万元，其中：…；其他…基金支出B万元` lists
        // the spending items the money is kept for.
        if name.utf8Contains("结转") || name.utf8Contains("结余") { return false }
        return spending ? name.containsText("收入") && !name.containsText("支出") : name.containsText("支出") && !name.containsText("收入")
    }

    /// Figures whose own clause names nothing take the topic, the paragraph's subject or the
    /// section title (narrative.md §2.2–2.3).
    /// Whether the figures before `index` in its sentence, back to the first with words, are a
    /// respectively run (`决算数分别为986.45万元、1,342.18万元和201.36万元`).
    static func continuesRespectivelyRun(_ index: Int, from start: Int, _ claims: [Claim]) -> Bool {
        var k = index - 1
        while k >= start, claims[k].sentence == claims[index].sentence, claims[k].paragraph == claims[index].paragraph {
            if !claims[k].label.isEmpty { return claims[k].label.utf8Contains("分别") || claims[k].label.utf8Contains("依次") }
            k -= 1
        }
        return false
    }

    mutating func resolveTopics(_ range: Range<Int>, state: ParagraphState) {
        var topic: Quantity?
        var subject: Quantity?
        // The sentence opened by a figure written before its name, and that name's quantity (nil
        // when the reader does not know it): the measures alone after it are of it, not the topic's.
        var namedFirst: (sentence: Int, quantity: Quantity?)?
        for index in range {
            // Fields read in place: no copy of the claim (issue 15).
            if claims[index].quantity != nil, claims[index].quantitySource != .none {
                if subject == nil, claims[index].sentence == 0, claims[index].quantity?.isKnown == true { subject = claims[index].quantity }
                continue
            }
            guard claims[index].isPlainAmount || claims[index].kind == .count else { continue }
            // A part of a list named by words of its own is no amount of the topic
            // (`收入总计中，…年初结转和结余…45.62万元（其中财政拨款结转和结余14.42万元、…）`).
            if claims[index].listWhole != nil, !claims[index].label.isEmpty, !Self.namesMeasureOnly(claims[index].label) { continue }
            // `决算分别为118.56万元和47.42万元` with no heads found: the second is of an item, not the topic.
            if claims[index].label.isEmpty, Self.continuesRespectivelyRun(index, from: range.lowerBound, claims) { continue }
            // `…支出决算为95.00万元，6.20万元结转下年继续使用`: an amount its following words name as
            // carried over or handed back is not the topic's amount (and no table gives it).
            if claims[index].label.isEmpty, Self.namesLeftOver(following: claims[index].followingWords) { continue }
            // `支出21.50万元，较年初结转和本年收入合计数23.00万元少1.50万元`: the gap between the two
            // amounts before it, not the topic's amount.
            if Self.comparativeGapWords.contains(claims[index].label), index > range.lowerBound,
               claims[index - 1].sentence == claims[index].sentence, claims[index - 1].isPlainAmount,
               claims[index - 1].label.utf8HasPrefix("较") || claims[index - 1].label.utf8HasPrefix("比") { continue }
            // `28,137.55万元用于公共安全支出（类）`, `13,849.77万元，为公安（款）行政运行（项）支出决算数`: a
            // figure written before its name is what the name after it says, or (when that is no
            // name the reader knows) nothing it can be compared as.
            if Ordinal.strip(claims[index].label).isEmpty, let named = Self.nameAfterFigure(claims[index].followingWords) {
                let quantity = namedAfter(named)
                if let quantity {
                    claims[index].quantity = quantity
                    claims[index].quantitySource = .ownClause
                }
                namedFirst = (claims[index].sentence, quantity)
                continue
            }
            if let first = namedFirst, first.sentence == claims[index].sentence, Self.namesMeasureOnly(claims[index].label) {
                if let quantity = first.quantity {
                    claims[index].quantity = quantity
                    claims[index].quantitySource = .sentence
                }
                continue
            }
            topic = claims[index].topic
            // (A balance has no budget: `…年初结转和结余68.00万元，本年收入…。本年支出同比增加…；年初预算
            // 330.00万元` is not the opening balance's budget.)
            if claims[index].measure.isBudget, topic == nil, let named = subject, named.name.utf8Contains("结转") || named.name.utf8Contains("结余") { continue }
            if let quantity = topic ?? subject ?? state.titleQuantity, !Self.namesOtherSide(claims[index].label, than: quantity) {
                claims[index].quantity = quantity
                claims[index].quantitySource = topic != nil || subject != nil ? .topic : .sectionTitle
            }
        }
    }

    /// The words naming a figure written before its name (`用于公共安全支出（类）`, `为2024年度本年支出合计`),
    /// without the verb; nil when its following words are no such name.
    static func nameAfterFigure(_ words: String) -> String? {
        guard let verb = ["用于", "为", "是", "系"].first(where: { words.utf8HasPrefix($0) }) else { return nil }
        let named = String(words.dropFirst(verb.count))
        return named.isEmpty ? nil : named
    }

    /// The quantity the name after a figure says it is (`公安（款）行政运行（项）支出决算数`,
    /// `本部门2024年度本年支出合计`), if the reader knows it.
    mutating func namedAfter(_ words: String) -> Quantity? {
        var raw = String(Ordinal.strip(words))
        for tail in ["支出决算数", "决算数", "支出决算", "的"] where raw.utf8HasSuffix(tail) && raw.count > tail.count { raw = String(raw.dropLast(tail.count)); break }
        let name = Self.withoutLeadingNeutralWords(raw)
        if ItemChain.mayHoldChain(name), let item = chainItem(name), item.isKnown { return item }
        if let item = codedItem(name) ?? bareItem(name), item.isKnown { return item }
        // (Years and the department before the name qualify nothing: `2024年度本年支出合计`.)
        if var quantity = QuantityNames.known(in: raw), quantity.isKnown,
           LabelKey.make(quantity.description) == LabelKey.make(raw) || FigureNames.isNeutral(quantity.qualifier) {
            quantity.qualifier = ""
            return quantity
        }
        return Self.category(namedAloneBy: name, code: FigureNames.categoryCode(in: LabelKey.make(name)))
    }

    /// Whether the words after an amount say it was carried over or handed back
    /// (`6.20万元结转下年继续使用`, `3.00万元已上缴财政`): what was left of the topic, not the topic.
    static func namesLeftOver(following words: String) -> Bool {
        var rest = Substring(words)
        for lead in ["已经", "已", "将", "全部", "均", "拟"] where rest.hasPrefix(lead) { rest = rest.dropFirst(lead.count); break }
        return leftOverWords.contains { rest.hasPrefix($0) }
    }

    /// Whether a rate of change follows the figure ending at `from` in its clause group
    /// (`…万元，增长7.32%`, `…万元，同比下降了5%`).
    static func changeRateFollows(_ s: [Unicode.Scalar], from: Int) -> Bool {
        var k = from
        while k < s.count, s[k] == "，" || s[k] == "," || s[k] == " " { k += 1 }
        guard k > from, k + 1 < s.count else { return false }
        if s[k] == "同", s[k + 1] == "比" { k += 2 }
        guard k + 1 < s.count, rateVerbs.contains(where: { $0.unicodeScalars.elementsEqual(s[k...(k + 1)]) }) else { return false }
        k += 2
        while k < s.count, s[k] == "了" || s[k] == "为" || s[k] == "约" { k += 1 }
        guard k < s.count, ProseText.isDigit(s[k]) else { return false }
        while k < s.count, ProseText.isDigit(s[k]) || s[k] == "." { k += 1 }
        return k < s.count && (s[k] == "%" || s[k] == "％")
    }

    /// The verbs of a rate of change (two scalars each).
    static let rateVerbs = ["增长", "增幅", "上升", "提高", "下降", "降幅", "减少", "减幅", "降低"]

    /// The words of a gap after a compared amount (`较…23.00万元少1.50万元`).
    static let comparativeGapWords: Set<String> = ["少", "多", "少了", "多了", "低", "高", "低了", "高了"]

    static let leftOverWords = ["结转", "结余", "留待", "留作", "留用", "上缴", "缴回", "交回", "收回", "退回", "被收回", "按规定收回"]

    // MARK: Words

    /// `previousYearStated`: the sentence wrote a previous year's amount before the figure
    /// (`上年收入合计349.79万元，本年363.59万元，增加13.80万元`), which is what 增加 compares with
    /// when no comparison word says otherwise.
    /// `budgetStated`: the sentence wrote a budget amount before the figure (`年初预算A万元，
    /// 决算B万元，完成x%`), which is what a bare 完成 is of.
    static func classify(unit: ClaimUnit?, clause before: String, sentence: String, simple: Bool = false,
                         previousYearStated: @autoclosure () -> Bool = false, budgetStated: @autoclosure () -> Bool = false,
                         rateFollows: @autoclosure () -> Bool = false) -> ClaimKind? {
        switch unit {
        case .percent?:
            // On simple text 占 is found on bytes: characters are scalars there (issue 15).
            let share: String.Index? = simple
                ? before.utf8LastOffset(of: "占").map { before.utf8.index(before.startIndex, offsetBy: $0 + 3) }
                : before.lastIndex(of: "占").map { before.index(after: $0) }
            if let share {
                var whole = String(before[share...])
                // `占比由上年的84.12%提高到86.45%`, `占基本支出的比重由…`: the whole ends before 由.
                if let from = whole.utf8LastOffset(of: "由"), let head = String(whole.utf8.prefix(from)) { whole = head }
                // `所占比重分别为87.54%和12.46%`: the respectively words are no part of the whole.
                // (Asked only of words ending as a marker does: most end on 的; issue 15.)
                if let last = whole.unicodeScalars.last, last == "为" || last == "是" || last == "别" || last == "次" {
                for marker in respectivelyShareWords where whole.hasSuffix(marker, simple: simple) {
                    whole = String(whole.unicodeScalars.dropLast(marker.unicodeScalars.count)) + "为"
                    break
                }
                }
                for suffix in shareSuffixes where whole.hasSuffix(suffix, simple: simple) { whole.removeLast(suffix.count); break }
                // `占比为54.89%` names no whole.
                if simple ? shareWithoutWholeBytes.contains(ByteKey(whole)) : shareWithoutWhole.contains(whole) { whole = "" }
                // `在“三公”经费中占76.00%`, `在本年支出合计中所占比重为91.02%`: the whole before 占.
                if whole.isEmpty { whole = wholeBeforeShare(before[..<before.index(before: share)]) ?? "" }
                return .share(whole: whole.isEmpty ? nil : whole)
            }
            // `增长了`, `降幅为`: the words of a rate of change (`增幅分别为`: of each).
            var words = Substring(before)
            for tail in rateTails where words.hasSuffix(tail, simple: simple) { words = words.dropLast() }
            for each in ["分别", "依次", "各"] where words.hasSuffix(each, simple: simple) { words = words.dropLast(each.count) }
            if rateIncreaseSuffixes.anyEnds(words, simple: simple) { return .changeRate(increase: true) }
            if rateDecreaseSuffixes.anyEnds(words, simple: simple) { return .changeRate(increase: false) }
            // `比重为90.46%`, `比例是3.94%`: a share with no 占 (`在基本支出中的比重为`: of that whole).
            if let whole = shareWithout占(before, simple: simple) { return .share(whole: whole) }
            if (before.contains("完成", simple: simple) && before.contains("预算", simple: simple)) || before.contains("预算执行率", simple: simple)
                || before.contains("预算完成率", simple: simple) { return .completion }
            // `为年初预算的104.16%`, `相当于预算的98%`: a share of the budget is its completion.
            if completionOfBudgetWords.contains(where: { before.hasSuffix($0, simple: simple) }) { return .completion }
            // `年初预算A万元，决算B万元，完成95.39%`: a bare 完成 after a budget.
            if completionSuffixes.anyEnds(before, simple: simple), budgetStated() { return .completion }
            // `相当于一般公共预算财政拨款公用经费的74.33%`: a share of what 相当于 names.
            if before.utf8HasSuffix("的"), let offset = before.utf8LastOffset(of: "相当于"),
               let whole = String(before.utf8.dropFirst(offset + 9).dropLast(3)), !whole.isEmpty, whole.unicodeScalars.count <= 30 {
                return .share(whole: whole)
            }
            return .percentage
        case .money?:
            // `超出年初预算66.80万元`, `低于预算2万元`: the verb before the budget it compares with.
            if let increase = budgetVerb(before, simple: simple) { return .budgetDifference(increase: increase) }
            // `年初预算300.00万元，决算数360.00万元，超支60.00万元`: a bare verb after a budget.
            // (Or the verb alone in its clause: `完成全年预算的36.0%，节约0.32万元` — of the budget
            // a table prints, as no amount of its own.)
            // (Not after last year's amount: `比上年的16.00万元节约6.00万元` is a change over the year.)
            if let increase = bareBudgetVerb(before, simple: simple),
               budgetStated() || ((bareOverBudgetVerbs.contains(before) || bareUnderBudgetVerbs.contains(before)) && !previousYearStated()) {
                return .budgetDifference(increase: increase)
            }
            // `年初预算为43.00万元，支出决算为42.18万元，…，结余1.82万元`: what the budget left.
            // (Hashed only when short enough to be one: a clause hashed per figure was 1 % of a lint.)
            if before.utf8.count <= budgetBalanceWordsMaximumBytes, budgetBalanceWords.contains(before), budgetStated() {
                return .budgetDifference(increase: false)
            }
            // The words and the words with 了, made once (each figure made a string per word).
            let increase = increaseSuffixes.anyEnds(before, simple: simple)
            let decrease = decreaseSuffixes.anyEnds(before, simple: simple)
            guard increase || decrease else { return .amount }
            switch lastComparison(sentence, simple: simple) {
            case .budget?: return .budgetDifference(increase: increase)
            case .previousYear?: return .changeAmount(increase: increase)
            case nil:
                if previousYearStated() { return .changeAmount(increase: increase) }
                // `（一）财政拨款收入增加87.69万元，增长7.32%`: an amount that grew by a rate is a
                // change over the year, last year's comparison left unsaid.
                if rateFollows() { return .changeAmount(increase: increase) }
                // `年初预算10.20万元，决算9.85万元，少支出0.35万元`: spent less or more than the
                // budget written before, with no comparison word.
                if spendingVerbSuffixes.anyEnds(before, simple: simple), budgetStated() { return .budgetDifference(increase: increase) }
                return .amount
            }
        case .count?:
            // `比上年减少5批次、37人次`: a change of a count, not the count.
            let increase = increaseSuffixes.anyEnds(before, simple: simple)
            if increase || decreaseSuffixes.anyEnds(before, simple: simple),
               lastComparison(sentence, simple: simple) == .previousYear || previousYearStated() {
                return .changeAmount(increase: increase)
            }
            // `新增退休人员2人`, `调出3人`: the year's change of a count, not the count.
            if before.utf8Contains("新") || before.utf8Contains("调") || before.utf8Contains("减") || before.utf8Contains("增"),
               let word = countChangeWords.first(where: { before.utf8Contains($0.word) }) {
                return .changeAmount(increase: word.increase)
            }
            return .count
        case .percentagePoints?:
            // `比上年提高4.29个百分点`, `下降了0.5个百分点`: a change of a percentage; any other
            // figure in points (`相差2个百分点`) is not read.
            var words = Substring(before)
            for tail in rateTails where words.hasSuffix(tail, simple: simple) { words = words.dropLast() }
            if rateIncreaseSuffixes.anyEnds(words, simple: simple) { return .pointChange(increase: true) }
            if rateDecreaseSuffixes.anyEnds(words, simple: simple) { return .pointChange(increase: false) }
            return nil
        case .points?:
            // (`项目自评得86.72分`: 得 alone before the score.)
            return before.contains("得分", simple: simple) || before.contains("评分", simple: simple) || before.contains("平均分", simple: simple)
                || before.hasSuffix("为", simple: simple) || before.hasSuffix("得", simple: simple) ? .score : nil
        case nil:
            return .amount
        }
    }

    /// The X of `在X中` (or `在X里`, `于X中`) that ends the words before a share's 占, with 所 or
    /// 的 between them; nil otherwise. X is the whole: `在“三公”经费中占76.00%`.
    static func wholeBeforeShare(_ words: Substring) -> String? {
        var words = words
        while let last = words.last, last == "所" || last == "的" || last == " " { words = words.dropLast() }
        guard let last = words.last, last == "中" || last == "里" else { return nil }
        words = words.dropLast()
        // The nearest 在 or 于 before it, within a name's length, with no punctuation between.
        var start = words.endIndex
        var length = 0
        while start > words.startIndex, length <= 30 {
            let previous = words.index(before: start)
            let character = words[previous]
            if character == "在" || character == "于" {
                let whole = String(words[start...])
                return whole.isEmpty ? nil : whole
            }
            if "，。；：,;:！？".contains(character) { return nil }
            start = previous
            length += 1
        }
        return nil
    }

    /// The words of a share that have no 占, longest first.
    static let shareWordsWithout占 = ["比重为", "比重是", "比例为", "比例是", "比重", "比例", "比重分别为", "比重依次为", "比重分别是", "比例分别为", "比例依次为"]

    /// `.some(nil)` when a figure's words are a share's words without 占 and nothing else before
    /// them but 所 (`比重为`, `所比例为`: the whole is not named), `.some(X)` for `在X中的比重为`; nil
    /// otherwise (`增长比例为`, `完成比例` are not shares; `所占比例` is read by its 占 before this).
    static func shareWithout占(_ before: String, simple: Bool) -> String?? {
        guard let word = shareWordsWithout占.first(where: { before.hasSuffix($0, simple: simple) }) else { return nil }
        var rest = before.dropLast(word.count)
        if rest.isEmpty { return .some(nil) }
        if let whole = wholeBeforeShare(rest) { return .some(whole) }
        while let last = rest.last, last == "所" || last == " " { rest = rest.dropLast() }
        return rest.isEmpty ? .some(nil) : nil
    }

    /// Verbs that say over or under a budget written before them, ending a figure's words.
    static let bareOverBudgetVerbs = ["超支了", "超支", "超出了", "超出", "超过了"]
    static let bareOverBudgetSuffixes = SuffixWords(bareOverBudgetVerbs)
    static let bareUnderBudgetVerbs = ["节约了", "节约", "节支", "节省了", "节省", "节余"]
    static let bareUnderBudgetSuffixes = SuffixWords(bareUnderBudgetVerbs)

    /// true for `超支`, false for `节约`, nil for anything else.
    static func bareBudgetVerb(_ before: String, simple: Bool) -> Bool? {
        if bareOverBudgetSuffixes.anyEnds(before, simple: simple) { return true }
        if bareUnderBudgetSuffixes.anyEnds(before, simple: simple) { return false }
        return nil
    }

    /// A clause of these words alone after a budget and an actual is what the budget left.
    static let budgetBalanceWords: Set<String> = ["结余", "结余了", "节余", "节余了", "预算结余"]
    static let budgetBalanceWordsMaximumBytes = budgetBalanceWords.map(\.utf8.count).max()!

    /// Budgets a difference may be written against after its verb, longest first.
    static let budgetWords = ["年初预算数", "全年预算数", "调整预算数", "年初预算", "全年预算", "调整预算", "预算数", "预算"]
    static let overBudgetVerbs = ["超出", "超过", "超支", "高于", "多于", "大于", "超"]
    static let underBudgetVerbs = ["节约", "节省", "节支", "低于", "少于", "小于"]

    /// Whether `before` ends on a verb and a budget (`超出年初预算`: true, `节约预算`: false), nil
    /// when it does not.
    static func budgetVerb(_ before: String, simple: Bool) -> Bool? {
        // Every budget word ends in 算 or 数: most figures' words end otherwise.
        guard let last = before.unicodeScalars.last, last == "算" || last == "数",
              let budget = budgetWords.first(where: { before.hasSuffix($0, simple: simple) }) else { return nil }
        let verb = String(before.dropLast(budget.count))
        if overBudgetVerbs.contains(where: { verb.hasSuffix($0, simple: simple) }) { return true }
        if underBudgetVerbs.contains(where: { verb.hasSuffix($0, simple: simple) }) { return false }
        return nil
    }

    static let completionOfBudgetWords = ["预算的", "预算数的"]
    static let completionWords = ["完成", "完成了", "完成率", "完成率为", "完成率达", "执行率", "执行率为", "执行率达"]
    static let completionSuffixes = SuffixWords(completionWords)
    static let respectivelyShareWords = ["分别为", "依次为", "分别是", "依次是", "各为", "分别", "依次"]
    static let shareSuffixes = ["的比重为", "的比例为", "的比重", "的比例", "比重为", "比例为", "的"]
    static let shareWithoutWhole: Set<String> = ["比", "比为", "比重", "比例", "比是", "比达"]
    /// The same words by bytes, for simple text (where equal strings have equal bytes).
    static let shareWithoutWholeBytes = Set(shareWithoutWhole.map(ByteKey.init))
    static let rateTails = ["为", "是", "达", "了"]
    static let rateIncreaseWords = ["增长", "增加", "上升", "提高", "增幅", "增长率", "涨幅", "上涨", "超支率", "超支"]
    static let rateIncreaseSuffixes = SuffixWords(rateIncreaseWords)
    /// `节约6.00万元，节约37.50%`: a saving's own verb before a percentage is its rate.
    static let rateDecreaseWords = ["下降", "减少", "降低", "降幅", "下降率", "减幅", "减少率", "节约率", "节支率", "节约", "节支"]
    static let rateDecreaseSuffixes = SuffixWords(rateDecreaseWords)
    /// Each word, then each word followed by 了.
    static let increaseWords = ["增加", "增长", "多", "超支", "超出", "多支出", "多支"].flatMap { [$0, $0 + "了"] }
    static let increaseSuffixes = SuffixWords(increaseWords)

    /// Whether a change's own words are its direction alone (`增加`, `减少了`): it names no other
    /// quantity than the one the sentence is about.
    public static func isDirectionOnly(_ label: String) -> Bool {
        increaseWords.contains(label) || decreaseWords.contains(label) || signedChangeWords.contains(label)
    }
    /// Words of a change whose sign gives its direction (`增减额为-6.68万元`, `增减率4.81%`).
    static let signedRateWords = ["增减率", "增减幅度", "变动率", "增减比例", "增减比率", "变动幅度"].flatMap { [$0, $0 + "为", $0 + "是"] }
    static let signedChangeWords = (["增减额", "增减变动", "增减变化", "增减金额", "变动额", "增减"].flatMap { [$0, $0 + "为", $0 + "是"] }) + signedRateWords
    /// The last scalars of those words, 为 and 是 aside.
    static let signedChangeLasts = ScalarSet("额动化减率度例幅")
    static let decreaseWords = ["减少", "下降", "降低", "节约", "节支", "少", "少支出", "少支"].flatMap { [$0, $0 + "了"] }
    static let decreaseSuffixes = SuffixWords(decreaseWords)
    /// Words before a count that make it the year's change of the count.
    static let countChangeWords: [(word: String, increase: Bool)] = ["新增", "新招录", "新招聘", "新进", "新录用", "新接收", "调入", "增加"].map { ($0, true) }
        + ["调出", "减员", "减少"].map { ($0, false) }

    /// Verbs that adjust a budget during the year, ending a figure's words (`年中调减`).
    static let budgetAdjustmentSuffixes = SuffixWords(["调减", "调增", "追加", "追减", "核减", "压减", "调整"].flatMap { [$0, $0 + "了"] })
    static let spendingVerbSuffixes = SuffixWords(["少支出", "少支", "多支出", "多支"].flatMap { [$0, $0 + "了"] })

    enum Comparison { case previousYear, budget }

    static let previousYearMarkerBytes = previousYearMarkers.map { Array($0.utf8) }
    static let budgetMarkerBytes = budgetMarkers.map { Array($0.utf8) }
    /// Whether a byte starts some marker of either list.
    static let markerFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for word in previousYearMarkerBytes + budgetMarkerBytes { table[Int(word[0])] = true }
        return table
    }()

    /// The byte offsets of the last previous-year marker and the last budget marker in `b`.
    static func lastMarkers(_ b: UnsafeBufferPointer<UInt8>) -> (year: Int?, budget: Int?) {
        var year: Int?, budget: Int?
        @inline(__always) func matchesAny(_ words: [[UInt8]], at p: Int) -> Bool {
            // The last byte first (a continuation byte of a Chinese word; the lead bytes are shared).
            for word in words where p + word.count <= b.count && (word.isEmpty || b[p + word.count - 1] == word[word.count - 1]) {
                var k = 0
                while k < word.count, b[p + k] == word[k] { k += 1 }
                if k == word.count { return true }
            }
            return false
        }
        var p = b.count - 1
        while p >= 0, year == nil || budget == nil {
            if markerFirstBytes[Int(b[p])] {
                if year == nil, matchesAny(previousYearMarkerBytes, at: p) { year = p }
                if budget == nil, matchesAny(budgetMarkerBytes, at: p) { budget = p }
            }
            p -= 1
        }
        return (year, budget)
    }

    /// `words.compactMap { text.utf8LastOffset(of: $0) }.max()` without the array.
    static func lastOffset(of words: [String], in text: String) -> Int? {
        var best: Int?
        for word in words {
            if let offset = text.utf8LastOffset(of: word), best.map({ offset > $0 }) ?? true { best = offset }
        }
        return best
    }

    /// Whether `words` compare with the previous year (`同比`, `比上年`, `较2023年`).
    public static func namesPreviousYear(_ words: String) -> Bool {
        let words = SearchedText(words)
        return previousYearMarkers.contains { words.contains($0) }
    }

    static let previousYearMarkers = ["比上年", "较上年", "上年度", "与上年", "同比", "上年同期", "比20", "较20", "与20", "比去年", "较去年", "与去年",
                                      "比上一年", "较上一年", "与上一年", "上一年度",
                                      // `跟上年比，…增加21.26万元`, `同去年相比`.
                                      "跟上年", "同上年", "跟去年", "同去年", "上年比", "去年比"]
    static let budgetMarkers = ["比预算", "较预算", "与预算", "比年初预算", "较年初预算", "与年初预算", "比全年预算", "较全年预算", "与全年预算",
                                "比调整预算", "较调整预算", "与调整预算"]

    /// What the sentence compares with, by the comparison written last before the figure
    /// (`与预算持平，较2022年度决算减少1.98万元` compares with the previous year).
    static func lastComparison(_ sentence: String, simple: Bool = false) -> Comparison? {
        if simple {
            // Byte offsets are in the order of the string's indices. One pass from the end finds
            // the last of either list (issue 15: each marker was searched for over the sentence).
            if let (year, budget) = sentence.utf8.withContiguousStorageIfAvailable({ lastMarkers($0) }) {
                return comparison(year: year, budget: budget, sentence, simple: true)
            }
            func last(_ markers: [String]) -> Int? { lastOffset(of: markers, in: sentence) }
            return comparison(year: last(previousYearMarkers), budget: last(budgetMarkers), sentence, simple: true)
        }
        // Other text is split into characters once, not once per marker.
        let search = CharacterSearch(sentence)
        func last(_ markers: [CharacterSearch.Word]) -> Int? { markers.compactMap { search.lastOffset(of: $0) }.max() }
        return comparison(year: last(previousYearMarkerWords), budget: last(budgetMarkerWords), sentence, simple: false)
    }

    static let previousYearMarkerWords = previousYearMarkers.map(CharacterSearch.Word.init)
    static let budgetMarkerWords = budgetMarkers.map(CharacterSearch.Word.init)

    private static func comparison<Position: Comparable>(year: Position?, budget: Position?, _ sentence: String, simple: Bool) -> Comparison? {
        switch (year, budget) {
        case let (year?, budget?): return year > budget ? .previousYear : .budget
        case (_?, nil): return .previousYear
        case (nil, _?): return .budget
        case (nil, nil): return sentence.contains("相比", simple: simple) ? .previousYear : nil
        }
    }

    /// The budget a completion rate is of: the one named last before it (`完成年初预算的88.61%、
    /// 全年预算的93.72%`: the second is of the full year's).
    static func completionBudget(_ clause: String, simple: Bool = false) -> Measure {
        let initial = clause.utf8LastOffset(of: "年初预算")
        let full = [clause.utf8LastOffset(of: "全年预算"), clause.utf8LastOffset(of: "调整预算"), clause.utf8LastOffset(of: "调整后预算")].compactMap { $0 }.max()
        switch (initial, full) {
        case let (initial?, full?): return initial > full ? .initialBudget : .fullBudget
        case (_?, nil): return .initialBudget
        case (nil, _?): return .fullBudget
        case (nil, nil): return .budget
        }
    }

    /// `上年`, `上年度`, `去年`, the year before the report's — but not 上年结转和结余 (a balance of this year).
    static func isPreviousYear(_ label: String, year: Int?, simple: Bool = false) -> Bool {
        isPreviousYear(label, words: yearWords(year), simple: simple)
    }

    /// The words without the 本年 of `本年收…` and `本年支…`; the words themselves when they hold none.
    static func withoutYearOfNames(_ words: String) -> String {
        guard words.utf8Contains("本年收") || words.utf8Contains("本年支") else { return words }
        let year = Array("本年".utf8), income = Array("收".utf8), spending = Array("支".utf8)
        let bytes = Array(words.utf8)
        var kept: [UInt8] = []
        var i = 0
        var cut = false
        while i < bytes.count {
            if i + 9 <= bytes.count, bytes[i..<(i + 6)].elementsEqual(year),
               bytes[(i + 6)..<(i + 9)].elementsEqual(income) || bytes[(i + 6)..<(i + 9)].elementsEqual(spending) {
                if !cut { kept = Array(bytes[..<i]); cut = true }
                i += 6
                continue
            }
            if cut { kept.append(bytes[i]) }
            i += 1
        }
        return cut ? String(decoding: kept, as: UTF8.self) : words
    }

    static func yearWords(_ year: Int?) -> (previous: [String], current: [String]) {
        var previous = ["上年", "上一年", "去年"]
        var current = ["本年", "当年", "今年"]
        if let year { previous.append("\(year - 1)年"); current.append("\(year)年") }
        return (previous, current)
    }

    static func isPreviousYear(_ label: String, words: (previous: [String], current: [String]), simple: Bool) -> Bool {
        // Most labels name no year at all: answer without searching.
        guard label.unicodeScalars.contains(where: { $0 == "上" || $0 == "去" || $0 == "年" }) else { return false }
        if label.contains("结转", simple: simple) || label.contains("结余", simple: simple) { return false }
        // The 本年 of a name (`本年收入合计`, `本年支出合计`) names no year: `2023年度本年支出合计` is
        // last year's.
        // (Asked again without them only when a 本年 after the previous year decided: the cut, by
        // Foundation's replacement, cost 70 M instructions a lint of 1 MB.)
        // The year named last decides: `与2022年度决算对比情况本部门2023年度财政拨款本年收入合计` is this year's.
        let previous = words.previous, current = words.current
        func isPrevious(_ label: String) -> Bool? {
            if simple {
                func last(_ words: [String]) -> Int? { lastOffset(of: words, in: label) }
                guard let before = last(previous) else { return false }
                guard let now = last(current) else { return true }
                return before > now ? true : nil
            }
            let search = CharacterSearch(label)
            func last(_ words: [String]) -> Int? { words.compactMap { search.lastOffset(of: CharacterSearch.Word($0)) }.max() }
            guard let before = last(previous) else { return false }
            guard let now = last(current) else { return true }
            return before > now ? true : nil
        }
        if let answer = isPrevious(label) { return answer }
        let cut = Self.withoutYearOfNames(label)
        return cut.utf8.count != label.utf8.count && isPrevious(cut) == true
    }

    /// The index of the first word of `words` (UTF-8 bytes) that `text`'s bytes end with.
    static func firstSuffix<S: StringProtocol>(of text: S, in words: [[UInt8]]) -> Int? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ b -> Int? in
            // The last bytes first: of a Chinese word, a continuation byte (one of 64) that turns
            // most words away at once, where the lead bytes are shared by most (issue 15).
            guard let last = b.last else { return words.firstIndex { $0.isEmpty } }
            for (index, word) in words.enumerated() where word.count <= b.count && (word.isEmpty || word[word.count - 1] == last) {
                let base = b.count - word.count
                var k = 0
                while k < word.count, b[base + k] == word[k] { k += 1 }
                if k == word.count { return index }
            }
            return nil
        }) { return found }
        return words.firstIndex { text.utf8.count >= $0.count && text.utf8.suffix($0.count).elementsEqual($0) }
    }

    static let approximateWordBytes = approximateWords.map { Array($0.utf8) }
    static let measureSuffixBytes = measureSuffixes.map { Array($0.0.utf8) }
    /// Measures that hold a word of a name (支出) or a time (年中), written alone.
    static let measureAloneBytes = ["决算支出", "决算支出数", "年中调整后预算", "年中调整预算", "年中调整后预算数"].map { Array($0.utf8) }

    /// Measure words that end a label (after the quantity's name).
    static let measureSuffixes: [(String, Measure)] = [
        ("年中调整后预算", .fullBudget), ("年中调整预算", .fullBudget),
        ("年初预算数", .initialBudget), ("年初预算", .initialBudget), ("全年预算数", .fullBudget), ("全年预算", .fullBudget),
        ("调整预算数", .fullBudget), ("调整后预算数", .fullBudget), ("调整后预算", .fullBudget), ("年中调整", .fullBudget), ("调整后", .fullBudget), ("调整预算", .fullBudget), ("预算数", .budget), ("预算金额", .budget), ("预算安排", .budget), ("预算", .budget),
        ("支出决算数", .actual), ("支出决算", .actual), ("决算支出数", .actual), ("决算支出", .actual), ("决算数", .actual), ("决算", .actual), ("实际支出", .actual),
        ("全年执行数", .spent), ("执行数", .spent), ("全年执行", .spent), ("实际执行", .spent), ("支出数", .actual),
    ]

    static func stripMeasure(_ label: String, simple: Bool = false) -> (head: String, measure: Measure?) {
        // `较年初预算的130.00万元`: the measure before a 的.
        if label.hasSuffix("的", simple: simple), label.unicodeScalars.count > 1 {
            let bare = String(label.unicodeScalars.dropLast())
            let found = stripMeasureWords(bare, simple: simple)
            if found.measure != nil { return found }
        }
        return stripMeasureWords(label, simple: simple)
    }

    static func stripMeasureWords(_ label: String, simple: Bool) -> (head: String, measure: Measure?) {
        if simple {
            // The suffixes' bytes against the label's, in one pass over the list (issue 15).
            guard let found = firstSuffix(of: label, in: measureSuffixBytes) else { return (label, nil) }
            let view = label.utf8
            return (String(label[..<view.index(view.endIndex, offsetBy: -measureSuffixBytes[found].count)]), measureSuffixes[found].1)
        }
        for (suffix, measure) in measureSuffixes where label.hasSuffix(suffix, simple: simple) {
            return (String(label.dropLast(suffix.count)), measure)
        }
        return (label, nil)
    }

    /// The measure a respectively run names and nothing else (`调整预算分别为`, `决算依次为`).
    static func measureOfRun(_ phrase: String, simple: Bool) -> Measure? {
        // `…的年初预算分别为0、83.00、12.00万元，年度执行中根据工作需要调整为0、80.60、11.00万元`: what
        // the budgets were adjusted to.
        if adjustedRunEnds.contains(where: { phrase.utf8HasSuffix($0) }) { return .fullBudget }
        guard let end = runEnds.first(where: { phrase.utf8HasSuffix($0) }),
              let words = String(phrase.utf8.dropLast(end.utf8.count)), !words.isEmpty else { return nil }
        let (head, measure) = stripMeasure(words, simple: simple)
        return head.isEmpty ? measure : nil
    }

    static let runEnds = ["分别为", "分别是", "依次为", "依次是", "分别", "依次"]
    static let adjustedRunEnds = ["调整为", "调整后为", "调增为", "调减为", "调整至", "调整到", "分别调整为"]

    /// Whether two names differ only by 年初 and 年末, or by 收入 and 支出 (`年末结转和结余` of
    /// `年初结转和结余`, `本年支出合计` of `本年收入合计`).
    static func isCounterpart(_ name: String, of other: String) -> Bool {
        guard name != other, name.count == other.count else { return false }
        let swapped = name.utf8Replacing("年末", with: "年初").utf8Replacing("支出", with: "收入")
        let otherSwapped = other.utf8Replacing("年末", with: "年初").utf8Replacing("支出", with: "收入")
        return swapped == otherSwapped
    }

    /// Whether a figure's words open with a year (`2024年度收入总计`, `上年支出`).
    static func opensWithYear(_ label: String) -> Bool {
        if label.utf8HasPrefix("上年") || label.utf8HasPrefix("去年") || label.utf8HasPrefix("上一年") { return true }
        let digits = label.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        return digits.count == 4 && label.utf8.dropFirst(4).starts(with: "年".utf8)
    }

    /// Whether a figure's words end on a rate per head or unit (`按每人每月`, `补贴标准为每亩`,
    /// `标准为`): the rate paid, no part of a sum.
    static func namesRate(_ label: String) -> Bool {
        if label.utf8HasSuffix("标准") || label.utf8HasSuffix("标准为") { return true }
        return label.unicodeScalars.suffix(5).contains("每")
    }

    /// The numerals of `一是…二是…`.
    static let pointNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Words after 的 that name the amount itself (`一般公共预算财政拨款的支出`), not a part of it.
    static let sideWordsAfterOf: Set<String> = ["支出", "收入", "合同", "金额", "资金", "合同金额", "总额", "总计", "合计"]

    /// Words of the price of one thing, ending a figure's words: no part of a sum.
    static let priceWords = ["车价", "单价", "价格", "购置价", "购买价", "售价"]
    /// `sumOfListedWords` and `priceWords`, compared by their bytes (`simple: true`) with a
    /// figure's words' end: only those ending with its last scalar (36 words a figure were 1 %
    /// of a lint's instructions, issue 15).
    static let listedSumAndPriceWords = SuffixWords(sumOfListedWords + priceWords)

    /// Whether a figure's words give only a measure (`支出决算为`, `年初预算`), naming no amount.
    static func namesMeasureOnly(_ label: String) -> Bool {
        guard !label.isEmpty else { return false }
        let (head, measure) = stripMeasure(label)
        return measure != nil && isFiller(head)
    }

    /// Words that name no amount: `共`, `合计`, `其中`, verbs.
    static func isFiller(_ words: String) -> Bool {
        let key = QuantityNames.neutralized(words)
        if key.isEmpty { return true }
        // Simple text: equal strings have equal bytes, and characters are scalars (issue 15).
        if SimpleText.isSimple(key) {
            let bytes = ByteKey(key)
            return fillerWordBytes.contains { bytes == $0 } || key.unicodeScalars.count == 1
        }
        return fillerWords.contains(key) || key.count == 1
    }

    /// Words that, ending a figure's words with nothing named before them, make it no amount of
    /// the topic (`另有`, `其余`, `两项合计`).
    /// Whether a figure follows `from` within a name's length, before any punctuation.
    static func figureFollows(_ text: ProseText, from: Int) -> Bool {
        var k = from
        while k < text.count, k - from <= 24 {
            let scalar = text.scalars[k]
            if ProseText.isDigit(scalar) { return true }
            if "，,：:；;。（(".unicodeScalars.contains(scalar) { return false }
            k += 1
        }
        return false
    }

    /// Words that end the name of a sum.
    static let sumWords = ["共计", "合计", "总计", "共"]

    /// A list of heads without the words that lead into it (`支出排在前三位的是A、B和C` → `A、B和C`,
    /// `主要包括A、B`): the words before the first head's name, up to a copula or 包括 before the
    /// list's first `、` (no name of an item holds 是).
    static func withoutListLeadIn(_ text: String) -> String {
        guard let firstSeparator = text.utf8FirstOffset(of: "、") ?? text.utf8FirstOffset(of: "和") else { return text }
        let before = String(text.utf8.prefix(firstSeparator))!
        guard let end = listLeadInEnds.compactMap({ word in before.utf8LastOffset(of: word).map { $0 + word.utf8.count } }).max(),
              end < firstSeparator else { return text }
        return String(text.utf8.dropFirst(end)) ?? text
    }

    static let listLeadInEnds = ["是", "包括", "主要有", "的为", "主要为"]

    /// Whether `label` names the sum of two or more heads (`年初、年末结转和结余共计`,
    /// `一般公共预算和政府性基金预算年末结转和结余合计`): it is no one of them.
    public static func namesSumOfHeads(_ label: String) -> Bool {
        // Asked of every amount named 合计 (`本年支出合计`): bytes first (issue 15).
        guard label.utf8HasSuffix("共计") || label.utf8HasSuffix("合计"), label.utf8.count > 6,
              let words = String(label.utf8.dropLast(6)),
              words.utf8Contains("、") || words.utf8Contains("和") || words.utf8Contains("与") || words.utf8Contains("及"),
              let heads = respectivelyHeadsAndMeasures(words + "分别为") else { return false }
        return heads.heads.count >= 2 && heads.heads.allSatisfy { $0.isKnown }
    }

    /// Words opening a clause after a semicolon that is besides the list before it (after a
    /// comma `其余` is the list's last part: `其中人员经费80.00万元，其余20.00万元为公用经费`).
    static let besidesClauseWords = besidesWords + ["其余", "剩余"]
    static let partWords: [String] = ["另有", "另外", "此外", "还有", "其余", "其余为", "其余是", "剩余", "剩余为", "余下", "剩下"] + sumOfListedWords
    /// Words that start a comparison after an item's name (`城乡医疗救助较2023年度增加`).
    static let comparisonWords = ["较", "比", "同比", "与"]
    /// Words that say what an amount came to (`由A万元下降至B万元`).
    static let changedToWords: Set<String> = ["下降至", "下降到", "降至", "降到", "减少至", "减少到", "减至", "增长至", "增长到", "增加至", "增加到",
                                               "增至", "升至", "上升至", "上升到", "提高至", "提高到",
                                               "变为", "变成", "变动为", "下降为", "降为", "降低为", "降低至", "降低到", "上升为", "升为", "提高为",
                                               "增加为", "增长为", "减少为", "减为"]
    /// A sum with no name after figures of its sentence (`…分别为A、B和C万元，合计D万元`).
    static let bareSumWords = ["合计", "共计", "合计为", "共计为", "总计", "累计"]
    static let partWordLastScalars = Set(partWords.compactMap(\.unicodeScalars.last))
    /// Words that name the sum of the figures just listed (`两项合计`).
    static let sumOfListedWords: [String] = ["两项", "三项", "四项", "以上", "上述", "各项"].flatMap { (items: String) -> [String] in
        ["合计", "共计", "小计", "合计为", "共计为"].map { items + $0 }
    }

    /// The words that name an amount as an amount and nothing more.
    static let amountWordBytes = ["金额", "金额为", "金额是", "金额达", "其金额", "其金额为", "涉及金额"].map(ByteKey.init)

    /// Words that name no amount; 完成 stands before a budget in `完成年初预算40.00万元的75.00%`.
    static let fillerWords = ["支出", "收入", "资金", "金额", "共涉及资金", "涉及资金", "累计", "完成", "完成了"]
    static let fillerWordBytes = fillerWords.map(ByteKey.init)

    /// The names of amounts with 和, 与 or 及 inside them, as characters.
    static let aliasesWithJoiners: [[Character]] = (QuantityNames.aliases.map(\.alias) + catalogueNamesWithJoiners)
        .filter { $0.contains { $0 == "和" || $0 == "与" || $0 == "及" } }.map { Array($0) }

    /// The classification's names that hold 和, 与 or 及 (`社会保障和就业支出`, `灾害防治及应急管理支出`):
    /// heads listed in a respectively clause are not split inside them.
    /// (Its names are searched by bytes: two thousand names read character by character; issue 15.)
    /// Whether the 、 at `i` stands inside the name of a catalogue entry (`在乡复员、退伍军人生活补助`).
    static func isInsideCatalogueName(_ text: ProseText, at i: Int) -> Bool {
        // Most pauses are followed by no such name's second part (asked at every 、; issue 15).
        guard i + 1 < text.count, pauseNameSecondScalars.contains(text.scalars[i + 1]) else { return false }
        return catalogueNamesWithPause.contains { name in
            guard i >= name.before.count, i + 1 + name.after.count <= text.count else { return false }
            for (k, scalar) in name.before.enumerated() where text.scalars[i - name.before.count + k] != scalar { return false }
            for (k, scalar) in name.after.enumerated() where text.scalars[i + 1 + k] != scalar { return false }
            return true
        }
    }
    static let pauseNameSecondScalars = Set(catalogueNamesWithPause.compactMap(\.after.first))
    /// The catalogue's names that hold a 、, split at it.
    static let catalogueNamesWithPause: [(before: [Unicode.Scalar], after: [Unicode.Scalar])] = namesWithPause.flatMap { name in
        let scalars = Array(name.unicodeScalars)
        return scalars.indices.filter { scalars[$0] == "、" }.map { pause in (Array(scalars[..<pause]), Array(scalars[(pause + 1)...])) }
    }
    /// The names of the embedded catalogue that hold a 、 (a test keeps the list whole): written
    /// out, for finding them costs a scan of the catalogue (issue 15).
    static let namesWithPause = ["驻外使领馆（团、处）", "乏燃料后处理厂的建设、运行、改造和退役", "在乡复员、退伍军人生活补助",
                                 "环境保护法规、规划及标准", "执业资格注册、资质审查", "通信设备、计算机及其他电子设备制造业",
                                 "石油加工、炼焦及核燃料加工业"]

    static let catalogueNamesWithJoiners: [String] = [ClassificationKind.functional, .economic].flatMap { kind in
        Catalogue.embedded.entries(withPrefix: "", kind: kind).lazy.map(\.name).filter { $0.utf8Contains("和") || $0.utf8Contains("与") || $0.utf8Contains("及") || $0.utf8Contains("、") }
    }

    /// The words after a respectively clause's heads, those that hold others first.
    /// With the bit of its first character in `respectivelyHeads`.
    static let respectivelyMarkers: [(String, UInt8)] = [("分别为", 1), ("分别是", 1), ("分别", 1), ("各为", 2), ("各是", 2), ("各计", 2),
                                                         ("均为", 4), ("都是", 8), ("均是", 4), ("依次为", 32), ("依次是", 32), ("依次", 32), ("各", 2)]

    /// The heads of a respectively clause, split at 、 and commas, and at 和, 与 and 及 outside the
    /// names that hold them (`公务用车购置及运行维护费`, `对个人和家庭的补助`).
    static func splitHeads<Element: Equatable>(_ elements: [Element], separators: [Element], joiners: [Element], names: [[Element]],
                                               _ word: (ArraySlice<Element>) -> String) -> [String] {
        var protected = Set<Int>()
        // Only a text with 和, 与, 及 or 、 can hold such a name (issue 15: the names were split
        // into characters for every figure).
        if elements.contains(where: { joiners.contains($0) || $0 == separators[0] }) {
            for name in names where name.count <= elements.count {
                for start in 0...(elements.count - name.count)
                where elements[start] == name[0] && elements[start..<(start + name.count)].elementsEqual(name) {
                    for k in start..<(start + name.count) { protected.insert(k) }
                }
            }
        }
        var words: [String] = []
        var wordStart = 0
        for (k, element) in elements.enumerated() where (separators.contains(element) || joiners.contains(element)) && !protected.contains(k) {
            if wordStart < k { words.append(word(elements[wordStart..<k])) }
            wordStart = k + 1
        }
        if wordStart < elements.count { words.append(word(elements[wordStart...])) }
        return words
    }

    /// On simple text, each scalar is a character: compared without normalising it.
    static func splitHeads(scalarsOf text: String) -> [String] {
        splitHeads(Array(text.unicodeScalars), separators: ["、", ",", "，"], joiners: ["和", "与", "及"], names: aliasScalarsWithJoiners) {
            var word = ""
            word.unicodeScalars.append(contentsOf: $0)
            return word
        }
    }

    static func splitHeads(charactersOf text: String) -> [String] {
        splitHeads(Array(text), separators: ["、", ",", "，"], joiners: ["和", "与", "及"], names: aliasesWithJoiners) { String($0) }
    }

    static let aliasScalarsWithJoiners: [[Unicode.Scalar]] = aliasesWithJoiners.map { $0.flatMap(\.unicodeScalars) }

    /// `收、支总计各为` → 收入总计, 支出总计; `人员经费和公用经费分别为` → 人员经费, 公用经费.
    /// `simple`: whether `clause` is simple text (tests pass false to compare the character path).
    static func respectivelyHeads(_ clause: String, simple isSimple: Bool? = nil) -> [Quantity]? {
        respectivelyHeadsAndMeasures(clause, simple: isSimple)?.heads
    }

    /// The heads, and the measure each names when they are measures of one amount (session 29):
    /// `“三公”经费年初预算和全年预算均为` → 三公经费 twice, 年初预算数 and 全年预算数; `年初预算与决算
    /// 均为` → two heads with no name (the topic's), 预算 and 决算. Other heads name no measure.
    static func respectivelyHeadsAndMeasures(_ clause: String, simple isSimple: Bool? = nil) -> (heads: [Quantity], measures: [Measure?])? {
        // Every marker holds one of these (a bit each): most phrases have none.
        var firsts: UInt8 = 0
        for scalar in clause.unicodeScalars {
            switch scalar {
            case "分": firsts |= 1
            case "各": firsts |= 2
            case "均": firsts |= 4
            case "都": firsts |= 8
            case "总": firsts |= 16
            case "依": firsts |= 32
            default: continue
            }
        }
        guard firsts != 0 else { return nil }
        // On simple text a marker is searched only when its first character is there (most
        // clauses hold 总 of 总计 alone; issue 15).
        let simple = isSimple ?? SimpleText.isSimple(clause)
        var headText: Substring?
        var afterMarker: Substring = ""
        for (marker, first) in respectivelyMarkers where !simple || firsts & first != 0 {
            if let range = clause.range(ofText: marker) { headText = clause[..<range.lowerBound]; afterMarker = clause[range.upperBound...]; break }
        }
        // `收支总计2,650.00万元` with no marker: one figure for both totals all the same.
        if headText == nil {
            var bare = Substring(clause)
            for tail in ["为", "是", "达", "共"] where bare.hasSuffix(tail, simple: simple) { bare = bare.dropLast(); break }
            if Self.bothTotalsWords.contains(where: { bare.hasSuffix($0, simple: simple) }) { headText = bare }
        }
        guard var text = headText.map(String.init), !text.isEmpty else { return nil }
        // (`收、支总计增减额均为469.39万元，增减率均为6.30%`: the change of both, not both totals.)
        if changeOfHeadsWords.contains(where: { text.utf8HasSuffix($0) }) { return nil }
        let topicEnd = simple ? text.unicodeScalars.lastIndex { $0 == "，" || $0 == "," || $0 == "：" || $0 == ":" }
                              : text.lastIndex { "，,：:".contains($0) }
        if let topicEnd { text = String(text[text.index(after: topicEnd)...]) }
        text = withoutListLeadIn(text)
        var words: [String] = []
        if let both = Self.bothTotalsWords.first(where: { text.hasSuffix($0, simple: simple) }) {
            // The words before are both totals' (`财政拨款收支总计均为` is 公开04's two totals, not 公开01's).
            let qualifier = String(text.dropLast(both.count))
            let total = both.hasSuffix("总额") ? "总额" : "总计"
            words = [qualifier + "收入" + total, qualifier + "支出" + total]
        }
        else if text.hasSuffix("收支", simple: simple) {
            // `政府性基金预算和国有资本经营预算财政拨款收支均为0.00万元`: those funds' income and
            // spending, not the department's totals.
            let qualifier = withoutLeadingNeutralWords(String(text.dropLast(2)), neutral: headNeutralWordBytes)
            words = qualifier.isEmpty || qualifier == "本年" ? ["本年收入合计", "本年支出合计"] : [qualifier + "收入", qualifier + "支出"]
        }
        else {
            // 和/与/及 inside a name (`公务用车购置及运行维护费`, `对个人和家庭的补助`) do not separate heads.
            words = simple ? Self.splitHeads(scalarsOf: text) : Self.splitHeads(charactersOf: text)
        }
        guard words.count >= 2 else { return nil }
        words = words.map { written in
            // `2024年度收` is 收: years and neutral words before a head say nothing of it.
            let word = withoutLeadingNeutralWords(written, neutral: headNeutralWordBytes)
            if word.hasPrefix("收") && !word.hasPrefix("收入") { return "收入" + word.dropFirst() }
            if word.hasPrefix("支") && !word.hasPrefix("支出") { return "支出" + word.dropFirst() }
            return word
        }
        // `公共安全支出（类）、卫生健康支出（类）的年初预算分别为`: a measure after the last head is
        // every head's. (Before the sides are shared: `X支出和Y支出的年初预算` is no
        // `X支出的年初预算`.)
        var sharedMeasure: Measure?
        if words.count >= 2, words.dropLast().allSatisfy({ stripMeasureWords($0, simple: false).measure == nil }) {
            let (head, measure) = stripMeasureWords(words[words.count - 1], simple: false)
            var name = Substring(head)
            while let last = name.last, last == "的" { name = name.dropLast() }
            if let measure, measure.isBudget, !name.isEmpty {
                words[words.count - 1] = String(name)
                sharedMeasure = measure
            }
        }
        words = Self.distributingSides(words)
        // A shared ending distributes over the heads (`年初、年末结转和结余`).
        let last = words[words.count - 1]
        var ending = last.count > 2 ? String(last.dropFirst(2)) : ""
        // `一般公共预算和政府性基金预算年末结转和结余`: the name after the last head's qualifier.
        if let named = QuantityNames.known(in: last), !named.qualifier.isEmpty, last.hasSuffix(named.name) { ending = named.name }
        // `一般公共预算财政拨款和政府性基金预算财政拨款本年支出`: the words after the last head's fund
        // are every bare fund's before it (a fund named alone is otherwise its income).
        let lastFund = fundNames.first { last.hasPrefix($0) && last.count > $0.count }
        let fundEnding = lastFund.map { String(last.dropFirst($0.count).drop { $0 == "的" }) }
        // (`政府性基金预算财政拨款的支出` is the fund's 支出.)
        if let lastFund, let fundEnding, !fundEnding.isEmpty { words[words.count - 1] = lastFund + fundEnding }
        // `一般公共预算财政拨款、政府性基金预算财政拨款和非财政拨款资金安排的支出`: bare funds before a last
        // head of spending are the funds' spending too.
        if lastFund == nil, last.hasSuffix("支出"), words.count >= 2, words.dropLast().allSatisfy({ fundNames.contains($0) }) {
            for k in 0..<(words.count - 1) { words[k] += "支出" }
        }
        var quantities: [Quantity] = []
        for (index, word) in words.enumerated() {
            var candidate = QuantityNames.known(in: word)
            if candidate == nil || (index < words.count - 1 && candidate?.name.count ?? 0 < word.count && !ending.isEmpty) {
                candidate = QuantityNames.known(in: word + ending) ?? candidate
            }
            if index < words.count - 1, let fundEnding, fundNames.contains(word), let shared = QuantityNames.known(in: word + fundEnding) {
                candidate = shared
            }
            // `一般公共预算财政拨款教育支出、…`: the fund's spending on a 类.
            if let (quantity, end) = QuantityNames.match(in: word), end < word.endIndex,
               let category = fundCategory(quantity, before: String(word[end...])) {
                candidate = category
            }
            // A 类 by its name (`社会保障和就业支出、卫生健康支出分别为…`), compared as one named alone is.
            if candidate == nil { candidate = category(namedAloneBy: word, code: FigureNames.categoryCode(in: LabelKey.make(word))) }
            quantities.append(candidate ?? Quantity(name: LabelKey.make(word), isKnown: false))
        }
        // `政府采购货物支出、工程支出和服务支出`: the first head's words before a later head's name
        // are its too, when they make it a sibling of the first.
        if let first = quantities.first, first.isKnown, words[0].count > 2 {
            for index in quantities.indices.dropFirst() where !quantities[index].isKnown {
                let word = words[index]
                for length in stride(from: words[0].count - 1, through: 2, by: -1) {
                    if let shared = QuantityNames.known(in: String(words[0].prefix(length)) + word), shared.qualifier == first.qualifier,
                       Identities.areSiblings(shared.name, first.name) {
                        quantities[index] = shared
                        break
                    }
                }
            }
        }
        // `一般行政管理事务和其他检察支出分别结转8.53万元和17.40万元`: what each head carried over,
        // not its amount.
        if carryOverVerbs.contains(where: { afterMarker.hasPrefix($0) }) {
            quantities = quantities.map { Quantity(name: $0.description + "的" + afterMarker.prefix(2), isKnown: false) }
        }
        if let sharedMeasure { return (quantities, Array(repeating: sharedMeasure, count: quantities.count)) }
        let measures = measures(ofHeads: words, quantities: &quantities)
        return (quantities, measures)
    }

    static let carryOverVerbs = ["结转", "结余", "结存", "滚存"]
    /// Words after heads that make the figures their changes (`增减额均为`).
    static let changeOfHeadsWords = ["增减额", "增减率", "增减变动", "变动额", "变动率", "增加额", "减少额", "增长率", "下降率"]
    /// Income by its source, which a 其中 list of a spending names as what paid for it.
    static let sourcesOfSpending: Set<String> = ["事业收入", "经营收入", "其他收入", "上级补助收入", "附属单位上缴收入", "财政拨款收入"]

    /// Heads that are measures alone, after a first that may name the amount.
    static let measureHeadWords: [String: Measure] = ["年初预算": .initialBudget, "年初预算数": .initialBudget, "全年预算": .fullBudget,
        "全年预算数": .fullBudget, "调整预算": .fullBudget, "调整预算数": .fullBudget, "预算": .budget, "预算数": .budget,
        "决算": .actual, "决算数": .actual, "实际支出": .actual, "支出决算": .actual, "决算支出": .actual, "支出决算数": .actual,
        "执行数": .spent]

    /// The measure of each head, when every head after the first is a measure alone and the first
    /// is one too or a known amount's name followed by one; else none. Measure heads take the
    /// first's amount, or none (an empty name: the topic's).
    static func measures(ofHeads words: [String], quantities: inout [Quantity]) -> [Measure?] {
        let none = [Measure?](repeating: nil, count: words.count)
        guard words.count >= 2, words.dropFirst().allSatisfy({ measureHeadWords[$0] != nil }) else { return none }
        var measures = words.map { measureHeadWords[$0] }
        var amount = Quantity(name: "", isKnown: false)
        if measures[0] == nil {
            let (head, measure) = stripMeasureWords(words[0], simple: false)
            // (An item by its row or code is found by the reader: `一般行政管理事务（2010502）年初预算、
            // 调整预算和支出决算分别为…`.)
            let name = LabelKey.make(head)
            guard let measure, measureHeadWords.values.contains(measure), !name.isEmpty else { return none }
            measures[0] = measure
            if let named = QuantityNames.known(in: head), named.isKnown {
                amount = named
            } else {
                // (Not a chain of levels, `…（款）…（项）年初预算与调整预算均为`: its item is the topic.)
                guard !ItemChain.mayHoldChain(head) else { return none }
                amount = Quantity(name: name, isKnown: false)
            }
        }
        quantities = Array(repeating: amount, count: words.count)
        return measures
    }

    /// The words of a change from the year's start, before its direction (`比年初`, `较年初数`, `与年初相比`).
    /// The opening balance may be named in full (`比年初结转和结余增加1.50万元`).
    static let openingComparisons = ["比年初数", "较年初数", "比年初", "较年初", "与年初数相比", "同年初数相比", "与年初相比", "同年初相比"]
        + ["结转和结余", "结转结余", "结余"].flatMap { balance in ["比年初\(balance)", "较年初\(balance)", "与年初\(balance)相比", "同年初\(balance)相比"] }

    /// true for `比年初增加`, false for `较年初减少了`, nil for any other words (`比年初预算减少` is a
    /// budget's difference). A rate's words are its own (`比年初下降`, `较年初增幅`).
    static func openingChange(_ before: String, simple: Bool, ofRate: Bool = false) -> Bool? {
        // Every such phrase holds 年初 and ends on a direction word: most figures' words do neither.
        guard before.contains("年初", simple: simple) else { return nil }
        for (words, increase) in openingDirections(ofRate: ofRate) {
            for word in words where before.hasSuffix(word, simple: simple) {
                var rest = before.dropLast(word.count)
                while let last = rest.last, last == "，" || last == "," || last == " " { rest = rest.dropLast() }
                // The comparison alone, or after the closing balance it compares (`年末结转和结余比年初增加`).
                if let comparison = openingComparisons.first(where: { rest.hasSuffix($0) }) {
                    let subject = String(rest.dropLast(comparison.count))
                    if subject.isEmpty || QuantityNames.known(in: subject)?.name.hasPrefix("年末") == true { return increase }
                }
            }
        }
        return nil
    }

    /// The direction words after `比年初` (each, then each followed by 了), those that rise first: an
    /// amount's (`增加`, `减少`) or a rate's own (`增长`, `下降`, `增幅`, `减幅` …). Made once.
    static func openingDirections(ofRate: Bool) -> [(words: [String], increase: Bool)] {
        ofRate ? rateOpeningDirections : amountOpeningDirections
    }
    /// Every direction word of `openingDirections(ofRate:)`, to tell a clause that is one alone.
    static func openingDirectionWords(ofRate: Bool) -> Set<String> {
        ofRate ? rateOpeningDirectionWords : amountOpeningDirectionWords
    }
    static let amountOpeningDirectionWords = Set(amountOpeningDirections.flatMap(\.words))
    static let rateOpeningDirectionWords = Set(rateOpeningDirections.flatMap(\.words))
    /// The longest of them in UTF-8 bytes: a longer clause is not one of them (most are longer).
    static let longestOpeningDirection = (amountOpeningDirectionWords.union(rateOpeningDirectionWords)).map(\.utf8.count).max() ?? 0
    static let amountOpeningDirections = [(words: increaseWords, increase: true), (words: decreaseWords, increase: false)]
    static let rateOpeningDirections = [(words: rateIncreaseWords.flatMap { [$0, $0 + "了"] }, increase: true),
                                        (words: rateDecreaseWords.flatMap { [$0, $0 + "了"] }, increase: false)]

    /// Words that name the income total and the expenditure total at once.
    static let bothTotalsWords = ["收入支出总计", "收支总计", "收入支出总额", "收支总额"]

    /// The words before a respectively head that say nothing of it (fewer than before a name:
    /// 本年 and 合计 belong to heads such as 本年收入合计).
    static let headNeutralWords = FigureNames.selfReferences + ["本年度", "全年", "其中"]
    static let headNeutralWordBytes = headNeutralWords.map { Array($0.utf8) }

    /// Heads that each name a side (收入 or 支出, or 收 and 支 for short) share the words before
    /// the first one's side and after the last one's: `财政拨款收、支总计` is 财政拨款收入总计 and
    /// 财政拨款支出总计; `本年收入、支出合计` is 本年收入合计 and 本年支出合计.
    static func distributingSides(_ words: [String]) -> [String] {
        func split(_ word: String) -> (before: String, side: String, after: String)? {
            var characters = Array(word)
            if characters.last == "收" { characters.append("入") } else if characters.last == "支" { characters.append("出") }
            if characters.first == "收", characters.count == 1 || characters[1] != "入" { characters.insert("入", at: 1) }
            else if characters.first == "支", characters.count == 1 || characters[1] != "出" { characters.insert("出", at: 1) }
            guard characters.count >= 2 else { return nil }
            for k in 0..<(characters.count - 1) where (characters[k], characters[k + 1]) == ("收", "入") || (characters[k], characters[k + 1]) == ("支", "出") {
                return (String(characters[..<k]), String(characters[k...(k + 1)]), String(characters[(k + 2)...]))
            }
            return nil
        }
        let parts = words.map(split)
        guard parts.count >= 2, let first = parts.first!, let last = parts.last!, parts.allSatisfy({ $0 != nil }) else { return words }
        return parts.map { part in
            let part = part!
            return (part.before.isEmpty ? first.before : part.before) + part.side + (part.after.isEmpty ? last.after : part.after)
        }
    }

    static func quantity(inTitle title: String) -> Quantity? {
        var words = title
        // Suffixes compared on bytes when the title is simple text (the same answers).
        let simple = SimpleText.isSimple(title)
        func removeLast(_ suffix: String) {
            if simple {
                // Characters are scalars: cut the suffix's bytes.
                words = String(words[..<words.utf8.index(words.endIndex, offsetBy: -suffix.utf8.count)])
            } else {
                words.removeLast(suffix.count)
            }
        }
        for suffix in titleSuffixes where words.hasSuffix(suffix, simple: simple) { removeLast(suffix); break }
        // `…支出决算` is the 决算 of that spending: only the measure goes (`一般公共预算财政拨款
        // 支出决算` is that fund's spending, not its income).
        for suffix in titleMeasureSuffixes where words.hasSuffix(suffix, simple: simple) { removeLast(suffix); break }
        // `政府性基金预算财政拨款收入支出决算情况`: both sides, neither alone.
        if words.hasSuffix("收入支出", simple: simple) { return nil }
        return QuantityNames.known(in: withoutOrdinal(words))
    }

    /// The 款 or 项 a title names by its chain of levels (`（三）文化旅游体育与传媒支出（类）文化和
    /// 旅游（款）图书馆（项）`), as the report's rows or the catalogue know it with its code; nil
    /// for any other title. A figure of that section whose words name nothing is the item's, and
    /// its 基本支出 and 项目支出 are the item's split.
    mutating func item(inTitle title: String) -> Quantity? {
        guard ItemChain.mayHoldChain(title) else { return nil }
        var words = Self.withoutOrdinal(title)
        for suffix in Self.titleSuffixes + Self.titleMeasureSuffixes where words.hasSuffix(suffix) { words.removeLast(suffix.count) }
        guard let item = chainItem(words), item.isKnown, item.code != nil else { return nil }
        return item
    }

    static let titleSuffixes = ["情况说明", "情况的说明", "说明", "情况"]
    static let titleMeasureSuffixes = ["决算数", "决算"]

    /// The words without the section's number before them (`五、`, `（五）`, `5.`, `第五部分`):
    /// a number is not a qualifier of the name after it. A row's ordinal prefix is `Ordinal`'s;
    /// a title may also open with `第…部分` (or 章, 节).
    static func withoutOrdinal(_ title: String) -> String {
        var rest = Substring(title).drop { $0 == " " || $0 == "\u{3000}" }
        if rest.first == "第" {
            let numerals = rest.dropFirst().prefix(while: Ordinal.isNumeral)
            let after = rest.dropFirst(1 + numerals.count)
            if !numerals.isEmpty, let unit = ["部分", "章", "节"].first(where: { after.hasPrefix($0) }) {
                rest = after.dropFirst(unit.count).drop { $0 == " " || $0 == "\u{3000}" }
            }
        }
        return String(Ordinal.strip(rest))
    }

    static let labelPrefixes = ["其中：", "其中:", "其中", "主要是", "包括", "共计", "共", "含"]
    static let labelPrefixBytes = labelPrefixes.map { Array($0.utf8) }
    static let labelSuffixBytes = labelSuffixes.map { Array($0.utf8) }

    /// `cleanLabel` of simple text on the clause's contiguous bytes, one string made at the end
    /// (issue 15); nil when the bytes are not contiguous. Same steps as the code below it:
    /// blanks trimmed, each prefix cut once in order, the suffixes cut until none is left
    /// (never the whole label), blanks trimmed again.
    static func cleanLabelBytes(_ clause: String) -> String? {
        let bounds = clause.utf8.withContiguousStorageIfAvailable { b -> (Int, Int) in
            var lower = 0, upper = b.count
            @inline(__always) func trim() {
                while true {
                    if lower < upper, b[lower] == 0x20 || b[lower] == 0x09 { lower += 1; continue }
                    if upper - lower >= 3, b[lower] == 0xE3, b[lower + 1] == 0x80, b[lower + 2] == 0x80 { lower += 3; continue }
                    break
                }
                while true {
                    if upper > lower, b[upper - 1] == 0x20 || b[upper - 1] == 0x09 { upper -= 1; continue }
                    if upper - lower >= 3, b[upper - 3] == 0xE3, b[upper - 2] == 0x80, b[upper - 1] == 0x80 { upper -= 3; continue }
                    break
                }
            }
            // Each word's last byte first: of a Chinese word a continuation byte, which turns most
            // words away at once where their lead bytes are shared (issue 15).
            @inline(__always) func starts(_ w: [UInt8]) -> Bool {
                guard w.count <= upper - lower, w.isEmpty || b[lower + w.count - 1] == w[w.count - 1] else { return false }
                var k = 0
                while k < w.count, b[lower + k] == w[k] { k += 1 }
                return k == w.count
            }
            @inline(__always) func ends(_ w: [UInt8]) -> Bool {
                guard w.count <= upper - lower, w.isEmpty || b[upper - 1] == w[w.count - 1] else { return false }
                var k = 0
                let base = upper - w.count
                while k < w.count, b[base + k] == w[k] { k += 1 }
                return k == w.count
            }
            trim()
            for prefix in labelPrefixBytes where starts(prefix) { lower += prefix.count }
            var changed = true
            while changed {
                changed = false
                for suffix in labelSuffixBytes where ends(suffix) && upper - lower > suffix.count {
                    upper -= suffix.count
                    changed = true
                }
            }
            trim()
            return (lower, upper)
        }
        guard let (lower, upper) = bounds else { return nil }
        if lower == 0 && upper == clause.utf8.count { return clause }
        let view = clause.utf8
        let start = view.index(view.startIndex, offsetBy: lower)
        return String(clause[start..<view.index(start, offsetBy: upper - lower)])
    }
    static let labelSuffixes = ["为", "是", "达到", "达", "约", "大约", "将近", "近", "超过", "逾", "了"]

    /// `其中：基本支出` → `基本支出`; `全年预算数为` → `全年预算数`.
    static func cleanLabel(_ clause: String, simple: Bool = false) -> String {
        if simple, let cut = cleanLabelBytes(clause) { return cut }
        if simple {
            // Scalars are characters: cut by bytes.
            var label = Substring(clause.simpleTrimmingBlanks)
            for prefix in labelPrefixes where label.utf8HasPrefix(prefix) {
                label = label[label.utf8.index(label.startIndex, offsetBy: prefix.utf8.count)...]
            }
            var changed = true
            while changed {
                changed = false
                for suffix in labelSuffixes
                where label.utf8HasSuffix(suffix) && label.utf8.count > suffix.utf8.count {
                    label = label[..<label.utf8.index(label.endIndex, offsetBy: -suffix.utf8.count)]
                    changed = true
                }
            }
            return String(label).simpleTrimmingBlanks
        }
        var label = Substring(clause.trimmingBlanks)
        for prefix in ["其中：", "其中:", "其中", "主要是", "包括", "共计", "共", "含"] where label.hasPrefix(prefix) { label = label.dropFirst(prefix.count) }
        var changed = true
        while changed {
            changed = false
            for suffix in ["为", "是", "达到", "达", "约", "大约", "将近", "近", "超过", "逾", "了"] where label.hasSuffix(suffix) && label.count > suffix.count {
                label = label.dropLast(suffix.count)
                changed = true
            }
        }
        return String(label).trimmingBlanks
    }
}

extension ProseText {
    /// Whether the words `word` start at scalar `i`.
    public func hasPrefix(_ word: String, at i: Int) -> Bool {
        // The word's UTF-8 decoded as it is compared (a string's bytes are valid): its scalar
        // view validated an index for each scalar (issue 15; asked at every list marker).
        if i >= 0, let answer = word.utf8.withContiguousStorageIfAvailable({ UTF8Scalars.scalars(scalars, at: i, startWith: $0) }) { return answer }
        var k = i
        for scalar in word.unicodeScalars {
            guard k < count, scalars[k] == scalar else { return false }
            k += 1
        }
        return true
    }
}
