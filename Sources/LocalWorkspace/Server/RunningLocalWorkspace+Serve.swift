import AzureML
public import UnixSignals

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunningLocalWorkspace {
    /// What `deploy serve` does once the server listens: writes `<dir>/server.json`, waits for one of `signals`,
    /// shuts down gracefully and removes `server.json`. Returns the signal that stopped it.
    @discardableResult
    public func serveUntilSignalled(_ signals: [UnixSignal] = [.sigint, .sigterm]) async throws -> UnixSignal? {
        // Trap the signals before announcing the server, so a signal sent on seeing the file is never lost.
        let received = await UnixSignalsSequence(trapping: signals)
        let pid = getpid()
        try ServerFile(url: url, pid: pid, workspaceID: workspace.armID).write(in: directory)
        var iterator = received.makeAsyncIterator()
        let signal = await iterator.next()
        try await shutdown()
        ServerFile.remove(in: directory, pid: pid)
        return signal
    }
}
