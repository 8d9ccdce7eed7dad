import AzureML
import LocalWorkspace
import Testing

@Suite struct EarlyTerminationPolicyTests {
    static let accuracy = SweepObjective(goal: .maximize, primaryMetric: "acc")
    static let loss = SweepObjective(goal: .minimize, primaryMetric: "loss")

    // MARK: Wire

    @Test func parsesWireAndTreatsZeroAsUnset() throws {
        let bandit = try TerminationPolicy(
            wire: json(
                #"{"policyType": "Bandit", "slackFactor": 0.1, "slackAmount": 0, "evaluationInterval": 2, "delayEvaluation": 5}"#
            ))
        #expect(
            bandit == TerminationPolicy(rule: .bandit(.factor(0.1)), evaluationInterval: 2, delayEvaluation: 5))
        let amount = try TerminationPolicy(
            wire: json(#"{"policyType": "bandit", "slackFactor": 0, "slackAmount": 0.2, "evaluationInterval": 0}"#))
        #expect(
            amount == TerminationPolicy(rule: .bandit(.amount(0.2)), evaluationInterval: 1, delayEvaluation: 0))
        let median = try TerminationPolicy(
            wire: json(#"{"policyType": "MedianStopping", "evaluationInterval": 1, "delayEvaluation": 3}"#))
        #expect(median == TerminationPolicy(rule: .medianStopping, evaluationInterval: 1, delayEvaluation: 3))
        let truncation = try TerminationPolicy(
            wire: json(#"{"policyType": "TruncationSelection", "truncationPercentage": 20, "delayEvaluation": null}"#))
        #expect(truncation == TerminationPolicy(rule: .truncationSelection(percentage: 20)))
    }

    @Test(arguments: [
        ("1", "earlyTermination: expected an object, found integer"),
        ("{}", "earlyTermination.policyType: expected 'Bandit', 'MedianStopping' or 'TruncationSelection'"),
        (
            #"{"policyType": "Hyperband"}"#,
            "earlyTermination.policyType: expected 'Bandit', 'MedianStopping' or 'TruncationSelection', found 'Hyperband'"
        ),
        (
            #"{"policyType": "Bandit", "slackFactor": 0, "slackAmount": 0, "evaluationInterval": 0, "delayEvaluation": 0}"#,
            "earlyTermination: a bandit policy needs slackFactor or slackAmount greater than 0"
        ),
        (
            #"{"policyType": "Bandit", "slackFactor": 0.1, "slackAmount": 0.5}"#,
            "earlyTermination: a bandit policy takes slackFactor or slackAmount, not both; found 0.1 and 0.5"
        ),
        (
            #"{"policyType": "Bandit", "slackFactor": -0.1}"#,
            "earlyTermination.slackFactor: expected a non-negative number, found -0.1"
        ),
        (
            #"{"policyType": "MedianStopping", "evaluationInterval": -1}"#,
            "earlyTermination.evaluationInterval: expected a non-negative integer, found -1"
        ),
        (
            #"{"policyType": "MedianStopping", "delayEvaluation": 2.5}"#,
            "earlyTermination.delayEvaluation: expected a non-negative integer, found 2.5"
        ),
        (
            #"{"policyType": "TruncationSelection", "truncationPercentage": 0}"#,
            "earlyTermination.truncationPercentage: expected an integer from 1 to 99, found 0"
        ),
        (
            #"{"policyType": "TruncationSelection"}"#,
            "earlyTermination.truncationPercentage: expected an integer from 1 to 99, found null"
        ),
    ])
    func rejectsMalformedWire(text: String, expected: String) throws {
        let value = try json(text)
        #expect(errorText { _ = try TerminationPolicy(wire: value) } == expected)
    }

    // MARK: Evaluation schedule

    @Test func evaluatesAtMultiplesOfTheIntervalFromTheDelayOn() {
        let policy = TerminationPolicy(rule: .medianStopping, evaluationInterval: 2, delayEvaluation: 3)
        #expect(
            (0...9).map { policy.isEvaluated(atInterval: $0) } == [
                false, false, false, false, true, false, true, false, true, false,
            ])
        #expect((0...9).map { policy.latestEvaluation(upTo: $0) } == [nil, nil, nil, nil, 4, 4, 6, 6, 8, 8])
        let everyInterval = TerminationPolicy(rule: .medianStopping, evaluationInterval: 1, delayEvaluation: 5)
        #expect(
            (1...7).map { everyInterval.isEvaluated(atInterval: $0) } == [
                false, false, false, false, true, true, true,
            ])
        let undelayed = TerminationPolicy(rule: .medianStopping)
        #expect(undelayed.isEvaluated(atInterval: 1))
        #expect(!undelayed.isEvaluated(atInterval: 0))
    }

    // MARK: Bandit

    @Test func banditCancelsTrialsOutsideTheSlackFactorOfTheBest() {
        let policy = TerminationPolicy(rule: .bandit(.factor(0.1)))
        let trials = [
            TrialMetrics(trial: "s_1", values: [0.5, 0.6, 0.8]),
            TrialMetrics(trial: "s_2", values: [0.5, 0.55, 0.7]),
            TrialMetrics(trial: "s_3", values: [0.6, 0.65, 0.73]),
            TrialMetrics(trial: "s_4", values: [0.1, 0.2], isRunning: false),
        ]
        // Threshold at interval 3: 0.8 / 1.1 = 0.7273; s_4 is far behind but finished.
        #expect(
            policy.decisions(for: trials, objective: Self.accuracy) == [
                TerminationDecision(
                    trial: "s_2", interval: 3,
                    reason: "Bandit policy: acc 0.7 at interval 3 is outside slack factor 0.1 of the best value 0.8 "
                        + "(trial s_1); the threshold is 0.727273")
            ])
    }

    @Test func banditComparesTrialsAtTheSameInterval() {
        let policy = TerminationPolicy(rule: .bandit(.factor(0.1)))
        // s_1 is ahead at interval 4, which s_2 has not reached: at interval 2 s_2 is the best.
        let trials = [
            TrialMetrics(trial: "s_1", values: [0.5, 0.6, 0.9, 0.95]),
            TrialMetrics(trial: "s_2", values: [0.5, 0.7]),
        ]
        #expect(policy.decisions(for: trials, objective: Self.accuracy) == [])
    }

    @Test func banditSlackAmountWhenMinimizing() {
        let policy = TerminationPolicy(rule: .bandit(.amount(0.2)))
        let trials = [
            TrialMetrics(trial: "s_1", values: [1.0, 0.5]),
            TrialMetrics(trial: "s_2", values: [1.2, 0.8]),
            TrialMetrics(trial: "s_3", values: [1.1, 0.65]),
        ]
        #expect(
            policy.decisions(for: trials, objective: Self.loss) == [
                TerminationDecision(
                    trial: "s_2", interval: 2,
                    reason: "Bandit policy: loss 0.8 at interval 2 is outside slack amount 0.2 of the best value 0.5 "
                        + "(trial s_1); the threshold is 0.7")
            ])
    }

