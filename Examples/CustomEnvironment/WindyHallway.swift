import Gym

/// A hallway of cells with a treasure at the right end and a trap at the left, and a wind that sometimes pushes
/// the walker back: a custom environment written as a plain Swift type.
///
/// ## Action Space
/// `Discrete(2)`: 0 step left, 1 step right.
///
/// ## Observation Space
/// `Discrete(length)`: the walker's cell, 0 (the trap) to `length - 1` (the treasure).
///
/// ## Starting State
/// Cell 2 (``start``), two steps from the trap.
///
/// ## Rewards
/// +1 for reaching the treasure, −1 for falling into the trap, −0.01 for every other step.
///
/// ## Episode End
/// Terminated at the treasure or in the trap. Add a `TimeLimit` for a step limit.
///
/// ## Arguments
/// `length` and `windProbability`, the chance that a step is blown one cell to the left instead. The treasure must
/// lie beyond the start, so a hallway has at least 4 cells: with 3, the walker would start on the treasure and its
/// first step right would leave the hallway.
struct WindyHallway: DiscreteEnvironment, TextRendering, GoalReporting {
    /// The walker's first cell.
    static let start = 2
    let length: Int
    let windProbability: Double
    private(set) var position = start
    private var generator = RandomGenerator(seed: 0)

    init(length: Int = 12, windProbability: Double = 0.1) throws {
        guard length > Self.start + 1 else {
            throw GymError("a hallway needs at least \(Self.start + 2) cells (the treasure lies beyond the start, cell \(Self.start)), got \(length)")
        }
        guard (0..<1).contains(windProbability) else {
            throw GymError("the wind probability must lie in [0, 1), got \(windProbability)")
        }
        self.length = length
        self.windProbability = windProbability
    }

    var observationSpace: Discrete { Discrete(length) }
    var actionSpace: Discrete { Discrete(2) }
    var isAtGoal: Bool { position == length - 1 }   // lets evaluation report a success rate

    mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = RandomGenerator(seed: seed) }   // reseed only when given a seed
        position = Self.start
        return position
    }

    mutating func step(_ action: Int) throws -> Step<Int> {
        guard actionSpace.contains(action) else { throw GymError.invalidAction(action, space: actionSpace) }
        let blown = generator.nextBool(probability: windProbability)
        position += blown || action == 0 ? -1 : 1
        if position == length - 1 { return Step(observation: position, reward: 1, terminated: true) }
        if position == 0 { return Step(observation: position, reward: -1, terminated: true) }
        return Step(observation: position, reward: -0.01, terminated: false)
    }

    func text() -> String {
        "X" + (1..<(length - 1)).map { $0 == position ? "@" : "." }.joined() + "$\n"
    }
}
