import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// S105 duplicates, S107 a standard table twice, S108 missing parent rows, S109 code order,
/// S110 a standard table's title. (S101–S104 and S106 come from parsing and modelling.)
enum StructureCheck: ReportCheck {
    static let rules = [
        Rule("S105", .error, "同一张表中编码或行名重复"),
        Rule("S107", .error, "同一张标准表出现两次"),
        Rule("S108", .warning, "7 位编码行缺少其 5 位上级行，或 5 位编码行缺少其 3 位上级行"),
        Rule("S109", .hint, "编码行未按编码顺序排列"),
        Rule("S110", .warning, "标准表的标题与标准标题不同"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var firstTable: [String: Table] = [:]
        for table in context.report.tables {
            if let spec = table.spec, let idToken = table.syntax.id {
                if let first = firstTable[spec.id] {
                    findings.append(Diagnostic(code: "S107", severity: .error, range: idToken.range,
                                               message: "\(spec.id) 已在第 \(first.syntax.line + 1) 行出现过；一份报告中每张标准表只写一次",
                                               related: [RelatedLocation(range: first.syntax.id!.range, message: "第一次出现的 \(spec.id)")]))
                } else {
                    firstTable[spec.id] = table
                }
                if let title = table.syntax.title, !LabelKey.make(title.text).hasPrefix(LabelKey.make(spec.title)) {
                    findings.append(Diagnostic(code: "S110", severity: .warning, range: title.range,
                                               message: "\(spec.id) 的标准标题是“\(spec.title)”，这里写的是“\(title.text)”；请确认没有把表弄混",
                                               fix: Fix(title: "改为“\(spec.title)”", edits: [TextEdit(range: title.range, replacement: spec.title)])))
                }
            }
            for section in table.sections {
                duplicates(section, table, &findings)
                missingParents(section, table, &findings)
                order(section, table, &findings)
            }
        }
        return findings
    }

    static func duplicates(_ section: TableSection, _ table: Table, _ findings: inout [Diagnostic]) {
        // Codes by their number (`CodeIndex`), labels by text; the first row of each by index.
        let rows = section.rows
        var seenCodes = CodeIndex(capacity: rows.count)
        var seenLabels: [String: Int] = [:]
        for (index, row) in rows.enumerated() where !row.isDetail {
            if let code = row.code, let codeToken = row.codeToken {
                let looked = CodeIndex.Code(code)
                if let first = seenCodes[looked] {
                    let first = rows[first]
                    findings.append(Diagnostic(code: "S105", severity: .error, range: codeToken.range,
                                               message: "编码 \(code) 在 \(table.id) 中重复出现（第 \(first.line + 1) 行已有）",
                                               related: [RelatedLocation(range: first.nameRange, message: "第一次出现")]))
                } else {
                    _ = seenCodes.insertIfAbsent(looked, index)
                }
            } else if !row.key.isEmpty, let label = row.labelToken {
                let key = row.standardName ?? row.key
                if let first = seenLabels[key] {
                    let first = rows[first]
                    findings.append(Diagnostic(code: "S105", severity: .error, range: label.range,
                                               message: "行“\(row.label)”在 \(table.id) 中重复出现（第 \(first.line + 1) 行已有）",
                                               related: [RelatedLocation(range: first.nameRange, message: "第一次出现")]))
                } else {
                    seenLabels[key] = index
                }
            }
        }
    }

    static func missingParents(_ section: TableSection, _ table: Table, _ findings: inout [Diagnostic]) {
        // By number (`CodeIndex`): no String hashed per row.
        var codes = CodeIndex(capacity: section.rows.count)
        for row in section.rows {
            guard let code = row.code else { continue }
            _ = codes.insertIfAbsent(CodeIndex.Code(code), 0)
        }
        let rowKind = table.rowKind
        for row in section.rows {
            // Codes are ASCII digits (the parser's `isCode`): bytes count characters.
            guard let code = row.code, let token = row.codeToken, code.utf8.count > 3 else { continue }
            // A code of the other classification is C303's finding; its parents are beside the point.
            let functional = code.utf8.first == UInt8(ascii: "2")
            if rowKind == .economicCodes, functional { continue }
            if rowKind == .functionalCodes, !functional { continue }
            if codes.ancestor(of: CodeIndex.Code(code), length: code.utf8.count - 2) == nil {
                let parentCode = String(code.prefix(code.utf8.count - 2))
                let level = code.utf8.count == 7 ? "项" : "款"
                let parentLevel = code.utf8.count == 7 ? "款" : "类"
                findings.append(Diagnostic(code: "S108", severity: .warning, range: token.range,
                                           message: "\(level)级编码 \(code) 缺少其\(parentLevel)级上级行 \(parentCode)；上级行应列出，且等于其下级行之和"))
            }
        }
    }

    /// Economic 类 may follow the printed 公开06 order (人员经费 301, 303 before 公用经费 302, …).
    static let economicPrintedOrder = ["301", "303", "302", "307", "309", "310", "311", "312", "313", "399"]

    static func order(_ section: TableSection, _ table: Table, _ findings: inout [Diagnostic]) {
        let codeRows = section.rows.filter { $0.code != nil && !$0.isDetail }
        func printedKey(_ code: String) -> String {
            let rank = economicPrintedOrder.firstIndex(of: String(code.prefix(3))) ?? economicPrintedOrder.count
            return (rank < 10 ? "0" : "") + String(rank) + code
        }
        let codes = codeRows.map { $0.code! }
        // Neighbours by index, not `zip`: the first `zip` of rows cost the run-time's search of
        // every protocol conformance in the binary for its iterator's type (issue 15).
        func ascending(_ key: (String) -> String) -> Bool { codes.indices.dropFirst().allSatisfy { key(codes[$0 - 1]) < key(codes[$0]) } }
        let economic = table.rowKind == .economicCodes
        let sortedByCode = ascending { $0 }
        let sortedPrinted = economic && ascending(printedKey)
        guard !sortedByCode, !sortedPrinted else { return }
        let key: (String) -> String = economic && !sortedByCode ? printedKey : { $0 }
        for k in codes.indices.dropFirst() where key(codes[k]) < key(codes[k - 1]) {
            findings.append(Diagnostic(code: "S109", severity: .hint, range: codeRows[k].codeToken!.range,
                                       message: "编码 \(codes[k]) 排在 \(codes[k - 1]) 之后，未按编码顺序排列"))
        }
    }
}
