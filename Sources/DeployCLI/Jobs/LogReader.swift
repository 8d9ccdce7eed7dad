import AzureML
import WorkspaceClient

/// Reads a job's log through the local workspace's log route (`GET {WS}/jobs/{name}/logs?offset=N`, README.md):
/// everything written so far, or, following, until the server says the job has ended and the log is complete.
struct LogReader: Sendable {
    /// The client of a local workspace server.
    let client: ARMClient
    /// The job.
    let name: String
    /// The wait between reads that brought nothing new, when following.
    var interval: Double
    /// Waits the given number of seconds.
    var sleep: @Sendable (Double) async throws -> Void = PollingOptions.taskSleep

    /// Writes the log to `write` as it is read (whole UTF-8 characters only) and returns the job's status at the
    /// last read. Without `follow` it stops at the end of what is written; with it, once the job has ended and its
    /// log was read to the end.
    func read(follow: Bool, write: @Sendable (String) -> Void) async throws -> String {
        var offset = 0
        var pending: [UInt8] = []
        while true {
            let response = try await client.sendReceivingBytes(
                ARMRequest(
                    method: "GET", path: "/jobs/\(name)/logs", apiVersion: APIVersion.jobs,
                    query: [ARMRequest.QueryItem("offset", String(offset))]))
            guard (200..<300).contains(response.status) else { throw failure(response) }
            let status = response.headers.value("x-deploy-job-status") ?? "Unknown"
            let complete = response.headers.value("x-deploy-log-complete") == "true"
            let next =
                response.headers.value("x-deploy-log-next-offset").flatMap(Int.init) ?? offset + response.body.count
            pending += response.body
            let whole = Self.completeCharacters(in: pending)
            if whole > 0 {
                write(String(decoding: pending[..<whole], as: UTF8.self))
                pending.removeFirst(whole)
            }
            let readNothing = next == offset
            offset = next
            if complete || (!follow && readNothing) {
                if !pending.isEmpty { write(String(decoding: pending, as: UTF8.self)) }
                return status
            }
            if readNothing { try await sleep(interval) }
        }
    }

    /// How many leading bytes of `bytes` form whole UTF-8 characters: all but an incomplete sequence at the end.
    static func completeCharacters(in bytes: [UInt8]) -> Int {
        var start = bytes.count
        // Find the start of the last character: at most three continuation bytes back.
        while start > 0, bytes.count - start < 4, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        guard start > 0 else { return bytes.count }
        let lead = bytes[start - 1]
        let length: Int
        if lead & 0x80 == 0 {
            length = 1
        } else if lead & 0xE0 == 0xC0 {
            length = 2
        } else if lead & 0xF0 == 0xE0 {
            length = 3
        } else if lead & 0xF8 == 0xF0 {
            length = 4
        } else {
            return bytes.count
        }
        return bytes.count - (start - 1) >= length ? bytes.count : start - 1
    }

    private func failure(_ response: BlobResponse) -> JobsCommandError {
        if response.status == 404 { return JobsCommandError("job '\(name)' does not exist") }
        let message =
            (try? JSONValue(parsing: response.body)).flatMap { ARMErrorResponse(json: $0)?.error.message }
            ?? String(decoding: response.body.prefix(300), as: UTF8.self)
        return JobsCommandError("reading the log of job '\(name)' failed with HTTP \(response.status): \(message)")
    }
}
