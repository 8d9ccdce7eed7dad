/// An environment's `build`: a Docker build context folder (or URL) and the Dockerfile within it.
public struct BuildContextSpec: Sendable {
    /// `path`: a local folder or an http(s) URL.
    public var path: Located<PathReference>
    /// `dockerfile_path`, relative to the context; the service defaults it to `Dockerfile`.
    public var dockerfilePath: Located<String>?

    /// A build context.
    public init(path: Located<PathReference>, dockerfilePath: Located<String>?) {
        self.path = path
        self.dockerfilePath = dockerfilePath
    }
}
