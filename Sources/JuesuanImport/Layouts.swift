import Foundation
import JuesuanModel
import JuesuanSyntax

/// Rewrites the layouts that text extraction produces into the one the scanner reads (a table row
/// per line, cells separated by tabs; a heading on its own line; figures without blanks). Runs once
/// over the input lines before the scanner; pure and deterministic. Only separators and blanks are
/// removed (the `|` of a flattened web table, the blanks inside `1 204.30` and `万 元`); every other
/// character stays.
enum LayoutNormaliser {
    static func normalise(_ input: [String]) -> [String] {
        var lines = input.map(fullWidthDigits)
        lines = barTables(lines)
        lines = cellPerLineTables(lines)
        lines = SelfEvaluationLayouts.rewrite(lines)
        lines = lines.flatMap(splitGluedHeading)
        return lines
    }

    // MARK: Characters

    /// `１２．５０` → `12.50`: full-width digits become ASCII; a full-width point, comma or percent
    /// sign between or after such digits becomes ASCII too.
    static func fullWidthDigits(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) }) else { return line }
        var out = String.UnicodeScalarView()
        let scalars = Array(line.unicodeScalars)
        for (k, s) in scalars.enumerated() {
            if (0xFF10...0xFF19).contains(s.value) {
                out.append(Unicode.Scalar(s.value - 0xFF10 + 0x30)!)
                continue
            }
            let previousIsDigit = k > 0 && ((0xFF10...0xFF19).contains(scalars[k - 1].value) || (0x30...0x39).contains(scalars[k - 1].value))
            let nextIsDigit = k + 1 < scalars.count && ((0xFF10...0xFF19).contains(scalars[k + 1].value) || (0x30...0x39).contains(scalars[k + 1].value))
            if s == "．" && previousIsDigit && nextIsDigit { out.append("."); continue }
            // A full-width comma is a thousands separator only before exactly three digits (`１，２３４`);
            // `第１，２季度` keeps its comma.
            if s == "，" && previousIsDigit && nextIsDigit {
                let isDigit: (Int) -> Bool = { $0 < scalars.count && ((0xFF10...0xFF19).contains(scalars[$0].value) || (0x30...0x39).contains(scalars[$0].value)) }
                if isDigit(k + 1) && isDigit(k + 2) && isDigit(k + 3) && !isDigit(k + 4) { out.append(","); continue }
            }
            out.append(s)
        }
        return String(out)
    }

    /// Blanks inside a figure or its unit in running text: `1 204.30` → `1204.30`, `86.45 万 元` →
    /// `86.45 万元`, `12 . 40` → `12.40`. Only in prose: in a table line a single blank may separate cells.
    static func closeFigureBlanks(_ line: String) -> String {
        var text = line
        // `1 204.30`, `12 345 678.90`: groups of three digits after a blank, ending in a decimal part or a unit.
        text = RegexReplace.apply(#"(?<![\d.,])(\d{1,3})((?: \d{3})+)(?=\.\d|\s?[万亿千]?\s?元)"#, to: text) { groups in groups[1] + groups[2].replacingOccurrences(of: " ", with: "") }
        for (from, to) in [("万 元", "万元"), ("亿 元", "亿元"), ("千 元", "千元")] { text = text.replacingOccurrences(of: from, with: to) }
        text = RegexReplace.apply(#"(\d) \.(\d)"#, to: text) { groups in groups[1] + "." + groups[2] }
        text = RegexReplace.apply(#"(\d) +([%％])"#, to: text) { groups in groups[1] + groups[2] }
        return text
    }

    // MARK: Web page furniture and page breaks

    /// Breadcrumbs, dates, font-size and print links of a web page: kept as comments, never report text.
    static func isFurniture(_ t: String) -> Bool {
        // `【打印本页】【关闭窗口】`, `[打印本页] [关闭窗口]`: the links in brackets.
        let c = String(TextTools.squeeze(t).filter { !"【】[]".contains($0) })
        if c.isEmpty { return false }
        // The portal's header and footer: never the report's words.
        // A link to a file (`附件下载：某局2024年度部门决算.pdf`).
        if c.count <= 120, [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".zip", ".rar"].contains(where: { c.lowercased().hasSuffix($0) }), c.hasPrefix("附件") { return true }
        if c.count <= 120, ["主办单位", "承办单位", "网站标识码", "网站地图", "今天是", "无障碍"].contains(where: { c.hasPrefix($0) })
            || c.contains("ICP备") || c.contains("公网安备") || c == "相关信息" || c == "相关链接" { return true }
        if c.hasPrefix("首页>") || c.hasPrefix("首页›") || c.hasPrefix("首页»") || c.hasPrefix("当前位置") || c.hasPrefix("您现在的位置") { return true }
        if c.hasPrefix("字体:") || c.hasPrefix("字体：") || c.hasPrefix("字号:") || c.hasPrefix("字号：") || c.hasPrefix("【字体") { return true }
        for word in ["打印本页", "关闭窗口", "【打印】", "【关闭】", "[打印]", "[关闭]", "分享到:", "分享到：", "扫一扫在手机打开当前页"] where c.hasPrefix(word) || c.hasSuffix(word) { return true }
        if c.count <= 60, ["日期:", "日期：", "发布日期", "发布时间", "来源:", "来源：", "浏览次数", "访问量", "点击数"].contains(where: { c.hasPrefix($0) }) { return true }
        return false
    }

    /// A page footer or header: `— 5 —`, `- 5 -`, `第 5 页`, `第5页 共20页`, `5/20`.
    static func isPageMarker(_ t: String) -> Bool {
        let c = TextTools.squeeze(t)
        guard !c.isEmpty, c.count <= 16 else { return false }
        return c.range(of: #"^[-—–－─]+\d{1,4}[-—–－─]+$"#, options: .regularExpression) != nil
            || c.range(of: #"^第\d{1,4}页(，?共\d{1,4}页)?$"#, options: .regularExpression) != nil
            || c.range(of: #"^\d{1,4}/\d{1,4}$"#, options: .regularExpression) != nil
    }

    static let unitStarts = ["万元", "亿元", "千元", "元", "%", "％", "个百分点"]

    // MARK: Headings glued to their paragraph

    static let headingEnds = ["情况说明", "说明"]

    /// `（二）支出决算情况说明2024年度本年支出合计…` → the heading, then the paragraph.
    static func splitGluedHeading(_ line: String) -> [String] {
        let t = TextTools.trim(line)
        guard !line.contains("\t"), TextTools.startsWithMarker(t) || TextTools.isPartHeading(t), !t.hasPrefix("注") else { return [line] }
        let marker = Ordinal.strip(t[...])
        let head = t.prefix(t.count - marker.count)
        let window = String(marker.prefix(40))
        for end in headingEnds {
            guard let r = window.range(of: end) else { continue }
            let title = String(window[..<r.upperBound])
            let rest = TextTools.trim(String(marker.dropFirst(title.count)))
            // Only where the paragraph plainly starts: a figure or year, or after a full `…情况说明`.
            guard !rest.isEmpty, let first = rest.first, first.isNumber || title.hasSuffix("情况说明") && !"的：:。，,；;、）)及和与".contains(first), title.count >= 4,
                  !title.contains("，"), !title.contains("。") else { return [line] }
            return [String(head) + title, rest]
        }
        return [line]
    }

    // MARK: Tables flattened to one cell a line with bars

    static func isBar(_ t: String) -> Bool { t == "|" || t == "｜" }

    /// `|` / `项 目 |` / `预 算 数 |` / `|` / …: the cells between lone bars are one row. A line
    /// `| a | b |` is a row as well. Rewritten as tab-separated rows.
    static func barTables(_ lines: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let t = TextTools.trim(lines[i])
            guard isBar(t) || t.hasSuffix("|") && t.count >= 2 && !lines[i].contains("\t") else { out.append(lines[i]); i += 1; continue }
            var j = i
            var rows: [[String]] = []
            var current: [String] = []
            var bars = 0
            while j < lines.count {
                let u = TextTools.trim(lines[j])
                if u.isEmpty { j += 1; continue }
                if isBar(u) {
                    bars += 1
                    if !current.isEmpty { rows.append(current); current = [] }
                } else if u.hasSuffix("|") || u.hasSuffix("｜") {
                    let parts = u.split(whereSeparator: { $0 == "|" || $0 == "｜" }).map { TextTools.trim($0) }.filter { !$0.isEmpty }
                    if u.hasPrefix("|") || u.hasPrefix("｜") || parts.count > 1 {
                        if !current.isEmpty { rows.append(current); current = [] }
                        rows.append(parts.map(cellText))
                    } else {
                        current.append(cellText(parts.first ?? ""))
                    }
                } else {
                    break
                }
                j += 1
            }
            if !current.isEmpty { rows.append(current) }
            guard bars + rows.count >= 3, rows.filter({ $0.count >= 2 }).count >= 2 else {
                // Not a table: the whole run stays as it is (and is not looked at again line by line).
                out += lines[i..<max(j, i + 1)]
                i = max(j, i + 1)
                continue
            }
            out += rows.map { $0.joined(separator: "\t") }
            i = j
        }
        return out
    }

    /// A cell as a table reads it: letter-spaced CJK text closed up (`预 算 数` → `预算数`).
    static func cellText(_ cell: String) -> String {
        let trimmed = TextTools.trim(cell)
        return TextTools.isFigure(TextTools.squeeze(trimmed)) && trimmed.contains(" ") ? TextTools.squeeze(trimmed) : TextTools.compact(trimmed)
    }

    // MARK: Tables with one cell a line (PDF text of a grid)

    static let headingWords: Set<String> = ["项目", "行次", "金额", "栏次", "决算数", "预算数", "本年收入", "本年支出", "科目编码", "科目名称",
                                             "功能分类科目编码", "类", "款", "项", "编码", "人员经费", "公用经费", "基本支出", "项目支出",
                                             "上缴上级支出", "经营支出", "对附属单位补助支出", "本年支出合计", "本年收入合计", "年初结转和结余",
                                             "年末结转和结余", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]

    static func isHeadingWord(_ t: String) -> Bool {
        let c = TextTools.squeeze(t)
        return headingWords.contains(c) || ["项目（按功能分类）", "项目(按功能分类)", "科目"].contains(c)
    }

    static func isSingleCell(_ line: String) -> Bool {
        !line.contains("\t") && TextTools.cells(line).count == 1
    }

    /// A title or number line followed by column headings one a line, then rows one cell a line.
    static func cellPerLineTables(_ lines: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            out.append(lines[i])
            let number = TableDetector.title(lines[i])?.0 ?? TableDetector.numberMarker(lines[i])
            guard let number, let spec = StandardTableSpec.spec(number: number) else { i += 1; continue }
            // Meta lines (单位, 公开NN表) stay as they are; then the headings.
            var j = i + 1
            var meta: [String] = []
            while j < lines.count {
                let t = TextTools.trim(lines[j])
                if t.isEmpty || (TableParser.isMeta(t) || TableDetector.title(lines[j]) != nil) && isSingleCell(lines[j]) && !isHeadingWord(t) {
                    meta.append(lines[j]); j += 1; continue
                }
                break
            }
            var headings: [String] = []
            while j < lines.count, isSingleCell(lines[j]) {
                let t = TextTools.trim(lines[j])
                if t.isEmpty { j += 1; continue }
                guard isHeadingWord(t) else { break }
                headings.append(TextTools.compact(t)); j += 1
            }
            guard headings.count >= 2 else { i += 1; continue }
            // The rows: a text line opens a row, figure lines fill it.
            var rows: [[String]] = []
            var k = j
            while k < lines.count, isSingleCell(lines[k]) {
                let t = TextTools.trim(lines[k])
                if t.isEmpty { k += 1; continue }
                if TableDetector.title(lines[k]) != nil || TableDetector.numberMarker(lines[k]) != nil || t.hasPrefix("注") { break }
                if TextTools.isFigure(t) && !TableParser.isCode(t) || TableParser.isCode(t) && rows.last.map({ $0.count == 1 && TableParser.isCode($0[0]) }) == false && isFollowedByFigure(lines, k) {
                    guard !rows.isEmpty else { break }
                    rows[rows.count - 1].append(t)
                } else if TableParser.isCode(t) {
                    rows.append([t])
                } else {
                    guard TextTools.width(t) <= 40, let last = t.last, !"。；".contains(last) else { break }
                    if let previous = rows.last, previous.count == 1, TableParser.isCode(previous[0]) {
                        rows[rows.count - 1].append(TextTools.compact(t))
                    } else {
                        rows.append([TextTools.compact(t)])
                    }
                }
                k += 1
            }
            guard rows.count >= 1, rows.contains(where: { $0.count >= 2 }) else { i += 1; continue }
            let hasRowNumbers = headings.contains("行次")
            if number == 1 || number == 4 {
                out += meta
                out += [headings.joined(separator: "\t")] + twoSidedRows(rows, spec: spec, hasRowNumbers: hasRowNumbers)
            } else {
                out += meta
                out.append(headings.joined(separator: "\t"))
                for var row in rows {
                    // A 行次 number after the label is not an amount.
                    if hasRowNumbers, row.count >= 3, row[1].allSatisfy({ $0.isASCII && $0.isNumber }), row[1].count <= 2 { row.remove(at: 1) }
                    out.append(row.joined(separator: "\t"))
                }
            }
            i = k
        }
        return out
    }

    static func isFollowedByFigure(_ lines: [String], _ k: Int) -> Bool {
        var n = k + 1
        while n < lines.count, TextTools.trim(lines[n]).isEmpty { n += 1 }
        return n < lines.count && TextTools.isFigure(TextTools.trim(lines[n])) && !TextTools.trim(lines[n]).isEmpty
    }

    /// The groups of a two-sided table printed one cell a line: each label is on the 收入 side when
    /// the 收入 side names it (and the group before was not already 收入), else on the 支出 side. Written
    /// as one line a row, 收入 cells then 支出 cells, the empty side as empty cells.
    static func twoSidedRows(_ groups: [[String]], spec: StandardTableSpec, hasRowNumbers: Bool) -> [String] {
        let width = hasRowNumbers ? 3 : 2
        var rows: [String] = []
        var pendingIncome: [String]?
        var previousWasIncome = false
        func pad(_ cells: [String]) -> [String] {
            var c = cells
            while c.count < width { c.append("") }
            return c
        }
        for group in groups {
            let key = LabelKey.make(group[0])
            let incomeNames = spec.sides[0].labelRow(forKey: key) != nil
            let expenditureNames = spec.sides[1].labelRow(forKey: key) != nil
            let isIncome = incomeNames && !(previousWasIncome && expenditureNames)
            if isIncome {
                if let income = pendingIncome { rows.append(pad(income).joined(separator: "\t")) }
                pendingIncome = group
            } else {
                rows.append((pad(pendingIncome ?? [""]) + group).joined(separator: "\t"))
                pendingIncome = nil
            }
            previousWasIncome = isIncome
        }
        if let income = pendingIncome { rows.append(pad(income).joined(separator: "\t")) }
        return rows
    }
}

/// Regular-expression replacement with a closure over the capture groups (Foundation only).
enum RegexReplace {
    nonisolated(unsafe) static var cache: [String: NSRegularExpression] = [:]
    static let lock = NSLock()

    static func apply(_ pattern: String, to text: String, _ transform: ([String]) -> String) -> String {
        lock.lock()
        let regex = cache[pattern] ?? (try? NSRegularExpression(pattern: pattern))
        cache[pattern] = regex
        lock.unlock()
        guard let regex else { return text }
        let ns = text as NSString
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return text }
        var result = ""
        var cursor = 0
        for match in matches {
            result += ns.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let groups = (0..<match.numberOfRanges).map { k -> String in
                let r = match.range(at: k)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
            result += transform(groups)
            cursor = match.range.location + match.range.length
        }
        result += ns.substring(from: cursor)
        return result
    }
}

/// A 项目支出绩效自评表 flattened onto one line (its cells separated by blanks) or printed one cell a
/// line: the cells are cut into the rows of the published table, written as tab-separated lines that
/// the `绩效` reader knows. Anchored on the table's own words (项目名称, 主管部门, 实施单位,
/// 年初预算数…, 年度资金总额, 年度总体目标, 一级指标…, 总分).
enum SelfEvaluationLayouts {
    static let fundKeyPrefixes = ["年初预算数", "全年预算数", "全年执行数", "到位数", "分值", "执行率", "得分"]
    static let indicatorHeadings = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "偏差原因分析", "未完成原因分析", "指标值"]

    static func isFundKey(_ c: String) -> Bool { fundKeyPrefixes.contains { c.hasPrefix($0) } }
    static func isLevelName(_ c: String) -> Bool { PerformanceParser.level1.contains(c) || PerformanceParser.level2.contains(c) }

    /// Rewrites both layouts; other lines pass unchanged.
    static func rewrite(_ lines: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let t = TextTools.trim(line)
            // One line: `项目支出绩效自评表 项目名称 … 总分 100 95`.
            if !line.contains("\t"), let title = t.range(of: "绩效自评表"), t.contains("项目名称"), t.contains("三级指标") {
                let head = String(t[..<title.upperBound])
                let cells = t[title.upperBound...].split(whereSeparator: { TextTools.isBlank($0) }).map(String.init)
                if let rows = rows(cells) {
                    out.append(head)
                    out += rows
                    i += 1
                    continue
                }
            }
            // One cell a line under the title.
            if PerformanceParser.isTitle(line), !line.contains("\t") {
                var j = i + 1
                var cells: [String] = []
                var k = j
                var totalAt: Int?
                while k < lines.count {
                    let u = TextTools.trim(lines[k])
                    if u.isEmpty { k += 1; continue }
                    if lines[k].contains("\t") || PerformanceParser.isTitle(lines[k]) || TextTools.isPartHeading(u) { break }
                    if ["总分", "自评总分"].contains(TextTools.squeeze(u)) { totalAt = cells.count }
                    cells.append(u)
                    k += 1
                    // The table ends with its 总分 and the figures after it.
                    if let total = totalAt, cells.count > total + 1 {
                        let after = cells[(total + 1)...]
                        if after.count == 2 || after.count == 1 && (k >= lines.count || !TextTools.isNumber(TextTools.trim(lines[k]))) { break }
                    }
                }
                if cells.prefix(6).contains(where: { TextTools.squeeze($0) == "项目名称" }), cells.contains(where: { TextTools.squeeze($0) == "三级指标" }), let rows = rows(cells) {
                    out.append(line)
                    out += rows
                    j = k
                    i = j
                    continue
                }
            }
            // Cells separated by runs of blanks (PDF text) under the title: tab-separated rows.
            if PerformanceParser.isTitle(line), !line.contains("\t") {
                out.append(line)
                var k = i + 1
                while k < lines.count {
                    let u = TextTools.trim(lines[k])
                    if u.isEmpty { out.append(lines[k]); k += 1; continue }
                    let cells = TextTools.cells(lines[k])
                    if cells.count == 1, TableParser.isMeta(u) || PerformanceParser.isTitle(lines[k]) && out.count > 0 && k == i + 1 {
                        // `（2024年度）` under the title.
                        out.append(lines[k]); k += 1; continue
                    }
                    // A short indented cell on its own line (the end of a wrapped cell) stays in the table.
                    let indented = lines[k].first.map(TextTools.isBlank) ?? false
                    let next = lines[(k + 1)...].first { !TextTools.trim($0).isEmpty }
                    let nextInTable = next.map { TextTools.cells($0).count >= 2 || ($0.first.map(TextTools.isBlank) ?? false) } ?? false
                    if cells.count == 1, indented, TextTools.width(u) <= 24, nextInTable {
                        out.append("\t" + u); k += 1; continue
                    }
                    guard !lines[k].contains("\t"), cells.count >= 2 else { break }
                    let leading = lines[k].first.map(TextTools.isBlank) ?? false
                    out.append((leading ? "\t" : "") + cells.joined(separator: "\t"))
                    k += 1
                }
                i = k
                continue
            }
            out.append(line)
            i += 1
        }
        return out
    }

    /// The tab-separated rows of a self-evaluation given as a run of cells; nil when the cells do not
    /// hold its anchors in order.
    static func rows(_ raw: [String]) -> [String]? {
        let cells = raw.map { TextTools.trim($0) }.filter { !$0.isEmpty }
        let keys = cells.map { TextTools.squeeze($0) }
        var rows: [String] = []
        var k = 0
        func row(_ parts: [String]) { rows.append("\t" + parts.joined(separator: "\t")) }
        var fundKeys: [String] = []
        while k < cells.count {
            let key = keys[k]
            switch key {
            case "项目名称", "主管部门", "实施单位", "项目单位":
                var parts = [key]
                if k + 1 < cells.count { parts.append(cells[k + 1]) }
                k += 2
                // 主管部门 and 实施单位 share a row.
                if key == "主管部门", k < cells.count, ["实施单位", "项目单位"].contains(keys[k]) {
                    parts.append(keys[k])
                    if k + 1 < cells.count { parts.append(cells[k + 1]) }
                    k += 2
                }
                row(parts)
                continue
            case _ where isFundKey(key) && fundKeys.isEmpty:
                while k < cells.count, isFundKey(keys[k]) { fundKeys.append(keys[k]); k += 1 }
                rows.append("\t\t" + fundKeys.joined(separator: "\t"))
                continue
            case "年度资金总额":
                guard !fundKeys.isEmpty, k + fundKeys.count < cells.count else { return nil }
                row([key] + cells[(k + 1)...(k + fundKeys.count)])
                k += 1 + fundKeys.count
                // The sources: a label and one cell per key.
                while k + fundKeys.count < cells.count, !TextTools.isFigure(cells[k]), !keys[k].contains("目标"),
                      cells[(k + 1)...(k + fundKeys.count)].allSatisfy({ TextTools.isFigure($0) }) {
                    row([cells[k]] + cells[(k + 1)...(k + fundKeys.count)])
                    k += 1 + fundKeys.count
                }
                continue
            case "年度总体目标", "总体目标":
                // Headings (预期目标, 实际完成情况), then goal and result texts in pairs, up to the indicators.
                k += 1
                var headings: [String] = []
                while k < cells.count, ["预期目标", "实际完成情况", "目标完成情况"].contains(keys[k]) { headings.append(keys[k]); k += 1 }
                rows.append(([key] + headings).joined(separator: "\t"))
                var texts: [String] = []
                while k < cells.count, !["绩效指标", "一级指标"].contains(keys[k]) { texts.append(cells[k]); k += 1 }
                let width = max(1, headings.count)
                var start = 0
                while start < texts.count {
                    row(Array(texts[start..<min(texts.count, start + width)]))
                    start += width
                }
                continue
            case "绩效指标":
                k += 1
                continue
            case "一级指标":
                var headings: [String] = []
                while k < cells.count, indicatorHeadings.contains(keys[k]) || keys[k].hasPrefix("偏差原因") { headings.append(keys[k]); k += 1 }
                row(headings)
                let hasReason = headings.contains { $0.contains("原因") }
                // Indicator rows: [一级] [二级] 三级 指标值 实际完成值 分值 得分 [原因].
                while k < cells.count, !["总分", "自评总分"].contains(keys[k]) {
                    var parts: [String] = []
                    while k < cells.count, isLevelName(keys[k]) { parts.append(cells[k]); k += 1 }
                    guard k + 4 < cells.count, TextTools.isNumber(cells[k + 3]), TextTools.isNumber(cells[k + 4]) else { return nil }
                    parts += cells[k...(k + 4)]
                    k += 5
                    // A reason, unless the next cell opens the next row (a level name, or a name followed
                    // by target, actual and two figures).
                    if hasReason, k < cells.count, !["总分", "自评总分"].contains(keys[k]), !isLevelName(keys[k]) {
                        let opensRow = k + 4 < cells.count && TextTools.isNumber(cells[k + 3]) && TextTools.isNumber(cells[k + 4]) && !TextTools.isNumber(cells[k])
                        if !opensRow { parts.append(cells[k]); k += 1 }
                    }
                    row(parts)
                }
                continue
            case "总分", "自评总分":
                var parts = [key]
                k += 1
                while k < cells.count, TextTools.isNumber(cells[k]), parts.count < 3 { parts.append(cells[k]); k += 1 }
                rows.append(parts.joined(separator: "\t"))
                continue
            default:
                row([cells[k]])
                k += 1
            }
        }
        // Only when the table's anchors were all found.
        guard rows.contains(where: { $0.hasPrefix("\t项目名称") }), rows.contains(where: { $0.contains("一级指标") }) else { return nil }
        return rows
    }
}
