import Training
import NeuralNetwork

/// The settings every suite receives from `gym bench`.
public struct BenchmarkSettings: Sendable {
    /// Compute thread counts to measure multi-threaded code at (suites without threaded code ignore it).
    public var threadCounts: [Int]

    public init(threadCounts: [Int]) {
        self.threadCounts = threadCounts
    }
}

/// A group of related measurements that `gym bench` can run by name.
public protocol BenchmarkSuite {
    /// The name given on the command line (`gym bench tabular`).
    static var name: String { get }
    /// One line for `gym bench --help`.
    static var summary: String { get }
    init()
    /// The script that measures the same figures for the peers, run right after the suite.
    static var peerScript: PeerScript? { get }
    /// Runs the measurements, handing each one to `report` as soon as it is known.
    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws
}

/// Runs `body` `repetitions` times and returns the fastest wall time in seconds (the least disturbed run on a
/// shared machine).
func fastestSeconds(repetitions: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = clock.now
        try body()
        best = min(best, seconds(clock.now - start))
    }
    return best
}

/// Every suite `gym bench` runs, in order.
public let benchmarkSuites: [any BenchmarkSuite.Type] = [
    TabularBenchmarks.self, TensorSuite.self, DeepAgentSuite.self, ContinuousControlSuite.self, ArcadeSuite.self,
    BatchedSuite.self, ViewerSuite.self, LoggingSuite.self, PythonBridgeSuite.self,
]

extension BenchmarkSuite {
    public static var peerScript: PeerScript? { nil }
}
