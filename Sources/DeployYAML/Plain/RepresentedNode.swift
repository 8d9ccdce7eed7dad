/// A node as PyYAML's representer builds it from Python data: scalars carry their tag and text, and a collection
/// reached twice (through an alias in the loaded file) is the same object, which the dumper writes as an anchor.
final class RepresentedNode {
    enum Content {
        case scalar(tag: Tag, text: [Unicode.Scalar])
        case sequence([RepresentedNode])
        case mapping([(key: RepresentedNode, value: RepresentedNode)])
    }

    var content: Content

    init(_ content: Content) {
        self.content = content
    }

    /// `represent_data` for plain data; every collection is a new object.
    static func represent(_ value: YAMLPlain) -> RepresentedNode {
        switch value {
        case .sequence(let items):
            return RepresentedNode(.sequence(items.map(represent)))
        case .mapping(let pairs):
            let entries = pairs.map { (key: $0.key, value: $0.value) }
            return RepresentedNode(.mapping(sortedForDump(entries).map { (represent($0.key), represent($0.value)) }))
        default:
            return scalar(value)
        }
    }

    /// `represent_none`, `represent_bool`, `represent_int`, `represent_float`, `represent_str` and the date
    /// representers.
    static func scalar(_ value: YAMLPlain) -> RepresentedNode {
        let tag: Tag
        let text: String
        switch value {
        case .null: (tag, text) = (.null, "null")
        case .bool(let flag): (tag, text) = (.bool, flag ? "true" : "false")
        case .int(let number): (tag, text) = (.int, String(number))
        case .bigInt(let digits): (tag, text) = (.int, digits)
        case .float(let number): (tag, text) = (.float, floatText(number))
        case .string(let string): (tag, text) = (.str, string)
        case .timestamp(let iso): (tag, text) = (.timestamp, iso)
        case .sequence, .mapping: preconditionFailure("collections are represented by represent(_:)")
        }
        return RepresentedNode(.scalar(tag: tag, text: Array(text.unicodeScalars)))
    }

    /// `repr(value).lower()`, with `.0` inserted before an exponent that has no dot, and `.nan`, `.inf`, `-.inf`.
    static func floatText(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        var text = PythonFloat.repr(value).lowercased()
        if !text.contains("."), let e = text.firstIndex(of: "e") {
            text.replaceSubrange(e...e, with: ".0e")
        }
        return text
    }

    /// `sorted(mapping.items())` where Python can compare every pair of keys (all strings, or all numbers);
    /// insertion order otherwise, as PyYAML falls back to when sorting raises `TypeError`.
    static func sortedForDump<Value>(_ pairs: [(key: YAMLPlain, value: Value)]) -> [(key: YAMLPlain, value: Value)] {
        guard pairs.count > 1 else { return pairs }
        if pairs.allSatisfy({ if case .string = $0.key { true } else { false } }) {
            return pairs.sorted { left, right in
                guard case .string(let a) = left.key, case .string(let b) = right.key else { return false }
                return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
            }
        }
        let numbers = pairs.map { numericValue($0.key) }
        guard numbers.allSatisfy({ $0 != nil }) else { return pairs }
        return zip(pairs, numbers).sorted { $0.1! < $1.1! }.map(\.0)
    }

    /// A key's value as a number when Python compares it numerically (big integers approximately).
    private static func numericValue(_ key: YAMLPlain) -> Double? {
        switch key {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return Double(number)
        case .bigInt(let digits): return Double(digits)
        case .float(let number): return number
        default: return nil
        }
    }
}
