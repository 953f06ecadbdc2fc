import JuesuanChecks

/// Facts about the tool that outputs and `--version` print.
public enum ToolInfo {
    public static let name = "juesuan"
    public static let version = "0.1.0"
    /// Where the project lives; SARIF links rules to its README from here.
    public static let informationURI = "https://github.com/juesuan/juesuan"

    /// The documentation of one rule: its entry in the README's rule list.
    public static func helpURI(for rule: Rule) -> String {
        "\(informationURI)/blob/main/\(rule.documentationPath)"
    }
}
