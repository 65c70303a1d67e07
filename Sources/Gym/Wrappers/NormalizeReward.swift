/// Scales rewards by the running standard deviation of a discounted return, r / √(σ² + ε), as Gymnasium's
/// `NormalizeReward` does: the return is G ← γ·G·(1 − terminated) + r (it runs on across resets and time-limit
/// cuts), and the reward is not centered.
///
/// Set ``updatesStatistics`` to `false` to freeze the scale (for evaluation); ``statistics`` can be saved and restored.
public struct NormalizeReward<Base: Environment>: EnvironmentWrapper {
    /// The wrapped environment.
    public var base: Base
    /// The discount γ of the return whose spread scales the rewards.
    public let discount: Double
    /// ε under the square root.
    public let epsilon: Double
    /// The running statistics of the discounted return.
    public var statistics = RunningMeanVariance<Double>(size: 1)
    /// Whether rewards still update ``statistics``.
    public var updatesStatistics = true
    /// The discounted return so far.
    public private(set) var discountedReturn = 0.0

    /// Wraps `base`, with γ (Gymnasium's default 0.99) and ε (1e-8).
    public init(_ base: Base, discount: Double = 0.99, epsilon: Double = 1e-8) {
        precondition((0...1).contains(discount), "NormalizeReward needs γ in [0, 1], got \(discount)")
        precondition(epsilon > 0, "NormalizeReward needs a positive ε, got \(epsilon)")
        self.base = base
        self.discount = discount
        self.epsilon = epsilon
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        base.reset(seed: seed)
    }

    public mutating func step(_ action: Base.Action) throws -> Step<Base.Observation> {
        var outcome = try base.step(action)
        discountedReturn = discountedReturn * discount * (outcome.terminated ? 0 : 1) + outcome.reward
        if updatesStatistics { statistics.update([discountedReturn]) }
        outcome.reward /= (statistics.variance[0] + epsilon).squareRoot()
        return outcome
    }
}

extension NormalizeReward: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension NormalizeReward: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension NormalizeReward: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
extension NormalizeReward: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension NormalizeReward: ImageEnvironment where Base: ImageEnvironment {}
extension NormalizeReward: PixelEnvironment where Base: PixelEnvironment {}
