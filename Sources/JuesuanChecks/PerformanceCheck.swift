import JuesuanModel
import JuesuanSyntax

/// P601–P606, P608–P610: the arithmetic of a project performance self-evaluation (`绩效`).
/// P607 (the narrative against the block) is in NarrativeCheck.
enum PerformanceCheck: ReportCheck {
    static let rules = [
        Rule("P601", .error, "得分大于分值"),
        Rule("P602", .error, "各项分值之和不等于总分的分值（通常为 100）"),
        Rule("P603", .error, "各项得分之和不等于自评总分"),
        Rule("P604", .error, "执行率 ≠ 全年执行数 ÷ 全年预算数"),
        Rule("P605", .warning, "执行率得分 ≠ 分值 × min(执行率, 1)（各地评分办法可能不同）"),
        Rule("P606", .error, "等级与得分不符（优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60）"),
        Rule("P608", .warning, "标为“完成”但实际值未达到目标（或标为“未完成”却已达到）"),
        Rule("P615", .warning, "年度目标的完成率都为 0，而各项指标标为“完成”、自评得分及格"),
        Rule("P610", .information, "某项没有得分单元格，自评总分要求它得的分在其分值以内（排版缺失）"),
        Rule("P609", .error, "资金的其中各项（财政拨款、其他资金…）之和 ≠ 资金行的数（未全列时，某一项大于资金行的数）"),
    ]

