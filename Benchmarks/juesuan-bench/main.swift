// Throughput of the language core on a generated report: parse, model and check.
// Run: swift run -c release juesuan-bench [megabytes]
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import JuesuanCatalogue
import JuesuanChecks
import JuesuanFixtures
import JuesuanLanguageService
import JuesuanModel
import JuesuanSyntax
import LanguageServerProtocol

// `juesuan-bench --write MEGABYTES FILE`: write the generated report and stop (scripts/bench.sh).
// `juesuan-bench --write-prose MEGABYTES FILE`: the same with a 说明 after each table.
if CommandLine.arguments.count == 4, CommandLine.arguments[1].hasPrefix("--write"), let size = Double(CommandLine.arguments[2]) {
    var writer = ReportGenerator(seed: 2024)
    let prose = CommandLine.arguments[1] == "--write-prose"
    let report = writer.largeReport(minimumLines: Int(size * 1_048_576 / (prose ? 60 : 52)), prose: prose)
    guard let file = fopen(CommandLine.arguments[3], "w") else { fatalError("cannot write \(CommandLine.arguments[3])") }
    _ = Array(report.utf8).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    exit(0)
}

// `juesuan-bench --generator-moves FIRST COUNT DIR`: ProseGeneratorTests' moved figures as files
// (`DIR/s<seed>-<mark>.juesuan`, seeds 10,000 + FIRST…), to compare two binaries on them.
if CommandLine.arguments.count == 5, CommandLine.arguments[1] == "--generator-moves",
   let first = Int(CommandLine.arguments[2]), let count = Int(CommandLine.arguments[3]) {
    for seed in first..<(first + count) {
        var generator = ProseGenerator(seed: UInt64(10_000 + seed))
        let output = generator.report(withTables: seed % 2 == 0)
        let bytes = Array(output.text.utf8)
        for (index, mark) in output.marks.enumerated() {
            // As the test moves it: by at least 1.00 (or a tenth), down on odd seeds.
            let value = mark.value
            let tenth = value.magnitude.divided(by: DecimalNumber(10), scale: value.scale) ?? .zero
            let step = max(value.scale == 0 ? DecimalNumber(1) : DecimalNumber(1).rescaled(to: value.scale), tenth)
            let down = (seed + index) % 2 == 1 && value - step >= .zero
            let replacement = down ? value - step : value + step
            let mutated = bytes[..<mark.range.lowerBound] + Array(replacement.description.utf8) + bytes[mark.range.upperBound...]
            let path = "\(CommandLine.arguments[4])/s\(seed)-\(index)-\(mark.fact).juesuan"
            guard let file = fopen(path, "w") else { exit(2) }
            _ = Array(mutated).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
        }
    }
    exit(0)
}

// `juesuan-bench --read-prose FILE`: the time to read a report's prose (ProseDocument) alone.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--read-prose" {
    guard let file = fopen(CommandLine.arguments[2], "r") else { exit(2) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true { let n = fread(&buffer, 1, buffer.count, file); if n <= 0 { break }; bytes += buffer[0..<n] }
    fclose(file)
    let report = Report(syntax: Parser.parse(SourceText(bytes: bytes)), catalogue: .embedded)
    let start = DispatchTime.now().uptimeNanoseconds
    let prose = ProseDocument(report: report)
    print("\(prose.claims.count) claims in \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) ms")
    exit(0)
}

