// Fuzz target (a): parser + model + every check on arbitrary bytes, as `juesuan lint` reads a
// file (`Analysis(bytes:)`), plus the invariants every consumer relies on: diagnostic and fix
// ranges inside the document, ordered, on UTF-8 character boundaries, convertible to positions;
// and the decoding of the bytes, against the standard library's.
// Built by scripts/fuzz.sh with libFuzzer and AddressSanitizer; not part of the package build.
#if canImport(Glibc)
import Glibc
#endif
import JuesuanChecks
import JuesuanSyntax

@inline(__always)
func checkRange(_ range: SourceRange, in source: SourceText, _ what: @autoclosure () -> String, offsets: inout [Int]) {
    let bytes = source.bytes
    precondition(range.start >= 0 && range.start <= range.end && range.end <= bytes.count,
                 "\(what()): range \(range.start)..<\(range.end) outside 0...\(bytes.count)")
    precondition(range.start == bytes.count || bytes[range.start] & 0xC0 != 0x80,
                 "\(what()): range starts inside a UTF-8 character at \(range.start)")
    precondition(range.end == bytes.count || bytes[range.end] & 0xC0 != 0x80,
                 "\(what()): range ends inside a UTF-8 character at \(range.end)")
    offsets.append(range.start)
    offsets.append(range.end)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalysis(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let analysis = Analysis(bytes: bytes)
    let source = analysis.source
    var offsets: [Int] = []
    for diagnostic in analysis.diagnostics {
        checkRange(diagnostic.range, in: source, diagnostic.code, offsets: &offsets)
        for related in diagnostic.related { checkRange(related.range, in: source, diagnostic.code + " related", offsets: &offsets) }
        for edit in diagnostic.fix?.edits ?? [] { checkRange(edit.range, in: source, diagnostic.code + " fix", offsets: &offsets) }
    }
    // Every range converts to positions (as `lint` and the server convert them), all at once;
    // the first in the document also alone, which must agree.
    let positions = source.positions(of: offsets)
    if let first = offsets.indices.min(by: { offsets[$0] < offsets[$1] }) {
        precondition(positions[first] == source.position(of: offsets[first]), "positions(of:) and position(of:) disagree at \(offsets[first])")
    }
    // The text and bytes entry points (`Analysis(text:)`, `Analysis(bytes:)`) differ in how
    // the bytes become text, and from `Analysis.parallelThreshold` (64 KB, beyond -max_len) on
    // in the threads they use: ParallelAnalysisTests compares those. Here, what they do differ
    // in on every input: the text the bytes decode to, valid or repaired, against the string
    // the standard library makes. The same text means the same verdict on validity as our UTF-8
    // test's (which the decoding used): valid bytes decode to themselves, invalid ones to a
    // repaired text, which differs from them. So that test is run again only to name a
    // disagreement, not a second time on every input.
    let valid = String(validating: bytes, as: UTF8.self)
    let expected = valid.map { _ in bytes } ?? Array(String(decoding: bytes, as: UTF8.self).utf8)
    // Compared with `memcmp`: `==` on arrays compared (and the instrumentation reported) each
    // byte, a tenth of an execution's time in this function.
    if !(source.bytes.count == expected.count && source.bytes.withUnsafeBytes { a in expected.withUnsafeBytes { b in
        a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }) {
        precondition(SourceText.isValidUTF8(bytes) == (valid != nil), "isValidUTF8 disagrees with String(validating:)")
        preconditionFailure("the decoded text is not the standard library's")
    }
    // (Not the converse: a `// juesuan: allow S111` comment may silence it.)
    precondition(valid == nil || !analysis.diagnostics.contains { $0.code == "S111" }, "S111 on valid UTF-8")
    return 0
}
