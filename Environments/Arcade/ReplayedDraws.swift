/// Random draws recorded from another implementation of a game, played back in place of the game's generator.
///
/// Replaying MinAtar's episodes frame for frame needs MinAtar's random numbers at the same rules: the games draw
/// through ``ArcadeMachine/random(below:)`` and ``ArcadeMachine/uniform()``, which read from here instead of the
/// generator while ``ArcadeMachine/replayedDraws`` is set (tests only; normal play never sets it). Each recorded
/// draw says what kind of draw it was, so a rule that asks for a different kind, or for an integer from a different
/// range, is a difference between the games: it is noted in ``mismatch`` and the draw still answers, so the replay
/// goes on to the frame comparison that shows it.
public struct ReplayedDraws: Sendable {
    /// One recorded draw.
    public enum Draw: Equatable, Sendable {
        /// A uniform value in [0, 1).
        case uniform(Double)
        /// A uniform integer `value` in `0..<upperBound`.
        case integer(value: Int, upperBound: Int)
    }

    /// The draws, in the order they were made.
    public var draws: [Draw]
    /// How many draws have been played back.
    public var position = 0
    /// The first draw the game asked for that the recording does not hold (a different kind or range, or one past
    /// the end), with the position it was asked at; `nil` while the game draws exactly as recorded.
    public var mismatch: (position: Int, asked: String)?

    /// Plays back `draws` in order.
    public init(_ draws: [Draw]) {
        self.draws = draws
    }

    /// Whether every draw was played back and each was of the kind asked for.
    public var isExhausted: Bool { position == draws.count && mismatch == nil }

    /// The next draw, which should be a uniform value.
    public mutating func uniform() -> Double {
        guard position < draws.count, case .uniform(let value) = draws[position] else {
            note("a uniform value")
            return 0
        }
        position += 1
        return value
    }

    /// The next draw, which should be an integer in `0..<upperBound`.
    public mutating func integer(below upperBound: Int) -> Int {
        guard position < draws.count, case .integer(let value, upperBound) = draws[position] else {
            note("an integer below \(upperBound)")
            return 0
        }
        position += 1
        return value
    }

    private mutating func note(_ asked: String) {
        if mismatch == nil { mismatch = (position, asked) }
        if position < draws.count { position += 1 }
    }
}
