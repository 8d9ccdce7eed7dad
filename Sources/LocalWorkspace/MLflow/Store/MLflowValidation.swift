/// The limits and name rules MLflow's server applies to what clients log, so a script that works against a real
/// tracking server works here and one that would fail there fails here with the same kind of error.
enum MLflowValidation {
    static let maxKeyLength = 250
    static let maxParamValueLength = 6_000
    static let maxTagValueLength = 8_000
    static let maxExperimentNameLength = 500
    static let maxMetricsPerBatch = 1_000
    static let maxParamsOrTagsPerBatch = 100
    static let maxEntitiesPerBatch = 1_000

    /// A run id as MLflow accepts it: `^[a-zA-Z0-9][\w\-]{0,255}$` (ASCII word characters).
    static func runID(_ id: String) throws(MLflowError) {
        let bytes = Array(id.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        }
        guard let first = bytes.first, isAlphanumeric(first), bytes.count <= 256,
            bytes.dropFirst().allSatisfy({ isAlphanumeric($0) || $0 == 95 || $0 == 45 })
        else {
            throw .invalid(
                "Invalid value '\(id)' for parameter 'run_id': a run id starts with a letter or digit, followed by "
                    + "at most 255 letters, digits, underscores or dashes.")
        }
    }

    /// A metric, param or tag key: letters, digits, `_`, `-`, `.`, space, `:` and `/`, at most 250 characters, and
    /// usable as a relative file path (no empty, `.` or `..` segments, no leading or trailing `/`).
    static func key(_ key: String, kind: String) throws(MLflowError) {
        guard !key.isEmpty else { throw .missing("key") }
        let allowedPunctuation: Set<Character> = ["_", "-", ".", " ", ":", "/"]
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || allowedPunctuation.contains($0) }) else {
            throw .invalid(
                "Invalid \(kind) name: '\(key)'. Names may only contain alphanumerics, underscores (_), dashes (-), "
                    + "periods (.), spaces ( ), colon(:) and slashes (/).")
        }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !key.hasPrefix(".."), segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw .invalid(
                "Invalid \(kind) name: '\(key)'. Names may be treated as files in certain cases, and must not "
                    + "resolve to other names when treated as such.")
        }
        guard key.count <= maxKeyLength else {
            throw .invalid("The \(kind) name '\(key)' is longer than \(maxKeyLength) characters.")
        }
    }

    /// A param: its key, and a value of at most 6000 characters.
    static func param(key: String, value: String) throws(MLflowError) {
        try self.key(key, kind: "parameter")
        guard value.count <= maxParamValueLength else {
            throw .invalid("The value of the parameter '\(key)' is longer than \(maxParamValueLength) characters.")
        }
    }

    /// A tag: its key, and a value of at most 8000 characters.
    static func tag(key: String, value: String) throws(MLflowError) {
        try self.key(key, kind: "tag")
        guard value.count <= maxTagValueLength else {
            throw .invalid("The value of the tag '\(key)' is longer than \(maxTagValueLength) characters.")
        }
    }

    /// An experiment name: not empty, at most 500 characters.
    static func experimentName(_ name: String) throws(MLflowError) {
        guard !name.isEmpty else { throw .missing("name") }
        guard name.count <= maxExperimentNameLength else {
            throw .invalid("The experiment name is longer than \(maxExperimentNameLength) characters.")
        }
    }

    /// The sizes of a `runs/log-batch`.
    static func batch(metrics: Int, params: Int, tags: Int) throws(MLflowError) {
        func check(_ name: String, _ count: Int, _ limit: Int) throws(MLflowError) {
            guard count <= limit else {
                throw .invalid(
                    "A batch logging request can contain at most \(limit) \(name), got \(count). Log them in "
                        + "several batches.")
            }
        }
        try check("metrics", metrics, maxMetricsPerBatch)
        try check("params", params, maxParamsOrTagsPerBatch)
        try check("tags", tags, maxParamsOrTagsPerBatch)
        try check("metrics, params, and tags", metrics + params + tags, maxEntitiesPerBatch)
    }
}
