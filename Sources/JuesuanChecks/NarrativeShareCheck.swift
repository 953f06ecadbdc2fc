import Foundation
import JuesuanModel
import JuesuanSyntax

/// N502 and N508: a share (`占 x%`) is its part ÷ its whole. The whole is found as
/// narrative.md §2 orders it: named after 占, the whole of the part's `其中` list, the
/// paragraph's topic, the whole of a sibling's share, the nearest earlier amount of a parent
/// quantity, the report's total. A whole with no value anywhere is implied by the shares of
/// it: they must agree on one whole.
enum NarrativeShareCheck {
    /// What a share is divided by.
    enum Whole {
        case value(Operand)
        /// Some tables print it: the share must hold against one of them.
        case anyOf([Figure])
        /// No figure anywhere: shares of it must agree with each other.
        case implied(String)
    }

    static func run(_ reading: inout ProseReading) {
        var wholes: [Int: (whole: Whole, key: String?)] = [:]
        // Sized once for every share (it grew share by share; issue 15).
        wholes.reserveCapacity(reading.claims.indices.count { reading.claims[$0].isShare })
        // Where the figures found to differ from their tables start: a whole that is one of them
        // is not judged by (a set, not a search per share: issue 15).
        let contradictedStarts = Set(reading.contradicted.map { reading.claims[$0].range.start })
        var implied: [String: [(share: Int, part: Int)]] = [:]
        var impliedOrder: [String] = []
        for index in reading.claims.indices {
            // The stored flag first: the kind is copied out for shares only.
            guard reading.claims[index].isShare, case .share(let wholeName) = reading.claims[index].kind, !reading.claims[index].isEcho,
                  // `比重由上年的40.69%降至39.28%`: a share of last year is of figures not published.
                  reading.claims[index].period == .current else { continue }
            // `A、B、C和D分别为…，合计占商品和服务支出的53.58%`, `…，三项合计占…的80.62%`: the share of
            // a sum of several amounts before it, no one of them.
            if let counted = Self.sumSubject(reading.claims[index].label) ?? Self.sumSubjectWithFigure(of: index, reading.claims) {
                sumShare(index, count: counted, whole: wholeName, wholes: wholes, &reading)
                continue
            }
            // A part or whole already found to differ from its table (N501) is the error: the
            // share it breaks is not reported a second time.
            guard let part = part(of: index, reading) else {
                tableShare(index, whole: wholeName, &reading)
                continue
            }
            guard !reading.contradicted.contains(part) else { continue }
            guard let (whole, key) = whole(of: index, part: part, named: wholeName, wholes: wholes, reading) else { continue }
            wholes[index] = (whole, key)
            let partOperand = reading.operand(part)
            // Made only for a finding (issue 15).
            func related() -> [RelatedLocation] { [RelatedLocation(range: partOperand.range, message: "部分：\(partOperand.name)")] }
            switch whole {
            case .value(let operand):
                if contradictedStarts.contains(operand.range.start) { continue }
                reading.judgeRatio(code: "N502", claim: index, numerator: partOperand, denominator: operand,
                                   formula: "\(partOperand.name) ÷ \(operand.name)",
                                   related: related() + [RelatedLocation(range: operand.range, message: "整体：\(operand.name)")])
            case .anyOf(let figures):
                let target = Interval.written(reading.claims[index].value)
                // The table's figures in the part's unit (a table in 元, prose in 万元).
                let unit = reading.claims[part].moneyUnit
                if figures.contains(where: { Interval.quotientMayLie(numerator: partOperand.lax, denominator: reading.operand($0, in: unit).lax, factor: ProseReading.hundred, in: target) }) { continue }
                let operand = nearestWhole(figures, part: partOperand, share: reading.claims[index].value, unit: unit, reading)
                reading.judgeRatio(code: "N502", claim: index, numerator: partOperand, denominator: operand,
                                   formula: "\(partOperand.name) ÷ \(operand.name)",
                                   related: related() + [RelatedLocation(range: operand.range, message: "整体：\(operand.name)")])
            case .implied(let name):
                // One whole per section: the same name in another section may be another unit's.
                let key = "\(reading.claims[index].section)|\(name)"
                if implied[key] == nil { impliedOrder.append(key) }
                implied[key, default: []].append((index, part))
            }
        }
        for key in impliedOrder { agree(implied[key]!, whole: String(key.drop { $0 != "|" }.dropFirst()), &reading) }
        overHundred(&reading)
    }

    static let sumLabelWords = ["合计", "共计", "总计", "小计"]

