import JuesuanSyntax

/// The relations that hold between the named amounts of a report by definition
/// (narrative.md §3, domain-rules §4). One list, kept as data: the prose checks read it,
/// hover and inlay hints explain a figure with it, and the table checks' label trees
/// (StandardTables) hold the same sums for the tables.
public struct Identity: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The parts add up to the whole.
        case complete
        /// The parts may not exceed the whole (`其中` lists that are not complete, ≤ relations).
        case partial
        /// The two figures are one ledger figure printed twice.
        case equal
    }

    public var whole: String
    public var parts: [String]
    public var kind: Kind
    /// Where the relation comes from (domain-rules ids).
    public var source: String

    /// `基本支出 = 人员经费 + 公用经费`
    public var formula: String {
        switch kind {
        case .complete: "\(whole) = \(parts.joined(separator: " + "))"
        case .partial: "\(whole) ≥ \(parts.joined(separator: " + "))"
        case .equal: "\(whole) = \(parts.joined(separator: " = "))"
        }
    }
}

public enum Identities {
    public static let all: [Identity] = [
        Identity(whole: "收入总计", parts: ["支出总计"], kind: .equal, source: "T01-5"),
        Identity(whole: "收入总计", parts: ["本年收入合计", "使用非财政拨款结余", "年初结转和结余"], kind: .complete, source: "T01-3"),
        Identity(whole: "支出总计", parts: ["本年支出合计", "结余分配", "年末结转和结余"], kind: .complete, source: "T01-4"),
        Identity(whole: "本年收入合计", parts: ["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], kind: .complete, source: "T01-1"),
        Identity(whole: "财政拨款收入", parts: ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"], kind: .complete, source: "X-02"),
        Identity(whole: "财政拨款收入总计", parts: ["财政拨款支出总计"], kind: .equal, source: "T04-4"),
        Identity(whole: "财政拨款收入总计", parts: ["财政拨款收入", "年初财政拨款结转和结余"], kind: .complete, source: "T04-4"),
        Identity(whole: "财政拨款支出总计", parts: ["财政拨款支出", "年末财政拨款结转和结余"], kind: .complete, source: "T04-4"),
        Identity(whole: "本年支出合计", parts: ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], kind: .complete, source: "T03-1"),
        Identity(whole: "基本支出", parts: ["人员经费", "公用经费"], kind: .complete, source: "N-08"),
        // Economic classes of 基本支出: 307 债务利息 and 399 其他 may stand outside a prose list.
        Identity(whole: "基本支出", parts: ["工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出"], kind: .partial, source: "N-08"),
        Identity(whole: "三公经费", parts: ["因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"], kind: .complete, source: "T09-1"),
        Identity(whole: "公务用车购置及运行维护费", parts: ["公务用车购置费", "公务用车运行维护费"], kind: .complete, source: "T09-2"),
        Identity(whole: "政府采购支出总额", parts: ["政府采购货物支出", "政府采购工程支出", "政府采购服务支出"], kind: .complete, source: "N-11"),
        Identity(whole: "政府采购支出总额", parts: ["授予中小企业合同金额"], kind: .partial, source: "N-11"),
        Identity(whole: "授予中小企业合同金额", parts: ["授予小微企业合同金额"], kind: .partial, source: "N-11"),
        Identity(whole: "公用经费", parts: ["机关运行经费"], kind: .partial, source: "N-10"),
    ]

    /// The identities a quantity is the whole of.
    public static func identities(ofWhole name: String) -> [Identity] {
        // Every whole is simple text: a simple name is looked up by its bytes, without the
        // normalising hash of `String` (the same answer; issue 15).
        if SimpleText.isSimple(name) { return byWholeBytes[ByteKey(name)] ?? [] }
        return byWhole[name] ?? []
    }

    /// The wholes a quantity is a part of, nearest first (`公务用车运行维护费` → 公务用车购置及运行维护费,
    /// then 三公经费): for a share whose whole is not named (narrative.md §2.4).
    public static func ancestors(of name: String) -> [String] {
        // Every part is simple text: a simple name's are looked up, made once (issue 15).
        if SimpleText.isSimple(name) { return ancestorsOfParts[ByteKey(name)] ?? [] }
        return searchAncestors(of: name)
    }

    /// `ancestors(of:)` of every part of an identity; a name that is no part has none.
    static let ancestorsOfParts: [ByteKey: [String]] = {
        var table: [ByteKey: [String]] = [:]
        for part in wholesOfParts.keys {
            precondition(SimpleText.isSimple(part))
            table[ByteKey(part)] = searchAncestors(of: part)
        }
        return table
    }()

    /// The wholes of the identities (but `equal` ones) each name is a part of, in the order of
    /// `all` (made once: searching every identity for each part at each step was a
    /// hundredth of a lint's instructions, issue 15).
    static let wholesOfParts: [String: [String]] = {
        var table: [String: [String]] = [:]
        for identity in all where identity.kind != .equal {
            for part in Set(identity.parts) { table[part, default: []].append(identity.whole) }
        }
        return table
    }()

    /// Breadth first: the wholes `name` is a part of in the order of `all`, then theirs.
    static func searchAncestors(of name: String) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        var frontier = [name]
        var next = 0
        while next < frontier.count {
            for whole in wholesOfParts[frontier[next]] ?? [] where seen.insert(whole).inserted {
                result.append(whole)
                frontier.append(whole)
            }
            next += 1
        }
        return result
    }

    /// Whether two quantities are parts of one whole (`基本支出`, `项目支出`).
    public static func areSiblings(_ a: String, _ b: String) -> Bool {
        // Every part is simple text: simple names are answered from their bytes (issue 15).
        if SimpleText.isSimple(a), SimpleText.isSimple(b) {
            guard let x = completePartIndices[ByteKey(a)], let y = completePartIndices[ByteKey(b)] else { return false }
            return !x.isDisjoint(with: y)
        }
        return all.contains { $0.kind == .complete && $0.parts.contains(a) && $0.parts.contains(b) }
    }

    /// For each part of a complete identity, the positions in `all` of the complete identities it is a part of.
    static let completePartIndices: [ByteKey: Set<Int>] = {
        var table: [ByteKey: Set<Int>] = [:]
        for (index, identity) in all.enumerated() where identity.kind == .complete {
            for part in identity.parts {
                precondition(SimpleText.isSimple(part))
                table[ByteKey(part), default: []].insert(index)
            }
        }
        return table
    }()

    static let byWhole: [String: [Identity]] = Dictionary(grouping: all, by: \.whole)
    static let byWholeBytes: [ByteKey: [Identity]] = {
        precondition(all.allSatisfy { SimpleText.isSimple($0.whole) })
        return Dictionary(grouping: all, by: { ByteKey($0.whole) })
    }()
}

/// The names prose gives the amounts of a report, with the canonical name each stands for.
public enum QuantityNames {
    /// Alias → canonical name. Longer aliases win over the shorter ones inside them.
    static let aliases: [(alias: String, name: String)] = {
        var entries: [(alias: String, name: String)] = []
        func add(_ name: String, _ aliases: String...) {
            entries.append((alias: name, name: name))
            for alias in aliases { entries.append((alias: alias, name: name)) }
        }
        add("收入总计", "收入合计总计")
        add("支出总计")
        add("本年收入合计", "本年收入", "本年度收入合计", "本年度收入", "当年收入", "全部收入", "总收入", "收入合计")
        add("本年支出合计", "本年支出", "本年度支出合计", "本年度支出", "当年支出", "全部支出", "总支出", "支出合计")
        add("年初结转和结余", "上年结转和结余", "年初结转结余", "上年结转结余", "年初结余", "上年结余", "年初结转")
        add("年末结转和结余", "年末结转结余", "年末结余", "年末结转")
        add("结余分配")
        add("使用非财政拨款结余", "使用非财政拨款结余（含专用结余）")
        add("财政拨款收入")
        // 公开04's own totals and balances: the 财政拨款 part of 公开01's.
        add("财政拨款收入总计", "财政拨款收入合计总计")
        add("财政拨款支出总计")
        add("年初财政拨款结转和结余", "财政拨款年初结转和结余", "年初财政拨款结转结余", "财政拨款年初结转结余", "上年财政拨款结转和结余", "年初财政拨款结余")
        add("年末财政拨款结转和结余", "财政拨款年末结转和结余", "年末财政拨款结转结余", "财政拨款年末结转结余", "年末财政拨款结余")
        add("财政拨款支出", "财政拨款本年支出", "财政拨款支出合计")
        // `收入总额` is 收入总计 to some officers and 本年收入合计 to others (session 29): a name of
        // its own, which either figure satisfies and no identity holds.
        add("收入总额")
        add("支出总额")
        add("财政拨款收入总额")
        add("财政拨款支出总额")
        add("上级补助收入")
        add("事业收入")
        add("经营收入")
        add("附属单位上缴收入")
        add("其他收入")
        add("一般公共预算财政拨款收入", "一般公共预算财政拨款", "一般公共预算拨款收入", "一般公共预算收入")
        add("政府性基金预算财政拨款收入", "政府性基金预算财政拨款", "政府性基金预算拨款收入", "政府性基金收入")
        add("国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款", "国有资本经营预算收入")
        // Their spending, a name of its own: the income aliases above end inside these words
        // (`一般公共预算财政拨款支出` is not the fund's income followed by 支出).
        add("一般公共预算财政拨款支出", "一般公共预算支出", "一般公共预算拨款支出")
        add("政府性基金预算财政拨款支出", "政府性基金预算支出", "政府性基金支出")
        add("国有资本经营预算财政拨款支出", "国有资本经营预算支出")
        add("基本支出")
        add("项目支出", "项目支出总额")
        add("上缴上级支出")
        add("经营支出")
        add("对附属单位补助支出")
        add("人员经费")
        add("公用经费")
        // `“三公”经费财政拨款支出` is 公开09's total (its title: 财政拨款“三公”经费支出), not 财政拨款支出
        // qualified by 三公经费.
        let threeNames = ["三公经费", "“三公”经费", "\"三公\"经费", "‘三公’经费", "「三公」经费"]
        entries.append((alias: "三公经费", name: "三公经费"))
        for base in threeNames {
            if base != "三公经费" { entries.append((alias: base, name: "三公经费")) }
            entries.append((alias: base + "财政拨款支出", name: "三公经费"))
            entries.append((alias: "财政拨款" + base + "支出", name: "三公经费"))
        }
        add("因公出国（境）费", "因公出国(境)费", "因公出国（境）费用", "因公出国费", "出国（境）费", "因公出国（境）经费", "因公出国(境)经费")
        add("公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车购置和运行维护费", "公务用车购置及运维费")
        add("公务用车购置费")
        add("公务用车运行维护费", "公务用车运行费", "公务用车运维费")
        add("公务接待费")
        add("国内接待费", "国内公务接待费", "国内公务接待支出")
        add("国（境）外接待费", "国（境）外公务接待费", "国(境)外接待费", "国(境)外公务接待费", "境外接待费")
        add("机关运行经费")
        add("政府采购支出总额", "政府采购支出", "政府采购总额", "政府采购金额")
        add("政府采购货物支出", "货物采购支出", "采购货物支出")
        add("政府采购工程支出", "工程采购支出", "采购工程支出")
        add("政府采购服务支出", "服务采购支出", "采购服务支出")
        add("授予中小企业合同金额", "授予中小企业合同", "授予中小企业")
        add("授予小微企业合同金额", "授予小微企业合同", "授予小微企业")
        add("工资福利支出")
        add("商品和服务支出")
        add("对个人和家庭的补助", "对个人和家庭补助", "对个人和家庭的补助支出")
        add("资本性支出")
        return entries.sortedLongestFirst { $0.alias.count }
    }()

