import ArgumentParser
import Training

/// The ranges of the command line's own numeric options (the agents' settings carry theirs in their declarations).
/// Numeric options parse their value unconditionally, so `--steps -1` reaches these checks and is told the range.
enum OptionLimits {
    /// Evaluation, watching and play episodes (each episode's figures are kept in memory).
    static let episodes = RunPlan.evaluationEpisodeRange
    /// Every-Nth-episode intervals and `--log-updates`.
    static let interval = 1...1_000_000_000_000
    /// `--max-episode-steps`, `gym render --max-steps`.
    static let episodeSteps = 1...1_000_000_000_000
    /// `gym check --steps`.
    static let checkSteps = 1...100_000_000
    /// `--pixels`: the side of the preprocessed frames.
    static let pixels = 8...512
    /// `--fps`.
    static let framesPerSecond = 0.01...10_000.0
    /// `gym bench --threads`.
    static let threads = 1...256

    /// Throws a validation error naming `flag` and the range unless `value` lies in `range`.
    static func check<Value: Comparable & CustomStringConvertible>(_ value: Value?, _ flag: String,
                                                                   in range: ClosedRange<Value>) throws {
        guard let value else { return }
        guard range.contains(value) else {
            throw ValidationError("\(flag) must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }
}
