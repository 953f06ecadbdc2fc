import Foundation

/// Text out of the files users have: a PDF through `pdftotext -layout` (Debian's poppler-utils), a
/// Word .docx through `unzip -p` of its `word/document.xml` and a small reader of that XML. The
/// package links nothing: both tools are run as processes when present.
public enum DocumentReaders {
    public enum Kind: Equatable, Sendable { case text, pdf, docx }

    public static func kind(ofPath path: String) -> Kind {
        let lower = path.lowercased()
        if lower.hasSuffix(".pdf") { return .pdf }
        if lower.hasSuffix(".docx") { return .docx }
        return .text
    }

    public enum Failure: Error, Equatable, Sendable {
        /// The tool is not installed: the message says how to install it.
        case toolMissing(String)
        /// The tool ran and failed.
        case toolFailed(String)

        public var message: String {
            switch self {
            case .toolMissing(let m), .toolFailed(let m): return m
            }
        }
    }

    /// The first executable `name` on PATH.
    static func findTool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init)
        for directory in directories where !directory.isEmpty {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// At most this much text is read from a tool (a hostile archive or PDF may expand without end).
    static let outputLimit = 256 << 20
    /// A tool still running after this long is stopped (never hang on a hostile file).
    static let timeLimit: Double = 300

    /// Runs a tool and returns its standard output.
    static func run(_ tool: String, _ arguments: [String]) -> Result<[UInt8], Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            return .failure(.toolFailed("无法运行 \(tool)：\(error.localizedDescription)"))
        }
        // Read both pipes to the end before waiting, so that a large output never blocks the tool.
        let box = DataBox()
        let group = DispatchGroup()
        group.enter()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async {
            box.data = errorHandle.readDataToEndOfFile()
            group.leave()
        }
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
        var data = Data()
        var tooLong = false
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > outputLimit {
                tooLong = true
                process.terminate()
                break
            }
        }
        if tooLong { _ = try? reader.readToEnd() }
        group.wait()
        let errorData = box.data
        process.waitUntilExit()
        watchdog.cancel()
        if tooLong {
            return .failure(.toolFailed("\((tool as NSString).lastPathComponent) 输出超过 \(outputLimit >> 20) MB，已停止读取"))
        }
        if process.terminationReason == .uncaughtSignal {
            return .failure(.toolFailed("\((tool as NSString).lastPathComponent) 未能在 \(Int(timeLimit)) 秒内完成，已停止"))
        }
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(.toolFailed("\((tool as NSString).lastPathComponent) 退出状态 \(process.terminationStatus)\(detail.isEmpty ? "" : "：" + detail)"))
        }
        return .success(Array(data))
    }

    /// The text of a PDF, as `pdftotext -layout -enc UTF-8 FILE -` prints it.
    public static func pdfText(path: String) -> Result<String, Failure> {
        guard let tool = findTool("pdftotext") else {
            return .failure(.toolMissing("读取 PDF 需要 pdftotext（poppler-utils）。安装：sudo apt-get install poppler-utils（Debian/Ubuntu），brew install poppler（macOS）；或先把 PDF 另存为文本再导入。"))
        }
        return run(tool, ["-layout", "-enc", "UTF-8", path, "-"]).map { String(decoding: $0, as: UTF8.self) }
            .mapError { .toolFailed("无法从这个 PDF 取出文字（\($0.message)）") }
    }

    /// The text of a .docx: its `word/document.xml` read through `unzip -p`.
    public static func docxText(path: String) -> Result<String, Failure> {
        guard let tool = findTool("unzip") else {
            return .failure(.toolMissing("读取 .docx 需要 unzip。安装：sudo apt-get install unzip（Debian/Ubuntu）；或在 Word 中另存为纯文本再导入。"))
        }
        // Word's automatic numbering (`一、`, `（一）`, `1.` before headings and list items) is not in
        // the paragraphs' text: it is made from numbering.xml, by the paragraph's or its style's list.
        func member(_ name: String) -> String? {
            guard case .success(let bytes) = run(tool, ["-p", path, name]) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        let numbering = member("word/numbering.xml").map { WordNumbering(numbering: $0, styles: member("word/styles.xml") ?? "") }
        return run(tool, ["-p", path, "word/document.xml"]).map { wordXMLText(String(decoding: $0, as: UTF8.self), numbering: numbering) }
            .mapError { .toolFailed("不是可读的 .docx 文件（\($0.message)）") }
    }

    /// The text of a WordprocessingML body: a paragraph a line; a table row a line with its cells
    /// separated by tabs (the paragraphs of one cell joined by a blank); `<w:tab/>` a tab, `<w:br/>`
    /// a line break. Text in `<w:t>` is unescaped; everything else of the markup is dropped.
    public static func wordXMLText(_ xml: String, numbering: WordNumbering? = nil) -> String {
        var numbering = numbering
        var out = ""
        var line = ""
        // The paragraph being read: where its text starts in `line`, its style and list.
        var paragraphStart = line.endIndex
        var paragraphStyle: String?
        var paragraphList: (numId: String?, level: Int?) = (nil, nil)
        var cellDepth = 0
        var cellHasText = false
        var rowCells: [String] = []
        var inText = false
        var span = 1
        var chars = xml.unicodeScalars[...]
        func endLine() { out += line + "\n"; line = "" }
        while let first = chars.first {
            if first == "<" {
                guard let close = chars.firstIndex(of: ">") else { break }
                let tag = String(String.UnicodeScalarView(chars[chars.index(after: chars.startIndex)..<close]))
                chars = chars[chars.index(after: close)...]
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" && false }).first.map(String.init) ?? ""
                let selfClosing = tag.hasSuffix("/")
                let bare = name.hasSuffix("/") ? String(name.dropLast()) : name
                func value() -> String? {
                    guard let r = tag.range(of: #"w:val="([^"]*)""#, options: .regularExpression) else { return nil }
                    return String(tag[r].dropFirst(7).dropLast())
                }
                switch bare {
                case "w:p":
                    if !selfClosing { paragraphStart = line.endIndex; paragraphStyle = nil; paragraphList = (nil, nil) }
                case "w:pStyle": paragraphStyle = value()
                case "w:numId": paragraphList.numId = value()
                case "w:ilvl": paragraphList.level = value().flatMap { Int($0) }
                case "w:t": inText = !selfClosing
                case "/w:t": inText = false
                case "w:tab": if !inText { line += "\t" }
                case "w:br", "w:cr":
                    // A line break typed after a comma (Shift+Enter) is inside the sentence.
                    if cellDepth > 0 { line += " " } else if let last = line.last, "，、".contains(last) { break } else { endLine() }
                case "w:tc": if !selfClosing { cellDepth += 1; cellHasText = false; line = ""; span = 1 }
                case "w:gridSpan":
                    // A cell merged across columns keeps the columns after it, empty (as a copy of the text would).
                    if let r = tag.range(of: #"w:val="(\d+)""#, options: .regularExpression) {
                        span = max(1, min(64, Int(tag[r].filter(\.isNumber)) ?? 1))
                    }
                case "/w:tc":
                    cellDepth = max(0, cellDepth - 1)
                    rowCells.append(line.trimmingCharacters(in: .whitespaces))
                    rowCells += Array(repeating: "", count: span - 1)
                    span = 1
                    line = ""
                case "w:tr": rowCells = []
                case "/w:tr":
                    out += rowCells.joined(separator: "\t") + "\n"
                    rowCells = []
                case "/w:p":
                    if numbering != nil, paragraphStart <= line.endIndex, line[paragraphStart...].contains(where: { !$0.isWhitespace }),
                       let label = numbering!.label(numId: paragraphList.numId, level: paragraphList.level, style: paragraphStyle) {
                        line.insert(contentsOf: label, at: paragraphStart)
                    }
                    if cellDepth > 0 {
                        if cellHasText { line += " " }
                    } else {
                        endLine()
                    }
                default: break
                }
                continue
            }
            let next = chars.firstIndex(of: "<") ?? chars.endIndex
            if inText {
                let text = unescape(String(String.UnicodeScalarView(chars[..<next])))
                if cellDepth > 0, !text.isEmpty { cellHasText = true }
                line += text
            }
            chars = chars[next...]
        }
        if !line.isEmpty { out += line + "\n" }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = s[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"; rest = rest[rest.index(after: amp)...]; continue
            }
            let entity = String(rest[rest.index(after: amp)..<semi])
            var replacement: String?
            switch entity {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { replacement = String(Character(u)) }
                else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) { replacement = String(Character(u)) }
            }
            if let replacement { out += replacement; rest = rest[rest.index(after: semi)...] } else { out += "&"; rest = rest[rest.index(after: amp)...] }
        }
        out += rest
        return out
    }
}

