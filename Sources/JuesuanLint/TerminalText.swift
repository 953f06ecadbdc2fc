/// Text from a report (messages quote it) or a file name, made safe to print to a terminal:
/// C0 controls and DEL become their visible symbols (␛, ␇, ␊ …), C1 controls (U+0080–U+009F,
/// which some terminals take as CSI) and the bidirectional overrides that can disguise text
/// become `<U+XXXX>`. Nothing a report holds can colour, move or retitle the terminal.
public enum TerminalText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out += "\u{2421}"
            case _ where needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The same for multi-line output (stderr messages): line breaks and tabs are kept.
    public static func visibleKeepingLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\t") }
            .joined(separator: "\n")
    }

    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
