/// An MLflow experiment.
public struct MLflowExperiment: Sendable, Hashable {
    /// The id, a decimal integer as a string (`"0"` is `Default`).
    public var id: String
    /// The unique name.
    public var name: String
    /// `mlflow-artifacts:/<id>`.
    public var artifactLocation: String
    /// `active` or `deleted`.
    public var lifecycleStage: String
    /// Milliseconds since 1970.
    public var creationTime: Int64
    /// Milliseconds since 1970.
    public var lastUpdateTime: Int64

    /// An experiment.
    public init(
        id: String, name: String, artifactLocation: String, lifecycleStage: String, creationTime: Int64,
        lastUpdateTime: Int64
    ) {
        self.id = id
        self.name = name
        self.artifactLocation = artifactLocation
        self.lifecycleStage = lifecycleStage
        self.creationTime = creationTime
        self.lastUpdateTime = lastUpdateTime
    }
}
