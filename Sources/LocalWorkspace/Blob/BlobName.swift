/// Validation of container and blob names, which become paths under `<dir>/blobs`: nothing may escape it.
enum BlobName {
    /// Azure's container rule: 3 to 63 characters, lowercase letters, digits and single hyphens, starting and
    /// ending with a letter or digit.
    static func validateContainer(_ name: String) throws(BlobError) {
        let bytes = Array(name.utf8)
        func alphanumeric(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) }
        guard (3...63).contains(bytes.count), alphanumeric(bytes.first!), alphanumeric(bytes.last!),
            bytes.allSatisfy({ alphanumeric($0) || $0 == 45 }), !name.contains("--")
        else {
            throw .invalidName(
                "container names have 3 to 63 lowercase letters, digits and single hyphens, found '\(name)'")
        }
    }

    /// A blob name (already percent-decoded once): 1 to 1024 characters, `/`-separated segments that are neither
    /// empty (so no absolute path, `//` or trailing `/`), `.` nor `..`, and no backslash or control character.
    static func validateBlob(_ name: String) throws(BlobError) {
        guard !name.isEmpty, name.utf8.count <= 1024 else {
            throw .invalidName("blob names have 1 to 1024 characters")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else {
            throw .invalidName("blob names may not contain control characters or backslashes")
        }
        for segment in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty, segment != ".", segment != ".." else {
                throw .invalidName(
                    "'\(name)' has an empty, '.' or '..' path segment (absolute paths and traversal are rejected)")
            }
        }
    }
}
