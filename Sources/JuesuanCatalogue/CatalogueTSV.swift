/// An error in a catalogue TSV: every bad line with its 1-based number.
public struct CatalogueParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }

        public var description: String { "line \(line): \(message)" }
    }

    public var issues: [Issue]

    public init(issues: [Issue]) {
        self.issues = issues
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}

/// Parser for `code<TAB>name[<TAB>level]` lists.
enum CatalogueTSV {
    static let headerNames: Set<String> = ["code", "编码", "科目编码", "代码", "科目代码"]

    static func parse(_ text: String, kind: ClassificationKind, origin: CatalogueEntry.Origin) throws -> [CatalogueEntry] {
        var entries: [CatalogueEntry] = []
        var issues: [CatalogueParseError.Issue] = []
        var firstLine: [String: Int] = [:]
        var sawContent = false
        var lineNumber = 0
        for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.utf8.last == 0x0D { line = Substring(line.utf8.dropLast()) }
            let trimmedLine = trim(line)
            if trimmedLine.isEmpty || trimmedLine.hasPrefix("#") { continue }

            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(trim)
            let isFirst = !sawContent
            sawContent = true
            if isFirst, headerNames.contains(fields[0].lowercased()) { continue }

            func fail(_ message: String) {
                issues.append(.init(line: lineNumber, message: message))
            }
            var columns = fields
            if columns.count == 3, columns[2].isEmpty { columns.removeLast() }
            guard columns.count == 2 || columns.count == 3 else {
                fail("expected 2 or 3 tab-separated columns (code, name, level), found \(fields.count)")
                continue
            }
            let code = columns[0]
            let name = columns[1]
            guard let level = CatalogueLevel(code: code) else {
                fail("code '\(code)' is not 3, 5 or 7 digits")
                continue
            }
            guard kind.levels.contains(level) else {
                fail("code '\(code)': the \(kind.displayName) has only \(kind.levels.map(\.displayName).joined(separator: "/")) codes")
                continue
            }
            if name.isEmpty {
                fail("code \(code) has an empty name")
                continue
            }
            if columns.count == 3 {
                guard let stated = CatalogueLevel(displayName: String(columns[2])) else {
                    fail("level '\(columns[2])' is not 类, 款 or 项")
                    continue
                }
                if stated != level {
                    fail("code \(code) has \(code.utf8.count) digits, so its level is \(level.displayName), not \(stated.displayName)")
                    continue
                }
            }
            let codeString = String(code)
            if let previous = firstLine[codeString] {
                fail("duplicate code \(code) (first on line \(previous))")
                continue
            }
            firstLine[codeString] = lineNumber
            entries.append(CatalogueEntry(code: codeString, name: String(name), level: level, kind: kind, origin: origin))
        }
        if !issues.isEmpty { throw CatalogueParseError(issues: issues) }
        return entries
    }

    /// `text` without leading and trailing white space (incl. U+3000).
    static func trim(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else {
            return text[text.endIndex...]
        }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(scalars[first...last])
    }
}
