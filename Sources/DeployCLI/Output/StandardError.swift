import Foundation

/// The process's standard error as a `TextOutputStream`, for `print(_:to:)`.
struct StandardError: TextOutputStream {
    /// Writes `string` unbuffered.
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
