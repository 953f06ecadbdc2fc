/// How serious a finding is; the names are those of LSP and SARIF.
public enum Severity: String, Sendable, Comparable, CaseIterable, HashedByCase {
    case error, warning, information, hint

    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .information: 2
        case .hint: 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// The word a Chinese reader sees.
    public var chineseName: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        case .information: "提示"
        case .hint: "建议"
        }
    }
}

/// One replacement of a range of the document.
public struct TextEdit: Sendable, Hashable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A correction a tool can apply for the user.
public struct Fix: Sendable, Hashable {
    public var title: String
    public var edits: [TextEdit]
    /// Safe fixes change nothing but the one figure or name and are what the figures themselves
    /// prove (a total from its parts, a code's official name); `lint --fix` applies only these.
    /// A fix that picks which of two disagreeing figures is wrong (a copy in another table, a
    /// figure in prose, a locally scored 执行率) is offered in the editor but never applied unasked.
    public var isSafe: Bool

    public init(title: String, edits: [TextEdit], isSafe: Bool = true) {
        self.title = title
        self.edits = edits
        self.isSafe = isSafe
    }
}

/// Another place that explains a finding (the rows that make up a wrong total).
public struct RelatedLocation: Sendable, Hashable {
    public var range: SourceRange
    public var message: String

    public init(range: SourceRange, message: String) {
        self.range = range
        self.message = message
    }
}

/// A finding: a stable rule code, a severity, the exact range of the offending token and a message.
public struct Diagnostic: Sendable, Hashable {
    public var code: String
    public var severity: Severity
    public var range: SourceRange
    public var message: String
    public var fix: Fix?
    public var related: [RelatedLocation]

    public init(code: String, severity: Severity, range: SourceRange, message: String, fix: Fix? = nil, related: [RelatedLocation] = []) {
        self.code = code
        self.severity = severity
        self.range = range
        self.message = message
        self.fix = fix
        self.related = related
    }
}
