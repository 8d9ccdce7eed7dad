/// A path-like manifest value: a local file or folder, or anything the service resolves (an `azureml:`
/// reference, an `azureml://` or `https://` URI, a `git+` URL, a bare ARM id).
public enum PathReference: Sendable, Hashable {
    /// A file or folder on this machine, resolved relative to the manifest's folder.
    case local(LocalPath)
    /// A reference or URI, exactly as written; parsing it is the REST translation's job.
    case remote(String)

    /// The value as written in the manifest.
    public var written: String {
        switch self {
        case .local(let path): return path.written
        case .remote(let text): return text
        }
    }

    /// The local path, or `nil` for a remote reference.
    public var localPath: LocalPath? {
        if case .local(let path) = self { return path }
        return nil
    }

    /// Whether `text` names something the service resolves rather than a local path: it starts with a URI scheme
    /// of two or more characters (`azureml:`, `https:`, `wasbs:`, `abfss:`, `runs:`, `git+https:`), or is a bare
    /// ARM id (`/subscriptions/...`). `file:` is local.
    public static func isRemote(_ text: String) -> Bool {
        if text.hasPrefix("/subscriptions/") { return true }
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard scheme.count >= 2, let first = scheme.first, first.isASCII, first.isLetter else { return false }
        guard scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return false
        }
        return scheme.lowercased() != "file"
    }
}
