import JuesuanSyntax

/// What a figure in prose claims (narrative.md §1).
public enum ClaimKind: Sendable, Hashable {
    /// `本年收入合计363.59万元`
    case amount
    /// `占54.89%`, with the whole named after 占 when there is one (`占项目支出总额的100%`).
    case share(whole: String?)
    /// `比上年增加13.80万元` (an amount) or `增长3.94%` (a rate); `increase` false for 减少/下降.
    case changeAmount(increase: Bool)
    case changeRate(increase: Bool)
    /// `与预算相比减少0.20万元`, `比年初预算增加5.00万元`: actual − budget.
    case budgetDifference(increase: Bool)
    /// `完成年初预算的154.47%`, `预算执行率为98.5%`
    case completion
    /// `3批`, `28人次`, `0辆`, `6个`
    case count
    /// `得分为94分`, `平均分为90.4分`
    case score
    /// Any other percentage.
    case percentage
    /// `比上年提高4.29个百分点`: the change of a percentage, in points.
    case pointChange(increase: Bool)
}

extension ClaimKind {
    /// A change of an amount or its rate.
    public var isChange: Bool {
        switch self {
        case .changeAmount, .changeRate: true
        default: false
        }
    }
}

/// A money unit or another unit written after a figure in prose.
public enum ClaimUnit: Sendable, Hashable {
    case money(MoneyUnit)
    case percent
    case count(String)
    case points
    /// `个百分点`: percentage points.
    case percentagePoints
}

/// What an approximate amount says of the true one: at least (`超过`, `逾`) or at most (`近`, `不足`).
public enum ApproximateBound: Sendable, Hashable {
    case atLeast
    case atMost
}

/// Whose year a figure is: this report's, or the year before (`上年`, `2023年` in a 2024 report).
/// 年初结转和结余 and 上年结转和结余 are balances of this year's accounts.
public enum Period: Sendable, Hashable {
    case current
    case previous
}

/// What a figure measures of its quantity (narrative.md §1).
public enum Measure: String, Sendable, HashedByCase {
    case actual = "决算数"
    case initialBudget = "年初预算数"
    case fullBudget = "全年预算数"
    case budget = "预算数"
    case spent = "执行数"

    public var isBudget: Bool { self == .initialBudget || self == .fullBudget || self == .budget }
}

/// A named amount of the report: `基本支出`, qualified (`一般公共预算财政拨款` 基本支出) or not.
/// Known names are canonical (`“三公”经费` → `三公经费`); others keep the words of the text.
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var qualifier: String
    public var isKnown: Bool
    /// The functional code of an item named by its levels (`小学教育（项）` → 2050202): its rows
    /// are found by code, not by name (many 项 share a name).
    public var code: String?

    public init(name: String, qualifier: String = "", isKnown: Bool, code: String? = nil) {
        self.name = name
        self.qualifier = qualifier
        self.isKnown = isKnown
        self.code = code
    }

    public var description: String { qualifier + name }
}

extension Quantity {
    /// The spending of the fund whose spending on a 类, 款 or 项 this is
    /// (`一般公共预算财政拨款教育支出` → 一般公共预算财政拨款支出); nil for any other quantity.
    public var fundSpending: Quantity? {
        guard !qualifier.isEmpty, qualifier.utf8HasSuffix("财政拨款"), ProseReader.fundOfName[qualifier + "支出"] != nil,
              code != nil || Catalogue.embedded.categoryCode(forName: name) != nil else { return nil }
        return Quantity(name: qualifier + "支出", isKnown: true)
    }
}

/// How a figure's quantity was found (narrative.md §2).
public enum QuantitySource: Sendable, Hashable {
    /// `sentence`: the amount named just before it in its sentence, whose measure its own words
    /// change (`年初预算为A万元，支出决算为B万元`).
    case ownClause, sentence, topic, sectionTitle, respectively, none
}

/// A figure in prose: a fact (quantity, measure, period, value, precision, place).
public struct Claim: Sendable {
    public var kind: ClaimKind { didSet { updateDerived() } }
    public var value: DecimalNumber
    /// The number as written (`1,066.43`) and its range.
    public var text: String
    public var range: SourceRange
    /// The number and its unit.
    public var fullRange: SourceRange
    public var unit: ClaimUnit? { didSet { updateDerived() } }
    /// The unit's own range (empty when there is no unit).
    public var unitRange: SourceRange
    /// The words of the clause before the figure, cleaned: `本年收入合计`, `基本支出`.
    public var label: String
    /// The text of the sentence before the figure (for context such as 其中 or 比上年).
    public var sentencePrefix: String
    /// The whole sentence the figure stands in.
    public var sentenceText: String = ""
    /// Where the figure starts in its sentence, in characters.
    public var offsetInSentence: Int = 0
    public var line: Int
    /// Index of the sentence (。！？) within the line, and of the clause (，；：、) within it.
    public var sentence: Int
    public var clause: Int

