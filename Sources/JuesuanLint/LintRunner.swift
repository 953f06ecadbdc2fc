import Dispatch
import Foundation
import JuesuanCatalogue
import JuesuanChecks
import JuesuanSyntax

/// Checks a list of command-line paths: expands directories, reads files and
/// standard input, runs `Analysis` on each, and collects the outcome.
public struct LintRunner: Sendable {
    /// The catalogue reports are checked against unless their project names another: the
    /// embedded one unless set. The embedded one is built on another thread at launch
    /// (`ModelTables.warmUp`) and fetched only when a report is modelled, so that reading and
    /// parsing the file do not wait for it (issue 15: a millisecond of every lint).
    public var catalogue: Catalogue {
        get { chosenCatalogue ?? .embedded }
        set { chosenCatalogue = newValue }
    }
    private var chosenCatalogue: Catalogue?
    /// Report errors only.
    public var errorsOnly: Bool
    /// The name under which standard input (`-`) is reported.
    public var standardInputName: String
    /// Each report's `juesuan.toml` (nil: none is read).
    public var projectFiles: ProjectFiles?
    /// True when `--catalog` was given: it wins over a project's `catalog`.
    public var catalogueFromCommandLine = false
    /// Keep each report's model in the result (the HTML page draws its tables).
    public var keepReports = false

    /// - Parameter catalogue: nil for the embedded catalogue.
    public init(catalogue: Catalogue? = nil, errorsOnly: Bool = false, standardInputName: String = "<stdin>",
                projectFiles: ProjectFiles? = nil, catalogueFromCommandLine: Bool = false) {
        chosenCatalogue = catalogue
        self.errorsOnly = errorsOnly
        self.standardInputName = standardInputName
        self.projectFiles = projectFiles
        self.catalogueFromCommandLine = catalogueFromCommandLine
    }

    /// The settings and catalogue of the report at `path` (`-`: standard input, placed by
    /// `--stdin-filename` when that names a path, else in the current directory).
    public func setup(for path: String) -> Result<(settings: ProjectConfiguration.Settings, catalogue: Catalogue), LintProblem> {
        ownSetup(for: path).map { ($0.settings, $0.catalogue ?? catalogue) }
    }

    /// The same, with nil for this runner's catalogue (not fetched here).
    func ownSetup(for path: String) -> Result<(settings: ProjectConfiguration.Settings, catalogue: Catalogue?), LintProblem> {
        guard let projectFiles else { return .success((.init(), chosenCatalogue)) }
        let resolved = path == "-"
            ? (standardInputName.contains("/") || standardInputName.hasSuffix(FileInput.fileExtension)
                ? projectFiles.resolve(file: standardInputName) : projectFiles.resolve(directory: "."))
            : projectFiles.resolve(file: path)
        return resolved.map { ($0.settings, catalogueFromCommandLine ? chosenCatalogue : $0.catalogue ?? chosenCatalogue) }
    }

    /// One document to check.
    public enum Input: Sendable, Hashable {
        case file(String)
        case standardInput
    }

    /// The documents the paths stand for, in order, and the paths that name nothing.
    /// A file reached twice (named twice, or also found under a directory) is checked once.
    public static func inputs(for paths: [String]) -> (inputs: [Input], problems: [LintProblem], notes: [String]) {
        var inputs: [Input] = []
        var problems: [LintProblem] = []
        var notes: [String] = []
        var undecodable: [String] = []
        var seen = Set<Input>()
        for path in paths {
            if path == "-" {
                if seen.insert(.standardInput).inserted { inputs.append(.standardInput) }
                continue
            }
            let expansion = FileInput.expand(path)
            problems += expansion.problems
            undecodable += expansion.undecodable
            if expansion.isDirectory, expansion.files.isEmpty, expansion.problems.isEmpty, expansion.undecodable.isEmpty {
                // Checking nothing is not a pass: a mistyped folder must not turn CI green.
                problems.append(LintProblem(path: path, message: "目录中没有 \(FileInput.fileExtension) 文件，没有检查任何报告"))
            }
            for file in expansion.files where seen.insert(.file(file)).inserted {
                inputs.append(.file(file))
            }
        }
        // Names that are not UTF-8 cannot be checked: always said; an error (exit 2) only when
        // nothing else was checked, since then the run proves nothing.
        for name in undecodable {
            let message = "文件名不是有效的 UTF-8（可能是 GBK 编码的文件名），无法检查；请把文件名改为 UTF-8"
            if inputs.isEmpty { problems.append(LintProblem(path: name, message: message)) } else { notes.append("\(name)：\(message)") }
        }
        return (inputs, problems, notes)
    }

