#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Text on which comparing UTF-8 bytes gives the same answers as comparing characters
/// (issue 15): every scalar is a character of its own (no combining marks, joiners, variation
/// selectors, prepended signs or CR) and its own canonical form (no compatibility ideograph such as
/// U+F98E for 年, no singleton such as U+2126 for Ω). Real report prose — Han characters,
/// ASCII, CJK and full-width punctuation — is simple; other text keeps the character-level
/// comparisons of the standard library, so no answer changes.
///
/// On simple strings `hasSuffix`, `hasPrefix`, `contains` and the search for the last
/// occurrence walk bytes instead of grapheme clusters: the prose reader asks these questions
/// dozens of times per figure.
public enum SimpleText {
    /// Whether `scalar` is a character of its own that no other scalar is canonically equivalent to.
    @inline(__always)
    public static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Control characters are characters of their own (grapheme rules GB4/GB5) and their own
        // canonical form, as random bytes in a file read: all but CR, which joins a following LF.
        if v < 0x80 { return v != 0x0D }
        if v < 0x2010 { return v <= 0xFF }
        // U+FFFD: what an invalid byte of a file reads as. U+2212 − and U+2264/2265 ≤ ≥: in the
        // indicators of performance tables. None decomposes, and no simple scalar decomposes to them.
        if v >= 0x3400 { return v <= 0x9FFF || (v >= 0xFF01 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || v == 0xFFFD }
        return v <= 0x2027 || (v >= 0x2030 && v <= 0x205E) || (v >= 0x2E80 && v <= 0x2FDF)
            || (v >= 0x3000 && v <= 0x3029) || (v >= 0x3030 && v <= 0x303F) || v == 0x2212 || v == 0x2264 || v == 0x2265
    }

    /// Whether every scalar of `text` is simple.
    @inlinable
    public static func isSimple<S: StringProtocol>(_ text: S) -> Bool {
        // On contiguous UTF-8 the scalars are decoded from the bytes (issue 15: asked of every
        // sentence a figure is looked up with); the same scalars, the same answer.
        if let answer = text.utf8.withContiguousStorageIfAvailable({ isSimpleUTF8($0) }) { return answer }
        return text.unicodeScalars.allSatisfy(isSimple)
    }

