import AzureML

/// The paging, ordering and archive filter of a list request (`$top`, `$skip`, `$orderBy`, `listViewType`), and
/// how a page and its `nextLink` are cut from the full, filtered list.
///
/// `$top` is the page size (default 100) and `$skip` the offset; `nextLink` repeats the request with the next
/// `$skip`. Lists are ordered newest first (`createdtime desc`, as the SDK asks for "latest") unless
/// `$orderBy=createdtime asc` is given; other orderings are rejected with 400 (the service's exact set is
/// unverified).
struct ListQuery: Sendable, Hashable {
    /// `ActiveOnly` (the default), `ArchivedOnly` or `All`.
    enum ViewType: String, Sendable, CaseIterable {
        case activeOnly = "ActiveOnly"
        case archivedOnly = "ArchivedOnly"
        case all = "All"

        func includes(isArchived: Bool) -> Bool {
            switch self {
            case .activeOnly: !isArchived
            case .archivedOnly: isArchived
            case .all: true
            }
        }
    }

    static let defaultPageSize = 100

    var top: Int
    var skip: Int
    var newestFirst: Bool
    var viewType: ViewType

    /// Reads the parameters, rejecting malformed values with 400 `UserError` naming the parameter.
    init(_ query: QueryParameters) throws(ARMError) {
        top = Self.defaultPageSize
        if let text = query.value(caseInsensitive: "$top") {
            guard let value = Int(text), value > 0 else {
                throw .userError("$top must be a positive integer, found '\(text)'.", target: "$top")
            }
            top = value
        }
        skip = 0
        if let text = query.value(caseInsensitive: "$skip") {
            guard let value = Int(text), value >= 0 else {
                throw .userError("$skip must be a non-negative integer, found '\(text)'.", target: "$skip")
            }
            skip = value
        }
        newestFirst = true
        if let text = query.value(caseInsensitive: "$orderBy") {
            let words = text.lowercased().split(separator: " ")
            guard let field = words.first, field == "createdtime", words.count <= 2,
                words.count == 1 || words[1] == "asc" || words[1] == "desc"
            else {
                throw .userError(
                    "$orderBy '\(text)' is not supported; use 'createdtime desc' or 'createdtime asc'.",
                    target: "$orderBy")
            }
            newestFirst = words.count == 2 && words[1] == "desc"
        }
        viewType = .activeOnly
        if let text = query.value(caseInsensitive: "listViewType") {
            guard let value = ViewType.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
                throw .userError(
                    "listViewType '\(text)' is not one of 'ActiveOnly', 'ArchivedOnly', 'All'.",
                    target: "listViewType")
            }
            viewType = value
        }
    }

    /// The page of `items` (given oldest first) and the `nextLink` to the rest, if any.
    func page<T>(_ items: [T], url: String, query: QueryParameters) -> (items: [T], nextLink: String?) {
        let ordered = newestFirst ? Array(items.reversed()) : items
        guard skip < ordered.count else { return ([], nil) }
        let end = min(ordered.count, skip + top)
        let page = Array(ordered[skip..<end])
        guard end < ordered.count else { return (page, nil) }
        var pairs = query.pairs.filter { $0.name.lowercased() != "$skip" }
        pairs.append(("$skip", String(end)))
        let text = pairs.map {
            QueryParameters.percentEncode($0.name, keeping: [36]) + "="
                + QueryParameters.percentEncode($0.value, keeping: [36])
        }
        return (page, url + "?" + text.joined(separator: "&"))
    }
}
