import JuesuanModel
import JuesuanSyntax

/// N507, N509 and N510: counts. A count of receptions, trips or vehicles must be 公开09 / 公开10's;
/// a head count or a number of units stated twice must agree (domain-rules N-16); a 评优率 is
/// the projects rated 优 ÷ the projects rated (N-13).
enum NarrativeCountCheck {
    static func run(_ reading: inout ProseReading) {
        // (A count of several heads, `机要通信用车、执法执勤用车均为0辆`, is each head's: its echoes too.)
        for index in reading.claims.indices where reading.claims[index].kind == .count
            && (!reading.claims[index].isEcho || reading.claims[index].quantitySource == .respectively) {
            table(index, &reading)
        }
        statedTwice(&reading)
        unitsListed(&reading)
        excellenceRate(&reading)
    }

    // MARK: N509 — a number of units against the units listed

    /// `下属二级预算单位3个` and then `…二级预算单位包括：` with the units one a line (or `、`
    /// between them): the count must be the number listed (domain-rules N-16, seed 003).
    static func unitsListed(_ reading: inout ProseReading) {
        let claims = reading.claims
        let paragraphs = reading.prose.paragraphs
        for (position, paragraph) in paragraphs.enumerated() {
            for index in paragraph.claims {
                // Most claims are no count: asked in place before the claim is copied.
                guard claims[index].kind == .count else { continue }
                let claim = claims[index]
                guard claim.kind == .count, claim.unit == .count("个"), !claim.isEcho, claim.listWhole == nil,
                      let stem = ["二级预算单位", "预算单位", "下属单位", "所属单位"].first(where: { claim.label.hasSuffix($0) }) else { continue }
                // The list: in the same paragraph or one of the next three, introduced by `<stem>…包括：`.
                for next in paragraphs[position..<min(paragraphs.count, position + 4)] where next.section == paragraph.section {
                    let words = next.text.string(0, next.text.count)
                    guard let introduced = words.range(ofText: stem).map({ String(words[$0.upperBound...]) }),
                          let list = introduced.range(ofText: "包括") else { continue }
                    var listed = String(introduced[list.upperBound...]).drop { "：:".contains($0) }
                    if let end = listed.firstIndex(where: { "。；".contains($0) }) { listed = listed[..<end] }
                    var count = listed.isEmpty ? 0 : listed.split(whereSeparator: { "、，,".contains($0) }).count
                    if listed.isEmpty, let start = paragraphs.firstIndex(where: { $0.line == next.line }) {
                        // One unit a line, each with an ordinal (`1.松潘县医疗保障局；`).
                        for item in paragraphs[(start + 1)...] where item.section == next.section {
                            guard let first = item.text[0], ProseText.isDigit(first) || "（(一二三四五六七八九十".unicodeScalars.contains(first) else { break }
                            count += 1
                        }
                    }
                    guard count > 0 else { break }
                    if DecimalNumber(count) != claim.value {
                        reading.report("N509", .warning, on: claim.range,
                                       "写的是\(stem) \(claim.text) 个，后面列出的是 \(count) 个，两处不一致",
                                       related: [RelatedLocation(range: next.text.range(0, next.text.count), message: "列出的\(stem)")])
                    }
                    break
                }
            }
        }
    }

    // MARK: N507

