import Gym
import TensorCore

/// An index drawn with the given probabilities (which sum to 1 up to rounding); the last one when rounding leaves
/// the draw above the total.
func sampleCategorical(_ probabilities: some Collection<Float>, using generator: inout RandomGenerator) -> Int {
    var threshold = Float(generator.nextDouble())
    for (index, probability) in probabilities.enumerated() {
        threshold -= probability
        if threshold < 0 { return index }
    }
    return probabilities.count - 1
}

extension Tensor {
    /// The mean entropy −Σ p log p of the categorical distributions whose log-probabilities are the rows of this
    /// `[batch, classes]` tensor.
    func meanCategoricalEntropy() -> Tensor {
        -(exp() * self).sum(alongAxis: 1).mean()
    }
}