    /// Words that may stand before a name without changing what it names: those of a table's
    /// row labels (`FigureNames.neutralWords`), and in prose these as well.
    static let neutralWords = FigureNames.neutralWords + [
        "在", "其", "全部", "累计", "实际", "总", "即", "两项", "三项", "以上", "上述", "各项", "当年",
        "由", "包括", "本年", "另有", "另外", "此外", "还有", "其余为", "其余是"]

    /// The quantity a label names: the longest known name in it, with the words before it as
    /// qualifier (`一般公共预算财政拨款基本支出` → 基本支出 qualified by 一般公共预算财政拨款).
    /// `nil` when the label names no known amount.
    public static func known(in label: String) -> Quantity? { match(in: label)?.quantity }

    /// The amount that words name whole: a known name ending them (`财政拨款收入`), or a 类 named
    /// alone (`教育支出`); nil for anything else (`教育支出中的一项`).
    public static func namedWhole(by words: String) -> Quantity? {
        if let (quantity, end) = match(in: words), end == words.endIndex { return quantity }
        return ProseReader.category(namedAloneBy: words, code: FigureNames.categoryCode(in: LabelKey.make(words)))
    }

    /// The known name a label ends on, found from the end on Unicode scalars: the head noun of a
    /// Chinese phrase comes last (`一般公共预算财政拨款基本支出` is 基本支出); among names that
    /// end at one place, the longest.
    public static func match(in label: String) -> (quantity: Quantity, end: String.Index)? {
        guard let found = longestMatch(in: label) else { return nil }
        // `其他工资福利支出`, `其他商品和服务支出`: another item than the name (a row of its own).
        if found.quantity.qualifier.utf8HasSuffix("他"), found.quantity.qualifier.utf8HasSuffix("其他") || found.quantity.qualifier.utf8.count == 3 { return nil }
        // `收入合计` alone (`2024年度收入合计`) is 本年收入合计; after another name's words
        // (`一般公共预算财政拨款收入合计`, `“三公”经费财政拨款支出合计`) its 合计 totals that name: the
        // name found without 合计 wins when it leaves less of the label as its qualifier. So with
        // 总额 (`基本支出总额` is 基本支出, not 支出总额 qualified by 基本). Asked on UTF-8 bytes, only
        // of `…收入合计` / `…支出合计` / `…总额` not after 本年 / 本年度 (issue 15: a second match of
        // every qualified `…本年支出合计` cost more than the rest of the look-up).
        guard !found.quantity.qualifier.isEmpty else { return found }
        let end = label.utf8.distance(from: label.utf8.startIndex, to: found.end)
        let retry = label.utf8.withContiguousStorageIfAvailable { b -> Bool in
            let side = end - totalBytes.count, before = side - incomeBytes.count
            guard has(b, totalBytes, at: side) || has(b, sumBytes, at: side),
                  has(b, incomeBytes, at: before) || has(b, spendingBytes, at: before) else { return false }
            return !has(b, yearBytes, at: before - yearBytes.count) && !has(b, degreeBytes, at: before - degreeBytes.count)
        } == true
        guard retry else { return found }
        let shorter = String(label[..<label.utf8.index(found.end, offsetBy: -totalBytes.count)])
        // (The inner name ends where 合计 / 总额 begins: `收入总计由收入总额` is no 收入总计.)
        if let inner = longestMatch(in: shorter), inner.end == shorter.endIndex, inner.quantity.qualifier.utf8.count < found.quantity.qualifier.utf8.count {
            let offset = shorter.utf8.distance(from: shorter.startIndex, to: inner.end)
            return (inner.quantity, label.utf8.index(label.startIndex, offsetBy: offset))
        }
        return found
    }

