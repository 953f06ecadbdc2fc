import JuesuanSyntax

/// A rule of the catalogue (spec/rules.md): a stable code, a default severity and a title.
public struct Rule: Sendable, Hashable {
    public var code: String
    public var severity: Severity
    /// A one-line Chinese title, as the documentation and SARIF show it.
    public var title: String

    public init(_ code: String, _ severity: Severity, _ title: String) {
        self.code = code
        self.severity = severity
        self.title = title
    }

    /// The rule's entry in `docs/rules.md` (what `juesuan explain` prints), relative to the
    /// repository or to the installed `share/juesuan/`.
    public var documentationPath: String { "docs/rules.md#\(code.lowercased())" }

    /// Where the documentation lives when nothing else is configured: the repository.
    public static let repositoryDocumentationBase = "https://github.com/juesuan/juesuan/blob/main/"
}

/// A family of checks over a report: one small file per family, registered in `CheckRegistry`.
/// Its type is shared between threads (the registry's list, the two check threads), so it is a
/// `SendableMetatype`; the families are stateless enums.
public protocol ReportCheck: SendableMetatype {
    /// The rules this check reports.
    static var rules: [Rule] { get }
    static func run(_ context: CheckContext) -> [Diagnostic]
}

/// The one place where checks are registered; `Analysis` runs them in this order.
public enum CheckRegistry {
    public static let checks: [any ReportCheck.Type] = [
        StructureCheck.self,
        CodeTreeSumCheck.self,
        ColumnRelationCheck.self,
        LabelTreeCheck.self,
        SideBalanceCheck.self,
        DetailRowCheck.self,
        CatalogueCheck.self,
        GlossaryCheck.self,
        CrossTableCheck.self,
        UserCheck.self,
        PerformanceCheck.self,
        ScorecardProseCheck.self,
        WholeDepartmentScorecardCheck.self,
        CarryOverWordingCheck.self,
        ProjectGoalCheck.self,
        NarrativeProjectListCheck.self,
        NarrativeCheck.self,
        TextHygieneCheck.self,
        FigureLimitCheck.self,
    ]

    /// The order in which two threads start the families (`Analysis` with a large report), once
    /// they have read the prose in halves: the longest first (the narrative checks, the table
    /// sums, the text hygiene), so that the short ones fill the end of both threads. A family
    /// that needs the prose is passed over while it is not yet read. The findings keep
    /// `checks` order.
    public static let startOrder: [Int] = {
        let longest: [any ReportCheck.Type] = [NarrativeCheck.self, StructureCheck.self, CodeTreeSumCheck.self, TextHygieneCheck.self]
        let first = longest.map(index)
        return first + checks.indices.filter { !first.contains($0) }
    }()

    /// The families that read the prose (`CheckContext.prose`, or the free text made from it).
    static let readsProse: Set<Int> = Set([
        NarrativeCheck.self, TextHygieneCheck.self, NarrativeProjectListCheck.self, ProjectGoalCheck.self, ScorecardProseCheck.self,
    ].map(index))

    private static func index(_ check: any ReportCheck.Type) -> Int { checks.firstIndex { $0 == check }! }

    /// Rules reported while parsing and modelling, before any check runs.
    public static let syntaxRules: [Rule] = [
        Rule("S101", .error, "无法识别的块关键字或表头项"),
        Rule("S102", .error, "格式错误的行（缺少行名，或单元格不是数字）"),
        Rule("S103", .error, "单元格多于列数"),
        Rule("S104", .error, "未知的列名"),
        Rule("S106", .error, "缺少或写错必填的表头项（部门、年度）"),
        Rule("S111", .error, "文件含有无效的 UTF-8 字节"),
        Rule("S112", .warning, "数字过大或小数位过多，无法校验"),
        Rule("S113", .error, "文档超过大小上限（32 MB），未检查"),
    ] + ProjectNarrativeCheck.rules

    /// Every rule that this version reports, in code order.
    public static var rules: [Rule] {
        (syntaxRules + checks.flatMap { $0.rules }).sorted { $0.code < $1.code }
    }

    public static func rule(_ code: String) -> Rule? { rules.first { $0.code == code } }
}
