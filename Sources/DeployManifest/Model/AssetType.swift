/// The type of a job input or output, or of a data asset (`uri_file`, `uri_folder`, `mltable`, models).
public enum AssetType: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `uri_file`: one file.
    case uriFile = "uri_file"
    /// `uri_folder`: a folder; the SDK's default.
    case uriFolder = "uri_folder"
    /// `mltable`: a folder with an `MLTable` file.
    case mltable
    /// `custom_model`.
    case customModel = "custom_model"
    /// `mlflow_model`.
    case mlflowModel = "mlflow_model"
    /// `triton_model`.
    case tritonModel = "triton_model"

    /// The three kinds a data asset can have.
    public static let dataTypes: [AssetType] = [.uriFile, .uriFolder, .mltable]

    /// Whether this is one of the three model types.
    public var isModel: Bool { self == .customModel || self == .mlflowModel || self == .tritonModel }

    /// The input modes the SDK's schema accepts for an input of this type.
    public var allowedInputModes: [InputMode] {
        self == .mltable ? InputMode.allCases : [.roMount, .download, .direct]
    }
}
