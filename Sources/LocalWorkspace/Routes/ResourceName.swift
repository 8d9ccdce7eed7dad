/// The names the workspace accepts in URLs for assets, versions, jobs and computes: a letter or digit, then
/// letters, digits, `-`, `_` and `.`, at most 255 characters (Azure ML's asset-name rule; job names are stricter
/// in Azure, this is the common superset).
enum ResourceName {
    static func validate(_ name: String, what: String) throws(ARMError) {
        let bytes = Array(name.utf8)
        func allowed(_ byte: UInt8) -> Bool {
            (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
        }
        guard let first = bytes.first, allowed(first), bytes.count <= 255,
            bytes.allSatisfy({ allowed($0) || $0 == 45 || $0 == 95 || $0 == 46 })
        else {
            throw .userError(
                "The \(what) '\(name)' is invalid: it must start with a letter or digit and contain only letters, "
                    + "digits, '-', '_' and '.' (at most 255 characters).",
                target: what)
        }
    }
}
