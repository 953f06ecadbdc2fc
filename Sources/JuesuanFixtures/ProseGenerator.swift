import JuesuanSyntax

/// Generates consistent 情况说明 — every figure agrees with the others by an identity, a share, a
/// change or a completion rate — in many phrasings (topics, respectively lists, `其中` lists with
/// brackets, budgets without trailing zeros, traditional script, blanks inside figures and
/// units), optionally with standard tables that print the same ledger. Each figure it writes is
/// marked, so that a test can move it and expect a finding. Deterministic for a seed.
public struct ProseGenerator {
    /// A figure in the generated text: where it is, what it is, and how to move it.
    public struct Mark: Sendable {
        public enum Kind: String, Sendable { case amount, share, change, rate, completion, count }
        /// UTF-8 offsets of the figure (digits only) in the text.
        public var range: Range<Int>
        public var kind: Kind
        /// What it states, for reports of what the checker misses: `三公·公务接待费·share`.
        public var fact: String
        public var value: DecimalNumber
    }

    public struct Output: Sendable {
        public var text: String
        public var marks: [Mark]
    }

    var random: SplitMix64
    var text = ""
    var marks: [Mark] = []
    /// Whether the paragraph being written is in traditional script.
    var traditional = false
    var spaced = false
    /// The header's department (`示例县第37局`): prose may name it, whole or without its county.
    var department = "本部门"

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    // MARK: Random choices

    mutating func roll(_ n: Int) -> Int { Int(random.next() % UInt64(max(n, 1))) }
    mutating func chance(_ percent: Int) -> Bool { roll(100) < percent }
    mutating func one<T>(_ options: [T]) -> T { options[roll(options.count)] }
    mutating func cents(_ low: Int, _ high: Int) -> Int { low + roll(high - low + 1) }

    static func decimal(_ cents: Int) -> DecimalNumber { DecimalNumber(mantissa: Int128(cents), scale: 2) }

    // MARK: Writing

    mutating func add(_ words: String) { text += traditional ? Self.toTraditional(words) : words }

    /// Writes a money figure (cents) with its unit, marked.
    mutating func money(_ cents: Int, _ fact: String, kind: Mark.Kind = .amount, wholeNumber: Bool = false) {
        let value = Self.decimal(cents)
        var written = wholeNumber && cents % 100 == 0 ? "\(cents / 100)" : value.description
        if !wholeNumber, cents >= 100_000, chance(30) { written = Self.grouped(written) }
        if spaced, chance(50), let dot = written.firstIndex(of: "."), written.distance(from: written.startIndex, to: dot) == 4 {
            written.insert(" ", at: written.index(after: written.startIndex)) // `1 204.30`
        }
        let start = text.utf8.count
        text += written
        marks.append(Mark(range: start..<text.utf8.count, kind: kind, fact: fact, value: wholeNumber && cents % 100 == 0 ? DecimalNumber(cents / 100) : value))
        add(spaced ? " 万 元" : "万元")
    }

    mutating func percent(_ value: DecimalNumber, _ fact: String, kind: Mark.Kind) {
        let start = text.utf8.count
        text += value.description
        marks.append(Mark(range: start..<text.utf8.count, kind: kind, fact: fact, value: value))
        text += spaced ? " %" : "%"
    }

    mutating func count(_ value: Int, unit: String, _ fact: String) {
        let start = text.utf8.count
        text += "\(value)"
        marks.append(Mark(range: start..<text.utf8.count, kind: .count, fact: fact, value: DecimalNumber(value)))
        add(unit)
    }

    static func grouped(_ plain: String) -> String {
        guard let dot = plain.firstIndex(of: ".") else { return plain }
        var integer = Array(plain[..<dot])
        var groups: [String] = []
        while integer.count > 3 { groups.insert(String(integer.suffix(3)), at: 0); integer.removeLast(3) }
        groups.insert(String(integer), at: 0)
        return groups.joined(separator: ",") + plain[dot...]
    }

    /// part ÷ whole in %, rounded half up to `scale` decimals.
    static func share(_ part: Int, _ whole: Int, scale: Int = 2) -> DecimalNumber? {
        guard whole > 0 else { return nil }
        return (decimal(part) * DecimalNumber(100)).divided(by: decimal(whole), scale: scale)
    }

