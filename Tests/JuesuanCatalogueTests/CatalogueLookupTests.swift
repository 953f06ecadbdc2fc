import XCTest
import JuesuanCatalogue

final class CatalogueLookupTests: XCTestCase {
    let catalogue = Catalogue.embedded

    func testEntryLookup() {
        let entry = catalogue.entry(code: "2080502", kind: .functional)
        XCTAssertEqual(entry?.name, "事业单位离退休")
        XCTAssertEqual(entry?.level, .item)
        XCTAssertEqual(entry?.kind, .functional)
        XCTAssertEqual(entry?.parentCode, "20805")
        XCTAssertEqual(catalogue.entry(code: "21015", kind: .functional)?.name, "医疗保障管理事务")
        XCTAssertEqual(catalogue.entry(code: "221", kind: .functional)?.level, .category)
        XCTAssertNil(catalogue.entry(code: "221", kind: .functional)?.parentCode)
        XCTAssertEqual(catalogue.entry(code: "30101", kind: .economic)?.name, "基本工资")
        XCTAssertEqual(catalogue.entry(code: "30212", kind: .economic)?.name, "因公出国（境）费用")
        XCTAssertEqual(catalogue.entry(code: "301", kind: .economic)?.name, "工资福利支出")
        // Kinds are separate code spaces.
        XCTAssertNil(catalogue.entry(code: "30101", kind: .functional))
        XCTAssertNil(catalogue.entry(code: "2080502", kind: .economic))
        XCTAssertNil(catalogue.entry(code: "9999999", kind: .functional))
        XCTAssertNil(catalogue.entry(code: "", kind: .functional))
        XCTAssertTrue(catalogue.contains(code: "2101101", kind: .functional))
        XCTAssertFalse(catalogue.contains(code: "2101101 ", kind: .functional))
    }

    func testLevels() {
        XCTAssertEqual(CatalogueLevel.category.displayName, "类")
        XCTAssertEqual(CatalogueLevel.section.displayName, "款")
        XCTAssertEqual(CatalogueLevel.item.displayName, "项")
        XCTAssertEqual(CatalogueLevel(code: "2080502"), .item)
        XCTAssertEqual(CatalogueLevel(code: "20805"), .section)
        XCTAssertEqual(CatalogueLevel(code: "208"), .category)
        XCTAssertNil(CatalogueLevel(code: "2080"))
        XCTAssertNil(CatalogueLevel(code: "２０８"))
        XCTAssertNil(CatalogueLevel(code: "20a"))
        XCTAssertEqual(CatalogueLevel(displayName: "款"), .section)
        XCTAssertTrue(CatalogueLevel.category < .item)
    }

    func testPrefixQueries() {
        let items = catalogue.entries(withPrefix: "21015", kind: .functional)
        XCTAssertEqual(items.map(\.code), ["21015", "2101501", "2101502", "2101503", "2101504",
                                            "2101505", "2101506", "2101550", "2101599"])
        XCTAssertEqual(items.last?.name, "其他医疗保障管理事务支出")
        XCTAssertEqual(items.first?.code, "21015")
        XCTAssertTrue(items.map(\.code).contains("2101506"))
        XCTAssertEqual(items.map(\.code), items.map(\.code).sorted())

        let all208 = catalogue.entries(withPrefix: "208", kind: .functional)
        XCTAssertEqual(all208.first?.code, "208")
        XCTAssertTrue(all208.allSatisfy { $0.code.hasPrefix("208") })
        XCTAssertTrue(all208.contains { $0.code == "2089999" })
        XCTAssertFalse(all208.contains { $0.code.hasPrefix("209") })

        // A prefix that is not a whole code.
        let prefix2 = catalogue.entries(withPrefix: "2", kind: .functional)
        XCTAssertEqual(prefix2.count, catalogue.count(kind: .functional))
        XCTAssertEqual(catalogue.entries(withPrefix: "20805", kind: .functional).map(\.code).first, "20805")
        XCTAssertEqual(catalogue.entries(withPrefix: "3021", kind: .economic).map(\.code).prefix(2), ["30211", "30212"])
        XCTAssertTrue(catalogue.entries(withPrefix: "999", kind: .functional).isEmpty)
        XCTAssertTrue(catalogue.entries(withPrefix: "2080502x", kind: .functional).isEmpty)
        XCTAssertEqual(catalogue.entries(withPrefix: "2080502", kind: .functional).map(\.code), ["2080502"])
        XCTAssertEqual(catalogue.entries(withPrefix: "", kind: .economic).count, 109)
    }

