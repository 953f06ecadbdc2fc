import JuesuanSyntax
import JuesuanCatalogue

/// What the rows of a table are keyed by.
public enum RowKind: Sendable {
    /// 支出功能分类科目 codes (公开02, 03, 04's expenditure side, 05, 07, 08).
    case functionalCodes
    /// 部门预算支出经济分类科目 codes (公开06).
    case economicCodes
    /// Standard label rows (公开01, 04's income side, 09, 10).
    case labels
}

public struct ColumnSpec: Sendable {
    public var name: String
    public var aliases: [String]

    public func matches(_ key: String) -> Bool {
        LabelKey.matches(name, key) || aliases.contains { LabelKey.matches($0, key) }
    }
}

/// `result = ±term ± term …` between columns of every row.
public struct RelationSpec: Sendable {
    public var result: String
    public var terms: [(negative: Bool, column: String)]
    /// A203 for a sum, A206 for the carry-over identity of 公开07.
    public var rule: String
}

/// An addend of a label tree.
public enum PartSpec: Sendable {
    case label(String)
    /// Every functional 类 row of the side (公开01/04 expenditure).
    case categoryRows
    /// Economic 类 by code (公开06 人员经费合计 = 301 + 303).
    case economicClass(String)
}

public struct TreeSpec: Sendable {
    public var total: String
    public var parts: [PartSpec]
}

public struct LabelRowSpec: Sendable {
    public var name: String
    public var aliases: [String] = []
    /// Count rows (批次, 人次, 辆) hold whole numbers and are checked exactly.
    public var isCount = false
}

public struct SideSpec: Sendable {
    public var side: TableSide?
    public var columns: [ColumnSpec]
    public var relations: [RelationSpec]
    public var labelRows: [LabelRowSpec] { didSet { labelRowIndex = SideSpec.index(labelRows) } }
    public var trees: [TreeSpec]
    /// Rows not among `labelRows` are functional 类 rows, named by the catalogue (公开01/04 支出).
    public var acceptsCategoryRows: Bool
    /// The labels of the total row of a code table.
    public var totalLabels: [String]
    /// The first label row of each key of a name or alias: every row of a label table was
    /// matched against every name and alias in turn (issue 15).
    private var labelRowIndex: [String: Int]

    public init(side: TableSide?, columns: [ColumnSpec], relations: [RelationSpec] = [], labelRows: [LabelRowSpec] = [],
                trees: [TreeSpec] = [], acceptsCategoryRows: Bool = false, totalLabels: [String] = []) {
        self.side = side
        self.columns = columns
        self.relations = relations
        self.labelRows = labelRows
        self.trees = trees
        self.acceptsCategoryRows = acceptsCategoryRows
        self.totalLabels = totalLabels
        labelRowIndex = SideSpec.index(labelRows)
    }

    /// Keys compare as `String`s (canonically), as `LabelKey.matches` did, and the first row
    /// whose name or an alias has the key wins, as in the scan.
    private static func index(_ rows: [LabelRowSpec]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            for name in [row.name] + row.aliases where index[LabelKey.make(name)] == nil {
                index[LabelKey.make(name)] = position
            }
        }
        return index
    }

    public func labelRow(forKey key: String) -> LabelRowSpec? {
        labelRowIndex[key].map { labelRows[$0] }
    }
}

/// A standard disclosure table 公开01–10 (spec/rules.md, "Standard tables").
public struct StandardTableSpec: Sendable {
    public var number: Int
    public var title: String
    public var rowKind: RowKind
    public var sides: [SideSpec]
    /// Whole numbers only (公开10): sums are checked exactly.
    public var isCountTable = false

    public var id: String { StandardTableSpec.id(number) }
    public var isTwoSided: Bool { sides.count == 2 }

    public static func id(_ number: Int) -> String { number < 10 ? "公开0\(number)" : "公开\(number)" }

    public static func spec(number: Int) -> StandardTableSpec? { all.first { $0.number == number } }

