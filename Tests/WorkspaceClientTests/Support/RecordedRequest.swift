import AzureML

/// A request as the test server received it.
struct RecordedRequest: Sendable {
    var method: String
    /// Path and query, as sent.
    var uri: String
    var headers: [Header]
    var body: [UInt8]

    var path: String { String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
    var query: String {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]) : ""
    }
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers.value(name) }

    /// The decoded value of a query parameter or form field.
    func parameter(_ name: String, inBody: Bool = false) -> String? {
        for item in (inBody ? text : query).split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if PercentEncoding.decode(String(pair[0]), plusIsSpace: true) == name {
                return pair.count > 1 ? PercentEncoding.decode(String(pair[1]), plusIsSpace: true) : ""
            }
        }
        return nil
    }
}
