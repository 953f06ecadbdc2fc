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

    struct Key: Hashable {
        var paragraph: Int
        var quantity: String
        var code: String?
        var whole: String?
        var scope: String?
        var measure: Measure
        var period: Period
        var unit: MoneyUnit
    }

    static func run(_ reading: inout ProseReading) {
        let claims = reading.claims
        var first: [Key: Int] = [:]
        for index in claims.indices {
            guard claims[index].isPlainAmount, !claims[index].isEcho, !claims[index].isApproximate, claims[index].averageMark == nil,
                  let quantity = claims[index].quantity, quantity.isKnown, let unit = claims[index].moneyUnit,
                  [.ownClause, .topic, .respectively].contains(claims[index].quantitySource),
                  !reading.contradicted.contains(index), !namesAnotherYear(claims[index].sentencePrefix, than: reading.report.header.year)
            else { continue }
            let whole = claims[index].listWhole.map { claims[$0].quantity?.description ?? "#\($0)" }
            // `一般公共预算财政拨款本年收入合计17,334.30万元；本年支出合计17,334.30万元` and `政府性基金
            // 预算财政拨款本年收入合计0.00万元；本年支出合计0.00万元`: a bare name in a sentence (or a
            // section) about one fund or the appropriations is theirs, another number each.
            let context = reading.context(of: index)
            let scope = scopes.first { context.containsText($0) && !quantity.description.containsText($0) }
            let key = Key(paragraph: claims[index].paragraph, quantity: quantity.description, code: quantity.code, whole: whole, scope: scope,
                          measure: claims[index].measure, period: claims[index].period, unit: unit)
            guard let earlier = first[key] else { first[key] = index; continue }
            let before = reading.operand(earlier), now = reading.operand(index)
            if before.lax.overlaps(now.lax) { continue }
            let name = quantity.description
            let scale = max(claims[earlier].value.scale, claims[index].value.scale)
            reading.report("N518", .warning, on: claims[index].range,
                           "“\(name)”前面写的是 \(claims[earlier].text)\(unit.rawValue)，这里写的是 \(claims[index].text)\(unit.rawValue)，相差 \(CheckContext.signed(claims[index].value - claims[earlier].value, scale: scale))：同一金额两处不一致",
                           related: [RelatedLocation(range: claims[earlier].range, message: "前文：\(claims[earlier].label.isEmpty ? name : claims[earlier].label) \(claims[earlier].text)")])
            reading.contradicted.insert(index)
        }
    }

    /// The funds, and the appropriations of them all, that a sentence may be about.
    static let scopes = ["政府性基金", "国有资本经营", "一般公共预算", "财政拨款"]

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
