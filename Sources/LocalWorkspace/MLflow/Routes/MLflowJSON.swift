import AzureML

/// The JSON MLflow's server answers, built from stored records. As the real server does (proto3 JSON), empty
/// lists and unset optional fields are left out; int64 fields are JSON numbers; non-finite doubles are the strings
/// `"NaN"`, `"Infinity"` and `"-Infinity"`.
enum MLflowJSON {
    /// A double as proto3 JSON writes it.
    static func number(_ value: Double) -> JSONValue {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return .double(value)
    }

    /// `[{"key", "value"}]`.
    static func keyValues(_ pairs: [(String, String)]) -> JSONValue {
        .array(pairs.map { ["key": .string($0.0), "value": .string($0.1)] })
    }

    /// A metric point; `withModel` adds the logged model it belongs to (as `get-history` reports it).
    static func metric(_ record: MLflowMetricRecord, withModel: Bool = false) -> JSONValue {
        var object: JSONObject = [
            "key": .string(record.key), "value": number(record.isNaN ? .nan : record.value),
            "timestamp": .int(Int(record.timestamp)), "step": .int(Int(record.step)),
        ]
        if withModel {
            if let modelID = record.modelID { object["model_id"] = .string(modelID) }
            if let name = record.datasetName { object["dataset_name"] = .string(name) }
            if let digest = record.datasetDigest { object["dataset_digest"] = .string(digest) }
            object["run_id"] = .string(record.runID)
        }
        return .object(object)
    }

    /// `run.info` (also `run_info` of `runs/update`).
    static func runInfo(_ record: MLflowRunRecord) -> JSONValue {
        var object: JSONObject = [
            "run_id": .string(record.id), "run_uuid": .string(record.id), "run_name": .string(record.name),
            "experiment_id": .string(String(record.experimentID)), "user_id": .string(record.userID),
            "status": .string(record.status), "start_time": .int(Int(record.startTime)),
        ]
        if let end = record.endTime { object["end_time"] = .int(Int(end)) }
        object["artifact_uri"] = .string(record.artifactURI)
        object["lifecycle_stage"] = .string(record.lifecycleStage)
        return .object(object)
    }

    /// `{"run": {"info", "data", "inputs", "outputs"}}`'s inner object.
    static func run(_ details: MLflowRunDetails) -> JSONValue {
        var data = JSONObject()
        if !details.latestMetrics.isEmpty { data["metrics"] = .array(details.latestMetrics.map { metric($0) }) }
        if !details.params.isEmpty { data["params"] = keyValues(details.params.map { ($0.key, $0.value) }) }
        if !details.tags.isEmpty { data["tags"] = keyValues(details.tags.map { ($0.key, $0.value) }) }
        var inputs = JSONObject()
        let datasets = details.inputs.filter { $0.kind == "dataset" }.compactMap { try? JSONValue(parsing: $0.body) }
        let models = details.inputs.filter { $0.kind == "model" }.compactMap { try? JSONValue(parsing: $0.body) }
        if !datasets.isEmpty { inputs["dataset_inputs"] = .array(datasets) }
        if !models.isEmpty { inputs["model_inputs"] = .array(models) }
        var outputs = JSONObject()
        if !details.outputs.isEmpty {
            outputs["model_outputs"] = .array(
                details.outputs.map { ["model_id": .string($0.modelID), "step": .int(Int($0.step))] })
        }
        return [
            "info": runInfo(details.record), "data": .object(data), "inputs": .object(inputs),
            "outputs": .object(outputs),
        ]
    }

    /// An experiment.
    static func experiment(_ record: MLflowExperimentRecord, tags: [MLflowExperimentTagRecord]) -> JSONValue {
        var object: JSONObject = [
            "experiment_id": .string(String(record.id)), "name": .string(record.name),
            "artifact_location": .string(record.artifactLocation), "lifecycle_stage": .string(record.lifecycleStage),
            "creation_time": .int(Int(record.creationTime)), "last_update_time": .int(Int(record.lastUpdateTime)),
        ]
        if !tags.isEmpty { object["tags"] = keyValues(tags.map { ($0.key, $0.value) }) }
        return .object(object)
    }

    /// A logged model, `{"info", "data"}`.
    static func loggedModel(_ details: MLflowLoggedModelDetails) -> JSONValue {
        let record = details.record
        var info: JSONObject = [
            "model_id": .string(record.id), "experiment_id": .string(String(record.experimentID)),
            "name": .string(record.name), "creation_timestamp_ms": .int(Int(record.creationTime)),
            "last_updated_timestamp_ms": .int(Int(record.lastUpdatedTime)),
            "artifact_uri": .string(record.artifactURI), "status": .string(record.status),
            "model_type": .string(record.modelType),
        ]
        if let run = record.sourceRunID { info["source_run_id"] = .string(run) }
        if !details.tags.isEmpty { info["tags"] = keyValues(details.tags.map { ($0.key, $0.value) }) }
        var data = JSONObject()
        if !details.params.isEmpty { data["params"] = keyValues(details.params.map { ($0.key, $0.value) }) }
        if !details.metrics.isEmpty {
            data["metrics"] = .array(details.metrics.map { metric($0, withModel: true) })
        }
        return ["info": .object(info), "data": .object(data)]
    }
}
