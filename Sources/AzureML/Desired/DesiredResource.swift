/// One resource a manifest asks for, as the SDK would create it: its kind, name and version, the api-version and
/// body of its PUT, the uploads and lookups that must happen first, the workspace things it names, and where it
/// comes from. Values only a workspace can supply stay symbolic (`Placeholder`) until a plan resolves them.
public struct DesiredResource: Sendable, Hashable {
    /// Why the resource exists.
    public enum Origin: Sendable, Hashable {
        /// The manifest itself: an environment, data, code or compute asset, or a job.
        case manifest
        /// A job's inline environment, registered as `CliV2AnonymousEnvironment`.
        case inlineEnvironment
        /// A job's local code folder, registered as an anonymous code version (after the hash lookup).
        case localCode(contentHash: String)
        /// A job's code URL, registered as an anonymous code version.
        case codeURL
    }

    /// How the resource is named.
    public enum Name: Sendable, Hashable {
        /// A fixed name.
        case fixed(String)
        /// A job named after its resolved body.
        case generated(JobNaming)
    }

    /// A step that must happen before the PUT, in the SDK's order.
    public enum Preparation: Sendable, Hashable {
        /// Upload local files.
        case upload(Upload)
        /// Resolve a label (`@latest`) the body needs.
        case lookup(WorkspaceReference)
        /// Read a remote file the body needs (a remote MLTable's paths).
        case read(RemoteRead)
    }

    /// The kind.
    public var kind: ResourceKind
    /// The name.
    public var name: Name
    /// The version; `nil` for jobs and computes, and for assets whose manifest leaves the version to the workspace.
    public var version: String?
    /// The api-version of the PUT.
    public var apiVersion: String
    /// The PUT body, with placeholders.
    public var body: BodyTemplate
    /// What must happen before the PUT, in order.
    public var preparations: [Preparation]
    /// Everything in the workspace the resource names without creating it.
    public var references: [WorkspaceReference]
    /// Resources of the same manifest that must exist first (an inline environment, a code snapshot).
    public var dependencies: [ResourceID]
    /// Why the resource exists.
    public var origin: Origin
    /// Where in the manifest it comes from.
    public var source: SourceLocation

    /// A resource with every field given.
    public init(
        kind: ResourceKind, name: Name, version: String?, apiVersion: String, body: BodyTemplate,
        preparations: [Preparation] = [], references: [WorkspaceReference] = [], dependencies: [ResourceID] = [],
        origin: Origin, source: SourceLocation
    ) {
        self.kind = kind
        self.name = name
        self.version = version
        self.apiVersion = apiVersion
        self.body = body
        self.preparations = preparations
        self.references = references
        self.dependencies = dependencies
        self.origin = origin
        self.source = source
    }

    /// The uploads among the preparations.
    public var uploads: [Upload] {
        preparations.compactMap { preparation in
            if case .upload(let upload) = preparation { return upload }
            return nil
        }
    }

    /// The id, when the name and version are known before resolution.
    public var id: ResourceID? {
        guard case .fixed(let name) = name else { return nil }
        if kind.isVersioned, version == nil { return nil }
        return ResourceID(kind: kind, name: name, version: version)
    }

    /// The fixed name, or the naming rule's slug for generated job names.
    public var displayName: String {
        switch name {
        case .fixed(let name): name
        case .generated(let naming): naming.slug + "-<hash>"
        }
    }

    /// The name and body to send once `values` supplies the placeholders: a generated job name is computed from the
    /// resolved body, and becomes its `displayName` when the manifest gives none (first, where the SDK writes it).
    public func resolved(_ values: [Placeholder: String]) -> (name: String, body: JSONValue) {
        let json = body.resolved(values)
        switch name {
        case .fixed(let name):
            return (name, json)
        case .generated(let naming):
            let name = naming.name(for: json)
            guard naming.displayNameIsName, case .object(var root) = json,
                case .object(let properties)? = root["properties"]
            else { return (name, json) }
            var withDisplayName = JSONObject([("displayName", .string(name))])
            for (key, value) in properties where key != "displayName" { withDisplayName[key] = value }
            root["properties"] = .object(withDisplayName)
            return (name, .object(root))
        }
    }
}
