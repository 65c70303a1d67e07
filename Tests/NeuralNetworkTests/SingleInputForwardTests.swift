import Testing
import TensorCore
@testable import NeuralNetwork

/// The tensor-free forward pass of one input: the bits of the tensor path, the current parameters after training
/// steps, and refusal of networks it cannot run.
struct SingleInputForwardTests {
    func multilayerPerceptron(seed: UInt64) -> Sequential {
        var generator = SeededGenerator(seed: seed)
        return Sequential {
            Linear(4, 64, using: &generator)
            ReLU()
            Linear(64, 33, using: &generator)
            Tanh()
            Linear(33, 7, bias: false, using: &generator)
            LeakyReLU(negativeSlope: 0.1)
            Linear(7, 2, using: &generator)
        }
    }

    func outputs(of forward: SingleInputForward, _ input: [Float]) -> [Float] {
        input.withUnsafeBufferPointer { Array(forward($0)) }
    }

    @Test func givesTheBitsOfTheTensorForwardPass() throws {
        let network = multilayerPerceptron(seed: 3)
        let forward = try #require(SingleInputForward(network))
        #expect(forward.inputCount == 4 && forward.outputCount == 2)
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<20 {
            let input = Tensor.uniform([1, 4], low: -2, high: 2, using: &generator)
            let expected = withoutGradient { network(input) }.scalars
            #expect(outputs(of: forward, input.scalars) == expected)
        }
    }

    @Test func followsTheParametersAsTheyTrain() throws {
        let network = multilayerPerceptron(seed: 5)
        let forward = try #require(SingleInputForward(network))
        let optimizer = Adam(parameters: network.parameters, learningRate: 0.05)
        let input = Tensor(shape: [1, 4], scalars: [0.5, -1, 0.25, 2])
        let before = outputs(of: forward, input.scalars)
        for _ in 0..<3 {
            optimizer.clearGradients()
            Loss.meanSquaredError(network(input), Tensor(shape: [1, 2], scalars: [3, -3])).backward()
            optimizer.step()
        }
        let after = outputs(of: forward, input.scalars)
        #expect(after != before)
        #expect(after == withoutGradient { network(input) }.scalars)
    }

    @Test func refusesNetworksItCannotRun() {
        var generator = SeededGenerator(seed: 6)
        let convolutional = Sequential {
            Conv2d(inputChannels: 1, outputChannels: 2, kernelSize: 3, using: &generator)
            Flatten()
            Linear(2, 2, using: &generator)
        }
        let activationFirst = Sequential {
            ReLU()
            Linear(3, 2, using: &generator)
        }
        let mismatched = Sequential {
            Linear(3, 5, using: &generator)
            Linear(4, 2, using: &generator)
        }
        #expect(SingleInputForward(convolutional) == nil)
        #expect(SingleInputForward(activationFirst) == nil)
        #expect(SingleInputForward(mismatched) == nil)
        #expect(SingleInputForward(Sequential([])) == nil)
    }
}
