import JuesuanModel
import JuesuanSyntax

/// A205: in 公开01 and 公开04 the income side's 总计 equals the expenditure side's 总计.
/// Both print the same ledger figure, so they must agree exactly.
enum SideBalanceCheck: ReportCheck {
    static let rules = [Rule("A205", .error, "公开01/公开04：收入总计 ≠ 支出总计")]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in context.report.tables where table.spec?.isTwoSided == true && table.sections.count == 2 {
            guard let income = table.sections[0].row(standardName: "总计"), let incomeTotal = income.cell(0)?.number,
                  let expenditure = table.sections[1].row(standardName: "总计"), let cell = expenditure.cell(0),
                  let written = cell.number, written != incomeTotal else { continue }
            let scale = max(written.scale, incomeTotal.scale)
            let expectedText = incomeTotal.formatted(scale: scale)
            findings.append(Diagnostic(
                code: "A205", severity: .error, range: cell.token.range,
                message: "\(table.id) 支出方“总计”应等于收入方“总计” \(expectedText)，填写为 \(written.formatted(scale: scale))，差额 \(CheckContext.signed(written - incomeTotal, scale: scale))",
                // Either side may be the wrong one: offered in the editor, never applied by lint --fix.
                fix: Fix(title: "改为 \(expectedText)", edits: [TextEdit(range: cell.token.range, replacement: expectedText)], isSafe: false),
                related: [RelatedLocation(range: income.cell(0)!.token.range, message: "收入方总计：\(incomeTotal)")]))
        }
        return findings
    }
}
