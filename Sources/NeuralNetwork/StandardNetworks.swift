import TensorCore

/// The network bodies deep RL papers use, built with PyTorch's default initialization.
///
/// Each builder returns a ``Sequential`` whose layer names (`0.weight`, `0.bias`, …) match the same network written
/// as `nn.Sequential` in PyTorch, so checkpoints line up with a CleanRL port.
public enum StandardNetworks {
    /// A multilayer perceptron: `inputs → hidden[0] → ReLU → … → outputs`.
    public static func multilayerPerceptron(inputs: Int, hidden: [Int], outputs: Int,
                                            using generator: inout some RandomNumberGenerator) -> Sequential {
        Sequential(denseLayers(inputs: inputs, hidden: hidden, outputs: outputs, using: &generator))
    }

    /// The MinAtar network (Young & Tian, 2019): conv 16 3x3 stride 1 → ReLU → flatten → `hidden` → `outputs`.
    ///
    /// On a 10x10 board the convolution leaves 16x8x8 = 1024 features; MinAtar's head is one layer of 128.
    public static func minAtar(inputShape: [Int], hidden: [Int] = [128], outputs: Int,
                               using generator: inout some RandomNumberGenerator) -> Sequential {
        let (channels, height, width) = (inputShape[0], inputShape[1], inputShape[2])
        var layers: [any Layer] = [
            Conv2d(inputChannels: channels, outputChannels: 16, kernelSize: 3, using: &generator), ReLU(), Flatten(),
        ]
        layers += denseLayers(inputs: 16 * (height - 2) * (width - 2), hidden: hidden, outputs: outputs, using: &generator)
        return Sequential(layers)
    }

    /// The Nature DQN network (Mnih et al., 2015): conv 32 8x8/4 → conv 64 4x4/2 → conv 64 3x3/1, each with ReLU,
    /// then flatten → `hidden` (512 in the paper) → `outputs`. An 84x84 input leaves 64x7x7 = 3136 features.
    public static func natureCNN(inputShape: [Int], hidden: [Int] = [512], outputs: Int,
                                 using generator: inout some RandomNumberGenerator) -> Sequential {
        let channels = inputShape[0]
        var layers: [any Layer] = [
            Conv2d(inputChannels: channels, outputChannels: 32, kernelSize: 8, stride: 4, using: &generator), ReLU(),
            Conv2d(inputChannels: 32, outputChannels: 64, kernelSize: 4, stride: 2, using: &generator), ReLU(),
            Conv2d(inputChannels: 64, outputChannels: 64, kernelSize: 3, stride: 1, using: &generator), ReLU(),
            Flatten(),
        ]
        let (height, width) = natureFeatureSize(height: inputShape[1], width: inputShape[2])
        layers += denseLayers(inputs: 64 * height * width, hidden: hidden, outputs: outputs, using: &generator)
        return Sequential(layers)
    }

    /// The spatial size the Nature convolutions leave of a `height` x `width` input (7x7 for 84x84; not positive
    /// when the input is smaller than 36x36).
    public static func natureFeatureSize(height: Int, width: Int) -> (height: Int, width: Int) {
        func reduce(_ side: Int) -> Int {
            let first = (side - 8) / 4 + 1
            let second = (first - 4) / 2 + 1
            return second - 2
        }
        return (reduce(height), reduce(width))
    }

    /// Linear layers with ReLU between them.
    private static func denseLayers(inputs: Int, hidden: [Int], outputs: Int,
                                    using generator: inout some RandomNumberGenerator) -> [any Layer] {
        var layers: [any Layer] = []
        var width = inputs
        for size in hidden {
            layers.append(Linear(width, size, using: &generator))
            layers.append(ReLU())
            width = size
        }
        layers.append(Linear(width, outputs, using: &generator))
        return layers
    }
}
