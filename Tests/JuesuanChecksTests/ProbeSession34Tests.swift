import XCTest
@testable import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// Session 34's readings, each in wordings of our own on the education probe's tables (公开08:
/// 人员经费 2,246.76, 公用经费 234.47).
final class ProbeSession34Tests: XCTestCase, ProbeReadingCase {
    static let probe = "probe-education.juesuan"

    /// A respectively clause whose changes come in groups, one per head (`A和B分别比上年增加a，
    /// 增长x%和减少b，下降y%`): each group is its head's, not one change of both (the offices
    /// bureau's `人员经费和公用经费分别比上年增加247.68万元，增长5.74%和减少71.67万元，下降5.55%`).
    func testChangesInGroupsOnePerHeadAreEachHeads() throws {
        // 人员经费 +120.00 from 2,126.76 (5.64%); 公用经费 −15.53 from 250.00 (6.21%).
        let sentences = [
            "人员经费和公用经费分别比上年增加120.00万元，增长5.64%和减少15.53万元，下降6.21%。",
            "人员经费、公用经费分别较上年增加120.00万元、增长5.64%；减少15.53万元、下降6.21%。",
            "人员经费与公用经费分别比上年增长5.64%（增加120.00万元）和下降6.21%（减少15.53万元）。",
        ]
        try assertEach(sentences, moving: "5.64%", to: "5.74%", finds: ["N503 5.74"])
        try assertEach(sentences, moving: "6.21%", to: "6.11%", finds: ["N503 6.11"])
        // A change of another subject after a `；` opens no group: the one change is both heads'.
        // (公开06 商品和服务支出 218.47: −15.53 from 234.00 is 6.64%.)
        try assertEach(["人员经费和公用经费分别比上年增加120.00万元；商品和服务支出减少15.53万元，下降6.64%。"],
                       moving: "6.64", to: "6.21", finds: ["N503 6.21"])
    }
}
