/// Peer figures measured with `scripts/peers/tensor_bench.py` on the reference machine (AMD EPYC, 2 cores,
/// AVX-512; PyTorch 2.15 CPU, NumPy with OpenBLAS), same thread counts as the Swift figures.
enum PeerFigures {
    /// The peer measurement for a benchmark name, as text, or `nil` when none was taken.
    static func comparison(for name: String) -> String? {
        figures[name]
    }

    private static let figures: [String: String] = [:]
}
