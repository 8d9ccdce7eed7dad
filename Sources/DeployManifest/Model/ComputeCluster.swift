public import DeployYAML

/// An amlcompute cluster manifest (`amlCompute.schema.json`, `type: amlcompute`).
public struct ComputeCluster: Sendable {
    /// `ssh_settings`.
    public struct SSHSettings: Sendable {
        /// `admin_username`.
        public var adminUsername: Located<String>?
        /// `admin_password`.
        public var adminPassword: Located<String>?
        /// `ssh_key_value`.
        public var sshKeyValue: Located<String>?

        /// SSH settings.
        public init(
            adminUsername: Located<String>? = nil, adminPassword: Located<String>? = nil,
            sshKeyValue: Located<String>? = nil
        ) {
            self.adminUsername = adminUsername
            self.adminPassword = adminPassword
            self.sshKeyValue = sshKeyValue
        }
    }

    /// `network_settings`.
    public struct NetworkSettings: Sendable {
        /// `vnet_name`.
        public var vnetName: Located<String>?
        /// `subnet`.
        public var subnet: Located<String>?

        /// Network settings.
        public init(vnetName: Located<String>? = nil, subnet: Located<String>? = nil) {
            self.vnetName = vnetName
            self.subnet = subnet
        }
    }

    /// `identity` of the cluster.
    public struct Identity: Sendable {
        /// `type`: `system_assigned`, `user_assigned`, `none`, or `system_assigned,user_assigned`.
        public var type: Located<String>?
        /// `user_assigned_identities[].resource_id`.
        public var userAssignedIdentities: [Located<String>]

        /// An identity.
        public init(type: Located<String>? = nil, userAssignedIdentities: [Located<String>] = []) {
            self.type = type
            self.userAssignedIdentities = userAssignedIdentities
        }
    }

    /// `name` (required).
    public var name: Located<String>
    /// `size`: the VM size, such as `STANDARD_DS3_V2`.
    public var size: Located<String>?
    /// `tier`.
    public var tier: Located<ComputeTier>?
    /// `min_instances`.
    public var minInstances: Located<Int>?
    /// `max_instances`.
    public var maxInstances: Located<Int>?
    /// `idle_time_before_scale_down` in seconds.
    public var idleTimeBeforeScaleDown: Located<Int>?
    /// `location`.
    public var location: Located<String>?
    /// `description`.
    public var description: Located<String>?
    /// `tags`.
    public var tags: KeyedList<Located<ResolvedScalar>>
    /// `resource_id`.
    public var resourceID: Located<String>?
    /// `ssh_public_access_enabled`.
    public var sshPublicAccessEnabled: Located<Bool>?
    /// `ssh_settings`.
    public var sshSettings: Located<SSHSettings>?
    /// `network_settings`.
    public var networkSettings: Located<NetworkSettings>?
    /// `identity`.
    public var identity: Located<Identity>?
    /// `enable_node_public_ip`.
    public var enableNodePublicIP: Located<Bool>?
    /// The whole document.
    public var node: Node

    /// A cluster with its name; every other field is set afterwards.
    public init(name: Located<String>, node: Node) {
        self.name = name
        self.tags = KeyedList()
        self.node = node
    }
}
