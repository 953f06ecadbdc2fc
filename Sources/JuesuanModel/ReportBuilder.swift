import Dispatch
import JuesuanCatalogue
import JuesuanSyntax

extension Report {
    /// Builds the model of a parsed document. Pure: the same tree and catalogue give the same report.
    /// `defaultTolerance` (a project's `tolerance`) applies when the header has no `容差` line.
    public init(syntax: SyntaxTree, catalogue baseCatalogue: Catalogue = .embedded, defaultTolerance: DecimalNumber? = nil) {
        self.init(syntax: syntax, catalogue: baseCatalogue, defaultTolerance: defaultTolerance, inParallel: false)
    }

    /// - Parameter inParallel: whether the tables of a document of `Parser.parallelThreshold`
    ///   bytes or more are modelled on two threads (the report is the same either way).
    public init(syntax: SyntaxTree, catalogue baseCatalogue: Catalogue, defaultTolerance: DecimalNumber?, inParallel: Bool) {
        var builder = ReportBuilder(syntax: syntax)
        let header = builder.buildHeader(defaultTolerance: defaultTolerance)
        var catalogue = baseCatalogue
        for local in header.localCodes {
            catalogue.add(code: local.code, name: local.name, kind: local.code.hasPrefix("2") ? .functional : .economic)
        }
        let syntaxTables = syntax.tables
        if inParallel, syntax.source.bytes.count >= Parser.parallelThreshold, syntaxTables.count >= 2 {
            let (tables, diagnostics) = ReportBuilder.buildTablesInParts(syntaxTables, after: builder, catalogue: catalogue)
            self.init(syntax: syntax, header: header, tables: tables, catalogue: catalogue, diagnostics: diagnostics)
            return
        }
        let tables = syntaxTables.map { builder.buildTable($0, catalogue: catalogue) }
        self.init(syntax: syntax, header: header, tables: tables, catalogue: catalogue, diagnostics: builder.diagnostics)
    }

    /// Parses and models a text in one step.
    public init(text: String, catalogue: Catalogue = .embedded) {
        self.init(syntax: Parser.parse(text), catalogue: catalogue)
    }
}

private struct ReportBuilder {
    let syntax: SyntaxTree
    var diagnostics: [Diagnostic] = []
    /// Each half of a large report's tables has its own (no lock between the two threads).
    var labels = LabelCache()

    init(syntax: SyntaxTree) { self.syntax = syntax }

    /// Each table is modelled on its own (a builder only collects findings), so a large
    /// document's tables are modelled on two threads in parts of about equal rows, each thread
    /// taking the next part when done (`TwoThreads.mapParts`); the tables and findings come out
    /// in document order, as on one thread (`ParallelAnalysisTests.testTablesModelledOnTwoThreadsGiveTheSameFindings`).
    static func buildTablesInParts(_ tables: [TableSyntax], after builder: ReportBuilder, catalogue: Catalogue) -> ([Table], [Diagnostic]) {
        let starts = partStarts(tables, parts: TwoThreads.partCount)
        // Each thread has a builder of its own from part to part: the labels it has read stay read.
        let parts = TwoThreads.mapParts(starts.count, state: { _ in ReportBuilder(syntax: builder.syntax) }) { partBuilder, part -> ([Table], [Diagnostic]) in
            let range = starts[part]..<(part + 1 < starts.count ? starts[part + 1] : tables.count)
            // The first part has room for every table: the later parts' are appended in place.
            var built: [Table] = []
            built.reserveCapacity(part == 0 ? tables.count : range.count)
            for table in tables[range] { built.append(partBuilder.buildTable(table, catalogue: catalogue)) }
            defer { partBuilder.diagnostics = [] }
            return (built, partBuilder.diagnostics)
        }
        var (all, diagnostics) = parts[0]
        diagnostics = builder.diagnostics + diagnostics
        for (built, found) in parts.dropFirst() {
            all.append(contentsOf: built)
            diagnostics.append(contentsOf: found)
        }
        return (all, diagnostics)
    }

    /// The first table of each of at most `parts` parts with about as many rows each: 0, then
    /// ascending.
    static func partStarts(_ tables: [TableSyntax], parts: Int) -> [Int] {
        let totalRows = tables.reduce(0) { $0 + $1.rows.count + 1 }
        var starts = [0]
        var rows = 0
        for (index, table) in tables.enumerated() {
            // A part starts at the table that the next multiple of the share would fall in.
            if index > 0, rows * parts >= totalRows * starts.count { starts.append(index) }
            rows += table.rows.count + 1
        }
        return starts
    }

    mutating func report(_ code: String, _ severity: Severity, _ range: SourceRange, _ message: String) {
        diagnostics.append(Diagnostic(code: code, severity: severity, range: range, message: message))
    }

    // MARK: Header

