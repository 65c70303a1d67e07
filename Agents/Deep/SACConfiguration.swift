import Gym

/// Settings for ``SAC``; the defaults are Stable-Baselines3's SAC defaults (which RL Baselines3 Zoo's entries
/// override), with a 20k-step budget. The actor, the critics and α each have an Adam optimizer with the same step
/// size.
public struct SACConfiguration: Equatable, Sendable, Codable {
    /// Environment steps to train for.
    public var totalSteps = 20_000
    /// The optimizer's step size.
    public var learningRate = 3e-4
    /// Transitions the replay buffer holds.
    public var bufferSize = 1_000_000
    /// Discount factor γ.
    public var discount = 0.99
    /// Target update rate τ: each target critic moves this fraction of the way to its critic after every gradient step.
    public var targetUpdateRate = 0.005
    /// Transitions per gradient step.
    public var batchSize = 256
    /// Uniformly random steps before the first update (the policy acts from then on).
    public var learningStarts = 100
    /// Environment steps between updates.
    public var trainFrequency = 1
    /// Gradient steps per update.
    public var gradientSteps = 1
    /// The entropy coefficient α at the start.
    public var initialEntropyCoefficient = 1.0
    /// Tune α so that the policy's entropy approaches the target entropy −dim(A); off keeps α fixed.
    public var tuneEntropy = true
    /// The entropy the tuning aims at; none is −dim(A).
    public var targetEntropy: Double? = nil
    /// Explore with gSDE (generalized state-dependent exploration): noise that is a linear function of the policy's last hidden features, with weights redrawn every train-frequency steps and every gradient step, so consecutive actions are correlated; off draws independent noise for every action.
    public var stateDependentExploration = false
    /// gSDE: the starting log standard deviation of the noise weights.
    public var initialLogStandardDeviation = -3.0
    /// gSDE: also redraw the noise weights every this many steps (0: only every train-frequency steps, Stable-Baselines3's -1).
    public var noiseSampleInterval = 0
    /// Clip the gradients' global norm to this (none: no clipping).
    public var maxGradientNorm: Double? = nil
    /// Hidden layer widths of the fully connected layers.
    public var hiddenLayers = [256, 256]
    /// The networks' body: mlp, minatar or nature; auto (nil) picks it from the observation.
    public var network: NetworkArchitecture? = nil
    /// Seed of the network initialization, exploration and replay sampling.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}

    /// The bounds of the policy's log standard deviation (Stable-Baselines3's and the SAC authors' clamp).
    public static let logStandardDeviationBounds: ClosedRange<Float> = -20...2

    /// Throws a clear error when a field is out of range.
    public func validate() throws {
        try validateSettings()
        if let network, network != .mlp {
            throw GymError("SAC builds fully connected networks; network must be mlp or auto, got \(network.rawValue)")
        }
    }

    /// The settings, each declared once: flag, help (the field's doc comment), valid values and field.
    public static let settings: [Setting<SACConfiguration>] = sharedSettings + [
        .integer("buffer-size", \.bufferSize, in: 1...1_000_000_000, help: "Transitions the replay buffer holds."),
        .integer("batch-size", \.batchSize, in: 1...65_536, help: "Transitions per gradient step."),
        .integer("learning-starts", \.learningStarts, in: 0...maximumBudget,
                 help: "Uniformly random steps before the first update (the policy acts from then on)."),
        .integer("train-frequency", \.trainFrequency, in: 1...1_000_000, help: "Environment steps between updates."),
        .integer("gradient-steps", \.gradientSteps, in: 1...10_000, help: "Gradient steps per update."),
        .number("tau", \.targetUpdateRate, in: .aboveUpTo(0, 1),
                help: "Target update rate τ: each target critic moves this fraction of the way to its critic after every gradient step."),
        .number("entropy-coefficient", \.initialEntropyCoefficient, in: .aboveUpTo(0, 1e6), aliases: ["ent-coef"],
                help: "The entropy coefficient α at the start."),
        .toggle("tune-entropy", \.tuneEntropy,
                help: "Tune α so that the policy's entropy approaches the target entropy −dim(A); off keeps α fixed."),
        .optionalNumber("target-entropy", \.targetEntropy, in: .closed(-1e6, 1e6),
                        help: "The entropy the tuning aims at; none is −dim(A)."),
        .toggle("sde", \.stateDependentExploration,
                help: "Explore with gSDE (generalized state-dependent exploration): noise that is a linear function of the policy's last hidden features, with weights redrawn every train-frequency steps and every gradient step, so consecutive actions are correlated; off draws independent noise for every action."),
        .number("log-std-init", \.initialLogStandardDeviation, in: .closed(-20, 2),
                help: "gSDE: the starting log standard deviation of the noise weights."),
        .integer("sde-sample-frequency", \.noiseSampleInterval, in: 0...1_000_000,
                 help: "gSDE: also redraw the noise weights every this many steps (0: only every train-frequency steps, Stable-Baselines3's -1)."),
    ]
}

extension SACConfiguration: AgentConfiguration {
    public func forEvaluation() -> SACConfiguration {
        var configuration = self
        configuration.bufferSize = 1   // an evaluation never fills it
        return configuration
    }
}
