#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LocalWorkspaceError {
    /// A failed system call on `path`, with the system's text for `code`.
    static func io(_ message: String, path: String, errno code: Int32) -> LocalWorkspaceError {
        .workspaceSetup("\(message): \(String(cString: strerror(code)))", path: path)
    }
}
