import JuesuanModel
import JuesuanSyntax

/// Why a written total is what it should be: its addends with their values, the computed
/// sum, and how the written figure compares — for hover in the language server.
///
/// Built from the same pieces the checks use (`CodeTree`, `LabelTreeCheck.rows(for:in:)`,
/// the model's column relations and `CheckContext.compare`), so what hover says and what
/// A201–A204/A206 report cannot drift apart.
public struct TotalExplanation: Sendable {
    public struct Addend: Sendable {
        /// How the addend is named: `208 社会保障和就业支出`, `“基本支出”`.
        public var name: String
        /// Its value; nil for an empty cell (counts as zero).
        public var value: DecimalNumber?
        /// Subtracted rather than added (公开07's 本年支出 in 年末结转和结余).
        public var negative: Bool
        /// Where it is written (its cell, or the row's name when the cell is missing).
        public var range: SourceRange
    }

    public enum Outcome: Sendable, Hashable {
        case holds
        /// Within `(n + 1) × 容差`: rounding, reported as A290.
        case rounding(allowed: DecimalNumber)
        case mismatch
    }

    /// The rule that checks this total: A201, A202, A203, A204 or A206.
    public var rule: String
    /// What the total is, as messages name it: `「合计」的“本年支出合计”`.
    public var subject: String
    /// How the expected value is made: `下级科目之和`, `“基本支出” + “项目支出” =`.
    public var basis: String
    public var addends: [Addend]
    /// The written figure; nil when the cell is empty or missing.
    public var written: DecimalNumber?
    public var expected: DecimalNumber
    public var outcome: Outcome
    /// The total's cell, or the row's name when the cell is missing.
    public var range: SourceRange

    /// `written − expected` (an empty total counts as zero).
    public var difference: DecimalNumber { (written ?? .zero) - expected }
}

extension Analysis {
    /// The totals that the cell or row name at `offset` is (see `TotalExplanation.explanations`).
    public func totalExplanations(at offset: Int) -> [TotalExplanation] {
        TotalExplanation.explanations(in: report, at: offset)
    }
}

extension TotalExplanation {
    /// The totals that the cell or row name at `offset` is: for a cell, every rule whose
    /// result it is (a 合计 cell is often both a row total and a column total); for a row's
    /// code or label, the same for each of its cells. Empty when nothing there is a total.
    /// Needs the model only, not the findings.
    public static func explanations(in report: Report, at offset: Int) -> [TotalExplanation] {
        TotalExplainer(context: CheckContext(report: report)).explanations(at: offset)
    }
}

struct TotalExplainer {
    let context: CheckContext

    func explanations(at offset: Int) -> [TotalExplanation] {
        for table in context.report.tables {
            let lines = table.syntax.lines
            let line = context.report.source.line(containing: offset)
            guard lines.contains(line) else { continue }
            for section in table.sections {
                guard let rowIndex = section.rows.firstIndex(where: { $0.line == line }) else { continue }
                let row = section.rows[rowIndex]
                if let column = row.cells.firstIndex(where: { $0?.token.range.covers(offset) == true }) {
                    return explanations(table, section, rowIndex, column: column)
                }
                if row.nameRange.covers(offset) {
                    return section.columns.indices.flatMap { explanations(table, section, rowIndex, column: $0) }
                }
                return []
            }
        }
        return []
    }

    func explanations(_ table: Table, _ section: TableSection, _ rowIndex: Int, column: Int) -> [TotalExplanation] {
        let row = section.rows[rowIndex]
        guard !row.isDetail else { return [] }
        var result: [TotalExplanation] = []
        let subject = CheckContext.subject(row, section.columns[column], in: section, table: table)
        func addend(_ index: Int) -> TotalExplanation.Addend {
            let other = section.rows[index]
            let cell = other.cell(column)
            return .init(name: other.displayName, value: cell?.number, negative: false, range: cell?.token.range ?? other.nameRange)
        }

        // A201 / A202: code trees (CodeTreeSumCheck).
        let tree = CodeTree(section)
        if !tree.codeRows.isEmpty {
            if row.code != nil, case let children = tree.children[rowIndex], !children.isEmpty,
               !row.isUnknown(column), !children.contains(where: { section.rows[$0].isUnknown(column) }) {
                if let e = make("A201", subject, "下级科目之和", children.map(addend), row, column, counting: row.isCount) { result.append(e) }
            }
            if row.isTotal, row.code == nil, !row.isUnknown(column), !tree.topLevel.contains(where: { section.rows[$0].isUnknown(column) }) {
                let basis = tree.topLevel.allSatisfy { section.rows[$0].code?.count == 3 } ? "各类之和" : "各顶层科目之和"
                if let e = make("A202", subject, basis, tree.topLevel.map(addend), row, column, counting: row.isCount) { result.append(e) }
            }
        }
        // A204: label trees (LabelTreeCheck).
        if let spec = section.spec, let name = row.standardName,
           let tree = spec.trees.first(where: { $0.total == name }),
           section.rows.firstIndex(where: { $0.standardName == tree.total && !$0.isDetail }) == rowIndex {
            let parts = tree.parts.flatMap { LabelTreeCheck.rows(for: $0, in: section) }
            if !parts.isEmpty, !row.isUnknown(column), !parts.contains(where: { section.rows[$0].isUnknown(column) }) {
                let basis = tree.parts.count == 1 && LabelTreeCheck.isCategoryRows(tree.parts[0]) ? "各类之和" : LabelTreeCheck.describe(tree)
                if let e = make("A204", subject, basis, parts.map(addend), row, column,
                                counting: row.isCount || table.spec?.isCountTable == true) { result.append(e) }
            }
        }
        // A203 / A206: column relations (ColumnRelationCheck).
        for relation in section.relations where relation.result == column
            && !row.isUnknown(relation.result) && !relation.terms.contains(where: { row.isUnknown($0.column) }) {
            let addends = relation.terms.map { term in
                TotalExplanation.Addend(name: "“\(section.columns[term.column].name)”", value: row.cell(term.column)?.number,
                                        negative: term.negative, range: row.cell(term.column)?.token.range ?? row.nameRange)
            }
            if let e = make(relation.rule, subject, ColumnRelationCheck.formula(relation, section), addends, row, column, counting: row.isCount) {
                result.append(e)
            }
        }
        return result
    }

    /// Nil when every addend is empty: the checks skip such totals too (spec 9.2).
    func make(_ rule: String, _ subject: String, _ basis: String, _ addends: [TotalExplanation.Addend],
              _ row: Row, _ column: Int, counting: Bool) -> TotalExplanation? {
        guard addends.contains(where: { $0.value != nil }) else { return nil }
        let expected = addends.reduce(DecimalNumber.zero) { sum, a in
            guard let value = a.value else { return sum }
            return a.negative ? sum - value : sum + value
        }
        let cell = row.cell(column)
        let written = cell?.number
        let outcome: TotalExplanation.Outcome
        switch context.compare(written: written ?? .zero, expected: expected,
                               addendCount: addends.filter { $0.value != nil }.count, counting: counting) {
        case .holds: outcome = .holds
        case .rounding(let allowed): outcome = .rounding(allowed: allowed)
        case .mismatch: outcome = .mismatch
        }
        return TotalExplanation(rule: rule, subject: subject, basis: basis, addends: addends, written: written,
                                expected: expected, outcome: outcome, range: cell?.token.range ?? row.nameRange)
    }
}
