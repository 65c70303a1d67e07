/// A tabular model flattened into contiguous arrays (compressed sparse rows), for fast planning and sampling.
///
/// Row `state * actionCount + action` holds the outcomes `rowStart[row] ..< rowStart[row + 1]`.
public struct TransitionTable: Sendable, Equatable {
    /// The number of states.
    public let stateCount: Int
    /// The number of actions.
    public let actionCount: Int
    /// Where each (state, action) row starts in the outcome arrays; `stateCount * actionCount + 1` entries.
    public private(set) var rowStart: [Int]
    /// The next state of each outcome.
    public private(set) var nextState: [Int32]
    /// The probability of each outcome.
    public private(set) var probability: [Double]
    /// The reward of each outcome.
    public private(set) var reward: [Double]
    /// Whether each outcome ends the episode.
    public private(set) var terminated: [Bool]
    /// The running sum of `probability` within each row (the last outcome's entry is the row's total), for
    /// sampling.
    public private(set) var cumulativeProbability: [Double]

    /// Builds the table by asking `model` for every (state, action) pair.
    public init(model: some TabularModel) {
        self.init(stateCount: model.stateCount, actionCount: model.actionCount) { state, action in
            model.transitions(state: state, action: action)
        }
    }

    /// Builds the table from a function that lists the outcomes of each (state, action) pair.
    public init(stateCount: Int, actionCount: Int, outcomes: (_ state: Int, _ action: Int) -> [Transition]) {
        self.stateCount = stateCount
        self.actionCount = actionCount
        rowStart = [0]
        rowStart.reserveCapacity(stateCount * actionCount + 1)
        nextState = []
        probability = []
        reward = []
        terminated = []
        cumulativeProbability = []
        for state in 0..<stateCount {
            for action in 0..<actionCount {
                var cumulative = 0.0
                for outcome in outcomes(state, action) {
                    cumulative += outcome.probability
                    cumulativeProbability.append(cumulative)
                    nextState.append(Int32(outcome.nextState))
                    probability.append(outcome.probability)
                    reward.append(outcome.reward)
                    terminated.append(outcome.terminated)
                }
                rowStart.append(nextState.count)
            }
        }
    }

    /// The outcomes of `action` in `state`, as ``Transition`` values.
    public func transitions(state: Int, action: Int) -> [Transition] {
        let row = state * actionCount + action
        return (rowStart[row]..<rowStart[row + 1]).map {
            Transition(probability: probability[$0], nextState: Int(nextState[$0]),
                       reward: reward[$0], terminated: terminated[$0])
        }
    }

    /// Draws one outcome of `action` in `state` and returns its index into the outcome arrays.
    ///
    /// Uses one uniform number and picks the first outcome whose cumulative probability exceeds it, as
    /// Gymnasium's `categorical_sample` does (counted without branches: the draw is unpredictable).
    @inlinable
    public func sampleOutcome(state: Int, action: Int, using generator: inout RandomGenerator) -> Int {
        let row = state * actionCount + action
        let first = rowStart[row]
        let end = rowStart[row + 1]
        if end - first == 1 { return first }
        let draw = generator.nextDouble()
        var chosen = first
        for index in first..<(end - 1) where draw >= cumulativeProbability[index] {
            chosen &+= 1
        }
        return chosen
    }
}
