import AzureML

/// A sweep's trials, best first, and its best trial: the one the sweep recorded in its properties
/// (`best_child_run_id`, Azure ML's name) when it did, else the completed trial with the best objective value.
struct SweepTrials: Sendable {
    /// One trial and its objective value (the last value it logged for the primary metric).
    struct Trial: Sendable {
        var job: JobRecord
        var objective: Double?
    }

    /// Where the best trial comes from.
    enum BestSource: String, Sendable {
        /// The sweep's `best_child_run_id` property.
        case sweep
        /// The best objective among the completed trials.
        case computed
    }

    /// The property a sweep records its best trial under.
    static let bestTrialProperty = "best_child_run_id"

    /// The sweep's objective.
    var objective: Objective
    /// The trials, best first: those with an objective value in the goal's order (NaN after numbers), then those
    /// without one; ties by name.
    var trials: [Trial]
    /// The best trial, when there is one.
    var best: Trial?
    /// Where `best` comes from.
    var bestSource: BestSource?

    /// Sorts `trials` and finds the best one, preferring what `sweep` recorded.
    init(sweep: JobRecord, objective: Objective, trials: [Trial]) {
        self.objective = objective
        let maximize = objective.goal.lowercased() == "maximize"
        self.trials = trials.sorted { left, right in
            switch (left.objective, right.objective) {
            case (let a?, let b?):
                if a.isNaN != b.isNaN { return b.isNaN }
                if a != b, !a.isNaN { return maximize ? a > b : a < b }
                return left.job.name < right.job.name
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left.job.name < right.job.name
            }
        }
        if let recorded = sweep.runProperties[Self.bestTrialProperty],
            let trial = self.trials.first(where: { $0.job.name == recorded })
        {
            best = trial
            bestSource = .sweep
        } else if let trial = self.trials.first(where: {
            $0.job.status == "Completed" && $0.objective.map { !$0.isNaN } == true
        }) {
            best = trial
            bestSource = .computed
        }
    }
}
