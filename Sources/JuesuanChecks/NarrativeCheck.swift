import JuesuanModel
import JuesuanSyntax

/// N501–N511 and N590: the facts of the 说明 prose against the tables and against each other
/// (narrative.md). The prose is read once (`ProseDocument`); each family of claims has its own
/// small file (`Narrative*Check.swift`), all judged by the precision rule of narrative.md §4.
enum NarrativeCheck: ReportCheck {
    static let rules = [
        Rule("N501", .error, "说明中的金额与其所指的表中数字不同"),
        Rule("N502", .error, "占比（占 x%）≠ 部分 ÷ 整体"),
        Rule("N503", .error, "增减额、增减率或“无变化”与本年数、上年数（或预算数）不一致"),
        Rule("N504", .error, "“其中”所列各部分之和与整体不符"),
        Rule("N505", .error, "完成预算的百分比 ≠ 决算数 ÷ 预算数"),
        Rule("N506", .warning, "金额写成“元”，而表中单位是“万元”"),
        Rule("N507", .error, "说明中的数量（批次、人次、辆、个）与表中不同"),
        Rule("N508", .error, "同一整体的各部分占比之和超过 100%"),
        Rule("N509", .warning, "同一事实（人数、单位数）前后两处说法不同"),
        Rule("N510", .warning, "评优率 ≠ 评为“优”的项目数 ÷ 评价的项目数"),
        Rule("N511", .error, "说明中的数字不符合恒等关系（收入总计 = 支出总计、基本支出 = 人员经费 + 公用经费 …）"),
    ] + NarrativeIncomeScopeCheck.rules + NarrativeBudgetPairCheck.rules + NarrativePerCapitaCheck.rules + NarrativeItemCodeCheck.rules + NarrativeRepeatCheck.rules + NarrativeRunningCostCheck.rules + NarrativePerformanceSummaryCheck.rules + NarrativeItemBudgetSumCheck.rules + NarrativeRatioCheck.rules + [
        Rule("N590", .information, "说明中的数字在舍入范围内，或是截断而非四舍五入"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let prose = context.prose
        guard !prose.claims.isEmpty || !prose.statements.isEmpty else { return [] }
        var reading = ProseReading(report: context.report, prose: prose)
        NarrativeAmountCheck.run(&reading)
        NarrativeShareCheck.run(&reading)
        NarrativeChangeCheck.run(&reading)
        NarrativeCompletionCheck.run(&reading)
        NarrativeIdentityCheck.run(&reading)
        NarrativeCountCheck.run(&reading)
        NarrativePerCapitaCheck.run(&reading)
        NarrativeItemCodeCheck.run(&reading)
        NarrativeIncomeScopeCheck.run(&reading)
        NarrativeBudgetPairCheck.run(&reading)
        NarrativeRunningCostCheck.run(&reading)
        NarrativeItemBudgetSumCheck.run(&reading)
        NarrativeRatioCheck.run(&reading)
        // Last: a figure another family found wrong is not compared again.
        NarrativeRepeatCheck.run(&reading)
        // Without 绩效 projects there is nothing to compare: no copy of the claims for it.
        if !context.performanceProjects.isEmpty {
            NarrativePerformanceSummaryCheck.run(&reading, projects: context.performanceProjects)
            reading.findings += ProjectNarrativeCheck.run(claims: prose.claims.filter { !$0.isEcho }, report: context.report, projects: context.performanceProjects)
        }
        return reading.findings
    }
}

/// A figure as an operand of a derived check: its value and the values it may stand for,
/// strictly (at the report's usual precision) and laxly (at its written digits).
struct Operand {
    var value: DecimalNumber
    var strict: Interval
    var lax: Interval
    /// How a message names it: `基本支出 404.20` — made when a message asks for it (issue 15:
    /// every operand of every share built its name, and few end in a message).
    var name: String {
        switch naming {
        case .written(let name): name
        case .claim(let claims, let index):
            "\(claims[index].label.isEmpty ? (claims[index].quantity?.description ?? "") : claims[index].label) \(claims[index].text)"
        }
    }
    var range: SourceRange
    /// The money unit of an amount (a claim's, or the table's for a table figure); nil for a
    /// figure derived from others. A ratio of two amounts in different units converts first.
    var unit: MoneyUnit?
    fileprivate(set) var naming: Naming

