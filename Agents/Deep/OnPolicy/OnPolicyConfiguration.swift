import Gym

/// Settings for ``PPO`` and ``A2C``, the on-policy agents that learn from rollouts of N environment copies; the
/// defaults are CleanRL's `ppo.py` values.
public struct OnPolicyConfiguration: Equatable, Sendable, Codable, BatchedConfiguration {
    /// Environment steps to train for.
    public var totalSteps = 500_000
    /// The optimizer's step size.
    public var learningRate = 2.5e-4
    /// Discount factor γ.
    public var discount = 0.99
    /// Copies of the environment stepped together.
    public var environmentCount = 4
    /// Steps of every copy per rollout.
    public var rolloutSteps = 128
    /// Worker threads stepping the copies (auto: one per processor core); results do not depend on it.
    public var threads: Int? = nil
    /// λ of the generalized advantage estimate: 1 gives Monte Carlo advantages, 0 one-step TD errors.
    public var gaeLambda = 0.95
    /// Weight of the policy's entropy bonus.
    public var entropyCoefficient = 0.01
    /// Weight of the value loss ½·mean((V(s) − return)²).
    public var valueCoefficient = 0.5
    /// Standardize the advantages of every minibatch.
    public var normalizeAdvantages = true
    /// Anneal the learning rate linearly to 0 over the training steps.
    public var annealLearningRate = true
    /// PPO's passes over each rollout.
    public var updateEpochs = 4
    /// Transitions per PPO gradient step; a rollout that does not divide evenly ends with a smaller minibatch.
    public var minibatchSize = 128
    /// PPO's clipping ε of the probability ratio (and of the value change, with clip-value-loss).
    public var clipCoefficient = 0.2
    /// Anneal PPO's clipping ε linearly to 0 over the training steps.
    public var annealClipCoefficient = false
    /// Clip PPO's value predictions to within ε of the rollout's values, as its policy ratio is.
    public var clipValueLoss = true
    /// Clip the gradients' global norm to this (none: no clipping).
    public var maxGradientNorm: Double? = 0.5
    /// Hidden layer widths of the fully connected layers.
    public var hiddenLayers = [64, 64]
    /// The networks' body: mlp, minatar or nature; auto (nil) picks it from the observation.
    public var network: NetworkArchitecture? = nil
    /// Seed of the network initialization, action sampling and minibatch shuffling; copy i of the environment is
    /// seeded seed + i.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}

    /// Transitions per rollout: copies × steps.
    public var rolloutSize: Int { environmentCount * rolloutSteps }

    /// The share of the training budget still ahead after `steps` steps (1 at the start, 0 at the end), which
    /// scales the annealed learning rate and clipping ε.
    public func remainingFraction(after steps: Int) -> Double {
        max(0, 1 - Double(steps) / Double(totalSteps))
    }

    /// Throws an error naming the first setting out of range.
    public func validate() throws {
        try validateSettings()
    }

    /// The settings, each declared once: flag, help (the field's doc comment), valid values and field.
    public static let settings: [Setting<OnPolicyConfiguration>] = sharedSettings + batchingSettings + [
        .integer("num-steps", \.rolloutSteps, in: 1...1_000_000, help: "Steps of every copy per rollout."),
        .number("gae-lambda", \.gaeLambda, in: .unitInterval,
                help: "λ of the generalized advantage estimate: 1 gives Monte Carlo advantages, 0 one-step TD errors."),
        .number("entropy-coefficient", \.entropyCoefficient, in: .closed(0, 1_000), aliases: ["ent-coef"],
                help: "Weight of the policy's entropy bonus."),
        .number("value-coefficient", \.valueCoefficient, in: .closed(0, 1_000), aliases: ["vf-coef"],
                help: "Weight of the value loss ½·mean((V(s) − return)²)."),
        .toggle("normalize-advantages", \.normalizeAdvantages, help: "Standardize the advantages of every minibatch."),
        .toggle("anneal-lr", \.annealLearningRate, help: "Anneal the learning rate linearly to 0 over the training steps."),
    ] + ppoSettings

    /// The settings only PPO reads (A2C takes one gradient step on each whole rollout, unclipped).
    public static let ppoSettings: [Setting<OnPolicyConfiguration>] = [
        .integer("update-epochs", \.updateEpochs, in: 1...10_000, help: "PPO's passes over each rollout."),
        .integer("minibatch-size", \.minibatchSize, in: 1...10_000_000,
                 help: "Transitions per PPO gradient step; a rollout that does not divide evenly ends with a smaller minibatch."),
        .number("clip-coefficient", \.clipCoefficient, in: .aboveUpTo(0, 1_000), aliases: ["clip-coef"],
                help: "PPO's clipping ε of the probability ratio (and of the value change, with clip-value-loss)."),
        .toggle("anneal-clip-coefficient", \.annealClipCoefficient,
                help: "Anneal PPO's clipping ε linearly to 0 over the training steps."),
        .toggle("clip-value-loss", \.clipValueLoss,
                help: "Clip PPO's value predictions to within ε of the rollout's values, as its policy ratio is."),
    ]
}
