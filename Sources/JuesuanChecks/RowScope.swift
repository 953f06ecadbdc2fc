import JuesuanModel
import JuesuanSyntax

/// A keystroke in a figure (or the name) of one code row of a large table: what it can change,
/// and a small document to check it on, instead of the whole table (issue 15, row-level
/// re-check).
///
/// A row's figures count in its own sum (its children), its parent's, its grandparent's… up
/// to the total row, and in the row's column relations. So the findings that can change are
/// those on the row, on its ancestors, on the total rows and on the row's own `其中` lines; and
/// what they rest on is the children of each of those rows. The small document holds the
/// header, the table's lines without a code (keyword, `列`, label and total rows, comments)
/// and, of the code rows, the row, its ancestors, every child of those, and the top-level rows
/// (the addends of the total). Its findings on the lines that can change replace theirs; every
/// other finding of the table stays as it was.
///
/// The text is read for codes only, never trusted further: any line whose first word looks
/// like a code but is not a plain 3/5/7-digit one, a repeated code, an edit that reaches the
/// row's code, adds or removes a line, or a table under `minimumLines` leaves the work to the
/// whole-block re-check.
public struct RowScope: Sendable {
    /// Tables shorter than this are checked whole: the whole block is cheap enough.
    static let minimumLines = 200

    /// The small document.
    public let bytes: [UInt8]
    /// For each of its lines, the line of the new text it was copied from.
    public let origin: [Int]
    /// Lines of the new text whose findings are recomputed (besides the total rows, which the
    /// small document's model names: `changingLines(in:)`).
    let changing: Set<Int>

    /// The lines of the new text whose findings (and everything shown of them) the small
    /// document decides: the row, its ancestors, its `其中` lines and the total rows.
    public func changingLines(in small: Report) -> Set<Int> {
        var lines = changing
        for table in small.tables { for row in table.allRows where row.isTotal { lines.insert(origin[row.line]) } }
        return lines
    }

    public init?(_ edited: EditedBlock, old: SourceText, new: SourceText) {
        guard edited.lineDelta == 0 else { return nil }
        let line = old.line(containing: edited.oldEdit.start)
        guard old.line(containing: edited.oldEdit.end) == line else { return nil }
        let firstLine = new.line(containing: edited.newBlock.start)
        let lastLine = new.line(containing: max(edited.newBlock.start, edited.newBlock.end - 1))
        guard lastLine - firstLine >= RowScope.minimumLines, line > firstLine else { return nil }
        // The edit lies after the row's code, which it leaves as it was.
        guard case .code(let code, let codeEnd) = RowScope.firstWord(old, line), edited.oldEdit.start > codeEnd,
              case .code(code, _) = RowScope.firstWord(new, line) else { return nil }

        var kinds: [Kind] = []
        kinds.reserveCapacity(lastLine - firstLine)
        var present = CodeCounts(capacity: lastLine - firstLine)
        for index in (firstLine + 1)...lastLine {
            let kind = RowScope.firstWord(new, index)
            if case .unclear = kind { return nil }
            if case .code(let found, _) = kind { present.add(found) }
            kinds.append(kind)
        }
        guard present.count(code) == 1 else { return nil }
        /// The nearest code above `code` that the table has (the spec's parent, or further up
        /// when the parent row is missing).
        func parent(_ code: DigitCode) -> DigitCode? {
            var candidate = code.prefix
            while let found = candidate {
                if present.count(found) > 0 { return found }
                candidate = found.prefix
            }
            return nil
        }
        // The row and its ancestors: at most four codes (7, 5, 3 digits).
        var chain: [DigitCode] = [code]
        var ancestor = parent(code)
        while let found = ancestor { chain.append(found); ancestor = parent(found) }

        var bytes = Array(new.bytes[..<edited.headerEnd])
        var origin = Array(0..<new.line(containing: edited.headerEnd))
        var changing: Set<Int> = [line]
        func copy(_ index: Int) {
            let range = new.lineRange(index)
            bytes += new.bytes[range.start..<range.end]
            if bytes.last != 0x0A && bytes.last != 0x0D { bytes.append(0x0A) }
            origin.append(index)
        }
        copy(firstLine)
        // `其中` lines go in with the row above them, and are recomputed with it.
        var detailsGoIn = true, detailsChange = false
        for (offset, kind) in kinds.enumerated() {
            let index = firstLine + 1 + offset
            switch kind {
            case .code(let found, _):
                detailsGoIn = chain.contains(found) || parent(found).map { chain.contains($0) } ?? true
                detailsChange = found == code
                if chain.contains(found) { changing.insert(index) }
                if detailsGoIn { copy(index) }
            case .detail:
                if detailsChange { changing.insert(index) }
                if detailsGoIn { copy(index) }
            case .label:
                detailsGoIn = true
                detailsChange = false
                copy(index)
            case .blank:
                copy(index)
            case .unclear:
                return nil
            }
        }
        self.bytes = bytes
        self.origin = origin
        self.changing = changing
    }