    /// The whole of an earlier share (`reach` figures back in the paragraph; in the sentence only
    /// when `inSentence`, where the part may also be a sum of the rest that names no known item)
    /// whose part is a sibling of `part`.
    static func siblingShareWhole(of index: Int, part: Int, reach: Int, inSentence: Bool, wholes: [Int: (whole: Whole, key: String?)],
                                  _ reading: ProseReading) -> (Whole, String?)? {
        let claims = reading.claims
        guard let partQuantity = claims[part].quantity else { return nil }
        var k = index - 1
        while k >= 0, index - k <= reach, claims[k].paragraph == claims[index].paragraph, !inSentence || claims[k].sentence == claims[index].sentence {
            // The whole is copied out only when it is the answer.
            if let position = wholes.index(forKey: k), let earlierPart = self.part(of: k, reading), let name = claims[earlierPart].quantity?.name,
               Identities.areSiblings(name, partQuantity.name) || codesAreSiblings(claims[earlierPart].quantity?.code, partQuantity.code)
                || (inSentence && !partQuantity.isKnown && claims[earlierPart].quantity?.code != nil) {
                return wholes[position].value
            }
            k -= 1
        }
        return nil
    }

    /// Items of one parent (`2080801`, `2080802`; `20808`, `20809`): siblings by their codes.
    static func codesAreSiblings(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a != b, a.utf8.count == b.utf8.count, a.utf8.count >= 5 else { return false }
        return a.utf8.prefix(a.utf8.count - 2).elementsEqual(b.utf8.prefix(b.utf8.count - 2))
    }

    /// `本类支出`, `该类`, `本款`, `该项支出`: the length of the code of the item spoken of.
    static func levelDigits(ofPronoun name: String) -> Int? {
        for (words, digits) in [(["本类", "该类", "此类"], 3), (["本款", "该款", "此款"], 5), (["本项", "该项"], 7)] where words.contains(where: { name.utf8HasPrefix($0) }) {
            return digits
        }
        return nil
    }

    /// Of the table figures a whole's name may be, the one that makes the written share nearest
    /// (the one meant: the message and the fix name it), the first on a tie.
    static func nearestWhole(_ figures: [Figure], part: Operand, share: DecimalNumber, unit: MoneyUnit?, _ reading: ProseReading) -> Operand {
        let wholes = figures.map { reading.operand($0, in: unit) }
        // (A whole of nothing makes no share: as far as can be.)
        let far = DecimalNumber(1_000_000)
        return ProseReading.clearlyNearest(wholes, to: share) { whole in
            guard whole.value.mantissa > 0, let quotient = (part.value * ProseReading.hundred).divided(by: whole.value, scale: 4) else { return share + far }
            return quotient
        }
    }

    /// Whether a share's words open on a sum (`合计占`, `共占`, `三项合计占`, `以上两类支出合计占`,
    /// `前3项共占`), and how many figures it sums when it says (`.some(nil)`: the run of a
    /// respectively list before it). Asked of every share, so the first scalar first.
    static func sumSubject(_ label: String) -> Int?? {
        guard let first = label.unicodeScalars.first else { return nil }
        if sumShareFirsts.contains(first) { return sumShareWords.contains(where: { label.utf8HasPrefix($0) }) ? .some(nil) : nil }
        guard sumSubjectFirsts.contains(first) else { return nil }
        var rest = Substring(label)
        for word in ["以上", "上述", "前", "这", "该", "此"] where rest.utf8HasPrefix(word) { rest = rest.dropFirst(word.count); break }
        let counted = rest.prefix { $0.isASCII ? $0.isNumber : "一二三四五六七八九十两几".contains($0) }
        rest = rest.dropFirst(counted.count)
        for word in ["项", "者", "类", "个", "笔", "位", "部分", "方面"] where rest.utf8HasPrefix(word) { rest = rest.dropFirst(word.count); break }
        for word in ["支出", "经费", "资金", "科目", "项目", "费用"] where rest.utf8HasPrefix(word) { rest = rest.dropFirst(word.count); break }
        // (Something was counted or pointed at: `合计占` alone is asked above.)
        guard rest.startIndex > label.startIndex, sumShareWords.contains(where: { rest.utf8HasPrefix($0) }) else { return nil }
        if counted.isEmpty { return .some(nil) }
        if let number = Int(counted) { return .some(number) }
        // (`几项`, `十二项`: not a count read here; the sum is not judged.)
        let scalars = Array(counted.unicodeScalars)
        guard scalars.count == 1, let (number, _) = ChineseNumeral.read(scalars, from: 0), number > 0 else { return .some(.some(0)) }
        return .some(number)
    }

