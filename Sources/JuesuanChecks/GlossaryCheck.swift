import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// G701: a term defined twice with different definitions; G702: defined twice identically;
/// G703: a term named as an old template named it.
enum GlossaryCheck: ReportCheck {
    static let rules = [
        Rule("G701", .warning, "名词重复解释且解释不同"),
        Rule("G702", .hint, "名词重复解释且解释相同"),
        Rule("G703", .warning, "名词用的是旧模板的表项名称（如“上年结转和结余”，现为“年初结转和结余”）"),
    ]

    /// Terms of the old templates and the label of today's 公开01 (domain-rules G-2).
    static let renamed = ["上年结转和结余": "年初结转和结余", "上年结转结余": "年初结转和结余"]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var first: [String: GlossaryEntrySyntax] = [:]
        for glossary in context.report.syntax.glossaries {
            for entry in glossary.entries {
                let key = LabelKey.make(entry.term.text)
                if let (old, current) = renamed.first(where: { key == LabelKey.make($0.key) }) {
                    findings.append(Diagnostic(code: "G703", severity: .warning, range: entry.term.range,
                                               message: "“\(old)”是旧模板的名称，决算公开表（公开01）中的表项是“\(current)”，名词解释应与表中名称一致",
                                               fix: Fix(title: "改为“\(current)”", edits: [TextEdit(range: entry.term.range, replacement: current)], isSafe: false)))
                }
                guard let earlier = first[key] else { first[key] = entry; continue }
                let related = [RelatedLocation(range: earlier.term.range, message: "第一次解释：\(earlier.definition)")]
                if normalized(earlier.definition) == normalized(entry.definition) {
                    findings.append(Diagnostic(code: "G702", severity: .hint, range: entry.term.range,
                                               message: "“\(entry.term.text)”已在第 \(earlier.line + 1) 行解释过，两处解释相同，可删去这一处",
                                               related: related))
                } else {
                    findings.append(Diagnostic(code: "G701", severity: .warning, range: entry.term.range,
                                               message: "“\(entry.term.text)”已在第 \(earlier.line + 1) 行解释过，两处解释不同，读者无从判断以哪一处为准",
                                               related: related))
                }
            }
        }
        return findings
    }

    static func normalized(_ definition: String) -> String {
        var text = CatalogueName.normalized(definition)
        while let last = text.last, "。.；;".contains(last) { text.removeLast() }
        return text
    }
}
