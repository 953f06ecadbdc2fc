import Foundation
import JuesuanCatalogue
import JuesuanChecks
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

    private let lock = NSLock()
    private var cachedAnalysis: Analysis?
    private var cachedGlossary: GlossaryIndex?

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
    public var analysis: Analysis {
        lock.lock()
        defer { lock.unlock() }
        if let cachedAnalysis { return cachedAnalysis }
        let analysis = source.bytes.count > Analysis.maximumDocumentBytes
            ? Analysis(oversizedDocumentOf: source.bytes.count, catalogue: catalogue)
            : Analysis(syntax: Parser.parse(source), catalogue: catalogue, settings: settings)
        cachedAnalysis = analysis
        return analysis
    }

    /// True once `analysis` has been computed.
    public var isAnalysed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cachedAnalysis != nil
    }

    /// The document's glossary merged over the standard one.
    public var glossary: GlossaryIndex {
        let syntax = analysis.report.syntax
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
