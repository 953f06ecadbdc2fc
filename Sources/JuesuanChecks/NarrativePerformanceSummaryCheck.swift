import JuesuanModel
import JuesuanSyntax

/// N520 (domain-rules N-13): the summary of the projects' self-evaluation against the `绩效`
/// blocks. Where a paragraph counts as many projects as the report has blocks (`对3个项目开展
/// 了绩效自评`), the blocks are those projects: its average score (`自评平均分97.55分`) is the
/// mean of their 总分 and its counts of a grade (`评为“优”的2个`) are the blocks of that grade.
/// The paragraphs after it in its section are judged as it is. A paragraph counting another
/// number of projects speaks of projects some of which are not published as blocks: it is not
/// judged, nor are those after it in its section.
enum NarrativePerformanceSummaryCheck {
    static let rules = [Rule("N520", .error, "绩效自评概述中的平均分或各等级项目个数与“绩效”表不符")]

    static func run(_ reading: inout ProseReading, projects: [PerformanceProject]) {
        guard projects.count >= 2 else { return }
        let scores = projects.compactMap { $0.totalScore?.value }
        let claims = reading.claims
        let blocks = DecimalNumber(projects.count)
        // Whether the last paragraph of a section that counted projects counted the blocks: the
        // paragraphs after it in the section speak of those projects (`对4个项目开展了绩效自评。⏎
        // 3个项目为“优”，1个项目为“良”，平均得分92.11分。`).
        var counted: (section: Int, blocks: Bool)?
        for paragraph in reading.prose.paragraphs {
            // Every count of projects in the paragraph is the number of blocks (`共涉及项目18个…；
            // 对政府性基金预算项目2个…` speaks of 18 projects, whatever the second count).
            let counts = paragraph.claims.filter { isProjectCount(claims[$0]) }
            if !counts.isEmpty { counted = (paragraph.section, counts.allSatisfy({ claims[$0].value == blocks })) }
            guard let counted, counted.section == paragraph.section, counted.blocks else { continue }
            // The counts of each grade, if any, are of all the projects: each is judged, whether or
            // not the others are written (a count moved from the blocks' no longer adds up to them).
            for index in paragraph.claims where !claims[index].isEcho {
                let claim = claims[index]
                if claim.kind == .score, claim.label.utf8Contains("平均"), scores.count == projects.count {
                    average(index, of: scores, &reading)
                } else if claim.kind == .count, let grade = NarrativeCountCheck.grade(claim) {
                    gradeCount(index, grade: grade, projects: projects, &reading)
                }
            }
        }
    }

    /// `3个项目`, `项目3个`: a count of projects, not of a grade's.
    static func isProjectCount(_ claim: Claim) -> Bool {
        guard claim.kind == .count, !claim.isEcho, case .count(let unit)? = claim.unit, unit == "个" || unit == "项",
              NarrativeCountCheck.grade(claim) == nil else { return false }
        if claim.followingWords.hasPrefix("项目") || claim.label.hasSuffix("项目") { return true }
        // `5个一般公共预算项目`, `3个重点项目`: 项目 after a few words of what projects, no mark between.
        let following = claim.followingWords.prefix(14)
        guard let end = following.range(of: "项目")?.lowerBound else { return false }
        return !following[..<end].contains { "，,；;。、：:（(“\"的和与及".contains($0) || ($0.isASCII && $0.isNumber) }
    }

    static func average(_ index: Int, of scores: [DecimalNumber], _ reading: inout ProseReading) {
        let claim = reading.claims[index]
        let sum = scores.reduce(DecimalNumber.zero, +)
        guard let mean = sum.divided(by: DecimalNumber(scores.count), scale: claim.value.scale + 6) else { return }
        // Rounded half up, or cut off (narrative.md §4: a cut-off figure is information elsewhere).
        if mean.rounded(toScale: claim.value.scale) == claim.value || mean.truncated(toScale: claim.value.scale) == claim.value { return }
        let shown = mean.rounded(toScale: max(claim.value.scale, 2))
        reading.report("N520", .error, on: claim.range,
                       "平均分应为各项目“绩效”表总分之和 \(sum) ÷ \(scores.count) = \(shown)，说明中写的是 \(claim.text)")
    }

    static func gradeCount(_ index: Int, grade: String, projects: [PerformanceProject], _ reading: inout ProseReading) {
        let claim = reading.claims[index]
        // Every block must state its grade for a count of one grade to be known.
        let grades = projects.map { $0.grade?.text }
        guard grades.allSatisfy({ $0 != nil }) else { return }
        let count = grades.filter { $0!.hasPrefix(grade) }.count
        guard DecimalNumber(count) != claim.value else { return }
        reading.report("N520", .error, on: claim.range,
                       "评为“\(grade)”的项目，“绩效”表中是 \(count) 个（共 \(projects.count) 个项目），说明中写的是 \(claim.text) 个")
    }
}
