import JuesuanCatalogue
import JuesuanSyntax

/// Generates consistent reports (every identity holds exactly) for tests and benchmarks.
/// Deterministic: the same seed gives the same text.
public struct ReportGenerator {
    var random: SplitMix64
    let catalogue = Catalogue.embedded

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// A money figure in cents, 0.00 … `maximum`.
    mutating func cents(_ maximum: Int) -> Int { Int(random.next() % UInt64(maximum + 1)) }

    static func money(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Picks `count` distinct children of `code` from the catalogue, in code order.
    mutating func pick(_ count: Int, childrenOf code: String, kind: ClassificationKind = .functional) -> [CatalogueEntry] {
        let children = catalogue.children(of: code, kind: kind)
        guard !children.isEmpty else { return [] }
        var chosen = Set<Int>()
        while chosen.count < min(count, children.count) { chosen.insert(Int(random.next() % UInt64(children.count))) }
        return chosen.sorted().map { children[$0] }
    }

    /// Functional code rows (类 › 款 › 项) with `columns` columns whose first column is the sum of
    /// the others; returns the rows (code, name, cents per column) in code order.
    mutating func functionalRows(categories: Int, columns: Int) -> [(String, String, [Int])] {
        var rows: [(String, String, [Int])] = []
        for category in pick(categories, childrenOf: "") {
            let categoryIndex = rows.count
            rows.append((category.code, category.name, []))
            var categorySums = Array(repeating: 0, count: columns)
            for section in pick(2, childrenOf: category.code) {
                let sectionIndex = rows.count
                rows.append((section.code, section.name, []))
                var sectionSums = Array(repeating: 0, count: columns)
                for item in pick(3, childrenOf: section.code) {
                    var parts = (1..<columns).map { _ in cents(5_000_000) }
                    parts.insert(parts.reduce(0, +), at: 0)
                    rows.append((item.code, item.name, parts))
                    for k in 0..<columns { sectionSums[k] += parts[k] }
                }
                rows[sectionIndex].2 = sectionSums
                for k in 0..<columns { categorySums[k] += sectionSums[k] }
            }
            rows[categoryIndex].2 = categorySums
        }
        return rows
    }

    /// `total` split into `parts` non-negative amounts that add up to it exactly.
    mutating func splitCents(_ total: Int, into parts: Int) -> [Int] {
        guard parts > 1 else { return [total] }
        var cuts = (0..<(parts - 1)).map { _ in total == 0 ? 0 : Int(random.next() % UInt64(total + 1)) }.sorted()
        cuts.insert(0, at: 0)
        cuts.append(total)
        return (0..<parts).map { cuts[$0 + 1] - cuts[$0] }
    }

    static func line(_ code: String, _ name: String, _ cells: [Int]) -> String {
        ([code, name].filter { !$0.isEmpty } + cells.map(money)).joined(separator: "  ")
    }

    /// A full consistent report: header, 公开01, 02, 03, 05, 06, 09, 10, prose, glossary.
    public mutating func standardReport(year: Int = 2024) -> String {
        var out = ["部门 示例县第\(random.next() % 100)局", "年度 \(year)", "单位 万元", ""]
        let expenditure = functionalRows(categories: 4, columns: 3) // 本年支出合计, 基本支出, 项目支出
        let categories = expenditure.filter { $0.0.count == 3 }
        let total = categories.reduce(into: [0, 0, 0]) { sums, row in for k in 0..<3 { sums[k] += row.2[k] } }
        let opening = cents(100_000)
        let otherIncome = cents(100_000)
        let grant = total[0] - otherIncome + cents(50_000)
        let income = grant + otherIncome
        let closing = income + opening - total[0]
        out += ["表 公开01 收入支出决算总表", "收入",
                Self.line("", "一、一般公共预算财政拨款收入", [grant]),
                Self.line("", "八、其他收入", [otherIncome]),
                Self.line("", "本年收入合计", [income]),
                Self.line("", "年初结转和结余", [opening]),
                Self.line("", "总计", [income + opening]), "支出"]
        out += categories.map { Self.line("", $0.1, [$0.2[0]]) }
        out += [Self.line("", "本年支出合计", [total[0]]), Self.line("", "年末结转和结余", [closing]),
                Self.line("", "总计", [total[0] + closing]), ""]
        out += ["表 公开03 支出决算表", Self.line("", "合计", total)]
        out += expenditure.map { Self.line($0.0, $0.1, $0.2) }
        out += ["", "表 公开05 一般公共预算财政拨款支出决算表", Self.line("", "合计", total)]
        out += expenditure.map { Self.line($0.0, $0.1, $0.2) }
        // 公开06: economic classes with their 款.
        var personnel = 0
        var publicExpense = 0
        out += ["", "表 公开06 一般公共预算财政拨款基本支出决算表"]
        // The classes share out 公开05's 基本支出 exactly (X405).
        let shares = splitCents(total[1], into: 3)
        for (classCode, share) in zip(["301", "303", "302"], shares) {
            guard let entry = catalogue.entry(code: classCode, kind: .economic) else { continue }
            // Lines with a functional counterpart (30108 ≈ 2080505, 30113 ≈ 2210201: X409) would
            // need 公开05's figure; random figures there are no consistent report.
            let picked = pick(4, childrenOf: classCode, kind: .economic)
            let plain = picked.filter { !["30108", "30109", "30113"].contains($0.code) }
            let children = plain.isEmpty ? picked : plain
            let items = zip(children, splitCents(share, into: children.count)).map { ($0, $1) }
            let sum = items.reduce(0) { $0 + $1.1 }
            out.append(Self.line(classCode, entry.name, [sum]))
            out += items.map { Self.line($0.0.code, $0.0.name, [$0.1]) }
            if classCode == "302" { publicExpense += sum } else { personnel += sum }
        }
        out += [Self.line("", "人员经费合计", [personnel]), Self.line("", "公用经费合计", [publicExpense]), ""]
        let abroad = cents(10_000), purchase = cents(10_000), running = cents(10_000), domestic = cents(10_000)
        out += ["表 公开09 财政拨款“三公”经费支出决算表", "列 决算数",
                Self.line("", "合计", [abroad + purchase + running + domestic]),
                Self.line("", "1.因公出国（境）费", [abroad]),
                Self.line("", "2.公务用车购置及运行维护费", [purchase + running]),
                Self.line("", "（1）公务用车购置费", [purchase]),
                Self.line("", "（2）公务用车运行维护费", [running]),
                Self.line("", "3.公务接待费", [domestic]),
                Self.line("", "（1）国内接待费", [domestic]),
                Self.line("", "其中：外事接待费", [domestic / 2]),
                "国内公务接待批次  \(random.next() % 20)", ""]
        let vehicles = (0..<8).map { _ in Int(random.next() % 4) }
        let vehicleNames = ["副部（省）级及以上领导用车", "主要负责人用车", "机要通信用车", "应急保障用车", "执法执勤用车",
                            "特种专业技术用车", "离退休干部服务用车", "其他用车"]
        out += ["表 公开10 国有资产占用情况表", "车辆数合计  \(vehicles.reduce(0, +))"]
        out += zip(vehicleNames, vehicles).map { "\($0)  \($1)" }
        out += ["", "说明 一、收入支出决算总体情况说明",
                "本部门\(year)年度收入总计\(Self.money(income + opening))万元，支出总计\(Self.money(total[0] + closing))万元。",
                "", "名词解释", "基本支出：为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
                "项目支出：在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。", ""]
        return out.joined(separator: "\n")
    }

    /// A standard report followed by one consistent table of every functional 类/款/项 of the
    /// catalogue (about 1,600 rows, as in the LSP benchmark's report), with a `其中` line and a
    /// comment among its rows: the large table a row-level re-check is for. `tables` such tables,
    /// each with figures of its own.
    public mutating func bigTableReport(tables: Int = 1) -> String {
        var text = standardReport()
        for number in 1...tables { text += "\n" + bigTable(number: number) + "\n" }
        return text + "\n说明 附表说明\n本表列示各项目支出。\n"
    }

    mutating func bigTable(number: Int) -> String {
        var rows: [(String, String, [Int])] = []
        var totals = [0, 0, 0]
        for category in catalogue.children(of: "", kind: .functional) {
            let categoryIndex = rows.count
            rows.append((category.code, category.name, [0, 0, 0]))
            for section in catalogue.children(of: category.code, kind: .functional) {
                let sectionIndex = rows.count
                rows.append((section.code, section.name, [0, 0, 0]))
                let items = catalogue.children(of: section.code, kind: .functional)
                for item in items {
                    let basic = cents(5_000), project = cents(5_000)
                    rows.append((item.code, item.name, [basic + project, basic, project]))
                    for k in 0..<3 { rows[sectionIndex].2[k] += rows[rows.count - 1].2[k] }
                }
                if items.isEmpty {
                    let basic = cents(5_000)
                    rows[sectionIndex].2 = [basic, basic, 0]
                }
                for k in 0..<3 { rows[categoryIndex].2[k] += rows[sectionIndex].2[k] }
            }
            for k in 0..<3 { totals[k] += rows[categoryIndex].2[k] }
        }
        var lines = ["表 附表\(number) 分项目支出明细", "列 合计 基本支出 项目支出 ; 合计 = 基本支出 + 项目支出", Self.line("", "合计", totals)]
        for (index, row) in rows.enumerated() {
            lines.append(Self.line(row.0, row.1, row.2))
            if index == 40 { lines.append(Self.line("", "其中：信息化支出", [row.2[0] / 3])) }
            if index == 200 { lines.append("// 以下为第二部分") }
        }
        return lines.joined(separator: "\n")
    }

    /// A large consistent report: a standard report followed by custom detail tables until the
    /// text has at least `minimumLines` lines.
    /// With `prose`, each detail table is followed by a 说明 about its totals, in the phrasings
    /// of `ProseGenerator`.
    public mutating func largeReport(minimumLines: Int, prose: Bool = false) -> String {
        var text = standardReport()
        var writer = ProseGenerator(seed: random.next())
        var lineCount = text.utf8.lazy.filter { $0 == 0x0A }.count
        var tableNumber = 1
        var chunks: [String] = [text]
        while lineCount < minimumLines {
            let rows = functionalRows(categories: 3, columns: 3)
            var table = ["表 明细\(tableNumber) 支出明细表", "列 合计 基本支出 项目支出 ; 合计 = 基本支出 + 项目支出"]
            table += rows.map { Self.line($0.0, $0.1, $0.2) }
            table.append("")
            if prose {
                let totals = rows.filter { $0.0.count == 3 }.reduce(into: [0, 0, 0]) { sums, row in for k in 0..<3 { sums[k] += row.2[k] } }
                table += ["说明 明细\(tableNumber) 支出情况", writer.expenditureNote(basic: totals[1], project: totals[2]), ""]
            }
            lineCount += table.count
            chunks.append(table.joined(separator: "\n"))
            tableNumber += 1
        }
        text = chunks.joined(separator: "\n")
        return text
    }
}

/// A small, fast, seedable generator (SplitMix64), so generated reports are reproducible.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
