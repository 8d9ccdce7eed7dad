/// The kinds of workspace resources `deploy` reads and writes.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case compute
    case environment
    case data
    case code
    case job
    case datastore

    /// The path segment under the workspace (`environments`, `data`, `codes`, `jobs`, `computes`, `datastores`).
    public var collection: String {
        switch self {
        case .compute: "computes"
        case .environment: "environments"
        case .data: "data"
        case .code: "codes"
        case .job: "jobs"
        case .datastore: "datastores"
        }
    }

    /// The kind whose collection segment is `segment`.
    public init?(collection segment: String) {
        guard let kind = ResourceKind.allCases.first(where: { $0.collection == segment }) else { return nil }
        self = kind
    }

    /// Whether resources of this kind are versioned assets (`/{name}/versions/{version}`).
    public var isVersioned: Bool {
        self == .environment || self == .data || self == .code
    }

    /// The ARM resource type of a resource of this kind (of its versions, for versioned kinds).
    public var armType: String {
        let base = "Microsoft.MachineLearningServices/workspaces/\(collection)"
        return isVersioned ? base + "/versions" : base
    }

    /// The ARM resource type of a versioned kind's container.
    public var containerARMType: String {
        "Microsoft.MachineLearningServices/workspaces/\(collection)"
    }

    /// The `properties` members that may change on an existing resource; every other member is create-only
    /// (azureml-rest.md §3.3, §4.1). Server-set members (status, provisioning state, ...) are not listed.
    public var mutableProperties: Set<String> {
        switch self {
        case .environment: ["description", "tags", "properties", "isArchived", "stage"]
        case .data: ["description", "tags", "properties", "isArchived", "stage"]
        case .code: ["description", "tags", "properties", "isArchived"]
        case .job:
            ["description", "tags", "properties", "isArchived", "services", "notificationSetting", "displayName"]
        case .compute: ["description", "properties"]
        case .datastore: ["description", "tags", "properties"]
        }
    }

    /// Members the service adds or rewrites; they are never compared when deciding whether content changed.
    public var serverProperties: Set<String> {
        switch self {
        case .job: ["status", "parameters"]
        case .environment: ["provisioningState", "environmentType"]
        case .data, .code: ["provisioningState"]
        case .compute: ["provisioningState", "createdOn", "modifiedOn", "provisioningErrors", "isAttachedCompute"]
        case .datastore: []
        }
    }

    /// Kinds in the order their resources must exist: compute and environment, then data, then code, then jobs.
    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .datastore: 0
        case .compute, .environment: 1
        case .data: 2
        case .code: 3
        case .job: 4
        }
    }

    /// The name used in plan addresses and messages (`environment`, `data`, ...).
    public var displayName: String { rawValue }
}
