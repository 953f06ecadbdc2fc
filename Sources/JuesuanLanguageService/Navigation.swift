import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// A range to highlight and how it takes part: the total (`write`) and its addends (`read`),
/// or another occurrence of the same code (`text`).
public struct DocumentHighlight: Sendable, Hashable {
    public enum Kind: Int, Sendable, Hashable { case text = 1, read = 2, write = 3 }
    public var range: SourceRange
    public var kind: Kind
}

/// What a row is known by across tables: its code, or its (standard) label.
enum RowIdentity: Hashable {
    case code(String)
    case label(String)

    init?(_ row: Row) {
        if let code = row.code { self = .code(code); return }
        let key = row.standardName.map(LabelKey.make) ?? row.key
        guard !key.isEmpty else { return nil }
        self = .label(key)
    }

    func matches(_ row: Row) -> Bool { RowIdentity(row) == self || (row.code == nil && self == .label(row.key)) }

    /// How a `校验` reference's row part names rows: a code, or a label.
    func matches(referenceRow text: String) -> Bool {
        switch self {
        case .code(let code): return text == code
        case .label(let key): return LabelKey.make(text) == key
        }
    }
}

struct Navigator {
    let snapshot: DocumentSnapshot
    let report: Report
    var source: SourceText { snapshot.source }

    init(_ snapshot: DocumentSnapshot) {
        self.snapshot = snapshot
        report = snapshot.report
    }

    func token(at offset: Int) -> (Line, Token)? {
        let index = source.line(containing: offset)
        guard index < report.syntax.lines.count else { return nil }
        let line = report.syntax.lines[index]
        if let token = line.tokens.first(where: { $0.range.contains(offset) }) ?? line.tokens.first(where: { $0.range.covers(offset) }) {
            return (line, token)
        }
        return nil
    }

    func row(at line: Int) -> (Table, TableSection, Row)? {
        guard let table = report.tables.first(where: { $0.syntax.lines.contains(line) }) else { return nil }
        for section in table.sections {
            if let row = section.rows.first(where: { $0.line == line }) { return (table, section, row) }
        }
        return nil
    }

    var allRows: [(Table, Row)] { report.tables.flatMap { table in table.allRows.map { (table, $0) } } }

    // MARK: References in 校验

    func references() -> [ReferenceSyntax] {
        report.syntax.checks.flatMap { check in
            (check.left + check.right).compactMap { term -> ReferenceSyntax? in
                if case .reference(let reference) = term.operand { return reference }
                return nil
            }
        }
    }

    func reference(at offset: Int) -> ReferenceSyntax? {
        references().first { $0.token.range.covers(offset) }
    }

    // MARK: Claims in prose

    /// The claim (a figure in prose) at `offset`, if any.
    func claim(at offset: Int) -> Claim? {
        let line = source.line(containing: offset)
        guard line < report.syntax.lines.count, report.syntax.lines[line].kind == .prose else { return nil }
        return ClaimScanner.claims(line: line, range: source.lineContentRange(line), source: source)
            .first { $0.fullRange.covers(offset) }
    }

    /// The table figures a claim names: by the label before it (the names the narrative
    /// checks use), those equal to the claim first; failing a name, a row whose label ends
    /// the clause and that holds the same value (conservative: both must agree).
    func figures(for claim: Claim) -> [Figure] {
        switch claim.kind {
        case .amount, .count, .score, .changeAmount: break
        default: return []
        }
        // The quantity the prose front-end resolved (own clause, topic, respectively list), else the label.
        var named: [Figure] = []
        if let quantity = claim.quantity, quantity.isKnown {
            named = report.figures(for: FigureNames.targets(head: quantity.qualifier + quantity.name, measure: claim.measure == .spent ? .actual : claim.measure))
        }
        if named.isEmpty {
            let (head, measure) = FigureNames.splitMeasure(claim.label)
            named = report.figures(for: FigureNames.targets(head: head, measure: measure))
        }
        if !named.isEmpty {
            let equal = named.filter { $0.value == claim.value }
            return equal.isEmpty ? named : equal
        }
        let key = LabelKey.make(claim.label)
        guard !key.isEmpty else { return [] }
        var found: [Figure] = []
        for (table, row) in allRows where !row.isDetail {
            let names = [row.key, row.standardName.map(LabelKey.make), row.code.flatMap { report.catalogue.entry(code: $0, kind: table.rowKind == .economicCodes ? .economic : .functional)?.name }.map(LabelKey.make)]
            guard names.contains(where: { name in name.map { $0.count >= 2 && key.hasSuffix($0) } ?? false }) else { continue }
            for section in table.sections where section.rows.contains(where: { $0.line == row.line }) {
                for (index, cell) in row.cells.enumerated() {
                    guard let cell, cell.number == claim.value else { continue }
                    found.append(Figure(value: claim.value, cell: cell, row: row, tableID: table.id, columnName: section.columns[index].name))
                }
            }
        }
        return found
    }

    // MARK: Definition

