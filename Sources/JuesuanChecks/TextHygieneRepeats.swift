import JuesuanSyntax

/// T807 (information, domain-rules G-5): a word of two to four Han characters written twice in
/// a row (`本年本年增加`), a slip of copying or editing. Reduplicated verbs that Chinese uses on
/// purpose (`研究研究`) are left alone; one character doubled (`人人`, `天天`) is ordinary.
enum RepeatedWordRule {
    /// Terms of the reports that start with a word a phrase may end with (`局机关` + `机关运行经费`,
    /// `对附属单位` + `单位…`), by that word.
    static let termsStartingWith: [String: [String]] = [
        "机关": ["机关运行经费", "机关事业单位", "机关服务"], "单位": ["单位负担", "单位缴费"], "项目": ["项目支出"],
        "经费": ["经费拨款"], "资金": ["资金总额"], "支出": ["支出决算"], "事业": ["事业收入", "事业单位"]]
    static let intended: Set<String> = ["研究", "讨论", "学习", "商量", "考虑", "检查", "整理", "活动", "了解", "总结", "交流", "比较"]

    static func run(_ text: HygieneText) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for span in text.spans where span.isFreeText && !span.looksLikeTable {
            // A word of `length` written twice has its first scalar again `length` on, and ends
            // within the span: the places where that holds are found first, in one pass without
            // bounds checks, as most scalars start no repeat (issue 15).
            let candidates: [Int] = span.scalars.withUnsafeBufferPointer { s in
                var found: [Int] = []
                var i = 0
                let n = s.count
                // Where all three lengths fit: the three differences multiplied (each below
                // 2^21, so the product cannot overflow) are zero exactly when one of them is.
                while i + 8 <= n {
                    let first = s[i].value
                    if UInt64(first ^ s[i + 2].value) * UInt64(first ^ s[i + 3].value) * UInt64(first ^ s[i + 4].value) == 0 { found.append(i) }
                    i += 1
                }
                while i + 4 <= n {
                    let first = s[i]
                    if first == s[i + 2] || (i + 6 <= n && first == s[i + 3]) || (i + 8 <= n && first == s[i + 4]) { found.append(i) }
                    i += 1
                }
                return found
            }
            var next = 0
            for i in candidates where i >= next {
                guard let length = repeatedLength(span, at: i) else { continue }
                let word = span.string(i, i + length)
                findings.append(Diagnostic(code: "T807", severity: .information, range: span.range(i, i + 2 * length),
                                           message: "“\(word)”连写了两遍（“\(word)\(word)”），疑为重复录入，应只写一遍",
                                           fix: Fix(title: "删去重复的“\(word)”", edits: [TextEdit(range: span.range(i + length, i + 2 * length), replacement: "")], isSafe: false)))
                next = i + 2 * length
            }
        }
        return findings
    }

    /// The length of a Han word at `i` written again right after it (longest first).
    static func repeatedLength(_ span: TextSpan, at i: Int) -> Int? {
        // Every length needs a Han character at `i`: most scalars are rejected here, once.
        guard let first = span[i], Scalars.isHan(first) else { return nil }
        for length in stride(from: 4, through: 2, by: -1) where i + 2 * length <= span.count {
            // The cheaper test first (it fails at once almost everywhere); both must hold.
            guard (0..<length).allSatisfy({ span[i + $0] == span[i + length + $0] }) else { continue }
            guard (i..<(i + 2 * length)).allSatisfy({ span[$0].map(Scalars.isHan) ?? false }) else { continue }
            let word = span.string(i, i + length)
            // `天天` twice is `天天天天`: a word of one character repeated is no slip of this kind.
            if Set(word.unicodeScalars).count == 1 || intended.contains(word) { continue }
            // `局机关机关运行经费`: the second starts a term of its own (局机关 + 机关运行经费).
            if let terms = termsStartingWith[word], terms.contains(where: { span.string(i + length, min(span.count, i + length + $0.unicodeScalars.count)) == $0 }) { continue }
            return length
        }
        return nil
    }
}
