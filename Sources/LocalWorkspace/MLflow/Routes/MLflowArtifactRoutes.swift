import AzureML
import HTTPTypes
import Hummingbird
import NIOCore

/// The `mlflow-artifacts` subset: `PUT <prefix>/<path>` uploads a file (streamed to a staging file, then moved into
/// place, so a failed upload leaves nothing behind), `GET <prefix>/<path>` downloads it, and `GET <prefix>?path=`
/// lists a folder (`{"files": [{"path", "is_dir", "file_size"}]}`, names relative to the folder, as MLflow's
/// server answers). Paths are `MLflowArtifactLocation`s; the run or logged model they name must exist, belong to
/// the experiment in the path, and be within the caller's token scope.
struct MLflowArtifactRoutes: Sendable {
    /// Where the artifact API is mounted.
    static let prefixes = ["api/2.0/mlflow-artifacts/artifacts", "ajax-api/2.0/mlflow-artifacts/artifacts"]

    let services: WorkspaceServices

    var store: MLflowStore { services.mlflow }

    func register(on router: Router<WorkspaceRequestContext>) {
        for prefix in Self.prefixes {
            router.get(RouterPath(prefix), use: list)
            router.get(RouterPath(prefix + "/**"), use: download)
            router.put(RouterPath(prefix + "/**"), use: upload)
        }
    }

    /// The raw artifact path of a request: what follows the prefix and its `/`.
    static func rawPath(_ request: Request) -> Substring {
        let path = request.uri.path
        for prefix in prefixes where path.hasPrefix("/" + prefix + "/") {
            return path.dropFirst(prefix.count + 2)
        }
        return ""
    }

    /// Resolves decoded segments to a location inside a run's or a logged model's artifact root.
    func locate(_ segments: [String], context: WorkspaceRequestContext) async throws -> MLflowArtifactLocation {
        let caller = try MLflowRoutes.caller(context)
        try MLflowArtifactLocation.validateRelative(segments)
        guard segments.count >= 3, let experimentID = Int64(segments[0]) else {
            throw MLflowError.notFound(
                "No artifact root at '\(segments.joined(separator: "/"))': artifacts live under "
                    + "<experiment id>/<run id>/artifacts or <experiment id>/models/<model id>/artifacts.")
        }
        // Model ids start with `m-`, so a run named `models` keeps its own artifacts.
        if segments[1] == "models", segments.count >= 4, segments[2].hasPrefix("m-"), segments[3] == "artifacts" {
            guard let model = try await store.loggedModelRecord(id: segments[2]) else {
                throw MLflowError.modelNotFound(segments[2])
            }
            guard model.experimentID == experimentID else {
                throw MLflowError.notFound("Logged model '\(model.id)' is not in experiment \(experimentID).")
            }
            guard caller.canAccess(model) else { throw caller.denied("logged model '\(model.id)'") }
            return MLflowArtifactLocation(
                root: store.modelArtifactDirectory(modelID: model.id), relative: Array(segments.dropFirst(4)),
                owner: "logged model '\(model.id)'")
        }
        let runID = segments[1]
        guard segments[2] == "artifacts", let run = try await store.runRecord(id: runID) else {
            throw MLflowError.runNotFound(runID)
        }
        guard run.experimentID == experimentID else {
            throw MLflowError.notFound("Run '\(runID)' is not in experiment \(experimentID).")
        }
        guard caller.canAccess(run) else { throw caller.denied("run '\(runID)'") }
        return MLflowArtifactLocation(
            root: store.artifactDirectory(runID: runID), relative: Array(segments.dropFirst(3)), owner: "run '\(runID)'"
        )
    }

    @Sendable func upload(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let location = try await locate(
            MLflowArtifactLocation.segments(Self.rawPath(request), percentEncoded: true), context: context)
        guard !location.relative.isEmpty else {
            throw MLflowError.invalid("An artifact upload names a file below the artifact root.")
        }
        let destination = location.path
        let parent = String(destination[..<destination.lastIndex(of: "/")!])
        let staged = try await services.blobs.stage(request.body, limit: services.options.maxBlobSize)
        let code = POSIXFile.makeDirectories(parent)
        if code != 0 || POSIXFile.isDirectory(destination) {
            POSIXFile.remove(staged.path)
            throw MLflowError.invalid(
                "Cannot store the artifact '\(location.relative.joined(separator: "/"))': "
                    + (code != 0 ? "a folder on its path is a file." : "it is a folder."))
        }
        let moved = POSIXFile.move(staged.path, to: destination)
        if moved != 0 {
            POSIXFile.remove(staged.path)
            throw LocalWorkspaceError.io("cannot store the artifact", path: destination, errno: moved)
        }
        return Response(status: .ok)
    }

    @Sendable func download(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let location = try await locate(
            MLflowArtifactLocation.segments(Self.rawPath(request), percentEncoded: true), context: context)
        guard !location.relative.isEmpty, let size = POSIXFile.regularFileSize(location.path) else {
            throw MLflowError.notFound(
                "The \(location.owner) has no artifact file '\(location.relative.joined(separator: "/"))'.")
        }
        var headers = HTTPFields()
        headers[.contentType] = MLflowArtifactLocation.contentType(of: location.relative.last!)
        headers[.contentLength] = String(size)
        let body = try await FileIO().loadFile(path: location.path, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }

    @Sendable func list(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let fields = try MLflowRoutes.query(request)
        let path = try fields.string("path") ?? ""
        let segments = try MLflowArtifactLocation.segments(Substring(path), percentEncoded: false)
        let location = try await locate(segments, context: context)
        let entries = POSIXFile.entries(of: location.path) ?? []
        var body = JSONObject()
        if !entries.isEmpty {
            body["files"] = .array(
                entries.map { entry in
                    var file: JSONObject = ["path": .string(entry.name), "is_dir": .bool(entry.isDirectory)]
                    if let size = entry.size { file["file_size"] = .int(Int(size)) }
                    return .object(file)
                })
        }
        return MLflowRoutes.ok(.object(body))
    }
}