    func definition(at offset: Int) -> [SourceRange] {
        if let claim = claim(at: offset) {
            let cells = figures(for: claim).map(\.cell.token.range)
            if !cells.isEmpty { return cells }
        }
        if let reference = reference(at: offset) {
            let tableText = reference.table.text
            let id = StandardTableSpec.number(fromID: tableText).map(StandardTableSpec.id) ?? tableText
            if reference.table.range.covers(offset), !(reference.row?.range.covers(offset) ?? false),
               let table = report.table(id) {
                return [table.syntax.id?.range ?? table.syntax.keyword.range]
            }
            if let figure = report.resolve(reference) {
                if let row = reference.row, row.range.covers(offset), reference.column != nil { return [figure.row.nameRange] }
                return [figure.cell.token.range]
            }
            return []
        }
        if let (line, token) = token(at: offset) {
            if token.kind == .code, line.kind == .row {
                return codeDefinition(token.text, from: line.index)
            }
            if line.kind == .header, let code = headerCode(line, at: offset) {
                return codeDefinition(code, from: line.index)
            }
        }
        // A glossary term anywhere: its definition in the document's 名词解释.
        let line = source.line(containing: offset)
        if let (entry, _) = snapshot.glossary.term(at: offset, in: source, within: source.lineContentRange(line)),
           case .document(let definitionLine, let range) = entry.origin, definitionLine != line {
            return [range]
        }
        return []
    }

    /// A code's row in the first table that holds it (the next one when the cursor is on that row).
    func codeDefinition(_ code: String, from line: Int) -> [SourceRange] {
        let rows = allRows.filter { $0.1.code == code && !$0.1.isDetail }
        if let first = rows.first(where: { $0.1.line != line }) ?? rows.first {
            return [first.1.nameRange]
        }
        return []
    }

    /// `科目 2101588 地方新增科目`: the code in a header line, when the cursor is on it.
    func headerCode(_ line: Line, at offset: Int) -> String? {
        guard let key = line.tokens.first, HeaderKey(word: key.text) == .localCode, line.tokens.count > 1 else { return nil }
        let value = line.tokens[1]
        guard let range = codeRange(in: value), range.covers(offset) else { return nil }
        return source.string(range)
    }

    /// The leading run of digits of a header value (the declared code).
    func codeRange(in token: Token) -> SourceRange? {
        var end = token.range.start
        while end < token.range.end, source.bytes[end] >= 0x30 && source.bytes[end] <= 0x39 { end += 1 }
        return end > token.range.start ? SourceRange(start: token.range.start, end: end) : nil
    }

    // MARK: References

    /// The row identity under the cursor: a row's code or label, a 校验 reference's row, a
    /// declared code, or the row of the figure a claim names.
    func identity(at offset: Int) -> RowIdentity? {
        if let reference = reference(at: offset), let figure = report.resolve(reference) { return RowIdentity(figure.row) }
        if let claim = claim(at: offset), let figure = figures(for: claim).first { return RowIdentity(figure.row) }
        guard let (line, token) = token(at: offset) else { return nil }
        if line.kind == .row, token.kind == .code || token.kind == .label, let (_, _, row) = row(at: line.index) {
            return RowIdentity(row)
        }
        if line.kind == .header, let code = headerCode(line, at: offset) { return .code(code) }
        return nil
    }

    func references(at offset: Int, includeDeclaration: Bool) -> [SourceRange] {
        guard let identity = identity(at: offset) else { return [] }
        var ranges: [SourceRange] = []
        if includeDeclaration, case .code(let code) = identity {
            for header in report.syntax.header where header.canonicalKey == .localCode {
                if let value = header.values.first, let range = codeRange(in: value), source.string(range) == code { ranges.append(range) }
            }
        }
        for (_, row) in allRows where identity.matches(row) {
            ranges.append(row.syntax.code?.range ?? row.nameRange)
        }
        for reference in references() {
            if let row = reference.row, identity.matches(referenceRow: row.text) { ranges.append(row.range) }
        }
        for claim in ClaimScanner.claims(in: report) {
            if figures(for: claim).contains(where: { identity.matches($0.row) }) { ranges.append(claim.fullRange) }
        }
        var seen: Set<SourceRange> = []
        return ranges.filter { seen.insert($0).inserted }.sorted()
    }

    // MARK: Highlights

    func highlights(at offset: Int) -> [DocumentHighlight] {
        let explanations = TotalExplanation.explanations(in: report, at: offset)
        if !explanations.isEmpty {
            var result: [DocumentHighlight] = []
            var seen: Set<SourceRange> = []
            for explanation in explanations where seen.insert(explanation.range).inserted {
                result.append(DocumentHighlight(range: explanation.range, kind: .write))
            }
            for explanation in explanations {
                for addend in explanation.addends where seen.insert(addend.range).inserted {
                    result.append(DocumentHighlight(range: addend.range, kind: .read))
                }
            }
            return result
        }
        guard let (line, token) = token(at: offset), token.kind == .code, line.kind == .row else { return [] }
        return allRows.filter { $0.1.code == token.text }.compactMap { $0.1.syntax.code }
            .map { DocumentHighlight(range: $0.range, kind: .text) }
    }
}

extension LanguageService {
    /// Where what is at `offset` is defined: a claim in prose → the table figure it names; a
    /// `校验` reference → the cell (its table part → the table, its row part → the row); a
    /// code → its row in the first table holding it; a glossary term → its 名词解释 entry.
    public static func definition(_ snapshot: DocumentSnapshot, at offset: Int) -> [SourceRange] {
        Navigator(snapshot).definition(at: offset)
    }

    /// Every place naming the same row as what is at `offset` (a code, a label row, a 校验
    /// reference, a claim): the rows of all tables, the 校验 references and the claims in prose;
    /// with `includeDeclaration`, the `科目` header line declaring a local code.
    public static func references(_ snapshot: DocumentSnapshot, at offset: Int, includeDeclaration: Bool) -> [SourceRange] {
        Navigator(snapshot).references(at: offset, includeDeclaration: includeDeclaration)
    }

    /// On a total (a cell, or a row's code or label): the total and the cells it is made of;
    /// on another code: the rows with the same code.
    public static func highlights(_ snapshot: DocumentSnapshot, at offset: Int) -> [DocumentHighlight] {
        Navigator(snapshot).highlights(at: offset)
    }
}
