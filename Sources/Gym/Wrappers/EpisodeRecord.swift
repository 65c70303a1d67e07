/// The statistics of one finished episode.
public struct EpisodeRecord: Equatable, Sendable, Codable {
    /// The undiscounted sum of rewards.
    public var totalReward: Double
    /// The number of steps.
    public var length: Int
    /// Wall-clock duration in seconds.
    public var seconds: Double
    /// Whether the episode ended in a terminal state (rather than being truncated).
    public var terminated: Bool

    /// Creates a record.
    public init(totalReward: Double, length: Int, seconds: Double, terminated: Bool) {
        self.totalReward = totalReward
        self.length = length
        self.seconds = seconds
        self.terminated = terminated
    }
}
