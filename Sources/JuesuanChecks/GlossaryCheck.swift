import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// G701: a term defined twice with different definitions; G702: defined twice identically.
enum GlossaryCheck: ReportCheck {
    static let rules = [
        Rule("G701", .warning, "名词重复解释且解释不同"),
        Rule("G702", .hint, "名词重复解释且解释相同"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var first: [String: GlossaryEntrySyntax] = [:]
        for glossary in context.report.syntax.glossaries {
            for entry in glossary.entries {
                let key = LabelKey.make(entry.term.text)
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