    enum Naming {
        case written(String)
        /// A claim's label (or its quantity when it has none) and written number, read from
        /// the claims when asked (one reference kept, not five strings).
        case claim(claims: [Claim], index: Int)
    }

    init(value: DecimalNumber, strict: Interval, lax: Interval, name: String, range: SourceRange) {
        self.init(value: value, strict: strict, lax: lax, naming: .written(name), range: range)
    }

    init(value: DecimalNumber, strict: Interval, lax: Interval, naming: Naming, range: SourceRange, unit: MoneyUnit? = nil) {
        self.value = value
        self.strict = strict
        self.lax = lax
        self.naming = naming
        self.range = range
        self.unit = unit
    }

    /// The same amount in `target` (exact; the precision converted with it), or nil when it has
    /// no unit or would not fit.
    func converted(to target: MoneyUnit) -> Operand? {
        guard let unit else { return nil }
        if unit == target { return self }
        func convert(_ value: DecimalNumber) -> DecimalNumber? { NarrativeAmountCheck.convert(value, from: unit, to: target) }
        guard let value = convert(value), let strictLower = convert(strict.lower), let strictUpper = convert(strict.upper),
              let laxLower = convert(lax.lower), let laxUpper = convert(lax.upper) else { return nil }
        var result = self
        // Named with both units: `公务接待费 1.80万元（18000.00元）`.
        result.naming = .written("\(name)\(unit.rawValue)（\(value)\(target.rawValue)）")
        result.value = value
        result.strict = Interval(lower: strictLower, upper: strictUpper)
        result.lax = Interval(lower: laxLower, upper: laxUpper)
        result.unit = target
        return result
    }

    /// Written with fewer decimals than usual (`预算为1万元`): lax and strict differ.
    var isShort: Bool { strict != lax }
}

/// How a derived figure fares under the precision rule (narrative.md §4).
enum Verdict {
    case holds
    /// Consistent only if a short figure was a rounded one: a warning.
    case laxOnly
    case fails
}

/// What the prose checks share: the document, the report's usual precision, the table
/// figures a quantity names, and the findings so far.
struct ProseReading {
    let report: Report
    let prose: ProseDocument
    /// The document's claims, kept apart: reading them through `prose` copied the document for every access.
    let claims: [Claim]
    var findings: [Diagnostic] = []
    /// Claims already reported as differing from their table (N501) or, for a change, from the
    /// two years written beside it (N503): no second finding on them, and nothing judged by them.
    var contradicted: Set<Int> = []
    /// The most common number of decimals of the report's amounts, per money unit.
    let usualScale: [MoneyUnit: Int]
    /// `usualScale` by the unit's position in `MoneyUnit.allCases`: asked for every operand, and
    /// hashing a unit hashes its raw string (issue 15).
    private let usualByUnit: [Int?]

    func usualScale(of unit: MoneyUnit) -> Int? {
        switch unit {
        case .yuan: usualByUnit[0]
        case .thousandYuan: usualByUnit[1]
        case .tenThousandYuan: usualByUnit[2]
        case .hundredMillionYuan: usualByUnit[3]
        }
    }
    /// The table figures of a name and measure, looked up once (the lookup is the same for every
    /// figure of one quantity; the report does not change while it is read).
    let figureCache = FigureCache()

    final class FigureCache: @unchecked Sendable {
        /// By measure and name's bytes: a memo, so byte equality is safe (issue 15: the key
        /// was a concatenated string, hashed with normalisation).
        var figures: [FigureKey: [Figure]] = [:]
    }

    struct FigureKey: Hashable {
        var measure: Measure
        var head: ByteKey

        func hash(into hasher: inout Hasher) {
            hasher.combine(head)
            // The case, not the raw value (a string).
            switch measure {
            case .actual: hasher.combine(0 as UInt8)
            case .initialBudget: hasher.combine(1 as UInt8)
            case .fullBudget: hasher.combine(2 as UInt8)
            case .budget: hasher.combine(3 as UInt8)
            case .spent: hasher.combine(4 as UInt8)
            }
        }
    }

