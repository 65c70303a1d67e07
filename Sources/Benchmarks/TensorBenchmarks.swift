import CTensorKernels
import NeuralNetwork
import Foundation
import Parallelism
import TensorCore

/// The tensor benchmarks behind `gym bench tensor`: the cores' peak FMA rate, GEMM throughput and its fraction of
/// that peak, the Nature-DQN CNN, the MinAtar net, CartPole MLP updates (CleanRL's 120-84 net at batch 128 and the
/// DQN preset's 256-256 net at batch 64), plus the resident memory over 100k MLP updates. Run them from a release
/// build.
public enum TensorBenchmarks {
    /// Runs every benchmark once per entry of `threads` (the compute thread count), reporting as it goes.
    ///
    /// The memory figure runs once, at the first thread count. The thread setting is restored afterwards.
    public static func run(threads: [Int], report: (BenchmarkFigure) -> Void) {
        let saved = ComputeThreads.count
        defer { ComputeThreads.count = saved }
        for count in threads {
            ComputeThreads.count = count
            let suffix = "_t\(count)"
            let peak = peakGigaflops(threads: count)
            report(figure("fma_peak\(suffix)", peak, "GFLOP/s"))
            for size in [64, 128, 256, 512, 1024] {
                let rate = gemmGigaflops(size: size)
                report(figure("gemm_\(size)\(suffix)", rate, "GFLOP/s"))
                report(figure("gemm_\(size)_of_peak\(suffix)", 100 * rate / peak, "%"))
            }
            var generator = SplitMix64(seed: 1)
            let nature = NetworkWorkload.natureCNN(using: &generator)
            report(figure("nature_cnn_forward_b1\(suffix)", milliseconds { nature.forward(batch: 1) }, "ms"))
            report(figure("nature_cnn_train_b32\(suffix)", milliseconds { nature.update(batch: 32) }, "ms"))
            let minAtar = NetworkWorkload.minAtar(using: &generator)
            report(figure("minatar_train_b32\(suffix)", milliseconds { minAtar.update(batch: 32) }, "ms"))
            let cartPole = NetworkWorkload.cartPoleMLP(using: &generator)
            report(figure("cartpole_mlp_train_b128\(suffix)", milliseconds { cartPole.update(batch: 128) }, "ms"))
            let dqnCartPole = NetworkWorkload.dqnCartPoleMLP(using: &generator)
            report(figure("cartpole_mlp256_train_b64\(suffix)", milliseconds { dqnCartPole.update(batch: 64) }, "ms"))
        }
        if let first = threads.first {
            ComputeThreads.count = first
            for item in memoryFigures(updates: 100_000) { report(item) }
        }
    }

    private static func figure(_ name: String, _ value: Double, _ unit: String) -> BenchmarkFigure {
        BenchmarkFigure(name: name, value: value, unit: unit, comparison: nil)
    }

    /// The peak multiply-add rate of `threads` cores together, in GFLOP/s: each runs `tk_fma_peak_run` at once, from
    /// the best of five timed batches.
    static func peakGigaflops(threads: Int) -> Double {
        let steps = 1 << 16
        let flopsPerCall = tk_fma_peak_run(steps, nil)
        let seconds = bestSeconds {
            WorkerPool.shared.run(parts: threads) { _ in
                var checksum: Float = 0
                _ = tk_fma_peak_run(steps, &checksum)
                precondition(checksum.isFinite, "the FMA chains diverged")
            }
        }
        return flopsPerCall * Double(threads) / seconds / 1e9
    }

    /// GFLOP/s of square products, from the best of five timed batches of repetitions.
    static func gemmGigaflops(size: Int) -> Double {
        var generator = SplitMix64(seed: UInt64(size))
        let a = Tensor.uniform([size, size], low: -1, high: 1, using: &generator)
        let b = Tensor.uniform([size, size], low: -1, high: 1, using: &generator)
        let seconds = bestSeconds { _ = a.matmul(b) }
        return 2 * Double(size * size * size) / seconds / 1e9
    }

    /// Milliseconds per call of `body`, from the best of five timed batches.
    static func milliseconds(_ body: () -> Void) -> Double {
        bestSeconds(body) * 1000
    }

    /// Seconds per call: warms up, picks a repetition count filling about 0.1 s, keeps the fastest of 5 batches.
    static func bestSeconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        body()
        var repetitions = 1
        while true {
            let elapsed = seconds(clock.measure { for _ in 0..<repetitions { body() } })
            if elapsed >= 0.1 || repetitions >= 1 << 20 { break }
            repetitions *= elapsed < 0.01 ? 10 : 2
        }
        var best = Double.infinity
        for _ in 0..<5 {
            best = min(best, seconds(clock.measure { for _ in 0..<repetitions { body() } }) / Double(repetitions))
        }
        return best
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Resident memory after 100k CartPole MLP updates, and its growth after the first 1k of them.
    static func memoryFigures(updates: Int) -> [BenchmarkFigure] {
        var generator = SplitMix64(seed: 3)
        let workload = NetworkWorkload.cartPoleMLP(using: &generator)
        let warmup = 1_000
        for _ in 0..<warmup { workload.update(batch: 128) }
        let start = ResidentMemory.current()
        for _ in warmup..<updates { workload.update(batch: 128) }
        let end = ResidentMemory.current()
        return [
            figure("cartpole_mlp_100k_updates_rss", end, "MB"),
            figure("cartpole_mlp_100k_updates_rss_growth", end - start, "MB"),
        ]
    }
}
