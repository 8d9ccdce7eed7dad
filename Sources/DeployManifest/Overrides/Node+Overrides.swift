import DeployYAML

extension Node {
    /// The tree with `override` applied the way the SDK's `pydash.set_` does: missing mappings along the path are
    /// created, the last key's value is replaced (or added), a number segment indexes a sequence. Returns an error
    /// message, at the segment that cannot be followed, when the path runs into a scalar (the SDK refuses to `--set`
    /// inside a value given as a reference string).
    func applying(_ override: ManifestOverride) -> Result<Node, OverrideFailure> {
        applying(override.value, along: override.path[...], override: override)
    }

    private func applying(
        _ value: Node, along path: ArraySlice<Located<String>>, override: ManifestOverride
    ) -> Result<Node, OverrideFailure> {
        guard let segment = path.first else { return .success(value) }
        let rest = path.dropFirst()
        switch content {
        case .mapping(var pairs):
            if let index = pairs.firstIndex(where: { $0.key.scalar?.text == segment.value }) {
                switch pairs[index].value.applying(value, along: rest, override: override) {
                case .success(let child): pairs[index].value = child
                case .failure(let failure): return .failure(failure)
                }
            } else {
                let fresh = Node(mapping: [], start: segment.node.start, file: segment.node.file)
                switch fresh.applying(value, along: rest, override: override) {
                case .success(let child): pairs.append(Pair(key: segment.node, value: child))
                case .failure(let failure): return .failure(failure)
                }
            }
            var copy = self
            copy.content = .mapping(pairs)
            return .success(copy)
        case .sequence(var items):
            guard let index = Int(segment.value), index >= 0, index <= items.count else {
                return .failure(
                    OverrideFailure(
                        message: "`\(segment.value)` is not an index of this sequence (0 to \(items.count))",
                        segment: segment))
            }
            if index == items.count {
                let fresh = Node(mapping: [], start: segment.node.start, file: segment.node.file)
                switch fresh.applying(value, along: rest, override: override) {
                case .success(let child): items.append(rest.isEmpty ? value : child)
                case .failure(let failure): return .failure(failure)
                }
            } else {
                switch items[index].applying(value, along: rest, override: override) {
                case .success(let child): items[index] = child
                case .failure(let failure): return .failure(failure)
                }
            }
            var copy = self
            copy.content = .sequence(items)
            return .success(copy)
        case .scalar:
            if isNull {
                let fresh = Node(mapping: [], start: start, end: end, file: file)
                return fresh.applying(value, along: path, override: override)
            }
            return .failure(
                OverrideFailure(
                    message: "cannot set `\(segment.value)` inside a value given as a string (\(valueDescription))",
                    segment: segment))
        }
    }
}

/// Why an override could not be applied, and the path segment at fault.
struct OverrideFailure: Error {
    /// What went wrong.
    let message: String
    /// The segment of the key path that could not be followed.
    let segment: Located<String>
}
