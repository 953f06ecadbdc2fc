import JuesuanModel
import JuesuanSyntax

/// S112 in prose and performance blocks: an amount or percentage too large or too precise to
/// check exactly (more than `DecimalNumber.maximumIntegerDigits` integer digits or
/// `maximumScale` decimals). Table cells and `校验` lines are reported by the parser; here a
/// run of digits counts as a figure only with a decimal point or a unit after it, so account
/// or document numbers in prose are left alone.
enum FigureLimitCheck: ReportCheck {
    static let rules: [Rule] = []

    static let units: [[UInt8]] = ["%", "％", "元", "万元", "千元", "亿元", "个百分点"].map { Array($0.utf8) }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let syntax = context.report.syntax
        let source = syntax.source
        var lines: [Int] = []
        for narrative in syntax.narratives { lines += narrative.proseLines }
        for performance in syntax.performances { lines += Array(performance.lines) }
        var findings: [Diagnostic] = []
        for line in lines where line < source.lineCount {
            for range in oversizedFigures(source.bytes, from: source.lineStarts[line], to: source.lineContentEnds[line]) {
                let text = String(decoding: source.bytes[range.start..<range.end], as: UTF8.self)
                findings.append(Diagnostic(code: "S112", severity: .warning, range: range, message: Parser.oversizedMessage(text)))
            }
        }
        return findings
    }

    /// Whether one of the eight bytes of `word` is an ASCII digit: the bytes above 0x2F and below
    /// 0x3A found all at once (no carry crosses from one byte to the next; a byte of 0x80 or
    /// more is masked out by its own high bit).
    @inline(__always)
    static func hasDigit(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & (ones &* 0x7F)
        return (ones &* (0x7F + 0x3A) &- low) & ~word & (low &+ ones &* (0x7F - 0x2F)) & (ones &* 0x80) != 0
    }

    /// The figures between `start` and `end` that are numbers beyond the checkable limits.
    static func oversizedFigures(_ bytes: [UInt8], from start: Int, to end: Int) -> [SourceRange] {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F }
        var found: [SourceRange] = []
        var i = start
        while i < end {
            // Eight bytes without a digit are passed at once (most of a line's bytes; issue 15).
            if end - i >= 8, !hasDigit(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }) { i += 8; continue }
            guard isDigit(bytes[i]), i == start || !isWordByte(bytes[i - 1]) && bytes[i - 1] != 0x2E else { i += 1; continue }
            var j = i
            var sawPoint = false
            while j < end, isDigit(bytes[j]) || ((bytes[j] == 0x2C || bytes[j] == 0x2E) && j + 1 < end && isDigit(bytes[j + 1])) {
                if bytes[j] == 0x2E { sawPoint = true }
                j += 1
            }
            defer { i = j }
            guard j - i > DecimalNumber.maximumScale, j >= end || !isWordByte(bytes[j]) else { continue }
            var k = j
            while k < end, bytes[k] == 0x20 { k += 1 }
            let unit = units.contains { u in k + u.count <= end && bytes[k..<(k + u.count)].elementsEqual(u) }
            guard sawPoint || unit else { continue }
            let minus = i > start && bytes[i - 1] == 0x2D ? i - 1 : i
            if DecimalNumber.classify(utf8: bytes[minus..<j]) == .oversized { found.append(SourceRange(start: minus, end: j)) }
        }
        return found
    }
}
