public import DeployYAML

/// An environment manifest (`environment.schema.json`).
public struct EnvironmentAsset: Sendable {
    /// `name`.
    public var name: Located<String>
    /// `version`, as a string (`version: 1` is `"1"`).
    public var version: Located<String>?
    /// The environment's content.
    public var definition: EnvironmentDefinition
    /// The whole document.
    public var node: Node

    /// An environment asset.
    public init(name: Located<String>, version: Located<String>?, definition: EnvironmentDefinition, node: Node) {
        self.name = name
        self.version = version
        self.definition = definition
        self.node = node
    }
}
