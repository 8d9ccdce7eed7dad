#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A process group the runner started (its id is its leader's process id): signals go to every process in it.
struct ProcessGroup: Sendable, Hashable {
    /// The group id.
    var id: Int32

    /// Sends `signal` to every process of the group; `false` when none is left.
    @discardableResult
    func send(_ signal: Int32) -> Bool {
        kill(-id, signal) == 0
    }

    /// Whether any process of the group is still alive (zombies included).
    var isAlive: Bool {
        kill(-id, 0) == 0 || errno == EPERM
    }
}
