import JuesuanChecks
import JuesuanModel
import XCTest

/// Readings found by the probes of session 30 (a market regulation bureau, a housing and
/// construction bureau with a land fund, a veterans affairs bureau), each in wordings of our own
/// on the education probe's tables: 公开01 一般公共预算财政拨款收入 2,856.40; 公开05 合计 2,870.10,
/// 教育支出 2,329.48, 社会保障和就业支出 301.42.
final class ProbeSession30ReadingTests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    // MARK: A fund's spending on a 类

    func testAFundsWordsBeforeACategoryNameItsSpendingOnIt() throws {
        // The fund's words alone name its income (`一般公共预算财政拨款2,856.40万元`); before a 类
        // name they qualify the spending on it.
        try assertEach([
            "一般公共预算财政拨款教育支出2,329.48万元。",
            "一般公共预算财政拨款中教育支出2,329.48万元，占81.16%。",
            "一般公共预算财政拨款支出中的教育支出2,329.48万元。",
            "2024年度一般公共预算财政拨款教育支出决算数为2,329.48万元。",
        ], moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
        try assertEach(["一般公共预算财政拨款教育支出、社会保障和就业支出分别为2,329.48万元、301.42万元。"],
                       moving: "301.42", to: "302.42", finds: ["N501 302.42"])
        try assertEach(["一般公共预算财政拨款教育支出、社会保障和就业支出分别为2,329.48万元、301.42万元。"],
                       moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
        // The fund's words alone are still its income.
        try assertEach(["本年收入中，一般公共预算财政拨款2,856.40万元。"], moving: "2,856.40", to: "2,866.40", finds: ["N501 2,866.40"])
        // A 款 by its row label (`普通教育支出` is no 类 教育支出).
        try assertEach(["一般公共预算财政拨款普通教育支出1,917.12万元。", "一般公共预算财政拨款中普通教育1,917.12万元。"],
                       moving: "1,917.12", to: "1,927.12", finds: ["N501 1,927.12"])
    }

    func testTheGovernmentFundsSpendingOnACategoryIsItsTablesRow() throws {
        // The natural resources probe: 公开07 城乡社区支出 本年支出 11,680.00 (its income 12,600.00).
        let probe = try ProbeProse("probe-natural-resources.juesuan")
        probe.assertEach([
            "政府性基金预算财政拨款城乡社区支出11,680.00万元。",
            "政府性基金预算财政拨款支出中，城乡社区支出11,680.00万元。",
        ], moving: "11,680.00", to: "11,690.00", finds: ["N501 11,690.00"])
    }

    // MARK: The 类 named alone, one answer everywhere

    func testACategoryWithQualifyingWordsIsTheCategoryWhereverItIsNamed() throws {
        // A ranked item and a respectively head with a year or 用于 before the 类 name.
        try assertEach(["一般公共预算财政拨款支出中，用于教育支出最多，为2,329.48万元。",
                        "一般公共预算财政拨款支出中，2024年度教育支出所占比重最高，为2,329.48万元。"],
                       moving: "2,329.48", to: "2,339.48", finds: ["N501 2,339.48"])
        try assertEach(["2024年教育支出、社会保障和就业支出分别为2,329.48万元、301.42万元。"],
                       moving: "301.42", to: "303.42", finds: ["N501 303.42"])
    }
}
