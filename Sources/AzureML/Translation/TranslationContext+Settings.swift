import DeployManifest
import DeployYAML

/// The settings jobs share: compute, resources, distribution, identity, services, queue settings, the command.
extension TranslationContext {
    /// `compute` as `computeId` (`nil` for none and for `local`), with the compute as a workspace reference.
    func compute(_ compute: Located<String>?) -> (id: String?, target: ComputeTarget?, reference: WorkspaceReference?)?
    {
        guard let compute else { return (nil, nil, nil) }
        let target: ComputeTarget
        do {
            target = try ComputeTarget(parsing: compute.value)
        } catch {
            report(.invalidReference(error.message, at: compute.node), at: compute.node)
            return nil
        }
        var reference: WorkspaceReference?
        if target != .local {
            reference = WorkspaceReference(target: .compute(target), source: SourceLocation(compute.node))
        }
        return (target.computeID(in: workspace), target, reference)
    }

    /// `resources` (`JobResourceConfiguration._to_rest_object`): `properties` always sent (`{}` when empty, with the
    /// SDK's key spellings), a list of `docker_args` as `dockerArgsList` (then without `locations` and
    /// `maxInstanceCount`, as the SDK drops them on that path).
    func resources(_ spec: Located<ResourceSpec>?, local: Bool = false) -> JobResources? {
        guard spec != nil || local else { return nil }
        var resources = JobResources(properties: [:])
        var properties = JSONObject()
        if let spec = spec?.value {
            resources.instanceCount = spec.instanceCount?.value
            resources.instanceType = spec.instanceType?.value
            resources.shmSize = spec.shmSize?.value
            for entry in spec.properties ?? KeyedList() {
                let value = Self.droppingNulls(YAMLJSON.value(entry.value))
                guard !value.isNull else { continue }
                properties[Self.resourcePropertyKey(entry.key.value)] = value
            }
            switch spec.dockerArgs?.value {
            case .list(let items)?:
                resources.dockerArgsList = items.map(\.value)
                if let ignored = spec.locations ?? spec.maxInstanceCount.map({ Located([], node: $0.node) }) {
                    warning(
                        "resources: `locations` and `max_instance_count` are not sent when `docker_args` is a list "
                            + "(the SDK drops them)", at: ignored.node)
                }
            case .string(let text)?:
                resources.dockerArgs = text
                resources.locations = spec.locations?.value.map(\.value)
                resources.maxInstanceCount = spec.maxInstanceCount?.value
            case nil:
                resources.locations = spec.locations?.value.map(\.value)
                resources.maxInstanceCount = spec.maxInstanceCount?.value
            }
        }
        if local { properties["IsLocal"] = ["IsLocal": true] }
        resources.properties = properties
        return resources
    }

    /// The SDK's spellings of the compute property keys it knows (`Properties._KEY_MAPPING`, case-insensitive).
    static func resourcePropertyKey(_ key: String) -> String {
        switch key.lowercased() {
        case "aisupercomputer", "singularity": "AISuperComputer"
        case "itp": "itp"
        case "target_selector": "target_selector"
        default: key
        }
    }

    /// `BaseProperty._to_dict`: null members of mappings are left out, recursively.
    static func droppingNulls(_ value: JSONValue) -> JSONValue {
        guard case .object(let object) = value else { return value }
        return .object(JSONObject(object.compactMap { $0.value.isNull ? nil : ($0.key, droppingNulls($0.value)) }))
    }

    /// `distribution`: PyTorch and Mpi with their process count, TensorFlow with `parameterServerCount` defaulting
    /// to 0, Ray with the settings written.
    func distribution(_ spec: Located<DistributionSpec>?) -> Distribution? {
        guard let spec else { return nil }
        var settings = JSONObject()
        switch spec.value {
        case .pytorch(let count):
            if let count { settings["processCountPerInstance"] = .int(count.value) }
            return Distribution(distributionType: "PyTorch", settings: settings)
        case .mpi(let count):
            if let count { settings["processCountPerInstance"] = .int(count.value) }
            return Distribution(distributionType: "Mpi", settings: settings)
        case .tensorflow(let workers, let parameterServers):
            settings["parameterServerCount"] = .int(parameterServers?.value ?? 0)
            if let workers { settings["workerCount"] = .int(workers.value) }
            return Distribution(distributionType: "TensorFlow", settings: settings)
        case .ray(let ray):
            if let port = ray.port { settings["port"] = .int(port.value) }
            if let address = ray.address { settings["address"] = .string(address.value) }
            if let dashboard = ray.includeDashboard { settings["includeDashboard"] = .bool(dashboard.value) }
            if let port = ray.dashboardPort { settings["dashboardPort"] = .int(port.value) }
            if let args = ray.headNodeAdditionalArgs { settings["headNodeAdditionalArgs"] = .string(args.value) }
            if let args = ray.workerNodeAdditionalArgs { settings["workerNodeAdditionalArgs"] = .string(args.value) }
            return Distribution(distributionType: "Ray", settings: settings)
        }
    }

