public import AzureML

/// The fingerprint `deploy` stamps on everything it creates: `deploy.spec_hash`, the SHA-256 of the canonical JSON of
/// the body it sends (without the fingerprint itself and without provenance that changes with every commit), and
/// `deploy.source`, the manifest's path and the git commit it was planned at. Assets and jobs carry them in their
/// `properties` bag, computes (whose `properties` hold the cluster's settings) in their tags.
///
/// The spec hash is computed over the body with the values only an apply can supply left as placeholders
/// (`<pending-upload-container>/src`): those name storage, not content, and the content is already in the body
/// (the snapshot's content hash, the object hash in `LocalUpload/<hash>/...`).
public enum Fingerprint {
    /// The property holding the spec hash.
    public static let specHashKey = "deploy.spec_hash"
    /// The property holding the manifest path and commit.
    public static let sourceKey = "deploy.source"

    /// Properties that say where a resource came from rather than what it is: the fingerprint, and the git
    /// properties the SDK adds to jobs. They are left out of spec hashes and diffs.
    public static let provenanceKeys: Set<String> = [
        specHashKey, sourceKey, GitProperties.repositoryURLKey, GitProperties.branchKey, GitProperties.commitKey,
        GitProperties.dirtyKey, GitProperties.buildIDKey, GitProperties.buildURIKey,
    ]

    /// Whether the fingerprint of `kind` lives in the envelope's tags rather than in `properties.properties`.
    public static func isInTags(_ kind: ResourceKind) -> Bool { kind == .compute }

    /// The spec hash of `body` (a PUT body of a resource of `kind`).
    public static func specHash(of body: JSONValue, kind: ResourceKind) -> String {
        Digest.sha256(withoutProvenance(body, kind: kind).serialized(.canonical))
    }

    /// `body` without provenance: the fingerprint and git properties removed from the properties bag (tags for
    /// computes).
    public static func withoutProvenance(_ body: JSONValue, kind: ResourceKind) -> JSONValue {
        guard case .object(var root) = body else { return body }
        if isInTags(kind) {
            if case .object(var tags)? = root["tags"] {
                for key in provenanceKeys { tags[key] = nil }
                root["tags"] = tags.isEmpty ? nil : .object(tags)
            }
        } else if case .object(var properties)? = root["properties"], case .object(var bag)? = properties["properties"]
        {
            for key in provenanceKeys { bag[key] = nil }
            properties["properties"] = .object(bag)
            root["properties"] = .object(properties)
        }
        return .object(root)
    }

    /// `body` with the fingerprint added (replacing any).
    public static func stamped(_ body: JSONValue, kind: ResourceKind, specHash: String, source: String) -> JSONValue {
        guard case .object(var root) = body else { return body }
        if isInTags(kind) {
            var tags = root["tags"]?.objectValue ?? JSONObject()
            tags[specHashKey] = .string(specHash)
            tags[sourceKey] = .string(source)
            root["tags"] = .object(tags)
        } else {
            var properties = root["properties"]?.objectValue ?? JSONObject()
            var bag = properties["properties"]?.objectValue ?? JSONObject()
            bag[specHashKey] = .string(specHash)
            bag[sourceKey] = .string(source)
            properties["properties"] = .object(bag)
            root["properties"] = .object(properties)
        }
        return .object(root)
    }

    /// The spec hash a resource in the workspace carries, when `deploy` created it.
    public static func specHash(of resource: ARMResource, kind: ResourceKind) -> String? {
        if isInTags(kind) { return resource.tags?[specHashKey] }
        return resource.properties["properties"]?[specHashKey]?.stringValue
    }

    /// `manifests/job.yml`, or `manifests/job.yml@<commit>` when planned inside a git repository.
    public static func source(manifest: String, revision: String?) -> String {
        var path = manifest
        while path.hasPrefix("./") { path.removeFirst(2) }
        return revision.map { "\(path)@\($0)" } ?? path
    }
}
