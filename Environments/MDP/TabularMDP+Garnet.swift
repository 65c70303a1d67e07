import Gym

extension TabularMDP {
    /// The most transitions a generated Garnet MDP holds (states × actions × branching).
    public static let maximumGarnetTransitions = 10_000_000

    /// A random Garnet MDP (Archibald et al.): each (state, action) leads to `branching` distinct next states with
    /// probabilities from a uniform random partition of [0, 1], and a reward drawn uniformly from [0, 1).
    ///
    /// The start distribution is uniform; there are no terminal states, so episodes need a ``TimeLimit``.
    /// The same arguments always give the same MDP.
    public static func garnet(states: Int, actions: Int, branching: Int, seed: UInt64 = 0) throws -> TabularMDP {
        guard states > 0, actions > 0 else {
            throw GymError("a Garnet MDP needs at least one state and one action, got \(states) and \(actions)")
        }
        guard (1...states).contains(branching) else {
            throw GymError("the Garnet branching factor must be in 1...\(states) (the state count), got \(branching)")
        }
        let (pairs, pairsOverflow) = states.multipliedReportingOverflow(by: actions)
        let (transitions, overflow) = pairs.multipliedReportingOverflow(by: branching)
        guard !pairsOverflow, !overflow, transitions <= maximumGarnetTransitions else {
            throw GymError("a Garnet MDP of \(states) states, \(actions) actions and branching \(branching) would hold \(pairsOverflow || overflow ? "more than 9e18" : String(transitions)) transitions; at most \(maximumGarnetTransitions)")
        }
        var generator = RandomGenerator(seed: seed)
        var outcomes: [[[Transition]]] = []
        for _ in 0..<states {
            var row: [[Transition]] = []
            for _ in 0..<actions {
                // The first `branching` entries of a Fisher–Yates shuffle of 0..<states, with only the moved entries stored.
                var moved: [Int: Int] = [:]
                var candidates: [Int] = []
                for index in 0..<branching {
                    let other = index + generator.nextInt(below: states - index)
                    let picked = moved[other] ?? other
                    moved[other] = moved[index] ?? index
                    candidates.append(picked)
                }
                var cuts = (0..<(branching - 1)).map { _ in generator.nextDouble() }
                cuts.sort()
                let bounds = [0.0] + cuts + [1.0]
                let reward = generator.nextDouble()
                row.append((0..<branching).map { index in
                    Transition(probability: bounds[index + 1] - bounds[index], nextState: candidates[index],
                               reward: reward, terminated: false)
                })
            }
            outcomes.append(row)
        }
        return try TabularMDP(stateNames: (0..<states).map { "s\($0)" }, actionNames: (0..<actions).map { "a\($0)" },
                              outcomes: outcomes,
                              initialStateDistribution: Array(repeating: 1.0 / Double(states), count: states))
    }
}
