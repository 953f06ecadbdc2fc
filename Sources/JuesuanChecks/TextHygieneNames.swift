import JuesuanModel
import JuesuanSyntax

/// T803: another organisation's name where the department's own is meant — a sentence copied
/// from another unit's report (seed 003: 松潘县公共就业和人才交流服务中心 in the 医疗保障局's).
///
/// A name is a candidate when it carries the department's own administrative prefix (松潘县,
/// 景德镇市珠山区 or 珠山区 for 景德镇市珠山区医疗保障局) and ends in 局, 中心, 办, 办公室, 院 or
/// 站: a body of the same level in the same place. It is flagged, at every occurrence, when
/// - it is not the department (same name after the prefix),
/// - it is not a unit the report lists (a `绩效` block's 主管部门 / 实施单位; a name after
///   设立, 下设, 所属, 下属, 包括, 纳入… earlier in its sentence; a name followed by `等 N 个` or `（本级）`; a name that
///   fills a list item such as `2.松潘县城乡居民基本医疗保险服务中心。`), one character of
///   difference allowed (a typo in the list),
/// - it is not a superior or cross-cutting body (财政, 审计, 政府, 发改, 税务, 党委, 人大…),
/// - it shares no two-character word with the department's own name (医疗 in
///   松潘县医疗保险服务中心 for 松潘县医疗保障局: its own unit, even if the list omits it),
/// - and at least one occurrence stands as the subject of a statement about money or
///   management — at the start of a clause (after `。`, `：`, `总体来看`…), not in a list of
///   bodies (`、`, `和`, `等`), not acting in its own role (负责, 牵头, 配合, 批复…), in a
///   sentence about 预算, 决算, 结余, 收入, 支出, 资金, 经费, 资产, 财务, 采购 or 绩效.
/// Bodies mentioned with 向, 与, 对, 据, 按照… alone (`向松潘县财政局报批`) are never the subject.
enum ForeignNameRule {
    static let suffixes = ["办公室", "中心", "局", "办", "院", "站"]
    static let suffixFirsts = ScalarSet(suffixes.map { $0.unicodeScalars.first! })
    static let notSuffix: [String: [String]] = [
        "办": ["法", "理", "事", "结", "好", "学", "班", "件", "公"], "院": ["校", "内", "外"], "站": ["位", "点"], "局": ["面", "势", "限"],
    ]
    static let superiorWords = ["财政", "审计", "政府", "发展和改革", "发改", "税务", "统计", "编制", "编办", "组织部", "党委", "县委",
                                "区委", "市委", "人大", "政协", "纪委", "监委", "国资", "人民银行", "国库", "机关事务"]
    static let listingWords = ["设立", "下设", "所属", "下属", "内设", "包括", "包含", "纳入", "单位名称", "实施单位", "主管单位", "主管部门", "二级单位", "管理的", "主管的",
                                "汇编范围", "编制范围", "决算范围"]
    static let openers = ["总体来看", "总的来看", "整体来看", "综合来看", "总体上", "综上所述", "综上", "同时", "此外", "另外", "目前", "其中",
                          "经查", "经评价", "本年度", "全年", "今年", "年内"]
    static let openerFirsts = ScalarSet(openers.map { $0.unicodeScalars.first! })
    static let ownRole = ["、", "和", "与", "及", "等", "负责", "承担", "牵头", "配合", "协同", "协助", "联合", "会同", "主管", "指导", "要求",
                          "下达", "批复", "印发", "的有关职责", "职责"]
    static let financeWords = ["预算", "决算", "结余", "结转", "收入", "支出", "资金", "经费", "资产", "万元", "财务", "采购", "绩效"]

    struct Occurrence {
        var span: Int
        var start: Int
        var prefixEnd: Int
        var end: Int
        var body: String
    }

