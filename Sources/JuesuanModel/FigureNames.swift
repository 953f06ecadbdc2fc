import JuesuanCatalogue
import JuesuanSyntax

/// The names prose uses for table figures (`本年收入合计`, `基本支出`, `“三公”经费`, a 类 name),
/// each with the figures it may mean. A claim that names a figure must equal one of them.
public enum FigureNames {
    public struct Target: Sendable {
        public var table: String
        public var row: RowSelector
        public var column: String?
        public var side: TableSide?
    }

    static func t(_ table: String, _ row: RowSelector, _ column: String? = nil, _ side: TableSide? = nil) -> Target {
        Target(table: table, row: row, column: column, side: side)
    }

    /// Name → targets. Longer names win over the shorter ones they end with.
    static let table: [(String, [Target])] = {
        var entries: [(String, [Target])] = [
            ("收入总计", [t("公开01", .label("总计"), nil, .income)]),
            ("支出总计", [t("公开01", .label("总计"), nil, .expenditure)]),
            // 本年收入合计 / 本年支出合计 are printed by 公开01 (all funds) and 公开04 (财政拨款 only);
            // prose often leaves out the word 财政拨款, so either is meant.
            ("本年收入合计", [t("公开01", .label("本年收入合计"), nil, .income), t("公开02", .total, "本年收入合计"), t("公开04", .label("本年收入合计"), nil, .income)]),
            ("本年收入", [t("公开01", .label("本年收入合计"), nil, .income), t("公开02", .total, "本年收入合计"), t("公开04", .label("本年收入合计"), nil, .income)]),
            ("本年支出合计", [t("公开01", .label("本年支出合计"), nil, .expenditure), t("公开03", .total, "本年支出合计"), t("公开04", .label("本年支出合计"), "合计", .expenditure)]),
            ("本年支出", [t("公开01", .label("本年支出合计"), nil, .expenditure), t("公开03", .total, "本年支出合计"), t("公开04", .label("本年支出合计"), "合计", .expenditure)]),
            // 收入总额 / 支出总额: the total (总计) to some officers, the year's (本年…合计) to others.
            ("收入总额", [t("公开01", .label("总计"), nil, .income), t("公开01", .label("本年收入合计"), nil, .income), t("公开02", .total, "本年收入合计"), t("公开04", .label("本年收入合计"), nil, .income)]),
            ("支出总额", [t("公开01", .label("总计"), nil, .expenditure), t("公开01", .label("本年支出合计"), nil, .expenditure), t("公开03", .total, "本年支出合计"), t("公开04", .label("本年支出合计"), "合计", .expenditure)]),
            ("财政拨款收入总额", [t("公开04", .label("总计"), nil, .income), t("公开02", .total, "财政拨款收入"), t("公开04", .label("本年收入合计"), nil, .income)]),
            ("财政拨款支出总额", [t("公开04", .label("总计"), "合计", .expenditure), t("公开04", .label("本年支出合计"), "合计", .expenditure)]),
            ("财政拨款本年收入合计", [t("公开04", .label("本年收入合计"), nil, .income)]),
            ("财政拨款本年收入", [t("公开04", .label("本年收入合计"), nil, .income)]),
            // The appropriations' balances, in the words of a sentence about them (session 27).
            ("财政拨款年初结转和结余", [t("公开04", .label("年初财政拨款结转和结余"), nil, .income)]),
            ("财政拨款年末结转和结余", [t("公开04", .label("年末财政拨款结转和结余"), "合计", .expenditure)]),
            ("财政拨款本年支出合计", [t("公开04", .label("本年支出合计"), "合计", .expenditure)]),
            ("年初结转和结余", [t("公开01", .label("年初结转和结余"), nil, .income)]),
            ("年末结转和结余", [t("公开01", .label("年末结转和结余"), nil, .expenditure)]),
            ("结余分配", [t("公开01", .label("结余分配"), nil, .expenditure)]),
            ("使用非财政拨款结余", [t("公开01", .label("使用非财政拨款结余（含专用结余）"), nil, .income)]),
            ("财政拨款收入", [t("公开02", .total, "财政拨款收入"), t("公开04", .label("本年收入合计"), nil, .income)]),
            ("财政拨款收入总计", [t("公开04", .label("总计"), nil, .income)]),
            ("财政拨款支出总计", [t("公开04", .label("总计"), "合计", .expenditure)]),
            ("年初财政拨款结转和结余", [t("公开04", .label("年初财政拨款结转和结余"), nil, .income)]),
            ("年末财政拨款结转和结余", [t("公开04", .label("年末财政拨款结转和结余"), "合计", .expenditure)]),
            ("一般公共预算财政拨款收入", [t("公开01", .label("一般公共预算财政拨款收入"), nil, .income), t("公开04", .label("一般公共预算财政拨款"), nil, .income)]),
            ("政府性基金预算财政拨款收入", [t("公开01", .label("政府性基金预算财政拨款收入"), nil, .income), t("公开04", .label("政府性基金预算财政拨款"), nil, .income)]),
            ("国有资本经营预算财政拨款收入", [t("公开01", .label("国有资本经营预算财政拨款收入"), nil, .income), t("公开04", .label("国有资本经营预算财政拨款"), nil, .income)]),
            // The income of a department's own sources: 公开01's rows and 公开02's totals.
            ("上级补助收入", [t("公开01", .label("上级补助收入"), nil, .income), t("公开02", .total, "上级补助收入")]),
            ("事业收入", [t("公开01", .label("事业收入"), nil, .income), t("公开02", .total, "事业收入")]),
            ("经营收入", [t("公开01", .label("经营收入"), nil, .income), t("公开02", .total, "经营收入")]),
            ("附属单位上缴收入", [t("公开01", .label("附属单位上缴收入"), nil, .income), t("公开02", .total, "附属单位上缴收入")]),
            ("其他收入", [t("公开01", .label("其他收入"), nil, .income), t("公开02", .total, "其他收入")]),
            ("基本支出", [t("公开03", .total, "基本支出"), t("公开05", .total, "基本支出")]),
            ("项目支出", [t("公开03", .total, "项目支出"), t("公开05", .total, "项目支出")]),
            ("项目支出总额", [t("公开03", .total, "项目支出"), t("公开05", .total, "项目支出")]),
            ("上缴上级支出", [t("公开03", .total, "上缴上级支出")]),
            ("经营支出", [t("公开03", .total, "经营支出")]),
            ("对附属单位补助支出", [t("公开03", .total, "对附属单位补助支出")]),
            ("一般公共预算财政拨款基本支出", [t("公开05", .total, "基本支出")]),
            ("一般公共预算财政拨款项目支出", [t("公开05", .total, "项目支出")]),
            ("一般公共预算项目支出", [t("公开05", .total, "项目支出")]),
            ("一般公共预算项目支出总额", [t("公开05", .total, "项目支出")]),
            ("一般公共预算财政拨款支出", [t("公开05", .total, "本年支出合计"), t("公开04", .label("本年支出合计"), "一般公共预算财政拨款", .expenditure)]),
            ("政府性基金预算财政拨款支出", [t("公开04", .label("本年支出合计"), "政府性基金预算财政拨款", .expenditure)]),
            ("国有资本经营预算财政拨款支出", [t("公开04", .label("本年支出合计"), "国有资本经营预算财政拨款", .expenditure)]),
            ("财政拨款支出", [t("公开04", .label("本年支出合计"), "合计", .expenditure)]),
            ("财政拨款本年支出", [t("公开04", .label("本年支出合计"), "合计", .expenditure)]),
            ("工资福利支出", [t("公开06", .code("301"))]),
            ("商品和服务支出", [t("公开06", .code("302"))]),
            ("对个人和家庭的补助", [t("公开06", .code("303"))]),
            ("人员经费", [t("公开06", .label("人员经费合计"))]),
            ("公用经费", [t("公开06", .label("公用经费合计"))]),
            // 公开06 is the general budget's basic spending: its 人员经费 is that fund's.
            ("一般公共预算财政拨款人员经费", [t("公开06", .label("人员经费合计"))]),
            ("一般公共预算财政拨款公用经费", [t("公开06", .label("公用经费合计"))]),
        ]
        for (name, row) in [("“三公”经费", "合计"), ("\"三公\"经费", "合计"), ("三公经费", "合计"),
                            ("因公出国（境）费", "因公出国（境）费"), ("因公出国(境)费", "因公出国（境）费"),
                            ("公务用车购置及运行维护费", "公务用车购置及运行维护费"), ("公务用车购置及运行费", "公务用车购置及运行维护费"),
                            ("公务用车购置费", "公务用车购置费"), ("公务用车运行维护费", "公务用车运行维护费"), ("公务用车运行费", "公务用车运行维护费"),
                            ("公务接待费", "公务接待费"), ("国内接待费", "国内接待费"), ("国（境）外接待费", "国（境）外接待费")] {
            entries.append((name, [t("公开09", .label(row), "决算数")]))
        }
        // A fund's own income, spending and balances: its column of 公开04 and its own table's
        // 合计 row (公开07 prints the government fund's balances; 公开08 the state capital
        // budget's spending only). Prose names them in a sentence about the fund
        // (`政府性基金预算财政拨款年初结转和结余60.00万元，本年收入850.00万元…`).
        for (fund, table, spending) in [("政府性基金预算", "公开07", "本年支出"), ("国有资本经营预算", "公开08", "本年支出合计")] {
            let appropriation = fund + "财政拨款"
            let income = [t("公开01", .label(appropriation + "收入"), nil, .income), t("公开04", .label(appropriation), nil, .income)]
                + (table == "公开07" ? [t(table, .total, "本年收入")] : [])
            let spent = [t("公开04", .label("本年支出合计"), appropriation, .expenditure), t(table, .total, spending)]
            let closing = [t("公开04", .label("年末财政拨款结转和结余"), appropriation, .expenditure)]
                + (table == "公开07" ? [t(table, .total, "年末结转和结余")] : [])
            let opening = table == "公开07" ? [t(table, .total, "年初结转和结余")] : []
            for word in ["本年收入", "本年收入合计"] { entries.append((appropriation + word, income)) }
            for word in ["本年支出", "本年支出合计"] { entries.append((appropriation + word, spent)) }
            for name in [appropriation + "年末结转和结余", appropriation + "年末财政拨款结转和结余", fund + "年末财政拨款结转和结余"] {
                entries.append((name, closing))
            }
            if !opening.isEmpty {
                for name in [appropriation + "年初结转和结余", appropriation + "年初财政拨款结转和结余", fund + "年初财政拨款结转和结余"] {
                    entries.append((name, opening))
                }
            }
        }
        // The general budget's own: its row and column of 公开04, and 公开05's total
        // (`一般公共预算财政拨款本年收入9,886.80万元；本年支出10,029.25万元`).
        let general = "一般公共预算财政拨款"
        for word in ["本年收入", "本年收入合计"] {
            entries.append((general + word, [t("公开01", .label(general + "收入"), nil, .income), t("公开04", .label(general), nil, .income)]))
        }
        for word in ["本年支出", "本年支出合计"] {
            entries.append((general + word, [t("公开04", .label("本年支出合计"), general, .expenditure), t("公开05", .total, "本年支出合计")]))
        }
        for name in [general + "年末结转和结余", general + "年末财政拨款结转和结余", "一般公共预算年末财政拨款结转和结余"] {
            entries.append((name, [t("公开04", .label("年末财政拨款结转和结余"), general, .expenditure)]))
        }
        return entries.map { (LabelKey.make($0.0), $0.1) }.sortedLongestFirst { $0.0.count }
    }()

