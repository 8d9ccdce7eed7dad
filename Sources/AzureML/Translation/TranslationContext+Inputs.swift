import DeployManifest
import DeployYAML

/// Job inputs and outputs (`to_rest_dataset_literal_inputs`, `to_rest_data_outputs`, `_resolve_job_input`).
extension TranslationContext {
    /// The REST inputs and what they need: uploads of local paths and lookups of labels, in input order.
    struct InputBindings {
        var inputs: [String: JobInput] = [:]
        var preparations: [DesiredResource.Preparation] = []
        var references: [WorkspaceReference] = []
    }

    /// Translates `inputs`: literals as Python's `str()`, local paths uploaded to a datastore, references as ids.
    func inputs(_ list: KeyedList<Located<InputSpec>>, builder: inout BodyBuilder) -> InputBindings {
        var bindings = InputBindings()
        for entry in list {
            let name = entry.key.value
            switch entry.value.value {
            case .literal(let literal):
                bindings.inputs[name] = .literal(literal.pythonString)
            case .asset(let asset):
                guard
                    let input = assetInput(
                        asset, name: name, node: entry.value.node, builder: &builder,
                        bindings: &bindings)
                else { continue }
                bindings.inputs[name] = input
            }
        }
        return bindings
    }

    private func assetInput(
        _ asset: AssetInput, name: String, node: Node, builder: inout BodyBuilder, bindings: inout InputBindings
    ) -> JobInput? {
        let type = asset.effectiveType
        guard let path = asset.path else {
            error("inputs.\(name): a data or model input needs a `path` (the SDK refuses an empty one)", at: node)
            return nil
        }
        if let onCompute = asset.pathOnCompute {
            warning(
                "inputs.\(name).path_on_compute: not sent (the SDK leaves it out of job inputs)", at: onCompute.node)
        }
        let reference: AssetReference
        do {
            reference = try AssetReference(path, role: .input(type))
        } catch {
            report(error, at: path.node)
            return nil
        }
        let uri: TemplateString
        switch reference.target {
        case .local(let local):
            if !local.written.hasPrefix("/"), local.written.contains("@") || local.written.contains(":") {
                error(
                    "inputs.\(name).path: the SDK reads a path with `:` or `@` as an asset reference; rename "
                        + "\(local.display) or give its absolute path", at: path.node)
                return nil
            }
            let datastore = asset.datastore?.value ?? TranslationOptions.defaultDatastore
            guard let upload = datastoreUpload(local, datastore: datastore, node: path.node),
                let base = upload.datastoreURI
            else { return nil }
            bindings.preparations.append(.upload(upload))
            uri = TemplateString(stringLiteral: type == .uriFolder ? base + "/" : base)
        case .label(let kind, let assetName, _):
            let workspaceReference = WorkspaceReference(target: .asset(reference), source: SourceLocation(path.node))
            bindings.preparations.append(.lookup(workspaceReference))
            bindings.references.append(workspaceReference)
            uri = TemplateString([
                .text(kind.containerID(name: assetName, in: workspace) + "/versions/"),
                .placeholder(.latestVersion(kind: kind, name: assetName)),
            ])
        case .version, .armID, .jobOutput:
            // A job output names the job that produces it: a plan orders or checks it like any other reference.
            bindings.references.append(
                WorkspaceReference(target: .asset(reference), source: SourceLocation(path.node)))
            uri = TemplateString(stringLiteral: reference.wireValue(in: workspace) ?? reference.written)
        default:
            uri = TemplateString(stringLiteral: reference.wireValue(in: workspace) ?? reference.written)
        }
        return JobInput(
            jobInputType: type.rawValue, uri: builder.string(uri), mode: asset.mode?.value.restValue)
    }

    /// Translates `outputs`; a null output is `{"jobOutputType": "uri_folder"}`.
    func outputs(_ list: KeyedList<Located<OutputSpec>>) -> [String: JobOutput] {
        var result: [String: JobOutput] = [:]
        for entry in list {
            let spec = entry.value.value
            result[entry.key.value] = JobOutput(
                jobOutputType: spec.effectiveType.rawValue, uri: spec.path?.value,
                mode: spec.mode?.value.restValue, assetName: spec.name?.value,
                assetVersion: spec.version?.value)
        }
        return result
    }
}