    static func run(_ text: HygieneText) -> [Diagnostic] {
        guard let department = text.department else { return [] }
        let segments = adminSegments(department)
        let ownBody = String(department.unicodeScalars.dropFirst(segments.joined().unicodeScalars.count))
        // Prefix forms of the department's own level, longest first: 景德镇市珠山区, 珠山区.
        let prefixes = segments.indices.map { segments[$0...].joined() }
        var occurrences: [Occurrence] = []
        if !prefixes.isEmpty {
            // The prefixes' first scalars, made once for all spans (issue 15).
            let firsts = ScalarSet(prefixes.compactMap { $0.unicodeScalars.first })
            for (index, span) in text.spans.enumerated() where span.kind != .performanceName {
                occurrences += names(in: span, index, prefixes, firsts: firsts)
            }
        }
        var listed: [String] = [ownBody]
        var subjects: Set<String> = []
        for occurrence in occurrences {
            let span = text.spans[occurrence.span]
            if span.kind == .performanceUnit || isListed(occurrence, in: span) { listed.append(occurrence.body) }
            if span.isFreeText, isSubject(occurrence, in: span) { subjects.insert(occurrence.body) }
        }
        // Names without the place prefix, where only the department itself can be meant.
        for (index, span) in text.spans.enumerated() where span.isFreeText && !span.looksLikeTable {
            for occurrence in UnprefixedNames.selfReferences(in: span, index) where !occurrences.contains(where: { $0.span == index && $0.end == occurrence.end }) {
                occurrences.append(occurrence)
                subjects.insert(occurrence.body)
            }
        }
        // Every other occurrence of such a name, once one is a self-reference.
        let unprefixedSubjects = Set(occurrences.filter { $0.start == $0.prefixEnd }.map(\.body))
        // (and the report may list it: `下设社会保险事业管理局1个二级单位`).
        for (index, span) in text.spans.enumerated() where span.isFreeText || span.kind == .performanceUnit {
            for body in unprefixedSubjects {
                for at in span.occurrences(of: body) {
                    let occurrence = Occurrence(span: index, start: at, prefixEnd: at, end: at + body.unicodeScalars.count, body: body)
                    if span.kind == .performanceUnit || isListed(occurrence, in: span) { listed.append(body) }
                    if span.isFreeText, !occurrences.contains(where: { $0.span == index && $0.start <= at && at < $0.end }) { occurrences.append(occurrence) }
                }
            }
        }
        occurrences.sort { ($0.span, $0.start) < ($1.span, $1.start) }
        var findings: [Diagnostic] = []
        for occurrence in occurrences where subjects.contains(occurrence.body) {
            let span = text.spans[occurrence.span]
            guard span.isFreeText, !listed.contains(where: { nearlyEqual($0, occurrence.body) }),
                  !superiorWords.contains(where: { occurrence.body.containsText($0) }),
                  !sharesDomain(occurrence.body, ownBody), !department.hasSuffix(occurrence.body),
                  occurrence.start != occurrence.prefixEnd || !UnprefixedNames.abbreviates(occurrence.body, ownBody) else { continue }
            let name = span.string(occurrence.start, occurrence.end)
            let range = span.range(occurrence.start, occurrence.end)
            findings.append(Diagnostic(
                code: "T803", severity: .warning, range: range,
                message: "“\(name)”既不是本部门（\(department)），也不是报告列出的所属单位：这里说的是本部门的情况，疑为照抄其他单位的文本，应为“\(department)”",
                fix: Fix(title: "改为“\(department)”", edits: [TextEdit(range: range, replacement: department)], isSafe: false)))
        }
        return findings
    }

    /// `景德镇市珠山区医疗保障局` → [景德镇市, 珠山区]: the leading place names, each ending in
    /// 省, 市, 州, 县, 区, 旗 or 盟 (two characters or more for the first, three for the rest).
    static func adminSegments(_ name: String) -> [String] {
        let scalars = Array(name.unicodeScalars)
        let levels = adminLevels
        var segments: [String] = []
        var start = 0
        while start < scalars.count {
            let minimum = segments.isEmpty ? 2 : 3
            guard start + minimum - 1 < scalars.count, let end = (start + minimum - 1..<min(start + 8, scalars.count)).first(where: { levels.contains(scalars[$0]) }),
                  scalars.count - (end + 1) >= 2 else { break }
            // Scalar by scalar: the generic `append(contentsOf:)` cost the first report of a
            // process the run-time's search of every protocol conformance (issue 15).
            var view = String.UnicodeScalarView()
            for scalar in scalars[start...end] { view.append(scalar) }
            segments.append(String(view))
            start = end + 1
        }
        return segments
    }

    /// The last characters of a place name's segment (made once, not per call).
    static let adminLevels: ScalarSet = ["省", "市", "州", "县", "区", "旗", "盟"]

