import XCTest
@testable import JuesuanCatalogue

final class CatalogueNameTests: XCTestCase {
    func testParentheses() {
        XCTAssertEqual(CatalogueName.normalized("政府办公厅（室）及相关机构事务"), "政府办公厅(室)及相关机构事务")
        XCTAssertTrue(CatalogueName.matches("政府办公厅(室)及相关机构事务", "政府办公厅（室）及相关机构事务"))
        XCTAssertTrue(CatalogueName.matches("因公出国(境)费用", "因公出国（境）费用"))
        XCTAssertTrue(CatalogueName.matches("中医（民族)医院", "中医(民族）医院"))
    }

    /// The White_Space list answers as the standard library's property for every scalar.
    func testWhitespaceListIsTheProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if CatalogueName.isWhitespace(scalar) != scalar.properties.isWhitespace { XCTFail(String(value, radix: 16)); return }
        }
        // Removed wherever they stand, as every blank is.
        XCTAssertEqual(CatalogueName.normalized("行政\u{85}运行\u{1680}\u{205F}"), "行政运行")
        XCTAssertEqual(CatalogueName.normalized("行政\u{FFFD}运行\u{180E}"), "行政\u{FFFD}运行\u{180E}")
    }

    /// The byte path of `isNormalized` (ASCII and U+4000–U+9FFF passed without decoding) answers
    /// as mapping every scalar does, on random strings of the scalars that map and those that do not.
    func testIsNormalizedOnBytesAgreesWithScalars() {
        let pieces = ["收入", "䷀", "一", "a", "Z", "9", "~", " ", "\t", "\u{3000}", "（", "）", "(", "“", "”", "‘", "\u{200B}", "\u{FEFF}", "\u{A0}",
                      "\u{85}", "\u{2028}", "é", "😀", "𠀋", "、", "—", "ꀀ", "\u{1}", "\u{7F}", "－", "０", "＂", "〝", "‚", "\u{2060}", "ｚ", "～"]
        var state: UInt64 = 0x5EED
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        var normalizedCount = 0
        for _ in 0..<20_000 {
            let name = (0..<(next() % 8)).map { _ in pieces[next() % pieces.count] }.joined()
            let expected = name.unicodeScalars.allSatisfy { CatalogueName.map($0) == $0 }
            XCTAssertEqual(CatalogueName.isNormalized(name), expected, name.debugDescription)
            XCTAssertEqual(CatalogueName.isNormalized(name.dropFirst()), String(name.dropFirst()).unicodeScalars.allSatisfy { CatalogueName.map($0) == $0 })
            if expected { normalizedCount += 1 }
            // The normal form written from bytes is the one made scalar by scalar.
            XCTAssertEqual(CatalogueName.normalized(name), CatalogueName.normalizedByScalars(name), name.debugDescription)
            XCTAssertEqual(CatalogueName.normalized(name.dropFirst()), CatalogueName.normalizedByScalars(name.dropFirst()))
        }
        XCTAssertGreaterThan(normalizedCount, 1_000)
        XCTAssertLessThan(normalizedCount, 19_000)
    }

    func testBlanks() {
        XCTAssertEqual(CatalogueName.normalized(" 行政 运行\u{3000}"), "行政运行")
        XCTAssertEqual(CatalogueName.normalized("行政\t运行\r\n"), "行政运行")
        XCTAssertEqual(CatalogueName.normalized("行政\u{00A0}运行\u{200B}\u{FEFF}"), "行政运行")
        XCTAssertTrue(CatalogueName.matches("社会保障 和 就业支出", "社会保障和就业支出"))
    }

    func testQuotes() {
        XCTAssertEqual(CatalogueName.normalized("“两房”建设"), "\"两房\"建设")
        XCTAssertTrue(CatalogueName.matches("\"两房\"建设", "“两房”建设"))
        XCTAssertTrue(CatalogueName.matches("＂三西＂农业建设专项补助", "“三西”农业建设专项补助"))
        XCTAssertTrue(CatalogueName.matches("”三供一业“移交补助支出", "“三供一业”移交补助支出"))
        XCTAssertTrue(CatalogueName.matches("‘两庭’建设", "'两庭'建设"))
    }

    func testOtherCharactersKept() {
        XCTAssertEqual(CatalogueName.normalized("驻外使领馆（团、处）"), "驻外使领馆(团、处)")
        XCTAssertFalse(CatalogueName.matches("公务员医疗补助缴款", "公务员医疗补助缴费"))
        XCTAssertFalse(CatalogueName.matches("「两房」建设", "“两房”建设"))
        XCTAssertEqual(CatalogueName.normalized("ＡＢＣ１２３％"), "ABC123%")
        XCTAssertEqual(CatalogueName.normalized(""), "")
        XCTAssertEqual(CatalogueName.normalized("plain"), "plain")
    }

    func testSubstringInput() {
        let label = "2101101 行政单位医疗"
        XCTAssertEqual(CatalogueName.normalized(label.dropFirst(8)), "行政单位医疗")
    }

    func testEveryCatalogueNameIsStableUnderNormalisation() {
        // Normalising twice changes nothing.
        for kind in ClassificationKind.allCases {
            for entry in Catalogue.embedded.entries(withPrefix: "", kind: kind) {
                let once = CatalogueName.normalized(entry.name)
                XCTAssertEqual(CatalogueName.normalized(once), once)
                XCTAssertFalse(once.isEmpty)
            }
        }
    }
}