    /// Whether `b` holds `word` from `k` on (false when it would start or end outside `b`).
    @inline(__always)
    static func has(_ b: UnsafeBufferPointer<UInt8>, _ word: [UInt8], at k: Int) -> Bool {
        guard k >= 0, k + word.count <= b.count else { return false }
        var m = 0
        while m < word.count, b[k + m] == word[m] { m += 1 }
        return m == word.count
    }

    static let totalBytes = Array("合计".utf8), sumBytes = Array("总额".utf8), notBytes = Array("非".utf8)
    static let incomeBytes = Array("收入".utf8), spendingBytes = Array("支出".utf8)

    /// The longest known name the label ends on, with its qualifier.
    static func longestMatch(in label: String) -> (quantity: Quantity, end: String.Index)? {
        // On the label's UTF-8 bytes when contiguous (issue 15): a name's bytes end where a
        // scalar ends, and equal bytes are equal scalars, so the same match is found.
        if let found = label.utf8.withContiguousStorageIfAvailable({ matchBytes($0) }) {
            guard let (lower, upper, name) = found else { return nil }
            // `非财政拨款收入` is the income that is not the appropriations: no name of ours.
            if lower >= 3, label.utf8.withContiguousStorageIfAvailable({ has($0, notBytes, at: lower - 3) }) == true { return nil }
            let view = label.utf8
            let start = view.index(view.startIndex, offsetBy: lower)
            let end = view.index(view.startIndex, offsetBy: upper)
            let qualifier = lower == 0 ? "" : neutralized(String(label[..<start]))
            return (Quantity(name: name, qualifier: qualifier, isKnown: true), end)
        }
        return matchScalars(in: label)
    }

