import Dispatch
import Synchronization

/// The 支出功能分类 and 支出经济分类 catalogues: lookups by code, prefix,
/// parent/child and 类 name. A value type; `merging` and `adding` return
/// new catalogues.
///
/// Codes are compared as strings, so "code order" is the order of the
/// official lists: a 类 is followed by its first 款, then that 款's 项, and so on.
public struct Catalogue: Sendable, Equatable {
    /// Codes of one classification kind, indexed three ways.
    struct Table: Sendable, Equatable {
        /// code → entry
        var byCode: [String: CatalogueEntry] = [:]
        /// All codes, sorted; for prefix queries by binary search.
        var sortedCodes: [String] = []
        /// The indexes by parent and by name, made from the two above on first use: looking codes
        /// up (all a check does) needs neither, and making them was half of building the embedded
        /// catalogue, which every `juesuan lint` waits for (issue 15). Completion asks for them.
        private var derived = DerivedIndexes()

        /// parent code (by code structure, "" for the 类) → child codes, sorted.
        var children: [String: [String]] { derived.indexes(of: self).children }
        /// The normalised name of `sortedCodes[i]`, as UTF-8, for the search by name.
        var sortedNameKeys: [[UInt8]] { derived.indexes(of: self).sortedNameKeys }
        /// Normalised name → how many codes have it (行政运行 has dozens).
        var nameCounts: [[UInt8]: Int] { derived.indexes(of: self).nameCounts }

        init() {}

        init(entries: some Collection<CatalogueEntry>) {
            byCode.reserveCapacity(entries.count)
            var inOrder = true
            var previous: String?
            for entry in entries {
                if let previous, !(previous < entry.code) { inOrder = false }
                previous = entry.code
                byCode[entry.code] = entry
            }
            // The embedded lists are in code order already: no sort needed.
            reindex(sortedCodes: inOrder ? entries.map(\.code) : nil)
        }

        /// After `byCode` changed in bulk: the codes sorted again, the other indexes to be made anew.
        mutating func reindex(sortedCodes known: [String]? = nil) {
            sortedCodes = known ?? byCode.keys.sorted()
            derived = DerivedIndexes()
        }

        static func nameKey(_ name: String) -> [UInt8] { Array(CatalogueName.normalized(name).utf8) }

        /// Inserts or replaces one entry, keeping the indexes current.
        mutating func insert(_ entry: CatalogueEntry) {
            let code = entry.code
            if byCode.updateValue(entry, forKey: code) == nil {
                sortedCodes.insert(code, at: Table.lowerBound(of: code, in: sortedCodes))
            }
            derived = DerivedIndexes()
        }

        static func parentKey(of code: String) -> String {
            code.utf8.count <= 3 ? "" : String(code.dropLast(2))
        }

