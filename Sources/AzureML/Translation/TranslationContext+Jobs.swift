import DeployManifest
import DeployYAML

/// Command and sweep jobs (`CommandJob._to_rest_object`, `SweepJob._to_rest_object`, `generate_defaults`).
extension TranslationContext {
    /// A command job: code, then environment, then the job, whose inputs are uploaded or looked up first.
    func commandJob(_ job: CommandJob) {
        let codeBinding = job.code.flatMap { code($0) }
        let environmentBinding = environment(job.environment)
        guard let computeBinding = compute(job.metadata.compute) else { return }
        var builder = BodyBuilder()
        var properties = JobProperties(jobType: "Command")
        fillMetadata(&properties, job.metadata)
        properties.command = command(job.command)
        if let codeBinding { properties.codeId = builder.string(codeBinding.codeID) }
        if let environmentBinding { properties.environmentId = builder.string(environmentBinding.environmentID) }
        properties.computeId = computeBinding.id
        let isLocal = computeBinding.target == .local
        var variables = stringMap(job.environmentVariables, "environment_variables")
        if isLocal {
            variables["AZUREML_COMPUTE_USE_COMMON_RUNTIME"] = "true"
            warning(
                "compute: local runs the job on this machine through the SDK's local-run service; deploy sends the "
                    + "job as the SDK would, without `computeId`", at: job.metadata.compute!.node)
        }
        properties.environmentVariables = variables
        let inputs = self.inputs(job.inputs, builder: &builder)
        properties.inputs = inputs.inputs
        properties.outputs = outputs(job.outputs)
        properties.distribution = distribution(job.distribution)
        properties.resources = resources(job.resources, local: isLocal)
        if let limits = job.limits {
            properties.limits = JobLimits(jobLimitsType: "Command", timeout: Self.duration(limits.value.timeout))
        }
        properties.queueSettings = queueSettings(job.queueSettings)
        properties.parentJobName = job.parentJobName?.value
        guard codeBinding != nil || job.code == nil, environmentBinding != nil, !hasErrors else { return }
        addJob(
            properties, builder: builder, metadata: job.metadata, apiVersion: versions.commandJob,
            links: links(codeBinding, environmentBinding, computeBinding.reference, inputs), node: job.node)
    }

    /// A sweep job: the trial's code and environment, then the sweep.
    ///
    /// The SDK's `_override_missing_properties_from_trial` (compute, inputs, outputs and the trial's timeout as
    /// `trialTimeout`) applies only to a trial built as a `CommandJob` object in Python; a manifest's trial cannot
    /// hold those keys (the schema refuses them, and so does our loader), so a manifest's sweep takes them from its
    /// own keys. What it does take from the trial is `resources`, copied to the top level when it has none.
    func sweepJob(_ job: SweepJob) {
        let trial = job.trial.value
        let codeBinding = trial.code.flatMap { code($0) }
        let environmentBinding = environment(trial.environment)
        guard let computeBinding = compute(job.metadata.compute) else { return }
        if computeBinding.target == .local {
            error("compute: a sweep cannot run on `local` compute", at: job.metadata.compute!.node)
        }
        var builder = BodyBuilder()
        var properties = JobProperties(jobType: "Sweep")
        fillMetadata(&properties, job.metadata)
        if let services = job.metadata.services, let first = services.first {
            warning("services: not sent for sweep jobs (the SDK leaves them out)", at: first.key.node)
        }
        properties.services = nil
        // A sweep's environment variables are the trial's; the sweep itself has none.
        properties.environmentVariables = nil
        properties.computeId = computeBinding.id
        properties.searchSpace = searchSpace(job.searchSpace)
        properties.samplingAlgorithm = samplingAlgorithm(job.samplingAlgorithm)
        properties.objective = Objective(
            goal: job.objective.value.goal.value.rawValue, primaryMetric: job.objective.value.primaryMetric.value)
        let limits = job.limits.value
        properties.limits = JobLimits(
            jobLimitsType: "Sweep", timeout: Self.duration(limits.timeout), maxTotalTrials: limits.maxTotalTrials.value,
            maxConcurrentTrials: limits.maxConcurrentTrials?.value, trialTimeout: Self.duration(limits.trialTimeout))
        let inputs = self.inputs(job.inputs, builder: &builder)
        properties.inputs = inputs.inputs
        properties.outputs = outputs(job.outputs)
        properties.queueSettings = queueSettings(job.queueSettings)
        if let queue = trial.queueSettings {
            warning("trial.queue_settings: not sent (the SDK's trial has no queue settings)", at: queue.node)
        }
        let trialResources = resources(trial.resources)
        properties.trial = TrialComponent(
            command: command(trial.command), codeId: codeBinding.map { builder.string($0.codeID) },
            environmentId: environmentBinding.map { builder.string($0.environmentID) } ?? "",
            environmentVariables: stringMap(trial.environmentVariables, "trial.environment_variables"),
            distribution: distribution(trial.distribution), resources: trialResources)
        // The SDK sends the sweep's own resources, else a copy of the trial's.
        properties.resources = resources(job.resources) ?? trialResources
        let termination = earlyTermination(job.earlyTermination)
        properties.earlyTermination = termination?.policy
        guard codeBinding != nil || trial.code == nil, environmentBinding != nil, !hasErrors else { return }
        addJob(
            properties, builder: builder, metadata: job.metadata, apiVersion: versions.sweepJob,
            links: links(codeBinding, environmentBinding, computeBinding.reference, inputs), node: job.node,
            patch: termination?.patch)
    }

