/// One entry of a job's `outputs`. A null output (`model:` with nothing after it) has every field `nil`.
public struct OutputSpec: Sendable {
    /// `type` as written; `nil` means `uri_folder`.
    public var type: Located<AssetType>?
    /// `path`: where the output goes (an `azureml://datastores/...` URI, say).
    public var path: Located<String>?
    /// `mode`.
    public var mode: Located<OutputMode>?
    /// `name`: the data or model asset to register the output as.
    public var name: Located<String>?
    /// `version` of that asset, as a string.
    public var version: Located<String>?

    /// An output with every field given.
    public init(
        type: Located<AssetType>? = nil, path: Located<String>? = nil, mode: Located<OutputMode>? = nil,
        name: Located<String>? = nil, version: Located<String>? = nil
    ) {
        self.type = type
        self.path = path
        self.mode = mode
        self.name = name
        self.version = version
    }

    /// The type the SDK uses: the one written, else `uri_folder`.
    public var effectiveType: AssetType { type?.value ?? .uriFolder }
}