    static func table(_ index: Int, _ reading: inout ProseReading) {
        let claim = reading.claims[index]
        // Last year's count (`（上年接待28批231人）`) is not the table's.
        guard case .count(let unit)? = claim.unit, claim.period == .current else { return }
        // An average count (`平均每批次5.75人次`) is no count of a table.
        guard claim.averageMark == nil else { return }
        // Nor is the unit a rate is per (`每接待1人次约耗用补助资金12元`).
        guard !isCountPerSomething(claim) else { return }
        let context = claim.sentencePrefix
        // The nearer of 接待 and 出国/出境 before the figure says what it counts: one sentence
        // may speak of both (`因公出国（境）费0万元，未安排出国团组；…公务接待3批次、28人次`).
        let reception = context.utf8LastOffset(of: "接待")
        let travel = [context.utf8LastOffset(of: "出国"), context.utf8LastOffset(of: "出境")].compactMap { $0 }.max()
        let countsThings = unit == "辆" || unit == "台" || unit == "套"
        // Most counts (of people, units, projects) are of no table: they end here, cheaply.
        guard countsThings || reception != nil || travel != nil else { return }
        // A count in a bracket of parts (`国内接待费12.63万元（其中外事接待费9.37万元，…接待…19批次、146人次）`)
        // is a part of what is outside it: no total of a table.
        if claim.depth > 0, !countsThings, let open = context.lastIndex(where: { $0 == "（" || $0 == "(" }),
           context[context.index(after: open)...].hasPrefix("其中"), !context[open...].contains(where: { $0 == "）" || $0 == ")" }) { return }
        // The sentence and the label are searched for several words: their simplicity found once.
        let searchedContext = SearchedText(context), label = SearchedText(claim.label)
        var targets: [(String, RowSelector, String?)] = []
        // (In the count's own words only for 外事: `（其中外事接待0批次）` after the 国内 counts.)
        // (Or in the bracket it stands in: `（其中：外事接待0批次、0人次）`.)
        var abroad: Bool {
            let bracket = context.lastIndex(where: { $0 == "（" || $0 == "(" }).map { context[$0...] }
            return searchedContext.contains("国（境）外") || searchedContext.contains("国(境)外") || searchedContext.contains("外宾") || label.contains("外事")
                || (bracket.map { $0.contains("外事") && !$0.contains("）") && !$0.contains(")") } ?? false)
        }
        // Vehicles and equipment are counted in their own units, whatever the sentence said of
        // receptions or trips before them (`因公出国（境）费为0；…年末公务用车保有量3辆`).
        // (`接待查档群众1260人次` serves the public, no official reception of 公开09: the words after
        // the last 接待 name whom.)
        let official = reception.map { offset in
            let received = String(context.utf8.dropFirst(offset + 6)) ?? ""
            return !Self.publicServedWords.contains { received.utf8Contains($0) }
        } ?? false
        // (`共接待18批次、126人次；其中外事接待1批次、6人次`: a part of the receptions, no total.)
        if !countsThings, reception != nil, lastClauseGroup(context).hasPrefix("其中") { return }
        if !countsThings, let reception, official, travel.map({ reception > $0 }) ?? true {
            if unit == "批" || unit == "批次" { targets = [("公开09", .label(abroad ? "国（境）外公务接待批次" : "国内公务接待批次"), "决算数")] }
            if unit == "人次" { targets = [("公开09", .label(abroad ? "国（境）外公务接待人次" : "国内公务接待人次"), "决算数")] }
            // `接待国内来访团组24个`: a group received is a batch.
            if unit == "个" && (label.contains("团") || label.contains("批")) {
                targets = [("公开09", .label(abroad ? "国（境）外公务接待批次" : "国内公务接待批次"), "决算数")]
            }
        } else if !countsThings, travel != nil, !lastClauseGroup(context).hasPrefix("其中") {
            // (`…团组6个、27人次；其中，市领导率团出访2个团组、11人次`: a part of the trips, no total.)
            if unit == "个" && searchedContext.contains("团组") { targets = [("公开09", .label("因公出国（境）团组数"), "决算数")] }
            if unit == "人次" || unit == "人" { targets = [("公开09", .label("因公出国（境）人次数"), "决算数")] }
        } else if unit == "辆", countsPurchases(claim.label) || (claim.label.contains("更新") && Self.lastClauseGroup(claim.sentencePrefix).contains("购置费")) {
            // `购置执法执勤用车1辆`: the cars bought in the year, whatever their use; so is a car
            // renewed (更新) in the words of the purchase cost (`公务用车购置费21.36万元，系更新1辆…`;
            // not after `；公务用车运行维护费…`).
            targets = [("公开09", .label("公务用车购置数"), "决算数")]
        } else if unit == "辆", disposalWords.contains(where: { claim.label.utf8HasSuffix($0) }) {
            // `年中报废1辆执法执勤用车`: the cars disposed of, which no table counts.
        } else if unit == "辆", let verb = fleetChangeWords.first(where: { claim.label.utf8Contains($0) }),
                  vehicleRows.contains(where: { countWords(claim).hasSuffix(verb + $0) }) {
            // `按计划更新执法执勤用车1辆`: cars renewed (or moved in or out) in the year, not the fleet
            // of that kind (a car renewed may be one bought: only the purchase cost's words say so, above).
        } else if unit == "辆", let row = vehicleRows.first(where: { countWords(claim).hasSuffix($0) }) {
            // `执法执勤用车2辆`: its row of 公开10.
            targets = [("公开10", .label(row), nil)]
        } else if unit == "台" || unit == "套", lastClauseGroup(context).contains("100万元"), searchedContext.contains("设备") {
            // (In the count's own statement, after the sentence's last `；`: `…1台（套）；单价50万元以上通用设备
            // 0台（套）` counts another kind.)
            targets = [("公开10", .label("单价100万元（含）以上设备（不含车辆）"), nil)]
        } else if unit == "辆", let row = vehicleRows.first(where: { claim.followingWords.hasPrefix($0) }),
                  !disposalWords.contains(where: { claim.followingWords.utf8Contains($0) }) {
            // (`…的9辆执法执勤用车办理了报废处置`: the cars disposed of.)
            // `主要用于3辆执法执勤用车的燃料费`: the noun after the count.
            targets = [("公开10", .label(row), nil)]
        } else if unit == "辆" {
            // `主要用于2辆公务用车的燃料费`, `有2辆公务用车`, `共有公务用车2辆`: the fleet.
            let fleetBefore = claim.followingWords.hasPrefix("公务用车") && ["用于", "保有", "有"].contains { claim.label.hasSuffix($0) }
            let fleetAfter = claim.label.hasSuffix("有公务用车")
            // `公务用车保有量由4辆减少至3辆`: what the fleet came to.
            let cameTo = ["至", "到", "为"].contains { claim.label.utf8HasSuffix($0) } && Self.lastClauseGroup(context).utf8Contains("保有量")
            if context.hasSuffix("保有量") || label.contains("保有") || label.contains("车辆") || fleetBefore || fleetAfter || cameTo {
                targets = [("公开09", .label("公务用车保有量"), "决算数"), ("公开10", .label("车辆数合计"), nil)]
            }
        }
        let figures = targets.compactMap { reading.report.figure($0.0, $0.1, column: $0.2) }
        guard !figures.isEmpty, !figures.contains(where: { $0.value == claim.value }) else { return }
        // (One much nearer is the one meant: `7辆` of 公开10's 6, not 公开09's 保有量 3.)
        let first = ProseReading.clearlyNearest(figures, to: claim.value) { $0.value }
        reading.report("N507", .error, on: claim.range, "说明中写的是 \(claim.text)\(unit)，\(first.description) 是 \(first.value)",
                       fix: Fix(title: "改为 \(first.value)", edits: [TextEdit(range: claim.range, replacement: first.value.description)], isSafe: false),
                       related: figures.map { RelatedLocation(range: $0.cell.token.range, message: "\($0.description)：\($0.value)") })
    }

