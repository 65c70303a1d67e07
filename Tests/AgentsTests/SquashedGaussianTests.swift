import Agents
import Foundation
import TensorCore
import Testing

@Suite struct SquashedGaussianTests {
    /// log π(a) for one row, in Double: Σ log N(u; μ, σ) − Σ log(1 − tanh² u), with u = μ + σ ε.
    static func closedForm(mean: [Double], logStandardDeviation: [Double], noise: [Double]) -> (actions: [Double], logProbability: Double) {
        var total = 0.0
        var actions: [Double] = []
        for index in mean.indices {
            let sigma = exp(logStandardDeviation[index])
            let u = mean[index] + sigma * noise[index]
            let density = -0.5 * pow((u - mean[index]) / sigma, 2) - log(sigma) - 0.5 * log(2 * Double.pi)
            total += density - log(1 - tanh(u) * tanh(u))
            actions.append(tanh(u))
        }
        return (actions, total)
    }

    @Test func logProbabilityMatchesTheClosedForm() {
        let mean: [Float] = [0.3, -1.2, 2.0, 0.0, -0.5, 4.0]
        let logStd: [Float] = [-0.5, 0.2, -1.0, 0.0, -3.0, 0.5]
        let noise: [Float] = [1.1, -0.4, 0.7, -2.0, 0.0, 1.3]   // the last row's u is 6.1: tanh² u is 1 − 2e-5
        let (actions, logProbabilities) = SquashedGaussianPolicy.squashedSample(
            mean: Tensor(shape: [3, 2], scalars: mean), logStandardDeviation: Tensor(shape: [3, 2], scalars: logStd),
            noise: Tensor(shape: [3, 2], scalars: noise))
        #expect(logProbabilities.shape == [3, 1])
        for row in 0..<3 {
            let columns = (2 * row)..<(2 * row + 2)
            let expected = Self.closedForm(mean: columns.map { Double(mean[$0]) },
                                           logStandardDeviation: columns.map { Double(logStd[$0]) },
                                           noise: columns.map { Double(noise[$0]) })
            #expect(abs(Double(logProbabilities.scalars[row]) - expected.logProbability) < 1e-4 * (1 + abs(expected.logProbability)),
                    "row \(row): \(logProbabilities.scalars[row]) vs \(expected.logProbability)")
            for (column, action) in zip(columns, expected.actions) {
                #expect(abs(Double(actions.scalars[column]) - action) < 1e-6)
            }
        }
    }

    @Test func logProbabilityStaysFiniteWhereTanhSaturates() {
        // u = 20: 1 − tanh² u rounds to 0 in Float, but log(1 − tanh² u) = log 4 − 2u − 2 log(1 + e^−2u) ≈ −38.61.
        let (_, logProbabilities) = SquashedGaussianPolicy.squashedSample(
            mean: Tensor(shape: [1, 1], scalars: [20]), logStandardDeviation: Tensor(shape: [1, 1], scalars: [0]),
            noise: Tensor(shape: [1, 1], scalars: [0]))
        let expected = -0.5 * log(2 * Double.pi) - (log(4) - 40 - 2 * log(1 + exp(-40.0)))
        #expect(abs(Double(logProbabilities.item) - expected) < 1e-4)
    }

    @Test func actionsAndLogProbabilitiesHaveFiniteDifferenceGradients() {
        let noise = Tensor(shape: [2, 2], scalars: [0.8, -1.3, 0.1, 0.6])
        let start: [[Float]] = [[0.4, -0.9, 1.5, 0.2], [-0.3, 0.1, -0.8, 0.5]]   // mean, log σ
        // A scalar that depends on both outputs: Σ w · a + Σ v · log π.
        let weights = Tensor(shape: [2, 2], scalars: [0.7, -0.2, 0.4, 1.1])
        let rowWeights = Tensor(shape: [2, 1], scalars: [0.5, -1.5])
        func objective(_ inputs: [Tensor]) -> Tensor {
            let (actions, logProbabilities) = SquashedGaussianPolicy.squashedSample(
                mean: inputs[0], logStandardDeviation: inputs[1], noise: noise)
            return (actions * weights).sum() + (logProbabilities * rowWeights).sum()
        }
        let leaves = start.map { Tensor(shape: [2, 2], scalars: $0).requiringGradient() }
        objective(leaves).backward()
        let step: Float = 1e-3
        for input in 0..<2 {
            let analytic = leaves[input].gradient?.scalars ?? []
            #expect(analytic.count == 4)
            for element in 0..<4 {
                var above = start, below = start
                above[input][element] += step
                below[input][element] -= step
                let value = { (values: [[Float]]) in
                    withoutGradient { objective(values.map { Tensor(shape: [2, 2], scalars: $0) }).item }
                }
                let numeric = (value(above) - value(below)) / (2 * step)
                #expect(abs(analytic[element] - numeric) < 5e-3 * (1 + abs(numeric)),
                        "input \(input) element \(element): \(analytic[element]) vs \(numeric)")
            }
        }
    }
}
