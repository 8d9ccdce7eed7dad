public import DeployYAML

/// A value read from a manifest together with the YAML node it came from, so any later stage (REST translation,
/// plan graph) can report a problem at the value's `line:col`.
public struct Located<Value: Sendable>: Sendable {
    /// The typed value.
    public var value: Value
    /// The node the value was read from (a scalar, or the mapping or sequence that holds a compound value).
    public var node: Node

    /// A value read from `node`.
    public init(_ value: Value, node: Node) {
        self.value = value
        self.node = node
    }

    /// Where the value starts in its source.
    public var mark: Mark { node.start }

    /// The source the value was read from (the manifest, a file it references, or a `--set` argument).
    public var file: SourceFile { node.file }

    /// The same node holding a transformed value.
    public func map<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> Located<T> {
        Located<T>(try transform(value), node: node)
    }

    /// A diagnostic pointing at the value, quoting its source line.
    public func diagnostic(_ severity: Diagnostic.Severity, _ message: String) -> Diagnostic {
        Diagnostic(severity, message, at: node)
    }
}

extension Located: Equatable where Value: Equatable {
    /// Equal when the values are equal and they were read from the same position of the same source name.
    public static func == (lhs: Located, rhs: Located) -> Bool {
        lhs.value == rhs.value && lhs.mark == rhs.mark && lhs.node.source == rhs.node.source
    }
}

extension Located: Hashable where Value: Hashable {
    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(mark)
        hasher.combine(node.source)
    }
}