    static func names(in span: TextSpan, _ index: Int, _ prefixes: [String], firsts: ScalarSet? = nil) -> [Occurrence] {
        var found: [Occurrence] = []
        let firsts = firsts ?? ScalarSet(prefixes.compactMap(\.unicodeScalars.first))
        let scalars = span.scalars
        var i = 0
        while i < scalars.count {
            guard firsts.contains(scalars[i]), let prefix = span.hasAny(prefixes, at: i) else { i += 1; continue }
            let bodyStart = i + prefix.unicodeScalars.count
            var k = bodyStart
            var end: Int?
            while let s = span[k], Scalars.isHan(s), s != "的", k - bodyStart < 24 {
                if k - bodyStart >= 2, suffixFirsts.contains(s), let suffix = suffixes.first(where: { span.has($0, at: k) }) {
                    let after = k + suffix.unicodeScalars.count
                    if !(notSuffix[suffix]?.contains { span.has($0, at: after) } ?? false) { end = after; break }
                }
                k += 1
            }
            if let end {
                found.append(Occurrence(span: index, start: i, prefixEnd: bodyStart, end: end, body: span.string(bodyStart, end)))
                i = end
            } else {
                i = bodyStart
            }
        }
        return found
    }

    static func isListed(_ o: Occurrence, in span: TextSpan) -> Bool {
        let before = span.skipBlanks(before: o.start)
        let sentence = span.sentenceStart(o.start)
        if (sentence..<before).contains(where: { k in listingWords.contains { span.has($0, endingAt: k + 1) } }) { return true }
        let after = span.skipBlanks(from: o.end)
        if span.hasAny(["（本级）", "(本级)"], at: o.end) != nil { return true }
        if span[after] == "等" {
            var k = span.skipBlanks(from: after + 1)
            while let s = span[k], ProseText.isDigit(s) || "一二三四五六七八九十两".unicodeScalars.contains(s) { k += 1 }
            if span[span.skipBlanks(from: k)] == "个" { return true }
        }
        // The name fills a list item: `2.名称。`, `1<TAB>名称<TAB>行政单位`.
        var itemStart = before
        while let s = span[itemStart - 1], ProseText.isDigit(s) || "一二三四五六七八九十、.．）)（(- -".unicodeScalars.contains(s) { itemStart -= 1 }
        itemStart = span.skipBlanks(before: itemStart)
        let startsItem = itemStart == 0 || span[itemStart - 1] == "\t"
        let endsItem = after >= span.count || span[o.end] == "\t" || "。；;，,".unicodeScalars.contains(span[after]!)
            && span.skipBlanks(from: after + 1) >= span.count
        return startsItem && endsItem
    }

    static func isSubject(_ o: Occurrence, in span: TextSpan) -> Bool {
        var before = span.skipBlanks(before: o.start)
        if let opener = span.hasAny(openers, endingAt: before) { before = span.skipBlanks(before: before - opener.unicodeScalars.count) }
        // An ordinal at the start of a line: `1.`, `（一）`.
        var k = before
        while let s = span[k - 1], ProseText.isDigit(s) || "一二三四五六七八九十、.．）)（(".unicodeScalars.contains(s) { k -= 1 }
        let atClauseStart = k == 0 || span[k - 1].map { Scalars.clauseEnds.contains($0) } == true
        guard atClauseStart else { return false }
        let after = span.skipBlanks(from: o.end)
        if span.hasAny(ownRole, at: after) != nil { return false }
        return span.containsAny(financeWords, from: o.end, to: span.sentenceEnd(o.end))
    }

    /// Two-character words too general to tie two bodies together.
    static let generalWords: Set<String> = ["管理", "服务", "事业", "工作", "发展", "综合", "执法", "监督", "建设", "保护", "中心", "办公"]

    /// Whether a body shares a two-character word of the department's own (医疗 in
    /// 医疗保险基金服务中心 for 医疗保障局): most likely its own unit, left unlisted.
    static func sharesDomain(_ body: String, _ ownBody: String) -> Bool {
        let own = Array(ownBody.unicodeScalars).dropLast()
        guard own.count >= 2 else { return false }
        for k in 0..<(own.count - 1) {
            var view = String.UnicodeScalarView()
            view.append(own[own.startIndex + k])
            view.append(own[own.startIndex + k + 1])
            let word = String(view)
            if !generalWords.contains(word), body.containsText(word) { return true }
        }
        return false
    }

