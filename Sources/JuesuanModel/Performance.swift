import JuesuanSyntax

/// A number written in a 绩效 block, with its token.
public struct StatedNumber: Sendable {
    public var value: DecimalNumber
    public var isPercentage: Bool
    public var token: Token

    init?(_ token: Token) {
        guard let cell = CellText.parse(token.text[...]), let value = cell.number else { return nil }
        self.value = value
        self.token = token
        if case .percentage = cell { isPercentage = true } else { isPercentage = false }
    }
}

/// An indicator's target: `≥90%`, `=100%`, `≤5%`, `≥10场`, or a text.
public struct IndicatorTarget: Sendable {
    public enum Comparator: String, Sendable { case atLeast = "≥", atMost = "≤", equal = "=", greater = ">", less = "<" }
    public var comparator: Comparator?
    public var value: DecimalNumber?
    public var unit: String
    public var text: String
    public var range: SourceRange

    init(_ tokens: [Token]) {
        text = tokens.map(\.text).joined()
        range = tokens.first!.range.union(tokens.last!.range)
        var rest = Substring(text)
        let comparators: [(String, Comparator)] = [(">=", .atLeast), ("≥", .atLeast), ("<=", .atMost), ("≤", .atMost), ("＝", .equal), ("=", .equal), (">", .greater), ("＞", .greater), ("<", .less), ("＜", .less)]
        comparator = nil
        for (spelling, kind) in comparators where rest.hasPrefix(spelling) {
            comparator = kind
            rest = rest.dropFirst(spelling.count)
            break
        }
        let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        value = DecimalNumber(digits)
        unit = String(rest.dropFirst(digits.count))
    }

    /// Whether an actual value meets the target; nil when the target is not numeric.
    public func isMet(by actual: DecimalNumber) -> Bool? {
        guard let value else { return nil }
        switch comparator ?? .equal {
        case .atLeast: return actual >= value
        case .atMost: return actual <= value
        case .equal: return actual == value
        case .greater: return actual > value
        case .less: return actual < value
        }
    }
}

public struct Indicator: Sendable {
    public var line: Int
    public var name: Token?
    public var target: IndicatorTarget?
    public var actual: StatedNumber?
    public var weight: StatedNumber?
    public var score: StatedNumber?
    /// `完成 完成` → true, `完成 未完成` → false.
    public var completed: (value: Bool, token: Token)?
}

/// A `其中` line: one source of the project's funds (财政拨款, 上年结转资金, 其他资金…), whose figures
/// add up, source by source, to the `资金` line's.
public struct FundPart: Sendable {
    public var line: Int
    public var name: Token?
    public var initialBudget: StatedNumber?
    public var budget: StatedNumber?
    public var spent: StatedNumber?
    public var arrived: StatedNumber?
    public var rate: StatedNumber?

    /// The figure of a 资金 key (`全年预算数`…).
    public func value(_ key: FundKey) -> StatedNumber? {
        switch key {
        case .initialBudget: return initialBudget
        case .budget: return budget
        case .spent: return spent
        case .arrived: return arrived
        }
    }
}

public enum FundKey: String, Sendable, CaseIterable {
    case initialBudget = "年初预算数", budget = "全年预算数", spent = "全年执行数", arrived = "到位数"
}

/// A `年度目标` line: the goal, what was done, and the stated completion rate.
public struct PerformanceGoal: Sendable {
    public var line: Int
    public var goal: Token?
    public var done: Token?
    public var rate: StatedNumber?
}

/// A project performance self-evaluation (`绩效` block) as numbers.
public struct PerformanceProject: Sendable {
    public var syntax: PerformanceSyntax
    public var name: String
    /// 年初预算数, 全年预算数 (A), 全年执行数 (B), 到位数.
    public var initialBudget: StatedNumber?
    public var budget: StatedNumber?
    public var spent: StatedNumber?
    public var arrived: StatedNumber?
    /// The 执行率 line: a stated rate, its weight and its score.
    public var executionLine: Int?
    public var statedRate: StatedNumber?
    public var executionWeight: StatedNumber?
    public var executionScore: StatedNumber?
    public var indicators: [Indicator] = []
    /// The 资金 line and the `其中` lines that split it by source.
    public var fundsLine: Int?
    public var fundParts: [FundPart] = []
    public var goals: [PerformanceGoal] = []
    public var totalWeight: StatedNumber?
    public var totalScore: StatedNumber?
    public var grade: Token?

    public init(_ syntax: PerformanceSyntax) {
        self.syntax = syntax
        name = syntax.name?.text ?? ""
        for item in syntax.items {
            func number(_ field: String) -> StatedNumber? { item.field(field)?.values.first.flatMap(StatedNumber.init) }
            switch item.key.text {
            case "其中":
                fundParts.append(FundPart(line: item.line, name: item.indicator, initialBudget: number("年初预算数"),
                                          budget: number("全年预算数") ?? number("预算数"), spent: number("全年执行数") ?? number("执行数"),
                                          arrived: number("到位数"), rate: number("执行率")))
            case "年度目标":
                goals.append(PerformanceGoal(line: item.line, goal: item.values.first, done: item.field("完成情况")?.values.first,
                                             rate: number("完成率")))
            case "资金":
                fundsLine = item.line
                initialBudget = number("年初预算数")
                budget = number("全年预算数") ?? number("预算数")
                spent = number("全年执行数") ?? number("执行数")
                arrived = number("到位数")
            case "执行率":
                executionLine = item.line
                statedRate = item.values.first.flatMap(StatedNumber.init) ?? number("执行率")
                executionWeight = number("分值")
                executionScore = number("得分")
            case "指标":
                var indicator = Indicator(line: item.line, name: item.indicator)
                if let target = item.field("目标"), !target.values.isEmpty { indicator.target = IndicatorTarget(target.values) }
                indicator.actual = number("实际")
                indicator.weight = number("分值")
                indicator.score = number("得分")
                if let done = item.field("完成")?.values.first {
                    if done.text == "完成" || done.text == "已完成" || done.text == "是" { indicator.completed = (true, done) }
                    if done.text == "未完成" || done.text == "否" { indicator.completed = (false, done) }
                }
                indicators.append(indicator)
            case "总分":
                // `总分 <weights> <score>`; either may be an empty cell (`总分 100 -`); one value is the score.
                if item.values.count >= 2 {
                    totalWeight = StatedNumber(item.values[0])
                    totalScore = StatedNumber(item.values[1])
                } else {
                    totalScore = item.values.first.flatMap(StatedNumber.init)
                }
            case "等级":
                grade = item.values.first
            default:
                break
            }
        }
    }
}

extension PerformanceProject {
    /// The 资金 line's figure of a key.
    public func fundValue(_ key: FundKey) -> StatedNumber? {
        switch key {
        case .initialBudget: return initialBudget
        case .budget: return budget
        case .spent: return spent
        case .arrived: return arrived
        }
    }
}

extension Report {
    public var performanceProjects: [PerformanceProject] { syntax.performances.map(PerformanceProject.init) }
}
