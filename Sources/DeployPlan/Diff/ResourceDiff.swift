public import AzureML

/// Compares what a plan sends with a resource in the workspace, field by field, on the fields the plan sends: server
/// additions never count as drift. Enumerations the service may capitalise differently (`osType`, `goal`, ...)
/// compare without regard to case; `null`, empty maps and lists, and `false` for `isAnonymous`/`isArchived` count as
/// absent (the SDK sends `{}` for unset maps).
public struct ResourceDiff: Sendable {
    /// Members whose string values compare without regard to case.
    public static let caseInsensitiveKeys: Set<String> = [
        "osType", "goal", "rule", "samplingAlgorithmType", "jobTier", "mode", "dataType", "jobInputType",
        "jobOutputType", "distributionType", "identityType", "policyType", "jobLimitsType", "jobType", "autoRebuild",
        "vmPriority", "jobServiceType", "nodesValueType", "computeType", "pendingUploadType",
    ]

    /// The kind of resource compared.
    public var kind: ResourceKind
    /// The resource carries the spec hash of this very body: create-only fields were sent from it (and may have been
    /// rewritten by the service), so only mutable fields are compared.
    public var contentMatches: Bool
    /// String members (by path in the body) holding values only an apply supplies, as templates: they match any
    /// value in which the placeholders stand for non-empty text (`<pending-upload-container>/src`).
    public var patternFields: [[String]: TemplateString]
    /// Members (by path in the body) not compared at all (a remote MLTable's paths, read at apply time).
    public var skippedFields: Set<[String]>
    /// Report create-only members the workspace holds that the body no longer sends (for a resource deploy created
    /// from another spec, where such a member can only come from that spec).
    public var reportsRemovals: Bool

    /// A comparison.
    public init(
        kind: ResourceKind, contentMatches: Bool, patternFields: [[String]: TemplateString] = [:],
        skippedFields: Set<[String]> = [], reportsRemovals: Bool = false
    ) {
        self.kind = kind
        self.contentMatches = contentMatches
        self.patternFields = patternFields
        self.skippedFields = skippedFields
        self.reportsRemovals = reportsRemovals
    }

