import JuesuanModel
import JuesuanSyntax

/// P607: what the narrative says of a named project — its score, budget, spending and
/// completion rate — against the project's `绩效` block.
enum ProjectNarrativeCheck {
    static let rules = [Rule("P607", .error, "说明中某项目的得分或金额与其“绩效”表不同"),
                        Rule("P616", .warning, "说明中的得分是绩效表总分舍去小数所得，四舍五入应为另一个数")]

    static func run(claims: [Claim], report: Report, projects all: [PerformanceProject]? = nil) -> [Diagnostic] {
        let projects = (all ?? report.performanceProjects).filter { key($0.name).count >= 4 }
        guard !projects.isEmpty else { return [] }
        // Distinct names (blocks may share one), found in each paragraph in one pass.
        var byKey: [String: [Int]] = [:]
        var keys: [String] = []
        for (index, project) in projects.enumerated() {
            let name = key(project.name)
            if byKey[name] == nil { keys.append(name) }
            byKey[name, default: []].append(index)
        }
        // `珠山区医疗保障局2023年单位结余` is often written `2023年单位结余专项`: the department's
        // name (or its end) before a project name is an alias's prefix, not part of the name.
        var canonical: [String: String] = [:]
        for name in keys { canonical[name] = name }
        if let department = report.header.department.map(key), department.count >= 4 {
            for name in keys {
                let scalars = Array(name.unicodeScalars)
                for length in stride(from: min(scalars.count - 4, department.unicodeScalars.count), through: 4, by: -1) where length > 0 {
                    let prefix = String(String.UnicodeScalarView(scalars[..<length]))
                    guard department.hasSuffix(prefix) else { continue }
                    let alias = String(String.UnicodeScalarView(scalars[length...]))
                    if canonical[alias] == nil { canonical[alias] = name; keys.append(alias) }
                    break
                }
            }
        }
        let matcher = NameMatcher(keys)
        // Each name's first place among the keys, and the aliases of each name (looked up for
        // every line and figure: a search of the lists cost a twentieth of the analysis).
        var firstPlace: [String: Int] = [:]
        for (index, name) in keys.enumerated() where firstPlace[name] == nil { firstPlace[name] = index }
        var aliases: [String: [String]] = [:]
        for (alias, name) in canonical where alias != name { aliases[name, default: []].append(alias) }
        var findings: [Diagnostic] = []
        var byLine: [Int: [Claim]] = [:]
        for claim in claims { byLine[claim.line, default: []].append(claim) }
        // The 说明 block each prose line belongs to: a line that names no project speaks of the
        // project the lines before it in the same block named (`得分87分` under a heading that
        // names the project, seed 002's annex) — for scores only, which need no name to be read.
        var blockOfLine: [Int: Int] = [:]
        for (index, block) in report.syntax.blocks.enumerated() {
            if case .narrative(let narrative) = block { for line in narrative.proseLines { blockOfLine[line] = index } }
        }
        var named: [Int: [Int]] = [:]
        let lines = Set(byLine.keys).union(blockOfLine.keys).sorted()
        for line in lines {
            var names: [Int] = []
            var canonicalNames: Set<String> = []
            for index in matcher.names(in: key(report.source.lineString(line))) {
                let name = canonical[keys[index]] ?? keys[index]
                if canonicalNames.insert(name).inserted { names.append(firstPlace[name] ?? index) }
            }
            named[line] = names
        }
        var current: (block: Int, project: Int)?
        // Several blocks may share a name: the k-th paragraph that names it speaks of the k-th
        // block; a paragraph beyond the last block speaks of the last (a project may be named
        // in the narrative and again in an annex).
        var seen: [String: Int] = [:]
        for line in lines {
            let names = named[line] ?? []
            let lineClaims = byLine[line] ?? []
            let block = blockOfLine[line]
            var project: PerformanceProject
            var scoresOnly = false
            // (`村级组织运转经费等3个重点项目…`: one name of several projects counted.)
            if let first = names.first, names.count == 1, !Self.countsSeveralProjects(report.source.lineString(line)) {
                let name = keys[first]
                let sameName = byKey[name] ?? []
                let occurrence = seen[name, default: 0]
                seen[name] = occurrence + 1
                guard !sameName.isEmpty else { current = nil; continue }
                let index = sameName[min(occurrence, sameName.count - 1)]
                current = block.map { ($0, index) }
                project = projects[index]
            } else if names.isEmpty, let current, current.block == block {
                project = projects[current.project]
                scoresOnly = true
            } else {
                // A paragraph that names several projects (a summary) speaks of none of them alone.
                if !names.isEmpty { current = nil }
                continue
            }
            // (`农业农村（款）农业生产发展（项）：支出决算…` names the item of the classification, not the
            // project `农业生产发展项目`.)
            if !scoresOnly, namesItemNotProject(report.source.lineString(line), project: project.name) { continue }
            let title = "绩效「\(project.name)」"
            let projectKey = key(project.name)
            let projectAliases = aliases[projectKey] ?? []
            let lineStart = report.source.lineRange(line).start
            for claim in lineClaims {
                if scoresOnly && claim.kind != .score { continue }
                // A line that names another project before its score (`诉讼服务经费项目：…自评得分93.60分`,
                // a project with no 绩效 block) does not speak of the one named before.
                if scoresOnly, claim.range.start >= lineStart,
                   namesOtherProject(report.source.string(SourceRange(start: lineStart, end: claim.range.start))) { continue }
                // A figure is the project's when its name stands before it in the paragraph (not in
                // the reason after it: `完成年初预算的109.75%，主要是追加审判业务经费`), and its sentence
                // names no other project (`…项目自评得分95.74分。诉讼服务经费项目自评得分93.60分`).
                // The name stands in the figure's own statement (after the last `；` or `。`) or opens
                // the paragraph (`(3) 基金监管专项经费项目绩效自评情况：…`): a name in the reason of
                // another item (`…；二是…，主要原因是使用了上年结转的农资打假专项资金；三是…完成
                // 年初预算的100.65%`) does not make the figures after it the project's.
                if !scoresOnly, claim.range.start >= lineStart {
                    let text = report.source.string(SourceRange(start: lineStart, end: claim.range.start))
                    func names(_ words: Substring) -> Bool {
                        let before = key(String(words))
                        return before.utf8Contains(projectKey) || projectAliases.contains { before.utf8Contains($0) }
                    }
                    let statement = text.lastIndex(where: { $0 == "；" || $0 == ";" || $0 == "。" }).map { text[text.index(after: $0)...] } ?? text[...]
                    let opening = text.firstIndex(where: { $0 == "：" || $0 == ":" || $0 == "，" || $0 == "," || $0 == "。" || $0 == "；" }).map { text[...$0] } ?? text[...]
                    guard names(statement) || names(opening) else { continue }
                    if !key(claim.sentencePrefix).utf8Contains(projectKey), namesOtherProject(claim.sentencePrefix) { continue }
                    // `A项目自评得分为95.78分；外贸稳增长促进资金自评得分为95.42分`: a figure whose own words
                    // name something else before what they measure is that thing's.
                    if namesOtherSubject(claim.label, than: projectKey) { continue }
                }
                switch claim.kind {
                // (Not the score of one indicator: `预算执行率为98.41%，执行率得分9.84分`.)
                case .score where !claim.label.contains("平均") && !indicatorScoreWords.contains(where: { claim.label.utf8Contains($0 + "得分") }):
                    if let total = project.totalScore { compare(claim, total, "自评得分", title, &findings) }
                case .amount where claim.isMoney:
                    // By its measure (`年初预算450.00万元，全年预算468.00万元，全年执行462.85万元`) or its words.
                    if claim.measure == .initialBudget || claim.label.hasSuffix("年初预算数"), let initial = project.initialBudget {
                        compare(claim, initial, "年初预算数", title, &findings)
                    } else if claim.measure == .fullBudget || claim.measure == .budget || claim.label.hasSuffix("预算数"), let budget = project.budget,
                              // `调整预算80.00万元，加上年结转资金12.36万元后全年预算数为92.36万元`: the
                              // adjusted budget beside a 全年预算 of its own is not the block's.
                              !(claim.label.contains("调整") && lineClaims.contains { $0.sentence == claim.sentence && $0.label.contains("全年预算") }) {
                        compare(claim, budget, "全年预算数", title, &findings)
                    } else if claim.measure == .spent || claim.label.hasSuffix("执行数") || Self.isBareExecution(claim.label, of: projectKey),
                              let spent = project.spent {
                        compare(claim, spent, "全年执行数", title, &findings)
                    }
                case .completion:
                    // `完成年初预算的91.05%` is of the 年初预算数; any other completion of the 全年预算数.
                    let ofInitial = claim.measure == .initialBudget
                    let budgetName = ofInitial ? "年初预算数" : "全年预算数"
                    guard let budget = ofInitial ? project.initialBudget : project.budget, let spent = project.spent, budget.value.mantissa > 0 else { continue }
                    let target = Interval.written(claim.value)
                    if !Interval.quotientMayLie(numerator: Interval.written(spent.value), denominator: Interval.written(budget.value),
                                                factor: DecimalNumber(100), in: target),
                       let computed = (spent.value * DecimalNumber(100)).divided(by: budget.value, scale: max(claim.value.scale, 2)) {
                        findings.append(Diagnostic(code: "P607", severity: .error, range: claim.range,
                                                   message: "说明写\(title)完成预算的 \(claim.text)%，其绩效表为 全年执行数 \(spent.value) ÷ \(budgetName) \(budget.value) = \(computed)%",
                                                   related: [RelatedLocation(range: spent.token.range, message: "全年执行数 \(spent.value)"),
                                                             RelatedLocation(range: budget.token.range, message: "\(budgetName) \(budget.value)")]))
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
        // 87 for 87.51: the decimals dropped instead of rounded (domain-rules §7 S2-3).
        if what == "自评得分", claim.value.scale < value.scale, value.truncated(toScale: claim.value.scale) == claim.value {
            let rounded = value.rounded(toScale: claim.value.scale)
            findings.append(Diagnostic(code: "P616", severity: .warning, range: claim.range,
                                       message: "说明写\(name)的\(what)为 \(claim.text)，其绩效表中是 \(value)，四舍五入应为 \(rounded)（这里像是舍去了小数）",
                                       fix: Fix(title: "改为 \(rounded)", edits: [TextEdit(range: claim.range, replacement: rounded.description)], isSafe: false),
                                       related: [RelatedLocation(range: written.token.range, message: "绩效表中的\(what) \(value)")]))
            return
        }
        findings.append(Diagnostic(code: "P607", severity: .error, range: claim.range,
                                   message: "说明写\(name)的\(what)为 \(claim.text)，其绩效表中是 \(value)",
                                   fix: Fix(title: "改为 \(value)", edits: [TextEdit(range: claim.range, replacement: value.description)], isSafe: false),
                                   related: [RelatedLocation(range: written.token.range, message: "绩效表中的\(what) \(value)")]))
    }

    /// Whether a figure's own words, less what they measure (`自评得分为`, `全年执行数`), name
    /// something other than the project (`外贸稳增长促进资金自评得分`), not a pronoun (`该项目`).
    static func namesOtherSubject(_ label: String, than projectKey: String) -> Bool {
        var words = Substring(label)
        for tail in ["为", "是", "达"] where words.hasSuffix(tail) { words = words.dropLast(); break }
        guard let measured = measureWords.first(where: { words.hasSuffix($0) }) else { return false }
        words = words.dropLast(measured.count)
        for filler in ["其中", "其", "该项目", "本项目", "此项目", "项目", "该", "本", "，", "的", "年度", "最终", "全年"] where words.hasSuffix(filler) { words = words.dropLast(filler.count) }
        let subject = key(String(words))
        return subject.count >= 4 && !subject.utf8Contains(projectKey) && !projectKey.utf8Contains(subject)
    }

    /// `执行132.30万元`, `全年实际执行…`: 执行 as the measure, not the end of a name (`案件执行1,528.94万元`
    /// is another item's amount) nor `未执行的…`.
    static func isBareExecution(_ label: String, of projectKey: String) -> Bool {
        guard label.hasSuffix("执行"), !label.hasSuffix("未执行") else { return false }
        var words = Substring(label.dropLast(2))
        var trimmed = true
        while trimmed {
            trimmed = false
            for filler in ["，", "项目", "该", "本", "全年", "实际", "已", "共", "累计", "当年", "本年", "年度", "资金", "其中"] where words.hasSuffix(filler) {
                words = words.dropLast(filler.count)
                trimmed = true
            }
        }
        // (What is left names the project, or nothing else: `人工影响天气作业经费全年执行…`.)
        let subject = key(String(words))
        return subject.count < 2 || subject.utf8Contains(projectKey) || projectKey.utf8Contains(subject)
    }

    /// Whether a line names the project's words as an item of the classification (`农业生产发展（项）`)
    /// and never as the project (`农业生产发展项目`).
    static func namesItemNotProject(_ line: String, project: String) -> Bool {
        let base = project.utf8HasSuffix("项目") ? String(project.dropLast(2)) : project
        guard !base.isEmpty, !line.utf8Contains(project) || base == project else { return false }
        return ["（项）", "(项)", "（款）", "(款)", "（类）", "(类)"].contains { line.utf8Contains(base + $0) }
    }

    /// Indicators a score may be of, written before 得分 (`执行率得分`, `满意度指标得分`).
    static let indicatorScoreWords = ["执行率", "指标", "满意度", "产出", "效益", "效果", "过程", "决策", "管理", "数量", "质量", "时效", "成本"]
    static let measureWords = ["绩效自评得分", "自评综合得分", "自评得分", "综合得分", "得分", "评分", "年初预算数", "全年预算数", "预算数", "全年执行数", "执行数",
                               "年初预算", "全年预算", "调整预算", "预算", "全年执行", "实际执行", "执行"]

    /// Whether a line counts several projects after a name (`…等3个重点项目`, `…等两个项目`).
    static func countsSeveralProjects(_ line: String) -> Bool {
        guard line.utf8Contains("等") else { return false }
        let scalars = Array(line.unicodeScalars)
        for k in scalars.indices where scalars[k] == "等" {
            let after = scalars[(k + 1)..<min(k + 5, scalars.count)]
            if let unit = after.firstIndex(of: "个"), unit > k + 1,
               after[..<unit].allSatisfy({ $0.properties.numericType != nil || $0 == "两" || $0 == "几" }) { return true }
        }
        return false
    }

    /// What may stand before 项目 that makes it no project's name: a pronoun, a measure word, a
    /// clause's start.
    static let notANameBefore项目 = Set("该本此各个的，,；;。：:、（(）) ".unicodeScalars)

    /// Whether words name a project (`…经费项目`), not the one spoken of (`该项目`, `本项目`).
    static func namesOtherProject(_ words: String) -> Bool {
        guard words.utf8Contains("项目") else { return false }
        let scalars = Array(words.unicodeScalars)
        var k = 0, searchedFrom = 0  // (the word before an occurrence is after the last one)
        while k + 1 < scalars.count {
            guard scalars[k] == "项", scalars[k + 1] == "目" else { k += 1; continue }
            // `项目支出` is a kind of spending, not a project's name.
            // (Nor 项目 opening a clause: `；项目自评得分98.71分` is the project's own score.)
            if k > searchedFrom, !Self.notANameBefore项目.contains(scalars[k - 1]), k + 2 >= scalars.count || scalars[k + 2] != "支" { return true }
            k += 2
            searchedFrom = k
        }
        return false
    }

    /// A project name without years, blanks, quotes or the word 项目, for matching prose.
    static func key(_ text: String) -> String {
        let scalars = Array(LabelKey.make(text).unicodeScalars)
        // The kept scalars as UTF-8, made a string once.
        var result: [UInt8] = []
        result.reserveCapacity(scalars.count * 3)
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
            // `"\"'“”《》".unicodeScalars.contains(scalar)`, by comparison.
            switch scalar {
            case "\"", "'", "“", "”", "《", "》": i += 1; continue
            default: break
            }
            if scalar == "项", i + 1 < scalars.count, scalars[i + 1] == "目" { i += 2; continue }
            UTF8.encode(scalar) { result.append($0) }
            i += 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}
