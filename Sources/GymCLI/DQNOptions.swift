import Agents
import ArgumentParser
import Gym

/// The DQN-only flags of `gym run dqn`; the shared ones are in ``HyperparameterOptions`` (--steps,
/// --learning-rate, --discount, ε) and ``NetworkOptions`` (--hidden, --max-grad-norm, --save, --load).
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

    /// The flags that were given, by name (to reject them for agents that do not use them).
    var givenFlags: [String] {
        [("--buffer-size", bufferSize != nil), ("--batch-size", batchSize != nil),
         ("--learning-starts", learningStarts != nil), ("--train-frequency", trainFrequency != nil),
         ("--gradient-steps", gradientSteps != nil), ("--target-update-interval", targetUpdateInterval != nil),
         ("--tau", tau != nil), ("--double-dqn", doubleDqn), ("--loss", loss != nil), ("--optimizer", optimizer != nil)]
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
    }
}
