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

extension Node {
    /// The key's value when PyYAML would construct a string from it, else `nil`; cheap for the common keys.
    var stringKey: String? {
        guard case .scalar(let scalar) = content else { return nil }
        switch tag {
        case nil:
            if scalar.style != .plain { return scalar.text }
            if let first = scalar.text.utf8.first, ImplicitType.startsOnlyStrings(first) { return scalar.text }
            return ImplicitType(scalar.text).isStringKey ? scalar.text : nil
        case Tag.str?:
            return scalar.text
        case Tag.nonSpecific?:
            return ImplicitType(scalar.text).isStringKey ? scalar.text : nil
        default:
            return nil
        }
    }
}

extension ImplicitType {
    /// Strings, and `=`, which PyYAML turns into a string when it is a key.
    var isStringKey: Bool { self == .string || self == .value }
}
