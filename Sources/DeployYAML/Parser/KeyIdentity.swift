/// What makes two mapping keys the same key: the value PyYAML would construct for a scalar (so `yes` and `true`,
/// or `0x1` and `1`, collide), and structural equality for collections.
enum KeyIdentity: Hashable {
    case value(ResolvedScalar)
    /// A scalar PyYAML could not construct (`!!int abc`), compared by tag and text.
    case unresolvable(Tag?, String)
    case collection(Node)

    init(_ key: Node) {
        guard case .scalar(let scalar) = key.content else {
            self = .collection(key)
            return
        }
        switch ScalarConstructor.construct(text: scalar.text, tag: key.tag, style: scalar.style) {
        case .success(let value):
            self = .value(value)
        case .failure:
            // PyYAML turns a `=` key (tag:yaml.org,2002:value) into a string when it flattens a mapping.
            if key.implicitType == .value {
                self = .value(.string(scalar.text))
            } else {
                self = .unresolvable(key.tag, scalar.text)
            }
        }
    }
}

/// The keys of one mapping, for duplicate detection: a short array scanned linearly, then a dictionary.
struct KeySet {
    private var small: [(KeyIdentity, Mark)] = []
    private var large: [KeyIdentity: Mark]?

    /// Adds a key; returns the mark of the earlier equal key instead when there is one.
    mutating func insert(_ identity: KeyIdentity, mark: Mark) -> Mark? {
        if large != nil {
            if let existing = large![identity] { return existing }
            large![identity] = mark
            return nil
        }
        for (existing, existingMark) in small where existing == identity { return existingMark }
        small.append((identity, mark))
        if small.count > 12 {
            large = Dictionary(small, uniquingKeysWith: { first, _ in first })
            small = []
        }
        return nil
    }
}