    // The fact: what the figure is of.
    public var quantity: Quantity?
    public var quantitySource: QuantitySource = .none
    public var measure: Measure = .actual
    public var period: Period = .current
    /// `约`, `近`, `超过`, `余`, `多`, `左右`: judged at its written digits only.
    public var isApproximate = false
    /// `超过300万元` is at least 300, `近60万元` at most 60: a bound its amount is judged by.
    public var approximateBound: ApproximateBound?
    /// Brackets around the figure: 0 in the running text, 1 inside `（…）`.
    public var depth = 0
    /// The paragraph (prose line) and the `说明` block it is in, counted through the document.
    public var paragraph = 0
    public var section = 0
    /// The index (in the document's claims) of the whole a `其中` list makes this figure a part of.
    public var listWhole: Int?
    /// Which division of that whole the list is: a point of view after a list of its parts
    /// (`从功能分类看，…` after 基本支出 and 项目支出) divides it again, another way.
    public var listDivision: Int = 0
    /// A change from the year's opening balance, not from the previous year
    /// (`年末结转和结余90.00万元，比年初减少110.00万元`).
    public var comparesWithOpening = false
    /// The topic its paragraph opened before it (`“三公”经费支出决算中，…`).
    public var topic: Quantity?
    /// The words after the figure and its unit, up to the end of its clause (`项目评价结果为“优”`).
    public var followingWords = ""
    /// A second reading of a figure that states two quantities (`收支总计各为512.08万元`):
    /// checked, but not shown twice in the editor.
    public var isEcho = false
    /// The amount before it written again in another unit, alone in a bracket (`15,352.15万元
    /// （1.54亿元）`): an echo, never what a later figure is measured against.
    public var isRestatement = false
    /// For a restatement, the index (in the document's claims) of the amount it restates. Also
    /// set when its digits do not restate it (`595.81万元（5,958,200.00元）`): N518 reports those.
    public var restated: Int?
    /// In a respectively list of figures (`基本支出A万元、项目支出B万元，分别占x%和y%`), the
    /// index (in the document's claims) of the figure of the list before it that this one is
    /// about: x% is of A, y% of B (narrative.md §2.5).
    public var respectivelyOf: Int?
    /// In such a run, paired or not: a run whose list is not clear (three items, two shares) is
    /// not checked, for the nearest figure before it is then not what it is about.
    public var isInRespectivelyRun = false

    public init(kind: ClaimKind, value: DecimalNumber, text: String, range: SourceRange, fullRange: SourceRange,
                unit: ClaimUnit?, unitRange: SourceRange, label: String, sentencePrefix: String,
                offsetInSentence: Int, line: Int, sentence: Int, clause: Int) {
        self.kind = kind
        self.value = value
        self.text = text
        self.range = range
        self.fullRange = fullRange
        self.unit = unit
        self.unitRange = unitRange
        self.label = label
        self.sentencePrefix = sentencePrefix
        self.offsetInSentence = offsetInSentence
        self.line = line
        self.sentence = sentence
        self.clause = clause
        updateDerived()
    }

    // What the checks ask of every claim, kept stored (updated whenever `kind` or `unit` is set):
    // a computed property read on an array element copied the whole claim, a dozen retains
    // (issue 15); a stored one is read in place.
    public private(set) var isMoney = false
    public private(set) var moneyUnit: MoneyUnit?
    public private(set) var isShare = false
    /// An amount of money this year or last (not a change, not a difference from the budget).
    public private(set) var isPlainAmount = false

    private mutating func updateDerived() {
        if case .money(let unit)? = unit { moneyUnit = unit; isMoney = true } else { moneyUnit = nil; isMoney = false }
        if case .share = kind { isShare = true } else { isShare = false }
        isPlainAmount = kind == .amount && isMoney
    }
}

/// The facts of a report's prose (kept for callers that ask for the figures of a report or a line).
public enum ClaimScanner {
    /// Every claim of the report's prose, in document order, with its context resolved.
    public static func claims(in report: Report) -> [Claim] {
        ProseDocument(report: report).claims.filter { !$0.isEcho }
    }

    /// The figures of one prose line read on their own (no context from other lines).
    public static func claims(line: Int, range: SourceRange, source: SourceText) -> [Claim] {
        var reader = ProseReader(year: nil)
        reader.read(line: line, range: range, source: source, section: 0, titleQuantity: nil)
        return reader.claims.filter { !$0.isEcho }
    }
}

