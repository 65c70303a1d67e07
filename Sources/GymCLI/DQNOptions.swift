import Agents
import ArgumentParser
import Gym

/// The DQN-only flags of `gym run dqn`; the shared ones (--steps, --learning-rate, --discount, ε) are in
/// ``HyperparameterOptions``.
struct DQNOptions: ParsableArguments {
    @Option(help: "Replay buffer capacity in transitions.")
    var bufferSize: Int?

    @Option(help: "Transitions per gradient step.")
    var batchSize: Int?

    @Option(help: "Random-policy steps before the first update.")
    var learningStarts: Int?

    @Option(help: "Environment steps between updates.")
    var trainFrequency: Int?

    @Option(help: "Gradient steps per update.")
    var gradientSteps: Int?

    @Option(help: "Steps between target-network updates.")
    var targetUpdateInterval: Int?

    @Option(help: "Target update rate τ: 1 copies the network, below 1 is Polyak averaging.")
    var tau: Double?

    @Flag(help: "Double DQN targets.")
    var doubleDqn = false

    @Option(help: "TD loss: mse or huber.")
    var loss: String?

    @Option(help: "Optimizer: adam or rmsprop (centered).")
    var optimizer: String?

    @Option(help: "Clip the gradients' global norm to this.")
    var maxGradNorm: Double?

    @Option(help: "Hidden layer widths, comma-separated (such as 120,84).")
    var hidden: String?

    @Option(help: "Write the trained agent to this safetensors file (atomically; also on Ctrl-C or a NaN loss).")
    var save: String?

    @Option(help: "Start from the agent in this safetensors file: its configuration, networks, optimizer and ε schedule (flags given override the configuration).")
    var load: String?

    /// The flags that were given, by name (to reject them for agents that do not use them).
    var givenFlags: [String] {
        [("--buffer-size", bufferSize != nil), ("--batch-size", batchSize != nil),
         ("--learning-starts", learningStarts != nil), ("--train-frequency", trainFrequency != nil),
         ("--gradient-steps", gradientSteps != nil), ("--target-update-interval", targetUpdateInterval != nil),
         ("--tau", tau != nil), ("--double-dqn", doubleDqn), ("--loss", loss != nil), ("--optimizer", optimizer != nil),
         ("--max-grad-norm", maxGradNorm != nil), ("--hidden", hidden != nil), ("--save", save != nil),
         ("--load", load != nil)]
            .filter(\.1).map(\.0)
    }

    /// Applies the given flags to `configuration`.
    func apply(to configuration: inout DQNConfiguration) throws {
        if let bufferSize { configuration.bufferSize = bufferSize }
        if let batchSize { configuration.batchSize = batchSize }
        if let learningStarts { configuration.learningStarts = learningStarts }
        if let trainFrequency { configuration.trainFrequency = trainFrequency }
        if let gradientSteps { configuration.gradientSteps = gradientSteps }
        if let targetUpdateInterval { configuration.targetUpdateInterval = targetUpdateInterval }
        if let tau { configuration.targetUpdateRate = tau }
        if doubleDqn { configuration.doubleDQN = true }
        if let loss {
            guard let kind = DQNConfiguration.LossKind(rawValue: loss) else {
                throw GymError.unknownName("loss function", loss, valid: DQNConfiguration.LossKind.allCases.map(\.rawValue))
            }
            configuration.loss = kind
        }
        if let optimizer {
            guard let kind = DQNConfiguration.OptimizerKind(rawValue: optimizer) else {
                throw GymError.unknownName("optimizer", optimizer, valid: DQNConfiguration.OptimizerKind.allCases.map(\.rawValue))
            }
            configuration.optimizer = kind
        }
        if let maxGradNorm { configuration.maxGradientNorm = maxGradNorm }
        if let hidden {
            let widths = hidden.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !widths.isEmpty, widths.allSatisfy({ ($0 ?? 0) > 0 }) else {
                throw GymError("--hidden takes positive layer widths separated by commas (such as 120,84), not '\(hidden)'")
            }
            configuration.hiddenLayers = widths.compactMap { $0 }
        }
    }
}
