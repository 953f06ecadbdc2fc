import JuesuanCatalogue
import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// A hover: Markdown and the range it describes.
public struct HoverResult: Sendable, Hashable {
    public var markdown: String
    public var range: SourceRange
}

extension LanguageService {
    /// What to show at a byte offset: a code's name and path, a total's addends and sum,
    /// or a glossary term's definition (the document's own 名词解释 first).
    public static func hover(_ snapshot: DocumentSnapshot, at offset: Int) -> HoverResult? {
        HoverBuilder(snapshot: snapshot).hover(at: offset)
    }
}

struct HoverBuilder {
    let snapshot: DocumentSnapshot
    let report: Report

    init(snapshot: DocumentSnapshot) {
        self.snapshot = snapshot
        report = snapshot.report
    }

    var source: SourceText { snapshot.source }

    func hover(at rawOffset: Int) -> HoverResult? {
        let offset = min(max(0, rawOffset), source.bytes.count)
        let lineIndex = source.line(containing: offset)
        let lines = report.syntax.lines
        guard lineIndex < lines.count else { return nil }
        let line = lines[lineIndex]
        let token = line.tokens.first { $0.range.contains(offset) } ?? line.tokens.first { $0.range.covers(offset) }
        if let token {
            switch token.kind {
            case .code:
                if let hover = codeHover(token, line: lineIndex) { return hover }
            case .number, .emptyCell, .percentage:
                if let hover = cellHover(token, offset: offset) { return hover }
            case .label:
                if let hover = labelHover(token, offset: offset) { return hover }
            default:
                break
            }
        }
        if line.kind == .prose, let hover = figureHover(offset: offset, line: lineIndex) { return hover }
        return termHover(offset: offset, line: lineIndex)
    }

    // MARK: Figures in prose

    /// A figure in prose: what the reader takes it to be (quantity, measure, year), the table
    /// figure it names, and the identities it takes part in (`Identities.all`, the list the checks use).
    func figureHover(offset: Int, line: Int) -> HoverResult? {
        let claims = ClaimScanner.claims(line: line, range: source.lineContentRange(line), source: source)
        guard let claim = claims.first(where: { $0.fullRange.covers(offset) }) else { return nil }
        var parts: [String] = []
        let what: String
        switch claim.kind {
        case .amount: what = claim.measure == .actual ? "金额（决算数）" : "金额（\(claim.measure.rawValue)）"
        case .share(let whole): what = "占比" + (whole.map { "（整体：\($0)）" } ?? "")
        case .changeAmount(let up): what = up ? "比上年增加额" : "比上年减少额"
        case .changeRate(let up): what = up ? "增长率" : "下降率"
        case .budgetDifference(let up): what = up ? "比预算增加额" : "比预算减少额"
        case .completion: what = "完成预算的百分比（\(claim.measure.rawValue)）"
        case .count: what = "数量"
        case .score: what = "得分"
        case .percentage: what = "百分比"
        case .pointChange(let up): what = up ? "比重提高的百分点" : "比重下降的百分点"
        }
        let name = claim.quantity.map { "**\($0.description)**" } ?? "（未能确定所指的项目）"
        parts.append("\(name) · \(what)\(claim.period == .previous ? " · 上年" : "")\(claim.isApproximate ? " · 约数" : "")")
        let figures = Navigator(snapshot).figures(for: claim)
        if let figure = figures.first {
            parts.append("表中：\(figure.description) \(figure.value)")
        }
        if let quantity = claim.quantity?.name {
            let relations = Identities.all.filter { $0.whole == quantity || $0.parts.contains(quantity) }.map(\.formula)
            if !relations.isEmpty { parts.append("恒等关系：\n" + relations.map { "- \($0)" }.joined(separator: "\n")) }
        }
        return HoverResult(markdown: parts.joined(separator: "\n\n"), range: claim.fullRange)
    }

    // MARK: Glossary

    func termHover(offset: Int, line: Int) -> HoverResult? {
        guard let (entry, range) = snapshot.glossary.term(at: offset, in: source, within: source.lineContentRange(line)) else { return nil }
        return HoverResult(markdown: termMarkdown(entry), range: range)
    }

    func termMarkdown(_ entry: GlossaryEntry) -> String {
        let origin: String
        switch entry.origin {
        case .document(let line, _): origin = "本报告“名词解释”，第 \(line + 1) 行"
        case .standard: origin = "Juesuan 标准名词解释"
        }
        return "**\(md(entry.term))**\n\n\(md(entry.definition))\n\n*\(origin)*"
    }

    // MARK: Codes

    func table(atLine line: Int) -> Table? {
        report.tables.first { $0.syntax.lines.contains(line) }
    }

    func row(atLine line: Int) -> (Table, TableSection, Row)? {
        guard let table = table(atLine: line) else { return nil }
        for section in table.sections {
            if let row = section.rows.first(where: { $0.line == line }) { return (table, section, row) }
        }
        return nil
    }

