import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

/// Helpers of the runner tests: a server that runs jobs, code and data uploads through the API, job submission and
/// waiting.
extension TestWorkspace {
    /// A server that runs jobs, with a short stop grace period and two local slots.
    static let runnerOptions = LocalWorkspaceOptions(
        provisioningDelay: 0.3, pollInterval: 1, stopGracePeriod: 1, localConcurrency: 2)

    /// A curated environment: the job runs with the host's python3.
    static let hostEnvironment = "azureml:AzureML-sklearn-1.5@latest"

    /// Uploads `files` (relative path → text) as a code version through `startPendingUpload` and the blob API, and
    /// returns its ARM id.
    func uploadCode(_ files: [String: String], name: String = UUID().uuidString.lowercased()) async throws -> String {
        let upload = try await arm(.POST, workspacePath + "/codes/\(name)/versions/1/startPendingUpload")
        let pending = try PendingUpload(json: upload.json)
        let token = String(pending.sasUri.split(separator: "?")[1])
        for (path, text) in files {
            let put = try await Self.send(
                .PUT, pending.blobUri + "/src/" + path + "?" + token, body: Array(text.utf8),
                headers: [("x-ms-blob-type", "BlockBlob")])
            guard put.status == 201 else { throw TestFailure("blob PUT answered \(put.status)") }
        }
        let put = try await arm(
            .PUT, workspacePath + "/codes/\(name)/versions/1",
            body: ["properties": ["codeUri": .string(pending.blobUri + "/src"), "isAnonymous": true]])
        guard put.status == 201 else { throw TestFailure("code PUT answered \(put.status): \(put.text)") }
        return workspacePath + "/codes/\(name)/versions/1"
    }

    /// Uploads `text` to the default datastore at `path` and returns its `azureml://` URI.
    func uploadData(_ path: String, _ text: String) async throws -> String {
        let secrets = try await arm(.POST, workspacePath + "/datastores/workspaceblobstore/listSecrets")
        let sas = try #require(secrets.json["sasToken"]?.stringValue)
        let put = try await Self.send(
            .PUT, server.url + "/blob/local/workspace-blobstore/" + path + "?" + sas, body: Array(text.utf8),
            headers: [("x-ms-blob-type", "BlockBlob")])
        guard put.status == 201 else { throw TestFailure("blob PUT answered \(put.status)") }
        return "azureml://datastores/workspaceblobstore/paths/" + path
    }

    /// PUTs a command job running `command` with the host's Python unless `extra` says otherwise.
    @discardableResult
    func submit(_ name: String, command: String, extra: JSONObject = [:]) async throws -> TestResponse {
        var properties: JSONObject = ["command": .string(command)]
        for (key, value) in extra { properties[key] = value }
        let body = commandJob(
            environmentId: properties["environmentId"]?.stringValue ?? Self.hostEnvironment, extra: properties)
        let response = try await arm(
            .PUT, workspacePath + "/jobs/" + name, apiVersion: APIVersion.commandJob, body: body)
        guard response.status == 201 else { throw TestFailure("job PUT answered \(response.status): \(response.text)") }
        return response
    }

    /// The job as GET shows it.
    func job(_ name: String) async throws -> JSONValue {
        try await arm(.GET, workspacePath + "/jobs/" + name, apiVersion: APIVersion.jobs).json
    }

    /// The job's status.
    func status(_ name: String) async throws -> String? {
        try await job(name)["properties"]?["status"]?.stringValue
    }

    /// Polls the job until its status is one of `statuses` (a terminal one by default); returns the job.
    @discardableResult
    func wait(
        for name: String, until statuses: Set<String> = JobStatus.terminal, timeout: Double = 120
    ) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let job = try await job(name)
            if let status = job["properties"]?["status"]?.stringValue, statuses.contains(status) { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("job \(name) never reached \(statuses.sorted()); its log:\n\(log(name))")
    }

    /// Polls the job's log until the command has written the line `text` (the runner's own `deploy:` lines, which
    /// quote the command, do not count).
    func wait(forLog text: String, in name: String, timeout: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if commandOutput(name).contains(text) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the log of \(name) never showed '\(text)':\n\(log(name))")
    }

    /// The job's `user_logs/std_log.txt`.
    func log(_ name: String) -> String {
        (try? String(contentsOfFile: runFolder(name) + "/user_logs/std_log.txt", encoding: .utf8)) ?? ""
    }

    /// The lines of the job's log that the command wrote (not the runner's `deploy:` lines).
    func commandOutput(_ name: String) -> [String] {
        log(name).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("deploy:") }
    }

    /// `<dir>/runs/<job>`.
    func runFolder(_ name: String) -> String {
        directory + "/runs/" + name
    }

    /// A member of the job's `properties.properties`.
    static func property(_ job: JSONValue, _ key: String) -> String? {
        job["properties"]?["properties"]?[key]?.stringValue
    }
}
