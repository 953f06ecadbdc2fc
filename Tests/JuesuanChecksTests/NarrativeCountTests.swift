import JuesuanChecks
import XCTest

/// N509 (one fact stated twice) and N510 (评优率), in phrasings of our own.
final class NarrativeCountTests: XCTestCase {
    func testHeadCountsStatedTwice() {
        XCTAssertEqual(codes("说明 一\n本单位现有在编在岗人员15人，退休人员3人。\n\n说明 五\n截至年底，在编在岗人员15人。\n"), [])
        XCTAssertEqual(codes("说明 一\n本单位现有在编在岗人员15人，退休人员3人。\n\n说明 五\n截至年底，在编在岗人员16人。\n"), ["N509"])
        XCTAssertEqual(codes("说明 一\n实有人员20人。\n\n说明 五\n年末实有人员20名。\n"), [], "人 and 名 count the same people")
        XCTAssertEqual(codes("说明 一\n其中：公务员8人，工勤3人。\n\n说明 五\n其中：公务员9人。\n"), [], "parts of lists are not head counts")
    }

    func testUnitsStatedAndListed() {
        let listed = "说明 一\n本部门下属二级预算单位3个。纳入决算编制范围的二级预算单位包括：甲局、乙中心、丙站。\n"
        XCTAssertEqual(codes(listed), [])
        XCTAssertEqual(codes(listed.replacingOccurrences(of: "、丙站", with: "")), ["N509"])
        let lines = "说明 一\n下属预算单位2个。\n纳入本部门决算汇编范围的预算单位包括：\n1.示例县某局本级；\n2.示例县某服务中心。\n"
        XCTAssertEqual(codes(lines), [])
        XCTAssertEqual(codes(lines.replacingOccurrences(of: "下属预算单位2个", with: "下属预算单位3个")), ["N509"])
    }

    func testExcellenceRate() {
        let text = "说明 九\n评价结果为“优”的项目8个，“良”的项目2个，评优率为80%。\n"
        XCTAssertEqual(codes(text), [])
        XCTAssertEqual(codes(text.replacingOccurrences(of: "80%", with: "66.7%")), ["N510"])
        XCTAssertEqual(codes("说明 九\n其中4个项目评价等级为“优”，1个项目为“良”，优秀率为80.00%。\n"), [])
        XCTAssertEqual(codes("说明 九\n其中4个项目评价等级为“优”，1个项目为“良”，优秀率为75.00%。\n"), ["N510"])
        XCTAssertEqual(codes("说明 九\n共评价项目10个，评优率为80%。\n"), [], "without the grades nothing is known")
    }
}

/// Counts in `其中` lists: vehicles by kind, staff by kind (domain-rules N-12, N-16).
final class NarrativeCountListTests: XCTestCase {
    func testCountsListedAfterTheirWhole() {
        XCTAssertEqual(codes("说明 十\n年末公务用车保有量3辆，其中执法执勤用车1辆、其他用车2辆。\n"), [])
        XCTAssertEqual(codes("说明 十\n年末公务用车保有量3辆，其中执法执勤用车1辆、其他用车3辆。\n"), ["N504"])
        XCTAssertEqual(codes("说明 一\n现有在编在岗人员22人，其中公务员8个，事业编制10个，行政编制4个。\n"), [])
        XCTAssertEqual(codes("说明 一\n现有在编在岗人员22人，其中公务员8人，事业编制10人，行政编制5人。\n"), ["N504"])
        XCTAssertEqual(codes("说明 一\n现有在编在岗人员22人，其中公务员8人。\n"), [], "one part: not a breakdown")
    }
}
