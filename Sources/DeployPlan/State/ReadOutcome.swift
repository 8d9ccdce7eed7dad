public import AzureML

/// What a `StateRead` found.
public enum ReadOutcome: Sendable, Hashable {
    /// The resource (for single reads).
    case found(ARMResource)
    /// The resources of a list, possibly none.
    case list([ARMResource])
    /// The resource does not exist (404).
    case absent
    /// The request failed: an ARM error, a transport error, a malformed answer.
    case failed(String)

    /// The fingerprint of the answer to `read`: `absent`, or the SHA-256 of the canonical JSON of what matters
    /// (see `StateRead.Shape`); `nil` for a failed read.
    public func fingerprint(for read: StateRead) -> String? {
        switch self {
        case .absent:
            return Self.absentDigest
        case .failed:
            return nil
        case .list(let resources):
            return Digest.sha256(resources.map(\.id).joined(separator: "\n"))
        case .found(let resource):
            var content = JSONObject()
            switch read.shape {
            case .workspace:
                content["location"] = resource.location.map(JSONValue.string) ?? .null
            case .list, .container, .resource:
                var properties = resource.properties
                let volatile: Set<String> =
                    read.shape == .container
                    ? ["provisioningState"] : read.kind?.serverProperties ?? ["provisioningState"]
                for key in volatile { properties[key] = nil }
                content["properties"] = .object(properties)
                if let tags = resource.tags {
                    content["tags"] = .object(
                        JSONObject(tags.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
                }
                if let location = resource.location { content["location"] = .string(location) }
            }
            return Digest.sha256(JSONValue.object(content).serialized(.canonical))
        }
    }

    /// The fingerprint of a resource that does not exist.
    public static let absentDigest = "absent"

    /// The resource, when one was found.
    public var resource: ARMResource? {
        if case .found(let resource) = self { return resource }
        return nil
    }
}
