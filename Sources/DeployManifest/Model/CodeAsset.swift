public import DeployYAML

/// A code asset manifest (`code.schema.json`).
public struct CodeAsset: Sendable {
    /// `name`.
    public var name: Located<String>
    /// `version`, as a string; named code needs one (the SDK cannot auto-version it).
    public var version: Located<String>?
    /// `description`.
    public var description: Located<String>?
    /// `tags`.
    public var tags: KeyedList<Located<ResolvedScalar>>
    /// `path`: a local folder or file, or a URI.
    public var path: Located<PathReference>
    /// `datastore`.
    public var datastore: Located<String>?
    /// `auto_delete_setting`.
    public var autoDeleteSetting: Located<AutoDeleteSetting>?
    /// The whole document.
    public var node: Node

    /// A code asset with every field given.
    public init(
        name: Located<String>, version: Located<String>?, description: Located<String>?,
        tags: KeyedList<Located<ResolvedScalar>>, path: Located<PathReference>, datastore: Located<String>?,
        autoDeleteSetting: Located<AutoDeleteSetting>?, node: Node
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.tags = tags
        self.path = path
        self.datastore = datastore
        self.autoDeleteSetting = autoDeleteSetting
        self.node = node
    }
}
