import Gym

/// Runs a fixed policy for a number of episodes and summarizes what it earned.
public struct Evaluation: Equatable, Sendable {
    /// Episodes run.
    public var episodes: Int
    /// Mean undiscounted return.
    public var meanReturn: Double
    /// Standard deviation of the returns (population).
    public var returnStandardDeviation: Double
    /// Mean episode length in steps.
    public var meanLength: Double
    /// Fraction of episodes that ended at a goal, for environments that report goals (``GoalReporting``).
    public var successRate: Double?
    /// Episodes cut by `maxSteps` rather than ended by the environment.
    public var cutEpisodes: Int
    /// Every episode's return, in order.
    public var episodeReturns: [Double]
    /// Every episode's length, in order.
    public var episodeLengths: [Int]

    /// Runs `policy` for `episodes` episodes; the first reset uses `seed`.
    ///
    /// - Parameters:
    ///   - maxSteps: cuts an episode after this many steps, for environments without a time limit where a policy
    ///     can loop forever (a cut episode counts as a failure).
    ///   - observe: called after every step with the environment and the step (for rendering).
    ///   - shouldStop: asked after every episode; `true` ends the evaluation early (Ctrl-C, a closed window), and
    ///     the summary covers the episodes run so far (at least one).
    public init<E: Environment>(
        _ environment: inout E, episodes: Int, seed: UInt64, maxSteps: Int? = nil,
        policy: (E.Observation) -> E.Action,
        observe: (E, Step<E.Observation>) -> Void = { _, _ in },
        shouldStop: () -> Bool = { false }
    ) throws {
        guard episodes > 0 else { throw GymError("an evaluation needs at least one episode, got \(episodes)") }
        var returns: [Double] = []
        var lengths: [Int] = []
        var successes = 0
        var cut = 0
        let reportsGoals = environment.capability(GoalReporting.self) != nil
        for episode in 0..<episodes {
            var observation = environment.reset(seed: episode == 0 ? seed : nil)
            var episodeReturn = 0.0
            var length = 0
            while true {
                let step = try environment.step(policy(observation))
                observe(environment, step)
                episodeReturn += step.reward
                length += 1
                observation = step.observation
                if step.isDone {
                    if reportsGoals, environment.capability(GoalReporting.self)?.isAtGoal == true { successes += 1 }
                    break
                }
                if let maxSteps, length >= maxSteps {
                    cut += 1
                    break
                }
            }
            returns.append(episodeReturn)
            lengths.append(length)
            if shouldStop() { break }
        }
        let episodes = returns.count
        let mean = returns.reduce(0, +) / Double(episodes)
        self.episodes = episodes
        meanReturn = mean
        returnStandardDeviation = (returns.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(episodes)).squareRoot()
        meanLength = Double(lengths.reduce(0, +)) / Double(episodes)
        successRate = reportsGoals ? Double(successes) / Double(episodes) : nil
        cutEpisodes = cut
        episodeReturns = returns
        episodeLengths = lengths
    }
}