    static let traditionalPairs: [Character: Character] = {
        let pairs = Array("万萬总總计計为為预預决決数數费費与與较較减減变變无無经經财財拨撥项項务務车車维維护護运運购購长長个個")
        var table: [Character: Character] = [:]
        var i = 0
        while i + 1 < pairs.count { table[pairs[i]] = pairs[i + 1]; i += 2 }
        return table
    }()

    static func toTraditional(_ words: String) -> String { String(words.map { traditionalPairs[$0] ?? $0 }) }

    // MARK: The ledger

    /// The figures of one report, in cents, every identity exact.
    struct Ledger {
        var grant = 0, fund = 0, other = 0, opening = 0
        var personnel = 0, publicCost = 0, project = 0
        var abroad = 0, purchase = 0, running = 0, reception = 0
        var receptionBudget = 0, vehicleBudget = 0, threeBudget = 0
        /// The people the receptions served (人次).
        var guests = 0
        var operating = 0
        var goods = 0, works = 0, services = 0, smallAndMedium = 0
        var previousIncome = 0, previousExpenditure = 0, previousThree = 0, previousOperating = 0
        var income: Int { grant + fund + other }
        var totalIncome: Int { income + opening }
        var basic: Int { personnel + publicCost }
        var expenditure: Int { basic + project }
        var closing: Int { totalIncome - expenditure }
        var vehicle: Int { purchase + running }
        var three: Int { abroad + vehicle + reception }
        var procurement: Int { goods + works + services }
    }

    mutating func ledger() -> Ledger {
        var l = Ledger()
        l.personnel = cents(50_000, 5_000_000)
        l.publicCost = cents(1_000, 500_000)
        l.project = cents(0, 8_000_000)
        l.opening = chance(50) ? 0 : cents(0, 200_000)
        let closing = chance(50) ? 0 : cents(0, 200_000)
        var income = l.expenditure + closing - l.opening
        if income < 0 { l.opening += income; income = 0 }
        l.fund = chance(60) ? 0 : cents(0, income / 10)
        l.other = chance(50) ? 0 : cents(0, (income - l.fund) / 10)
        l.grant = income - l.fund - l.other
        l.abroad = chance(60) ? 0 : cents(100, 50_000)
        l.purchase = chance(70) ? 0 : cents(100, 300_000)
        l.running = cents(100, 80_000)
        l.reception = cents(10, 60_000)
        // Budgets in whole 万元 half the time (`预算为3万元`), never below the actual.
        l.receptionBudget = chance(50) ? ((l.reception / 100) + 1 + roll(3)) * 100 : l.reception + cents(0, 20_000)
        l.vehicleBudget = l.vehicle + cents(0, 50_000)
        l.threeBudget = l.three + cents(0, 80_000)
        l.guests = 1 + roll(400)
        l.operating = max(0, l.publicCost - (chance(50) ? 0 : cents(0, l.publicCost)))
        l.goods = cents(0, 300_000); l.works = chance(60) ? 0 : cents(0, 300_000); l.services = cents(0, 300_000)
        if l.procurement == 0 { l.goods = 10_000 }
        l.smallAndMedium = l.procurement - (chance(50) ? 0 : cents(0, l.procurement))
        l.previousIncome = max(100, l.totalIncome + cents(-l.totalIncome / 3, l.totalIncome / 3))
        l.previousExpenditure = max(100, l.expenditure + cents(-l.expenditure / 3, l.expenditure / 3))
        l.previousThree = max(100, l.three + cents(-l.three / 2, l.three / 2))
        l.previousOperating = max(100, l.operating + cents(-l.operating / 2, l.operating / 2 + 100))
        return l
    }

    // MARK: Paragraphs

