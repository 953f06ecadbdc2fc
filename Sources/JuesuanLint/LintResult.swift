import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// A position as `lint` prints it: 1-based line, 1-based column counted in
/// Unicode scalars.
public struct LintPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A range as `lint` prints it; the end is exclusive (the column just after
/// the last character).
public struct LintRange: Sendable, Hashable {
    public var start: LintPosition
    public var end: LintPosition
}

extension SourceText {
    /// The 1-based line and scalar column of a byte offset. A byte order mark
    /// at the start of the file is not counted, as editors do not show it.
    public func lintPosition(of offset: Int) -> LintPosition {
        let position = position(of: offset)
        var column = position.scalarColumn + 1
        if position.line == 0, position.utf8Column >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { column -= 1 }
        return LintPosition(line: position.line + 1, column: column)
    }

    public func lintRange(_ range: SourceRange) -> LintRange {
        LintRange(start: lintPosition(of: range.start), end: lintPosition(of: max(range.start, range.end)))
    }
}

/// One checked document: where it came from and what was found.
public struct LintedFile: Sendable {
    /// The path as the user gave it (or as found under a directory), `<stdin>` for `-`.
    public let path: String
    public let source: SourceText
    /// The findings reported, in document order (after `--quiet` filtering).
    public let diagnostics: [Diagnostic]
    /// The report's model (for the HTML page's tables); nil when not kept.
    public var report: Report?
    /// With `--quiet`: how many findings of each other severity were found but not listed.
    public var unlisted: [Severity: Int] = [:]

    public init(path: String, source: SourceText, diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
    }
}

/// A path that could not be checked: missing, unreadable, not a file.
public struct LintProblem: Error, Sendable, Hashable {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// The outcome of one `lint` run, which every output format renders.
public struct LintResult: Sendable {
    public var files: [LintedFile]
    public var problems: [LintProblem]
    /// `--quiet`: only errors are listed; the summary says what else was found.
    public var errorsOnly = false

    public init(files: [LintedFile] = [], problems: [LintProblem] = []) {
        self.files = files
        self.problems = problems
    }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { total, file in total + file.diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
    }

    public var errorCount: Int { count(.error) }
    public var warningCount: Int { count(.warning) }
    public var informationCount: Int { count(.information) }
    public var hintCount: Int { count(.hint) }

    /// 0 when no error was found, 1 when any was, 2 when a path could not be
    /// checked (2 wins over 1: a run that skipped a file proves nothing).
    public var exitStatus: Int32 {
        if !problems.isEmpty { return 2 }
        return errorCount > 0 ? 1 : 0
    }

    /// `检查了 2 个文件：3 个错误，1 个警告，10 个提示`, with `，n 个建议` when
    /// there are hints and `；n 个路径无法读取` when something could not be read.
    public var summaryLine: String {
        var line: String
        if errorsOnly {
            // Never "0 个警告" when warnings were found and only hidden.
            line = "检查了 \(files.count) 个文件：\(errorCount) 个错误"
            let hidden = Severity.allCases.dropFirst().compactMap { severity -> String? in
                let count = files.reduce(0) { $0 + ($1.unlisted[severity] ?? 0) }
                return count > 0 ? "\(count) 个\(severity.chineseName)" : nil
            }
            if !hidden.isEmpty { line += "（另有 \(hidden.joined(separator: "、"))未列出：-q 只列错误）" }
        } else {
            line = "检查了 \(files.count) 个文件：\(errorCount) 个错误，\(warningCount) 个警告，\(informationCount) 个提示"
            if hintCount > 0 { line += "，\(hintCount) 个建议" }
        }
        if !problems.isEmpty { line += "；\(problems.count) 个路径无法读取" }
        return line
    }
}
