public import AzureML

/// Something in the workspace a manifest names that no manifest of the set defines: the plan reads it, pins it
/// (an `@latest` label becomes a version) and reports it as dangling when it does not exist.
public struct ExternalResource: Sendable, Hashable, CustomStringConvertible {
    /// What kind of thing is named.
    public enum Kind: String, Sendable, Hashable {
        case environment
        case data
        case model
        case code
        case compute
        case job

        /// The path segment under the workspace.
        public var collection: String {
            switch self {
            case .environment: "environments"
            case .data: "data"
            case .model: "models"
            case .code: "codes"
            case .compute: "computes"
            case .job: "jobs"
            }
        }

        /// Whether things of this kind are versioned assets.
        public var isAsset: Bool { self != .compute && self != .job }

        /// The kind of an asset reference.
        public init(_ kind: AssetKind) {
            switch kind {
            case .environment: self = .environment
            case .data: self = .data
            case .model: self = .model
            case .code: self = .code
            }
        }

        /// The asset kind, for versioned kinds.
        public var assetKind: AssetKind? {
            switch self {
            case .environment: .environment
            case .data: .data
            case .model: .model
            case .code: .code
            case .compute, .job: nil
            }
        }

        /// The api-version the plan reads things of this kind with.
        public func apiVersion(_ versions: RequestAPIVersions) -> String {
            switch self {
            case .environment: versions.environments
            case .data: versions.data
            case .model: versions.models
            case .code: versions.codes
            case .compute: versions.computes
            case .job: APIVersion.jobs
            }
        }
    }

    /// What kind of thing is named.
    public var kind: Kind
    /// Its name.
    public var name: String
    /// The version of an asset named by version; `nil` for `@latest` and for computes and jobs.
    public var version: String?

    /// A thing in the workspace.
    public init(kind: Kind, name: String, version: String? = nil) {
        self.kind = kind
        self.name = name
        self.version = version
    }

    /// Whether it names the latest version of an asset.
    public var isLatest: Bool { kind.isAsset && version == nil }

    /// The path below the workspace of the thing (of the container, for `@latest`).
    public var path: String {
        "/\(kind.collection)/\(name)" + (version.map { "/versions/\($0)" } ?? "")
    }

    /// `model.m:4`, `data.iris@latest`, `compute.cpu-cluster`.
    public var description: String {
        "\(kind.rawValue).\(name)" + (version.map { ":\($0)" } ?? (isLatest ? "@latest" : ""))
    }
}
