/// The settings of a `type: ray` distribution.
public struct RayDistribution: Sendable {
    /// `port`.
    public var port: Located<Int>?
    /// `address`.
    public var address: Located<String>?
    /// `include_dashboard`.
    public var includeDashboard: Located<Bool>?
    /// `dashboard_port`.
    public var dashboardPort: Located<Int>?
    /// `head_node_additional_args`.
    public var headNodeAdditionalArgs: Located<String>?
    /// `worker_node_additional_args`.
    public var workerNodeAdditionalArgs: Located<String>?

    /// Ray settings with every field given.
    public init(
        port: Located<Int>? = nil, address: Located<String>? = nil, includeDashboard: Located<Bool>? = nil,
        dashboardPort: Located<Int>? = nil, headNodeAdditionalArgs: Located<String>? = nil,
        workerNodeAdditionalArgs: Located<String>? = nil
    ) {
        self.port = port
        self.address = address
        self.includeDashboard = includeDashboard
        self.dashboardPort = dashboardPort
        self.headNodeAdditionalArgs = headNodeAdditionalArgs
        self.workerNodeAdditionalArgs = workerNodeAdditionalArgs
    }
}
