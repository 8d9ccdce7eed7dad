/// Where an `mlflow-artifacts` path points on disk. The client builds such paths from the artifact URIs the server
/// hands out, so two shapes exist:
/// - `<experiment id>/<run id>/artifacts/<relative path>`: `<workspace dir>/runs/<run id>/artifacts/...`
/// - `<experiment id>/models/<model id>/artifacts/<relative path>`: `<workspace dir>/mlflow/models/<model id>/...`
///
/// Each segment is percent-decoded once; an empty, `.` or `..` segment, or one holding `/`, `\` or NUL after
/// decoding, is refused with 400 `INVALID_PARAMETER_VALUE`, so no path leaves its artifact root.
struct MLflowArtifactLocation: Sendable, Hashable {
    /// The artifact root on disk (the run's or the model's `artifacts` folder).
    var root: String
    /// The validated segments below the root (empty for the root itself).
    var relative: [String]
    /// What the root belongs to, for messages: `run 'x'` or `logged model 'm-...'`.
    var owner: String

    /// The file or folder on disk.
    var path: String {
        relative.isEmpty ? root : root + "/" + relative.joined(separator: "/")
    }

    /// Splits a path into segments, percent-decoding each when it is raw (a URL path; a query value is decoded
    /// already); a trailing `/` is ignored.
    static func segments(_ path: Substring, percentEncoded: Bool) throws(MLflowError) -> [String] {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.last == "" { parts.removeLast() }
        var segments: [String] = []
        for part in parts {
            guard percentEncoded else {
                segments.append(String(part))
                continue
            }
            guard let segment = QueryParameters.percentDecode(String(part)) else { throw invalidPath }
            segments.append(segment)
        }
        return segments
    }

    /// Checks that segments below an artifact root stay inside it.
    static func validateRelative(_ segments: some Collection<String>) throws(MLflowError) {
        for segment in segments {
            guard !segment.isEmpty, segment != ".", segment != "..", segment.utf8.count <= 255,
                !segment.utf8.contains(where: { $0 == 0 || $0 == 47 || $0 == 92 })
            else { throw invalidPath }
        }
    }

    /// MLflow's answer to an unsafe path.
    static let invalidPath = MLflowError.invalid("Invalid path")

    /// The content type a download is served with, from the file's extension (text types as `text/plain`, so a
    /// browser never renders an uploaded page).
    static func contentType(of name: String) -> String {
        let lowered = name.lowercased()
        guard let dot = lowered.lastIndex(of: "."), !lowered.hasSuffix(".") else {
            return name == "MLmodel" ? "text/plain; charset=utf-8" : "application/octet-stream"
        }
        switch lowered[lowered.index(after: dot)...] {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "svg": return "image/svg+xml"
        case "json": return "application/json"
        case "txt", "log", "yaml", "yml", "csv", "md", "py", "html", "htm", "xml": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