    /// `公开01`, `01表`, `公开01表`, `公开1` → 1; nil for a custom table name.
    public static func number(fromID id: String) -> Int? {
        var text = Substring(id)
        var hadMarker = false
        if text.hasPrefix("公开") { text = text.dropFirst(2); hadMarker = true }
        if text.hasSuffix("表") { text = text.dropLast(); hadMarker = true }
        guard hadMarker, !text.isEmpty, text.count <= 2, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text),
              (1...10).contains(number) else { return nil }
        return number
    }

    static func columns(_ names: String...) -> [ColumnSpec] { names.map { ColumnSpec(name: $0, aliases: []) } }
    static func sum(_ result: String, _ terms: String...) -> RelationSpec {
        RelationSpec(result: result, terms: terms.map { (false, $0) }, rule: "A203")
    }
    static func labels(_ names: String...) -> [LabelRowSpec] { names.map { LabelRowSpec(name: $0) } }
    static func tree(_ total: String, _ parts: String...) -> TreeSpec { TreeSpec(total: total, parts: parts.map { .label($0) }) }

    public static let all: [StandardTableSpec] = {
        let incomeItems = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
        let grantKinds = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
        let table01 = StandardTableSpec(number: 1, title: "收入支出决算总表", rowKind: .labels, sides: [
            SideSpec(side: .income, columns: columns("金额"),
                     labelRows: incomeItems.map { LabelRowSpec(name: $0) } + [
                        LabelRowSpec(name: "本年收入合计"),
                        LabelRowSpec(name: "使用非财政拨款结余（含专用结余）", aliases: ["使用非财政拨款结余"]),
                        LabelRowSpec(name: "年初结转和结余"),
                        LabelRowSpec(name: "总计"),
                     ],
                     trees: [TreeSpec(total: "本年收入合计", parts: incomeItems.map { .label($0) }),
                             tree("总计", "本年收入合计", "使用非财政拨款结余（含专用结余）", "年初结转和结余")]),
            SideSpec(side: .expenditure, columns: columns("金额"),
                     labelRows: labels("本年支出合计", "结余分配", "年末结转和结余", "总计"),
                     trees: [TreeSpec(total: "本年支出合计", parts: [.categoryRows]),
                             tree("总计", "本年支出合计", "结余分配", "年末结转和结余")],
                     acceptsCategoryRows: true),
        ])
        let table02 = StandardTableSpec(number: 2, title: "收入决算表", rowKind: .functionalCodes, sides: [
            SideSpec(side: nil, columns: columns("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
                     relations: [sum("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")],
                     totalLabels: ["合计", "总计"]),
        ])
        let table03 = StandardTableSpec(number: 3, title: "支出决算表", rowKind: .functionalCodes, sides: [
            SideSpec(side: nil, columns: columns("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
                     relations: [sum("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")],
                     totalLabels: ["合计", "总计"]),
        ])
        let table04 = StandardTableSpec(number: 4, title: "财政拨款收入支出决算总表", rowKind: .labels, sides: [
            SideSpec(side: .income, columns: columns("金额"),
                     labelRows: grantKinds.map { LabelRowSpec(name: $0) } + [
                        LabelRowSpec(name: "本年收入合计"),
                        LabelRowSpec(name: "年初财政拨款结转和结余"),
                     ] + grantKinds.map { LabelRowSpec(name: "年初" + $0) } + [LabelRowSpec(name: "总计")],
                     trees: [TreeSpec(total: "本年收入合计", parts: grantKinds.map { .label($0) }),
                             TreeSpec(total: "年初财政拨款结转和结余", parts: grantKinds.map { .label("年初" + $0) }),
                             tree("总计", "本年收入合计", "年初财政拨款结转和结余")]),
            SideSpec(side: .expenditure, columns: columns("合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"),
                     relations: [sum("合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")],
                     labelRows: labels("本年支出合计", "年末财政拨款结转和结余", "总计"),
                     trees: [TreeSpec(total: "本年支出合计", parts: [.categoryRows]),
                             tree("总计", "本年支出合计", "年末财政拨款结转和结余")],
                     acceptsCategoryRows: true),
        ])
        let table05 = StandardTableSpec(number: 5, title: "一般公共预算财政拨款支出决算表", rowKind: .functionalCodes, sides: [
            SideSpec(side: nil, columns: [ColumnSpec(name: "本年支出合计", aliases: ["小计", "合计"]), ColumnSpec(name: "基本支出", aliases: []), ColumnSpec(name: "项目支出", aliases: [])],
                     relations: [sum("本年支出合计", "基本支出", "项目支出")],
                     totalLabels: ["合计", "总计"]),
        ])
        let publicExpenseClasses = ["302", "307", "309", "310", "312", "313", "399"]
        let table06 = StandardTableSpec(number: 6, title: "一般公共预算财政拨款基本支出决算表", rowKind: .economicCodes, sides: [
            SideSpec(side: nil, columns: [ColumnSpec(name: "决算数", aliases: ["金额"])],
                     labelRows: labels("人员经费合计", "公用经费合计", "合计"),
                     trees: [TreeSpec(total: "人员经费合计", parts: [.economicClass("301"), .economicClass("303")]),
                             TreeSpec(total: "公用经费合计", parts: publicExpenseClasses.map { .economicClass($0) }),
                             tree("合计", "人员经费合计", "公用经费合计")]),
        ])
        let table07 = StandardTableSpec(number: 7, title: "政府性基金预算财政拨款收入支出决算表", rowKind: .functionalCodes, sides: [
            SideSpec(side: nil, columns: [ColumnSpec(name: "年初结转和结余", aliases: []), ColumnSpec(name: "本年收入", aliases: []),
                                          ColumnSpec(name: "本年支出", aliases: ["本年支出小计", "小计"]), ColumnSpec(name: "基本支出", aliases: []),
                                          ColumnSpec(name: "项目支出", aliases: []), ColumnSpec(name: "年末结转和结余", aliases: [])],
                     relations: [sum("本年支出", "基本支出", "项目支出"),
                                 RelationSpec(result: "年末结转和结余", terms: [(false, "年初结转和结余"), (false, "本年收入"), (true, "本年支出")], rule: "A206")],
                     totalLabels: ["合计", "总计"]),
        ])
        let table08 = StandardTableSpec(number: 8, title: "国有资本经营预算财政拨款支出决算表", rowKind: .functionalCodes, sides: [
            SideSpec(side: nil, columns: [ColumnSpec(name: "本年支出合计", aliases: ["合计"]), ColumnSpec(name: "基本支出", aliases: []), ColumnSpec(name: "项目支出", aliases: [])],
                     relations: [sum("本年支出合计", "基本支出", "项目支出")],
                     totalLabels: ["合计", "总计"]),
        ])
        let countRows = ["因公出国（境）团组数", "因公出国（境）人次数", "公务用车购置数", "公务用车保有量",
                         "国内公务接待批次", "国内公务接待人次", "国（境）外公务接待批次", "国（境）外公务接待人次"]
        let table09 = StandardTableSpec(number: 9, title: "财政拨款“三公”经费支出决算表", rowKind: .labels, sides: [
            SideSpec(side: nil, columns: [ColumnSpec(name: "年初预算数", aliases: []), ColumnSpec(name: "全年预算数", aliases: ["预算数"]), ColumnSpec(name: "决算数", aliases: [])],
                     labelRows: [
                        LabelRowSpec(name: "合计", aliases: ["“三公”经费支出", "“三公”经费"]),
                        LabelRowSpec(name: "因公出国（境）费", aliases: ["因公出国（境）费用"]),
                        LabelRowSpec(name: "公务用车购置及运行维护费", aliases: ["公务用车购置及运行费"]),
                        LabelRowSpec(name: "公务用车购置费"),
                        LabelRowSpec(name: "公务用车运行维护费", aliases: ["公务用车运行费"]),
                        LabelRowSpec(name: "公务接待费"),
                        LabelRowSpec(name: "国内接待费"),
                        LabelRowSpec(name: "国（境）外接待费"),
                     ] + countRows.map { LabelRowSpec(name: $0, isCount: true) },
                     trees: [tree("合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"),
                             tree("公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费"),
                             tree("公务接待费", "国内接待费", "国（境）外接待费")]),
        ])
        let vehicles = ["副部（省）级及以上领导用车", "主要负责人用车", "机要通信用车", "应急保障用车", "执法执勤用车",
                        "特种专业技术用车", "离退休干部服务用车", "其他用车"]
        let table10 = StandardTableSpec(number: 10, title: "国有资产占用情况表", rowKind: .labels, sides: [
            SideSpec(side: nil, columns: [ColumnSpec(name: "决算数", aliases: ["数量"])],
                     labelRows: ([LabelRowSpec(name: "车辆数合计", aliases: ["车辆合计"])] + vehicles.map { LabelRowSpec(name: $0) }
                                 + [LabelRowSpec(name: "单价100万元（含）以上设备（不含车辆）", aliases: ["单价100万元以上设备（不含车辆）"])]).map { var row = $0; row.isCount = true; return row },
                     trees: [TreeSpec(total: "车辆数合计", parts: vehicles.map { .label($0) })]),
        ], isCountTable: true)
        return [table01, table02, table03, table04, table05, table06, table07, table08, table09, table10]
    }()
}

/// The key a label is matched by: no ordinal prefix, no blanks, one form of each punctuation mark,
/// no `（类）`/`（款）`/`（项）` suffix.
public enum LabelKey {
    @inlinable
    public static func make<S: StringProtocol>(_ label: S) -> String {
        // Most labels are CJK text with nothing to normalise: answer without rebuilding them.
        if isPlain(label) { return String(label) }
        var key = CatalogueName.normalized(Ordinal.strip(label))
        if key.utf8.last == 0x29 { // `)`: maybe a `(类)` suffix
            for suffix in ["(类)", "(款)", "(项)"] where key.hasSuffix(suffix) && key.count > suffix.count {
                key.removeLast(suffix.count)
            }
        }
        return key
    }

    /// `LabelKey.make(label) == key` without building the key of a plain label (most are): the
    /// standard tables' names were rebuilt as strings for every row they were matched with.
    public static func matches(_ label: String, _ key: String) -> Bool {
        isPlain(label) ? label == key : make(label) == key
    }

    /// CJK ideographs and ASCII letters and digits only, not starting like an ordinal.
    @inlinable
    static func isPlain<S: StringProtocol>(_ label: S) -> Bool {
        // On the UTF-8 bytes when they are contiguous (native strings): no scalar decoding.
        if let plain = label.utf8.withContiguousStorageIfAvailable({ isPlainUTF8($0) }) { return plain }
        var first = true
        for scalar in label.unicodeScalars {
            let value = scalar.value
            if first {
                first = false
                // Digits and numerals may start an ordinal (`1.`, `一、`).
                if value < 0x80 ? (value >= 0x30 && value <= 0x39) : "一二三四五六七八九十百零〇".unicodeScalars.contains(scalar) { return false }
            }
            if value >= 0x4E00 && value <= 0x9FFF { continue }
            if value < 0x80, (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) { continue }
            return false
        }
        return true
    }

    /// `isPlain` on valid UTF-8: U+4E00–U+9FFF are E4 B8 80 – E9 BF BF.
    @inlinable
    static func isPlainUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var i = 0
        while i < count {
            // Two ideographs of U+5000–U+9FFF at a time after the first character (issue 15).
            if i > 0, UTF8Scalars.twoThreeByteSequences(bytes, at: i, end: count, leads: UTF8Scalars.wideHanLeadNibbles) {
                i += 6
                continue
            }
            let b = bytes[i]
            if b < 0x80 {
                // Digits may start an ordinal (`1.`).
                if b >= 0x30 && b <= 0x39 { if i == 0 { return false }; i += 1; continue }
                if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { i += 1; continue }
                return false
            }
            guard b >= 0xE4 && b <= 0xE9, i + 2 < count else { return false }
            let b1 = bytes[i + 1]
            if b == 0xE4 && b1 < 0xB8 { return false }
            if i == 0 {
                // Numerals may start an ordinal (`一、`); 〇 (U+3007) is not in the range anyway.
                let value = (UInt32(b & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                switch value {
                case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6: return false
                default: break
                }
            }
            i += 3
        }
        return true
    }
}
