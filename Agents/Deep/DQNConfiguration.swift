import Gym

/// Settings for ``DQN``; the defaults are CleanRL's CartPole values with the budget cut to 100k steps.
public struct DQNConfiguration: Equatable, Sendable, Codable {
    /// Environment steps to train for.
    public var totalSteps = 100_000
    /// Adam's (or RMSProp's) step size.
    public var learningRate = 2.5e-4
    /// Transitions the replay buffer holds.
    public var bufferSize = 10_000
    /// Discount factor γ.
    public var discount = 0.99
    /// Target-network update: 1 copies the online network (every `targetUpdateInterval` steps); below 1 it is
    /// Polyak averaging with this rate.
    public var targetUpdateRate = 1.0
    /// Steps between target-network updates.
    public var targetUpdateInterval = 500
    /// Transitions per gradient step.
    public var batchSize = 128
    /// ε at the start.
    public var epsilonStart = 1.0
    /// ε after the exploration phase.
    public var epsilonEnd = 0.05
    /// Share of `totalSteps` over which ε falls linearly.
    public var explorationFraction = 0.5
    /// Steps of pure ε-greedy data collection before the first update.
    public var learningStarts = 10_000
    /// Steps between updates.
    public var trainFrequency = 10
    /// Gradient steps per update.
    public var gradientSteps = 1
    /// Use Double DQN targets (the online network picks the next action, the target network values it).
    public var doubleDQN = false
    /// The TD loss.
    public var loss = LossKind.meanSquaredError
    /// The optimizer.
    public var optimizer = OptimizerKind.adam
    /// Clip the gradients' global norm to this (no clipping when `nil`).
    public var maxGradientNorm: Double? = nil
    /// Hidden layer widths of the Q-network's fully connected head.
    public var hiddenLayers = [120, 84]
    /// The network body; `nil` picks it from the observation (``NetworkArchitecture/automatic(for:)``).
    public var network: NetworkArchitecture? = nil
    /// Seed of the network initialization, exploration and replay sampling.
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
        for (name, value) in [("totalSteps", totalSteps), ("bufferSize", bufferSize), ("batchSize", batchSize),
                              ("targetUpdateInterval", targetUpdateInterval), ("trainFrequency", trainFrequency),
                              ("gradientSteps", gradientSteps)] where value <= 0 {
            throw GymError("\(name) must be positive, got \(value)")
        }
        guard learningStarts >= 0 else { throw GymError("learningStarts must not be negative, got \(learningStarts)") }
        guard learningRate > 0, learningRate.isFinite else {
            throw GymError("the learning rate must be positive, got \(learningRate)")
        }
        guard (0...1).contains(discount) else { throw GymError("the discount γ must lie in [0, 1], got \(discount)") }
        guard targetUpdateRate > 0, targetUpdateRate <= 1 else {
            throw GymError("the target update rate τ must lie in (0, 1], got \(targetUpdateRate)")
        }
        guard (0...1).contains(explorationFraction) else {
            throw GymError("the exploration fraction must lie in [0, 1], got \(explorationFraction)")
        }
        try exploration.validate(in: 0...1, name: "ε")
        if let maxGradientNorm, !(maxGradientNorm > 0) {
            throw GymError("the gradient-norm limit must be positive, got \(maxGradientNorm)")
        }
        guard !hiddenLayers.isEmpty, hiddenLayers.allSatisfy({ $0 > 0 }) else {
            throw GymError("the hidden layers need positive widths, got \(hiddenLayers)")
        }
    }
}
