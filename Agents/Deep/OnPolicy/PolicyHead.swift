import Foundation
import Gym
import TensorCore

/// How ``PPO`` and ``A2C`` turn the actor's outputs into actions: a distribution to sample, its log-probabilities and
/// entropy (differentiable), and its greedy action.
///
/// ``CategoricalHead`` reads the outputs as logits over discrete actions; ``GaussianHead`` reads them as the mean of a
/// diagonal Gaussian whose log standard deviation is a parameter of its own (CleanRL's `ppo_continuous_action`).
/// A rollout stores each action as ``storedWidth`` floats.
public protocol PolicyHead {
    /// What the environment receives.
    associatedtype Action
    /// Whether the network needs a state-independent log standard deviation (``PolicyValueNetwork/logStandardDeviation``).
    static var needsLogStandardDeviation: Bool { get }
    /// A head for `actionCount` actions (discrete) or components (continuous).
    init(actionCount: Int)
    /// Floats a rollout stores per action.
    var storedWidth: Int { get }
    /// A placeholder action (a rollout's buffer of actions starts with it).
    var placeholder: Action { get }
    /// Draws one action per row of `outputs` (`[rows, outputs]`), writing it to `actions` and its stored floats and
    /// log-probability to `stored` and `logProbabilities` from row `first` on.
    func sample(_ outputs: Tensor, logStandardDeviation: Tensor?, into actions: inout [Action], stored: inout [Float],
                logProbabilities: inout [Float], first: Int, using generator: inout RandomGenerator)
    /// log π(a|s) `[rows, 1]` of the stored actions, and the mean entropy of π(·|s), both differentiable.
    func evaluate(_ outputs: Tensor, logStandardDeviation: Tensor?,
                  actions stored: [Float]) -> (logProbabilities: Tensor, entropy: Tensor)
    /// The greedy action of one row of outputs: the most probable action, or the mean.
    func greedy(_ outputs: [Float]) -> Action
}

/// A categorical distribution over discrete actions, the outputs its logits.
public struct CategoricalHead: PolicyHead {
    public static var needsLogStandardDeviation: Bool { false }
    /// The number of actions.
    public let actionCount: Int

    public init(actionCount: Int) {
        self.actionCount = actionCount
    }

    public var storedWidth: Int { 1 }
    public var placeholder: Int { 0 }

    public func sample(_ outputs: Tensor, logStandardDeviation: Tensor?, into actions: inout [Int],
                       stored: inout [Float], logProbabilities: inout [Float], first: Int,
                       using generator: inout RandomGenerator) {
        let rows = outputs.shape[0]
        let logProbabilityRows = outputs.logSoftmax(alongAxis: 1).scalars
        for copy in 0..<rows {
            let row = logProbabilityRows[copy * actionCount..<(copy + 1) * actionCount]
            let action = sampleCategorical(row.lazy.map { Foundation.exp($0) }, using: &generator)
            actions[copy] = action
            stored[first + copy] = Float(action)
            logProbabilities[first + copy] = row[row.startIndex + action]
        }
    }

    public func evaluate(_ outputs: Tensor, logStandardDeviation: Tensor?,
                         actions stored: [Float]) -> (logProbabilities: Tensor, entropy: Tensor) {
        let logProbabilities = outputs.logSoftmax(alongAxis: 1)
        return (logProbabilities.gather(alongAxis: 1, indices: stored.map { Int($0) }),
                logProbabilities.meanCategoricalEntropy())
    }

    public func greedy(_ outputs: [Float]) -> Int {
        argmax(outputs)
    }
}

/// A diagonal Gaussian over continuous actions: the outputs are its mean μ(s), its log standard deviation a
/// state-independent parameter (CleanRL's `actor_logstd`, starting at 0, so σ = 1).
///
///     log π(a|s) = Σᵢ [ −½ ((aᵢ − μᵢ) / σᵢ)² − log σᵢ − ½ log 2π ],   H = Σᵢ [ ½ + ½ log 2π + log σᵢ ]
///
/// Actions are not squashed: the run clips them to the environment's bounds (``ClipAction``) and the rollout keeps
/// the unclipped sample, as CleanRL and Stable-Baselines3 do.
public struct GaussianHead: PolicyHead {
    public static var needsLogStandardDeviation: Bool { true }
    /// Components of an action.
    public let actionCount: Int

    public init(actionCount: Int) {
        self.actionCount = actionCount
    }

    public var storedWidth: Int { actionCount }
    public var placeholder: [Float] { Array(repeating: 0, count: actionCount) }

    public func sample(_ outputs: Tensor, logStandardDeviation: Tensor?, into actions: inout [[Float]],
                       stored: inout [Float], logProbabilities: inout [Float], first: Int,
                       using generator: inout RandomGenerator) {
        let rows = outputs.shape[0]
        let means = outputs.scalars
        let logDeviations = logStandardDeviation?.scalars ?? Array(repeating: 0, count: actionCount)
        let noise = Tensor.normal([rows, actionCount], using: &generator).scalars
        let constant = Float(0.5 * Foundation.log(2 * Double.pi))
        for copy in 0..<rows {
            var logProbability: Float = 0
            for component in 0..<actionCount {
                let index = copy * actionCount + component
                let value = means[index] + Foundation.exp(logDeviations[component]) * noise[index]
                actions[copy][component] = value
                stored[(first + copy) * actionCount + component] = value
                logProbability += -0.5 * noise[index] * noise[index] - logDeviations[component] - constant
            }
            logProbabilities[first + copy] = logProbability
        }
    }

    public func evaluate(_ outputs: Tensor, logStandardDeviation: Tensor?,
                         actions stored: [Float]) -> (logProbabilities: Tensor, entropy: Tensor) {
        let rows = outputs.shape[0]
        let logDeviation = logStandardDeviation ?? Tensor.zeros([1, actionCount])
        let actions = Tensor(shape: [rows, actionCount], scalars: stored)
        let standardized = (actions - outputs) / logDeviation.exp()
        let constant = Float(0.5 * Foundation.log(2 * Double.pi))
        let logProbabilities = (-0.5 * standardized.squared() - logDeviation - constant)
            .sum(alongAxis: 1, keepingDimension: true)
        return (logProbabilities, (logDeviation + (0.5 + constant)).sum())
    }

    public func greedy(_ outputs: [Float]) -> [Float] {
        outputs
    }
}
