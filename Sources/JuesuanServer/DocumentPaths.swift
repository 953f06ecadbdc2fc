import Foundation

extension JuesuanServer {
    /// `file:///a/b%20c.juesuan` → `/a/b c.juesuan`; nil for other schemes (an unsaved document).
    static func filePath(fromURI uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = uri.dropFirst("file://".count)
        // file://localhost/path, file:///path
        if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
        return String(rest).removingPercentEncoding
    }
}
