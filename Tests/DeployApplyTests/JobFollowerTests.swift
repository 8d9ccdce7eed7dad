import AzureML
import DeployApply
import Synchronization
import Testing

@Suite struct JobFollowerTests {
    /// A workspace that answers every job GET with the next status of a script.
    final class ScriptedJobs: WorkspaceService {
        let workspace = WorkspaceID.local
        private let statuses: Mutex<[String]>

        init(_ statuses: [String]) {
            self.statuses = Mutex(statuses)
        }

        func send(_ request: ARMRequest) async throws -> ARMResponse {
            let status = statuses.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
            return ARMResponse(
                status: 200, body: ["id": "/jobs/j", "name": "j", "properties": ["status": .string(status)]])
        }

        func send(_ request: BlobRequest) async throws -> BlobResponse {
            BlobResponse(status: 500)
        }
    }

    final class Events: Sendable {
        private let list = Mutex<[JobFollower.Event]>([])
        func append(_ event: JobFollower.Event) { list.withLock { $0.append(event) } }
        var all: [JobFollower.Event] { list.withLock { $0 } }
    }

    static let noSleep: @Sendable (Double) async throws -> Void = { _ in }

    @Test func readsTheLogFromWhereItLeftOffAndReportsWholeLinesAndStatusChanges() async throws {
        let chunks = Mutex<[JobLogChunk]>([
            JobLogChunk(bytes: [], nextOffset: 0, status: "Queued", complete: false),
            JobLogChunk(bytes: Array("one\ntw".utf8), nextOffset: 6, status: "Running", complete: false),
            JobLogChunk(bytes: Array("o\r\nthr".utf8), nextOffset: 11, status: "Running", complete: false),
            JobLogChunk(bytes: Array("ee".utf8), nextOffset: 13, status: "Completed", complete: true),
        ])
        let offsets = Mutex<[Int64]>([])
        let follower = JobFollower(
            service: ScriptedJobs(["Unused"]),
            logs: { job, offset in
                #expect(job == "j")
                offsets.withLock { $0.append(offset) }
                return chunks.withLock { $0.removeFirst() }
            }, interval: 1, sleep: Self.noSleep)
        let events = Events()
        let outcome = try await follower.follow("j") { events.append($0) }
        #expect(outcome == JobFollower.Outcome(name: "j", status: "Completed"))
        #expect(outcome.succeeded)
        #expect(offsets.withLock { $0 } == [0, 0, 6, 11])
        #expect(
            events.all == [
                .status(job: "j", status: "Queued"), .status(job: "j", status: "Running"), .log(job: "j", line: "one"),
                .log(job: "j", line: "two"), .log(job: "j", line: "three"), .status(job: "j", status: "Completed"),
            ])
    }

    @Test func withoutALogReaderPollsTheStatusUntilItIsTerminal() async throws {
        let follower = JobFollower(
            service: ScriptedJobs(["NotStarted", "Running", "Running", "Failed"]), interval: 1, sleep: Self.noSleep)
        let events = Events()
        let outcomes = try await follower.follow(["j"]) { events.append($0) }
        #expect(outcomes == [JobFollower.Outcome(name: "j", status: "Failed")])
        #expect(!outcomes[0].succeeded)
        #expect(
            events.all == [
                .status(job: "j", status: "NotStarted"), .status(job: "j", status: "Running"),
                .status(job: "j", status: "Failed"),
            ])
    }

    @Test func givesUpAfterTheTimeoutAndReportsUnreadableJobs() async throws {
        let slow = JobFollower(service: ScriptedJobs(["Running"]), interval: 2, timeout: 5, sleep: Self.noSleep)
        let outcome = try await slow.follow("j") { _ in }
        #expect(outcome == JobFollower.Outcome(name: "j", status: "Running", timedOut: true))

        let broken = JobFollower(
            service: ScriptedJobs(["Running"]),
            logs: { _, _ in throw ApplyError.transport("connection refused") }, sleep: Self.noSleep)
        let failed = try await broken.follow("j") { _ in }
        #expect(failed == JobFollower.Outcome(name: "j", status: nil, error: "connection refused"))
    }
}
