import AzureML

/// One page of List Blobs: blobs in name order, names sharing a `delimiter`-ended prefix folded into one
/// `BlobPrefix`, at most `maxResults` entries and a `NextMarker` when more follow. Markers are opaque: after a
/// folded prefix the marker sorts after every name under it.
struct BlobListing: Sendable {
    enum Entry: Sendable {
        case blob(BlobRecord)
        case prefix(String)
    }

    let prefix: String
    let delimiter: String?
    let marker: String?
    let maxResults: Int
    private(set) var entries: [Entry] = []
    private(set) var nextMarker: String?
    private(set) var isComplete = false
    private var lastPrefix: String?

    init(prefix: String, delimiter: String?, marker: String?, maxResults: Int) {
        self.prefix = prefix
        self.delimiter = delimiter
        self.marker = marker
        self.maxResults = maxResults
    }

    /// Adds a batch of blobs (in name order, after the previous batch); `isLast` when no more follow.
    mutating func add(_ batch: [BlobRecord], isLast: Bool) {
        for record in batch {
            guard !isComplete else { return }
            var folded: String?
            if let delimiter {
                let rest = record.name.dropFirst(prefix.count)
                if let range = rest.firstRange(of: delimiter) { folded = prefix + rest[..<range.upperBound] }
            }
            if let folded, folded == lastPrefix { continue }
            if entries.count == maxResults {
                nextMarker = Self.marker(after: entries.last!)
                isComplete = true
                return
            }
            if let folded {
                lastPrefix = folded
                entries.append(.prefix(folded))
            } else {
                entries.append(.blob(record))
            }
        }
        if isLast { isComplete = true }
    }

    private static func marker(after entry: Entry) -> String {
        switch entry {
        case .blob(let record): record.name
        case .prefix(let name): name + "\u{10FFFF}"
        }
    }

    /// The `EnumerationResults` document, as Azure Storage writes it.
    func xml(serviceEndpoint: String, container: String, includeMetadata: Bool) -> String {
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"#
        xml += "<EnumerationResults ServiceEndpoint=\"\(XMLText.escape(serviceEndpoint))\" "
        xml += "ContainerName=\"\(XMLText.escape(container))\">"
        if !prefix.isEmpty { xml += "<Prefix>\(XMLText.escape(prefix))</Prefix>" }
        if let marker { xml += "<Marker>\(XMLText.escape(marker))</Marker>" }
        xml += "<MaxResults>\(maxResults)</MaxResults>"
        if let delimiter { xml += "<Delimiter>\(XMLText.escape(delimiter))</Delimiter>" }
        xml += "<Blobs>"
        for entry in entries {
            switch entry {
            case .prefix(let name):
                xml += "<BlobPrefix><Name>\(XMLText.escape(name))</Name></BlobPrefix>"
            case .blob(let record):
                xml += "<Blob><Name>\(XMLText.escape(record.name))</Name><Properties>"
                xml += "<Creation-Time>\(Timestamp.rfc1123(Timestamp.parse(record.createdAt) ?? 0))</Creation-Time>"
                xml +=
                    "<Last-Modified>\(Timestamp.rfc1123(Timestamp.parse(record.lastModifiedAt) ?? 0))</Last-Modified>"
                xml += "<Etag>\(XMLText.escape(record.etag))</Etag>"
                xml += "<Content-Length>\(record.size)</Content-Length>"
                xml += "<Content-Type>\(XMLText.escape(record.contentType))</Content-Type>"
                xml += "<Content-Encoding /><Content-Language />"
                xml += "<Content-MD5>\(record.contentMD5)</Content-MD5><Cache-Control /><Content-Disposition />"
                xml += "<BlobType>BlockBlob</BlobType><AccessTier>Hot</AccessTier><AccessTierInferred>true"
                xml += "</AccessTierInferred><LeaseStatus>unlocked</LeaseStatus><LeaseState>available</LeaseState>"
                xml += "<ServerEncrypted>true</ServerEncrypted></Properties>"
                if includeMetadata {
                    xml += "<Metadata>"
                    for (name, value) in (try? JSONValue(parsing: record.metadata))?.objectValue ?? [:] {
                        let escaped = XMLText.escape(name)
                        xml += "<\(escaped)>\(XMLText.escape(value.stringValue ?? ""))</\(escaped)>"
                    }
                    xml += "</Metadata>"
                }
                xml += "</Blob>"
            }
        }
        xml += "</Blobs>"
        xml += nextMarker.map { "<NextMarker>\(XMLText.escape($0))</NextMarker>" } ?? "<NextMarker />"
        xml += "</EnumerationResults>"
        return xml
    }
}
