import Gym

/// Settings for ``Reinforce`` and ``ActorCritic``; the defaults are tuned for CartPole.
public struct PolicyGradientConfiguration: Equatable, Sendable, Codable {
    /// Environment steps to train for.
    public var totalSteps = 200_000
    /// Adam's step size for the policy network.
    public var learningRate = 1e-2
    /// Adam's step size for the value network (the learned baseline or critic).
    public var valueLearningRate = 1e-2
    /// Discount factor γ of the returns.
    public var discount = 0.99
    /// Complete episodes per policy update (REINFORCE's Monte Carlo batch).
    public var episodesPerUpdate = 1
    /// What is subtracted from the returns.
    public var baseline = Baseline.valueNetwork
    /// Standardize the policy-gradient weights (return minus baseline) over each batch to zero mean and unit
    /// variance; with no baseline this is the classic return normalization.
    public var normalizeAdvantages = true
    /// Weight of the policy's entropy bonus.
    public var entropyCoefficient = 0.0
    /// Clip each network's gradient global norm to this (no clipping when `nil`).
    public var maxGradientNorm: Double? = nil
    /// Hidden layer widths of the policy and value MLPs.
    public var hiddenLayers = [128]
    /// The networks' body; `nil` picks it from the observation (``NetworkArchitecture/automatic(for:)``).
    public var network: NetworkArchitecture? = nil
    /// Seed of the network initialization and of action sampling.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}

    /// Baselines REINFORCE subtracts from the returns to lower the gradient's variance.
    public enum Baseline: String, Equatable, Sendable, CaseIterable, Codable {
        /// The plain returns.
        case none
        /// The batch's mean return at each step.
        case meanReturn = "mean"
        /// A value network V(s) fitted to the returns by regression.
        case valueNetwork = "value"
    }

    /// Throws an error naming the first setting out of range.
    public func validate() throws {
        for (name, value) in [("totalSteps", totalSteps), ("episodesPerUpdate", episodesPerUpdate)] where value <= 0 {
            throw GymError("\(name) must be positive, got \(value)")
        }
        for (name, rate) in [("learning rate", learningRate), ("value learning rate", valueLearningRate)]
        where !(rate > 0 && rate.isFinite) {
            throw GymError("the \(name) must be positive, got \(rate)")
        }
        guard (0...1).contains(discount) else { throw GymError("the discount γ must lie in [0, 1], got \(discount)") }
        guard entropyCoefficient >= 0, entropyCoefficient.isFinite else {
            throw GymError("the entropy coefficient must not be negative, got \(entropyCoefficient)")
        }
        if let maxGradientNorm, !(maxGradientNorm > 0) {
            throw GymError("the gradient-norm limit must be positive, got \(maxGradientNorm)")
        }
        guard !hiddenLayers.isEmpty, hiddenLayers.allSatisfy({ $0 > 0 }) else {
            throw GymError("the hidden layers need positive widths, got \(hiddenLayers)")
        }
    }
}
