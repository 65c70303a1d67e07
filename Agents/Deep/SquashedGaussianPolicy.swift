import Foundation
import Gym
import NeuralNetwork
import TensorCore

/// A diagonal Gaussian policy squashed by tanh, as SAC uses it: a ReLU body, then one linear head for the mean μ(s)
/// and one for the log standard deviation log σ(s) (clamped to ``SACConfiguration/logStandardDeviationBounds``).
///
/// Actions are `a = tanh(u)` with `u = μ + σ ⊙ ε`, `ε ~ N(0, I)` (the reparameterization: `a` is differentiable in the
/// parameters), so every component lies in [−1, 1]. The log-density of `a` is that of `u` minus the log of the tanh's
/// Jacobian:
///
///     log π(a | s) = Σᵢ [ −½ εᵢ² − log σᵢ − ½ log 2π ] − Σᵢ log(1 − tanh²(uᵢ))
///
/// with `log(1 − tanh² u) = 2 (log 2 − u − softplus(−2u))`, which stays finite where `tanh² u` rounds to 1. Parameter
/// names follow Stable-Baselines3's actor (`latent_pi.0.weight`, `mu.weight`, `log_std.weight`).
public final class SquashedGaussianPolicy: Layer {
    /// The shared ReLU body.
    public let body: Sequential
    /// The mean head.
    public let meanHead: Linear
    /// The log-standard-deviation head.
    public let logStandardDeviationHead: Linear
    /// The number of action components.
    public let actionCount: Int

    /// A policy for `inputs` features and `actionCount` components, with PyTorch's default initialization.
    public init(inputs: Int, hidden: [Int], actionCount: Int, using generator: inout some RandomNumberGenerator) {
        // The hidden layers are a multilayer perceptron ending in the last width, with a ReLU after it too.
        let width = hidden.last ?? inputs
        body = Sequential(hidden.isEmpty ? [] : StandardNetworks.multilayerPerceptron(
            inputs: inputs, hidden: Array(hidden.dropLast()), outputs: width, using: &generator).layers + [ReLU()])
        meanHead = Linear(width, actionCount, using: &generator)
        logStandardDeviationHead = Linear(width, actionCount, using: &generator)
        self.actionCount = actionCount
    }

    /// The deterministic action tanh(μ(s)) of every row of `input`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        meanHead(body(input)).tanh()
    }

    /// μ(s) and the clamped log σ(s) of every row of `input`.
    public func distribution(_ input: Tensor) -> (mean: Tensor, logStandardDeviation: Tensor) {
        let latent = body(input)
        let bounds = SACConfiguration.logStandardDeviationBounds
        return (meanHead(latent),
                logStandardDeviationHead(latent).clamped(min: bounds.lowerBound, max: bounds.upperBound))
    }

    /// Reparameterized actions `[batch, actions]` and their log-probabilities `[batch, 1]` for the standard normal
    /// draws `noise` (`[batch, actions]`).
    public func sample(_ input: Tensor, noise: Tensor) -> (actions: Tensor, logProbabilities: Tensor) {
        let (mean, logStandardDeviation) = distribution(input)
        return Self.squashedSample(mean: mean, logStandardDeviation: logStandardDeviation, noise: noise)
    }

    public var namedParameters: [(name: String, parameter: Parameter)] {
        body.namedParameters.map { ("latent_pi." + $0.name, $0.parameter) }
            + meanHead.namedParameters.map { ("mu." + $0.name, $0.parameter) }
            + logStandardDeviationHead.namedParameters.map { ("log_std." + $0.name, $0.parameter) }
    }

    // MARK: - The distribution

    /// `tanh(μ + σ ⊙ noise)` and its log-probability summed over the components (`[batch, 1]`), as in the type's
    /// doc comment.
    public static func squashedSample(mean: Tensor, logStandardDeviation: Tensor,
                                      noise: Tensor) -> (actions: Tensor, logProbabilities: Tensor) {
        let unsquashed = mean + logStandardDeviation.exp() * noise
        let gaussian = -0.5 * noise.squared() - logStandardDeviation - Float(0.5 * Foundation.log(2 * Double.pi))
        let logJacobian = 2 * (Float(Foundation.log(2.0)) - unsquashed - softplus(-2 * unsquashed))
        let logProbabilities = (gaussian - logJacobian).sum(alongAxis: 1, keepingDimension: true)
        return (unsquashed.tanh(), logProbabilities)
    }

    /// log(1 + eˣ), computed as max(x, 0) + log(1 + e^−|x|) so that it neither overflows nor loses small values.
    static func softplus(_ x: Tensor) -> Tensor {
        Tensor.maximum(x, Tensor(0)) + (1 + (-x.abs()).exp()).log()
    }
}
