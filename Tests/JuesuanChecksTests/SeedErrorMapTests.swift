import JuesuanChecks
import JuesuanSyntax
import XCTest

/// docs/seed-errors.md as a test: every §7 item of domain-rules (the real errors of the four
/// seeds) found on the seed as `juesuan import` made it (examples/imported), by its code, on a
/// line that holds the text named here, at the severity §7 asks for.
final class SeedErrorMapTests: XCTestCase {
    struct Expectation {
        var seed: String
        var item: String
        var code: String
        /// Text on the line the finding starts on.
        var line: String
        var severity: Severity? = nil
    }

    static let expectations: [Expectation] = [
        Expectation(seed: "001", item: "S1-1", code: "N506", line: "17334.30 万元，比上年增加 6685.20"),
        Expectation(seed: "001", item: "S1-2", code: "P607", line: "(12) 2022 城乡居民医疗保险缴费县级配套"),
        Expectation(seed: "001", item: "S1-2", code: "P617", line: "年度目标 通过慢性病评审、鉴定等工作的开展", severity: .warning),
        Expectation(seed: "001", item: "S1-3", code: "P604", line: "执行率 84.84%"),
        Expectation(seed: "001", item: "S1-3", code: "P605", line: "执行率 84.84%"),
        Expectation(seed: "001", item: "S1-3", code: "P607", line: "(16) 关于下达 2023 年中央财政城乡居民医疗救助"),
        Expectation(seed: "001", item: "S1-4", code: "N510", line: "评优率", severity: .warning),
        Expectation(seed: "001", item: "S1-5", code: "N502", line: "共涉及资金 20168.3 万元"),
        Expectation(seed: "001", item: "S1-6", code: "P608", line: "违规率", severity: .warning),
        Expectation(seed: "001", item: "S1-7", code: "P615", line: "开展了医保监管工作更加优化", severity: .warning),
        Expectation(seed: "001", item: "S1-7", code: "P617", line: "年度目标 通过对定点医疗机构年度考核工作的开展", severity: .warning),
        Expectation(seed: "001", item: "S1-8", code: "P610", line: "总分 - 83", severity: .information),
        Expectation(seed: "001", item: "S1-9", code: "T807", line: "本年本年", severity: .information),
        Expectation(seed: "001", item: "S1-10", code: "A290", line: "17,337.27", severity: .information),
        Expectation(seed: "001", item: "S1-11", code: "A290", line: "17,246.17  330.00", severity: .information),
        Expectation(seed: "001", item: "S1-12", code: "A290", line: "17,334.30  406.13", severity: .information),
        Expectation(seed: "001", item: "S1-13", code: "A290", line: "302    商品和服务支出", severity: .information),
        Expectation(seed: "001", item: "S1-14", code: "A290", line: "11,443.94  11,443.94  -  -", severity: .information),
        Expectation(seed: "002", item: "S2-1", code: "P605", line: "执行率 99.93%"),
        Expectation(seed: "002", item: "S2-2", code: "N502", line: "共涉及资金 151.01 万元"),
        Expectation(seed: "002", item: "S2-3", code: "P616", line: "得分87分", severity: .warning),
        Expectation(seed: "002", item: "S2-4", code: "N512", line: "2024年上年结余资金", severity: .warning),
        Expectation(seed: "002", item: "S2-4", code: "N512", line: "2023年单位结余", severity: .warning),
        Expectation(seed: "002", item: "S2-5", code: "G703", line: "上年结转和结余", severity: .warning),
        Expectation(seed: "002", item: "S2-5", code: "T801", line: "填列 2016 年"),
        Expectation(seed: "002", item: "S2-5", code: "T802", line: "可参照如下格式"),
        Expectation(seed: "002", item: "S2-6", code: "X411", line: "30113", severity: .information),
        Expectation(seed: "002", item: "S2-7", code: "A290", line: "363.59  199.58  164.02", severity: .information),
        Expectation(seed: "002", item: "S2-7", code: "N590", line: "增长 3.94%", severity: .information),
        Expectation(seed: "003", item: "S3-1", code: "N504", line: "社会保障和就业支出928.02"),
        Expectation(seed: "003", item: "S3-2", code: "N513", line: "本年收入合计1066.43", severity: .warning),
        Expectation(seed: "003", item: "S3-3", code: "A203", line: "年度部门整体支出预算  1066.91"),
        Expectation(seed: "003", item: "S3-4", code: "N515", line: "涉及预算总金额983.93万元", severity: .warning),
        Expectation(seed: "003", item: "S3-4", code: "N515", line: "年初预算700万元", severity: .warning),
        Expectation(seed: "003", item: "S3-5", code: "P612", line: "满意度指标/服务对象满意度", severity: .error),
        Expectation(seed: "003", item: "S3-5", code: "P613", line: "政策影响率（第2次）", severity: .warning),
        Expectation(seed: "003", item: "S3-5", code: "P614", line: "部门整体支出绩效目标完成情况自评表（指标）", severity: .warning),
        Expectation(seed: "003", item: "S3-6", code: "G701", line: "结余分配"),
        Expectation(seed: "003", item: "S3-6", code: "G701", line: "年末结转和结余"),
        Expectation(seed: "003", item: "S3-6", code: "G701", line: "“三公”经费"),
        Expectation(seed: "003", item: "S3-6", code: "G702", line: "机关运行经费"),
        Expectation(seed: "003", item: "S3-7", code: "T802", line: "（收入类型）"),
        Expectation(seed: "003", item: "S3-8", code: "T805", line: "决算数为1066.43"),
        Expectation(seed: "003", item: "S3-9", code: "N509", line: "在编在岗人员24人", severity: .warning),
        Expectation(seed: "003", item: "S3-9", code: "N509", line: "二级预算单位3个", severity: .warning),
        Expectation(seed: "003", item: "S3-9", code: "T803", line: "松潘县公共就业和人才交流服务中心"),
        Expectation(seed: "003", item: "S3-9", code: "T803", line: "用于保障社会保险事业管理局行政机构", severity: .warning),
        Expectation(seed: "004", item: "S4-1", code: "A202", line: "合计                16", severity: .error),
        Expectation(seed: "004", item: "S4-2", code: "P603", line: "总分 - 98", severity: .error),
        Expectation(seed: "004", item: "S4-3", code: "P611", line: "该项得10分", severity: .warning),
        Expectation(seed: "004", item: "S4-3", code: "P611", line: "总分为 20 分", severity: .warning),
        Expectation(seed: "004", item: "S4-4", code: "N514", line: "共 9 个项目", severity: .warning),
        Expectation(seed: "004", item: "S4-4", code: "N514", line: "支出 4700.96 万元", severity: .warning),
        Expectation(seed: "004", item: "S4-5", code: "T801", line: "2021年项目绩效自评"),
        Expectation(seed: "004", item: "S4-6", code: "T802", line: "我所"),
    ]

