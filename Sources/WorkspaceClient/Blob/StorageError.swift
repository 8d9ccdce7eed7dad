public import AzureML
import Foundation

/// The error of an Azure Storage response: the `x-ms-error-code` header, or the `<Code>` and `<Message>` of its XML
/// body.
public struct StorageError: Sendable, Hashable {
    /// `BlobAlreadyExists`, `AuthenticationFailed`, ...
    public var code: String?
    /// The first line of the message.
    public var message: String?

    /// Reads the error of `response`.
    public init(_ response: BlobResponse) {
        let text = String(decoding: response.body.prefix(64 << 10), as: UTF8.self)
        code = response.headers.value("x-ms-error-code") ?? Self.element("Code", in: text)
        message = Self.element("Message", in: text).map {
            String($0.split(whereSeparator: \.isNewline).first ?? "")
        }
    }

    private static func element(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"),
            let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
        else { return nil }
        let value = text[open.upperBound..<close.lowerBound]
        return value.isEmpty ? nil : unescape(String(value))
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
