import AsyncHTTPClient
import AzureML
import Foundation
import LocalWorkspace
import NIOCore
import NIOHTTP1

// RunnerBench: the job runner's overhead for a trivial job. Run it in release mode:
//
//     swift run -c release RunnerBench [jobs]
//
// It starts a local workspace on 127.0.0.1:0 in a temporary folder and submits `jobs` (default 30) trivial command
// jobs one after another over HTTP (`PUT {WS}/jobs/{name}`), each running
// `date +%s.%N; echo hello; date +%s.%N` with the host's Python environment (a curated environment, so nothing is
// built). For each job it reports:
//   - submission → process start: from just before the PUT is sent to the first `date` in the job's log;
//   - process exit → Completed: from the last `date` to the moment the runner announces `Completed`
//     (`JobRunner.statusChanges()`, sent right after the status is committed to the database).
// Both are wall-clock differences (CLOCK_REALTIME in this process and in `date`). A first, unmeasured job warms up
// the host-Python lookup and the MLflow experiment.

let arguments = CommandLine.arguments
let jobs = arguments.count > 1 ? Int(arguments[1]) ?? 30 : 30

let directory = NSTemporaryDirectory() + "deploy-runnerbench-" + UUID().uuidString
defer { try? FileManager.default.removeItem(atPath: directory) }
let server = try await LocalWorkspaceServer.start(
    directory: directory, options: LocalWorkspaceOptions(localConcurrency: 1))
let jobsURL = server.url + server.workspace.armID + "/jobs/"
let command = "date +%s.%N; echo hello; date +%s.%N"

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// PUTs job `name`; returns when the server answered.
func submit(_ name: String) async throws {
    var request = HTTPClientRequest(url: jobsURL + name + "?api-version=" + APIVersion.commandJob)
    request.method = .PUT
    request.headers.add(name: "Authorization", value: "Bearer " + server.token)
    request.headers.add(name: "Content-Type", value: "application/json")
    let body: JSONValue = [
        "properties": [
            "jobType": "Command", "command": .string(command), "experimentName": "bench",
            "environmentId": "azureml:AzureML-sklearn-1.5@latest",
        ]
    ]
    request.body = .bytes(ByteBuffer(string: body.serialized(.compact)))
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    _ = try await response.body.collect(upTo: 1 << 20)
    guard response.status == .created else { throw CancellationError() }
}

/// The two `date` stamps the job printed.
func stamps(of name: String) throws -> (start: Double, end: Double) {
    let log = try String(contentsOfFile: directory + "/runs/\(name)/user_logs/std_log.txt", encoding: .utf8)
    let numbers = log.split(separator: "\n").compactMap { Double($0) }
    guard numbers.count == 2 else { throw CancellationError() }
    return (numbers[0], numbers[1])
}

/// When job `name` reached a terminal status, and which.
func completion(of name: String, in changes: inout AsyncStream<JobStatusChange>.Iterator) async -> (String, Double) {
    while let change = await changes.next() {
        if change.jobName == name && change.isTerminal { return (change.status, now()) }
    }
    return ("?", now())
}

/// Submits the jobs one after another; returns both intervals of each, in milliseconds.
func measure() async throws -> (toStart: [Double], toCompleted: [Double]) {
    var changes = server.runner.statusChanges().makeAsyncIterator()
    var toStart: [Double] = []
    var toCompleted: [Double] = []
    for index in 0...jobs {
        let name = "bench-\(index)"
        let submitted = now()
        try await submit(name)
        let (status, completed) = await completion(of: name, in: &changes)
        guard status == "Completed" else {
            print("job \(name) ended \(status)")
            exit(1)
        }
        if index == 0 { continue }
        let (start, end) = try stamps(of: name)
        toStart.append((start - submitted) * 1_000)
        toCompleted.append((completed - end) * 1_000)
    }
    return (toStart, toCompleted)
}

let (toStart, toCompleted) = try await measure()
try await server.shutdown()

func summary(_ values: [Double]) -> String {
    let sorted = values.sorted()
    func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))] }
    return String(
        format: "median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms", at(0.5), at(0.9), sorted.first!, sorted.last!)
}
print("RunnerBench: \(jobs) trivial jobs, one at a time (target < 200 ms each)")
print("  submission → process start: \(summary(toStart))")
print("  process exit → Completed:   \(summary(toCompleted))")
