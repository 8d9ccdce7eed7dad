public import DeployManifest
import DeployYAML

extension AssetReference {
    /// The prefix of workspace references.
    static let prefix = "azureml:"
    /// Curated environments start with this after the prefix (the SDK's `CURATED_ENV_PREFIX`).
    static let curatedPrefix = "AzureML-"

    /// Parses a manifest value in `role`; a problem is reported at the value's position.
    public init(_ value: Located<PathReference>, role: ReferenceRole) throws(AzureMLError) {
        do {
            switch value.value {
            case .local(let path): self.init(written: path.written, role: role, target: .local(path))
            case .remote(let text): try self.init(parsing: text, role: role)
            }
        } catch {
            throw .invalidReference(error.message, at: value.node)
        }
    }

    /// Parses a value that is not a local path (what `PathReference.remote` holds) in `role`.
    public init(parsing text: String, role: ReferenceRole) throws(AzureMLError) {
        let target: Target
        switch role {
        case .environment: target = try Self.environmentTarget(text)
        case .code: target = try Self.codeTarget(text)
        case .input(let type): target = try Self.inputTarget(text, type: type)
        case .dataPath: target = try Self.dataPathTarget(text)
        case .buildContext: target = try Self.buildContextTarget(text)
        }
        self.init(written: text, role: role, target: target)
    }

    /// `environment:` accepts `azureml:name:version`, `azureml:name@latest`, `azureml:AzureML-*`, `azureml:/...` ARM
    /// ids and `azureml://registries/...` (azureml-rest.md §1.3, §5).
    static func environmentTarget(_ text: String) throws(AzureMLError) -> Target {
        if hasPrefix(text, "azureml://registries/") { return .registry(text) }
        if hasPrefix(text, "azureml://") {
            throw .invalidReference(
                "`\(text)` is not an environment reference; use azureml:<name>:<version>, azureml:<name>@latest or "
                    + "azureml://registries/<registry>/environments/<name>/versions/<version>")
        }
        if text.hasPrefix("/") {
            throw .invalidReference(
                "an ARM id needs the `azureml:` prefix here: azureml:\(text) (the SDK's schema refuses a bare one)")
        }
        guard text.hasPrefix(prefix) else {
            throw .invalidReference("`\(text)` is not an environment reference; references start with `azureml:`")
        }
        let rest = String(text.dropFirst(prefix.count))
        if rest.hasPrefix(curatedPrefix) { return .curatedEnvironment(text) }
        if rest.hasPrefix("/") { return .armID(try armID(rest, collection: "environments", noun: "an environment")) }
        return try named(rest, kind: .environment, written: text)
    }

    /// `code:` accepts `azureml:/...` ARM ids and URLs; `azureml:name:version` is resolved to the version's ARM id
    /// (SDK 1.35.2 mistakes it for a local path); registries and labels are refused, as the SDK refuses them.
    static func codeTarget(_ text: String) throws(AzureMLError) -> Target {
        if hasPrefix(text, "azureml://registries/") {
            throw .invalidReference("a registry asset cannot be used as code (the SDK refuses `\(text)`)")
        }
        if hasPrefix(text, "azureml://") {
            throw .invalidReference(
                "`\(text)` is not a code reference; use a local folder, a URL or "
                    + "azureml:/subscriptions/.../codes/<name>/versions/<version>")
        }
        if text.hasPrefix("/") {
            throw .invalidReference(
                "an ARM id needs the `azureml:` prefix here: azureml:\(text) (the SDK's schema refuses a bare one)")
        }
        if text.hasPrefix(prefix) {
            let rest = String(text.dropFirst(prefix.count))
            if rest.hasPrefix("/") { return .armID(try armID(rest, collection: "codes", noun: "a code")) }
            let target = try named(rest, kind: .code, written: text)
            if case .label = target {
                throw .invalidReference("code cannot be referenced by label; give a version: azureml:<name>:<version>")
            }
            return target
        }
        guard text.contains("://") else {
            throw .invalidReference("`\(text)` is neither a local folder, a URL nor an azureml: reference")
        }
        return .url(text)
    }

    /// An input `path`: a URI, an ARM id (with or without `azureml:`), `name:version` or `name@latest` (with or
    /// without `azureml:`, as the SDK reads any `:` or `@` in a path as a reference).
    static func inputTarget(_ text: String, type: AssetType) throws(AzureMLError) -> Target {
        if let target = try uriTarget(text) { return target }
        var rest = text
        if text.hasPrefix(prefix) { rest = String(text.dropFirst(prefix.count)) }
        if rest.hasPrefix("/") { return .armID(rest) }
        let kind: AssetKind = type == .mlflowModel || type == .customModel ? .model : .data
        return try named(rest, kind: kind, written: text)
    }

