import Foundation
import JuesuanChecks
import JuesuanModel
import JuesuanSyntax
import XCTest

/// Consistent reports whose 说明 are written in wordings of our own (`Fixtures/probe-*.juesuan`,
/// the output of `scripts/probe-moves.py` in-process): each is silent as written, and each figure
/// of its prose moved by one in its ones digit (412.36 → 413.36, 4辆 → 5辆) raises an error or a
/// warning — except the few that nothing can verify, listed with the reason.
final class ProbeReportTests: XCTestCase {
    static let reports = ["probe-education.juesuan", "probe-justice.juesuan", "probe-disease-control.juesuan",
                          "probe-agriculture.juesuan", "probe-subdistrict.juesuan", "probe-hospital.juesuan",
                          "probe-state-assets.juesuan", "probe-culture.juesuan",
                          "probe-culture-b.juesuan", "probe-culture-c.juesuan", "probe-hospital-b.juesuan",
                          "probe-subdistrict-b.juesuan", "probe-agriculture-b.juesuan",
                          "probe-justice-b.juesuan", "probe-water.juesuan", "probe-water-b.juesuan", "probe-reform.juesuan",
                          "probe-police.juesuan", "probe-transport.juesuan", "probe-town.juesuan",
                          "probe-health.juesuan"]

    /// Probes written by session 29 (civil affairs, statistics, natural resources with a land
    /// fund, an archives): silent as written; their moved figures are counted by
    /// `scripts/probe-moves.py` (462 of 523 found) but not yet pinned here one by one.
    static let reportsSilentOnly = ["probe-civil-affairs.juesuan", "probe-statistics.juesuan",
                                    "probe-natural-resources.juesuan", "probe-archives.juesuan",
                                    "probe-market-regulation.juesuan", "probe-veterans.juesuan", "probe-housing.juesuan",
                                    "probe-medical-insurance.juesuan", "probe-school.juesuan", "probe-emergency.juesuan",
                                    "probe-ecology.juesuan", "probe-hr.juesuan", "probe-court.juesuan", "probe-agri-machinery.juesuan",
                                    "probe-science.juesuan", "probe-urban-management.juesuan",
                                    "probe-sports.juesuan", "probe-forestry.juesuan",
                                    "probe-media-centre.juesuan", "probe-audit.juesuan",
                                    "probe-commerce.juesuan", "probe-disabled-federation.juesuan",
                                    "probe-library.juesuan", "probe-red-cross.juesuan", "probe-finance.juesuan",
                                    "probe-womens-federation.juesuan", "probe-government-office.juesuan",
                                    "probe-party-school.juesuan", "probe-ethnic-affairs.juesuan",
                                    "probe-offices-bureau.juesuan", "probe-procuratorate.juesuan", "probe-trade-union.juesuan",
                                    "probe-petitions.juesuan", "probe-meteorology.juesuan",
                                    "probe-rural-revitalisation.juesuan", "probe-peoples-congress.juesuan", "probe-grain-reserve.juesuan",
                                    "probe-organisation-department.juesuan", "probe-county-museum.juesuan", "probe-kindergarten.juesuan",
                                    "probe-supply-cooperative.juesuan", "probe-trading-centre.juesuan", "probe-science-association.juesuan",
                                    "probe-maternal-child-health.juesuan", "probe-enforcement-brigade.juesuan",
                                    // Session 35.
                                    "probe-discipline-commission.juesuan", "probe-provident-fund.juesuan",
                                    "probe-animal-disease-control.juesuan", "probe-youth-league.juesuan", "probe-fire-brigade.juesuan",
                                    "probe-cppcc-office.juesuan", "probe-hydrology-station.juesuan", "probe-township.juesuan",
                                    "probe-veteran-cadres.juesuan", "probe-service-centre.juesuan", "probe-funeral-office.juesuan",
                                    "probe-propaganda.juesuan", "probe-road-maintenance.juesuan", "probe-agri-extension.juesuan",
                                    "probe-cultural-centre.juesuan", "probe-ecology-sub-bureau.juesuan", "probe-registration-centre.juesuan",
                                    // Session 36.
                                    "probe-party-history.juesuan", "probe-water-works.juesuan", "probe-statistics-bureau.juesuan",
                                    "probe-maternal-health-hospital.juesuan", "probe-justice-district.juesuan", "probe-education-sports.juesuan",
                                    "probe-civil-air-defence.juesuan", "probe-development-reform.juesuan", "probe-intermediate-court.juesuan",
                                    "probe-industry-bureau.juesuan", "probe-united-front.juesuan", "probe-earthquake-bureau.juesuan",
                                    "probe-arts-federation.juesuan", "probe-political-legal.juesuan",
                                    // Session 37.
                                    "probe-audit-ratios.juesuan", "probe-cdc.juesuan", "probe-forestry-farms.juesuan",
                                    "probe-market-supervision.juesuan", "probe-health-bureau.juesuan", "probe-transport-records.juesuan",
                                    "probe-county-hospital.juesuan", "probe-veterans-codes.juesuan", "probe-education-merged.juesuan",
                                    "probe-street-office.juesuan", "probe-land-fund.juesuan", "probe-archives-small.juesuan",
                                    // Session 38.
                                    "probe-city-statistics.juesuan", "probe-county-emergency.juesuan", "probe-city-court.juesuan",
                                    "probe-vocational-college.juesuan", "probe-water-bureau.juesuan", "probe-culture-tourism.juesuan",
                                    "probe-sasac-capital.juesuan", "probe-foreign-affairs.juesuan", "probe-county-health.juesuan",
                                    "probe-traffic-police.juesuan", "probe-township-records.juesuan", "probe-city-archives.juesuan",
                                    "probe-medical-centre-yuan.juesuan", "probe-procuratorate-fullwidth.juesuan", "probe-cultural-centre-small.juesuan"]