    /// The byte range and name of the match in `b` (valid UTF-8), as `matchScalars` finds it.
    static func matchBytes(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, String)? {
        var end = b.count
        while end > 0 {
            // The scalar that ends at `end`.
            var start = end - 1
            while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
            let value = UTF8Scalars.validScalar(b, at: start).value
            if let last = Unicode.Scalar(value), aliasLastScalars.mayContain(last), let candidates = aliasBytesByLastScalar[last] {
                for candidate in candidates where candidate.bytes.count <= end {
                    let lower = end - candidate.bytes.count
                    var k = 0
                    while k < candidate.bytes.count, b[lower + k] == candidate.bytes[k] { k += 1 }
                    if k == candidate.bytes.count { return (lower, end, candidate.name) }
                }
            }
            end = start
        }
        return nil
    }

    /// `match(in:)` on the label's scalars (a label without contiguous UTF-8).
    static func matchScalars(in label: String) -> (quantity: Quantity, end: String.Index)? {
        let view = label.unicodeScalars
        var endIndex = view.endIndex
        while endIndex > view.startIndex {
            let lastIndex = view.index(before: endIndex)
            let last = view[lastIndex]
            // Most scalars end no name: a bit says so before the dictionary is asked.
            if aliasLastScalars.mayContain(last), let candidates = aliasesByLastScalar[last] {
                candidates: for candidate in candidates {
                    // The candidate's scalars, compared from its end; longest first.
                    var k = candidate.scalars.count - 1
                    var position = lastIndex
                    while k > 0 {
                        guard position > view.startIndex else { continue candidates }
                        position = view.index(before: position)
                        guard view[position] == candidate.scalars[k - 1] else { continue candidates }
                        k -= 1
                    }
                    if position > view.startIndex, view[view.index(before: position)] == "非" { return nil }
                    let qualifier = position == view.startIndex ? "" : neutralized(String(label[..<position]))
                    return (Quantity(name: candidate.name, qualifier: qualifier, isKnown: true), endIndex)
                }
            }
            endIndex = lastIndex
        }
        return nil
    }

