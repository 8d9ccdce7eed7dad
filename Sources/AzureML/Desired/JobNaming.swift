import Crypto

/// How a job without `name` is named: a slug of its experiment or file name, a dash, and the first 10 hex digits of
/// the SHA-256 of its resolved request body in canonical JSON. The same manifest against the same workspace state
/// gets the same name (submit-once), and any change to what would be sent gets a new one.
///
/// Two parts of the body are left out of the hash: `displayName` when it defaults to the name (it would depend on
/// itself), and provenance properties (git commit, branch, dirty flag), so that a new commit alone does not
/// resubmit an unchanged job.
public struct JobNaming: Sendable, Hashable {
    /// The readable part of the name.
    public var slug: String
    /// Whether `displayName` is the job name (the manifest has no `display_name`).
    public var displayNameIsName: Bool
    /// `properties` keys left out of the hash.
    public var excludedProperties: [String]

    /// A naming rule.
    public init(slug: String, displayNameIsName: Bool, excludedProperties: [String]) {
        self.slug = slug
        self.displayNameIsName = displayNameIsName
        self.excludedProperties = excludedProperties
    }

    /// The name for a resolved body (without `displayName` when it is the name).
    public func name(for body: JSONValue) -> String {
        var hashed = body
        if case .object(var root) = hashed, case .object(var properties)? = root["properties"] {
            if case .object(var bag)? = properties["properties"] {
                for key in excludedProperties { bag[key] = nil }
                properties["properties"] = .object(bag)
            }
            if displayNameIsName { properties["displayName"] = nil }
            root["properties"] = .object(properties)
            hashed = .object(root)
        }
        return slug + "-" + SHA256.hexDigest(of: hashed.serialized(.canonical)).prefix(10)
    }

    /// A job-name slug of `text`: lower case letters and digits, other runs of characters as one `-`, at most 60
    /// characters, `job` when nothing is left. Job names must match `^[a-zA-Z0-9][a-zA-Z0-9_-]{0,254}$`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        if result.count > 60 {
            result = String(result.prefix(60))
            while result.hasSuffix("-") { result.removeLast() }
        }
        return result.isEmpty ? "job" : result
    }
}