    /// Whether a count is what something is per, 每 in its last words (`每接待1人次`, `每团4.5人`).
    static func isCountPerSomething(_ claim: Claim) -> Bool {
        claim.label.unicodeScalars.suffix(4).contains("每")
    }

    /// The words after the last `；` of a sentence's text.
    static func lastClauseGroup(_ text: String) -> Substring {
        guard let semicolon = text.lastIndex(where: { $0 == "；" || $0 == ";" }) else { return Substring(text) }
        return text[text.index(after: semicolon)...]
    }

    /// Whether a count of vehicles is of those bought (`购置执法执勤用车`, `新购车辆`, `公务用车购置数`),
    /// not of the fleet: a word of buying that is not the name of the cost (`公务用车购置及运行维护费`,
    /// `购置费`). (`更新` is left out: a car renewed may be one repaired or re-registered.)
    static func countsPurchases(_ label: String) -> Bool {
        var words = label
        for cost in ["购置及运行", "购置费", "购车费"] { words = words.utf8Replacing(cost, with: "") }
        return ["购置", "购买", "新购", "购入"].contains { words.contains($0) }
    }

    /// What a count names: its head in a respectively clause, else its own words.
    static func countWords(_ claim: Claim) -> String {
        claim.quantitySource == .respectively ? claim.quantity?.name ?? claim.label : claim.label
    }

    /// Whom a unit serves, received (`接待查档群众`): no official reception.
    static let publicServedWords = ["群众", "市民", "居民", "村民", "游客", "读者", "观众", "患者", "病人", "学生", "家长", "参观", "查档", "查阅",
                                    "来访者", "办事", "咨询", "信访", "上访", "企业", "服务对象"]

    /// Verbs of a change of the fleet written before the kind of car (`更新执法执勤用车1辆`).
    static let fleetChangeWords = ["更新", "报废", "处置", "淘汰", "拍卖", "调出", "划出", "划转", "移交", "上交", "置换", "调入", "划入", "新增"]
    /// Words of vehicles leaving the fleet.
    static let disposalWords = ["报废", "报废了", "处置", "处置了", "淘汰", "拍卖", "调出", "划出", "划转", "移交", "上交", "减少", "核减"]

    /// 公开10's rows of vehicles by use.
    static let vehicleRows = ["副部（省）级及以上领导用车", "主要负责人用车", "机要通信用车", "应急保障用车", "执法执勤用车",
                              "特种专业技术用车", "离退休干部服务用车", "其他用车"]

    // MARK: N509 — one fact stated twice

    /// The facts whose second statement must repeat the first: head counts and numbers of units.
    static let stems = ["在编在岗人员", "在职在编人员", "在编人员", "在岗人员", "在职人员", "实有人员", "编制人数",
                        "退休人员", "离休人员", "退休", "离休", "二级预算单位", "预算单位", "下属单位", "内设机构"]