    func testChildren() {
        let classes = catalogue.children(of: "", kind: .functional)
        XCTAssertEqual(classes.count, 30)
        XCTAssertEqual(classes.first?.code, "201")
        XCTAssertEqual(classes.last?.code, "234")
        XCTAssertTrue(classes.allSatisfy { $0.level == .category })
        XCTAssertEqual(catalogue.children(of: "", kind: .economic).count, 10)

        let sections = catalogue.children(of: "210", kind: .functional)
        XCTAssertTrue(sections.allSatisfy { $0.level == .section && $0.code.hasPrefix("210") })
        XCTAssertEqual(sections.map(\.code), sections.map(\.code).sorted())
        XCTAssertTrue(sections.map(\.code).contains("21011"))
        XCTAssertTrue(sections.map(\.code).contains("21099"))

        let items = catalogue.children(of: "21011", kind: .functional)
        XCTAssertEqual(Array(items.map(\.code).prefix(2)), ["2101101", "2101102"])
        XCTAssertTrue(items.allSatisfy { $0.level == .item })

        let wages = catalogue.children(of: "301", kind: .economic)
        XCTAssertEqual(wages.first?.code, "30101")
        XCTAssertTrue(wages.allSatisfy { $0.level == .section })

        XCTAssertTrue(catalogue.children(of: "2101101", kind: .functional).isEmpty)
        XCTAssertTrue(catalogue.children(of: "30101", kind: .economic).isEmpty)
        XCTAssertTrue(catalogue.children(of: "999", kind: .functional).isEmpty)
        XCTAssertTrue(catalogue.children(of: "227", kind: .functional).isEmpty) // 预备费 has no 款

        // Every entry is the child of its parent, exactly once.
        var total = 0
        for cls in classes {
            for section in catalogue.children(of: cls.code, kind: .functional) {
                total += 1 + catalogue.children(of: section.code, kind: .functional).count
            }
            total += 1
        }
        XCTAssertEqual(total, catalogue.count(kind: .functional))
    }

    func testPath() {
        let path = catalogue.path(of: "2101101", kind: .functional)
        XCTAssertEqual(path.map(\.code), ["210", "21011", "2101101"])
        XCTAssertEqual(path.map(\.name), ["卫生健康支出", "行政事业单位医疗", "行政单位医疗"])
        XCTAssertEqual(path.map(\.level), [.category, .section, .item])
        XCTAssertEqual(catalogue.path(of: "20805", kind: .functional).map(\.code), ["208", "20805"])
        XCTAssertEqual(catalogue.path(of: "221", kind: .functional).map(\.name), ["住房保障支出"])
        XCTAssertEqual(catalogue.path(of: "30101", kind: .economic).map(\.name), ["工资福利支出", "基本工资"])
        // Unknown item under a known 款: the known ancestors only.
        XCTAssertEqual(catalogue.path(of: "2101188", kind: .functional).map(\.code), ["210", "21011"])
        XCTAssertTrue(catalogue.path(of: "2101", kind: .functional).isEmpty)
        XCTAssertTrue(catalogue.path(of: "", kind: .functional).isEmpty)
    }

    func testCategoryNameMapForEveryClass() {
        let classes = catalogue.children(of: "", kind: .functional)
        XCTAssertEqual(classes.count, 30)
        for cls in classes {
            XCTAssertEqual(catalogue.categoryCode(forName: cls.name), cls.code, cls.name)
            XCTAssertEqual(catalogue.categoryName(forCode: cls.code), cls.name)
            // Blanks and half-width parentheses do not matter.
            let spaced = cls.name.map(String.init).joined(separator: " ")
            XCTAssertEqual(catalogue.categoryCode(forName: " " + spaced + "\u{3000}"), cls.code, spaced)
        }
        XCTAssertEqual(catalogue.categoryCode(forName: "社会保障和就业支出"), "208")
        XCTAssertEqual(catalogue.categoryCode(forName: "卫生健康支出"), "210")
        XCTAssertEqual(catalogue.categoryCode(forName: "住房保障支出"), "221")
        XCTAssertEqual(catalogue.categoryCode(forName: "一般公共服务支出"), "201")
        XCTAssertEqual(catalogue.categoryCode(forName: "预备费"), "227")
        XCTAssertEqual(catalogue.categoryCode(forName: "卫生 健康 支出"), "210")
        XCTAssertNil(catalogue.categoryCode(forName: "卫生健康"))
        XCTAssertNil(catalogue.categoryCode(forName: "行政运行"))
        XCTAssertNil(catalogue.categoryCode(forName: "工资福利支出")) // economic 类 are not in the map
        XCTAssertNil(catalogue.categoryCode(forName: ""))
    }

