/// The ordinal prefixes of printed rows and glossary entries: `一、`, `（一）`, `(1)`, `1.`, `十九、`.
/// They are optional in the language and ignored when labels are matched.
public enum Ordinal {
    @usableFromInline static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]
    @usableFromInline static let chineseNumeralScalars: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]

    /// `chineseNumerals.contains(c)` without hashing a character (which normalises it): a
    /// character that is one ASCII scalar or one unified ideograph is a numeral exactly when its
    /// scalar is; anything else (a compatibility ideograph such as U+F9B2 for 零) is looked up.
    @inlinable @inline(__always)
    static func isChineseNumeral(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
           first.value < 0x80 || (first.value >= 0x3000 && first.value <= 0x9FFF && !(0x302A...0x302F).contains(first.value)) {
            return chineseNumeralScalars.contains(first)
        }
        return chineseNumerals.contains(c)
    }

    /// Whether a character is a digit of an ordinal: an ASCII digit or a Chinese numeral.
    @inlinable @inline(__always)
    public static func isNumeral(_ c: Character) -> Bool { isChineseNumeral(c) || c.isASCII && c.isNumber }

    /// Whether a scalar can start an ordinal prefix: a bracket, an ASCII digit or a Chinese numeral.
    @inlinable @inline(__always)
    static func mayStartPrefix(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "（" || scalar == "(" || (scalar.value >= 0x30 && scalar.value <= 0x39) || chineseNumeralScalars.contains(scalar)
    }

    /// The UTF-8 length of the ordinal prefix of `text` and the blanks after it (0 when there is none).
    @inlinable
    public static func prefixLength<S: StringProtocol>(of text: S) -> Int {
        // Most labels start with a simple scalar (`SimpleText`) that no prefix starts with: such
        // a first character can equal no bracket, numeral or digit whatever follows it, so the
        // answer comes without making a `Character` (whose comparisons normalise it).
        if let first = text.unicodeScalars.first, SimpleText.isSimple(first), !mayStartPrefix(first) { return 0 }
        // A prefix of simple scalars is read scalar by scalar: each is a character (SimpleText).
        if let length = simplePrefixLength(of: text) { return length }
        // Most labels start with neither a bracket nor a numeral: answer without splitting them.
        guard let head = text.first, head == "（" || head == "(" || isChineseNumeral(head) || head.isASCII && head.isNumber else {
            return 0
        }
        // The characters are read only as far as the prefix goes (a prose line is long).
        var iterator = text.makeIterator()
        var characters: [Character] = []
        func at(_ k: Int) -> Character? {
            while characters.count <= k {
                guard let next = iterator.next() else { return nil }
                characters.append(next)
            }
            return characters[k]
        }
        var i = 0
        if let c = at(i), c == "（" || c == "(" {
            var j = i + 1
            while let c = at(j), isNumeral(c) { j += 1 }
            guard j > i + 1, let close = at(j), close == "）" || close == ")" else { return 0 }
            i = j + 1
            if let c = at(i), "、.．".contains(c) { i += 1 }
        } else {
            var j = i
            while let c = at(j), isNumeral(c) { j += 1 }
            guard j > i, let mark = at(j), "、.．".contains(mark) else { return 0 }
            // `1.5` is a number, not an ordinal.
            if let next = at(j + 1), next.isASCII, next.isNumber { return 0 }
            i = j + 1
        }
        while let c = at(i), c == " " || c == "\u{3000}" || c == "\t" { i += 1 }
        guard at(i) != nil else { return 0 } // an ordinal alone is the whole label
        return characters[..<i].reduce(0) { $0 + $1.utf8.count }
    }

    /// `prefixLength(of:)` read from the scalars without making characters, or nil when a scalar
    /// it reads is not simple (then a character may be more than its scalar, and the characters
    /// are read). Every scalar a prefix is made of is simple.
    @usableFromInline
    static func simplePrefixLength<S: StringProtocol>(of text: S) -> Int? {
        var iterator = text.unicodeScalars.makeIterator()
        var complex = false
        func next() -> Unicode.Scalar? {
            let scalar = iterator.next()
            if let scalar, !SimpleText.isSimple(scalar) { complex = true }
            return scalar
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value &- 0x30 < 10 }
        func isNumeral(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || chineseNumeralScalars.contains(scalar) }
        func isMark(_ scalar: Unicode.Scalar) -> Bool { scalar == "、" || scalar == "." || scalar == "．" }
        var length = 0
        var current = next()
        if complex { return nil }
        if let open = current, open == "（" || open == "(" {
            length += open.utf8.count
            var digits = 0
            current = next()
            while let scalar = current, !complex, isNumeral(scalar) { length += scalar.utf8.count; digits += 1; current = next() }
            if complex { return nil }
            guard digits > 0, let close = current, close == "）" || close == ")" else { return 0 }
            length += close.utf8.count
            current = next()
            if complex { return nil }
            if let mark = current, isMark(mark) {
                length += mark.utf8.count
                current = next()
                if complex { return nil }
            }
        } else {
            var digits = 0
            while let scalar = current, isNumeral(scalar) {
                length += scalar.utf8.count; digits += 1; current = next()
                if complex { return nil }
            }
            guard digits > 0, let mark = current, isMark(mark) else { return 0 }
            length += mark.utf8.count
            current = next()
            if complex { return nil }
            // `1.5` is a number, not an ordinal.
            if let after = current, isDigit(after) { return 0 }
        }
        while let scalar = current, scalar == " " || scalar == "\u{3000}" || scalar == "\t" {
            length += scalar.utf8.count
            current = next()
            if complex { return nil }
        }
        return current == nil ? 0 : length // an ordinal alone is the whole label
    }

    /// The text without its ordinal prefix.
    @inlinable
    public static func strip<S: StringProtocol>(_ text: S) -> Substring {
        let length = prefixLength(of: text)
        let string = Substring(text)
        return string.utf8.count == length ? string : Substring(string.utf8.dropFirst(length))
    }
}
