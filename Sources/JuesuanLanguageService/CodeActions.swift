import JuesuanChecks
import JuesuanSyntax

/// A code action: a titled set of edits, for one diagnostic (a quick fix) or the document.
public struct CodeAction: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// LSP `quickfix`.
        case quickFix = "quickfix"
        /// LSP `source.fixAll.juesuan`: every safe fix of the document.
        case fixAll = "source.fixAll.juesuan"
    }

    public var title: String
    public var kind: Kind
    /// The finding the action resolves (nil for fix-all).
    public var diagnostic: Diagnostic?
    /// Edits in byte ranges of the snapshot's text.
    public var edits: [TextEdit]
    /// The computed value or official name: what the drafter most likely wants.
    public var isPreferred: Bool
}

extension LanguageService {
    /// The code actions for the findings that touch `range` (byte offsets): each finding's own
    /// fix (preferred), then "allow this here". `only` filters by kind prefix (LSP
    /// `context.only`); fix-all is offered only when asked for (`source` or `source.fixAll`).
    /// `diagnostics`, when given, restricts the actions to those findings (what the client
    /// sent in `context.diagnostics`), matched by code and range.
    /// `isCancelled` stops fix-all early (see `SafeFixer.fix`).
    public static func codeActions(_ snapshot: DocumentSnapshot, range: SourceRange, only: [String]? = nil,
                                   diagnostics requested: [(code: String, range: SourceRange)]? = nil,
                                   isCancelled: () -> Bool = { false }) -> [CodeAction] {
        func wanted(_ kind: CodeAction.Kind) -> Bool {
            guard let only, !only.isEmpty else { return kind == .quickFix }
            return only.contains { kind.rawValue == $0 || kind.rawValue.hasPrefix($0 + ".") }
        }
        var actions: [CodeAction] = []
        let analysis = snapshot.analysis
        if wanted(.quickFix) {
            var found = analysis.diagnostics.filter { d in
                d.range.start < range.end && range.start < d.range.end || d.range.covers(range.start) || range.covers(d.range.start)
            }
            if let requested, !requested.isEmpty {
                found = analysis.diagnostics.filter { d in requested.contains { $0.code == d.code && $0.range == d.range } }
            }
            for diagnostic in found {
                if let fix = diagnostic.fix, !fix.edits.isEmpty {
                    actions.append(CodeAction(title: fix.title, kind: .quickFix, diagnostic: diagnostic,
                                              edits: SafeFixer.styled(fix.edits, in: snapshot.source), isPreferred: fix.isSafe))
                }
            }
            var allowed: Set<String> = []
            for diagnostic in found {
                let line = snapshot.source.line(containing: diagnostic.range.start)
                guard allowed.insert("\(line) \(diagnostic.code)").inserted,
                      let edit = allowEdit(code: diagnostic.code, line: line, analysis: analysis) else { continue }
                actions.append(CodeAction(title: "在此处允许 \(diagnostic.code)（// juesuan: allow \(diagnostic.code)）", kind: .quickFix,
                                          diagnostic: diagnostic, edits: [edit], isPreferred: false))
            }
        }
        if wanted(.fixAll), let action = fixAll(snapshot, isCancelled: isCancelled) { actions.append(action) }
        return actions
    }

    /// Every safe fix of the document at once (`SafeFixer`), as one edit per changed line.
    public static func fixAll(_ snapshot: DocumentSnapshot, isCancelled: () -> Bool = { false }) -> CodeAction? {
        let result = SafeFixer.fix(text: snapshot.text, catalogue: snapshot.catalogue, settings: snapshot.settings,
                                   isCancelled: isCancelled)
        guard !result.applied.isEmpty else { return nil }
        let fixed = SourceText(result.text)
        let source = snapshot.source
        var edits: [TextEdit] = []
        for line in Set(result.applied.map(\.line)).sorted() where line < source.lineCount && line < fixed.lineCount {
            let old = source.lineContentRange(line)
            let new = fixed.string(fixed.lineContentRange(line))
            if source.string(old) != new { edits.append(TextEdit(range: old, replacement: new)) }
        }
        return CodeAction(title: "修正全部可安全修正的问题（\(result.applied.count) 处）", kind: .fixAll, diagnostic: nil,
                          edits: edits, isPreferred: false)
    }