    /// Aliases by their last scalar, longest first.
    static let aliasesByLastScalar: [Unicode.Scalar: [(scalars: [Unicode.Scalar], name: String)]] = {
        var table: [Unicode.Scalar: [(scalars: [Unicode.Scalar], name: String)]] = [:]
        for (alias, name) in aliases {
            let scalars = Array(alias.unicodeScalars)
            table[scalars[scalars.count - 1], default: []].append((scalars, name))
        }
        return table.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
    }()

    /// `aliasesByLastScalar` with each alias's UTF-8 bytes, in the same order.
    static let aliasBytesByLastScalar: [Unicode.Scalar: [(bytes: [UInt8], name: String)]] = aliasesByLastScalar.mapValues { candidates in
        candidates.map { candidate in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: candidate.scalars)
            return (Array(String(view).utf8), candidate.name)
        }
    }

    /// The last scalars of the aliases, as a filter.
    static let aliasLastScalars = ScalarFilter(aliasesByLastScalar.keys)

    /// The prefix without neutral words, years and punctuation: what really qualifies the name.
    static func neutralized(_ prefix: String) -> String {
        if prefix.isEmpty { return "" }
        // On the bytes when contiguous (issue 15); nil from them when nothing is dropped.
        if let kept = prefix.utf8.withContiguousStorageIfAvailable({ neutralizedBytes($0) }) { return kept ?? prefix }
        return neutralizedScalars(prefix)
    }