    mutating func buildHeader(defaultTolerance: DecimalNumber? = nil) -> ReportHeader {
        var header = ReportHeader()
        if let defaultTolerance { header.tolerance = defaultTolerance }
        var seen: [HeaderKey: Token] = [:]
        for line in syntax.header {
            guard let key = line.canonicalKey else { continue }
            if key != .localCode, let first = seen[key] {
                let firstLine = syntax.source.line(containing: first.range.start) + 1
                report("S106", .warning, line.key.range, "表头项“\(key.rawValue)”重复，第 \(firstLine) 行已写过；以第一次为准")
                continue
            }
            seen[key] = line.key
            guard let value = line.value else {
                report("S106", .error, line.key.range, "表头项“\(key.rawValue)”缺少取值")
                continue
            }
            switch key {
            case .department:
                header.department = value.text
            case .year:
                if value.text.count == 4, value.text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(value.text) {
                    header.year = year
                } else {
                    report("S106", .error, value.range, "“年度”应为四位数字的年份，例如 2024，写的是“\(value.text)”")
                }
            case .unit:
                if let unit = MoneyUnit(rawValue: value.text) {
                    header.unit = unit
                } else {
                    report("S106", .error, value.range, "“单位”应为 元、千元、万元 或 亿元，写的是“\(value.text)”")
                }
            case .budgetCode:
                header.budgetCode = value.text
            case .tolerance:
                if let tolerance = DecimalNumber(value.text), !tolerance.isNegative {
                    header.tolerance = tolerance
                } else {
                    report("S106", .error, value.range, "“容差”应为不小于 0 的数字（金额单位下每个加数的尾数误差），写的是“\(value.text)”")
                }
            case .localCode:
                let code = line.values.first?.text ?? ""
                let isCode = [3, 5, 7].contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber }
                if isCode, line.values.count >= 2 {
                    let name = line.values.dropFirst().map(\.text).joined()
                    header.localCodes.append((code, name, line.line))
                } else {
                    report("S106", .error, value.range, "“科目”应写作“科目 编码 名称”，编码为 3、5 或 7 位数字")
                }
            }
        }
        let documentStart = SourceRange(start: syntax.byteOrderMarkLength, end: syntax.byteOrderMarkLength)
        if seen[.department] == nil {
            report("S106", .error, documentStart, "缺少必填的表头项“部门”（例如“部门 某某局”），应写在第一个块之前")
        }
        if seen[.year] == nil {
            report("S106", .error, documentStart, "缺少必填的表头项“年度”（例如“年度 2024”），应写在第一个块之前")
        }
        return header
    }

    // MARK: Tables

    mutating func buildTable(_ table: TableSyntax, catalogue: Catalogue) -> Table {
        let idText = table.id?.text ?? ""
        let number = StandardTableSpec.number(fromID: idText)
        let spec = number.flatMap(StandardTableSpec.spec(number:))
        let id = spec?.id ?? idText
        var sections: [TableSection] = []
        if let spec {
            for (index, sideSpec) in spec.sides.enumerated() {
                let rows = spec.isTwoSided ? table.rows.filter { $0.side == sideSpec.side } : table.rows
                // A `列` line on a two-sided table selects the expenditure side's columns.
                let columnsLine = !spec.isTwoSided || index == 1 ? table.columns : nil
                sections.append(buildStandardSection(spec: spec, side: sideSpec, columnsLine: columnsLine, rows: rows, catalogue: catalogue))
            }
        } else {
            sections.append(buildCustomSection(table))
        }
        return Table(syntax: table, id: id, spec: spec, sections: sections)
    }

    mutating func buildStandardSection(spec: StandardTableSpec, side: SideSpec, columnsLine: ColumnsSyntax?, rows syntaxRows: [RowSyntax], catalogue: Catalogue) -> TableSection {
        var columns: [Column]
        if let columnsLine {
            columns = []
            for name in columnsLine.names {
                let key = LabelKey.make(name.text)
                if let match = side.columns.first(where: { $0.matches(key) }) {
                    columns.append(Column(name: match.name, token: name))
                } else {
                    report("S104", .error, name.range, "\(spec.id) 没有名为“\(name.text)”的列；标准列为 \(side.columns.map(\.name).joined(separator: "、"))")
                }
            }
        } else {
            columns = side.columns.map { Column(name: $0.name, token: nil) }
        }
        var relations: [ColumnRelation] = []
        for relation in side.relations {
            guard let result = columns.firstIndex(where: { $0.name == relation.result }) else { continue }
            let terms = relation.terms.compactMap { term in
                columns.firstIndex { $0.name == term.column }.map { (negative: term.negative, column: $0) }
            }
            guard terms.count == relation.terms.count else { continue }
            relations.append(ColumnRelation(result: result, terms: terms, rule: relation.rule, range: nil))
        }
        if let columnsLine { relations += resolveRelations(columnsLine, columns: columns, tableName: spec.id) }
        var rows: [Row] = []
        rows.reserveCapacity(syntaxRows.count)
        var afterOpeningBalance = false
        for syntaxRow in syntaxRows {
            var row = makeRow(syntaxRow, columns: columns)
            if row.isDetail {
                rows.append(row)
                continue
            }
            if spec.rowKind == .labels || row.code == nil {
                var key = row.key
                // 公开04: the parts printed under 年初财政拨款结转和结余 repeat the grant kinds' names.
                if spec.number == 4, side.side == .income {
                    if afterOpeningBalance, !key.hasPrefix("年初"), side.labelRow(forKey: "年初" + key) != nil { key = "年初" + key }
                    if key == LabelKey.make("年初财政拨款结转和结余") { afterOpeningBalance = true }
                }
                if let labelRow = side.labelRow(forKey: key) {
                    row.standardName = labelRow.name
                    row.isCount = labelRow.isCount || spec.isCountTable
                    row.isTotal = labelRow.name == "合计" || labelRow.name == "总计"
                } else if side.totalLabels.contains(where: { LabelKey.matches($0, key) }) {
                    row.isTotal = true
                } else if side.acceptsCategoryRows {
                    row.categoryCode = row.code ?? catalogue.categoryCode(forName: key)
                    if row.categoryCode == nil {
                        report("C301", .warning, row.nameRange, "“\(row.label)”不是支出功能分类科目的类名称；\(spec.id) 支出方按类列示（如 社会保障和就业支出、卫生健康支出）")
                    }
                } else if spec.rowKind == .labels {
                    let names = side.labelRows.map(\.name).joined(separator: "、")
                    report("S102", .warning, row.nameRange, "“\(row.label)”不是 \(spec.id) 的标准行，不参与表内校验；标准行为 \(names)")
                }
            }
            rows.append(row)
        }
        return TableSection(side: side.side, spec: side, columns: columns, relations: relations, rows: rows)
    }

    mutating func buildCustomSection(_ table: TableSyntax) -> TableSection {
        var columns: [Column]
        if let columnsLine = table.columns {
            columns = columnsLine.names.map { Column(name: $0.text, token: $0) }
        } else {
            let width = table.rows.map(\.cells.count).max() ?? 0
            columns = (0..<width).map { Column(name: String($0 + 1), token: nil) }
        }
        let relations = table.columns.map { resolveRelations($0, columns: columns, tableName: table.id?.text ?? "") } ?? []
        var rows: [Row] = []
        rows.reserveCapacity(table.rows.count)
        for syntaxRow in table.rows {
            var row = makeRow(syntaxRow, columns: columns)
            if !row.isDetail, row.code == nil, row.key == "合计" || row.key == "总计" { row.isTotal = true }
            rows.append(row)
        }
        return TableSection(side: nil, spec: nil, columns: columns, relations: relations, rows: rows)
    }

    mutating func resolveRelations(_ line: ColumnsSyntax, columns: [Column], tableName: String) -> [ColumnRelation] {
        var result: [ColumnRelation] = []
        func index(_ token: Token) -> Int? {
            let key = LabelKey.make(token.text)
            return columns.firstIndex { LabelKey.matches($0.name, key) }
        }
        for relation in line.relations {
            var resolved = true
            let target = index(relation.result)
            if target == nil { resolved = false; report("S104", .error, relation.result.range, "列关系中的“\(relation.result.text)”不是 \(tableName) 的列") }
            // Labelled as `ColumnRelation.terms` is: an unlabelled array would be converted
            // element by element through the runtime's dynamic cast on every table.
            var terms: [(negative: Bool, column: Int)] = []
            for term in relation.terms {
                if let column = index(term.column) { terms.append((negative: term.negative, column: column)) } else {
                    resolved = false
                    report("S104", .error, term.column.range, "列关系中的“\(term.column.text)”不是 \(tableName) 的列")
                }
            }
            if resolved, let target { result.append(ColumnRelation(result: target, terms: terms, rule: "A203", range: relation.range)) }
        }
        return result
    }

    mutating func makeRow(_ syntax: RowSyntax, columns: [Column]) -> Row {
        // Values that are not numbers were reported by the parser (S102), the first extra one
        // included; the row's cells are read from its syntax, so only a row with more cells
        // than columns has anything to say.
        let cellCount = syntax.values.count
        if cellCount > columns.count, syntax.values[columns.count] != nil {
            let extra = cellCount - columns.count
            let range = syntax.cellToken(columns.count).range.union(syntax.cellToken(cellCount - 1).range)
            report("S103", .error, range, "这一行有 \(cellCount) 个单元格，多于表的 \(columns.count) 列（多出 \(extra) 个）")
        }
        let (label, key) = syntax.label.map { labels.label(of: $0) } ?? ("", LabelKey.make(""))
        return Row(syntax: syntax, columnCount: columns.count, code: syntax.code?.text, label: label, key: key,
                   standardName: nil, categoryCode: nil, isTotal: false, isDetail: syntax.isDetail, isCount: false)
    }
}