    /// Figures no check can verify, by report: `line:figure` and why.
    static let unverifiable: [String: [String: String]] = [
        "probe-education.juesuan": [
            "203:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-justice.juesuan": [
            "181:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-disease-control.juesuan": [
            "155:8": "主要用于8辆业务用车的燃油: 业务用车 is no row of 公开10 and not the fleet's name",
            "164:7": "对7个项目开展了绩效自评: no table counts the projects evaluated",
            "161:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
            // An amount in 元 of a cell in 万元 (session 32): 282,001元 is still 28.20万元, 1元 still 0.00万元.
            "155:282,000": "公务用车购置及运行维护费282,000元: moved to 282,001元 it still rounds to 公开09's 28.20万元",
            "155:18,000": "公务接待费18,000元: moved to 18,001元 it still rounds to 公开09's 1.80万元",
            "155:0": "因公出国（境）费0元: moved to 1元 it still rounds to 公开09's 0.00万元",
        ],
        "probe-agriculture.juesuan": [
            "204:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-subdistrict.juesuan": [
            "226:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-hospital.juesuan": [
            "107:800.00": "增长6.56%，增加801.00万元: 801 ÷ 12,199 = 6.566%, and 6.56 is that rate cut off (N590, information)",
            "126:400.00": "人均接待费400.00元: no amount before it is named 接待费 (“三公”经费…全部为公务接待费)",
            "135:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-state-assets.juesuan": [:],
        "probe-culture.juesuan": [
            "199:0": "因公出国（境）费为0: a bare 0 without a unit is not read as an amount (it may be a count)",
            "208:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-culture-b.juesuan": [
            "191:25.00": "较上年度增长25.00% with no previous year's amount written or printed",
        ],
        "probe-culture-c.juesuan": [
            "173:8.47": "比上年增长8.47% with no previous year's amount written or printed",
            "176:6.30": "财政拨款收支总计增长6.30% with no previous year's amount written or printed",
            "197:0": "因公出国（境）费为0: written without a unit, and moved (为1) still without one: a figure with no unit is not compared",
            "208:100": "单价100万元以上设备: part of the name of 公开10's row",
        ],
        "probe-hospital-b.juesuan": [
            "136:100": "单价100万元（含）以上的设备: part of the name of 公开10's row",
            "127:0.27": "平均每批次0.27万元 after “全部为公务接待费” (no figure): the amount before it is named “三公”经费, and an average per batch divides only an amount named 接待 (left, session 19)",
        ],
        "probe-subdistrict-b.juesuan": [:],
        "probe-justice-b.juesuan": [
            "146:98.14": "财政拨款占收入合计的98.14%: 财政拨款 alone is no known name (left)",
        ],
        "probe-water.juesuan": [
            "159:83.00": "占本年支出合计的83.00%: prose may leave out 财政拨款, so 本年支出合计 is 公开01's 5,060.00 or 公开04's 5,000.00 (FigureNames); moved, 84.00% is 4,200.00 ÷ 5,000.00",
            "180:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
            "186:08": "公开08表: a table's number, not a figure",
        ],
        "probe-water-b.juesuan": [
            "174:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-reform.juesuan": [
            "162:0": "因公出国（境）费和公务用车购置费均为0: a bare 0 without a unit is not read as an amount (it may be a count)",
            "162:92,000.00": "公务用车运行维护费92,000.00元: moved to 92,001.00元 it still rounds to 公开09's 9.20万元 (session 32)",
        ],
        "probe-police.juesuan": [
            "194:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
            "170:160.00": "一般公共预算财政拨款支出减少161.00万元，同比下降1.74%: 161 ÷ 9,201 = 1.7498 %, which 1.74 % is cut off from (N590 information, narrative.md case 15)",
        ],
        "probe-transport.juesuan": [
            "205:07": "公开07为空表: a table's number",
            "199:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-town.juesuan": [
            "195:260.00": "年初预算261.00万元，支出260.00万元，完成预算的100%: 260 ÷ 261 = 99.6 %, which 100% written without decimals stands for",
            "207:320.00": "政府采购支出总额321.00万元…授予中小企业合同金额320.00万元，占100%: 99.7 %, within 100% written without decimals",
        ],
        "probe-health.juesuan": [
            "167:1,440.00": "其中授予小微企业合同金额1,441.00万元: only at most 授予中小企业合同金额 2,880.00 (a partial identity), and no table prints it",
            "170:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
        "probe-agriculture-b.juesuan": [
            "191:1,235.71": "平均每批次1,235.71元 of 3.46万元 ÷ 28: 3.46 stands for 3.455–3.465万元, so each batch for 1,233.93–1,237.50元, and 1,236.71 is within it",
            "200:100": "单价100万元（含）以上设备: part of the name of 公开10's row",
        ],
    ]

    func testTheProbeReportsAreSilent() throws {
        for name in Self.reports + Self.reportsSilentOnly {
            let analysis = Analysis(text: try readFixture(name))
            let serious = analysis.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
            XCTAssertEqual(serious.map { "\($0.code) \(analysis.text(of: $0)) \($0.message)" }, [], name)
        }
    }

    func testEveryFigureMovedIsFound() throws {
        for name in Self.reports {
            let text = try readFixture(name)
            let analysis = Analysis(text: text)
            let claims = ProseDocument(report: analysis.report).claims.filter { !$0.isEcho }
            XCTAssertGreaterThan(claims.count, 30, name)
            var missed: [String] = []
            let bytes = Array(text.utf8)
            for claim in claims {
                var changed = bytes
                changed.replaceSubrange(claim.range.start..<claim.range.end, with: Array(Self.moved(claim.text).utf8))
                let moved = Analysis(text: String(decoding: changed, as: UTF8.self))
                if !moved.diagnostics.contains(where: { $0.severity == .error || $0.severity == .warning }) {
                    missed.append("\(claim.line + 1):\(claim.text)")
                }
            }
            XCTAssertEqual(Set(missed), Set(Self.unverifiable[name]!.keys), name)
        }
    }

    /// One more in the ones digit, in the way the number is written (`2,856.40` → `2,857.40`).
    static func moved(_ text: String) -> String {
        let digits = text.filter { $0 != "," && $0 != "." }
        let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        var step = 1
        for _ in 0..<decimals { step *= 10 }
        let raised = String(Int(digits)! + step)
        let padded = String(repeating: "0", count: max(0, digits.count - raised.count)) + raised
        var whole = String(padded.dropLast(decimals))
        if text.contains(",") {
            var grouped = ""
            for (index, character) in whole.reversed().enumerated() {
                if index > 0, index % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            whole = String(grouped.reversed())
        }
        return decimals > 0 ? whole + "." + padded.suffix(decimals) : whole
    }

    /// Tables in 元 beside prose in 万元 (small units publish their tables in 元): every share,
    /// completion rate and difference divides or subtracts a prose amount and a table figure; the
    /// table figure is converted first (they were divided as written: 2,870.10 ÷ 32,208,000.00
    /// = 0.01%, five false errors in the education probe).
    func testTablesInYuanBesideProseInTenThousands() throws {
        var lines: [String] = []
        var inTable = false
        let money = try NSRegularExpression(pattern: "(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})*\\.[0-9]{2}(?![0-9])")
        for line in try readFixture("probe-education.juesuan").split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("单位 ") { lines.append("单位 元"); continue }
            if line.hasPrefix("表 ") || line.hasPrefix("说明 ") { inTable = line.hasPrefix("表 "); lines.append(line); continue }
            guard inTable else { lines.append(line); continue }
            var converted = line
            for match in money.matches(in: line, range: NSRange(line.startIndex..., in: line)).reversed() {
                let range = Range(match.range, in: line)!
                let hundredths = Int(line[range].filter { $0 != "," && $0 != "." })!
                converted.replaceSubrange(range, with: "\(hundredths * 100).00")
            }
            lines.append(converted)
        }
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("28564000.00"))
        let quiet = Analysis(text: text)
        XCTAssertEqual(quiet.diagnostics.filter { $0.severity == .error || $0.severity == .warning }.map { "\($0.code) \(quiet.text(of: $0)) \($0.message)" }, [])
        for (from, to, code) in [("占本年支出合计的89.11%", "占本年支出合计的90.11%", "N502"), ("完成预算的56.00%", "完成预算的57.00%", "N505"),
                                 ("支出决算为412.36万元", "支出决算为413.36万元", "N501")] {
            let moved = Analysis(text: text.replacingOccurrences(of: from, with: to))
            XCTAssertEqual(moved.diagnostics.filter { $0.severity == .error || $0.severity == .warning }.map(\.code), [code], from)
        }
    }

    func testMovingAFigure() {
        XCTAssertEqual(Self.moved("2,856.40"), "2,857.40")
        XCTAssertEqual(Self.moved("999.99"), "1000.99")
        XCTAssertEqual(Self.moved("0.75"), "1.75")
        XCTAssertEqual(Self.moved("4"), "5")
        XCTAssertEqual(Self.moved("9,999.00"), "10,000.00")
    }
}
