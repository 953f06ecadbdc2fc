import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// `juesuan render -o report.docx`: the same content as the HTML page as WordprocessingML in a
/// stored zip (no compression library). Tables are Word tables (one row per source row, empty
/// cells `-`), each table on a new page; 说明, 绩效 and 名词解释 as paragraphs and tables.
public struct DocxRenderer: Sendable {
    public init() {}

    public func render(_ analysis: Analysis) -> [UInt8] {
        render(report: analysis.report, findings: analysis.diagnostics)
    }

    public func render(report: Report, findings: [Diagnostic]) -> [UInt8] {
        var zip = StoredZip()
        zip.add("[Content_Types].xml", text: Self.contentTypes)
        zip.add("_rels/.rels", text: Self.packageRelationships)
        zip.add("word/_rels/document.xml.rels", text: Self.documentRelationships)
        zip.add("word/styles.xml", text: Self.styles)
        zip.add("word/document.xml", text: document(report: report, errors: findings.filter { $0.severity == .error }))
        return zip.bytes
    }

    func x(_ text: String) -> String { HTMLRenderer.escape(text) }

    func paragraph(_ text: String, bold: Bool = false, size: Int? = nil, center: Bool = false, right: Bool = false,
                   color: String? = nil, pageBreakBefore: Bool = false, indent: Bool = false) -> String {
        var p = "<w:p><w:pPr>"
        if pageBreakBefore { p += "<w:pageBreakBefore/>" }
        if indent { p += "<w:ind w:firstLineChars=\"200\"/>" }
        if center { p += "<w:jc w:val=\"center\"/>" } else if right { p += "<w:jc w:val=\"right\"/>" }
        p += "</w:pPr><w:r><w:rPr>"
        if bold { p += "<w:b/>" }
        if let color { p += "<w:color w:val=\"\(color)\"/>" }
        if let size { p += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        p += "</w:rPr><w:t xml:space=\"preserve\">\(x(text))</w:t></w:r></w:p>"
        return p
    }

    func cell(_ text: String, bold: Bool = false, right: Bool = false, span: Int = 1) -> String {
        var c = "<w:tc><w:tcPr>"
        if span > 1 { c += "<w:gridSpan w:val=\"\(span)\"/>" }
        c += "</w:tcPr><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>"
        if right { c += "<w:jc w:val=\"right\"/>" }
        c += "</w:pPr><w:r><w:rPr>\(bold ? "<w:b/>" : "")<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>"
        c += "<w:t xml:space=\"preserve\">\(x(text))</w:t></w:r></w:p></w:tc>"
        return c
    }

    func grid(columns: Int, rows: [String]) -> String {
        var t = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            t += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        t += "</w:tblBorders><w:tblLayout w:type=\"autofit\"/></w:tblPr><w:tblGrid>"
        t += String(repeating: "<w:gridCol/>", count: max(1, columns))
        t += "</w:tblGrid>" + rows.joined() + "</w:tbl>"
        return t
    }

    func row(_ cells: [String], header: Bool = false) -> String {
        "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + cells.joined() + "</w:tr>"
    }

    func document(report: Report, errors: [Diagnostic]) -> String {
        let page = Page(report: report)
        var body = ""
        if !errors.isEmpty {
            body += paragraph("本报告有 \(errors.count) 个错误，数字未经核对无误，不宜公开。运行 juesuan lint 查看并改正。", bold: true, color: "BB0000")
        }
        body += paragraph(page.documentTitle, bold: true, size: 44, center: true)
        var tablesByLine: [Int: Table] = [:]
        for table in report.tables { tablesByLine[table.syntax.line] = table }
        let year = page.year
        for block in report.syntax.blocks {
            switch block {
            case .narrative(let n):
                let title = n.title?.text ?? ""
                if !title.isEmpty { body += paragraph(title, bold: true, size: title.hasPrefix("第") ? 30 : 24, pageBreakBefore: title.hasPrefix("第") && title.contains("部分")) }
                for index in n.proseLines {
                    let text = page.lineText(index, kinds: [.prose, .title])
                    if !text.isEmpty { body += paragraph(text, indent: true) }
                }
            case .table(let syntax):
                guard let table = tablesByLine[syntax.line] else { continue }
                let title = table.spec?.title ?? table.syntax.title?.text ?? table.id
                body += paragraph(title, bold: true, size: 30, center: true, pageBreakBefore: true)
                body += paragraph(page.tableNumberText(table), right: true)
                body += paragraph([page.department.isEmpty ? "" : "部门：" + page.department, year.isEmpty ? "" : year + "年度",
                                   page.unitText(table)].filter { !$0.isEmpty }.joined(separator: "　　"))
                body += tableXML(table, page: page)
            case .performance(let p):
                body += paragraph("项目支出绩效自评表", bold: true, size: 30, center: true, pageBreakBefore: true)
                body += performanceXML(p, page: page)
            case .glossary(let g):
                body += paragraph("名词解释", bold: true, size: 30, pageBreakBefore: true)
                for (k, entry) in g.entries.enumerated() { body += paragraph("\(k + 1). \(entry.term.text)：\(entry.definition)", indent: true) }
            case .check:
                continue
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1020" w:right="1020" w:bottom="1020" w:left="1020" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    func tableXML(_ table: Table, page: Page) -> String {
        if let spec = table.spec, spec.isTwoSided, table.sections.count == 2 {
            let (income, expenditure) = (table.sections[0], table.sections[1])
            let leftWidth = page.width(of: income), rightWidth = page.width(of: expenditure)
            var rows = [row([cell("收入", bold: true, span: 1 + leftWidth), cell("支出", bold: true, span: 1 + rightWidth)], header: true)]
            rows.append(row([cell("项目", bold: true)] + (0..<leftWidth).map { cell(page.columnName(income, $0), bold: true) }
                            + [cell("项目", bold: true)] + (0..<rightWidth).map { cell(page.columnName(expenditure, $0), bold: true) }, header: true))
            for (left, right) in page.alignedSides(table) {
                var cells: [String] = []
                if let left { cells += [cell(left.displayName)] + page.cellTexts(left, columns: leftWidth).map { cell($0, right: true) } } else { cells += Array(repeating: cell(""), count: 1 + leftWidth) }
                if let right { cells += [cell(right.displayName)] + page.cellTexts(right, columns: rightWidth).map { cell($0, right: true) } } else { cells += Array(repeating: cell(""), count: 1 + rightWidth) }
                rows.append(row(cells))
            }
            return grid(columns: 2 + leftWidth + rightWidth, rows: rows)
        }
        var out = ""
        let codes = page.hasCodes(table)
        for section in table.sections {
            let width = page.width(of: section)
            var rows = [row((codes ? [cell("科目编码", bold: true), cell("科目名称", bold: true)] : [cell("项目", bold: true)])
                            + (0..<width).map { cell(page.columnName(section, $0), bold: true) }, header: true)]
            for r in section.rows {
                let head = codes ? [cell(r.code ?? ""), cell(r.label)] : [cell(r.displayName)]
                rows.append(row(head + page.cellTexts(r, columns: width).map { cell($0, right: true) }))
            }
            out += grid(columns: (codes ? 2 : 1) + width, rows: rows)
        }
        return out
    }

    func performanceXML(_ p: PerformanceSyntax, page: Page) -> String {
        var rows = [row([cell("项目名称", bold: true), cell(p.name?.text ?? "", span: 7)])]
        for item in p.items {
            func v(_ tokens: [Token]) -> String { tokens.map(\.text).joined(separator: " ") }
            if item.key.text == "指标" {
                var path = (item.indicator?.text ?? "").split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                while path.count < 3 { path.insert("", at: 0) }
                if path.count > 3 { path = [path[0], path[1], path[2...].joined(separator: "/")] }
                func f(_ n: String) -> String { item.field(n).map { v($0.values) } ?? "" }
                rows.append(row([cell(path[0]), cell(path[1]), cell(path[2]), cell(f("目标")), cell(f("实际").isEmpty ? f("完成") : f("实际"), right: true),
                                 cell(f("分值"), right: true), cell(f("得分"), right: true), cell(f("原因"))]))
            } else {
                var rest = v(item.values)
                for field in item.fields { rest += (rest.isEmpty ? "" : " ") + field.key.text + " " + v(field.values) }
                rows.append(row([cell(item.key.text, bold: true), cell(rest, span: 7)]))
            }
        }
        return grid(columns: 8, rows: rows)
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
    """

    static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """

    /// 宋体 for CJK text, Times New Roman for Latin, 10.5 pt (五号).
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>
    """
}
