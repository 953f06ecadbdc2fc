import JuesuanModel
import JuesuanSyntax

/// P612–P614 (domain-rules SE-1 on the 部门整体支出绩效自评表): a table whose title names a
/// 部门整体 self-evaluation and that has a `权重` column. Its weights add up to 100 (the
/// indicators 90 + 预算执行率 10); an indicator listed twice is scored twice; the 预算执行率
/// row is part of the template.
enum WholeDepartmentScorecardCheck: ReportCheck {
    static let rules = [
        Rule("P612", .error, "部门整体支出绩效自评表的权重之和不等于 100"),
        Rule("P613", .warning, "部门整体支出绩效自评表中同一指标出现两次"),
        Rule("P614", .warning, "部门整体支出绩效自评表没有预算执行率行"),
    ]

    /// Whether a table title names the 部门整体 self-evaluation.
    static func isWholeDepartment(_ title: String) -> Bool {
        title.contains("整体") && (title.contains("自评") || title.contains("绩效"))
    }

    /// `效益指标/可持续影响指标/政策影响率（第2次）` → `政策影响率`: the importer keeps a row
    /// printed twice under a name of its own; the indicator is the last part of the path.
    static func indicatorName(_ label: String) -> String {
        var name = Substring(label.split(separator: "/").last ?? Substring(label))
        if name.hasSuffix("次）"), let open = name.lastIndex(of: "（"), name[open...].hasPrefix("（第") {
            name = name[..<open]
        }
        return String(name).trimmingCharacters(in: .whitespaces)
    }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in context.report.tables where table.spec == nil {
            guard let title = table.syntax.title?.text, isWholeDepartment(title), let titleToken = table.syntax.title else { continue }
            for section in table.sections {
                guard let weightColumn = section.column(named: LabelKey.make("权重")) else { continue }
                let rows = section.rows.filter { !$0.isTotal }
                let weighted = rows.compactMap { row in row.cell(weightColumn)?.number.map { (row, $0) } }
                guard weighted.count >= 2 else { continue }
                let name = "部门整体自评表「\(title)」"
                // P613: the same indicator twice.
                var seen: [String: Row] = [:]
                for row in rows {
                    let indicator = indicatorName(row.label)
                    guard !indicator.isEmpty else { continue }
                    if let first = seen[indicator] {
                        findings.append(Diagnostic(code: "P613", severity: .warning, range: row.nameRange,
                                                   message: "\(name)中指标“\(indicator)”出现了两次，同一指标的权重和得分被算了两遍",
                                                   related: [RelatedLocation(range: first.nameRange, message: "第一次：\(first.label)")]))
                    } else {
                        seen[indicator] = row
                    }
                }
                let hasExecution = rows.contains { $0.label.contains("执行率") }
                let sum = weighted.reduce(DecimalNumber.zero) { $0 + $1.1 }
                // P612: the weights make 100; 90 without an execution row is the indicators'
                // share, reported as the missing row (P614) alone.
                if sum != DecimalNumber(100) && !(sum == DecimalNumber(90) && !hasExecution) {
                    let lastRange = weighted.last!.0.cell(weightColumn)?.token.range ?? titleToken.range
                    findings.append(Diagnostic(code: "P612", severity: .error, range: lastRange,
                                               message: "\(name)的权重之和为 \(sum.trimmed)（\(weighted.count) 项），应为 100（指标 90 + 预算执行率 10），差额 \(CheckContext.signed(sum - DecimalNumber(100), scale: sum.scale).trimmedZeros)",
                                               related: [RelatedLocation(range: titleToken.range, message: "自评表")]))
                }
                // P614: the 预算执行率 row of the template is missing.
                if !hasExecution {
                    findings.append(Diagnostic(code: "P614", severity: .warning, range: titleToken.range,
                                               message: "\(name)没有“预算执行率”行：部门整体自评表应以预算执行率（权重 10）计分"))
                }
            }
        }
        return findings
    }
}
