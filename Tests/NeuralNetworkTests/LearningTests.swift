import Testing
import TensorCore
@testable import NeuralNetwork

/// Small networks learn small problems on a fixed seed.
struct LearningTests {
    @Test func mlpLearnsXOR() {
        var generator = SeededGenerator(seed: 42)
        let network = Sequential {
            Linear(2, 8, using: &generator)
            Tanh()
            Linear(8, 1, using: &generator)
        }
        let inputs = Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
        let targets = Tensor(shape: [4, 1], scalars: [0, 1, 1, 0])
        let adam = Adam(parameters: network.parameters, learningRate: 0.05)
        for _ in 0..<300 {
            adam.clearGradients()
            Loss.meanSquaredError(network(inputs), targets).backward()
            adam.step()
        }
        let predictions = withoutGradient { network(inputs) }.scalars
        #expect(zip(predictions, targets.scalars).allSatisfy { Swift.abs($0 - $1) < 0.1 }, "\(predictions)")
    }

    /// Two classes of 6x6 images: a bright vertical bar or a bright horizontal bar, at random positions.
    func barImages(count: Int, generator: inout SeededGenerator) -> (Tensor, [Int]) {
        var pixels: [Float] = []
        var labels: [Int] = []
        for _ in 0..<count {
            let label = Int(generator.next() % 2), position = Int(generator.next() % 6)
            for y in 0..<6 {
                for x in 0..<6 {
                    let onBar = label == 0 ? x == position : y == position
                    pixels.append((onBar ? 1 : 0) + Float(generator.next() % 100) / 500)
                }
            }
            labels.append(label)
        }
        return (Tensor(shape: [count, 1, 6, 6], scalars: pixels), labels)
    }

    @Test func convNetSeparatesTwoImageClasses() {
        var generator = SeededGenerator(seed: 7)
        let network = Sequential {
            Conv2d(inputChannels: 1, outputChannels: 4, kernelSize: 3, padding: 1, using: &generator)
            ReLU()
            MaxPool2d(kernelSize: 2)
            Flatten()
            Linear(36, 2, using: &generator)
        }
        let optimizer = Adam(parameters: network.parameters, learningRate: 0.02)
        for _ in 0..<60 {
            let (images, labels) = barImages(count: 16, generator: &generator)
            optimizer.clearGradients()
            Loss.crossEntropy(logits: network(images), labels: labels).backward()
            optimizer.step()
        }
        let (images, labels) = barImages(count: 64, generator: &generator)
        let predicted = withoutGradient { network(images) }.argmax(alongAxis: 1)
        let accuracy = Float(zip(predicted, labels).filter { $0 == $1 }.count) / 64
        #expect(accuracy >= 0.95, "accuracy \(accuracy)")
    }
}
