import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

/// Helpers of the sweep scheduler tests: the synthetic trial script, sweep bodies, trials and a watcher of their
/// statuses.
extension TestWorkspace {
    /// A server that runs jobs with the host's Python, four local slots (more than the sweeps' limits, so those
    /// limits are what binds) and a short stop grace period.
    static let sweepOptions = LocalWorkspaceOptions(
        provisioningDelay: 0.3, pollInterval: 1, environmentMode: .host, stopGracePeriod: 1, localConcurrency: 4)

    /// Uploads `Fixtures/sweep/curves.py` as a code version; returns its id.
    func uploadCurves() async throws -> String {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sweep/curves.py").path
        return try await uploadCode(["curves.py": try String(contentsOfFile: path, encoding: .utf8)])
    }

    /// A sweep body whose trials run `command` with `codeId`, minimizing `loss` unless told otherwise.
    func sweepBody(
        codeId: String, command: String, searchSpace: JSONObject,
        sampling: JSONValue = ["samplingAlgorithmType": "Grid"], limits: JSONObject,
        earlyTermination: JSONValue? = nil, goal: String = "minimize"
    ) -> JSONValue {
        var limitsObject: JSONObject = ["jobLimitsType": "Sweep"]
        for (key, value) in limits { limitsObject[key] = value }
        var properties: JSONObject = [
            "jobType": "Sweep", "displayName": "sweep", "experimentName": "sweeps", "isArchived": false,
            "tags": ["team": "ml"], "properties": [:],
            "trial": [
                "command": .string(command), "codeId": .string(codeId),
                "environmentId": .string(Self.hostEnvironment), "environmentVariables": [:],
            ],
            "searchSpace": .object(searchSpace), "samplingAlgorithm": sampling,
            "objective": ["goal": .string(goal), "primaryMetric": "loss"], "limits": .object(limitsObject),
            "inputs": [:], "outputs": [:],
        ]
        if let earlyTermination { properties["earlyTermination"] = earlyTermination }
        return ["properties": .object(properties)]
    }

    /// PUTs sweep `name`, expecting 201.
    func putSweep(_ name: String, _ body: JSONValue) async throws {
        let response = try await arm(.PUT, workspacePath + "/jobs/" + name, apiVersion: APIVersion.jobs, body: body)
        guard response.status == 201 else {
            throw TestFailure("sweep PUT answered \(response.status): \(response.text)")
        }
    }

    /// The sweep's trials as the jobs API lists them (`parentJobName`), by trial number.
    func trials(of sweep: String) async throws -> [JSONValue] {
        let list = try await arm(.GET, workspacePath + "/jobs?parentJobName=" + sweep, apiVersion: APIVersion.jobs)
        let trials = list.json["value"]?.arrayValue ?? []
        return trials.sorted { a, b in
            let number = { (job: JSONValue) in Int(job["name"]?.stringValue?.split(separator: "_").last ?? "") ?? -1 }
            return number(a) < number(b)
        }
    }

    /// The runner's and scheduler's `deploy:` lines of a job's log, without the prefix and the timestamp.
    func runnerLines(_ name: String) -> [String] {
        log(name).split(separator: "\n").filter { $0.hasPrefix("deploy: ") }.map { line in
            let text = line.dropFirst("deploy: ".count)
            return String(text.drop { $0 != " " }.dropFirst())
        }
    }

    /// Follows the trials of `sweep` until the sweep ends (or the server stops): the most that were active (submitted
    /// and not ended) and running at once, and every trial seen. Subscribe before the sweep is PUT.
    func watchTrials(of sweep: String) -> Task<TrialWatch, Never> {
        let changes = server.runner.statusChanges()
        return Task {
            var watch = TrialWatch()
            var active: Set<String> = []
            var running: Set<String> = []
            let holdingASlot: Set<String> = [JobStatus.preparing, JobStatus.running, JobStatus.finalizing]
            for await change in changes {
                if change.jobName == sweep && change.isTerminal { break }
                guard change.parentJobName == sweep else { continue }
                watch.seen.insert(change.jobName)
                if change.isTerminal { active.remove(change.jobName) } else { active.insert(change.jobName) }
                if holdingASlot.contains(change.status) {
                    running.insert(change.jobName)
                } else {
                    running.remove(change.jobName)
                }
                watch.maxActive = max(watch.maxActive, active.count)
                watch.maxRunning = max(watch.maxRunning, running.count)
            }
            return watch
        }
    }
}

/// What `watchTrials(of:)` saw.
struct TrialWatch: Sendable {
    /// The most trials active (submitted, not ended) at once.
    var maxActive = 0
    /// The most trials holding a slot of their compute (preparing, running or finalizing) at once.
    var maxRunning = 0
    /// The trials seen.
    var seen: Set<String> = []
}