    /// Display name, description, experiment, tags, properties with the git properties, identity, services, and
    /// `isArchived: false`; the empty maps the SDK always sends.
    private func fillMetadata(_ properties: inout JobProperties, _ metadata: JobMetadata) {
        properties.displayName = metadata.displayName?.value ?? metadata.name?.value
        properties.description = metadata.description?.value
        properties.experimentName = metadata.experimentName?.value ?? options.defaultExperimentName
        properties.tags = stringMap(metadata.tags, "tags")
        var bag = stringMap(metadata.properties, "properties")
        // Read-only for the service; the SDK drops it before sending.
        bag["_azureml.ComputeTargetType"] = nil
        for entry in options.gitProperties.applicable(toExisting: Array(bag.keys)).entries {
            bag[entry.key] = entry.value
        }
        properties.properties = bag
        properties.isArchived = false
        properties.identity = identity(metadata.identity)
        properties.services = services(metadata.services)
        properties.inputs = [:]
        properties.outputs = [:]
        properties.environmentVariables = [:]
    }

    /// Adds the job resource, named by the manifest or by its body.
    /// What a job needs before it is sent, what it refers to, and what of the same set it depends on.
    private typealias JobLinks = (
        preparations: [DesiredResource.Preparation], references: [WorkspaceReference], dependencies: [ResourceID]
    )

    /// What a job needs before it is sent: lookups (an environment's `@latest`, inputs), the references it makes,
    /// and the resources of the same set it depends on.
    private func links(
        _ code: CodeBinding?, _ environment: EnvironmentBinding?, _ compute: WorkspaceReference?,
        _ inputs: InputBindings
    ) -> JobLinks {
        var preparations: [DesiredResource.Preparation] = []
        if let reference = environment?.reference, reference.needsLookup {
            preparations.append(.lookup(reference))
        }
        preparations += inputs.preparations
        let references = [code?.reference, environment?.reference, compute].compactMap { $0 } + inputs.references
        let dependencies = [code?.dependency, environment?.dependency].compactMap { $0 }
        return (preparations, references, dependencies)
    }

    private func addJob(
        _ properties: JobProperties, builder: BodyBuilder, metadata: JobMetadata, apiVersion: String,
        links: JobLinks, node: Node, patch: ((inout JSONObject) -> Void)? = nil
    ) {
        let (preparations, references, dependencies) = links
        var json = properties.json
        if let patch, case .object(var object) = json {
            patch(&object)
            json = .object(object)
        }
        let name: DesiredResource.Name
        if let fixed = metadata.name?.value {
            name = .fixed(fixed)
        } else {
            let slugSource = metadata.experimentName?.value ?? Self.fileStem(path)
            name = .generated(
                JobNaming(
                    slug: JobNaming.slug(slugSource), displayNameIsName: metadata.displayName == nil,
                    excludedProperties: options.gitProperties.keys))
        }
        add(
            DesiredResource(
                kind: .job, name: name, version: nil, apiVersion: apiVersion,
                body: builder.finish(["properties": json]), preparations: preparations, references: references,
                dependencies: dependencies, origin: .manifest, source: SourceLocation(node)))
    }

    /// The file name of `path` without its extension (`jobs/train.yml` → `train`).
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
