import AzureML

/// The workspace resources a job refers to, and which of them must exist before the job is accepted.
///
/// Checked: `codeId`, `environmentId`, `computeId` (and the sweep trial's `codeId` and `environmentId`) and every
/// input `uri` that is an ARM id (`/subscriptions/...`, with or without an `azureml:` prefix) or an
/// `azureml:<name>:<version>` reference. Accepted without a lookup, as the service expands them: curated
/// environments (`azureml:AzureML-*`), registry ids (`azureml://registries/...`), the `serverless` compute, and
/// other URIs (`azureml://datastores/...`, `https://`, ...).
enum JobReferences {
    /// A reference that must exist: the field it came from and the resource.
    struct Required: Sendable, Hashable {
        var field: String
        var value: String
        var resource: ResourceID
        /// Whether any version satisfies it (`azureml:<name>@latest`).
        var anyVersion: Bool
    }

    /// The references of `job` that must exist, or the 400 for one that cannot be understood.
    static func required(by job: JobProperties) throws(ARMError) -> [Required] {
        var result: [Required] = []
        func add(_ value: String?, field: String, kind: ResourceKind) throws(ARMError) {
            guard let value, let reference = try classify(value, field: field, kind: kind) else { return }
            result.append(reference)
        }
        try add(job.codeId, field: "properties.codeId", kind: .code)
        try add(job.environmentId, field: "properties.environmentId", kind: .environment)
        try add(job.computeId, field: "properties.computeId", kind: .compute)
        if let trial = job.trial {
            try add(trial.codeId, field: "properties.trial.codeId", kind: .code)
            try add(trial.environmentId, field: "properties.trial.environmentId", kind: .environment)
        }
        for (name, input) in (job.inputs ?? [:]).sorted(by: { $0.key < $1.key }) where input.jobInputType != "literal" {
            try add(input.uri, field: "properties.inputs.\(name).uri", kind: .data)
        }
        return result
    }

    /// `nil` for a value that needs no lookup.
    static func classify(_ value: String, field: String, kind: ResourceKind) throws(ARMError) -> Required? {
        let lowered = value.lowercased()
        if lowered.hasPrefix("azureml://") { return nil }
        if kind == .environment && (value.hasPrefix("azureml:AzureML-") || value.hasPrefix("AzureML-")) { return nil }
        var text = value
        if lowered.hasPrefix("azureml:") { text = String(value.dropFirst("azureml:".count)) }
        if text.hasPrefix("/subscriptions/") || text.hasPrefix("/") {
            let (workspace, resource): (WorkspaceID, ResourceID)
            do {
                (workspace, resource) = try ResourceID.parse(armID: text)
            } catch {
                if kind == .data && text.lowercased().contains("/providers/microsoft.machinelearningservices/") {
                    // An asset id of a kind this workspace does not hold (models, components): it cannot exist.
                    throw missing(value, field: field)
                }
                throw ARMError.userError("'\(value)' is not a valid \(kind.displayName) id.", target: field)
            }
            guard isThisWorkspace(workspace), resource.kind == kind else { throw missing(value, field: field) }
            if kind == .compute && resource.name == "serverless" { return nil }
            if kind.isVersioned && resource.version == nil {
                throw ARMError.userError("'\(value)' must name a version of the \(kind.displayName).", target: field)
            }
            return Required(field: field, value: value, resource: resource, anyVersion: false)
        }
        if lowered.hasPrefix("azureml:") && kind.isVersioned {
            if let at = text.lastIndex(of: "@"), text[text.index(after: at)...] == "latest" {
                let name = String(text[..<at])
                return Required(
                    field: field, value: value, resource: ResourceID(kind: kind, name: name), anyVersion: true)
            }
            if let colon = text.firstIndex(of: ":") {
                let name = String(text[..<colon])
                let version = String(text[text.index(after: colon)...])
                return Required(
                    field: field, value: value, resource: ResourceID(kind: kind, name: name, version: version),
                    anyVersion: false)
            }
        }
        if kind == .data { return nil }
        let article = kind == .environment ? "an" : "a"
        throw ARMError.userError(
            "'\(value)' is not a valid \(kind.displayName) id: expected the ARM id of \(article) \(kind.displayName) "
                + "in this workspace.", target: field)
    }

    static func missing(_ value: String, field: String) -> ARMError {
        .userError("\(field) refers to '\(value)', which does not exist in this workspace.", target: field)
    }

    private static func isThisWorkspace(_ workspace: WorkspaceID) -> Bool {
        let local = LocalWorkspaceServer.workspace
        return workspace.subscription.lowercased() == local.subscription.lowercased()
            && workspace.resourceGroup.lowercased() == local.resourceGroup.lowercased()
            && workspace.workspace.lowercased() == local.workspace.lowercased()
    }
}
