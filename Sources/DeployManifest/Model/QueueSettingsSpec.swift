/// A job's `queue_settings` (experimental in the SDK).
public struct QueueSettingsSpec: Sendable {
    /// `job_tier`.
    public var jobTier: Located<JobTier>?
    /// `priority`.
    public var priority: Located<JobPriority>?

    /// Queue settings.
    public init(jobTier: Located<JobTier>? = nil, priority: Located<JobPriority>? = nil) {
        self.jobTier = jobTier
        self.priority = priority
    }
}