// `juesuan-bench --claims FILE`: how the prose was read, a line per figure (line, sentence and
// clause, the figure, its kind, its quantity and where that came from, its label): to see why a
// phrasing is read as it is.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--claims", let bytes = readFile(CommandLine.arguments[2]) {
    let prose = ProseDocument(report: Report(syntax: Parser.parse(SourceText(bytes: bytes)), catalogue: .embedded))
    for (index, claim) in prose.claims.enumerated() {
        let list = claim.listWhole.map { " list #\($0).\(claim.listDivision)" } ?? ""
        let quantity = claim.quantity.map { "\($0)\($0.isKnown ? "" : "?")\($0.code.map { "#" + $0 } ?? "")" } ?? "-"
        print("\(claim.line + 1):\(claim.sentence).\(claim.clause) \(claim.text) \(claim.kind) \(quantity) [\(claim.quantitySource)] depth \(claim.depth) \(claim.measure) \(claim.period)\(claim.respectivelyOf.map { " of #\($0)" } ?? "") label “\(claim.label)”\(list)\(claim.topic.map { " topic \($0)\($0.code.map { "#" + $0 } ?? "")" } ?? "") #\(index)")
    }
    exit(0)
}

// `juesuan-bench --prose-scaling`: lint time of reports with a 说明 per table at 1, 2, 4 and 8 MB.
if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--prose-scaling" {
    print("size     lines     prose claims   analysis    × the 1 MB time")
    var base = 0.0
    for size in [1, 2, 4, 8] {
        var writer = ReportGenerator(seed: 7)
        let report = writer.largeReport(minimumLines: size * 1_048_576 / 60, prose: true)
        var best = Double.infinity
        var claims = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let analysis = Analysis(text: report)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            claims = ProseDocument(report: analysis.report).claims.count
            let serious = analysis.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
            if let first = serious.first {
                print("the generated report must be consistent: \(serious.count) findings, e.g. \(first.code) \(first.message)")
                exit(1)
            }
        }
        if size == 1 { base = best }
        let megabytes = Double(report.utf8.count) / 1_048_576
        print("\(String(format2(megabytes))) MB".padding(toLength: 9) + "\(report.utf8.lazy.filter { $0 == 0x0A }.count)".padding(toLength: 10)
              + "\(claims)".padding(toLength: 15) + "\(Int(best * 1000)) ms".padding(toLength: 12) + String(format2(best / base)))
    }
    exit(0)
}

// `juesuan-bench --small FILE…`: analyses per second of small documents (the fuzz target's
// workload, issue 15), each file analysed repeatedly after one warm-up.
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "--small" {
    for path in CommandLine.arguments.dropFirst(2) {
        guard let file = fopen(path, "r") else { exit(2) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true { let n = fread(&buffer, 1, buffer.count, file); if n <= 0 { break }; bytes += buffer[0..<n] }
        fclose(file)
        _ = Analysis(bytes: bytes)
        let repetitions = getenv("JUESUAN_BENCH_REPETITIONS").flatMap { Int(String(cString: $0)) } ?? 200
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repetitions { _ = Analysis(bytes: bytes).diagnostics.count }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("\(path): \(bytes.count) bytes, \(format2(seconds / Double(repetitions) * 1000)) ms an analysis, \(Int(Double(repetitions) / seconds)) analyses/s")
    }
    exit(0)
}

// `juesuan-bench --corpus N DIR`: the checker's own time on a fuzz corpus (issue 15), without
// libFuzzer's bookkeeping or a sanitizer: every file of DIR analysed once a round, N rounds after
// one warm-up round; the best round's time an input, and what that allows a second.
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--corpus", let rounds = Int(CommandLine.arguments[2]) {
    let directory = CommandLine.arguments[3]
    guard let listing = opendir(directory) else { print("cannot read \(directory)"); exit(2) }
    var inputs: [[UInt8]] = []
    while let entry = readdir(listing) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name.hasPrefix(".") { continue }
        if let bytes = readFile(directory + "/" + name) { inputs.append(bytes) }
    }
    closedir(listing)
    guard !inputs.isEmpty else { print("no input in \(directory)"); exit(2) }
    var best = Double.infinity
    for round in 0...max(rounds, 1) {
        let start = DispatchTime.now().uptimeNanoseconds
        var findings = 0
        for input in inputs { findings &+= Analysis(bytes: input).diagnostics.count }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if round > 0 { best = min(best, seconds) }  // round 0 warms up
        if findings < 0 { print(findings) }  // keeps the analyses from being optimised away
    }
    let total = inputs.reduce(0) { $0 + $1.count }
    let perInput = best / Double(inputs.count)
    print("corpus: \(inputs.count) inputs, \(total) bytes, best of \(max(rounds, 1)) rounds \(format2(best * 1000)) ms, "
          + "\(format2(perInput * 1_000_000)) µs an input, \(Int(1 / perInput)) analyses/s")
    exit(0)
}