/// The standard error of a tool, filled by one reader thread and read after it has finished.
final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Word's automatic numbering (numbering.xml, and the lists styles.xml gives its paragraph
/// styles): the label each numbered paragraph shows, counted in document order.
public struct WordNumbering: Sendable {
    struct Level: Sendable { var format = "decimal"; var text = "%1."; var start = 1 }
    /// Levels by abstract list, lists by numId, a style's list (numId, level).
    var abstractLevels: [String: [Int: Level]] = [:]
    var abstractOfList: [String: String] = [:]
    var styleLists: [String: (numId: String, level: Int)] = [:]
    var counters: [String: [Int: Int]] = [:]

    public init(numbering: String, styles: String) {
        var abstract: String?
        var level: Int?
        var list: String?
        for tag in Self.tags(numbering) {
            let name = tag.name
            switch name {
            case "w:abstractNum": abstract = tag.attribute("w:abstractNumId"); list = nil
            case "w:num": list = tag.attribute("w:numId"); abstract = nil
            case "w:abstractNumId": if let list, let id = tag.attribute("w:val") { abstractOfList[list] = id }
            case "w:lvl": level = tag.attribute("w:ilvl").flatMap { Int($0) }
            case "w:start": if let abstract, let level, let v = tag.attribute("w:val").flatMap({ Int($0) }) { abstractLevels[abstract, default: [:]][level, default: Level()].start = v }
            case "w:numFmt": if let abstract, let level, let v = tag.attribute("w:val") { abstractLevels[abstract, default: [:]][level, default: Level()].format = v }
            case "w:lvlText": if let abstract, let level, let v = tag.attribute("w:val") { abstractLevels[abstract, default: [:]][level, default: Level()].text = v }
            default: break
            }
        }
        var style: String?
        var styleList: String?
        var styleLevel = 0
        for tag in Self.tags(styles) {
            switch tag.name {
            case "w:style": style = tag.attribute("w:styleId"); styleList = nil; styleLevel = 0
            case "w:numId": styleList = tag.attribute("w:val"); if let style, let styleList { styleLists[style] = (styleList, styleLevel) }
            case "w:ilvl": styleLevel = tag.attribute("w:val").flatMap { Int($0) } ?? 0; if let style, let styleList { styleLists[style] = (styleList, styleLevel) }
            default: break
            }
        }
    }

