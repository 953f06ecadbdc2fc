import Foundation
import JuesuanSyntax

/// Parses a 项目支出绩效自评表 (the several published layouts) into a `绩效` block.
///
/// Recognised: the project name (项目名称), 主管部门, 实施单位 (实施主管单位), the money
/// (年初预算数 / 全年预算数 / 全年执行数 / 到位数, in the 2022+ layout with 分值 / 执行率 / 得分, or the
/// Hebei layout 预算数 / 到位数 / 执行数 / 预算执行进度), the 预算执行率 line, indicator lines (一级 /
/// 二级 / 三级, target, actual, weight, score, 完成, reason) and the total. Every other line of the
/// table is kept as a comment.
struct PerformanceParser {
    let lines: [String]
    let start: Int
    let ordinal: Int

    init(lines: [String], start: Int, ordinal: Int) {
        self.lines = lines
        self.start = start
        self.ordinal = ordinal
    }

    static func isTitle(_ line: String) -> Bool {
        let cells = TextTools.cells(line).filter { !$0.isEmpty }
        guard cells.count == 1, let t = cells.first, !t.hasPrefix("- ") else { return false }
        let c = TextTools.squeeze(t)
        return c.hasSuffix("绩效自评表") && !c.contains("整体") && c.count <= 30
    }

    static let level1: [String] = ["产出指标", "效益指标", "满意度指标", "成本指标"]
    static let level2: Set<String> = ["数量指标", "质量指标", "时效指标", "经济成本指标", "社会成本指标", "生态环境成本指标", "经济效益指标",
                                      "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度", "服务对象满意度指标", "成本指标"]

    /// The lines of the block: from the title to the last table line after it.
    func extent() -> Int {
        var j = start + 1
        var lastTableLine = start
        while j < lines.count {
            let line = lines[j]
            let t = TextTools.trim(line)
            if t.isEmpty { j += 1; continue }
            if line.contains("\t") {
                if PerformanceParser.isTitle(line), j > lastTableLine, hasData(after: lastTableLine, before: j) { break }
                lastTableLine = j
                j += 1
                continue
            }
            // `（2024年度）` under the title, or the title printed twice.
            if TableParser.isMeta(t) || PerformanceParser.isTitle(line) && !hasData(after: start, before: j) {
                lastTableLine = j
                j += 1
                continue
            }
            break
        }
        return lastTableLine + 1
    }

    func hasData(after a: Int, before b: Int) -> Bool {
        guard a + 1 < b else { return false }
        return lines[(a + 1)..<b].contains { $0.contains("\t") && !PerformanceParser.isTitle($0) }
    }

