import JuesuanSyntax

/// The project file `juesuan.toml`: which rules to report, at which severity, the rounding
/// tolerance, a catalogue file, and overrides for some paths. Found by walking up from each
/// report (the nearest one wins, as with ruff and taplo); this type only parses and resolves,
/// it reads no file.
///
/// ```toml
/// select = ["A", "X", "C302"]       # codes or prefixes; default: every rule
/// ignore = ["T806"]
/// tolerance = "0.01"                # 容差 for reports without their own 容差 line ("容差" works too)
/// catalog = "data/官方科目.tsv"      # relative to this file
///
/// [severity]
/// T801 = "error"                    # error, warning, information, hint
///
/// [[overrides]]
/// paths = ["imported/**"]
/// ignore = ["T8"]
/// severity = { P605 = "hint" }
/// ```
public struct ProjectConfiguration: Sendable, Equatable {
    public static let fileName = "juesuan.toml"

    /// Rule settings: what the base file says, then each override in order.
    public struct Settings: Sendable, Equatable {
        /// Code prefixes to report; nil: every rule.
        public var select: [String]?
        public var ignore: [String] = []
        /// Code prefix → severity; the longest matching prefix wins.
        public var severities: [String: Severity] = [:]
        public var tolerance: DecimalNumber?

        public init() {}

        /// These settings with `other` laid over them.
        public func merging(_ other: Settings) -> Settings {
            var merged = self
            if let select = other.select { merged.select = select }
            merged.ignore += other.ignore
            merged.severities.merge(other.severities) { $1 }
            if let tolerance = other.tolerance { merged.tolerance = tolerance }
            return merged
        }

        /// The findings these settings report, with their severities.
        public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.compactMap { diagnostic in
                let code = diagnostic.code
                if let select, !select.contains(where: { code.hasPrefix($0) }) { return nil }
                if ignore.contains(where: { code.hasPrefix($0) }) { return nil }
                var result = diagnostic
                if let prefix = severities.keys.filter({ code.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
                    result.severity = severities[prefix]!
                }
                return result
            }
        }

        public var isDefault: Bool { self == Settings() }
    }

    public struct Override: Sendable, Equatable {
        /// Globs relative to the configuration's directory: `*` and `?` within a name, `**` any depth.
        public var paths: [String]
        public var settings: Settings
    }

    public var settings = Settings()
    /// The catalogue file, as written (relative to the configuration's directory).
    public var catalog: String?
    public var overrides: [Override] = []

    public init() {}

    /// The settings for a report at `relativePath` (relative to the configuration's directory,
    /// `/`-separated).
    public func settings(forRelativePath relativePath: String) -> Settings {
        overrides.reduce(settings) { current, override in
            override.paths.contains { Glob.matches($0, relativePath) } ? current.merging(override.settings) : current
        }
    }