    /// The totals and balances a sentence about the appropriations may name without the word
    /// 财政拨款 (`财政拨款收入总计…，其中本年收入…、年初结转和结余…`).
    public static let appropriationNameBytes = ["本年收入", "本年收入合计", "本年支出", "本年支出合计", "年初结转和结余", "年末结转和结余"].map { Array($0.utf8) }

    /// Splits `“三公”经费全年预算数` into (`“三公”经费`, 全年预算数).
    public static func splitMeasure(_ label: String) -> (head: String, measure: Measure?) {
        for measure in [Measure.initialBudget, .fullBudget, .actual, .spent, .budget] where label.hasSuffix(measure.rawValue) {
            return (String(label.dropLast(measure.rawValue.count)), measure)
        }
        return (label, nil)
    }

    /// The figures `head` (a label without its measure) may name, for that measure.
    public static func targets(head: String, measure: Measure?) -> [Target] {
        let key = LabelKey.make(head)
        guard !key.isEmpty else { return [] }
        var found: [Target] = []
        let simple = tableIsSimple && SimpleText.isSimple(key)
        // On simple text the names' bytes are compared with the key's in one pass (issue 15).
        let matchIndex = simple ? ProseReader.firstSuffix(of: key, in: tableNameBytes) : table.firstIndex(where: { key.hasSuffix($0.0, simple: false) })
        if let match = matchIndex.map({ table[$0] }) {
            // `政府性基金预算财政拨款本年收入合计` is not 本年收入合计: only a neutral prefix
            // (years, 本部门, 本年度…) may stand before the name.
            guard isNeutral(String(key.dropLast(match.0.count))) else { return [] }
            found = match.1
        } else if let code = categoryCode(in: key) {
            // A 类 by name: its row in the tables that list 类; a fund's spending on it
            // (`政府性基金预算财政拨款城乡社区支出`) is its row of that fund's table.
            if let (_, table, column) = fundTables.first(where: { key.containsText($0.fund) }) {
                found = [t(table, .code(code), column)]
            } else {
                found = [t("公开05", .code(code), "本年支出合计"), t("公开03", .code(code), "本年支出合计"),
                     t("公开04", .label(Catalogue.embedded.categoryName(forCode: code) ?? ""), "合计", .expenditure),
                     t("公开01", .label(Catalogue.embedded.categoryName(forCode: code) ?? ""), nil, .expenditure)]
            }
        }
        switch measure {
        case nil, .actual?:
            return found
        case .initialBudget?, .fullBudget?, .budget?:
            // Only 公开09 publishes budgets.
            let column = measure == .initialBudget ? "年初预算数" : "全年预算数"
            return found.filter { $0.table == "公开09" }.map { Target(table: $0.table, row: $0.row, column: column, side: $0.side) }
        case .spent?:
            return []
        }
    }