    static let hundred = DecimalNumber(100)
    /// How many amounts in the tables' unit the prose must write for its own usual precision.
    static let amountsForOwnPrecision = 20

    /// How many figures back a fact is looked for: keeps long sections linear.
    static let lookBehind = 300

    init(report: Report, prose: ProseDocument) {
        self.report = report
        self.prose = prose
        claims = prose.claims
        var counts: [MoneyUnit: [Int: Int]] = [:]
        // By index: a claim copied per iteration retained a dozen strings (issue 15).
        for index in claims.indices where claims[index].isPlainAmount && !claims[index].isApproximate && !claims[index].isEcho {
            counts[claims[index].moneyUnit!, default: [:]][claims[index].value.scale, default: 0] += 1
        }
        // Prose that writes enough amounts in the tables' unit has a precision of its own (`收入总计843.0万元`
        // throughout: rounded to one decimal, no zero dropped); else the tables' figures count too.
        // Rows read section by section and figures read in place (no array of all rows, no copy
        // of each row's cells; issue 15): the same figures counted.
        let tableUnit = report.header.unit
        let proseHasOwnPrecision = (counts[tableUnit]?.values.reduce(0, +) ?? 0) >= Self.amountsForOwnPrecision
        for table in report.tables where table.spec != nil && !proseHasOwnPrecision {
            for section in table.sections {
                for row in section.rows where !row.isCount {
                    for column in 0..<row.cells.count { if let number = row.number(column) { counts[tableUnit, default: [:]][number.scale, default: 0] += 1 } }
                }
            }
        }
        var usual: [MoneyUnit: Int] = [:]
        for (unit, byScale) in counts {
            // Ties go to the finer precision.
            usual[unit] = byScale.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
        }
        usualScale = usual
        usualByUnit = MoneyUnit.allCases.map { usual[$0] }
        sectionFunds = prose.titles.map { title in
            guard let title else { return nil }
            let words = title.string(0, title.count)
            return Self.funds.first { words.containsText($0) }
        }
    }

    /// The fund each `说明`'s title is about (`十一、政府性基金预算财政拨款收入支出决算情况说明`), if any.
    let sectionFunds: [String?]

    /// The funds other than the general budget whose figures a sentence or section may be about.
    static let funds = ["政府性基金", "国有资本经营"]

    /// Words naming money that is in no fund's table: the general budget's appropriations and
    /// the department's income other than appropriations.
    static let moneyOfNoFund = ["一般公共预算", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "非财政拨款"]

    /// The words that say whose a claim's figure is: its sentence before it, and, in a section
    /// about one fund, that fund (`年初结转和结余60.00万元，本年收入850.00万元…` under the
    /// government fund's title are the fund's figures).
    func context(of index: Int) -> String {
        let section = claims[index].section
        guard section < sectionFunds.count, let fund = sectionFunds[section] else { return claims[index].sentencePrefix }
        return fund + "：" + claims[index].sentencePrefix
    }

    // MARK: Operands

    func operand(_ index: Int, name: String? = nil) -> Operand {
        // Fields read in place: no copy of the claim.
        let value = claims[index].value
        // Counts are exact: 22 people are 22.
        let written = claims[index].kind == .count && value.scale == 0 ? Interval.exact(value) : Interval.written(value)
        var strict = written
        if let unit = claims[index].moneyUnit, !claims[index].isApproximate, let usual = usualScale(of: unit), value.scale < usual {
            let exact = value.rescaled(to: usual)
            strict = Interval.written(exact)
        }
        let naming: Operand.Naming = name.map { .written($0) } ?? .claim(claims: claims, index: index)
        return Operand(value: value, strict: strict, lax: written, naming: naming, range: claims[index].range, unit: claims[index].moneyUnit)
    }

    /// `operand(index)` in another money unit: the same figure at the same precision (`282,000元`
    /// is 28.2000万元, standing for [28.19995, 28.20005]); nil when it does not fit a figure.
    func operand(_ index: Int, in unit: MoneyUnit) -> Operand? {
        let operand = self.operand(index)
        guard operand.unit != nil else { return operand }
        return operand.converted(to: unit)
    }

