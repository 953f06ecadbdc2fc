import JuesuanModel
import JuesuanSyntax

/// P617 (warning, domain-rules §7 S1-7 and S1-2): the goals the narrative states for a project
/// (`项目绩效目标完成情况：1、通过…；2、…`) and the 年度目标 of the project's `绩效` block are two
/// statements of one fact, and are different texts: one of them belongs to another project.
///
/// Narratives copy the goals from the table, sometimes shortened or reworded, so the two are
/// compared by the words they share (pairs of Han characters, without the template's words
/// 通过, 工作, 开展, 促进, 实现…), as a share of the shorter text: seed 001 gives 0.85–1.00 for
/// 17 projects and 0.24 and 0.10 for the two whose table is another project's. Below 0.4 the
/// texts differ. A text of fewer than 8 such pairs is not judged. Which of the two is wrong
/// is said only when one shares a word with the project's name and the other none.
enum ProjectGoalCheck: ReportCheck {
    static let rules = [Rule("P617", .warning, "说明所写项目绩效目标与其“绩效”表的年度目标不是同一内容")]

    static let heads = ["绩效目标完成情况", "绩效目标实现情况", "绩效目标完成情况如下"]
    static let ends = ["未发现问题", "存在的问题", "存在问题", "发现的问题", "发现问题"]
    static let templateWords: Set<String> = ["通过", "工作", "开展", "促进", "实现", "提高", "保证", "达到", "进一", "一步", "以上", "完成", "目标",
                                             "项目", "年度", "有效", "进行", "情况"]
    static let threshold = DecimalNumber(mantissa: 4, scale: 1)

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let report = context.report
        let projects = context.performanceProjects.filter { !$0.goals.isEmpty && ProjectNarrativeCheck.key($0.name).count >= 4 }
        guard !projects.isEmpty else { return [] }
        var byKey: [String: [Int]] = [:]
        var keys: [String] = []
        for (index, project) in projects.enumerated() {
            let name = ProjectNarrativeCheck.key(project.name)
            if byKey[name] == nil { keys.append(name) }
            byKey[name, default: []].append(index)
        }
        let matcher = NameMatcher(keys)
        // The spans every hygiene rule reads (made once per analysis, from the prose document).
        let text = context.hygieneText
        var findings: [Diagnostic] = []
        for (index, span) in text.spans.enumerated() where span.kind == .prose {
            guard let (start, end) = statedGoals(span) else { continue }
            let said = pairs(span.string(start, end))
            guard said.count >= 8 else { continue }
            // The project: named in the line, else in the lines just before it in the same block.
            var named: String?
            for back in 0...3 {
                let k = index - back
                guard k >= 0, text.spans[k].kind == .prose || text.spans[k].kind == .title, text.spans[k].block == span.block else { break }
                let line = text.spans[k]
                let found = matcher.names(in: ProjectNarrativeCheck.key(line.string(0, back == 0 ? start : line.count))).map { keys[$0] }
                let longest = found.filter { name in !found.contains { $0 != name && $0.contains(name) } }
                if longest.count == 1 { named = longest[0]; break }
                if longest.count > 1 { break }
            }
            guard let name = named, let candidates = byKey[name] else { continue }
            // Blocks sharing the name: the goals differ only when they differ from every one.
            var best: (project: PerformanceProject, tabled: Set<String>, share: DecimalNumber)?
            for candidate in candidates {
                let project = projects[candidate]
                let tabled = pairs(project.goals.map { goalText($0, report.source) }.joined())
                guard tabled.count >= 8 else { best = nil; break }
                let share = DecimalNumber(said.intersection(tabled).count).divided(by: DecimalNumber(min(said.count, tabled.count)), scale: 2) ?? .zero
                if best == nil || share > best!.share { best = (project, tabled, share) }
            }
            guard let (project, tabled, share) = best, share < threshold, let goalToken = project.goals.first?.goal else { continue }
            let nameWords = pairs(project.name)
            let saidShares = !said.intersection(nameWords).isEmpty, tabledShares = !tabled.intersection(nameWords).isEmpty
            let narrativeRange = span.range(start, end)
            let shared = said.intersection(tabled).count
            let shorter = min(said.count, tabled.count)
            let percent = (DecimalNumber(shared * 100).divided(by: DecimalNumber(shorter), scale: 0) ?? .zero).description
            var message = "说明所写「\(project.name)」的绩效目标与其绩效表的年度目标不是同一内容：两处共有的词语 \(shared) 组，只占较短一方 \(shorter) 组的 \(percent)%（照录或改写的目标应在 40% 以上）；同一项目的目标只应有一种"
            var range = narrativeRange
            var related = RelatedLocation(range: goalToken.range, message: "绩效表的年度目标")
            if saidShares && !tabledShares {
                message += "；绩效表的年度目标与项目名称没有共同的词，而说明中的有：疑为其他项目的自评表内容"
                range = goalToken.range
                related = RelatedLocation(range: narrativeRange, message: "说明中的绩效目标")
            } else if tabledShares && !saidShares {
                message += "；说明中的目标与项目名称没有共同的词，而绩效表的有：疑为照抄了其他项目的目标"
            }
            findings.append(Diagnostic(code: "P617", severity: .warning, range: range, message: message, related: [related]))
        }
        return findings
    }

    /// The goals after `绩效目标完成情况：`, up to `未发现问题` or the end of the line.
    static func statedGoals(_ span: TextSpan) -> (Int, Int)? {
        for i in 0..<span.count {
            guard let head = span.hasAny(heads, at: i) else { continue }
            var start = span.skipBlanks(from: i + head.unicodeScalars.count)
            guard let mark = span[start], mark == "：" || mark == ":" else { continue }
            start = span.skipBlanks(from: start + 1)
            var end = span.count
            for k in start..<span.count where span.hasAny(ends, at: k) != nil { end = k; break }
            return start < end ? (start, end) : nil
        }
        return nil
    }

    /// A `年度目标` line's goal: the text before its `完成情况` / `完成率`.
    static func goalText(_ goal: PerformanceGoal, _ source: SourceText) -> String {
        var line = source.lineString(goal.line)
        if let head = line.range(of: "年度目标") { line = String(line[head.upperBound...]) }
        for field in [" 完成情况", " 完成率"] { if let cut = line.range(of: field) { line = String(line[..<cut.lowerBound]) } }
        return line
    }

    /// Pairs of adjacent Han characters, particles and numerals left out, the template's words aside.
    static func pairs(_ text: String) -> Set<String> {
        let han = text.unicodeScalars.filter { Scalars.isHan($0) && !"的了和及是一二三四五".unicodeScalars.contains($0) }
        var found: Set<String> = []
        var previous: Unicode.Scalar?
        for scalar in han {
            if let previous {
                var pair = String.UnicodeScalarView()
                pair.append(previous)
                pair.append(scalar)
                let word = String(pair)
                if !templateWords.contains(word) { found.insert(word) }
            }
            previous = scalar
        }
        return found
    }
}