    /// The figures an item named by its code may be (`小学教育（项）` → 2050202): its row of the
    /// tables that list items by code. Only the actual is published.
    /// With `scope` naming a fund (`政府性基金预算财政拨款`), its row of that fund's table.
    public static func targets(code: String, measure: Measure?, scope: String = "") -> [Target] {
        guard measure == nil || measure == .actual else { return [] }
        // A 款 of the economic classification (`30201 办公费`): 公开06's row.
        if code.utf8.first == UInt8(ascii: "3") { return [t("公开06", .code(code))] }
        // An item's balance (`上年结转的地方重大水利工程建设`): the opening or closing balance column
        // of its fund's table (only 公开07 prints one), and nothing when the fund or the side is
        // not named; never its spending.
        if scope.utf8Contains("结转") || scope.utf8Contains("结余") {
            let closing = scope.utf8Contains("年末") || scope.utf8Contains("下年"), opening = scope.utf8Contains("年初") || scope.utf8Contains("上年")
            guard closing != opening, scope.containsText("政府性基金") else { return [] }
            return [t("公开07", .code(code), closing ? "年末结转和结余" : "年初结转和结余")]
        }
        if !scope.isEmpty, let (_, table, column) = fundTables.first(where: { scope.containsText($0.fund) }) {
            return [t(table, .code(code), column)]
        }
        return [t("公开05", .code(code), "本年支出合计"), t("公开03", .code(code), "本年支出合计")]
    }

