/// The position of the largest of `values`, counted from the collection's start; the first one on ties.
///
/// Every agent's greedy action goes through here (Q-learning's table, a planner's solution, DQN's Q-values, a
/// policy's logits), so ties resolve the same way everywhere: to the lowest-numbered action. (ε-greedy exploration
/// breaks ties at random instead, and policy iteration keeps its current action on a tie so that it stops.)
/// Comparisons with NaN are false, so a NaN is the answer only when it comes first.
@inlinable
public func argmax<Values: Collection>(_ values: Values) -> Int where Values.Element: Comparable {
    guard var best = values.first else { preconditionFailure("argmax of no values") }
    var bestOffset = 0
    for (offset, value) in values.enumerated() where value > best {
        best = value
        bestOffset = offset
    }
    return bestOffset
}