    func testCategoryShortForms() {
        XCTAssertEqual(catalogue.categoryCode(forName: "卫生健康（类）", allowingShortForm: true), "210")
        XCTAssertEqual(catalogue.categoryCode(forName: "社会保障和就业(类)", allowingShortForm: true), "208")
        XCTAssertEqual(catalogue.categoryCode(forName: "住房保障", allowingShortForm: true), "221")
        XCTAssertEqual(catalogue.categoryCode(forName: "住房保障支出（类）", allowingShortForm: true), "221")
        XCTAssertNil(catalogue.categoryCode(forName: "卫生健康（类）"))
        XCTAssertNil(catalogue.categoryCode(forName: "医疗保障", allowingShortForm: true))
    }

    func testCategoryNameForCode() {
        XCTAssertEqual(catalogue.categoryName(forCode: "208"), "社会保障和就业支出")
        XCTAssertEqual(catalogue.categoryName(forCode: "2101101"), "卫生健康支出")
        XCTAssertEqual(catalogue.categoryName(forCode: "22102"), "住房保障支出")
        XCTAssertNil(catalogue.categoryName(forCode: "218"))
        XCTAssertNil(catalogue.categoryName(forCode: "21"))
        XCTAssertNil(catalogue.categoryName(forCode: "301"))
    }

    func testMergingPrecedence() throws {
        let user = try Catalogue(tsv: """
            2080502\t事业单位离退休（新名称）\t项
            2080588\t地方自定科目\t项
            299\t地方类\t类
            """, kind: .functional)
        let merged = Catalogue.embedded.merging(user)
        XCTAssertEqual(merged.entry(code: "2080502", kind: .functional)?.name, "事业单位离退休（新名称）")
        XCTAssertEqual(merged.entry(code: "2080502", kind: .functional)?.origin, .official)
        XCTAssertEqual(merged.entry(code: "2080588", kind: .functional)?.name, "地方自定科目")
        XCTAssertEqual(merged.entry(code: "2080501", kind: .functional)?.origin, .embedded)
        XCTAssertEqual(merged.count(kind: .functional), 1650 + 2)
        XCTAssertEqual(merged.count(kind: .economic), 109)
        XCTAssertEqual(merged.children(of: "20805", kind: .functional).suffix(2).map(\.code), ["2080588", "2080599"])
        XCTAssertEqual(merged.children(of: "", kind: .functional).last?.code, "299")
        XCTAssertEqual(merged.categoryCode(forName: "地方类"), "299")
        let prefix = merged.entries(withPrefix: "20805", kind: .functional).map(\.code)
        XCTAssertEqual(prefix, prefix.sorted())
        XCTAssertTrue(prefix.contains("2080588"))
        // The receiver is unchanged (value semantics).
        XCTAssertEqual(Catalogue.embedded.entry(code: "2080502", kind: .functional)?.name, "事业单位离退休")
        XCTAssertNil(Catalogue.embedded.entry(code: "2080588", kind: .functional))
        // Precedence goes the other way when the receiver is the user list.
        let reversed = user.merging(.embedded)
        XCTAssertEqual(reversed.entry(code: "2080502", kind: .functional)?.name, "事业单位离退休")
        XCTAssertEqual(reversed.entry(code: "2080588", kind: .functional)?.name, "地方自定科目")
        // Merging into an empty catalogue takes the bulk path; the result is the same.
        XCTAssertEqual(Catalogue().merging(.embedded).merging(user), merged)
        XCTAssertEqual(Catalogue().merging(.embedded), Catalogue.embedded)
        XCTAssertEqual(Catalogue.embedded.merging(Catalogue()), Catalogue.embedded)
    }

