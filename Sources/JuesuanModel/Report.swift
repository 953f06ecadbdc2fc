import JuesuanCatalogue
import JuesuanSyntax

@_exported import struct JuesuanCatalogue.Catalogue
@_exported import struct JuesuanCatalogue.CatalogueEntry
@_exported import enum JuesuanCatalogue.ClassificationKind

/// The money unit of every table (`单位`).
public enum MoneyUnit: String, Sendable, CaseIterable, HashedByCase {
    case yuan = "元"
    case thousandYuan = "千元"
    case tenThousandYuan = "万元"
    case hundredMillionYuan = "亿元"

    /// The power of ten of 元 the unit is.
    public var exponent: Int {
        switch self {
        case .yuan: 0
        case .thousandYuan: 3
        case .tenThousandYuan: 4
        case .hundredMillionYuan: 8
        }
    }
}

public struct ReportHeader: Sendable {
    public var department: String?
    public var year: Int?
    public var unit: MoneyUnit = .tenThousandYuan
    public var budgetCode: String?
    /// The rounding tolerance per addend, in the money unit (spec 9.2).
    public var tolerance = DecimalNumber(mantissa: 5, scale: 3)
    /// Codes declared by `科目` lines: (code, name, line).
    public var localCodes: [(code: String, name: String, line: Int)] = []
}

/// A cell of a row, aligned to its column.
public struct Cell: Sendable {
    public var value: CellValue
    public var token: Token
    public var number: DecimalNumber? { value.number }

    public init(value: CellValue, token: Token) {
        self.value = value
        self.token = token
    }
}

public struct Column: Sendable {
    public var name: String
    /// The `列` token naming it, when the document names its columns.
    public var token: Token?
}

public struct ColumnRelation: Sendable {
    public var result: Int
    public var terms: [(negative: Bool, column: Int)]
    public var rule: String
    /// The `列` relation text it was written as, if the document wrote it.
    public var range: SourceRange?
}

public struct Row: Sendable {
    /// Checks copy rows freely (filters, dictionaries of first occurrences, figures); a row's
    /// fields live in one copy-on-write box so that a copy is one retain, not a dozen (issue 15).
    private final class Storage: @unchecked Sendable {
        // Never mutated while shared: `Row` copies the box before writing to it.
        // The cells are read from `syntax` in place: the model keeps no copy of them.
        let syntax: RowSyntax
        let columnCount: Int
        var code: String?
        var label: String
        var key: String
        var standardName: String?
        var categoryCode: String?
        var isTotal: Bool
        var isDetail: Bool
        var isCount: Bool
        /// Whether a cell's text is not a number (rare: `isUnknown` then looks for it).
        let hasUnknownCell: Bool

        init(syntax: RowSyntax, columnCount: Int, code: String?, label: String, key: String, standardName: String?,
             categoryCode: String?, isTotal: Bool, isDetail: Bool, isCount: Bool) {
            self.syntax = syntax
            self.columnCount = columnCount
            self.code = code
            self.label = label
            self.key = key
            self.standardName = standardName
            self.categoryCode = categoryCode
            self.isTotal = isTotal
            self.isDetail = isDetail
            self.isCount = isCount
            hasUnknownCell = syntax.values.contains(nil)
        }

        func copy() -> Storage {
            Storage(syntax: syntax, columnCount: columnCount, code: code, label: label, key: key, standardName: standardName,
                    categoryCode: categoryCode, isTotal: isTotal, isDetail: isDetail, isCount: isCount)
        }
    }

    private var storage: Storage

    /// The box, copied first when another row shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// A row of a table of `columnCount` columns.
    init(syntax: RowSyntax, columnCount: Int, code: String?, label: String, key: String, standardName: String?,
         categoryCode: String?, isTotal: Bool, isDetail: Bool, isCount: Bool) {
        storage = Storage(syntax: syntax, columnCount: columnCount, code: code, label: label, key: key,
                          standardName: standardName, categoryCode: categoryCode, isTotal: isTotal, isDetail: isDetail,
                          isCount: isCount)
    }

    public var syntax: RowSyntax {
        _read { yield storage.syntax }
    }
    public var code: String? {
        _read { yield storage.code }
        set { unique.code = newValue }
    }
    /// The label as written (with any ordinal prefix), or "" when only a code is written.
    public var label: String {
        _read { yield storage.label }
        set { unique.label = newValue }
    }
    /// The label's matching key (`LabelKey`).
    public var key: String {
        _read { yield storage.key }
        set { unique.key = newValue }
    }
    /// The standard label row it is, in a standard table.
    public var standardName: String? {
        _read { yield storage.standardName }
        set { unique.standardName = newValue }
    }
    /// The functional 类 code a 类 row of 公开01/04's expenditure side names.
    public var categoryCode: String? {
        _read { yield storage.categoryCode }
        set { unique.categoryCode = newValue }
    }
    /// One entry per column; nil where nothing is written (trailing cells left out) and where
    /// the text is not a number.
    public var cells: ColumnCells { ColumnCells(syntax: storage.syntax, count: storage.columnCount) }
    public var isTotal: Bool {
        _read { yield storage.isTotal }
        set { unique.isTotal = newValue }
    }
    public var isDetail: Bool {
        _read { yield storage.isDetail }
        set { unique.isDetail = newValue }
    }
    public var isCount: Bool {
        _read { yield storage.isCount }
        set { unique.isCount = newValue }
    }

