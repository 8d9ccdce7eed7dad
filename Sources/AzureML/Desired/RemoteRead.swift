/// A file the SDK reads from storage before it writes a body: the MLTable file of a data asset whose path is a
/// datastore URI or an https URL (`_data_operations._validate`), whose `paths` become `referencedUris`.
public struct RemoteRead: Sendable, Hashable {
    /// The datastore read through (its credentials are fetched first), or `nil` for an https URL read directly.
    public var datastore: String?
    /// The file's URL, with a datastore's container left as a placeholder.
    public var url: TemplateString
    /// The value the read supplies.
    public var supplies: Placeholder
    /// Where the manifest names the path.
    public var location: SourceLocation

    /// A read with every field given.
    public init(datastore: String?, url: TemplateString, supplies: Placeholder, location: SourceLocation) {
        self.datastore = datastore
        self.url = url
        self.supplies = supplies
        self.location = location
    }

    /// Python's `urljoin(base, "MLTable")`: the name replaces the last path segment unless `base` ends with `/`.
    public static func joiningMLTable(to base: String) -> String {
        if base.hasSuffix("/") { return base + "MLTable" }
        guard let slash = base.lastIndex(of: "/") else { return base + "/MLTable" }
        return String(base[...slash]) + "MLTable"
    }
}
