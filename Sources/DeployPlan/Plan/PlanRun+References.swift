import AzureML
import DeployYAML

/// References: links to the set's resources give their planned versions; links to the workspace are checked
/// (dangling references are errors), pinned, and listed as reads.
extension PlanRun {
    /// Resolves `node`'s references: the addresses it depends on and the `@latest` references it pins. Sets the
    /// `latestVersion` values its body needs.
    func resolveLinks(_ node: DesiredGraph.Node) -> (dependsOn: [String], pins: [PinnedReference]) {
        let errorCount = errors.count
        defer { if errors.count > errorCount { brokenNodes.insert(node.key) } }
        var dependsOn: [String] = []
        var pins: [PinnedReference] = []
        for link in node.links {
            let source = link.reference.source
            switch link.resolution {
            case .passThrough:
                continue
            case .node(let key):
                guard let target = nodeChanges[key] else {
                    markUnresolvable(link)
                    continue
                }
                dependsOn.append(target.address)
                if link.isLabel, let version = target.version {
                    setLatest(link, version: version)
                    pins.append(PinnedReference(reference: link.written, resolved: target.address, source: source))
                }
            case .workspace(let resource):
                if let producer = link.producer, let version = plannedVersions[producer], version == resource.version,
                    let target = nodeChanges[producer]
                {
                    dependsOn.append(target.address)
                    continue
                }
                guard let address = resolveExternal(resource, link: link, node: node) else {
                    markUnresolvable(link)
                    continue
                }
                dependsOn.append(address)
                if link.isLabel {
                    pins.append(PinnedReference(reference: link.written, resolved: address, source: source))
                }
            }
        }
        return (dependsOn, pins)
    }

    /// The `latestVersion` placeholder of a label, and its value.
    private func setLatest(_ link: ReferenceLink, version: String) {
        guard case .asset(let asset) = link.reference.target, case .label(let kind, let name, _) = asset.target else {
            return
        }
        values[.latestVersion(kind: kind, name: name)] = version
    }

    private func markUnresolvable(_ link: ReferenceLink) {
        guard case .asset(let asset) = link.reference.target, case .label(let kind, let name, _) = asset.target else {
            return
        }
        unresolvable.insert(.latestVersion(kind: kind, name: name))
    }

    /// Reads what an external reference names: its address when it exists (recorded as a read change, pinned for
    /// `@latest`), else `nil` after reporting a dangling reference or a failed read.
    private func resolveExternal(
        _ resource: ExternalResource, link: ReferenceLink, node: DesiredGraph.Node
    ) -> String? {
        let source = link.reference.source
        guard let outcome = outcomes[externalRead(resource)] else { return nil }
        var version = resource.version
        var status: String?
        switch outcome {
        case .failed(let message):
            error("cannot read \(resource) for `\(link.written)`: \(message)", at: source)
            return nil
        case .absent, .list([]):
            error(dangling(resource, written: link.written), at: source)
            return nil
        case .list(let items):
            version = items[0].name
        case .found(let found):
            if resource.isLatest {
                guard let latest = found.properties["latestVersion"]?.stringValue else {
                    error(dangling(resource, written: link.written), at: source)
                    return nil
                }
                version = latest
            }
            status = resource.kind == .job ? found.properties["status"]?.stringValue : nil
        }
        let path = "/\(resource.kind.collection)/\(resource.name)" + (version.map { "/versions/\($0)" } ?? "")
        let address = "\(resource.kind.rawValue).\(resource.name)" + (version.map { ":\($0)" } ?? "")
        if link.isLabel, let version { setLatest(link, version: version) }
        let pin = PinnedReference(reference: link.written, resolved: address, source: source)
        if let index = readChanges.firstIndex(where: { $0.address == address }) {
            if !readChanges[index].pins.contains(pin) { readChanges[index].pins.append(pin) }
            if !readChanges[index].manifests.contains(node.manifest) {
                readChanges[index].manifests.append(node.manifest)
            }
            return address
        }
        let reason: String
        if link.isLabel, let version {
            reason = "`\(link.written)` resolves to version \(version)"
        } else if let status {
            reason = "exists in the workspace, status \(status)"
        } else {
            reason = "exists in the workspace"
        }
        readChanges.append(
            PlannedChange(
                address: address, kind: resource.kind.rawValue, name: resource.name, version: version, action: .read,
                path: path, id: workspace.armID + path, apiVersion: resource.kind.apiVersion(options.apiVersions),
                body: nil, source: source, manifests: [node.manifest], reason: reason, pins: [pin], status: status))
        return address
    }

    /// The message for a reference to something neither the manifests nor the workspace define.
    private func dangling(_ resource: ExternalResource, written: String) -> String {
        let noun: String
        switch resource.kind {
        case .environment: noun = "environment"
        case .data: noun = "data asset"
        case .model: noun = "model"
        case .code: noun = "code asset"
        case .compute: noun = "compute"
        case .job: noun = "job"
        }
        if resource.isLatest {
            return "`\(written)` names \(noun) \(resource.name), which neither the manifests nor the workspace define"
        }
        let what = resource.version.map { "\(resource.name):\($0)" } ?? resource.name
        return "`\(written)` names \(noun) \(what), which neither the manifests nor the workspace define"
    }
}