    mutating func parse() -> (PerformanceOutput, Int) {
        let end = extent()
        var name: String?
        var out: [String] = []
        var indicators = 0
        var style: Style?
        var fundKeys: [String] = []
        var level1 = ""
        var level2 = ""
        var inIndicators = false
        var previousWasIndicator = false
        var statedRate: String?
        // The keys of the 资金 line, in the order of its figures: the `其中` lines below it follow them.
        var detailKeys: [String] = []
        var inGoals = false
        func hasExecutionLine(before end: Int) -> Bool {
            lines[start..<end].contains { TextTools.cells($0).first { !$0.isEmpty }.map(TextTools.squeeze) == "预算执行率" }
        }
        for index in start..<end {
            let line = lines[index]
            let t = TextTools.trim(line)
            if t.isEmpty { continue }
            let cells = TextTools.cells(line)
            let filled = cells.filter { !$0.isEmpty }
            let squeezed = filled.map { TextTools.squeeze($0) }
            func comment() { out.append("// " + t) }
            if index == start || !line.contains("\t") { comment(); continue }
            var converted: [String] = []
            // 项目名称, 主管部门, 实施单位 may share a line.
            for (k, key) in squeezed.enumerated() where k + 1 < filled.count {
                let value = TextTools.compact(filled[k + 1])
                switch key {
                case "项目名称":
                    if name == nil { name = value }
                case "主管部门":
                    converted.append("主管部门 " + TextTools.squeeze(value))
                case "实施单位", "实施主管单位", "实施主管单":
                    converted.append("实施单位 " + TextTools.squeeze(value))
                default: break
                }
            }
            if squeezed.contains("项目名称") || !converted.isEmpty {
                out.append("// " + t)
                out += converted
                continue
            }
            // The money, 2022+ layout: a heading line, then 年度资金总额 with the figures.
            if squeezed.contains(where: { $0.hasPrefix("年初预算数") }) {
                fundKeys = Array(squeezed.drop { !$0.hasPrefix("年初预算数") })
                comment()
                continue
            }
            if let at = squeezed.firstIndex(of: "年度资金总额"), !fundKeys.isEmpty {
                let values = Array(filled[(at + 1)...])
                out.append("// " + t)
                out += fundsLines(keys: fundKeys, values: values)
                detailKeys = fundKeys
                continue
            }
            // A source of the funds under the 资金 line (`政府预算资金`, `其中：财政资金`, `其他`).
            if !detailKeys.isEmpty, let part = fundPartLine(filled, keys: detailKeys) {
                out.append("// " + t)
                out.append(part)
                continue
            }
            detailKeys = []
            // The goals: `年度预期目标 / 具体完成情况 / 总体完成率(%)` (Hebei) or `预期目标 / 实际完成情况`.
            if squeezed.contains(where: { $0.contains("预期目标") }) && squeezed.contains(where: { $0.contains("完成情况") }) {
                inGoals = true
                comment()
                continue
            }
            if inGoals {
                if let goal = goalLine(filled) {
                    out.append("// " + t)
                    out.append(goal)
                    continue
                }
                inGoals = false
            }
            // The money, Hebei layout: 预算数 x 到位数 y 执行数 z [进度].
            if let at = squeezed.firstIndex(of: "预算数"), at + 1 < filled.count, TextTools.isNumber(filled[at + 1]) {
                var pairs: [(String, String)] = []
                var rate: String?
                var k = at
                while k < filled.count {
                    let key = squeezed[k]
                    if ["预算数", "到位数", "执行数"].contains(key), k + 1 < filled.count, TextTools.isNumber(filled[k + 1]) {
                        pairs.append((key == "预算数" ? "全年预算数" : key == "执行数" ? "全年执行数" : "到位数", filled[k + 1]))
                        k += 2
                    } else {
                        if key != "到位数", key != "执行数", TextTools.isNumber(filled[k]), pairs.contains(where: { $0.0 == "全年执行数" }) { rate = filled[k] }
                        k += 1
                    }
                }
                out.append("// " + t)
                out.append("资金 " + pairs.map { "\($0.0) \($0.1)" }.joined(separator: " "))
                detailKeys = pairs.map(\.0)
                // The published 预算执行进度 is the stated rate of the 执行率 line (checked by P604).
                if let rate {
                    if hasExecutionLine(before: end) { statedRate = rate } else { out.append("执行率 \(rate)%") }
                }
                continue
            }
            // The execution-rate line of the Hebei layout: 预算执行率 weight … score.
            if squeezed.first == "预算执行率" {
                let numbers = filled.map(PerformanceParser.rejoinNumber).filter { TextTools.isNumber($0) }
                out.append("// " + t)
                if numbers.count >= 2 {
                    out.append("执行率 " + (statedRate.map { "\($0)% " } ?? "") + "分值 \(numbers.first!) 得分 \(numbers.last!)")
                } else if let statedRate {
                    out.append("执行率 \(statedRate)%")
                }
                statedRate = nil
                continue
            }
            if squeezed.contains(where: { $0.hasPrefix("一级指") }) && squeezed.contains(where: { $0.hasPrefix("三级指") }) {
                style = squeezed.contains(where: { $0.contains("指标说明") }) ? .hebei : .standard
                inIndicators = true
                comment()
                continue
            }
            if let first = squeezed.first, first == "总分" || first == "自评总分" {
                let numbers = filled.filter { TextTools.isNumber($0) }
                out.append("// " + t)
                if numbers.count >= 2 {
                    out.append("总分 \(numbers[numbers.count - 2]) \(numbers.last!)")
                } else if let score = numbers.first {
                    out.append("总分 - \(score)")
                }
                inIndicators = false
                continue
            }
            if inIndicators, let style {
                if let indicator = indicatorLine(filled, style: style, level1: &level1, level2: &level2) {
                    out.append(indicator)
                    indicators += 1
                    previousWasIndicator = true
                    continue
                }
            }
            _ = previousWasIndicator
            comment()
        }
        let projectName = Scanner.singleLine(TextTools.squeeze(name ?? "")).isEmpty ? "未识别名称的项目\(ordinal)" : TextTools.compact(name!)
        return (PerformanceOutput(name: projectName, lines: out, indicators: indicators), end)
    }

