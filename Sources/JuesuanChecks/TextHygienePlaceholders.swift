import JuesuanModel
import JuesuanSyntax

/// T802: a template leftover never filled in.
///
/// - `XX`, `xxx`, `××`, `某某`: two or more placeholder letters that are not part of a word;
/// - an ellipsis that stands for missing content: followed by a bracketed hint
///   (`如…（二级预算单位事业收入情况）等`, `主要是…（收入类型）`), or between a word that
///   introduces content (如, 为, 是, 包括, ：) and 等 or the end of the clause (`如……等`), or
///   alone on a line. An ellipsis after written content (`收入363.59万元……`) or inside a
///   quotation is ordinary and not flagged;
/// - `待填写`, `待补充`, `请填写`, `此处填写`, the template's instruction `可参照如下格式`;
/// - empty brackets or quotes: `（）`, `()`, `【】`, `[]`, `〔〕`, `《》`, `“”`;
/// - a self-reference of another kind of body (`我所`, `本院`, `我站`…) in a report whose
///   department is a 局 (or another kind), when no unit of that kind is named in the report.
enum PlaceholderRule {
    static let ellipses: [String] = ["……", "…", "...", "。。。"]
    static let bracketPairs: [(Unicode.Scalar, Unicode.Scalar)] = [("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("〔", "〕"), ("《", "》"), ("“", "”")]
    static let placeholderWords = ["待填写", "待补充", "请填写", "此处填写", "可参照如下格式", "可参照以下格式", "参照如下格式", "参照以下格式", "某某"]
    /// The placeholder words and the ellipses as lists: most scalars start none of them, and
    /// are passed without trying each word (issue 15).
    static let placeholderWordList = WordList(placeholderWords)
    static let ellipsisList = WordList(ellipses)
    static let slotOpeners = ["如", "为", "是", "系", "：", ":", "包括", "主要有", "例如", "比如"]
    static let bracketOpens = ScalarSet(bracketPairs.map(\.0))
    /// Letters that, two or more in a row, stand for a missing name or figure (`XX`, `××`).
    static let placeholderLetters = Array("xX×Ｘｘ".unicodeScalars)
    static let placeholderLetterSet = ScalarSet(placeholderLetters)
    /// The first scalars of placeholder letters and words, brackets, ellipses and
    /// self-references (我, 本).
    static let mayStart = ScalarSet(placeholderWords.map { $0.unicodeScalars.first! } + bracketPairs.map(\.0)
                                    + ellipses.map { $0.unicodeScalars.first! } + ["我", "本"] + placeholderLetters)

    static func run(_ text: HygieneText) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let selfReference = SelfReference(text)
        // Read once: a static is checked for its initialisation at every access (every scalar).
        let mayStart = Self.mayStart
        for span in text.spans where span.kind != .performanceUnit {
            // Only these scalars start a placeholder (each branch of `placeholder` asks one of
            // them first): the others are passed in one pass, without a call (issue 15).
            var next = 0
            for i in span.indices(of: mayStart) where i >= next {
                if let (end, message) = placeholder(in: span, at: i, selfReference) {
                    findings.append(Diagnostic(code: "T802", severity: .warning, range: span.range(i, end), message: message.text,
                                               fix: message.fix.map { Fix(title: "改为“\($0)”", edits: [TextEdit(range: span.range(i, end), replacement: $0)], isSafe: false) }))
                    next = end
                }
            }
        }
        return findings
    }

    struct Message {
        var text: String
        var fix: String?
    }

    static func placeholder(in span: TextSpan, at i: Int, _ selfReference: SelfReference) -> (Int, Message)? {
        guard let s = span[i] else { return nil }
        // XX, xxx, ××
        if placeholderLetterSet.contains(s), !(span[i - 1].map(ProseText.isASCIILetter) ?? false) {
            var k = i
            while let t = span[k], placeholderLetterSet.contains(t) { k += 1 }
            if k - i >= 2, !(span[k].map(ProseText.isASCIILetter) ?? false) {
                let written = span.written(i, k)
                return (k, Message(text: "“\(written)”是模板中的占位符，尚未替换为实际内容"))
            }
        }
        if let word = span.hasAny(placeholderWordList, at: i) {
            var end = i + word.unicodeScalars.count
            var start = i
            // An instruction in brackets is flagged with its brackets: `（可参照如下格式进行说明）`.
            if let open = span[i - 1], let close = bracketPairs.first(where: { $0.0 == open })?.1 {
                var k = end
                while let t = span[k], t != close, k - end < 20 { k += 1 }
                if span[k] == close { start = i - 1; end = k + 1 }
            }
            guard start == i else { return nil } // reported from the bracket
            return (end, Message(text: "“\(span.written(start, end))”是模板中的说明或占位内容，公开文本中应删去或填写实际内容"))
        }
        if bracketOpens.contains(s), let pair = bracketPairs.first(where: { $0.0 == s }) {
            var k = i + 1
            while let t = span[k], Scalars.isBlank(t) { k += 1 }
            if span[k] == pair.1 {
                return (k + 1, Message(text: "空的“\(span.written(i, k + 1))”：模板中要填写的内容未填写"))
            }
            // `（可参照如下格式进行说明）`: the instruction with its brackets.
            var m = i + 1
            while let t = span[m], t != pair.1, m - i < 20 {
                if span.hasAny(placeholderWordList, at: m) != nil {
                    var close = m
                    while let u = span[close], u != pair.1 { close += 1 }
                    if span[close] == pair.1 {
                        return (close + 1, Message(text: "“\(span.written(i, close + 1))”是模板中的说明或占位内容，公开文本中应删去或填写实际内容"))
                    }
                    break
                }
                m += 1
            }
        }
        if let ellipsis = span.hasAny(ellipsisList, at: i), span.hasAny(ellipsisList, endingAt: i) == nil {
            var end = i + ellipsis.unicodeScalars.count
            while let more = span.hasAny(ellipsisList, at: end) { end += more.unicodeScalars.count }
            return ellipsisPlaceholder(in: span, i, end)
        }
        if let (end, fix) = selfReference.misfit(in: span, at: i) {
            return (end, Message(text: "“\(span.written(i, end))”是其他类型单位的自称，疑为照抄模板或其他单位的文本；本部门应自称“\(fix)”", fix: fix))
        }
        return nil
    }

    static func ellipsisPlaceholder(in span: TextSpan, _ start: Int, _ end: Int) -> (Int, Message)? {
        if span.isQuoted(start) { return nil }
        let after = span.skipBlanks(from: end)
        // `…（收入类型）`: a bracketed hint of what to write.
        if let open = span[after], let close = bracketPairs.first(where: { $0.0 == open })?.1 {
            var k = after + 1
            while let t = span[k], t != close, !ProseText.isDigit(t), k - after <= 24 { k += 1 }
            if span[k] == close, k > after + 1 {
                let hint = span.string(after + 1, k)
                let references = ["见", "略", "附", "下同", "注"]
                if !references.contains(where: { hint.contains($0) }) {
                    let written = span.written(start, k + 1)
                    return (k + 1, Message(text: "“\(written)”是模板中的占位内容：应写明实际的\(hint)，而不是省略号和括注"))
                }
            }
        }
        let before = span.skipBlanks(before: start)
        let opens = before == 0 || span.hasAny(slotOpeners, endingAt: before) != nil
        let closes = after >= span.count || span[after] == "等" || span[after].map(Scalars.clauseEnds.contains) == true
        if opens && closes {
            return (end, Message(text: "“\(span.written(start, end))”是模板中的占位内容，尚未填写实际内容"))
        }
        return nil
    }
}

/// `我所`, `本院`… in a report whose department and units are of another kind.
struct SelfReference {
    static let kinds = ["中心", "局", "所", "院", "站", "厅", "委"]
    static let notSelf: [String: [String]] = [
        "所": ["在", "属", "有", "能", "需", "做", "说", "知", "述", "得", "以", "谓", "要", "用", "想", "作"],
        "院": ["校"],
    ]
    /// Each kind with its first scalar, its length and its self-references (`我局`, `本局`), made once.
    static let kindWords: [(kind: String, first: Unicode.Scalar, length: Int, words: [String])] = kinds.map {
        ($0, $0.unicodeScalars.first!, $0.unicodeScalars.count, ["我" + $0, "本" + $0])
    }
    /// The department's own kind (`局`), or nil when its name ends otherwise.
    let ownKind: String?
    /// Kinds that some named unit of the report has (a 中心 listed in 机构设置).
    let presentKinds: Set<String>