    /// A range of the small document in the new text (lines copied whole, so a column stays).
    func range(_ range: SourceRange, small: SourceText, new: SourceText) -> SourceRange {
        func offset(_ offset: Int) -> Int {
            let line = small.line(containing: offset)
            return new.lineStarts[origin[line]] + (offset - small.lineStarts[line])
        }
        return SourceRange(start: offset(range.start), end: offset(range.end))
    }

    /// A 3/5/7-digit code as a number and its length (leading zeros count): read at every
    /// keystroke for every line of a large table, so no String is made of it.
    struct DigitCode: Equatable {
        let value: Int
        let length: Int

        /// The code two digits shorter (`20101` → `201`); nil for a three-digit code.
        var prefix: DigitCode? { length > 3 ? DigitCode(value: value / 100, length: length - 2) : nil }
        /// One number for both (a length is at most 7).
        var key: Int { value << 3 | length }
    }

    /// How often each code occurs in the table: open addressing on the code's number, without
    /// `Hasher` (seeded SipHash per lookup was a third of a row-level re-check).
    struct CodeCounts {
        private var keys: [Int]
        private var counts: [Int]
        private let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < 2 * capacity { size <<= 1 }
            keys = Array(repeating: -1, count: size)
            counts = Array(repeating: 0, count: size)
            mask = size - 1
        }

        private func slot(_ key: Int) -> Int {
            var index = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while keys[index] != key && keys[index] != -1 { index = (index + 1) & mask }
            return index
        }

        mutating func add(_ code: DigitCode) {
            let index = slot(code.key)
            keys[index] = code.key
            counts[index] += 1
        }

        func count(_ code: DigitCode) -> Int {
            let index = slot(code.key)
            return keys[index] == code.key ? counts[index] : 0
        }
    }

    enum Kind {
        /// A 3/5/7-digit code, and where it ends.
        case code(DigitCode, end: Int)
        /// A `其中` line.
        case detail
        /// A line without a code (a label or total row, `列`, a side's heading).
        case label
        /// A blank or comment line.
        case blank
        /// A first word that might be a code the parser reads otherwise (full-width digits, a
        /// code glued to its name, another length): the whole block is re-checked instead.
        case unclear
    }

    static func firstWord(_ source: SourceText, _ line: Int) -> Kind {
        let bytes = source.bytes
        var index = source.lineStarts[line]
        let end = source.lineContentEnds[line]
        while index < end {
            if bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1; continue }
            if index + 2 < end, bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { index += 3; continue }
            break
        }
        guard index < end else { return .blank }
        if end - index >= 2, bytes[index] == 0x2F, bytes[index + 1] == 0x2F { return .blank }
        let start = index
        if bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            var value = 0
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 8 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            let length = index - start
            let endsWord = index == end || bytes[index] == 0x20 || bytes[index] == 0x09
                || (index + 2 < end && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80)
            guard endsWord, length == 3 || length == 5 || length == 7 else { return .unclear }
            return .code(DigitCode(value: value, length: length), end: index)
        }
        // Full-width digits (０-９: EF BC 90–99) may be read as a code.
        if index + 2 < end, bytes[index] == 0xEF, bytes[index + 1] == 0xBC, bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99 {
            return .unclear
        }
        // 其中
        if end - index >= 6, bytes[index] == 0xE5, bytes[index + 1] == 0x85, bytes[index + 2] == 0xB6,
           bytes[index + 3] == 0xE4, bytes[index + 4] == 0xB8, bytes[index + 5] == 0xAD { return .detail }
        return .label
    }
}