    /// A share of the sum of the amounts before it in its sentence: the last `count` of them, or
    /// without a count the respectively run they close. Judged against a whole named after 占;
    /// not judged when the parts cannot be told (fewer amounts than counted, no run).
    static func sumShare(_ index: Int, count: Int?, whole wholeName: String?, wholes: [Int: (whole: Whole, key: String?)], _ reading: inout ProseReading) {
        let claims = reading.claims
        guard wholeName != nil, count != 0 else { return }
        let paragraph = claims[index].paragraph, sentence = claims[index].sentence, depth = claims[index].depth
        var amounts: [Int] = []
        var k = index - 1
        while k >= 0, index - k <= 40, claims[k].paragraph == paragraph, claims[k].sentence == sentence {
            // (Not a total of those listed: `A、B分别为…，两项合计即基本支出C，上述两项共占…` counts A and B.)
            if claims[k].isPlainAmount, claims[k].depth == depth, !claims[k].isEcho, claims[k].period == .current, !claims[k].measure.isBudget,
               claims[k].averageMark == nil, !sumLabelWords.contains(where: { claims[k].label.utf8Contains($0) }) { amounts.append(k) }
            k -= 1
        }
        // (Newest first.)
        var parts: [Int]
        if let count {
            guard count >= 2, amounts.count >= count else { return }
            parts = Array(amounts.prefix(count))
        } else {
            parts = Array(amounts.prefix { claims[$0].quantitySource == .respectively })
            guard parts.count >= 2 else { return }
        }
        parts.reverse()
        guard let unit = claims[parts[0]].moneyUnit, !parts.contains(where: { reading.contradicted.contains($0) }) else { return }
        let operands = parts.compactMap { reading.operand($0, in: unit) }
        guard operands.count == parts.count else { return }
        var (value, strict, lax) = (operands[0].value, operands[0].strict, operands[0].lax)
        for operand in operands.dropFirst() { (value, strict, lax) = (value + operand.value, strict + operand.strict, lax + operand.lax) }
        let names = parts.map { claims[$0].text }.joined(separator: " + ")
        var sum = Operand(value: value, strict: strict, lax: lax, name: "合计 \(value)（\(names)）",
                          range: SourceRange(start: claims[parts[0]].range.start, end: claims[parts[parts.count - 1]].range.end))
        sum.unit = unit
        guard let (whole, _) = whole(of: index, part: parts[0], named: wholeName, wholes: wholes, reading) else { return }
        let related = parts.map { RelatedLocation(range: claims[$0].range, message: "部分：\(claims[$0].label.isEmpty ? (claims[$0].quantity?.description ?? "") : claims[$0].label) \(claims[$0].text)") }
        switch whole {
        case .value(let operand):
            guard !parts.contains(where: { claims[$0].range.start == operand.range.start }) else { return }
            reading.judgeRatio(code: "N502", claim: index, numerator: sum, denominator: operand, formula: "\(sum.name) ÷ \(operand.name)",
                               related: related + [RelatedLocation(range: operand.range, message: "整体：\(operand.name)")])
        case .anyOf(let figures):
            let target = Interval.written(claims[index].value)
            if figures.contains(where: { Interval.quotientMayLie(numerator: sum.lax, denominator: reading.operand($0, in: unit).lax, factor: ProseReading.hundred, in: target) }) { return }
            let operand = nearestWhole(figures, part: sum, share: claims[index].value, unit: unit, reading)
            reading.judgeRatio(code: "N502", claim: index, numerator: sum, denominator: operand, formula: "\(sum.name) ÷ \(operand.name)",
                               related: related + [RelatedLocation(range: operand.range, message: "整体：\(operand.name)")])
        case .implied:
            return
        }
    }

    /// `前3项共占…`: a count written in figures is a figure of its own, and the share's words start
    /// after it; the words of its clause are asked then.
    static func sumSubjectWithFigure(of index: Int, _ claims: [Claim]) -> Int?? {
        guard index > 0, claims[index].label.unicodeScalars.first == "占", claims[index - 1].kind == .count,
              claims[index - 1].sentence == claims[index].sentence else { return nil }
        let prefix = claims[index].sentencePrefix
        let clause = prefix.unicodeScalars.lastIndex { "，,；;：:。".unicodeScalars.contains($0) }.map { String(prefix.unicodeScalars[prefix.unicodeScalars.index(after: $0)...]) } ?? prefix
        return sumSubject(clause)
    }

    static let sumSubjectFirsts = Set("以上前这该此一二三四五六七八九十两几0123456789".unicodeScalars)

    static let sumShareFirsts = Set(sumShareWords.compactMap(\.unicodeScalars.first))

    static let sumShareWords = ["合计占", "共占", "共计占", "总计占", "累计占", "合计约占", "共约占", "加起来占", "合起来占"]

