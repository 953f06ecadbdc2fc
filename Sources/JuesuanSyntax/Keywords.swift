/// Every keyword of the language with its ASCII alias. Tools print the Chinese form.
public enum BlockKeyword: String, Sendable, CaseIterable {
    case table = "表"
    case narrative = "说明"
    case performance = "绩效"
    case glossary = "名词解释"
    case check = "校验"

    public var asciiAlias: String {
        switch self {
        case .table: "table"
        case .narrative: "text"
        case .performance: "perf"
        case .glossary: "glossary"
        case .check: "check"
        }
    }

    /// Recognises the Chinese form or the ASCII alias (any case).
    public init?(word: String) {
        if let index = BlockKeyword.rawValues.firstIndex(ofKeyword: word) { self = BlockKeyword.allCases[index]; return }
        guard let index = BlockKeyword.aliases.firstIndex(ofAlias: word) else { return nil }
        self = BlockKeyword.allCases[index]
    }

    /// The Chinese forms, in `allCases` order (compared as bytes: `firstIndex(ofKeyword:)`).
    static let rawValues = allCases.map(\.rawValue)
    /// The ASCII aliases, in `allCases` order.
    static let aliases = allCases.map(\.asciiAlias)
}

/// The keys of header lines (before the first block).
public enum HeaderKey: String, Sendable, CaseIterable {
    case department = "部门"
    case year = "年度"
    case unit = "单位"
    case budgetCode = "预算代码"
    case tolerance = "容差"
    case localCode = "科目"

    public var asciiAlias: String {
        switch self {
        case .department: "dept"
        case .year: "year"
        case .unit: "unit"
        case .budgetCode: "code"
        case .tolerance: "tolerance"
        case .localCode: "subject"
        }
    }

    public init?(word: String) {
        if let index = HeaderKey.rawValues.firstIndex(ofKeyword: word) { self = HeaderKey.allCases[index]; return }
        guard let index = HeaderKey.aliases.firstIndex(ofAlias: word) else { return nil }
        self = HeaderKey.allCases[index]
    }

    /// The Chinese forms, in `allCases` order (compared as bytes: `firstIndex(ofKeyword:)`).
    static let rawValues = allCases.map(\.rawValue)
    /// The ASCII aliases, in `allCases` order.
    static let aliases = allCases.map(\.asciiAlias)
}

/// Keywords used inside blocks.
public enum InnerKeyword {
    /// The column line of a table: `列 本年支出合计 基本支出 项目支出`.
    public static let columns = "列"
    public static let columnsAlias = "columns"
    /// The side switches of two-sided tables (公开01, 公开04).
    public static let incomeSide = "收入"
    public static let expenditureSide = "支出"
    /// The prefix of a detail row (`其中：外事接待费`).
    public static let detailPrefixes = ["其中：", "其中:"]
    /// The line keys of a performance block.
    public static let performanceKeys = ["主管部门", "实施单位", "资金", "其中", "执行率", "年度目标", "指标", "总分", "等级"]
    /// The field keys of a 年度目标 line (the goal text runs up to the first of them).
    public static let goalFields = ["完成情况", "完成率"]
    /// The field keys of an indicator (`指标`) line.
    public static let indicatorFields = ["目标", "实际", "分值", "得分", "完成", "原因"]
    /// The comparators of checks and indicator targets, with their full-width and ASCII forms.
    public static let comparators = ["=", "＝", "<=", ">=", "≤", "≥", "<", ">", "＜", "＞"]
    /// Suppression comments: `// juesuan: allow A290`, `// juesuan: allow-file N506`.
    public static let suppressionPrefix = "juesuan:"
}

/// An enum whose raw values are words (`万元`, `决算数`) that hashes its case instead of its word:
/// the standard library's default for a `RawRepresentable` type hashes `rawValue`, a `String`,
/// through Unicode normalisation (issue 15: dictionaries keyed by the money unit were 1 % of a
/// small report's analysis).
public protocol HashedByCase: Hashable, RawRepresentable {}

extension HashedByCase {
    @inlinable
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: self) { hasher.combine(bytes: $0) }
    }
}

extension Array where Element == String {
    /// Where `word` is among these lowercase ASCII aliases in any case: what
    /// `firstIndex(ofKeyword: word.lowercased())` finds, without lowercasing every word that
    /// starts a line (issue 15: `lowercased()` was an eighth of the analysis of small reports
    /// whose lines read as header lines). Lowercasing makes an ASCII letter of no non-ASCII
    /// scalar but the Kelvin sign (U+212A → k), and none normalises to an ASCII letter but that
    /// one: a word with any other non-ASCII scalar is no alias.
    func firstIndex(ofAlias word: String) -> Int? {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else {
            return word.unicodeScalars.contains { $0.value == 0x212A } ? firstIndex(ofKeyword: word.lowercased()) : nil
        }
        let length = word.utf8.count
        return firstIndex { alias in
            alias.utf8.count == length && zip(alias.utf8, word.utf8).allSatisfy { aliasByte, byte in
                aliasByte == (byte &- 0x41 < 26 ? byte | 0x20 : byte)
            }
        }
    }
}
