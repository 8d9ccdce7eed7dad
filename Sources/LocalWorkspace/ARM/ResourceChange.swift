import AzureML

/// What a PUT to an existing resource does, decided from the stored and the received `properties` alone.
///
/// Create-only members are compared after dropping nulls, empty objects and empty arrays (the SDK sends `{}` for
/// unset maps) and `isAnonymous: false` (the default). Azure's exact behaviour is partly unverified
/// (azureml-rest.md §3.3, §4.1); the rules below are the most Azure-like reading:
/// - nothing but mutable members differ: 200, the mutable members are replaced (tags wholesale);
/// - an environment's content differs: 409 `UserError` "Environment n with version v is already registered and
///   cannot be changed." (the message seen from the service);
/// - a data `dataUri` or code `codeUri` differs: 409 `UserError` "Asset paths cannot be updated." (the text the
///   SDK matches; the status is unverified, 409 keeps every immutability conflict on one status);
/// - a job's create-only member differs, or an existing job property changes value (properties are add-only):
///   409 `UserError` naming the members.
enum ResourceChange: Sendable, Hashable {
    /// Nothing differs: answer 200 with the stored resource.
    case unchanged
    /// Only mutable members differ: store these properties and answer 200.
    case update(JSONObject)

    /// Decides the outcome of PUTting `incoming` over `existing` for a resource of `kind`.
    static func decide(
        kind: ResourceKind, name: String, version: String?, existing: JSONObject, incoming: JSONObject
    ) throws(ARMError) -> ResourceChange {
        let ignored = kind.mutableProperties.union(kind.serverProperties)
        let keys = Set(existing.keys).union(incoming.keys).subtracting(ignored)
        let changed = keys.filter { normalized(existing[$0], key: $0) != normalized(incoming[$0], key: $0) }.sorted()
        if !changed.isEmpty {
            throw conflict(kind: kind, name: name, version: version, changed: changed)
        }
        var merged = existing
        for key in kind.mutableProperties {
            if kind == .job && key == "properties" { continue }
            merged[key] = incoming[key]
        }
        if kind == .job {
            merged["properties"] = try mergedJobProperties(existing["properties"], incoming["properties"])
        }
        for key in kind.serverProperties { merged[key] = nil }
        var stored = existing
        for key in kind.serverProperties { stored[key] = nil }
        return merged == stored ? .unchanged : .update(merged)
    }

    private static func conflict(kind: ResourceKind, name: String, version: String?, changed: [String]) -> ARMError {
        let version = version ?? ""
        switch kind {
        case .environment:
            return .conflict(
                "Environment \(name) with version \(version) is already registered and cannot be changed.",
                target: changed.first)
        case .data where changed.contains("dataUri"):
            return .conflict("Asset paths cannot be updated.", target: "dataUri")
        case .code where changed.contains("codeUri"):
            return .conflict("Asset paths cannot be updated.", target: "codeUri")
        case .data, .code:
            let label = kind == .data ? "Data" : "Code"
            return .conflict(
                "\(label) \(name) with version \(version) is already registered and cannot be changed "
                    + "(\(changed.joined(separator: ", ")) differ).",
                target: changed.first)
        case .job:
            return .conflict(
                "A job with name '\(name)' already exists and its \(changed.joined(separator: ", ")) cannot be "
                    + "changed. Only description, displayName, tags, isArchived, services, notificationSetting "
                    + "and new properties can be updated.",
                target: changed.first)
        case .compute, .datastore:
            return .conflict(
                "The \(kind.displayName) '\(name)' already exists and its \(changed.joined(separator: ", ")) "
                    + "cannot be changed.",
                target: changed.first)
        }
    }

    /// Job properties are add-only: new keys are added, an existing key must keep its value.
    private static func mergedJobProperties(_ existing: JSONValue?, _ incoming: JSONValue?) throws(ARMError)
        -> JSONValue?
    {
        guard var merged = existing?.objectValue else { return incoming }
        for (key, value) in incoming?.objectValue ?? [:] {
            if let old = merged[key], old != value, !old.isNull {
                throw .conflict(
                    "The job property '\(key)' already has the value '\(old.stringValue ?? old.serialized())' and "
                        + "cannot be changed; job properties can only be added.",
                    target: "properties.\(key)")
            }
            merged[key] = value
        }
        return .object(merged)
    }

    /// The value with nulls, empty containers and defaulted members removed, for comparing create-only members.
    static func normalized(_ value: JSONValue?, key: String) -> JSONValue? {
        guard let value else { return nil }
        if key == "isAnonymous", value == .bool(false) { return nil }
        return pruned(value)
    }

    private static func pruned(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .null: return nil
        case .object(let object):
            let members = object.compactMap { key, value in pruned(value).map { (key, $0) } }
            return members.isEmpty ? nil : .object(JSONObject(members))
        case .array(let elements):
            return elements.isEmpty ? nil : .array(elements.map { pruned($0) ?? .null })
        default: return value
        }
    }
}
