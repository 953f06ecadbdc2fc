import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// N521 (domain-rules N-06: Σ of the parts' budgets = the total budget): a 类's (or 款's) 年初预算
/// or 调整预算 stated in prose is the sum of the same budget stated for each item under it. Judged
/// only where every item of the level below that 公开05 prints has that budget stated, once; an
/// item stated twice with two values, or not at all (`年初未安排预算`), leaves the sum unknown.
enum NarrativeItemBudgetSumCheck {
    static let rules = [Rule("N521", .error, "说明中类（款）的预算数 ≠ 其下各项（款）的预算数之和")]

    static func run(_ reading: inout ProseReading) {
        guard let table = reading.report.table("公开05") else { return }
        let claims = reading.claims
        // The budgets stated of each coded item, by code and measure: the claim, or nil when two differ.
        var stated: [String: Int?] = [:]
        for index in claims.indices where claims[index].isPlainAmount {
            let measure = claims[index].measure
            guard measure == .initialBudget || measure == .fullBudget, !claims[index].isEcho, !claims[index].isApproximate,
                  claims[index].period == .current, let code = code(of: claims[index]) else { continue }
            let key = code + (measure == .initialBudget ? "|年初" : "|调整")
            if let earlier = stated[key] {
                if let earlier, claims[earlier].value != claims[index].value { stated[key] = .some(nil) }
            } else {
                stated[key] = index
            }
        }
        guard stated.count >= 2 else { return }
        var printed: [String] = []
        for row in table.allRows {
            if let code = row.code, !printed.contains(code) { printed.append(code) }
        }
        for (key, parent) in stated {
            guard let parent else { continue }
            let code = String(key.prefix { $0 != "|" }), measureKey = String(key.drop { $0 != "|" })
            guard code.utf8.count == 3 || code.utf8.count == 5 else { continue }
            // The level right below that prose states budgets of: 款 under a 类, else its 项.
            for length in [code.utf8.count + 2, code.utf8.count + 4] where length <= 7 {
                let children = printed.filter { $0.utf8.count == length && $0.hasPrefix(code) }
                guard !children.isEmpty else { continue }
                let parts = children.map { stated[$0 + measureKey] }
                guard parts.allSatisfy({ $0 != nil && $0! != nil }) else { continue }
                judge(parent, parts: parts.map { $0!! }, &reading)
                break
            }
        }
    }

    /// The functional code a claim's quantity has: an item's own, or a 类's by its name.
    static func code(of claim: Claim) -> String? {
        guard let quantity = claim.quantity, quantity.isKnown else { return nil }
        if let code = quantity.code, code.utf8.first == UInt8(ascii: "2") { return code }
        guard quantity.qualifier.isEmpty || quantity.qualifier.utf8Contains("一般公共预算") else { return nil }
        return Catalogue.embedded.categoryCode(forName: quantity.name)
    }

    static func judge(_ parent: Int, parts: [Int], _ reading: inout ProseReading) {
        let claims = reading.claims
        guard let unit = claims[parent].moneyUnit, parts.allSatisfy({ claims[$0].moneyUnit == unit }),
              !parts.contains(where: { reading.contradicted.contains($0) }), !reading.contradicted.contains(parent) else { return }
        let sum = parts.reduce(DecimalNumber.zero) { $0 + claims[$1].value }
        // Each figure may be a rounding of its exact amount: half a unit of its last digit each.
        let tolerance = parts.reduce(claims[parent].value.halfUnitOfLastDigit) { $0 + claims[$1].value.halfUnitOfLastDigit }
        let difference = claims[parent].value - sum
        guard difference.magnitude > tolerance else { return }
        // Parts listed under it (`调整预算A万元。其中，X、Y调整预算分别为…`) that exceed it are N504's.
        if difference < .zero, parts.allSatisfy({ claims[$0].listWhole == parent }) { return }
        let measure = claims[parent].measure == .initialBudget ? "年初预算" : "调整预算"
        let name = claims[parent].quantity?.description ?? claims[parent].label
        let scale = max(sum.scale, claims[parent].value.scale)
        reading.report("N521", .error, on: claims[parent].range,
                       "“\(name)”的\(measure)应为其下 \(parts.count) 项的\(measure)之和 \(sum.formatted(scale: scale))，说明中写的是 \(claims[parent].text)，差额 \(CheckContext.signed(difference, scale: scale))",
                       related: parts.map { RelatedLocation(range: claims[$0].range, message: "\(claims[$0].quantity?.description ?? claims[$0].label)：\(claims[$0].text)") })
    }
}
