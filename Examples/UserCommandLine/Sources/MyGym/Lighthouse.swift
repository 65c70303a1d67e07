import Gym

/// A keeper walks a pier of `length` planks to the lighthouse at its end; gusts of wind sometimes push them back.
///
/// ## Action Space
/// `Discrete(2)`: 0 steps back toward the shore, 1 steps toward the lighthouse.
///
/// ## Observation Space
/// `Discrete(length)`: the plank the keeper stands on, 0 at the shore.
///
/// ## Starting State
/// Plank 0.
///
/// ## Rewards
/// −0.01 a step, +1 on reaching the last plank.
///
/// ## Episode End
/// Terminated on the last plank; truncated by the registry's time limit of 100 steps.
///
/// ## Arguments
/// `length` (2 to 1,000, default 8) and `gust` (the chance in [0, 1) that a step is blown back, default 0.1).
struct Lighthouse: DiscreteEnvironment {
    let length: Int
    let gust: Double
    private var plank = 0
    private var generator = RandomGenerator(seed: 0)

    init(length: Int = 8, gust: Double = 0.1) throws {
        guard (2...1_000).contains(length) else { throw GymError("length must be from 2 to 1000, got \(length)") }
        guard gust >= 0, gust < 1 else { throw GymError("gust must lie in [0, 1), got \(gust)") }
        self.length = length
        self.gust = gust
    }

    var observationSpace: Discrete { Discrete(length) }
    var actionSpace: Discrete { Discrete(2) }

    mutating func reset(seed: UInt64?) -> Int {
        if let seed { generator = RandomGenerator(seed: seed) }
        plank = 0
        return plank
    }

    mutating func step(_ action: Int) throws -> Step<Int> {
        guard actionSpace.contains(action) else { throw GymError("Lighthouse takes action 0 or 1, got \(action)") }
        let blownBack = generator.nextDouble() < gust
        plank = max(0, min(length - 1, plank + (action == 1 && !blownBack ? 1 : -1)))
        let arrived = plank == length - 1
        return Step(observation: plank, reward: arrived ? 1 : -0.01, terminated: arrived, truncated: false)
    }

    /// How the registry builds it: `gym run q-learning lighthouse --env-option length=12`.
    static let spec = EnvironmentSpec(
        name: "lighthouse", summary: "walk a windy pier to the lighthouse (a user's own environment)", family: "user",
        rewardThreshold: 0.8, maxEpisodeSteps: 100,
        options: [EnvironmentOption("length", default: "8", "planks on the pier"),
                  EnvironmentOption("gust", default: "0.1", "the chance a step is blown back")]
    ) { options in
        try Lighthouse(length: options.int("length", default: 8), gust: options.double("gust", default: 0.1))
    }
}