    /// A table figure as an operand, in `unit` when given (a table in 元 read beside prose in
    /// 万元: the figure is converted exactly, its precision with it); in the table's unit when the
    /// conversion would not fit.
    func operand(_ figure: Figure, in unit: MoneyUnit? = nil) -> Operand {
        let written = Interval.written(figure.value)
        var operand = Operand(value: figure.value, strict: written, lax: written, name: "\(figure.description) \(figure.value)", range: figure.cell.token.range)
        operand.unit = report.header.unit
        if let unit, unit != report.header.unit, var converted = operand.converted(to: unit) {
            converted.naming = .written("\(figure.description) \(converted.value)\(unit.rawValue)")
            return converted
        }
        return operand
    }

    /// Tries a test strictly, then laxly.
    static func verdict(_ test: (KeyPath<Operand, Interval>) -> Bool) -> Verdict {
        if test(\.strict) { return .holds }
        if test(\.lax) { return .laxOnly }
        return .fails
    }

    /// The short figures among `operands`, for a warning's message.
    static func shortNames(_ operands: [Operand]) -> String {
        operands.filter(\.isShort).map(\.name).joined(separator: "、")
    }

    // MARK: What a quantity is

    /// The table figures a quantity names for a measure (only 公开09 publishes budgets).
    func tableFigures(_ quantity: Quantity?, measure: Measure = .actual, sentence: String = "") -> [Figure] {
        guard let quantity, quantity.isKnown, !report.tables.isEmpty else { return [] }
        // A sentence about other funds speaks of their own figures.
        // The sentence is looked at once for being simple text, not once per fund.
        let sentenceIsSimple = SimpleText.isSimple(sentence)
        func mentions(_ word: String) -> Bool { sentenceIsSimple ? sentence.utf8Contains(word) : sentence.contains(word) }
        let bare = quantity.qualifier.isEmpty && quantity.code == nil
        // The figures of the quantity named with `scope` before it (`政府性基金预算财政拨款` +
        // 本年收入), then the department's; nil where the tables print none of the scope's (an
        // empty 公开07 prints none).
        func scoped(_ scope: String) -> [Figure]? {
            let own = report.figures(for: FigureNames.targets(head: scope + quantity.name, measure: measure == .spent ? .actual : measure))
            return own.isEmpty ? nil : Self.merged(own, tableFigures(quantity, measure: measure))
        }
        for fund in Self.funds where mentions(fund) && !quantity.description.containsText(fund) {
            // Money no fund holds — another fund's appropriations, the department's income of its
            // own (`政府性基金预算财政拨款收入300.00万元…；其他收入50.00万元`) — is the department's.
            if Self.moneyOfNoFund.contains(where: { quantity.description.containsText($0) })
                || Self.funds.contains(where: { $0 != fund && quantity.description.containsText($0) }) { break }
            // A bare total or balance in it (`政府性基金预算财政拨款年初结转和结余60.00万元，本年收入850.00万元，
            // 本年支出800.00万元`) is the fund's — or, in a list that ends on the department's total
            // (`政府性基金预算财政拨款收入850.00万元，其他收入63.50万元，本年收入合计5,150.00万元`), the
            // department's: either may be meant, the fund's first. Anything else is not compared.
            if bare { return scoped(fund + "预算财政拨款") ?? [] }
            // An item by its code (`国有企业资本金注入（款）3,500.00万元` in the state capital's section):
            // its row of that fund's table.
            // (Not in a sentence of income: `政府性基金预算财政拨款收入…。分项看，地方重大水利工程建设520.00万元`
            // is what the item received, which no table prints.)
            if let code = quantity.code, quantity.qualifier.isEmpty, measure == .actual || measure == .spent, !Self.speaksOfIncome(sentence) {
                return report.figures(for: FigureNames.targets(code: code, measure: .actual, scope: fund))
            }
            return []
        }
        // In a sentence about the appropriations (`财政拨款收入总计2,080.00万元，其中本年收入1,980.00万元、
        // 年初结转和结余100.00万元`) a bare total or balance is theirs (公开04's) or the department's.
        if bare, FigureNames.appropriationNameBytes.contains(where: { quantity.name.utf8.elementsEqual($0) }), mentions("财政拨款") {
            // (`非财政拨款资金方面，年初结转和结余4.20万元，本年收入3.20万元…`: the money besides the
            // appropriations, which no table prints.)
            if mentions("非财政拨款") { return [] }
            // So in a sentence about the general budget's (`一般公共预算财政拨款本年收入9,886.80万元；
            // 本年支出10,029.25万元`): its column of 公开04 first.
            if mentions("一般公共预算"), let figures = scoped("一般公共预算财政拨款") { return figures }
            if let figures = scoped("财政拨款") { return figures }
        }
        // A qualified name is looked up whole: only a table that names it prints it. An item
        // named by its levels is looked up by its code.
        let head = quantity.code.map { "#" + quantity.qualifier + $0 } ?? quantity.qualifier + quantity.name
        let measure = measure == .spent ? .actual : measure
        let key = FigureKey(measure: measure, head: ByteKey(head))
        let figures: [Figure]
        if let known = figureCache.figures[key] {
            figures = known
        } else {
            let targets = quantity.code.map { FigureNames.targets(code: $0, measure: measure, scope: quantity.qualifier) } ?? FigureNames.targets(head: head, measure: measure)
            figures = report.figures(for: targets)
            figureCache.figures[key] = figures
        }
        // An item in a sentence of income (`一般公共服务支出（类）收入2,051.71万元`, `本年收入主要投向…，
        // 其中抚恤（款）…`) may be its income: its row of 公开02 as well.
        if measure == .actual, quantity.qualifier.isEmpty, Self.speaksOfIncome(sentence),
           let code = quantity.code ?? Catalogue.embedded.categoryCode(forName: quantity.name) {
            return Self.merged(figures, report.figures(for: FigureNames.incomeTargets(code: code)))
        }
        return figures
    }

