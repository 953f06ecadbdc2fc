import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// `juesuan render`: the checked source as the document that is published — one self-contained,
/// print-ready HTML page (A4, no network, no script) in the published layout.
///
/// Every text taken from the report is escaped (report text is untrusted). The output depends on
/// the source alone (no clock, no paths, no hash order): the same source gives the same bytes.
///
/// Layout rules kept for the round trip through `pdftotext -layout` and `juesuan import`: one
/// table row per printed line (labels and figures never wrap), every cell printed (an empty or
/// unwritten cell as `-`), so that each line reads `[code] label  figure  figure …` with runs of
/// blanks between cells.
public struct HTMLRenderer: Sendable {
    public init() {}

    /// The page for a checked report; `findings` are the report's diagnostics (errors make a banner).
    public func render(_ analysis: Analysis) -> String {
        render(report: analysis.report, findings: analysis.diagnostics)
    }

    public func render(report: Report, findings: [Diagnostic]) -> String {
        var page = Page(report: report)
        let errors = findings.filter { $0.severity == .error }.sorted { ($0.range.start, $0.code) < ($1.range.start, $1.code) }
        return page.build(errors: errors)
    }

    /// The text of `&`, `<`, `>`, `"` and `'` as HTML character references; control characters
    /// other than tab and line feed are dropped (they cannot be printed and are invalid in HTML).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The printed text of an empty or unwritten cell.
let emptyCellText = "-"

struct Page {
    let report: Report
    var tocEntries: [(anchor: String, text: String, level: Int)] = []
    var anchorCount = 0

    init(report: Report) { self.report = report }

    func esc(_ text: String) -> String { HTMLRenderer.escape(text) }

    var department: String { report.header.department ?? "" }
    var year: String { report.header.year.map(String.init) ?? "" }
    var documentTitle: String {
        let title = "\(department)\(year.isEmpty ? "" : year + "年度")部门决算"
        return title
    }

    mutating func anchor() -> String {
        anchorCount += 1
        return "p\(anchorCount)"
    }

    // MARK: Parts

    /// Consecutive blocks of one kind make a part; each part starts a new page.
    enum PartKind: Equatable { case narrative, tables, performance, glossary }

    mutating func build(errors: [Diagnostic]) -> String {
        var parts: [(PartKind, [Block])] = []
        for block in report.syntax.blocks {
            let kind: PartKind
            switch block {
            case .table: kind = .tables
            case .narrative: kind = .narrative
            case .performance: kind = .performance
            case .glossary: kind = .glossary
            case .check: continue  // checks are for the author, never published
            }
            if let last = parts.last, last.0 == kind { parts[parts.count - 1].1.append(block) } else { parts.append((kind, [block])) }
        }
        var tablesByLine: [Int: Table] = [:]
        for table in report.tables { tablesByLine[table.syntax.line] = table }

        var body = ""
        for (kind, blocks) in parts {
            body += "<section class=\"part\">\n"
            switch kind {
            case .tables:
                let a = anchor()
                tocEntries.append((a, "部门决算表", 1))
                body += "<h2 class=\"part-title\" id=\"\(a)\">\(esc(year.isEmpty ? "部门决算表" : "\(year)年度部门决算表"))</h2>\n"
                for block in blocks {
                    guard case .table(let syntax) = block, let table = tablesByLine[syntax.line] else { continue }
                    body += tablePage(table)
                }
            case .narrative:
                for block in blocks { if case .narrative(let n) = block { body += narrative(n) } }
            case .performance:
                let a = anchor()
                tocEntries.append((a, "项目支出绩效自评表", 1))
                body += "<h2 class=\"part-title\" id=\"\(a)\">项目支出绩效自评表</h2>\n"
                for block in blocks { if case .performance(let p) = block { body += performance(p) } }
            case .glossary:
                for block in blocks { if case .glossary(let g) = block { body += glossary(g) } }
            }
            body += "</section>\n"
        }

        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"generator\" content=\"juesuan render\">\n"
        out += "<title>\(esc(documentTitle))</title>\n<style>\(Page.style)</style>\n</head>\n<body>\n"
        if !errors.isEmpty { out += banner(errors) }
        out += "<section class=\"cover\">\n<h1>\(esc(documentTitle))</h1>\n"
        out += "</section>\n"
        out += toc()
        out += body
        out += "</body>\n</html>\n"
        return out
    }

