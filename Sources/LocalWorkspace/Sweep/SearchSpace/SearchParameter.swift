/// One named parameter of a search space (or a member of a dictionary that a `choice` offers).
public struct SearchParameter: Sendable, Hashable {
    /// The name substituted for `${{search_space.<name>}}`.
    public let name: String
    /// Where its values come from.
    public let distribution: Distribution

    /// A parameter named `name` drawn from `distribution`.
    public init(_ name: String, _ distribution: Distribution) {
        self.name = name
        self.distribution = distribution
    }
}
