/// What a translation needs besides the manifest: the target workspace, the working directory's name (for the
/// default experiment), the git properties to add to jobs, and the api-versions.
public struct TranslationOptions: Sendable, Hashable {
    /// The workspace whose ids the bodies name.
    public var workspace: WorkspaceID
    /// The last path component of the working directory; the SDK names experiments after it.
    public var workingDirectoryName: String
    /// The git properties to add to jobs (`GitProperties.none` to add none).
    public var gitProperties: GitProperties
    /// The api-version of each request.
    public var apiVersions: RequestAPIVersions

    /// Options with every field given.
    public init(
        workspace: WorkspaceID, workingDirectoryName: String, gitProperties: GitProperties = .none,
        apiVersions: RequestAPIVersions = .sdk
    ) {
        self.workspace = workspace
        self.workingDirectoryName = workingDirectoryName
        self.gitProperties = gitProperties
        self.apiVersions = apiVersions
    }

    /// The experiment of jobs whose manifest has no `experiment_name`.
    public var defaultExperimentName: String {
        ExperimentName.defaultName(workingDirectoryName: workingDirectoryName)
    }

    /// The datastore local job inputs are uploaded to when they name none (the SDK's `WORKSPACE_BLOB_STORE`).
    public static let defaultDatastore = "workspaceblobstore"
}