    @Test func banditSlackFactorKeepsItsDirectionForNegativeMetrics() {
        let policy = TerminationPolicy(rule: .bandit(.factor(0.1)))
        let trials = [
            TrialMetrics(trial: "s_1", values: [-1.0]),
            TrialMetrics(trial: "s_2", values: [-0.95]),
            TrialMetrics(trial: "s_3", values: [-0.85]),
        ]
        // Minimizing with best -1: the threshold is -1 + 0.1 = -0.9.
        #expect(policy.decisions(for: trials, objective: Self.loss).map(\.trial) == ["s_3"])
    }

    @Test func banditWaitsForTheDelayAndJudgesAtTheLatestEvaluation() {
        let policy = TerminationPolicy(rule: .bandit(.factor(0.1)), evaluationInterval: 2, delayEvaluation: 3)
        let leader = TrialMetrics(trial: "s_1", values: [0.9, 0.9, 0.9, 0.9, 0.9, 0.9])
        func judge(_ values: [Double]) -> [TerminationDecision] {
            policy.decisions(for: [leader, TrialMetrics(trial: "s_2", values: values)], objective: Self.accuracy)
        }
        // Far behind, but intervals 1 to 3 are never evaluated.
        #expect(judge([0.1, 0.1, 0.1]) == [])
        // Interval 4 is.
        #expect(judge([0.1, 0.1, 0.1, 0.1]).map(\.interval) == [4])
        // Interval 5 is not: the trial is still judged on interval 4.
        #expect(judge([0.1, 0.1, 0.1, 0.1, 0.95]).map(\.interval) == [4])
        // Recovered by interval 6, the next evaluation.
        #expect(judge([0.1, 0.1, 0.1, 0.1, 0.95, 0.95]) == [])
        // Within the slack at interval 4.
        #expect(judge([0.1, 0.1, 0.1, 0.85]) == [])
    }

    // MARK: Median stopping