    func banner(_ errors: [Diagnostic]) -> String {
        var out = "<div class=\"banner\" role=\"alert\"><strong>本报告有 \(errors.count) 个错误，数字未经核对无误，不宜公开。</strong>"
        out += "运行 <code>juesuan lint</code> 查看并改正。<ul>"
        for error in errors.prefix(20) {
            let line = report.source.line(containing: error.range.start) + 1
            out += "<li>第 \(line) 行 [\(esc(error.code))] \(esc(error.message))</li>"
        }
        if errors.count > 20 { out += "<li>……另有 \(errors.count - 20) 个错误</li>" }
        out += "</ul></div>\n"
        return out
    }

    func toc() -> String {
        guard !tocEntries.isEmpty else { return "" }
        var out = "<nav class=\"toc\">\n<h2>目录</h2>\n<ul>\n"
        for entry in tocEntries {
            out += "<li class=\"l\(entry.level)\"><a href=\"#\(entry.anchor)\">\(esc(entry.text))</a></li>\n"
        }
        out += "</ul>\n</nav>\n"
        return out
    }

    // MARK: 说明

    func lineText(_ index: Int, kinds: Set<TokenKind>) -> String {
        let line = report.syntax.lines[index]
        return line.tokens.filter { kinds.contains($0.kind) }.map(\.text).joined(separator: " ")
    }

    mutating func narrative(_ n: NarrativeSyntax) -> String {
        let title = n.title?.text ?? ""
        let a = anchor()
        // `第一部分 部门概况` is a part; `一、…` a section within one.
        let isPart = title.hasPrefix("第") && title.contains("部分")
        if !title.isEmpty { tocEntries.append((a, title, isPart ? 1 : 2)) }
        var out = "<section class=\"narrative\(isPart ? " new-page" : "")\" id=\"\(a)\">\n"
        if !title.isEmpty { out += isPart ? "<h2>\(esc(title))</h2>\n" : "<h3>\(esc(title))</h3>\n" }
        for index in n.proseLines {
            let text = lineText(index, kinds: [.prose, .title])
            if text.isEmpty { continue }
            out += "<p>\(esc(text))</p>\n"
        }
        out += "</section>\n"
        return out
    }

    // MARK: 名词解释

    mutating func glossary(_ g: GlossarySyntax) -> String {
        let a = anchor()
        tocEntries.append((a, "名词解释", 1))
        var out = "<section class=\"glossary new-page\" id=\"\(a)\">\n<h2>名词解释</h2>\n"
        for (index, entry) in g.entries.enumerated() {
            out += "<p><span class=\"term\">\(index + 1). \(esc(entry.term.text))</span>：\(esc(entry.definition))</p>\n"
        }
        out += "</section>\n"
        return out
    }

    // MARK: Tables

    /// `公开01表` for a standard table, the written name otherwise.
    func tableNumberText(_ table: Table) -> String {
        table.spec != nil ? table.id + "表" : table.id
    }

    mutating func tablePage(_ table: Table) -> String {
        let a = anchor()
        let title = table.spec?.title ?? table.syntax.title?.text ?? table.id
        tocEntries.append((a, "\(tableNumberText(table))　\(title)", 2))
        var out = "<section class=\"table-page\(isWide(table) ? " wide" : "")\" id=\"\(a)\" data-table=\"\(esc(table.id))\">\n"
        out += "<h3 class=\"table-title\">\(esc(title))</h3>\n"
        out += "<div class=\"meta\"><span></span><span>\(esc(tableNumberText(table)))</span></div>\n"
        out += "<div class=\"meta\"><span>\(esc(department.isEmpty ? "" : "部门：" + department))</span><span>\(esc(year.isEmpty ? "" : year + "年度"))</span>"
        out += "<span>\(esc(unitText(table)))</span></div>\n"
        if let spec = table.spec, spec.isTwoSided, table.sections.count == 2 {
            out += twoSided(table, spec: spec)
        } else {
            for section in table.sections { out += oneSided(table, section) }
        }
        out += "</section>\n"
        return out
    }

    /// `金额单位：万元`; 公开10 counts vehicles and equipment, so its unit is theirs.
    func unitText(_ table: Table) -> String {
        table.spec?.isCountTable == true ? "单位：台、辆、套" : "金额单位：" + report.header.unit.rawValue
    }

    func isWide(_ table: Table) -> Bool {
        table.sections.count > 1 || table.sections.reduce(0) { $0 + $1.columns.count } > 3
    }

    /// The printed cells of a row, one per column (more when the row has more cells than columns).
    func cellTexts(_ row: Row, columns: Int) -> [String] {
        let written = row.syntax.cells
        let count = max(columns, written.count)
        return (0..<count).map { index in
            guard index < written.count else { return emptyCellText }
            let text = written[index].token.text
            return text.isEmpty ? emptyCellText : text
        }
    }

