import NeuralNetwork
/// One measured benchmark number, ready to print or serialize (`gym bench` reports every suite with it).
public struct BenchmarkFigure: Sendable, Equatable, Codable {
    /// A stable identifier, such as `gemm_512_t1` or `nature_cnn_train_b32_t1`.
    public var name: String
    /// The measured value.
    public var value: Double
    /// The unit of `value`, such as `GFLOP/s`, `ms` or `MB`.
    public var unit: String
    /// What the figure is measured on, and the target it is held to (peers are measured in the same run, after the
    /// suite, by its ``BenchmarkSuite/peerScript``).
    public var comparison: String?

    /// Creates a figure.
    public init(name: String, value: Double, unit: String, comparison: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.comparison = comparison
    }
}
