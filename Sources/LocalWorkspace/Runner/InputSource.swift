import AzureML

/// Where a job input's value comes from, read from its `uri` (or `value`) alone.
enum InputSource: Sendable, Hashable {
    /// A literal value, used as is.
    case literal(String)
    /// A path in a datastore: `azureml://datastores/<name>/paths/<path>` (also the long form with subscription,
    /// resource group and workspace).
    case datastore(name: String, path: String)
    /// A data asset version (`azureml:<name>:<version>`, `azureml:<name>@latest`, or its ARM id): its `dataUri`.
    case dataAsset(name: String, version: String?)
    /// A file or folder on this machine (`file://` or an absolute path).
    case localPath(String)
    /// An http(s) URL, downloaded once into the workspace's cache.
    case web(String)

    /// Classifies `input`; `field` names it in errors (`inputs.iris`).
    static func classify(_ input: JobInput, field: String) throws(LocalWorkspaceError) -> InputSource {
        if input.jobInputType == "literal" { return .literal(input.value ?? "") }
        guard let uri = input.uri, !uri.isEmpty else { throw .jobPreparation("the input has no uri", field: field) }
        return try classify(uri: uri, field: field)
    }

    /// Classifies a URI (an input's, or a data asset's `dataUri`).
    static func classify(uri: String, field: String) throws(LocalWorkspaceError) -> InputSource {
        let lowered = uri.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return .web(uri) }
        if lowered.hasPrefix("file://") {
            let path = String(uri.dropFirst("file://".count))
            guard path.hasPrefix("/"), let decoded = QueryParameters.percentDecode(path) else {
                throw .jobPreparation("'\(uri)' is not an absolute file:// URI", field: field)
            }
            return .localPath(decoded)
        }
        if uri.hasPrefix("/") && !uri.hasPrefix("/subscriptions/") { return .localPath(uri) }
        if lowered.hasPrefix("azureml://") {
            guard let range = uri.firstRange(of: "/datastores/") else {
                throw .jobPreparation(
                    "'\(uri)' is not a datastore path the local workspace can read: expected "
                        + "azureml://datastores/<name>/paths/<path>",
                    field: field)
            }
            let rest = uri[range.upperBound...]
            guard let paths = rest.firstRange(of: "/paths/") else {
                throw .jobPreparation("'\(uri)' has no /paths/ part", field: field)
            }
            let name = String(rest[..<paths.lowerBound])
            let path = String(rest[paths.upperBound...])
            guard !name.isEmpty, let decoded = QueryParameters.percentDecode(path) else {
                throw .jobPreparation("'\(uri)' is not a valid datastore path", field: field)
            }
            return .datastore(name: name, path: decoded)
        }
        if lowered.hasPrefix("azureml:") || uri.hasPrefix("/subscriptions/") {
            let required: JobReferences.Required?
            do {
                required = try JobReferences.classify(uri, field: field, kind: .data)
            } catch {
                throw .jobPreparation(error.body.error.message, field: field)
            }
            guard let required else {
                throw .jobPreparation("'\(uri)' is not a data asset of this workspace", field: field)
            }
            return .dataAsset(
                name: required.resource.name, version: required.anyVersion ? nil : required.resource.version)
        }
        let scheme = uri.split(separator: ":", maxSplits: 1).first.map(String.init) ?? uri
        if uri.contains("://") {
            throw .jobPreparation(
                "'\(scheme)://' inputs are not supported by the local workspace; use an azureml:// datastore path, a "
                    + "data asset, an http(s) URL or a local path",
                field: field)
        }
        throw .jobPreparation(
            "'\(uri)' is a relative path; the local workspace needs an absolute path, a datastore path or a data "
                + "asset",
            field: field)
    }
}
