import Foundation
import JuesuanCatalogue
import JuesuanChecks

/// Finds and reads each report's `juesuan.toml`: the nearest one in the report's directory or
/// above it (as ruff and taplo do), parsed once per file and cached, with its catalogue file
/// loaded once. Shared by `lint` and, through `juesuan lsp`, by the language server.
public final class ProjectFiles: @unchecked Sendable {
    /// What a report is checked with.
    public struct Resolved: Sendable {
        public var settings: ProjectConfiguration.Settings
        /// The project's catalogue (laid over the embedded one), if it names one.
        public var catalogue: Catalogue?
        /// The configuration file used, if any.
        public var configurationPath: String?
    }

    /// `--config FILE`: this file for every report, no search.
    public let explicitPath: String?
    /// `--no-config`: no project file at all.
    public let disabled: Bool

    private let lock = NSLock()
    private var nearest: [String: String?] = [:]
    private var parsed: [String: Result<ProjectConfiguration, LintProblem>] = [:]
    private var catalogues: [String: Result<Catalogue, LintProblem>] = [:]

    public init(explicitPath: String? = nil, disabled: Bool = false) {
        self.explicitPath = explicitPath.map(ProjectFiles.absolute)
        self.disabled = disabled
    }

    /// `/a/b/../c` → `/a/c`; relative paths from the current directory. The components are
    /// read here, not by `URL`: the first `URL` of a process cost a lint the run-time's search
    /// of every protocol conformance in the binary, twice (issue 15). Like `URL`'s
    /// `standardizedFileURL`, it leaves symbolic links alone; empty components go too (`a//b`).
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        var components: [Substring] = []
        for component in full.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        // Appended one by one: `joined` on substrings is generic (the run-time's search again).
        var result = ""
        for component in components { result += "/" + String(component) }
        return result.isEmpty ? "/" : result
    }

    /// The directory holding `path` (absolute, as `absolute` makes it): `/a/b` → `/a`,
    /// `/a` → `/`, `/` → `/`.
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// The working directory (`getcwd`), or `/` when it cannot be read.
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The nearest `juesuan.toml` at or above `directory` (absolute).
    public func configurationFile(at directory: String) -> String? {
        lock.lock()
        if let cached = nearest[directory] { lock.unlock(); return cached }
        lock.unlock()
        var found: String?
        var current = directory
        // `stat` and the path's own bytes, not `FileManager` and `NSString`: their first use
        // was a third of a millisecond of every lint (issue 15).
        while true {
            let candidate = (current == "/" ? "" : current) + "/" + ProjectConfiguration.fileName
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                found = candidate
                break
            }
            let parent = ProjectFiles.parent(of: current)
            if parent == current || parent.isEmpty { break }
            current = parent
        }
        lock.lock()
        nearest[directory] = .some(found)
        lock.unlock()
        return found
    }

    /// The parsed configuration file (cached).
    public func configuration(at path: String) -> Result<ProjectConfiguration, LintProblem> {
        lock.lock()
        if let cached = parsed[path] { lock.unlock(); return cached }
        lock.unlock()
        let result: Result<ProjectConfiguration, LintProblem>
        switch FileInput.read(path) {
        case .failure(let problem):
            result = .failure(problem)
        case .success(let bytes):
            do {
                result = .success(try ProjectConfiguration(parsing: String(decoding: bytes, as: UTF8.self)))
            } catch {
                result = .failure(LintProblem(path: path, message: "配置文件有误，\(error.description)"))
            }
        }
        lock.lock()
        parsed[path] = result
        lock.unlock()
        return result
    }

    func catalogue(at path: String) -> Result<Catalogue, LintProblem> {
        lock.lock()
        if let cached = catalogues[path] { lock.unlock(); return cached }
        lock.unlock()
        let result = LintRunner.loadCatalogue(path: path)
        lock.lock()
        catalogues[path] = result
        lock.unlock()
        return result
    }

    /// The settings for a report at `path` (a file that may not exist yet: an unsaved
    /// document, `--stdin-filename`).
    public func resolve(file path: String) -> Result<Resolved, LintProblem> {
        let file = Self.absolute(path)
        return resolve(file: file, directory: (file as NSString).deletingLastPathComponent)
    }

    /// The settings for a report known only by a directory it belongs to.
    public func resolve(directory: String) -> Result<Resolved, LintProblem> {
        let directory = Self.absolute(directory)
        return resolve(file: directory + "/-", directory: directory)
    }

    private func resolve(file: String, directory: String) -> Result<Resolved, LintProblem> {
        if disabled { return .success(Resolved(settings: .init(), catalogue: nil, configurationPath: nil)) }
        guard let configPath = explicitPath ?? configurationFile(at: directory) else {
            return .success(Resolved(settings: .init(), catalogue: nil, configurationPath: nil))
        }
        let configuration: ProjectConfiguration
        switch self.configuration(at: configPath) {
        case .failure(let problem): return .failure(problem)
        case .success(let value): configuration = value
        }
        let base = (configPath as NSString).deletingLastPathComponent
        let relative = file.hasPrefix(base + "/") ? String(file.dropFirst(base.count + 1)) : file
        var catalogue: Catalogue?
        if let catalog = configuration.catalog {
            let catalogPath = catalog.hasPrefix("/") ? catalog : Self.absolute(base + "/" + catalog)
            switch self.catalogue(at: catalogPath) {
            case .failure(let problem):
                return .failure(LintProblem(path: configPath, message: "catalog = \"\(catalog)\"：\(problem.path)：\(problem.message)"))
            case .success(let loaded): catalogue = loaded
            }
        }
        return .success(Resolved(settings: configuration.settings(forRelativePath: relative), catalogue: catalogue, configurationPath: configPath))
    }
}

extension ProjectFiles {
    /// What the language server checks an open document with: its `juesuan.toml` (from the
    /// document's directory, or the first workspace folder for an unsaved document), and the
    /// catalogue the client's settings name when the project names none (the project file
    /// wins, so the editor shows what CI shows). A problem is returned as a message.
    public static func editorSetup(documentPath: String?, workspaceFolders: [String], clientCatalog: String?)
        -> (settings: ProjectConfiguration.Settings, catalogue: Catalogue, problem: String?) {
        let files = ProjectFiles()  // fresh each time: an edited juesuan.toml counts at the next open
        let resolved: Result<Resolved, LintProblem>
        if let documentPath {
            resolved = files.resolve(file: documentPath)
        } else if let folder = workspaceFolders.first {
            resolved = files.resolve(directory: folder)
        } else {
            resolved = .success(Resolved(settings: .init(), catalogue: nil, configurationPath: nil))
        }
        switch resolved {
        case .failure(let problem):
            return (.init(), .embedded, "\(problem.path)：\(problem.message)")
        case .success(let project):
            if let catalogue = project.catalogue { return (project.settings, catalogue, nil) }
            guard let clientCatalog else { return (project.settings, .embedded, nil) }
            let path = clientCatalog.hasPrefix("/") || workspaceFolders.isEmpty ? clientCatalog : workspaceFolders[0] + "/" + clientCatalog
            switch files.catalogue(at: absolute(path)) {
            case .success(let catalogue): return (project.settings, catalogue, nil)
            case .failure(let problem): return (project.settings, .embedded, "juesuan.catalog：\(problem.path)：\(problem.message)")
            }
        }
    }
}
