import Foundation
import JuesuanCatalogue
import JuesuanChecks
import JuesuanModel
import JuesuanSyntax

/// One version of an open document. Immutable; its analysis is a pure function of the text,
/// computed at most once, on whichever thread asks first (others wait for that result).
public final class DocumentSnapshot: @unchecked Sendable {
    public let uri: String
    public let version: Int
    public let source: SourceText
    public let catalogue: Catalogue
    /// The project's rule settings (`juesuan.toml`).
    public let settings: ProjectConfiguration.Settings

    /// Guards the caches; held only to read or store them, never while computing, so asking
    /// whether the analysis is there never waits for it.
    private let lock = NSLock()
    /// Held while the analysis is computed: a second caller waits for the first one's result
    /// instead of computing it again.
    private let computing = NSLock()
    /// The same for the model (taken inside `computing`, never the other way round).
    private let modelling = NSLock()
    private var cachedReport: Report?
    private var cachedAnalysis: Analysis?
    private var cachedGlossary: GlossaryIndex?
    private var memos: [String: Any] = [:]
    /// Held while a memo is computed (see `memo`); taken before `computing` and `modelling`.
    private let memoComputing = NSRecursiveLock()

    public init(uri: String, version: Int, source: SourceText, catalogue: Catalogue = .embedded,
                settings: ProjectConfiguration.Settings = .init()) {
        self.uri = uri
        self.version = version
        self.source = source
        self.catalogue = catalogue
        self.settings = settings
    }

    public convenience init(uri: String, version: Int, text: String, catalogue: Catalogue = .embedded,
                            settings: ProjectConfiguration.Settings = .init()) {
        self.init(uri: uri, version: version, source: SourceText(text), catalogue: catalogue, settings: settings)
    }

    /// Parse, model and checks of this version.
    public var analysis: Analysis { analysis(unlessCancelled: { false })! }

    /// The analysis, or nil when `isCancelled` says it is no longer wanted before it is done
    /// (nothing is cached then; the next caller starts again).
    public func analysis(unlessCancelled isCancelled: @Sendable () -> Bool) -> Analysis? {
        analysis(inParallel: false, unlessCancelled: isCancelled)
    }

    /// - Parameter inParallel: a large document is parsed and modelled on two threads (the
    ///   server's full analyses); its checks always are.
    public func analysis(inParallel: Bool, unlessCancelled isCancelled: @Sendable () -> Bool) -> Analysis? {
        if let cached = storedAnalysis { return cached }
        computing.lock()
        defer { computing.unlock() }
        if let cached = storedAnalysis { return cached }
        let analysis: Analysis
        if source.bytes.count > Analysis.maximumDocumentBytes {
            analysis = Analysis(oversizedDocumentOf: source.bytes.count, catalogue: catalogue)
        } else {
            if isCancelled() { return nil }
            guard let checked = Analysis(report: model(inParallel: inParallel), settings: settings, unlessCancelled: isCancelled) else { return nil }
            analysis = checked
        }
        lock.lock()
        cachedAnalysis = analysis
        lock.unlock()
        return analysis
    }

    /// The model of this version (parse and tables, no checks): what hover, navigation,
    /// completion and the outline need. Computed once; cheaper than `analysis`.
    public var report: Report { model(inParallel: false) }

    private func model(inParallel: Bool) -> Report {
        lock.lock()
        if let cachedReport {
            lock.unlock()
            return cachedReport
        }
        lock.unlock()
        modelling.lock()
        defer { modelling.unlock() }
        if let stored = storedReport { return stored }
        let report = source.bytes.count > Analysis.maximumDocumentBytes
            ? Report(syntax: Parser.parse(""), catalogue: catalogue)
            : Report(syntax: Parser.parse(source, inParallel: inParallel), catalogue: catalogue,
                     defaultTolerance: settings.tolerance, inParallel: inParallel)
        lock.lock()
        defer { lock.unlock() }
        if let cachedReport { return cachedReport }
        cachedReport = report
        return report
    }

    private var storedReport: Report? {
        lock.lock()
        defer { lock.unlock() }
        return cachedReport
    }

    /// The header and one edited block of this version as a document of its own (shared by
    /// the quick re-check and the requests answered through an `EditedView`).
    public func blockAlone(_ edited: EditedBlock) -> DocumentSnapshot {
        memo("blockAlone \(edited.headerEnd) \(edited.newBlock.start) \(edited.newBlock.end)") {
            DocumentSnapshot(uri: uri, version: version, source: SourceText(bytes: edited.blockAlone(source)), catalogue: catalogue, settings: settings)
        }
    }

    /// The small document of a row-level re-check (`RowScope`) of this version, made once and
    /// shared by the quick re-check and the edited view.
    public func rowsAlone(_ scope: RowScope) -> DocumentSnapshot {
        // The lines copied decide the small document (this version's text is fixed).
        memo("rowsAlone \(scope.origin.hashValue) \(scope.origin.count)") {
            DocumentSnapshot(uri: uri, version: version, source: SourceText(bytes: scope.bytes), catalogue: catalogue, settings: settings)
        }
    }

    /// The analysis if it is computed already; never waits.
    public var storedAnalysis: Analysis? {
        lock.lock()
        defer { lock.unlock() }
        return cachedAnalysis
    }

    /// True once `analysis` has been computed.
    public var isAnalysed: Bool { storedAnalysis != nil }

    /// A whole-document result of this version (semantic tokens, the outline), computed once:
    /// editors ask for them again and again, and a version never changes.
    func memo<Value>(_ key: String, _ compute: () -> Value) -> Value {
        if let stored = storedMemo(key, as: Value.self) { return stored }
        // One computation at a time per version: a second caller waits for the first one's
        // result instead of computing it again (the server's precomputation after an analysis
        // and an editor's request often meet). Recursive: a memo may be made of others.
        memoComputing.lock()
        defer { memoComputing.unlock() }
        if let stored = storedMemo(key, as: Value.self) { return stored }
        let value = compute()
        lock.lock()
        memos[key] = value
        lock.unlock()
        return value
    }

    private func storedMemo<Value>(_ key: String, as: Value.Type) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return memos[key] as? Value
    }

    /// The document's glossary merged over the standard one.
    public var glossary: GlossaryIndex {
        let syntax = report.syntax
        lock.lock()
        defer { lock.unlock() }
        if let cachedGlossary { return cachedGlossary }
        let index = GlossaryIndex(syntax: syntax)
        cachedGlossary = index
        return index
    }

    /// A new version with `changes` applied (positions in `unit`, clamped to the text).
    public func applying(_ changes: [TextChange], unit: ColumnUnit, version: Int) -> DocumentSnapshot {
        DocumentSnapshot(uri: uri, version: version, source: source.applying(changes, unit: unit), catalogue: catalogue, settings: settings)
    }

    /// The document's text.
    public var text: String { String(decoding: source.bytes, as: UTF8.self) }
}