    /// `named`: the quantity's name, when one name says what changed (then the previous year may
    /// open a sentence of its own: `。机关运行经费上年为…，本年增加…`).
    mutating func change(_ current: Int, previous: Int, _ fact: String, vs: String, named: String? = nil) {
        let difference = current - previous
        if difference == 0 {
            add("，\(one(["与上年持平", "与上年相比无变化"]))")
            return
        }
        // The previous year's amount written too (`与上年380.25万元相比，增加…`, `上年为…，增加…`):
        // then the change is this year − last year as well.
        let choice = roll(named == nil ? 4 : 5)
        let previousWrittenInSentence = choice == 0 || choice == 1
        switch choice {
        case 4:
            // A sentence of its own that names the quantity again (session 19).
            add("。\(named!)\(one(["上年为", "2023年为", "上年度为"]))"); money(previous, "\(fact)·上年"); add("，\(one(["本年", "今年", ""]))")
        case 0:
            add("，与上年"); money(previous, "\(fact)·上年"); add("相比，")
            // The change names what changed (session 27): `与上年…相比，机关运行经费增加…`.
            // (Chosen by the figures, not by a roll, as the subject of the totals.)
            if let named, previous % 2 == 0 { add(named) }
        case 1:
            // `上一年度为` as often as the figures say (session 28; no roll, so nothing else moves).
            add(previous % 3 == 0 ? "，上一年度为" : "，上年为"); money(previous, "\(fact)·上年"); add("，\(vs)")
        default:
            add("，\(vs)")
        }
        add(difference > 0 ? one(["增加", "增长"]) : one(["减少", "下降"]))
        money(abs(difference), "\(fact)·增减额", kind: .change)
        add("，\(difference > 0 ? one(["增长", "上升", "增长了", "增幅为"]) : one(["下降", "降低", "下降了", "降幅为"]))")
        percent((Self.decimal(abs(difference)) * DecimalNumber(100)).divided(by: Self.decimal(previous), scale: 2)!, "\(fact)·增减率", kind: .rate)
        // The year as a ratio of the last (session 37), when last year's amount and this year's
        // stand in the sentence — as often as the figures say (no roll: nothing else moves).
        if previous > 0, previousWrittenInSentence, current % 4 == 1 {
            let words = ["，是上年的", "，为上年的", "，相当于上年的", "，为上年同期的"][current / 4 % 4]
            add(words)
            percent((Self.decimal(current) * DecimalNumber(100)).divided(by: Self.decimal(previous), scale: 2)!, "\(fact)·上年比", kind: .rate)
        }
    }

    mutating func totals(_ l: Ledger, year: Int) {
        switch roll(5) {
        case 0:
            // 总额 for 总计 as often as the figures say (session 29; no roll: nothing else moves).
            let total = l.totalIncome % 5 == 2 ? "总额" : "总计"
            add("\(year)年度收入\(total)"); money(l.totalIncome, "收入总计"); add("、支出\(total)"); money(l.totalIncome, "支出总计"); add("。")
        case 1:
            // The department as it calls itself, or by its name (session 27). Chosen by the figures,
            // not by a roll: the reports generated before (the benchmarks' among them) stay the same.
            let subjects = ["本部门", "我局", "本局", "本单位", department, String(department.drop { $0 != "县" }), String(department.drop { $0 != "县" }.dropFirst())]
            let subject = subjects[l.totalIncome % subjects.count]
            add("\(subject)\(year)年度\(one(["收、支总计各为", "收入、支出总计分别为"]))")
            let value = Self.decimal(l.totalIncome).description
            var start = text.utf8.count
            text += value
            marks.append(Mark(range: start..<text.utf8.count, kind: .amount, fact: "收入总计", value: Self.decimal(l.totalIncome)))
            add("、")
            start = text.utf8.count
            text += value
            marks.append(Mark(range: start..<text.utf8.count, kind: .amount, fact: "支出总计", value: Self.decimal(l.totalIncome)))
            add("万元。")
        case 2:
            let words = one(["收支总计各为", "收、支总计均为", "收支总计均为", "收支总计", "收支总计为"])
            add("\(year)年度\(l.totalIncome % 5 == 3 ? words.replacing("总计", with: "总额") : words)"); money(l.totalIncome, "收支总计")
            change(l.totalIncome, previous: l.previousIncome, "收支总计", vs: one(["与上年相比", "比上年", "较上年", "比上一年度", "与去年相比"]))
            add("。")
        case 3:
            // A total of both sides, each side's parts listed (session 17).
            let words = one(["收入支出总计", "收支总计", "收入总计、支出总计均为"])
            add("\(year)年度\(l.totalIncome % 5 == 4 ? words.replacing("总计", with: "总额") : words)"); money(l.totalIncome, "收支总计")
            add("。\(one(["其中：", "其中，", "具体为："]))本年收入合计"); money(l.income, "本年收入合计")
            add("，年初结转和结余"); money(l.opening, "年初结转和结余"); add("；本年支出合计"); money(l.expenditure, "本年支出合计")
            add("，年末结转和结余"); money(l.closing, "年末结转和结余")
            // The closing balance against the opening one (session 19).
            if l.closing != l.opening, chance(40) {
                // The comparison before the direction, or in a clause of its own (session 20).
                add("，\(one(["比年初", "较年初", "较年初数", "与年初相比，", "同年初数相比，"]))\(l.closing > l.opening ? "增加" : "减少")")
                money(abs(l.closing - l.opening), "年末结转和结余·比年初", kind: .change)
            }
            // Its rate from the opening balance (session 20): `比年初下降55.00%`.
            if l.closing != l.opening, l.opening > 0, chance(30) {
                add("，\(one(["比年初", "较年初", "较年初数", "与年初相比，"]))\(l.closing > l.opening ? one(["增长", "上升", "增幅"]) : one(["下降", "降低", "减幅"]))")
                percent((Self.decimal(abs(l.closing - l.opening)) * DecimalNumber(100)).divided(by: Self.decimal(l.opening), scale: 2)!, "年末结转和结余·比年初率", kind: .rate)
            }
            add("。")
        default:
            if chance(30) {
                // The total built up from its parts (session 19): `加上年初结转和结余`.
                add("本年收入合计"); money(l.income, "本年收入合计")
                add("，\(one(["加上", "再加上", "连同"]))年初结转和结余"); money(l.opening, "年初结转和结余")
                add("，收入总计"); money(l.totalIncome, "收入总计"); add("。")
                return
            }
            add("收入总计"); money(l.totalIncome, "收入总计"); add("，其中：本年收入合计"); money(l.income, "本年收入合计")
            add("，使用非财政拨款结余0.00万元，年初结转和结余"); money(l.opening, "年初结转和结余"); add("。")
        }
    }

