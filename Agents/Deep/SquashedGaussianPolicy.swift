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
/// with `log(1 − tanh² u) = 2 (log 2 − u − softplus(−2u))`, which stays finite where `tanh² u` rounds to 1.
///
/// **State-dependent exploration** (gSDE; Raffin, Kober and Stulp, 2022) replaces the σ head: the noise is a linear
/// function of the body's features z(s) (taken as constants), `u = μ + z · E`, with one weight matrix
/// `E = exp(Λ) ⊙ Z`, `Z ~ N(0, I)` of shape `[features, actions]` shared by every row and redrawn on a schedule, so
/// consecutive actions are correlated. Λ is a learned parameter. Given s, u is Gaussian with variance
/// `σᵢ² = Σⱼ zⱼ² exp(2Λⱼᵢ)` (plus 1e-6), which the log-density uses. As in Stable-Baselines3, μ is clipped to [−2, 2]
/// in this mode. Parameter names follow Stable-Baselines3's actor (`latent_pi.0.weight`, `mu.weight`,
/// `log_std.weight`, or `log_std` for gSDE).
public final class SquashedGaussianPolicy: Layer {
    /// The shared ReLU body.
    public let body: Sequential
    /// The mean head.
    public let meanHead: Linear
    /// The log-standard-deviation head (independent noise), or `nil` with state-dependent exploration.
    public let logStandardDeviationHead: Linear?
    /// Λ, the log standard deviations of the noise weights `[features, actions]` (state-dependent exploration), or
    /// `nil`.
    public let noiseLogStandardDeviation: Parameter?
    /// The number of action components.
    public let actionCount: Int
    /// The width of the body's features z(s).
    public let featureCount: Int

    /// The bound of μ under state-dependent exploration (Stable-Baselines3's `clip_mean`).
    static let stateDependentMeanBound: Float = 2
    /// The variance floor of state-dependent noise (Stable-Baselines3's ε).
    static let stateDependentVarianceFloor: Float = 1e-6

    /// A policy for `inputs` features and `actionCount` components, with PyTorch's default initialization; with
    /// `stateDependentNoise` set, state-dependent exploration whose Λ starts at that value everywhere.
    public init(inputs: Int, hidden: [Int], actionCount: Int, stateDependentNoise initialLogStandardDeviation: Float? = nil,
                using generator: inout some RandomNumberGenerator) {
        // The hidden layers are a multilayer perceptron ending in the last width, with a ReLU after it too.
        let width = hidden.last ?? inputs
        body = Sequential(hidden.isEmpty ? [] : StandardNetworks.multilayerPerceptron(
            inputs: inputs, hidden: Array(hidden.dropLast()), outputs: width, using: &generator).layers + [ReLU()])
        meanHead = Linear(width, actionCount, using: &generator)
        if let initialLogStandardDeviation {
            logStandardDeviationHead = nil
            noiseLogStandardDeviation = Parameter(Tensor(repeating: initialLogStandardDeviation, shape: [width, actionCount]))
        } else {
            logStandardDeviationHead = Linear(width, actionCount, using: &generator)
            noiseLogStandardDeviation = nil
        }
        self.actionCount = actionCount
        featureCount = width
    }

    /// Whether the noise is state-dependent (gSDE).
    public var isStateDependent: Bool { noiseLogStandardDeviation != nil }

    /// The shape of the standard normal draws ``sample(_:noise:)`` takes for `rows` inputs: `[rows, actions]`, or
    /// `[features, actions]` (one matrix for every row) with state-dependent exploration.
    public func noiseShape(rows: Int) -> [Int] {
        isStateDependent ? [featureCount, actionCount] : [rows, actionCount]
    }

