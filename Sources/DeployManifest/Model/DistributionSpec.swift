/// A job's `distribution`, by its `type`.
public enum DistributionSpec: Sendable {
    /// `{type: pytorch, process_count_per_instance}`.
    case pytorch(processCountPerInstance: Located<Int>?)
    /// `{type: mpi, process_count_per_instance}`.
    case mpi(processCountPerInstance: Located<Int>?)
    /// `{type: tensorflow, worker_count, parameter_server_count}`.
    case tensorflow(workerCount: Located<Int>?, parameterServerCount: Located<Int>?)
    /// `{type: ray, ...}` (experimental in the SDK).
    case ray(RayDistribution)

    /// The `type` spelling: `pytorch`, `mpi`, `tensorflow`, `ray`.
    public var typeName: String {
        switch self {
        case .pytorch: return "pytorch"
        case .mpi: return "mpi"
        case .tensorflow: return "tensorflow"
        case .ray: return "ray"
        }
    }
}