    /// The amount a share is of: in a respectively run, its item of the list before the run;
    /// otherwise the nearest plain amount before it in its sentence, at its depth.
    static func part(of index: Int, _ reading: ProseReading) -> Int? {
        // Fields read in place: no claim is copied.
        let claims = reading.claims
        // `占本年支出合计154.44万元的77.5%`: the amount written in the share's words is its whole; the
        // part is before it.
        if index > 0, claims[index - 1].sentence == claims[index].sentence, ProseReader.isWholeOfShare(claims[index - 1]) {
            var k = index - 2
            while k >= 0, claims[k].sentence == claims[index].sentence, claims[k].paragraph == claims[index].paragraph {
                if claims[k].isPlainAmount, !claims[k].isEcho, claims[k].depth == claims[index].depth, claims[k].period == claims[index].period { return k }
                if claims[k].isShare { return nil }
                k -= 1
            }
            return nil
        }
        if claims[index].isInRespectivelyRun { return claims[index].respectivelyOf.flatMap { claims[$0].isPlainAmount ? $0 : nil } }
        // `基本支出占一般公共预算财政拨款支出的54.89%`: the part is named before 占 in the share's
        // own words; it is the nearest amount of that name in the paragraph, else not judged.
        // (Or in the section before it: `政府采购支出总额61.05万元，其中：货物支出38.60万元…。⏎ 政府采购
        // 货物支出占政府采购支出总额的63.23%`.)
        if let named = namedPart(claims[index].label) {
            let paragraph = claims[index].paragraph
            if let k = nearestAmount(named, before: index, inSection: claims[index].kind != .share(whole: nil), reading) { return k }
            // `授予中小企业合同金额占政府采购支出总额的86.93%，金额为1,102.60万元`: its amount right after it.
            let next = index + 1
            if next < claims.count, claims[next].paragraph == paragraph, claims[next].sentence == claims[index].sentence,
               claims[next].isPlainAmount, !claims[next].measure.isBudget, claims[next].period == .current,
               let quantity = claims[next].quantity, ProseReading.same(quantity, named) { return next }
            return nil
        }
        let paragraph = claims[index].paragraph, sentence = claims[index].sentence, depth = claims[index].depth
        // `基本支出199.58万元（占本年支出的54.89%）`: the first figure of a bracket right after an
        // amount is a share of that amount.
        if depth > 0, index > 0, claims[index - 1].paragraph == paragraph, claims[index - 1].sentence == sentence,
           claims[index - 1].depth == depth - 1, claims[index - 1].isPlainAmount, !claims[index - 1].isEcho {
            return index - 1
        }
        // `其中：基本支出（155.40万元），占71.78%`: an amount alone in a bracket right before the share
        // is the amount of the name before the bracket, the share's part.
        if index > 0, claims[index - 1].paragraph == paragraph, claims[index - 1].sentence == sentence, claims[index - 1].depth == depth + 1,
           claims[index - 1].isPlainAmount, !claims[index - 1].isEcho, claims[index - 1].label.isEmpty, claims[index - 1].period == claims[index].period {
            return index - 1
        }
        // A previous year's amount compared with (`较上年度2,200.00万元增加130.00万元，…，占本年支出
        // 合计的91.02%`) is not the part of this year's share.
        let period = claims[index].period
        var k = index - 1
        while k >= 0, index - k <= 40 {
            guard claims[k].paragraph == paragraph, claims[k].sentence == sentence else { break }
            if claims[k].isPlainAmount && claims[k].depth == depth && !claims[k].isEcho && claims[k].period == period { return k }
            // (Past last year's share of the same whole: `占比由上年的84.12%提高到86.45%`.)
            if claims[k].isShare && claims[k].depth == depth && !(claims[k].period == .previous && period == .current && claims[k].kind == claims[index].kind) { return nil }
            k -= 1
        }
        // `人员经费主要包括基本工资、…，占基本支出的85.48%`: a sentence opened by a known name with
        // no figure of its own is of that name's amount written before in the section.
        // (Only with its whole named: `其中事业收入占87.20%` after another total is of that total.)
        // So is one whose first figure is a change of a known name (`人员经费同比增加24.95万元（上年为
        // 671.20万元），增幅3.72%，占基本支出的89.65%`).
        guard depth == 0, period == .current, claims[index].kind != .share(whole: nil) else { return nil }
        var first = index
        while first > 0, claims[first - 1].paragraph == paragraph, claims[first - 1].sentence == sentence { first -= 1 }
        let changed = claims[first].kind.isChange && claims[first].quantitySource == .ownClause && claims[first].depth == 0
            ? claims[first].quantity.flatMap { $0.isKnown ? $0 : nil } : nil
        guard let named = NarrativeChangeCheck.openingName(of: index, claims) ?? changed else { return nil }
        return nearestAmount(named, before: index, inSection: true, reading)
    }

    /// The nearest this-year amount (not a budget) of `named` before `index` in its paragraph, or
    /// `inSection`. (A share that names its whole may be of a part written paragraphs before; one
    /// that does not is of its paragraph's figures.)
    static func nearestAmount(_ named: Quantity, before index: Int, inSection: Bool, _ reading: ProseReading) -> Int? {
        let claims = reading.claims
        let section = claims[index].section, paragraph = claims[index].paragraph
        var k = index - 1
        while k >= 0, index - k <= 40, claims[k].section == section, inSection || claims[k].paragraph == paragraph {
            // (Not an amount per head: `人均人员经费15.73万元`.)
            if claims[k].isPlainAmount, !claims[k].isEcho, !claims[k].measure.isBudget, claims[k].period == .current, claims[k].averageMark == nil,
               let quantity = claims[k].quantity, ProseReading.same(quantity, named) { return k }
            k -= 1
        }
        return nil
    }

