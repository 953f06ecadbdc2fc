import JuesuanModel
import JuesuanSyntax

/// N501–N508 and N590: the claims of the 说明 prose against the tables and against each other,
/// judged by interval arithmetic on the published precision (spec 9.4).
enum NarrativeCheck: ReportCheck {
    static let rules = [
        Rule("N501", .error, "说明中的金额与其所指的表中数字不同"),
        Rule("N502", .error, "占比（占 x%）≠ 部分 ÷ 整体"),
        Rule("N503", .error, "增减额、增减率与本年数、上年数不一致"),
        Rule("N504", .error, "“其中”所列各部分之和不等于整体"),
        Rule("N505", .error, "完成预算的百分比 ≠ 决算数 ÷ 预算数"),
        Rule("N506", .warning, "金额写成“元”，而表中单位是“万元”"),
        Rule("N507", .error, "说明中的数量（批次、人次、辆、个）与表中不同"),
        Rule("N508", .error, "同一整体的各部分占比之和超过 100%"),
        Rule("N590", .information, "说明中的数字在舍入范围内，或是截断而非四舍五入"),
    ]

    static let hundred = DecimalNumber(100)

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let report = context.report
        let claims = ClaimScanner.claims(in: report)
        var findings: [Diagnostic] = []
        // Claims grouped by sentence: (line, sentence) → indices into `claims`.
        var sentences: [[Int]] = []
        for index in claims.indices {
            if let last = sentences.last?.last, claims[last].line == claims[index].line, claims[last].sentence == claims[index].sentence {
                sentences[sentences.count - 1].append(index)
            } else {
                sentences.append([index])
            }
        }
        // Where each line's claims start in `claims` (document order), so a claim's line-mates
        // before it are a slice: no per-claim scan of the whole report (quadratic on a long line).
        var lineStarts: [Int: Int] = [:]
        for index in claims.indices where lineStarts[claims[index].line] == nil { lineStarts[claims[index].line] = index }
        for (sentenceIndex, members) in sentences.enumerated() {
            let previous = sentenceIndex > 0 && claims[sentences[sentenceIndex - 1][0]].line == claims[members[0]].line ? sentences[sentenceIndex - 1] : []
            let subject = members.first.map { FigureNames.splitMeasure(claims[$0].label).head } ?? ""
            let sentenceClaims = members.map { claims[$0] }
            for (position, index) in members.enumerated() {
                let claim = claims[index]
                let before = sentenceClaims[..<position]
                switch claim.kind {
                case .amount:
                    amount(claim, subject: subject, report, &findings)
                case .share(let whole):
                    share(claim, whole: whole, before: before, line: claims[lineStarts[claim.line, default: index]..<index], report, &findings)
                case .changeRate(let increase):
                    change(rate: claim, increase: increase, before: before, previous: previous.map { claims[$0] }, &findings)
                case .completion:
                    completion(claim, before: before, &findings)
                case .count:
                    count(claim, report, &findings)
                default:
                    break
                }
            }
            parts(sentenceClaims, &findings)
            sharesOfOneWhole(sentenceClaims, &findings)
        }
        findings += ProjectNarrativeCheck.run(claims: claims, report: report)
        return findings
    }

    // MARK: N501, N506: amounts that name a table figure

    /// Funds other than the whole: a sentence about them speaks of their own figures.
    static let fundQualifiers = ["政府性基金", "国有资本经营"]

    static func amount(_ claim: Claim, subject: String, _ report: Report, _ findings: inout [Diagnostic]) {
        guard case .money(let unit)? = claim.unit else { return }
        var (head, measure) = FigureNames.splitMeasure(claim.label)
        if head.isEmpty { head = FigureNames.splitMeasure(subject).head }
        if fundQualifiers.contains(where: { claim.sentencePrefix.contains($0) && !head.contains($0) }) { return }
        let figures = report.figures(for: FigureNames.targets(head: head, measure: measure))
        guard let first = figures.first else { return }
        let tableUnit = report.header.unit
        let inTableUnit = convert(claim.value, from: unit, to: tableUnit)
        var rounded = false
        for figure in figures {
            if let inTableUnit, inTableUnit == figure.value { return }
            // Written to fewer decimals than the table: equal once the table's figure is rounded.
            if let inTableUnit, inTableUnit.scale < figure.value.scale, figure.value.rounded(toScale: inTableUnit.scale) == inTableUnit { rounded = true }
        }
        if rounded {
            findings.append(Diagnostic(code: "N590", severity: .information, range: claim.fullRange,
                                       message: "“\(claim.label)”写作 \(claim.text)，是\(first.description) \(first.value) 舍入后的数"))
            return
        }
        let related = figures.map { RelatedLocation(range: $0.cell.token.range, message: "\($0.description)：\($0.value)") }
        if unit != tableUnit, let same = figures.first(where: { $0.value == claim.value }) {
            let unitRange = claim.unitRange
            findings.append(Diagnostic(code: "N506", severity: .warning, range: unitRange,
                                       message: "“\(claim.label)” \(claim.text) 与\(same.description)相同，但单位写成了“\(unit.rawValue)”，表中单位是“\(tableUnit.rawValue)”",
                                       fix: Fix(title: "改为“\(tableUnit.rawValue)”", edits: [TextEdit(range: unitRange, replacement: tableUnit.rawValue)]),
                                       related: related))
            return
        }
        let expected = unit == tableUnit ? first.value : (convert(first.value, from: tableUnit, to: unit) ?? first.value)
        let scale = max(claim.value.scale, expected.scale)
        let expectedText = expected.formatted(scale: scale)
        findings.append(Diagnostic(code: "N501", severity: .error, range: claim.range,
                                   message: "“\(claim.label)”应为\(first.description) \(expectedText)\(unit.rawValue)，说明中写的是 \(claim.text)\(unit.rawValue)，差额 \(CheckContext.signed(claim.value - expected, scale: scale))",
                                   fix: Fix(title: "改为 \(expectedText)", edits: [TextEdit(range: claim.range, replacement: expectedText)], isSafe: false),
                                   related: related))
    }

    /// Exact conversion between money units; nil when it would need more digits than a figure has.
    static func convert(_ value: DecimalNumber, from: MoneyUnit, to: MoneyUnit) -> DecimalNumber? {
        let exponent: [MoneyUnit: Int] = [.yuan: 0, .thousandYuan: 3, .tenThousandYuan: 4, .hundredMillionYuan: 8]
        let shift = exponent[from]! - exponent[to]!
        if shift == 0 { return value }
        if shift > 0 { return value * DecimalNumber(mantissa: DecimalNumber.powerOfTen(shift), scale: 0) }
        return DecimalNumber(mantissa: value.mantissa, scale: value.scale - shift)
    }

    // MARK: N502: shares

    static func share(_ claim: Claim, whole wholeName: String?, before: ArraySlice<Claim>, line: ArraySlice<Claim>, _ report: Report, _ findings: inout [Diagnostic]) {
        guard let part = before.last(where: { $0.kind == .amount && $0.isMoney }) else { return }
        var whole: (value: DecimalNumber, name: String, range: SourceRange)?
        if let wholeName {
            let key = LabelKey.make(wholeName)
            if let earlier = line.last(where: { $0.kind == .amount && $0.isMoney && $0.range.start < claim.range.start && !$0.label.isEmpty
                                              && (LabelKey.make($0.label).hasSuffix(key) || key.hasSuffix(LabelKey.make($0.label))) && $0.range != part.range }) {
                whole = (earlier.value, earlier.label, earlier.range)
            } else if let figure = report.figures(for: FigureNames.targets(head: wholeName, measure: nil)).first {
                whole = (figure.value, figure.description, figure.cell.token.range)
            }
        } else if let listed = wholeOfList(before.filter { $0.kind == .amount && $0.isMoney }, part: part) {
            whole = (listed.value, listed.label, listed.range)
        } else {
            // `本年收入中，财政拨款收入…，占100%`: the whole is the report's total; any of the tables
            // that print it may be meant, so the share is judged against each.
            let prefix = part.sentencePrefix
            let name = prefix.contains("收入") ? "本年收入合计" : prefix.contains("支出") ? "本年支出合计" : nil
            let figures = name.map { report.figures(for: FigureNames.targets(head: $0, measure: nil)) } ?? []
            let target = Interval.written(claim.value)
            if figures.contains(where: { Interval.quotientMayLie(numerator: Interval.written(part.value), denominator: Interval.written($0.value), factor: hundred, in: target) }) { return }
            if let figure = figures.first { whole = (figure.value, figure.description, figure.cell.token.range) }
        }
        guard let whole, whole.value.mantissa > 0 else { return }
        judge(code: "N502", claim: claim, numerator: part.value, denominator: whole.value,
              formula: "\(part.label) \(part.text) ÷ \(whole.name) \(whole.value)", related: [
                RelatedLocation(range: part.range, message: "部分：\(part.label) \(part.text)"),
                RelatedLocation(range: whole.range, message: "整体：\(whole.name) \(whole.value)"),
              ], &findings)
    }

    static let listMarkers = ["其中", "主要用于", "包括", "构成"]

    /// The whole a listed part belongs to: the nearest amount before it with a list marker
    /// (`其中：`, `主要用于以下方面：`) between them that introduces amounts — `主要用于养老保险等
    /// 支出；` describes the amount before it and lists nothing.
    static func wholeOfList(_ amounts: [Claim], part: Claim) -> Claim? {
        let text = Array(part.sentencePrefix)
        // Only a candidate that ends before the last marker has one after it: skip the others
        // without building their text (which made long sentences cubic).
        let markerCharacters = listMarkers.map(Array.init)
        guard let lastMarker = text.indices.reversed().first(where: { i in
            markerCharacters.contains { i + $0.count <= text.count && text[i..<i + $0.count].elementsEqual($0) } }) else { return nil }
        for candidate in amounts.reversed() where candidate.range.start < part.range.start && candidate.range != part.range {
            let from = min(text.count, candidate.offsetInSentence + candidate.text.count)
            guard from <= lastMarker else { continue }
            let between = String(text[from...])
            guard let marker = listMarkers.first(where: { between.contains($0) }) else { continue }
            let afterMarker = between.components(after: marker)
            let firstItem = afterMarker.prefix { $0 != "；" && $0 != ";" }
            let listsAmounts = firstItem.count == afterMarker.count || firstItem.contains { $0.isASCII && $0.isNumber }
            return listsAmounts ? candidate : nil
        }
        return nil
    }

    /// Reports a written percentage that no values inside the intervals of its inputs produce.
    static func judge(code: String, claim: Claim, numerator: DecimalNumber, denominator: DecimalNumber, formula: String,
                      related: [RelatedLocation], _ findings: inout [Diagnostic]) {
        let target = Interval.written(claim.value)
        guard !Interval.quotientMayLie(numerator: Interval.written(numerator), denominator: Interval.written(denominator), factor: hundred, in: target) else { return }
        let scale = claim.value.scale
        guard let precise = (numerator * hundred).divided(by: denominator, scale: scale + 4),
              let computed = (numerator * hundred).divided(by: denominator, scale: max(scale, 2)) else { return }
        if precise.truncated(toScale: scale) == claim.value {
            findings.append(Diagnostic(code: "N590", severity: .information, range: claim.range,
                                       message: "\(formula) = \(precise)%，写作 \(claim.text)% 是截断而不是四舍五入（应为 \(computed)%）",
                                       related: related))
            return
        }
        findings.append(Diagnostic(code: code, severity: .error, range: claim.range,
                                   message: "\(formula) = \(computed)%，说明中写的是 \(claim.text)%，差 \(CheckContext.signed(claim.value - computed, scale: max(scale, 2))) 个百分点",
                                   fix: Fix(title: "改为 \(computed)", edits: [TextEdit(range: claim.range, replacement: computed.description)], isSafe: false),
                                   related: related))
    }

    // MARK: N503: changes

    static func change(rate: Claim, increase: Bool, before: ArraySlice<Claim>, previous: [Claim], _ findings: inout [Diagnostic]) {
        guard let amountIndex = before.lastIndex(where: { if case .changeAmount = $0.kind { return true } else { return false } }) else { return }
        let change = before[amountIndex]
        guard case .changeAmount(let amountIncrease) = change.kind else { return }
        if amountIncrease != increase {
            findings.append(Diagnostic(code: "N503", severity: .error, range: rate.fullRange,
                                       message: "增减方向不一致：金额写的是“\(amountIncrease ? "增加" : "减少")”\(change.text)，比率写的是“\(increase ? "增长" : "下降")”\(rate.text)%"))
            return
        }
        // The current amount: the nearest one before the change, else the subject of the sentence
        // before. `与上年度1409.09万元相比` names the previous year's amount instead.
        let nearest = before[..<amountIndex].last(where: { $0.kind == .amount && $0.isMoney }) ?? previous.first(where: { $0.kind == .amount && $0.isMoney })
        guard let current = nearest else { return }
        let isPreviousYear = ["上年", "上一年", "去年"].contains { current.label.contains($0) }
        let currentInterval = Interval.written(current.value)
        let changeInterval = Interval.written(change.value)
        let previousInterval = isPreviousYear ? currentInterval : increase ? currentInterval - changeInterval : currentInterval + changeInterval
        let previousValue = isPreviousYear ? current.value : increase ? current.value - change.value : current.value + change.value
        guard previousInterval.lower.mantissa > 0 else { return }
        let target = Interval.written(rate.value)
        guard !Interval.quotientMayLie(numerator: changeInterval, denominator: previousInterval, factor: hundred, in: target),
              let computed = (change.value * hundred).divided(by: previousValue, scale: rate.value.scale) else { return }
        findings.append(Diagnostic(code: "N503", severity: .error, range: rate.range,
                                   message: "\(isPreviousYear ? "上年" : "本年") \(current.text)，\(increase ? "增加" : "减少") \(change.text)，上年应为 \(previousValue)；\(increase ? "增长" : "下降")率应为 \(change.text) ÷ \(previousValue) = \(computed)%，说明中写的是 \(rate.text)%",
                                   fix: Fix(title: "改为 \(computed)", edits: [TextEdit(range: rate.range, replacement: computed.description)], isSafe: false),
                                   related: [RelatedLocation(range: current.range, message: "本年数 \(current.text)"),
                                             RelatedLocation(range: change.range, message: "增减额 \(change.text)")]))
    }

    // MARK: N505: completion rates

    static func completion(_ claim: Claim, before: ArraySlice<Claim>, _ findings: inout [Diagnostic]) {
        let amounts = before.filter { $0.kind == .amount && $0.isMoney }
        guard let budget = amounts.last(where: { $0.label.hasSuffix("预算数") || $0.label.hasSuffix("预算") }),
              let actual = amounts.last(where: { $0.range.start > budget.range.start || $0.label.hasSuffix("决算数") || $0.label.hasSuffix("执行数") }),
              actual.range != budget.range, budget.value.mantissa > 0 else { return }
        judge(code: "N505", claim: claim, numerator: actual.value, denominator: budget.value,
              formula: "\(actual.label) \(actual.text) ÷ \(budget.label) \(budget.text)",
              related: [RelatedLocation(range: actual.range, message: "\(actual.label) \(actual.text)"),
                        RelatedLocation(range: budget.range, message: "\(budget.label) \(budget.text)")], &findings)
    }

    // MARK: N507: counts

    static func count(_ claim: Claim, _ report: Report, _ findings: inout [Diagnostic]) {
        guard case .count(let unit)? = claim.unit else { return }
        let context = claim.sentencePrefix
        var targets: [(String, RowSelector, String?)] = []
        let abroad = context.contains("国（境）外") || context.contains("国(境)外") || context.contains("外宾")
        if context.contains("接待") && !context.contains("出国") {
            if unit == "批" || unit == "批次" { targets = [("公开09", .label(abroad ? "国（境）外公务接待批次" : "国内公务接待批次"), "决算数")] }
            if unit == "人次" { targets = [("公开09", .label(abroad ? "国（境）外公务接待人次" : "国内公务接待人次"), "决算数")] }
        } else if context.contains("出国") || context.contains("出境") {
            if unit == "个" && context.contains("团组") { targets = [("公开09", .label("因公出国（境）团组数"), "决算数")] }
            if unit == "人次" || unit == "人" { targets = [("公开09", .label("因公出国（境）人次数"), "决算数")] }
        } else if unit == "辆" {
            if context.hasSuffix("保有量") || claim.label.contains("保有") || claim.label.contains("车辆") {
                targets = [("公开09", .label("公务用车保有量"), "决算数"), ("公开10", .label("车辆数合计"), nil)]
            } else if claim.label.contains("购置") {
                targets = [("公开09", .label("公务用车购置数"), "决算数")]
            }
        }
        let figures = targets.compactMap { report.figure($0.0, $0.1, column: $0.2) }
        guard let first = figures.first, !figures.contains(where: { $0.value == claim.value }) else { return }
        findings.append(Diagnostic(code: "N507", severity: .error, range: claim.range,
                                   message: "说明中写的是 \(claim.text)\(unit)，\(first.description) 是 \(first.value)",
                                   fix: Fix(title: "改为 \(first.value)", edits: [TextEdit(range: claim.range, replacement: first.value.description)], isSafe: false),
                                   related: figures.map { RelatedLocation(range: $0.cell.token.range, message: "\($0.description)：\($0.value)") }))
    }

    // MARK: N504: parts after 其中

    static func parts(_ sentence: [Claim], _ findings: inout [Diagnostic]) {
        guard !sentence.isEmpty else { return }
        let markers = listMarkers
        // The first amount that a list marker introduces, and the whole before the marker.
        let amounts = sentence.filter { $0.kind == .amount && $0.isMoney }
        guard let startIndex = amounts.firstIndex(where: { wholeOfList(amounts, part: $0) != nil }), startIndex > 0,
              let whole = wholeOfList(amounts, part: amounts[startIndex]) else { return }
        let marker = markers.first { amounts[startIndex].sentencePrefix.contains($0) } ?? "其中"
        let members = amounts[startIndex...].filter { $0.unit == whole.unit }
        guard members.count >= 2 else { return }
        let sum = members.reduce(Interval.exact(.zero)) { $0 + Interval.written($1.value) }
        let wholeInterval = Interval.written(whole.value)
        let total = members.reduce(DecimalNumber.zero) { $0 + $1.value }
        let tail = sentence[0].sentenceText.components(after: marker)
        let everyPartShared = members.allSatisfy { part in sentence.contains { claim in
            if case .share = claim.kind { return claim.range.start > part.range.start && claim.clause <= part.clause + 1 } else { return false } } }
        let exceeds = sum.lower > wholeInterval.upper
        let fallsShort = sum.upper < wholeInterval.lower && everyPartShared && !tail.contains("等")
        guard exceeds || fallsShort else { return }
        let scale = max(whole.value.scale, total.scale)
        findings.append(Diagnostic(code: "N504", severity: .error, range: whole.range,
                                   message: "“\(whole.label)”\(whole.text)的各部分（\(members.map { "\($0.label) \($0.text)" }.joined(separator: "、"))）之和为 \(total.formatted(scale: scale))，\(exceeds ? "超过" : "不足")整体，差额 \(CheckContext.signed(total - whole.value, scale: scale))",
                                   related: members.map { RelatedLocation(range: $0.range, message: "\($0.label) \($0.text)") }))
    }

    // MARK: N508: shares of one whole above 100%

    static func sharesOfOneWhole(_ sentence: [Claim], _ findings: inout [Diagnostic]) {
        let shares = sentence.filter { if case .share(nil) = $0.kind { return true } else { return false } }
        guard shares.count >= 2 else { return }
        let lower = shares.reduce(DecimalNumber.zero) { $0 + Interval.written($1.value).lower }
        guard lower > hundred else { return }
        let total = shares.reduce(DecimalNumber.zero) { $0 + $1.value }
        findings.append(Diagnostic(code: "N508", severity: .error, range: shares.last!.range,
                                   message: "同一整体的各部分占比之和为 \(total)%（\(shares.map { $0.text + "%" }.joined(separator: " + "))），超过 100%",
                                   related: shares.map { RelatedLocation(range: $0.range, message: "占 \($0.text)%") }))
    }
}

extension Claim {
    var isMoney: Bool { if case .money? = unit { true } else { false } }
}

extension String {
    /// The text after the first occurrence of `marker` (or "" when it does not occur).
    func components(after marker: String) -> String {
        guard let range = self.range(ofText: marker) else { return "" }
        return String(self[range.upperBound...])
    }

    func range(ofText text: String) -> Range<String.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(text) { return index..<self.index(index, offsetBy: text.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
