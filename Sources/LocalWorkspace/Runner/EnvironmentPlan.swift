import AzureML

/// How a job gets its Python, decided from its environment alone.
enum EnvironmentPlan: Sendable, Hashable {
    /// The host's `python3`; the reason goes to the job's log.
    case host(reason: String)
    /// A virtual environment built from the conda file; `label` names the environment version in the log.
    case virtualEnvironment(CondaSpec, label: String)

    /// Curated (`azureml:AzureML-*`) and registry (`azureml://registries/...`) environments, which the local
    /// workspace does not hold: `nil` for an environment of this workspace.
    static func external(_ environmentId: String) -> String? {
        let lowered = environmentId.lowercased()
        if lowered.hasPrefix("azureml://registries/") { return "registry environment" }
        if environmentId.hasPrefix("azureml:AzureML-") || environmentId.hasPrefix("AzureML-") {
            return "curated environment"
        }
        return nil
    }

    /// The plan for environment `label` (`name:version`) with these properties, in `mode`.
    static func decide(
        label: String, properties: EnvironmentVersionProperties, mode: EnvironmentMode
    ) throws(LocalWorkspaceError) -> EnvironmentPlan {
        if mode == .host {
            return .host(reason: "the server runs with --env-mode host; environment \(label) is not built")
        }
        guard let conda = properties.condaFile else {
            let kind = properties.build != nil ? "a Docker build context" : "only an image"
            return .host(reason: "environment \(label) has \(kind) and no conda file")
        }
        do {
            return .virtualEnvironment(try CondaSpec(parsing: conda), label: label)
        } catch {
            throw .environment("environment \(label): \(error.description)")
        }
    }
}