// `juesuan-bench --stages N FILE`: where the time of one analysis goes (issue 15), each stage and
// each check family on its own, on one thread: the best of N runs of each, in ms.
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--stages", let count = Int(CommandLine.arguments[2]),
   let bytes = readFile(CommandLine.arguments[3]) {
    var best: [String: Double] = [:]
    var order: [String] = []
    func time<T>(_ name: String, _ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        if best[name] == nil { order.append(name) }
        best[name] = min(best[name] ?? .infinity, elapsed)
        return result
    }
    var firstCatalogue = 0.0
    for run in 0..<count {
        let catalogue = time("catalogue (first use; then 0)") { Catalogue.embedded }
        if run == 0 { firstCatalogue = best[order[0]]! }
        let source = time("decode") { SourceText.decoding(bytes).text }
        let syntax = time("parse") { Parser.parse(source) }
        let report = time("model") { Report(syntax: syntax, catalogue: catalogue) }
        let context = time("check context") { CheckContext(report: report) }
        _ = time("prose read (shared)") { context.prose }
        for check in CheckRegistry.checks { _ = time("\(check)") { check.run(context) } }
    }
    let total = order.dropFirst().reduce(0) { $0 + best[$1]! }
    func line(_ name: String, _ milliseconds: Double) -> String {
        name.padding(toLength: 34) + format2(milliseconds) + " ms"
    }
    print(line("catalogue (first use)", firstCatalogue))
    for name in order.dropFirst() { print(line(name, best[name]!)) }
    print(line("total (but the catalogue)", total) + ", \(format2(Double(bytes.count) / 1_048_576 / (total / 1000))) MB/s")
    exit(0)
}

