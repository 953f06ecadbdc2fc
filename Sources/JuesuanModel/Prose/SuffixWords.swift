import JuesuanSyntax

/// Words looked for at the end of a figure's words (`增加`, `下降了`, `超支`): on simple text
/// only the words ending with the text's last scalar are compared (issue 15: a money figure
/// was compared with some thirty words, and most end otherwise). On other text every word is
/// compared as the standard library compares characters.
struct SuffixWords: Sendable {
    let words: [String]
    private let lastScalars: [Unicode.Scalar?]
    /// The last scalars of all words, when none is empty: a text ending otherwise ends with none
    /// of them, which one test says (most figures' words end with no such word).
    private let anyLast: ScalarSet?

    init(_ words: [String]) {
        self.words = words
        lastScalars = words.map { $0.unicodeScalars.last }
        anyLast = lastScalars.contains(nil) ? nil : ScalarSet(lastScalars.compactMap { $0 })
    }

    /// The first word (in their order) that `text` ends with.
    func first(endOf text: Substring, simple: Bool) -> String? {
        if simple {
            guard let last = text.unicodeScalars.last else { return words.first { $0.isEmpty } }
            if let anyLast, !anyLast.contains(last) { return nil }
            for (word, wordLast) in zip(words, lastScalars) where (wordLast == nil || wordLast == last) && text.hasSuffix(word, simple: true) { return word }
            return nil
        }
        return words.first { text.hasSuffix($0, simple: false) }
    }

    func first(endOf text: String, simple: Bool) -> String? { first(endOf: Substring(text), simple: simple) }

    func anyEnds(_ text: String, simple: Bool) -> Bool { first(endOf: Substring(text), simple: simple) != nil }
    func anyEnds(_ text: Substring, simple: Bool) -> Bool { first(endOf: text, simple: simple) != nil }
}