    func testEverySeedErrorIsFoundOnTheImportedSeed() throws {
        var analyses: [String: Analysis] = [:]
        for seed in ["001", "002", "003", "004"] { analyses[seed] = Analysis(text: try readExample("imported/seed-\(seed).juesuan")) }
        for expectation in Self.expectations {
            let analysis = try XCTUnwrap(analyses[expectation.seed])
            let found = analysis.diagnostics.filter { diagnostic in
                diagnostic.code == expectation.code
                    && analysis.source.lineString(analysis.source.position(of: diagnostic.range.start).line).contains(expectation.line)
                    && (expectation.severity == nil || diagnostic.severity == expectation.severity)
            }
            XCTAssertFalse(found.isEmpty, "§7 \(expectation.item) (\(expectation.code) on “\(expectation.line)”) not found in seed \(expectation.seed)")
        }
    }

    /// The rounding items stay information: no error or warning on their lines.
    func testRoundingItemsAreNotErrors() throws {
        for expectation in Self.expectations where expectation.code == "A290" || expectation.code == "N590" {
            let analysis = Analysis(text: try readExample("imported/seed-\(expectation.seed).juesuan"))
            let loud = analysis.diagnostics.filter { diagnostic in
                (diagnostic.severity == .error || diagnostic.severity == .warning)
                    && analysis.source.lineString(analysis.source.position(of: diagnostic.range.start).line).contains(expectation.line)
            }
            XCTAssertEqual(loud.map(\.message), [], "\(expectation.item)")
        }
    }

    /// Each seed holds a real error: `juesuan lint` exits 1 on every one, seed 004 included.
    func testEverySeedHasAnError() throws {
        for seed in ["001", "002", "003", "004"] {
            let analysis = Analysis(text: try readExample("imported/seed-\(seed).juesuan"))
            XCTAssertTrue(analysis.diagnostics.contains { $0.severity == .error }, "seed \(seed)")
        }
    }
}
