public import DeployYAML

/// One entry of a job's `services`.
public struct ServiceSpec: Sendable {
    /// `type`.
    public var type: Located<ServiceType>?
    /// `port`.
    public var port: Located<Int>?
    /// `nodes`, such as `all`.
    public var nodes: Located<String>?
    /// `properties`: any values, as written.
    public var properties: KeyedList<Node>?
    /// `ssh_public_keys` (ssh only).
    public var sshPublicKeys: Located<String>?
    /// `log_dir` (tensor_board only).
    public var logDir: Located<String>?

    /// A service with every field given.
    public init(
        type: Located<ServiceType>? = nil, port: Located<Int>? = nil, nodes: Located<String>? = nil,
        properties: KeyedList<Node>? = nil, sshPublicKeys: Located<String>? = nil, logDir: Located<String>? = nil
    ) {
        self.type = type
        self.port = port
        self.nodes = nodes
        self.properties = properties
        self.sshPublicKeys = sshPublicKeys
        self.logDir = logDir
    }
}
