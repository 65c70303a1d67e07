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
