import AzureML
import DeployYAML

/// Decisions for environments, data, code and computes.
extension PlanRun {
    /// Decides what to do with an asset or compute node.
    func decideAsset(_ node: DesiredGraph.Node) {
        if node.resource.body.placeholders.contains(.workspaceLocation), values[.workspaceLocation] == nil {
            resolveWorkspaceLocation(at: node.resource.source)
        }
        switch node.key {
        case .resource(let id):
            if case .localCode(let hash) = node.resource.origin {
                decideSnapshot(node, id: id, hash: hash)
            } else {
                decideFixed(node, id: id)
            }
        case .versionless(let kind, let name):
            decideVersionless(node, kind: kind, name: name)
        case .generatedJob:
            break
        }
    }

    /// The workspace's location, for computes whose manifest names none.
    private func resolveWorkspaceLocation(at source: SourceLocation) {
        switch outcomes[workspaceRead] {
        case .found(let resource)?:
            if let location = resource.location {
                values[.workspaceLocation] = location
            } else {
                unresolvable.insert(.workspaceLocation)
                error("the workspace reports no location; give the compute a `location`", at: source)
            }
        case .failed(let message)?:
            unresolvable.insert(.workspaceLocation)
            error("cannot read the workspace's location: \(message)", at: source)
        default:
            unresolvable.insert(.workspaceLocation)
            error("the workspace \(workspace.armID) does not exist", at: source)
        }
    }

    /// A resource whose name and version the manifests fix: created when absent, else compared.
    private func decideFixed(_ node: DesiredGraph.Node, id: ResourceID) {
        guard let read = primaryRead(node), let outcome = outcomes[read], let body = prepare(node) else { return }
        if let version = id.version { plannedVersions[node.key] = version }
        switch outcome {
        case .absent:
            nodeChanges[node.key] = change(node, id: id, action: .create, body: body.template, reason: "does not exist")
        case .found(let existing):
            nodeChanges[node.key] = decideExisting(node, id: id, body: body, existing: existing)
        case .failed(let message):
            error("cannot read \(id.address): \(message)", at: node.resource.source)
        case .list:
            break
        }
    }

    /// The change for a resource that exists: unchanged, updated in place, or a conflict with advice.
    func decideExisting(
        _ node: DesiredGraph.Node, id: ResourceID, body: PreparedBody, existing: ARMResource, status: String? = nil
    ) -> PlannedChange {
        let comparison = compare(body, with: existing)
        switch comparison.action {
        case .update:
            return change(
                node, id: id, action: .update, body: updateBody(body, existing: existing),
                reason: reason(comparison), differences: comparison.differences, status: status)
        case .conflict:
            return change(
                node, id: id, action: .conflict, body: body.template, reason: reason(comparison),
                differences: comparison.differences, advice: advice(for: node, id: id), status: status)
        default:
            let text = status.map { "already submitted, status \($0)" } ?? reason(comparison)
            return change(node, id: id, action: .noOp, body: nil, reason: text, status: status)
        }
    }

    /// What to do about a conflict.
    func advice(for node: DesiredGraph.Node, id: ResourceID) -> String {
        let manifest = node.manifest
        switch (id.kind, node.resource.origin) {
        case (.job, _):
            if case .generated = node.resource.name {
                return "A submitted job cannot change; run with --rerun to submit it under a new name."
            }
            return "A submitted job cannot change; give the job another `name` in \(manifest), or remove `name` to let "
                + "deploy name it after its content."
        case (.compute, _):
            return "Delete compute \(id.name) from the workspace, or give it another `name` in \(manifest)."
        case (_, .manifest):
            let next = id.version.flatMap(VersionOrder.next(after:)).map { " (to \($0))" } ?? ""
            return "Versions cannot change; bump `version` in \(manifest)\(next), or remove it to let deploy pick the "
                + "next version."
        default:
            return "The workspace holds different content under this content-derived name; archive or delete "
                + "\(id.kind.displayName) \(id.description) there."
        }
    }

    /// A job's local code folder: the hash lookup finds the code version holding the snapshot under any name, else
    /// the snapshot is uploaded and registered under its content-derived name.
    private func decideSnapshot(_ node: DesiredGraph.Node, id: ResourceID, hash: String) {
        guard let read = primaryRead(node), let outcome = outcomes[read] else { return }
        let short = String(hash.prefix(12))
        switch outcome {
        case .list(let items):
            if let first = items.first {
                let found = (try? ResourceID.parse(armID: first.id))?.1 ?? id
                values[.codeVersionID(contentHash: hash)] = workspace.id(of: found)
                plannedVersions[node.key] = found.version
                nodeChanges[node.key] = change(
                    node, id: found, action: .noOp, body: nil,
                    reason: "the snapshot is already registered (content hash \(short))")
            } else {
                guard let body = prepare(node) else { return }
                values[.codeVersionID(contentHash: hash)] = workspace.id(of: id)
                plannedVersions[node.key] = id.version
                nodeChanges[node.key] = change(
                    node, id: id, action: .create, body: body.template,
                    reason: "no code version holds this snapshot (content hash \(short))")
            }
        case .failed(let message):
            unresolvable.insert(.codeVersionID(contentHash: hash))
            error("cannot look up the code snapshot (content hash \(short)): \(message)", at: node.resource.source)
        case .found, .absent:
            break
        }
    }

    /// An environment or data asset without a version: the latest version is reused when its content is the same,
    /// else the next version is created (version 1 for a new asset).
    private func decideVersionless(_ node: DesiredGraph.Node, kind: ResourceKind, name: String) {
        guard let read = primaryRead(node), let outcome = outcomes[read], let body = prepare(node) else { return }
        let what = "\(kind == .environment ? "environment" : "data asset") \(name)"
        switch outcome {
        case .absent:
            create(node, kind, name, version: "1", body: body, reason: "no version of \(what) exists yet")
        case .found(let container):
            let latest = container.properties["latestVersion"]?.stringValue
            let next = container.properties["nextVersion"]?.stringValue
            guard let latest, case .found(let existing)? = outcomes[versionRead(kind, name, latest)] else {
                create(
                    node, kind, name, version: next ?? "1", body: body, reason: "\(what) has no readable latest version"
                )
                return
            }
            let comparison = compare(body, with: existing)
            if comparison.createOnly.isEmpty {
                let id = ResourceID(kind: kind, name: name, version: latest)
                plannedVersions[node.key] = latest
                var change = decideExisting(node, id: id, body: body, existing: existing)
                change.reason = "reuses the latest version \(latest) (same content); " + change.reason
                nodeChanges[node.key] = change
                return
            }
            guard let version = next ?? VersionOrder.next(after: latest) else {
                error(
                    "cannot pick the next version of \(what): the workspace reports none after \(latest); give "
                        + "the manifest a `version`", at: node.resource.source)
                return
            }
            let fields = comparison.createOnly.map(\.path).joined(separator: ", ")
            create(
                node, kind, name, version: version, body: body,
                reason: "the latest version \(latest) differs in \(fields)", differences: comparison.createOnly)
        case .failed(let message):
            error("cannot read \(kind.displayName).\(name): \(message)", at: node.resource.source)
        case .list:
            break
        }
    }

    private func create(
        _ node: DesiredGraph.Node, _ kind: ResourceKind, _ name: String, version: String, body: PreparedBody,
        reason: String, differences: [FieldDifference] = []
    ) {
        let id = ResourceID(kind: kind, name: name, version: version)
        plannedVersions[node.key] = version
        nodeChanges[node.key] = change(
            node, id: id, action: .create, body: body.template, reason: "\(reason); creating version \(version)",
            differences: differences)
    }
}
