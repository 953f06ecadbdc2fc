import JuesuanCatalogue

/// A functional item named by its levels, as the template's 具体情况 names each line:
/// `教育支出（类）普通教育（款）小学教育（项）`. The names are looked up level by level (the 款
/// among its 类's, the 项 among its 款's), so a 项 name shared by many 款 (行政运行) is found
/// under the right one.
public enum ItemChain {
    /// The level markers, as written with either kind of bracket.
    static let markers: [(text: [Unicode.Scalar], level: Int)] = [
        (Array("（类）".unicodeScalars), 1), (Array("(类)".unicodeScalars), 1),
        (Array("（款）".unicodeScalars), 2), (Array("(款)".unicodeScalars), 2),
        (Array("（项）".unicodeScalars), 3), (Array("(项)".unicodeScalars), 3),
    ]

    /// The words of the levels, in order: `（类）` is level 1.
    static let levelWords = ["类", "款", "项"]

    /// Whether `level` followed by `close` ends a level marker (`类）`, `项)`): the cheap test
    /// before a chain is read (项目支出 holds 项 but no marker).
    @inline(__always)
    static func endsMarker(_ level: Unicode.Scalar, _ close: Unicode.Scalar) -> Bool {
        (close == "）" || close == ")") && (level == "类" || level == "款" || level == "项")
    }

    /// Whether `text` holds a level marker at all (most labels do not).
    public static func mayHoldChain(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if endsMarker(previous, scalar) { return true }
            previous = scalar
        }
        return false
    }

    /// Whether `scalars[range]` holds a level marker.
    static func mayHoldChain(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> Bool {
        range.count >= 2 && (range.lowerBound..<(range.upperBound - 1)).contains { endsMarker(scalars[$0], scalars[$0 + 1]) }
    }

    /// The item the last chain in `text` names: a known quantity with its code when every level
    /// written is found in the catalogue, from the 类 down; an unknown one named by the words
    /// otherwise (it is still what the figures after it are about, so nothing else is guessed
    /// for them). Nil when `text` names no level.
    public static func quantity(in text: String, catalogue: Catalogue = .embedded) -> Quantity? {
        quantity(of: levels(in: text), catalogue: catalogue)
    }

    /// The item `levels` (as `levels(in:)` reads them) name; nil when there are none.
    static func quantity(of levels: [(level: Int, name: String)], catalogue: Catalogue = .embedded) -> Quantity? {
        guard let deepest = levels.last else { return nil }
        guard let code = code(of: levels, catalogue: catalogue) else { return Quantity(name: words(of: levels), isKnown: false) }
        if code.utf8.count == 3, let name = catalogue.categoryName(forCode: code) {
            // A 类 alone is named as prose names it without the marker (its rows are found by name).
            return Quantity(name: name, isKnown: true)
        }
        let name = catalogue.entry(code: code, kind: .functional)?.name ?? deepest.name
        return Quantity(name: "\(name)（\(levelWords[deepest.level - 1])）", isKnown: true, code: code)
    }

    /// The chain as written: `文化和旅游（款）行政运行（项）`.
    static func words(of levels: [(level: Int, name: String)]) -> String {
        levels.map { "\($0.name)（\(levelWords[$0.level - 1])）" }.joined()
    }

    /// The levels of the last chain in `text`, each with its name, from the highest written
    /// (empty when `text` names no level).
    static func levels(in text: String) -> [(level: Int, name: String)] {
        guard mayHoldChain(text) else { return [] }
        let scalars = Array(text.unicodeScalars)
        // The levels written, each with its name. A level right after another (blanks aside)
        // is named by all the words between them: 款 and 项 names may hold brackets, 、 and
        // quotes (`政府办公厅（室）及相关机构事务`). The first level is named by the words back to
        // a mark that no 类 name holds.
        var levels: [(level: Int, name: String)] = []
        var lastEnd = -1
        var i = 0
        while i < scalars.count {
            guard let marker = markers.first(where: { i + $0.text.count <= scalars.count && scalars[i..<(i + $0.text.count)].elementsEqual($0.text) }) else {
                i += 1
                continue
            }
            var start: Int
            if lastEnd >= 0, let previous = levels.last, previous.level < marker.level,
               !scalars[lastEnd..<i].contains(where: endsClause) {
                start = lastEnd
            } else {
                levels = []
                start = i
                while start > 0, !endsName(scalars[start - 1]) { start -= 1 }
            }
            var end = i
            while start < end, isBlank(scalars[start]) { start += 1 }
            while end > start, isBlank(scalars[end - 1]) { end -= 1 }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: scalars[start..<end])
            if start < end { levels.append((marker.level, String(name))) } else { levels = [] }
            i += marker.text.count
            lastEnd = i
        }
        return levels
    }

    /// The code the levels name, from the 类 down; nil when one is not found or the chain does
    /// not start at the 类.
    static func code(of levels: [(level: Int, name: String)], catalogue: Catalogue) -> String? {
        guard let first = levels.first, first.level == 1,
              var code = catalogue.categoryCode(forName: first.name, allowingShortForm: true) else { return nil }
        var level = 1
        for (next, name) in levels.dropFirst() {
            guard next == level + 1 else { return nil }
            let wanted = CatalogueName.normalized(name)
            guard let child = catalogue.children(of: code, kind: .functional).first(where: { CatalogueName.normalized($0.name) == wanted }) else { return nil }
            code = child.code
            level = next
        }
        return code
    }

    /// Marks, digits and brackets that no 类 name holds: where the first level's name starts.
    static func endsName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", "．", ".", " ", "\u{3000}", "\t", "）", ")", "（", "(", "“", "”", "】", "]": true
        default: endsClause(scalar) || ProseText.isDigit(scalar)
        }
    }

    /// Marks that end a clause or a sentence, as the reader cuts them — but 、, which 款 and 项
    /// names hold (`驻外使领馆（团、处）`): no name runs across them.
    static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        ProseText.isSentenceEnd(scalar) || (ProseText.isClauseEnd(scalar) && scalar != "、")
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{3000}" || scalar == "\t" }
}
