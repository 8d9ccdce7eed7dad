public import AzureML
internal import Crypto
import Foundation

/// Azure Storage's `SharedKey` authorization for the Blob service: the string-to-sign built from the verb, the
/// standard headers, the canonicalized `x-ms-` headers and the canonicalized resource, signed with HMAC-SHA256
/// under the account's base64 key ("Authorize with Shared Key", Blob service, version 2015-02-21 and later).
public enum SharedKeySignature {
    /// The standard headers, in the order they are signed.
    static let signedStandardHeaders = [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ]

    /// The string to sign for a request to `url` (which may carry a query) with `headers`, for `account`.
    public static func stringToSign(method: String, url: String, headers: [Header], account: String) -> String {
        var lines = [method.uppercased()]
        for name in signedStandardHeaders {
            var value = headers.value(name) ?? ""
            if name == "Content-Length", value == "0" { value = "" }
            if name == "Date", headers.value("x-ms-date") != nil { value = "" }
            lines.append(value)
        }
        return lines.joined(separator: "\n") + "\n" + canonicalizedHeaders(headers)
            + canonicalizedResource(url: url, account: account)
    }

    /// The `Authorization` header value: `SharedKey account:signature`.
    public static func authorization(
        method: String, url: String, headers: [Header], account: String, key: String
    ) throws(WorkspaceClientError) -> String {
        guard let keyBytes = Data(base64Encoded: key) else {
            throw .invalidResponse("SharedKey \(account)", "the storage account key is not valid base64")
        }
        let text = stringToSign(method: method, url: url, headers: headers, account: account)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: keyBytes))
        return "SharedKey \(account):\(Data(mac).base64EncodedString())"
    }

    /// Every `x-ms-` header, lowercased and sorted by name, with runs of whitespace in values folded into one
    /// space, each as `name:value\n`.
    static func canonicalizedHeaders(_ headers: [Header]) -> String {
        var seen: [String: String] = [:]
        for header in headers {
            let name = header.name.lowercased().trimmingCharacters(in: .whitespaces)
            guard name.hasPrefix("x-ms-") else { continue }
            let value = foldWhitespace(header.value)
            seen[name] = seen[name].map { "\($0),\(value)" } ?? value
        }
        return seen.keys.sorted().map { "\($0):\(seen[$0]!)\n" }.joined()
    }

    /// `/account/path` (the path as encoded in the URL), then each query parameter as `\nname:value`, names
    /// lowercased and sorted, values decoded, several values of one name sorted and joined with commas.
    static func canonicalizedResource(url: String, account: String) -> String {
        let blobURL = BlobURL(url)
        var path = "/"
        if let parsed = HTTPURL(blobURL.address) {
            let rest = parsed.rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if !rest.isEmpty { path = String(rest) }
        }
        var resource = "/" + account + path
        var parameters: [String: [String]] = [:]
        for item in blobURL.query.split(separator: "&") where !item.isEmpty {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = (PercentEncoding.decode(String(pair[0])) ?? String(pair[0])).lowercased()
            let rawValue = pair.count > 1 ? String(pair[1]) : ""
            parameters[name, default: []].append(PercentEncoding.decode(rawValue) ?? rawValue)
        }
        for name in parameters.keys.sorted() {
            resource += "\n\(name):" + parameters[name]!.sorted().joined(separator: ",")
        }
        return resource
    }

    private static func foldWhitespace(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            .joined(separator: " ")
    }
}