        /// Index of the first element of `sorted` that is >= `key`.
        static func lowerBound<Codes: RandomAccessCollection<String>>(of key: String, in sorted: Codes) -> Int where Codes.Index == Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) >> 1
                if sorted[mid] < key { low = mid + 1 } else { high = mid }
            }
            return low
        }

        static func == (lhs: Table, rhs: Table) -> Bool { lhs.byCode == rhs.byCode }
    }

    var functional: Table
    var economic: Table
    /// Normalised functional 类 name → 类 code.
    var categoryCodesByName: [String: String]
    /// The last scalar of each key of `categoryCodesByName`.
    var categoryNameEnds: Set<Unicode.Scalar> = []
    /// The first scalar and the number of scalars of each key of `categoryCodesByName`.
    var categoryNameShapes: Set<UInt64> = []

    /// An empty catalogue.
    public init() {
        functional = Table()
        economic = Table()
        categoryCodesByName = [:]
    }

    /// A catalogue holding `entries` (a later entry with the same kind and
    /// code replaces an earlier one).
    public init(entries: some Sequence<CatalogueEntry>) {
        var functionalEntries: [CatalogueEntry] = []
        var economicEntries: [CatalogueEntry] = []
        for entry in entries {
            switch entry.kind {
            case .functional: functionalEntries.append(entry)
            case .economic: economicEntries.append(entry)
            }
        }
        self.init(functional: functionalEntries, economic: economicEntries)
    }

    /// The entries of each kind already apart (the embedded lists).
    init(functional functionalEntries: [CatalogueEntry], economic economicEntries: [CatalogueEntry]) {
        functional = Table(entries: functionalEntries)
        economic = Table(entries: economicEntries)
        categoryCodesByName = [:]
        rebuildCategoryNames()
    }

    /// Parses a user-provided list of one kind (`lint --catalog FILE`).
    ///
    /// Format: UTF-8 text, one code per line, `code<TAB>name[<TAB>level]`,
    /// level being 类, 款 or 项 and agreeing with the code's length (3, 5, 7
    /// digits; the economic classification has no 项). An optional header
    /// line whose first column is `code` (or 编码, 科目编码, 代码, 科目代码)
    /// is skipped, as are blank lines and lines starting with `#`. Columns
    /// are trimmed of surrounding blanks. Line ends may be LF or CRLF.
    ///
    /// - Throws: `CatalogueParseError` listing every bad line by number.
    public init(tsv: String, kind: ClassificationKind, origin: CatalogueEntry.Origin = .official) throws {
        let entries = try CatalogueTSV.parse(tsv, kind: kind, origin: origin)
        self.init(entries: entries)
    }

    /// The catalogue built into Juesuan (both kinds), from data/*.tsv.
    /// Built on first use, from the generated text by `embeddedEntries` (the generator has
    /// validated it; `EmbeddedCatalogueTests` checks that the validating parser reads the same).
    /// `juesuan lint` and the server start it on another thread at launch (`warmUp`).
    public static let embedded: Catalogue = {
        var functional = embeddedEntries(EmbeddedCatalogue.functionalTSV, kind: .functional)
        var economic = embeddedEntries(EmbeddedCatalogue.economicTSV, kind: .economic)
        // The hundred-odd verified codes carry their evidence: each is found by binary search in
        // its list (in code order), not every entry looked up in a dictionary of them.
        for verified in verifiedEvidence(EmbeddedCatalogue.verifiedTSV) {
            func attach(_ entries: inout [CatalogueEntry]) {
                let index = Table.lowerBound(of: verified.code, in: entries.lazy.map(\.code))
                if index < entries.count, entries[index].code == verified.code { entries[index].evidence = verified.evidence }
            }
            switch verified.kind {
            case .functional: attach(&functional)
            case .economic: attach(&economic)
            }
        }
        return Catalogue(functional: functional, economic: economic)
    }()

    /// The entries of a generated `code<TAB>name<TAB>level` text (header first, LF line ends,
    /// valid by construction): read as bytes, a third of the time of `CatalogueTSV.parse`.
    static func embeddedEntries(_ tsv: String, kind: ClassificationKind) -> [CatalogueEntry] {
        var entries: [CatalogueEntry] = []
        entries.reserveCapacity(1_800)
        forEachGeneratedLine(tsv) { fields in
            guard fields.count >= 2, let level = CatalogueLevel(codeLength: fields[0].count) else { return }
            entries.append(CatalogueEntry(code: text(fields[0]), name: text(fields[1]), level: level, kind: kind, origin: .embedded))
        }
        return entries
    }

    /// The evidence of each verified code, from `kind<TAB>code<TAB>name<TAB>evidence` lines
    /// (header skipped), read as bytes. The generator has checked that each code is in its
    /// catalogue with this name.
    static func verifiedEvidence(_ tsv: String) -> [(kind: ClassificationKind, code: String, evidence: String)] {
        var result: [(kind: ClassificationKind, code: String, evidence: String)] = []
        forEachGeneratedLine(tsv) { fields in
            guard fields.count == 4, let kind = ClassificationKind(rawValue: text(fields[0])) else { return }
            result.append((kind, text(fields[1]), text(fields[3])))
        }
        return result
    }

    /// Calls `body` with the tab-separated fields of each line of a generated text (LF line ends)
    /// after its header line.
    private static func forEachGeneratedLine(_ tsv: String, _ body: ([UnsafeBufferPointer<UInt8>]) -> Void) {
        var tsv = tsv
        tsv.withUTF8 { bytes in
            var fields: [UnsafeBufferPointer<UInt8>] = []
            var lineStart = 0
            var first = true
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                if first { first = false; continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for k in lineStart...lineEnd where k == lineEnd || bytes[k] == 0x09 {
                    fields.append(UnsafeBufferPointer(rebasing: bytes[fieldStart..<k]))
                    fieldStart = k + 1
                }
                body(fields)
            }
        }
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Combining

    /// This catalogue with the entries of `other` added; where both have the
    /// same kind and code, `other`'s entry wins.
    public func merging(_ other: Catalogue) -> Catalogue {
        var result = self
        for kind in ClassificationKind.allCases {
            let incoming = other.table(kind)
            if incoming.byCode.isEmpty { continue }
            result.modifyTable(kind) { table in
                if incoming.byCode.count <= 16 {
                    for code in incoming.sortedCodes { table.insert(incoming.byCode[code]!) }
                } else {
                    table.byCode.merge(incoming.byCode) { _, new in new }
                    table.reindex()
                }
            }
        }
        result.rebuildCategoryNames()
        return result
    }

    /// This catalogue with one more code, e.g. one declared locally in a
    /// report (origin `.local`). The level follows from the code's length.
    /// An existing entry with the same kind and code is replaced.
    /// A code that is not 3, 5 or 7 ASCII digits (3 or 5 for the economic
    /// classification) is not added: the catalogue is returned unchanged.
    public func adding(code: String, name: String, kind: ClassificationKind,
                       origin: CatalogueEntry.Origin = .local) -> Catalogue {
        var result = self
        result.add(code: code, name: name, kind: kind, origin: origin)
        return result
    }

    /// Adds one code in place, as `adding` does. A report's local codes are added one after the
    /// other with this: with `adding`, each code copied the whole table again (the old value was
    /// still held while the new one was made), a copy of thousands of entries for each `科目` line.
    public mutating func add(code: String, name: String, kind: ClassificationKind,
                             origin: CatalogueEntry.Origin = .local) {
        guard let level = CatalogueLevel(code: code), kind.levels.contains(level) else { return }
        let entry = CatalogueEntry(code: code, name: name, level: level, kind: kind, origin: origin)
        modifyTable(kind) { $0.insert(entry) }
        if kind == .functional && level == .category {
            rebuildCategoryNames()
        }
    }

    // MARK: Lookups

    /// The entry for `code`, if the catalogue has it. O(1).
    public func entry(code: String, kind: ClassificationKind) -> CatalogueEntry? {
        table(kind).byCode[code]
    }

    /// Whether the catalogue has `code`. O(1).
    public func contains(code: String, kind: ClassificationKind) -> Bool {
        table(kind).byCode[code] != nil
    }

    /// Number of codes of `kind`.
    public func count(kind: ClassificationKind) -> Int {
        table(kind).byCode.count
    }

    /// Direct children of `code` in code order: the 款 of a 类, the 项 of a
    /// 款; for `""`, all 类. Children are found by code structure, so they are
    /// returned even if `code` itself is not in the catalogue.
    public func children(of code: String, kind: ClassificationKind) -> [CatalogueEntry] {
        let table = table(kind)
        guard let codes = table.children[code] else { return [] }
        return codes.map { table.byCode[$0]! }
    }

    /// All entries whose code starts with `prefix`, in code order
    /// (`""` gives every entry of `kind`). O(log n + k).
    public func entries(withPrefix prefix: String, kind: ClassificationKind) -> [CatalogueEntry] {
        let table = table(kind)
        let codes = table.sortedCodes
        var index = Table.lowerBound(of: prefix, in: codes)
        var result: [CatalogueEntry] = []
        while index < codes.count, codes[index].hasPrefix(prefix) {
            result.append(table.byCode[codes[index]]!)
            index += 1
        }
        return result
    }

    /// One result of `entries(nameContaining:kind:codePrefix:)`.
    public struct NameMatch: Sendable, Hashable {
        /// How the query matches the name, best first.
        public enum Quality: Int, Sendable, Hashable, Comparable {
            /// The query is the whole name.
            case whole = 0
            /// The name starts with the query.
            case prefix = 1
            /// The query is inside the name.
            case inside = 2

            public static func < (lhs: Quality, rhs: Quality) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        public var entry: CatalogueEntry
        public var quality: Quality
        /// How many codes of the kind have this same name (1: the name alone identifies it).
        public var homonyms: Int
    }

    /// The entries of `kind` whose names contain `query` (both compared after
    /// `CatalogueName.normalized(_:)`), restricted to codes starting with `codePrefix`.
    /// Ranked: whole name, then name prefix, then inside; within each, the shorter code
    /// (a 款 before a 项), then the shorter name, then code order. O(n) in the codes under
    /// `codePrefix`, on bytes; an empty query matches nothing.
    public func entries(nameContaining query: String, kind: ClassificationKind, codePrefix: String = "") -> [NameMatch] {
        let needle = Table.nameKey(query)
        guard !needle.isEmpty else { return [] }
        let table = table(kind)
        let codes = table.sortedCodes
        let nameKeys = table.sortedNameKeys
        var index = Table.lowerBound(of: codePrefix, in: codes)
        var found: [(index: Int, quality: NameMatch.Quality)] = []
        while index < codes.count, codes[index].hasPrefix(codePrefix) {
            let key = nameKeys[index]
            if let at = Catalogue.firstIndex(of: needle, in: key) {
                let quality: NameMatch.Quality = at > 0 ? .inside : key.count == needle.count ? .whole : .prefix
                found.append((index, quality))
            }
            index += 1
        }
        found.sort { a, b in
            if a.quality != b.quality { return a.quality < b.quality }
            let ca = codes[a.index].utf8.count, cb = codes[b.index].utf8.count
            if ca != cb { return ca < cb }
            let na = nameKeys[a.index].count, nb = nameKeys[b.index].count
            if na != nb { return na < nb }
            return a.index < b.index
        }
        let nameCounts = table.nameCounts
        return found.map { match in
            let key = nameKeys[match.index]
            return NameMatch(entry: table.byCode[codes[match.index]]!, quality: match.quality, homonyms: nameCounts[key] ?? 1)
        }
    }

    /// Offset of the first occurrence of `needle` in `haystack` (UTF-8 of whole scalars, so a
    /// match always starts on a scalar boundary).
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        let n = needle.count, h = haystack.count
        guard n <= h else { return nil }
        let first = needle[0]
        var i = 0
        while i <= h - n {
            if haystack[i] == first {
                var j = 1
                while j < n && haystack[i + j] == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// How many codes of `kind` have `name` (after normalisation).
    public func count(ofName name: String, kind: ClassificationKind) -> Int {
        table(kind).nameCounts[Table.nameKey(name)] ?? 0
    }

    /// The chain 类 › 款 › 项 ending at `code`: the entries for the code's
    /// 3-, 5- and 7-digit prefixes (up to its own length) that the catalogue
    /// has. The last element is `code`'s own entry when it is known.
    /// Empty if `code` is not 3, 5 or 7 digits.
    public func path(of code: String, kind: ClassificationKind) -> [CatalogueEntry] {
        guard let level = CatalogueLevel(code: code) else { return [] }
        let table = table(kind)
        var result: [CatalogueEntry] = []
        for length in stride(from: 3, through: level.rawValue, by: 2) {
            if let entry = table.byCode[String(code.prefix(length))] { result.append(entry) }
        }
        return result
    }

    /// The functional 类 code for a 类 name, e.g. "社会保障和就业支出" → "208".
    /// Names are compared after `CatalogueName.normalized(_:)` (parentheses,
    /// quotes, blanks).
    ///
    /// With `allowingShortForm`, a name that does not match is retried without
    /// a trailing "(类)" and with "支出" appended, so that the short forms of
    /// narrative text, 「卫生健康（类）」 or 「社会保障和就业」, are found too.
    public func categoryCode(forName name: String, allowingShortForm: Bool = false) -> String? {
        var key = CatalogueName.normalized(name)
        if let code = categoryCodesByName[key] { return code }
        guard allowingShortForm else { return nil }
        if key.hasSuffix("(类)") {
            key.removeLast(3)
            if let code = categoryCodesByName[key] { return code }
        }
        return categoryCodesByName[key + "支出"]
    }

    /// The name of the functional 类 that `code` belongs to (its first three
    /// digits), e.g. "210" or "2101101" → "卫生健康支出".
    public func categoryName(forCode code: String) -> String? {
        guard code.utf8.count >= 3 else { return nil }
        return functional.byCode[String(code.prefix(3))]?.name
    }

    // MARK: Internals

    func table(_ kind: ClassificationKind) -> Table {
        switch kind {
        case .functional: return functional
        case .economic: return economic
        }
    }

    mutating func modifyTable(_ kind: ClassificationKind, _ body: (inout Table) -> Void) {
        switch kind {
        case .functional: body(&functional)
        case .economic: body(&economic)
        }
    }

    mutating func rebuildCategoryNames() {
        var map: [String: String] = [:]
        // The 类: the codes of three digits (without making the index by parent).
        for code in functional.sortedCodes where code.utf8.count == 3 {
            guard let entry = functional.byCode[code], entry.level == .category else { continue }
            map[CatalogueName.normalized(entry.name)] = code
        }
        categoryCodesByName = map
        categoryNameEnds = Set(map.keys.compactMap { $0.unicodeScalars.last })
        categoryNameShapes = Set(map.keys.compactMap { key in key.unicodeScalars.first.map { Self.shape($0, key.unicodeScalars.count) } })
    }

    static func shape(_ first: Unicode.Scalar, _ count: Int) -> UInt64 { UInt64(first.value) << 32 | UInt64(UInt32(truncatingIfNeeded: count)) }

    /// Whether some 类 name, normalised, starts with `first` and is `count` scalars long: a name
    /// already in normal form (`CatalogueName.isNormalized`) of another shape is no 类's, and
    /// `categoryCode(forName:)` (without short forms) need not make and hash it.
    public func mayBeCategoryName(startingWith first: Unicode.Scalar, count: Int) -> Bool {
        categoryNameShapes.contains(Self.shape(first, count))
    }

    /// Whether some 类 name, normalised, ends with `scalar`: `categoryCode(forName:)` (without
    /// short forms) finds nothing for a name whose normalised form ends otherwise.
    public func mayEndCategoryName(_ scalar: Unicode.Scalar) -> Bool {
        categoryNameEnds.contains(scalar)
    }

    public static func == (lhs: Catalogue, rhs: Catalogue) -> Bool {
        lhs.functional == rhs.functional && lhs.economic == rhs.economic
    }
}

/// The indexes of a `Catalogue.Table` by parent and by name, made once, on first use, by whichever
/// thread asks first (the embedded catalogue is shared by every thread). A table that changes
/// gets a new, empty box, so a box always describes the codes it was made from.
final class DerivedIndexes: Sendable {
    struct Indexes {
        var children: [String: [String]] = [:]
        var sortedNameKeys: [[UInt8]] = []
        var nameCounts: [[UInt8]: Int] = [:]
    }

    private let made = Mutex<Indexes?>(nil)

    func indexes(of table: Catalogue.Table) -> Indexes {
        made.withLock { made in
            if let made { return made }
            let indexes = DerivedIndexes.make(table)
            made = indexes
            return indexes
        }
    }

    private static func make(_ table: Catalogue.Table) -> Indexes {
        var indexes = Indexes()
        indexes.sortedNameKeys.reserveCapacity(table.sortedCodes.count)
        for code in table.sortedCodes {
            indexes.children[Catalogue.Table.parentKey(of: code), default: []].append(code)
            let key = Catalogue.Table.nameKey(table.byCode[code]!.name)
            indexes.sortedNameKeys.append(key)
            indexes.nameCounts[key, default: 0] += 1
        }
        return indexes
    }
}
