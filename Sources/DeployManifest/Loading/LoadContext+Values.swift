import DeployYAML

/// Typed reads of single values, with the SDK's (marshmallow's) acceptance rules and our messages.
extension LoadContext {
    /// `path: expected <what>, found <value>` at the node.
    func mismatch(_ path: String, _ expected: String, _ node: Node, hint: String? = nil) {
        var message = "\(LoadContext.prefix(path))expected \(expected), found \(node.valueDescription)"
        if let hint { message += "; " + hint }
        error(message, at: node)
    }

    /// The resolved scalar, or `nil` after reporting (collections, and text its tag cannot hold).
    func resolved(_ node: Node, _ path: String, expected: String) -> ResolvedScalar? {
        guard node.scalar != nil else {
            mismatch(path, expected, node)
            return nil
        }
        do {
            return try node.resolvedScalar()
        } catch {
            self.error("\(LoadContext.prefix(path))\(error.message)", at: node)
            return nil
        }
    }

    /// A string (marshmallow `fields.Str`: numbers, booleans and null are errors).
    func string(_ node: Node, _ path: String) -> Located<String>? {
        guard let scalar = resolved(node, path, expected: "a string") else { return nil }
        guard case .string(let text) = scalar else {
            mismatch(path, "a string", node)
            return nil
        }
        return Located(text, node: node)
    }

    /// An integer (marshmallow `fields.Int`): integers, floats without a fraction and integer strings.
    func int(_ node: Node, _ path: String) -> Located<Int>? {
        guard let scalar = resolved(node, path, expected: "an integer") else { return nil }
        switch scalar {
        case .int(let value):
            return Located(value, node: node)
        case .float(let value) where value.rounded() == value && abs(value) < 9.2e18:
            return Located(Int(value), node: node)
        case .string(let text):
            if let value = Int(text.trimmingWhitespace) { return Located(value, node: node) }
        case .bigInt:
            mismatch(path, "an integer", node, hint: "it is out of range")
            return nil
        default:
            break
        }
        mismatch(path, "an integer", node)
        return nil
    }

    /// An integer that may be null (`allow_none=True`): null gives `.some(nil)`.
    func nullableInt(_ node: Node, _ path: String) -> Located<Int>?? {
        if node.isNull { return .some(nil) }
        guard let value = int(node, path) else { return nil }
        return .some(value)
    }

    /// A float (marshmallow `fields.Float`): numbers and numeric strings; booleans, NaN and infinities are errors.
    func double(_ node: Node, _ path: String) -> Located<Double>? {
        guard let scalar = resolved(node, path, expected: "a number") else { return nil }
        switch scalar {
        case .int(let value): return Located(Double(value), node: node)
        case .bigInt(let digits): return Double(digits).map { Located($0, node: node) }
        case .float(let value) where value.isFinite: return Located(value, node: node)
        case .string(let text):
            if let value = Double(text.trimmingWhitespace), value.isFinite { return Located(value, node: node) }
        default: break
        }
        mismatch(path, "a number", node)
        return nil
    }

    /// A float that may be null.
    func nullableDouble(_ node: Node, _ path: String) -> Located<Double>?? {
        if node.isNull { return .some(nil) }
        guard let value = double(node, path) else { return nil }
        return .some(value)
    }

    /// A number kept as an integer or a float (search-space bounds): strings and booleans are errors.
    func sweepNumber(_ node: Node, _ path: String) -> Located<SweepNumber>? {
        guard let scalar = resolved(node, path, expected: "a number") else { return nil }
        switch scalar {
        case .int(let value): return Located(.int(value), node: node)
        case .float(let value) where value.isFinite: return Located(.float(value), node: node)
        default:
            mismatch(path, "a number", node)
            return nil
        }
    }

    /// A boolean (marshmallow `fields.Bool`: also `1`/`0` and strings such as `"yes"`).
    func bool(_ node: Node, _ path: String) -> Located<Bool>? {
        guard let scalar = resolved(node, path, expected: "a boolean") else { return nil }
        switch scalar {
        case .bool(let value): return Located(value, node: node)
        case .int(1): return Located(true, node: node)
        case .int(0): return Located(false, node: node)
        case .string(let text):
            if ["t", "true", "on", "y", "yes", "1"].contains(text.lowercased()) { return Located(true, node: node) }
            if ["f", "false", "off", "n", "no", "0"].contains(text.lowercased()) { return Located(false, node: node) }
        default: break
        }
        mismatch(path, "a boolean", node)
        return nil
    }

