#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a workspace directory cannot be opened: an unreadable or corrupt credentials file, a folder that cannot be
/// created.
public struct WorkspaceSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in a sentence.
    public let message: String
    /// The file or folder.
    public let path: String

    static func io(_ message: String, path: String, errno code: Int32) -> WorkspaceSetupError {
        WorkspaceSetupError(message: "\(message): \(String(cString: strerror(code)))", path: path)
    }

    static func corrupt(_ message: String, path: String) -> WorkspaceSetupError {
        WorkspaceSetupError(message: message, path: path)
    }

    public var description: String { "\(path): \(message)" }
}
