import Gym

extension AgentConfiguration {
    /// The settings every neural agent's configuration shares.
    static var sharedSettings: [Setting<Self>] {
        [
            .integer("steps", \.totalSteps, in: 1...maximumBudget, help: "Environment steps to train for."),
            .number("learning-rate", \.learningRate, in: .aboveUpTo(0, 1e9), aliases: ["alpha"],
                    help: "The optimizer's step size."),
            .number("discount", \.discount, in: .unitInterval, aliases: ["gamma"], help: "Discount factor γ."),
            .integers("hidden", \.hiddenLayers, in: 1...65_536, count: 1...16,
                      help: "Hidden layer widths of the fully connected layers."),
            .optionalChoice("network", \.network, help: "The networks' body: mlp, minatar or nature; auto (nil) picks it from the observation."),
            .optionalNumber("max-grad-norm", \.maxGradientNorm, in: .aboveUpTo(0, 1e9),
                            help: "Clip the gradients' global norm to this (none: no clipping)."),
        ]
    }
}

/// A configuration of an agent that steps N copies of the environment together (``BatchedEnvironment``).
public protocol BatchedConfiguration {
    /// Copies of the environment stepped together.
    var environmentCount: Int { get set }
    /// Worker threads stepping the copies (auto: one per processor core); results do not depend on it.
    var threads: Int? { get set }
}

extension BatchedConfiguration {
    /// The settings of the copies and their threads.
    static var batchingSettings: [Setting<Self>] {
        [
            .integer("num-envs", \.environmentCount, in: 1...65_536, help: "Copies of the environment stepped together."),
            .optionalInteger("threads", \.threads, in: 1...1_024,
                             help: "Worker threads stepping the copies (auto: one per processor core); results do not depend on it."),
        ]
    }
}
