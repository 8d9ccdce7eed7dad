internal import Foundation

extension TerminationPolicy {
    /// The running trials to cancel now, in the order given, each with the reason.
    ///
    /// Each running trial is judged at the latest evaluation interval it has reached (see the type's summary), so
    /// calling this whenever a trial logs the primary metric applies the policy at every evaluation; a trial is
    /// never judged on intervals its peers have not reached. Peers are all trials, running or finished, that reached
    /// the interval. Non-finite values are ignored.
    ///
    /// - Bandit: cancel when the trial's value is worse than the best value at the interval beyond the slack.
    /// - Median stopping: cancel when the trial's best value up to the interval is worse than the median of the other
    ///   trials' averages over their first `interval` values.
    /// - Truncation selection: rank the trials at the interval; cancel the trial when it is strictly worse than the
    ///   worst of those kept after removing the lowest `percentage` percent (rounded down, so fewer than
    ///   100 / percentage trials cancel nothing, and ties at the cut are all kept).
    public func decisions(for trials: [TrialMetrics], objective: SweepObjective) -> [TerminationDecision] {
        var decisions: [TerminationDecision] = []
        for trial in trials where trial.isRunning {
            guard let interval = latestEvaluation(upTo: trial.values.count) else { continue }
            let value = trial.values[interval - 1]
            guard value.isFinite else { continue }
            let peers = trials.filter { $0.values.count >= interval && $0.values[interval - 1].isFinite }
            let reason: String?
            switch rule {
            case .bandit(let slack):
                reason = bandit(slack, trial, value, interval, peers, objective)
            case .medianStopping:
                reason = medianStopping(trial, interval, peers.filter { $0.trial != trial.trial }, objective)
            case .truncationSelection(let percentage):
                reason = truncation(percentage, value, interval, peers, objective)
            }
            if let reason {
                decisions.append(TerminationDecision(trial: trial.trial, interval: interval, reason: reason))
            }
        }
        return decisions
    }

    private func bandit(
        _ slack: BanditSlack, _ trial: TrialMetrics, _ value: Double, _ interval: Int, _ peers: [TrialMetrics],
        _ objective: SweepObjective
    ) -> String? {
        let goal = objective.goal
        var leader = trial
        for peer in peers where goal.isBetter(peer.values[interval - 1], than: leader.values[interval - 1]) {
            leader = peer
        }
        let best = leader.values[interval - 1]
        let margin: Double
        let description: String
        switch slack {
        case .factor(let factor):
            margin = goal == .maximize ? abs(best) * factor / (1 + factor) : abs(best) * factor
            description = "slack factor \(Self.format(factor))"
        case .amount(let amount):
            margin = amount
            description = "slack amount \(Self.format(amount))"
        }
        let threshold = goal == .maximize ? best - margin : best + margin
        guard goal.isBetter(threshold, than: value) else { return nil }
        return "Bandit policy: \(objective.primaryMetric) \(Self.format(value)) at interval \(interval) is outside "
            + "\(description) of the best value \(Self.format(best)) (trial \(leader.trial)); the threshold is "
            + "\(Self.format(threshold))"
    }

    private func medianStopping(
        _ trial: TrialMetrics, _ interval: Int, _ others: [TrialMetrics], _ objective: SweepObjective
    ) -> String? {
        guard !others.isEmpty else { return nil }
        let goal = objective.goal
        let bestSoFar = trial.values.prefix(interval).filter(\.isFinite).reduce(trial.values[interval - 1], goal.best)
        let averages = others.map { other in
            let window = other.values.prefix(interval).filter(\.isFinite)
            return window.reduce(0, +) / Double(window.count)
        }.sorted()
        let middle = averages.count / 2
        let median = averages.count % 2 == 1 ? averages[middle] : (averages[middle - 1] + averages[middle]) / 2
        guard goal.isBetter(median, than: bestSoFar) else { return nil }
        let count = others.count == 1 ? "1 other trial" : "\(others.count) other trials"
        return "Median stopping policy: the best \(objective.primaryMetric) so far, \(Self.format(bestSoFar)) at "
            + "interval \(interval), is worse than \(Self.format(median)), the median of the running averages of "
            + count
    }

    private func truncation(
        _ percentage: Int, _ value: Double, _ interval: Int, _ peers: [TrialMetrics], _ objective: SweepObjective
    ) -> String? {
        let goal = objective.goal
        let cut = peers.count * percentage / 100
        guard cut >= 1 else { return nil }
        let ranked = peers.map { $0.values[interval - 1] }.sorted { goal.isBetter($0, than: $1) }
        let cutoff = ranked[peers.count - cut - 1]
        guard goal.isBetter(cutoff, than: value) else { return nil }
        return "Truncation selection policy: \(objective.primaryMetric) \(Self.format(value)) at interval \(interval) "
            + "is in the lowest \(percentage)% of \(peers.count) trials (the cutoff is \(Self.format(cutoff)))"
    }

    /// A metric value for a reason: six significant digits, as `%g` writes them.
    static func format(_ value: Double) -> String {
        String(format: "%g", value)
    }
}
