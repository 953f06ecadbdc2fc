import JuesuanModel
import JuesuanSyntax

/// N518 (warning): one amount stated twice in a paragraph with two values — `基本支出51,531.74万元。
/// 人员经费和公用经费分别为42,391.35万元和4,455.69万元，两项共计46,847.04万元` states 基本支出
/// twice. Without a table to compare with, nothing else sees it; with one, the figure that
/// differs from it is N501 and is not compared again here.
///
/// One amount: in one paragraph (a report's paragraphs are often about different scopes, and
/// imported text breaks them apart), the same known quantity (name, qualifier and item code), measure and year, in
/// one unit, named by its own words, a topic or a respectively list (not taken from the
/// sentence before), and as a part of the same whole or of none (`其中：基本支出` of 财政拨款支出
/// is another number than the department's). Two values differ when no rounding of their
/// written digits makes them equal. A sentence naming another year than the report's
/// (`2022年基本支出…`) is left out: its figures may be that year's.
enum NarrativeRepeatCheck {
    static let rules = [Rule("N518", .warning, "同一段说明中同一金额前后两处写得不同")]

    /// How far back in its paragraph an earlier statement is looked for.
    static let lookBack = 60

    /// Whether the claim at `index` can be a statement of an amount (its stored fields only).
    static func isStatement(_ index: Int, _ claims: [Claim]) -> Bool {
        guard claims[index].isPlainAmount, !claims[index].isEcho, !claims[index].isApproximate, claims[index].quantity?.isKnown == true else { return false }
        switch claims[index].quantitySource {
        case .ownClause, .topic, .respectively: return true
        case .sentence, .sectionTitle, .none: return false
        }
    }

    /// Whether two statements are of one amount: quantity, measure, year, unit, and the whole
    /// of their `其中` lists (by name), the cheap comparisons first. Fields are read in place
    /// (a claim copied out retains a dozen strings).
    static func sameAmount(_ a: Int, _ b: Int, _ claims: [Claim]) -> Bool {
        guard claims[a].measure == claims[b].measure, claims[a].period == claims[b].period, claims[a].moneyUnit == claims[b].moneyUnit,
              let p = claims[a].quantity, let q = claims[b].quantity, ByteKey(p.name) == ByteKey(q.name),
              ByteKey(p.qualifier) == ByteKey(q.qualifier), p.code == q.code else { return false }
        switch (claims[a].listWhole, claims[b].listWhole) {
        case (nil, nil): return true
        case let (x?, y?):
            if x == y { return true }
            guard let u = claims[x].quantity, let v = claims[y].quantity else { return false }
            return ByteKey(u.description) == ByteKey(v.description)
        default: return false
        }
    }

    static func run(_ reading: inout ProseReading) {
        restatements(&reading)
        let claims = reading.claims
        var scopes: [Int: String?] = [:]
        func scope(_ index: Int) -> String? {
            if let known = scopes[index] { return known }
            // `一般公共预算财政拨款本年收入合计17,334.30万元；本年支出合计17,334.30万元` and `政府性基金
            // 预算财政拨款本年收入合计0.00万元；本年支出合计0.00万元`: a bare name in a sentence (or a
            // section) about one fund or the appropriations is theirs, another number each.
            let context = reading.context(of: index), name = claims[index].quantity?.description ?? ""
            let found = Self.scopes.first { context.containsText($0) && !name.containsText($0) }
            scopes[index] = .some(found)
            return found
        }
        // Each statement's quantity as a number (its name's and qualifier's bytes hashed once):
        // statements of other quantities are passed over without their strings compared.
        let names: [Int?] = claims.indices.map { index in
            guard isStatement(index, claims), let quantity = claims[index].quantity else { return nil }
            var hasher = Hasher()
            hasher.combine(ByteKey(quantity.name))
            hasher.combine(ByteKey(quantity.qualifier))
            return hasher.finalize()
        }
        for index in claims.indices where names[index] != nil && !reading.contradicted.contains(index) {
            // The nearest earlier statement of the same amount in the paragraph.
            var k = index - 1
            var earlier: Int?
            while k >= 0, index - k <= lookBack, claims[k].paragraph == claims[index].paragraph {
                if names[k] == names[index], sameAmount(k, index, claims) { earlier = k; break }
                k -= 1
            }
            guard let earlier, !reading.contradicted.contains(earlier) else { continue }
            let before = reading.operand(earlier), now = reading.operand(index)
            if before.lax.overlaps(now.lax) { continue }
            let quantity = claims[index].quantity!
            // A total of the amounts before it (`三项合计20.00万元`) is the quantity it was given (the
            // paragraph's topic) only when that quantity is their sum by an identity: `基本支出…。
            // 人员经费…和公用经费…，两项共计…` is 基本支出; after `公务用车运行维护费…；公务接待费…；
            // 因公出国（境）费…` it is none of them (N504 judges it). An amount per head is no statement.
            if [earlier, index].contains(where: { k in
                guard claims[k].averageMark == nil else { return true }
                guard NarrativeIdentityCheck.countedTotalWords(of: claims[k].label) != nil else { return false }
                return !(NarrativeIdentityCheck.countedTotal(k, claims).map { isSum(quantity, of: $0.parts, claims) } ?? false)
            }) { continue }
            let year = reading.report.header.year
            guard scope(earlier) == scope(index), !namesAnotherYear(claims[earlier].sentencePrefix, than: year),
                  !namesAnotherYear(claims[index].sentencePrefix, than: year) else { continue }
            let name = quantity.description, unit = claims[index].moneyUnit!.rawValue
            let scale = max(claims[earlier].value.scale, claims[index].value.scale)
            let earlierText = claims[earlier].text, text = claims[index].text
            reading.report("N518", .warning, on: claims[index].range,
                           "“\(name)”前面写的是 \(earlierText)\(unit)，这里写的是 \(text)\(unit)，相差 \(CheckContext.signed(claims[index].value - claims[earlier].value, scale: scale))：同一金额两处不一致",
                           related: [RelatedLocation(range: claims[earlier].range, message: "前文：\(claims[earlier].label.isEmpty ? name : claims[earlier].label) \(earlierText)")])
            reading.contradicted.insert(index)
        }
    }

