/// The ten search-space distributions, by the `type:` that names them.
public enum DistributionKind: String, Sendable, Hashable, CaseIterable, ManifestEnum {
    /// `choice`.
    case choice
    /// `uniform`.
    case uniform
    /// `loguniform` (bounds are exponents).
    case logUniform = "loguniform"
    /// `quniform`.
    case qUniform = "quniform"
    /// `qloguniform`.
    case qLogUniform = "qloguniform"
    /// `normal`.
    case normal
    /// `lognormal`.
    case logNormal = "lognormal"
    /// `qnormal`.
    case qNormal = "qnormal"
    /// `qlognormal`.
    case qLogNormal = "qlognormal"
    /// `randint`.
    case randint
}
