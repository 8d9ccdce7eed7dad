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
}
