/// An MLflow run's info, as `runs/get` reports it in `run.info`.
public struct MLflowRun: Sendable, Hashable {
    /// The run id (for a job's run, the job's name).
    public var id: String
    /// The experiment's id (`"0"` is `Default`).
    public var experimentID: String
    /// The run name (`run_name`, also the `mlflow.runName` tag).
    public var name: String
    /// The user recorded on the run.
    public var userID: String
    /// The status.
    public var status: MLflowRunStatus
    /// Milliseconds since 1970.
    public var startTime: Int64
    /// Milliseconds since 1970, once the run has ended.
    public var endTime: Int64?
    /// `mlflow-artifacts:/<experiment id>/<run id>/artifacts`: where the client uploads the run's files.
    public var artifactURI: String
    /// `active` or `deleted`.
    public var lifecycleStage: String

    /// A run's info.
    public init(
        id: String, experimentID: String, name: String, userID: String, status: MLflowRunStatus, startTime: Int64,
        endTime: Int64?, artifactURI: String, lifecycleStage: String
    ) {
        self.id = id
        self.experimentID = experimentID
        self.name = name
        self.userID = userID
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.artifactURI = artifactURI
        self.lifecycleStage = lifecycleStage
    }
}