    func testMergingLargeMatchesIncremental() {
        var entries: [CatalogueEntry] = []
        for index in 0..<40 {
            entries.append(CatalogueEntry(code: "21015" + String(format2(index + 50)), name: "地方\(index)", level: .item, kind: .functional, origin: .official))
        }
        let large = Catalogue(entries: entries)               // 40 entries: reindex path
        var incremental = Catalogue.embedded
        for entry in entries {
            incremental = incremental.adding(code: entry.code, name: entry.name, kind: .functional, origin: .official)
        }
        XCTAssertEqual(Catalogue.embedded.merging(large), incremental)
        let a = Catalogue.embedded.merging(large).children(of: "21015", kind: .functional).map(\.code)
        let b = incremental.children(of: "21015", kind: .functional).map(\.code)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, a.sorted())
        XCTAssertEqual(Catalogue.embedded.merging(large).entries(withPrefix: "21015", kind: .functional).map(\.code),
                       incremental.entries(withPrefix: "21015", kind: .functional).map(\.code))
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func testAddingLocalCodes() {
        let local = Catalogue.embedded
            .adding(code: "2101188", name: "本地医疗项目", kind: .functional)
            .adding(code: "30288", name: "本地经济科目", kind: .economic)
        let added = local.entry(code: "2101188", kind: .functional)
        XCTAssertEqual(added?.name, "本地医疗项目")
        XCTAssertEqual(added?.level, .item)
        XCTAssertEqual(added?.origin, .local)
        XCTAssertEqual(local.path(of: "2101188", kind: .functional).map(\.code), ["210", "21011", "2101188"])
        XCTAssertEqual(local.children(of: "21011", kind: .functional).map(\.code), ["2101101", "2101102", "2101103", "2101188", "2101199"])
        XCTAssertEqual(local.entry(code: "30288", kind: .economic)?.level, .section)
        let children = local.children(of: "302", kind: .economic).map(\.code)
        XCTAssertEqual(children, children.sorted())
        XCTAssertTrue(children.contains("30288"))
        XCTAssertNil(Catalogue.embedded.entry(code: "2101188", kind: .functional))

        // Replacing an existing code keeps the indexes free of duplicates.
        let renamed = Catalogue.embedded.adding(code: "2101101", name: "改名", kind: .functional)
        XCTAssertEqual(renamed.entry(code: "2101101", kind: .functional)?.name, "改名")
        XCTAssertEqual(renamed.count(kind: .functional), 1650)
        XCTAssertEqual(renamed.children(of: "21011", kind: .functional).filter { $0.code == "2101101" }.count, 1)
        XCTAssertEqual(renamed.entries(withPrefix: "2101101", kind: .functional).count, 1)

        // A new 类 enters the name map; a renamed 类 leaves it under its old name.
        let newClass = Catalogue.embedded.adding(code: "299", name: "地方（专项）支出", kind: .functional)
        XCTAssertEqual(newClass.categoryCode(forName: "地方(专项)支出"), "299")
        let renamedClass = Catalogue.embedded.adding(code: "210", name: "卫生支出", kind: .functional)
        XCTAssertNil(renamedClass.categoryCode(forName: "卫生健康支出"))
        XCTAssertEqual(renamedClass.categoryCode(forName: "卫生支出"), "210")

        // Invalid codes are ignored.
        XCTAssertEqual(Catalogue.embedded.adding(code: "2101", name: "x", kind: .functional), Catalogue.embedded)
        XCTAssertEqual(Catalogue.embedded.adding(code: "3020101", name: "x", kind: .economic), Catalogue.embedded)
        XCTAssertEqual(Catalogue.embedded.adding(code: "21O11", name: "x", kind: .functional), Catalogue.embedded)

        // Orphans are reachable by code structure.
        let orphan = Catalogue().adding(code: "2089901", name: "孤儿", kind: .functional)
        XCTAssertEqual(orphan.children(of: "20899", kind: .functional).map(\.code), ["2089901"])
        XCTAssertEqual(orphan.path(of: "2089901", kind: .functional).map(\.code), ["2089901"])
        XCTAssertTrue(orphan.children(of: "", kind: .functional).isEmpty)
    }
}