    mutating func income(_ l: Ledger) {
        guard l.income > 0 else { return }
        let fiscal = l.grant + l.fund
        switch roll(2) {
        case 0:
            add("本年收入合计"); money(l.income, "本年收入合计"); add("，其中：财政拨款收入"); money(fiscal, "财政拨款收入")
            add("（其中：一般公共预算财政拨款"); money(l.grant, "一般公共预算财政拨款收入"); add("，政府性基金预算财政拨款"); money(l.fund, "政府性基金预算财政拨款收入"); add("）")
            add("，占"); percent(Self.share(fiscal, l.income)!, "财政拨款收入·share", kind: .share)
            add("；其他收入"); money(l.other, "其他收入"); add("，占"); percent(Self.share(l.other, l.income)!, "其他收入·share", kind: .share); add("。")
        default:
            add(l.income % 3 == 0 ? "收入合计" : "本年收入"); money(l.income, "本年收入合计"); add("。本年收入中，财政拨款收入"); money(fiscal, "财政拨款收入")
            add("，占"); percent(Self.share(fiscal, l.income)!, "财政拨款收入·share", kind: .share)
            add("；其他收入"); money(l.other, "其他收入"); add("，占"); percent(Self.share(l.other, l.income)!, "其他收入·share", kind: .share); add("。")
        }
    }