    /// `财政拨款收入占本年收入合计的比重为90.93%`: a part named before 占 whose amount the paragraph
    /// does not write, of a whole named after it, both as the tables print them (in the section's
    /// fund, as a written amount would be). Judged only when no pair of their printed figures
    /// (a name some tables print twice) allows the share.
    static func tableShare(_ index: Int, whole named: String?, _ reading: inout ProseReading) {
        // A share of a respectively run is of its head (`人员经费、公用经费分别占基本支出的…`).
        let head = reading.claims[index].quantitySource == .respectively ? reading.claims[index].quantity : nil
        guard let partQuantity = head ?? wordsBeforeShare(reading.claims[index].label).flatMap(QuantityNames.namedWhole(by:)),
              partQuantity.isKnown, let wholeName = named ?? unnamedWhole(of: index, part: partQuantity, reading.claims),
              let wholeQuantity = QuantityNames.known(in: wholeName), !ProseReading.same(wholeQuantity, partQuantity) else { return }
        let context = reading.context(of: index)
        let parts = reading.tableFigures(partQuantity, sentence: context)
        let wholes = reading.tableFigures(wholeQuantity, sentence: context)
        guard !parts.isEmpty, !wholes.isEmpty else { return }
        let written = reading.claims[index].value, target = Interval.written(written)
        // The pair nearest the written share is the one reported.
        var nearest: (part: Operand, whole: Operand, distance: DecimalNumber)?
        for part in parts {
            let partOperand = reading.operand(part)
            for whole in wholes {
                let wholeOperand = reading.operand(whole)
                if Interval.quotientMayLie(numerator: partOperand.lax, denominator: wholeOperand.lax, factor: ProseReading.hundred, in: target) { return }
                guard let quotient = (partOperand.value * ProseReading.hundred).divided(by: wholeOperand.value, scale: 4) else { continue }
                let distance = (quotient - written).magnitude
                if nearest == nil || distance < nearest!.distance { nearest = (partOperand, wholeOperand, distance) }
            }
        }
        guard let (partOperand, wholeOperand, _) = nearest else { return }
        reading.judgeRatio(code: "N502", claim: index, numerator: partOperand, denominator: wholeOperand,
                           formula: "\(partOperand.name) ÷ \(wholeOperand.name)",
                           related: [RelatedLocation(range: partOperand.range, message: "部分：\(partOperand.name)"),
                                     RelatedLocation(range: wholeOperand.range, message: "整体：\(wholeOperand.name)")])
    }

    /// The whole of a share that names neither its whole nor its part's amount (`…收入占本年收入合计
    /// 的99.16%，政府性基金预算财政拨款收入占0.57%`): the whole named by the share before it in its
    /// sentence, else the amount written before in the sentence that holds the part by an identity
    /// (`本年收入合计1393.66万元，其中…其他收入占0.26%`).
    static func unnamedWhole(of index: Int, part: Quantity, _ claims: [Claim]) -> String? {
        var k = index - 1
        var ancestors: [String]?
        while k >= 0, index - k <= 12, claims[k].sentence == claims[index].sentence, claims[k].paragraph == claims[index].paragraph {
            if case .share(let name?) = claims[k].kind { return name }
            if claims[k].isPlainAmount, claims[k].depth == 0, claims[k].period == .current, let whole = claims[k].quantity, whole.isKnown {
                if ancestors == nil { ancestors = Identities.ancestors(of: part.name) }
                if ancestors!.contains(whole.name) { return whole.description }
            }
            k -= 1
        }
        return nil
    }

    /// The known amount the words before 占 end on (`基本支出占…` → 基本支出), or nil.
    static func namedPart(_ label: String) -> Quantity? {
        guard let text = wordsBeforeShare(label), let (quantity, end) = QuantityNames.match(in: text), end == text.endIndex else { return nil }
        return quantity
    }

    /// The words before a share's 占 (without 的 or blanks after them), or nil when there are none.
    static func wordsBeforeShare(_ label: String) -> String? {
        // By scalars: most shares' words are `占` or `占比`, with nothing before it (issue 15).
        let scalars = label.unicodeScalars
        guard let share = scalars.lastIndex(of: "占"), share != scalars.startIndex else { return nil }
        var words = scalars[..<share]
        while let last = words.last, last == "的" || last == " " { words = words.dropLast() }
        return words.isEmpty ? nil : String(words)
    }