    /// An item's income: its row of 公开02.
    public static func incomeTargets(code: String) -> [Target] { [t("公开02", .code(code), "本年收入合计")] }

    /// Each fund's table of spending by function, and its column of spending.
    static let fundTables = [(fund: "一般公共预算", table: "公开05", column: "本年支出合计"), (fund: "政府性基金", table: "公开07", column: "本年支出"),
                             (fund: "国有资本经营", table: "公开08", column: "本年支出合计")]

    /// The UTF-8 bytes of each name of `table`, in its order.
    static let tableNameBytes = table.map { Array($0.0.utf8) }

    /// Every name of `table` is simple text (`SimpleText`): a simple key is compared by bytes.
    static let tableIsSimple = table.allSatisfy { SimpleText.isSimple($0.0) }

    /// Words that may precede a figure's name without changing what it names (prose allows more:
    /// `QuantityNames.neutralWords`). (`加上年初财政拨款结转和结余` adds that balance to the income
    /// before it: it names the balance.)
    static let neutralWords = selfReferences + ["部门", "单位", "本年度", "年度", "全年", "合计", "共计", "其中", "本",
                                                "再加上", "加上", "连同"]

    /// The words a department calls itself by: `本部门`, `我局`, `本中心`, `该单位`, `全院`… (before `本`
    /// in `neutralWords`, which is matched in order here). Not `本级` (a scope: the department
    /// without its subordinate units), nor `我县`, `本市` (the government the department serves).
    static let selfReferences: [String] = ["本", "我", "该", "全"].flatMap { pronoun in
        ["部门", "单位", "机关", "委员会", "办公室", "中心", "街道", "局", "委", "院", "办", "厅", "馆", "站", "队", "所", "处",
         "署", "校", "园", "社", "镇", "乡"].map { pronoun + $0 }
    }

