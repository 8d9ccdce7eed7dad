/// A sweep's search space: its parameters in the order the job defines them, each with the distribution its values
/// are drawn from.
public struct SearchSpace: Sendable, Hashable {
    /// The parameters in definition order; names are unique.
    public let parameters: [SearchParameter]

    /// A search space from parameters with unique names.
    public init(_ parameters: [SearchParameter]) {
        precondition(Set(parameters.map(\.name)).count == parameters.count, "search space names must be unique")
        self.parameters = parameters
    }

    /// The parameter names in definition order.
    public var names: [String] { parameters.map(\.name) }

    /// The distribution of the parameter `name`, if there is one.
    public subscript(name: String) -> Distribution? {
        parameters.first { $0.name == name }?.distribution
    }
}
