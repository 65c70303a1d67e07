import Foundation
import Testing
import TensorCore
@testable import NeuralNetwork

/// Layers, naming, parameter copies, losses and checkpoints.
struct LayerTests {
    func smallNetwork(seed: UInt64) -> Sequential {
        var generator = SeededGenerator(seed: seed)
        return Sequential {
            Conv2d(inputChannels: 2, outputChannels: 3, kernelSize: 3, padding: 1, using: &generator)
            ReLU()
            MaxPool2d(kernelSize: 2)
            Flatten()
            Linear(12, 4, using: &generator)
            Tanh()
            Linear(4, 2, bias: false, using: &generator)
        }
    }

    @Test func namesShapesAndForward() {
        let network = smallNetwork(seed: 1)
        #expect(network.namedParameters.map(\.name) == ["0.weight", "0.bias", "4.weight", "4.bias", "6.weight"])
        #expect(network.namedParameters.map(\.parameter.shape) == [[3, 2, 3, 3], [3], [4, 12], [4], [2, 4]])
        #expect(network.parameterCount == 54 + 3 + 48 + 4 + 8)
        var generator = SeededGenerator(seed: 2)
        let output = network(Tensor.uniform([5, 2, 4, 4], using: &generator))
        #expect(output.shape == [5, 2])
    }

    @Test func pytorchDefaultInitializationBounds() {
        var generator = SeededGenerator(seed: 3)
        let layer = Linear(100, 50, using: &generator)
        let bound: Float = 1 / 10
        #expect(layer.weight.value.scalars.allSatisfy { Swift.abs($0) <= bound })
        #expect(layer.weight.value.abs().max().item > 0.95 * bound)
        #expect(layer.bias!.value.scalars.allSatisfy { Swift.abs($0) <= bound })
        let xavier = Initialization.xavierUniform([50, 100], using: &generator)
        #expect(xavier.abs().max().item <= (Float(6) / 150).squareRoot())
    }

    /// W Wᵀ = gain² I for a wide weight (orthonormal rows), Wᵀ W = gain² I for a tall one (orthonormal columns),
    /// convolution kernels flattened to `[out, in · kh · kw]`.
    @Test(arguments: [[3, 8], [8, 3], [4, 2, 2, 2], [5, 5]])
    func orthogonalInitialization(shape: [Int]) {
        var generator = SeededGenerator(seed: 4)
        let gain: Float = 2
        let weight = Initialization.orthogonal(shape, gain: gain, using: &generator)
        let matrix = weight.reshaped([shape[0], -1])
        let product = shape[0] <= matrix.shape[1] ? matrix.matmul(matrix.transposed()) : matrix.transposed().matmul(matrix)
        let size = product.shape[0]
        for i in 0..<size {
            for j in 0..<size {
                #expect(Swift.abs(product.scalars[i * size + j] - (i == j ? gain * gain : 0)) < 1e-4)
            }
        }
    }

    @Test func copyAndPolyakUpdate() {
        let online = smallNetwork(seed: 4), target = smallNetwork(seed: 5)
        let before = target.parameters.map(\.value)
        target.polyakUpdate(from: online, rate: 0.25)
        for ((t, o), b) in zip(zip(target.parameters, online.parameters), before) {
            #expect(isClose(t.value.scalars, (b * 0.75 + o.value * 0.25).scalars, tolerance: 1e-6))
        }
        target.copyParameters(from: online)
        #expect(target.parameters.map(\.value) == online.parameters.map(\.value))
        online.parameters[0].update { $0[0] += 1 }
        #expect(target.parameters[0].value != online.parameters[0].value)
    }

    @Test func knownLosses() {
        let prediction = Tensor([0, 2, 5]), target = Tensor([1, 2, 2])
        #expect(isClose([Loss.meanSquaredError(prediction, target).item], [10.0 / 3]))
        // Huber (δ = 1): 0.5, 0, 2.5 → mean 1.
        #expect(isClose([Loss.huber(prediction, target).item], [1]))
        let logits = Tensor([[0, 0], [Float(log(3.0)), 0]])
        // Row 0: −log ½; row 1 label 1: −log ¼.
        #expect(isClose([Loss.crossEntropy(logits: logits, labels: [0, 1]).item], [Float((log(2.0) + log(4.0)) / 2)]))
    }

