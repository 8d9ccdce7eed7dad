public import AzureML

/// One field that differs between the workspace and the manifests: its path in the resource's `properties` (or
/// `location`/`tags` of a compute), its value in the workspace and the value the plan sends, and whether it can
/// change on an existing resource.
public struct FieldDifference: Sendable, Hashable {
    /// `tags.team`, `condaFile`, `limits.timeout`, `properties.p1`.
    public var path: String
    /// The value in the workspace; `nil` when the field is absent there.
    public var before: JSONValue?
    /// The value the plan sends; `nil` when the plan does not send the field.
    public var after: JSONValue?
    /// Whether the field can only be set when the resource is created.
    public var isCreateOnly: Bool

    /// A difference.
    public init(path: String, before: JSONValue?, after: JSONValue?, isCreateOnly: Bool) {
        self.path = path
        self.before = before
        self.after = after
        self.isCreateOnly = isCreateOnly
    }
}
