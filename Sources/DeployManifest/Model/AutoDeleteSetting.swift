/// An asset's `auto_delete_setting` (experimental in the SDK).
public struct AutoDeleteSetting: Sendable {
    /// `condition`.
    public var condition: Located<AutoDeleteCondition>?
    /// `value`, a date string.
    public var value: Located<String>?

    /// A setting.
    public init(condition: Located<AutoDeleteCondition>?, value: Located<String>?) {
        self.condition = condition
        self.value = value
    }
}
