import Gym
import NeuralNetwork

/// The body of a deep agent's networks; the head is the configuration's hidden layers and one output per action.
///
/// By default it follows the observation's kind: vectors get an MLP, channel grids (the arcade games' 10x10
/// boards) the MinAtar convolution, larger images (84x84 preprocessed frames) the Nature CNN.
public enum NetworkArchitecture: String, Equatable, Sendable, CaseIterable, Codable {
    /// Fully connected layers only (an image is flattened first).
    case mlp
    /// MinAtar's conv 16 3x3 stride 1, then the hidden layers.
    case minatar
    /// The Nature DQN convolutions (32 8x8/4, 64 4x4/2, 64 3x3/1), then the hidden layers.
    case nature

    /// The architecture for inputs of `inputShape`: an MLP for vectors, MinAtar's convolution for images smaller
    /// than 36x36, the Nature CNN for larger ones.
    public static func automatic(for inputShape: [Int]) -> NetworkArchitecture {
        guard inputShape.count == 3 else { return .mlp }
        return inputShape[1] < 36 || inputShape[2] < 36 ? .minatar : .nature
    }

    /// Throws a clear error when this architecture cannot read inputs of `inputShape`.
    public func validate(inputShape: [Int]) throws {
        switch self {
        case .mlp:
            return
        case .minatar:
            guard inputShape.count == 3, inputShape[1] >= 3, inputShape[2] >= 3 else {
                throw GymError("the minatar network needs [channels, height, width] inputs of at least 3x3, got \(inputShape); vector observations need the mlp network")
            }
        case .nature:
            let size = inputShape.count == 3 ? StandardNetworks.natureFeatureSize(height: inputShape[1], width: inputShape[2]) : (0, 0)
            guard size.0 > 0, size.1 > 0 else {
                throw GymError("the nature network needs [channels, height, width] inputs of at least 36x36 (84x84 in the paper), got \(inputShape); an arcade game observed as 84x84 pixel frames provides them, and the minatar network fits small boards")
            }
        }
    }

    /// A freshly initialized network from `inputShape` through `hidden` to `outputs`.
    public func build(inputShape: [Int], hidden: [Int], outputs: Int,
                      using generator: inout some RandomNumberGenerator) -> Sequential {
        switch self {
        case .mlp:
            let inputs = inputShape.reduce(1, *)
            let mlp = StandardNetworks.multilayerPerceptron(inputs: inputs, hidden: hidden, outputs: outputs, using: &generator)
            return inputShape.count == 1 ? mlp : Sequential([Flatten()] + mlp.layers)
        case .minatar:
            return StandardNetworks.minAtar(inputShape: inputShape, hidden: hidden, outputs: outputs, using: &generator)
        case .nature:
            return StandardNetworks.natureCNN(inputShape: inputShape, hidden: hidden, outputs: outputs, using: &generator)
        }
    }
}
