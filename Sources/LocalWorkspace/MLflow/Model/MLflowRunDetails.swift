/// Everything `runs/get` reports about a run, read in one transaction.
struct MLflowRunDetails: Sendable {
    var record: MLflowRunRecord
    /// One point per key, by MLflow's "latest" rule, in key order.
    var latestMetrics: [MLflowMetricRecord]
    var params: [MLflowParamRecord]
    var tags: [MLflowTagRecord]
    var inputs: [MLflowRunInputRecord]
    var outputs: [MLflowRunOutputRecord]
}
