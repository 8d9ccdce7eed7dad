public import DeployYAML

/// A data asset manifest (`data.schema.json`).
public struct DataAsset: Sendable {
    /// `name`.
    public var name: Located<String>
    /// `version`, as a string.
    public var version: Located<String>?
    /// `description`.
    public var description: Located<String>?
    /// `tags`.
    public var tags: KeyedList<Located<ResolvedScalar>>
    /// `type` as written; `nil` means the SDK's default, `uri_folder`.
    public var type: Located<AssetType>?
    /// `path`: a local file or folder, or a URI.
    public var path: Located<PathReference>
    /// `datastore`: where a local path is uploaded.
    public var datastore: Located<String>?
    /// `auto_delete_setting`.
    public var autoDeleteSetting: Located<AutoDeleteSetting>?
    /// The whole document.
    public var node: Node

    /// A data asset with every field given.
    public init(
        name: Located<String>, version: Located<String>?, description: Located<String>?,
        tags: KeyedList<Located<ResolvedScalar>>, type: Located<AssetType>?, path: Located<PathReference>,
        datastore: Located<String>?, autoDeleteSetting: Located<AutoDeleteSetting>?, node: Node
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.tags = tags
        self.type = type
        self.path = path
        self.datastore = datastore
        self.autoDeleteSetting = autoDeleteSetting
        self.node = node
    }

    /// The type the SDK uses: the one written, else `uri_folder`.
    public var effectiveType: AssetType { type?.value ?? .uriFolder }
}