    /// One of an enum's spellings (after the SDK's casing transform), limited to `allowed` when given.
    func enumValue<E: ManifestEnum>(
        _ node: Node, _ path: String, _ type: E.Type, allowed: [E]? = nil, caseSensitive: Bool = false
    ) -> Located<E>? {
        let choices = allowed ?? Array(E.allCases)
        let list = choices.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        let expected = choices.count == 1 ? list : "one of " + list
        guard case .string(let text)? = (node.scalar != nil ? try? node.resolvedScalar() : nil) else {
            mismatch(path, expected, node)
            return nil
        }
        let parsed = caseSensitive ? E(rawValue: text) : E.parse(text)
        guard let parsed, choices.contains(where: { $0.rawValue == parsed.rawValue }) else {
            mismatch(path, expected, node)
            return nil
        }
        return Located(parsed, node: node)
    }

    /// An asset version: a string or an integer (coerced to a string). Floats are refused because the SDK would
    /// send Python's `str()` of them (`1.10` becomes `"1.1"`).
    func version(_ node: Node, _ path: String) -> Located<String>? {
        guard let scalar = resolved(node, path, expected: "a string or an integer") else { return nil }
        switch scalar {
        case .string(let text): return Located(text, node: node)
        case .int(let value): return Located(String(value), node: node)
        case .bigInt(let digits): return Located(digits, node: node)
        case .float:
            let text = node.scalar?.text ?? ""
            mismatch(path, "a string or an integer", node, hint: "quote it (\"\(text)\") to keep it as written")
            return nil
        default:
            mismatch(path, "a string or an integer", node)
            return nil
        }
    }

    /// A list of strings.
    func stringList(_ node: Node, _ path: String) -> Located<[Located<String>]>? {
        guard let items = node.items else {
            mismatch(path, "a sequence of strings", node)
            return nil
        }
        var values: [Located<String>] = []
        var failed = false
        for (index, item) in items.enumerated() {
            if let value = string(item, LoadContext.join(path, index: index)) {
                values.append(value)
            } else {
                failed = true
            }
        }
        return failed ? nil : Located(values, node: node)
    }

    /// A mapping with string keys and scalar values: `tags`, `properties`, `environment_variables`.
    /// `stringsOnly` applies the jobs' rule (values are strings or null).
    func scalarMap(_ node: Node, _ path: String, stringsOnly: Bool) -> KeyedList<Located<ResolvedScalar>>? {
        guard let pairs = node.pairs else {
            mismatch(path, "a mapping", node)
            return nil
        }
        var entries: [KeyedList<Located<ResolvedScalar>>.Entry] = []
        for pair in pairs {
            guard let key = string(pair.key, path) else { continue }
            let childPath = LoadContext.join(path, key.value)
            let expected = stringsOnly ? "a string or null" : "a scalar"
            guard let value = resolved(pair.value, childPath, expected: expected) else { continue }
            if stringsOnly {
                switch value {
                case .string, .null: break
                default:
                    mismatch(childPath, expected, pair.value, hint: "quote it")
                    continue
                }
            }
            entries.append(.init(key: key, value: Located(value, node: pair.value)))
        }
        return KeyedList(entries)
    }

    /// A mapping with string keys and values of any shape (`resources.properties`, `services.x.properties`).
    func anyMap(_ node: Node, _ path: String) -> KeyedList<Node>? {
        guard let pairs = node.pairs else {
            mismatch(path, "a mapping", node)
            return nil
        }
        var entries: [KeyedList<Node>.Entry] = []
        for pair in pairs {
            guard let key = string(pair.key, path) else { continue }
            entries.append(.init(key: key, value: pair.value))
        }
        return KeyedList(entries)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (as Python's `int()` strips them).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !" \t\n\r".unicodeScalars.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !" \t\n\r".unicodeScalars.contains($0) })!
        return String(scalars[first...last])
    }
}