    /// A data asset's `path`: a URI or a local path.
    static func dataPathTarget(_ text: String) throws(AzureMLError) -> Target {
        if let target = try uriTarget(text) { return target }
        throw .invalidReference(
            "`\(text)` is not a data path; use a local path, azureml://datastores/<datastore>/paths/<path>, or an "
                + "https://, wasbs:// or abfss:// URL")
    }

    /// An environment's build context: a local folder or an http(s) URL.
    static func buildContextTarget(_ text: String) throws(AzureMLError) -> Target {
        guard hasPrefix(text, "http://") || hasPrefix(text, "https://") else {
            throw .invalidReference("`\(text)` is not a build context; use a local folder or an http(s) URL")
        }
        return .url(text)
    }

    /// The `azureml://` forms and other URLs, or `nil` when `text` is not a URL.
    static func uriTarget(_ text: String) throws(AzureMLError) -> Target? {
        if hasPrefix(text, "azureml://") {
            let segments = text.dropFirst("azureml://".count).split(separator: "/", omittingEmptySubsequences: false)
                .map(String.init)
            switch segments.first?.lowercased() {
            case "registries":
                return .registry(text)
            case "datastores":
                guard segments.count >= 4, !segments[1].isEmpty, segments[2] == "paths" else {
                    throw .invalidReference(
                        "`\(text)` is not a datastore URI; expected azureml://datastores/<datastore>/paths/<path>")
                }
                return .datastorePath(datastore: segments[1], path: segments[3...].joined(separator: "/"))
            case "subscriptions":
                guard segments.contains(where: { $0.lowercased() == "datastores" }) else { return .url(text) }
                return .workspaceDatastorePath(text)
            case "jobs":
                guard segments.count >= 4, !segments[1].isEmpty, segments[2] == "outputs", !segments[3].isEmpty else {
                    throw .invalidReference(
                        "`\(text)` is not a job output URI; expected azureml://jobs/<job>/outputs/<output>/paths/<path>"
                    )
                }
                let path = segments.count >= 6 && segments[4] == "paths" ? segments[5...].joined(separator: "/") : ""
                return .jobOutput(job: segments[1], output: segments[3], path: path)
            default:
                return .url(text)
            }
        }
        return text.contains("://") ? .url(text) : nil
    }

    /// `name:version` or `name@label` (after the prefix), as `parse_name_label` then `parse_name_version` read it.
    static func named(_ rest: String, kind: AssetKind, written: String) throws(AzureMLError) -> Target {
        if rest.contains("/") {
            throw .invalidReference(
                "cannot parse `\(written)`; an ARM id starts with `/` (azureml:/subscriptions/...)")
        }
        if let at = rest.lastIndex(of: "@") {
            let name = String(rest[..<at])
            let label = String(rest[rest.index(after: at)...])
            guard !name.isEmpty else { throw .invalidReference("`\(written)` names no asset before `@`") }
            guard label == "latest" else {
                throw .invalidReference(
                    "unknown label `@\(label)` in `\(written)`; the only label is `@latest`")
            }
            return .label(kind: kind, name: name, label: label)
        }
        guard let colon = rest.firstIndex(of: ":") else {
            throw .invalidReference(
                "`\(written)` needs a version or a label: `\(written):1` or `\(written)@latest`")
        }
        let name = String(rest[..<colon])
        let version = String(rest[rest.index(after: colon)...])
        guard !name.isEmpty else { throw .invalidReference("`\(written)` names no asset before `:`") }
        guard !version.isEmpty else {
            throw .invalidReference("`\(written)` needs a version after `:`")
        }
        return .version(kind: kind, name: name, version: version)
    }

    /// `rest` if it is the ARM id of a `collection` resource (`/subscriptions/.../workspaces/w/<collection>/...`).
    static func armID(_ rest: String, collection: String, noun: String) throws(AzureMLError) -> String {
        let lowered = rest.lowercased()
        guard lowered.hasPrefix("/subscriptions/"),
            lowered.contains("/providers/microsoft.machinelearningservices/workspaces/"),
            lowered.contains("/\(collection)/")
        else {
            throw .invalidReference(
                "`azureml:\(rest)` is not the ARM id of \(noun) version; expected azureml:/subscriptions/<sub>/"
                    + "resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/"
                    + "\(collection)/<name>/versions/<version>")
        }
        return rest
    }

    /// A case-insensitive prefix test, as the SDK's regular expressions match.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.lowercased().hasPrefix(prefix)
    }
}
