import JuesuanModel
import JuesuanSyntax

/// P607: what the narrative says of a named project — its score, budget, spending and
/// completion rate — against the project's `绩效` block.
enum ProjectNarrativeCheck {
    static let rules = [Rule("P607", .error, "说明中某项目的得分或金额与其“绩效”表不同")]

    static func run(claims: [Claim], report: Report) -> [Diagnostic] {
        let projects = report.performanceProjects.filter { key($0.name).count >= 4 }
        guard !projects.isEmpty else { return [] }
        // Distinct names (blocks may share one), found in each paragraph in one pass.
        var byKey: [String: [Int]] = [:]
        var keys: [String] = []
        for (index, project) in projects.enumerated() {
            let name = key(project.name)
            if byKey[name] == nil { keys.append(name) }
            byKey[name, default: []].append(index)
        }
        let matcher = NameMatcher(keys)
        var findings: [Diagnostic] = []
        var byLine: [Int: [Claim]] = [:]
        for claim in claims { byLine[claim.line, default: []].append(claim) }
        // Several blocks may share a name: the k-th paragraph that names it speaks of the k-th block.
        var seen: [String: Int] = [:]
        for (line, lineClaims) in byLine.sorted(by: { $0.key < $1.key }) {
            let named = matcher.names(in: key(report.source.lineString(line)))
            // A paragraph that names several projects (a summary) speaks of none of them alone.
            guard let first = named.first, named.count == 1 else { continue }
            let name = keys[first]
            let sameName = byKey[name] ?? []
            let occurrence = seen[name, default: 0]
            seen[name] = occurrence + 1
            guard occurrence < sameName.count else { continue }
            let project = projects[sameName[occurrence]]
            let title = "绩效「\(project.name)」"
            for claim in lineClaims {
                switch claim.kind {
                case .score where !claim.label.contains("平均"):
                    if let total = project.totalScore { compare(claim, total, "自评得分", title, &findings) }
                case .amount where claim.isMoney:
                    if claim.label.hasSuffix("预算数") && !claim.label.hasSuffix("年初预算数"), let budget = project.budget {
                        compare(claim, budget, "全年预算数", title, &findings)
                    } else if claim.label.hasSuffix("年初预算数"), let initial = project.initialBudget {
                        compare(claim, initial, "年初预算数", title, &findings)
                    } else if claim.label.hasSuffix("执行数"), let spent = project.spent {
                        compare(claim, spent, "全年执行数", title, &findings)
                    }
                case .completion:
                    guard let budget = project.budget, let spent = project.spent, budget.value.mantissa > 0 else { continue }
                    let target = Interval.written(claim.value)
                    if !Interval.quotientMayLie(numerator: Interval.written(spent.value), denominator: Interval.written(budget.value),
                                                factor: DecimalNumber(100), in: target),
                       let computed = (spent.value * DecimalNumber(100)).divided(by: budget.value, scale: max(claim.value.scale, 2)) {
                        findings.append(Diagnostic(code: "P607", severity: .error, range: claim.range,
                                                   message: "说明写\(title)完成预算的 \(claim.text)%，其绩效表为 全年执行数 \(spent.value) ÷ 全年预算数 \(budget.value) = \(computed)%",
                                                   related: [RelatedLocation(range: spent.token.range, message: "全年执行数 \(spent.value)"),
                                                             RelatedLocation(range: budget.token.range, message: "全年预算数 \(budget.value)")]))
                    }
                default:
                    break
                }
            }
        }
        return findings
    }

    /// A narrative figure may be the block's figure rounded to fewer decimals.
    static func compare(_ claim: Claim, _ written: StatedNumber, _ what: String, _ name: String, _ findings: inout [Diagnostic]) {
        let value = written.value
        if claim.value == value { return }
        if claim.value.scale < value.scale, value.rounded(toScale: claim.value.scale) == claim.value { return }
        findings.append(Diagnostic(code: "P607", severity: .error, range: claim.range,
                                   message: "说明写\(name)的\(what)为 \(claim.text)，其绩效表中是 \(value)",
                                   fix: Fix(title: "改为 \(value)", edits: [TextEdit(range: claim.range, replacement: value.description)], isSafe: false),
                                   related: [RelatedLocation(range: written.token.range, message: "绩效表中的\(what) \(value)")]))
    }

    /// A project name without years, blanks, quotes or the word 项目, for matching prose.
    static func key(_ text: String) -> String {
        let scalars = Array(LabelKey.make(text).unicodeScalars)
        var result = String.UnicodeScalarView()
        func isDigit(_ k: Int) -> Bool { k < scalars.count && scalars[k].value >= 0x30 && scalars[k].value <= 0x39 }
        var i = 0
        while i < scalars.count {
            // Drop `2023年` and `2023`: narratives and tables disagree on the year in names.
            if isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3) {
                i += 4
                if i < scalars.count, scalars[i] == "年" { i += 1 }
                continue
            }
            let scalar = scalars[i]
            if "\"'“”《》".unicodeScalars.contains(scalar) { i += 1; continue }
            if scalar == "项", i + 1 < scalars.count, scalars[i + 1] == "目" { i += 2; continue }
            result.append(scalar)
            i += 1
        }
        return String(result)
    }
}
