import Foundation
import JuesuanModel
import JuesuanSyntax

/// What every check sees: the report, and helpers that phrase findings the same way everywhere.
public struct CheckContext: Sendable {
    public let report: Report
    private let shared = SharedReadings()

    public init(report: Report) { self.report = report }

    /// The report's prose read once (issue 15): the narrative checks and the text-hygiene
    /// family read the same normalised paragraphs instead of normalising them again.
    public var prose: ProseDocument { shared.prose(of: report) }

    /// Whether the prose has been read (a check that needs it would not wait).
    var isProseRead: Bool { shared.isProseRead }

    /// The two check threads of a large report read its prose in halves at once (issue 15: on
    /// one thread it was the longest step of a lint): `expectProseInHalves` is called once,
    /// then each thread reads its half; whoever needs the prose meanwhile reads a half nobody
    /// has started, or waits for those being read.
    func expectProseInHalves() { shared.expectProseInHalves() }
    func readProseHalf(_ half: Int) { shared.readProseHalf(half, of: report) }

    /// The free text of the report cut into spans, made once for the three families that read it.
    var hygieneText: HygieneText { shared.hygieneText(of: report, prose: prose) }

    /// The report's 绩效 blocks read once (`Report.performanceProjects` reads them on every call).
    public var performanceProjects: [PerformanceProject] { shared.performanceProjects(of: report) }

    /// The rounding tolerance per addend: the header's `容差`, or none for whole-number counts.
    public func tolerance(counting: Bool) -> DecimalNumber {
        counting ? .zero : report.header.tolerance
    }

    /// How a written total compares with the sum of its parts (spec 9.2).
    public enum SumOutcome: Sendable {
        case holds
        /// Off by no more than `(n + 1) × 容差`: rounding, not an error.
        case rounding(allowed: DecimalNumber)
        case mismatch
    }

    public func compare(written: DecimalNumber, expected: DecimalNumber, addendCount: Int, counting: Bool) -> SumOutcome {
        let difference = (written - expected).magnitude
        if difference.isZero { return .holds }
        let allowed = tolerance(counting: counting) * DecimalNumber(addendCount + 1)
        return difference <= allowed ? .rounding(allowed: allowed) : .mismatch
    }

    /// A finding on a written figure that should equal a computed one.
    ///
    /// - Parameters:
    ///   - rule: the code reported when the gap exceeds rounding (A290 is reported otherwise).
    ///   - subject: what the figure is, e.g. `「合计」的“本年支出合计”`.
    ///   - basis: how the expected value is made, read before it: `各类之和`, `“基本支出” + “项目支出” =`.
    /// `cell`, `fallbackRange`, `subject`, `basis` and `related` are only read when there is a finding
    /// (most sums hold: a cell copied per sum was a share of the table checks, issue 15).
    public func sumFinding(rule: String, cell: @autoclosure () -> Cell?, fallbackRange: @autoclosure () -> SourceRange,
                           written: DecimalNumber, expected: DecimalNumber,
                           addendCount: Int, counting: Bool, subject: @autoclosure () -> String, basis: @autoclosure () -> String,
                           related: @autoclosure () -> [RelatedLocation]) -> Diagnostic? {
        let outcome = compare(written: written, expected: expected, addendCount: addendCount, counting: counting)
        if case .holds = outcome { return nil }
        let cell = cell()
        let subject = subject()
        let basis = basis()
        let scale = max(written.scale, expected.scale)
        let expectedText = expected.formatted(scale: scale)
        let writtenText = cell == nil || cell?.number == nil ? "空" : written.formatted(scale: scale)
        let differenceText = Self.signed(written - expected, scale: scale)
        let range = cell?.token.range ?? fallbackRange()
        switch outcome {
        case .holds:
            return nil
        case .rounding(let allowed):
            return Diagnostic(code: "A290", severity: .information, range: range,
                              message: "尾数误差：\(subject)应为\(basis) \(expectedText)，填写为 \(writtenText)，差额 \(differenceText)，在容差 ±\(allowed.trimmed) 以内（\(rule)）",
                              related: related())
        case .mismatch:
            let fix = cell.map { Fix(title: "改为 \(expectedText)", edits: [TextEdit(range: $0.token.range, replacement: expectedText)]) }
            return Diagnostic(code: rule, severity: .error, range: range,
                              message: "\(subject)应为\(basis) \(expectedText)，填写为 \(writtenText)，差额 \(differenceText)",
                              fix: fix, related: related())
        }
    }

