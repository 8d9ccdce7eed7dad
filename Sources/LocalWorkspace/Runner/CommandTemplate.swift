/// A job's command line with its `${{...}}` references, as Azure ML substitutes them before running it.
///
/// - `${{inputs.<name>}}`: the input's local path (or its literal value);
/// - `${{outputs.<name>}}`: the output's local folder;
/// - `${{search_space.<name>}}`: a sweep trial's value of that parameter;
/// - `$[[ ... ]]`: an optional part, dropped when a reference inside it has no value (an optional input that was not
///   given), kept without its brackets otherwise.
///
/// Values are inserted as they are, unquoted, exactly as Azure ML does. Spaces around the dotted name are allowed.
struct CommandTemplate: Sendable, Hashable {
    /// The namespaces a reference may use.
    enum Namespace: String, Sendable, Hashable, CaseIterable {
        case inputs
        case outputs
        case searchSpace = "search_space"
    }

    /// A reference to a value.
    struct Reference: Sendable, Hashable {
        var namespace: Namespace
        var name: String

        var text: String { "${{\(namespace.rawValue).\(name)}}" }
    }

    /// Why a command cannot be substituted.
    struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        var description: String
    }

    let command: String

    init(_ command: String) {
        self.command = command
    }

    /// The command with every reference replaced by `value(reference)`; a reference without a value outside an
    /// optional part fails, naming it.
    func substituted(_ value: (Reference) -> String?) throws(Failure) -> String {
        var result = ""
        var rest = Substring(command)
        while let start = rest.firstRange(of: "$[[") {
            result += try Self.replace(rest[..<start.lowerBound], value)
            let body = rest[start.upperBound...]
            guard let end = body.firstRange(of: "]]") else {
                throw Failure(description: "the command has an optional part '$[[' without its closing ']]'")
            }
            do {
                result += try Self.replace(body[..<end.lowerBound], value)
            } catch {
                // An optional part whose reference has no value is left out, as Azure ML does.
            }
            rest = body[end.upperBound...]
        }
        result += try Self.replace(rest, value)
        return result
    }

    private static func replace(_ text: Substring, _ value: (Reference) -> String?) throws(Failure) -> String {
        var result = ""
        var rest = text
        while let open = rest.firstRange(of: "${{") {
            result += rest[..<open.lowerBound]
            let inner = rest[open.upperBound...]
            guard let close = inner.firstRange(of: "}}") else {
                throw Failure(description: "the command has a '${{' without its closing '}}'")
            }
            let expression = inner[..<close.lowerBound].trimmingSpaces
            guard let dot = expression.firstIndex(of: "."),
                let namespace = Namespace(rawValue: String(expression[..<dot]))
            else {
                throw Failure(
                    description: "the command refers to '${{\(expression)}}'; expected ${{inputs.<name>}}, "
                        + "${{outputs.<name>}} or ${{search_space.<name>}}")
            }
            let name = String(expression[expression.index(after: dot)...])
            let reference = Reference(namespace: namespace, name: name)
            guard !name.isEmpty, let replacement = value(reference) else {
                throw Failure(description: Self.missingMessage(reference))
            }
            result += replacement
            rest = inner[close.upperBound...]
        }
        result += rest
        return result
    }

    private static func missingMessage(_ reference: Reference) -> String {
        switch reference.namespace {
        case .inputs: "the command refers to \(reference.text), but the job has no input '\(reference.name)'"
        case .outputs: "the command refers to \(reference.text), but the job has no output '\(reference.name)'"
        case .searchSpace:
            "the command refers to \(reference.text), but the job has no search-space parameter '\(reference.name)'"
        }
    }
}
