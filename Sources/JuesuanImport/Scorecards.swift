import Foundation

/// Section scorecards written as prose (domain-rules SE-9): `一、基础工作（总分16分，总得分16分）`, then
/// the items `（一）、组织保障，…该项得 3 分；（二）…`. The prose stays as published; after the last
/// section the importer adds what the checks read: a `绩效` block with one `指标` line per section
/// (分值 = the section's 总分, 得分 = its 总得分) and the stated overall score as `总分` (P603: Σ section
/// scores), and one custom table per section whose rows are the item scores and whose 合计 is the
/// section's score (A202: Σ item scores).
enum ScorecardBuilder {
    /// The start of the comment that marks a derived block.
    static let derivedMark = "// 由上文"

    struct Section {
        var name: String
        var maximum: String
        var score: String
        var items: [(label: String, score: String)]
    }

    static let sectionPattern = #"^[一二三四五六七八九十]+、\s*(.+?)\s*[（(]\s*总分(?:为)?\s*(\d+(?:\.\d+)?)\s*分\s*[，,]\s*(?:总)?得分(?:为)?\s*(\d+(?:\.\d+)?)\s*分\s*[）)]\s*$"#

    static func section(title: String) -> (String, String, String)? {
        guard let regex = try? NSRegularExpression(pattern: sectionPattern) else { return nil }
        let ns = title as NSString
        guard let m = regex.firstMatch(in: title, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (ns.substring(with: m.range(at: 1)), ns.substring(with: m.range(at: 2)), ns.substring(with: m.range(at: 3)))
    }

    /// The items of a section's prose: each `（一）…` up to the next, its name up to the first mark,
    /// its score the last `该项得…分` in it. nil when an item has no score (the sum could not hold).
    static func items(_ text: String) -> [(label: String, score: String)]? {
        guard let marker = try? NSRegularExpression(pattern: #"[（(]([一二三四五六七八九十]+)[）)]、?"#),
              let scored = try? NSRegularExpression(pattern: #"该项得(?:分为|分)?\s*(\d+(?:\.\d+)?)\s*分"#) else { return nil }
        let ns = text as NSString
        let markers = marker.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !markers.isEmpty else { return nil }
        var result: [(label: String, score: String)] = []
        for (k, m) in markers.enumerated() {
            let end = k + 1 < markers.count ? markers[k + 1].range.location : ns.length
            let piece = ns.substring(with: NSRange(location: m.range.location + m.range.length, length: end - m.range.location - m.range.length))
            let ordinal = "（" + ns.substring(with: m.range(at: 1)) + "）"
            // The name: up to the first mark, CJK only, at most 12 characters.
            let name = String(piece.prefix { !"，,。；;：:（(".contains($0) && TextTools.isWide($0) }.prefix(12))
            let scores = scored.matches(in: piece, range: NSRange(location: 0, length: (piece as NSString).length))
            guard let last = scores.last, !name.isEmpty else { return nil }
            result.append((ordinal + name, (piece as NSString).substring(with: last.range(at: 1))))
        }
        return result
    }

    /// The stated overall score (`总体评分为 98 分`) and the name of the scorecard (`《…考核评分表》`).
    static func overall(_ lines: [String]) -> (score: String?, name: String?) {
        var score: String?
        var name: String?
        for line in lines {
            if score == nil, let r = line.range(of: #"总体评分为\s*\d+(?:\.\d+)?\s*分"#, options: .regularExpression) {
                score = String(line[r].filter { $0.isNumber || $0 == "." })
            }
            if name == nil, let r = line.range(of: #"《[^》]*评分表》"#, options: .regularExpression) {
                name = String(line[r].dropFirst().dropLast())
            }
        }
        return (score, name)
    }

    /// The blocks with the derived scorecard blocks added after each run of scored sections.
    static func derive(_ blocks: [OutputBlock], usedTableIDs: inout Set<String>) -> ([OutputBlock], [TableOutput], PerformanceOutput?) {
        var out: [OutputBlock] = []
        var sections: [Section] = []
        var before: [String] = []
        var tables: [TableOutput] = []
        var performance: PerformanceOutput?
        func flush() {
            guard sections.count >= 2 else { sections = []; return }
            let (score, name) = overall(before)
            var lines = ["// 由上文各部分的评分整理：分值为各部分总分，得分为各部分总得分（原文见上面的说明）"]
            for section in sections { lines.append("指标 \(section.name.replacingOccurrences(of: " ", with: "")) 分值 \(section.maximum) 得分 \(section.score)") }
            if let score { lines.append("总分 - \(score)") }
            let perf = PerformanceOutput(name: name ?? "部门绩效管理工作考核", lines: lines, indicators: sections.count)
            out.append(.performance(perf))
            performance = perf
            for section in sections where !section.items.isEmpty {
                var k = 1
                while usedTableIDs.contains("评分\(k)") { k += 1 }
                usedTableIDs.insert("评分\(k)")
                var table = TableOutput(id: "评分\(k)", title: section.name + "得分构成")
                table.columns = ["得分"]
                table.leadingComments = ["// 由上文“\(section.name)”各项的“该项得…分”整理，合计为该部分的总得分"]
                table.body = section.items.map { "\($0.label) \($0.score)" } + ["合计 \(section.score)"]
                table.rowCount = table.body.count
                out.append(.table(table))
                tables.append(table)
            }
            sections = []
        }
        for block in blocks {
            if case .narrative(let title, let lines) = block, let title, let (name, maximum, score) = section(title: title) {
                out.append(block)
                let text = lines.filter { !$0.hasPrefix("//") }.joined()
                sections.append(Section(name: name, maximum: maximum, score: score, items: items(text) ?? []))
                continue
            }
            flush()
            if case .narrative(_, let lines) = block { before += lines }
            out.append(block)
        }
        flush()
        return (out, tables, performance)
    }
}
