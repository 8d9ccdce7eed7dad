/// The api-version of each request `deploy` sends, by resource; defaults to what azure-ai-ml 1.35.2 sends in
/// production (`APIVersion`, azureml-rest.md §1.2), each overridable.
public struct RequestAPIVersions: Sendable, Hashable {
    /// PUT of a command job.
    public var commandJob: String
    /// PUT of a sweep job.
    public var sweepJob: String
    /// Environment containers and versions.
    public var environments: String
    /// Data containers and versions.
    public var data: String
    /// Model containers and versions (label lookups of model inputs).
    public var models: String
    /// Code versions, the hash lookup and `startPendingUpload`.
    public var codes: String
    /// Datastores and `listSecrets`.
    public var datastores: String
    /// Computes.
    public var computes: String
    /// The workspace itself (its location, for compute clusters).
    public var workspaces: String

    /// What the SDK sends.
    public static let sdk = RequestAPIVersions(
        commandJob: APIVersion.commandJob, sweepJob: APIVersion.jobs, environments: APIVersion.environments,
        data: APIVersion.data, models: "2023-08-01-preview", codes: APIVersion.codes, datastores: APIVersion.datastores,
        computes: APIVersion.computes, workspaces: "2024-10-01-preview")

    /// Versions with every field given.
    public init(
        commandJob: String, sweepJob: String, environments: String, data: String, models: String, codes: String,
        datastores: String, computes: String, workspaces: String
    ) {
        self.commandJob = commandJob
        self.sweepJob = sweepJob
        self.environments = environments
        self.data = data
        self.models = models
        self.codes = codes
        self.datastores = datastores
        self.computes = computes
        self.workspaces = workspaces
    }

    /// The version for requests about assets of `kind`.
    public func assets(_ kind: AssetKind) -> String {
        switch kind {
        case .environment: environments
        case .data: data
        case .model: models
        case .code: codes
        }
    }
}