    /// Whether every scalar of UTF-8 `bytes` is simple (invalid bytes are not).
    @inlinable
    public static func isSimpleUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        let end = bytes.count
        while k < end {
            // The two kinds of byte report text is made of, without decoding a scalar: ASCII
            // (simple but CR), and a lead byte E4–E9 with its two continuation bytes, which is a
            // Han ideograph U+4000–U+9FFF (simple). Eight ASCII bytes or two ideographs at a time
            // where they are (issue 15).
            if UTF8Scalars.twoThreeByteSequences(bytes, at: k, end: end, leads: UTF8Scalars.hanLeadNibbles) {
                k += 6
                continue
            }
            if UTF8Scalars.eightASCIIBytes(bytes, at: k, end: end),
               !UTF8Scalars.asciiWord(UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self), contains: 0x0D) {
                k += 8
                continue
            }
            let lead = bytes[k]
            if lead < 0x80 {
                if lead == 0x0D { return false }
                k += 1
                continue
            }
            if lead &- 0xE4 < 6, UTF8Scalars.twoContinuationBytes(bytes, after: k) {
                k += 3
                continue
            }
            // Another three-byte sequence whose lead takes any continuation bytes (CJK and
            // full-width punctuation, E3 and EF): decoded without the general decoder's checks.
            if lead &- 0xE1 < 12 || lead &- 0xEE < 2, UTF8Scalars.twoContinuationBytes(bytes, after: k) {
                guard isSimple(UTF8Scalars.threeByteScalar(bytes, at: k)) else { return false }
                k += 3
                continue
            }
            guard let (scalar, width) = UTF8Scalars.scalar(in: bytes, at: k, end: end), isSimple(scalar) else { return false }
            k += width
        }
        return true
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes of `self` end with those of `suffix`.
    @inlinable
    public func utf8HasSuffix<T: StringProtocol>(_ suffix: T) -> Bool {
        // On contiguous bytes (every native string and substring): one bounded comparison
        // instead of walking two UTF-8 views (issue 15: asked dozens of times per prose figure).
        if let answer = utf8.withContiguousStorageIfAvailable({ a in
            suffix.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let n = b.count
                guard n <= a.count else { return false }
                let offset = a.count - n
                var k = 0
                while k < n, a[offset + k] == b[k] { k += 1 }
                return k == n
            }
        }), let answer { return answer }
        let a = utf8, b = suffix.utf8
        let n = b.count
        guard n <= a.count else { return false }
        return a[a.index(a.endIndex, offsetBy: -n)...].elementsEqual(b)
    }

    /// Whether the UTF-8 bytes of `self` start with those of `prefix`.
    @inlinable
    public func utf8HasPrefix<T: StringProtocol>(_ prefix: T) -> Bool {
        if let answer = utf8.withContiguousStorageIfAvailable({ a in
            prefix.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let n = b.count
                guard n <= a.count else { return false }
                var k = 0
                while k < n, a[k] == b[k] { k += 1 }
                return k == n
            }
        }), let answer { return answer }
        let a = utf8, b = prefix.utf8
        guard b.count <= a.count else { return false }
        return a.starts(with: b)
    }

    /// The byte offset of the last occurrence of `text`'s bytes in `self`'s, or nil.
    @inlinable
    public func utf8LastOffset(of text: String) -> Int? {
        var found: Int?
        withBytes { a in
            text.withBytes { b in
                guard !b.isEmpty, b.count <= a.count else { return }
                var start = a.count - b.count
                let first = b[0]
                while start >= 0 {
                    if a[start] == first {
                        var k = 1
                        while k < b.count, a[start + k] == b[k] { k += 1 }
                        if k == b.count { found = start; return }
                    }
                    start -= 1
                }
            }
        }
        return found
    }

    /// Whether `text`'s bytes occur in `self`'s.
    @inlinable
    public func utf8Contains(_ text: String) -> Bool { utf8FirstOffset(of: text) != nil }

    /// The byte offset of the first occurrence of `text`'s bytes in `self`'s (0 for an empty `text`), or nil.
    @inlinable
    public func utf8FirstOffset(of text: String) -> Int? {
        var found: Int?
        withBytes { a in
            text.withBytes { b in
                guard b.count <= a.count else { return }
                guard !b.isEmpty else { found = 0; return }
                // The needle's last byte (of a Chinese word, a continuation byte: one of 64) is
                // looked for with the C library's vectorised `memchr`, and each place it stands is
                // compared whole: not a comparison a byte (asked of every figure's sentence and
                // label, issue 15).
                let base = UnsafeRawPointer(a.baseAddress!)
                let lastByte = Int32(b[b.count - 1])
                var end = b.count - 1 // where the needle's last byte may stand, onwards
                while end < a.count {
                    guard let hit = memchr(base + end, lastByte, a.count - end) else { return }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    let start = at - (b.count - 1)
                    if memcmp(base + start, b.baseAddress!, b.count) == 0 { found = start; return }
                    end = at + 1
                }
            }
        }
        return found
    }

    /// `self` with every occurrence of `target` replaced by `replacement`, left to right, as the
    /// standard library's character-level `replacing` does: by bytes on simple text (asked of
    /// labels and sentences of every figure, issue 15: Foundation's `replacingOccurrences` bridged
    /// each), by characters on any other.
    public func utf8Replacing(_ target: String, with replacement: String) -> String {
        guard SimpleText.isSimple(target), SimpleText.isSimple(self) else { return String(self).replacing(target, with: replacement) }
        guard !target.isEmpty, var at = utf8FirstOffset(of: target) else { return String(self) }
        var result: [UInt8] = []
        withBytes { a in
            target.withBytes { b in
                result.reserveCapacity(a.count + replacement.utf8.count)
                var copied = 0
                while true {
                    result.append(contentsOf: a[copied..<at])
                    result.append(contentsOf: replacement.utf8)
                    copied = at + b.count
                    // The next occurrence at or after `copied`.
                    var next: Int?
                    var start = copied
                    while start + b.count <= a.count {
                        if a[start] == b[0], memcmp(a.baseAddress! + start, b.baseAddress!, b.count) == 0 { next = start; break }
                        start += 1
                    }
                    guard let found = next else { break }
                    at = found
                }
                result.append(contentsOf: a[copied...])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of `self`, contiguous (copied only for bridged strings).
    @inlinable
    func withBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if utf8.withContiguousStorageIfAvailable(body) == nil {
            Array(utf8).withUnsafeBufferPointer(body)
        }
    }
}

// Answers equal to the standard library's (character semantics) for any text, from bytes when
// `simple` says both sides are simple text (`SimpleText`). Each falls back on the very
// overload the callers used before (`String.hasSuffix(String)` has a fast path of its own).
// `simple` is usually said of a whole paragraph: when it is not simple (one odd scalar
// anywhere), the two strings at hand often still are, and are then compared as bytes too —
// the standard library's `hasSuffix` costs over a thousand instructions a call (issue 15).

extension StringProtocol {
    /// Whether bytes may stand for characters in comparing `self` with `word`: `simple` (said
    /// by the caller), or both simple text.
    @inlinable
    func comparesAsBytes(with word: String, simple: Bool) -> Bool {
        simple || (SimpleText.isSimple(word) && SimpleText.isSimple(self))
    }
}

extension String {
    /// `hasSuffix`, from bytes when `simple`.
    @inlinable
    public func hasSuffix(_ suffix: String, simple: Bool) -> Bool {
        comparesAsBytes(with: suffix, simple: simple) ? utf8HasSuffix(suffix) : hasSuffix(suffix)
    }

    /// `hasPrefix`, from bytes when `simple`.
    @inlinable
    public func hasPrefix(_ prefix: String, simple: Bool) -> Bool {
        comparesAsBytes(with: prefix, simple: simple) ? utf8HasPrefix(prefix) : hasPrefix(prefix)
    }

    /// `contains` (the overload callers used before: Foundation's), from bytes when `simple`.
    public func contains(_ text: String, simple: Bool) -> Bool {
        simple ? utf8Contains(text) : contains(text)
    }

    /// `contains` as the checks called it (Foundation's), from bytes when both strings are simple
    /// text, where the two agree: Foundation's costs ~15,000 instructions a call, and the prose
    /// checks ask it of every figure's sentence (issue 15).
    public func containsText(_ text: String) -> Bool { containsText(text, isSimple: nil) }

    /// `containsText`, with whether `self` is simple text already known (`SearchedText`).
    @usableFromInline
    func containsText(_ text: String, isSimple: Bool?) -> Bool {
        if !text.isEmpty, SimpleText.isSimple(text), isSimple ?? SimpleText.isSimple(self) { return utf8Contains(text) }
        return contains(text)
    }

    /// The range of the first occurrence of `text` (character by character, no Foundation).
    public func range(ofText text: String) -> Range<String.Index>? { range(ofText: text, isSimple: nil) }

    /// `range(ofText:)`, with whether `self` is simple text already known (`SearchedText`).
    @usableFromInline
    func range(ofText text: String, isSimple: Bool?) -> Range<String.Index>? {
        guard let first = text.first else { return nil }
        if SimpleText.isSimple(text), isSimple ?? SimpleText.isSimple(self) {
            guard let offset = utf8FirstOffset(of: text) else { return nil }
            let lower = utf8.index(startIndex, offsetBy: offset)
            return lower..<utf8.index(lower, offsetBy: text.utf8.count)
        }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].hasPrefix(text) { return found..<self.index(found, offsetBy: text.count) }
            index = self.index(after: found)
        }
        return nil
    }
}

