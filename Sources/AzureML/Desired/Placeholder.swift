/// A value only a workspace can supply, left symbolic in a desired body until a plan has read the workspace.
public enum Placeholder: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The ARM id of the code version holding the snapshot with this content hash: the one the hash lookup finds
    /// (whatever its name), else the anonymous code version the plan creates.
    case codeVersionID(contentHash: String)
    /// The container URL (`blobUri`) that `startPendingUpload` returns for a code version.
    case pendingUploadContainer(codeName: String, version: String)
    /// The blob container URL of a datastore, `https://<account>.blob.<endpoint>/<container>`.
    case datastoreContainer(String)
    /// The version `@latest` resolves to: for data the container's `latestVersion`, for environments and models the
    /// most recently created version.
    case latestVersion(kind: AssetKind, name: String)
    /// The workspace's Azure region (for compute clusters that do not name one).
    case workspaceLocation
    /// The `paths` of the remote MLTable file of a data asset at this URI, as the JSON array the SDK sends in
    /// `referencedUris` (JSON `null` when the file cannot be read, and then the member is left out, as the SDK does).
    case mltablePaths(uri: String)

    /// How the value shows in rendered bodies: `<pending-upload-container>`, `<datastore workspaceblobstore>`,
    /// `<latest>`, `<code 76235c11f6e5>`, `<workspace location>`, `<paths of the MLTable file>`.
    public var description: String {
        switch self {
        case .codeVersionID(let hash): "<code \(hash.prefix(12))>"
        case .pendingUploadContainer: "<pending-upload-container>"
        case .datastoreContainer(let name): "<datastore \(name)>"
        case .latestVersion: "<latest>"
        case .workspaceLocation: "<workspace location>"
        case .mltablePaths: "<paths of the MLTable file>"
        }
    }

    /// Orders by rendered text, then by kind, for stable output.
    public static func < (lhs: Placeholder, rhs: Placeholder) -> Bool {
        (lhs.description, lhs.sortKey) < (rhs.description, rhs.sortKey)
    }

    private var sortKey: String {
        switch self {
        case .codeVersionID(let hash): "code:\(hash)"
        case .pendingUploadContainer(let name, let version): "pending:\(name):\(version)"
        case .datastoreContainer(let name): "datastore:\(name)"
        case .latestVersion(let kind, let name): "latest:\(kind.rawValue):\(name)"
        case .workspaceLocation: "location"
        case .mltablePaths(let uri): "mltable:\(uri)"
        }
    }
}
