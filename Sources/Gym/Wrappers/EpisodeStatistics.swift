/// Records the return, length and duration of every episode (Gymnasium's `RecordEpisodeStatistics`).
///
/// After a step that ends an episode, ``lastEpisode`` holds its record, and ``recentReturns`` the returns of
/// the last `windowSize` episodes.
public struct EpisodeStatistics<Base: Environment>: Environment {
    /// The wrapped environment.
    public var base: Base
    /// How many recent episodes ``recentReturns`` keeps.
    public let windowSize: Int
    /// The record of the most recently finished episode.
    public private(set) var lastEpisode: EpisodeRecord?
    /// How many episodes have finished.
    public private(set) var completedEpisodes = 0
    /// The return of the episode in progress.
    public private(set) var currentReturn = 0.0
    /// The length of the episode in progress.
    public private(set) var currentLength = 0
    /// Returns of the last `windowSize` finished episodes, oldest first.
    public private(set) var recentReturns: [Double] = []
    private var episodeStart = ContinuousClock.now

    /// Wraps `base`, keeping the last `windowSize` returns for moving averages.
    public init(_ base: Base, windowSize: Int = 100) {
        precondition(windowSize > 0, "EpisodeStatistics needs a positive window, got \(windowSize)")
        self.base = base
        self.windowSize = windowSize
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    /// The mean of ``recentReturns``, or `nil` before the first episode ends.
    public var recentMeanReturn: Double? {
        recentReturns.isEmpty ? nil : recentReturns.reduce(0, +) / Double(recentReturns.count)
    }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        currentReturn = 0
        currentLength = 0
        episodeStart = ContinuousClock.now
        return base.reset(seed: seed)
    }

    public mutating func step(_ action: Base.Action) throws -> Step<Base.Observation> {
        let outcome = try base.step(action)
        currentReturn += outcome.reward
        currentLength += 1
        if outcome.isDone {
            let elapsed = ContinuousClock.now - episodeStart
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            lastEpisode = EpisodeRecord(totalReward: currentReturn, length: currentLength,
                                        seconds: seconds, terminated: outcome.terminated)
            completedEpisodes += 1
            if recentReturns.count == windowSize { recentReturns.removeFirst() }
            recentReturns.append(currentReturn)
        }
        return outcome
    }
}

extension EpisodeStatistics: EnvironmentWrapper {}
extension EpisodeStatistics: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension EpisodeStatistics: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension EpisodeStatistics: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
extension EpisodeStatistics: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension EpisodeStatistics: ImageEnvironment where Base: ImageEnvironment {}
extension EpisodeStatistics: PixelEnvironment where Base: PixelEnvironment {}
