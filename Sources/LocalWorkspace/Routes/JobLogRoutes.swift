import AzureML
import HTTPTypes
import Hummingbird
import NIOCore

/// The local workspace's log route, an extension of the ARM API (Azure ML streams logs through Run History, which
/// the local workspace does not serve):
///
/// `GET {WS}/jobs/{name}/logs?offset=N[&limit=M]` (bearer token and `api-version`, as every ARM route) answers 200 with
/// `Content-Type: text/plain; charset=utf-8` and up to `limit` bytes (default 1 MiB, at most 8 MiB) of the job's
/// `user_logs/std_log.txt` from byte `offset` (default 0), and these headers:
/// - `x-deploy-log-next-offset`: the offset to ask for next;
/// - `x-deploy-job-status`: the job's status when the bytes were read;
/// - `x-deploy-log-complete`: `true` when the job had ended before the read and the read reached the end of the log,
///   so nothing more will come; a follower stops then, and otherwise asks again from the next offset.
///
/// A job that has not written a log yet answers an empty body. A missing job is 404; an offset beyond the end of
/// the log is 400.
struct JobLogRoutes: Sendable {
    static let nextOffset = HTTPField.Name("x-deploy-log-next-offset")!
    static let jobStatus = HTTPField.Name("x-deploy-job-status")!
    static let complete = HTTPField.Name("x-deploy-log-complete")!
    static let defaultLimit = 1 << 20
    static let maxLimit = 8 << 20

    let services: WorkspaceServices

    func register(on workspace: RouterGroup<WorkspaceRequestContext>) {
        workspace.get("jobs/:name/logs", use: logs)
    }

    @Sendable func logs(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        let query = QueryParameters(request.uri.query)
        let offset = try Self.integer(query["offset"], name: "offset", default: 0)
        let limit = try Self.integer(query["limit"], name: "limit", default: Int64(Self.defaultLimit))
        guard limit > 0, limit <= Self.maxLimit else {
            throw ARMError.userError("limit must be between 1 and \(Self.maxLimit), found \(limit).", target: "limit")
        }
        // The status is read before the log: a job that had ended then has written all of its log.
        guard let status = try await services.store.jobStatus(name: name) else {
            throw ARMError.notFound(ResourceID(kind: .job, name: name))
        }
        let log = RunFolder(workspaceDirectory: services.directory, job: name).log
        let size = log.size
        guard offset <= size else {
            throw ARMError.userError(
                "offset \(offset) is beyond the end of the log (\(size) bytes).", target: "offset")
        }
        let (bytes, reachedEnd) = log.read(from: offset, limit: Int(limit))
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[Self.nextOffset] = String(offset + Int64(bytes.count))
        headers[Self.jobStatus] = status
        headers[Self.complete] = JobStatus.isTerminal(status) && reachedEnd ? "true" : "false"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func integer(_ text: String?, name: String, default value: Int64) throws(ARMError) -> Int64 {
        guard let text else { return value }
        guard let number = Int64(text), number >= 0 else {
            throw ARMError.userError("\(name) must be a non-negative integer, found '\(text)'.", target: name)
        }
        return number
    }
}
