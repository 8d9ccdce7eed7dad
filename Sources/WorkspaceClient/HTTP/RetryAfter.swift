public import AzureML
public import Foundation

/// Reads how long a server asks the client to wait: `retry-after-ms` and `x-ms-retry-after-ms` (milliseconds, as
/// Azure services send them), then `Retry-After` as seconds or as an HTTP date.
public enum RetryAfter {
    /// The wait in seconds, or `nil` when the headers ask for none or cannot be read.
    public static func seconds(in headers: [Header], now: Date) -> Double? {
        for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
            if let text = headers.value(name), let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)),
                milliseconds >= 0, milliseconds.isFinite
            {
                return milliseconds / 1000
            }
        }
        guard let text = headers.value("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text) {
            return seconds >= 0 && seconds.isFinite ? seconds : nil
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }

    /// Formats `date` as an IMF-fixdate, as `x-ms-date` needs.
    public static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