    /// The edit that silences `code` on `line`: added to an allow comment already there, else a
    /// trailing `// juesuan: allow CODE` on lines that take trailing comments (header, table,
    /// 绩效 and 校验 lines), else a comment line above (prose and glossary lines have none).
    static func allowEdit(code: String, line index: Int, analysis: Analysis) -> TextEdit? {
        let syntax = analysis.report.syntax
        let source = analysis.source
        guard index < syntax.lines.count else { return nil }
        let line = syntax.lines[index]
        // Already an allow comment on the line (trailing, or the line is one)?
        let own = line.kind == .comment ? line.tokens.first : line.trailingComment
        if let own, let edit = merge(code, into: own) { return edit }
        // A whole-line allow comment just above applies here too.
        if index > 0, syntax.lines[index - 1].kind == .comment, let above = syntax.lines[index - 1].tokens.first,
           let edit = merge(code, into: above) {
            return edit
        }
        if line.trailingComment == nil && takesTrailingComment(line, syntax: syntax) {
            let end = source.lineContentEnd(index)
            return TextEdit(range: SourceRange(start: end, end: end), replacement: "  // juesuan: allow \(code)")
        }
        let start = source.lineStarts[index]
        return TextEdit(range: SourceRange(start: start, end: start), replacement: "// juesuan: allow \(code)" + source.lineBreak(near: index))
    }

    /// Adds `code` to an allow comment (`// juesuan: allow A290` → `… A290 C302`); nil when the
    /// comment is no allow comment; an empty edit when the code is already there.
    static func merge(_ code: String, into comment: Token) -> TextEdit? {
        var text = Substring(comment.text)
        guard text.hasPrefix("//") else { return nil }
        text = text.dropFirst(2).drop { $0 == " " || $0 == "\t" }
        guard text.hasPrefix("juesuan:") else { return nil }
        let words = text.dropFirst("juesuan:".count).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "，" })
        guard words.first == "allow" else { return nil }
        if words.dropFirst().contains(where: { $0.uppercased() == code }) { return nil }
        var end = comment.range.end
        let bytes = Array(comment.text.utf8)
        var trailing = bytes.count
        while trailing > 0, bytes[trailing - 1] == 0x20 || bytes[trailing - 1] == 0x09 { trailing -= 1 }
        end -= bytes.count - trailing
        return TextEdit(range: SourceRange(start: end, end: end), replacement: " " + code)
    }

    static func takesTrailingComment(_ line: Line, syntax: SyntaxTree) -> Bool {
        switch line.kind {
        case .header, .columns, .sideSwitch, .row, .performance, .check:
            return true
        case .blockStart:
            let keyword = BlockKeyword(word: line.tokens.first?.text ?? "")
            return keyword == .table || keyword == .performance || keyword == .check
        case .unknown:
            // A bad line in the header, a table, a 绩效 or a 校验 block still ends at ` //`.
            guard let block = syntax.blocks.last(where: { $0.lines.lowerBound <= line.index }) else { return true }
            switch block {
            case .table, .performance, .check: return true
            case .narrative, .glossary: return false
            }
        default:
            return false
        }
    }
}

extension SourceText {
    /// Where a line's content ends (before its terminator).
    func lineContentEnd(_ line: Int) -> Int { lineContentEnds[line] }

    /// The line terminator the document uses around `line` (CRLF stays CRLF).
    func lineBreak(near line: Int) -> String {
        let end = lineContentEnds[line]
        if end + 1 < bytes.count, bytes[end] == 0x0D, bytes[end + 1] == 0x0A { return "\r\n" }
        if end < bytes.count, bytes[end] == 0x0D { return "\r" }
        if end < bytes.count { return "\n" }
        // The last line has no terminator: use the one of the line before, if any.
        if line > 0 { return lineBreak(near: line - 1) }
        return "\n"
    }
}