    /// `identity`: `Managed` with its optional ids (`msi_resource_id` → `resourceId`), `AMLToken`, `UserIdentity`.
    func identity(_ spec: Located<IdentitySpec>?) -> JobIdentity? {
        guard let spec else { return nil }
        switch spec.value {
        case .managed(let client, let object, let resource):
            return JobIdentity(
                identityType: "Managed", clientId: client?.value, objectId: object?.value, resourceId: resource?.value)
        case .amlToken:
            return JobIdentity(identityType: "AMLToken")
        case .userIdentity:
            warning(
                "identity: user_identity jobs need an `x-azureml-token` header (an AAD token for https://ml.azure.com)",
                at: spec.node)
            return JobIdentity(identityType: "UserIdentity")
        }
    }

    /// `services`: the REST type names, `nodes: all` as `{"nodesValueType": "All"}`, `sshPublicKeys` and `logDir`
    /// merged into `properties` (left out when empty).
    func services(_ list: KeyedList<Located<ServiceSpec>>?) -> [String: JobService]? {
        guard let list else { return nil }
        var result: [String: JobService] = [:]
        for entry in list {
            let spec = entry.value.value
            var nodes: JSONValue?
            if let written = spec.nodes {
                guard written.value == "all" else {
                    error(
                        "services.\(entry.key.value).nodes: expected \"all\", found \"\(written.value)\" (the SDK "
                            + "accepts only `all`)", at: written.node)
                    continue
                }
                nodes = ["nodesValueType": "All"]
            }
            var properties: [String: String] = [:]
            for property in spec.properties ?? KeyedList() {
                guard let scalar = try? property.value.resolvedScalar(), let text = YAMLJSON.string(scalar) else {
                    warning(
                        "services.\(entry.key.value).properties.\(property.key.value): only scalar values are sent",
                        at: property.value)
                    continue
                }
                properties[property.key.value] = text
            }
            if let keys = spec.sshPublicKeys, !keys.value.isEmpty { properties["sshPublicKeys"] = keys.value }
            if let directory = spec.logDir, !directory.value.isEmpty { properties["logDir"] = directory.value }
            result[entry.key.value] = JobService(
                jobServiceType: spec.type?.value.restValue, port: spec.port?.value, nodes: nodes,
                properties: properties.isEmpty ? nil : properties)
        }
        return result
    }

    /// `queue_settings`: the tier capitalized, the priority as 1, 2 or 3.
    func queueSettings(_ spec: Located<QueueSettingsSpec>?) -> QueueSettings? {
        guard let spec else { return nil }
        return QueueSettings(
            jobTier: spec.value.jobTier?.value.restValue, priority: spec.value.priority?.value.restValue)
    }

    /// An ISO 8601 duration for a limit in seconds; 0 means none (`to_iso_duration_format`).
    static func duration(_ seconds: Located<Int>?) -> String? {
        guard let seconds, seconds.value != 0 else { return nil }
        return ISODuration.string(seconds: seconds.value)
    }

    /// The command with `{inputs.x}`, `{outputs.x}` and `{search_space.x}` rewritten to `${{...}}`, as the SDK does
    /// (`map_single_brackets_and_warn`); the loader already warns at each one.
    func command(_ command: Located<String>) -> String {
        Self.mapSingleBrackets(command.value)
    }

    /// `(?<!\{)\{<prefix>\.([^}]*)\}(?!\})` → `${{<prefix>.\1}}` for inputs, outputs and search_space, in that order.
    static func mapSingleBrackets(_ command: String) -> String {
        var text = Array(command)
        for prefix in ["inputs", "outputs", "search_space"] {
            let opener = Array("{" + prefix + ".")
            var result: [Character] = []
            var index = 0
            while index < text.count {
                if text[index] == "{", index + opener.count <= text.count,
                    Array(text[index..<index + opener.count]) == opener, index == 0 || text[index - 1] != "{",
                    let close = text[(index + opener.count)...].firstIndex(of: "}"),
                    close + 1 >= text.count || text[close + 1] != "}"
                {
                    result += Array("${{" + prefix + ".") + text[(index + opener.count)..<close] + Array("}}")
                    index = close + 1
                    continue
                }
                result.append(text[index])
                index += 1
            }
            text = result
        }
        return String(text)
    }
}