    /// A problem in the file, with its 1-based line.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "第 \(line) 行：\(message)" }
    }

    public init(parsing text: String) throws(ParseError) {
        let document = try MiniTOML.parse(text)
        let known = Set(CheckRegistry.rules.map(\.code))
        func codes(_ value: MiniTOML.Value, _ key: String, _ line: Int) throws(ParseError) -> [String] {
            guard case .array(let items) = value else { throw ParseError(line: line, message: "“\(key)”应为规则代码的列表，例如 [\"A2\", \"C302\"]") }
            var result: [String] = []
            for item in items {
                guard case .string(let code) = item, !code.isEmpty else { throw ParseError(line: line, message: "“\(key)”的每一项应为带引号的规则代码") }
                let prefix = code.uppercased()
                guard known.contains(where: { $0.hasPrefix(prefix) }) else { throw ParseError(line: line, message: "没有以“\(code)”开头的规则代码（juesuan rules 列出全部规则）") }
                result.append(prefix)
            }
            return result
        }
        func parseSettings(_ table: [MiniTOML.Entry], allowing extra: Set<String>) throws(ParseError) -> Settings {
            var settings = Settings()
            for entry in table {
                switch entry.key {
                case "select": settings.select = try codes(entry.value, entry.key, entry.line)
                case "ignore": settings.ignore = try codes(entry.value, entry.key, entry.line)
                case "tolerance", "容差":
                    let text: String
                    switch entry.value {
                    case .string(let s), .number(let s): text = s
                    default: throw ParseError(line: entry.line, message: "“\(entry.key)”应为数字，例如 0.005")
                    }
                    guard let value = DecimalNumber(text), !value.isNegative else { throw ParseError(line: entry.line, message: "“\(entry.key)”应为不小于 0 的数字，写的是“\(text)”") }
                    settings.tolerance = value
                case "severity":
                    guard case .table(let entries) = entry.value else { throw ParseError(line: entry.line, message: "“severity”应为表，例如 [severity] 下写 T801 = \"error\"") }
                    for item in entries {
                        let prefix = item.key.uppercased()
                        guard known.contains(where: { $0.hasPrefix(prefix) }) else { throw ParseError(line: item.line, message: "没有以“\(item.key)”开头的规则代码") }
                        guard case .string(let name) = item.value, let severity = Severity(configName: name) else {
                            throw ParseError(line: item.line, message: "“\(item.key)”的级别应为 error、warning、information 或 hint")
                        }
                        settings.severities[prefix] = severity
                    }
                default:
                    if extra.contains(entry.key) { continue }
                    throw ParseError(line: entry.line, message: "未知的设置“\(entry.key)”（可用：select、ignore、severity、tolerance、catalog、overrides）")
                }
            }
            return settings
        }
        self.init()
        settings = try parseSettings(document, allowing: ["catalog", "catalogue", "overrides"])
        for entry in document {
            switch entry.key {
            case "catalog", "catalogue":
                guard case .string(let path) = entry.value, !path.isEmpty else { throw ParseError(line: entry.line, message: "“\(entry.key)”应为科目表文件的路径（相对于本文件）") }
                catalog = path
            case "overrides":
                guard case .tables(let list) = entry.value else { throw ParseError(line: entry.line, message: "overrides 应写作 [[overrides]] 表") }
                for table in list {
                    guard let pathsEntry = table.first(where: { $0.key == "paths" }), case .array(let items) = pathsEntry.value, !items.isEmpty else {
                        throw ParseError(line: table.first?.line ?? entry.line, message: "每个 [[overrides]] 都要有 paths = [\"…\"]")
                    }
                    var paths: [String] = []
                    for item in items {
                        guard case .string(let glob) = item else { throw ParseError(line: pathsEntry.line, message: "paths 的每一项应为带引号的路径模式") }
                        paths.append(glob)
                    }
                    overrides.append(Override(paths: paths, settings: try parseSettings(table, allowing: ["paths"])))
                }
            default: break
            }
        }
    }
}

extension Severity {
    /// `error`, `warning`, `information` (or `info`), `hint`, and the Chinese names.
    public init?(configName: String) {
        switch configName.lowercased() {
        case "error", "错误": self = .error
        case "warning", "警告": self = .warning
        case "information", "info", "提示": self = .information
        case "hint", "建议": self = .hint
        default: return nil
        }
    }
}

/// Path patterns of `overrides`: `*` and `?` match within one name, `**` any number of names.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = pattern
        if pattern.hasPrefix("./") { pattern.removeFirst(2) }
        // A pattern naming a directory covers what is below it.
        if pattern.hasSuffix("/") { pattern += "**" }
        return match(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
            || (!pattern.contains("/") && match(Array(pattern.unicodeScalars)[...], Array((path.split(separator: "/").last.map(String.init) ?? path).unicodeScalars)[...]))
    }

    static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            let rest = p.dropFirst()
            if rest.first == "*" {
                // `**`: any run of characters, slashes included; `**/` may also match nothing.
                var after = rest.dropFirst()
                if after.first == "/" {
                    after = after.dropFirst()
                    if match(after, s) { return true }
                }
                var tail = s
                while true {
                    if match(after, tail) { return true }
                    guard !tail.isEmpty else { return false }
                    tail = tail.dropFirst()
                }
            }
            var tail = s
            while true {
                if match(rest, tail) { return true }
                guard let c = tail.first, c != "/" else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let c = s.first else { return false }
        if first == "?" { return c != "/" && match(p.dropFirst(), s.dropFirst()) }
        return first == c && match(p.dropFirst(), s.dropFirst())
    }
}

/// The part of TOML the project file needs: comments, `key = value` (strings, numbers,
/// booleans, arrays, inline tables), `[table]` and `[[array of tables]]`, one level deep.
enum MiniTOML {
    indirect enum Value: Equatable {
        case string(String)
        case number(String)
        case bool(Bool)
        case array([Value])
        case table([Entry])
        case tables([[Entry]])
    }

