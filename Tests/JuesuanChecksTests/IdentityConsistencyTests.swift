import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// The identities the prose checks use (`Identities.all`) and the sums the table checks use
/// (`StandardTableSpec` trees and column relations) are one set of facts: where a table prints
/// an identity, its tree or relation has exactly the identity's parts.
final class IdentityConsistencyTests: XCTestCase {
    /// The canonical quantity a table's row or column name stands for.
    func quantity(_ label: String, tableTotal: String?) -> String {
        if label == "合计" || label == "总计", let tableTotal { return tableTotal }
        return QuantityNames.known(in: label)?.name ?? label
    }

    /// The parts of an identity with a part replaced by its own complete parts where the table
    /// lists those instead (公开01 lists the three kinds of 财政拨款收入, not 财政拨款收入).
    func expanded(_ parts: [String], toMatch target: Set<String>) -> Set<String> {
        var result = Set<String>()
        for part in parts {
            if target.contains(part) { result.insert(part); continue }
            if let identity = Identities.identities(ofWhole: part).first(where: { $0.kind == .complete }) {
                result.formUnion(expanded(identity.parts, toMatch: target))
            } else {
                result.insert(part)
            }
        }
        return result
    }

    func testEveryIdentityATablePrintsHasTheSameParts() throws {
        // (table, side, the table's name of the whole, what 合计 means in that table)
        let printed: [(Int, TableSide?, String, String?)] = [
            (1, .income, "本年收入合计", nil), (1, .income, "总计", "收入总计"), (1, .expenditure, "总计", "支出总计"),
            (3, nil, "本年支出合计", nil), (6, nil, "合计", "基本支出"),
            (9, nil, "合计", "三公经费"), (9, nil, "公务用车购置及运行维护费", nil),
        ]
        var compared = 0
        for (number, side, wholeLabel, total) in printed {
            let spec = try XCTUnwrap(StandardTableSpec.all.first { $0.number == number })
            let section = try XCTUnwrap(spec.sides.first { $0.side == side })
            var tableParts: [String]?
            if let tree = section.trees.first(where: { $0.total == wholeLabel }) {
                tableParts = tree.parts.compactMap { if case .label(let name) = $0 { name } else { nil } }
            } else if let relation = section.relations.first(where: { $0.result == wholeLabel }) {
                tableParts = relation.terms.map(\.column)
            }
            let parts = try XCTUnwrap(tableParts, "公开\(number) has no sum for \(wholeLabel)")
            let tableQuantities = Set(parts.map { quantity($0, tableTotal: total) })
            let whole = quantity(wholeLabel, tableTotal: total)
            let identity = try XCTUnwrap(Identities.identities(ofWhole: whole).first { $0.kind == .complete }, "no identity for \(whole)")
            XCTAssertEqual(expanded(identity.parts, toMatch: tableQuantities), tableQuantities, "公开\(number) \(wholeLabel) vs \(identity.formula)")
            compared += 1
        }
        XCTAssertEqual(compared, printed.count)
    }

    func testIdentitiesNameKnownQuantities() {
        for identity in Identities.all {
            for name in [identity.whole] + identity.parts {
                XCTAssertEqual(QuantityNames.known(in: name)?.name, name, "\(name) in \(identity.formula) is not a known quantity")
            }
        }
    }
}
