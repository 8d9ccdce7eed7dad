import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct JobLogRoutesTests {
    @Test func logsStreamFromAnOffsetUntilTheJobHasEnded() async throws {
        try await TestWorkspace.with(options: TestWorkspace.runnerOptions) { ws in
            let path = ws.workspacePath + "/jobs/talk/logs"
            try await ws.submit("talk", command: "echo one; sleep 0.5; echo two")
            var offset = 0
            var text = ""
            var complete = false
            var rounds = 0
            while !complete {
                let response = try await ws.arm(.GET, path + "?offset=\(offset)", apiVersion: APIVersion.jobs)
                #expect(response.status == 200)
                #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
                text += response.text
                let next = try #require(response.header("x-deploy-log-next-offset").flatMap { Int($0) })
                #expect(next == offset + response.body.count)
                offset = next
                complete = response.header("x-deploy-log-complete") == "true"
                if complete { #expect(response.header("x-deploy-job-status") == "Completed") }
                rounds += 1
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(rounds > 1)
            #expect(text == ws.log("talk"))
            #expect(text.split(separator: "\n").filter { !$0.hasPrefix("deploy:") } == ["one", "two"])

            let limited = try await ws.arm(.GET, path + "?offset=2&limit=3", apiVersion: APIVersion.jobs)
            #expect(limited.body == Array(ws.log("talk").utf8)[2..<5].map { $0 })
            #expect(limited.header("x-deploy-log-next-offset") == "5")
            #expect(limited.header("x-deploy-log-complete") == "false")

            let beyond = try await ws.arm(.GET, path + "?offset=\(offset + 1)", apiVersion: APIVersion.jobs)
            #expect(beyond.status == 400)
            #expect(beyond.errorMessage == "offset \(offset + 1) is beyond the end of the log (\(offset) bytes).")
            let bad = try await ws.arm(.GET, path + "?offset=-1", apiVersion: APIVersion.jobs)
            #expect(bad.errorMessage == "offset must be a non-negative integer, found '-1'.")
            let missing = try await ws.arm(.GET, ws.workspacePath + "/jobs/none/logs", apiVersion: APIVersion.jobs)
            #expect(missing.status == 404)
            let anonymous = try await ws.arm(.GET, path, apiVersion: APIVersion.jobs, token: .some(nil))
            #expect(anonymous.status == 401)
        }
    }

    @Test func aJobWithoutALogAnswersAnEmptyBody() async throws {
        try await TestWorkspace.with { ws in
            try await ws.submit("idle", command: "true")
            let response = try await ws.arm(.GET, ws.workspacePath + "/jobs/idle/logs", apiVersion: APIVersion.jobs)
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.header("x-deploy-log-next-offset") == "0")
            #expect(response.header("x-deploy-job-status") == "NotStarted")
            #expect(response.header("x-deploy-log-complete") == "false")
        }
    }
}
