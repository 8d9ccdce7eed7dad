/// A data or model input: `{type: uri_file, path: data/iris.csv, mode: download}`.
public struct AssetInput: Sendable {
    /// `type` as written; `nil` means the SDK's default, `uri_folder`.
    public var type: Located<AssetType>?
    /// `path`: a local file or folder (checked to exist), or a reference or URI.
    public var path: Located<PathReference>?
    /// `mode`.
    public var mode: Located<InputMode>?
    /// `datastore`: where a local path is uploaded.
    public var datastore: Located<String>?
    /// `path_on_compute`.
    public var pathOnCompute: Located<String>?

    /// An input with every field given.
    public init(
        type: Located<AssetType>?, path: Located<PathReference>?, mode: Located<InputMode>?,
        datastore: Located<String>?, pathOnCompute: Located<String>?
    ) {
        self.type = type
        self.path = path
        self.mode = mode
        self.datastore = datastore
        self.pathOnCompute = pathOnCompute
    }

    /// The type the SDK uses: the one written, else `uri_folder`.
    public var effectiveType: AssetType { type?.value ?? .uriFolder }
}
