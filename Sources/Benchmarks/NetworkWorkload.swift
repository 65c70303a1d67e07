import NeuralNetwork
import TensorCore

/// A network, its Adam optimizer and fixed random inputs: the unit of the network benchmarks.
struct NetworkWorkload {
    let network: Sequential
    let optimizer: Adam
    let inputShape: [Int]
    let outputs: Int
    let inputs: Tensor
    let targets: Tensor

    init(network: Sequential, inputShape: [Int], outputs: Int, maximumBatch: Int, using generator: inout SplitMix64) {
        self.network = network
        optimizer = Adam(parameters: network.parameters, learningRate: 1e-4)
        self.inputShape = inputShape
        self.outputs = outputs
        inputs = Tensor.uniform([maximumBatch] + inputShape, using: &generator)
        targets = Tensor.uniform([maximumBatch, outputs], using: &generator)
    }

    /// The Nature-DQN network: 4x84x84 → conv 32 8x8/4 → conv 64 4x4/2 → conv 64 3x3/1 → fc 512 → 6.
    static func natureCNN(using generator: inout SplitMix64) -> NetworkWorkload {
        let network = StandardNetworks.natureCNN(inputShape: [4, 84, 84], outputs: 6, using: &generator)
        return NetworkWorkload(network: network, inputShape: [4, 84, 84], outputs: 6, maximumBatch: 32, using: &generator)
    }

    /// The MinAtar network: 4x10x10 → conv 16 3x3 → fc 128 → 6.
    static func minAtar(using generator: inout SplitMix64) -> NetworkWorkload {
        let network = StandardNetworks.minAtar(inputShape: [4, 10, 10], outputs: 6, using: &generator)
        return NetworkWorkload(network: network, inputShape: [4, 10, 10], outputs: 6, maximumBatch: 32, using: &generator)
    }

    /// A CartPole MLP: 4 → 120 → 84 → 2.
    static func cartPoleMLP(using generator: inout SplitMix64) -> NetworkWorkload {
        let network = StandardNetworks.multilayerPerceptron(inputs: 4, hidden: [120, 84], outputs: 2, using: &generator)
        return NetworkWorkload(network: network, inputShape: [4], outputs: 2, maximumBatch: 128, using: &generator)
    }

    /// RL Baselines3 Zoo's DQN CartPole MLP, 4 → 256 → 256 → 2 (the update `gym run dqn cartpole` spent its time in
    /// before its preset narrowed the layers to 64).
    static func dqnCartPoleMLP(using generator: inout SplitMix64) -> NetworkWorkload {
        let network = StandardNetworks.multilayerPerceptron(inputs: 4, hidden: [256, 256], outputs: 2, using: &generator)
        return NetworkWorkload(network: network, inputShape: [4], outputs: 2, maximumBatch: 64, using: &generator)
    }

    /// One inference pass without recording gradients (the first `batch` inputs; all of them are not copied).
    func forward(batch: Int) {
        _ = withoutGradient { network(batch == inputs.shape[0] ? inputs : inputs[0..<batch]) }
    }

    /// One training step: forward, MSE loss, backward, Adam.
    func update(batch: Int) {
        optimizer.clearGradients()
        let (x, y) = batch == inputs.shape[0] ? (inputs, targets) : (inputs[0..<batch], targets[0..<batch])
        Loss.meanSquaredError(network(x), y).backward()
        optimizer.step()
    }
}

