import Gym

/// Settings for ``Reinforce`` and ``ActorCritic``; the defaults are tuned for CartPole.
public struct PolicyGradientConfiguration: Equatable, Sendable, Codable {
    /// Environment steps to train for.
    public var totalSteps = 200_000
    /// The optimizer's step size.
    public var learningRate = 1e-2
    /// Adam's step size for the value network (the learned baseline or critic).
    public var valueLearningRate = 1e-2
    /// Discount factor γ.
    public var discount = 0.99
    /// Complete episodes per REINFORCE update (its Monte Carlo batch).
    public var episodesPerUpdate = 1
    /// REINFORCE's baseline, subtracted from the returns: none, mean (the batch's mean return) or value (a value network).
    public var baseline = Baseline.valueNetwork
    /// Standardize REINFORCE's policy-gradient weights (return minus baseline) over each batch.
    public var normalizeAdvantages = true
    /// Weight of the policy's entropy bonus.
    public var entropyCoefficient = 0.0
    /// Clip the gradients' global norm to this (none: no clipping).
    public var maxGradientNorm: Double? = nil
    /// Hidden layer widths of the fully connected layers.
    public var hiddenLayers = [128]
    /// The networks' body: mlp, minatar or nature; auto (nil) picks it from the observation.
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
        try validateSettings()
    }

    /// The settings, each declared once: flag, help (the field's doc comment), valid values and field.
    public static let settings: [Setting<PolicyGradientConfiguration>] = sharedSettings + [
        .number("value-learning-rate", \.valueLearningRate, in: .aboveUpTo(0, 1e9),
                help: "Adam's step size for the value network (the learned baseline or critic)."),
        .number("entropy-coefficient", \.entropyCoefficient, in: .closed(0, 1_000),
                help: "Weight of the policy's entropy bonus."),
    ] + reinforceSettings

    /// The settings only REINFORCE reads (actor-critic's critic is its baseline, and it updates every step).
    public static let reinforceSettings: [Setting<PolicyGradientConfiguration>] = [
        .integer("episodes-per-update", \.episodesPerUpdate, in: 1...1_000_000,
                 help: "Complete episodes per REINFORCE update (its Monte Carlo batch)."),
        .choice("baseline", \.baseline,
                help: "REINFORCE's baseline, subtracted from the returns: none, mean (the batch's mean return) or value (a value network)."),
        .toggle("normalize-advantages", \.normalizeAdvantages,
                help: "Standardize REINFORCE's policy-gradient weights (return minus baseline) over each batch."),
    ]
}