    /// Whether a sentence speaks of income: 收入 other than in the name of money a fund spends
    /// (`国有土地使用权出让收入安排的支出`).
    static func speaksOfIncome(_ sentence: String) -> Bool {
        guard sentence.utf8Contains("收入") else { return false }
        guard sentence.utf8Contains("收入安排") else { return true }
        return firstIncome(in: sentence) != nil
    }

    /// The UTF-8 offset of the first 收入 in `sentence` that is not `收入安排`, if any.
    static func firstIncome(in sentence: String) -> Int? {
        let bytes = Array(sentence.utf8), word = Array("收入".utf8), spent = Array("安排".utf8)
        var k = 0
        while k + word.count <= bytes.count {
            if bytes[k..<(k + word.count)].elementsEqual(word) {
                let after = k + word.count
                if !(after + spent.count <= bytes.count && bytes[after..<(after + spent.count)].elementsEqual(spent)) { return k }
                k = after
            } else {
                k += 1
            }
        }
        return nil
    }

    /// `first`, then those of `then` that are other cells (a cell named both ways is listed once).
    static func merged(_ first: [Figure], _ then: [Figure]) -> [Figure] {
        first + then.filter { figure in !first.contains { $0.cell.token.range == figure.cell.token.range } }
    }

    /// The figures a budget of `quantity` may be: the measure asked for, else either budget column.
    func tableBudgets(_ quantity: Quantity?, measure: Measure) -> [Figure] {
        let asked = tableFigures(quantity, measure: measure)
        if !asked.isEmpty || measure != .budget { return asked }
        return tableFigures(quantity, measure: .fullBudget) + tableFigures(quantity, measure: .initialBudget)
    }

    /// The nearest earlier plain amount of `quantity` in the paragraph (same sentence first), else in the section.
    func earlierFact(_ quantity: Quantity, measure: (Measure) -> Bool, before index: Int, period: Period = .current, sameQualifier: Bool = false) -> Int? {
        // Fields read in place: copying each candidate claim retained a dozen strings.
        let section = claims[index].section, paragraph = claims[index].paragraph
        var best: Int?
        var k = index - 1
        while k >= 0, index - k <= Self.lookBehind, claims[k].section == section {
            // (Not an amount per head of it: `人均基本支出17.09万元` is no 基本支出.)
            if claims[k].isPlainAmount, claims[k].period == period, measure(claims[k].measure), claims[k].averageMark == nil,
               claims[k].quantity.map({ Self.same($0, quantity) && (!sameQualifier || $0.qualifier == quantity.qualifier) }) == true {
                if claims[k].paragraph == paragraph { return k }
                if best == nil { best = k }
            }
            k -= 1
        }
        return best
    }

