import NeuralNetwork

/// `gym bench tensor`: GEMM, the Nature-DQN CNN, the MinAtar net, a CartPole MLP update and memory over 100k
/// updates, at each requested thread count, with the PyTorch/NumPy figures measured on the reference machine.
struct TensorSuite: BenchmarkSuite {
    static let name = "tensor"
    static let summary = "GEMM GFLOP/s, Nature-DQN CNN, MinAtar net and CartPole MLP steps, memory over 100k updates"

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        TensorBenchmarks.run(threads: settings.threadCounts, report: report)
    }
}
