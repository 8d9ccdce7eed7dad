import Foundation
import LocalWorkspace

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

// MLflowBench: the latency of the MLflow requests a training script makes, one at a time on one keep-alive
// connection as the `mlflow` client sends them, against a local workspace server on 127.0.0.1:0 with a run token.
// A server that lets Nagle's algorithm hold back responses shows ~40 ms per request here (see
// ../shared/reference/mlflow-protocol.md, "TCP_NODELAY"); autologging then flushes one step at a time. Run it in
// release mode:
//
//     swift run -c release MLflowBench [iterations]
//
// Prints the median and 99th percentile of: runs/get, log-batch with 16 metric points, log-batch with one point,
// get-history, and a 17 KB artifact PUT (the size of autologging's feature-importance plot).

let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 500 : 500
let directory = NSTemporaryDirectory() + "deploy-mlflowbench-" + UUID().uuidString
let server = try await LocalWorkspaceServer.start(directory: directory)
defer { try? FileManager.default.removeItem(atPath: directory) }

let runID = "bench_run_1"
let run = try await server.mlflow.createRun(runID: runID, experimentName: "bench")
let token = try await server.mlflow.issueToken(forRun: runID)
let api = server.url + "/api/2.0/mlflow/"
let session = URLSession(configuration: .ephemeral)

/// Sends one request and fails loudly on anything but 200.
func send(_ method: String, _ url: String, body: Data? = nil) async throws {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = method
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    if let body {
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await session.data(for: request)
    guard (response as? HTTPURLResponse)?.statusCode == 200 else {
        print("\(method) \(url): \(response) \(String(decoding: data, as: UTF8.self))")
        exit(1)
    }
}

/// Runs `body` `iterations` times after a warm-up and prints the median and p99 in milliseconds.
func measure(_ name: String, _ body: (Int) async throws -> Void) async throws {
    for index in 0..<10 { try await body(-1 - index) }
    var samples: [Double] = []
    for index in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body(index)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
    print(
        "\(name.padding(toLength: 30, withPad: " ", startingAt: 0)) median \(String(format: "%6.2f", median)) ms, "
            + "p99 \(String(format: "%6.2f", p99)) ms (\(iterations) requests)")
}

func batch(_ points: Int, base: Int) -> Data {
    let metrics = (0..<points).map { step in
        #"{"key": "test-multi_logloss", "value": \#(0.9 - Double(step) * 0.01), "timestamp": \#(1_795_922_605_000 + base * 100 + step), "step": \#(base * 100 + step)}"#
    }
    return Data(#"{"run_id": "\#(runID)", "metrics": [\#(metrics.joined(separator: ", "))]}"#.utf8)
}

print("MLflowBench: \(server.url), one connection, sequential requests")
try await measure("runs/get") { _ in try await send("GET", api + "runs/get?run_uuid=\(runID)&run_id=\(runID)") }
try await measure("runs/log-batch (16 points)") { index in
    try await send("POST", api + "runs/log-batch", body: batch(16, base: index + 20))
}
try await measure("runs/log-batch (1 point)") { index in
    try await send("POST", api + "runs/log-batch", body: batch(1, base: index + 100_000))
}
try await measure("metrics/get-history (25)") { _ in
    try await send(
        "GET", api + "metrics/get-history?run_id=\(runID)&metric_key=test-multi_logloss&max_results=25")
}
let artifact = Data((0..<17_000).map { UInt8($0 % 251) })
let artifacts = server.url + "/api/2.0/mlflow-artifacts/artifacts/\(run.experimentID)/\(runID)/artifacts/"
try await measure("artifact PUT (17 KB)") { index in
    try await send("PUT", artifacts + "plot-\(index % 20).png", body: artifact)
}
try await server.shutdown()
