/// Which of the two classifications a code belongs to.
public enum ClassificationKind: String, Sendable, Hashable, CaseIterable {
    /// Its case, not its raw value (a `String`, hashed through Unicode normalisation).
    public func hash(into hasher: inout Hasher) { withUnsafeBytes(of: self) { hasher.combine(bytes: $0) } }

    /// 支出功能分类科目 (类 3 digits, 款 5, 项 7).
    case functional
    /// 部门预算支出经济分类科目 (类 3 digits, 款 5).
    case economic

    /// Chinese name of the classification.
    public var displayName: String {
        switch self {
        case .functional: return "支出功能分类科目"
        case .economic: return "支出经济分类科目"
        }
    }

    /// The levels codes of this classification can have.
    public var levels: [CatalogueLevel] {
        switch self {
        case .functional: return [.category, .section, .item]
        case .economic: return [.category, .section]
        }
    }
}

/// Level of a classification code; the raw value is the code's digit count.
public enum CatalogueLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// 类, 3 digits.
    case category = 3
    /// 款, 5 digits.
    case section = 5
    /// 项, 7 digits.
    case item = 7

    /// 类, 款 or 项.
    public var displayName: String {
        switch self {
        case .category: return "类"
        case .section: return "款"
        case .item: return "项"
        }
    }

    /// The level of a code with `codeLength` digits, if any.
    public init?(codeLength: Int) {
        self.init(rawValue: codeLength)
    }

    /// Parses 类, 款 or 项.
    public init?(displayName: String) {
        switch displayName {
        case "类": self = .category
        case "款": self = .section
        case "项": self = .item
        default: return nil
        }
    }

    /// The level of `code` if it is 3, 5 or 7 ASCII digits.
    public init?(code: some StringProtocol) {
        guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let level = CatalogueLevel(codeLength: code.utf8.count) else { return nil }
        self = level
    }

    public static func < (lhs: CatalogueLevel, rhs: CatalogueLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// One code of a classification catalogue.
public struct CatalogueEntry: Sendable, Hashable, CustomStringConvertible {
    /// Where an entry comes from.
    public enum Origin: Sendable, Hashable {
        /// The catalogue built into Juesuan (data/*.tsv).
        case embedded
        /// A user-provided list (`lint --catalog FILE`).
        case official
        /// A code declared locally in the report being checked.
        case local
    }

    public var code: String
    public var name: String
    public var level: CatalogueLevel
    public var kind: ClassificationKind
    public var origin: Origin
    /// Where this exact code and name were seen in a real published document
    /// (data/verified-codes.tsv); nil when no such evidence is known.
    public var evidence: String?

    public init(code: String, name: String, level: CatalogueLevel, kind: ClassificationKind, origin: Origin = .embedded,
                evidence: String? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.kind = kind
        self.origin = origin
        self.evidence = evidence
    }

    /// Whether the name is known for certain: an embedded entry with evidence, or an entry the
    /// user supplied (an official list given with `--catalog`, a code declared in the report),
    /// which the user vouches for. Only the rest of the embedded catalogue, reconstructed from
    /// working knowledge (data/SOURCES.md), is unverified.
    public var isVerified: Bool { origin != .embedded || evidence != nil }

    /// The code of the parent (款 of a 项, 类 of a 款); nil for a 类.
    public var parentCode: String? {
        level == .category ? nil : String(code.dropLast(2))
    }

    public var description: String { "\(code) \(name)" }
}