    static func whole(of index: Int, part: Int, named wholeName: String?, wholes: [Int: (whole: Whole, key: String?)],
                      _ reading: ProseReading) -> (Whole, String?)? {
        let claims = reading.claims
        // Fields read in place, not copies of the two claims (issue 15).
        let shareParagraph = claims[index].paragraph
        // 1. Named after 占: `本类支出`, `该款` is the 类 (款, 项) spoken of — the nearest such item's
        // spending written before in the section (of the part's own 类 when the part has a code).
        if let wholeName, let digits = levelDigits(ofPronoun: wholeName) {
            let section = claims[index].section, partCode = claims[part].quantity?.code
            var k = part - 1
            while k >= 0, part - k <= 60, claims[k].section == section {
                if claims[k].isPlainAmount, claims[k].period == .current, claims[k].measure == .actual || claims[k].measure == .spent,
                   // (A 类 named alone has no code of its own: its name's.)
                   let code = claims[k].quantity.flatMap({ $0.code ?? Catalogue.embedded.categoryCode(forName: $0.name) }), code.utf8.count == digits, partCode.map({ $0.utf8HasPrefix(code) && $0 != code }) ?? true {
                    return (.value(reading.operand(k)), claims[k].quantity?.description)
                }
                k -= 1
            }
            return nil
        }
        if let wholeName {
            let key = LabelKey.make(wholeName)
            let quantity = QuantityNames.known(in: wholeName)
            // (Not a head of the part's own respectively run: `一般公共预算财政拨款和政府性基金预算财政拨款
            // 本年支出分别是A万元和B万元，分别占财政拨款本年支出的a%和b%` — B is no share of A.)
            var runStart = part
            while claims[part].quantitySource == .respectively, runStart > 0, claims[runStart - 1].quantitySource == .respectively,
                  claims[runStart - 1].paragraph == shareParagraph, claims[runStart - 1].sentence == claims[part].sentence { runStart -= 1 }
            if let quantity, let earlier = reading.earlierFact(quantity, measure: { !$0.isBudget }, before: runStart), earlier != part {
                return (.value(reading.operand(earlier)), quantity.description)
            }
            // An earlier amount whose label ends like the name (`共涉及资金…占项目支出总额的`).
            var k = runStart - 1
            while k >= 0, part - k <= 40, claims[k].paragraph == shareParagraph {
                if claims[k].isPlainAmount, !claims[k].label.isEmpty, LabelKey.make(claims[k].label).hasSuffix(key) || key.hasSuffix(LabelKey.make(claims[k].label)) {
                    return (.value(reading.operand(k)), key)
                }
                k -= 1
            }
            // A sentence about a fund speaks of the fund's figures, but not when the fund's spending is
            // the part (`政府性基金预算财政拨款支出420.00万元，占本年支出的10.82%`): the whole is then the
            // department's, as a fund's share of its own total would be all of it.
            let partIsFund = claims[part].quantity.map { part in ProseReading.funds.contains { part.description.containsText($0) } } ?? false
            let figures = reading.tableFigures(quantity ?? Quantity(name: key, isKnown: false), sentence: partIsFund ? "" : claims[index].sentencePrefix)
                + (quantity == nil ? reading.report.figures(for: FigureNames.targets(head: wholeName, measure: nil)) : [])
            if !figures.isEmpty { return (.anyOf(figures), key) }
            return (.implied(quantity?.description ?? key), quantity?.description ?? key)
        }
        // 2. The whole of the part's `其中` list — unless that whole has a share of its own right after
        // it (`行政事业单位医疗（款）…决算46.16万元，占3.90%，…其中：行政单位医疗（项）36.52万元，占3.09%`)
        // and the part's share is none of the list's whole: it is then of the whole that one is of.
        if let listWhole = claims[part].listWhole {
            if listWhole + 1 < claims.count, claims[listWhole + 1].isShare, claims[listWhole + 1].sentence == claims[listWhole].sentence,
               claims[listWhole + 1].paragraph == claims[listWhole].paragraph, case .share(nil) = claims[index].kind,
               let outer = wholes[listWhole + 1],
               // (Only when the share is no share of the list's whole: either is what the words allow.)
               !Interval.quotientMayLie(numerator: reading.operand(part).lax, denominator: reading.operand(listWhole).lax,
                                        factor: ProseReading.hundred, in: Interval.written(claims[index].value)) {
                return outer
            }
            return (.value(reading.operand(listWhole)), claims[listWhole].quantity?.description)
        }
        // 2a. The whole the part's own words name it inside (`本年支出中财政拨款支出1401.51万元，占
        // 99.70%`): that whole, not the part's parent by the identities (公开04's 总计 here).
        if let inner = innerWhole(of: claims[part].label), inner != claims[part].quantity {
            return resolved(inner, before: part, sentence: claims[index].sentencePrefix, reading)
        }
        // 2b. The whole of an earlier share of its sentence whose part is a sibling of this one
        // (`本类中，抚恤（款）…占本类支出的78.25%；退役安置（款）…占12.34%`), or of a sum of the rest
        // (`…等6个项合计1,862.53万元，占5.14%`), before any topic.
        if let whole = siblingShareWhole(of: index, part: part, reach: 20, inSentence: true, wholes: wholes, reading) { return whole }
        // 3. The topic of the paragraph (`“三公”经费支出决算中，…`).
        if let topic = claims[index].topic, topic != claims[part].quantity {
            return resolved(topic, before: part, sentence: claims[index].sentencePrefix, reading)
        }
        // 4. The whole of an earlier share in the paragraph whose part is a sibling of this one.
        if let partName = claims[part].quantity?.name {
            if let whole = siblingShareWhole(of: index, part: part, reach: 40, inSentence: false, wholes: wholes, reading) { return whole }
            // 5. The nearest earlier amount of a parent quantity, of the part's measure and year
            // (`比全年预算数16.00万元少6.00万元` is not what the year's spending is a share of).
            let ancestors = Identities.ancestors(of: partName)
            let partIsBudget = claims[part].measure.isBudget, partPeriod = claims[part].period
            var k = part - 1
            while k >= 0, part - k <= 40, claims[k].paragraph == shareParagraph {
                if claims[k].isPlainAmount, let name = claims[k].quantity?.name, ancestors.contains(name),
                   claims[k].measure.isBudget == partIsBudget, claims[k].period == partPeriod {
                    return (.value(reading.operand(k)), name)
                }
                k -= 1
            }
        }
        // A fund's spending on an item (`一般公共预算财政拨款中教育支出…，占81.16%`): that fund's spending.
        if let quantity = claims[part].quantity, let fundSpending = quantity.fundSpending {
            return resolved(fundSpending, before: part, sentence: claims[part].sentencePrefix, reading)
        }
        // 6. The report's total, by the words of the sentence: any table that prints it.
        let prefix = claims[part].sentencePrefix
        let side = Self.side(of: prefix)
        // In a section titled by one fund's spending (`五、一般公共预算财政拨款支出决算情况说明`),
        // the structure of spending is that fund's: its classes are shares of its total, not of
        // the report's.
        let section = claims[index].section
        if let side, section < reading.prose.titleQuantities.count, let title = reading.prose.titleQuantities[section],
           title.isKnown, title.description.containsText(side), title.description.containsText("财政拨款"), title != claims[part].quantity {
            return resolved(title, before: part, sentence: prefix, reading)
        }
        let total = side.map { "本年\($0)合计" }
        // A part of no such total is a share of its own whole (`政府采购支出总额128.46万元。⏎ 其中：
        // 政府采购货物支出…分别占40.71%…`: not of 本年支出合计 for the 支出 in its name).
        if let total, let partName = claims[part].quantity?.name, case let ancestors = Identities.ancestors(of: partName),
           let parent = ancestors.first, !ancestors.contains(total) {
            return resolved(Quantity(name: parent, isKnown: true), before: part, sentence: prefix, reading)
        }
        if let total {
            // In a section of one fund (`十二、政府性基金预算财政拨款收入支出决算情况说明`), the fund's.
            let figures = reading.tableFigures(Quantity(name: total, isKnown: true), sentence: reading.context(of: part))
            if !figures.isEmpty { return (.anyOf(figures), total) }
        }
        // 7. Nothing names it: the shares of one sentence are of one whole.
        return (.implied("#\(shareParagraph)#\(claims[index].sentence)"), nil)
    }