extension Substring {
    /// `hasSuffix`, from bytes when `simple`.
    @inlinable
    public func hasSuffix(_ suffix: String, simple: Bool) -> Bool {
        comparesAsBytes(with: suffix, simple: simple) ? utf8HasSuffix(suffix) : hasSuffix(suffix)
    }

    /// `hasPrefix`, from bytes when `simple`.
    @inlinable
    public func hasPrefix(_ prefix: String, simple: Bool) -> Bool {
        comparesAsBytes(with: prefix, simple: simple) ? utf8HasPrefix(prefix) : hasPrefix(prefix)
    }
}

// Keywords (block and header keywords, the keys and fields of a performance block) are simple
// text, so a word equals one exactly when their bytes are equal — unless the word itself is not
// simple (a compatibility ideograph, a combining mark), which can be the same text in other
// bytes: such a word keeps the standard library's comparison. `String ==` between different
// Chinese words took hundreds of instructions each (normalising both), the largest cost of
// parsing a performance block (issue 15).

extension StringProtocol {
    /// `self == keyword` for a `keyword` that is simple text, from bytes.
    @inlinable
    public func equals(keyword: String) -> Bool {
        if utf8.count == keyword.utf8.count, utf8HasPrefix(keyword) { return true }
        // Not the keyword's bytes: only a word that is not simple may still equal it.
        return SimpleText.isSimple(self) ? false : String(self) == keyword
    }
}

