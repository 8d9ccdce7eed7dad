public import DeployYAML

/// One `--set path=value` argument in the `az ml` syntax: a dotted key path (`limits.max_total_trials`,
/// `inputs.lr`, `trial.environment_variables.X`; a number segment indexes a sequence) and a value parsed as YAML
/// with the same resolver as manifests, so `5` is an integer, `true` a boolean and `"5"` a string.
///
/// The value's nodes and the keys it creates live in a source named `--set` whose single line is the argument, so
/// a problem with an override is reported at the argument with a caret.
public struct ManifestOverride: Sendable {
    /// The argument as given (`limits.max_total_trials=5`).
    public var argument: String
    /// The key path segments, each with its node in the `--set` source.
    public var path: [Located<String>]
    /// The value node.
    public var value: Node

    /// Parses `key.path=value`; throws when there is no `=`, the path is empty or has an empty segment, or the
    /// value is not valid YAML.
    public init(_ argument: String) throws(ManifestError) {
        self = try ManifestOverride.parse(argument)
    }

    /// An override with every field given.
    public init(argument: String, path: [Located<String>], value: Node) {
        self.argument = argument
        self.path = path
        self.value = value
    }

    /// The dotted key path (`limits.max_total_trials`).
    public var keyPath: String { path.map(\.value).joined(separator: ".") }
}
