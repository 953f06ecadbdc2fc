import Foundation
import JuesuanCatalogue
import JuesuanModel
import JuesuanSyntax

/// The result of checking a document: its model and every finding, in document order.
public struct Analysis: Sendable {
    public let report: Report
    public let diagnostics: [Diagnostic]

    public var source: SourceText { report.source }

    /// Parses, models and checks a document. A pure function of the text and the catalogue.
    public init(text: String, catalogue: Catalogue = .embedded, settings: ProjectConfiguration.Settings = .init()) {
        self.init(syntax: Parser.parse(text), catalogue: catalogue, settings: settings)
    }

    /// Checks bytes read from a file: invalid UTF-8 is reported (S111) and the rest still checked.
    /// The catalogue is asked for once the document is parsed: the embedded one may still be in
    /// the making on another thread (`ModelTables.warmUp`) while the bytes are decoded and parsed.
    public init(bytes: [UInt8], catalogue: @autoclosure () -> Catalogue = .embedded, settings: ProjectConfiguration.Settings = .init()) {
        let (source, invalidLines) = SourceText.decoding(bytes, inParallel: true)
        let extra = invalidLines.map { line in
            Diagnostic(code: "S111", severity: .error, range: source.lineContentRange(line),
                       message: "第 \(line + 1) 行含有无效的 UTF-8 字节（已按 U+FFFD 处理）；请以 UTF-8 编码保存文件")
        }
        // A file checked from the command line uses both cores for a large document from the
        // parse on (issue 15); the server's documents go through `init(report:…)`.
        let syntax = Parser.parse(source, inParallel: true)
        let report = Report(syntax: syntax, catalogue: catalogue(), defaultTolerance: settings.tolerance, inParallel: true)
        let large = Analysis.checksInParallel(report)
        self.init(report: report, extra: extra, settings: settings, inParallel: large, releasingReadingsAside: large,
                  unlessCancelled: { false })!
    }

    /// `settings` (from a project's `juesuan.toml`): the tolerance for a report without `容差`,
    /// then which findings are reported and at which severity.
    public init(syntax: SyntaxTree, catalogue: Catalogue = .embedded, extra: [Diagnostic] = [], settings: ProjectConfiguration.Settings = .init()) {
        self.init(syntax: syntax, catalogue: catalogue, extra: extra, settings: settings, unlessCancelled: { false })!
    }

    /// The same, stopping between stages (and between check families) once `isCancelled`
    /// says the result is no longer wanted: the server's analysis of a version that a newer
    /// edit has replaced. Nil when stopped.
    public init?(syntax: SyntaxTree, catalogue: Catalogue = .embedded, extra: [Diagnostic] = [], settings: ProjectConfiguration.Settings = .init(),
                 unlessCancelled isCancelled: @Sendable () -> Bool) {
        if isCancelled() { return nil }
        self.init(report: Report(syntax: syntax, catalogue: catalogue, defaultTolerance: settings.tolerance), extra: extra,
                  settings: settings, unlessCancelled: isCancelled)
    }

    /// The checks of a report already modelled (with `settings.tolerance`, as the initialisers
    /// above model it).
    public init?(report: Report, extra: [Diagnostic] = [], settings: ProjectConfiguration.Settings = .init(),
                 unlessCancelled isCancelled: @Sendable () -> Bool = { false }) {
        self.init(report: report, extra: extra, settings: settings, inParallel: Analysis.checksInParallel(report),
                  unlessCancelled: isCancelled)
    }

    /// Reports at least this large are checked on two threads: below it, handing work to
    /// another thread costs more than it saves.
    public static let parallelThreshold = 64 * 1024

    static func checksInParallel(_ report: Report) -> Bool { report.source.bytes.count >= parallelThreshold }