    /// The label of a paragraph with this list (its own, else its style's), counted; nil when none.
    mutating func label(numId: String?, level: Int?, style: String?) -> String? {
        let styleList = style.flatMap { styleLists[$0] }
        guard let list = numId ?? styleList?.numId, list != "0", let abstract = abstractOfList[list],
              let levels = abstractLevels[abstract] else { return nil }
        let depth = max(0, min(8, level ?? styleList?.level ?? 0))
        guard let own = levels[depth], own.format != "none", own.format != "bullet" else { return nil }
        var counts = counters[abstract] ?? [:]
        counts[depth] = (counts[depth] ?? (own.start - 1)) + 1
        for deeper in (depth + 1)...9 { counts[deeper] = nil }
        counters[abstract] = counts
        var text = own.text
        for k in stride(from: depth, through: 0, by: -1) {
            let format = levels[k]?.format ?? "decimal"
            let value = counts[k] ?? levels[k]?.start ?? 1
            text = text.replacingOccurrences(of: "%\(k + 1)", with: Self.format(value, format))
        }
        return text
    }

    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
            return chinese(value)
        case "decimalFullWidth", "decimalFullWidth2": return String(String(value).map { Character(Unicode.Scalar(UInt32($0.asciiValue!) - 48 + 0xFF10)!) })
        case "lowerLetter": return value >= 1 && value <= 26 ? String(Character(Unicode.Scalar(96 + value)!)) : String(value)
        case "upperLetter": return value >= 1 && value <= 26 ? String(Character(Unicode.Scalar(64 + value)!)) : String(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": return value >= 1 && value <= 20 ? String(Character(Unicode.Scalar(0x245F + value)!)) : String(value)
        default: return String(value)
        }
    }

    static func chinese(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return digits[value] }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }

    struct Tag { var name: String; var body: Substring
        func attribute(_ key: String) -> String? {
            guard let r = body.range(of: key + "=\"") else { return nil }
            let rest = body[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return DocumentReaders.unescape(String(rest[..<end]))
        }
    }

    /// The start tags of an XML text, in order.
    static func tags(_ xml: String) -> [Tag] {
        var result: [Tag] = []
        var rest = xml[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let body = rest[rest.index(after: open)..<close]
            if let first = body.first, first != "/", first != "?", first != "!" {
                let name = body.prefix { $0 != " " && $0 != "/" && $0 != "\n" && $0 != "\t" && $0 != "\r" }
                result.append(Tag(name: String(name), body: body))
            }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}
