import AzureML
import WorkspaceClient

/// Reads a job's metrics through the local workspace's MLflow tracking API, with the workspace's token:
/// `GET /api/2.0/mlflow/runs/get` for the run's metric keys and latest values, then
/// `GET /api/2.0/mlflow/metrics/get-history` for each key (following `next_page_token`).
struct JobMetricsReader: Sendable {
    /// The client of the workspace whose server serves MLflow.
    let client: ARMClient

    /// The latest value of each metric of run `runID` (MLflow's "latest" rule), by key; `nil` when the run does not
    /// exist.
    func latest(runID: String) async throws -> [String: Double]? {
        let response = try await client.send(request("runs/get", ["run_id": runID]))
        if response.status == 404 { return nil }
        guard response.isSuccess, let body = response.body else { throw failure("runs/get", response) }
        var values: [String: Double] = [:]
        for metric in body["run"]?["data"]?["metrics"]?.arrayValue ?? [] {
            guard let key = metric["key"]?.stringValue, let value = MetricSummary.number(metric["value"]) else {
                continue
            }
            values[key] = value
        }
        return values
    }

    /// Every metric of run `runID` with last, min and max over its history, sorted by name; `nil` when the run does
    /// not exist.
    func summaries(runID: String) async throws -> [MetricSummary]? {
        guard let latest = try await latest(runID: runID) else { return nil }
        var summaries: [MetricSummary] = []
        for key in latest.keys.sorted() {
            var points: [(value: Double, step: Int, timestamp: Int)] = []
            var pageToken: String?
            repeat {
                var query = ["run_id": runID, "metric_key": key]
                if let pageToken { query["page_token"] = pageToken }
                let response = try await client.send(request("metrics/get-history", query))
                guard response.isSuccess, let body = response.body else {
                    throw failure("metrics/get-history", response)
                }
                for metric in body["metrics"]?.arrayValue ?? [] {
                    guard let value = MetricSummary.number(metric["value"]) else { continue }
                    points.append((value, metric["step"]?.intValue ?? 0, metric["timestamp"]?.intValue ?? 0))
                }
                pageToken = body["next_page_token"]?.stringValue
            } while pageToken != nil
            if let summary = MetricSummary(name: key, points: points) { summaries.append(summary) }
        }
        return summaries
    }

    private func request(_ route: String, _ query: [String: String]) -> ARMRequest {
        let base = client.configuration.baseURL
        return ARMRequest(
            method: "GET", path: base + "/api/2.0/mlflow/" + route, apiVersion: nil,
            query: query.sorted { $0.key < $1.key }.map { ARMRequest.QueryItem($0.key, $0.value) })
    }

    private func failure(_ route: String, _ response: ARMResponse) -> JobsCommandError {
        let message =
            response.body?["message"]?.stringValue ?? response.armError?.error.message ?? "no error message"
        return JobsCommandError("MLflow \(route) answered HTTP \(response.status): \(message)")
    }
}
