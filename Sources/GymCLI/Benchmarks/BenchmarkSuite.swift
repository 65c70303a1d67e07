/// One figure a benchmark measured.
struct BenchmarkMeasurement: Encodable {
    /// A snake_case identifier, stable across versions (the JSON key).
    var name: String
    var value: Double
    var unit: String
    /// What the figure is compared against (a target or a peer's figure), if anything.
    var comparison: String?
}

/// A group of related measurements that `gym bench` can run by name.
protocol BenchmarkSuite {
    /// The name given on the command line (`gym bench tabular`).
    static var name: String { get }
    /// One line for `gym bench --help`.
    static var summary: String { get }
    init()
    /// Runs the measurements, handing each one to `report` as soon as it is known.
    func run(report: (BenchmarkMeasurement) -> Void) throws
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
