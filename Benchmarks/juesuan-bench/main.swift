// Throughput of the language core on a generated report: parse, model and check.
// Run: swift run -c release juesuan-bench [megabytes]
import Dispatch
import JuesuanChecks
import JuesuanFixtures
import JuesuanModel
import JuesuanSyntax

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
