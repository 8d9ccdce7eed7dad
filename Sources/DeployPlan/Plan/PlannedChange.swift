public import AzureML

/// One resource of a plan and what applying the plan does with it, with everything the applier needs: the ARM path,
/// api-version and exact body of the PUT (with the few values only an apply can supply left as slots), the changes it
/// waits for, the uploads and remote reads that come first, and, for reviewers, why and what differs.
public struct PlannedChange: Sendable, Hashable {
    /// `environment.lightgbm-env:1`, `job.lightgbm-iris-3f9c0a1b2d`: unique within the plan.
    public var address: String
    /// `environment`, `data`, `code`, `compute`, `job`, or `model` (models are only read).
    public var kind: String
    /// The resource's name.
    public var name: String
    /// The version of an asset version; `nil` for computes and jobs.
    public var version: String?
    /// What applying does.
    public var action: PlanAction
    /// The ARM path below the workspace id (`/environments/lightgbm-env/versions/1`).
    public var path: String
    /// The full ARM id.
    public var id: String
    /// The `api-version` of the PUT (of the GET, for reads).
    public var apiVersion: String
    /// The PUT body: exact JSON, except string members listed in `body.slots`, which hold placeholders an apply
    /// fills (`<pending-upload-container>` from `startPendingUpload`, `<datastore NAME>` from the datastore, a remote
    /// MLTable's paths). `nil` for reads.
    public var body: BodyTemplate?
    /// The addresses of the changes that must be done first (no-ops and reads included, which are done already).
    public var dependsOn: [String]
    /// Local files to upload before the PUT.
    public var uploads: [Upload]
    /// Remote files to read before the PUT (they fill `mltablePaths` slots).
    public var remoteReads: [RemoteRead]
    /// Where the resource comes from in the manifests.
    public var source: SourceLocation
    /// The manifests that imply the resource.
    public var manifests: [String]
    /// Why the action was chosen, in a sentence.
    public var reason: String
    /// The fields that differ from the workspace (updates and conflicts).
    public var differences: [FieldDifference]
    /// `@latest` references pinned for this change (in its body, or, for reads, pointing at it).
    public var pins: [PinnedReference]
    /// For conflicts: what to do about it.
    public var advice: String?
    /// For jobs that exist: their status (`Completed`, `Running`, ...).
    public var status: String?

    /// A change with every field given.
    public init(
        address: String, kind: String, name: String, version: String?, action: PlanAction, path: String, id: String,
        apiVersion: String, body: BodyTemplate?, dependsOn: [String] = [], uploads: [Upload] = [],
        remoteReads: [RemoteRead] = [], source: SourceLocation, manifests: [String] = [], reason: String,
        differences: [FieldDifference] = [], pins: [PinnedReference] = [], advice: String? = nil, status: String? = nil
    ) {
        self.address = address
        self.kind = kind
        self.name = name
        self.version = version
        self.action = action
        self.path = path
        self.id = id
        self.apiVersion = apiVersion
        self.body = body
        self.dependsOn = dependsOn
        self.uploads = uploads
        self.remoteReads = remoteReads
        self.source = source
        self.manifests = manifests
        self.reason = reason
        self.differences = differences
        self.pins = pins
        self.advice = advice
        self.status = status
    }

    /// The kind as a resource kind `deploy` writes (`nil` for models).
    public var resourceKind: ResourceKind? { ResourceKind(rawValue: kind) }

    /// Whether the PUT needs `startPendingUpload` first: a code version whose files go to the temporary container
    /// the service hands out.
    public var needsPendingUpload: Bool {
        uploads.contains { upload in
            if case .pendingUpload = upload.destination { return true }
            return false
        }
    }

    /// The total number of bytes to upload.
    public var uploadBytes: Int64 { uploads.reduce(0) { $0 + $1.totalBytes } }
}
