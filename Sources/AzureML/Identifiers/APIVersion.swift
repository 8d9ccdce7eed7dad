/// The `api-version` of each request, as azure-ai-ml 1.35.2 sends them in production (azureml-rest.md §1.2).
public enum APIVersion {
    /// PUT of a command job.
    public static let commandJob = "2025-01-01-preview"
    /// PUT of a sweep job; GET and list of jobs.
    public static let jobs = "2024-01-01-preview"
    /// Job cancel and delete.
    public static let jobCancel = "2023-04-01-preview"
    /// Environment containers and versions.
    public static let environments = "2023-04-01-preview"
    /// Data containers and versions.
    public static let data = "2023-04-01-preview"
    /// Code versions, the hash lookup and `startPendingUpload`.
    public static let codes = "2023-04-01"
    /// Datastores and `listSecrets`.
    public static let datastores = "2024-10-01-preview"
    /// Computes.
    public static let computes = "2023-08-01-preview"
    /// The generated client's default, and the newest stable swagger folder.
    public static let stable = "2025-12-01"

    /// Every api-version a workspace server accepts: the ones the SDK sends, the intermediate stable releases, and
    /// the newest stable and preview versions of the spec repository (azureml-rest.md §1.2).
    public static let supported: [String] = [
        "2023-04-01", "2023-04-01-preview", "2023-08-01-preview", "2023-10-01", "2024-01-01-preview",
        "2024-04-01", "2024-10-01", "2024-10-01-preview", "2025-01-01-preview", "2025-12-01", "2026-07-01",
        "2026-07-15-preview",
    ]

    /// The version the SDK uses to read (GET, list) resources of `kind`.
    public static func read(_ kind: ResourceKind) -> String {
        switch kind {
        case .environment: environments
        case .data: data
        case .code: codes
        case .job: jobs
        case .compute: computes
        case .datastore: datastores
        }
    }

    /// The version the SDK uses to PUT a resource of `kind`; `jobType` picks between command and sweep jobs.
    public static func write(_ kind: ResourceKind, jobType: String? = nil) -> String {
        if kind == .job { return jobType?.lowercased() == "command" ? commandJob : jobs }
        return read(kind)
    }
}