    /// Checks one document's bytes.
    public func lint(bytes: [UInt8], path: String, settings: ProjectConfiguration.Settings = .init(), catalogue: Catalogue? = nil) -> LintedFile {
        let analysis = Analysis(bytes: bytes, catalogue: catalogue ?? self.catalogue, settings: settings)  // fetched after the parse
        let diagnostics = errorsOnly ? analysis.diagnostics.filter { $0.severity == .error } : analysis.diagnostics
        var file = LintedFile(path: path, source: analysis.source, diagnostics: diagnostics)
        if keepReports { file.report = analysis.report }
        if errorsOnly {
            for diagnostic in analysis.diagnostics where diagnostic.severity != .error { file.unlisted[diagnostic.severity, default: 0] += 1 }
        }
        // Freeing a large report's model takes milliseconds: done on another thread, so the
        // findings are written meanwhile (and a one-file run can exit first).
        if bytes.count >= LintRunner.freeAsideThreshold {
            DispatchQueue.global(qos: .utility).async { withExtendedLifetime(analysis) {} }
        }
        return file
    }

    static let freeAsideThreshold = 256 * 1024

    /// Checks the given inputs, two or more at a time when there are several.
    /// `readStandardInput` is called at most once.
    public func run(_ inputs: [Input], readStandardInput: () -> Result<[UInt8], LintProblem>) -> LintResult {
        // Standard input is read up front, on this thread.
        var stdinBytes: Result<[UInt8], LintProblem>?
        if inputs.contains(.standardInput) { stdinBytes = readStandardInput() }
        let slots = ResultSlots(count: inputs.count)
        let work: @Sendable (Int) -> Void = { [self, stdinBytes] index in
            let outcome: Result<LintedFile, LintProblem>
            switch inputs[index] {
            case .standardInput:
                switch (stdinBytes!, ownSetup(for: "-")) {
                case (.success(let bytes), .success(let setup)): outcome = .success(lint(bytes: bytes, path: standardInputName, settings: setup.settings, catalogue: setup.catalogue))
                case (.failure(let problem), _): outcome = .failure(LintProblem(path: standardInputName, message: problem.message))
                case (_, .failure(let problem)): outcome = .failure(problem)
                }
            case .file(let path):
                switch ownSetup(for: path) {
                case .success(let setup): outcome = FileInput.read(path).map { lint(bytes: $0, path: path, settings: setup.settings, catalogue: setup.catalogue) }
                case .failure(let problem): outcome = .failure(problem)
                }
            }
            slots.set(index, outcome)
        }
        if inputs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                WorkerThreads.prepareThisThread()
                work(index)
            }
        } else {
            for index in inputs.indices { work(index) }
        }
        var result = LintResult()
        result.errorsOnly = errorsOnly
        for outcome in slots.values() {
            switch outcome {
            case .success(let file): result.files.append(file)
            case .failure(let problem):
                // A broken juesuan.toml is one problem, however many reports it governs.
                if !result.problems.contains(problem) { result.problems.append(problem) }
            case nil: break
            }
        }
        return result
    }

    // MARK: Catalogue files

    /// Reads a `--catalog` file and lays it over the embedded catalogue.
    public static func loadCatalogue(path: String, base: Catalogue = .embedded) -> Result<Catalogue, LintProblem> {
        switch FileInput.read(path) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                return .success(base.merging(try userCatalogue(tsv: text)))
            } catch let error as CatalogueParseError {
                let lines = error.issues.map { "  第 \($0.line) 行：\($0.message)" }
                return .failure(LintProblem(path: path, message: "科目表有误：\n" + lines.joined(separator: "\n")))
            } catch {
                return .failure(LintProblem(path: path, message: "科目表有误：\(error)"))
            }
        }
    }

    /// A `code<TAB>name[<TAB>level]` list holding codes of either kind: lines
    /// whose code starts with 2 are 支出功能分类, those starting with 3 or 5 are
    /// 支出经济分类. Errors carry the line numbers of the whole file.
    public static func userCatalogue(tsv: String) throws -> Catalogue {
        var functional: [Substring] = []
        var economic: [Substring] = []
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" || $0 == "\u{3000}" }
            switch code.first {
            case "2":
                functional.append(line); economic.append("")
            case "3", "5":
                functional.append(""); economic.append(line)
            default:
                // Blank lines, comments, the header line and malformed lines go to both;
                // an error on such a line is reported once.
                functional.append(line); economic.append(line)
            }
        }
        var issues: [CatalogueParseError.Issue] = []
        var catalogue = Catalogue()
        for (kind, lines) in [(ClassificationKind.functional, functional), (.economic, economic)] {
            do {
                catalogue = catalogue.merging(try Catalogue(tsv: lines.joined(separator: "\n"), kind: kind))
            } catch let error as CatalogueParseError {
                issues += error.issues
            }
        }
        if !issues.isEmpty {
            var seenLines = Set<Int>()
            let unique = issues.sorted { $0.line < $1.line }.filter { seenLines.insert($0.line).inserted }
            throw CatalogueParseError(issues: unique)
        }
        return catalogue
    }
}

/// Results written by concurrent workers, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<LintedFile, LintProblem>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<LintedFile, LintProblem>) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    func values() -> [Result<LintedFile, LintProblem>?] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}
