import JuesuanSyntax

/// What a figure in prose claims (spec 5 and 9.4).
public enum ClaimKind: Sendable, Hashable {
    /// `本年收入合计363.59万元`
    case amount
    /// `占54.89%`, with the whole named after 占 when there is one (`占项目支出总额的100%`).
    case share(whole: String?)
    /// `比上年增加13.80万元` (an amount) or `增长3.94%` (a rate); `increase` false for 减少/下降.
    case changeAmount(increase: Bool)
    case changeRate(increase: Bool)
    /// `完成年初预算的154.47%`
    case completion
    /// `3批`, `28人次`, `0辆`, `6个`
    case count
    /// `得分为94分`, `平均分为90.4分`
    case score
    /// Any other percentage.
    case percentage
}

/// A money unit or another unit written after a figure in prose.
public enum ClaimUnit: Sendable, Hashable {
    case money(MoneyUnit)
    case percent
    case count(String)
    case points
}

/// A figure in prose with the words around it: the unit after it and the label before it.
public struct Claim: Sendable {
    public var kind: ClaimKind
    public var value: DecimalNumber
    /// The number as written (`1,066.43`) and its range.
    public var text: String
    public var range: SourceRange
    /// The number and its unit.
    public var fullRange: SourceRange
    public var unit: ClaimUnit?
    /// The unit's own range (empty when there is no unit).
    public var unitRange: SourceRange
    /// The words of the clause before the figure, cleaned: `本年收入合计`, `基本支出`.
    public var label: String
    /// The text of the sentence before the figure (for context such as 其中 or 比上年).
    public var sentencePrefix: String
    /// The whole sentence the figure stands in.
    public var sentenceText: String = ""
    /// Where the figure starts in its sentence, in characters.
    public var offsetInSentence: Int = 0
    public var line: Int
    /// Index of the sentence (。！？) within the line, and of the clause (，；：、) within it.
    public var sentence: Int
    public var clause: Int
}

/// Finds the claims in the prose lines of 说明 blocks.
public enum ClaimScanner {
    static let countUnits = ["人次", "批次", "批", "辆", "台", "个", "人", "项", "家", "次", "户", "套", "场", "名"]
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?"]
    static let clauseEnds: Set<Character> = ["，", ",", "；", ";", "：", ":", "、"]
    /// A sentence longer than this (characters) is cut there: every claim keeps the text of its
    /// sentence before it, so an endless run-on line (pasted text, hostile input) would cost
    /// quadratic time and memory. Real sentences are a few hundred characters at most.
    static let maximumSentenceLength = 1_000

    /// Every claim of the report's prose, in document order.
    public static func claims(in report: Report) -> [Claim] {
        var result: [Claim] = []
        for narrative in report.syntax.narratives {
            for line in narrative.proseLines {
                result += claims(line: line, range: report.source.lineContentRange(line), source: report.source)
            }
        }
        return result
    }

