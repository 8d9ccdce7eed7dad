public import AzureML
import Foundation

/// Chooses the workspace: the `--workspace` value when given; else `AZURE_SUBSCRIPTION_ID`,
/// `AZURE_RESOURCE_GROUP` and `AZUREML_WORKSPACE_NAME`; else Azure ML's `config.json` in the working directory or
/// a parent (in `.azureml/` or directly, as azure-ai-ml looks); else the local workspace in `./.deploy`.
public struct WorkspaceSelector: Sendable {
    /// The variables read (the process environment in production).
    public var environment: [String: String]
    /// Where relative directories and the `config.json` search start.
    public var workingDirectory: String
    /// The last directory the `config.json` search looks in; `nil` searches up to the filesystem root.
    public var configSearchLimit: String?

    /// The local workspace directory's default name.
    public static let defaultLocalDirectory = ".deploy"

    /// A selector.
    public init(environment: [String: String], workingDirectory: String, configSearchLimit: String? = nil) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.configSearchLimit = configSearchLimit
    }

    /// The workspace for a command run with `--workspace flag` (or without, when `nil`).
    public func select(flag: String?) throws(WorkspaceClientError) -> WorkspaceSelection {
        if let flag {
            return WorkspaceSelection(target: try parse(flag), reason: "from --workspace")
        }
        if let selection = try fromEnvironment() { return selection }
        if let (path, workspace) = try findConfigFile() {
            return WorkspaceSelection(target: .azure(workspace), reason: "from config.json at \(path)")
        }
        return WorkspaceSelection(
            target: .local(directory: absolute(Self.defaultLocalDirectory)),
            reason: "the default: no --workspace, AZUREML_WORKSPACE_NAME is not set, and no Azure ML config.json "
                + "in \(standardized(workingDirectory)) or its parents")
    }

    /// Parses a `--workspace` value: `local`, `local:DIR`, `azureml://subscriptions/S/resourcegroups/R/workspaces/W`,
    /// an ARM workspace id, or `http(s)://host:port/subscriptions/.../workspaces/W`.
    public func parse(_ value: String) throws(WorkspaceClientError) -> WorkspaceTarget {
        let text = value.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        if lowered == "local" { return .local(directory: absolute(Self.defaultLocalDirectory)) }
        if lowered.hasPrefix("local:") {
            let directory = String(text.dropFirst("local:".count))
            guard !directory.isEmpty else {
                throw .invalidWorkspace("--workspace local: needs a directory, as in local:path/to/dir")
            }
            return .local(directory: absolute(directory))
        }
        if lowered.hasPrefix("azureml://") || lowered.hasPrefix("/subscriptions/") {
            do {
                return .azure(try WorkspaceID(parsing: text))
            } catch {
                throw .invalidWorkspace(error.message, source: "--workspace")
            }
        }
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return try parseEndpoint(text)
        }
        throw .invalidWorkspace(
            "'\(text)' is not a workspace: use local, local:DIR, "
                + "azureml://subscriptions/<sub>/resourcegroups/<rg>/workspaces/<ws>, an ARM workspace id, or "
                + "an endpoint URL http(s)://host:port/subscriptions/<sub>/resourceGroups/<rg>/providers/"
                + "Microsoft.MachineLearningServices/workspaces/<ws>",
            source: "--workspace")
    }

    /// Splits an endpoint URL into the server's base URL and the workspace in its path.
    func parseEndpoint(_ text: String) throws(WorkspaceClientError) -> WorkspaceTarget {
        var url = text
        if let end = url.firstIndex(where: { $0 == "?" || $0 == "#" }) { url = String(url[..<end]) }
        while url.hasSuffix("/") { url.removeLast() }
        guard let parsed = HTTPURL(url), let start = url.range(of: "/subscriptions/", options: .caseInsensitive),
            start.lowerBound >= url.index(url.startIndex, offsetBy: parsed.scheme.count + 3)
        else {
            throw .invalidWorkspace(
                "the endpoint URL '\(text)' has no workspace path: expected http(s)://host:port/subscriptions/"
                    + "<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>",
                source: "--workspace")
        }
        let path = String(url[start.lowerBound...])
        let workspace: WorkspaceID
        do {
            workspace = try WorkspaceID(parsing: path)
        } catch {
            do {
                workspace = try WorkspaceID(parsing: "azureml:/" + path)
            } catch {
                throw .invalidWorkspace(
                    "the endpoint URL '\(text)' does not end with a workspace path: expected .../subscriptions/"
                        + "<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>",
                    source: "--workspace")
            }
        }
        return .endpoint(baseURL: String(url[..<start.lowerBound]), workspace: workspace)
    }

    /// The workspace named by `AZUREML_WORKSPACE_NAME` with `AZURE_SUBSCRIPTION_ID` and `AZURE_RESOURCE_GROUP`;
    /// `nil` when `AZUREML_WORKSPACE_NAME` is not set (the other two are common in CI for other tools).
    func fromEnvironment() throws(WorkspaceClientError) -> WorkspaceSelection? {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let name = value("AZUREML_WORKSPACE_NAME") else { return nil }
        let missing = ["AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP"].filter { value($0) == nil }
        guard missing.isEmpty, let subscription = value("AZURE_SUBSCRIPTION_ID"),
            let group = value("AZURE_RESOURCE_GROUP")
        else {
            throw .invalidWorkspace(
                "AZUREML_WORKSPACE_NAME is set but \(missing.joined(separator: " and ")) "
                    + (missing.count == 1 ? "is" : "are")
                    + " not: set AZURE_SUBSCRIPTION_ID and AZURE_RESOURCE_GROUP too, or unset AZUREML_WORKSPACE_NAME")
        }
        return WorkspaceSelection(
            target: .azure(WorkspaceID(subscription: subscription, resourceGroup: group, workspace: name)),
            reason: "from AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP and AZUREML_WORKSPACE_NAME")
    }

    /// The nearest Azure ML `config.json`: in each directory from the working directory up to the root,
    /// `.azureml/config.json` and then `config.json`. A plain `config.json` without `workspace_name` (or `Scope`)
    /// belongs to some other tool and is passed over.
    public func findConfigFile() throws(WorkspaceClientError) -> (path: String, workspace: WorkspaceID)? {
        var directory = standardized(workingDirectory)
        while true {
            for (candidate, isOurs) in [
                (directory + "/.azureml/config.json", true), (directory + "/config.json", false),
            ] {
                let path = candidate.replacingOccurrences(of: "//", with: "/")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                if let workspace = try Self.readConfig(path, strict: isOurs) { return (path, workspace) }
            }
            guard directory != "/", directory != configSearchLimit.map(standardized) else { return nil }
            directory = (directory as NSString).deletingLastPathComponent
            if directory.isEmpty { directory = "/" }
        }
    }

    /// Reads an Azure ML `config.json`; `nil` when it is not one and `strict` is off.
    static func readConfig(_ path: String, strict: Bool) throws(WorkspaceClientError) -> WorkspaceID? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if strict { throw .io(path, "cannot read the Azure ML configuration") }
            return nil
        }
        guard case .object(let object)? = try? JSONValue(parsing: Array(data)) else {
            if strict { throw .invalidWorkspace("not a JSON object", source: path) }
            return nil
        }
        if let scope = object["Scope"]?.stringValue {
            do {
                return try WorkspaceID(parsing: scope)
            } catch {
                throw .invalidWorkspace("Scope: \(error.message)", source: path)
            }
        }
        guard object["workspace_name"] != nil else {
            if strict { throw .invalidWorkspace("workspace_name is missing", source: path) }
            return nil
        }
        let keys = ["subscription_id", "resource_group", "workspace_name"]
        let values = keys.map { object[$0]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        let missing = zip(keys, values).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            throw .invalidWorkspace(
                "\(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") missing or not a string",
                source: path)
        }
        return WorkspaceID(subscription: values[0]!, resourceGroup: values[1]!, workspace: values[2]!)
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved.
    public func absolute(_ path: String) -> String {
        standardized(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }

    private func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardized.path
    }
}
