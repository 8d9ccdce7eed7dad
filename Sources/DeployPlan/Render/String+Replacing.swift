extension String {
    /// The string with every `target` replaced by `replacement` (no Foundation).
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
