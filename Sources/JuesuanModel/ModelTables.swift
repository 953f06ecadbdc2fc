import Dispatch
import JuesuanCatalogue

/// The tables the model and the prose reader build once per process, on first use (`static
/// let`: the standard tables, the names prose gives figures, longest first, and their bytes),
/// and the embedded catalogue.
public enum ModelTables {
    /// Builds them on another thread, in the order a document needs them, so that a lint of a
    /// small report (or a server's first document) finds them made while its own thread reads
    /// and parses the file (issue 15: they were a fifth of such a lint). A thread that needs a
    /// table meanwhile waits for it; none is built twice.
    public static func warmUp() {
        DispatchQueue.global().async { build() }
    }

    static func build() {
        _ = StandardTableSpec.all
        _ = Catalogue.embedded
        _ = FigureNames.tableNameBytes
        _ = FigureNames.tableIsSimple
        _ = QuantityNames.aliasBytesByLastScalar
        _ = QuantityNames.aliasLastScalars
        _ = QuantityNames.neutralBytes
        _ = Identities.byWholeBytes
        _ = ProseText.traditionalBits
    }
}
