/// How a job input reaches the compute (`mode:` of an input).
public enum InputMode: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `ro_mount` → `ReadOnlyMount`.
    case roMount = "ro_mount"
    /// `download` → `Download`.
    case download
    /// `direct` → `Direct`.
    case direct
    /// `eval_mount` → `EvalMount` (mltable only).
    case evalMount = "eval_mount"
    /// `eval_download` → `EvalDownload` (mltable only).
    case evalDownload = "eval_download"

    /// The REST spelling (`ReadOnlyMount`, `Download`, `Direct`, `EvalMount`, `EvalDownload`).
    public var restValue: String {
        switch self {
        case .roMount: return "ReadOnlyMount"
        case .download: return "Download"
        case .direct: return "Direct"
        case .evalMount: return "EvalMount"
        case .evalDownload: return "EvalDownload"
        }
    }
}