    static let hundred = DecimalNumber(100)

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for project in context.performanceProjects {
            let name = "绩效「\(project.name)」"
            // P601: no score above its weight.
            var scored: [(weight: StatedNumber?, score: StatedNumber?, label: String)] = project.indicators.map { ($0.weight, $0.score, "指标“\($0.name?.text ?? "")”") }
            if project.executionLine != nil { scored.append((project.executionWeight, project.executionScore, "执行率")) }
            for item in scored {
                guard let weight = item.weight, let score = item.score, score.value > weight.value else { continue }
                findings.append(Diagnostic(code: "P601", severity: .error, range: score.token.range,
                                           message: "\(name)\(item.label)的得分 \(score.value) 大于其分值 \(weight.value)"))
            }
            // P602: the weights add up to the stated total weight.
            let weights = scored.compactMap(\.weight)
            if let total = project.totalWeight, !weights.isEmpty {
                let sum = weights.reduce(DecimalNumber.zero) { $0 + $1.value }
                if sum != total.value {
                    let text = sum.trimmed.description
                    findings.append(Diagnostic(code: "P602", severity: .error, range: total.token.range,
                                               message: "\(name)各项分值之和为 \(text)（\(weights.count) 项），总分写的分值是 \(total.value)，差额 \(CheckContext.signed(total.value - sum, scale: max(sum.scale, total.value.scale)))",
                                               // The listed items may be incomplete (a row lost in the
                                               // published table): the stated total is as likely right.
                                               fix: Fix(title: "改为 \(text)", edits: [TextEdit(range: total.token.range, replacement: text)], isSafe: false)))
                }
            }
            // P603: the scores add up to the stated total score (each score stands for its rounding interval).
            let scores = scored.compactMap(\.score)
            if let total = project.totalScore, !scores.isEmpty {
                let sum = scores.reduce(DecimalNumber.zero) { $0 + $1.value }
                let sumInterval = scores.reduce(Interval.exact(.zero)) { $0 + scoreInterval($1.value) }
                // A row with a weight but no score cell is a layout defect when the gap is what
                // the missing cells can hold: the total is then no evidence of a wrong sum, and a
                // total computed without those cells would be no fix (domain-rules SE-3, seed 001 (5)).
                let missing = scored.filter { $0.weight != nil && $0.score == nil }
                let room = missing.reduce(DecimalNumber.zero) { $0 + ($1.weight?.value ?? .zero) }
                if !missing.isEmpty, !sumInterval.overlaps(scoreInterval(total.value)), total.value > sum, total.value - sum <= room {
                    let labels = missing.map(\.label).joined(separator: "、")
                    findings.append(Diagnostic(code: "P610", severity: .information, range: total.token.range,
                                               message: "\(name)\(labels)没有得分；自评总分 \(total.value) 要求其得 \((total.value - sum).trimmed) 分（其余各项得分之和为 \(sum.trimmed)），疑为表格排版时漏了这一格，请补上该项得分"))
                } else if !sumInterval.overlaps(scoreInterval(total.value)) {
                    let text = sum.formatted(scale: min(sum.scale, max(total.value.scale, 2))).trimmedZeros
                    findings.append(Diagnostic(code: "P603", severity: .error, range: total.token.range,
                                               message: "\(name)各项得分之和为 \(sum.trimmed)（\(scores.count) 项），自评总分写的是 \(total.value)，差额 \(CheckContext.signed(total.value - sum, scale: sum.scale).trimmedZeros)",
                                               // The listed items may be incomplete (a row lost in the
                                               // published table): the stated total is as likely right.
                                               fix: Fix(title: "改为 \(text)", edits: [TextEdit(range: total.token.range, replacement: text)], isSafe: false)))
                }
            }
            executionRate(project, name, &findings)
            fundParts(project, name, &findings)
            // P606: the grade follows the total score.
            if let grade = project.grade, let score = project.totalScore {
                let expected = PerformanceCheck.grade(for: score.value)
                if grade.text != expected && ["优", "良", "中", "差"].contains(grade.text) {
                    findings.append(Diagnostic(code: "P606", severity: .error, range: grade.range,
                                               message: "\(name)自评总分 \(score.value) 对应的等级是“\(expected)”（优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60），这里写的是“\(grade.text)”",
                                               fix: Fix(title: "改为“\(expected)”", edits: [TextEdit(range: grade.range, replacement: expected)])))
                }
            }
            goalRates(project, name, &findings)
            // P608: 完成 against the target.
            for indicator in project.indicators {
                guard let completed = indicator.completed, let target = indicator.target, let actual = indicator.actual else { continue }
                // A percentage target is often reported as a fraction (目标 ≥50%, 实际 0.5): compare like with like.
                var value = actual.value
                if target.unit.hasPrefix("%") || target.unit.hasPrefix("％"), !actual.isPercentage,
                   value <= DecimalNumber(1), let targetValue = target.value, targetValue > DecimalNumber(1) {
                    value = value * hundred
                }
                guard let met = target.isMet(by: value), met != completed.value else { continue }
                // A ceiling (≤) met by 0 with 未完成: nothing was spent because the work did not
                // take place, which is what 未完成 says.
                if !completed.value, value.isZero, target.comparator == .atMost || target.comparator == .less { continue }
                let statement = completed.value ? "标为“完成”，但实际值 \(actual.value) 未达到目标 \(target.text)" : "标为“未完成”，但实际值 \(actual.value) 已达到目标 \(target.text)"
                findings.append(Diagnostic(code: "P608", severity: .warning, range: completed.token.range,
                                           message: "\(name)指标“\(indicator.name?.text ?? "")”\(statement)",
                                           related: [RelatedLocation(range: actual.token.range, message: "实际值 \(actual.value)"),
                                                     RelatedLocation(range: target.range, message: "目标 \(target.text)")]))
            }
        }
        return findings
    }

    /// P615 (domain-rules SE-7, §7 S1-7): every 年度目标 stated 0% complete, while the indicators
    /// say the work was done (each marked 完成) and the project passes (自评总分 ≥ 60). One of the
    /// two is wrong; a 0 left from the template is the usual cause.
    static func goalRates(_ project: PerformanceProject, _ name: String, _ findings: inout [Diagnostic]) {
        let rates = project.goals.compactMap(\.rate)
        guard !rates.isEmpty, rates.count == project.goals.count, rates.allSatisfy({ $0.value.isZero }) else { return }
        let flags = project.indicators.compactMap(\.completed)
        guard !flags.isEmpty, flags.allSatisfy(\.value), let total = project.totalScore, total.value >= DecimalNumber(60) else { return }
        findings.append(Diagnostic(code: "P615", severity: .warning, range: rates[0].token.range,
                                   message: "\(name)年度目标的完成率都写的是 \(rates[0].token.text)（\(rates.count) 项），但 \(flags.count) 项指标都标为“完成”，自评总分 \(total.value)：完成率与指标、得分相矛盾",
                                   related: [RelatedLocation(range: total.token.range, message: "自评总分 \(total.value)")]))
    }

    /// Scores with two or more decimals are rounded (88.969734 → 88.97, spec R-7); whole and
    /// one-decimal scores are awarded as written, so they stand for themselves.
    static func scoreInterval(_ value: DecimalNumber) -> Interval {
        value.scale >= 2 ? Interval.written(value) : Interval.exact(value)
    }

    /// P609: for each key the 资金 line and every `其中` line state, the parts add up to the total,
    /// each figure standing for its rounding interval (`26.005` = `26.004627` + …).
    static func fundParts(_ project: PerformanceProject, _ name: String, _ findings: inout [Diagnostic]) {
        guard !project.fundParts.isEmpty else { return }
        for key in FundKey.allCases {
            guard let total = project.fundValue(key) else { continue }
            let parts = project.fundParts.map { $0.value(key) }
            guard parts.allSatisfy({ $0 != nil }) else {
                // Not every source states this key: each one that does is still part of the total.
                for (part, value) in zip(project.fundParts, parts) {
                    guard let value, value.value - total.value > value.value.halfUnitOfLastDigit + total.value.halfUnitOfLastDigit else { continue }
                    findings.append(Diagnostic(code: "P609", severity: .error, range: value.token.range,
                                               message: "\(name)资金的其中“\(part.name?.text ?? "")”\(key.rawValue) \(value.value) 大于资金行的\(key.rawValue) \(total.value)：其中一项不能超过总数",
                                               related: [RelatedLocation(range: total.token.range, message: "资金行的\(key.rawValue) \(total.value)")]))
                }
                continue
            }
            let values = parts.compactMap { $0 }
            let sum = values.reduce(DecimalNumber.zero) { $0 + $1.value }
            let slack = values.reduce(total.value.halfUnitOfLastDigit) { $0 + $1.value.halfUnitOfLastDigit }
            let difference = total.value - sum
            guard difference.magnitude > slack else { continue }
            let terms = zip(project.fundParts, values).map { "\($0.name?.text ?? "") \($1.value)" }.joined(separator: " + ")
            let scale = max(sum.scale, total.value.scale)
            findings.append(Diagnostic(code: "P609", severity: .error, range: total.token.range,
                                       message: "\(name)资金的\(key.rawValue)应为其中各项之和 \(terms) = \(sum)，填写为 \(total.value)，差额 \(CheckContext.signed(difference, scale: scale))"))
        }
    }

    /// The grade of a total score: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
    static func grade(for score: DecimalNumber) -> String {
        score >= DecimalNumber(90) ? "优" : score >= DecimalNumber(80) ? "良" : score >= DecimalNumber(60) ? "中" : "差"
    }

    /// P604: the stated 执行率 against B ÷ A; P605: the 执行率 score against weight × min(B ÷ A, 1).
    static func executionRate(_ project: PerformanceProject, _ name: String, _ findings: inout [Diagnostic]) {
        guard let budget = project.budget, let spent = project.spent, budget.value.mantissa > 0 else { return }
        let a = Interval.written(budget.value)
        let b = Interval.written(spent.value)
        let ratioText = "\(spent.value) ÷ \(budget.value)"
        if let stated = project.statedRate {
            // Written as a percentage (84.84 or 84.84%), or as a fraction (0.8484).
            let asFraction = !stated.isPercentage && stated.value <= DecimalNumber(1) && stated.value.scale > 0 && spent.value <= budget.value
            let factor = asFraction ? DecimalNumber(1) : hundred
            if !Interval.quotientMayLie(numerator: b, denominator: a, factor: factor, in: Interval.written(stated.value)) {
                let scale = max(stated.value.scale, 2)
                let expected = ((spent.value * factor).divided(by: budget.value, scale: scale) ?? .zero)
                let text = expected.description + (stated.isPercentage ? "%" : "")
                findings.append(Diagnostic(code: "P604", severity: .error, range: stated.token.range,
                                           message: "\(name)执行率应为 全年执行数 ÷ 全年预算数 = \(ratioText) = \(text)，填写为 \(stated.token.text)",
                                           fix: Fix(title: "改为 \(text)", edits: [TextEdit(range: stated.token.range, replacement: text)]),
                                           related: [RelatedLocation(range: budget.token.range, message: "全年预算数 \(budget.value)"),
                                                     RelatedLocation(range: spent.token.range, message: "全年执行数 \(spent.value)")]))
            }
        }
        guard let weight = project.executionWeight, let score = project.executionScore else { return }
        // The score is weight × min(B / A, 1): within [weight × min(bLo/aHi, 1), weight × min(bHi/aLo, 1)].
        let target = Interval.written(score.value)
        let consistent: Bool
        if spent.value >= budget.value {
            consistent = target.overlaps(Interval.exact(weight.value)) || Interval.quotientMayLie(numerator: b, denominator: a, factor: weight.value, in: target)
        } else {
            consistent = Interval.quotientMayLie(numerator: b, denominator: a, factor: weight.value, in: target)
        }
        guard !consistent else { return }
        let scale = max(score.value.scale, 2)
        let expected = spent.value >= budget.value ? weight.value.rescaled(to: scale) : ((spent.value * weight.value).divided(by: budget.value, scale: scale) ?? .zero)
        // What follows from it: the total and its grade (and whatever the report says of them).
        var knockOn = ""
        if let total = project.totalScore {
            let corrected = total.value + (expected - score.value)
            let (was, becomes) = (grade(for: total.value), grade(for: corrected))
            knockOn = "；按此，自评总分应为 \(corrected.trimmed)" + (was == becomes ? "" : "，等级由“\(was)”变为“\(becomes)”，说明中的等级个数和平均分也随之改变")
        }
        findings.append(Diagnostic(code: "P605", severity: .warning, range: score.token.range,
                                   message: "\(name)执行率得分按 分值 × min(执行率, 1) 应为 \(weight.value) × \(ratioText) = \(expected)，填写为 \(score.value)\(knockOn)（若当地评分办法不同，可用 // juesuan: allow P605 说明）",
                                   fix: Fix(title: "改为 \(expected)", edits: [TextEdit(range: score.token.range, replacement: expected.description)], isSafe: false),
                                   related: [RelatedLocation(range: budget.token.range, message: "全年预算数 \(budget.value)"),
                                             RelatedLocation(range: spent.token.range, message: "全年执行数 \(spent.value)")]))
    }
}

extension String {
    /// `97.00` → `97`, `88.50` → `88.5`: scores are written without trailing zeros.
    var trimmedZeros: String {
        guard contains(".") else { return self }
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