    mutating func expenditure(_ l: Ledger) {
        guard l.expenditure > 0 else { return }
        switch roll(5) {
        case 4:
            // A point of view opens the list of the sentence before's subject (session 17).
            add("本年支出合计"); money(l.expenditure, "本年支出合计")
            add("。\(one(["按支出性质分：", "从支出性质看，", "按经济性质划分，"]))基本支出"); money(l.basic, "基本支出")
            add("，占"); percent(Self.share(l.basic, l.expenditure)!, "基本支出·share", kind: .share)
            add("；项目支出"); money(l.project, "项目支出"); add("，占"); percent(Self.share(l.project, l.expenditure)!, "项目支出·share", kind: .share); add("。")
        case 3:
            // A respectively run after its items: the first share is of the first item.
            let named = chance(50)
            add("本年支出合计"); money(l.expenditure, "本年支出合计"); add(named ? one(["，其中", "，其中："]) : "。")
            add("基本支出"); money(l.basic, "基本支出"); add(one(["、", "，"])); add("项目支出"); money(l.project, "项目支出")
            add("，\(one(["分别占", "各占", "依次占"]))\(named ? one(["本年支出合计的", "支出合计的"]) : "")")
            percent(Self.share(l.basic, l.expenditure)!, "基本支出·share", kind: .share); add(one(["和", "、", "与"]))
            percent(Self.share(l.project, l.expenditure)!, "项目支出·share", kind: .share); add("。")
        case 0:
            add("本年支出合计"); money(l.expenditure, "本年支出合计"); add("，\(one(["其中：", "其中", "包括"]))基本支出"); money(l.basic, "基本支出")
            let share = one(["，占", "，占比", "，占比为"])
            add(share); percent(Self.share(l.basic, l.expenditure)!, "基本支出·share", kind: .share)
            add("；项目支出"); money(l.project, "项目支出"); add(share); percent(Self.share(l.project, l.expenditure)!, "项目支出·share", kind: .share); add("。")
        case 1:
            add("基本支出"); money(l.basic, "基本支出"); add("，占本年支出合计的"); percent(Self.share(l.basic, l.expenditure)!, "基本支出·share", kind: .share)
            add("；项目支出"); money(l.project, "项目支出"); add("，占"); percent(Self.share(l.project, l.expenditure)!, "项目支出·share", kind: .share); add("。")
        default:
            // `支出合计` without 本年 (session 28), as the figures choose.
            add(l.expenditure % 3 == 0 ? "\(l.expenditure % 2 == 0 ? "本部门" : "")支出合计" : "本年支出合计"); money(l.expenditure, "本年支出合计")
            change(l.expenditure, previous: l.previousExpenditure, "本年支出合计", vs: one(["比上年", "较上年", "与上年相比", "较上一年"]), named: "本年支出合计")
            add("。")
        }
    }

    mutating func basic(_ l: Ledger) {
        switch roll(6) {
        case 5 where l.basic > 0:
            // The whole before 占 (session 18): `在基本支出中占`, `在基本支出中所占比重为`.
            add("基本支出"); money(l.basic, "基本支出"); add("。人员经费"); money(l.personnel, "人员经费")
            add(one(["，在基本支出中占", "，在基本支出中所占比重为", "，在基本支出里占"]))
            percent(Self.share(l.personnel, l.basic)!, "人员经费·share", kind: .share)
            add("；公用经费"); money(l.publicCost, "公用经费"); add(one(["，在基本支出中占", "，所占比重为", "，占", "，比重为"]))
            percent(Self.share(l.publicCost, l.basic)!, "公用经费·share", kind: .share); add("。")
        case 4 where l.basic > 0:
            add("基本支出"); money(l.basic, "基本支出"); add(l.personnel % 4 == 0 ? "。人员经费和公用经费依次为" : "。人员经费和公用经费分别为"); money(l.personnel, "人员经费")
            add("和"); money(l.publicCost, "公用经费"); add("，分别占基本支出的")
            percent(Self.share(l.personnel, l.basic)!, "人员经费·share", kind: .share); add(one(["和", "、"]))
            percent(Self.share(l.publicCost, l.basic)!, "公用经费·share", kind: .share); add("。")
        case 3:
            add("人员经费、公用经费分别为"); money(l.personnel, "人员经费"); add("、"); money(l.publicCost, "公用经费")
            add("，\(one(["基本支出合计", "两项合计即基本支出", "基本支出共计"]))"); money(l.basic, "基本支出")
            // The sum's share of the year's spending (session 37), as the figures say.
            if l.personnel % 3 == 1, l.expenditure > 0 {
                add("，\(["两项合计占", "以上合计占", "上述两项共占"][l.publicCost % 3])本年支出合计的")
                percent(Self.share(l.basic, l.expenditure)!, "人员经费和公用经费·合计share", kind: .share)
            }
            add("。")
        case 0:
            add("一般公共预算财政拨款基本支出"); money(l.basic, "基本支出"); add("，其中：人员经费"); money(l.personnel, "人员经费")
            add("，公用经费"); money(l.publicCost, "公用经费"); add("。")
        case 1:
            add("基本支出"); money(l.basic, "基本支出"); add(l.personnel % 4 == 1 ? "。人员经费和公用经费依次为" : "。人员经费和公用经费分别为"); money(l.personnel, "人员经费")
            add("和"); money(l.publicCost, "公用经费")
            // The two again as a total of its own (session 19): `二者合计`.
            if chance(40) { add("，\(one(["二者合计", "两者合计", "两项共计"]))"); money(l.basic, "人员经费和公用经费·二者合计") }
            add("。")
        default:
            add("基本支出"); money(l.basic, "基本支出"); add("。在基本支出中，人员经费"); money(l.personnel, "人员经费")
            add("，占"); percent(Self.share(l.personnel, l.basic)!, "人员经费·share", kind: .share)
            add("；公用经费"); money(l.publicCost, "公用经费"); add("，占"); percent(Self.share(l.publicCost, l.basic)!, "公用经费·share", kind: .share); add("。")
        }
    }