    enum Style { case standard, hebei }

    /// `其中 <来源> <key> <value>…` from a line under the 资金 line: a source name (the same in each
    /// group of a Hebei line: `其中:财政资金 x 其中:财政资金 y …`), then one figure per key.
    func fundPartLine(_ filled: [String], keys: [String]) -> String? {
        guard let first = filled.first, !TextTools.isFigure(first) else { return nil }
        var names: [String] = []
        var values: [String] = []
        for cell in filled {
            if TextTools.isFigure(cell) { values.append(cell) } else { names.append(TextTools.squeeze(cell)) }
        }
        func strip(_ n: String) -> String {
            for prefix in ["其中：", "其中:"] where n.hasPrefix(prefix) { return String(n.dropFirst(prefix.count)) }
            return n
        }
        let name = strip(names[0])
        // Hebei: `其中:财政资金 4.0 0 其中:财政资金 4.0 …`: the first figure after each label, one per key.
        if names.count == keys.count, names.count >= 2, values.count > keys.count {
            values = []
            var wanted = false
            for cell in filled {
                if !TextTools.isFigure(cell) { wanted = true; continue }
                if wanted { values.append(cell); wanted = false }
            }
        }
        // Every label of the line names the same source (a later one may be cut short: `其中:财政`).
        guard !name.isEmpty, name.count <= 12, names.allSatisfy({ let n = strip($0); return name.hasPrefix(n) || n.hasPrefix(name) }),
              names.count == 1 || names.count == values.count, values.count == keys.count || values.count == keys.count - 1 && names.count == 1 else { return nil }
        guard !["年度资金总额", "预算执行率", "年度总体目标", "总体目标"].contains(name), !name.contains("目标"), !name.contains("指标") else { return nil }
        var fields: [String] = []
        for (k, key) in keys.enumerated() where k < values.count {
            let value = values[k]
            guard TextTools.isNumber(value) else { continue }
            switch key {
            case let key where key.hasPrefix("年初预算数"): fields.append("年初预算数 \(value)")
            case let key where key.hasPrefix("全年预算数"): fields.append("全年预算数 \(value)")
            case let key where key.hasPrefix("全年执行数"): fields.append("全年执行数 \(value)")
            case let key where key.hasPrefix("到位数"): fields.append("到位数 \(value)")
            case let key where key.hasPrefix("执行率"): fields.append("执行率 " + (value.hasSuffix("%") ? value : "\(value)%"))
            default: break
            }
        }
        guard !fields.isEmpty else { return nil }
        return "其中 \(name.replacingOccurrences(of: "/", with: "／")) " + fields.joined(separator: " ")
    }