extension String {
    /// Without leading and trailing blanks (space, tab, ideographic space).
    public var trimmingBlanks: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\u{3000}" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\u{3000}" { text.removeLast() }
        return String(text)
    }

    /// `trimmingBlanks` for simple text (`SimpleText`), by bytes: the same string.
    public var simpleTrimmingBlanks: String {
        let bytes = utf8
        var lower = bytes.startIndex, upper = bytes.endIndex
        func blankEnding(at end: String.Index) -> String.Index? {
            // ' ', '\t', U+3000 (E3 80 80) before `end`.
            guard end > lower else { return nil }
            let last = bytes.index(before: end)
            if bytes[last] == 0x20 || bytes[last] == 0x09 { return last }
            guard bytes.distance(from: lower, to: end) >= 3, bytes[last] == 0x80 else { return nil }
            let start = bytes.index(end, offsetBy: -3)
            return bytes[start] == 0xE3 && bytes[bytes.index(after: start)] == 0x80 ? start : nil
        }
        func blankStarting(at start: String.Index) -> String.Index? {
            guard start < upper else { return nil }
            if bytes[start] == 0x20 || bytes[start] == 0x09 { return bytes.index(after: start) }
            guard bytes.distance(from: start, to: upper) >= 3, bytes[start] == 0xE3 else { return nil }
            let second = bytes.index(after: start)
            return bytes[second] == 0x80 && bytes[bytes.index(after: second)] == 0x80 ? bytes.index(second, offsetBy: 2) : nil
        }
        while let next = blankStarting(at: lower) { lower = next }
        while let next = blankEnding(at: upper) { upper = next }
        if lower == bytes.startIndex && upper == bytes.endIndex { return self }
        return String(self[lower..<upper])
    }
}

extension Array where Element == Claim {
    /// The second reading of the figure at `index`, if it has one (`收支总计均为500.00万元`: read
    /// as 收入总计, then as 支出总计 right after it, over the same digits).
    public func echo(of index: Int) -> Int? {
        let next = index + 1
        return next < count && self[next].isEcho && self[next].range == self[index].range ? next : nil
    }
}

extension Claim {
    /// Whether `restatement` is `amount` written in another money unit: shifted to the unit of
    /// the one with fewer digits and rounded to them, the two are equal (`2,481.23万元（约0.25亿元）`,
    /// `595.81万元（5,958,100.00元）`).
    public static func restates(_ restatement: Claim, _ amount: Claim) -> Bool {
        guard case .money(let unit)? = restatement.unit, case .money(let amountUnit)? = amount.unit, unit != amountUnit else { return false }
        let shift = unit.exponent - amountUnit.exponent
        if shift > 0 {
            let shifted = DecimalNumber(mantissa: amount.value.mantissa, scale: amount.value.scale + shift)
            return shifted.rounded(toScale: restatement.value.scale) == restatement.value
        }
        let shifted = DecimalNumber(mantissa: restatement.value.mantissa, scale: restatement.value.scale - shift)
        return shifted.rounded(toScale: amount.value.scale) == amount.value
    }
}

extension Claim {
    /// An amount per head of something counted (`人均接待费176.53元`, `平均每辆2.53万元`, `生均支出1.94万元`): where its
    /// words say so, and the count units of what it is per.
    public struct AverageMark {
        public var range: Range<String.Index>
        public var countUnits: [String]
        /// Words one of which the amount it divides must be named by, when the average names
        /// none (`平均每辆6.20万元` is of a vehicle cost, not of the 公务接待费 written last); empty: any.
        public var ofAmountsNamed: [String]
        /// Words one of which the count must be named by (`生均` is per student: not the
        /// `教职工260人` written after the students); empty: any count in its units.
        public var ofCountsNamed: [String]
    }

    /// The words that make an amount one per person, per vehicle or per batch, longest first
    /// within each, with the count units each is per and the words of what it may divide.
    public static let averageWords: [(words: [String], countUnits: [String], ofAmountsNamed: [String], ofCountsNamed: [String])] = [
        (["平均每人次", "每人次平均", "平均每人", "每人平均", "人均"], ["人次", "人", "名"], [], []),
        (["平均每辆车", "每辆车平均", "平均每辆", "每辆平均", "单车平均", "车均"], ["辆"], ["车", "运行维护", "燃油", "燃料"], []),
        (["平均每批次", "每批次平均", "平均每批", "每批平均", "批均"], ["批次", "批"], ["接待"], []),
        (["平均每户", "每户平均", "户均"], ["户"], [], []),
        (["平均每个团组", "每个团组平均", "平均每团", "每团平均", "团均"], ["个", "批", "批次"], ["出国", "出境"], ["团"]),
        (["平均每名学生", "每名学生平均", "平均每生", "生均"], ["人", "名"], [], ["生", "学员"]),
    ]

    /// Where the figure's words say it is an average per person, vehicle or batch (the first such
    /// word), if they do.
    public var averageMark: AverageMark? {
        // Every word holds 均: most labels have none.
        guard label.unicodeScalars.contains("均") else { return nil }
        for (words, units, named, counts) in Claim.averageWords {
            for word in words {
                if let range = label.range(ofText: word) { return AverageMark(range: range, countUnits: units, ofAmountsNamed: named, ofCountsNamed: counts) }
            }
        }
        return nil
    }
}
