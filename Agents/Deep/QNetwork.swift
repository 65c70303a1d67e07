import NeuralNetwork

/// The networks deep agents build from an observation's kind.
public enum QNetwork {
    /// An MLP for vector inputs: `inputs → hidden[0] → ReLU → … → outputs`, PyTorch-default initialization.
    public static func multilayerPerceptron(inputs: Int, hidden: [Int], outputs: Int,
                                            using generator: inout some RandomNumberGenerator) -> Sequential {
        var layers: [any Layer] = []
        var width = inputs
        for size in hidden {
            layers.append(Linear(width, size, using: &generator))
            layers.append(ReLU())
            width = size
        }
        layers.append(Linear(width, outputs, using: &generator))
        return Sequential(layers)
    }
}
