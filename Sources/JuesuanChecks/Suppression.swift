import JuesuanSyntax

/// Suppression comments (spec/rules.md): `// juesuan: allow A290` on a line, or on a comment
/// line just before it, silences those codes there; `// juesuan: allow-file N506` before the
/// first block silences them in the whole file.
struct Suppressions {
    var fileCodes: Set<String> = []
    var lineCodes: [Int: Set<String>] = [:]

    init(_ tree: SyntaxTree) {
        let firstBlockLine = tree.blocks.first?.lines.lowerBound ?? Int.max
        for line in tree.lines {
            let comment = line.kind == .comment ? line.tokens.first : line.trailingComment
            guard let comment, let (scope, codes) = Suppressions.parse(comment.text) else { continue }
            if scope == "allow-file" {
                if line.index < firstBlockLine { fileCodes.formUnion(codes) }
            } else {
                lineCodes[line.index, default: []].formUnion(codes)
                if line.kind == .comment { lineCodes[line.index + 1, default: []].formUnion(codes) }
            }
        }
    }

    /// `// juesuan: allow A290 S109` → ("allow", ["A290", "S109"]).
    static func parse(_ comment: String) -> (String, Set<String>)? {
        var text = Substring(comment)
        guard text.hasPrefix("//") else { return nil }
        text = text.dropFirst(2).drop { $0 == " " || $0 == "\t" }
        guard text.hasPrefix(InnerKeyword.suppressionPrefix) else { return nil }
        let words = text.dropFirst(InnerKeyword.suppressionPrefix.count)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "，" })
        guard let scope = words.first, scope == "allow" || scope == "allow-file" else { return nil }
        let codes = Set(words.dropFirst().map { $0.uppercased() })
        return codes.isEmpty ? nil : (String(scope), codes)
    }

    func allows(_ diagnostic: Diagnostic, line: Int) -> Bool {
        fileCodes.contains(diagnostic.code) || lineCodes[line]?.contains(diagnostic.code) == true
    }
}
