import DeployYAML

/// Reads one YAML mapping against a schema: every accessor declares its key as known, reports wrong types at the
/// value, and `finish()` reports the keys no accessor asked for (with a "did you mean" when one is close).
final class MappingReader {
    /// The mapping node.
    let node: Node
    /// Where "missing key" errors point: the mapping's key in its parent, or the mapping itself at the top level.
    let anchor: Node
    /// The mapping's dotted path (`""` at the top level).
    let path: String
    /// The loading context.
    let context: LoadContext
    /// The mapping's pairs whose keys are strings, by key text.
    private let pairsByKey: [String: Node.Pair]
    /// The keys declared so far, in order (the candidates for suggestions).
    private var known: [String] = []
    private var knownSet: Set<String> = []

    /// A reader for `node`, or `nil` (after reporting "expected a mapping") when it is not a mapping.
    init?(_ node: Node, anchor: Node? = nil, path: String, context: LoadContext) {
        guard let pairs = node.pairs else {
            context.error("\(LoadContext.prefix(path))expected a mapping, found \(node.valueDescription)", at: node)
            return nil
        }
        self.node = node
        self.anchor = anchor ?? node
        self.path = path
        self.context = context
        var byKey: [String: Node.Pair] = [:]
        for pair in pairs {
            if let text = pair.key.scalar?.text, byKey[text] == nil { byKey[text] = pair }
        }
        self.pairsByKey = byKey
    }

    /// The pairs in source order.
    var pairs: [Node.Pair] { node.pairs ?? [] }

    /// Declares `key` as known and returns its pair, if present.
    func pair(_ key: String) -> Node.Pair? {
        declare(key)
        return pairsByKey[key]
    }

    /// Declares `key` as known and returns its value, if present.
    func value(_ key: String) -> Node? {
        pair(key)?.value
    }

    /// Whether the mapping has `key` (does not declare it).
    func has(_ key: String) -> Bool { pairsByKey[key] != nil }

    /// The key node of `key`, if present (does not declare it).
    func keyNode(_ key: String) -> Node? { pairsByKey[key]?.key }

    /// The keys written in the mapping under `key` (whether or not their values are valid), for placeholder checks.
    func keys(of key: String) -> [String] {
        pairsByKey[key]?.value.pairs?.compactMap { $0.key.scalar?.text } ?? []
    }

    /// Declares keys as known without reading them.
    func declare(_ keys: String...) {
        for key in keys { declare(key) }
    }

    private func declare(_ key: String) {
        if knownSet.insert(key).inserted { known.append(key) }
    }

    /// The dotted path of `key` in this mapping.
    func childPath(_ key: String) -> String { LoadContext.join(path, key) }

    /// Reports a missing required key at the anchor.
    func missing(_ key: String) {
        context.error("\(LoadContext.prefix(path))missing required key `\(key)`", at: anchor)
    }

    /// Keys the SDK drops without a word because they are read-only: accepted, with a warning.
    func readOnly(_ keys: [String]) {
        for key in keys {
            if let pair = pair(key) {
                context.warning("\(childPath(key)): read-only key, ignored", at: pair.key)
            }
        }
    }

    /// Reports every key no accessor declared. `hints` give a specific explanation for some keys.
    func finish(hints: [String: String] = [:]) {
        for pair in pairs {
            guard let text = pair.key.scalar?.text else {
                context.error(
                    "\(LoadContext.prefix(path))expected a string key, found \(pair.key.valueDescription)", at: pair.key
                )
                continue
            }
            guard !knownSet.contains(text) else { continue }
            var message = "\(childPath(text)): unknown key"
            if let hint = hints[text] {
                message += "; " + hint
            } else if let suggestion = EditDistance.closest(to: text, among: known) {
                message += "; did you mean `\(suggestion)`?"
            }
            context.error(message, at: pair.key)
        }
    }
}
