import JuesuanModel
import JuesuanSyntax

/// X401–X408, X411: the standard equalities between the tables 公开01–10 (spec/rules.md).
/// Two tables print the same ledger figure once rounded, so copies must agree exactly; a
/// figure derived from several (X405) is compared with the rounding tolerance.
/// The finding sits on the figure in the later table and points at the other one.
enum CrossTableCheck: ReportCheck {
    static let rules = [
        Rule("X401", .error, "公开01 本年收入合计 ≠ 公开02 合计·本年收入合计"),
        Rule("X402", .error, "公开01 本年支出合计 ≠ 公开03 合计·本年支出合计"),
        Rule("X403", .error, "公开01 按类的支出 ≠ 公开03 类行的本年支出合计"),
        Rule("X404", .error, "公开04 一般公共预算财政拨款列 ≠ 公开05（合计与类行）"),
        Rule("X405", .error, "公开06 人员经费合计 + 公用经费合计 ≠ 公开05 合计·基本支出"),
        Rule("X406", .error, "公开04 政府性基金列 ≠ 公开07；国有资本经营列 ≠ 公开08"),
        Rule("X407", .error, "公开01 一般公共预算财政拨款收入 ≠ 公开04 一般公共预算财政拨款（收入）"),
        Rule("X408", .warning, "公开05 的行大于公开03 同一编码的行（财政拨款不能超过全部资金）"),
        Rule("X411", .information, "公开06 的经济科目与公开05 对应的功能科目基本支出不同（如 30113 住房公积金与 2210201）"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let report = context.report
        var findings: [Diagnostic] = []
        func same(_ rule: String, _ earlier: Figure?, _ later: Figure?) {
            guard let earlier, let later, earlier.value != later.value else { return }
            let scale = max(earlier.value.scale, later.value.scale)
            let expected = earlier.value.formatted(scale: scale)
            findings.append(Diagnostic(
                code: rule, severity: .error, range: later.cell.token.range,
                message: "\(later.description)应等于\(earlier.description) \(expected)，填写为 \(later.value.formatted(scale: scale))，差额 \(CheckContext.signed(later.value - earlier.value, scale: scale))",
                fix: Fix(title: "改为 \(expected)", edits: [TextEdit(range: later.cell.token.range, replacement: expected)], isSafe: false),
                related: [RelatedLocation(range: earlier.cell.token.range, message: "\(earlier.description)：\(earlier.value)")]))
        }

        // X401, X402: the totals of 公开01 against 公开02 and 公开03.
        same("X401", report.figure("公开01", .label("本年收入合计"), side: .income), report.figure("公开02", .total, column: "本年收入合计"))
        same("X402", report.figure("公开01", .label("本年支出合计"), side: .expenditure), report.figure("公开03", .total, column: "本年支出合计"))
        // X403: 公开01's 类 rows against 公开03's 类 rows.
        if let table01 = report.table("公开01"), table01.sections.count == 2 {
            for row in table01.sections[1].rows where row.categoryCode != nil {
                guard let code = row.categoryCode, let cell = row.cell(0), let value = cell.number else { continue }
                let figure01 = Figure(value: value, cell: cell, row: row, tableID: "公开01", columnName: "金额")
                same("X403", figure01, report.figure("公开03", .code(code), column: "本年支出合计"))
            }
        }
        // X404: 公开04's 一般公共预算 column against 公开05; X406: its fund columns against 07 and 08.
        if let table04 = report.table("公开04"), table04.sections.count == 2 {
            let expenditure = table04.sections[1]
            for (column04, tableID, column, rule) in [("一般公共预算财政拨款", "公开05", "本年支出合计", "X404"),
                                                     ("政府性基金预算财政拨款", "公开07", "本年支出", "X406"),
                                                     ("国有资本经营预算财政拨款", "公开08", "本年支出合计", "X406")] {
                guard report.table(tableID) != nil else { continue }
                same(rule, report.figure("公开04", .label("本年支出合计"), column: column04, side: .expenditure), report.figure(tableID, .total, column: column))
                for row in expenditure.rows where row.categoryCode != nil {
                    same(rule, report.figure("公开04", .label(row.label), column: column04, side: .expenditure), report.figure(tableID, .code(row.categoryCode!), column: column))
                }
            }
        }
        // X407: the general-budget grant on both income sides.
        same("X407", report.figure("公开01", .label("一般公共预算财政拨款收入"), side: .income), report.figure("公开04", .label("一般公共预算财政拨款"), side: .income))

        // X405: 公开06 人员经费合计 + 公用经费合计 against 公开05 合计·基本支出 (a derived sum).
        if let basic = report.figure("公开05", .total, column: "基本支出"),
           let personnel = report.figure("公开06", .label("人员经费合计")), let publicExpense = report.figure("公开06", .label("公用经费合计")) {
            let expected = personnel.value + publicExpense.value
            let cell06 = personnel.cell
            if let finding = context.sumFinding(
                rule: "X405", cell: cell06, fallbackRange: cell06.token.range, written: expected, expected: basic.value,
                addendCount: 2, counting: false,
                subject: "公开06 人员经费合计 + 公用经费合计", basis: "公开05「合计」“基本支出”",
                related: [RelatedLocation(range: basic.cell.token.range, message: "\(basic.description)：\(basic.value)"),
                          RelatedLocation(range: publicExpense.cell.token.range, message: "公开06 公用经费合计：\(publicExpense.value)")]) {
                var finding = finding
                finding.fix = nil // which of the three figures is wrong is not known
                findings.append(finding)
            }
        }

        // X408: 财政拨款 (公开05) cannot exceed all funds (公开03), code by code.
        if let table05 = report.table("公开05"), let table03 = report.table("公开03") {
            let fiscalFigures = CodeFigures(table05)
            let allFigures = CodeFigures(table03)
            for row in table05.allRows where row.code != nil && !row.isDetail {
                for column in ["本年支出合计", "基本支出", "项目支出"] {
                    guard let fiscal = fiscalFigures.figure(code: row.code!, column: column),
                          let all = allFigures.figure(code: row.code!, column: column), fiscal.value > all.value else { continue }
                    findings.append(Diagnostic(
                        code: "X408", severity: .warning, range: fiscal.cell.token.range,
                        message: "\(fiscal.description) \(fiscal.value) 大于\(all.description) \(all.value)：一般公共预算财政拨款支出不能超过全部资金的支出，超出 \((fiscal.value - all.value).description)",
                        related: [RelatedLocation(range: all.cell.token.range, message: "\(all.description)：\(all.value)")]))
                }
            }
        }
        correspondences(report, &findings)
        return findings
    }

    /// X411 (domain-rules X-13, information): an economic line of 公开06 and the functional line
    /// that usually carries the same money in 公开05's 基本支出. Different figures are legitimate
    /// (part of the 公积金 booked under 2101501), so this only points the pair out.
    static let economicToFunctional = [("30108", "2080505"), ("30109", "2080506"), ("30113", "2210201")]

    static func correspondences(_ report: Report, _ findings: inout [Diagnostic]) {
        for (economic, functional) in economicToFunctional {
            guard let line06 = report.figure("公开06", .code(economic)), let line05 = report.figure("公开05", .code(functional), column: "基本支出"),
                  line06.value != line05.value else { continue }
            let scale = max(line06.value.scale, line05.value.scale)
            findings.append(Diagnostic(
                code: "X411", severity: .information, range: line06.cell.token.range,
                message: "\(line06.description) \(line06.value.formatted(scale: scale)) 与\(line05.description) \(line05.value.formatted(scale: scale)) 通常相同，差额 \(CheckContext.signed(line06.value - line05.value, scale: scale))；若部分列在其他功能科目（如 2101501），可不理会",
                related: [RelatedLocation(range: line05.cell.token.range, message: "\(line05.description)：\(line05.value)")]))
        }
    }
}

/// `Report.figure(table.id, .code(code), column:)` for many codes of one table: each section's
/// rows are indexed by code once. X408 looked every code of 公开05 up in 公开05 and 公开03 by a
/// scan over their rows, quadratic in tables of a thousand rows (issue 15).
struct CodeFigures {
    let table: Table
    /// Per section, the first non-detail row of each code (what `TableSection.row(.code)` finds).
    let firstRows: [[String: Int]]

    init(_ table: Table) {
        self.table = table
        firstRows = table.sections.map { section in
            var index: [String: Int] = [:]
            for (position, row) in section.rows.enumerated() where !row.isDetail {
                if let code = row.code, index[code] == nil { index[code] = position }
            }
            return index
        }
    }

    /// The same answer as `Report.figure` with a code selector and no side.
    func figure(code: String, column: String) -> Figure? {
        let key = LabelKey.make(column)
        for (number, section) in table.sections.enumerated() {
            guard let position = firstRows[number][code] else { continue }
            let row = section.rows[position]
            guard let index = section.column(named: key), let cell = row.cell(index), let value = cell.number else { continue }
            return Figure(value: value, cell: cell, row: row, tableID: table.id, columnName: section.columns[index].name)
        }
        return nil
    }
}