    /// Words before a head count that make it the count of a part of the department.
    static let scopeWords = ["本级", "机关", "行政", "事业", "中心", "参公", "下属"]

    static func statedTwice(_ reading: inout ProseReading) {
        var first: [String: Int] = [:]
        for index in reading.claims.indices {
            guard reading.claims[index].kind == .count else { continue }
            let claim = reading.claims[index]
            guard claim.kind == .count, !claim.isEcho, claim.listWhole == nil, case .count(let unit)? = claim.unit,
                  let key = key(claim.label) else { continue }
            // (`按本级在职人员29人计算` after `在职人员41人（其中本级29人…）`: the staff of a part, another fact.)
            let before = claim.label.unicodeScalars.count >= key.unicodeScalars.count ? String(claim.label.unicodeScalars.dropLast(key.unicodeScalars.count).suffix(8)) : ""
            let scope = scopeWords.first { before.utf8Contains($0) } ?? ""
            let fact = scope + key + "|" + (["人", "名"].contains(unit) ? "人" : unit)
            guard let earlier = first[fact] else { first[fact] = index; continue }
            let stated = reading.claims[earlier]
            guard stated.value != claim.value else { continue }
            reading.report("N509", .warning, on: claim.range,
                           "“\(key)”前面写的是 \(stated.text)\(unit)，这里写的是 \(claim.text)\(unit)，两处不一致",
                           related: [RelatedLocation(range: stated.range, message: "前文：\(stated.label) \(stated.text)")])
        }
    }

    /// The stem a label ends on, with what follows it: `截至2023年年末在编在岗人员` → 在编在岗人员.
    static func key(_ label: String) -> String? {
        let searched = SearchedText(label)
        guard let stem = stems.first(where: { searched.range(of: $0) != nil }), let range = searched.range(of: stem) else { return nil }
        let key = String(label[range.lowerBound...])
        return key.count <= stem.count + 2 ? key : nil
    }

    // MARK: N510 — 评优率

    static func excellenceRate(_ reading: inout ProseReading) {
        let claims = reading.claims
        for paragraph in reading.prose.paragraphs {
            var grades: [String: DecimalNumber] = [:]
            for index in paragraph.claims where claims[index].kind == .count {
                if let grade = grade(claims[index]) { grades[grade, default: .zero] += claims[index].value }
            }
            guard let excellent = grades["优"], grades.count >= 2 else { continue }
            let rated = grades.values.reduce(DecimalNumber.zero, +)
            guard rated.mantissa > 0 else { continue }
            for index in paragraph.claims where claims[index].unit == .percent {
                let label = claims[index].label
                guard label.hasSuffix("评优率") || label.hasSuffix("优秀率") else { continue }
                let target = Interval.written(claims[index].value)
                guard !Interval.quotientMayLie(numerator: .exact(excellent), denominator: .exact(rated), factor: ProseReading.hundred, in: target),
                      let computed = (excellent * ProseReading.hundred).divided(by: rated, scale: max(claims[index].value.scale, 2)) else { continue }
                let counts = ["优", "良", "中", "差"].compactMap { grade in grades[grade].map { "“\(grade)”\($0)" } }.joined(separator: "、")
                reading.report("N510", .warning, on: claims[index].range,
                               "评优率应为评为“优”的项目数 \(excellent) ÷ 评价的项目数 \(rated)（\(counts)）= \(computed)%，说明中写的是 \(claims[index].text)%",
                               related: paragraph.claims.filter { grade(claims[$0]) != nil }.map { RelatedLocation(range: claims[$0].range, message: "\(claims[$0].text) 个") })
            }
        }
    }

    /// The grade a count of projects is of: `“优”项目20个`, `2个项目评价结果为“优”`.
    static func grade(_ claim: Claim) -> String? {
        guard case .count(let unit)? = claim.unit, unit == "个" || unit == "项" else { return nil }
        // `4个项目中评价等级为“优”的3个`: the projects rated, not a grade's count.
        // (Not the grade “中” of the next count: `“良”的4个、“中”的1个`.)
        let following = claim.followingWords.prefix(5)
        if let among = following.firstIndex(of: "中"), following[..<among].allSatisfy({ $0 != "，" && $0 != "；" }),
           among == following.startIndex || !"“\"'「".contains(following[following.index(before: among)]) { return nil }
        let around = SearchedText(String(claim.label.suffix(12)) + "|" + claim.followingWords)
        for (grade, words) in [("优", ["“优”", "\"优\"", "优秀"]), ("良", ["“良”", "\"良\"", "良好"]), ("中", ["“中”", "\"中\"", "中等"]), ("差", ["“差”", "\"差\"", "较差"])] {
            if words.contains(where: { around.range(of: $0) != nil }) { return grade }
        }
        return nil
    }
}
