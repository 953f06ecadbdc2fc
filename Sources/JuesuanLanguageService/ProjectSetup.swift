import JuesuanCatalogue
import JuesuanChecks

/// What a document is checked with: its project's rule settings and catalogue
/// (`juesuan.toml` found by walking up from the document, `initializationOptions.catalog`).
public struct ProjectSetup: Sendable {
    public var settings: ProjectConfiguration.Settings
    public var catalogue: Catalogue
    /// A problem to show the user (a malformed `juesuan.toml`, an unreadable catalogue), once.
    public var problem: String?

    public init(settings: ProjectConfiguration.Settings = .init(), catalogue: Catalogue = .embedded, problem: String? = nil) {
        self.settings = settings
        self.catalogue = catalogue
        self.problem = problem
    }
}

/// Finds a document's setup. The language service reads no file: the program that starts
/// the server supplies this (from the command-line module, which reads files for `lint`).
/// - Parameters: the document's file path (nil for an unsaved document), the workspace
///   folders' paths, and the catalogue file the client's settings name (if any).
public typealias ProjectSetupProvider = @Sendable (_ documentPath: String?, _ workspaceFolders: [String], _ clientCatalog: String?) -> ProjectSetup
