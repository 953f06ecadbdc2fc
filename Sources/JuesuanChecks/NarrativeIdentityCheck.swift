import JuesuanModel
import JuesuanSyntax

/// N504 and N511: prose facts against the identities (`Identities.all`) and against the
/// `其中` lists they are written in. A list is complete when its parts are every part of an
/// identity of its whole, or when every part carries its share and no 等 says it is partial;
/// otherwise its parts may only not exceed the whole. Across sentences of one section the
/// identities are checked on the last figure stated of each quantity.
enum NarrativeIdentityCheck {
    static func run(_ reading: inout ProseReading) {
        var judgedWholes: Set<Int> = []
        lists(&reading, judged: &judgedWholes)
        identities(&reading, judged: judgedWholes)
        countedTotals(&reading)
    }

    // MARK: N504 — `二者合计`

    /// The words of a total of the amounts just written, by how many they add (`二者合计`, `三项共计`).
    static let countedTotalWords: [(words: String, count: Int)] = {
        var words: [(String, Int)] = []
        for (numbers, count) in [(["二者", "两者", "两项", "二项"], 2), (["三者", "三项"], 3), (["四项"], 4)] {
            for number in numbers { for sum in ["合计", "共计", "总计", "之和"] { words.append((number + sum, count)) } }
        }
        return words
    }()

    /// `人员经费A万元…；公用经费B万元…。二者合计C万元`: C is the sum of the amounts written just
    /// before it in its paragraph (this year's actuals at its depth, not averages), when its words
    /// are such a total and name nothing else (`两项合计即基本支出` names 基本支出: an identity).
    static func countedTotals(_ reading: inout ProseReading) {
        for index in reading.claims.indices where reading.claims[index].isPlainAmount && !reading.claims[index].isEcho {
            guard let (words, parts) = countedTotal(index, reading.claims) else { continue }
            judge(whole: index, parts: parts, complete: true, code: "N504", reason: "（\(words)）", &reading)
        }
    }

    /// The words and the parts (in order) of a counted total (`二者合计C万元`), if the amount at
    /// `index` is one and as many amounts as it counts stand before it.
    static func countedTotal(_ index: Int, _ claims: [Claim]) -> (words: Substring, parts: [Int])? {
        guard let (words, count) = countedTotalWords(of: claims[index].label) else { return nil }
        var parts: [Int] = []
        var k = index - 1
        while k >= 0, index - k <= 40, parts.count < count, claims[k].paragraph == claims[index].paragraph {
            if claims[k].isPlainAmount, !claims[k].isEcho, claims[k].depth == claims[index].depth, claims[k].period == .current,
               !claims[k].measure.isBudget, claims[k].averageMark == nil { parts.append(k) }
            k -= 1
        }
        return parts.count == count ? (words, parts.reversed()) : nil
    }

    /// The words of a counted total (`二者合计`, `三项共计为`) and how many amounts it adds, when
    /// `label` is one.
    static func countedTotalWords(of label: String) -> (words: Substring, count: Int)? {
        // Bytes compared on simple labels (asked of every amount; issue 15).
        var words = Substring(label)
        let simple = SimpleText.isSimple(words)
        for tail in ["为", "是", "达"] where words.hasSuffix(tail, simple: simple) { words = words.dropLast(); break }
        guard words.hasSuffix("计", simple: simple) || words.hasSuffix("和", simple: simple),
              let count = countedTotalWords.first(where: {
                  simple ? $0.words.utf8.count == words.utf8.count && $0.words.utf8.elementsEqual(words.utf8) : $0.words == words
              })?.count else { return nil }
        return (words, count)
    }

    // MARK: N504 — `其中` lists

