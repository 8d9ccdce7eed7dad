extension Node: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// A plain scalar, so `"12"` resolves as the integer 12 just as it would in a YAML file.
    public init(stringLiteral value: String) {
        self.init(scalar: value)
    }

    /// A sequence.
    public init(arrayLiteral elements: Node...) {
        self.init(sequence: elements)
    }

    /// A mapping, keys in the order written.
    public init(dictionaryLiteral elements: (Node, Node)...) {
        self.init(mapping: elements.map { Pair(key: $0.0, value: $0.1) })
    }
}