    /// `年度目标 <goal> 完成情况 <what was done> 完成率 <rate>%` from a goal row; nil for any other row.
    func goalLine(_ filled: [String]) -> String? {
        var cells = filled
        if let first = cells.first, ["总体目标", "年度总体目标", "年度目标"].contains(TextTools.squeeze(first)) { cells.removeFirst() }
        var rate: String?
        if let last = cells.last, TextTools.isNumber(last) { rate = last; cells.removeLast() }
        guard !cells.isEmpty, cells.count <= 2, cells.allSatisfy({ !TextTools.isFigure($0) }) else { return nil }
        let words = cells.map { TextTools.trim($0) }
        // A cell holding a field word would be read as that field.
        guard !words.contains(where: { $0.split(separator: " ").contains { InnerKeyword.goalFields.contains(String($0)) } }), !words.contains(where: { $0.contains("//") }) else { return nil }
        var line = "年度目标 " + words[0]
        if words.count == 2 { line += " 完成情况 " + words[1] }
        if let rate { line += " 完成率 " + (rate.hasSuffix("%") ? rate : rate + "%") }
        return line
    }

    /// `资金 …` and `执行率 …` from the 2022+ money heading and its figures.
    func fundsLines(keys: [String], values: [String]) -> [String] {
        var funds: [String] = []
        var rate: [String] = []
        for (k, key) in keys.enumerated() where k < values.count && TextTools.isNumber(values[k]) {
            let value = values[k]
            switch key {
            case let key where key.hasPrefix("年初预算数"): funds.append("年初预算数 \(value)")
            case let key where key.hasPrefix("全年预算数"): funds.append("全年预算数 \(value)")
            case let key where key.hasPrefix("全年执行数"): funds.append("全年执行数 \(value)")
            case let key where key.hasPrefix("到位数"): funds.append("到位数 \(value)")
            case "分值": rate.append("分值 \(value)")
            case let key where key.hasPrefix("执行率"): rate.insert(value.hasSuffix("%") ? value : "\(value)%", at: 0)
            case "得分": rate.append("得分 \(value)")
            default: break
            }
        }
        var lines: [String] = []
        if !funds.isEmpty { lines.append("资金 " + funds.joined(separator: " ")) }
        if !rate.isEmpty { lines.append("执行率 " + rate.joined(separator: " ")) }
        return lines
    }

    /// The 二级 name a truncated cell starts (at least 4 characters, and not a whole name itself).
    static func level2Completion(_ s: String) -> String? {
        guard s.count >= 4, !level2.contains(s) else { return nil }
        return level2.filter { $0.hasPrefix(s) }.min { $0.count < $1.count || $0.count == $1.count && $0 < $1 }
    }

    static func isLevel1Prefix(_ s: String) -> String? {
        guard !s.isEmpty, s.count <= 2 else { return nil }
        return level1.first { $0.hasPrefix(s) }
    }

