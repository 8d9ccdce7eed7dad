public import AzureML

/// One of the values a `choice` distribution offers.
public enum ChoiceOption: Sendable, Hashable {
    /// A literal (number, string, boolean, null or list), assigned as it is.
    case value(JSONValue)
    /// A dictionary whose members are literals (`.fixed`) or distributions sampled in turn; it is assigned as an
    /// object holding the sampled members.
    case dictionary(SearchSpace)
}