    /// Equal, or one character inserted, deleted or replaced (a typo in a list of units).
    static func nearlyEqual(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard abs(x.count - y.count) <= 1, min(x.count, y.count) >= 4 else { return false }
        var i = 0
        while i < x.count, i < y.count, x[i] == y[i] { i += 1 }
        var j = 0
        while j < x.count - i, j < y.count - i, x[x.count - 1 - j] == y[y.count - 1 - j] { j += 1 }
        return i + j >= max(x.count, y.count) - 1
    }
}

/// Organisation names written without the department's place prefix (`社会保险事业管理局`), read
/// only where nothing but the department itself can be meant, because without the prefix the
/// start of a name is not certain anywhere else:
/// - the object of `保障…正常运转`, the definition of 基本支出 (`用于保障社会保险事业管理局行政机构、
///   事业机构的正常运转`): what a department's basic spending keeps running is the department;
/// - a full name (four characters or more before 局/中心/…) opening a clause, followed at once by
///   what a subject is followed by (a year or figure, 在/按照/已…, 收入/支出/结余…), in a sentence
///   about money or management, not acting in its own role (`社会保险事业管理局2023年度结余18.41万元`).
/// Short forms (`医保中心`, `县财政局`), names with 的/在/对… inside, or a place name inside
/// (`组织推进区医疗保障局`: a name with words before it) are not read; nor is a 委员会 as a
/// subject (committees are superior or partner bodies), only as what the basic spending keeps running.
enum UnprefixedNames {
    static let suffixes = ["办公室", "委员会", "中心", "局", "院", "站", "所", "办"]
    static let suffixFirsts = ScalarSet(suffixes.map { $0.unicodeScalars.first! })
    static let notSuffix: [String: [String]] = [
        "办": ["法", "理", "事", "结", "好", "学", "班", "件", "公", "员"], "院": ["校", "内", "外"], "站": ["位", "点", "式"],
        "局": ["面", "势", "限"], "中心": ["工作", "任务"],
        "所": ["属", "得", "有", "需", "以", "在", "用", "述", "谓", "占", "涉", "示", "说", "做", "作", "提", "列", "附", "辖", "致", "能", "要", "获"],
    ]
    /// Characters that make 所 after them a word, not a body's name (`公用经费有所结余`, `场所`, `住所`).
    static let notBeforeSuo: ScalarSet = ["有", "无", "之", "场", "住", "处"]
    /// Characters no organisation name holds: a phrase, not a name.
    static let notInName: ScalarSet = ["的", "在", "对", "按", "向", "由", "为", "是", "了", "将", "于", "从", "把", "被", "以",
                                                "与", "其", "此", "并", "或", "等", "之", "已", "未", "年"]
    /// Words that open a generic reference, not a name: 本局, 上级主管部门, 各乡镇卫生院.
    static let genericStarts = ["本", "我", "该", "各", "全", "上级", "下级", "下属", "所属", "主管", "同级", "有关", "相关", "其他", "原", "贵", "市级", "县级", "省级", "区级"]
    static let genericFirsts = ScalarSet(genericStarts.map { $0.unicodeScalars.first! })
    static let levels: ScalarSet = ["省", "市", "州", "县", "区", "旗", "盟", "乡", "镇"]
    /// A body acting in its own role, or on the department (`2023年下达我局资金`): not the department.
    static let actingOnOthers = ForeignNameRule.ownRole.filter { !["、", "和", "与", "及", "等"].contains($0) }
        + ["我局", "本局", "我单位", "本单位", "我部门", "本部门", "我们", "拨付", "下拨", "拨入", "代发", "代征", "代缴", "核拨", "审核", "考核",
           "检查", "督导", "监督", "审计", "补助", "向", "给予", "缴存", "征收", "收缴", "统一", "集中", "代理", "代为", "委托"]
    static let keepingVerbs = ["保障", "保证", "确保", "维持", "维护"]
    /// Words by which a department speaks of itself without its name (`保障…和中心日常运转`).
    static let bareSelfWords: Set<String> = ["中心", "局", "站", "所", "院", "队", "办", "委", "处", "室", "馆", "单位", "机关", "本局", "本中心"]
    /// Their first scalars: asked at every scalar before the words themselves.
    static let keepingVerbFirsts = ScalarSet(keepingVerbs.map { $0.unicodeScalars.first! })
    static let running = ["正常运转", "正常运行", "运转", "运行"]
    static let runningFillers = ["行政机构", "事业机构", "机构", "机关", "单位", "、", "和", "及", "的", "日常", "各项工作"]
    static let subjectFollowers = ["本年", "全年", "年度", "当年", "上年", "今年", "年初", "年末", "在", "于", "按", "根据", "依据", "严格", "认真",
                                   "积极", "基本", "已", "均", "共", "全面", "收入", "支出", "结余", "结转", "预算", "决算", "资金", "经费", "资产",
                                   "财务", "的收入", "的支出", "的预算", "的决算", "的资金", "的结余", "的经费", "的资产", "的财务"]