    /// Two quantities are one when their names agree and neither qualifier says another scope.
    static func same(_ a: Quantity, _ b: Quantity) -> Bool {
        a.name == b.name && (a.qualifier == b.qualifier || a.qualifier.isEmpty || b.qualifier.isEmpty)
    }

    // MARK: Reporting

    mutating func report(_ code: String, _ severity: Severity, on range: SourceRange, _ message: String,
                         fix: Fix? = nil, related: [RelatedLocation] = []) {
        findings.append(Diagnostic(code: code, severity: severity, range: range, message: message, fix: fix, related: related))
    }

    /// Of candidates (the figures a name may be, in the order they were looked up), the first —
    /// unless another makes a value less than half as far from `written`: a slip in one digit is
    /// much nearer the figure meant than the others a name may be (`28.73` of 公开04's 27.73, not
    /// 公开07's 12.50), while a wrong share may land nearer another whole by chance.
    static func clearlyNearest<T>(_ candidates: [T], to written: DecimalNumber, value: (T) -> DecimalNumber) -> T {
        let distances = candidates.map { (value($0) - written).magnitude }
        var best = 0
        for k in candidates.indices.dropFirst() where distances[k] + distances[k] < distances[0] && distances[k] < distances[best] { best = k }
        return candidates[best]
    }

    /// Judges a written percentage against numerator ÷ denominator, with N590 for a rate that is
    /// cut off instead of rounded and a warning when only a short figure's rounding explains it.
    /// `formula` and `related` are made only for a finding (issue 15).
    mutating func judgeRatio(code: String, claim index: Int, numerator: Operand, denominator: Operand, formula: @autoclosure () -> String,
                             related: @autoclosure () -> [RelatedLocation]) {
        let claim = claims[index]
        // Two amounts in different units (`282,000元` of `30.00万元`): the whole in the part's unit.
        var denominator = denominator
        if let unit = numerator.unit, denominator.unit != nil, denominator.unit != unit {
            guard let converted = denominator.converted(to: unit) else { return }
            denominator = converted
        }
        guard denominator.value.mantissa > 0 else { return }
        let target = Interval.written(claim.value)
        let hundred = Self.hundred
        let verdict = Self.verdict { path in
            Interval.quotientMayLie(numerator: numerator[keyPath: path], denominator: denominator[keyPath: path], factor: hundred, in: target)
        }
        let scale = claim.value.scale
        guard let precise = (numerator.value * hundred).divided(by: denominator.value, scale: scale + 4),
              let computed = (numerator.value * hundred).divided(by: denominator.value, scale: max(scale, 2)) else { return }
        let cutOff = precise.truncated(toScale: scale) == claim.value && precise.rounded(toScale: scale) != claim.value
        switch verdict {
        case .holds:
            if cutOff {
                report("N590", .information, on: claim.range, "\(formula()) = \(precise)%，四舍五入为 \(precise.rounded(toScale: scale))%；写作 \(claim.text)% 像是截断，但在各数的舍入范围内，不算错误", related: related())
            }
        case .laxOnly:
            report(code, .warning, on: claim.range,
                   "\(formula()) = \(computed)%，说明中写的是 \(claim.text)%；只有当\(Self.shortNames([numerator, denominator]))是舍入后的数时才成立，请写出完整的数",
                   related: related())
        case .fails:
            if cutOff {
                report("N590", .information, on: claim.range, "\(formula()) = \(precise)%，写作 \(claim.text)% 是截断而不是四舍五入（应为 \(computed)%）", related: related())
                return
            }
            report(code, .error, on: claim.range,
                   "\(formula()) = \(computed)%，说明中写的是 \(claim.text)%，差 \(CheckContext.signed(claim.value - computed, scale: max(scale, 2))) 个百分点",
                   fix: Fix(title: "改为 \(computed)", edits: [TextEdit(range: claim.range, replacement: computed.description)], isSafe: false),
                   related: related())
            // What is computed from it (the points it rose by) is not judged by it again.
            contradicted.insert(index)
        }
    }
}
