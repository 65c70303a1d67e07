import Gym

/// A gridworld built from a text map: FrozenLake, CliffWalking and custom mazes with walls, pits and cliffs.
///
/// ## Action Space
/// `Discrete(4)`: one move per direction, numbered by ``Configuration/actions``. The default order is
/// FrozenLake's (0 left, 1 down, 2 right, 3 up); CliffWalking uses 0 up, 1 right, 2 down, 3 left.
///
/// ## Observation Space
/// `Discrete(rows * columns)`: the agent's cell, `row * columns + column`.
///
/// ## Starting State
/// The map's `S` cell.
///
/// ## Rewards
/// Entering a goal gives `rewards.goal`, a hole `rewards.hole`, a cliff `rewards.cliff` (and a return to the
/// start), any other cell `rewards.step`.
///
/// ## Episode End
/// Terminated on entering a goal or a hole. Time limits come from a ``TimeLimit`` wrapper (the registry adds the
/// Gymnasium values: FrozenLake 4x4 100 steps, 8x8 200, CliffWalking none).
///
/// ## Arguments
/// The ``GridMap`` and a ``Configuration``: slipping (with probability `slip.intended` the move goes where
/// intended, with `slip.perpendicular` each to one of the two perpendicular directions), rewards, the action order,
/// and whether goal and hole cells are modelled as absorbing states (FrozenLake) or not (CliffWalking).
public struct GridWorld: DiscreteEnvironment, TabularModel {
    /// A move on the grid.
    public enum Direction: String, Sendable, CaseIterable {
        case up, right, down, left

        var rowStep: Int { self == .up ? -1 : self == .down ? 1 : 0 }
        var columnStep: Int { self == .left ? -1 : self == .right ? 1 : 0 }
    }

    /// How likely a move is to go where intended.
    public struct Slip: Equatable, Sendable {
        /// The probability of the intended move.
        public var intended: Double
        /// The probability of each of the two perpendicular moves.
        public var perpendicular: Double

        /// Creates a slip model; `intended + 2 * perpendicular` must be 1.
        public init(intended: Double, perpendicular: Double) {
            self.intended = intended
            self.perpendicular = perpendicular
        }

        /// FrozenLake's rule: the intended move with `successRate`, each perpendicular with `(1 − successRate) / 2`.
        public static func frozenLake(successRate: Double = 1.0 / 3.0) -> Slip {
            Slip(intended: successRate, perpendicular: (1 - successRate) / 2)
        }
    }

    /// The reward for entering each kind of cell.
    public struct Rewards: Equatable, Sendable {
        /// Entering a floor or start cell (or bumping into a wall).
        public var step: Double
        /// Entering a goal.
        public var goal: Double
        /// Entering a hole.
        public var hole: Double
        /// Entering a cliff (the agent goes back to the start).
        public var cliff: Double

        /// Creates a reward table.
        public init(step: Double = 0, goal: Double = 1, hole: Double = 0, cliff: Double = -100) {
            self.step = step
            self.goal = goal
            self.hole = hole
            self.cliff = cliff
        }
    }

    /// How the grid behaves.
    public struct Configuration: Equatable, Sendable {
        /// Slipping, or `nil` for deterministic moves.
        public var slip: Slip?
        /// The rewards.
        public var rewards: Rewards
        /// The direction of each action number.
        public var actions: [Direction]
        /// Whether goal and hole cells are absorbing in the model (every action stays, reward 0, terminated).
        public var absorbingTerminals: Bool

        /// Creates a configuration; the defaults are FrozenLake's, without slipping.
        public init(slip: Slip? = nil, rewards: Rewards = Rewards(),
                    actions: [Direction] = [.left, .down, .right, .up], absorbingTerminals: Bool = true) {
            self.slip = slip
            self.rewards = rewards
            self.actions = actions
            self.absorbingTerminals = absorbingTerminals
        }
    }

    /// The map.
    public let map: GridMap
    /// The dynamics and rewards.
    public let configuration: Configuration
    /// The model, precomputed.
    public let transitionTable: TransitionTable
    /// The agent's cell.
    public var state: Int { cell }
    /// The last action taken, if any in this episode.
    public var lastAction: Int? { previousAction }
    @usableFromInline var cell: Int
    @usableFromInline var previousAction: Int?
    @usableFromInline var generator = RandomGenerator(seed: 0)

