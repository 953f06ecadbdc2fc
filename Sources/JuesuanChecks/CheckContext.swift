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

    /// The two check threads of a large report read its prose in parts at once (issue 15: on
    /// one thread it was the longest step of a lint): `expectProseInParts` is called once, then
    /// each thread reads the next part nobody has taken until none is left; whoever needs the
    /// prose meanwhile reads the parts nobody has taken, or waits for those being read.
    func expectProseInParts() { shared.expectProseInParts(of: report) }
    /// Reads parts of the prose nobody has taken (at most `limit`), until none is left.
    func readProseParts(limit: Int = .max) { shared.readProseParts(of: report, limit: limit) }

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
    /// Set while the two check threads read the prose in parts (`readProseParts`): each
    /// part's run of blocks, and the parts taken and read.
    private var proseParts: (blocks: [Range<Int>], queue: PartQueue<ProseDocument>)?
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
        while prose == nil, let parts = proseParts {
            // Parts nobody has taken are read here: a thread never waits for work that only it
            // could do (on a busy pool, `TwoThreads` runs both threads' work on one, in turn).
            if !parts.queue.isAllTaken {
                proseReady.unlock()
                readProseParts(of: report, limit: .max)
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

    /// Announces that the prose will be read in parts (before any part is read).
    func expectProseInParts(of report: Report) {
        proseReady.lock()
        defer { proseReady.unlock() }
        guard prose == nil, proseParts == nil else { return }
        let blocks = ProseDocument.partBlocks(TwoThreads.partCount, of: report)
        proseParts = (blocks, PartQueue(count: blocks.count))
    }

    /// Reads parts of the prose nobody has taken (at most `limit`) unless it is read; whoever
    /// reads the last part to be done joins them.
    func readProseParts(of report: Report, limit: Int) {
        proseReady.lock()
        guard prose == nil, let parts = proseParts else { proseReady.unlock(); return }
        proseReady.unlock()
        var read = 0
        // One reader for every part this thread reads: what it looks up stays looked up.
        var reader: ProseReader?
        while read < limit, let index = parts.queue.take() {
            read += 1
            if reader == nil { reader = ProseReader(report: report) }
            guard parts.queue.set(index, ProseDocument(report: report, blocks: parts.blocks[index], reader: &reader!)) else { continue }
            let whole = ProseDocument(joining: parts.queue.results())
            proseReady.lock()
            prose = whole
            proseParts = nil
            proseReady.broadcast()
            proseReady.unlock()
            return
        }
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
