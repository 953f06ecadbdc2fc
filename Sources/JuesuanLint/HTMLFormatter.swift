import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// `--format html`: one self-contained page for a reviewer (no network: styles and the small
/// script are inline). A summary of every report with a bar of its findings, a chart of the
/// findings by rule, then each report with its tables drawn as tables, the wrong cells marked
/// and each finding inside the cell it concerns; findings outside tables (prose, 绩效, header)
/// under their source line. Narrow screens scroll tables sideways and stack the summary.
///
/// Hooks for tests and tools: every finding is a `.finding` element with `data-code`,
/// `data-line` and `data-column` (1-based, as the other formats); every drawn cell is a `td`
/// with `data-line`, `data-column` and `data-end-column`.
public struct HTMLFormatter: Sendable {
    public var title: String

    public init(title: String = "决算检查报告") { self.title = title }

    public func format(_ result: LintResult) -> String {
        let names = Self.shortNames(result.files.map(\.path))
        var body = ""
        body += "<header><h1>\(escape(title))</h1><p class=\"total\">\(escape(result.summaryLine))</p>\n"
        body += controls()
        body += "</header>\n<main>\n"
        body += summary(result, names: names)
        body += ruleChart(result)
        for (index, file) in result.files.enumerated() { body += report(file, index: index, name: names[index]) }
        if !result.problems.isEmpty {
            body += "<section class=\"problems\"><h2>无法检查的路径</h2><ul>"
            for problem in result.problems { body += "<li><code>\(escape(problem.path))</code>：\(escape(problem.message))</li>" }
            body += "</ul></section>\n"
        }
        body += "</main>\n"
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="juesuan \(ToolInfo.version)">
        <title>\(escape(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        \(body)<script>\(Self.script)</script>
        </body>
        </html>

        """
    }

    // MARK: Parts

    func controls() -> String {
        let boxes = Severity.allCases.map { severity in
            "<label><input type=\"checkbox\" data-severity=\"\(severity.rawValue)\" checked> \(severity.chineseName)</label>"
        }.joined(separator: " ")
        return "<p class=\"controls\">显示：\(boxes) <button type=\"button\" id=\"show-all\" hidden>显示全部规则</button></p>\n"
    }

    func counts(_ file: LintedFile) -> [Severity: Int] {
        file.diagnostics.reduce(into: [:]) { $0[$1.severity, default: 0] += 1 }
    }

    /// Paths without the directories they all share (`/ci/reports/a/x.juesuan` → `a/x.juesuan`),
    /// so the names fit a phone's width; the full path stays in each report's heading title.
    static func shortNames(_ paths: [String]) -> [String] {
        guard paths.count > 1 else { return paths.map { $0.split(separator: "/").last.map(String.init) ?? $0 } }
        let split = paths.map { $0.split(separator: "/", omittingEmptySubsequences: false) }
        var shared = 0
        while split.allSatisfy({ $0.count > shared + 1 }), Set(split.map { $0[shared] }).count == 1 { shared += 1 }
        return split.map { $0.dropFirst(shared).joined(separator: "/") }
    }

    func summary(_ result: LintResult, names: [String]) -> String {
        let largest = max(1, result.files.map { $0.diagnostics.count }.max() ?? 1)
        var out = "<section id=\"summary\"><h2>各报告</h2>\n<div class=\"scroll\"><table class=\"summary\"><thead><tr><th>报告</th><th>错误</th><th>警告</th><th>提示</th><th>建议</th><th class=\"barhead\">问题</th></tr></thead><tbody>\n"
        for (index, file) in result.files.enumerated() {
            let count = counts(file)
            var bar = ""
            for severity in Severity.allCases {
                let n = count[severity] ?? 0
                guard n > 0 else { continue }
                let width = Double(n) / Double(largest) * 100
                bar += "<span class=\"seg \(severity.rawValue)\" style=\"width:\(String(format2(width)))%\" title=\"\(n) 个\(severity.chineseName)\"></span>"
            }
            out += "<tr class=\"\((count[.error] ?? 0) > 0 ? "has-errors" : "clean")\"><td class=\"name\"><a href=\"#r\(index)\">\(escape(names[index]))</a></td>"
            for severity in Severity.allCases { out += "<td class=\"n\">\(count[severity] ?? 0)</td>" }
            out += "<td class=\"bar\"><span class=\"track\">\(bar)</span></td></tr>\n"
        }
        out += "</tbody></table></div></section>\n"
        return out
    }

    func ruleChart(_ result: LintResult) -> String {
        var byRule: [String: (count: Int, severity: Severity)] = [:]
        for file in result.files { for d in file.diagnostics { byRule[d.code, default: (0, d.severity)].count += 1 } }
        guard !byRule.isEmpty else { return "<section id=\"rules\"><h2>按规则</h2><p>没有发现问题。</p></section>\n" }
        let largest = byRule.values.map(\.count).max() ?? 1
        var out = "<section id=\"rules\"><h2>按规则</h2><p class=\"hint\">点一条规则只看它的问题，再点一次恢复。</p><div class=\"chart\">\n"
        for (code, entry) in byRule.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
            let title = CheckRegistry.rule(code)?.title ?? ""
            let width = Double(entry.count) / Double(largest) * 100
            out += "<button type=\"button\" class=\"rule\" data-rule=\"\(code)\" title=\"\(escape(title))\"><span class=\"code\">\(code)</span>"
            out += "<span class=\"track\"><span class=\"seg \(entry.severity.rawValue)\" style=\"width:\(format2(width))%\"></span></span><span class=\"n\">\(entry.count)</span></button>\n"
        }
        out += "</div></section>\n"
        return out
    }

    func report(_ file: LintedFile, index: Int, name: String) -> String {
        let report = file.report ?? Report(syntax: Parser.parse(file.source))
        let source = file.source
        let count = counts(file)
        var out = "<section class=\"report\" id=\"r\(index)\" data-path=\"\(escape(file.path))\"><h2 title=\"\(escape(file.path))\">\(escape(name))</h2>"
        out += "<p class=\"counts\">" + Severity.allCases.map { "<span class=\"\($0.rawValue)\">\(count[$0] ?? 0) 个\($0.chineseName)</span>" }.joined(separator: " ") + "</p>\n"
        // Each finding is placed once: on a drawn cell, else under its table, else in the list below.
        var placed = Set<Int>()
        let findings = Array(file.diagnostics.enumerated())
        for table in report.tables {
            let lines = table.syntax.lines
            let inTable = findings.filter { lines.contains(source.line(containing: $0.element.range.start)) }
            var tableHTML = ""
            for section in table.sections {
                let columnCount = max(section.columns.count, section.rows.map { $0.syntax.cells.count }.max() ?? 0)
                tableHTML += "<div class=\"scroll\"><table class=\"sheet\"><thead><tr><th>编码</th><th>项目</th>"
                for column in 0..<columnCount {
                    tableHTML += "<th>\(escape(column < section.columns.count ? section.columns[column].name : "第 \(column + 1) 列"))</th>"
                }
                tableHTML += "</tr>" + (section.side.map { "<tr><th colspan=\"\(columnCount + 2)\" class=\"side\">\($0.rawValue)</th></tr>" } ?? "") + "</thead><tbody>\n"
                for row in section.rows {
                    let rowLine = row.line
                    let onRow = inTable.filter { source.line(containing: $0.element.range.start) == rowLine && !placed.contains($0.offset) }
                    // The token each finding starts in; a finding on no token goes to the label.
                    var tokens: [Token?] = [row.syntax.code, row.syntax.label] + row.syntax.cells.map(\.token)
                    while tokens.count < columnCount + 2 { tokens.append(nil) }
                    var assigned: [Int: [(Int, Diagnostic)]] = [:]
                    for (offset, d) in onRow {
                        let slot = tokens.firstIndex { $0.map { $0.range.start <= d.range.start && d.range.start < max($0.range.end, $0.range.start + 1) } ?? false }
                            ?? (row.syntax.label != nil ? 1 : 0)
                        assigned[slot, default: []].append((offset, d))
                        placed.insert(offset)
                    }
                    let worst = onRow.map(\.element.severity).min()
                    tableHTML += "<tr data-line=\"\(rowLine + 1)\"\(worst.map { " class=\"marked \($0.rawValue)\"" } ?? "")>"
                    for (slot, token) in tokens.enumerated() {
                        let here = assigned[slot] ?? []
                        let kind = slot == 0 ? "code" : slot == 1 ? "label" : "num"
                        var classes = [kind]
                        if let severity = here.map(\.1.severity).min() { classes.append("bad"); classes.append(severity.rawValue) }
                        var attributes = "class=\"\(classes.joined(separator: " "))\""
                        if let token {
                            let range = source.lintRange(token.range)
                            attributes += " data-line=\"\(range.start.line)\" data-column=\"\(range.start.column)\" data-end-column=\"\(range.end.column)\""
                        } else {
                            attributes += " data-line=\"\(rowLine + 1)\""
                        }
                        tableHTML += "<td \(attributes)>\(escape(token?.text ?? ""))"
                        for (_, d) in here { tableHTML += finding(d, source) }
                        tableHTML += "</td>"
                    }
                    tableHTML += "</tr>\n"
                }
                tableHTML += "</tbody></table></div>\n"
            }
            let rest = inTable.filter { !placed.contains($0.offset) }
            for (offset, _) in rest { placed.insert(offset) }
            let title = [table.syntax.id?.text, table.syntax.title?.text].compactMap { $0 }.joined(separator: " ")
            out += "<details class=\"table\"\(inTable.isEmpty ? "" : " open")><summary>表 \(escape(title))"
            out += inTable.isEmpty ? "<span class=\"ok\">✓</span>" : "<span class=\"badge\">\(inTable.count)</span>"
            out += "</summary>\n"
            if !rest.isEmpty { out += "<div class=\"table-findings\">" + rest.map { sourceLine($0.element, source) }.joined() + "</div>" }
            out += tableHTML + "</details>\n"
        }
        let others = findings.filter { !placed.contains($0.offset) }
        if !others.isEmpty {
            out += "<div class=\"others\"><h3>表格之外的问题（说明、绩效、表头等）</h3>\n"
            out += others.map { sourceLine($0.element, source) }.joined()
            out += "</div>\n"
        }
        if file.diagnostics.isEmpty { out += "<p class=\"ok\">✓ 没有发现问题。</p>" }
        out += "</section>\n"
        return out
    }

    /// A finding under its source line, the range marked.
    func sourceLine(_ d: Diagnostic, _ source: SourceText) -> String {
        let line = source.line(containing: d.range.start)
        let content = source.lineContentRange(line)
        let start = min(max(d.range.start, content.start), content.end)
        let end = min(max(d.range.end, start), content.end)
        let before = source.string(SourceRange(start: content.start, end: start))
        let marked = source.string(SourceRange(start: start, end: end))
        let after = source.string(SourceRange(start: end, end: content.end))
        return "<div class=\"line \(d.severity.rawValue)\"><pre><span class=\"ln\">\(line + 1)</span>\(escape(clip(before, keepEnd: true)))<mark>\(escape(marked))</mark>\(escape(clip(after, keepEnd: false)))</pre>"
            + finding(d, source) + "</div>\n"
    }

    /// Long prose lines are cut around the mark (80 characters on each side).
    func clip(_ text: String, keepEnd: Bool) -> String {
        guard text.count > 80 else { return text }
        return keepEnd ? "…" + String(text.suffix(80)) : String(text.prefix(80)) + "…"
    }

    func finding(_ d: Diagnostic, _ source: SourceText) -> String {
        let range = source.lintRange(d.range)
        return "<div class=\"finding \(d.severity.rawValue)\" data-code=\"\(d.code)\" data-severity=\"\(d.severity.rawValue)\" data-line=\"\(range.start.line)\" data-column=\"\(range.start.column)\">"
            + "<span class=\"tag\">\(d.severity.chineseName) \(d.code)</span> \(escape(d.message))</div>"
    }

    func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let style = """
    :root{--error:#c62828;--warning:#e08a00;--information:#1565c0;--hint:#78909c;--bg:#fff;--fg:#1d1d1f;--line:#e3e3e8}
    *{box-sizing:border-box}body{margin:0;font:15px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
    header,main{max-width:1200px;margin:0 auto;padding:0 12px}h1{font-size:1.4em;margin:.6em 0 .2em}h2{font-size:1.15em;margin:1.2em 0 .4em;word-break:break-all}
    .total{margin:.2em 0;font-weight:600}.controls label{margin-right:.6em;white-space:nowrap}.hint{color:#666;font-size:.9em;margin:.2em 0}
    table.summary{width:100%;border-collapse:collapse}table.summary th,table.summary td{padding:4px 6px;border-bottom:1px solid var(--line);text-align:left}
    td.name{word-break:break-all}table.summary td.n{text-align:right;font-variant-numeric:tabular-nums;width:3.5em}td.bar{width:35%}.barhead{width:35%}
    .track{display:flex;height:12px;background:#f1f1f4;border-radius:6px;overflow:hidden;min-width:60px;flex:1}.seg{display:block;height:100%}
    .seg.error{background:var(--error)}.seg.warning{background:var(--warning)}.seg.information{background:var(--information)}.seg.hint{background:var(--hint)}
    .chart{display:flex;flex-direction:column;gap:4px}.rule{display:flex;align-items:center;gap:8px;border:0;background:none;padding:2px 0;cursor:pointer;font:inherit;text-align:left;width:100%}
    .rule .code{width:3.5em;font-family:ui-monospace,monospace}.rule .n{width:3em;text-align:right}.rule.selected .code{font-weight:700;text-decoration:underline}
    details.table{margin:.5em 0;border:1px solid var(--line);border-radius:6px;padding:.3em .6em}details.table>summary{cursor:pointer;font-weight:600}
    .badge{display:inline-block;margin-left:.5em;padding:0 .5em;border-radius:9px;background:var(--error);color:#fff;font-size:.8em}.ok{color:#2e7d32;margin-left:.4em}
    .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4em 0}table.sheet{border-collapse:collapse;font-size:.92em;min-width:100%}
    table.sheet th,table.sheet td{border:1px solid var(--line);padding:3px 6px;vertical-align:top}table.sheet th{background:#f6f6f8;font-weight:600;white-space:nowrap}
    th.side{text-align:left;background:#eef}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.code{font-family:ui-monospace,monospace;white-space:nowrap}
    td.label{min-width:8em}td.bad{outline:2px solid var(--warning);outline-offset:-2px}td.bad.error{outline-color:var(--error);background:#fdecea}td.bad.warning{background:#fff4e0}
    td.bad.information{outline-color:var(--information);background:#e8f0fb}td.bad.hint{outline-color:var(--hint)}
    .finding{white-space:normal;text-align:left;font-size:.85em;line-height:1.35;margin-top:3px;padding:3px 5px;border-left:3px solid;background:#fff;min-width:14em;max-width:28em}
    .finding.error{border-color:var(--error)}.finding.warning{border-color:var(--warning)}.finding.information{border-color:var(--information)}.finding.hint{border-color:var(--hint)}
    .tag{font-weight:700;white-space:nowrap}.finding.error .tag{color:var(--error)}.finding.warning .tag{color:var(--warning)}.finding.information .tag{color:var(--information)}.finding.hint .tag{color:var(--hint)}
    .line{margin:.5em 0}.line pre{margin:0;white-space:pre-wrap;word-break:break-all;background:#fafafa;padding:4px 6px;border-radius:4px;font-size:.88em}.ln{color:#999;margin-right:.8em}
    mark{background:#ffe08a}.line.error mark{background:#f9c0bb}.hidden{display:none!important}
    @media (max-width:640px){body{font-size:14px}td.label{min-width:6em}td.bar,.barhead{width:30%}table.summary th:nth-child(4),table.summary td:nth-child(4),table.summary th:nth-child(5),table.summary td:nth-child(5){display:none}.finding{min-width:11em}}
    @media print{.controls,.hint{display:none}details.table{break-inside:avoid}}
    """

    /// Filters by severity and by rule; marks the page ready (tests wait for it).
    static let script = """
    (function(){
    var shown={error:true,warning:true,information:true,hint:true},rule=null;
    function apply(){
    document.querySelectorAll('.finding').forEach(function(f){
    var hide=!shown[f.dataset.severity]||(rule!==null&&f.dataset.code!==rule);
    f.classList.toggle('hidden',hide);var box=f.closest('.line');if(box)box.classList.toggle('hidden',hide);});
    document.querySelectorAll('td.bad').forEach(function(td){
    var any=Array.prototype.some.call(td.querySelectorAll('.finding'),function(f){return!f.classList.contains('hidden');});
    td.classList.toggle('muted',!any);});
    document.querySelectorAll('.rule').forEach(function(b){b.classList.toggle('selected',b.dataset.rule===rule);});
    document.getElementById('show-all').hidden=(rule===null);}
    document.querySelectorAll('input[data-severity]').forEach(function(box){box.addEventListener('change',function(){shown[box.dataset.severity]=box.checked;apply();});});
    document.querySelectorAll('.rule').forEach(function(b){b.addEventListener('click',function(){rule=(rule===b.dataset.rule)?null:b.dataset.rule;apply();});});
    document.getElementById('show-all').addEventListener('click',function(){rule=null;apply();});
    apply();var b=document.body;b.dataset.findings=String(document.querySelectorAll('.finding').length);
    b.dataset.pageWidth=String(document.documentElement.scrollWidth);b.dataset.viewWidth=String(window.innerWidth);b.dataset.ready='1';
    })();
    """
}