    /// One `指标` line from an indicator row, or nil when the row holds no scored indicator.
    func indicatorLine(_ filled: [String], style: Style, level1: inout String, level2: inout String) -> String? {
        var rest = filled.map(PerformanceParser.rejoinNumber)
        // A fragment of a heading cell split over lines (`情况`) before the 一级 / 二级 names.
        if rest.count >= 2 {
            let first = TextTools.squeeze(rest[0])
            let second = TextTools.squeeze(rest[1])
            let isLevel: (String) -> Bool = { PerformanceParser.level1.contains($0) || PerformanceParser.level2.contains($0) }
            if !isLevel(first), PerformanceParser.isLevel1Prefix(first) == nil, isLevel(second) { rest.removeFirst() }
        }
        // Leading 一级 / 二级 names (carried down when the printed cell is merged).
        var k = 0
        while k < rest.count {
            let c = TextTools.squeeze(rest[k])
            let next = k + 1 < rest.count ? TextTools.squeeze(rest[k + 1]) : ""
            if c == "成本指标" {
                if PerformanceParser.level2.contains(next) && next != "成本指标" || style == .standard || level1.isEmpty || level1 == "成本指标" {
                    level1 = c; level2 = ""
                } else {
                    level2 = c
                }
            } else if PerformanceParser.level1.contains(c) {
                level1 = c; level2 = ""
            } else if PerformanceParser.level2.contains(c) {
                level2 = c
            } else if let prefix = PerformanceParser.isLevel1Prefix(c) {
                level1 = prefix; level2 = ""
            } else if let full = PerformanceParser.level2Completion(c) {
                // A 二级 name cut by the cell width (`社会效益指`, `服务对象满`): the name it starts.
                level2 = full
            } else {
                break
            }
            k += 1
        }
        rest = Array(rest[k...])
        guard rest.count >= 4, !level1.isEmpty else { return nil }
        let third = TextTools.squeeze(rest[0]).replacingOccurrences(of: "/", with: "／")
        let path = [level1, level2.isEmpty ? level1 : level2, third].map { $0.replacingOccurrences(of: "/", with: "／") }.joined(separator: "/")
        switch style {
        case .standard:
            // 三级, 年度指标, 实际完成值, 分值, 得分, [偏差原因]
            guard rest.count >= 5, TextTools.isNumber(rest[3]), TextTools.isNumber(rest[4]) else { return nil }
            var line = "指标 \(path) 目标 \(PerformanceParser.target([rest[1]])) 实际 \(TextTools.squeeze(rest[2])) 分值 \(rest[3]) 得分 \(rest[4])"
            let reason = TextTools.compact(rest[5...].joined(separator: " "))
            if !reason.isEmpty { line += " 原因 " + reason }
            return line
        case .hebei:
            // 三级, [指标说明…], 分值[ 比较符], [比较符], 值, [单位], 实际, [完成], 得分
            guard let lastCell = rest.last else { return nil }
            // A row whose 得分 cell was left empty ends with its 完成 cell: kept, without a score.
            let scoreMissing = !TextTools.isNumber(lastCell) && ["完成", "未完成"].contains(TextTools.squeeze(lastCell))
            guard TextTools.isNumber(lastCell) || scoreMissing else { return nil }
            let scoreText: String? = scoreMissing ? nil : lastCell
            var body = scoreMissing ? rest : Array(rest.dropLast())
            var status: String?
            if let last = body.last.map({ TextTools.squeeze($0) }), last == "完成" || last == "未完成" {
                status = last
                body.removeLast()
            }
            guard let weightIndex = body.indices.dropFirst().first(where: { PerformanceParser.weightCell(body[$0]) != nil }) else { return nil }
            let (weight, inlineComparator) = PerformanceParser.weightCell(body[weightIndex])!
            let notes = body[1..<weightIndex].map { TextTools.compact($0) }
            var middle = Array(body[(weightIndex + 1)...])
            guard let actual = middle.popLast() else { return nil }
            var targetCells = middle
            if let inlineComparator { targetCells.insert(inlineComparator, at: 0) }
            var line = "指标 \(path)"
            let target = PerformanceParser.target(targetCells)
            if !target.isEmpty { line += " 目标 \(target)" }
            line += " 实际 \(TextTools.squeeze(actual)) 分值 \(weight)" + (scoreText.map { " 得分 \($0)" } ?? "")
            if let status { line += " 完成 \(status)" }
            if !notes.isEmpty { line += "  // 指标说明：" + notes.joined(separator: " ") }
            return line
        }
    }