    /// The whole a label names its quantity inside of, by `中` (`本年支出中财政拨款支出`,
    /// `项目支出中信息化建设`): the words before the last `中`, when they name a known quantity
    /// (`本年支出` and `本年收入` the year's totals) and words follow it.
    static func innerWhole(of label: String) -> Quantity? {
        guard label.utf8Contains("中"), let middle = label.lastIndex(of: "中"), middle != label.startIndex,
              label.index(after: middle) != label.endIndex else { return nil }
        let words = String(label[..<middle])
        if let side = ["本年支出": "本年支出合计", "本年收入": "本年收入合计", "本年度支出": "本年支出合计", "本年度收入": "本年收入合计"][words] {
            return Quantity(name: side, isKnown: true)
        }
        guard let quantity = QuantityNames.namedWhole(by: words), quantity.isKnown, LabelKey.make(quantity.description) == LabelKey.make(words) else { return nil }
        return quantity
    }

    /// A quantity's value: stated earlier, else printed in a table, else implied.
    static func resolved(_ quantity: Quantity, before index: Int, sentence: String, _ reading: ProseReading) -> (Whole, String?) {
        if let earlier = reading.earlierFact(quantity, measure: { !$0.isBudget }, before: index), earlier != index {
            return (.value(reading.operand(earlier)), quantity.description)
        }
        let figures = reading.tableFigures(quantity, sentence: sentence)
        if !figures.isEmpty { return (.anyOf(figures), quantity.description) }
        return (.implied(quantity.description), quantity.description)
    }

    /// The side a sentence speaks of: the first of 收入 and 支出 it names (收入 in the name of money
    /// a fund spends, `国有土地使用权出让收入安排的支出`, is no side).
    static func side(of sentence: String) -> String? {
        // `按支出功能分类科目看，本年收入中…`: the name of a classification is no side.
        var sentence = sentence
        if sentence.utf8Contains("分类") {
            for name in ["支出功能分类", "支出经济分类"] { sentence = sentence.utf8Replacing(name, with: "分类") }
        }
        let income = ProseReading.firstIncome(in: sentence), spending = sentence.utf8FirstOffset(of: "支出")
        switch (income, spending) {
        case let (i?, s?): return i < s ? "收入" : "支出"
        case (_?, nil): return "收入"
        case (nil, _?): return "支出"
        case (nil, nil): return nil
        }
    }