    /// Creates a gridworld; throws when the action list is not four distinct directions or the slip model is invalid.
    public init(map: GridMap, configuration: Configuration = Configuration()) throws {
        guard configuration.actions.count == 4, Set(configuration.actions).count == 4 else {
            throw GymError("a gridworld needs the four directions once each as actions, got \(configuration.actions.map(\.rawValue))")
        }
        if let slip = configuration.slip {
            guard slip.intended >= 0, slip.perpendicular >= 0,
                  abs(slip.intended + 2 * slip.perpendicular - 1) < 1e-9 else {
                throw GymError("slip probabilities must be non-negative with intended + 2 x perpendicular = 1, got \(slip.intended) and \(slip.perpendicular)")
            }
        }
        self.map = map
        self.configuration = configuration
        self.transitionTable = TransitionTable(stateCount: map.cells.count, actionCount: 4) { state, action in
            Self.outcomes(map: map, configuration: configuration, state: state, action: action)
        }
        self.cell = map.start
    }

    public var observationSpace: Discrete { Discrete(map.cells.count) }
    public var actionSpace: Discrete { Discrete(4) }
    public var stateCount: Int { map.cells.count }
    public var actionCount: Int { 4 }

    public var initialStateDistribution: [Double] {
        var distribution = [Double](repeating: 0, count: map.cells.count)
        distribution[map.start] = 1
        return distribution
    }

    public func transitions(state: Int, action: Int) -> [Transition] {
        transitionTable.transitions(state: state, action: action)
    }

    @inlinable
    public mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = RandomGenerator(seed: seed) }
        cell = map.start
        previousAction = nil
        return cell
    }

    @inlinable
    public mutating func step(_ action: Int) throws -> Step<Int> {
        guard action >= 0 && action < 4 else { throw GymError.invalidAction(action, space: actionSpace) }
        let outcome = transitionTable.sampleOutcome(state: cell, action: action, using: &generator)
        cell = Int(transitionTable.nextState[outcome])
        previousAction = action
        return Step(observation: state, reward: transitionTable.reward[outcome],
                    terminated: transitionTable.terminated[outcome])
    }

    /// Places the agent on `state` (for tests, demonstrations and planning visualizations).
    public mutating func setState(_ state: Int) throws {
        guard (0..<stateCount).contains(state) else {
            throw GymError("state \(state) is outside 0..<\(stateCount)")
        }
        self.cell = state
    }

    private static func outcomes(map: GridMap, configuration: Configuration, state: Int, action: Int) -> [Transition] {
        if configuration.absorbingTerminals && map[state].isTerminal {
            return [Transition(probability: 1, nextState: state, reward: 0, terminated: true)]
        }
        let directions = configuration.actions
        let moves: [(Direction, Double)]
        if let slip = configuration.slip {
            moves = [(directions[(action + 3) % 4], slip.perpendicular),
                     (directions[action], slip.intended),
                     (directions[(action + 1) % 4], slip.perpendicular)]
        } else {
            moves = [(directions[action], 1)]
        }
        let rewards = configuration.rewards
        return moves.map { direction, probability in
            let row = min(max(state / map.columns + direction.rowStep, 0), map.rows - 1)
            let column = min(max(state % map.columns + direction.columnStep, 0), map.columns - 1)
            var next = row * map.columns + column
            if map[next] == .wall { next = state }
            switch map[next] {
            case .cliff:
                return Transition(probability: probability, nextState: map.start, reward: rewards.cliff, terminated: false)
            case .goal:
                return Transition(probability: probability, nextState: next, reward: rewards.goal, terminated: true)
            case .hole:
                return Transition(probability: probability, nextState: next, reward: rewards.hole, terminated: true)
            case .start, .floor, .wall:
                return Transition(probability: probability, nextState: next, reward: rewards.step, terminated: false)
            }
        }
    }
}

extension GridWorld: GoalReporting {
    public var isAtGoal: Bool { map[state] == .goal }
}
