import DeployYAML

/// Command and sweep job manifests.
extension LoadContext {
    /// Keys that exist only in sweep jobs, for a hint when they appear in a command job.
    static let sweepOnlyKeys = ["trial", "search_space", "sampling_algorithm", "objective", "early_termination"]

    /// A command job manifest.
    func commandJob(_ reader: MappingReader) -> CommandJob? {
        reader.declare("$schema")
        _ = reader.enumValue("type", JobTypeName.self, allowed: [.command])
        reader.readOnly(LoadContext.jobReadOnlyKeys)
        let metadata = jobMetadata(reader)
        let command = reader.string("command", required: true)
        let code = reader.field("code") { self.code($0, $1) }
        let environment = reader.pair("environment").flatMap {
            jobEnvironment($0.value, anchor: $0.key, reader.childPath("environment"))
        }
        if !reader.has("environment") { reader.missing("environment") }
        let variables = environmentVariables(reader)
        let inputs = self.inputs(reader)
        let outputs = self.outputs(reader)
        let resources = reader.nested("resources") { Located(self.resources($0), node: $0.node) }
        let distribution = reader.nested("distribution") { d in self.distribution(d).map { Located($0, node: d.node) } }
        let limits = reader.nested("limits") { Located(commandLimits($0), node: $0.node) }
        let queue = reader.nested("queue_settings") { Located(self.queueSettings($0), node: $0.node) }
        let parent = reader.string("parent_job_name")
        var hints: [String: String] = [:]
        for key in LoadContext.sweepOnlyKeys {
            hints[key] = "`\(key)` belongs to sweep jobs; did you mean `type: sweep`?"
        }
        reader.finish(hints: hints)
        if let command {
            checkPlaceholders(
                in: command, path: "command", inputs: reader.keys(of: "inputs"), outputs: reader.keys(of: "outputs"),
                searchSpace: nil)
        }
        guard let command, let environment else { return nil }
        return CommandJob(
            metadata: metadata, command: command, code: code, environment: environment,
            environmentVariables: variables, inputs: inputs, outputs: outputs, resources: resources,
            distribution: distribution, limits: limits, queueSettings: queue, parentJobName: parent, node: reader.node)
    }

    /// A sweep job manifest.
    func sweepJob(_ reader: MappingReader) -> SweepJob? {
        reader.declare("$schema")
        _ = reader.enumValue("type", JobTypeName.self, required: true, allowed: [.sweep])
        reader.readOnly(LoadContext.jobReadOnlyKeys)
        let metadata = jobMetadata(reader)
        let trial = reader.nested("trial", required: true) { self.sweepTrial($0) }
        let sampling = reader.pair("sampling_algorithm").flatMap {
            samplingAlgorithm($0.value, anchor: $0.key, reader.childPath("sampling_algorithm"))
        }
        if !reader.has("sampling_algorithm") { reader.missing("sampling_algorithm") }
        let space = reader.field("search_space", required: true) { self.searchSpace($0, $1) }
        let objective = reader.nested("objective", required: true) { self.objective($0) }
        let limits = reader.nested("limits", required: true) { self.sweepLimits($0) }
        let termination = reader.nested("early_termination") { self.earlyTermination($0) }
        let inputs = self.inputs(reader)
        let outputs = self.outputs(reader)
        let queue = reader.nested("queue_settings") { Located(self.queueSettings($0), node: $0.node) }
        let resources = reader.nested("resources") { Located(self.resources($0), node: $0.node) }
        reader.finish(hints: ["parent_job_name": "`parent_job_name` is only valid in command jobs"])
        if let trial {
            checkPlaceholders(
                in: trial.value.command, path: "trial.command", inputs: reader.keys(of: "inputs"),
                outputs: reader.keys(of: "outputs"), searchSpace: reader.keys(of: "search_space"))
        }
        if let sampling, let space {
            checkSampling(sampling, space: space, earlyTermination: reader.keyNode("early_termination"))
        }
        guard let trial, let sampling, let space, let objective, let limits else { return nil }
        return SweepJob(
            metadata: metadata, trial: trial, samplingAlgorithm: sampling, searchSpace: space, objective: objective,
            limits: limits, earlyTermination: termination, inputs: inputs, outputs: outputs, queueSettings: queue,
            resources: resources, node: reader.node)
    }
}

/// A job's `type`.
enum JobTypeName: String, CaseIterable, ManifestEnum {
    case command
    case sweep
}