    @Test func medianStoppingCancelsTrialsBelowTheMedianOfRunningAverages() {
        let policy = TerminationPolicy(rule: .medianStopping)
        let trials = [
            TrialMetrics(trial: "s_1", values: [0.8, 0.9]),
            TrialMetrics(trial: "s_2", values: [0.6, 0.7]),
            TrialMetrics(trial: "s_3", values: [0.2, 0.3]),
            TrialMetrics(trial: "s_4", values: [0.5, 0.6, 0.7], isRunning: false),
            // Its last value is poor, but its best so far is not.
            TrialMetrics(trial: "s_5", values: [0.95, 0.1]),
        ]
        // For s_3 at interval 2 the other averages are 0.85, 0.65, 0.55 and 0.525: the median is 0.6.
        #expect(
            policy.decisions(for: trials, objective: Self.accuracy) == [
                TerminationDecision(
                    trial: "s_3", interval: 2,
                    reason: "Median stopping policy: the best acc so far, 0.3 at interval 2, is worse than 0.6, the "
                        + "median of the running averages of 4 other trials")
            ])
    }

    @Test func medianStoppingWhenMinimizingAndWithoutPeers() {
        let policy = TerminationPolicy(rule: .medianStopping, evaluationInterval: 1, delayEvaluation: 2)
        let trials = [
            TrialMetrics(trial: "s_1", values: [1.0, 0.8, 0.6]),
            TrialMetrics(trial: "s_2", values: [2.0, 1.9, 1.8]),
        ]
        #expect(
            policy.decisions(for: trials, objective: Self.loss) == [
                TerminationDecision(
                    trial: "s_2", interval: 3,
                    reason: "Median stopping policy: the best loss so far, 1.8 at interval 3, is worse than 0.8, the "
                        + "median of the running averages of 1 other trial")
            ])
        // Before the delay nothing is judged, and a trial alone is never judged.
        let early = trials.map { TrialMetrics(trial: $0.trial, values: Array($0.values.prefix(1))) }
        #expect(policy.decisions(for: early, objective: Self.loss) == [])
        #expect(policy.decisions(for: [trials[1]], objective: Self.loss) == [])
    }

    // MARK: Truncation selection

    @Test func truncationCancelsTheLowestPercentage() {
        let policy = TerminationPolicy(
            rule: .truncationSelection(percentage: 25), evaluationInterval: 1, delayEvaluation: 2)
        let trials = [
            TrialMetrics(trial: "s_1", values: [9, 1]),
            TrialMetrics(trial: "s_2", values: [9, 2]),
            TrialMetrics(trial: "s_3", values: [9, 4]),
            TrialMetrics(trial: "s_4", values: [1, 3]),
        ]
        #expect(
            policy.decisions(for: trials, objective: Self.loss) == [
                TerminationDecision(
                    trial: "s_3", interval: 2,
                    reason: "Truncation selection policy: loss 4 at interval 2 is in the lowest 25% of 4 trials "
                        + "(the cutoff is 3)")
            ])
        // Interval 1 is before the delay.
        let first = trials.map { TrialMetrics(trial: $0.trial, values: [$0.values[0]]) }
        #expect(policy.decisions(for: first, objective: Self.loss) == [])
        // 25% of 3 trials rounds down to none.
        #expect(policy.decisions(for: Array(trials.prefix(3)), objective: Self.loss) == [])
    }

    @Test func truncationKeepsTiesAtTheCutAndNeverCancelsFinishedTrials() {
        let policy = TerminationPolicy(rule: .truncationSelection(percentage: 50), evaluationInterval: 2)
        let tied = [
            TrialMetrics(trial: "s_1", values: [0, 0.9]),
            TrialMetrics(trial: "s_2", values: [0, 0.5]),
            TrialMetrics(trial: "s_3", values: [0, 0.5]),
            TrialMetrics(trial: "s_4", values: [0, 0.5]),
        ]
        // The lowest 2 of 4 are at 0.5, as is the worst trial kept: nobody is strictly below the cut.
        #expect(policy.decisions(for: tied, objective: Self.accuracy) == [])
        let finished = [
            TrialMetrics(trial: "s_1", values: [0, 0.9]),
            TrialMetrics(trial: "s_2", values: [0, 0.1], isRunning: false),
        ]
        #expect(policy.decisions(for: finished, objective: Self.accuracy) == [])
        let running = [finished[0], TrialMetrics(trial: "s_2", values: [0, 0.1])]
        #expect(policy.decisions(for: running, objective: Self.accuracy).map(\.trial) == ["s_2"])
    }
}
