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
                let coded = CodedRows(section)
                duplicates(section, table, coded, &findings)
                missingParents(table, coded, &findings)
                order(section, table, coded, &findings)
            }
        }
        return findings
    }

    /// The rows of a section that have a code, read once for the three passes over them (each
    /// read every row's code and made its lookup form, issue 15): in row order.
    struct CodedRows {
        var rows: [Int] = []
        var texts: [String] = []
        var codes: [CodeIndex.Code] = []
        var isDetail: [Bool] = []
        /// The code's token's range (nil only for a code set on a row by hand, without one).
        var ranges: [SourceRange?] = []

        init(_ section: TableSection) {
            let count = section.rows.count
            rows.reserveCapacity(count)
            texts.reserveCapacity(count)
            codes.reserveCapacity(count)
            isDetail.reserveCapacity(count)
            ranges.reserveCapacity(count)
            for (index, row) in section.rows.enumerated() {
                guard let text = row.code else { continue }
                rows.append(index)
                texts.append(text)
                codes.append(CodeIndex.Code(text))
                isDetail.append(row.isDetail)
                ranges.append(row.codeToken?.range)
            }
        }
    }

    static func duplicates(_ section: TableSection, _ table: Table, _ coded: CodedRows, _ findings: inout [Diagnostic]) {
        // Codes by their number (`CodeIndex`), labels by text; the first row of each by index.
        let rows = section.rows
        var seenCodes = CodeIndex(capacity: coded.rows.count)
        var seenLabels: [String: Int] = [:]
        var next = 0  // the first coded row at or after `index` (coded rows are in row order)
        for index in rows.indices {
            var coding: Int?  // the row's place among the coded rows
            if next < coded.rows.count, coded.rows[next] == index { coding = next; next += 1 }
            if let k = coding, let range = coded.ranges[k] {
                guard !coded.isDetail[k] else { continue }
                if let first = seenCodes[coded.codes[k]] {
                    let first = rows[first]
                    findings.append(Diagnostic(code: "S105", severity: .error, range: range,
                                               message: "编码 \(coded.texts[k]) 在 \(table.id) 中重复出现（第 \(first.line + 1) 行已有）",
                                               related: [RelatedLocation(range: first.nameRange, message: "第一次出现")]))
                } else {
                    _ = seenCodes.insertIfAbsent(coded.codes[k], index)
                }
                continue
            }
            let row = rows[index]
            guard !row.isDetail, !row.key.isEmpty, let label = row.labelToken else { continue }
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

    static func missingParents(_ table: Table, _ coded: CodedRows, _ findings: inout [Diagnostic]) {
        // By number (`CodeIndex`): no String hashed per row.
        var codes = CodeIndex(capacity: coded.rows.count)
        for code in coded.codes { _ = codes.insertIfAbsent(code, 0) }
        let rowKind = table.rowKind
        for k in coded.rows.indices {
            guard let range = coded.ranges[k] else { continue }
            // Codes are ASCII digits (the parser's `isCode`): bytes count characters.
            let code = coded.texts[k]
            let length = code.utf8.count
            guard length > 3 else { continue }
            // A code of the other classification is C303's finding; its parents are beside the point.
            let functional = code.utf8.first == UInt8(ascii: "2")
            if rowKind == .economicCodes, functional { continue }
            if rowKind == .functionalCodes, !functional { continue }
            if codes.ancestor(of: coded.codes[k], length: length - 2) == nil {
                let parentCode = String(code.prefix(length - 2))
                let level = length == 7 ? "项" : "款"
                let parentLevel = length == 7 ? "款" : "类"
                findings.append(Diagnostic(code: "S108", severity: .warning, range: range,
                                           message: "\(level)级编码 \(code) 缺少其\(parentLevel)级上级行 \(parentCode)；上级行应列出，且等于其下级行之和"))
            }
        }
    }

    /// Economic 类 may follow the printed 公开06 order (人员经费 301, 303 before 公用经费 302, …).
    static let economicPrintedOrder = ["301", "303", "302", "307", "309", "310", "311", "312", "313", "399"]

    static func order(_ section: TableSection, _ table: Table, _ coded: CodedRows, _ findings: inout [Diagnostic]) {
        func printedKey(_ code: String) -> String {
            let rank = economicPrintedOrder.firstIndex(of: String(code.prefix(3))) ?? economicPrintedOrder.count
            return (rank < 10 ? "0" : "") + String(rank) + code
        }
        let kept = coded.rows.indices.filter { !coded.isDetail[$0] }
        let codes = kept.map { coded.texts[$0] }
        // Neighbours by index, not `zip`: the first `zip` of rows cost the run-time's search of
        // every protocol conformance in the binary for its iterator's type (issue 15).
        func ascending(_ key: (String) -> String) -> Bool { codes.indices.dropFirst().allSatisfy { key(codes[$0 - 1]) < key(codes[$0]) } }
        let economic = table.rowKind == .economicCodes
        guard !ascending({ $0 }) else { return }
        guard !(economic && ascending(printedKey)) else { return }
        let key: (String) -> String = economic ? printedKey : { $0 }
        for k in codes.indices.dropFirst() where key(codes[k]) < key(codes[k - 1]) {
            findings.append(Diagnostic(code: "S109", severity: .hint, range: coded.ranges[kept[k]]!,
                                       message: "编码 \(codes[k]) 排在 \(codes[k - 1]) 之后，未按编码顺序排列"))
        }
    }
}
