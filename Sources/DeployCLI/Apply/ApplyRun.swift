import AzureML
import DeployApply
import DeployPlan
import DeployYAML
import Foundation
import WorkspaceClient

/// One run of `deploy apply` once its inputs are read: prints the plan, asks for confirmation where it must,
/// applies, waits for the submitted jobs, and prints the summary (or, with `--output json`, the document). Each step
/// that ends the run returns the exit status.
struct ApplyRun {
    let command: DeployCommand.Apply
    let console: ApplyConsole
    private(set) var document = ApplyDocument(status: .applied)

    init(command: DeployCommand.Apply, console: ApplyConsole) {
        self.command = command
        self.console = console
    }

    private var isJSON: Bool { command.output == .json }

    /// Prints diagnostics on standard error.
    func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { console.standardError(diagnostic.rendered + "\n") }
    }

    /// Ends the run with `status`, printing `message` on standard error; exit status 1.
    mutating func fail(_ status: ApplyDocument.Status, _ message: String) -> Int32 {
        document.status = status
        document.errors.append(message)
        console.standardError(message + "\n")
        return finish(1)
    }

    /// Ends a run whose plan has errors (already printed as diagnostics); exit status 1.
    mutating func planFailed(_ plan: DeployPlan.Plan) -> Int32 {
        document.plan = plan
        document.errors = plan.errors.map(\.rendered)
        document.status = .planFailed
        let count = plan.errors.count
        console.standardError("Planning failed: \(count) \(count == 1 ? "error" : "errors"); nothing was applied.\n")
        return finish(1)
    }

    /// Ends a run whose saved plan no longer matches the workspace or the files; exit status 1.
    mutating func stale(_ changes: [String], plan: DeployPlan.Plan, path: String) -> Int32 {
        document.plan = plan
        document.stale = changes
        document.status = .stalePlan
        console.standardError(
            "error: stale plan: \(path) was made before these changes:\n"
                + changes.map { "  - \($0)\n" }.joined()
                + "Nothing was applied. Run deploy plan again, or deploy apply with the manifests.\n")
        return finish(1)
    }

    /// Writes the JSON document when asked for, and returns `code`.
    func finish(_ code: Int32) -> Int32 {
        if isJSON { console.standardOutput(document.json.serialized(.pretty) + "\n") }
        return code
    }

    /// Prints `plan`, asks, applies it, and waits for its jobs as the flags say. `runsJobs` tells whether a local
    /// workspace runs the jobs it receives (waiting is the default then).
    mutating func apply(_ plan: DeployPlan.Plan, session: WorkspaceSession, runsJobs: Bool) async -> Int32 {
        document.plan = plan
        if !isJSON { console.standardOutput(PlanTextRenderer(colors: console.colors).render(plan)) }
        if !plan.errors.isEmpty { return planFailed(plan) }
        let conflicts = plan.summary.conflicts
        if conflicts > 0 {
            return fail(
                .conflicts,
                "error: \(conflicts) \(conflicts == 1 ? "conflict" : "conflicts"); nothing was applied: the plan "
                    + "cannot be applied until \(conflicts == 1 ? "it is" : "they are") resolved")
        }
        guard plan.hasChanges else {
            document.status = .noChanges
            return finish(0)
        }
        let isAzure: Bool
        if case .azure = session.selection.target { isAzure = true } else { isAzure = false }
        let submitsJobs = plan.changes.contains { $0.kind == "job" && $0.action.writes }
        if command.wait == false, session.inProcess, runsJobs, submitsJobs {
            return fail(
                .error,
                "error: --no-wait needs a running deploy serve: the local workspace was started in this process and "
                    + "stops when the command ends, and its jobs with it. Start deploy serve in another terminal, "
                    + "or leave out --no-wait.")
        }
        if !DeployCommand.Apply.isLocal(session.selection.target), !command.yes {
            guard console.isInteractive else {
                return fail(
                    .notConfirmed,
                    "error: refusing to apply to \(session.selection.target) without confirmation: standard input "
                        + "is not a terminal. Pass --yes to apply without asking.")
            }
            console.standardError(
                "Apply these changes to \(session.selection.target)? Only 'yes' is accepted: ")
            guard console.readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                return fail(.notConfirmed, "Apply cancelled: nothing was changed.")
            }
        }

        let printer = ProgressPrinter(console: console)
        let applier = PlanApplier(
            service: session.client, blobs: BlobTransfer(uploader: BlobUploader(service: session.client)),
            options: ApplyOptions(parallelism: command.parallelism))
        let result: ApplyResult
        do {
            result = try await applier.apply(plan) { printer.handle($0) }
        } catch {
            printer.clear()
            return fail(.error, "error: \(ApplyError(error))")
        }
        printer.clear()
        document.result = result
        let renderer = ApplyTextRenderer(colors: console.colors)
        console.standardError(renderer.summary(result))
        guard result.succeeded else {
            document.status = .failed
            return finish(1)
        }
        let jobs = result.submittedJobs.map(\.name)
        guard command.wait ?? (!isAzure && runsJobs) else { return finish(0) }
        guard !jobs.isEmpty else { return finish(0) }
        return await wait(for: jobs, session: session, isAzure: isAzure, renderer: renderer)
    }

    /// Follows `jobs` until they end, printing status changes on standard error and log lines on standard output
    /// (standard error with `--output json`), prefixed with the job's name when there are several; then each job's
    /// final status.
    private mutating func wait(
        for jobs: [String], session: WorkspaceSession, isAzure: Bool, renderer: ApplyTextRenderer
    ) async -> Int32 {
        let client = session.client
        let readLog: JobFollower.LogReader = { name, offset in try await client.jobLog(name, from: offset) }
        let follower = JobFollower(
            service: client, logs: isAzure ? nil : readLog,
            interval: command.pollInterval ?? (isAzure ? 10 : 1), timeout: command.waitTimeout)
        let console = console
        let logLine = isJSON ? console.standardError : console.standardOutput
        let named = jobs.count > 1
        let count = jobs.count
        console.standardError(
            "Waiting for \(count == 1 ? "job \(jobs[0])" : "\(count) jobs") to finish"
                + (isAzure ? " (job logs are not streamed from Azure ML yet)" : "") + ":\n")
        let outcomes: [JobFollower.Outcome]
        do {
            outcomes = try await follower.follow(jobs) { event in
                switch event {
                case .status(let job, let status):
                    console.standardError(renderer.jobLine(name: job, status: status) + "\n")
                case .log(let job, let line):
                    logLine((named ? "\(job) | " : "") + line + "\n")
                }
            }
        } catch {
            return fail(.error, "error: stopped waiting for the jobs: \(error)")
        }
        document.jobs = outcomes
        var lines: [String] = []
        for outcome in outcomes {
            var line = "job \(outcome.name): \(outcome.status ?? "unknown")"
            if outcome.timedOut { line += " (still running: stopped waiting after --wait-timeout)" }
            if let error = outcome.error { line += " (cannot be read: \(error))" }
            if !isAzure, outcome.error == nil { line += await Self.result(of: outcome.name, client: client) }
            lines.append(line)
        }
        let failed = outcomes.filter { !$0.succeeded }.count
        lines.append(
            failed == 0
                ? "Jobs: \(count) completed."
                : "Jobs failed: \(failed) of \(count) did not complete.")
        console.standardError(lines.joined(separator: "\n") + "\n")
        if failed > 0 {
            document.status = .jobsFailed
            return finish(1)
        }
        return finish(0)
    }
    /// What a local job's final line adds: the error message of a job that did not complete, the latest value of each
    /// metric its MLflow run logged (`; test-multi_logloss 0.263427`), and a sweep's best trial with its parameters
    /// and objective; empty when there is nothing, or nothing can be read.
    private static func result(of name: String, client: ARMClient) async -> String {
        guard let resource = try? await client.getResource("/jobs/\(name)", apiVersion: APIVersion.jobs) else {
            return ""
        }
        let job = JobRecord(resource)
        var text = ""
        if let message = job.runProperties["ErrorMessage"], !message.isEmpty, job.status != "Completed" {
            text += ": " + (message.split(separator: "\n").first.map(String.init) ?? message)
        }
        if let runID = job.mlflowRunID,
            let metrics = try? await JobMetricsReader(client: client).latest(runID: runID), !metrics.isEmpty
        {
            text +=
                "; "
                + metrics.keys.sorted().map { "\($0) \(MetricSummary.text(metrics[$0] ?? 0))" }
                .joined(separator: ", ")
        }
        if job.isSweep, let best = job.runProperties[SweepTrials.bestTrialProperty] {
            text += "; best trial \(best)"
            if let parameters = job.runProperties["BestTrialParameters"] { text += " \(parameters)" }
            if let objective = job.runProperties["BestTrialObjective"].flatMap(Double.init) {
                text += ": \(job.objective?.primaryMetric ?? "objective") \(MetricSummary.text(objective))"
            }
        }
        return text
    }
}
