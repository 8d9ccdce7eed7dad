import AzureML

/// What every job execution shares: the store, the files, the environments, the options and where to announce
/// status changes.
struct RunnerContext: Sendable {
    let directory: String
    let store: WorkspaceStore
    /// The MLflow tracking store: each job's run, created before its command starts.
    let mlflow: MLflowStore
    let files: JobFiles
    let environments: PythonEnvironments
    let options: LocalWorkspaceOptions
    let broadcaster: JobStatusBroadcaster
    /// The server's environment, which jobs inherit (filtered).
    let baseEnvironment: [String: String]
    /// The server's base URL, once it listens.
    let serverURL: String

    /// Moves a job to `status` if it is in one of `allowed`, and announces the change.
    func transition(
        _ job: String, from allowed: Set<String>, to status: String,
        update: @escaping @Sendable (inout JobRunRecord) -> Void = { _ in }
    ) async throws -> WorkspaceStore.JobTransition {
        let result = try await store.transitionJob(job, from: allowed, to: status, update: update)
        if case .moved(let record, _) = result { announce(record) }
        return result
    }

    /// Announces a job's current status.
    func announce(_ record: ResourceRecord, isDeleted: Bool = false) {
        let properties = record.propertiesObject
        broadcaster.send(
            JobStatusChange(
                jobName: record.name, jobType: properties["jobType"]?.stringValue ?? "Command",
                parentJobName: properties["parentJobName"]?.stringValue,
                status: record.state ?? JobStatus.notStarted, isDeleted: isDeleted))
    }
}
