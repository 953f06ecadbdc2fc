// Fuzz target (a): parser + model + every check on arbitrary bytes, as `juesuan lint` reads a
// file (`Analysis(bytes:)`), plus the invariants every consumer relies on: diagnostic and fix
// ranges inside the document, ordered, on UTF-8 character boundaries, convertible to positions.
// Built by scripts/fuzz.sh with libFuzzer and AddressSanitizer; not part of the package build.
import JuesuanChecks
import JuesuanSyntax

@inline(__always)
func checkRange(_ range: SourceRange, in source: SourceText, _ what: @autoclosure () -> String) {
    let bytes = source.bytes
    precondition(range.start >= 0 && range.start <= range.end && range.end <= bytes.count,
                 "\(what()): range \(range.start)..<\(range.end) outside 0...\(bytes.count)")
    precondition(range.start == bytes.count || bytes[range.start] & 0xC0 != 0x80,
                 "\(what()): range starts inside a UTF-8 character at \(range.start)")
    precondition(range.end == bytes.count || bytes[range.end] & 0xC0 != 0x80,
                 "\(what()): range ends inside a UTF-8 character at \(range.end)")
    _ = source.position(of: range.start)
    _ = source.position(of: range.end)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalysis(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let analysis = Analysis(bytes: bytes)
    let source = analysis.source
    for diagnostic in analysis.diagnostics {
        checkRange(diagnostic.range, in: source, diagnostic.code)
        for related in diagnostic.related { checkRange(related.range, in: source, diagnostic.code + " related") }
        for edit in diagnostic.fix?.edits ?? [] { checkRange(edit.range, in: source, diagnostic.code + " fix") }
    }
    // On valid UTF-8 the text path and the bytes path see the same document.
    if let text = String(validating: bytes, as: UTF8.self) {
        let again = Analysis(text: text)
        precondition(again.diagnostics == analysis.diagnostics, "Analysis(text:) and Analysis(bytes:) disagree")
    }
    return 0
}
