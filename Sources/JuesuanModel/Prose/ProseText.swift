import JuesuanSyntax

/// A stretch of prose, normalised once for reading (narrative.md §1) and mapped back to the
/// source byte by byte, so that every range a rule reports is exact in the original text.
///
/// Normalisation:
/// - full-width digits, letters, `％` and `．` become ASCII (`１２．５％` → `12.5%`);
/// - traditional characters common in reports become simplified (萬 → 万, 總計 → 总计);
/// - blanks are dropped, except between two ASCII words and between two numbers that are not
///   one number broken by extraction (`1 204.30` is one number, `2023 2024` two): PDF text
///   leaves blanks inside figures and units (`86.45 万 元`). Tabs are kept (table cells).
public struct ProseText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// `offsets[i]` is the source byte offset of `scalars[i]`; `offsets[count]` is the end.
    public let offsets: [Int]
    /// `ends[i]` is where `scalars[i]` ends in the source (before any blank dropped after it).
    public let ends: [Int]

    public var count: Int { scalars.count }
    /// Every scalar is `SimpleText`: strings cut from this text compare byte by byte.
    public let isSimple: Bool

    /// Where sentences end, for every reader of prose.
    public static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?"]
    /// `；` ends a statement but not a sentence: a `其中` list runs on across it.
    public static let statementEnds: Set<Unicode.Scalar> = ["；", ";"]
    /// Where clauses end inside a sentence.
    public static let clauseEnds: Set<Unicode.Scalar> = ["，", ",", "；", ";", "：", ":", "、"]

    /// `sentenceEnds.contains(scalar)`, by comparison.
    @inline(__always)
    public static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "!", "?": true
        default: false
        }
    }

    /// `clauseEnds.contains(scalar)`, by comparison.
    @inline(__always)
    public static func isClauseEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "；", ";", "：", ":", "、": true
        default: false
        }
    }

    public init(_ source: SourceText, _ range: SourceRange) {
        // A range without blanks (most prose lines) is decoded and normalised in one pass.
        if let (decoded, offsets, ends, isSimple, fullWidthDigits) = Self.decodeWithoutBlanks(source.bytes, range) {
            var scalars = decoded
            if fullWidthDigits { Self.markGroupingCommas(&scalars, offsets, ends) }
            self.init(scalars: scalars, offsets: offsets, ends: ends, isSimple: isSimple)
            return
        }
        self.init(readingEveryScalar: source, range)
    }

    private init(scalars: [Unicode.Scalar], offsets: [Int], ends: [Int], isSimple: Bool) {
        self.scalars = scalars
        self.offsets = offsets
        self.ends = ends
        self.isSimple = isSimple
    }

    /// The general reading: every scalar decoded, then normalised with the blanks between them
    /// (the reference the one-pass reading of `decodeWithoutBlanks` is tested against).
    init(readingEveryScalar source: SourceText, _ range: SourceRange) {
        var raw: [Unicode.Scalar] = []
        var rawOffsets: [Int] = []
        // At most one scalar per byte: no regrowth while decoding.
        raw.reserveCapacity(range.length)
        rawOffsets.reserveCapacity(range.length)
        var offset = range.start
        // Decoded straight from the source's bytes (issue 15); a range that is not valid UTF-8 on
        // its own goes through a string as before (U+FFFD for what cannot be decoded).
        if let end = Self.decode(source.bytes, range, into: &raw, offsets: &rawOffsets) {
            offset = end
        } else {
            raw.removeAll(keepingCapacity: true)
            rawOffsets.removeAll(keepingCapacity: true)
            for scalar in source.string(range).unicodeScalars {
                raw.append(scalar)
                rawOffsets.append(offset)
                offset += UTF8.width(scalar)
            }
        }
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var ends: [Int] = []
        scalars.reserveCapacity(raw.count)
        offsets.reserveCapacity(raw.count + 1)
        ends.reserveCapacity(raw.count)
        var i = 0
        var fullWidthDigits = false
        while i < raw.count {
            // A Han ideograph (most of the text): no blank, not full-width, three bytes.
            if raw[i].value &- 0x4000 < 0x6000 {
                scalars.append(Self.normalizedHan(raw[i]))
                offsets.append(rawOffsets[i])
                ends.append(rawOffsets[i] + 3)
                i += 1
                continue
            }
            // ASCII but the blank: its own normal form, one byte.
            if raw[i].value < 0x80, raw[i] != " " {
                scalars.append(raw[i])
                offsets.append(rawOffsets[i])
                ends.append(rawOffsets[i] + 1)
                i += 1
                continue
            }
            if raw[i].value &- 0xFF10 < 10 { fullWidthDigits = true }
            let scalar = Self.normalized(raw[i])
            if Self.isBlank(scalar) {
                // The run of blanks and what stands on either side of it.
                var j = i
                while j < raw.count, Self.isBlank(Self.normalized(raw[j])) { j += 1 }
                if Self.keepsBlank(before: scalars, after: raw, at: j) {
                    scalars.append(" ")
                    offsets.append(rawOffsets[i])
                    ends.append(rawOffsets[i] + UTF8.width(raw[i]))
                }
                i = j
                continue
            }
            scalars.append(scalar)
            offsets.append(rawOffsets[i])
            ends.append(rawOffsets[i] + UTF8.width(raw[i]))
            i += 1
        }
        offsets.append(offset)
        if fullWidthDigits { Self.markGroupingCommas(&scalars, offsets, ends) }
        self.scalars = scalars
        self.offsets = offsets
        self.ends = ends
        isSimple = scalars.allSatisfy(SimpleText.isSimple)
    }

    /// `３，８７４．８０`: a full-width comma after a full-width digit and before a group of three
    /// of them is the thousands separator, as `,` is between ASCII digits — not a clause's end
    /// (the figure was read as 874.80). A full-width digit is the ASCII one read from three bytes.
    static func markGroupingCommas(_ scalars: inout [Unicode.Scalar], _ offsets: [Int], _ ends: [Int]) {
        func fullWidthDigit(_ k: Int) -> Bool { k >= 0 && k < scalars.count && isDigit(scalars[k]) && ends[k] - offsets[k] == 3 }
        var i = 1
        while i + 3 < scalars.count {
            if scalars[i] == "，", fullWidthDigit(i - 1), fullWidthDigit(i + 1), fullWidthDigit(i + 2), fullWidthDigit(i + 3),
               !(i + 4 < scalars.count && isDigit(scalars[i + 4])) {
                scalars[i] = ","
            }
            i += 1
        }
    }

    /// What `init` makes of a range that is valid UTF-8 and holds no blank, in one pass without
    /// the intermediate arrays (issue 15); nil for any other range (the general path then reads it).
    static func decodeWithoutBlanks(_ bytes: [UInt8], _ range: SourceRange) -> ([Unicode.Scalar], [Int], [Int], Bool, Bool)? {
        guard range.start >= 0, range.start <= range.end, range.end <= bytes.count else { return nil }
        // The arrays are made to the size of the scalars (the bytes that start one): the document
        // keeps them, and three arrays as long as the line's bytes tripled its memory.
        let length = bytes.withUnsafeBufferPointer { UTF8Scalars.scalarStarts(in: $0, range.start, range.end) }
        var isSimple = true
        var complete = true
        // Whether a full-width digit was read (`markGroupingCommas` looks only then).
        var fullWidthDigits = false
        var offsets: [Int] = []
        var ends: [Int] = []
        // At most one scalar per byte: the three arrays are written in place, without a
        // capacity check per append (issue 15).
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: length) { scalarBuffer, scalarCount in
            offsets = [Int](unsafeUninitializedCapacity: length + 1) { offsetBuffer, offsetCount in
                ends = [Int](unsafeUninitializedCapacity: length) { endBuffer, endCount in
                    let n = bytes.withUnsafeBufferPointer { b -> Int? in
                        var k = range.start
                        var n = 0
                        let end = range.end
                        while true {
                            // While eight bytes and room for eight scalars are left (tested once a
                            // step), a word of them is loaded once for two tests (issue 15): a Han
                            // ideograph of U+4000–U+9FFF (lead E4–E9, two continuation bytes) — most
                            // of the text: simple, no blank, not full-width; only the table of
                            // traditional characters may change it — two at a time, decoded in
                            // place; ASCII but the blank (which needs the general path) and CR (not
                            // simple), its own normal form, eight at a time (figures, codes, words).
                            if end - k >= 8 && length - n >= 8 {
                                let word = UTF8Scalars.word(b, at: k)
                                if UTF8Scalars.twoThreeByteSequences(word, leads: UTF8Scalars.hanLeadNibbles) {
                                    scalarBuffer.baseAddress![n] = normalizedHan(UTF8Scalars.threeByteScalar(b, at: k))
                                    scalarBuffer.baseAddress![n + 1] = normalizedHan(UTF8Scalars.threeByteScalar(b, at: k + 3))
                                    offsetBuffer.baseAddress![n] = k
                                    offsetBuffer.baseAddress![n + 1] = k + 3
                                    endBuffer.baseAddress![n] = k + 3
                                    endBuffer.baseAddress![n + 1] = k + 6
                                    n += 2
                                    k += 6
                                    continue
                                }
                                if word & 0x8080_8080_8080_8080 == 0, !UTF8Scalars.asciiWord(word, contains: 0x20), !UTF8Scalars.asciiWord(word, contains: 0x0D) {
                                    for m in 0..<8 {
                                        scalarBuffer.baseAddress![n + m] = Unicode.Scalar(b[k + m])
                                        offsetBuffer.baseAddress![n + m] = k + m
                                        endBuffer.baseAddress![n + m] = k + m + 1
                                    }
                                    n += 8
                                    k += 8
                                    continue
                                }
                            } else {
                                if k >= end { break }
                                guard n < length else { return nil }
                            }
                            // One scalar: ASCII but the blank as it is, a Han ideograph decoded in
                            // place, any other decoded and normalised.
                            let byte = b[k]
                            if byte < 0x80 {
                                if byte == 0x20 { return nil }
                                if byte == 0x0D { isSimple = false }
                                scalarBuffer.baseAddress![n] = Unicode.Scalar(byte)
                                offsetBuffer.baseAddress![n] = k
                                endBuffer.baseAddress![n] = k + 1
                                n += 1
                                k += 1
                                continue
                            }
                            if let han = UTF8Scalars.hanIdeograph(b, at: k, end: end) {
                                scalarBuffer.baseAddress![n] = normalizedHan(han)
                                offsetBuffer.baseAddress![n] = k
                                endBuffer.baseAddress![n] = k + 3
                                n += 1
                                k += 3
                                continue
                            }
                            guard let (raw, width) = UTF8Scalars.scalar(in: b, at: k, end: end) else { return nil }
                            if raw.value &- 0xFF10 < 10 { fullWidthDigits = true }
                            // Blanks need the general path (whether a blank is kept depends on both sides).
                            let scalar = normalized(raw)
                            if isBlank(scalar) { return nil }
                            if isSimple, !SimpleText.isSimple(scalar) { isSimple = false }
                            scalarBuffer.baseAddress![n] = scalar
                            offsetBuffer.baseAddress![n] = k
                            endBuffer.baseAddress![n] = k + width
                            n += 1
                            k += width
                        }
                        return n
                    }
                    guard let n else {
                        complete = false
                        endCount = 0
                        offsetCount = 0
                        scalarCount = 0
                        return
                    }
                    endCount = n
                    offsetBuffer.baseAddress![n] = range.end
                    offsetCount = n + 1
                    scalarCount = n
                }
            }
        }
        guard complete else { return nil }
        return (scalars, offsets, ends, isSimple, fullWidthDigits)
    }

    /// The scalars of `range` and their offsets, or nil when the range is not valid UTF-8 within the bytes.
    /// Returns where decoding ended (the range's end).
    static func decode(_ bytes: [UInt8], _ range: SourceRange, into raw: inout [Unicode.Scalar], offsets: inout [Int]) -> Int? {
        guard range.start >= 0, range.start <= range.end, range.end <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Int? in
            var k = range.start
            let end = range.end
            while k < end {
                // A Han ideograph of U+4000–U+9FFF (lead E4–E9): decoded in place.
                if let han = UTF8Scalars.hanIdeograph(b, at: k, end: end) {
                    raw.append(han)
                    offsets.append(k)
                    k += 3
                    continue
                }
                guard let (scalar, width) = UTF8Scalars.scalar(in: b, at: k, end: end) else { return nil }
                raw.append(scalar)
                offsets.append(k)
                k += width
            }
            return end
        }
    }

    public subscript(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// The source range of scalars `start..<end`: from the first one's start to the last one's
    /// end, so blanks dropped around them are not part of it.
    public func range(_ start: Int, _ end: Int) -> SourceRange {
        let lower = max(0, min(start, count)), upper = max(lower, min(end, count))
        if upper == lower { return SourceRange(start: offsets[lower], end: offsets[lower]) }
        return SourceRange(start: offsets[lower], end: ends[upper - 1])
    }

    /// The source range from scalar `start` up to where scalar `end` starts: blanks dropped
    /// after the last one are inside it (a fix that deletes `, ` deletes the blank too).
    public func extent(_ start: Int, _ end: Int) -> SourceRange {
        let lower = max(0, min(start, count)), upper = max(lower, min(end, count))
        return SourceRange(start: offsets[lower], end: offsets[upper])
    }

    public func string(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, count)), upper = max(lower, min(end, count))
        // Encoded straight into the string's storage: appending scalars to a UnicodeScalarView
        // one at a time was a hot spot of reading prose (issue 15). Same scalars, same string.
        return scalars.withUnsafeBufferPointer { scalarBuffer in String(unsafeUninitializedCapacity: (upper - lower) * 4) { buffer in
            var written = 0
            // Three bytes (Chinese text) tested first: one comparison for most scalars.
            for scalar in UnsafeBufferPointer(rebasing: scalarBuffer[lower..<upper]) {
                let value = scalar.value
                if value &- 0x800 < 0xF800 {
                    buffer[written] = UInt8(0xE0 | value >> 12)
                    buffer[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[written + 2] = UInt8(0x80 | value & 0x3F)
                    written += 3
                } else if value < 0x80 {
                    buffer[written] = UInt8(value)
                    written += 1
                } else if value < 0x800 {
                    buffer[written] = UInt8(0xC0 | value >> 6)
                    buffer[written + 1] = UInt8(0x80 | value & 0x3F)
                    written += 2
                } else {
                    buffer[written] = UInt8(0xF0 | value >> 18)
                    buffer[written + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[written + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[written + 3] = UInt8(0x80 | value & 0x3F)
                    written += 4
                }
            }
            return written
        } }
    }

    /// `string(lower, end)`, cut from `base` when `base` is `string(baseLower, end)` and starts no
    /// later: the bytes are copied from it, not encoded and validated again (issue 15: a figure's
    /// clause and phrase end where its sentence prefix does).
    public func string(_ lower: Int, _ end: Int, suffixOf base: String, from baseLower: Int) -> String {
        guard baseLower <= lower, lower <= end, end <= count, baseLower >= 0 else { return string(lower, end) }
        if lower == baseLower { return base }
        var width = 0
        for k in lower..<end { width += UTF8.width(scalars[k]) }
        let view = base.utf8
        guard width <= view.count else { return string(lower, end) }
        return String(base[view.index(view.endIndex, offsetBy: -width)...])
    }

    // MARK: Normalisation

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}" || scalar == "\u{A0}" || scalar == "\u{2002}" || scalar == "\u{2003}"
    }

    public static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.value >= 0x30 && scalar.value <= 0x39
    }

    public static func isASCIILetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    /// Whether a run of blanks between what is already read and `raw[next...]` carries meaning.
    static func keepsBlank(before kept: [Unicode.Scalar], after raw: [Unicode.Scalar], at next: Int) -> Bool {
        guard let left = kept.last, next < raw.count else { return false }
        let right = normalized(raw[next])
        if isASCIILetter(left) && isASCIILetter(right) { return true }
        guard isDigit(left) && isDigit(right) else { return false }
        // `1 204.30`: a group of three digits after one to three digits is one number.
        var leading = 0
        var k = kept.count - 1
        while k >= 0, isDigit(kept[k]) { leading += 1; k -= 1 }
        let startsNumber = k < 0 || !(kept[k] == "." || kept[k] == "," || isDigit(kept[k]))
        var trailing = 0
        var m = next
        while m < raw.count, isDigit(normalized(raw[m])) { trailing += 1; m += 1 }
        let endsGroup = m >= raw.count || !isDigit(normalized(raw[m]))
        return !(startsNumber && leading <= 3 && trailing == 3 && endsGroup)
    }

    /// One scalar in the form the reader expects.
    public static func normalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        // Full-width digits, letters and the signs figures use.
        if (value >= 0xFF10 && value <= 0xFF19) || (value >= 0xFF21 && value <= 0xFF3A) || (value >= 0xFF41 && value <= 0xFF5A)
            || value == 0xFF05 || value == 0xFF0E || value == 0xFF0B || value == 0xFF0D {
            return Unicode.Scalar(value - 0xFEE0)!
        }
        if value < 0x4E00 { return scalar }
        if value < 0xA000 { return normalizedHan(scalar) }
        return traditional[scalar] ?? scalar
    }

    /// `normalized` of a scalar of U+4000–U+9FFF (no full-width form among them).
    @inline(__always)
    static func normalizedHan(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        // Most Han characters are not in the table: a bit says so without hashing.
        if value < 0x4E00 || traditionalBits[Int(value - 0x4E00) >> 6] & (1 << (UInt64(value - 0x4E00) & 63)) == 0 { return scalar }
        return traditional[scalar] ?? scalar
    }

    /// One bit per scalar of U+4E00–U+9FFF: set when `traditional` has it.
    static let traditionalBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x4E00) / 64)
        for key in traditional.keys where key.value >= 0x4E00 && key.value < 0xA000 {
            let index = Int(key.value - 0x4E00)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()

    /// Traditional characters that occur in the words the reader knows (amounts, measures,
    /// periods, changes, units): mirror sites publish reports in traditional script.
    static let traditional: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs = "萬万億亿務务費费預预決决數数總总計计與与較较減减無无變变為为個个輛辆經经財财撥拨開开長长實实際际資资產产採采購购員员關关於于業业體体專专項项貨货類类單单醫医療疗當当歸归屬属額额價价優优評评從从內内來来對对進进運运維维護护車车組组團团會会議议結结餘余轉转補补貼贴職职發发動动機机構构層层級级縣县區区鄉乡鎮镇點点劃划問问題题佔占況况說说達达穩稳態态預预決决將将況况這这們们種种備备設设處处門门倉仓庫库衛卫務务養养險险醫医賬账戶户報报銷销費费應应隨随並并勞劳災灾傷伤殘残貧贫標标準准規规範范準准則则書书記记錄录統统籌筹調调節节給给積积極极強强難难補补償偿續续屆届齊齐麼么離离齡龄貸贷險险證证圍围該该項项問问濟济買买賣卖場场權权勵励審审計计監监檢检測测驗验績绩効效別别後后兩两質质據据執执礎础繳缴納纳稅税辦办廳厅圖图聯联網网絡络環环檔档舊旧費费紀纪錢钱幣币貨货營营運运"
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let scalars = Array(pairs.unicodeScalars)
        var i = 0
        while i + 1 < scalars.count {
            table[scalars[i]] = scalars[i + 1]
            i += 2
        }
        return table
    }()
}
