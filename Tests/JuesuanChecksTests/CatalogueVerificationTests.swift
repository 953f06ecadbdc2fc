import JuesuanCatalogue
import JuesuanChecks
import JuesuanSyntax
import XCTest

/// C302's severity follows the catalogue entry's verification (issue 18): a name that differs
/// from a verified code's name is a warning; from an unverified one, information that says so.
final class CatalogueVerificationTests: XCTestCase {
    func c302(_ body: String, catalogue: Catalogue = .embedded) -> [Diagnostic] {
        Analysis(text: header + body, catalogue: catalogue).diagnostics.filter { $0.code == "C302" }
    }

    func testVerifiedFunctionalCodeIsAWarning() throws {
        // 2101501 行政运行 was seen in real reports (seeds 001 and 002).
        XCTAssertNotNil(Catalogue.embedded.entry(code: "2101501", kind: .functional)?.evidence)
        let found = c302("表 公开05\n210 卫生健康支出 1.00 1.00 0.00\n21015 医疗保障管理事务 1.00 1.00 0.00\n2101501 行政运作 1.00 1.00 0.00\n")
        XCTAssertEqual(found.count, 1)
        let finding = try XCTUnwrap(found.first)
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(finding.message, "编码 2101501 的科目名称是“行政运行”，这里写的是“行政运作”")
        XCTAssertFalse(finding.message.contains("未经核实"))
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "行政运行")
    }

    func testUnverifiedFunctionalCodeIsInformationSayingSo() throws {
        // 2101550 事业运行 is only in the reconstructed catalogue.
        XCTAssertNil(Catalogue.embedded.entry(code: "2101550", kind: .functional)?.evidence)
        let found = c302("表 公开05\n210 卫生健康支出 1.00 1.00 0.00\n21015 医疗保障管理事务 1.00 1.00 0.00\n2101550 医保事业运行 1.00 1.00 0.00\n")
        let finding = try XCTUnwrap(found.first)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(finding.severity, .information)
        XCTAssertTrue(finding.message.hasPrefix("编码 2101550 的科目名称是“事业运行”，这里写的是“医保事业运行”"), finding.message)
        XCTAssertTrue(finding.message.contains("未经核实"), finding.message)
        XCTAssertEqual(finding.fix?.edits.first?.replacement, "事业运行", "the fix is still offered")
    }

    func testEconomicCodesFollowVerificationToo() throws {
        // 30111 is in a stored 2020 list; 30203 咨询费 is not in verified-codes.tsv.
        let body = "表 公开06\n302 商品和服务支出 2.00\n30203 咨询 1.00\n30201 办公 1.00\n"
        let found = c302(body)
        XCTAssertEqual(found.map(\.severity), [.information, .warning], "\(found.map(\.message))")
        XCTAssertTrue(found[0].message.contains("30203") && found[0].message.contains("未经核实"))
        XCTAssertTrue(found[1].message.contains("30201") && !found[1].message.contains("未经核实"))
    }

    func testUserSuppliedNamesAreCertain() throws {
        // An official list given with --catalog replaces the embedded entry: its name is certain.
        let official = try Catalogue(tsv: "2101550\t医疗保障事业运行\n", kind: .functional)
        let catalogue = Catalogue.embedded.merging(official)
        XCTAssertTrue(catalogue.entry(code: "2101550", kind: .functional)!.isVerified)
        let found = c302("表 公开05\n210 卫生健康支出 1.00 1.00 0.00\n21015 医疗保障管理事务 1.00 1.00 0.00\n2101550 事业运行 1.00 1.00 0.00\n",
                         catalogue: catalogue)
        XCTAssertEqual(found.map(\.severity), [.warning])
        // A matching name is no finding at all, verified or not.
        XCTAssertEqual(c302("表 公开05\n210 卫生健康支出 1.00 1.00 0.00\n21015 医疗保障管理事务 1.00 1.00 0.00\n2101550 事业运行 1.00 1.00 0.00\n"), [])
    }

    func testNewHousingCodesAreKnownAndVerified() {
        // 22198 and 2219899 were missing before issue 18: no C301 any more.
        let diagnostics = Analysis(text: header + "表 公开05\n221 住房保障支出 1.00 1.00 0.00\n22198 其他住房保障支出 1.00 1.00 0.00\n2219899 其他住房保障支出 1.00 1.00 0.00\n").diagnostics
        XCTAssertFalse(diagnostics.contains { ["C301", "C302"].contains($0.code) }, "\(diagnostics)")
        for code in ["22198", "2219899"] {
            XCTAssertEqual(Catalogue.embedded.entry(code: code, kind: .functional)?.name, "其他住房保障支出")
            XCTAssertNotNil(Catalogue.embedded.entry(code: code, kind: .functional)?.evidence, code)
        }
    }
}
