extension Placeholder {
    /// What the placeholder stands for, for the legend of `deploy render`.
    public var explanation: String {
        switch self {
        case .codeVersionID(let hash):
            "the ARM id of the code version whose content hash is \(hash)"
        case .pendingUploadContainer:
            "the temporary container URL that startPendingUpload returns for the code version"
        case .datastoreContainer(let name):
            "the blob container URL of datastore \(name) (https://<account>.blob.core.windows.net/<container>)"
        case .latestVersion:
            "the version @latest names when the workspace is read"
        case .workspaceLocation:
            "the workspace's Azure region"
        case .mltablePaths:
            "the paths listed in the data asset's remote MLTable file, read when the workspace is read"
        }
    }
}
