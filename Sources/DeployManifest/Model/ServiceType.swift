/// The interactive services a job can ask for (`services.<name>.type`).
public enum ServiceType: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `jupyter_lab` → `JupyterLab`.
    case jupyterLab = "jupyter_lab"
    /// `ssh` → `SSH`.
    case ssh
    /// `tensor_board` → `TensorBoard`.
    case tensorBoard = "tensor_board"
    /// `vs_code` → `VSCode`.
    case vsCode = "vs_code"

    /// The REST `jobServiceType` (`JupyterLab`, `SSH`, `TensorBoard`, `VSCode`).
    public var restValue: String {
        switch self {
        case .jupyterLab: return "JupyterLab"
        case .ssh: return "SSH"
        case .tensorBoard: return "TensorBoard"
        case .vsCode: return "VSCode"
        }
    }
}