    /// An amount written again in another unit in a bracket after it (`595.81万元（5,958,200.00元）`)
    /// whose digits are not that amount: the same amount twice, two values (unless the table
    /// already showed which is wrong).
    static func restatements(_ reading: inout ProseReading) {
        for index in reading.claims.indices {
            guard let amount = reading.claims[index].restated, !reading.contradicted.contains(index), !reading.contradicted.contains(amount) else { continue }
            let claims = reading.claims
            guard !Claim.restates(claims[index], claims[amount]), let unit = claims[index].moneyUnit, let amountUnit = claims[amount].moneyUnit,
                  let converted = NarrativeAmountCheck.convert(claims[amount].value, from: amountUnit, to: unit) else { continue }
            // In its own digits: `5,958,100.00元`, or `0.25亿元` for 2,481.23万元 (rounded).
            let expected = converted.scale > claims[index].value.scale ? converted.rounded(toScale: claims[index].value.scale) : converted
            let scale = max(claims[index].value.scale, expected.scale)
            let name = claims[amount].quantity?.description ?? claims[amount].label
            let expectedText = expected.formatted(scale: scale)
            reading.report("N518", .warning, on: claims[index].range,
                           "括号中是前面的\(name.isEmpty ? "金额" : "“\(name)”") \(claims[amount].text)\(amountUnit.rawValue)换算为\(unit.rawValue)，应为 \(expectedText)\(unit.rawValue)，写的是 \(claims[index].text)\(unit.rawValue)，相差 \(CheckContext.signed(claims[index].value - expected, scale: scale))：同一金额两处不一致",
                           fix: Fix(title: "改为 \(expectedText)", edits: [TextEdit(range: claims[index].range, replacement: expectedText)], isSafe: false),
                           related: [RelatedLocation(range: claims[amount].range, message: "前文：\(name.isEmpty ? "金额" : name) \(claims[amount].text)\(amountUnit.rawValue)")])
            reading.contradicted.insert(index)
        }
    }

    /// Whether `whole` is, by a complete identity, the sum of the quantities of `parts`.
    static func isSum(_ whole: Quantity, of parts: [Int], _ claims: [Claim]) -> Bool {
        let names = parts.compactMap { claims[$0].quantity?.name }
        guard names.count == parts.count else { return false }
        return Identities.identities(ofWhole: whole.name).contains { $0.kind == .complete && Set($0.parts) == Set(names) }
    }

    /// The funds, and the appropriations of them all, that a sentence may be about.
    static let scopes = ProseReading.funds + ["一般公共预算", "财政拨款"]

    /// Whether `words` name a year (`2022年`) other than the report's.
    static func namesAnotherYear(_ words: String, than year: Int?) -> Bool {
        guard let year, words.utf8Contains("年") else { return false }
        let bytes = Array(words.utf8)
        let yearMark = Array("年".utf8)
        var k = 0
        while k + 4 <= bytes.count {
            if (0..<4).allSatisfy({ bytes[k + $0] &- 0x30 < 10 }), k == 0 || bytes[k - 1] &- 0x30 >= 10,
               k + 4 + yearMark.count <= bytes.count, Array(bytes[(k + 4)..<(k + 4 + yearMark.count)]) == yearMark {
                let written = bytes[k..<(k + 4)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                if written != year { return true }
                k += 4
            } else {
                k += 1
            }
        }
        return false
    }
}