    public var line: Int { storage.syntax.line }
    /// The code's and the label's tokens, without copying the row's syntax (checks read them
    /// for every row).
    public var codeToken: Token? { storage.syntax.code }
    public var labelToken: Token? { storage.syntax.label }
    /// The code and label, as a reader names the row.
    public var displayName: String {
        [code, label.isEmpty ? nil : label].compactMap { $0 }.joined(separator: " ")
    }
    /// The range naming the row (its code and label).
    public var nameRange: SourceRange {
        switch (storage.syntax.code, storage.syntax.label) {
        case let (code?, label?): code.range.union(label.range)
        case let (code?, nil): code.range
        case let (nil, label?): label.range
        default: storage.syntax.range
        }
    }

    public func cell(_ column: Int) -> Cell? { column < storage.columnCount ? cells[column] : nil }

    /// `cell(column)?.number` without making the cell (sums read every addend's figure).
    public func number(_ column: Int) -> DecimalNumber? {
        guard column >= 0, column < storage.columnCount else { return nil }
        // Through the buffer: the value is read in place, not copied out of the array first.
        return storage.syntax.values.withUnsafeBufferPointer { values in
            column < values.count ? values[column]?.number : nil
        }
    }

    /// Columns whose cell is written but is not a number (S102): their value is unknown,
    /// so no sum that involves them is checked.
    public func isUnknown(_ column: Int) -> Bool {
        guard storage.hasUnknownCell else { return false }
        return storage.syntax.values.withUnsafeBufferPointer { values in column >= 0 && column < values.count && values[column] == nil }
    }
}

/// A row's cells by column (`Row.cells`), read from its syntax in place.
public struct ColumnCells: RandomAccessCollection, Sendable {
    let syntax: RowSyntax
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(column: Int) -> Cell? {
        precondition(column >= 0 && column < count, "column out of range")
        guard column < syntax.values.count, let value = syntax.values[column] else { return nil }
        return Cell(value: value, token: syntax.cellToken(column))
    }
}

/// One side of a table (公开01 and 04 have two; every other table one).
public struct TableSection: Sendable {
    public var side: TableSide?
    public var spec: SideSpec?
    public var columns: [Column]
    public var relations: [ColumnRelation]
    public var rows: [Row]

    public func column(named key: String) -> Int? {
        if let index = columns.firstIndex(where: { LabelKey.matches($0.name, key) }) { return index }
        guard let spec else { return nil }
        for (specIndex, column) in spec.columns.enumerated() where column.matches(key) {
            let specKey = LabelKey.make(spec.columns[specIndex].name)
            return columns.firstIndex { LabelKey.matches($0.name, specKey) }
        }
        return nil
    }

    public func row(standardName: String) -> Row? { rows.first { $0.standardName == standardName } }
}

public struct Table: Sendable {
    /// The fields live in one copy-on-write box, as `Row`'s do: every check walks the tables,
    /// and a table copied field by field was a dozen reference counts, taken on two threads.
    private final class Storage: @unchecked Sendable {
        // Never mutated while shared: `Table` copies the box before writing to it.
        var syntax: TableSyntax
        var id: String
        var spec: StandardTableSpec?
        var sections: [TableSection]

        init(syntax: TableSyntax, id: String, spec: StandardTableSpec?, sections: [TableSection]) {
            self.syntax = syntax
            self.id = id
            self.spec = spec
            self.sections = sections
        }
    }

    private var storage: Storage

    /// The box, copied first when another table shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) {
                storage = Storage(syntax: storage.syntax, id: storage.id, spec: storage.spec, sections: storage.sections)
            }
            return storage
        }
    }

    public init(syntax: TableSyntax, id: String, spec: StandardTableSpec?, sections: [TableSection]) {
        storage = Storage(syntax: syntax, id: id, spec: spec, sections: sections)
    }

    public var syntax: TableSyntax {
        _read { yield storage.syntax }
        set { unique.syntax = newValue }
    }
    /// `公开01`…`公开10` for a standard table, else the name as written.
    public var id: String {
        _read { yield storage.id }
        set { unique.id = newValue }
    }
    public var spec: StandardTableSpec? {
        _read { yield storage.spec }
        set { unique.spec = newValue }
    }
    public var sections: [TableSection] {
        _read { yield storage.sections }
        _modify { yield &unique.sections }
    }

    public var allRows: [Row] { sections.flatMap(\.rows) }
    public var rowKind: RowKind? { spec?.rowKind }
}

/// The semantic model of a report: header, tables with aligned cells, and the catalogue in force.
public struct Report: Sendable {
    public let syntax: SyntaxTree
    public var header: ReportHeader
    public var tables: [Table] { didSet { tableIndex = Report.index(tables) } }
    public var catalogue: Catalogue
    /// What could not be modelled (S103, S104, S106 and friends).
    public var diagnostics: [Diagnostic]
    /// The first table of each id: checks and prose look tables up by id for every claim and
    /// row, which a scan over hundreds of tables made quadratic (issue 15).
    private var tableIndex: [String: Int]

    public init(syntax: SyntaxTree, header: ReportHeader, tables: [Table], catalogue: Catalogue, diagnostics: [Diagnostic]) {
        self.syntax = syntax
        self.header = header
        self.tables = tables
        self.catalogue = catalogue
        self.diagnostics = diagnostics
        tableIndex = Report.index(tables)
    }

    private static func index(_ tables: [Table]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(tables.count)
        for (position, table) in tables.enumerated() where index[table.id] == nil { index[table.id] = position }
        return index
    }

    public var source: SourceText { syntax.source }

    /// The first table with this id.
    public func table(_ id: String) -> Table? { tableIndex[id].map { tables[$0] } }
}
