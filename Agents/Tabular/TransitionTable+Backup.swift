import Gym

/// Raw views of a ``TransitionTable`` for the planning inner loops.
struct TransitionBuffers {
    let stateCount: Int
    let actionCount: Int
    let rowStart: UnsafeBufferPointer<Int>
    let nextState: UnsafeBufferPointer<Int32>
    let probability: UnsafeBufferPointer<Double>
    let reward: UnsafeBufferPointer<Double>
    let terminated: UnsafeBufferPointer<Bool>

    /// Σ p (r + γ V(s')) over the outcomes of (state, action), with no bootstrap after a terminal outcome.
    @inline(__always)
    func backup(state: Int, action: Int, values: UnsafeMutableBufferPointer<Double>, discount: Double) -> Double {
        let row = state * actionCount + action
        var total = 0.0
        for index in rowStart[row]..<rowStart[row + 1] {
            let future = terminated[index] ? 0 : discount * values[Int(nextState[index])]
            total += probability[index] * (reward[index] + future)
        }
        return total
    }
}

extension TransitionTable {
    /// Calls `body` with unsafe views of the table's arrays.
    func withBuffers<Result>(_ body: (TransitionBuffers) throws -> Result) rethrows -> Result {
        try rowStart.withUnsafeBufferPointer { rowStart in
            try nextState.withUnsafeBufferPointer { nextState in
                try probability.withUnsafeBufferPointer { probability in
                    try reward.withUnsafeBufferPointer { reward in
                        try terminated.withUnsafeBufferPointer { terminated in
                            try body(TransitionBuffers(stateCount: stateCount, actionCount: actionCount,
                                                       rowStart: rowStart, nextState: nextState,
                                                       probability: probability, reward: reward,
                                                       terminated: terminated))
                        }
                    }
                }
            }
        }
    }

    /// Q(s, a) = Σ p (r + γ V(s')) for every state and action, flattened as `state * actionCount + action`.
    func actionValues(of values: [Double], discount: Double) -> [Double] {
        var values = values
        return withBuffers { buffers in
            values.withUnsafeMutableBufferPointer { values in
                (0..<(stateCount * actionCount)).map { row in
                    buffers.backup(state: row / actionCount, action: row % actionCount, values: values, discount: discount)
                }
            }
        }
    }

    /// The greedy action of every state under `actionValues` (flattened as `state * actionCount + action`), the
    /// lowest-numbered on ties.
    func greedyPolicy(actionValues: [Double]) -> [Int] {
        (0..<stateCount).map { state in argmax(actionValues[(state * actionCount)..<((state + 1) * actionCount)]) }
    }
}
