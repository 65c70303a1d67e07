import Gym
import NeuralNetwork
import TensorCore

/// The networks of the policy-gradient agents: a softmax policy π(a|s) and, when asked, a state-value network
/// V(s), each an MLP with its own Adam optimizer.
public final class PolicyNetworks {
    /// Logits of π(·|s), one output per action.
    public let policy: Sequential
    /// V(s), one output (`nil` when the agent uses no learned baseline).
    public let value: Sequential?
    /// Adam on the policy's parameters.
    public let policyOptimizer: Adam
    /// Adam on the value network's parameters.
    public let valueOptimizer: Adam?
    private let inputShape: [Int]
    private let maxGradientNorm: Double?

    /// Fresh networks for `inputShape` inputs and `actionCount` actions, initialized from `generator`.
    public init(inputShape: [Int], actionCount: Int, configuration: PolicyGradientConfiguration, withValue: Bool,
                using generator: inout RandomGenerator) throws {
        self.inputShape = inputShape
        let architecture = configuration.architecture(for: inputShape)
        try architecture.validate(inputShape: inputShape)
        policy = architecture.build(inputShape: inputShape, hidden: configuration.hiddenLayers, outputs: actionCount,
                                    using: &generator)
        policyOptimizer = Adam(parameters: policy.parameters, learningRate: Float(configuration.learningRate))
        if withValue {
            let value = architecture.build(inputShape: inputShape, hidden: configuration.hiddenLayers, outputs: 1,
                                           using: &generator)
            self.value = value
            valueOptimizer = Adam(parameters: value.parameters, learningRate: Float(configuration.valueLearningRate))
        } else {
            value = nil
            valueOptimizer = nil
        }
        maxGradientNorm = configuration.maxGradientNorm
    }

    /// A batch of `rows` inputs as a tensor.
    public func inputs(_ features: [Float], rows: Int) -> Tensor {
        Tensor(shape: [rows] + inputShape, scalars: features)
    }

    /// π(·|s) for one observation's features.
    public func actionProbabilities(_ features: [Float]) -> [Float] {
        withoutGradient { policy(inputs(features, rows: 1)).softmax(alongAxis: 1).scalars }
    }

    /// An action drawn from π(·|s).
    public func sampleAction(_ features: [Float], using generator: inout RandomGenerator) -> Int {
        sampleCategorical(actionProbabilities(features), using: &generator)
    }

    /// The most probable action (the first on ties).
    public func greedyAction(_ features: [Float]) -> Int {
        argmax(withoutGradient { policy(inputs(features, rows: 1)).scalars })
    }

    /// V(s) of a batch of inputs, without gradient (`nil` without a value network).
    public func values(_ features: [Float], rows: Int) -> [Float]? {
        value.map { network in withoutGradient { network(inputs(features, rows: rows)).scalars } }
    }

    /// The policy-gradient loss of a batch: −mean(log π(a|s) · weight) − β · mean entropy, with the entropy.
    public func policyLoss(_ features: [Float], actions: [Int], weights: [Float],
                           entropyCoefficient: Float) -> (loss: Tensor, entropy: Float) {
        let rows = actions.count
        let logProbabilities = policy(inputs(features, rows: rows)).logSoftmax(alongAxis: 1)
        let taken = logProbabilities.gather(alongAxis: 1, indices: actions)
        let surrogate = -(taken * Tensor(shape: [rows, 1], scalars: weights)).mean()
        let entropy = logProbabilities.meanCategoricalEntropy()
        let loss = entropyCoefficient > 0 ? surrogate - entropyCoefficient * entropy : surrogate
        return (loss, entropy.item)
    }

    /// The value regression loss of a batch: mean (V(s) − target)².
    public func valueLoss(_ features: [Float], targets: [Float]) -> Tensor? {
        guard let value else { return nil }
        let rows = targets.count
        return (value(inputs(features, rows: rows)) - Tensor(shape: [rows, 1], scalars: targets)).squared().mean()
    }

    /// One gradient step of `optimizer` on `loss` with the configured clipping; throws ``TrainingDiverged``, leaving
    /// the parameters untouched, when the loss or its gradient is not finite. `what` names the loss in the error,
    /// `when` the moment.
    public func descend(_ loss: Tensor, with optimizer: Adam, what: String, when: String) throws {
        try Agents.descend(loss, with: optimizer, maxGradientNorm: maxGradientNorm, what: what, when: when)
    }
}
