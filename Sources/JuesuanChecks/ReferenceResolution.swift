import JuesuanModel
import JuesuanSyntax

extension Report {
    /// The figure a `校验` reference (`公开01.本年收入合计`, `公开06.30217.决算数`) names, resolved
    /// exactly as the user checks (X409/X410) resolve it; nil when it names nothing.
    /// An empty cell resolves to a zero figure whose range is the row's name.
    public func resolve(_ reference: ReferenceSyntax) -> Figure? {
        try? UserCheck.resolve(reference, in: self).get()
    }
}
