public import AzureML
import DeployYAML

/// The JSON form of a plan (`deploy plan --output json`, and saved plans), `format_version` 1. README.md documents
/// every member.
extension Plan {
    /// The plan as JSON; with `fingerprints`, what a saved plan adds (every read and file digest).
    public func json(includingFingerprints fingerprints: Bool = false) -> JSONValue {
        let summary = self.summary
        var root: JSONObject = [
            "format_version": .int(Self.formatVersion),
            "deploy_version": .string(deployVersion),
            "workspace": [
                "id": .string(workspace.id.armID), "target": .string(workspace.target),
                "reason": .string(workspace.reason),
            ],
            "summary": [
                "create": .int(summary.create), "update": .int(summary.update), "unchanged": .int(summary.unchanged),
                "conflict": .int(summary.conflicts), "read": .int(summary.reads),
            ],
            "has_changes": .bool(hasChanges),
            "changes": .array(changes.map(\.json)),
            "errors": .array(errors.map(PlanCoding.json)),
            "warnings": .array(warnings.map(PlanCoding.json)),
        ]
        if fingerprints {
            root["fingerprints"] = [
                "reads": .array(self.fingerprints.reads.map(\.json)),
                "files": .array(
                    self.fingerprints.files.map { ["path": .string($0.path), "sha256": .string($0.digest)] }),
            ]
        }
        return .object(root)
    }

    /// Reads a plan from its JSON form; throws `PlanError.invalidSavedPlan` naming the offending member.
    public init(json: JSONValue) throws(PlanError) {
        let reader = try PlanCoding.reader(json, "")
        let version = try PlanCoding.int(reader, "format_version")
        guard version == Self.formatVersion else {
            throw .invalidSavedPlan(
                "this deploy reads plans of format \(Self.formatVersion), not \(version)", field: "format_version")
        }
        guard let workspaceJSON = reader.raw("workspace") else { throw PlanCoding.missing(reader, "workspace") }
        let workspaceReader = try PlanCoding.reader(workspaceJSON, "workspace")
        let id: WorkspaceID
        do {
            id = try WorkspaceID(parsing: try PlanCoding.string(workspaceReader, "id"))
        } catch let error as AzureMLError {
            throw .invalidSavedPlan(error.message, field: "workspace.id")
        } catch let error as PlanError {
            throw error
        } catch {
            throw .invalidSavedPlan("\(error)", field: "workspace.id")
        }
        self.init(
            workspace: PlanWorkspace(
                id: id, target: try PlanCoding.string(workspaceReader, "target"),
                reason: try PlanCoding.string(workspaceReader, "reason")),
            deployVersion: try PlanCoding.string(reader, "deploy_version"))
        for (index, element) in try PlanCoding.array(reader, "changes").enumerated() {
            changes.append(try PlannedChange(json: element, field: "changes[\(index)]"))
        }
        for (index, element) in try PlanCoding.array(reader, "errors").enumerated() {
            errors.append(try PlanCoding.diagnostic(element, field: "errors[\(index)]"))
        }
        for (index, element) in try PlanCoding.array(reader, "warnings").enumerated() {
            warnings.append(try PlanCoding.diagnostic(element, field: "warnings[\(index)]"))
        }
        if let fingerprintsJSON = reader.raw("fingerprints") {
            let fingerprintsReader = try PlanCoding.reader(fingerprintsJSON, "fingerprints")
            for (index, element) in try PlanCoding.array(fingerprintsReader, "reads").enumerated() {
                fingerprints.reads.append(try ReadFingerprint(json: element, field: "fingerprints.reads[\(index)]"))
            }
            for (index, element) in try PlanCoding.array(fingerprintsReader, "files").enumerated() {
                let file = try PlanCoding.reader(element, "fingerprints.files[\(index)]")
                fingerprints.files.append(
                    FileFingerprint(
                        path: try PlanCoding.string(file, "path"), digest: try PlanCoding.string(file, "sha256")))
            }
        }
    }
}

extension PlannedChange {
    /// The change as JSON.
    public var json: JSONValue {
        let object: JSONObject = [
            "address": .string(address), "kind": .string(kind), "name": .string(name),
            "version": version.map(JSONValue.string) ?? .null, "action": .string(action.rawValue), "id": .string(id),
            "path": .string(path), "api_version": .string(apiVersion), "body": body?.json ?? .null,
            "slots": .array((body?.slots ?? []).map(PlanCoding.json)),
            "depends_on": .array(dependsOn.map(JSONValue.string)), "source": PlanCoding.json(source),
            "manifests": .array(manifests.map(JSONValue.string)), "reason": .string(reason),
            "status": status.map(JSONValue.string) ?? .null,
            "differences": .array(
                differences.map { difference in
                    var entry: JSONObject = ["path": .string(difference.path)]
                    if let before = difference.before { entry["before"] = before }
                    if let after = difference.after { entry["after"] = after }
                    entry["create_only"] = .bool(difference.isCreateOnly)
                    return .object(entry)
                }),
            "pins": .array(
                pins.map { pin in
                    [
                        "reference": .string(pin.reference), "resolved": .string(pin.resolved),
                        "source": PlanCoding.json(pin.source),
                    ]
                }),
            "advice": advice.map(JSONValue.string) ?? .null,
            "uploads": .array(uploads.map(PlanCoding.json)),
            "remote_reads": .array(remoteReads.map(PlanCoding.json)),
        ]
        return .object(object)
    }