    func figureCells(_ texts: [String]) -> String {
        texts.map { "<td class=\"num\">\(esc($0))</td>" }.joined()
    }

    func columnCountRow(label: String, labelSpan: Int, from first: Int, count: Int) -> String {
        var out = "<tr class=\"lanci\"><td class=\"label\" colspan=\"\(labelSpan)\">\(esc(label))</td>"
        for k in 0..<count { out += "<td class=\"num\">\(first + k)</td>" }
        return out + "</tr>\n"
    }

    func hasCodes(_ table: Table) -> Bool {
        switch table.rowKind {
        case .functionalCodes?, .economicCodes?: return true
        default: return table.allRows.contains { $0.code != nil }
        }
    }

    func oneSided(_ table: Table, _ section: TableSection) -> String {
        let columns = section.columns.map(\.name)
        let width = width(of: section)
        let codes = hasCodes(table)
        // 栏次 where the published form numbers its columns (the functional-code tables).
        let numbered = table.rowKind == .functionalCodes
        var out = "<table class=\"fin\">\n<thead>\n<tr>"
        if codes {
            out += "<th class=\"code\">科目编码</th><th class=\"label\">科目名称</th>"
        } else {
            out += "<th class=\"label\">项目</th>"
        }
        for k in 0..<width { out += "<th class=\"num\">\(esc(k < columns.count ? columns[k] : ""))</th>" }
        out += "</tr>\n"
        if numbered { out += columnCountRow(label: "栏次", labelSpan: codes ? 2 : 1, from: 1, count: width) }
        out += "</thead>\n<tbody>\n"
        for row in section.rows {
            let classes = [row.isTotal ? "total" : nil, row.isDetail ? "detail" : nil].compactMap { $0 }.joined(separator: " ")
            out += classes.isEmpty ? "<tr>" : "<tr class=\"\(classes)\">"
            if codes {
                out += "<td class=\"code\">\(esc(row.code ?? ""))</td><td class=\"label\">\(esc(row.label))</td>"
            } else {
                out += "<td class=\"label\">\(esc(row.displayName))</td>"
            }
            out += figureCells(cellTexts(row, columns: width))
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    /// Printed figure columns of a section: its columns, or more when a row has more cells.
    func width(of section: TableSection) -> Int {
        max(section.columns.count, section.rows.map(\.syntax.cells.count).max() ?? 0)
    }

    func columnName(_ section: TableSection, _ index: Int) -> String {
        index < section.columns.count ? section.columns[index].name : ""
    }

    /// The lines of 公开01/04: income rows on the left, expenditure rows on the right; the shorter
    /// block above the 本年收入合计/本年支出合计 rows is padded (nil) so that those totals share a
    /// line, as on the official form.
    func alignedSides(_ table: Table) -> [(Row?, Row?)] {
        let income = table.sections[0], expenditure = table.sections[1]
        var left: [Row?] = income.rows
        var right: [Row?] = expenditure.rows
        let leftTotal = income.rows.firstIndex { $0.standardName == "本年收入合计" }
        let rightTotal = expenditure.rows.firstIndex { $0.standardName == "本年支出合计" }
        if let leftTotal, let rightTotal {
            if leftTotal < rightTotal {
                left.insert(contentsOf: Array(repeating: nil, count: rightTotal - leftTotal), at: leftTotal)
            } else if rightTotal < leftTotal {
                right.insert(contentsOf: Array(repeating: nil, count: leftTotal - rightTotal), at: rightTotal)
            }
        }
        return (0..<max(left.count, right.count)).map { ($0 < left.count ? left[$0] : nil, $0 < right.count ? right[$0] : nil) }
    }

    /// 公开01/04: income on the left, expenditure on the right, the two 本年…合计 rows on one line.
    func twoSided(_ table: Table, spec: StandardTableSpec) -> String {
        let income = table.sections[0], expenditure = table.sections[1]
        let leftWidth = width(of: income)
        let rightWidth = width(of: expenditure)
        var out = "<table class=\"fin two-sided\">\n<thead>\n"
        out += "<tr><th colspan=\"\(1 + leftWidth)\">收入</th><th class=\"side\" colspan=\"\(1 + rightWidth)\">支出</th></tr>\n<tr>"
        out += "<th class=\"label\">项目</th>"
        for k in 0..<leftWidth { out += "<th class=\"num\">\(esc(k < income.columns.count ? income.columns[k].name : ""))</th>" }
        out += "<th class=\"label side\">项目</th>"
        for k in 0..<rightWidth { out += "<th class=\"num\">\(esc(k < expenditure.columns.count ? expenditure.columns[k].name : ""))</th>" }
        out += "</tr>\n<tr class=\"lanci\"><td class=\"label\">栏次</td>"
        for k in 0..<leftWidth { out += "<td class=\"num\">\(1 + k)</td>" }
        out += "<td class=\"label side\">栏次</td>"
        for k in 0..<rightWidth { out += "<td class=\"num\">\(1 + leftWidth + k)</td>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for (leftRow, rightRow) in alignedSides(table) {
            out += "<tr>"
            if let row = leftRow {
                out += "<td class=\"label\">\(esc(row.displayName))</td>" + figureCells(cellTexts(row, columns: leftWidth))
            } else {
                out += "<td class=\"label\"></td>" + String(repeating: "<td class=\"num\"></td>", count: leftWidth)
            }
            if let row = rightRow {
                out += "<td class=\"label side\">\(esc(row.displayName))</td>" + figureCells(cellTexts(row, columns: rightWidth))
            } else {
                out += "<td class=\"label side\"></td>" + String(repeating: "<td class=\"num\"></td>", count: rightWidth)
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    // MARK: 绩效: the 项目支出绩效自评表 grid

    func values(_ tokens: [Token]) -> String { tokens.map(\.text).joined(separator: " ") }

    mutating func performance(_ p: PerformanceSyntax) -> String {
        let name = p.name?.text ?? ""
        let a = anchor()
        tocEntries.append((a, name.isEmpty ? "项目支出绩效自评表" : name, 2))
        // Nine columns: the indicator grid's width.
        var out = "<section class=\"performance new-page\" id=\"\(a)\">\n"
        out += "<h3 class=\"table-title\">项目支出绩效自评表</h3>\n"
        out += "<div class=\"meta\"><span>（\(esc(year.isEmpty ? "" : year + "年度"))）</span></div>\n"
        out += "<table class=\"grid\">\n<tbody>\n"
        out += "<tr><th colspan=\"2\">项目名称</th><td colspan=\"7\">\(esc(name))</td></tr>\n"
        let manager = p.items.first { $0.key.text == "主管部门" }
        let implementer = p.items.first { $0.key.text == "实施单位" }
        if manager != nil || implementer != nil {
            out += "<tr><th colspan=\"2\">主管部门</th><td colspan=\"3\">\(esc(manager.map { values($0.values) } ?? ""))</td>"
            out += "<th colspan=\"2\">实施单位</th><td colspan=\"2\">\(esc(implementer.map { values($0.values) } ?? ""))</td></tr>\n"
        }
        let money = p.items.first { $0.key.text == "资金" }
        let rate = p.items.first { $0.key.text == "执行率" }
        if money != nil || rate != nil {
            func field(_ line: PerformanceLine?, _ names: String...) -> String {
                for n in names { if let f = line?.field(n) { return values(f.values) } }
                return ""
            }
            let stated = rate.map { values($0.values) } ?? ""
            out += "<tr><th colspan=\"2\" rowspan=\"2\">项目资金（\(esc(report.header.unit.rawValue))）</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th colspan=\"2\">得分</th></tr>\n"
            out += "<tr><td class=\"num\">\(esc(orDash(field(money, "年初预算数"))))</td><td class=\"num\">\(esc(orDash(field(money, "全年预算数", "预算数"))))</td>"
            out += "<td class=\"num\">\(esc(orDash(field(money, "全年执行数", "执行数"))))</td><td class=\"num\">\(esc(orDash(field(rate, "分值"))))</td>"
            out += "<td class=\"num\">\(esc(orDash(stated.isEmpty ? field(rate, "执行率") : stated)))</td><td class=\"num\" colspan=\"2\">\(esc(orDash(field(rate, "得分"))))</td></tr>\n"
        }
        let indicators = p.items.filter { $0.key.text == "指标" }
        if !indicators.isEmpty {
            out += "<tr><th rowspan=\"\(indicators.count + 1)\">绩效指标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr>\n"
            for item in indicators {
                var path = (item.indicator?.text ?? "").split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                while path.count < 3 { path.insert("", at: 0) }
                if path.count > 3 { path = [path[0], path[1], path[2...].joined(separator: "/")] }
                func f(_ n: String) -> String { item.field(n).map { values($0.values) } ?? "" }
                var actual = f("实际")
                if actual.isEmpty { actual = f("完成") }
                out += "<tr><td>\(esc(path[0]))</td><td>\(esc(path[1]))</td><td>\(esc(path[2]))</td>"
                out += "<td>\(esc(f("目标")))</td><td class=\"num\">\(esc(actual))</td><td class=\"num\">\(esc(f("分值")))</td>"
                out += "<td class=\"num\">\(esc(f("得分")))</td><td>\(esc(f("原因")))</td></tr>\n"
            }
        }
        // Every other line (总分, 等级, a free-form key): its key, then what follows it.
        let shown: Set<String> = ["主管部门", "实施单位", "资金", "执行率", "指标"]
        for item in p.items where !shown.contains(item.key.text) {
            if item.key.text == "总分" {
                let weight = item.values.count >= 2 ? item.values[0].text : ""
                let score = item.values.count >= 2 ? item.values[1].text : (item.values.first?.text ?? "")
                out += "<tr class=\"total\"><th colspan=\"6\">总分</th><td class=\"num\">\(esc(orDash(weight)))</td><td class=\"num\">\(esc(orDash(score)))</td><td></td></tr>\n"
                continue
            }
            var rest = values(item.values)
            for fieldItem in item.fields { rest += (rest.isEmpty ? "" : " ") + fieldItem.key.text + " " + values(fieldItem.values) }
            out += "<tr><th colspan=\"2\">\(esc(item.key.text))</th><td colspan=\"7\">\(esc(rest))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    func orDash(_ text: String) -> String { text.isEmpty ? emptyCellText : text }

    // MARK: Style

    /// A4 portrait for prose, landscape for wide tables; CJK fonts by family name with fallbacks
    /// (no web fonts: the page never touches the network).
    static let style = """
    @page{size:A4;margin:18mm 16mm}
    @page wide{size:A4 landscape;margin:14mm 12mm}
    html{font-family:"SimSun","宋体","Songti SC","Noto Serif CJK SC","Source Han Serif SC","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",serif;font-size:10.5pt;line-height:1.6;color:#000;background:#fff}
    body{margin:0 auto;max-width:270mm;padding:0 4mm}
    h1,h2,h3{font-family:"SimHei","黑体","Heiti SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;font-weight:700}
    h1{font-size:22pt;text-align:center;margin:60mm 0 10mm}
    h2{font-size:15pt;margin:0 0 6mm}
    h2.part-title{text-align:center;margin-top:40mm}
    h3{font-size:12.5pt;margin:5mm 0 3mm}
    .cover{page-break-after:always;break-after:page;text-align:center}
        .toc{page-break-after:always;break-after:page}
    .toc ul{list-style:none;padding:0}.toc li.l2{padding-left:2em}.toc a{color:inherit;text-decoration:none}
    .part{page-break-before:always;break-before:page}
    .new-page{page-break-before:always;break-before:page}
    .part > .new-page:first-child{page-break-before:auto;break-before:auto}
    .narrative p,.glossary p{text-indent:2em;margin:0 0 2mm;text-align:justify}
    .glossary .term{font-weight:700}
    .table-page{page-break-before:always;break-before:page}
    .table-page.wide,.performance{page:wide}
    h3.table-title{text-align:center;font-size:15pt;margin:0 0 3mm}
    .meta{display:flex;justify-content:space-between;font-size:9.5pt;margin:0 0 1mm;white-space:nowrap}
    .meta span{min-width:6em}.meta span:last-child{text-align:right}
    table{border-collapse:collapse;width:100%;font-size:9pt;line-height:1.35}
    th,td{border:0.6pt solid #000;padding:1.2mm 2.4mm;vertical-align:middle}
    th{font-weight:700;text-align:center}
    table.fin td,table.fin th.num{white-space:nowrap}
    table.fin th.num{white-space:normal;min-width:5em}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    td.code{font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;padding-right:4mm}
    tr.total td,tr.total th{font-weight:700}
    tr.lanci td{text-align:center;color:#333}
    td.side,th.side{border-left:1.4pt solid #000}
    table.grid td,table.grid th{font-size:8.5pt}
    table.grid td{word-break:break-all}
    thead{display:table-header-group}
    tr{page-break-inside:avoid;break-inside:avoid}
    .banner{border:2pt solid #b00;background:#fee;color:#600;padding:3mm 4mm;margin:4mm 0;font-size:10pt}
    .banner ul{margin:2mm 0 0;padding-left:5mm}
    @media screen{body{padding:8mm}.part,.table-page,.new-page{border-top:1px dashed #999;padding-top:6mm;margin-top:10mm}}
    """
}
