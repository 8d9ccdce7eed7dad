/// The members of `properties.properties` that the sweep scheduler records on a sweep job (besides the runner's
/// `StartTimeUtc`, `EndTimeUtc`, `ErrorCode`, `ErrorMessage`, `CancelReason` and `Warning`). The best-trial keys are
/// updated each time a trial ends with a better objective (`SweepProgress.best`), and are absent while no trial has.
public enum SweepRunProperties {
    /// The best trial's job name, Azure ML's key for a sweep's best child run.
    public static let bestChildRunID = "best_child_run_id"
    /// The best trial's objective, Azure ML's key (same text as `bestTrialObjective`).
    public static let score = "score"
    /// The best trial's objective: the last value it logged for the primary metric, as Python's `repr` writes it.
    public static let bestTrialObjective = "BestTrialObjective"
    /// The best trial's sampled values, as a compact JSON object (`{"learning_rate":0.05,"boosting":"gbdt"}`).
    public static let bestTrialParameters = "BestTrialParameters"
    /// The seed the sampler drew from (the sampling algorithm's, or one picked at random): reproduce the sweep by
    /// setting it as `sampling_algorithm.seed`.
    public static let samplingSeed = "SamplingSeed"
    /// `<submitted> trials: <n> completed, <n> failed, <n> canceled`, once the sweep has ended (then `, <n> of them by
    /// the early-termination policy` and, for a sweep the server stopped, `, <n> in progress`).
    public static let trialSummary = "TrialSummary"
}