    static func lists(_ reading: inout ProseReading, judged: inout Set<Int>) {
        // By whole and division: a whole divided two ways (by nature, then by function) is two lists.
        struct ListKey: Hashable { let whole: Int, division: Int }
        var members: [ListKey: [Int]] = [:]
        var order: [ListKey] = []
        for index in reading.claims.indices {
            guard let whole = reading.claims[index].listWhole, !reading.claims[index].isEcho else { continue }
            let key = ListKey(whole: whole, division: reading.claims[index].listDivision)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        for key in order {
            let whole = key.whole
            // Parts in another money unit are converted (`282,000元` of a whole in 万元); a count
            // lists counts.
            let parts = members[key]!.filter { (reading.claims[$0].isMoney && reading.claims[whole].isMoney) || reading.claims[whole].kind == .count }
            // (An amount per head is no whole of parts: `人均2.53万元（含使用上年结转资金12.50万元）` says
            // what the money shared out included.)
            guard !parts.isEmpty, !reading.contradicted.contains(whole), reading.claims[whole].averageMark == nil else { continue }
            judged.insert(whole)
            let claims = reading.claims
            let wholeClaim = claims[whole]
            // `财政拨款收入支出总计A万元，其中：年初结转…，本年收入…；本年支出…，年末结转…`: a total
            // of both sides lists each side's parts, and each side adds up to it.
            if let sides = sides(of: whole, parts: parts, reading) {
                for side in sides where !side.isEmpty {
                    judge(whole: whole, parts: side, complete: side.count >= 2, code: "N504", reason: side.count >= 2 ? "（同一方各部分）" : "", &reading)
                }
                continue
            }
            let names = parts.compactMap { claims[$0].quantity?.name }
            // The set of names made once, and only when the counts allow a complete identity (issue 15).
            let identity = wholeClaim.quantity.flatMap { quantity -> Identity? in
                guard names.count == parts.count else { return nil }
                let candidates = Identities.identities(ofWhole: quantity.name)
                guard candidates.contains(where: { $0.kind == .complete }) else { return nil }
                // Simple names (as every part of an identity is) are compared by their bytes,
                // without `String`'s normalising hash (the same answer; issue 15).
                if names.allSatisfy({ SimpleText.isSimple($0) }) {
                    let nameKeys = Set(names.map(ByteKey.init))
                    return candidates.first { $0.kind == .complete && Set($0.parts.map(ByteKey.init)) == nameKeys }
                }
                let nameSet = Set(names)
                return candidates.first { $0.kind == .complete && Set($0.parts) == nameSet }
            }
            let tail = wholeClaim.sentenceText
            // (Unless a `其中` list's shares add up to less than the whole, which says the list is not
            // all of it: `其中：行政运行…，占71.92%；…三项业务支出合计…，占20.41%` leaves 7.67% out. A
            // list of what the whole `主要用于` is all of it, whatever its shares.)
            let everyPartShared = parts.allSatisfy { part in claims.indices.contains(part + 1) && claims[part + 1].isShare
                && claims[part + 1].sentence == claims[part].sentence && claims[part + 1].paragraph == claims[part].paragraph }
                && (!listedAmong(parts[0], whole: whole, claims)
                    || parts.reduce(Interval.exact(DecimalNumber(0))) { $0 + Interval.written(claims[$1 + 1].value) }.overlaps(.exact(DecimalNumber(100))))
            // `年初、年末结转和结余共计160.30万元，分别为97.30万元和63.00万元`: the sum of the heads it names.
            let sumOfHeads = parts.count >= 2 && parts.allSatisfy { claims[$0].quantitySource == .respectively }
                && wholeClaim.quantity.map { !$0.isKnown && ProseReader.namesSumOfHeads($0.name) } == true
            let complete = identity != nil || sumOfHeads || (parts.count >= 2 && everyPartShared && !tail.containsText("等"))
            judge(whole: whole, parts: parts, complete: complete, code: "N504",
                  reason: identity.map { "（\($0.formula)）" } ?? (sumOfHeads ? "（所列各项之和）" : complete ? "（各部分均列出了占比）" : ""), &reading)
        }
    }

    /// Whether the list `part` begins is opened by `其中` after its whole's figure.
    static func listedAmong(_ part: Int, whole: Int, _ claims: [Claim]) -> Bool {
        let prefix = claims[part].sentencePrefix
        guard let marker = prefix.utf8LastOffset(of: "其中") else { return false }
        return claims[whole].sentence != claims[part].sentence || marker > (prefix.utf8LastOffset(of: claims[whole].text) ?? -1)
    }

    /// The parts of a whole named by both sides (`收入支出总计`, `收支总计`), split into the
    /// income side's (收入, 年初) and the spending side's (支出, 结余分配, 年末); nil when the whole
    /// names one side; no list at all (nothing judged) when a part names neither side or both.
    static func sides(of whole: Int, parts: [Int], _ reading: ProseReading) -> [[Int]]? {
        let claims = reading.claims
        let label = claims[whole].label
        // `收入总计、支出总计均为A万元`: the figure is read twice, once for each side.
        let echoesOtherSide = claims.echo(of: whole).map { label.containsText("收入") && claims[$0].label.containsText("支出") } ?? false
        guard label.containsText("收入支出") || label.containsText("收支") || echoesOtherSide else { return nil }
        var income: [Int] = [], spending: [Int] = []
        for part in parts {
            let words = claims[part].label
            let isIncome = words.containsText("收入") || words.containsText("年初")
            let isSpending = words.containsText("支出") || words.containsText("年末") || words.containsText("结余分配")
            guard isIncome != isSpending else { return [] }
            if isIncome { income.append(part) } else { spending.append(part) }
        }
        return [income, spending]
    }

    /// Compares the parts' sum with the whole under the precision rule.
    static func judge(whole: Int, parts: [Int], complete: Bool, code: String, reason: String, _ reading: inout ProseReading) {
        let claims = reading.claims
        // A part already found to differ from its table (N501) is the error; the sum it breaks is
        // not reported a second time.
        if parts.contains(where: { reading.contradicted.contains($0) }) { return }
        let wholeOperand = reading.operand(whole)
        // The parts in the whole's unit (a part that would not fit it is too large to be a part).
        let unit = claims[whole].moneyUnit
        let operands = parts.map { part in unit.flatMap { reading.operand(part, in: $0) } ?? reading.operand(part) }
        let sum = operands.reduce(DecimalNumber.zero) { $0 + $1.value }
        func sumInterval(_ path: KeyPath<Operand, Interval>) -> Interval { operands.reduce(Interval.exact(.zero)) { $0 + $1[keyPath: path] } }
        func exceeds(_ path: KeyPath<Operand, Interval>) -> Bool { sumInterval(path).lower > wholeOperand[keyPath: path].upper }
        func short(_ path: KeyPath<Operand, Interval>) -> Bool { complete && sumInterval(path).upper < wholeOperand[keyPath: path].lower }
        let verdict = ProseReading.verdict { !exceeds($0) && !short($0) }
        guard verdict != .holds else { return }
        let scale = max(claims[whole].value.scale, sum.scale)
        // A figure named by the amount before it (`年初预算为A万元，支出决算为B万元`) is listed by that name.
        func name(_ k: Int) -> String {
            claims[k].label.isEmpty || claims[k].quantitySource == .sentence ? (claims[k].quantity?.description ?? claims[k].label) : claims[k].label
        }
        // A part in another unit than the whole is listed with its unit, and a count with its own
        // (`12期、1,386人次`: without it a count's figure said nothing of what it counts).
        func written(_ k: Int) -> String {
            if case .count(let word)? = claims[k].unit { return claims[k].text + word }
            guard let own = claims[k].moneyUnit, own != unit else { return claims[k].text }
            return claims[k].text + own.rawValue
        }
        // A part with no name of its own is listed by its figure alone.
        func part(_ k: Int) -> String {
            let partName = name(k)
            return partName.isEmpty ? written(k) : "\(partName) \(written(k))"
        }
        let listed = parts.map(part).joined(separator: "、")
        let wholeName = claims[whole].label.isEmpty ? (claims[whole].quantity?.description ?? "") : claims[whole].label
        let relation = exceeds(\.lax) || (verdict == .laxOnly && exceeds(\.strict)) ? "超过" : "不足"
        let related = parts.map { RelatedLocation(range: claims[$0].range, message: part($0)) }
        if verdict == .laxOnly {
            reading.report(code, .warning, on: claims[whole].range,
                           "“\(wholeName)”\(claims[whole].text)的各部分（\(listed)）之和为 \(sum.formatted(scale: scale))\(reason)，\(relation)整体；只有当\(ProseReading.shortNames([wholeOperand] + operands))是舍入后的数时才成立",
                           related: related)
            return
        }
        // A complete identity gives the whole's value (hover, inlay hint); which figure is wrong is
        // the writer's call, so the fix is never applied unasked.
        let computed = sum.formatted(scale: claims[whole].value.scale)
        let fix = complete ? Fix(title: "改为各部分之和 \(computed)", edits: [TextEdit(range: claims[whole].range, replacement: computed)], isSafe: false) : nil
        reading.report(code, .error, on: claims[whole].range,
                       "“\(wholeName)”\(claims[whole].text)的各部分（\(listed)）之和为 \(sum.formatted(scale: scale))\(reason)，\(relation)整体，差额 \(CheckContext.signed(sum - claims[whole].value, scale: scale))",
                       fix: fix, related: related)
    }

    // MARK: N511 — identities across sentences

    static func identities(_ reading: inout ProseReading, judged: Set<Int>) {
        let claims = reading.claims
        var sectionStart = 0
        while sectionStart < claims.count {
            var sectionEnd = sectionStart
            while sectionEnd < claims.count, claims[sectionEnd].section == claims[sectionStart].section { sectionEnd += 1 }
            // The last figure of each quantity (this year's 决算数) in the section.
            var latest = LatestFigures()
            for index in sectionStart..<sectionEnd {
                // Fields read in place (no copy of the claim).
                guard claims[index].isPlainAmount, claims[index].period == .current, claims[index].measure == .actual, !claims[index].isApproximate,
                      let quantity = claims[index].quantity, quantity.isKnown, !reading.contradicted.contains(index) else { continue }
                latest.set(KnownQuantity(quantity), index)
            }
            check(latest, judged: judged, &reading)
            sectionStart = sectionEnd
        }
    }

    static func check(_ latest: LatestFigures, judged: Set<Int>, _ reading: inout ProseReading) {
        let claims = reading.claims
        for (key, whole) in latest.sortedByIndex() {
            let quantity = key.quantity
            for identity in Identities.identities(ofWhole: quantity.name) {
                let parts = identity.parts.compactMap { name in latest[KnownQuantity(Quantity(name: name, qualifier: quantity.qualifier, isKnown: true))] }
                guard !parts.isEmpty else { continue }
                // A list already judged with exactly these parts is not judged again.
                if judged.contains(whole), parts.allSatisfy({ claims[$0].listWhole == whole }) { continue }
                switch identity.kind {
                case .equal:
                    for part in parts { equal(whole, part, identity, &reading) }
                case .complete, .partial:
                    let summed = identity.kind == .complete && parts.count < identity.parts.count && statedAsSum(whole, parts, claims)
                    let complete = identity.kind == .complete && (parts.count == identity.parts.count || summed)
                    if parts.count == 1 && identity.kind == .complete && !complete { continue }
                    judge(whole: whole, parts: parts, complete: complete, code: "N511",
                          reason: summed ? "（说明写明由这几项相加而得）" : "（\(identity.formula)）", &reading)
                }
            }
        }
    }

    /// Words that add a figure to the one before it (`本年收入合计A万元，加上年初结转和结余B万元，收入总计C万元`).
    static let addingWords = ["再加上", "加上", "连同"]

    /// Whether the parts were written as a sum that ends on the whole: each in the whole's
    /// sentence, before it, one after another, every one after the first added by 加上. The
    /// writer says the whole is those parts, so parts an identity has beyond them are taken as nil.
    static func statedAsSum(_ whole: Int, _ parts: [Int], _ claims: [Claim]) -> Bool {
        guard parts.count >= 2, let first = parts.min(), parts.allSatisfy({ $0 < whole }) else { return false }
        let amounts = (first..<whole).filter { claims[$0].isPlainAmount && !claims[$0].isEcho }
        guard amounts.count == parts.count, Set(amounts) == Set(parts),
              (first...whole).allSatisfy({ claims[$0].sentence == claims[whole].sentence && claims[$0].paragraph == claims[whole].paragraph }) else { return false }
        return amounts.dropFirst().allSatisfy { part in addingWords.contains { claims[part].label.hasPrefix($0) } }
    }

    /// A known quantity as a dictionary key: equal as `Quantity` is, hashed by its name's bytes
    /// only. A known name is one of the canonical names (simple text, so canonically equal
    /// names have equal bytes); the qualifier, free text, is left to `==` (issue 15: hashing
    /// both strings with normalisation was a fifth of N511).
    struct KnownQuantity: Hashable {
        let quantity: Quantity
        /// Whether the name and the qualifier are simple text, found once per key.
        let simpleName: Bool
        let simpleQualifier: Bool
        init(_ quantity: Quantity) {
            self.quantity = quantity
            simpleName = SimpleText.isSimple(quantity.name)
            simpleQualifier = SimpleText.isSimple(quantity.qualifier)
        }
        /// `Quantity`'s `==`: names and qualifiers that are both simple text compare by bytes
        /// (the same answer there; String's comparison normalised equal non-ASCII strings).
        static func == (a: KnownQuantity, b: KnownQuantity) -> Bool {
            guard a.quantity.isKnown == b.quantity.isKnown else { return false }
            let sameName = a.simpleName && b.simpleName ? ByteKey(a.quantity.name) == ByteKey(b.quantity.name) : a.quantity.name == b.quantity.name
            guard sameName else { return false }
            return a.simpleQualifier && b.simpleQualifier ? ByteKey(a.quantity.qualifier) == ByteKey(b.quantity.qualifier)
                : a.quantity.qualifier == b.quantity.qualifier
        }
        func hash(into hasher: inout Hasher) {
            hasher.combine(quantity.isKnown)
            if quantity.isKnown, simpleName { hasher.combine(ByteKey(quantity.name)) }
        }
    }

    /// The last figure of each quantity in a section: a short list searched in order (a section
    /// names a handful of quantities), a dictionary once it grows long (issue 15: hashing
    /// for every identity part was most of N511).
    struct LatestFigures {
        private var keys: [KnownQuantity] = []
        private var values: [Int] = []
        private var positions: [KnownQuantity: Int]?

        func position(of key: KnownQuantity) -> Int? {
            if let positions { return positions[key] }
            return keys.firstIndex(of: key)
        }

        subscript(key: KnownQuantity) -> Int? { position(of: key).map { values[$0] } }

        /// `latest[key] = value`.
        mutating func set(_ key: KnownQuantity, _ value: Int) {
            if let position = position(of: key) { values[position] = value; return }
            keys.append(key)
            values.append(value)
            if positions != nil {
                positions![key] = keys.count - 1
            } else if keys.count > 16 {
                var made: [KnownQuantity: Int] = [:]
                for (position, key) in keys.enumerated() { made[key] = position }
                positions = made
            }
        }

        /// The entries in the order of their figures (each figure is the latest of one quantity).
        func sortedByIndex() -> [(key: KnownQuantity, value: Int)] {
            zip(keys, values).map { (key: $0, value: $1) }.sorted { $0.value < $1.value }
        }
    }

    /// Two prints of one ledger figure (收入总计 and 支出总计) agree exactly.
    static func equal(_ a: Int, _ b: Int, _ identity: Identity, _ reading: inout ProseReading) {
        let claims = reading.claims
        // The second in the first's unit when both are amounts.
        let first = reading.operand(a), second = claims[a].moneyUnit.flatMap { reading.operand(b, in: $0) } ?? reading.operand(b)
        let verdict = ProseReading.verdict { first[keyPath: $0].overlaps(second[keyPath: $0]) }
        guard verdict != .holds else { return }
        let later = max(a, b), earlier = min(a, b)
        let scale = max(claims[a].value.scale, claims[b].value.scale)
        reading.report("N511", verdict == .laxOnly ? .warning : .error, on: claims[later].range,
                       "\(identity.formula)，但说明中\(identity.whole) \(claims[a].text)、\(identity.parts[0]) \(claims[b].text)，差额 \(CheckContext.signed(claims[later].value - claims[earlier].value, scale: scale))",
                       fix: Fix(title: "改为 \(claims[earlier].text)", edits: [TextEdit(range: claims[later].range, replacement: claims[earlier].text)], isSafe: false),
                       related: [RelatedLocation(range: claims[earlier].range, message: "\(claims[earlier].quantity?.description ?? "") \(claims[earlier].text)")])
    }
}
