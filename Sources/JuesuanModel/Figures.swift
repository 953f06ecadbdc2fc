import JuesuanSyntax

/// How a figure's row is named: the total row, a code, or a (standard) label.
public enum RowSelector: Sendable, Hashable {
    case total
    case code(String)
    case label(String)
}

/// One published figure: its value, the cell it is written in, and where that is.
public struct Figure: Sendable {
    public var value: DecimalNumber
    public var cell: Cell
    public var row: Row
    public var tableID: String
    public var columnName: String

    public init(value: DecimalNumber, cell: Cell, row: Row, tableID: String, columnName: String) {
        self.value = value
        self.cell = cell
        self.row = row
        self.tableID = tableID
        self.columnName = columnName
    }

    /// `公开03 合计·本年支出合计` — how messages name the figure.
    public var description: String {
        let rowName = row.displayName.isEmpty ? "第 \(row.line + 1) 行" : row.displayName
        return "\(tableID)「\(rowName)」“\(columnName)”"
    }
}

extension TableSection {
    /// The first non-detail row the selector names. Labels match standard names, then keys.
    public func row(_ selector: RowSelector) -> Row? {
        switch selector {
        case .total:
            return rows.first { $0.isTotal && !$0.isDetail }
        case .code(let code):
            return rows.first { $0.code == code && !$0.isDetail }
        case .label(let label):
            let key = LabelKey.make(label)
            return rows.first { !$0.isDetail && $0.standardName.map { LabelKey.matches($0, key) } == true }
                ?? rows.first { !$0.isDetail && $0.key == key }
                ?? rows.first { !$0.isDetail && $0.categoryCode != nil && $0.categoryCode == CategoryNames.code(key) }
        }
    }
}

/// 类 names as labels name them in prose and tables (`社会保障和就业支出（类）`, `卫生健康`).
public enum CategoryNames {
    public static func code(_ key: String) -> String? {
        Catalogue.embedded.categoryCode(forName: key, allowingShortForm: true)
    }
}

extension Report {
    /// The figure a table, row and column name; `column` nil means the first column.
    /// `side` picks the side of a two-sided table (公开01/04); nil searches both.
    public func figure(_ tableID: String, _ row: RowSelector, column: String? = nil, side: TableSide? = nil) -> Figure? {
        guard let table = table(tableID) else { return nil }
        for section in table.sections where side == nil || section.side == side {
            guard let found = section.row(row) else { continue }
            let index: Int?
            if let column { index = section.column(named: LabelKey.make(column)) } else { index = section.columns.isEmpty ? nil : 0 }
            guard let index, let cell = found.cell(index), let value = cell.number else { continue }
            return Figure(value: value, cell: cell, row: found, tableID: table.id, columnName: section.columns[index].name)
        }
        return nil
    }
}