// `juesuan-bench --repeat STAGE N FILE`: one stage (parse, parse-kept, parse-lint, model or analysis) N times on a file,
// for `perf record` (issue 15); prints the best time.
if CommandLine.arguments.count == 5, CommandLine.arguments[1] == "--repeat", let count = Int(CommandLine.arguments[3]) {
    guard let file = fopen(CommandLine.arguments[4], "r") else { exit(2) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true { let n = fread(&buffer, 1, buffer.count, file); if n <= 0 { break }; bytes += buffer[0..<n] }
    fclose(file)
    let source = SourceText(bytes: bytes)
    var best = Double.infinity
    // The thread's CPU time as well: on a shared machine the wall time of a run includes the
    // time other processes held the core (issue 15, session 4).
    var bestCPU = Double.infinity
    func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    for _ in 0..<count {
        // `parse-kept`: the tree is freed after the clock stops (`parse` frees the previous one
        // inside it), as `juesuan lint` and the server free theirs off the critical path.
        var kept: SyntaxTree?
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = threadCPUSeconds()
        switch CommandLine.arguments[2] {
        case "parse": _ = Parser.parse(SourceText(bytes: bytes)).lines.count
        case "parse-kept": kept = Parser.parse(SourceText(bytes: bytes))
        // As `juesuan lint` parses: on two threads from 256 KB.
        case "parse-lint": _ = Parser.parse(SourceText(bytes: bytes), inParallel: true).lines.count
        case "model": _ = Report(syntax: Parser.parse(source), catalogue: .embedded).tables.count
        default: _ = Analysis(bytes: bytes).diagnostics.count
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        bestCPU = min(bestCPU, threadCPUSeconds() - startCPU)
        withExtendedLifetime(kept) {}  // freed here, after the clock stopped
    }
    print("\(CommandLine.arguments[2]): best \(format2(best * 1000)) ms, \(format2(Double(bytes.count) / 1_048_576 / best)) MB/s; "
          + "thread CPU best \(format2(bestCPU * 1000)) ms, \(format2(Double(bytes.count) / 1_048_576 / bestCPU)) MB/s")
    exit(0)
}

// `juesuan-bench --edited-view LINES`: what a request right after a keystroke costs through an
// `EditedView` (issue 15), per feature, on a generated report with prose: median and worst of
// 40 keystrokes in different tables (each view built anew).
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--edited-view", let lines = Int(CommandLine.arguments[2]) {
    var generator = ReportGenerator(seed: 3)
    let text = generator.largeReport(minimumLines: lines, prose: true)
    let base = DocumentSnapshot(uri: "file:///bench.juesuan", version: 1, text: text)
    let analysis = base.analysis
    _ = LanguageService.semanticTokens(base)
    _ = LanguageService.outline(base)
    let cells = analysis.report.tables.flatMap { $0.allRows.flatMap { $0.cells.compactMap { $0 } } }
    var timings = Timings()
    func time<T>(_ name: String, _ work: () -> T) -> T { timings.time(name, work) }
    let bytes = Array(text.utf8)
    for k in 0..<40 {
        let cell = cells[(k * 7919) % cells.count]
        let edited = bytes[..<cell.token.range.end] + Array("7".utf8) + bytes[cell.token.range.end...]
        let current = DocumentSnapshot(uri: base.uri, version: 2 + k, source: SourceText(bytes: Array(edited)))
        guard let view = time("view", { EditedView(current: current, base: base) }) else { print("no view"); exit(1) }
        _ = time("hover", { view.hover(at: cell.token.range.start) })
        _ = time("semantic tokens", { view.semanticTokens() })
        _ = time("outline", { view.outline() })
        _ = time("folding", { view.foldingRanges() })
        _ = time("inlay hints (80 lines)", { view.inlayHints(in: SourceRange(start: max(0, cell.token.range.start - 4000), end: cell.token.range.end + 4000)) })
        _ = time("code actions", { view.codeActions(range: SourceRange(start: cell.token.range.start, end: cell.token.range.end)) })
    }
    print("\(text.utf8.count) bytes, \(text.utf8.lazy.filter { $0 == 0x0A }.count) lines; ms per request through an edited view:")
    timings.print(["view", "hover", "semantic tokens", "outline", "folding", "inlay hints (80 lines)", "code actions"])
    exit(0)
}

// `juesuan-bench --keystroke FILE`: one keystroke in a figure of a code row (40 places spread
// over FILE, e.g. the LSP benchmark's report from scripts/lsp_bench_report.py, whose tables have
// 1,654 rows), each stage of what the server does after it: applying the edit to the text, the
// quick re-check (row-level where it can), the edited view and the requests through it.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--keystroke", let bytes = readFile(CommandLine.arguments[2]) {
    let base = DocumentSnapshot(uri: "file:///bench.juesuan", version: 1, source: SourceText(bytes: bytes))
    let analysis = base.analysis
    let state = FindingsState(fullAnalysisOf: base)
    _ = base.semanticTokenData(unit: .utf16)
    _ = base.limitedOutline()
    let cells = analysis.report.tables.flatMap { $0.allRows.filter { $0.code != nil }.flatMap { $0.cells.compactMap { $0 } } }
    var previousTokens = base.semanticTokenData(unit: .utf16).integers
    var timings = Timings()
    func time<T>(_ name: String, _ work: () -> T) -> T { timings.time(name, work) }
    for k in 0..<40 {
        let cell = cells[(k * 7919) % cells.count]
        let position = base.source.lineColumnRange(of: SourceRange(start: cell.token.range.end, end: cell.token.range.end), unit: .utf16)
        let current = time("apply the edit") { base.applying([TextChange(range: position, text: "7")], unit: .utf16, version: 2 + k) }
        guard time("quick re-check", { state.updated(to: current) }) != nil else { print("no quick re-check"); exit(1) }
        guard let view = time("edited view", { EditedView(current: current, base: base) }) else { print("no view"); exit(1) }
        _ = time("hover", { view.hover(at: cell.token.range.start) })
        let tokens = time("semantic tokens (encoded)", { view.semanticTokenData(unit: .utf16) })
        _ = time("semantic tokens delta", { SemanticTokenEdit.edits(from: previousTokens, to: tokens.integers) })
        previousTokens = tokens.integers
        _ = time("outline (limited)", { view.limitedOutline() })
        _ = time("folding", { view.foldingRanges() })
        _ = time("code actions", { view.codeActions(range: SourceRange(start: cell.token.range.start, end: cell.token.range.end)) })
    }
    print("\(bytes.count) bytes, \(base.source.lineCount) lines; ms per keystroke, median and max of 40:")
    timings.print(["apply the edit", "quick re-check", "edited view", "hover", "semantic tokens (encoded)", "semantic tokens delta", "outline (limited)", "folding", "code actions"])
    exit(0)
}

// `juesuan-bench --open FILE`: what the server does between a didOpen of FILE and its first
// diagnostics, stage by stage (median and worst of 20; the analysis as the server runs it).
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--open", let bytes = readFile(CommandLine.arguments[2]) {
    let message: JSONValue = ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
        "uri": "file:///bench.juesuan", "languageId": "juesuan", "version": 1, "text": .string(String(decoding: bytes, as: UTF8.self))]]]
    let framed = message.serialized()
    var timings = Timings()
    for _ in 0..<20 {
        let parsed = timings.time("parse the JSON message") { try! JSONValue(parsing: framed) }
        let text = parsed["params"]?["textDocument"]?["text"]?.stringValue ?? ""
        let source = timings.time("make the text") { SourceText(text) }
        let snapshot = DocumentSnapshot(uri: "file:///bench.juesuan", version: 1, source: source)
        // As the server analyses a document just opened: at normal priority, on both cores.
        _ = timings.time("analyse (two threads)") { snapshot.analysis(inParallel: true, unlessCancelled: { false })! }
    }
    let first = timings.values["analyse (two threads)"]![0]
    print("\(framed.count) bytes of JSON; ms, median and max of 20 (the first analysis, in a fresh process: \(format2(first)) ms):")
    timings.print(["parse the JSON message", "make the text", "analyse (two threads)"])
    exit(0)
}

