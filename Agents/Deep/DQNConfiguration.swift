import Gym

/// Settings for ``DQN``; the defaults are CleanRL's CartPole values with the budget cut to 100k steps.
public struct DQNConfiguration: Equatable, Sendable, Codable, BatchedConfiguration {
    /// Environment steps to train for.
    public var totalSteps = 100_000
    /// The optimizer's step size.
    public var learningRate = 2.5e-4
    /// Transitions the replay buffer holds.
    public var bufferSize = 10_000
    /// Discount factor γ.
    public var discount = 0.99
    /// Target update rate τ: 1 copies the online network every target-update-interval steps, below 1 is Polyak averaging.
    public var targetUpdateRate = 1.0
    /// Steps between target-network updates.
    public var targetUpdateInterval = 500
    /// Transitions per gradient step.
    public var batchSize = 128
    /// ε at the start.
    public var epsilonStart = 1.0
    /// ε after the exploration phase.
    public var epsilonEnd = 0.05
    /// Fraction of the training steps over which ε decays linearly.
    public var explorationFraction = 0.5
    /// Random-policy steps before the first update.
    public var learningStarts = 10_000
    /// Environment steps between updates.
    public var trainFrequency = 10
    /// Gradient steps per update.
    public var gradientSteps = 1
    /// Double DQN targets: the online network picks the next action, the target network values it.
    public var doubleDQN = false
    /// The TD loss: mse or huber (smooth L1, as in the DQN paper).
    public var loss = LossKind.meanSquaredError
    /// The optimizer: adam, or rmsprop (centered, α 0.95, ε 0.01, as in the DQN papers).
    public var optimizer = OptimizerKind.adam
    /// Clip the gradients' global norm to this (none: no clipping).
    public var maxGradientNorm: Double? = nil
    /// Hidden layer widths of the fully connected layers.
    public var hiddenLayers = [120, 84]
    /// The networks' body: mlp, minatar or nature; auto (nil) picks it from the observation.
    public var network: NetworkArchitecture? = nil
    /// Copies of the environment stepped together.
    public var environmentCount = 1
    /// Worker threads stepping the copies (auto: one per processor core); results do not depend on it.
    public var threads: Int? = nil
    /// Seed of the network initialization, exploration and replay sampling; copy i of the environment is seeded
    /// seed + i.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}

    /// The TD-error losses.
    public enum LossKind: String, Equatable, Sendable, CaseIterable, Codable {
        /// Mean squared error.
        case meanSquaredError = "mse"
        /// Smooth L1 (Huber with δ = 1), as in the DQN paper.
        case huber
    }

    /// The optimizers DQN can use.
    public enum OptimizerKind: String, Equatable, Sendable, CaseIterable, Codable {
        /// Adam with PyTorch's defaults besides the learning rate.
        case adam
        /// Centered RMSProp (α 0.95, ε 0.01), the DQN papers' choice.
        case rmsprop
    }

    /// The exploration schedule over environment steps.
    public var exploration: Schedule {
        .linear(start: epsilonStart, end: epsilonEnd, duration: Int(explorationFraction * Double(totalSteps)))
    }

    /// Throws a clear error when a field is out of range.
    public func validate() throws {
        try validateSettings()
        try exploration.validate(in: 0...1, name: "ε")
    }

    /// The settings, each declared once: flag, help (the field's doc comment), valid values and field.
    public static let settings: [Setting<DQNConfiguration>] = sharedSettings + batchingSettings + [
        .integer("buffer-size", \.bufferSize, in: 1...1_000_000_000, help: "Transitions the replay buffer holds."),
        .integer("batch-size", \.batchSize, in: 1...65_536, help: "Transitions per gradient step."),
        .integer("learning-starts", \.learningStarts, in: 0...maximumBudget,
                 help: "Random-policy steps before the first update."),
        .integer("train-frequency", \.trainFrequency, in: 1...1_000_000, help: "Environment steps between updates."),
        .integer("gradient-steps", \.gradientSteps, in: 1...10_000, help: "Gradient steps per update."),
        .integer("target-update-interval", \.targetUpdateInterval, in: 1...maximumBudget,
                 help: "Steps between target-network updates."),
        .number("tau", \.targetUpdateRate, in: .aboveUpTo(0, 1),
                help: "Target update rate τ: 1 copies the online network every target-update-interval steps, below 1 is Polyak averaging."),
        .toggle("double-dqn", \.doubleDQN,
                help: "Double DQN targets: the online network picks the next action, the target network values it."),
        .choice("loss", \.loss, help: "The TD loss: mse or huber (smooth L1, as in the DQN paper)."),
        .choice("optimizer", \.optimizer,
                help: "The optimizer: adam, or rmsprop (centered, α 0.95, ε 0.01, as in the DQN papers)."),
        .number("epsilon-start", \.epsilonStart, in: .unitInterval, help: "ε at the start."),
        .number("epsilon-end", \.epsilonEnd, in: .unitInterval, help: "ε after the exploration phase."),
        .number("exploration-fraction", \.explorationFraction, in: .unitInterval,
                help: "Fraction of the training steps over which ε decays linearly."),
    ]
}