    /// `+0.01` / `-0.01` / `0`: the written value minus the expected one.
    public static func signed(_ value: DecimalNumber, scale: Int) -> String {
        let text = value.formatted(scale: scale)
        return value.isNegative || value.isZero ? text : "+" + text
    }

    /// A related location for an addend: `208 社会保障和就业支出：23.10`.
    public func addendLocation(_ row: Row, _ cell: Cell?) -> RelatedLocation {
        let value = cell?.number?.description ?? "空"
        return RelatedLocation(range: cell?.token.range ?? row.nameRange, message: "\(row.displayName)：\(value)")
    }

    /// `公开03「合计」的“本年支出合计”`, `公开01 支出方「本年支出合计」` — how messages name a cell.
    public static func subject(_ row: Row, _ column: Column, in section: TableSection, table: Table? = nil) -> String {
        let rowName = row.displayName.isEmpty ? "第 \(row.line + 1) 行" : row.displayName
        var prefix = table?.id ?? ""
        if let side = section.side { prefix += (prefix.isEmpty ? "" : " ") + side.rawValue + "方" }
        if section.columns.count == 1 { return "\(prefix)「\(rowName)」" }
        return "\(prefix)「\(rowName)」的“\(column.name)”"
    }
}

/// Readings of one report that several checks share, made on first use. Each has its own
/// lock: a check that needs the 绩效 blocks does not wait while another reads the prose.
private final class SharedReadings: @unchecked Sendable {
    private let proseReady = NSCondition()
    private var prose: ProseDocument?
    /// Set while the two check threads read the prose in halves (`readProseHalf`).
    private var proseHalves: [ProseDocument?]?
    private var halfStarted = [false, false]
    private let hygieneLock = NSLock()
    private var hygiene: HygieneText?
    private let projectsLock = NSLock()
    private var projects: [PerformanceProject]?

    func performanceProjects(of report: Report) -> [PerformanceProject] {
        projectsLock.lock()
        defer { projectsLock.unlock() }
        if let projects { return projects }
        let made = report.performanceProjects
        projects = made
        return made
    }

    func prose(of report: Report) -> ProseDocument {
        proseReady.lock()
        defer { proseReady.unlock() }
        while prose == nil, proseHalves != nil {
            // A half nobody has started is read here: a thread never waits for work that only it
            // could do (on a busy pool, `TwoThreads` runs both halves on one thread, in turn).
            if let half = halfStarted.firstIndex(of: false) {
                proseReady.unlock()
                readProseHalf(half, of: report)
                proseReady.lock()
            } else {
                proseReady.wait()
            }
        }
        if let prose { return prose }
        let made = ProseDocument(report: report)
        prose = made
        return made
    }

    var isProseRead: Bool {
        proseReady.lock()
        defer { proseReady.unlock() }
        return prose != nil
    }

    /// Announces that the prose will be read in halves (before either half is read).
    func expectProseInHalves() {
        proseReady.lock()
        defer { proseReady.unlock() }
        if prose == nil, proseHalves == nil { proseHalves = [nil, nil] }
    }

    /// Reads one half of the prose unless it is read or being read; the second half read joins them.
    func readProseHalf(_ half: Int, of report: Report) {
        proseReady.lock()
        guard prose == nil, proseHalves != nil, !halfStarted[half] else { proseReady.unlock(); return }
        halfStarted[half] = true
        proseReady.unlock()
        let part = ProseDocument.half(half, of: report)
        proseReady.lock()
        defer { proseReady.unlock() }
        proseHalves![half] = part
        guard let first = proseHalves![0], let second = proseHalves![1] else { return }
        var whole = first
        whole.append(second)
        prose = whole
        proseHalves = nil
        proseReady.broadcast()
    }

    func hygieneText(of report: Report, prose: @autoclosure () -> ProseDocument) -> HygieneText {
        hygieneLock.lock()
        if let hygiene { hygieneLock.unlock(); return hygiene }
        hygieneLock.unlock()
        let document = prose()
        hygieneLock.lock()
        defer { hygieneLock.unlock() }
        if let hygiene { return hygiene }
        let made = HygieneText(report, prose: document)
        hygiene = made
        return made
    }
}
