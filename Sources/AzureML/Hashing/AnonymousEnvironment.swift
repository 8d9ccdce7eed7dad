import Crypto

/// The name and version azure-ai-ml 1.35.2 gives an environment written inline in a job
/// (`Environment._generate_anonymous_name_version`): the same content always gives the same version, so repeated
/// PUTs are idempotent.
public enum AnonymousEnvironment {
    /// The name of every anonymous environment.
    public static let name = "CliV2AnonymousEnvironment"

    /// The version of an image-based environment. `inferenceConfig` is the `yaml.dump(..., sort_keys=True)` text of
    /// the inference config and `condaFile` the conda file as sent in `condaFile` (re-dumped with sorted keys); pass
    /// `nil` for ones the environment does not have (an empty text counts as absent, as an empty value does in the
    /// SDK).
    ///
    /// `h = sha(image)`, then `h = h.join(sha(inferenceConfig))` and `h = h.join(sha(condaFile))`, version `sha(h)`:
    /// Python's `str.join` puts `h` between every character of its argument, and that is what the service expects.
    public static func version(image: String, inferenceConfig: String? = nil, condaFile: String? = nil) -> String {
        var text = SHA256.hexDigest(of: image)
        if let inferenceConfig, !inferenceConfig.isEmpty {
            text = PythonText.join(text, SHA256.hexDigest(of: inferenceConfig))
        }
        if let condaFile, !condaFile.isEmpty {
            text = PythonText.join(text, SHA256.hexDigest(of: condaFile))
        }
        return SHA256.hexDigest(of: text)
    }

    /// The version of a build-context environment from the context folder's object hash (`ObjectHash`):
    /// `sha(sha(objectHash))`, or `sha(sha(objectHash).join(sha(dockerfilePath)))` with a Dockerfile path.
    public static func version(buildContextHash: String, dockerfilePath: String? = nil) -> String {
        var text = SHA256.hexDigest(of: buildContextHash)
        if let dockerfilePath, !dockerfilePath.isEmpty {
            text = PythonText.join(text, SHA256.hexDigest(of: dockerfilePath))
        }
        return SHA256.hexDigest(of: text)
    }

    /// The version of a build-context environment whose context is the local folder `buildContext`.
    public static func version(buildContext: String, dockerfilePath: String? = nil) throws(AzureMLError) -> String {
        version(buildContextHash: try ObjectHash.of(path: buildContext), dockerfilePath: dockerfilePath)
    }
}
