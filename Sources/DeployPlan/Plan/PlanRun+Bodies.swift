import AzureML
import DeployYAML

/// The body a change sends, and how it compares with what the workspace holds.
extension PlanRun {
    /// A body ready to send: the resolved JSON stamped with its fingerprint, the slots only an apply can fill, and
    /// the comparison settings that go with them.
    struct PreparedBody {
        var kind: ResourceKind
        /// The stamped body, with apply-time placeholders rendered.
        var template: BodyTemplate
        /// The spec hash.
        var specHash: String

        /// A comparison with a resource in the workspace.
        func diff(contentMatches: Bool, reportsRemovals: Bool) -> ResourceDiff {
            ResourceDiff(
                kind: kind, contentMatches: contentMatches,
                patternFields: Dictionary(
                    template.slots.filter { !$0.isJSON }.map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a }),
                skippedFields: Set(template.slots.filter(\.isJSON).map(\.path)), reportsRemovals: reportsRemovals)
        }
    }

    /// How a body compares with an existing resource.
    struct Comparison {
        var action: PlanAction
        var differences: [FieldDifference]
        /// Whether the resource carries `deploy`'s fingerprint, and whether it is this body's.
        var isOurs: Bool
        var contentMatches: Bool

        var createOnly: [FieldDifference] { differences.filter(\.isCreateOnly) }
    }

    /// The body `node` sends, from `json` (the node's body resolved, by default); `nil` after reporting a value the
    /// plan could not resolve.
    func prepare(_ node: DesiredGraph.Node, json: JSONValue? = nil) -> PreparedBody? {
        let missing = node.resource.body.placeholders.filter { !$0.isResolvedAtApply && values[$0] == nil }
        if !missing.isEmpty {
            for placeholder in missing where !unresolvable.contains(placeholder) {
                unresolvable.insert(placeholder)
                error("cannot plan \(node.key): \(placeholder.explanation) is unknown", at: node.resource.source)
            }
            return nil
        }
        let kind = node.resource.kind
        let spec = json ?? node.resource.body.resolved(values)
        let specHash = Fingerprint.specHash(of: spec, kind: kind)
        let stamped = Fingerprint.stamped(
            spec, kind: kind, specHash: specHash,
            source: Fingerprint.source(manifest: node.manifest, revision: options.sourceRevision))
        let slots = node.resource.body.slots.compactMap { slot -> BodyTemplate.Slot? in
            guard slot.value.placeholders.contains(where: \.isResolvedAtApply) else { return nil }
            var partial = slot
            partial.value = slot.value.partiallyResolved(values)
            return partial
        }
        return PreparedBody(kind: kind, template: BodyTemplate(json: stamped, slots: slots), specHash: specHash)
    }

    /// Compares `body` with `existing`: on the fingerprint when `deploy` created it from this very spec (then only
    /// mutable fields can differ), field by field otherwise.
    func compare(_ body: PreparedBody, with existing: ARMResource) -> Comparison {
        let stored = Fingerprint.specHash(of: existing, kind: body.kind)
        let matches = stored == body.specHash
        let differences = body.diff(contentMatches: matches, reportsRemovals: stored != nil && !matches)
            .differences(desired: body.template.json, existing: existing)
        let action: PlanAction =
            differences.isEmpty ? .noOp : differences.contains(where: \.isCreateOnly) ? .conflict : .update
        return Comparison(action: action, differences: differences, isOurs: stored != nil, contentMatches: matches)
    }

    /// Why a comparison came out as it did.
    func reason(_ comparison: Comparison) -> String {
        let fields = comparison.differences.map(\.path).joined(separator: ", ")
        switch comparison.action {
        case .noOp:
            if comparison.contentMatches { return "unchanged" }
            return comparison.isOurs
                ? "unchanged: every field deploy sends matches"
                : "unchanged: every field deploy sends matches (created outside deploy)"
        case .update:
            if comparison.contentMatches { return "changed outside deploy: \(fields)" }
            return comparison.isOurs
                ? "mutable fields differ: \(fields)" : "created outside deploy; mutable fields differ: \(fields)"
        default:
            let createOnly = comparison.createOnly.map(\.path).joined(separator: ", ")
            return "exists with different create-only fields: \(createOnly)"
        }
    }

    /// The body of an update: apply-time slots take the values the resource holds (its storage is already there),
    /// and for jobs, whose properties are add-only, provenance properties keep the values they have.
    func updateBody(_ body: PreparedBody, existing: ARMResource) -> BodyTemplate {
        var json = body.template.json
        for slot in body.template.slots {
            let current = Self.value(at: Array(slot.path.dropFirst()), in: .object(existing.properties))
            json = Self.replacing(json, at: slot.path[...], with: current)
        }
        if body.kind == .job, case .object(let present)? = existing.properties["properties"] {
            for key in Fingerprint.provenanceKeys {
                guard let value = present[key], !value.isNull else { continue }
                json = Self.replacing(json, at: ["properties", "properties", key], with: value)
            }
        }
        return BodyTemplate(json: json)
    }

    /// The member at `path` of `value`.
    static func value(at path: [String], in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for key in path { current = current?[key] }
        return current
    }

    /// `value` with the member at `path` replaced by `new` (removed when `nil`); objects along the path are created.
    static func replacing(_ value: JSONValue, at path: ArraySlice<String>, with new: JSONValue?) -> JSONValue {
        guard let key = path.first else { return new ?? .null }
        var object = value.objectValue ?? JSONObject()
        object[key] = path.count == 1 ? new : replacing(object[key] ?? .object([:]), at: path.dropFirst(), with: new)
        return .object(object)
    }

    /// A change for `node` at `id`.
    func change(
        _ node: DesiredGraph.Node, id: ResourceID, action: PlanAction, body: BodyTemplate?, reason: String,
        differences: [FieldDifference] = [], advice: String? = nil, status: String? = nil
    ) -> PlannedChange {
        let reads = node.resource.preparations.compactMap { preparation -> RemoteRead? in
            if case .read(let read) = preparation { return read }
            return nil
        }
        let sends = action == .create || action == .update || action == .conflict
        return PlannedChange(
            address: id.address, kind: id.kind.rawValue, name: id.name, version: id.version, action: action,
            path: id.relativePath, id: workspace.id(of: id), apiVersion: node.resource.apiVersion,
            body: sends ? body : nil, uploads: action == .create ? node.resource.uploads : [],
            remoteReads: sends && body?.slots.isEmpty == false ? reads : [], source: node.resource.source,
            manifests: node.manifests, reason: reason, differences: differences, advice: advice, status: status)
    }
}
