import Foundation
import XCTest
@testable import JuesuanImport

/// Long inputs in the new layouts' shapes import in time linear in their length (a shape that is
/// not what it first looks like is not re-read from each of its lines).
final class ImportScaleTests: XCTestCase {
    static let shapes: [(String, @Sendable (Int) -> String)] = [
        ("bars", { n in (0..<n).map { $0 % 2 == 0 ? "|" : "格 \($0) |" }.joined(separator: "\n") }),
        ("cells after a self-evaluation title", { n in "项目支出绩效自评表\n" + (0..<n).map { "单元格\($0)" }.joined(separator: "\n") }),
        ("tab lines that are no table", { n in "一、说明\n" + (0..<n).map { "文字\t说明\($0)\t更多" }.joined(separator: "\n") }),
        ("cells after a table title", { n in "支出决算表\n公开03表\n项目\n本年支出合计\n基本支出\n" + (0..<n).map { $0 % 3 == 0 ? "合计" : "\($0).00" }.joined(separator: "\n") }),
        ("scorecard sections", { n in (0..<n).map { $0 % 2 == 0 ? "一、基础工作（总分 \($0) 分，总得分 \($0) 分）" : "（一）组织，该项得 3 分；（二）制度，该项得 2 分" }.joined(separator: "\n") }),
        ("page markers", { n in "一、说明\n" + (0..<n).map { $0 % 2 == 0 ? "本年支出合计较上年增加了一些，主要原因是业务量增加，相关支出增加 12.40" : "— \($0) —" }.joined(separator: "\n") }),
    ]

    func seconds(_ text: String) -> Double {
        let start = Date()
        _ = Importer.importReport(text)
        return Date().timeIntervalSince(start)
    }

    func testEveryShapeScalesLinearly() {
        for (name, make) in ImportScaleTests.shapes {
            let small = seconds("某局2024年度部门决算\n" + make(1_000))
            let large = seconds("某局2024年度部门决算\n" + make(4_000))
            // Four times the lines: about four times the time (sixteen if quadratic).
            XCTAssertLessThan(large, max(small, 0.05) * 10, "\(name): \(small) s for 1,000 lines, \(large) s for 4,000")
        }
    }
}
