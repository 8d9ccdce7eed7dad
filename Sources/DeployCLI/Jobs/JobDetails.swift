import AzureML

/// What `deploy jobs show` reports about one job: the job, its metrics (or why they are not shown) and, for a
/// sweep, its trials.
struct JobDetails: Sendable {
    /// The job.
    var job: JobRecord
    /// Its metrics, sorted by name; `nil` when they could not be read (see `metricsNote`).
    var metrics: [MetricSummary]?
    /// Why metrics are not shown (Azure, or no MLflow run).
    var metricsNote: String?
    /// A sweep's trials.
    var trials: SweepTrials?
    /// The time durations of running jobs are measured to.
    var now: Double

    /// The text form.
    var text: String {
        var lines: [(String, String)] = [("Job", job.name), ("Type", job.type)]
        if let name = job.displayName, name != job.name { lines.append(("Display name", name)) }
        if let experiment = job.experimentName { lines.append(("Experiment", experiment)) }
        if let parent = job.parentJobName { lines.append(("Parent", parent)) }
        lines.append(("Status", job.status))
        if let created = job.createdAt { lines.append(("Created", JobTime.short(created))) }
        lines.append(("Started", job.startTime.map(JobTime.short) ?? "-"))
        lines.append(("Ended", job.endTime.map(JobTime.short) ?? "-"))
        if let duration = job.duration(now: now) {
            lines.append(("Duration", JobTime.duration(duration) + (job.endTime == nil ? " (running)" : "")))
        }
        lines.append(("Compute", job.compute ?? "none (this machine, or serverless on Azure)"))
        if let log = job.logFile { lines.append(("Log", log)) }
        if let warning = job.runProperties["Warning"] { lines.append(("Warning", warning)) }
        if let code = job.runProperties["ErrorCode"] ?? job.runProperties["ErrorMessage"].map({ _ in "Error" }) {
            lines.append(("Error", "\(code): \(job.runProperties["ErrorMessage"] ?? "no message")"))
        }
        if let reason = job.runProperties["CancelReason"] { lines.append(("Cancel reason", reason)) }
        let width = lines.map(\.0.count).max() ?? 0
        var text = lines.map { label, value in
            let padding = String(repeating: " ", count: width - label.count)
            let indented = value.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n" + String(repeating: " ", count: width + 2))
            return "\(label):\(padding) \(indented)\n"
        }.joined()

        text += Self.section("Parameters", job.parameterText)
        text += Self.section("Inputs", job.inputs)
        text += Self.section("Outputs", job.outputs.map { ($0.name, $0.uri) })
        if let metrics {
            if metrics.isEmpty {
                text += "Metrics: none logged\n"
            } else {
                text += "Metrics:\n"
                let rows =
                    [["NAME", "LAST", "MIN", "MAX", "POINTS"]]
                    + metrics.map {
                        [
                            $0.name, MetricSummary.text($0.last), MetricSummary.text($0.min),
                            MetricSummary.text($0.max), String($0.count),
                        ]
                    }
                text += TextTable(rows: rows, rightAligned: [1, 2, 3, 4], indent: "  ").rendered
            }
        } else if let metricsNote {
            text += "Metrics: \(metricsNote)\n"
        }
        if let trials { text += Self.trialsText(trials, now: now) }
        return text
    }

    private static func section(_ title: String, _ pairs: [(name: String, value: String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        return "\(title):\n" + pairs.map { "  \($0.name) = \($0.value)\n" }.joined()
    }

    private static func trialsText(_ sweep: SweepTrials, now: Double) -> String {
        let metric = sweep.objective.primaryMetric
        var text = "Objective: \(sweep.objective.goal.lowercased()) \(metric)\n"
        guard !sweep.trials.isEmpty else { return text + "Trials: none yet\n" }
        text += "Trials (\(sweep.trials.count), best first):\n"
        let rows =
            [["NAME", "STATUS", metric.uppercased(), "DURATION", "PARAMETERS"]]
            + sweep.trials.map { trial in
                [
                    trial.job.name, trial.job.status, trial.objective.map(MetricSummary.text) ?? "-",
                    trial.job.duration(now: now).map(JobTime.duration) ?? "-", parameters(trial.job),
                ]
            }
        text += TextTable(rows: rows, rightAligned: [2, 3], indent: "  ").rendered
        if let best = sweep.best {
            let source = sweep.bestSource == .sweep ? "as recorded by the sweep" : "computed from the trials"
            text +=
                "Best trial: \(best.job.name) (\(metric) = \(best.objective.map(MetricSummary.text) ?? "-"); "
                + "\(parameters(best.job)); \(source))\n"
        } else {
            text += "Best trial: none yet (no completed trial has logged \(metric))\n"
        }
        return text
    }

    private static func parameters(_ job: JobRecord) -> String {
        let text = job.parameterText.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        return text.isEmpty ? "-" : text
    }

    /// The JSON form (README.md documents it).
    var json: JSONValue {
        var object: JSONObject = JobListing.summaryJSON(job, now: now).objectValue ?? JSONObject()
        object["compute"] = job.compute.map(JSONValue.string) ?? .null
        object["parameters"] = .object(job.parameters)
        object["inputs"] = .object(JSONObject(job.inputs.map { ($0.name, .string($0.value)) }))
        object["outputs"] = .object(JSONObject(job.outputs.map { ($0.name, .string($0.uri)) }))
        object["metrics"] = metrics.map { .object(JSONObject($0.map { ($0.name, $0.json) })) } ?? .null
        object["metrics_note"] = metricsNote.map(JSONValue.string) ?? .null
        object["log_file"] = job.logFile.map(JSONValue.string) ?? .null
        object["warning"] = job.runProperties["Warning"].map(JSONValue.string) ?? .null
        object["error"] =
            job.runProperties["ErrorMessage"] != nil || job.runProperties["ErrorCode"] != nil
            ? [
                "code": job.runProperties["ErrorCode"].map(JSONValue.string) ?? .null,
                "message": job.runProperties["ErrorMessage"].map(JSONValue.string) ?? .null,
            ] : .null
        object["cancel_reason"] = job.runProperties["CancelReason"].map(JSONValue.string) ?? .null
        object["properties"] = .object(
            JSONObject(job.runProperties.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        if let trials {
            object["objective"] = [
                "primary_metric": .string(trials.objective.primaryMetric),
                "goal": .string(trials.objective.goal.lowercased()),
            ]
            object["trials"] = .array(
                trials.trials.map { trial in
                    [
                        "name": .string(trial.job.name), "status": .string(trial.job.status),
                        "objective": trial.objective.map(MetricSummary.json) ?? .null,
                        "duration_seconds": trial.job.duration(now: now).map { .double(Self.rounded($0)) } ?? .null,
                        "parameters": .object(trial.job.parameters),
                    ]
                })
            object["best_trial"] =
                trials.best.map { best in
                    [
                        "name": .string(best.job.name),
                        "objective": best.objective.map(MetricSummary.json) ?? .null,
                        "parameters": .object(best.job.parameters),
                        "source": .string(trials.bestSource?.rawValue ?? "computed"),
                    ]
                } ?? .null
        }
        return .object(object)
    }

    /// Seconds to the millisecond.
    static func rounded(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }
}
