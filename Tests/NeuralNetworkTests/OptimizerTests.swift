import Foundation
import Testing
import TensorCore
@testable import NeuralNetwork

/// Optimizers against closed-form values of their first steps.
struct OptimizerTests {
    /// A parameter whose gradient is `gradient` (from d/dp of Σ p·gradient).
    func setGradient(_ parameter: Parameter, _ gradient: [Float]) {
        parameter.clearGradient()
        (parameter.value * Tensor(gradient)).sum().backward()
    }

    @Test func adamFirstStepsMatchClosedForm() {
        let parameter = Parameter(Tensor([1, -2]))
        let adam = Adam(parameters: [parameter], learningRate: 0.1)
        let gradients: [[Float]] = [[0.5, -1], [0.25, 2], [-1, 0.5]]
        var m: [Double] = [0, 0], v: [Double] = [0, 0], p: [Double] = [1, -2]
        for (t, g) in gradients.enumerated() {
            setGradient(parameter, g)
            adam.step()
            for i in 0..<2 {
                m[i] = 0.9 * m[i] + 0.1 * Double(g[i])
                v[i] = 0.999 * v[i] + 0.001 * Double(g[i]) * Double(g[i])
                let mHat = m[i] / (1 - pow(0.9, Double(t + 1))), vHat = v[i] / (1 - pow(0.999, Double(t + 1)))
                p[i] -= 0.1 * mHat / (vHat.squareRoot() + 1e-8)
            }
            #expect(isClose(parameter.value.scalars, p.map(Float.init)), "step \(t + 1)")
        }
    }

    @Test func sgdWithMomentumAndNesterov() {
        let plain = Parameter(Tensor([1])), nesterov = Parameter(Tensor([1]))
        let momentum = SGD(parameters: [plain], learningRate: 0.1, momentum: 0.9)
        let nesterovSGD = SGD(parameters: [nesterov], learningRate: 0.1, momentum: 0.9, nesterov: true)
        for _ in 0..<2 {
            setGradient(plain, [1])
            setGradient(nesterov, [1])
            momentum.step()
            nesterovSGD.step()
        }
        // Momentum: buffers 1 then 1.9 → 1 − 0.1 − 0.19. Nesterov: steps 1.9 then 1 + 0.9·1.9.
        #expect(isClose(plain.value.scalars, [0.71]))
        #expect(isClose(nesterov.value.scalars, [1 - 0.19 - 0.271]))
    }

    @Test func rmspropPlainAndCentered() {
        let plain = Parameter(Tensor([1])), centered = Parameter(Tensor([1]))
        let a = RMSProp(parameters: [plain], learningRate: 0.01, alpha: 0.9)
        let b = RMSProp(parameters: [centered], learningRate: 0.01, alpha: 0.9, epsilon: 0.01, centered: true)
        setGradient(plain, [2])
        setGradient(centered, [2])
        a.step()
        b.step()
        // v = 0.1·4 = 0.4; centered: v − (0.1·2)² = 0.36.
        #expect(isClose(plain.value.scalars, [1 - 0.01 * 2 / (Float(0.4).squareRoot() + 1e-8)]))
        #expect(isClose(centered.value.scalars, [1 - 0.01 * 2 / (0.6 + 0.01)]))
    }

    /// The vectorized RMSProp gives, bit for bit, the rule written out element by element in Swift (unfused, in
    /// the documented order), in each of its four forms, over a length that leaves tails after every vector width
    /// and one long enough to be split between threads.
    @Test(arguments: [(false, Float(0)), (true, 0), (false, 0.9), (true, 0.9)], [1037, 2 * OptimizerKernels.minimumElementsPerPart + 3])
    func rmspropMatchesTheScalarRuleBitForBit(form: (centered: Bool, momentum: Float), count: Int) {
        let (centered, momentum) = form
        let (alpha, rate, epsilon): (Float, Float, Float) = (0.95, 0.01, 0.01)
        var generator = SplitMix64(seed: 5)
        let initial = Tensor.uniform([count], low: -1, high: 1, using: &generator)
        let parameter = Parameter(initial)
        let optimizer = RMSProp(parameters: [parameter], learningRate: rate, alpha: alpha, epsilon: epsilon,
                                momentum: momentum, centered: centered)
        var p = initial.scalars, square = [Float](repeating: 0, count: p.count), mean = square, velocity = square
        for _ in 0..<3 {
            let g = Tensor.uniform([p.count], low: -2, high: 2, using: &generator).scalars
            setGradient(parameter, g)
            optimizer.step()
            for i in p.indices {
                square[i] = alpha * square[i] + (1 - alpha) * g[i] * g[i]
                var d = square[i]
                if centered {
                    mean[i] = alpha * mean[i] + (1 - alpha) * g[i]
                    d -= mean[i] * mean[i]
                }
                d = d.squareRoot() + epsilon
                if momentum != 0 {
                    velocity[i] = momentum * velocity[i] + g[i] / d
                    p[i] -= rate * velocity[i]
                } else {
                    p[i] -= rate * g[i] / d
                }
            }
        }
        #expect(parameter.value.scalars.map(\.bitPattern) == p.map(\.bitPattern))
    }

    @Test func gradientClippingByGlobalNorm() {
        let a = Parameter(Tensor([0, 0])), b = Parameter(Tensor([0]))
        setGradient(a, [3, 0])
        setGradient(b, [4])
        let norm = clipGradientNorm([a, b], maxNorm: 1)
        #expect(isClose([norm], [5]))
        #expect(isClose(a.gradient!.scalars + b.gradient!.scalars, [0.6, 0, 0.8], tolerance: 1e-5))
        #expect(isClose([clipGradientNorm([a, b], maxNorm: 10)], [1], tolerance: 1e-5))
        #expect(isClose(b.gradient!.scalars, [0.8], tolerance: 1e-5))
    }
}