    struct Entry: Equatable {
        var key: String
        var value: Value
        var line: Int
    }

    typealias ParseError = ProjectConfiguration.ParseError

    static func parse(_ text: String) throws(ParseError) -> [Entry] {
        var root: [Entry] = []
        // Where `key = value` lines go: the root, a [table] or the last [[table]].
        enum Target { case root, table(String), arrayTable(String) }
        var target = Target.root
        var scanner = Scanner(Array(text.unicodeScalars))
        if scanner.peek == "\u{FEFF}" { scanner.index += 1 }
        while true {
            scanner.skipBlankLinesAndComments()
            guard let c = scanner.peek else { break }
            let line = scanner.line
            if c == "[" {
                let isArray = scanner.peek(1) == "["
                scanner.index += isArray ? 2 : 1
                scanner.skipSpaces()
                let name = try scanner.key()
                scanner.skipSpaces()
                guard scanner.consume("]"), !isArray || scanner.consume("]") else { throw ParseError(line: line, message: "表头应写作 [名称] 或 [[名称]]") }
                try scanner.endOfLine()
                let parts = name.split(separator: ".").map(String.init)
                if isArray {
                    guard parts.count == 1 else { throw ParseError(line: line, message: "[[\(name)]]：只支持一层表名") }
                    if let index = root.firstIndex(where: { $0.key == name }) {
                        guard case .tables(var list) = root[index].value else { throw ParseError(line: line, message: "“\(name)”重复定义") }
                        list.append([])
                        root[index].value = .tables(list)
                    } else {
                        root.append(Entry(key: name, value: .tables([[]]), line: line))
                    }
                    target = .arrayTable(name)
                } else if parts.count == 2, let index = root.firstIndex(where: { $0.key == parts[0] }), case .tables(var list) = root[index].value {
                    // [overrides.severity]: a table inside the last [[overrides]].
                    guard !list.isEmpty, !list[list.count - 1].contains(where: { $0.key == parts[1] }) else { throw ParseError(line: line, message: "“\(name)”重复定义") }
                    list[list.count - 1].append(Entry(key: parts[1], value: .table([]), line: line))
                    root[index].value = .tables(list)
                    target = .table(name)
                } else {
                    guard parts.count == 1 else { throw ParseError(line: line, message: "[\(name)]：只支持一层表名") }
                    guard !root.contains(where: { $0.key == name }) else { throw ParseError(line: line, message: "“\(name)”重复定义") }
                    root.append(Entry(key: name, value: .table([]), line: line))
                    target = .table(name)
                }
                continue
            }
            let key = try scanner.key()
            scanner.skipSpaces()
            guard scanner.consume("=") else { throw ParseError(line: line, message: "应写作 键 = 值") }
            scanner.skipSpaces()
            let value = try scanner.value()
            try scanner.endOfLine()
            let entry = Entry(key: key, value: value, line: line)
            func add(_ entry: Entry, to entries: inout [Entry]) throws(ParseError) {
                guard !entries.contains(where: { $0.key == entry.key }) else { throw ParseError(line: line, message: "“\(entry.key)”重复定义") }
                entries.append(entry)
            }
            switch target {
            case .root:
                try add(entry, to: &root)
            case .table(let name):
                let parts = name.split(separator: ".").map(String.init)
                let index = root.firstIndex { $0.key == parts[0] }!
                if parts.count == 1, case .table(var entries) = root[index].value {
                    try add(entry, to: &entries)
                    root[index].value = .table(entries)
                } else if case .tables(var list) = root[index].value {
                    let inner = list[list.count - 1].firstIndex { $0.key == parts[1] }!
                    guard case .table(var entries) = list[list.count - 1][inner].value else { break }
                    try add(entry, to: &entries)
                    list[list.count - 1][inner].value = .table(entries)
                    root[index].value = .tables(list)
                }
            case .arrayTable(let name):
                let index = root.firstIndex { $0.key == name }!
                guard case .tables(var list) = root[index].value else { break }
                try add(entry, to: &list[list.count - 1])
                root[index].value = .tables(list)
            }
        }
        return root
    }

    struct Scanner {
        let text: [Unicode.Scalar]
        var index = 0
        var line = 1

        init(_ text: [Unicode.Scalar]) { self.text = text }

        var peek: Unicode.Scalar? { index < text.count ? text[index] : nil }
        func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < text.count ? text[index + offset] : nil }