    static func selfReferences(in span: TextSpan, _ index: Int) -> [ForeignNameRule.Occurrence] {
        var found: [ForeignNameRule.Occurrence] = []
        // Read once: a static is checked for its initialisation at every access (every scalar).
        let keepingVerbFirsts = Self.keepingVerbFirsts, clauseEnds = Scalars.clauseEnds
        // The places either branch reads (a keeping verb's first scalar, a clause's start), in
        // one pass without bounds checks (issue 15).
        let places: [Int] = span.scalars.withUnsafeBufferPointer { s in
            var found: [Int] = []
            guard !s.isEmpty else { return found }
            found.append(0)
            @inline(__always) func isPlace(_ i: Int) -> Bool {
                keepingVerbFirsts.filterBit(s[i]) | clauseEnds.filterBit(s[i - 1]) != 0
                    && (keepingVerbFirsts.contains(s[i]) || clauseEnds.contains(s[i - 1]))
            }
            // Four places' filter bits joined and tested at once: most groups hold none.
            var i = 1
            while s.count - i >= 4 {
                let verbs = keepingVerbFirsts.filterBit(s[i]) | keepingVerbFirsts.filterBit(s[i + 1])
                    | keepingVerbFirsts.filterBit(s[i + 2]) | keepingVerbFirsts.filterBit(s[i + 3])
                let ends = clauseEnds.filterBit(s[i - 1]) | clauseEnds.filterBit(s[i])
                    | clauseEnds.filterBit(s[i + 1]) | clauseEnds.filterBit(s[i + 2])
                if verbs | ends != 0 { for k in i..<(i + 4) where isPlace(k) { found.append(k) } }
                i += 4
            }
            for k in i..<s.count where isPlace(k) { found.append(k) }
            return found
        }
        for i in places {
            // `保障 NAME（行政机构、事业机构的）正常运转`.
            if keepingVerbFirsts.contains(span.scalars[i]), let verb = span.hasAny(keepingVerbs, at: i), span[i - 1].map({ "为于以是并和及、 \t".unicodeScalars.contains($0) || clauseEnds.contains($0) }) ?? true {
                let start = i + verb.unicodeScalars.count
                if let end = nameEnds(span, from: start, minimumBody: 2).first(where: { keepsRunning(span, from: $0) }) {
                    // `保障人员工资福利和中心日常运转`: what is kept after 和 is a bare word for the
                    // department itself (中心, 局), not a name holding 和 (`县林业和草原局`).
                    var nameStart = start
                    for k in start..<end where span.scalars[k] == "和" || span.scalars[k] == "及" || span.scalars[k] == "、" { nameStart = k + 1 }
                    if nameStart > start, !bareSelfWords.contains(span.string(nameStart, end)) { nameStart = start }
                    if nameStart == start {
                        found.append(ForeignNameRule.Occurrence(span: index, start: start, prefixEnd: start, end: end, body: span.string(start, end)))
                    }
                }
            }
            // A full name opening a clause as its subject.
            if i == 0 || span[i - 1].map({ clauseEnds.contains($0) }) == true {
                let start = clauseBody(span, from: i)
                guard let end = nameEnds(span, from: start, minimumBody: 4).first, !span.has("委员会", endingAt: end),
                      !span.string(start + 1, end).unicodeScalars.contains(where: { levels.contains($0) }) else { continue }
                let after = span.skipBlanks(from: end)
                guard ProseText.isDigit(span[after]) || span.hasAny(subjectFollowers, at: after) != nil,
                      !span.containsAny(actingOnOthers, from: end, to: span.clauseEnd(end)),
                      span.containsAny(ForeignNameRule.financeWords, from: end, to: span.sentenceEnd(end)) else { continue }
                found.append(ForeignNameRule.Occurrence(span: index, start: start, prefixEnd: start, end: end, body: span.string(start, end)))
            }
        }
        return found
    }