    /// `neutralizedScalars` on valid UTF-8: the kept text, or nil when every scalar is kept.
    static func neutralizedBytes(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        // The kept bytes are written to a temporary buffer; a string is made only when
        // something was dropped (issue 15).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { out -> String? in
            var length = 0
            var dropped = false
            var i = 0
            @inline(__always) func isDigit(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
            outer: while i < n {
                if isDigit(i) {
                    while isDigit(i) { i += 1 }
                    if has(b, yearBytes, at: i) { i += yearBytes.count; if has(b, degreeBytes, at: i) { i += degreeBytes.count } }
                    dropped = true
                    continue
                }
                let (value, w) = UTF8Scalars.validScalar(b, at: i)
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                if neutralFirstScalars.mayContain(scalar) {
                    for word in neutralBytes[scalar] ?? [] where has(b, word, at: i) {
                        i += word.count
                        dropped = true
                        continue outer
                    }
                }
                if separatorFilter.mayContain(scalar) && separators.contains(scalar) {
                    dropped = true
                } else {
                    for m in 0..<w { out[length + m] = b[i + m] }
                    length += w
                }
                i += w
            }
            return dropped ? String(decoding: UnsafeBufferPointer(rebasing: out[0..<length]), as: UTF8.self) : nil
        }
    }

    static let yearBytes = Array("年".utf8)
    static let degreeBytes = Array("度".utf8)
    /// The neutral words' bytes by their first scalar, longest first (as `neutralScalars`).
    static let neutralBytes: [Unicode.Scalar: [[UInt8]]] = neutralScalars.mapValues { words in
        words.map { word in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: word)
            return Array(String(view).utf8)
        }
    }

    static func neutralizedScalars(_ prefix: String) -> String {
        // On scalars: this runs for every figure of the prose.
        let scalars = Array(prefix.unicodeScalars)
        var kept = String.UnicodeScalarView()
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < scalars.count && scalars[k].value >= 0x30 && scalars[k].value <= 0x39 }
        outer: while i < scalars.count {
            if isDigit(i) {
                while isDigit(i) { i += 1 }
                if i < scalars.count, scalars[i] == "年" { i += 1; if i < scalars.count, scalars[i] == "度" { i += 1 } }
                continue
            }
            if neutralFirstScalars.mayContain(scalars[i]) {
                for word in neutralScalars[scalars[i]] ?? [] where i + word.count <= scalars.count && scalars[i..<(i + word.count)].elementsEqual(word) {
                    i += word.count
                    continue outer
                }
            }
            if !(separatorFilter.mayContain(scalars[i]) && Self.separators.contains(scalars[i])) { kept.append(scalars[i]) }
            i += 1
        }
        return String(kept)
    }

    static let separators = Set("，,、：:；;（）()“”\"' ".unicodeScalars)
    static let separatorFilter = ScalarFilter(separators)
    static let neutralFirstScalars = ScalarFilter(neutralScalars.keys)
    /// The neutral words by their first scalar, longest first.
    static let neutralScalars: [Unicode.Scalar: [[Unicode.Scalar]]] = {
        var table: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for word in neutralWords { let scalars = Array(word.unicodeScalars); table[scalars[0], default: []].append(scalars) }
        return table.mapValues { $0.sorted { $0.count > $1.count } }
    }()
}

/// A filter on scalars: `mayContain` is false for every scalar not in the set it was made of,
/// and true for those (and a few others that share its bit). One bit per value modulo 4,096,
/// tested before a set or dictionary is hashed (issue 15).
public struct ScalarFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars {
            let index = Int(scalar.value & 0xFFF)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
    }

    @inline(__always)
    public func mayContain(_ scalar: Unicode.Scalar) -> Bool {
        let index = Int(scalar.value & 0xFFF)
        return bits[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}
