import TensorCore

/// The forward pass of one input through a ``Sequential`` stack of ``Linear`` layers and ReLU, leaky ReLU or tanh
/// activations, without tensors: two buffers allocated once, the kernels called directly. It gives the same bits as
/// `network(input)` at batch 1 and reads the layers' current parameters on every call, so it stays right while the
/// network trains.
///
/// Acting and greedy evaluation call the network once per environment step; there the tensor path's allocations
/// and bookkeeping cost several times the arithmetic of a small network. Networks with other layers (convolutions,
/// say) are not supported: ``init(_:)`` returns `nil` and callers keep the tensor path.
///
///     if let forward = SingleInputForward(network) {
///         let values = forward(features)      // valid until the next call
///     }
public final class SingleInputForward {
    private enum Stage {
        case linear(Linear)
        case leakyRelu(slope: Float)
        case tanh
    }

    private let stages: [Stage]
    private var buffers: (UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<Float>)
    /// Floats in an input.
    public let inputCount: Int
    /// Floats in the output.
    public let outputCount: Int

    /// The pass for `network`, or `nil` when it holds a layer other than `Linear`, `ReLU`, `LeakyReLU` and `Tanh`,
    /// does not start with a `Linear`, or has layers whose sizes do not chain.
    public init?(_ network: Sequential) {
        var stages: [Stage] = []
        var width: Int?
        var widest = 0
        var inputCount: Int?
        for layer in network.layers {
            switch layer {
            case let linear as Linear:
                let (outputs, inputs) = (linear.weight.shape[0], linear.weight.shape[1])
                if let width, width != inputs { return nil }
                inputCount = inputCount ?? inputs
                widest = max(widest, inputs, outputs)
                width = outputs
                stages.append(.linear(linear))
            // Activations work in place, so one before the first Linear would overwrite the caller's input.
            case is ReLU where width != nil: stages.append(.leakyRelu(slope: 0))
            case let leaky as LeakyReLU where width != nil: stages.append(.leakyRelu(slope: leaky.negativeSlope))
            case is Tanh where width != nil: stages.append(.tanh)
            default: return nil
            }
        }
        guard let inputCount, let width else { return nil }
        self.stages = stages
        self.inputCount = inputCount
        outputCount = width
        buffers = (.allocate(capacity: widest), .allocate(capacity: widest))
    }

    deinit {
        buffers.0.deallocate()
        buffers.1.deallocate()
    }

    /// The network's output for `input` (``inputCount`` floats); the buffer is reused by the next call.
    public func callAsFunction(_ input: UnsafeBufferPointer<Float>) -> UnsafeBufferPointer<Float> {
        precondition(input.count == inputCount, "the network takes \(inputCount) inputs, got \(input.count)")
        var current = input
        var width = inputCount
        var next = buffers.0, spare = buffers.1
        for stage in stages {
            switch stage {
            case .linear(let linear):
                let outputs = linear.weight.shape[0]
                Tensor.affine(row: current.baseAddress!, weight: linear.weight.value, bias: linear.bias?.value,
                              into: next.baseAddress!)
                width = outputs
                current = UnsafeBufferPointer(rebasing: next[0..<width])
                swap(&next, &spare)
            case .leakyRelu(let slope):
                ActivationKernels.leakyRelu(UnsafeMutableBufferPointer(mutating: current), slope: slope)
            case .tanh:
                ActivationKernels.tanh(UnsafeMutableBufferPointer(mutating: current))
            }
        }
        return current
    }
}
