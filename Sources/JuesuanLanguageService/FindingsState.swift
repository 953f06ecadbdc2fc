import JuesuanChecks
import JuesuanSyntax

/// The findings of one version of a document, and what the next version's quick re-check
/// builds on: after an edit, only the edited block is checked again (see `IncrementalAnalysis`).
public struct FindingsState: Sendable {
    let state: IncrementalAnalysis.State

    public var diagnostics: [Diagnostic] { state.diagnostics }

    /// The complete findings of a version (its full analysis).
    public init(fullAnalysisOf snapshot: DocumentSnapshot) {
        state = IncrementalAnalysis.State(snapshot.analysis)
    }

    /// The same, or nil once `isCancelled` says it is no longer wanted (a newer version arrived).
    public init?(fullAnalysisOf snapshot: DocumentSnapshot, inParallel: Bool = false, unlessCancelled isCancelled: @Sendable () -> Bool) {
        guard let analysis = snapshot.analysis(inParallel: inParallel, unlessCancelled: isCancelled) else { return nil }
        state = IncrementalAnalysis.State(analysis)
    }

    init(_ state: IncrementalAnalysis.State) { self.state = state }

    /// The findings of a later version, re-checking only the block its edits touched; nil
    /// when the edits reach beyond one block and a full analysis is needed.
    public func updated(to snapshot: DocumentSnapshot) -> FindingsState? {
        guard snapshot.source.bytes.count <= Analysis.maximumDocumentBytes else { return nil }
        return IncrementalAnalysis.update(state, newSource: snapshot.source, catalogue: snapshot.catalogue, settings: snapshot.settings,
                                          analyseBlock: { snapshot.blockAlone($0).analysis },
                                          analyseRows: { snapshot.rowsAlone($0).analysis }).map(FindingsState.init)
    }
}
