import Foundation

/// A wrapper that learns running statistics while it is stepped (``NormalizeObservation``, ``NormalizeReward``), so
/// that a trainer can save them in a checkpoint beside the agent and a run can restore them.
///
/// A trainer finds the outermost such wrapper through ``Environment/capability(_:)``; each one adds the entries of
/// the ones inside it, so the whole chain's statistics are saved.
public protocol LearnedStatistics {
    /// The statistics of this wrapper and of those inside it, as checkpoint metadata: JSON under a key per wrapper.
    var statisticsEntries: [String: String] { get }
}

extension RunningMeanVariance {
    /// These statistics as compact JSON text.
    public var jsonText: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The statistics saved under `key` in `metadata`, `nil` when there are none; throws when they are not valid
    /// statistics of `size` components (what was wrong, and what was expected).
    public static func saved(under key: String, in metadata: [String: String], size: Int) throws -> Self? {
        guard let text = metadata[key] else { return nil }
        guard let statistics = try? JSONDecoder().decode(Self.self, from: Data(text.utf8)) else {
            throw GymError("the checkpoint's '\(key)' is not valid running statistics (JSON with mean, variance and count)")
        }
        guard statistics.mean.count == size, statistics.variance.count == size else {
            throw GymError("the checkpoint's '\(key)' has statistics of \(statistics.mean.count) components; this environment needs \(size)")
        }
        guard statistics.count.isFinite, statistics.count > 0,
              statistics.mean.allSatisfy({ $0.isFinite }), statistics.variance.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw GymError("the checkpoint's '\(key)' holds a non-finite mean, a negative or non-finite variance, or a count that is not positive")
        }
        return statistics
    }
}

extension NormalizeObservation: LearnedStatistics {
    /// The metadata key of the observation statistics.
    public static var statisticsKey: String { "normalize_observation" }

    public var statisticsEntries: [String: String] {
        (base.capability(LearnedStatistics.self)?.statisticsEntries ?? [:])
            .merging([Self.statisticsKey: statistics.jsonText]) { _, own in own }
    }
}

extension NormalizeReward: LearnedStatistics {
    /// The metadata key of the return statistics.
    public static var statisticsKey: String { "normalize_reward" }

    public var statisticsEntries: [String: String] {
        (base.capability(LearnedStatistics.self)?.statisticsEntries ?? [:])
            .merging([Self.statisticsKey: statistics.jsonText]) { _, own in own }
    }
}