    func codeHover(_ token: Token, line: Int) -> HoverResult? {
        let code = token.text
        let found = row(atLine: line)
        var kinds: [ClassificationKind] = [.functional, .economic]
        if found?.0.rowKind == .economicCodes { kinds = [.economic, .functional] }
        var text: String
        if let kind = kinds.first(where: { report.catalogue.entry(code: code, kind: $0) != nil }),
           let entry = report.catalogue.entry(code: code, kind: kind) {
            let path = report.catalogue.path(of: code, kind: kind).map { "\($0.code) \(md($0.name))" }.joined(separator: " › ")
            text = "**\(entry.code) \(md(entry.name))**\n\n\(kind.displayName) · \(entry.level.displayName)"
            if entry.origin == .local { text += "（表头“科目”声明）" }
            text += "\n\n\(path)"
            if let verification = HoverBuilder.verification(of: entry) { text += "\n\n\(verification)" }
            if let row = found?.2, !row.label.isEmpty,
               CatalogueName.normalized(Ordinal.strip(row.label)) != CatalogueName.normalized(entry.name) {
                text += "\n\n本行写作“\(md(row.label))”，与目录名称不同。"
            }
        } else {
            text = "**\(md(code))**\n\n编码不在科目目录中；若是地方或新增科目，请在表头用“科目 \(md(code)) 名称”声明。"
        }
        if let (_, _, row) = found {
            let explanations = TotalExplanation.explanations(in: report, at: row.nameRange.start)
            if !explanations.isEmpty { text += "\n\n" + compact(explanations) }
        }
        return HoverResult(markdown: text, range: token.range)
    }

    // MARK: Totals

    func cellHover(_ token: Token, offset: Int) -> HoverResult? {
        let explanations = TotalExplanation.explanations(in: report, at: offset)
        if !explanations.isEmpty {
            return HoverResult(markdown: explanations.map(full).joined(separator: "\n\n---\n\n"), range: token.range)
        }
        // Not a total: say which row and column the figure is, useful in wide tables.
        guard let (_, section, row) = row(atLine: source.line(containing: offset)),
              let column = row.cells.firstIndex(where: { $0?.token.range == token.range }) else { return nil }
        let subject = CheckContext.subject(row, section.columns[column], in: section)
        return HoverResult(markdown: "\(md(subject))：\(md(token.text))", range: token.range)
    }

    func labelHover(_ token: Token, offset: Int) -> HoverResult? {
        var parts: [String] = []
        var range = token.range
        let glossary = snapshot.glossary
        if let entry = glossary.entry(for: String(Ordinal.strip(token.text))) {
            parts.append(termMarkdown(entry))
        } else if let (entry, termRange) = glossary.term(at: offset, in: source, within: token.range) {
            parts.append(termMarkdown(entry))
            range = termRange
        }
        let explanations = TotalExplanation.explanations(in: report, at: token.range.start)
        if !explanations.isEmpty { parts.append(compact(explanations)) }
        guard !parts.isEmpty else { return nil }
        return HoverResult(markdown: parts.joined(separator: "\n\n---\n\n"), range: range)
    }

    static let maximumAddends = 40

    func verdict(_ e: TotalExplanation) -> String {
        let scale = max(e.expected.scale, e.written?.scale ?? 0)
        let difference = CheckContext.signed(e.difference, scale: scale)
        switch e.outcome {
        case .holds: return "✓ 成立"
        case .rounding(let allowed): return "≈ 尾数误差：差额 \(difference)，在容差 ±\(allowed.trimmed) 以内"
        case .mismatch: return "✗ 不成立：差额 \(difference)（\(e.rule)）"
        }
    }

    func value(_ number: DecimalNumber?, scale: Int) -> String {
        number.map { $0.formatted(scale: max(scale, $0.scale)) } ?? "空"
    }

    /// A table of the addends, the computed sum, the written figure and the verdict.
    func full(_ e: TotalExplanation) -> String {
        let scale = e.addends.compactMap { $0.value?.scale }.max() ?? e.expected.scale
        var lines = ["**\(md(e.subject))** = \(md(e.basis.hasSuffix("=") ? String(e.basis.dropLast()).trimmingTrailingBlanks : e.basis))（\(e.rule)）", "",
                     "| 加数 | 数值 |", "|---|---:|"]
        for addend in e.addends.prefix(HoverBuilder.maximumAddends) {
            lines.append("| \(addend.negative ? "− " : "")\(md(addend.name)) | \(value(addend.value, scale: scale)) |")
        }
        if e.addends.count > HoverBuilder.maximumAddends {
            lines.append("| …另有 \(e.addends.count - HoverBuilder.maximumAddends) 项 | |")
        }
        lines.append("| **计算合计** | **\(e.expected.formatted(scale: max(scale, e.expected.scale)))** |")
        lines.append("| 填写 | \(value(e.written, scale: scale)) |")
        lines.append("")
        lines.append(verdict(e))
        return lines.joined(separator: "\n")
    }

    /// One line per total: `“本年支出合计”：各类之和 363.60，填写 363.59 ≈ 尾数误差…`.
    func compact(_ explanations: [TotalExplanation]) -> String {
        explanations.map { e in
            let scale = max(e.expected.scale, e.written?.scale ?? 0)
            return "- \(md(e.subject))：\(md(e.basis.hasSuffix("=") ? String(e.basis.dropLast()).trimmingTrailingBlanks : e.basis)) \(e.expected.formatted(scale: scale))，填写 \(value(e.written, scale: scale))　\(verdict(e))"
        }.joined(separator: "\n")
    }

    /// Report text in Markdown (MarkdownText.escape): a report cannot inject links (`command:`
    /// URIs), images, HTML or table cells into a hover.
    func md(_ text: String) -> String { MarkdownText.escape(text) }
}

extension String {
    var trimmingTrailingBlanks: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension HoverBuilder {
    /// Whether the catalogue's name for the code is certain, and why (issue 18).
    static func verification(of entry: CatalogueEntry) -> String? {
        switch entry.origin {
        case .embedded:
            if let evidence = entry.evidence { return "已核实：编码和名称见于 \(evidence)" }
            return "未核实：目录中的这一条尚未与正式发布的文件核对，名称可能有误"
        case .official: return "名称以 --catalog 提供的目录为准"
        case .local: return nil
        }
    }
}
