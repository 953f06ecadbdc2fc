import JuesuanCatalogue
import JuesuanSyntax

/// A glossary definition and where it comes from.
public struct GlossaryEntry: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// The document's own `名词解释`, at this line (0-based) and term range.
        case document(line: Int, range: SourceRange)
        /// The built-in standard glossary.
        case standard
    }

    public var term: String
    public var definition: String
    public var origin: Origin
}

/// The terms a document can hover and complete: its own `名词解释` over the standard glossary.
/// Terms are matched after `CatalogueName.normalized` (full-width brackets, quotes, blanks).
public struct GlossaryIndex: Sendable {
    /// Canonical key → entry; a document entry replaces the standard one with the same key.
    public private(set) var entries: [String: GlossaryEntry] = [:]
    /// Every spelling as UTF-8 bytes with its canonical key, longest first.
    private var spellings: [(bytes: [UInt8], key: String)] = []

    public init(syntax: SyntaxTree) {
        var canonical: [String: String] = [:]
        var spellingSet: [String: String] = [:]
        for term in StandardGlossary.terms {
            let key = CatalogueName.normalized(term.term)
            entries[key] = GlossaryEntry(term: term.term, definition: term.definition, origin: .standard)
            for spelling in term.spellings {
                canonical[CatalogueName.normalized(spelling)] = key
                spellingSet[spelling] = key
            }
        }
        var definedHere: Set<String> = []
        for glossary in syntax.glossaries {
            for entry in glossary.entries {
                let normalized = CatalogueName.normalized(entry.term.text)
                guard !normalized.isEmpty else { continue }
                let key = canonical[normalized] ?? normalized
                // The first definition wins, as G701 tells the reader.
                guard definedHere.insert(key).inserted else { continue }
                entries[key] = GlossaryEntry(term: entry.term.text, definition: entry.definition,
                                             origin: .document(line: entry.line, range: entry.term.range))
                spellingSet[entry.term.text] = key
            }
        }
        spellings = spellingSet.map { (Array($0.key.utf8), $0.value) }
            .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }

    /// Every entry, in term order.
    public var allEntries: [GlossaryEntry] { entries.values.sorted { $0.term < $1.term } }

    /// The entry for a term as written (any spelling).
    public func entry(for term: String) -> GlossaryEntry? {
        let normalized = CatalogueName.normalized(term)
        if let entry = entries[normalized] { return entry }
        for (bytes, key) in spellings where CatalogueName.normalized(String(decoding: bytes, as: UTF8.self)) == normalized {
            return entries[key]
        }
        return nil
    }

    /// The longest term occurrence in `range` (a line) that covers `offset`.
    public func term(at offset: Int, in source: SourceText, within range: SourceRange) -> (GlossaryEntry, SourceRange)? {
        let bytes = source.bytes
        for (spelling, key) in spellings {
            let length = spelling.count
            guard length > 0, length <= range.length else { continue }
            // Occurrences that could cover the offset start in [offset - length + 1, offset].
            let lowest = max(range.start, offset - length + 1)
            let highest = min(offset, range.end - length)
            guard lowest <= highest else { continue }
            var start = lowest
            while start <= highest {
                var matches = true
                for k in 0..<length where bytes[start + k] != spelling[k] { matches = false; break }
                if matches, let entry = entries[key] {
                    return (entry, SourceRange(start: start, end: start + length))
                }
                start += 1
            }
        }
        return nil
    }
}