    /// - Parameter inParallel: whether the check families run on two threads (the findings are
    ///   the same either way: each family's findings are kept in registry order).
    /// - Parameter releasingReadingsAside: whether the readings the checks shared are freed on
    ///   another thread (a command-line lint of a large file; not the server, whose requests
    ///   would share the cores with it).
    init?(report: Report, extra: [Diagnostic] = [], settings: ProjectConfiguration.Settings = .init(), inParallel: Bool,
          releasingReadingsAside: Bool = false, unlessCancelled isCancelled: @Sendable () -> Bool) {
        let syntax = report.syntax
        let context = CheckContext(report: report)
        var all = extra + syntax.diagnostics + report.diagnostics
        if inParallel {
            guard let found = Analysis.runChecksInParallel(context, unlessCancelled: isCancelled) else { return nil }
            for findings in found { all += findings }
        } else {
            for check in CheckRegistry.checks {
                if isCancelled() { return nil }
                all += check.run(context)
            }
        }
        // Suppression comments are read only when there is a finding they could silence (a
        // clean 1 MB report spent half a millisecond reading every line for them).
        if !all.isEmpty {
            let suppressions = Suppressions(syntax)
            all = all.filter { !suppressions.allows($0, line: syntax.source.line(containing: $0.range.start)) }
        }
        if !settings.isDefault { all = settings.apply(all) }
        // The shared readings of a large report (its prose read, claim by claim) take a
        // millisecond to free: another thread does it while the findings are sorted and written.
        if releasingReadingsAside { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(context) {} } }
        all.sort { ($0.range.start, $0.range.end, $0.code, $0.message) < ($1.range.start, $1.range.end, $1.code, $1.message) }
        self.report = report
        self.diagnostics = all
    }

    /// Runs every check family on two threads, each taking the next family in
    /// `CheckRegistry.startOrder` when it is free; nil when cancelled. The two threads first read
    /// the prose in parts; a thread done with the parts before the other passes over the
    /// families that need the prose until it is read.
    static func runChecksInParallel(_ context: CheckContext, unlessCancelled isCancelled: @Sendable () -> Bool) -> [[Diagnostic]]? {
        final class Work: @unchecked Sendable {
            let lock = NSLock()
            var started = [Bool](repeating: false, count: CheckRegistry.checks.count)
            var cancelled = false
            var found: [[Diagnostic]]
            init(count: Int) { found = Array(repeating: [], count: count) }
            /// The registry index of the next family to run, nil when none is left.
            func take(proseRead: Bool) -> Int? {
                lock.lock()
                defer { lock.unlock() }
                guard !cancelled else { return nil }
                let order = CheckRegistry.startOrder
                let next = order.first { !started[$0] && (proseRead || !CheckRegistry.readsProse.contains($0)) }
                    ?? order.first { !started[$0] }
                if let next { started[next] = true }
                return next
            }
        }
        let checks = CheckRegistry.checks
        let work = Work(count: checks.count)
        context.expectProseInParts()
        TwoThreads.run { _ in
            context.readProseParts()
            while let index = work.take(proseRead: context.isProseRead) {
                if isCancelled() {
                    work.lock.lock(); work.cancelled = true; work.lock.unlock()
                    return
                }
                let findings = checks[index].run(context)
                work.lock.lock(); work.found[index] = findings; work.lock.unlock()
            }
        }
        return work.cancelled ? nil : work.found
    }

    /// The largest document checked (32 MiB, far beyond any published report). A larger one is
    /// not parsed: one S113 error says so, and memory stays bounded (`lint /dev/zero` stops).
    public static let maximumDocumentBytes = 32 << 20

    /// The analysis of a document past `maximumDocumentBytes`: nothing but the S113 error.
    public init(oversizedDocumentOf byteCount: Int, catalogue: Catalogue = .embedded) {
        let megabytes = (byteCount + (1 << 20) - 1) >> 20
        let message = "文档超过单个文档 \(Analysis.maximumDocumentBytes >> 20) MB 的上限（约 \(megabytes) MB 或更大），未作检查；请把报告拆成几个文件"
        report = Report(syntax: Parser.parse(""), catalogue: catalogue)
        diagnostics = [Diagnostic(code: "S113", severity: .error, range: SourceRange(start: 0, end: 0), message: message)]
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
