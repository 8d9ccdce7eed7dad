/// A resource inside a workspace: its kind, name and (for asset versions) version.
public struct ResourceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The kind.
    public var kind: ResourceKind
    /// The name (the job name for jobs).
    public var name: String
    /// The version, for asset versions; `nil` for containers, jobs and computes.
    public var version: String?

    /// A resource.
    public init(kind: ResourceKind, name: String, version: String? = nil) {
        self.kind = kind
        self.name = name
        self.version = version
    }

    /// The path below the workspace id: `/environments/name/versions/3`, `/jobs/name`.
    public var relativePath: String {
        var path = "/\(kind.collection)/\(name)"
        if let version { path += "/versions/\(version)" }
        return path
    }

    /// Parses a full ARM id of a workspace resource, returning the workspace and the resource.
    public static func parse(armID: String) throws(AzureMLError) -> (WorkspaceID, ResourceID) {
        let segments = armID.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // "", subscriptions, S, resourceGroups, R, providers, Microsoft.MachineLearningServices, workspaces, W, ...
        guard segments.count >= 11, segments[0].isEmpty else {
            throw .invalidID("'\(armID)' is not the ARM id of a workspace resource")
        }
        let workspace = try WorkspaceID(parsing: segments[0..<9].joined(separator: "/"))
        guard let kind = ResourceKind(collection: segments[9]), !segments[10].isEmpty else {
            throw .invalidID("'\(armID)' is not the ARM id of a workspace resource")
        }
        switch segments.count {
        case 11:
            return (workspace, ResourceID(kind: kind, name: segments[10]))
        case 13 where segments[11] == "versions" && kind.isVersioned && !segments[12].isEmpty:
            return (workspace, ResourceID(kind: kind, name: segments[10], version: segments[12]))
        default:
            throw .invalidID("'\(armID)' is not the ARM id of a workspace resource")
        }
    }

    /// `kind.name:version` or `kind.name`, the address plans use.
    public var address: String {
        "\(kind.displayName).\(name)" + (version.map { ":\($0)" } ?? "")
    }

    /// `name:version` or `name`.
    public var description: String {
        name + (version.map { ":\($0)" } ?? "")
    }

    public static func < (lhs: ResourceID, rhs: ResourceID) -> Bool {
        (lhs.kind, lhs.name, lhs.version ?? "") < (rhs.kind, rhs.name, rhs.version ?? "")
    }
}