    public static func claims(line: Int, range: SourceRange, source: SourceText) -> [Claim] {
        let text = source.string(range)
        let characters = Array(text)
        var offsets: [Int] = []
        offsets.reserveCapacity(characters.count + 1)
        var offset = range.start
        for character in characters {
            offsets.append(offset)
            offset += character.utf8.count
        }
        offsets.append(offset)
        var result: [Claim] = []
        var sentence = 0
        var clause = 0
        var sentenceStart = 0
        var clauseStart = 0
        var firstClaimOfSentence = 0
        func closeSentence(at end: Int) {
            let text = String(characters[sentenceStart..<min(end, characters.count)])
            for k in firstClaimOfSentence..<result.count { result[k].sentenceText = text }
            firstClaimOfSentence = result.count
        }
        var i = 0
        while i < characters.count {
            let character = characters[i]
            if i - sentenceStart >= maximumSentenceLength {
                closeSentence(at: i)
                sentence += 1
                clause = 0
                sentenceStart = i
                clauseStart = i
                continue
            }
            if sentenceEnds.contains(character) {
                closeSentence(at: i)
                sentence += 1
                clause = 0
                sentenceStart = i + 1
                clauseStart = i + 1
                i += 1
                continue
            }
            // A comma inside a number never gets here: the number below consumes it.
            if clauseEnds.contains(character) {
                clause += 1
                clauseStart = i + 1
                i += 1
                continue
            }
            guard isDigit(character), i == 0 || !(isDigit(characters[i - 1]) || characters[i - 1] == "." || characters[i - 1].isASCII && characters[i - 1].isLetter) else {
                i += 1
                continue
            }
            // The number: digits, thousands separators, one decimal point.
            var j = i
            var sawPoint = false
            while j < characters.count {
                let c = characters[j]
                if isDigit(c) { j += 1; continue }
                if c == ",", !sawPoint, j + 3 < characters.count, characters[j + 1...j + 3].allSatisfy(isDigit),
                   !(j + 4 < characters.count && isDigit(characters[j + 4])) {
                    j += 1; continue
                }
                if c == ".", !sawPoint, j + 1 < characters.count, isDigit(characters[j + 1]) { sawPoint = true; j += 1; continue }
                break
            }
            let numberText = String(characters[i..<j])
            defer { i = j }
            guard let value = DecimalNumber(numberText) else { continue }
            // Skip blanks, then read the unit.
            var k = j
            while k < characters.count, characters[k] == " " || characters[k] == "\u{3000}" { k += 1 }
            let rest = characters[k...]
            // Years, dates, document numbers, ordinals and section numbers are not claims.
            if let next = rest.first, "年月日号届期条款".contains(next) { continue }
            if i > 0, "第〔【[".contains(characters[i - 1]) { continue }
            var unit: ClaimUnit?
            var unitLength = 0
            func starts(_ word: String) -> Bool { rest.starts(with: Array(word)) }
            if starts("万元") { unit = .money(.tenThousandYuan); unitLength = 2 } else if starts("亿元") { unit = .money(.hundredMillionYuan); unitLength = 2 }
            else if starts("千元") { unit = .money(.thousandYuan); unitLength = 2 } else if starts("元") { unit = .money(.yuan); unitLength = 1 }
            else if starts("%") || starts("％") { unit = .percent; unitLength = 1 }
            else if starts("个百分点") { continue }
            else if starts("分") { unit = .points; unitLength = 1 }
            else if let word = countUnits.first(where: starts) { unit = .count(word); unitLength = word.count }
            let sentenceText = String(characters[sentenceStart..<i])
            let clauseText = String(characters[clauseStart..<i])
            let kind = classify(unit: unit, clause: clauseText, sentence: sentenceText)
            guard let kind else { continue }
            let end = unitLength > 0 ? k + unitLength : j
            result.append(Claim(kind: kind, value: value, text: numberText,
                                range: SourceRange(start: offsets[i], end: offsets[j]),
                                fullRange: SourceRange(start: offsets[i], end: offsets[end]),
                                unit: unit, unitRange: SourceRange(start: offsets[unitLength > 0 ? k : j], end: offsets[end]),
                                label: cleanLabel(clauseText), sentencePrefix: sentenceText,
                                offsetInSentence: i - sentenceStart,
                                line: line, sentence: sentence, clause: clause))
        }
        closeSentence(at: characters.count)
        return result
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    static func classify(unit: ClaimUnit?, clause: String, sentence: String) -> ClaimKind? {
        let before = clause.trimmingBlanks
        switch unit {
        case .percent?:
            if let index = before.lastIndex(of: "占") {
                var whole = String(before[before.index(after: index)...])
                if whole.hasSuffix("的") { whole.removeLast() }
                return .share(whole: whole.isEmpty ? nil : whole)
            }
            if before.hasSuffix("增长") || before.hasSuffix("增加") || before.hasSuffix("上升") { return .changeRate(increase: true) }
            if before.hasSuffix("下降") || before.hasSuffix("减少") || before.hasSuffix("降低") { return .changeRate(increase: false) }
            if before.contains("完成") && before.contains("预算") { return .completion }
            return .percentage
        case .money?:
            let compared = sentence.contains("比上年") || sentence.contains("较上年") || sentence.contains("相比") || sentence.contains("比20") || sentence.contains("较20")
            if compared && (before.hasSuffix("增加") || before.hasSuffix("增长")) { return .changeAmount(increase: true) }
            if compared && (before.hasSuffix("减少") || before.hasSuffix("下降") || before.hasSuffix("降低")) { return .changeAmount(increase: false) }
            return .amount
        case .count?:
            return .count
        case .points?:
            return before.contains("得分") || before.contains("评分") || before.contains("平均分") || before.hasSuffix("为") ? .score : nil
        case nil:
            return .amount
        }
    }

    /// `其中：基本支出` → `基本支出`; `全年预算数为` → `全年预算数`.
    static func cleanLabel(_ clause: String) -> String {
        var label = Substring(clause.trimmingBlanks)
        for prefix in ["其中：", "其中:", "其中", "主要是", "包括", "共计", "共"] where label.hasPrefix(prefix) { label = label.dropFirst(prefix.count) }
        for suffix in ["为", "是", "达到", "达", "约"] where label.hasSuffix(suffix) { label = label.dropLast(suffix.count) }
        return String(label).trimmingBlanks
    }
}

extension String {
    /// Without leading and trailing blanks (space, tab, ideographic space).
    public var trimmingBlanks: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\u{3000}" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\u{3000}" { text.removeLast() }
        return String(text)
    }
}
