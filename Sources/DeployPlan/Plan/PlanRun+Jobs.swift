import AzureML
import DeployYAML

/// Jobs: named (by the manifest, or after their resolved body), read, and decided. A job is submitted once; with
/// `--rerun`, a job named after its body gets the next free name `<name>-r2`, `<name>-r3`, ...
extension PlanRun {
    /// The most names `--rerun` tries for one job.
    static let maxRerunAttempts = 100

    /// A job whose name is known, waiting for its read.
    private struct PendingJob {
        var node: DesiredGraph.Node
        var baseName: String
        var body: JSONValue
        var attempt: Int
        /// The first run found, for `--rerun`: its name and status.
        var previous: (name: String, status: String?)?

        var name: String { attempt == 1 ? baseName : "\(baseName)-r\(attempt)" }

        /// The body for `name`: a rerun's `displayName` follows its new name when it defaults to the name.
        var named: JSONValue {
            guard attempt > 1, case .generated(let naming) = node.resource.name, naming.displayNameIsName,
                case .object(var root) = body, case .object(var properties)? = root["properties"]
            else { return body }
            properties["displayName"] = .string(name)
            root["properties"] = .object(properties)
            return .object(root)
        }
    }

    /// Names, reads and decides every job.
    func decideJobs() async {
        var pending: [PendingJob] = []
        for node in graph.nodes where node.key.kind == .job && !brokenNodes.contains(node.key) {
            let missing = node.resource.body.placeholders.filter { !$0.isResolvedAtApply && values[$0] == nil }
            if !missing.isEmpty {
                // Reported already (a dangling reference, a failed lookup), or reported by `prepare`.
                _ = prepare(node)
                continue
            }
            let (name, body) = node.resource.resolved(values)
            if case .resource(let id) = node.key {
                if options.rerun {
                    warning(
                        "--rerun does not rename job \(id.name): its name is fixed by the manifest",
                        at: node.resource.source)
                }
                guard let read = primaryRead(node), let outcome = outcomes[read] else { continue }
                decideJob(node, name: name, body: body, outcome: outcome, previous: nil)
            } else {
                pending.append(PendingJob(node: node, baseName: name, body: body, attempt: 1))
            }
        }
        while !pending.isEmpty {
            await read(pending.map { jobRead($0.name) })
            var next: [PendingJob] = []
            for var job in pending {
                guard let outcome = outcomes[jobRead(job.name)] else { continue }
                if options.rerun, case .found(let existing) = outcome, job.attempt < Self.maxRerunAttempts {
                    if job.previous == nil {
                        job.previous = (job.name, existing.properties["status"]?.stringValue)
                    }
                    job.attempt += 1
                    next.append(job)
                    continue
                }
                decideJob(job.node, name: job.name, body: job.named, outcome: outcome, previous: job.previous)
            }
            pending = next
        }
    }

    /// Decides one job named `name` with the resolved `body`.
    private func decideJob(
        _ node: DesiredGraph.Node, name: String, body json: JSONValue, outcome: ReadOutcome,
        previous: (name: String, status: String?)?
    ) {
        let id = ResourceID(kind: .job, name: name)
        if let (key, existing) = nodeChanges.first(where: { $0.value.address == id.address }), key != node.key {
            // Two manifests asking for the very same job (a copy): one change.
            var merged = existing
            for manifest in node.manifests where !merged.manifests.contains(manifest) {
                merged.manifests.append(manifest)
            }
            nodeChanges[key] = merged
            return
        }
        guard let body = prepare(node, json: json) else { return }
        switch outcome {
        case .absent:
            var reason = "not submitted yet"
            if let previous {
                reason =
                    "--rerun: submitted before as \(previous.name)"
                    + (previous.status.map { " (status \($0))" } ?? "") + "; a new run"
            }
            nodeChanges[node.key] = change(node, id: id, action: .create, body: body.template, reason: reason)
        case .found(let existing):
            let status = existing.properties["status"]?.stringValue ?? "unknown"
            nodeChanges[node.key] = decideExisting(node, id: id, body: body, existing: existing, status: status)
        case .failed(let message):
            error("cannot read job \(name): \(message)", at: node.resource.source)
        case .list:
            break
        }
    }
}