    /// The deterministic action tanh(μ(s)) of every row of `input`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        mean(body(input)).tanh()
    }

    /// μ and the clamped log σ of every row of `input` (independent noise; with state-dependent exploration, use
    /// ``sample(_:noise:)``).
    public func distribution(_ input: Tensor) -> (mean: Tensor, logStandardDeviation: Tensor) {
        precondition(!isStateDependent, "a state-dependent policy's σ depends on its noise weights; use sample(_:noise:)")
        let latent = body(input)
        let bounds = SACConfiguration.logStandardDeviationBounds
        return (mean(latent),
                logStandardDeviationHead!(latent).clamped(min: bounds.lowerBound, max: bounds.upperBound))
    }

    /// Reparameterized actions `[batch, actions]` and their log-probabilities `[batch, 1]` for the standard normal
    /// draws `noise` (of ``noiseShape(rows:)``).
    public func sample(_ input: Tensor, noise: Tensor) -> (actions: Tensor, logProbabilities: Tensor) {
        guard let noiseLogStandardDeviation else {
            let (mean, logStandardDeviation) = distribution(input)
            return Self.squashedSample(mean: mean, logStandardDeviation: logStandardDeviation, noise: noise)
        }
        let latent = body(input)
        let features = latent.detached()
        let weightDeviation = noiseLogStandardDeviation.value.exp()
        let perturbation = features.matmul(weightDeviation * noise)
        let variance = features.squared().matmul(weightDeviation.squared()) + Self.stateDependentVarianceFloor
        return Self.squashedSample(mean: mean(latent), perturbation: perturbation,
                                   logStandardDeviation: 0.5 * variance.log())
    }

    public var namedParameters: [(name: String, parameter: Parameter)] {
        body.namedParameters.map { ("latent_pi." + $0.name, $0.parameter) }
            + meanHead.namedParameters.map { ("mu." + $0.name, $0.parameter) }
            + (logStandardDeviationHead?.namedParameters.map { ("log_std." + $0.name, $0.parameter) } ?? [])
            + (noiseLogStandardDeviation.map { [("log_std", $0)] } ?? [])
    }

    /// μ from the body's features: the mean head, clipped to ±``stateDependentMeanBound`` under state-dependent
    /// exploration.
    private func mean(_ latent: Tensor) -> Tensor {
        let mean = meanHead(latent)
        guard isStateDependent else { return mean }
        return mean.clamped(min: -Self.stateDependentMeanBound, max: Self.stateDependentMeanBound)
    }

    // MARK: - The distribution

    /// `tanh(μ + σ ⊙ noise)` and its log-probability summed over the components (`[batch, 1]`), as in the type's
    /// doc comment.
    public static func squashedSample(mean: Tensor, logStandardDeviation: Tensor,
                                      noise: Tensor) -> (actions: Tensor, logProbabilities: Tensor) {
        let unsquashed = mean + logStandardDeviation.exp() * noise
        let gaussian = -0.5 * noise.squared() - logStandardDeviation - Float(0.5 * Foundation.log(2 * Double.pi))
        return squash(unsquashed, gaussianLogDensity: gaussian)
    }

    /// `tanh(μ + perturbation)` and its log-probability when the perturbation is Gaussian with standard deviation
    /// exp(`logStandardDeviation`) in each component (state-dependent exploration).
    static func squashedSample(mean: Tensor, perturbation: Tensor,
                               logStandardDeviation: Tensor) -> (actions: Tensor, logProbabilities: Tensor) {
        let standardized = perturbation / logStandardDeviation.exp()
        let gaussian = -0.5 * standardized.squared() - logStandardDeviation - Float(0.5 * Foundation.log(2 * Double.pi))
        return squash(mean + perturbation, gaussianLogDensity: gaussian)
    }

    /// `tanh(u)` and the log-density of the Gaussian u minus the log of the tanh's Jacobian, summed over components.
    private static func squash(_ unsquashed: Tensor, gaussianLogDensity: Tensor) -> (actions: Tensor, logProbabilities: Tensor) {
        let logJacobian = 2 * (Float(Foundation.log(2.0)) - unsquashed - softplus(-2 * unsquashed))
        let logProbabilities = (gaussianLogDensity - logJacobian).sum(alongAxis: 1, keepingDimension: true)
        return (unsquashed.tanh(), logProbabilities)
    }

    /// log(1 + eˣ), computed as max(x, 0) + log(1 + e^−|x|) so that it neither overflows nor loses small values.
    static func softplus(_ x: Tensor) -> Tensor {
        Tensor.maximum(x, Tensor(0)) + (1 + (-x.abs()).exp()).log()
    }
}