        mutating func consume(_ c: Unicode.Scalar) -> Bool {
            guard peek == c else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() { while peek == " " || peek == "\t" { index += 1 } }

        mutating func skipComment() {
            if peek == "#" { while let c = peek, c != "\n" { index += 1 } }
        }

        /// Blanks, comments and line breaks (inside arrays and between entries).
        mutating func skipBlankLinesAndComments() {
            while true {
                skipSpaces()
                skipComment()
                if peek == "\r" { index += 1 }
                if peek == "\n" { index += 1; line += 1; continue }
                if peek == nil || (peek != " " && peek != "\t" && peek != "#" && peek != "\r") { return }
            }
        }

        mutating func endOfLine() throws(ParseError) {
            skipSpaces()
            skipComment()
            if peek == "\r" { index += 1 }
            guard peek == nil || peek == "\n" else { throw ParseError(line: line, message: "行尾有多余的内容") }
        }

        /// A bare key (letters, digits, `_`, `-`, also CJK letters such as 容差), a quoted key,
        /// or dotted parts of those.
        mutating func key() throws(ParseError) -> String {
            var parts: [String] = []
            repeat {
                skipSpaces()
                if peek == "\"" || peek == "'" {
                    parts.append(try string())
                } else {
                    var bare = ""
                    while let c = peek, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
                        bare.unicodeScalars.append(c)
                        index += 1
                    }
                    guard !bare.isEmpty else { throw ParseError(line: line, message: "缺少键名") }
                    parts.append(bare)
                }
                skipSpaces()
            } while consume(".")
            return parts.joined(separator: ".")
        }

        mutating func value() throws(ParseError) -> Value {
            guard let c = peek else { throw ParseError(line: line, message: "缺少值") }
            switch c {
            case "\"", "'":
                return .string(try string())
            case "[":
                index += 1
                var items: [Value] = []
                while true {
                    skipBlankLinesAndComments()
                    if consume("]") { return .array(items) }
                    items.append(try value())
                    skipBlankLinesAndComments()
                    if consume(",") { continue }
                    guard consume("]") else { throw ParseError(line: line, message: "列表应以 ] 结束，各项以逗号分隔") }
                    return .array(items)
                }
            case "{":
                index += 1
                var entries: [Entry] = []
                skipSpaces()
                if consume("}") { return .table([]) }
                while true {
                    skipSpaces()
                    let entryLine = line
                    let key = try key()
                    guard consume("=") else { throw ParseError(line: line, message: "内联表应写作 { 键 = 值 }") }
                    skipSpaces()
                    entries.append(Entry(key: key, value: try value(), line: entryLine))
                    skipSpaces()
                    if consume(",") { continue }
                    guard consume("}") else { throw ParseError(line: line, message: "内联表应以 } 结束") }
                    return .table(entries)
                }
            default:
                var word = ""
                while let c = peek, !" \t\r\n,]}#".unicodeScalars.contains(c) {
                    word.unicodeScalars.append(c)
                    index += 1
                }
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                let digits = word.filter { $0 != "_" }
                if DecimalNumber(digits) != nil { return .number(digits) }
                throw ParseError(line: line, message: "无法识别的值“\(word)”（文字请加引号）")
            }
        }

        /// A basic "…" string (with \\ \" \n \t \uXXXX escapes) or a literal '…' string.
        mutating func string() throws(ParseError) -> String {
            let quote = peek!
            index += 1
            var result = ""
            while let c = peek {
                index += 1
                if c == quote { return result }
                if c == "\n" { break }
                if c == "\\" && quote == "\"" {
                    guard let e = peek else { break }
                    index += 1
                    switch e {
                    case "n": result += "\n"
                    case "t": result += "\t"
                    case "\\": result += "\\"
                    case "\"": result += "\""
                    case "u", "U":
                        let count = e == "u" ? 4 : 8
                        guard index + count <= text.count, let value = UInt32(String(String.UnicodeScalarView(text[index..<index + count])), radix: 16),
                              let scalar = Unicode.Scalar(value) else { throw ParseError(line: line, message: "无效的 \\u 转义") }
                        result.unicodeScalars.append(scalar)
                        index += count
                    default: throw ParseError(line: line, message: "无效的转义“\\\(e)”")
                    }
                    continue
                }
                result.unicodeScalars.append(c)
            }
            throw ParseError(line: line, message: "字符串缺少结束的引号")
        }
    }
}
