import NeuralNetwork
/// Peer figures measured with `scripts/peers/tensor_bench.py --threads 1` on the reference machine (AMD EPYC
/// with AVX-512, NumPy 2.4.6 with OpenBLAS, PyTorch 2.15 CPU), right after the Swift figures, same method.
enum PeerFigures {
    /// The peer measurement for a benchmark name, as text, or `nil` when none was taken.
    static func comparison(for name: String) -> String? {
        figures[name]
    }

    private static let figures: [String: String] = [
        "gemm_64_t1": "numpy 91.8 GFLOP/s",
        "gemm_128_t1": "numpy 95.1 GFLOP/s",
        "gemm_256_t1": "numpy 102.2 GFLOP/s",
        "gemm_512_t1": "numpy 104.1 GFLOP/s",
        "gemm_1024_t1": "numpy 101.2 GFLOP/s",
        "nature_cnn_forward_b1_t1": "PyTorch 0.50 ms",
        "nature_cnn_train_b32_t1": "PyTorch 29.0 ms",
        "minatar_train_b32_t1": "PyTorch 1.41 ms",
        "cartpole_mlp_train_b128_t1": "PyTorch 0.60 ms",
    ]
}