    /// The differences between the PUT body `desired` and `existing`, in the body's order.
    public func differences(desired: JSONValue, existing: ARMResource) -> [FieldDifference] {
        let root = desired.objectValue ?? JSONObject()
        let properties = root["properties"]?.objectValue ?? JSONObject()
        var result: [FieldDifference] = []
        for (key, value) in properties where !kind.serverProperties.contains(key) {
            let createOnly = !kind.mutableProperties.contains(key)
            if createOnly, contentMatches { continue }
            if key == "properties", kind != .compute {
                result += bag(value, existing.properties[key])
            } else if key == "tags" {
                result += map(value, existing.properties[key], prefix: "tags")
            } else {
                compare(
                    value, existing.properties[key], path: [key], bodyPath: ["properties", key], createOnly: createOnly,
                    into: &result)
            }
        }
        if reportsRemovals, !contentMatches {
            for (key, value) in existing.properties
            where properties[key] == nil && !kind.serverProperties.contains(key)
                && !kind.mutableProperties.contains(key) && Self.normalized(value, key: key) != nil
            {
                result.append(FieldDifference(path: key, before: value, after: nil, isCreateOnly: true))
            }
        }
        if kind == .compute {
            if !contentMatches, let location = root["location"]?.stringValue {
                let before = existing.location
                if before.map(Self.normalizedLocation) != Self.normalizedLocation(location) {
                    result.append(
                        FieldDifference(
                            path: "location", before: before.map(JSONValue.string), after: .string(location),
                            isCreateOnly: true))
                }
            }
            let tags = existing.tags.map { tags in
                JSONValue.object(JSONObject(tags.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
            }
            result += map(root["tags"] ?? .object([:]), tags, prefix: "tags")
        }
        return result
    }

    /// The properties bag: every key the plan sends must hold the same value (provenance aside); keys the workspace
    /// added are kept by the service and not compared. Job properties are add-only, so a changed value is
    /// create-only there, as is a code version's content hash.
    private func bag(_ desired: JSONValue, _ existing: JSONValue?) -> [FieldDifference] {
        let present = existing?.objectValue ?? JSONObject()
        // A code version's content hash is its content, whatever the bag's mutability.
        let content: Set<String> = kind == .code ? ["hash_sha256", "hash_version"] : []
        var result: [FieldDifference] = []
        for (key, value) in desired.objectValue ?? JSONObject() where !Fingerprint.provenanceKeys.contains(key) {
            let before = present[key].flatMap { $0.isNull ? nil : $0 }
            guard before != value else { continue }
            let createOnly = content.contains(key) || (kind == .job && before != nil)
            result.append(
                FieldDifference(path: "properties.\(key)", before: before, after: value, isCreateOnly: createOnly))
        }
        return result
    }

    /// A string map replaced as a whole (tags): every key that differs, provenance aside.
    private func map(_ desired: JSONValue, _ existing: JSONValue?, prefix: String) -> [FieldDifference] {
        let wanted = desired.objectValue ?? JSONObject()
        let present = existing?.objectValue ?? JSONObject()
        var result: [FieldDifference] = []
        for key in wanted.keys + present.keys.filter({ wanted[$0] == nil })
        where !Fingerprint.provenanceKeys.contains(key) {
            let before = present[key].flatMap { $0.isNull ? nil : $0 }
            let after = wanted[key].flatMap { $0.isNull ? nil : $0 }
            if before != after {
                result.append(
                    FieldDifference(path: "\(prefix).\(key)", before: before, after: after, isCreateOnly: false))
            }
        }
        return result
    }

    private func compare(
        _ desired: JSONValue, _ existing: JSONValue?, path: [String], bodyPath: [String], createOnly: Bool,
        into result: inout [FieldDifference]
    ) {
        if skippedFields.contains(bodyPath) { return }
        let key = path.last ?? ""
        if let template = patternFields[bodyPath] {
            if let text = existing?.stringValue, Self.matches(text, template) { return }
            result.append(
                FieldDifference(
                    path: path.joined(separator: "."), before: existing, after: desired, isCreateOnly: createOnly))
            return
        }
        let wanted = Self.normalized(desired, key: key)
        let present = existing.flatMap { Self.normalized($0, key: key) }
        if case .object(let wantedObject)? = wanted, case .object(let presentObject)? = present {
            for (member, value) in wantedObject {
                compare(
                    value, presentObject[member], path: path + [member], bodyPath: bodyPath + [member],
                    createOnly: createOnly, into: &result)
            }
            return
        }
        if Self.equal(wanted, present, key: key) { return }
        result.append(
            FieldDifference(
                path: path.joined(separator: "."), before: existing, after: desired, isCreateOnly: createOnly))
    }

    static func equal(_ a: JSONValue?, _ b: JSONValue?, key: String) -> Bool {
        if caseInsensitiveKeys.contains(key), let x = a?.stringValue, let y = b?.stringValue {
            return x.lowercased() == y.lowercased()
        }
        return a == b
    }

    /// The value with `null`, empty maps and lists, and defaulted flags removed; `nil` when nothing is left.
    static func normalized(_ value: JSONValue, key: String) -> JSONValue? {
        switch value {
        case .null:
            return nil
        case .bool(false) where key == "isAnonymous" || key == "isArchived":
            return nil
        case .object(let object):
            let members = object.compactMap { member, value in normalized(value, key: member).map { (member, $0) } }
            return members.isEmpty ? nil : .object(JSONObject(members))
        case .array(let elements):
            return elements.isEmpty ? nil : .array(elements.map { normalized($0, key: "") ?? .null })
        default:
            return value
        }
    }

    /// Azure writes locations in lowercase without spaces (`West Europe` is `westeurope`).
    static func normalizedLocation(_ location: String) -> String {
        String(location.lowercased().filter { $0 != " " })
    }

    /// Whether `text` is `template` with each placeholder standing for some non-empty text.
    static func matches(_ text: String, _ template: TemplateString) -> Bool {
        var rest = Substring(text)
        var pendingWildcard = false
        let literals = template.segments.enumerated().compactMap { index, segment -> Int? in
            if case .text(let literal) = segment, !literal.isEmpty { return index }
            return nil
        }
        for (index, segment) in template.segments.enumerated() {
            switch segment {
            case .placeholder:
                pendingWildcard = true
            case .text(let literal):
                if literal.isEmpty { continue }
                if !pendingWildcard {
                    guard rest.hasPrefix(literal) else { return false }
                    rest = rest.dropFirst(literal.count)
                } else if index == literals.last {
                    // The last literal after a placeholder: the text must end with it.
                    return rest.count > literal.count && rest.hasSuffix(literal)
                } else {
                    guard let range = rest.dropFirst().firstRange(of: literal) else { return false }
                    rest = rest[range.upperBound...]
                    pendingWildcard = false
                }
            }
        }
        return pendingWildcard ? !rest.isEmpty : rest.isEmpty
    }
}
