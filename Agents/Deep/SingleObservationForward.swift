import NeuralNetwork
import TensorCore

/// A network's output for one observation, the way acting and greedy evaluation need it once per step: through
/// ``SingleInputForward`` (no tensors, buffers reused) when the network is a stack of fully connected layers, else
/// through the tensor forward pass. Both give the same bits.
final class SingleObservationForward<Encoder: ObservationEncoder> {
    private let network: Sequential
    private let encoder: Encoder
    private let direct: SingleInputForward?
    private var stored: [Encoder.Stored]
    private var features: [Float]

    init(network: Sequential, encoder: Encoder) {
        self.network = network
        self.encoder = encoder
        direct = SingleInputForward(network).flatMap { $0.inputCount == encoder.inputSize ? $0 : nil }
        stored = [Encoder.Stored](repeating: .zero, count: encoder.storedWidth)
        features = [Float](repeating: 0, count: encoder.inputSize)
    }

    /// Calls `body` with the network's outputs for `observation` (valid only inside `body`).
    func withOutputs<R>(for observation: Encoder.Observation, _ body: (UnsafeBufferPointer<Float>) -> R) -> R {
        guard let direct else {
            let input = Tensor(shape: [1] + encoder.inputShape, scalars: encoder.features(observation))
            return withoutGradient { network(input) }.withUnsafeBufferPointer(body)
        }
        encode(observation)
        return features.withUnsafeBufferPointer { body(direct($0)) }
    }

    /// Writes the network input of `observation` into `features`, through the encoder's stored form.
    private func encode(_ observation: Encoder.Observation) {
        stored.withUnsafeMutableBufferPointer { encoder.store(observation, into: $0) }
        stored.withUnsafeBufferPointer { source in
            features.withUnsafeMutableBufferPointer { encoder.decode(source, into: $0) }
        }
    }
}
