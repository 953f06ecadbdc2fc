import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// C301 unknown codes, C302 labels that differ from the catalogue name, C303 a code of the
/// wrong classification (economic in a functional table, functional in 公开06).
enum CatalogueCheck: ReportCheck {
    static let rules = [
        Rule("C301", .warning, "编码既不在本年度科目目录中，也未用“科目”声明"),
        Rule("C302", .warning, "行名与科目目录中该编码的名称不同（该编码未经核实时为提示）"),
        Rule("C303", .warning, "公开06 中出现支出功能分类编码，或功能分类表中出现经济分类编码"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let catalogue = context.report.catalogue
        let yearText = context.report.header.year.map { "\($0) 年度" } ?? "本年度"
        for table in context.report.tables {
            let kind: ClassificationKind
            switch table.rowKind {
            case .functionalCodes?: kind = .functional
            // 公开01/04's expenditure side lists 类 rows by name.
            case .labels? where table.spec?.isTwoSided == true: kind = .functional
            case .economicCodes?: kind = .economic
            default: continue
            }
            for row in table.allRows {
                guard let code = row.code, let codeToken = row.codeToken else { continue }
                guard let entry = catalogue.entry(code: code, kind: kind) else {
                    let other: ClassificationKind = kind == .functional ? .economic : .functional
                    if let foreign = catalogue.entry(code: code, kind: other) {
                        findings.append(Diagnostic(code: "C303", severity: .warning, range: codeToken.range,
                                                   message: "\(code)（\(foreign.name)）是\(other.chineseName)编码，\(table.id) 应使用\(kind.chineseName)编码"))
                    } else {
                        findings.append(Diagnostic(code: "C301", severity: .warning, range: codeToken.range,
                                                   message: "编码 \(code) 不在 \(yearText)\(kind.chineseName)目录中；若是地方或新增科目，请在表头用“科目 \(code) 名称”声明"))
                    }
                    continue
                }
                guard let label = row.labelToken, !row.isDetail else { continue }
                if LabelKey.make(label.text) != LabelKey.make(entry.name) {
                    // Only names seen in a real published document are certain; elsewhere the
                    // catalogue, not the report, may be wrong (data/SOURCES.md), so say so softly.
                    let certain = entry.isVerified
                    let doubt = certain ? "" : "（目录中的这一条未经核实，名称可能是目录有误，请对照当年《政府收支分类科目》）"
                    findings.append(Diagnostic(code: "C302", severity: certain ? .warning : .information, range: label.range,
                                               message: "编码 \(code) 的科目名称是“\(entry.name)”，这里写的是“\(label.text)”\(doubt)",
                                               fix: Fix(title: "改为“\(entry.name)”", edits: [TextEdit(range: label.range, replacement: entry.name)])))
                }
            }
        }
        return findings
    }
}

extension ClassificationKind {
    /// 支出功能分类科目 / 部门预算支出经济分类科目, as messages name them.
    var chineseName: String {
        switch self {
        case .functional: "支出功能分类科目"
        case .economic: "部门预算支出经济分类科目"
        }
    }
}