    /// A figure broken by a blank in extraction (`8.48 4163` → `8.484163`): the digits are kept, the blank dropped.
    static func rejoinNumber(_ cell: String) -> String {
        guard cell.range(of: #"^\d+\.\d+ \d+$"#, options: .regularExpression) != nil else { return cell }
        return cell.replacingOccurrences(of: " ", with: "")
    }

    /// `5.00`, `5.00 ≥`: the weight and an inline comparator.
    static func weightCell(_ cell: String) -> (String, String?)? {
        let parts = cell.split(whereSeparator: { TextTools.isBlank($0) }).map(String.init)
        guard let first = parts.first, TextTools.isNumber(first), !first.hasSuffix("%") else { return nil }
        if parts.count == 1 { return (first, nil) }
        if parts.count == 2, comparators.contains(parts[1]) { return (first, parts[1]) }
        return nil
    }

    static let comparators: Set<String> = ["=", "＝", ">=", "<=", "≥", "≤", ">", "<", "＞", "＜"]

    /// A target as one word: `= 100%` → `=100%`, `>= 4000 人次` → `≥4000人次`, `$\geq 96\%$` → `≥96%`.
    static func target(_ cells: [String]) -> String {
        var text = cells.map { TextTools.squeeze($0) }.filter { $0 != "文字描述" && $0 != "定性" && $0 != "定量" }.joined()
        for (from, to) in [("$", ""), ("\\geq", "≥"), ("\\leq", "≤"), ("\\%", "%"), (">=", "≥"), ("<=", "≤"), ("\\", "")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return text
    }
}

/// The 部门整体支出绩效自评表 printed one cell a line (the seeds' annex): the funds
/// (`资金总额 / 财政拨款 / 年初结转结余资金 …` then their figures) become a custom table whose columns
/// line states that 资金总额 is the sum of the others; the indicator rows (name, comparator, value,
/// unit, weight, actual) a second one. Every other cell is kept as a comment.
enum DepartmentWideParser {
    static func isTitle(_ line: String) -> Bool {
        guard !line.contains("\t") else { return false }
        let c = TextTools.squeeze(line)
        return c.contains("部门整体") && c.hasSuffix("自评表") && c.count <= 40
    }

    /// The cells from the line after the title to the end of the run of tab-separated lines.
    static func cells(_ lines: [String], after start: Int) -> ([String], Int) {
        var j = start + 1
        var cells: [String] = []
        var lastTab = start
        while j < lines.count {
            let t = TextTools.trim(lines[j])
            if t.isEmpty { j += 1; continue }
            // Tab-separated, or (PDF text) indented under the title's margin.
            // A later page may be set at the margin: a short cell that is no heading still belongs.
            let indented = lines[j].first.map(TextTools.isBlank) ?? false
            let shortCell = TextTools.width(t) <= 40 && !Scanner.isHeading(t, lines[j]) && !TextTools.isPartHeading(t)
            guard lines[j].contains("\t") || indented || shortCell else { break }
            cells += TextTools.cells(lines[j]).filter { !$0.isEmpty }
            lastTab = j
            j += 1
        }
        return (cells, lastTab + 1)
    }

    static func parse(_ lines: [String], start: Int, firstID: Int, title: String) -> ([TableOutput], Int)? {
        let (cells, end) = cells(lines, after: start)
        guard let total = cells.firstIndex(where: { TextTools.squeeze($0) == "资金总额" }) else { return nil }
        var names: [String] = []
        var k = total
        while k < cells.count, !TextTools.isFigure(cells[k]) { names.append(TextTools.squeeze(cells[k])); k += 1 }
        var figures: [String] = []
        while k < cells.count, figures.count < names.count, TextTools.isNumber(cells[k]) { figures.append(cells[k]); k += 1 }
        guard names.count >= 2, figures.count == names.count else { return nil }
        let fundsEnd = k
        var funds = TableOutput(id: "附表\(firstID)", title: TextTools.compact(title) + "（资金）")
        funds.columns = names
        // The funds total is the sum of its parts (domain-rules SE-9).
        funds.relation = "\(names[0]) = " + names.dropFirst().joined(separator: " + ")
        let label = total > 0 && !TextTools.isFigure(cells[total - 1]) ? TextTools.squeeze(cells[total - 1]) : "年度资金"
        funds.leadingComments = cells[..<total].dropLast(label == "年度资金" ? 0 : 1).map { "// " + $0 }
        funds.body = [TableParser.rowText(code: nil, label: label, figures: figures)]
        funds.rowCount = 1
        var indicators = TableOutput(id: "附表\(firstID + 1)", title: TextTools.compact(title) + "（指标）")
        indicators.columns = ["指标值", "权重", "实际完成值"]
        var level1 = ""
        var level2 = ""
        let rest = Array(cells[fundsEnd...])
        var body: [String] = []
        var used: Set<String> = []
        var i = 0
        while i < rest.count {
            let c = TextTools.squeeze(rest[i])
            if PerformanceParser.level1.contains(c) { level1 = c; level2 = ""; body.append("// " + rest[i]); i += 1; continue }
            // A level-2 name followed by a comparator is an indicator named like its level (服务对象满意度 ≥ 95).
            let isRowName = i + 1 < rest.count && PerformanceParser.comparators.contains(TextTools.squeeze(rest[i + 1]))
            if !isRowName, PerformanceParser.level2.contains(c) || c.hasSuffix("效益指标") || c.hasSuffix("指标") && c.count <= 8 { level2 = c; body.append("// " + rest[i]); i += 1; continue }
            // name, comparator, value, unit, weight, actual
            if i + 5 < rest.count, PerformanceParser.comparators.contains(TextTools.squeeze(rest[i + 1])), TextTools.isNumber(rest[i + 2]),
               !TextTools.isFigure(rest[i + 3]), TextTools.isNumber(rest[i + 4]), TextTools.isFigure(rest[i + 5]) {
                var path = [level1, level2, c].filter { !$0.isEmpty }.joined(separator: "/")
                // A row printed twice stays, under a name of its own (a custom table's rows are unique).
                var n = 2
                let base = path
                while used.contains(path) { path = base + "（第\(n)次）"; n += 1 }
                used.insert(path)
                body.append(TableParser.rowText(code: nil, label: path, figures: [rest[i + 2], rest[i + 4], rest[i + 5]]) + "  // 指标值 \(TextTools.squeeze(rest[i + 1]))\(rest[i + 2])\(TextTools.squeeze(rest[i + 3]))")
                indicators.rowCount += 1
                i += 6
                continue
            }
            // A qualitative row (`提升 定性`), one whose value is a text (`全县居民参保人数 个`) or whose
            // actual is a word (`高`):
            // its weight still counts towards the table's 100 (domain-rules SE-1), so it stays,
            // with the texts as `-` and in the comment.
            if i + 5 < rest.count, PerformanceParser.comparators.contains(TextTools.squeeze(rest[i + 1])), !rest[i + 2].isEmpty,
               !TextTools.isFigure(rest[i + 3]), TextTools.isNumber(rest[i + 4]), !PerformanceParser.comparators.contains(TextTools.squeeze(rest[i + 5])) {
                var path = [level1, level2, c].filter { !$0.isEmpty }.joined(separator: "/")
                var n = 2
                let base = path
                while used.contains(path) { path = base + "（第\(n)次）"; n += 1 }
                used.insert(path)
                let value = TextTools.isNumber(rest[i + 2]) ? rest[i + 2] : "-"
                let actual = TextTools.isFigure(rest[i + 5]) ? rest[i + 5] : "-"
                body.append(TableParser.rowText(code: nil, label: path, figures: [value, rest[i + 4], actual]) + "  // 指标值 \(TextTools.squeeze(rest[i + 1]))\(TextTools.squeeze(rest[i + 2]))（\(TextTools.squeeze(rest[i + 3]))），实际完成值 \(TextTools.squeeze(rest[i + 5]))")
                indicators.rowCount += 1
                i += 6
                continue
            }
            body.append("// " + rest[i])
            i += 1
        }
        indicators.body = body
        if indicators.rowCount == 0 {
            funds.trailingComments = body
            return ([funds], end)
        }
        return ([funds, indicators], end)
    }
}
