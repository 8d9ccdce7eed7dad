/// The text an apply prints: one line per finished change (`✓ environment lightgbm-env:1 created (0.3 s)`), status
/// changes of waited-for jobs, and the closing summary that lists what was applied, what failed (with the server's
/// error code and message) and what was not attempted.
public struct ApplyTextRenderer: Sendable {
    /// Whether to colour the marks (ANSI): only on a terminal without `NO_COLOR`.
    public var colors: Bool

    /// A renderer.
    public init(colors: Bool = false) {
        self.colors = colors
    }

    /// The line for a change that ran: `✓ environment e:1 created (0.3 s)`, `✗ data d:2 failed (1.0 s): ...`;
    /// `nil` for changes that did not run (unchanged, not attempted), which the summary covers.
    public func line(_ report: ChangeReport) -> String? {
        let seconds = report.seconds.map(Self.seconds) ?? "0.0 s"
        var details = [seconds]
        if report.uploads.uploadedFiles > 0 {
            details.append(
                "uploaded \(Self.count(report.uploads.uploadedFiles, "file")), \(Self.grouped(report.uploads.bytes)) "
                    + "bytes")
        }
        if report.uploads.existingFiles > 0 {
            details.append("\(Self.count(report.uploads.existingFiles, "file")) already in storage")
        }
        if let status = report.status, report.kind == "job" { details.append("status \(status)") }
        let name = report.displayName
        switch report.outcome {
        case .created:
            let verb = report.kind == "job" ? "submitted" : "created"
            return "\(mark("✓", "32")) \(name) \(verb) (\(details.joined(separator: ", ")))"
        case .updated:
            return "\(mark("✓", "32")) \(name) updated (\(details.joined(separator: ", ")))"
        case .alreadySubmitted:
            return "\(mark("✓", "32")) \(name) already submitted, not submitted again "
                + "(\(details.joined(separator: ", ")))"
        case .failed(let error):
            return "\(mark("✗", "31")) \(name) failed (\(details.joined(separator: ", "))): \(error)"
        case .unchanged, .notAttempted:
            return nil
        }
    }

    /// `job lightgbm-iris-3f9c0a1b2d: Running`.
    public func jobLine(name: String, status: String) -> String {
        "  job \(name): \(status)"
    }

    /// The closing summary, ending with a newline: one line when everything was applied, else what was applied,
    /// what failed and what was not attempted, and how to retry.
    public func summary(_ result: ApplyResult) -> String {
        let totals = "\(result.summary.line) (\(Self.seconds(result.seconds)))"
        guard !result.succeeded else { return "Apply complete: \(totals).\n" }
        var lines = ["Apply failed: \(totals)."]
        let applied = result.reports.filter { report in
            switch report.outcome {
            case .created, .updated, .alreadySubmitted: true
            default: false
            }
        }
        if !applied.isEmpty {
            lines.append("Applied:")
            lines += applied.map { "  \($0.displayName) (\(Self.word($0)))" }
        }
        lines.append("Failed:")
        for report in result.failures {
            if case .failed(let error) = report.outcome { lines.append("  \(report.displayName): \(error)") }
        }
        if !result.notAttempted.isEmpty {
            lines.append("Not attempted:")
            for report in result.notAttempted {
                if case .notAttempted(let skip) = report.outcome {
                    lines.append("  \(report.displayName) (\(Self.reason(skip)))")
                }
            }
        }
        lines.append("Run the same command again to retry: what was applied is left as it is.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why a change was not attempted, in words.
    public static func reason(_ skip: ApplyScheduler.Skip) -> String {
        switch skip {
        case .dependencyFailed(let address): "depends on \(address), which failed"
        case .stopped: "the apply stopped starting changes after a failure"
        case .unknownDependency(let address): "depends on \(address), which the plan does not hold"
        case .cycle: "its dependencies form a cycle"
        }
    }

    /// `created`, `submitted`, `updated`, `already submitted`.
    static func word(_ report: ChangeReport) -> String {
        switch report.outcome {
        case .created: report.kind == "job" ? "submitted" : "created"
        case .updated: "updated"
        case .alreadySubmitted: "already submitted"
        case .unchanged: "unchanged"
        case .failed: "failed"
        case .notAttempted: "not attempted"
        }
    }

    /// `0.3 s`, rounded to tenths.
    public static func seconds(_ value: Double) -> String {
        let tenths = Int((max(0, value) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// `12,345`.
    static func grouped(_ number: Int64) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private func mark(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
