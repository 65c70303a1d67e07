/// The running mean and variance of a stream of vectors, updated one sample at a time with Chan et al.'s parallel
/// formula and started as Gymnasium's `RunningMeanStd` starts: mean 0, variance 1, a count of 1e-4. The arithmetic is
/// in `Scalar` with the count converted to it, as NumPy does with float32 statistics, so the numbers match.
public struct RunningMeanVariance<Scalar: BinaryFloatingPoint & Codable & Sendable>: Codable, Equatable, Sendable {
    /// The mean of each component.
    public var mean: [Scalar]
    /// The (population) variance of each component.
    public var variance: [Scalar]
    /// Samples seen, plus the initial 1e-4.
    public var count: Double

    /// Statistics of vectors of `size` components, before any sample.
    public init(size: Int) {
        mean = Array(repeating: 0, count: size)
        variance = Array(repeating: 1, count: size)
        count = 1e-4
    }

    /// Adds one sample.
    public mutating func update(_ sample: [Scalar]) {
        precondition(sample.count == mean.count, "a sample of \(sample.count) components for statistics of \(mean.count)")
        let total = count + 1
        for index in mean.indices {
            let delta = sample[index] - mean[index]
            mean[index] += delta / Scalar(total)
            variance[index] = (variance[index] * Scalar(count) + delta * delta * Scalar(count) / Scalar(total)) / Scalar(total)
        }
        count = total
    }
}