/// Milliseconds per named stage, printed as median and worst.
struct Timings {
    var values: [String: [Double]] = [:]

    mutating func time<T>(_ name: String, _ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        values[name, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        return result
    }

    func print(_ names: [String]) {
        for name in names {
            let sorted = values[name, default: [0]].sorted()
            Swift.print(name.padding(toLength: 28) + "median \(format2(sorted[sorted.count / 2]))".padding(toLength: 16) + "max \(format2(sorted.last!))")
        }
    }
}

/// The bytes of a file, nil when it cannot be opened.
func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true { let n = fread(&buffer, 1, buffer.count, file); if n <= 0 { break }; bytes += buffer[0..<n] }
    return bytes
}

func format2(_ value: Double) -> String { String(Double(Int(value * 100)) / 100) }

let megabytes = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1]) ?? 2 : 2
var generator = ReportGenerator(seed: 2024)
// About 52 bytes a line on average.
let text = generator.largeReport(minimumLines: Int(megabytes * 1_048_576 / 52))
let bytes = text.utf8.count
let lines = text.utf8.lazy.filter { $0 == 0x0A }.count

func measure(_ label: String, repetitions: Int, _ body: () -> Int) {
    var best = Double.infinity
    var result = 0
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        result = body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let mbPerSecond = Double(bytes) / 1_048_576 / best
    let pad = String(repeating: " ", count: max(0, 22 - label.count))
    print("\(label)\(pad)\(String(Int(best * 1000))) ms   \(String(Int(mbPerSecond * 10) / 10)) MB/s   (\(result))")
}

print("report: \(bytes) bytes, \(lines) lines, \(Analysis(text: text).report.tables.count) tables")
measure("parse", repetitions: 5) { Parser.parse(text).lines.count }
measure("parse + model", repetitions: 5) { Report(text: text).tables.count }
measure("parse + model + check", repetitions: 5) { Analysis(text: text).diagnostics.count }

// Re-analysis after a one-character edit in the middle of the report, at 1×, 2×, 4× and 8× its
// size: the quick path (the edited block checked again, the rest reused) against a full analysis.
print("\nedit latency (one character typed into a row in the middle), median of 21 edits:")
print("lines      full analysis   incremental")
for factor in [1, 2, 4, 8] {
    var scaled = ReportGenerator(seed: 2024)
    let bigText = scaled.largeReport(minimumLines: 5_000 * factor)
    let previous = Analysis(text: bigText)
    let rows = previous.report.tables.filter { $0.spec == nil }.flatMap(\.allRows)
    let row = rows[rows.count / 2]
    let insertAt = row.cells.compactMap { $0 }.first!.token.range.end
    let bytesOfText = Array(bigText.utf8)
    var fullTimes: [Double] = []
    var quickTimes: [Double] = []
    for k in 0..<21 {
        let edited = String(decoding: bytesOfText[..<insertAt] + Array(String(k % 10).utf8) + bytesOfText[insertAt...], as: UTF8.self)
        var start = DispatchTime.now().uptimeNanoseconds
        let source = SourceText(edited)
        let quick = IncrementalAnalysis.quickDiagnostics(previous: previous, newSource: source)
        quickTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        precondition(quick != nil)
        start = DispatchTime.now().uptimeNanoseconds
        _ = Analysis(text: edited).diagnostics.count
        fullTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    let lineCount = bigText.utf8.lazy.filter { $0 == 0x0A }.count
    func median(_ values: [Double]) -> String { String(format1(values.sorted()[values.count / 2])) }
    print("\(lineCount)".padding(toLength: 11) + (median(fullTimes) + " ms").padding(toLength: 16) + median(quickTimes) + " ms")
}

func format1(_ value: Double) -> String { String(Double(Int(value * 10)) / 10) }

extension String {
    func padding(toLength length: Int) -> String { self + String(repeating: " ", count: max(0, length - count)) }
}
