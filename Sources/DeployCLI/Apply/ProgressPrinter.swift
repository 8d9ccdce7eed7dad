import DeployApply
import Foundation
import Synchronization

/// Prints an apply's progress on standard error: a line per finished change, and on a
/// terminal a status line of the uploads in flight, redrawn in place (at most ten times a second) and cleared
/// before every other line.
final class ProgressPrinter: Sendable {
    private struct State {
        var uploads: [String: (sent: Int64, total: Int64)] = [:]
        var statusShown = false
        var lastDraw: ContinuousClock.Instant?
    }

    private let console: ApplyConsole
    private let renderer: ApplyTextRenderer
    private let state = Mutex(State())

    init(console: ApplyConsole) {
        self.console = console
        renderer = ApplyTextRenderer(colors: console.colors)
    }

    /// Handles one event of the apply.
    func handle(_ event: ApplyEvent) {
        switch event {
        case .started:
            break
        case .uploading(let address, let sent, let total):
            guard console.showsProgress else { return }
            state.withLock { state in
                state.uploads[address] = sent >= total ? nil : (sent, total)
                let now = ContinuousClock.now
                if let last = state.lastDraw, now - last < .milliseconds(100), sent < total { return }
                state.lastDraw = now
                draw(&state)
            }
        case .finished(let report):
            state.withLock { state in
                state.uploads[report.address] = nil
                guard let line = renderer.line(report) else { return }
                write(line, &state)
            }
        }
    }

    /// Clears the status line, for what is printed after the apply.
    func clear() {
        state.withLock { state in
            if state.statusShown { console.standardError("\r\u{1B}[K") }
            state.statusShown = false
            state.uploads = [:]
        }
    }

    private func write(_ line: String, _ state: inout State) {
        var text = state.statusShown ? "\r\u{1B}[K" : ""
        text += line + "\n"
        state.statusShown = false
        console.standardError(text)
        if !state.uploads.isEmpty { draw(&state) }
    }

    private func draw(_ state: inout State) {
        guard !state.uploads.isEmpty else {
            if state.statusShown { console.standardError("\r\u{1B}[K") }
            state.statusShown = false
            return
        }
        let sent = state.uploads.values.reduce(0) { $0 + $1.sent }
        let total = state.uploads.values.reduce(0) { $0 + $1.total }
        let count = state.uploads.count
        let line =
            "↑ uploading for \(count) \(count == 1 ? "change" : "changes"): \(Self.size(sent)) of \(Self.size(total))"
        console.standardError("\r\u{1B}[K" + line)
        state.statusShown = true
    }

    /// `1.2 MB`, `340 KB`, `12 B`.
    static func size(_ bytes: Int64) -> String {
        if bytes < 1_000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return String(format: "%.0f KB", Double(bytes) / 1_000) }
        if bytes < 1_000_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        return String(format: "%.2f GB", Double(bytes) / 1_000_000_000)
    }
}
