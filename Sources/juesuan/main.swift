import Foundation
import JuesuanLint
import JuesuanChecks
import JuesuanSyntax

let path = CommandLine.arguments[1]
let data = FileManager.default.contents(atPath: path)!
let analysis = Analysis(bytes: Array(data))
for d in analysis.diagnostics {
    let p = analysis.source.position(of: d.range.start)
    print("\(p.line + 1):\(p.scalarColumn + 1) \(d.severity.rawValue)[\(d.code)] \(d.message)")
}
