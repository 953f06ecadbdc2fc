// Fuzz target (d): extreme figures (up to 42 digits, 14 decimals, signs, separators) in every
// place a figure may stand (ExtremeNumberDocument), and DecimalNumber's arithmetic on two
// arbitrary values. Invariants: nothing traps; S112 stands only on figures beyond the limits;
// every oversized table cell has one; the fixed A206 elsewhere is always still reported;
// comparison is a strict order consistent with exact subtraction.
import JuesuanChecks
import JuesuanFixtures
import JuesuanSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumbers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var stream = bytes.makeIterator()
    let (text, figures) = ExtremeNumberDocument.make(&stream)
    let analysis = Analysis(text: text)
    let source = analysis.source
    var cellFindings = 0
    for finding in analysis.diagnostics where finding.code == "S112" {
        var written = Array(source.bytes[finding.range.start..<finding.range.end])
        if written.last == 0x25 { written.removeLast() }
        precondition(DecimalNumber.classify(utf8: written) == .oversized, "S112 on a checkable figure")
        if source.line(containing: finding.range.start) < ExtremeNumberDocument.firstProseLine { cellFindings += 1 }
    }
    let oversizedCells = figures.filter { $0.line < ExtremeNumberDocument.firstProseLine && DecimalNumber.classify($0.text) == .oversized }.count
    precondition(cellFindings == oversizedCells, "an oversized cell without S112")
    precondition(analysis.diagnostics.contains { $0.code == "A206" }, "the rest of the document was not checked")

    // Two raw values: mantissas from 16 bytes each, scales from one byte each.
    guard bytes.count >= 34 else { return 0 }
    func value(_ at: Int) -> DecimalNumber {
        var m: Int128 = 0
        for i in 0..<16 { m = m << 8 | Int128(bytes[at + i]) }
        return DecimalNumber(mantissa: m == .min ? 0 : m, scale: Int(Int8(bitPattern: bytes[at + 16])) / 4)
    }
    let a = value(0), b = value(17)
    _ = a + b; _ = a - b; _ = a * b; _ = -a; _ = a.magnitude
    _ = a.divided(by: b, scale: Int(bytes[33] % 40))
    _ = a.rounded(toScale: Int(Int8(bitPattern: bytes[33])) / 4)
    _ = a.description
    precondition(!(a < b && b < a) && (a == b) == !(a < b || b < a), "comparison is not an order")
    if let x = a.rescaledExactly(to: max(a.scale, b.scale)), let y = b.rescaledExactly(to: max(a.scale, b.scale)) {
        let (difference, overflow) = x.mantissa.subtractingReportingOverflow(y.mantissa)
        // Int128.min is never produced (its magnitude does not fit), so that one case is rounded.
        if !overflow, difference != .min { precondition((a < b) == (difference < 0) && (a - b).mantissa == difference, "inexact where it fits") }
    }
    return 0
}