    static func isNeutral(_ prefix: String) -> Bool {
        var rest = Substring(prefix)
        while !rest.isEmpty {
            if rest.first!.isASCII && rest.first!.isNumber {
                rest = rest.drop { $0.isASCII && $0.isNumber }
                if rest.hasPrefix("年度") { rest = rest.dropFirst(2) } else if rest.hasPrefix("年") { rest = rest.dropFirst() }
                continue
            }
            guard let word = neutralWords.first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(word.count)
        }
        return true
    }

    /// A 类 named at the end of a key: `社会保障和就业支出(类)` or `卫生健康支出`.
    static func categoryCode(in key: String) -> String? {
        let simple = SimpleText.isSimple(key)
        var text = key
        if text.hasSuffix("(类)", simple: simple) { text.removeLast(3) }
        // The catalogue once, not once per suffix tried (each access copied it).
        let catalogue = Catalogue.embedded
        if simple {
            // Scalars are characters: count and cut scalars, the suffixes copied as bytes.
            let scalars = text.unicodeScalars
            let longest = min(scalars.count, 16)
            guard longest >= 4 else { return nil }
            // Every suffix tried ends with the text's last scalar, and its normalised form with
            // that scalar's: when no 类 name ends so, none of them is one.
            if let last = scalars.last, let end = CatalogueName.normalized(String(last)).unicodeScalars.first,
               !catalogue.mayEndCategoryName(end) {
                return nil
            }
            // A suffix in normal form is a 类 name only if one starts as it does and is as long:
            // the others are not made into strings (most keys name no 类; issue 15).
            let normalized = CatalogueName.isNormalized(text)
            var start = scalars.index(scalars.endIndex, offsetBy: -longest)
            for length in stride(from: longest, through: 4, by: -1) {
                if !normalized || catalogue.mayBeCategoryName(startingWith: scalars[start], count: length),
                   let code = catalogue.categoryCode(forName: String(text[start...])) { return code }
                start = scalars.index(after: start)
            }
            return nil
        }
        for length in stride(from: min(text.count, 16), through: 4, by: -1) {
            let suffix = String(text.suffix(length))
            if let code = catalogue.categoryCode(forName: suffix) { return code }
        }
        return nil
    }
}

extension Report {
    /// The published figures a target names, when its table and row exist.
    public func figures(for targets: [FigureNames.Target]) -> [Figure] {
        targets.compactMap { figure($0.table, $0.row, column: $0.column, side: $0.side) }
    }
}