    mutating func three(_ l: Ledger) {
        switch roll(9) {
        case 7:
            // A change after a completion is of the actual amount, not of the budget (session 17).
            guard let rate = Self.share(l.three, l.threeBudget) else { return }
            add("“三公”经费财政拨款支出"); money(l.three, "三公经费")
            add("，\(one(["完成全年预算", "为全年预算", "占全年预算"]))"); money(l.threeBudget, "三公经费·预算"); add("的"); percent(rate, "三公经费·完成率", kind: .completion)
            change(l.three, previous: l.previousThree, "三公经费", vs: one(["较上年", "比上年", "同比"]))
            add("。")
        case 8 where l.running > 0 && chance(40):
            // What each vehicle cost to run (session 19): the amount ÷ the vehicles, in 万元.
            let vehicles = 1 + l.running % 9
            add("公务用车运行维护费"); money(l.running, "公务用车运行维护费"); add("，\(one(["主要用于", "用于", "保障了"]))")
            count(vehicles, unit: "辆", "公务用车辆数"); add("公务用车的\(one(["燃料、维修、保险等", "运行维护"]))，")
            add(one(["平均每辆", "每辆平均", "车均", "平均每辆车"]))
            let perVehicle = Self.decimal(l.running).divided(by: DecimalNumber(vehicles), scale: 2)!
            let start = text.utf8.count
            text += perVehicle.description
            marks.append(Mark(range: start..<text.utf8.count, kind: .amount, fact: "平均每辆运行维护费", value: perVehicle))
            add("万元。")
        case 8:
            // Receptions and what each guest cost (session 17): the amount in 万元, per person in 元.
            add("公务接待费"); money(l.reception, "公务接待费"); add("，\(one(["共接待", "全年接待", "接待"]))")
            count(l.guests, unit: "人次", "公务接待人次"); add("，\(one(["人均接待费", "人均接待费用", "人均", "平均每人次", "每人次平均"]))")
            // cents of 万元 are 元: the amount in 元 ÷ the guests, in 元 to the cent.
            let perGuest = (Self.decimal(l.reception * 100 * 100)).divided(by: DecimalNumber(l.guests), scale: 2)!
            let start = text.utf8.count
            text += perGuest.description
            marks.append(Mark(range: start..<text.utf8.count, kind: .amount, fact: "人均接待费", value: perGuest))
            add("元。")
        case 6:
            // The 具体情况 of the template: a part's budget, then its actual, inside the list.
            add("“三公”经费支出"); money(l.three, "三公经费"); add("。其中：因公出国（境）费"); money(l.abroad, "因公出国（境）费")
            add("；公务用车购置及运行维护费"); money(l.vehicle, "公务用车购置及运行维护费")
            add("；公务接待费\(one(["年初预算为", "全年预算为", "预算数为"]))"); money(l.receptionBudget, "公务接待费·预算", wholeNumber: l.receptionBudget % 100 == 0)
            add("，\(one(["支出决算为", "决算数为", "决算为"]))"); money(l.reception, "公务接待费")
            if let rate = Self.share(l.reception, l.receptionBudget) { add("，完成预算的"); percent(rate, "公务接待费·完成率", kind: .completion) }
            add("。")
        case 4:
            add("\(one(["“三公”经费支出合计", "本年度“三公”经费支出", "“三公”经费决算"]))"); money(l.three, "三公经费")
            add("。因公出国（境）费、公务用车购置及运行维护费、公务接待费分别为"); money(l.abroad, "因公出国（境）费")
            add("、"); money(l.vehicle, "公务用车购置及运行维护费"); add("、"); money(l.reception, "公务接待费"); add("。")
        case 0:
            add("“三公”经费支出"); money(l.three, "三公经费"); add("，其中：因公出国（境）费"); money(l.abroad, "因公出国（境）费")
            add("，公务用车购置及运行维护费"); money(l.vehicle, "公务用车购置及运行维护费"); add("，公务接待费"); money(l.reception, "公务接待费"); add("。")
        case 1:
            guard l.three > 0 else { return }
            // Or the whole before 占, after a budget that is no whole of the year's spending (session 18).
            let before = chance(40)
            if before {
                add("“三公”经费支出"); money(l.three, "三公经费"); add("，全年预算数"); money(l.threeBudget, "三公经费·预算")
                // The budget is in no table of the generated report: the completion verifies it.
                if let rate = Self.share(l.three, l.threeBudget) { add("，完成预算的"); percent(rate, "三公经费·完成率", kind: .completion) }
                add("。")
            } else {
                add("“三公”经费支出决算中，")
            }
            var first = true
            for (name, value) in [("因公出国（境）费", l.abroad), ("公务用车购置费", l.purchase), ("公务用车运行维护费", l.running), ("公务接待费", l.reception)] where value > 0 {
                if !first { add("；") }
                first = false
                add(name); money(value, name); add(before ? one(["，在“三公”经费中占", "，在“三公”经费中所占比重为", "，占"]) : "，占")
                percent(Self.share(value, l.three)!, "\(name)·share", kind: .share)
            }
            add("。")
        case 2:
            add("“三公”经费支出"); money(l.three, "三公经费")
            change(l.three, previous: l.previousThree, "三公经费", vs: one(["比上年", "较上年", "与上年相比"]))
            add("。")
        case 5:
            // The budget after the rate.
            guard let rate = Self.share(l.reception, l.receptionBudget) else { return }
            add("公务接待费支出决算"); money(l.reception, "公务接待费"); add("，完成全年预算的"); percent(rate, "公务接待费·完成率", kind: .completion)
            add("，全年预算数为"); money(l.receptionBudget, "公务接待费·预算", wholeNumber: l.receptionBudget % 100 == 0); add("。")
        default:
            let budgetWhole = l.receptionBudget % 100 == 0
            add("公务接待费\(one(["预算为", "全年预算数", "年初预算为"]))"); money(l.receptionBudget, "公务接待费·预算", wholeNumber: budgetWhole)
            add("，\(one(["支出决算为", "决算数", "实际支出"]))"); money(l.reception, "公务接待费")
            if l.receptionBudget > l.reception, chance(50) {
                // A bare verb after the budget (session 18): `节约了`, and the saving's rate.
                let bare = chance(40)
                add(bare ? one(["，节约", "，节约了", "，节支"]) : one(["，比预算减少", "，较预算节约", "，低于预算", "，节约预算", "，比预算少支出"]))
                money(l.receptionBudget - l.reception, "公务接待费·比预算", kind: .change)
                if bare, chance(50), let rate = Self.share(l.receptionBudget - l.reception, l.receptionBudget) {
                    add(one(["，节约率", "，节约率为", "，节约"])); percent(rate, "公务接待费·节约率", kind: .rate)
                    add("。"); return
                }
            } else if l.reception > l.receptionBudget, chance(50) {
                add(one(["，超支", "，超支了", "，超出", "，比预算多支出"])); money(l.reception - l.receptionBudget, "公务接待费·比预算", kind: .change)
            }
            if let rate = Self.share(l.reception, l.receptionBudget) {
                add("，完成预算的"); percent(rate, "公务接待费·完成率", kind: .completion)
            }
            add("。")
        }
    }

