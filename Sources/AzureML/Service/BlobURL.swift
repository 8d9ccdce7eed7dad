/// A blob service URL split into its address and its query (a SAS token, operation parameters), so blob names can
/// be appended and operations added without disturbing the signature, and so the SAS is never printed.
public struct BlobURL: Sendable, Hashable, CustomStringConvertible {
    /// `scheme://host[:port]/path`, percent-encoded, without a trailing `?`.
    public var address: String
    /// The query without the leading `?`; empty when there is none.
    public var query: String

    /// Splits `url` at its first `?`.
    public init(_ url: String) {
        if let mark = url.firstIndex(of: "?") {
            address = String(url[..<mark])
            query = String(url[url.index(after: mark)...])
        } else {
            address = url
            query = ""
        }
    }

    /// A URL from its parts.
    public init(address: String, query: String) {
        self.address = address
        self.query = query
    }

    /// The URL of the blob `name` (slash-separated, unencoded) under this container or folder URL.
    public func appending(blobName name: String) -> BlobURL {
        let trimmed = name.drop { $0 == "/" }
        let base = address.hasSuffix("/") ? String(address.dropLast()) : address
        return BlobURL(address: base + "/" + PercentEncoding.encodePath(String(trimmed)), query: query)
    }

    /// The URL with `items` (unencoded) added after the existing query.
    public func adding(_ items: [(name: String, value: String)]) -> BlobURL {
        let added = items.map {
            PercentEncoding.encodeQueryComponent($0.name) + "=" + PercentEncoding.encodeQueryComponent($0.value)
        }
        let parts = (query.isEmpty ? [] : [query]) + added
        return BlobURL(address: address, query: parts.joined(separator: "&"))
    }

    /// The full URL, SAS included: for sending only.
    public var string: String {
        query.isEmpty ? address : address + "?" + query
    }

    /// The address with the query's `sig` value hidden, for messages.
    public var description: String {
        guard !query.isEmpty else { return address }
        let redacted = query.split(separator: "&", omittingEmptySubsequences: false).map { item in
            item.lowercased().hasPrefix("sig=") ? "sig=REDACTED" : String(item)
        }
        return address + "?" + redacted.joined(separator: "&")
    }
}