    init(_ text: HygieneText) {
        let department = text.department ?? ""
        let own = Self.kinds.first { department.hasSuffix($0) }
        ownKind = own
        // One pass over each span for all kinds (issue 15: it was a pass per kind, comparing the
        // kind with the department's at every scalar). A kind is present when one occurrence
        // qualifies, whatever the order it is found in; a kind found present is not looked for again.
        var wanted = Self.kindWords.indices.filter { Self.kindWords[$0].kind != own }
        var present: Set<String> = []
        for span in text.spans where span.kind != .performanceName {
            if wanted.isEmpty { break }
            let scalars = span.scalars
            // The places a kind may start, found in one pass (issue 15).
            for k in span.indices(of: Self.kindFirsts) {
                let scalar = scalars[k]
                guard let position = wanted.firstIndex(where: { Self.kindWords[$0].first == scalar }) else { continue }
                let (kind, _, length, words) = Self.kindWords[wanted[position]]
                guard span.has(kind, at: k), span.hasAny(words, endingAt: k + length) == nil else { continue }
                // `…服务中心`, `社保所长`: a unit of that kind is named.
                guard let s = span[k - 1], Scalars.isHan(s) else { continue }
                if kind == "所" {
                    // 所 is mostly a function word (所需, 所得税, 场所): only `…所` before a
                    // mark or 长 names a unit.
                    let end = k + 1
                    let named = span[end].map { !Scalars.isHan($0) || $0 == "长" } ?? true
                    guard named, !"场住处厕寓居之无有其为何".unicodeScalars.contains(s) else { continue }
                }
                present.insert(kind)
                wanted.remove(at: position)
                if wanted.isEmpty { break }
            }
        }
        presentKinds = present
    }

    /// The first scalars of the kinds.
    static let kindFirsts = ScalarSet(kinds.map { $0.unicodeScalars.first! })

    /// The end of a misfit self-reference at `i`, and the department's own form.
    func misfit(in span: TextSpan, at i: Int) -> (Int, String)? {
        guard let ownKind, span[i] == "我" || span[i] == "本" else { return nil }
        if let before = span[i - 1], Scalars.isHan(before) { return nil } // 基本所需, 自我…
        for kind in Self.kinds where kind != ownKind && span.has(kind, at: i + 1) && !presentKinds.contains(kind) {
            let end = i + 1 + kind.unicodeScalars.count
            if let next = span[end], let words = Self.notSelf[kind], words.contains(where: { span.has($0, at: end) }) || ProseText.isDigit(next) { return nil }
            return (end, span.string(i, i + 1) + ownKind)
        }
        return nil
    }
}