    @Test func huberGradientIsClippedDifference() {
        let prediction = Tensor([0, 2, 5, 2.5]).requiringGradient()
        Loss.huber(prediction, Tensor([1, 2, 2, 2])).backward()
        #expect(isClose(prediction.gradient!.scalars, [-0.25, 0, 0.25, 0.125]))
    }

    @Test func checkpointRoundTripWithAdamState() throws {
        let network = smallNetwork(seed: 6)
        let adam = Adam(parameters: network.parameters)
        var generator = SeededGenerator(seed: 7)
        network(Tensor.uniform([2, 2, 4, 4], using: &generator)).sum().backward()
        adam.step()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try Checkpoint.save(network, optimizer: adam, to: url)
        let restored = smallNetwork(seed: 8)
        let restoredAdam = Adam(parameters: restored.parameters)
        try Checkpoint.load(into: restored, optimizer: restoredAdam, from: url)
        #expect(restored.parameters.map(\.value) == network.parameters.map(\.value))
        #expect(restoredAdam.stepCount == 1)
        #expect(restoredAdam.secondMoments == adam.secondMoments)
        let parametersOnly = smallNetwork(seed: 9)
        try Checkpoint.load(into: parametersOnly, from: url)
        #expect(parametersOnly.parameters.map(\.value) == network.parameters.map(\.value))
    }

    @Test func checkpointMismatchNamesTheTensor() throws {
        var generator = SeededGenerator(seed: 10)
        let network = Sequential { Linear(3, 2, using: &generator) }
        let other = Sequential { Linear(4, 2, using: &generator) }
        #expect(throws: Checkpoint.Mismatch.shape(name: "0.weight", expected: [2, 4], found: [2, 3])) {
            try Checkpoint.load(into: other, tensors: Checkpoint.tensors(of: network))
        }
        #expect(throws: Checkpoint.Mismatch.missing("0.bias")) {
            try Checkpoint.load(into: network, tensors: ["0.weight": Tensor.zeros([2, 3])])
        }
        #expect(throws: Checkpoint.Mismatch.unexpected("1.weight")) {
            try Checkpoint.load(into: network, tensors: Checkpoint.tensors(of: network).merging(["1.weight": Tensor(1)]) { a, _ in a })
        }
    }

    /// The exact bytes Python's `safetensors.numpy.save({"b": [[1, 2], [3, 4]], "a": [1.5]})` produces.
    @Test func safetensorsBytesMatchReferenceImplementation() {
        let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[2,2],"data_offsets":[4,20]}}  "#
        var expected: [UInt8] = [112, 0, 0, 0, 0, 0, 0, 0] + Array(header.utf8)
        expected += [0, 0, 192, 63, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64]
        let encoded = Safetensors.encode(["b": Tensor([[1, 2], [3, 4]]), "a": Tensor([1.5])])
        #expect(Array(encoded) == expected)
    }

    @Test func safetensorsRejectsCorruptFiles() throws {
        let data = Safetensors.encode(["a": Tensor([1, 2, 3])], metadata: ["k": "v"])
        let decoded = try Safetensors.decode(data)
        #expect(decoded.tensors["a"] == Tensor([1, 2, 3]))
        #expect(decoded.metadata == ["k": "v"])
        #expect(throws: Safetensors.Failure.self) { try Safetensors.decode(data.prefix(5)) }
        #expect(throws: Safetensors.Failure.self) { try Safetensors.decode(data.prefix(data.count - 4)) }
        var garbled = data
        garbled[9] = UInt8(ascii: "#")
        #expect(throws: Safetensors.Failure.malformedHeader("not valid JSON")) { try Safetensors.decode(garbled) }
    }
}
