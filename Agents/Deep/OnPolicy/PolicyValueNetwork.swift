import Gym
import NeuralNetwork
import TensorCore

/// The actor and the critic of ``PPO`` and ``A2C`` as one layer: the logits of π(·|s) and V(s), under CleanRL's
/// parameter names (`actor.…`, `critic.…`, and `network.…` for a shared trunk), so one optimizer and one checkpoint
/// cover both.
///
/// With the `mlp` body (vectors, one-hot states) the actor and the critic are separate networks of the hidden widths
/// with tanh, as in CleanRL's `ppo.py` and Stable-Baselines3's `MlpPolicy`. With a convolutional body they share a
/// trunk — the convolutions with ReLU, then the first hidden layer with ReLU — and the remaining hidden widths belong
/// to each head, with tanh. The `nature` trunk is CleanRL's `ppo_atari.py` (the Nature CNN, then 512); the `minatar`
/// trunk is Pgx's MinAtar PPO network (conv 32 2x2 → ReLU → 2x2 average pool → 64, heads 64 tanh 64 tanh), with
/// the convolution padded by 1 on every side where Haiku pads `SAME` (one zero row and column after), which leaves
/// the same 32x5x5 features on a 10x10 board.
///
/// Every weight is orthogonal with zero bias (CleanRL's `layer_init`): gain √2 in the hidden layers, 0.01 for the
/// policy's output (near-uniform first policy, or means near 0), 1 for the value's. For continuous actions the actor's
/// outputs are a Gaussian's means and the network holds its state-independent log standard deviation
/// (`actor_logstd`, CleanRL's name, starting at 0).
public final class PolicyValueNetwork: Layer {
    /// The layers the actor and the critic share (`nil` with the `mlp` body).
    public let trunk: Sequential?
    /// The policy head: logits, one per action.
    public let actor: Sequential
    /// The value head: one output.
    public let critic: Sequential
    /// log σ of a Gaussian policy, `[1, actions]`, independent of the state (`nil` for discrete actions).
    public let logStandardDeviation: Parameter?

    /// A freshly initialized network for `inputShape` inputs and `actionCount` actions.
    ///
    /// - Parameter gaussian: whether the actor is a Gaussian's mean with a learned log standard deviation.
    public init(inputShape: [Int], actionCount: Int, hidden: [Int], architecture: NetworkArchitecture,
                gaussian: Bool = false, using generator: inout some RandomNumberGenerator) throws {
        try architecture.validate(inputShape: inputShape)
        logStandardDeviation = gaussian ? Parameter(Tensor.zeros([1, actionCount])) : nil
        let hiddenGain = Float(2).squareRoot()
        func heads(inputs: Int, widths: [Int], prefix: [any Layer]) -> (actor: Sequential, critic: Sequential) {
            (Sequential(prefix + denseLayers(inputs: inputs, widths: widths, outputs: actionCount, outputGain: 0.01,
                                             using: &generator)),
             Sequential(prefix + denseLayers(inputs: inputs, widths: widths, outputs: 1, outputGain: 1,
                                             using: &generator)))
        }
        guard architecture != .mlp else {
            trunk = nil
            (actor, critic) = heads(inputs: inputShape.reduce(1, *), widths: hidden,
                                    prefix: inputShape.count == 1 ? [] : [Flatten()])
            return
        }
        let (channels, height, width) = (inputShape[0], inputShape[1], inputShape[2])
        var layers: [any Layer]
        let features: Int
        if architecture == .nature {
            layers = [
                orthogonalConvolution(channels, 32, kernel: 8, stride: 4, gain: hiddenGain, using: &generator), ReLU(),
                orthogonalConvolution(32, 64, kernel: 4, stride: 2, gain: hiddenGain, using: &generator), ReLU(),
                orthogonalConvolution(64, 64, kernel: 3, stride: 1, gain: hiddenGain, using: &generator), ReLU(),
            ]
            let size = StandardNetworks.natureFeatureSize(height: height, width: width)
            features = 64 * size.height * size.width
        } else {
            layers = [
                orthogonalConvolution(channels, 32, kernel: 2, padding: 1, gain: hiddenGain, using: &generator), ReLU(),
                AvgPool2d(kernelSize: 2),
            ]
            features = 32 * ((height + 1) / 2) * ((width + 1) / 2)
        }
        let shared = hidden.first ?? 64
        layers += [Flatten(), orthogonalLinear(features, shared, gain: hiddenGain, using: &generator), ReLU()]
        trunk = Sequential(layers)
        (actor, critic) = heads(inputs: shared, widths: Array(hidden.dropFirst()), prefix: [])
    }

    /// The logits of π(·|s) for a batch of inputs.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        actor(trunk.map { $0(input) } ?? input)
    }

    /// The logits `[batch, actions]` and the values `[batch, 1]` of a batch of inputs, the trunk run once.
    public func evaluate(_ input: Tensor) -> (logits: Tensor, values: Tensor) {
        let features = trunk.map { $0(input) } ?? input
        return (actor(features), critic(features))
    }

    /// V(s) `[batch, 1]` for a batch of inputs.
    public func values(_ input: Tensor) -> Tensor {
        critic(trunk.map { $0(input) } ?? input)
    }

    public var namedParameters: [(name: String, parameter: Parameter)] {
        let parts: [(String, Sequential)] = (trunk.map { [("network", $0)] } ?? []) + [("actor", actor), ("critic", critic)]
        return parts.flatMap { prefix, network in network.namedParameters.map { ("\(prefix).\($0.name)", $0.parameter) } }
            + (logStandardDeviation.map { [("actor_logstd", $0)] } ?? [])
    }
}

/// Linear layers through `widths` with tanh between them, then `outputs`; orthogonal weights (gain √2, the last
/// `outputGain`) and zero biases.
private func denseLayers(inputs: Int, widths: [Int], outputs: Int, outputGain: Float,
                         using generator: inout some RandomNumberGenerator) -> [any Layer] {
    var layers: [any Layer] = []
    var width = inputs
    for size in widths {
        layers += [orthogonalLinear(width, size, gain: Float(2).squareRoot(), using: &generator), Tanh()]
        width = size
    }
    return layers + [orthogonalLinear(width, outputs, gain: outputGain, using: &generator)]
}

/// A linear layer with an orthogonal weight and a zero bias.
private func orthogonalLinear(_ inputs: Int, _ outputs: Int, gain: Float,
                              using generator: inout some RandomNumberGenerator) -> Linear {
    Linear(weight: Initialization.orthogonal([outputs, inputs], gain: gain, using: &generator),
           bias: Tensor.zeros([outputs]))
}

/// A square convolution with an orthogonal kernel and a zero bias.
private func orthogonalConvolution(_ inputs: Int, _ outputs: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
                                   gain: Float, using generator: inout some RandomNumberGenerator) -> Conv2d {
    let layer = Conv2d(inputChannels: inputs, outputChannels: outputs, kernelSize: kernel, stride: stride,
                       padding: padding, using: &generator)
    layer.weight.assign(Initialization.orthogonal(layer.weight.shape, gain: gain, using: &generator))
    layer.bias?.assign(Tensor.zeros([outputs]))
    return layer
}
