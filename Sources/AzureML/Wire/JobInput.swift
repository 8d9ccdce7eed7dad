/// A job input: a literal value or a URI of one of the asset types (§2.5).
public struct JobInput: Sendable, Hashable {
    /// The allowed `jobInputType` values.
    public static let types = [
        "literal", "uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model",
        "triton_model",
    ]
    /// The allowed `mode` values.
    public static let modes = ["ReadOnlyMount", "ReadWriteMount", "Download", "Direct", "EvalMount", "EvalDownload"]

    /// `literal`, `uri_file`, `uri_folder`, `mltable`, `custom_model`, `mlflow_model` or `triton_model`.
    public var jobInputType: String
    /// For literals: the value as text (Python's `str()` of the YAML value).
    public var value: String?
    /// For asset inputs: an ARM id, `azureml://...` URI or http(s) URL.
    public var uri: String?
    /// How the input reaches the job.
    public var mode: String?
    /// Free text.
    public var description: String?
    /// Where the input is placed on the compute.
    public var pathOnCompute: String?

    /// A literal input.
    public static func literal(_ value: String) -> JobInput {
        JobInput(jobInputType: "literal", value: value)
    }

    /// An input.
    public init(
        jobInputType: String, value: String? = nil, uri: String? = nil, mode: String? = nil,
        description: String? = nil, pathOnCompute: String? = nil
    ) {
        self.jobInputType = jobInputType
        self.value = value
        self.uri = uri
        self.mode = mode
        self.description = description
        self.pathOnCompute = pathOnCompute
    }

    /// Reads and validates an input.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("jobInputType", Self.types) else { throw reader.missing("jobInputType") }
        jobInputType = type.lowercased()
        value = try reader.string("value")
        uri = try reader.string("uri")
        mode = try reader.enumString("mode", Self.modes)
        description = try reader.string("description")
        pathOnCompute = try reader.string("pathOnCompute")
        if jobInputType == "literal" {
            guard value != nil else { throw reader.missing("value") }
        } else {
            guard uri != nil else { throw reader.missing("uri") }
        }
    }

    /// The input as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("description", description)
        writer.set("uri", uri)
        writer.set("value", value)
        writer.set("mode", mode)
        writer.set("pathOnCompute", pathOnCompute)
        writer.set("jobInputType", jobInputType)
        return writer.json
    }
}

/// A job output: a type and optionally where it goes and which asset it registers (§2.5).
public struct JobOutput: Sendable, Hashable {
    /// The allowed `jobOutputType` values.
    public static let types = ["uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model", "triton_model"]
    /// The allowed `mode` values.
    public static let modes = ["ReadWriteMount", "Upload", "Direct"]

    /// One of `types`.
    public var jobOutputType: String
    /// Where the output is written; the service picks a path when `nil`.
    public var uri: String?
    /// How the output leaves the job.
    public var mode: String?
    /// The asset the output registers.
    public var assetName: String?
    /// Its version (a raw wire key the SDK adds).
    public var assetVersion: String?
    /// Free text.
    public var description: String?
    /// Where the output is placed on the compute.
    public var pathOnCompute: String?

    /// An output.
    public init(
        jobOutputType: String, uri: String? = nil, mode: String? = nil, assetName: String? = nil,
        assetVersion: String? = nil, description: String? = nil, pathOnCompute: String? = nil
    ) {
        self.jobOutputType = jobOutputType
        self.uri = uri
        self.mode = mode
        self.assetName = assetName
        self.assetVersion = assetVersion
        self.description = description
        self.pathOnCompute = pathOnCompute
    }

    /// Reads and validates an output.
    public init(json: JSONValue, path: String) throws(AzureMLError) {
        let reader = try WireReader(json, path: path)
        guard let type = try reader.enumString("jobOutputType", Self.types) else {
            throw reader.missing("jobOutputType")
        }
        jobOutputType = type.lowercased()
        uri = try reader.string("uri")
        mode = try reader.enumString("mode", Self.modes)
        assetName = try reader.string("assetName")
        assetVersion = try reader.string("assetVersion")
        description = try reader.string("description")
        pathOnCompute = try reader.string("pathOnCompute")
    }

    /// The output as JSON, in the SDK's member order.
    public var json: JSONValue {
        var writer = WireWriter()
        writer.set("assetName", assetName)
        writer.set("assetVersion", assetVersion)
        writer.set("uri", uri)
        writer.set("mode", mode)
        writer.set("description", description)
        writer.set("pathOnCompute", pathOnCompute)
        writer.set("jobOutputType", jobOutputType)
        return writer.json
    }
}
