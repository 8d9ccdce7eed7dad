public import DeployYAML

/// A job's `resources`.
public struct ResourceSpec: Sendable {
    /// `docker_args`: one string or a list of strings.
    public enum DockerArgs: Sendable {
        /// `docker_args: "--ipc=host"`.
        case string(String)
        /// `docker_args: ["--ipc=host", "--privileged"]`.
        case list([Located<String>])
    }

    /// `instance_count`.
    public var instanceCount: Located<Int>?
    /// `instance_type`.
    public var instanceType: Located<String>?
    /// `properties`: any values, as written.
    public var properties: KeyedList<Node>?
    /// `locations`.
    public var locations: Located<[Located<String>]>?
    /// `shm_size`, such as `8g`.
    public var shmSize: Located<String>?
    /// `max_instance_count`.
    public var maxInstanceCount: Located<Int>?
    /// `docker_args`.
    public var dockerArgs: Located<DockerArgs>?

    /// Resources with every field given.
    public init(
        instanceCount: Located<Int>? = nil, instanceType: Located<String>? = nil, properties: KeyedList<Node>? = nil,
        locations: Located<[Located<String>]>? = nil, shmSize: Located<String>? = nil,
        maxInstanceCount: Located<Int>? = nil, dockerArgs: Located<DockerArgs>? = nil
    ) {
        self.instanceCount = instanceCount
        self.instanceType = instanceType
        self.properties = properties
        self.locations = locations
        self.shmSize = shmSize
        self.maxInstanceCount = maxInstanceCount
        self.dockerArgs = dockerArgs
    }
}
