/// A `${{inputs.x}}`, `${{outputs.x}}` or `${{search_space.x}}` expression in a command, or the deprecated
/// single-brace `{inputs.x}` form the SDK rewrites with a warning.
struct Placeholder: Equatable {
    /// What a placeholder refers to.
    enum Namespace: String, CaseIterable {
        case inputs
        case outputs
        case searchSpace = "search_space"
    }

    /// `inputs`, `outputs` or `search_space`.
    let namespace: Namespace
    /// The name after the dot, as the SDK's regex captures it (`[\w.-]+`, so `x.path` stays whole).
    let name: String
    /// Where the expression starts, in Unicode scalars of the command text.
    let offset: Int
    /// The expression as written.
    let text: String
    /// Whether it is the single-brace form.
    let isSingleBrace: Bool
    /// Whether it sits in an optional `[...]` group (`[--lr ${{inputs.lr}}]`), which the SDK does not check.
    let isOptional: Bool

    /// Every placeholder in `command`, in order.
    static func scan(_ command: String) -> [Placeholder] {
        let scalars = Array(command.unicodeScalars)
        var found: [Placeholder] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "$", matches(scalars, index + 1, "{{"), let placeholder = double(scalars, at: index) {
                found.append(placeholder)
                index += placeholder.text.unicodeScalars.count
            } else if scalars[index] == "{", let placeholder = single(scalars, at: index) {
                found.append(placeholder)
                index += placeholder.text.unicodeScalars.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// `${{ namespace.name }}` at `start` (spaces inside the braces allowed, as the service allows them).
    private static func double(_ scalars: [Unicode.Scalar], at start: Int) -> Placeholder? {
        var index = skipSpaces(scalars, start + 3)
        guard let (namespace, afterNamespace) = namespace(scalars, at: index) else { return nil }
        index = afterNamespace
        let nameStart = index
        while index < scalars.count, isNameCharacter(scalars[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        index = skipSpaces(scalars, index)
        guard matches(scalars, index, "}}") else { return nil }
        let end = index + 2
        let optional = end < scalars.count && scalars[end] == "]" && opensOptionalGroup(scalars, before: start)
        return Placeholder(
            namespace: namespace, name: name, offset: start,
            text: String(String.UnicodeScalarView(scalars[start..<end])), isSingleBrace: false, isOptional: optional)
    }

    /// `{namespace.name}` at `start`, not part of `{{` or `}}` (the SDK's `(?<!\{)\{inputs\.([^}]*)\}(?!\})`).
    private static func single(_ scalars: [Unicode.Scalar], at start: Int) -> Placeholder? {
        guard start == 0 || scalars[start - 1] != "{" else { return nil }
        guard let (namespace, nameStart) = namespace(scalars, at: start + 1) else { return nil }
        var index = nameStart
        while index < scalars.count, scalars[index] != "}" { index += 1 }
        guard index < scalars.count, index + 1 >= scalars.count || scalars[index + 1] != "}" else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        return Placeholder(
            namespace: namespace, name: name, offset: start,
            text: String(String.UnicodeScalarView(scalars[start...index])), isSingleBrace: true, isOptional: false)
    }

    /// The namespace and the dot after it at `index`, and the index after the dot.
    private static func namespace(_ scalars: [Unicode.Scalar], at index: Int) -> (Namespace, Int)? {
        for namespace in Namespace.allCases where matches(scalars, index, namespace.rawValue + ".") {
            return (namespace, index + namespace.rawValue.unicodeScalars.count + 1)
        }
        return nil
    }

    /// Whether `[` precedes `start` with only `[\w.\s-]` in between.
    private static func opensOptionalGroup(_ scalars: [Unicode.Scalar], before start: Int) -> Bool {
        var index = start - 1
        while index >= 0 {
            let scalar = scalars[index]
            if scalar == "[" { return true }
            guard isNameCharacter(scalar) || scalar.properties.isWhitespace else { return false }
            index -= 1
        }
        return false
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "." || scalar == "-" || scalar.properties.isAlphabetic
            || scalar.properties.numericType == .decimal
    }

    private static func skipSpaces(_ scalars: [Unicode.Scalar], _ start: Int) -> Int {
        var index = start
        while index < scalars.count, scalars[index] == " " { index += 1 }
        return index
    }

    private static func matches(_ scalars: [Unicode.Scalar], _ index: Int, _ text: String) -> Bool {
        var position = index
        for scalar in text.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }
}
