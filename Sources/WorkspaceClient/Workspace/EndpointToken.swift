import AzureML
import Foundation

/// The bearer token of a workspace server reached by URL (another `deploy serve`): from `--token-file` when given
/// (a file holding the token, a JSON file with a `token` member, or a workspace directory whose
/// `credentials.json` has one), else from `DEPLOY_TOKEN`.
public enum EndpointToken {
    /// The variable holding a server's token.
    public static let variable = "DEPLOY_TOKEN"

    /// A credential for the server at `baseURL`; throws, naming both ways to give a token, when there is none.
    public static func credential(
        environment: [String: String], tokenFile: String?, baseURL: String
    ) throws(WorkspaceClientError) -> StaticTokenCredential {
        if let tokenFile {
            return StaticTokenCredential(token: try read(tokenFile), name: "--token-file \(tokenFile)")
        }
        if let token = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return StaticTokenCredential(token: token, name: variable)
        }
        throw .invalidWorkspace(
            "the workspace server at \(baseURL) needs its bearer token: set \(variable), or pass --token-file with "
                + "a file holding the token or the server's workspace directory (its credentials.json)")
    }

    /// The token in `path`: `<dir>/credentials.json`'s `token` for a directory, a JSON file's `token`, or a
    /// file's whole (trimmed) text.
    public static func read(_ path: String) throws(WorkspaceClientError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .io(path, "no such file or directory")
        }
        let file = isDirectory.boolValue ? (path as NSString).appendingPathComponent("credentials.json") : path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .io(file, "cannot read the token file")
        }
        if let json = try? JSONValue(parsing: Array(data)), case .object(let object) = json {
            guard let token = object["token"]?.stringValue, !token.isEmpty else {
                throw .io(file, "has no \"token\" member")
            }
            return token
        }
        guard !isDirectory.boolValue else { throw .io(file, "is not a JSON object") }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw .io(file, "is empty") }
        return token
    }
}
