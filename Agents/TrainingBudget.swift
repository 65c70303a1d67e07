import Gym

/// How long an agent trains: a number of episodes or of environment steps.
///
/// A step budget is checked between episodes, so the last episode finishes and may overshoot it.
public enum TrainingBudget: Equatable, Sendable, CustomStringConvertible {
    /// Train for this many episodes.
    case episodes(Int)
    /// Train until this many environment steps have been taken.
    case steps(Int)

    /// The number of episodes or steps.
    public var amount: Int {
        switch self {
        case .episodes(let count), .steps(let count): count
        }
    }

    /// Progress in the budget's unit.
    public func elapsed(episodes: Int, steps: Int) -> Int {
        switch self {
        case .episodes: episodes
        case .steps: steps
        }
    }

    /// Whether training with these counts has used the budget up.
    public func isSpent(episodes: Int, steps: Int) -> Bool {
        elapsed(episodes: episodes, steps: steps) >= amount
    }

    /// Throws unless the amount is positive.
    public func validate() throws {
        guard amount > 0 else { throw GymError("the training budget must be positive, got \(self)") }
    }

    public var description: String {
        switch self {
        case .episodes(let count): "\(count) episodes"
        case .steps(let count): "\(count) steps"
        }
    }
}