    /// Shares of one whole that no table or sentence gives: each share implies the whole
    /// (part ÷ share); they must agree. When they do not, the whole is taken as the sum of the
    /// parts and the shares that miss it are flagged (narrative.md cases 5, 6, 22, 23).
    static func agree(_ members: [(share: Int, part: Int)], whole name: String, _ reading: inout ProseReading) {
        guard members.count >= 2 else { return }
        // The parts as operands, once; in different money units, in the first part's.
        let unit = reading.claims[members[0].part].moneyUnit
        let parts = members.map { member in unit.flatMap { reading.operand(member.part, in: $0) } ?? reading.operand(member.part) }
        // Distinct parts only: two shares of one amount say nothing about each other.
        var lower = DecimalNumber.zero
        var upper: DecimalNumber?
        // A share of 0% (or a part of 0) bounds nothing.
        for (position, (share, _)) in members.enumerated() {
            guard let range = impliedWhole(part: parts[position].strict, share: Interval.written(reading.claims[share].value)) else { continue }
            lower = max(lower, range.lower)
            upper = upper.map { min($0, range.upper) } ?? range.upper
        }
        guard let upper, lower > upper else { return }
        let label = name.hasPrefix("#") ? "同一整体" : "“\(name)”"
        // With parts in different units, the sum is said in its unit.
        let sumUnit = members.contains { reading.claims[$0.part].moneyUnit != unit } ? (unit?.rawValue ?? "") : ""
        let sum = parts.reduce(DecimalNumber.zero) { $0 + $1.value }
        let sumOperand = Operand(value: sum, strict: parts.reduce(Interval.exact(.zero)) { $0 + $1.strict },
                                 lax: parts.reduce(Interval.exact(.zero)) { $0 + $1.lax },
                                 name: "各部分之和 \(sum)", range: reading.claims[members[0].part].range)
        let before = reading.findings.count
        let claims = reading.claims
        for ((share, _), partOperand) in zip(members, parts) {
            reading.judgeRatio(code: "N502", claim: share, numerator: partOperand, denominator: sumOperand,
                               formula: "\(label)的各部分占比互相矛盾：按各部分之和 \(sum)\(sumUnit) 计，\(partOperand.name) ÷ \(sum)\(sumUnit)",
                               related: members.map { RelatedLocation(range: claims[$0.share].range, message: "占 \(claims[$0.share].text)%") })
        }
        if reading.findings[before...].contains(where: { $0.severity == .error || $0.severity == .warning }) { return }
        let last = members[members.count - 1]
        let shares = members.map { "\(reading.claims[$0.part].text) 占 \(reading.claims[$0.share].text)%" }.joined(separator: "，")
        reading.report("N502", .error, on: reading.claims[last.share].range,
                       "\(label)的各部分占比互相矛盾（\(shares)）：没有一个整体能同时满足这些占比",
                       related: members.map { RelatedLocation(range: reading.claims[$0.share].range, message: "占 \(reading.claims[$0.share].text)%") })
    }

    /// The wholes a part and its share allow: part ÷ share, over both intervals.
    static func impliedWhole(part: Interval, share: Interval) -> Interval? {
        guard share.lower.mantissa > 0, !part.lower.isNegative else { return nil }
        let hundred = ProseReading.hundred
        guard let low = (part.lower * hundred).divided(by: share.upper, scale: 8),
              let high = (part.upper * hundred).divided(by: share.lower, scale: 8) else { return nil }
        let ulp = DecimalNumber(mantissa: 1, scale: 8)
        return Interval(lower: low - ulp, upper: high + ulp)
    }

    /// N508: the shares of one sentence, of wholes not named, that add up to more than 100%.
    static func overHundred(_ reading: inout ProseReading) {
        var start = 0
        let claims = reading.claims
        while start < claims.count {
            var end = start
            while end < claims.count, claims[end].paragraph == claims[start].paragraph, claims[end].sentence == claims[start].sentence { end += 1 }
            // Indices first: the claims are copied only for a sentence with two shares or more.
            // Each year's shares apart (`占比由上年的84.12%提高到86.45%`: two years of one share);
            // asked only of a sentence with two shares or more.
            let periods: [Period] = (start..<end).count(where: { claims[$0].isShare }) >= 2 ? [.current, .previous] : []
            for period in periods {
            let shareCount = (start..<end).count {
                guard claims[$0].isShare, !claims[$0].isEcho, claims[$0].depth == 0, claims[$0].period == period else { return false }
                if case .share(nil) = claims[$0].kind { return true } else { return false }
            }
            if shareCount >= 2 {
                let shares = claims[start..<end].filter { if case .share(nil) = $0.kind { return !$0.isEcho && $0.depth == 0 && $0.period == period } else { return false } }
                let lower = shares.reduce(DecimalNumber.zero) { $0 + Interval.written($1.value).lower }
                // (Not when a share is of a sum of parts shared with others: `事业收入…，占71.58%；自有收入
                // （事业收入和其他收入）合计4,300.02万元，占73.05%`. Asked only of shares over 100 %.)
                if lower > ProseReading.hundred, !(start..<end).contains(where: { k in
                    guard claims[k].isShare, let part = part(of: k, reading) else { return false }
                    return ["合计", "共计", "小计", "总计", "合共"].contains { claims[part].label.utf8Contains($0) }
                }) {
                    let total = shares.reduce(DecimalNumber.zero) { $0 + $1.value }
                    reading.report("N508", .error, on: shares.last!.range,
                                   "同一整体的各部分占比之和为 \(total)%（\(shares.map { $0.text + "%" }.joined(separator: " + "))），超过 100%",
                                   related: shares.map { RelatedLocation(range: $0.range, message: "占 \($0.text)%") })
                }
            }
            }
            start = end
        }
    }
}