extension Array where Element == String {
    /// The index of the first keyword (simple text each) equal to `word`, nil when none.
    @inlinable
    public func firstIndex(ofKeyword word: some StringProtocol) -> Int? {
        let length = word.utf8.count
        if let index = firstIndex(where: { $0.utf8.count == length && word.utf8HasPrefix($0) }) { return index }
        // Not one keyword's bytes: only a word that is not simple may still equal one.
        return SimpleText.isSimple(word) ? nil : firstIndex(of: String(word))
    }

    /// Whether `word` is one of these keywords (simple text each).
    @inlinable
    public func contains(keyword word: some StringProtocol) -> Bool { firstIndex(ofKeyword: word) != nil }
}

/// Text that is not simple, split into characters once for many searches (the comparison
/// markers of a sentence). Each character is keyed by its scalar when it is one simple scalar:
/// two such characters are equal exactly when their scalars are (simple scalars are their own
/// canonical forms), and only other characters are compared by `==`, which normalises.
public struct CharacterSearch {
    let characters: [Character]
    let keys: [Int32]

    public init<S: StringProtocol>(_ text: S) {
        characters = Array(text)
        keys = characters.map(Self.key)
    }

    /// The scalar's value of a character that is one simple scalar, otherwise -1.
    @inline(__always)
    static func key(_ character: Character) -> Int32 {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex, SimpleText.isSimple(first) else {
            return -1
        }
        return Int32(bitPattern: first.value)
    }

    /// A word to search for, keyed once.
    public struct Word: Sendable {
        let characters: [Character]
        let keys: [Int32]
        public init(_ word: String) {
            characters = Array(word)
            keys = characters.map(CharacterSearch.key)
        }
    }

    /// The character offset of the last occurrence of `word`, compared character by character.
    public func lastOffset(of word: Word) -> Int? {
        let n = word.keys.count
        guard n > 0, n <= keys.count else { return nil }
        var start = keys.count - n
        while start >= 0 {
            var k = 0
            while k < n {
                let a = keys[start + k], b = word.keys[k]
                if a >= 0 && b >= 0 ? a != b : characters[start + k] != word.characters[k] { break }
                k += 1
            }
            if k == n { return start }
            start -= 1
        }
        return nil
    }
}

/// A text many words are looked for in (a claim's label or sentence, asked for a dozen words by
/// a check): whether it is simple text is found once, not again for each word (issue 15: the
/// test of the whole text was most of each `containsText`). Same answers as `containsText` and
/// `range(ofText:)` on the text.
public struct SearchedText {
    public let text: String
    @usableFromInline let isSimple: Bool

    public init(_ text: String) {
        self.text = text
        isSimple = SimpleText.isSimple(text)
    }

    @inlinable
    public func contains(_ word: String) -> Bool { text.containsText(word, isSimple: isSimple) }

    @inlinable
    public func range(of word: String) -> Range<String.Index>? { text.range(ofText: word, isSimple: isSimple) }
}
