/// Plain text made inert in Markdown (hover): the ASCII marks that start emphasis, code,
/// links, images, HTML, entities, headings, table cells and URL schemes (`:`) are
/// backslash-escaped, so no link (a `command:` URI), image, tag or cell can come from a report;
/// line breaks and other control characters become spaces. `+ - . =` stay: inside a line they
/// mean nothing, and figures keep their look in the raw text.
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x21, 0x23, 0x26, 0x28, 0x29, 0x2A, 0x3A, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x5F, 0x60, 0x7B, 0x7C, 0x7D, 0x7E:
                out += "\\"
                out.unicodeScalars.append(scalar)
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out += " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
