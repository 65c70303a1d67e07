import TensorCore

/// Loss functions; each returns the mean over all elements (or rows) as a scalar tensor.
public enum Loss {
    /// Mean squared error: mean((prediction − target)²).
    public static func meanSquaredError(_ prediction: Tensor, _ target: Tensor) -> Tensor {
        (prediction - target).squared().mean()
    }

    /// Huber loss (smooth L1 for delta = 1): ½d² where |d| ≤ delta, delta·(|d| − ½delta) beyond.
    public static func huber(_ prediction: Tensor, _ target: Tensor, delta: Float = 1) -> Tensor {
        let distance = (prediction - target).abs()
        let quadratic = distance.clamped(max: delta)
        return (quadratic.squared() * 0.5 + (distance - quadratic) * delta).mean()
    }

    /// Negative log-likelihood of `labels` under log-probabilities `[batch, classes]`, averaged over rows.
    public static func negativeLogLikelihood(logProbabilities: Tensor, labels: [Int]) -> Tensor {
        precondition(logProbabilities.rank == 2 && logProbabilities.shape[0] == labels.count,
                     "need [batch, classes] log-probabilities and one label per row")
        return -logProbabilities.gather(alongAxis: 1, indices: labels).mean()
    }

    /// Cross-entropy of `labels` under unnormalized `logits` `[batch, classes]`, averaged over rows.
    public static func crossEntropy(logits: Tensor, labels: [Int]) -> Tensor {
        negativeLogLikelihood(logProbabilities: logits.logSoftmax(alongAxis: 1), labels: labels)
    }
}
