import Foundation
import NeuralNetwork
import TensorCore

/// SAC's entropy coefficient α, learned as its logarithm (so α stays positive) and saved in checkpoints like a
/// network's parameter (`log_ent_coef`, Stable-Baselines3's name).
public final class EntropyCoefficient: Layer {
    /// log α, a `[1]` tensor.
    public let logValue: Parameter

    /// α = `value` at the start.
    public init(_ value: Double) {
        logValue = Parameter(Tensor([Float(Foundation.log(value))]))
    }

    /// The current α.
    public var value: Float { Foundation.exp(logValue.value.scalars[0]) }

    /// log α broadcast against `input` (the coefficient depends on no input).
    public func callAsFunction(_ input: Tensor) -> Tensor { logValue.value }

    public var namedParameters: [(name: String, parameter: Parameter)] { [("log_ent_coef", logValue)] }
}
