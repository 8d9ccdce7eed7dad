extension Node: Equatable, Hashable {
    /// Structural equality: content, tags and scalar styles; marks and sources are ignored.
    public static func == (lhs: Node, rhs: Node) -> Bool {
        guard lhs.tag == rhs.tag else { return false }
        switch (lhs.content, rhs.content) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)): return a == b
        default: return false
        }
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(tag)
        switch content {
        case .scalar(let scalar):
            hasher.combine(0)
            hasher.combine(scalar)
        case .sequence(let items):
            hasher.combine(1)
            hasher.combine(items)
        case .mapping(let pairs):
            hasher.combine(2)
            hasher.combine(pairs)
        }
    }
}