    mutating func operating(_ l: Ledger) {
        add("机关运行经费支出"); money(l.operating, "机关运行经费")
        change(l.operating, previous: l.previousOperating, "机关运行经费", vs: one(["比上年", "较上年", "比2023年", "与上一年度相比"]), named: "机关运行经费")
        add("。")
    }

    mutating func procurement(_ l: Ledger) {
        add("政府采购支出总额"); money(l.procurement, "政府采购支出总额")
        if chance(50) {
            add("，其中：政府采购货物支出"); money(l.goods, "货物")
            add("、政府采购工程支出"); money(l.works, "工程"); add("、政府采购服务支出"); money(l.services, "服务"); add("。")
        } else {
            // The parts by their word, after a point of view (session 17).
            add("，\(one(["从采购类型看，", "按采购类型分：", "按采购类别划分，"]))货物采购"); money(l.goods, "货物")
            add("、工程采购"); money(l.works, "工程"); add("、服务采购"); money(l.services, "服务"); add("。")
        }
        add("授予中小企业合同金额"); money(l.smallAndMedium, "中小企业"); add("，占政府采购支出总额的")
        percent(Self.share(l.smallAndMedium, l.procurement)!, "中小企业·share", kind: .share); add("。")
    }

    /// A paragraph about one table's expenditure (total = basic + project), in one of the
    /// phrasings above, for benchmarks of reports with a 说明 per table.
    public mutating func expenditureNote(basic: Int, project: Int) -> String {
        text = ""
        marks = []
        var l = Ledger()
        l.personnel = basic
        l.project = project
        l.previousExpenditure = max(100, l.expenditure + cents(-l.expenditure / 3, l.expenditure / 3))
        spaced = chance(10)
        expenditure(l)
        spaced = false
        traditional = false
        // The note speaks of the table's own unit, not of the report's totals.
        // `支出合计` without 本年 is the same total (session 28): the unit's too.
        var note = text.replacing("本部门支出合计", with: "支出合计").split(separator: "本年支出合计", omittingEmptySubsequences: false)
            .map { String($0).replacing("支出合计", with: "下属单位支出合计") }.joined(separator: "本年支出合计")
        for name in ["本年支出合计", "基本支出", "项目支出"] { note = note.replacing(name, with: "下属单位" + name) }
        return note
    }