    /// Whether a short form is the department's own (`医保中心` for 医疗保障局: its first two
    /// characters, after a level such as 县, stand in order in the department's name).
    static func abbreviates(_ body: String, _ ownBody: String) -> Bool {
        var scalars = Array(body.unicodeScalars)
        if let first = scalars.first, levels.contains(first) { scalars.removeFirst() }
        guard scalars.count >= 2 else { return false }
        let own = Array(ownBody.unicodeScalars)
        guard let i = own.firstIndex(of: scalars[0]) else { return false }
        return own[(i + 1)...].contains(scalars[1])
    }

    /// What an ordinal at a clause's start is made of (`1`, `（二`), and what ends it (`.`, `、`, `）`).
    static let ordinalScalars = ScalarSet("一二三四五六七八九十（(")
    static let ordinalEnds = ScalarSet("、.．）)")

    /// After a clause start: blanks, an ordinal (`1.`, `（二）`) and an opener (`总体来看`) skipped.
    static func clauseBody(_ span: TextSpan, from i: Int) -> Int {
        var k = span.skipBlanks(from: i)
        var j = k
        let ordinalScalars = Self.ordinalScalars
        while let s = span[j], ProseText.isDigit(s) || ordinalScalars.contains(s) { j += 1 }
        if j > k, let s = span[j], ordinalEnds.contains(s) { k = span.skipBlanks(from: j + 1) }
        if let first = span[k], ForeignNameRule.openerFirsts.contains(first), let opener = span.hasAny(ForeignNameRule.openers, at: k) {
            k = span.skipBlanks(from: k + opener.unicodeScalars.count)
        }
        return k
    }

    /// Ends of the names starting at `start`, shortest first: Han characters that no phrase
    /// holds, at least `minimumBody` of them (after a one-character level such as 县) before the suffix.
    static func nameEnds(_ span: TextSpan, from start: Int, minimumBody: Int) -> [Int] {
        // Only a scalar that starts a generic word needs the words themselves.
        if let first = span[start], genericFirsts.contains(first), !genericStarts.allSatisfy({ !span.has($0, at: start) }) { return [] }
        let bodyStart = span[start].map { levels.contains($0) } == true ? start + 1 : start
        // A name ends with a suffix within its first twenty characters: where no suffix starts,
        // there is none, found with one test a scalar (issue 15: asked at every clause).
        let suffixFirsts = Self.suffixFirsts
        let lower = max(0, bodyStart + minimumBody), upper = min(span.count, bodyStart + 20)
        guard lower < upper, span.scalars.withUnsafeBufferPointer({ text in (lower..<upper).contains { suffixFirsts.contains(text[$0]) } }) else { return [] }
        let notInName = Self.notInName
        var ends: [Int] = []
        var k = bodyStart
        while let s = span[k], Scalars.isHan(s), !notInName.contains(s), k - bodyStart < 20 {
            if k - bodyStart >= minimumBody, suffixFirsts.contains(s), let suffix = suffixes.first(where: { span.has($0, at: k) }) {
                let after = k + suffix.unicodeScalars.count
                if !(notSuffix[suffix]?.contains { span.has($0, at: after) } ?? false),
                   !(suffix == "所" && span[k - 1].map { notBeforeSuo.contains($0) } == true) { ends.append(after) }
            }
            k += 1
        }
        return ends
    }

    /// `行政机构、事业机构的正常运转` after the name.
    static func keepsRunning(_ span: TextSpan, from end: Int) -> Bool {
        var k = end
        while k < span.count {
            if span.hasAny(running, at: k) != nil { return true }
            guard let filler = span.hasAny(runningFillers, at: k) else { return false }
            k += filler.unicodeScalars.count
        }
        return false
    }
}

extension TextSpan {
    /// Every start of `word` in the span.
    func occurrences(of word: String) -> [Int] {
        let length = word.unicodeScalars.count
        guard length > 0, count >= length else { return [] }
        return (0...(count - length)).filter { has(word, at: $0) }
    }
}
