import AzureML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The environment a job's command runs with (mlflow-protocol.md §3): the server's own environment without any
/// MLflow, Azure ML or virtual-environment settings of the shell that started it, then the runner's variables, then
/// the job's `environmentVariables`, which win.
struct JobEnvironmentVariables: Sendable, Hashable {
    var job: String
    var experiment: String
    var workspace: WorkspaceID
    /// The server's base URL (the MLflow tracking URI).
    var serverURL: String
    var mlflowRunID: String
    var mlflowToken: String?
    /// Resolved inputs by name.
    var inputs: [String: String]
    /// Output paths by name.
    var outputs: [String: String]
    /// The folder put first on `PATH` (a virtual environment's `bin`, or the host-Python link folder).
    var pythonBin: String
    /// The virtual environment, if the job runs in one.
    var virtualEnvironment: String?
    /// `OMP_NUM_THREADS` unless the job sets it.
    var threads: Int
    /// A sweep trial's parameters (`AZUREML_SWEEP_<name>`), as substituted into its command.
    var sweepParameters: [String: String]
    /// The job's own variables.
    var jobVariables: [String: String]

    /// Prefixes of the server's variables a job does not inherit.
    static let droppedPrefixes = ["MLFLOW_", "AZUREML_", "AZURE_ML_"]
    /// Variables of the server a job does not inherit.
    static let droppedNames: Set<String> = ["VIRTUAL_ENV", "PYTHONHOME", "CONDA_PREFIX", "CONDA_DEFAULT_ENV"]

    /// The complete environment, given the server's own.
    func variables(base: [String: String]) -> [String: String] {
        var result = base.filter { key, _ in
            !Self.droppedNames.contains(key) && !Self.droppedPrefixes.contains { key.hasPrefix($0) }
        }
        result["PATH"] = pythonBin + ":" + (base["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        result["VIRTUAL_ENV"] = virtualEnvironment
        result["PYTHONUNBUFFERED"] = "1"
        result["OMP_NUM_THREADS"] = String(threads)
        result["AZUREML_RUN_ID"] = job
        result["AZUREML_ARM_SUBSCRIPTION"] = workspace.subscription
        result["AZUREML_ARM_RESOURCEGROUP"] = workspace.resourceGroup
        result["AZUREML_ARM_WORKSPACE_NAME"] = workspace.workspace
        result["AZUREML_ARM_PROJECT_NAME"] = experiment
        result["AZUREML_SERVICE_ENDPOINT"] = serverURL
        result["MLFLOW_TRACKING_URI"] = serverURL
        result["MLFLOW_RUN_ID"] = mlflowRunID
        result["MLFLOW_EXPERIMENT_NAME"] = experiment
        result["MLFLOW_TRACKING_TOKEN"] = mlflowToken
        result["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "2"
        result["MLFLOW_HTTP_REQUEST_TIMEOUT"] = "30"
        result["MLFLOW_DISABLE_TELEMETRY"] = "true"
        result["DO_NOT_TRACK"] = "true"
        for (name, value) in inputs { result["AZURE_ML_INPUT_" + name] = value }
        for (name, value) in outputs { result["AZURE_ML_OUTPUT_" + name] = value }
        for (name, value) in sweepParameters { result["AZUREML_SWEEP_" + name] = value }
        for (name, value) in jobVariables { result[name] = value }
        return result
    }

    /// This process's environment.
    static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