    /// Reads a change.
    init(json: JSONValue, field: String) throws(PlanError) {
        let reader = try PlanCoding.reader(json, field)
        let actionText = try PlanCoding.string(reader, "action")
        guard let action = PlanAction(rawValue: actionText) else {
            throw .invalidSavedPlan("unknown action '\(actionText)'", field: reader.field("action"))
        }
        var body: BodyTemplate?
        if let bodyJSON = reader.raw("body") {
            var slots: [BodyTemplate.Slot] = []
            for (index, element) in try PlanCoding.array(reader, "slots").enumerated() {
                slots.append(try PlanCoding.slot(element, field: reader.field("slots") + "[\(index)]"))
            }
            body = BodyTemplate(json: bodyJSON, slots: slots)
        }
        guard let source = reader.raw("source") else { throw PlanCoding.missing(reader, "source") }
        var differences: [FieldDifference] = []
        for (index, element) in try PlanCoding.array(reader, "differences").enumerated() {
            let entry = try PlanCoding.reader(element, reader.field("differences") + "[\(index)]")
            differences.append(
                FieldDifference(
                    path: try PlanCoding.string(entry, "path"), before: entry.raw("before"), after: entry.raw("after"),
                    isCreateOnly: try PlanCoding.bool(entry, "create_only")))
        }
        var pins: [PinnedReference] = []
        for (index, element) in try PlanCoding.array(reader, "pins").enumerated() {
            let entry = try PlanCoding.reader(element, reader.field("pins") + "[\(index)]")
            guard let pinSource = entry.raw("source") else { throw PlanCoding.missing(entry, "source") }
            pins.append(
                PinnedReference(
                    reference: try PlanCoding.string(entry, "reference"),
                    resolved: try PlanCoding.string(entry, "resolved"),
                    source: try PlanCoding.location(pinSource, field: entry.field("source"))))
        }
        var uploads: [Upload] = []
        for (index, element) in try PlanCoding.array(reader, "uploads").enumerated() {
            uploads.append(try PlanCoding.upload(element, field: reader.field("uploads") + "[\(index)]"))
        }
        var remoteReads: [RemoteRead] = []
        for (index, element) in try PlanCoding.array(reader, "remote_reads").enumerated() {
            remoteReads.append(try PlanCoding.remoteRead(element, field: reader.field("remote_reads") + "[\(index)]"))
        }
        self.init(
            address: try PlanCoding.string(reader, "address"), kind: try PlanCoding.string(reader, "kind"),
            name: try PlanCoding.string(reader, "name"), version: try PlanCoding.optionalString(reader, "version"),
            action: action, path: try PlanCoding.string(reader, "path"), id: try PlanCoding.string(reader, "id"),
            apiVersion: try PlanCoding.string(reader, "api_version"), body: body,
            dependsOn: try PlanCoding.strings(reader, "depends_on"), uploads: uploads, remoteReads: remoteReads,
            source: try PlanCoding.location(source, field: reader.field("source")),
            manifests: try PlanCoding.strings(reader, "manifests"), reason: try PlanCoding.string(reader, "reason"),
            differences: differences, pins: pins, advice: try PlanCoding.optionalString(reader, "advice"),
            status: try PlanCoding.optionalString(reader, "status"))
    }
}

extension ReadFingerprint {
    /// The read and its digest as JSON.
    var json: JSONValue {
        [
            "method": "GET", "path": .string(read.path), "api_version": .string(read.apiVersion),
            "query": .array(read.query.map { ["name": .string($0.name), "value": .string($0.value)] }),
            "shape": .string(read.shape.rawValue), "kind": read.kind.map { .string($0.rawValue) } ?? .null,
            "digest": .string(digest),
        ]
    }

    init(json: JSONValue, field: String) throws(PlanError) {
        let reader = try PlanCoding.reader(json, field)
        let shapeText = try PlanCoding.string(reader, "shape")
        guard let shape = StateRead.Shape(rawValue: shapeText) else {
            throw .invalidSavedPlan("unknown shape '\(shapeText)'", field: reader.field("shape"))
        }
        var kind: ResourceKind?
        if let text = try PlanCoding.optionalString(reader, "kind") {
            guard let value = ResourceKind(rawValue: text) else {
                throw .invalidSavedPlan("unknown kind '\(text)'", field: reader.field("kind"))
            }
            kind = value
        }
        var query: [ARMRequest.QueryItem] = []
        for (index, element) in try PlanCoding.array(reader, "query").enumerated() {
            let item = try PlanCoding.reader(element, reader.field("query") + "[\(index)]")
            query.append(.init(try PlanCoding.string(item, "name"), try PlanCoding.string(item, "value")))
        }
        self.init(
            read: StateRead(
                path: try PlanCoding.string(reader, "path"), apiVersion: try PlanCoding.string(reader, "api_version"),
                query: query, shape: shape, kind: kind),
            digest: try PlanCoding.string(reader, "digest"))
    }
}
