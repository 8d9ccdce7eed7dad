import AzureML

/// The job list filters: `jobType` (`Command`, `Sweep`), `tag` (a key, or `key=value`), `properties` (a
/// comma-separated list of keys or `key=value` pairs, all required) and `parentJobName`.
struct JobFilter: Sendable {
    var jobType: String?
    var tag: (key: String, value: String?)?
    var properties: [(key: String, value: String?)]
    var parentJobName: String?

    init(_ query: QueryParameters) throws(ARMError) {
        if let type = query.value(caseInsensitive: "jobType") {
            guard let known = JobProperties.jobTypes.first(where: { $0.lowercased() == type.lowercased() }) else {
                throw .userError(
                    "jobType '\(type)' is not one of \(JobProperties.jobTypes.map { "'\($0)'" }.joined(separator: ", ")).",
                    target: "jobType")
            }
            jobType = known
        }
        tag = query.value(caseInsensitive: "tag").map(Self.pair)
        properties = (query.value(caseInsensitive: "properties") ?? "").split(separator: ",").map {
            Self.pair(String($0))
        }
        parentJobName = query.value(caseInsensitive: "parentJobName")
    }

    private static func pair(_ text: String) -> (key: String, value: String?) {
        guard let equals = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    func matches(_ properties: JSONObject) -> Bool {
        if let jobType, properties["jobType"]?.stringValue?.lowercased() != jobType.lowercased() { return false }
        if let tag, !Self.contains(properties["tags"], tag) { return false }
        for pair in self.properties where !Self.contains(properties["properties"], pair) { return false }
        if let parentJobName, properties["parentJobName"]?.stringValue != parentJobName { return false }
        return true
    }

    private static func contains(_ map: JSONValue?, _ pair: (key: String, value: String?)) -> Bool {
        guard let value = map?[pair.key], !value.isNull else { return false }
        return pair.value == nil || value.stringValue == pair.value
    }
}
