/// Everything `logged-models/{id}` reports about a logged model, read in one transaction.
struct MLflowLoggedModelDetails: Sendable {
    var record: MLflowLoggedModelRecord
    var tags: [MLflowLoggedModelTagRecord]
    var params: [MLflowLoggedModelParamRecord]
    /// The metric points logged with the model's id, by key, step and timestamp.
    var metrics: [MLflowMetricRecord]
}
