import Foundation
import Gym

/// A value that changes over training, such as the exploration rate ε or a learning rate.
///
/// `value(at:)` takes a count of elapsed units (episodes for tabular agents, environment steps for deep ones).
public enum Schedule: Equatable, Sendable, CustomStringConvertible {
    /// The same value throughout.
    case constant(Double)
    /// From `start` to `end` in a straight line over `duration` units, then `end`.
    case linear(start: Double, end: Double, duration: Int)
    /// `start × decay^t`, never below `end`.
    case exponential(start: Double, end: Double, decay: Double)

    /// The value after `elapsed` units.
    public func value(at elapsed: Int) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .linear(let start, let end, let duration):
            guard duration > 0, elapsed < duration else { return end }
            return start + (end - start) * Double(elapsed) / Double(duration)
        case .exponential(let start, let end, let decay):
            return max(end, start * pow(decay, Double(elapsed)))
        }
    }

    /// Throws unless every value the schedule can produce lies in `range`.
    public func validate(in range: ClosedRange<Double>, name: String) throws {
        let endpoints: [Double]
        switch self {
        case .constant(let value): endpoints = [value]
        case .linear(let start, let end, let duration):
            guard duration >= 0 else { throw GymError("the \(name) schedule needs a non-negative duration, got \(duration)") }
            endpoints = [start, end]
        case .exponential(let start, let end, let decay):
            guard decay > 0 && decay <= 1 else { throw GymError("the \(name) decay must lie in (0, 1], got \(decay)") }
            endpoints = [start, end]
        }
        for value in endpoints where !range.contains(value) {
            throw GymError("the \(name) must lie in \(range.lowerBound)...\(range.upperBound), got \(value)")
        }
    }

    public var description: String {
        switch self {
        case .constant(let value): "\(value)"
        case .linear(let start, let end, let duration): "linear \(start) → \(end) over \(duration)"
        case .exponential(let start, let end, let decay): "\(start) × \(decay)^t, floor \(end)"
        }
    }
}
