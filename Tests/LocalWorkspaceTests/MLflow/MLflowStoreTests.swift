import Foundation
import GRDB
import Testing

@testable import LocalWorkspace

@Suite struct MLflowStoreTests {
    static func point(_ key: String, _ value: Double, step: Int64, at timestamp: Int64, model: String? = nil)
        -> MLflowMetricInput
    {
        MLflowMetricInput(key: key, value: value, timestamp: timestamp, step: step, modelID: model)
    }

    /// Every event of a stream that has ended.
    static func collect(_ stream: AsyncStream<MLflowMetricEvent>) async -> [MLflowMetricEvent] {
        var events: [MLflowMetricEvent] = []
        for await event in stream { events.append(event) }
        return events
    }

    @Test func defaultExperimentExistsWithIDZero() async throws {
        try await TestWorkspace.with { ws in
            let experiment = try #require(try await ws.server.mlflow.experiment(named: "Default"))
            #expect(experiment.id == "0")
            #expect(experiment.artifactLocation == "mlflow-artifacts:/0")
            #expect(experiment.lifecycleStage == "active")
        }
    }

    @Test func createRunCreatesTheExperimentOnceAndARunningRun() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            let run = try await store.createRun(
                runID: "lucid_pear_7xk2m9", experimentName: "lightgbm-iris", runName: "job one",
                tags: ["azureml.job": "lucid_pear_7xk2m9"])
            #expect(run.id == "lucid_pear_7xk2m9")
            #expect(run.experimentID == "1")
            #expect(run.name == "job one")
            #expect(run.status == .running)
            #expect(run.endTime == nil)
            #expect(run.lifecycleStage == "active")
            #expect(run.artifactURI == "mlflow-artifacts:/1/lucid_pear_7xk2m9/artifacts")
            #expect(abs(Double(run.startTime) / 1000 - Date().timeIntervalSince1970) < 60)
            #expect(try await store.run(id: "lucid_pear_7xk2m9") == run)
            #expect(
                try await store.tags(runID: run.id) == [
                    "azureml.job": "lucid_pear_7xk2m9", "mlflow.runName": "job one",
                ])

            let second = try await store.createRun(runID: "second-run", experimentName: "lightgbm-iris")
            #expect(second.experimentID == "1")
            #expect(second.name == "second-run")
            let other = try await store.createRun(runID: "third", experimentName: "other")
            #expect(other.experimentID == "2")
            #expect(try await store.runs(experimentID: "1").map(\.id) == ["lucid_pear_7xk2m9", "second-run"])
            #expect(try await store.run(id: "missing") == nil)
            #expect(store.artifactDirectory(runID: run.id) == ws.directory + "/runs/lucid_pear_7xk2m9/artifacts")
        }
    }

    @Test func createRunRefusesTakenAndInvalidIDs() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "job-1", experimentName: "exp")
            let taken = await #expect(throws: LocalWorkspaceError.self) {
                try await store.createRun(runID: "job-1", experimentName: "exp")
            }
            #expect(taken?.description == "job-1: Run with id=job-1 already exists.")
            #expect(taken?.kind == "tracking")
            let invalid = await #expect(throws: LocalWorkspaceError.self) {
                try await store.createRun(runID: "_bad/id", experimentName: "exp")
            }
            #expect(
                invalid?.description
                    == "_bad/id: Invalid value '_bad/id' for parameter 'run_id': a run id starts with a letter or "
                    + "digit, followed by at most 255 letters, digits, underscores or dashes.")
            let empty = await #expect(throws: LocalWorkspaceError.self) {
                try await store.createRun(runID: "job-2", experimentName: "")
            }
            #expect(empty?.description == "job-2: The experiment name must not be empty.")
        }
    }

    @Test func setRunStatusRecordsTheEndTime() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            let finished = try await store.setRunStatus(runID: "r1", status: .finished, endTime: 1_700_000_000_123)
            #expect(finished.status == .finished)
            #expect(finished.endTime == 1_700_000_000_123)
            // A later terminal status without an end time keeps the one recorded.
            let failed = try await store.setRunStatus(runID: "r1", status: .failed)
            #expect(failed.status == .failed)
            #expect(failed.endTime == 1_700_000_000_123)
            try await store.createRun(runID: "r2", experimentName: "exp")
            let killed = try await store.setRunStatus(runID: "r2", status: .killed)
            #expect(killed.endTime != nil)
            let missing = await #expect(throws: LocalWorkspaceError.self) {
                try await store.setRunStatus(runID: "nope", status: .finished)
            }
            #expect(missing?.description == "nope: Run with id=nope not found")
        }
    }

    @Test func metricsAreDeduplicatedAndSummarizedByMLflowsLatestRule() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            let loss = [0.93, 0.79, 0.68, 0.71]
            let points = loss.enumerated().map { Self.point("loss", $1, step: Int64($0), at: 1_000 + Int64($0)) }
            try await store.logBatch(runID: "r1", metrics: [points[0]], params: [], tags: [])
            // The client re-sends step 0 (mlflow 3's log_model) and the rest in one batch.
            try await store.logBatch(runID: "r1", metrics: points + [points[0]], params: [], tags: [])
            // Same step, later timestamp wins over a larger step? No: the highest step wins first.
            try await store.logBatch(
                runID: "r1",
                metrics: [
                    Self.point("loss", 0.5, step: 2, at: 9_999), Self.point("acc", .nan, step: 0, at: 5),
                    Self.point("acc", .nan, step: 0, at: 5), Self.point("acc", 0.25, step: 1, at: 6),
                    Self.point("acc", 0.75, step: 1, at: 6), Self.point("inf", .infinity, step: 0, at: 1),
                    Self.point("inf", -.infinity, step: 1, at: 1),
                ], params: [], tags: [])
            let history = try await store.metricHistory(runID: "r1", key: "loss")
            #expect(history.map(\.value) == [0.93, 0.79, 0.68, 0.5, 0.71])
            #expect(history.map(\.step) == [0, 1, 2, 2, 3])
            let summaries = try await store.metricSummaries(runID: "r1")
            #expect(
                summaries == [
                    MLflowMetricSummary(
                        key: "acc", latest: MLflowMetric(key: "acc", value: 0.75, timestamp: 6, step: 1),
                        minimum: 0.25, maximum: 0.75, count: 3),
                    MLflowMetricSummary(
                        key: "inf", latest: MLflowMetric(key: "inf", value: -.infinity, timestamp: 1, step: 1),
                        minimum: -.infinity, maximum: .infinity, count: 2),
                    MLflowMetricSummary(
                        key: "loss", latest: MLflowMetric(key: "loss", value: 0.71, timestamp: 1_003, step: 3),
                        minimum: 0.5, maximum: 0.93, count: 5),
                ])
            let nanOnly = try await store.metricHistory(runID: "r1", key: "acc")
            #expect(nanOnly.first?.value.isNaN == true)
            #expect(nanOnly.count == 3)
        }
    }

    @Test func summaryOfANaNOnlyMetricHasNaNExtremes() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            try await store.logBatch(
                runID: "r1", metrics: [Self.point("m", .nan, step: 0, at: 1)], params: [], tags: [])
            let summary = try #require(try await store.metricSummaries(runID: "r1").first)
            #expect(summary.minimum.isNaN && summary.maximum.isNaN && summary.latest.value.isNaN)
            #expect(summary.count == 1)
        }
    }

    @Test func paramsAreImmutableStrings() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            try await store.logBatch(
                runID: "r1", metrics: [], params: [("num_leaves", "31"), ("objective", "multiclass")], tags: [])
            try await store.logBatch(runID: "r1", metrics: [], params: [("num_leaves", "31")], tags: [])
            let change = await #expect(throws: MLflowError.self) {
                try await store.logBatch(runID: "r1", metrics: [], params: [("num_leaves", "63")], tags: [])
            }
            #expect(
                change?.message
                    == "Changing param values is not allowed. Param with key='num_leaves' was already logged with "
                    + "value='31' for run ID='r1'. Attempted logging new value '63'.")
            #expect(change?.code == "INVALID_PARAMETER_VALUE")
            #expect(try await store.params(runID: "r1") == ["num_leaves": "31", "objective": "multiclass"])
        }
    }

    @Test func aFailingBatchStoresNothing() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            try await store.logBatch(runID: "r1", metrics: [], params: [("a", "1")], tags: [])
            await #expect(throws: MLflowError.self) {
                try await store.logBatch(
                    runID: "r1", metrics: [Self.point("m", 1, step: 0, at: 1)], params: [("a", "2")],
                    tags: [("t", "v")])
            }
            #expect(try await store.metricSummaries(runID: "r1").isEmpty)
            #expect(try await store.tags(runID: "r1")["t"] == nil)
        }
    }

    @Test func settingTheRunNameTagRenamesTheRun() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            try await store.setTags(runID: "r1", ["mlflow.runName": "renamed", "team": "ml"])
            #expect(try await store.run(id: "r1")?.name == "renamed")
            #expect(try await store.tags(runID: "r1") == ["mlflow.runName": "renamed", "team": "ml"])
        }
    }

    @Test func aResentPointNamingAModelLinksTheStoredPoint() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            try await store.logBatch(runID: "r1", metrics: [Self.point("m", 1, step: 0, at: 1)], params: [], tags: [])
            let model = try await store.createLoggedModel(
                experimentID: "1", name: "model", modelType: "", sourceRunID: "r1", params: [], tags: [],
                tokenRunID: nil)
            try await store.logBatch(
                runID: "r1", metrics: [Self.point("m", 1, step: 0, at: 1, model: model.record.id)], params: [], tags: []
            )
            let details = try await store.loggedModelDetails(id: model.record.id)
            #expect(details.metrics.map(\.metric) == [MLflowMetric(key: "m", value: 1, timestamp: 1, step: 0)])
            #expect(try await store.metricHistory(runID: "r1", key: "m").count == 1)
        }
    }

    @Test func metricEventsReachEverySubscriberOncePerNewPoint() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            try await store.createRun(runID: "r2", experimentName: "exp")
            let all = store.metricEvents.subscribe()
            let onlyR2 = store.metricEvents.subscribe(runID: "r2")
            #expect(store.metricEvents.subscriberCount == 2)
            try await store.logBatch(runID: "r1", metrics: [Self.point("m", 1, step: 0, at: 1)], params: [], tags: [])
            try await store.logBatch(runID: "r1", metrics: [Self.point("m", 1, step: 0, at: 1)], params: [], tags: [])
            try await store.logBatch(
                runID: "r2", metrics: [Self.point("m", .nan, step: 3, at: 2)], params: [], tags: [])
            // Ending the streams first turns a missing event into a failed expectation rather than a hang.
            store.metricEvents.finish()
            #expect(store.metricEvents.subscriberCount == 0)
            #expect(
                await Self.collect(all) == [
                    MLflowMetricEvent(runID: "r1", key: "m", value: 1, step: 0, timestamp: 1),
                    MLflowMetricEvent(runID: "r2", key: "m", value: .nan, step: 3, timestamp: 2),
                ])
            #expect(
                await Self.collect(onlyR2) == [
                    MLflowMetricEvent(runID: "r2", key: "m", value: .nan, step: 3, timestamp: 2)
                ])
            var late = store.metricEvents.subscribe().makeAsyncIterator()
            #expect(await late.next() == nil)
        }
    }

    @Test func droppingAStreamUnsubscribes() async throws {
        try await TestWorkspace.with { ws in
            let events = ws.server.mlflow.metricEvents
            do {
                let stream = events.subscribe()
                #expect(events.subscriberCount == 1)
                _ = stream
            }
            #expect(events.subscriberCount == 0)
        }
    }

    @Test func tokensAreStoredAsHashesAndMapToTheirRun() async throws {
        try await TestWorkspace.with { ws in
            let store = ws.server.mlflow
            try await store.createRun(runID: "r1", experimentName: "exp")
            let token = try await store.issueToken(forRun: "r1")
            #expect(token.count == 64)
            #expect(try await store.runID(forToken: token) == "r1")
            #expect(try await store.runID(forToken: token + "x") == nil)
            let stored = try await store.database.read { db in
                try String.fetchAll(db, sql: "SELECT tokenHash FROM mlflow_token")
            }
            #expect(stored == [MLflowStore.tokenHash(token)])
            #expect(!stored.contains(token))
            let short = await #expect(throws: LocalWorkspaceError.self) {
                try await store.registerToken("short", forRun: "r1")
            }
            #expect(short?.description == "r1: a tracking token must have at least 32 characters")
            let unknown = await #expect(throws: LocalWorkspaceError.self) {
                try await store.registerToken(String(repeating: "a", count: 40), forRun: "nope")
            }
            #expect(unknown?.description == "nope: Run with id=nope not found")
            #expect(try await store.revokeTokens(forRun: "r1") == 1)
            #expect(try await store.runID(forToken: token) == nil)
        }
    }
}
