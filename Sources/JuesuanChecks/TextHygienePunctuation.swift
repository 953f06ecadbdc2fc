import JuesuanModel
import JuesuanSyntax

/// T804 (hint): doubled or clashing punctuation — two or more of 。，；：、！？ (or their ASCII
/// forms , ; : ! ?) in a row, blanks between allowed (`。。`, `，，`, `。；`, `，。`), fixed to the
/// single strongest mark; and a comma between a word that takes a figure and the figure
/// (`得分为,88.97分`), fixed by deleting it. A comma inside a number (`17,334.30`) is no mark.
enum PunctuationRule {
    static let marks: [Unicode.Scalar: (fullWidth: String, strength: Int)] = [
        "。": ("。", 4), "！": ("！", 4), "？": ("？", 4), "!": ("！", 4), "?": ("？", 4),
        "；": ("；", 3), ";": ("；", 3), "：": ("：", 2), ":": ("：", 2),
        "，": ("，", 1), ",": ("，", 1), "、": ("、", 0),
    ]
    /// Words that take their figure directly: a comma after them splits a phrase.
    static let figureWords = ["得分为", "数为", "额为", "费为", "出为", "入为", "计为", "率为", "值为", "金为", "算为", "款为", "余为", "量为",
                              "分别为", "均为", "合计", "共计", "总计", "累计", "达到"]
    static let figureWordList = WordList(figureWords)

    static func run(_ text: HygieneText) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let markScalars = Self.markScalars
        for span in text.spans where span.kind != .performanceUnit {
            // Marks are found in one pass, then read where they stand (issue 15).
            var next = 0
            for i in span.indices(of: markScalars) where i >= next {
                guard isMark(span, i) else { continue }
                var last = i
                var strongest = Self.mark(span[i]!)!
                var k = span.skipBlanks(from: i + 1)
                while isMark(span, k) {
                    let mark = Self.mark(span[k]!)!
                    if mark.strength > strongest.strength { strongest = mark }
                    last = k
                    k = span.skipBlanks(from: k + 1)
                }
                if last > i {
                    let written = span.written(i, last + 1)
                    let same = (i...last).allSatisfy { span[$0].map { Scalars.isBlank($0) || marks[$0]?.fullWidth == strongest.fullWidth } ?? false }
                    let message = same ? "标点“\(written)”重复，应只写一个“\(strongest.fullWidth)”"
                                       : "标点“\(written)”连用，应只保留“\(strongest.fullWidth)”"
                    findings.append(Diagnostic(code: "T804", severity: .hint, range: span.range(i, last + 1), message: message,
                                               fix: Fix(title: "改为“\(strongest.fullWidth)”", edits: [TextEdit(range: span.range(i, last + 1), replacement: strongest.fullWidth)])))
                } else if span[i] == "," || span[i] == "，", let word = span.hasAny(figureWordList, endingAt: span.skipBlanks(before: i)),
                          let next = span[span.skipBlanks(from: i + 1)], ProseText.isDigit(next) {
                    let end = span.skipBlanks(from: i + 1)
                    findings.append(Diagnostic(code: "T804", severity: .hint, range: span.range(i, i + 1),
                                               message: "“\(word)”和后面的数字之间多了一个逗号，应删去",
                                               fix: Fix(title: "删去逗号", edits: [TextEdit(range: span.extent(i, end), replacement: "")])))
                }
                next = last + 1
            }
        }
        return findings
    }

    /// `marks[s]`, by comparison (asked of every mark of the text; issue 15).
    @inline(__always)
    static func mark(_ s: Unicode.Scalar) -> (fullWidth: String, strength: Int)? {
        switch s {
        case "。": ("。", 4)
        case "！", "!": ("！", 4)
        case "？", "?": ("？", 4)
        case "；", ";": ("；", 3)
        case "：", ":": ("：", 2)
        case "，", ",": ("，", 1)
        case "、": ("、", 0)
        default: nil
        }
    }

    /// The keys of `marks`: most scalars are none of them, and a set's filter says so with one
    /// test (a `switch` on twelve cases was a dozen comparisons, issue 15).
    static let markScalars = ScalarSet(marks.keys)

    /// A punctuation mark at `i`; an ASCII `,` or `:` between digits is part of a number or a time.
    static func isMark(_ span: TextSpan, _ i: Int) -> Bool {
        // Most scalars are none of the marks: a comparison says so before the table is asked.
        // (`markScalars` holds exactly the keys of `marks`.)
        guard let s = span[i], markScalars.contains(s) else { return false }
        if s == "," || s == ":" || s == ".", let before = span[i - 1], let after = span[i + 1], ProseText.isDigit(before), ProseText.isDigit(after) {
            return false
        }
        return true
    }
}
