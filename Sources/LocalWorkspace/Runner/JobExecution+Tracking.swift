import AzureML

extension JobExecution {
    /// The job's MLflow run, made before its command starts so that `MLFLOW_RUN_ID` names a run the server knows
    /// (mlflow-protocol.md §10.1): in the job's experiment, named after its display name, with the job's tags (and
    /// `mlflow.parentRunId` for a trial), plus a tracking token for it. A job put back in the queue by a shutdown
    /// reuses its unfinished run; a run left by an earlier job of the same name is not reused (the new one gets a
    /// suffixed id).
    func openRun(_ job: JobProperties, mlflow: MLflowStore) async throws -> (runID: String, token: String) {
        var runID = Self.mlflowRunID(for: name)
        if let existing = try await mlflow.run(id: runID), existing.status.isTerminal {
            runID += "-" + RandomToken.hex(RandomToken.bytes(3))
        }
        if try await mlflow.run(id: runID) == nil {
            var tags = job.tags ?? [:]
            if let parent = job.parentJobName { tags["mlflow.parentRunId"] = Self.mlflowRunID(for: parent) }
            tags["azureml.jobName"] = name
            try await mlflow.createRun(
                runID: runID, experimentName: job.experimentName ?? MLflowStore.defaultExperimentName,
                runName: job.displayName ?? name, tags: tags)
        }
        let token = try await mlflow.issueToken(forRun: runID)
        let recorded = runID
        try await context.store.updateJobRun(name) { $0.mlflowRunID = recorded }
        return (runID, token)
    }

    /// The status the script left its run in (`nil` when there is no run).
    func runStatus(_ runID: String, mlflow: MLflowStore) async -> MLflowRunStatus? {
        try? await mlflow.run(id: runID)?.status
    }

    /// Ends the run with `status` unless the script ended it already, and revokes its tokens.
    func closeRun(_ runID: String, status: String, mlflow: MLflowStore) async {
        if let run = try? await mlflow.run(id: runID), !run.status.isTerminal,
            let final = MLflowRunStatus(rawValue: status)
        {
            _ = try? await mlflow.setRunStatus(runID: runID, status: final)
        }
        _ = try? await mlflow.revokeTokens(forRun: runID)
    }
}
