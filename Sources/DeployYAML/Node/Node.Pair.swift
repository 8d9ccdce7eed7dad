extension Node {
    /// One key/value entry of a mapping.
    public struct Pair: Sendable, Equatable, Hashable {
        /// The key node (usually a string scalar).
        public var key: Node
        /// The value node.
        public var value: Node

        /// A pair of nodes.
        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }

        /// A pair with a plain scalar key.
        public init(_ key: String, _ value: Node) {
            self.init(key: Node(scalar: key), value: value)
        }
    }
}