    /// One report: header, optionally the tables of its ledger, then a 说明 per subject.
    public mutating func report(withTables: Bool, year: Int = 2024) -> Output {
        text = ""
        marks = []
        let l = ledger()
        department = "示例县第\(roll(100))局"
        text += "部门 \(department)\n年度 \(year)\n单位 万元\n\n"
        if withTables { tables(l) }
        let sections: [(String, (inout ProseGenerator) -> Void)] = [
            ("一、收入支出决算总体情况说明", { $0.totals(l, year: year) }),
            ("二、收入决算情况说明", { $0.income(l) }),
            ("三、支出决算情况说明", { $0.expenditure(l) }),
            ("四、基本支出决算情况说明", { $0.basic(l) }),
            ("五、“三公”经费支出决算情况说明", { $0.three(l) }),
            ("六、机关运行经费支出情况说明", { $0.operating(l) }),
            ("七、政府采购支出情况说明", { $0.procurement(l) }),
        ]
        for (title, write) in sections {
            text += "说明 \(title)\n"
            traditional = chance(10)
            spaced = chance(10)
            write(&self)
            traditional = false
            spaced = false
            text += "\n\n"
        }
        return Output(text: text, marks: marks)
    }

    mutating func tables(_ l: Ledger) {
        func m(_ cents: Int) -> String { Self.decimal(cents).description }
        text += """
        表 公开01 收入支出决算总表
        收入
        一、一般公共预算财政拨款收入 \(m(l.grant))
        二、政府性基金预算财政拨款收入 \(m(l.fund))
        八、其他收入 \(m(l.other))
        本年收入合计 \(m(l.income))
        年初结转和结余 \(m(l.opening))
        总计 \(m(l.totalIncome))
        支出
        卫生健康支出 \(m(l.expenditure))
        本年支出合计 \(m(l.expenditure))
        年末结转和结余 \(m(l.closing))
        总计 \(m(l.totalIncome))

        表 公开09 财政拨款“三公”经费支出决算表
        列 决算数
        合计 \(m(l.three))
        1.因公出国（境）费 \(m(l.abroad))
        2.公务用车购置及运行维护费 \(m(l.vehicle))
        （1）公务用车购置费 \(m(l.purchase))
        （2）公务用车运行维护费 \(m(l.running))
        3.公务接待费 \(m(l.reception))


        """
    }
}
