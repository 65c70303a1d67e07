import NeuralNetwork

/// `gym bench tensor`: GEMM, the Nature-DQN CNN, the MinAtar net, a CartPole MLP update and memory over 100k
/// updates, at each requested thread count; `scripts/peers/tensor_bench.py` measures NumPy and PyTorch after it.
struct TensorSuite: BenchmarkSuite {
    static let name = "tensor"
    static let peerScript: PeerScript? = PeerScript(name: "tensor_bench.py") { threads in
        ["--threads", (threads.isEmpty ? [1] : threads).map(String.init).joined(separator: ",")]
    }
    static let summary = "GEMM GFLOP/s, Nature-DQN CNN, MinAtar net and CartPole MLP steps, memory over 100k updates"

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        TensorBenchmarks.run(threads: settings.threadCounts, report: report)
    }
}
