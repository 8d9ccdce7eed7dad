import DeployCLI
import Synchronization

/// An `ApplyConsole` that records what is written on each stream and answers the confirmation with `answer`.
final class RecordingConsole: Sendable {
    private let streams = Mutex<(output: String, error: String)>(("", ""))
    let answer: String?
    let isInteractive: Bool

    init(answer: String? = nil, isInteractive: Bool = false) {
        self.answer = answer
        self.isInteractive = isInteractive
    }

    var console: ApplyConsole {
        ApplyConsole(
            standardOutput: { text in self.streams.withLock { $0.output += text } },
            standardError: { text in self.streams.withLock { $0.error += text } },
            readLine: { self.answer }, isInteractive: isInteractive)
    }

    /// Everything written on standard output.
    var standardOutput: String { streams.withLock { $0.output } }
    /// Everything written on standard error.
    var standardError: String { streams.withLock { $0.error } }
}
